package io.github.renkei.cluster.inference;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.simulation.Parameters;
import io.github.renkei.cluster.simulation.Progress;
import io.github.renkei.cluster.simulation.ProgressListener;
import io.github.renkei.cluster.simulation.RandomStreams;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Statistics;
import io.github.renkei.cluster.simulation.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Backtests of a calibration and its posterior predictive: for each cutoff time {@code Y}, fit on
 * the targets at or before {@code Y}, predict the targets after it, and report how often the
 * 50 % and 90 % predictive bands held the observed values (their coverage) and the mean absolute
 * percentage error of the predictive median, per series. A well-calibrated predictive covers
 * about 50 % and 90 %; much less means the bands are too narrow (an overconfident posterior, a
 * missing discrepancy term, a misspecified model), much more that they are too wide.
 *
 * <pre>{@code
 * BacktestResult r = Backtest.of(scenario, targets)          // every observed value, 2005–2016
 *     .cutoffs("2010", "2012", "2014")                        // fit on ≤ 2010, predict 2011–2016, …
 *     .fit(training -> AbcSmc.of(scenario)
 *         .prior(Prior.uniform(ENTRY_RATE, 0.01, 0.5))
 *         .targets(training)
 *         .particles(300).minimumEpsilon(0.05).seed(1).run())
 *     .draws(200)
 *     .discrepancy(true)                                      // estimated on the training targets
 *     .seed(2016)
 *     .run();
 * System.out.println(r.table());                              // metric, cutoff, n, cov50, cov90, MAPE %
 * }</pre>
 *
 * <h2>What runs</h2>
 * The targets are split by their time's index in the schedule: training targets at or before the
 * cutoff's index, held-out targets after it. The {@linkplain Builder#fit(Function) fit} turns the
 * training targets into a posterior — the caller's calibration, such as an {@link AbcSmc} run.
 * A {@link Predictive} of that posterior ({@linkplain Builder#draws(int) draws}, {@linkplain
 * Builder#replications(int) replications}, with {@link Discrepancy#estimated(List)} on the training
 * targets if {@linkplain Builder#discrepancy(boolean) asked}) gives each held-out target its
 * predictive sample, whose median, central 50 % and 90 % intervals (quantiles 0.25–0.75 and
 * 0.05–0.95) make a {@link BacktestResult.Prediction}. The absolute percentage error is
 * {@code 100 · |median − observed| / |observed|}, so observed values must not be 0.
 *
 * <p>Cutoff {@code k}'s predictive has the seed {@code RandomStreams.seed(seed, k, "backtest")},
 * so a backtest is reproducible for a seed and, if the fit is, bit-identical whatever the number
 * of threads. Cutoffs run one after the other, each predictive in parallel; the fit runs on the
 * calling thread. Progress counts the predictive draws of all cutoffs. A {@code Backtest} is
 * immutable; {@link #run()} calls the fit anew.
 */
public final class Backtest {

  private final Scenario<?> scenario;
  private final ImmutableList<Target> targets;
  private final ImmutableList<String> cutoffs;
  private final Function<List<Target>, Posterior> fit;
  private final int draws;
  private final int replications;
  private final Parameters base;
  private final boolean estimated;
  private final long seed;
  private final int threads;
  private final ImmutableList<ProgressListener> listeners;

  private Backtest(Builder b) {
    this.scenario = b.scenario;
    this.targets = b.targets;
    this.cutoffs = ImmutableList.copyOf(b.cutoffs);
    this.fit = b.fit;
    this.draws = b.draws;
    this.replications = b.replications;
    this.base = b.base;
    this.estimated = b.estimated;
    this.seed = b.seed;
    this.threads = b.threads;
    this.listeners = ImmutableList.copyOf(b.listeners);
  }

  /**
   * Starts a backtest of a scenario against observed values.
   *
   * @param scenario the scenario
   * @param targets every observed value, each a metric and time of the scenario, distinct, with
   *     an observed value other than 0
   * @return a builder
   * @throws IllegalArgumentException naming the metric, time and value if there is no target, a
   *     target's metric or time is not the scenario's, a metric and time repeat, or an observed
   *     value is 0
   */
  public static Builder of(Scenario<?> scenario, List<Target> targets) {
    checkNotNull(scenario, "scenario");
    checkNotNull(targets, "targets");
    checkArgument(!targets.isEmpty(), "a backtest needs at least 2 targets but was given 0");
    Set<String> seen = new HashSet<>();
    for (Target t : targets) {
      checkNotNull(t, "target");
      checkArgument(scenario.metricNames().contains(t.metric()),
          "target metric '%s' (at %s) is not a metric of scenario '%s' (metrics: %s)", t.metric(), t.time(),
          scenario.name(), scenario.metricNames());
      checkArgument(scenario.schedule().indexOf(t.time()).isPresent(),
          "target time '%s' of metric '%s' is not in the schedule of scenario '%s' (%s)", t.time(), t.metric(),
          scenario.name(), scenario.schedule());
      checkArgument(seen.add(t.metric() + "\u0000" + t.time()), "target '%s' at %s is given twice", t.metric(),
          t.time());
      checkArgument(t.observed() != 0, "target '%s' at %s has the observed value %s, whose percentage error is"
          + " undefined", t.metric(), t.time(), t.observed());
    }
    return new Builder(scenario, ImmutableList.copyOf(targets));
  }

  private int index(String time) {
    return scenario.schedule().indexOf(time).getAsInt();
  }

  /**
   * Returns the training targets of a cutoff: those at or before it, in the targets' order.
   *
   * @param cutoff a time of the schedule
   * @return the targets the fit sees
   * @throws IllegalArgumentException naming the cutoff if it is not a time of the schedule
   */
  public ImmutableList<Target> training(String cutoff) {
    int c = cutoffIndex(scenario, cutoff);
    return targets.stream().filter(t -> index(t.time()) <= c).collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the held-out targets of a cutoff: those after it, in the targets' order.
   *
   * @param cutoff a time of the schedule
   * @return the targets predicted
   * @throws IllegalArgumentException naming the cutoff if it is not a time of the schedule
   */
  public ImmutableList<Target> heldOut(String cutoff) {
    int c = cutoffIndex(scenario, cutoff);
    return targets.stream().filter(t -> index(t.time()) > c).collect(ImmutableList.toImmutableList());
  }

  private static int cutoffIndex(Scenario<?> scenario, String cutoff) {
    checkNotNull(cutoff, "cutoff");
    return scenario.schedule().indexOf(cutoff).orElseThrow(() -> new IllegalArgumentException("cutoff '" + cutoff
        + "' is not a time of the schedule of scenario '" + scenario.name() + "' (" + scenario.schedule() + ")"));
  }

  /**
   * Runs the backtest: for each cutoff in order, the fit, the predictive and the predictions.
   *
   * @return the predictions, their summaries and each cutoff's posterior and predictive
   * @throws IllegalStateException naming the cutoff if the fit fails or returns null, or no
   *     predictive run reached a held-out target's time; exceptions of the predictive propagate
   */
  public BacktestResult run() {
    long start = System.nanoTime();
    long total = (long) cutoffs.size() * draws;
    List<BacktestResult.Prediction> predictions = new ArrayList<>();
    List<Posterior> posteriors = new ArrayList<>();
    List<PredictiveResult> predictives = new ArrayList<>();
    for (int k = 0; k < cutoffs.size(); k++) {
      String cutoff = cutoffs.get(k);
      ImmutableList<Target> training = training(cutoff);
      ImmutableList<Target> heldOut = heldOut(cutoff);
      Posterior posterior;
      try {
        posterior = fit.apply(training);
      } catch (RuntimeException e) {
        throw new IllegalStateException("the fit of cutoff " + cutoff + " (on " + training.size() + " targets) failed: "
            + e.getMessage(), e);
      }
      if (posterior == null) {
        throw new IllegalStateException("the fit of cutoff " + cutoff + " returned no posterior (null)");
      }
      Set<String> metrics = new LinkedHashSet<>();
      heldOut.forEach(t -> metrics.add(t.metric()));
      long before = (long) k * draws;
      Predictive.Builder predictive = Predictive.of(scenario, posterior).base(base).draws(draws)
          .replications(replications).metrics(metrics.toArray(new String[0]))
          .discrepancy(estimated ? Discrepancy.estimated(training) : Discrepancy.none())
          .seed(RandomStreams.seed(seed, k, "backtest")).threads(threads);
      if (!listeners.isEmpty()) {
        predictive.progress(p -> {
          Progress all = new Progress(before + p.done(), total, 0, Duration.ofNanos(System.nanoTime() - start));
          listeners.forEach(l -> l.onProgress(all));
        });
      }
      PredictiveResult result = predictive.run();
      for (Target t : heldOut) {
        double[] values = result.values(t.metric(), t.time());
        if (values.length == 0) {
          throw new IllegalStateException("cutoff " + cutoff + ": no predictive run reached target '" + t.metric()
              + "' at " + t.time() + " (a stop condition ended them all before it)");
        }
        Statistics s = Statistics.of(values);
        double median = s.median();
        predictions.add(new BacktestResult.Prediction(cutoff, t, median, s.runRange(0.5), s.runRange(0.9),
            100 * Math.abs(median - t.observed()) / Math.abs(t.observed())));
      }
      posteriors.add(posterior);
      predictives.add(result);
    }
    return new BacktestResult(cutoffs, predictions, posteriors, predictives);
  }

  /** Returns the scenario, targets, cutoffs and settings. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Backtest[scenario '%s', %d targets, cutoffs=%s, draws=%d, replications=%d,"
        + " discrepancy=%s, seed=%d]", scenario.name(), targets.size(), cutoffs, draws, replications,
        estimated ? "estimated" : "none", seed);
  }

  /** Builds a {@link Backtest}; every setter checks its values at once, {@link #build()} the whole. */
  public static final class Builder {

    private final Scenario<?> scenario;
    private final ImmutableList<Target> targets;
    private final List<String> cutoffs = new ArrayList<>();
    private Function<List<Target>, Posterior> fit;
    private int draws = 200;
    private int replications = 1;
    private Parameters base;
    private boolean estimated;
    private long seed;
    private boolean seedSet;
    private int threads = Runtime.getRuntime().availableProcessors();
    private final List<ProgressListener> listeners = new ArrayList<>();

    private Builder(Scenario<?> scenario, ImmutableList<Target> targets) {
      this.scenario = scenario;
      this.targets = targets;
      this.base = scenario.defaults();
    }

    /**
     * Sets the cutoffs, replacing any set before: times of the schedule, each leaving at least
     * one target at or before it to fit on and one after it to predict.
     *
     * @param cutoffs the times, at least one, distinct
     * @return this builder
     * @throws IllegalArgumentException naming the cutoff if it is not a time of the schedule,
     *     repeats, or leaves no training or no held-out target
     */
    public Builder cutoffs(String... cutoffs) {
      checkNotNull(cutoffs, "cutoffs");
      checkArgument(cutoffs.length > 0, "a backtest needs at least one cutoff");
      List<String> checked = new ArrayList<>();
      for (String c : cutoffs) {
        int index = cutoffIndex(scenario, c);
        checkArgument(!checked.contains(c), "cutoff '%s' is given twice", c);
        long training = targets.stream().filter(t -> scenario.schedule().indexOf(t.time()).getAsInt() <= index)
            .count();
        checkArgument(training >= 1, "cutoff '%s' leaves no target at or before it to fit on (first target: %s)", c,
            targets.stream().map(Target::time).min((a, b) -> Integer.compare(scenario.schedule().indexOf(a)
                .getAsInt(), scenario.schedule().indexOf(b).getAsInt())).orElseThrow());
        checkArgument(training < targets.size(), "cutoff '%s' leaves no target after it to predict (last target: %s)",
            c, targets.stream().map(Target::time).max((a, b) -> Integer.compare(scenario.schedule().indexOf(a)
                .getAsInt(), scenario.schedule().indexOf(b).getAsInt())).orElseThrow());
        checked.add(c);
      }
      this.cutoffs.clear();
      this.cutoffs.addAll(checked);
      return this;
    }

    /**
     * Sets the calibration: the training targets in, a posterior of the scenario's parameters
     * out; required. It runs once per cutoff, on the calling thread; to keep the backtest
     * reproducible it should depend on its targets only (a fixed seed, say).
     *
     * @param fit the calibration, such as {@code training -> AbcSmc.of(scenario)...targets(training)...run()}
     * @return this builder
     */
    public Builder fit(Function<List<Target>, Posterior> fit) {
      this.fit = checkNotNull(fit, "fit");
      return this;
    }

    /**
     * Sets the predictive draws per cutoff; default 200.
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
     * Sets the replications per draw; default 1.
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
     * Sets the parameters the posterior's values are set over in the predictive; default the
     * scenario's defaults (see {@link Predictive.Builder#base(Parameters)}).
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
     * Whether the predictive adds a discrepancy term {@linkplain Discrepancy#estimated(List)
     * estimated} on each cutoff's training targets; default {@code false} (no term).
     *
     * @param estimated {@code true} for the estimated term
     * @return this builder
     */
    public Builder discrepancy(boolean estimated) {
      this.estimated = estimated;
      return this;
    }

    /**
     * Sets the seed of the predictives; required.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      this.seedSet = true;
      return this;
    }

    /**
     * Sets the predictive's threads; default the available processors. The result does not
     * depend on it.
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
     * Adds a listener told the predictive draws done of all cutoffs', from one thread at a time.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder progress(ProgressListener listener) {
      listeners.add(checkNotNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the backtest.
     *
     * @return the backtest
     * @throws IllegalArgumentException if the cutoffs, the fit or the seed are missing, or, with an
     *     estimated discrepancy, a training target's observed value is not positive (naming it)
     */
    public Backtest build() {
      checkArgument(!cutoffs.isEmpty(), "a backtest needs cutoffs: call cutoffs(...)");
      checkArgument(fit != null, "a backtest needs a fit: call fit(...)");
      checkArgument(seedSet, "a backtest needs a seed: call seed(long)");
      Backtest b = new Backtest(this);
      if (estimated) {
        for (String c : cutoffs) {
          Discrepancy.estimated(b.training(c));
        }
      }
      return b;
    }

    /**
     * Builds and runs the backtest.
     *
     * @return the result
     * @see Backtest#run()
     */
    public BacktestResult run() {
      return build().run();
    }
  }
}
