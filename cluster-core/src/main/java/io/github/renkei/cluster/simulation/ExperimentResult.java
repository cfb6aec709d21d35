package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an {@link Experiment} (or one shard of it) produced: every successful replication's metric
 * values, the failures, and summaries on demand. Values are always taken in replication order, so
 * summaries are bit-identical whatever the parallelism; {@link #merge} joins shards into exactly
 * the unsharded result. Immutable.
 *
 * <pre>{@code
 * Statistics s = result.finalSummary("baseline", 0, "own-products");
 * s.mean(); s.confidenceInterval95().orElseThrow().halfWidth(); s.quantile(0.9);
 * PairedComparison d = result.compareFinal("baseline", 0, "with-council", 0, "own-products");
 * d.confidenceInterval95();   // CI of with-council − baseline, over common random numbers
 * }</pre>
 */
public final class ExperimentResult {

  /**
   * One summary line: a metric at a step of a scenario at a grid point.
   *
   * @param scenario the scenario's name
   * @param point the grid point's index
   * @param parameters the grid point's parameter values
   * @param metric the metric's name
   * @param step the step index
   * @param time the step's time label
   * @param statistics the summary over the replications that reached the step
   */
  public record Summary(String scenario, int point, ImmutableMap<String, Object> parameters, String metric, int step,
      String time, Statistics statistics) {}

  /** The parts of a scenario a result needs: its name, metrics and schedule. */
  private record Shape(String name, ImmutableList<String> metrics, Schedule schedule) {}

  private final String run;
  private final long seed;
  private final ImmutableList<Shape> scenarios;
  private final Grid grid;
  private final int replications;
  private final int shards;
  private final ImmutableSortedSet<Integer> covered;
  private final Store store;
  private final ImmutableList<ReplicationFailure> failures;
  /** Per cell, whether the adaptive target was met; null if the experiment was not adaptive. */
  private final boolean[] reached;

  ExperimentResult(String run, long seed, List<Scenario<?>> scenarios, Grid grid, int replications, int shard,
      int shards, Store store, List<ReplicationFailure> failures, boolean[] reached) {
    this(run, seed, shapes(scenarios), grid, replications, shards, ImmutableSortedSet.of(shard), store,
        ImmutableList.copyOf(failures), reached);
  }

  private static ImmutableList<Shape> shapes(List<Scenario<?>> scenarios) {
    return scenarios.stream().map(s -> new Shape(s.name(), s.metricNames(), s.schedule()))
        .collect(ImmutableList.toImmutableList());
  }

  private ExperimentResult(String run, long seed, ImmutableList<Shape> scenarios, Grid grid, int replications,
      int shards, ImmutableSortedSet<Integer> covered, Store store, ImmutableList<ReplicationFailure> failures,
      boolean[] reached) {
    this.run = run;
    this.seed = seed;
    this.scenarios = scenarios;
    this.grid = grid;
    this.replications = replications;
    // All shards together are the unsharded run.
    boolean complete = covered.size() == shards;
    this.shards = complete ? 1 : shards;
    this.covered = complete ? ImmutableSortedSet.of(0) : covered;
    this.store = store;
    this.failures = failures;
    this.reached = reached;
  }

  /**
   * Merges the results of shards of one experiment (same run id, seed, scenarios, grid and
   * replications; different shards). Merging all n shards gives a result equal to that of the
   * unsharded experiment.
   *
   * @param shards results of distinct shards of one experiment
   * @return the merged result
   * @throws IllegalArgumentException if the results are of different experiments or share a
   *     shard
   */
  public static ExperimentResult merge(List<ExperimentResult> shards) {
    checkNotNull(shards, "shards");
    checkArgument(!shards.isEmpty(), "nothing to merge");
    ExperimentResult first = shards.get(0);
    TreeSet<Integer> covered = new TreeSet<>();
    Store store = new Store(first.scenarios.size(), first.grid.size());
    List<ReplicationFailure> failures = new ArrayList<>();
    for (ExperimentResult r : shards) {
      checkArgument(r.run.equals(first.run) && r.seed == first.seed && r.scenarios.equals(first.scenarios)
          && r.grid.equals(first.grid) && r.replications == first.replications && r.shards == first.shards,
          "cannot merge results of different experiments: %s and %s", first, r);
      for (int s : r.covered) {
        checkArgument(covered.add(s), "shard %s of %s appears twice in the merge", s, r.shards);
      }
      store.addAll(r.store);
      failures.addAll(r.failures);
    }
    failures.sort(Comparator.comparingInt((ReplicationFailure f) -> first.scenarioIndex(f.scenario()))
        .thenComparingInt(ReplicationFailure::point).thenComparingInt(ReplicationFailure::replication));
    return new ExperimentResult(first.run, first.seed, first.scenarios, first.grid, first.replications, first.shards,
        ImmutableSortedSet.copyOf(covered), store, ImmutableList.copyOf(failures), null);
  }

  /**
   * Returns this result's replications as plain, serializable data, to send to another process
   * that rebuilds it with {@link #fromData}. Panels are not included (experiments do not collect
   * them).
   *
   * @return the data
   */
  public ShardData data() {
    List<ShardData.Cell> cells = new ArrayList<>();
    int points = grid.size();
    for (int c = 0; c < scenarios.size() * points; c++) {
      for (Map.Entry<Integer, Replication> e : store.runs(c).entrySet()) {
        cells.add(new ShardData.Cell(c / points, c % points, e.getKey(), e.getValue().stepsRun, e.getValue().values));
      }
    }
    List<ShardData.Failure> failed = new ArrayList<>();
    for (ReplicationFailure f : failures) {
      failed.add(new ShardData.Failure(f.scenario(), f.point(), f.replication(), f.seed(), f.cause()));
    }
    return new ShardData(run, seed, replications, shards, List.copyOf(covered), cells, failed);
  }

  /**
   * Rebuilds a result from the data of a run of the same experiment, made in this or another
   * process. The experiment supplies the scenarios and the grid; its run id, seed, replications
   * and shard count must be the data's (build it with {@link Experiment.Builder#runId} and the
   * same settings). Merge the rebuilt shards with {@link #merge}.
   *
   * @param experiment the experiment the data came from (its sinks, threads and shard are
   *     ignored)
   * @param data the data
   * @return the result the data describes
   * @throws IllegalArgumentException naming the value if the run, seed, replications or shard
   *     count differ, or a cell does not fit the experiment's scenarios, grid or metrics
   */
  public static ExperimentResult fromData(Experiment experiment, ShardData data) {
    checkNotNull(experiment, "experiment");
    checkNotNull(data, "data");
    checkArgument(data.run().equals(experiment.runId()), "data of run '%s' do not belong to run '%s'", data.run(),
        experiment.runId());
    checkArgument(data.seed() == experiment.seed(), "data of seed %s do not belong to an experiment of seed %s",
        data.seed(), experiment.seed());
    checkArgument(data.replications() == experiment.replications(),
        "data of %s replications do not belong to an experiment of %s", data.replications(),
        experiment.replications());
    List<Scenario<?>> scenarios = experiment.scenarios();
    Grid grid = experiment.grid();
    Store store = new Store(scenarios.size(), grid.size());
    for (ShardData.Cell cell : data.cells()) {
      checkArgument(cell.scenario() < scenarios.size() && cell.point() < grid.size()
              && cell.replication() < data.replications(),
          "cell %s/%s/%s is outside the experiment (%s scenarios, %s points, %s replications)", cell.scenario(),
          cell.point(), cell.replication(), scenarios.size(), grid.size(), data.replications());
      Scenario<?> s = scenarios.get(cell.scenario());
      checkArgument(cell.values().length == s.metricNames().size() && cell.stepsRun() <= s.schedule().size(),
          "cell %s/%s/%s has %s metrics and %s steps, scenario '%s' has %s and %s", cell.scenario(), cell.point(),
          cell.replication(), cell.values().length, cell.stepsRun(), s.name(), s.metricNames().size(),
          s.schedule().size());
      store.put(cell.scenario() * grid.size() + cell.point(), cell.replication(),
          Replication.of(cell.stepsRun(), cell.values()));
    }
    List<ReplicationFailure> failures = new ArrayList<>();
    for (ShardData.Failure f : data.failures()) {
      failures.add(new ReplicationFailure(f.scenario(), f.point(), grid.point(f.point()), f.replication(), f.seed(),
          f.cause()));
    }
    return new ExperimentResult(data.run(), data.seed(), shapes(scenarios), grid, data.replications(), data.shards(),
        ImmutableSortedSet.copyOf(data.covered()), store, ImmutableList.copyOf(failures), null);
  }

  /**
   * Merges the results of shards.
   *
   * @param shards results of distinct shards of one experiment
   * @return the merged result
   * @see #merge(List)
   */
  public static ExperimentResult merge(ExperimentResult... shards) {
    return merge(Arrays.asList(shards));
  }

  /**
   * Returns the run id.
   *
   * @return the id
   */
  public String run() {
    return run;
  }

  /**
   * Returns the root seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the scenarios' names, in order.
   *
   * @return the names
   */
  public ImmutableList<String> scenarios() {
    return scenarios.stream().map(Shape::name).collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the grid.
   *
   * @return the grid
   */
  public Grid grid() {
    return grid;
  }

  /**
   * Returns the replications per scenario and grid point of the experiment (of all its shards).
   *
   * @return the replications
   */
  public int replicationCount() {
    return replications;
  }

  /** The replications, for {@link Experiment#replay}. */
  Store store() {
    return store;
  }

  /**
   * Returns the shards this result covers.
   *
   * @return {@code [0]} for a whole experiment (or all its shards merged), else the indices
   */
  public ImmutableSortedSet<Integer> shards() {
    return covered;
  }

  /**
   * Returns how many shards the experiment was split into.
   *
   * @return 1 for a whole experiment (or all its shards merged)
   */
  public int shardCount() {
    return shards;
  }

  /**
   * Returns the failed replications, in scenario, grid point and replication order. Empty
   * unless the experiment ran under {@link FailurePolicy#COLLECT}.
   *
   * @return the failures
   */
  public ImmutableList<ReplicationFailure> failures() {
    return failures;
  }

  /**
   * Returns the replication indices that succeeded for a scenario at a grid point.
   *
   * @param scenario the scenario's name
   * @param point the grid point's index
   * @return the indices, ascending
   */
  public ImmutableList<Integer> replications(String scenario, int point) {
    return ImmutableList.copyOf(store.runs(cell(scenario, point)).keySet());
  }

  /**
   * Whether an adaptive experiment reached its half-width target for a scenario at a grid point
   * (rather than stopping at the maximum number of replications).
   *
   * @param scenario the scenario's name
   * @param point the grid point's index
   * @return {@code true} if the target was met
   * @throws IllegalStateException if the experiment was not adaptive
   */
  public boolean precisionReached(String scenario, int point) {
    int c = cell(scenario, point);
    if (reached == null) {
      throw new IllegalStateException("the experiment " + run + " had no half-width target");
    }
    return reached[c];
  }

  /**
   * Returns a metric's values at a step, one per replication that reached it, in replication
   * order.
   *
   * @param scenario the scenario's name
   * @param point the grid point's index
   * @param metric the metric's name
   * @param step the step index
   * @return the values
   * @throws IllegalArgumentException naming the value if the scenario, point, metric or step is
   *     unknown
   */
  public double[] values(String scenario, int point, String metric, int step) {
    int s = scenarioIndex(scenario);
    int m = metricIndex(s, metric);
    checkArgument(step >= 0 && step < scenarios.get(s).schedule().size(),
        "step %s is outside scenario '%s' (0 to %s)", step, scenario, scenarios.get(s).schedule().size() - 1);
    return store.values(cell(scenario, point), m, step);
  }

  /**
   * Returns each replication's final value of a metric (at the last step it ran), in replication
   * order.
   *
   * @param scenario the scenario's name
   * @param point the grid point's index
   * @param metric the metric's name
   * @return the values
   */
  public double[] finalValues(String scenario, int point, String metric) {
    int s = scenarioIndex(scenario);
    return store.values(cell(scenario, point), metricIndex(s, metric), -1);
  }

  /**
   * Summarizes a metric at a step over the replications.
   *
   * @param scenario the scenario's name
   * @param point the grid point's index
   * @param metric the metric's name
   * @param step the step index
   * @return mean, SD, 95% CI, min, max and quantiles
   * @throws IllegalArgumentException if no replication reached the step
   */
  public Statistics summary(String scenario, int point, String metric, int step) {
    return statistics(values(scenario, point, metric, step), scenario, point, metric, "step " + step);
  }

  /**
   * Summarizes a metric at a time label ({@code "2016"}, {@code "2016-Q3"}) over the
   * replications.
   *
   * @param scenario the scenario's name
   * @param point the grid point's index
   * @param metric the metric's name
   * @param time a time label of the scenario's schedule
   * @return the summary
   */
  public Statistics summary(String scenario, int point, String metric, String time) {
    Schedule schedule = scenarios.get(scenarioIndex(scenario)).schedule();
    int step = schedule.indexOf(checkNotNull(time, "time")).orElseThrow(() -> new IllegalArgumentException(
        "time '" + time + "' is not in the schedule of scenario '" + scenario + "' (" + schedule + ")"));
    return summary(scenario, point, metric, step);
  }

  /**
   * Summarizes a metric's final value (at the last step each replication ran).
   *
   * @param scenario the scenario's name
   * @param point the grid point's index
   * @param metric the metric's name
   * @return the summary
   */
  public Statistics finalSummary(String scenario, int point, String metric) {
    return statistics(finalValues(scenario, point, metric), scenario, point, metric, "the final step");
  }

  private Statistics statistics(double[] values, String scenario, int point, String metric, String where) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no replication of scenario '" + scenario + "' at grid point " + point
          + " has a value of '" + metric + "' at " + where);
    }
    return Statistics.of(values);
  }

  /**
   * Returns every summary: each scenario, grid point, metric and step that some replication
   * reached.
   *
   * @return the summaries, in scenario, point, metric and step order
   */
  public ImmutableList<Summary> summaries() {
    ImmutableList.Builder<Summary> out = ImmutableList.builder();
    for (int s = 0; s < scenarios.size(); s++) {
      Shape shape = scenarios.get(s);
      for (int p = 0; p < grid.size(); p++) {
        ImmutableMap<String, Object> params = grid.point(p);
        int c = s * grid.size() + p;
        for (int m = 0; m < shape.metrics().size(); m++) {
          for (int step = 0; step < shape.schedule().size(); step++) {
            double[] v = store.values(c, m, step);
            if (v.length > 0) {
              out.add(new Summary(shape.name(), p, params, shape.metrics().get(m), step,
                  shape.schedule().label(step), Statistics.of(v)));
            }
          }
        }
      }
    }
    return out.build();
  }

  /**
   * Compares a metric at a step between two (scenario, grid point) pairs, replication by
   * replication: the differences {@code b − a} over the replications both ran. Since
   * replication {@code r} draws the same random numbers in both, the differences have far less
   * variance than two independent samples would (common random numbers).
   *
   * @param scenarioA the first scenario
   * @param pointA its grid point
   * @param scenarioB the second scenario
   * @param pointB its grid point
   * @param metric the metric
   * @param step the step
   * @return the paired comparison
   * @throws IllegalArgumentException if no replication reached the step in both
   */
  public PairedComparison compare(String scenarioA, int pointA, String scenarioB, int pointB, String metric,
      int step) {
    values(scenarioA, pointA, metric, step); // validates the step for both
    values(scenarioB, pointB, metric, step);
    return paired(scenarioA, pointA, scenarioB, pointB, metric, step);
  }

  /**
   * Compares a metric's final values between two (scenario, grid point) pairs, replication by
   * replication.
   *
   * @param scenarioA the first scenario
   * @param pointA its grid point
   * @param scenarioB the second scenario
   * @param pointB its grid point
   * @param metric the metric
   * @return the paired comparison of {@code b − a}
   * @see #compare(String, int, String, int, String, int)
   */
  public PairedComparison compareFinal(String scenarioA, int pointA, String scenarioB, int pointB, String metric) {
    return paired(scenarioA, pointA, scenarioB, pointB, metric, -1);
  }

  private PairedComparison paired(String scenarioA, int pointA, String scenarioB, int pointB, String metric,
      int step) {
    int a = cell(scenarioA, pointA);
    int b = cell(scenarioB, pointB);
    int ma = metricIndex(scenarioIndex(scenarioA), metric);
    int mb = metricIndex(scenarioIndex(scenarioB), metric);
    TreeMap<Integer, Replication> runsA = store.runs(a);
    TreeMap<Integer, Replication> runsB = store.runs(b);
    double[] va = new double[runsA.size()];
    double[] vb = new double[runsA.size()];
    int n = 0;
    for (Map.Entry<Integer, Replication> e : runsA.entrySet()) {
      Replication rb = runsB.get(e.getKey());
      Replication ra = e.getValue();
      int sa = step < 0 ? ra.stepsRun - 1 : step;
      int sb = step < 0 ? (rb == null ? -1 : rb.stepsRun - 1) : step;
      if (rb != null && sa < ra.stepsRun && sb < rb.stepsRun && sa >= 0 && sb >= 0) {
        va[n] = ra.values[ma][sa];
        vb[n] = rb.values[mb][sb];
        n++;
      }
    }
    String where = step < 0 ? "the final step" : "step " + step;
    if (n == 0) {
      throw new IllegalArgumentException("no replication has a value of '" + metric + "' at " + where + " in both '"
          + scenarioA + "' at point " + pointA + " and '" + scenarioB + "' at point " + pointB);
    }
    return new PairedComparison(scenarioA + "@" + pointA, scenarioB + "@" + pointB, metric, where,
        Arrays.copyOf(va, n), Arrays.copyOf(vb, n));
  }

  private int cell(String scenario, int point) {
    int s = scenarioIndex(scenario);
    checkArgument(point >= 0 && point < grid.size(), "grid point %s is outside 0 to %s", point, grid.size() - 1);
    return s * grid.size() + point;
  }

  private int scenarioIndex(String scenario) {
    checkNotNull(scenario, "scenario");
    for (int i = 0; i < scenarios.size(); i++) {
      if (scenarios.get(i).name().equals(scenario)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown scenario '" + scenario + "' (scenarios: " + scenarios() + ")");
  }

  private int metricIndex(int scenario, String metric) {
    checkNotNull(metric, "metric");
    int m = scenarios.get(scenario).metrics().indexOf(metric);
    if (m < 0) {
      throw new IllegalArgumentException("unknown metric '" + metric + "' in scenario '"
          + scenarios.get(scenario).name() + "' (metrics: " + scenarios.get(scenario).metrics() + ")");
    }
    return m;
  }

  /**
   * Equal if of the same experiment, covering the same shards, with bit-identical values and the
   * same failures (compared by place, seed and the cause's class and message).
   */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ExperimentResult)) {
      return false;
    }
    ExperimentResult r = (ExperimentResult) o;
    return run.equals(r.run) && seed == r.seed && scenarios.equals(r.scenarios) && grid.equals(r.grid)
        && replications == r.replications && shards == r.shards && covered.equals(r.covered)
        && store.equals(r.store) && failureKeys().equals(r.failureKeys());
  }

  private List<List<Object>> failureKeys() {
    List<List<Object>> keys = new ArrayList<>();
    for (ReplicationFailure f : failures) {
      keys.add(Arrays.asList(f.scenario(), f.point(), f.replication(), f.seed(), f.cause().getClass(),
          f.cause().getMessage()));
    }
    return keys;
  }

  @Override
  public int hashCode() {
    return Objects.hash(run, seed, grid, replications, covered, store);
  }

  /** Returns the run, the scenarios, the grid, the shards and the counts. */
  @Override
  public String toString() {
    return "ExperimentResult[" + run + ", seed " + seed + ", scenarios=" + scenarios() + ", " + grid + ", "
        + store.size() + " replications" + (shards > 1 ? ", shards " + covered + " of " + shards : "")
        + (failures.isEmpty() ? "" : ", " + failures.size() + " failed") + "]";
  }

  /** The successful replications by cell (scenario × grid point), then replication index. */
  static final class Store {
    private final List<TreeMap<Integer, Replication>> cells;

    Store(int scenarios, int points) {
      int n = Math.multiplyExact(scenarios, points);
      cells = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        cells.add(new TreeMap<>());
      }
    }

    void put(int cell, int replication, Replication run) {
      cells.get(cell).put(replication, run);
    }

    void addAll(Store other) {
      for (int c = 0; c < cells.size(); c++) {
        for (Map.Entry<Integer, Replication> e : other.cells.get(c).entrySet()) {
          checkArgument(cells.get(c).put(e.getKey(), e.getValue()) == null,
              "replication %s of cell %s appears in two shards", e.getKey(), c);
        }
      }
    }

    TreeMap<Integer, Replication> runs(int cell) {
      return cells.get(cell);
    }

    /** Values of a metric at a step (or each run's final step, for -1), in replication order. */
    double[] values(int cell, int metric, int step) {
      TreeMap<Integer, Replication> runs = cells.get(cell);
      double[] v = new double[runs.size()];
      int n = 0;
      for (Replication r : runs.values()) {
        int s = step < 0 ? r.stepsRun - 1 : step;
        if (s >= 0 && s < r.stepsRun) {
          v[n++] = r.values[metric][s];
        }
      }
      return n == v.length ? v : Arrays.copyOf(v, n);
    }

    boolean halfWidthAtMost(int cell, Scenario<?> scenario, String metric, int step, double halfWidth) {
      double[] v = values(cell, scenario.metricNames().indexOf(metric), step);
      if (v.length < 2) {
        return false;
      }
      Optional<Statistics.Interval> ci = Statistics.of(v).confidenceInterval95();
      return ci.isPresent() && ci.get().halfWidth() <= halfWidth;
    }

    int size() {
      return cells.stream().mapToInt(Map::size).sum();
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Store) || ((Store) o).cells.size() != cells.size()) {
        return false;
      }
      for (int c = 0; c < cells.size(); c++) {
        TreeMap<Integer, Replication> a = cells.get(c);
        TreeMap<Integer, Replication> b = ((Store) o).cells.get(c);
        if (!a.keySet().equals(b.keySet())) {
          return false;
        }
        for (Map.Entry<Integer, Replication> e : a.entrySet()) {
          Replication x = e.getValue();
          Replication y = b.get(e.getKey());
          if (x.stepsRun != y.stepsRun || !Arrays.deepEquals(x.values, y.values)) {
            return false;
          }
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      return size();
    }
  }
}
