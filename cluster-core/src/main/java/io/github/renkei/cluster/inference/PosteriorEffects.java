package io.github.renkei.cluster.inference;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.simulation.Parameters;
import io.github.renkei.cluster.simulation.ProgressListener;
import io.github.renkei.cluster.simulation.RandomStreams;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Simulation;
import io.github.renkei.cluster.simulation.SimulationResult;
import io.github.renkei.cluster.simulation.Statistics;
import io.github.renkei.cluster.simulation.TimeSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The effect of a policy over a posterior: does a claim's sign hold across what the data allow?
 * Each of {@code D} draws from the posterior runs the scenario under policy A and under policy B
 * with common random numbers ({@code R} paired replications with the same seed), and its effect
 * at a metric and time is the mean paired difference B − A. The result summarizes the {@code D}
 * effects: their median, a central interval, and the share of draws whose effect is above zero.
 *
 * <pre>{@code
 * PosteriorEffects.Result r = PosteriorEffects.of(scenario, FukushimaCalibration.posterior())
 *     .policies(Map.of("council", false), Map.of("council", true))
 *     .draws(100).replications(4).seed(2005).threads(2)
 *     .run();
 * PosteriorEffects.Effect e = r.effect("registered-manufacturers", "2030");
 * e.median(); e.interval(0.9); e.shareAbove(0);
 * }</pre>
 *
 * <p>A draw's effect still carries the noise of its {@code R} paired runs, so the interval is
 * the posterior spread of the effect widened by that noise, and the share above zero is a
 * conservative reading of the sign: with more replications it moves towards 0 or 1 where the
 * sign is settled by the data. Draw {@code i} takes the {@code i}-th particle of {@link
 * Posterior#sample(int, long) posterior.sample(D, seed)} and the seed {@code
 * RandomStreams.seed(seed, i, "posterior-effect")} for both policies, so results are
 * bit-identical for a seed whatever the number of threads. Immutable; the builder is not
 * thread-safe.
 */
public final class PosteriorEffects {

  private static final String STREAM = "posterior-effect";

  private PosteriorEffects() {}

  /**
   * Starts a comparison over a posterior.
   *
   * @param scenario the scenario the posterior's parameters belong to
   * @param posterior the posterior; its parameters must be the scenario's (a discrepancy term is
   *     left out, see {@link Particle#applyTo})
   * @return a builder
   */
  public static Builder of(Scenario<?> scenario, Posterior posterior) {
    return new Builder(checkNotNull(scenario, "scenario"), checkNotNull(posterior, "posterior"));
  }

  /**
   * The effects at one metric and time.
   *
   * @param metric the metric
   * @param time the time
   * @param perDraw each draw's mean paired difference B − A, in draw order
   */
  public record Effect(String metric, String time, ImmutableList<Double> perDraw) {

    /**
     * Checks the fields.
     *
     * @param metric the metric
     * @param time the time
     * @param perDraw each draw's effect, at least one
     */
    public Effect {
      checkNotNull(metric, "metric");
      checkNotNull(time, "time");
      checkArgument(!perDraw.isEmpty(), "an effect needs at least one draw");
    }

    /**
     * Returns the draws' effects as statistics.
     *
     * @return the summary of the per-draw effects
     */
    public Statistics statistics() {
      return Statistics.of(perDraw.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Returns the median effect over the draws.
     *
     * @return the median
     */
    public double median() {
      return statistics().median();
    }

    /**
     * Returns the central interval holding {@code level} of the draws' effects.
     *
     * @param level in (0, 1], such as 0.9
     * @return the interval
     */
    public Statistics.Interval interval(double level) {
      return statistics().runRange(level);
    }

    /**
     * Returns the share of draws whose effect is above a threshold.
     *
     * @param threshold such as 0, for "B raises the metric"
     * @return the share, 0 to 1
     */
    public double shareAbove(double threshold) {
      checkArgument(Double.isFinite(threshold), "threshold must be finite but was %s", threshold);
      return perDraw.stream().filter(d -> d > threshold).count() / (double) perDraw.size();
    }

    @Override
    public String toString() {
      Statistics.Interval i = interval(0.9);
      return String.format(Locale.ROOT, "%s@%s: median %+.3g, 90%% of draws in [%+.3g, %+.3g], %.0f%% of draws > 0",
          metric, time, median(), i.lower(), i.upper(), 100 * shareAbove(0));
    }
  }

  /** The comparison's result: an {@link Effect} per metric and time. */
  public static final class Result {
    private final ImmutableMap<String, double[][]> effects;
    private final ImmutableList<String> times;
    private final int draws;
    private final int replications;

    private Result(ImmutableMap<String, double[][]> effects, ImmutableList<String> times, int draws,
        int replications) {
      this.effects = effects;
      this.times = times;
      this.draws = draws;
      this.replications = replications;
    }

    /**
     * Returns the effect at a metric and time.
     *
     * @param metric a metric of the comparison
     * @param time a time of the schedule
     * @return the effect
     * @throws IllegalArgumentException naming the metric or time if the comparison has none such,
     *     or if some draw's runs stopped before it
     */
    public Effect effect(String metric, String time) {
      double[][] m = effects.get(metric);
      checkArgument(m != null, "metric '%s' is not one of the comparison's: %s", metric, effects.keySet());
      int t = times.indexOf(time);
      checkArgument(t >= 0, "time '%s' is not in the schedule %s", time, times);
      ImmutableList.Builder<Double> b = ImmutableList.builder();
      for (int i = 0; i < draws; i++) {
        checkArgument(!Double.isNaN(m[i][t]), "draw %s of %s did not reach %s (a stop condition ended its runs)", i,
            metric, time);
        b.add(m[i][t]);
      }
      return new Effect(metric, time, b.build());
    }

    /**
     * Returns the draws from the posterior.
     *
     * @return D
     */
    public int draws() {
      return draws;
    }

    /**
     * Returns the paired replications per draw.
     *
     * @return R
     */
    public int replications() {
      return replications;
    }

    /**
     * Returns the metrics compared.
     *
     * @return their names
     */
    public ImmutableList<String> metrics() {
      return effects.keySet().asList();
    }
  }

  /** Configures and runs a comparison. */
  public static final class Builder {
    private final Scenario<?> scenario;
    private final Posterior posterior;
    private Parameters base;
    private Map<String, ?> policyA;
    private Map<String, ?> policyB;
    private List<String> metrics;
    private int draws = 100;
    private int replications = 4;
    private Long seed;
    private int threads = Runtime.getRuntime().availableProcessors();
    private final List<ProgressListener> listeners = new ArrayList<>();

    private Builder(Scenario<?> scenario, Posterior posterior) {
      this.scenario = scenario;
      this.posterior = posterior;
      this.base = scenario.defaults();
      this.metrics = scenario.metricNames();
    }

    /**
     * Sets the values the particles are applied over; default the scenario's defaults.
     *
     * @param base the scenario's parameters
     * @return this builder
     */
    public Builder base(Parameters base) {
      this.base = checkNotNull(base, "base");
      return this;
    }

    /**
     * Sets the two policies: parameter values applied over each draw's parameters.
     *
     * @param a policy A, the reference, by parameter name
     * @param b policy B; the effect is B − A
     * @return this builder
     * @throws IllegalArgumentException naming the parameter if the scenario does not declare it,
     *     does not admit the value, or the posterior estimates it
     */
    public Builder policies(Map<String, ?> a, Map<String, ?> b) {
      for (Map<String, ?> policy : List.of(checkNotNull(a, "a"), checkNotNull(b, "b"))) {
        for (Map.Entry<String, ?> e : policy.entrySet()) {
          checkArgument(!posterior.parameters().contains(e.getKey()),
              "parameter '%s' is estimated by the posterior, so a policy cannot set it", e.getKey());
          base.withValue(e.getKey(), e.getValue()); // checks name and value
        }
      }
      this.policyA = ImmutableMap.copyOf(a);
      this.policyB = ImmutableMap.copyOf(b);
      return this;
    }

    /**
     * Limits the metrics recorded; default all of the scenario's.
     *
     * @param names metric names
     * @return this builder
     * @throws IllegalArgumentException naming a metric the scenario lacks
     */
    public Builder metrics(String... names) {
      for (String n : names) {
        checkArgument(scenario.metricNames().contains(n), "metric '%s' is not a metric of scenario '%s' (metrics:"
            + " %s)", n, scenario.name(), scenario.metricNames());
      }
      checkArgument(names.length > 0, "metrics: name at least one");
      this.metrics = List.of(names);
      return this;
    }

    /**
     * Sets the draws from the posterior; default 100.
     *
     * @param draws at least 2
     * @return this builder
     */
    public Builder draws(int draws) {
      checkArgument(draws >= 2, "draws must be >= 2 but was %s", draws);
      this.draws = draws;
      return this;
    }

    /**
     * Sets the paired replications per draw; default 4.
     *
     * @param replications at least 1
     * @return this builder
     */
    public Builder replications(int replications) {
      checkArgument(replications >= 1, "replications must be >= 1 but was %s", replications);
      this.replications = replications;
      return this;
    }

    /**
     * Sets the seed (required).
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets the threads; default every core. The result does not depend on it.
     *
     * @param threads at least 1
     * @return this builder
     */
    public Builder threads(int threads) {
      checkArgument(threads >= 1, "threads must be >= 1 but was %s", threads);
      this.threads = threads;
      return this;
    }

    /**
     * Adds a listener that hears each finished draw.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder progress(ProgressListener listener) {
      listeners.add(checkNotNull(listener, "listener"));
      return this;
    }

    /**
     * Runs the comparison.
     *
     * @return the effects
     * @throws IllegalArgumentException if the seed or the policies are missing
     * @throws IllegalStateException naming the draw and its parameters if a run fails
     */
    public Result run() {
      checkArgument(seed != null, "PosteriorEffects needs a seed: call seed(long)");
      checkArgument(policyA != null, "PosteriorEffects needs two policies: call policies(a, b)");
      ImmutableList<Particle> sample = posterior.sample(draws, seed);
      int steps = scenario.schedule().size();
      Map<String, double[][]> effects = new LinkedHashMap<>();
      for (String m : metrics) {
        effects.put(m, new double[draws][steps]);
      }
      Evaluations.forEach(draws, threads, ImmutableList.copyOf(listeners), i -> {
        Parameters drawn = sample.get(i).applyTo(base);
        Parameters a = with(drawn, policyA);
        Parameters b = with(drawn, policyB);
        long drawSeed = RandomStreams.seed(seed, i, STREAM);
        double[][] sums = new double[metrics.size()][steps];
        int[][] counts = new int[metrics.size()][steps];
        for (int r = 0; r < replications; r++) {
          SimulationResult ra = Simulation.run(scenario, a, drawSeed, r);
          SimulationResult rb = Simulation.run(scenario, b, drawSeed, r);
          for (int k = 0; k < metrics.size(); k++) {
            TimeSeries sa = ra.series(metrics.get(k));
            TimeSeries sb = rb.series(metrics.get(k));
            int reached = Math.min(sa.size(), sb.size());
            for (int t = 0; t < reached; t++) {
              sums[k][t] += sb.get(t) - sa.get(t);
              counts[k][t]++;
            }
          }
        }
        for (int k = 0; k < metrics.size(); k++) {
          double[] row = effects.get(metrics.get(k))[i];
          for (int t = 0; t < steps; t++) {
            row[t] = counts[k][t] == 0 ? Double.NaN : sums[k][t] / counts[k][t];
          }
        }
      }, (i, e) -> new IllegalStateException("posterior draw " + i + " " + sample.get(i).values() + " failed: " + e, e),
          "the posterior comparison");
      ImmutableList.Builder<String> times = ImmutableList.builder();
      for (int t = 0; t < steps; t++) {
        times.add(scenario.schedule().label(t));
      }
      return new Result(ImmutableMap.copyOf(effects), times.build(), draws, replications);
    }

    private static Parameters with(Parameters p, Map<String, ?> policy) {
      Parameters out = p;
      for (Map.Entry<String, ?> e : policy.entrySet()) {
        out = out.withValue(e.getKey(), e.getValue());
      }
      return out;
    }
  }
}
