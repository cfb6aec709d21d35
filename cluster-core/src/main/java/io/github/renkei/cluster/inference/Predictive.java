package io.github.renkei.cluster.inference;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Parameters;
import io.github.renkei.cluster.simulation.ProgressListener;
import io.github.renkei.cluster.simulation.RandomStreams;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Simulation;
import io.github.renkei.cluster.simulation.SimulationResult;
import io.github.renkei.cluster.simulation.Target;
import io.github.renkei.cluster.simulation.TimeSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

/**
 * Posterior predictive runs of a scenario: every projection drawn over a {@link Posterior}
 * (parameter uncertainty) and replications (replication noise), with an optional
 * {@link Discrepancy} term (model discrepancy or observation error, whose size may itself be
 * estimated). The result holds the predictive sample of every metric at every time and reads
 * {@linkplain Band bands} from it that say which uncertainty they carry.
 *
 * <pre>{@code
 * Posterior posterior = AbcSmc.of(scenario)....run();
 * PredictiveResult p = Predictive.of(scenario, posterior)
 *     .draws(500)                                  // parameter draws from the posterior
 *     .replications(2)                             // runs per draw
 *     .discrepancy(Discrepancy.estimated(targets)) // optional
 *     .seed(2016)
 *     .run();
 * Band b = p.band("registered", "2030", 0.9);     // b.kind(): POSTERIOR_PREDICTIVE_WITH_DISCREPANCY
 * p.withoutDiscrepancy("registered", "2030");      // parameter and replication noise only
 * p.toCsv(writer);                                 // metric,time,band,level,lower,median,upper
 * }</pre>
 *
 * <h2>What runs</h2>
 * The {@code D} draws are {@link Posterior#sample(int, long) posterior.sample(D, s)}, with
 * {@code s} derived from the seed: particles drawn by weight. Draw {@code i} sets its particle's
 * values over the {@linkplain Builder#base(Parameters) base parameters} ({@link
 * Particle#applyTo(Parameters)}) and runs replications {@code r = 0 … R − 1} as
 * {@link Simulation#run Simulation.run(scenario, parameters, RandomStreams.seed(seed, i,
 * "predictive"), r)}: each draw has its own noise, so the sample mixes parameter uncertainty and
 * replication noise as the posterior predictive distribution does. The sample of a metric at a
 * time has {@code D × R} values, draw-major (draw 0's replications first). A run that a stop
 * condition ended before a time has no value there: that time's sample is smaller, and a time
 * no run reached has an empty sample, which {@link PredictiveResult#statistics} refuses.
 *
 * <h2>The discrepancy term</h2>
 * With a {@link Discrepancy} other than none, draw {@code i} takes a size {@code σᵢ} (the fixed
 * σ, or one drawn from the estimated posterior of σ) and multiplies each of its values by
 * {@code exp(σᵢ z)}, with {@code z ~ N(0, 1)} drawn per metric, time and replication from a
 * generator seeded by the seed, {@code i} and the metric's name. An estimated term's residuals
 * are computed from the draws' simulated values, before the term is applied.
 *
 * <h2>Reproducibility and parallelism</h2>
 * Every random number depends on the seed and the draw's index only, and results are gathered
 * by index, so the result is bit-identical for a seed whatever the number of threads. Progress is
 * reported after each draw, as draws done of draws planned. A {@code Predictive} is immutable and
 * can be {@linkplain #run() run} more than once, with identical results.
 */
public final class Predictive {

  /** The stream name of the draws' simulation seeds. */
  static final String STREAM = "predictive";

  private final Scenario<?> scenario;
  private final Posterior posterior;
  private final int draws;
  private final int replications;
  private final Parameters base;
  private final ImmutableList<String> metrics;
  private final Discrepancy discrepancy;
  private final long seed;
  private final int threads;
  private final ImmutableList<ProgressListener> listeners;

  private Predictive(Builder b) {
    this.scenario = b.scenario;
    this.posterior = b.posterior;
    this.draws = b.draws;
    this.replications = b.replications;
    this.base = b.base;
    this.metrics = b.metrics != null ? b.metrics : b.scenario.metricNames();
    this.discrepancy = b.discrepancy;
    this.seed = b.seed;
    this.threads = b.threads;
    this.listeners = ImmutableList.copyOf(b.listeners);
  }

  /**
   * Starts posterior predictive runs of a scenario.
   *
   * @param scenario the scenario
   * @param posterior a posterior of some of its parameters, such as an {@link AbcSmc} run's
   * @return a builder
   * @throws IllegalArgumentException naming the parameter if the scenario does not declare one of
   *     the posterior's parameters
   */
  public static Builder of(Scenario<?> scenario, Posterior posterior) {
    checkNotNull(scenario, "scenario");
    checkNotNull(posterior, "posterior");
    Set<String> declared = scenario.parameters().stream().map(Parameter::name).collect(Collectors.toSet());
    for (String p : posterior.parameters()) {
      checkArgument(declared.contains(p), "the posterior's parameter '%s' is not a parameter of scenario '%s'"
          + " (parameters: %s)", p, scenario.name(), scenario.parameters().stream().map(Parameter::name)
          .collect(Collectors.joining(", ")));
    }
    return new Builder(scenario, posterior);
  }

  /**
   * Runs the predictive.
   *
   * @return the predictive sample of every metric at every time of the schedule
   * @throws IllegalStateException naming the draw and its parameters if a simulation fails
   * @throws IllegalArgumentException naming the metric, time and value if an estimated
   *     discrepancy's target has a non-positive simulated value (its log is undefined) or no run
   *     reached its time
   * @throws CancellationException if the calling thread is interrupted
   */
  public PredictiveResult run() {
    ImmutableList<Particle> particles = posterior.sample(draws, RandomStreams.seed(seed, 0, "predictive-sample"));
    List<String> recorded = new ArrayList<>(metrics);
    for (Target t : discrepancy.targets()) {
      if (!recorded.contains(t.metric())) {
        recorded.add(t.metric());
      }
    }
    int steps = scenario.schedule().size();
    // simulated[i][m][t * R + r], NaN where a run did not reach step t
    double[][][] simulated = new double[draws][][];
    Evaluations.forEach(draws, threads, listeners, i -> {
      Particle particle = particles.get(i);
      Parameters p = particle.applyTo(base);
      double[][] values = new double[recorded.size()][steps * replications];
      for (double[] v : values) {
        Arrays.fill(v, Double.NaN);
      }
      long drawSeed = RandomStreams.seed(seed, i, STREAM);
      for (int r = 0; r < replications; r++) {
        SimulationResult result;
        try {
          result = Simulation.run(scenario, p, drawSeed, r);
        } catch (RuntimeException e) {
          throw new IllegalStateException("predictive draw " + i + " of scenario '" + scenario.name() + "', replication "
              + r + ", at " + particle.values() + " failed: " + e.getMessage(), e);
        }
        for (int m = 0; m < recorded.size(); m++) {
          TimeSeries s = result.series(recorded.get(m));
          for (int t = 0; t < s.size(); t++) {
            values[m][t * replications + r] = s.get(t);
          }
        }
      }
      simulated[i] = values;
    }, (i, e) -> e, "the predictive of scenario '" + scenario.name() + "'");

    Discrepancy.Estimate estimate = discrepancy.isEstimated() ? estimate(recorded, simulated) : null;
    double[][][] observed = simulated;
    if (!discrepancy.isNone()) {
      observed = new double[draws][][];
      for (int i = 0; i < draws; i++) {
        double sigma = discrepancy.drawSigma(estimate, RandomStreams.stream(seed, i, "discrepancy-sigma"));
        observed[i] = new double[metrics.size()][];
        for (int m = 0; m < metrics.size(); m++) {
          double[] raw = simulated[i][m];
          double[] noisy = new double[raw.length];
          SplittableRandom random = RandomStreams.stream(seed, i, "discrepancy/" + metrics.get(m));
          for (int k = 0; k < raw.length; k++) {
            // drawn for every slot, reached or not, so that a stop does not shift later draws
            double z = random.nextGaussian();
            noisy[k] = raw[k] * Math.exp(sigma * z);
          }
          observed[i][m] = noisy;
        }
      }
    }
    return new PredictiveResult(scenario.schedule(), metrics, particles, replications, gather(simulated),
        discrepancy.isNone() ? null : gather(observed), discrepancy, estimate);
  }

  /** Per metric and step, the values of the runs that reached it, draw-major. */
  private double[][][] gather(double[][][] byDraw) {
    int steps = scenario.schedule().size();
    double[][][] out = new double[metrics.size()][steps][];
    double[] buffer = new double[draws * replications];
    for (int m = 0; m < metrics.size(); m++) {
      for (int t = 0; t < steps; t++) {
        int n = 0;
        for (int i = 0; i < draws; i++) {
          for (int r = 0; r < replications; r++) {
            double v = byDraw[i][m][t * replications + r];
            if (!Double.isNaN(v)) {
              buffer[n++] = v;
            }
          }
        }
        out[m][t] = Arrays.copyOf(buffer, n);
      }
    }
    return out;
  }

  private Discrepancy.Estimate estimate(List<String> recorded, double[][][] simulated) {
    List<Discrepancy.Residual> residuals = new ArrayList<>();
    for (Target target : discrepancy.targets()) {
      int m = recorded.indexOf(target.metric());
      int t = scenario.schedule().indexOf(target.time()).getAsInt();
      double sum = 0;
      int n = 0;
      for (int i = 0; i < draws; i++) {
        for (int r = 0; r < replications; r++) {
          double v = simulated[i][m][t * replications + r];
          if (Double.isNaN(v)) {
            continue;
          }
          checkArgument(v > 0, "discrepancy target '%s' at %s: simulated value %s of predictive draw %s, replication %s"
              + " is not > 0, so its log residual is undefined", target.metric(), target.time(), v, i, r);
          sum += Math.log(v);
          n++;
        }
      }
      checkArgument(n > 0, "discrepancy target '%s' at %s: no predictive run reached that time (value: none)",
          target.metric(), target.time());
      residuals.add(Discrepancy.Residual.of(target, sum / n));
    }
    return Discrepancy.Estimate.of(residuals);
  }

  /** Returns the scenario, posterior size and settings. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Predictive[scenario '%s', posterior of %s (%d particles), draws=%d,"
        + " replications=%d, metrics=%s, %s, seed=%d]", scenario.name(), posterior.parameters(), posterior.size(),
        draws, replications, metrics, discrepancy, seed);
  }

  /** Builds a {@link Predictive}; every setter checks its value at once, {@link #build()} the whole. */
  public static final class Builder {

    private final Scenario<?> scenario;
    private final Posterior posterior;
    private int draws = 200;
    private int replications = 1;
    private Parameters base;
    private ImmutableList<String> metrics;
    private Discrepancy discrepancy = Discrepancy.none();
    private long seed;
    private boolean seedSet;
    private int threads = Runtime.getRuntime().availableProcessors();
    private final List<ProgressListener> listeners = new ArrayList<>();

    private Builder(Scenario<?> scenario, Posterior posterior) {
      this.scenario = scenario;
      this.posterior = posterior;
      this.base = scenario.defaults();
    }

    /**
     * Sets the number of parameter draws from the posterior; default 200.
     *
     * @param draws {@code >= 2}
     * @return this builder
     * @throws IllegalArgumentException naming the value if it is less than 2
     */
    public Builder draws(int draws) {
      checkArgument(draws >= 2, "the predictive needs at least 2 draws but was given %s", draws);
      this.draws = draws;
      return this;
    }

    /**
     * Sets the replications run at each draw; default 1.
     *
     * @param replications {@code >= 1}
     * @return this builder
     * @throws IllegalArgumentException naming the value if it is less than 1
     */
    public Builder replications(int replications) {
      checkArgument(replications >= 1, "replications must be >= 1 but was %s", replications);
      this.replications = replications;
      return this;
    }

    /**
     * Sets the parameters the draws' values are set over; default the scenario's defaults. Use
     * it for the values a calibration held {@linkplain AbcSmc.Builder#fixed fixed}.
     *
     * @param base values of the scenario's parameters
     * @return this builder
     * @throws IllegalArgumentException if they are not the scenario's parameters
     */
    public Builder base(Parameters base) {
      checkNotNull(base, "base");
      checkArgument(base.declared().equals(scenario.parameters()),
          "the base parameters %s are not those scenario '%s' declares (%s)", base.declared(), scenario.name(),
          scenario.parameters());
      this.base = base;
      return this;
    }

    /**
     * Sets the metrics the result holds; default all the scenario's metrics.
     *
     * @param metrics metrics of the scenario, at least one, distinct
     * @return this builder
     * @throws IllegalArgumentException naming the metric if the scenario has no such metric or it
     *     repeats, or if none is given
     */
    public Builder metrics(String... metrics) {
      checkNotNull(metrics, "metrics");
      checkArgument(metrics.length > 0, "the predictive needs at least one metric");
      Set<String> seen = new LinkedHashSet<>();
      for (String m : metrics) {
        checkNotNull(m, "metric");
        checkArgument(scenario.metricNames().contains(m), "metric '%s' is not a metric of scenario '%s' (metrics: %s)",
            m, scenario.name(), scenario.metricNames());
        checkArgument(seen.add(m), "metric '%s' is given twice", m);
      }
      this.metrics = ImmutableList.copyOf(seen);
      return this;
    }

    /**
     * Sets the model-discrepancy or observation-error term; default {@link Discrepancy#none()}.
     *
     * @param discrepancy the term
     * @return this builder
     * @throws IllegalArgumentException naming the metric or time if an estimated term's target is
     *     not a metric or time of the scenario
     */
    public Builder discrepancy(Discrepancy discrepancy) {
      checkNotNull(discrepancy, "discrepancy").checkAgainst(scenario);
      this.discrepancy = discrepancy;
      return this;
    }

    /**
     * Sets the seed; required.
     *
     * @param seed the seed of the draws, the simulations and the discrepancy term
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      this.seedSet = true;
      return this;
    }

    /**
     * Sets the number of threads; default the available processors. The result does not depend
     * on it.
     *
     * @param threads {@code >= 1}
     * @return this builder
     * @throws IllegalArgumentException naming the value if it is less than 1
     */
    public Builder threads(int threads) {
      checkArgument(threads >= 1, "threads must be >= 1 but was %s", threads);
      this.threads = threads;
      return this;
    }

    /**
     * Adds a listener told the draws done after each draw, from one thread at a time.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder progress(ProgressListener listener) {
      listeners.add(checkNotNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the predictive.
     *
     * @return the predictive
     * @throws IllegalArgumentException if no seed was set
     */
    public Predictive build() {
      checkArgument(seedSet, "the predictive needs a seed: call seed(long)");
      return new Predictive(this);
    }

    /**
     * Builds and runs the predictive.
     *
     * @return the result
     * @see Predictive#run()
     */
    public PredictiveResult run() {
      return build().run();
    }
  }
}
