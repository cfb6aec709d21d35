package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.simulation.CalibrationResult.Evaluation;
import io.github.renkei.cluster.simulation.CalibrationResult.Phase;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

/**
 * Fits a scenario's free parameters to observed values: finds, within bounds, the values whose
 * simulated means come closest to the {@link Target}s, then reports how well the best point fits
 * each of them.
 *
 * <pre>{@code
 * CalibrationResult fit = Calibration.of(scenario)
 *     .free(ENTRY_RATE, 0.01, 0.5)
 *     .free(ROTATION, 1, 6)
 *     .fixed(ImmutableMap.of("council", true))
 *     .targets(Target.series("registered", ImmutableMap.of("2011", 50, "2015", 71, "2016", 74)))
 *     .replications(20)
 *     .seed(2005)
 *     .latinHypercube(32)
 *     .nelderMead(60)
 *     .run();
 * fit.best();   // every parameter's value at the best point, to run the calibrated scenario
 * fit.fit();    // per target: observed, simulated mean and its 95% confidence interval
 * }</pre>
 *
 * <h2>The distance</h2>
 * A point's distance is the mean over the targets of {@code ((m − observed) / scale)²}, where
 * {@code m} is the mean of the target's metric at its time over the replications (those that
 * reached that step); it is +∞ if no replication reached some target's step. Every evaluation
 * runs an {@link Experiment} with the same seed, so replication {@code r} draws the same random
 * numbers at every point (common random numbers): the distance is a deterministic function of
 * the parameters, and differences between points are not drowned in independent noise.
 *
 * <h2>The search</h2>
 * Free parameters are searched on the unit cube, coordinate {@code u} standing for
 * {@code lower + u · (upper − lower)}; an integer parameter is rounded so that each of its
 * values takes an equal share of {@code [0, 1]}.
 * <ol>
 *   <li>A Latin hypercube of {@code n} points (McKay, Beckman and Conover, Technometrics 21(2),
 *       1979), seeded from the calibration's seed, explores the whole box; all its points run in
 *       one experiment.</li>
 *   <li>Nelder–Mead (Nelder and Mead, The Computer Journal 7(4), 1965; with the conventions of
 *       Lagarias et al., SIAM J. Optim. 9(1), 1998) refines the best of them, reflecting trial
 *       points at the bounds, with at most {@code m} further evaluations; its initial simplex
 *       steps a tenth of each range (at least one value of an integer parameter). When the
 *       simplex collapses it restarts from its best point, with smaller steps if the restart
 *       did not improve, since a simplex that straddles the jump of an integer parameter
 *       stagnates rather than converges. Without a hypercube it starts at the box's centre.</li>
 * </ol>
 * A point that was evaluated before is not simulated again, but counts as an evaluation. The
 * best point is the first evaluated of those with the smallest distance. The result is
 * identical whatever the number of threads. Nelder–Mead finds a local minimum; a larger
 * hypercube makes it likelier that it starts in the basin of the global one.
 *
 * <p>A {@code Calibration} is immutable and can be {@linkplain #run() run} more than once, with
 * identical results.
 */
public final class Calibration {

  /** The stream name the Latin hypercube draws from (see {@link RandomStreams#seed}). */
  static final String DESIGN_STREAM = "latin-hypercube";

  /** A free parameter and its bounds. */
  record Free(Parameter<?> parameter, double lower, double upper) {

    /** The initial simplex's step on the unit coordinate of a real parameter. */
    static final double STEP = 0.1;

    boolean integer() {
      return parameter.type() == Integer.class;
    }

    /** The value at a unit coordinate. */
    Object decode(double u) {
      if (integer()) {
        int lo = (int) lower;
        return lo + Math.min((int) Math.floor(u * values()), values() - 1);
      }
      return Math.max(lower, Math.min(upper, lower + u * (upper - lower)));
    }

    /** The initial simplex's step on the unit coordinate: at least one value of an integer. */
    double step() {
      return integer() ? Math.max(STEP, 1.0 / values()) : STEP;
    }

    private int values() {
      return (int) upper - (int) lower + 1;
    }

    /** The unit coordinate of the same value, at the centre of an integer value's share. */
    double snap(double u) {
      if (!integer()) {
        return u;
      }
      int k = (Integer) decode(u) - (int) lower;
      return (k + 0.5) / values();
    }
  }

  private final Scenario<?> scenario;
  private final ImmutableList<Free> free;
  private final ImmutableList<Parameter<?>> held;
  private final Parameters base;
  private final ImmutableList<Target> targets;
  private final int[] targetSteps;
  private final int replications;
  private final long seed;
  private final int threads;
  private final int samples;
  private final int evaluations;
  private final ImmutableList<ProgressListener> listeners;

  private Calibration(Builder b) {
    this.scenario = b.scenario;
    this.free = ImmutableList.copyOf(b.free);
    this.base = b.base;
    this.targets = ImmutableList.copyOf(b.targets);
    this.targetSteps = targets.stream().mapToInt(t -> scenario.schedule().indexOf(t.time()).getAsInt()).toArray();
    this.replications = b.replications;
    this.seed = b.seed;
    this.threads = b.threads;
    this.samples = b.samples;
    this.evaluations = b.evaluations;
    this.listeners = ImmutableList.copyOf(b.listeners);
    // Parameters held away from their defaults go into every experiment's grid, so that its rows
    // and run id show them.
    Set<Parameter<?>> searched = free.stream().map(Free::parameter).collect(Collectors.toSet());
    this.held = scenario.parameters().stream()
        .filter(p -> !searched.contains(p) && !base.get(p).equals(p.defaultValue()))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Starts a calibration of a scenario.
   *
   * @param scenario the scenario
   * @return a builder
   */
  public static Builder of(Scenario<?> scenario) {
    return new Builder(scenario);
  }

  /**
   * Returns the targets, in the order they were added.
   *
   * @return the targets
   */
  public ImmutableList<Target> targets() {
    return targets;
  }

  /**
   * Returns the free parameters, in the order they were freed.
   *
   * @return the parameters
   */
  public ImmutableList<Parameter<?>> freeParameters() {
    return free.stream().map(Free::parameter).collect(ImmutableList.toImmutableList());
  }

  /**
   * Runs the calibration: the Latin hypercube, then Nelder–Mead from its best point.
   *
   * @return the best point, the history of the search and the fit to each target
   * @throws IllegalStateException if no evaluated point had a replication reach every target's
   *     time (a stop condition ended them all earlier)
   * @throws ExperimentFailedException if a replication throws
   * @throws CancellationException if the calling thread is interrupted
   */
  public CalibrationResult run() {
    Search search = new Search();
    int d = free.size();
    double[] start = new double[d];
    Arrays.fill(start, 0.5);
    double startValue;
    int budget = evaluations;
    if (samples > 0) {
      double[][] design = LatinHypercube.sample(samples, d, RandomStreams.seed(seed, 0, DESIGN_STREAM));
      double[] distances = search.evaluate(Arrays.asList(design), Phase.LATIN_HYPERCUBE);
      int best = 0;
      for (int i = 1; i < distances.length; i++) {
        if (distances[i] < distances[best]) {
          best = i;
        }
      }
      start = design[best];
      startValue = distances[best];
    } else {
      startValue = search.evaluate(List.of(start), Phase.NELDER_MEAD)[0];
      budget--;
    }
    refine(search, start, startValue, budget);
    search.finished();
    return search.result();
  }

  /**
   * Nelder–Mead on the unit cube, restarted from its best point whenever its simplex has
   * collapsed to a hundredth of its initial steps: a simplex straddling the jump of a rounded
   * integer parameter, or stretched along a valley, stagnates rather than converges (Kelley,
   * "Detection and remediation of stagnation in the Nelder–Mead algorithm using a sufficient
   * decrease condition", SIAM J. Optim. 10(1), 1999), and restarting at a claimed minimum is the
   * classic remedy (Press et al., Numerical Recipes, 3rd ed., 2007, §10.5). A restart that does
   * not improve tries steps ten times smaller, down to 10⁻⁴ of the initial ones. An integer
   * coordinate restarts at the centre of its value's share of {@code [0, 1]}, so that a step
   * reaches the next value.
   */
  private void refine(Search search, double[] start, double startValue, int budget) {
    NelderMead.Objective objective = points -> search.evaluate(points, Phase.NELDER_MEAD);
    double[] x = start.clone();
    double fx = startValue;
    int left = budget;
    double scale = 1;
    while (left > 0 && scale >= 1e-4) {
      double[] steps = new double[free.size()];
      for (int i = 0; i < free.size(); i++) {
        Free f = free.get(i);
        steps[i] = f.integer() ? f.step() : f.step() * scale;
        x[i] = f.snap(x[i]);
      }
      // Only the spread of the vertices decides: across a jump their values never agree.
      NelderMead.Result r = NelderMead.of(left).tolerances(0.01 * scale * Free.STEP, Double.POSITIVE_INFINITY)
          .within(0, 1).minimize(objective, x, fx, steps);
      left -= r.evaluations();
      if (r.value() < fx) {
        x = r.point();
        fx = r.value();
      } else {
        scale /= 10;
      }
      if (!r.converged()) {
        return;
      }
    }
  }

  /** Returns the scenario, free parameters, targets and settings. */
  @Override
  public String toString() {
    return "Calibration[" + scenario.name() + ", free=" + free.stream()
        .map(f -> f.parameter().name() + " in [" + bound(f, f.lower()) + ", " + bound(f, f.upper()) + "]")
        .collect(Collectors.joining(", ", "{", "}")) + ", targets=" + targets + ", replications=" + replications
        + ", seed=" + seed + ", latinHypercube=" + samples + ", nelderMead=" + evaluations + "]";
  }

  /** The most evaluations: the hypercube's points and Nelder–Mead's budget. */
  private long budget() {
    return (long) samples + evaluations;
  }

  private static String bound(Free f, double value) {
    return f.integer() ? Integer.toString((int) value) : Double.toString(value);
  }

  /** What one point gave: its distance and, if every target's step was reached, their summaries. */
  private record Outcome(double distance, ImmutableList<Statistics> simulated) {}

  /** One run: the evaluations so far and the outcome of every point simulated. */
  private final class Search {
    private final Map<ImmutableList<Object>, Outcome> outcomes = new HashMap<>();
    private final List<Evaluation> history = new ArrayList<>();
    private final List<ImmutableList<Object>> points = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private long reported;

    /**
     * Tells the listeners how many evaluations are done, never fewer than told before. The total
     * is the budget; Nelder–Mead may stop before spending it, which {@link #finished} reports.
     */
    private void report(long done, long total) {
      if (listeners.isEmpty() || done < reported || (done == reported && done < total)) {
        return;
      }
      reported = done;
      Progress p = new Progress(done, Math.max(total, done), 0, Duration.ofNanos(System.nanoTime() - startNanos));
      listeners.forEach(l -> l.onProgress(p));
    }

    void finished() {
      report(history.size(), history.size());
    }

    /** Evaluates unit-cube points in order; those not simulated before run in one experiment. */
    double[] evaluate(List<double[]> unit, Phase phase) {
      List<ImmutableList<Object>> keys = new ArrayList<>(unit.size());
      Set<ImmutableList<Object>> fresh = new LinkedHashSet<>();
      for (double[] u : unit) {
        ImmutableList.Builder<Object> k = ImmutableList.builder();
        for (int i = 0; i < free.size(); i++) {
          k.add(free.get(i).decode(u[i]));
        }
        ImmutableList<Object> key = k.build();
        keys.add(key);
        if (!outcomes.containsKey(key)) {
          fresh.add(key);
        }
      }
      if (!fresh.isEmpty()) {
        // a point counts as evaluated when its replications are done (those run in parallel, so
        // the count is the share of the experiment done, in points)
        long before = history.size() + (keys.size() - fresh.size());
        simulate(new ArrayList<>(fresh), p -> report(before + p.done() / replications, budget()));
      }
      double[] distances = new double[keys.size()];
      for (int i = 0; i < keys.size(); i++) {
        ImmutableList<Object> key = keys.get(i);
        distances[i] = outcomes.get(key).distance();
        history.add(new Evaluation(history.size(), phase, values(key), distances[i]));
        points.add(key);
      }
      report(history.size(), budget());
      return distances;
    }

    private void simulate(List<ImmutableList<Object>> keys, ProgressListener progress) {
      List<Parameter<?>> axes = new ArrayList<>(free.size() + held.size());
      free.forEach(f -> axes.add(f.parameter()));
      axes.addAll(held);
      List<List<Object>> rows = new ArrayList<>(keys.size());
      for (ImmutableList<Object> key : keys) {
        List<Object> row = new ArrayList<>(key);
        held.forEach(p -> row.add(base.get(p)));
        rows.add(row);
      }
      Experiment.Builder experiment = Experiment.of(scenario).grid(Grid.points(axes, rows))
          .replications(replications).seed(seed).threads(threads);
      if (!listeners.isEmpty()) {
        experiment.progress(progress);
      }
      ExperimentResult result = experiment.run();
      for (int p = 0; p < keys.size(); p++) {
        outcomes.put(keys.get(p), outcome(result, p));
      }
    }

    private Outcome outcome(ExperimentResult result, int point) {
      ImmutableList.Builder<Statistics> simulated = ImmutableList.builder();
      double sum = 0;
      for (int t = 0; t < targets.size(); t++) {
        Target target = targets.get(t);
        double[] values = result.values(scenario.name(), point, target.metric(), targetSteps[t]);
        if (values.length == 0) {
          return new Outcome(Double.POSITIVE_INFINITY, ImmutableList.of());
        }
        Statistics s = Statistics.of(values);
        simulated.add(s);
        sum += target.squaredError(s.mean());
      }
      return new Outcome(sum / targets.size(), simulated.build());
    }

    private ImmutableMap<String, Object> values(ImmutableList<Object> key) {
      ImmutableMap.Builder<String, Object> m = ImmutableMap.builder();
      for (int i = 0; i < free.size(); i++) {
        m.put(free.get(i).parameter().name(), key.get(i));
      }
      return m.buildOrThrow();
    }

    CalibrationResult result() {
      int best = 0;
      for (int i = 1; i < history.size(); i++) {
        if (history.get(i).distance() < history.get(best).distance()) {
          best = i;
        }
      }
      Outcome outcome = outcomes.get(points.get(best));
      if (outcome.simulated().isEmpty()) {
        throw new IllegalStateException("no replication of scenario '" + scenario.name()
            + "' reached the time of every target at any of the " + history.size() + " points evaluated; targets: "
            + targets);
      }
      Parameters bestParameters = base;
      Grid grid = Grid.single();
      for (int i = 0; i < free.size(); i++) {
        bestParameters = bestParameters.withValue(free.get(i).parameter().name(), points.get(best).get(i));
        grid = extend(grid, free.get(i).parameter(), points.get(best).get(i));
      }
      for (Parameter<?> p : held) {
        grid = extend(grid, p, base.get(p));
      }
      ImmutableList.Builder<CalibrationResult.Fit> fit = ImmutableList.builder();
      for (int t = 0; t < targets.size(); t++) {
        fit.add(new CalibrationResult.Fit(targets.get(t), outcome.simulated().get(t)));
      }
      return new CalibrationResult(scenario.name(), seed, replications, bestParameters, grid, best,
          ImmutableList.copyOf(history), fit.build());
    }
  }

  private static <T> Grid extend(Grid grid, Parameter<T> parameter, Object value) {
    return grid.and(parameter, ImmutableList.of(parameter.type().cast(value)));
  }

  /** Builds a {@link Calibration}; every setter checks its values at once, {@link #build()} the whole. */
  public static final class Builder {

    private final Scenario<?> scenario;
    private final List<Free> free = new ArrayList<>();
    private final Set<String> fixedNames = new HashSet<>();
    private Parameters base;
    private final List<Target> targets = new ArrayList<>();
    private int replications = 10;
    private long seed;
    private boolean seedSet;
    private int threads = Runtime.getRuntime().availableProcessors();
    private int samples = 20;
    private int evaluations = 60;
    private final List<ProgressListener> listeners = new ArrayList<>();

    private Builder(Scenario<?> scenario) {
      this.scenario = checkNotNull(scenario, "scenario");
      this.base = scenario.defaults();
    }

    /**
     * Frees a real parameter: the calibration searches its value in {@code [lower, upper]}.
     *
     * @param parameter a parameter the scenario declares, of type {@code Double}
     * @param lower the lower bound, admitted by the parameter
     * @param upper the upper bound, admitted by the parameter, above the lower
     * @return this builder
     * @throws IllegalArgumentException naming the parameter or bound if the scenario does not
     *     declare it, it is already free, or a bound is not finite, not admitted or not in order
     */
    public Builder free(Parameter<Double> parameter, double lower, double upper) {
      return freeParameter(parameter, Double.class, lower, upper);
    }

    /**
     * Frees an integer parameter: the calibration searches its value among
     * {@code lower, …, upper}.
     *
     * @param parameter a parameter the scenario declares, of type {@code Integer}
     * @param lower the lower bound, admitted by the parameter
     * @param upper the upper bound, admitted by the parameter, above the lower
     * @return this builder
     * @throws IllegalArgumentException naming the parameter or bound if the scenario does not
     *     declare it, it is already free, or a bound is not admitted or not in order
     */
    public Builder free(Parameter<Integer> parameter, int lower, int upper) {
      return freeParameter(parameter, Integer.class, lower, upper);
    }

    private Builder freeParameter(Parameter<?> parameter, Class<?> type, double lower, double upper) {
      checkNotNull(parameter, "parameter");
      Parameter<?> declared = declared(parameter.name());
      checkArgument(declared.type() == type, "parameter '%s' is declared with type %s, not %s", parameter.name(),
          declared.type().getSimpleName(), type.getSimpleName());
      checkArgument(free.stream().noneMatch(f -> f.parameter().equals(declared)), "parameter '%s' is already free",
          parameter.name());
      checkArgument(Double.isFinite(lower) && Double.isFinite(upper),
          "bounds of parameter '%s' must be finite but were [%s, %s]", parameter.name(), lower, upper);
      Free f = new Free(declared, lower, upper);
      checkArgument(lower < upper, "bounds of parameter '%s' must have lower < upper but were [%s, %s]",
          parameter.name(), bound(f, lower), bound(f, upper));
      admitted(f, lower, "lower");
      admitted(f, upper, "upper");
      free.add(f);
      return this;
    }

    private static void admitted(Free f, double bound, String which) {
      Object value = f.integer() ? (Object) (int) bound : (Object) bound;
      try {
        f.parameter().checkValue(value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(which + " bound " + value + " of parameter '" + f.parameter().name()
            + "' is outside its admitted range: it must be " + f.parameter().rule(), e);
      }
    }

    private Parameter<?> declared(String name) {
      for (Parameter<?> p : scenario.parameters()) {
        if (p.name().equals(name)) {
          return p;
        }
      }
      throw new IllegalArgumentException("parameter '" + name + "' is not declared by scenario '" + scenario.name()
          + "' (declared: " + scenario.parameters().stream().map(Parameter::name).collect(Collectors.joining(", "))
          + ")");
    }

    /**
     * Holds every parameter at the given values; the free parameters' values are ignored.
     *
     * @param parameters values for the scenario's parameters, as from {@link Scenario#defaults()}
     * @return this builder
     * @throws IllegalArgumentException if the parameters are not those the scenario declares
     */
    public Builder fixed(Parameters parameters) {
      checkNotNull(parameters, "parameters");
      checkArgument(parameters.declared().equals(scenario.parameters()),
          "the fixed parameters %s are not those scenario '%s' declares (%s)", parameters.declared(),
          scenario.name(), scenario.parameters());
      base = parameters;
      return this;
    }

    /**
     * Holds some parameters at given values; the others stay at their defaults unless fixed
     * otherwise. A parameter cannot be both fixed this way and free.
     *
     * @param values values by parameter name, of each parameter's type
     * @return this builder
     * @throws IllegalArgumentException naming the parameter if the scenario does not declare it or
     *     the value is not admitted
     */
    public Builder fixed(Map<String, ?> values) {
      checkNotNull(values, "values");
      Parameters p = base;
      for (Map.Entry<String, ?> e : values.entrySet()) {
        p = p.withValue(declared(checkNotNull(e.getKey(), "parameter name")).name(), e.getValue());
      }
      base = p;
      fixedNames.addAll(values.keySet());
      return this;
    }

    /**
     * Adds a target.
     *
     * @param target an observed value of one of the scenario's metrics at a time of its schedule
     * @return this builder
     * @throws IllegalArgumentException naming the metric or time if the scenario has no such
     *     metric or its schedule no such time, or the same metric and time are already a target
     */
    public Builder target(Target target) {
      checkNotNull(target, "target");
      checkArgument(scenario.metricNames().contains(target.metric()),
          "target metric '%s' is not a metric of scenario '%s' (metrics: %s)", target.metric(), scenario.name(),
          scenario.metricNames());
      checkArgument(scenario.schedule().indexOf(target.time()).isPresent(),
          "target time '%s' of metric '%s' is not in the schedule of scenario '%s' (%s)", target.time(),
          target.metric(), scenario.name(), scenario.schedule());
      checkArgument(targets.stream().noneMatch(t -> t.metric().equals(target.metric())
          && t.time().equals(target.time())), "metric '%s' at %s is already a target", target.metric(),
          target.time());
      targets.add(target);
      return this;
    }

    /**
     * Adds targets, in order.
     *
     * @param targets the targets
     * @return this builder
     * @throws IllegalArgumentException as {@link #target(Target)}
     */
    public Builder targets(List<Target> targets) {
      checkNotNull(targets, "targets");
      targets.forEach(this::target);
      return this;
    }

    /**
     * Sets the replications of every evaluation; default 10. More replications narrow the
     * confidence intervals of the fit and smooth the distance.
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
     * Sets the root seed of every evaluation and of the Latin hypercube. Required.
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      this.seedSet = true;
      return this;
    }

    /**
     * Sets the threads of every evaluation's experiment; default the number of available
     * processors. The result does not depend on it.
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
     * Sets the points of the Latin hypercube that explores the box first; default 20. With 0,
     * Nelder–Mead starts at the box's centre.
     *
     * @param samples {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException naming the value if it is negative
     */
    public Builder latinHypercube(int samples) {
      checkArgument(samples >= 0, "Latin hypercube samples must be >= 0 but was %s", samples);
      this.samples = samples;
      return this;
    }

    /**
     * Sets the most evaluations of the Nelder–Mead refinement; default 60. With 0, the best
     * point of the Latin hypercube is the result.
     *
     * @param maxEvaluations {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException naming the value if it is negative
     */
    public Builder nelderMead(int maxEvaluations) {
      checkArgument(maxEvaluations >= 0, "Nelder-Mead evaluations must be >= 0 but was %s", maxEvaluations);
      this.evaluations = maxEvaluations;
      return this;
    }

    /**
     * Adds a listener that hears how many evaluations are done: one unit per evaluated point, of
     * a total of the Latin hypercube's points plus the Nelder–Mead budget. While a batch of
     * points runs, the count advances as their replications finish; when Nelder–Mead stops
     * before its budget is spent, a last report sets the total to the evaluations done.
     *
     * <pre>{@code
     * Calibration.of(scenario)....progress(p -> bar.stepTo(p.done())).run();
     * }</pre>
     *
     * @param listener the listener, called from one thread at a time
     * @return this builder
     */
    public Builder progress(ProgressListener listener) {
      listeners.add(checkNotNull(listener, "listener"));
      return this;
    }

    /**
     * Checks and builds the calibration.
     *
     * @return the calibration
     * @throws IllegalArgumentException if no seed was set, there is no free parameter or no
     *     target, a parameter is both fixed and free, or neither phase has anything to evaluate
     */
    public Calibration build() {
      checkArgument(seedSet, "a calibration needs a seed: call seed(long)");
      checkArgument(!free.isEmpty(), "a calibration needs at least one free parameter: call free(...)");
      checkArgument(!targets.isEmpty(), "a calibration needs at least one target: call target(...)");
      for (Free f : free) {
        checkArgument(!fixedNames.contains(f.parameter().name()), "parameter '%s' is both free and fixed",
            f.parameter().name());
      }
      checkArgument(samples + (long) evaluations > 0,
          "a calibration needs Latin hypercube samples or Nelder-Mead evaluations, but both were 0");
      return new Calibration(this);
    }

    /**
     * Builds and runs the calibration.
     *
     * @return the result
     * @see Calibration#run()
     */
    public CalibrationResult run() {
      return build().run();
    }
  }
}
