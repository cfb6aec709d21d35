package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenarios × a parameter grid × replications, run in parallel, streamed to sinks and summarized
 * with confidence intervals.
 *
 * <pre>{@code
 * ExperimentResult result = Experiment.of(baseline, withCouncil)
 *     .grid(Grid.of(ROTATION, 2, 3, 5))
 *     .replications(200)
 *     .seed(42)
 *     .threads(8)
 *     .sink(csv)                                   // rows stream out while it runs
 *     .progress(p -> bar.stepTo(p.done()))
 *     .run();
 * result.finalSummary("with-council", 1, "firms-with-own-product").confidenceInterval95();
 * result.compareFinal("baseline", 1, "with-council", 1, "firms-with-own-product");
 * }</pre>
 *
 * <h2>The unit of work</h2>
 * A replication {@code r} of scenario {@code s} at grid point {@code p}. Its random streams
 * depend only on the root seed, {@code r} and the stream's name ({@link RandomStreams}), so
 * <ul>
 *   <li>the result is bit-identical whatever the number of threads, the executor, the shard
 *       split or the order in which replications finish;</li>
 *   <li>replication {@code r} draws the same numbers in every scenario and at every grid point
 *       (common random numbers), which is what makes {@link ExperimentResult#compare paired
 *       comparisons} sharp.</li>
 * </ul>
 *
 * <h2>Order</h2>
 * Sinks receive rows from one thread at a time, in the order of scenario, grid point,
 * replication, step and metric, however the replications are scheduled: a completed replication
 * waits in a reorder buffer until every replication before it has been written. (For an
 * adaptive experiment the order is round by round.) The progress listener hears every finished
 * replication, in the order they finish. At the end the sinks are ended in the order they were
 * added, each with the cause of a failure so far — a sink whose end throws fails the run for the
 * sinks after it (see {@link ResultSink}); add a run manifest after the sinks of the data.
 *
 * <h2>Shards</h2>
 * {@link Builder#shard(int, int) shard(i, n)} runs replications {@code r} with
 * {@code r % n == i} of every scenario and grid point; {@link ExperimentResult#merge merging}
 * the n results gives exactly the result of the unsharded run.
 *
 * <h2>Adaptive replication</h2>
 * {@link Builder#untilHalfWidth(String, double, int) untilHalfWidth(metric, ε, n)} replicates
 * each scenario and grid point in rounds until the 95% confidence interval of the metric has a
 * half-width of at most ε, or n replications have run — the sequential procedure for an
 * absolute precision of Law, "Simulation Modeling and Analysis" (5th ed., 2015), §9.4.1. The
 * decision after each round depends only on the results, so it too is identical whatever the
 * parallelism. Sequential stopping slightly lowers the interval's coverage; keep the initial
 * round at 10 or more replications.
 *
 * <p>Experiments in this version keep every replication's metric values in memory for the
 * summaries (8 bytes per value); panels are not collected (run {@link Simulation#run} for them).
 * An {@code Experiment} is immutable and can be {@linkplain #run() run} more than once, with
 * identical results, as far as its sinks allow (file sinks are for one run).
 */
public final class Experiment {

  private static final Logger LOG = LoggerFactory.getLogger(Experiment.class);

  private final ImmutableList<Scenario<?>> scenarios;
  private final Grid grid;
  private final int replications;
  private final long seed;
  private final int threads;
  private final Executor executor;
  private final ImmutableList<ResultSink> sinks;
  private final ImmutableList<ProgressListener> listeners;
  private final FailurePolicy failurePolicy;
  private final int shard;
  private final int shards;
  private final String runId;
  private final Precision precision;
  private final Clock clock;

  /** The target of an adaptive experiment. */
  record Precision(String metric, int step, double halfWidth, int initial, int batch) {}

  private Experiment(Builder b) {
    this.scenarios = ImmutableList.copyOf(b.scenarios);
    this.grid = b.grid;
    this.replications = b.replications;
    this.seed = b.seed;
    this.threads = b.threads;
    this.executor = b.executor;
    this.sinks = ImmutableList.copyOf(b.sinks);
    this.listeners = ImmutableList.copyOf(b.listeners);
    this.failurePolicy = b.failurePolicy;
    this.shard = b.shard;
    this.shards = b.shards;
    this.precision = b.precision;
    this.clock = b.clock;
    this.runId = b.runId != null ? b.runId : defaultRunId();
  }

  /**
   * Starts an experiment on scenarios. Their names must be distinct; every parameter of the grid
   * must be declared by each of them.
   *
   * @param scenarios one or more scenarios
   * @return a builder
   */
  public static Builder of(Scenario<?>... scenarios) {
    return new Builder(Arrays.asList(scenarios));
  }

  /**
   * Starts an experiment on scenarios.
   *
   * @param scenarios one or more scenarios
   * @return a builder
   */
  public static Builder of(List<? extends Scenario<?>> scenarios) {
    return new Builder(scenarios);
  }

  /**
   * Returns the run id rows and manifests carry. Unless set, it is derived from the seed, the
   * scenarios, the grid and the replications, so the shards of one experiment share it.
   *
   * @return the id
   */
  public String runId() {
    return runId;
  }

  /**
   * Returns the scenarios, in the order they were given.
   *
   * @return the scenarios
   */
  public ImmutableList<Scenario<?>> scenarios() {
    return scenarios;
  }

  /**
   * Returns the grid.
   *
   * @return the grid of parameter points
   */
  public Grid grid() {
    return grid;
  }

  /**
   * Returns the sinks, in the order they were added. A runner that runs the experiment's shards
   * elsewhere (on Spark, for one) checks it: a shard run twice would give its sinks its rows twice.
   *
   * @return the sinks; empty if none were added
   */
  public ImmutableList<ResultSink> sinks() {
    return sinks;
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
   * Returns the replications per scenario and grid point (the maximum, for adaptive
   * experiments), before sharding.
   *
   * @return the replications
   */
  public int replications() {
    return replications;
  }

  /**
   * Returns the shard this experiment runs.
   *
   * @return 0 to {@link #shardCount()} − 1; 0 for an unsharded experiment
   */
  public int shard() {
    return shard;
  }

  /**
   * Returns how many shards the experiment is split into.
   *
   * @return 1 for an unsharded experiment
   */
  public int shardCount() {
    return shards;
  }

  /**
   * Returns the number of replications this run (this shard) plans: scenarios × grid points ×
   * its share of the replications (the maximum, for adaptive experiments).
   *
   * @return the planned replications
   */
  public long plannedReplications() {
    return (long) scenarios.size() * grid.size() * inShard(0, replications);
  }

  private int inShard(int from, int to) {
    int n = 0;
    for (int r = from; r < to; r++) {
      if (r % shards == shard) {
        n++;
      }
    }
    return n;
  }

  private String defaultRunId() {
    StringBuilder s = new StringBuilder().append(seed).append('|').append(grid).append('|').append(replications);
    scenarios.forEach(sc -> s.append('|').append(sc.name()));
    if (precision != null) {
      s.append('|').append(precision);
    }
    long h = 0xcbf29ce484222325L;
    for (byte b : s.toString().getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return String.format("run-%016x", h);
  }

  /**
   * Runs the experiment: calls every sink's {@code begin}, streams the rows, calls every sink's
   * {@code end}, and returns the results of this shard.
   *
   * @return the results
   * @throws ExperimentFailedException under {@link FailurePolicy#FAIL_FAST} if a replication
   *     throws; it names the scenario, grid point, replication and seed
   * @throws CancellationException if the calling thread is interrupted (the interrupt flag is
   *     kept; running replications finish first)
   * @throws RuntimeException whatever a sink or progress listener throws, after the other sinks
   *     have been ended with it as the cause
   */
  public ExperimentResult run() {
    return new Run().execute();
  }

  /**
   * Writes a result of this experiment to its sinks as a run would — {@code begin}, the rows in
   * the order of a run (scenario, grid point, replication, step, metric), {@code end} — without
   * running a replication. This is how the shards of an experiment, run in other processes and
   * {@linkplain ExperimentResult#merge merged}, become the same files as the unsharded run: the
   * rows are the same and come in the same order.
   *
   * <pre>{@code
   * ExperimentResult all = ExperimentResult.merge(parts.stream().map(p -> ExperimentResult.fromData(same, p)).toList());
   * Experiment.of(scenario).grid(grid).replications(1000).seed(7).runId("study-1")
   *     .sink(CsvSink.to(Path.of("results.csv"))).build().replay(all);
   * }</pre>
   *
   * <p>The sinks hear this experiment's threads and shard, and its clock's time as the start.
   * Under {@link FailurePolicy#FAIL_FAST}, a result holding failures ends the sinks with, and
   * throws, the {@link ExperimentFailedException} the run would have thrown (the rows of the
   * replications that succeeded are written first).
   *
   * @param result a result of this experiment's run id, seed, scenarios, grid and replications,
   *     covering exactly this experiment's shard (all shards merged, for an unsharded experiment)
   * @return the result
   * @throws IllegalArgumentException naming the value if the result is of another experiment or
   *     covers other shards; not adaptive experiments
   * @throws RuntimeException whatever a sink throws, after the other sinks have been ended with it
   */
  public ExperimentResult replay(ExperimentResult result) {
    checkNotNull(result, "result");
    checkArgument(precision == null, "an adaptive experiment cannot replay a result: its rows come round by round");
    checkArgument(result.run().equals(runId), "the result of run '%s' is not of run '%s'", result.run(), runId);
    checkArgument(result.seed() == seed, "the result of seed %s is not of an experiment of seed %s", result.seed(),
        seed);
    List<String> names = scenarios.stream().map(Scenario::name).toList();
    checkArgument(result.scenarios().equals(names), "the result of scenarios %s is not of an experiment of %s",
        result.scenarios(), names);
    checkArgument(result.grid().equals(grid), "the result's grid %s is not the experiment's %s", result.grid(), grid);
    checkArgument(result.replicationCount() == replications,
        "the result of %s replications is not of an experiment of %s", result.replicationCount(), replications);
    checkArgument(result.shardCount() == shards && result.shards().equals(Set.of(shard)),
        "the result covers shards %s of %s, the experiment shard %s of %s", result.shards(), result.shardCount(),
        shard, shards);
    return new Run().replay(result);
  }

  /** Returns the scenarios, grid, replications, seed and shard. */
  @Override
  public String toString() {
    return "Experiment[" + runId + ", scenarios=" + scenarios.stream().map(Scenario::name).toList() + ", " + grid
        + ", replications=" + replications + ", seed=" + seed + (shards > 1 ? ", shard " + shard + "/" + shards : "")
        + (precision != null ? ", until half-width of '" + precision.metric() + "' <= " + precision.halfWidth() : "")
        + "]";
  }

  /** The result of one replication, or its failure. */
  private record Outcome(int cell, int replication, Replication run, ReplicationFailure failure) {}

  /** One execution of the experiment. */
  private final class Run {

    private final int points = grid.size();
    private final int cells = scenarios.size() * points;
    private final ExperimentResult.Store store = new ExperimentResult.Store(scenarios.size(), points);
    private final ReentrantLock emitLock = new ReentrantLock();
    private final Object progressLock = new Object();
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private final long startNanos = System.nanoTime();
    private final List<ReplicationFailure> failures = new ArrayList<>();
    private volatile boolean stopped;
    private long done;
    private long failed;
    private long total;
    private RunInfo info;
    private List<ImmutableMap<String, Object>> rowParameters;
    private Parameters[] parameters;

    // The current round: units are (cells[u], replications[u]) in emission order.
    private int[] unitCell;
    private int[] unitReplication;
    private AtomicReferenceArray<Outcome> slots;
    private AtomicInteger next;
    private volatile int emitted;

    /** The cells' parameters and the run's facts, for the sinks. */
    private void prepare() {
      parameters = new Parameters[cells];
      rowParameters = new ArrayList<>(cells);
      for (int c = 0; c < cells; c++) {
        parameters[c] = grid.apply(scenarios.get(c / points), c % points);
        rowParameters.add(parameters[c].asMap());
      }
      ImmutableList.Builder<ImmutableMap<String, Object>> gridPoints = ImmutableList.builder();
      for (int p = 0; p < points; p++) {
        gridPoints.add(grid.point(p));
      }
      ImmutableMap.Builder<String, ImmutableMap<String, Object>> defaults = ImmutableMap.builder();
      scenarios.forEach(s -> defaults.put(s.name(), s.defaults().asMap()));
      info = new RunInfo(runId, seed, scenarios.stream().map(Scenario::name).collect(ImmutableList.toImmutableList()),
          defaults.buildOrThrow(), gridPoints.build(), replications, threads, shard, shards, clock.instant());
    }

    ExperimentResult replay(ExperimentResult result) {
      prepare();
      begin();
      Throwable f = null;
      try {
        for (int c = 0; c < cells; c++) {
          for (Map.Entry<Integer, Replication> e : result.store().runs(c).entrySet()) {
            emit(new Outcome(c, e.getKey(), e.getValue(), null));
          }
        }
      } catch (RuntimeException | Error e) {
        f = e;
      }
      if (f == null && failurePolicy == FailurePolicy.FAIL_FAST && !result.failures().isEmpty()) {
        f = new ExperimentFailedException(result.failures());
      }
      f = end(f);
      if (f != null) {
        throwUnchecked(f);
      }
      return result;
    }

    ExperimentResult execute() {
      prepare();
      total = plannedReplications();
      LOG.debug("starting {} ({} replications on {} threads)", Experiment.this, total, threads);
      begin();
      // The calling thread is one of the workers: an own pool needs one thread fewer.
      ExecutorService own = executor == null && threads > 1
          ? Executors.newFixedThreadPool(threads - 1, new Workers(runId)) : null;
      boolean[] reached = precision == null ? null : new boolean[cells];
      try {
        if (precision == null) {
          round(allCells(), 0, replications, own);
        } else {
          adapt(reached, own);
        }
      } finally {
        if (own != null) {
          own.shutdown();
        }
      }
      Throwable f = fatal.get();
      if (f == null && failurePolicy == FailurePolicy.FAIL_FAST && !failures.isEmpty()) {
        f = new ExperimentFailedException(sortedFailures());
      }
      if (f == null && Thread.currentThread().isInterrupted()) {
        f = new CancellationException("experiment " + runId + " was interrupted after " + done + " of " + total
            + " replications");
      }
      f = end(f);
      if (f != null) {
        throwUnchecked(f);
      }
      LOG.debug("finished {} in {}", runId, Duration.ofNanos(System.nanoTime() - startNanos));
      return new ExperimentResult(runId, seed, scenarios, grid, replications, shard, shards, store,
          sortedFailures(), reached);
    }

    private int[] allCells() {
      int[] all = new int[cells];
      Arrays.setAll(all, c -> c);
      return all;
    }

    private void adapt(boolean[] reached, ExecutorService own) {
      int[] active = allCells();
      int from = 0;
      int to = Math.min(precision.initial(), replications);
      while (active.length > 0 && !stopped) {
        round(active, from, to, own);
        if (stopped) {
          return;
        }
        int[] still = Arrays.stream(active).filter(c -> {
          reached[c] = store.halfWidthAtMost(c, scenarios.get(c / points), precision.metric(), precision.step(),
              precision.halfWidth());
          return !reached[c];
        }).toArray();
        if (to >= replications) {
          return;
        }
        // Progress: the cells that stopped will not run their remaining replications.
        if (still.length < active.length) {
          synchronized (progressLock) {
            total -= (long) (active.length - still.length) * (replications - to);
            report();
          }
        }
        active = still;
        from = to;
        to = Math.min(to + precision.batch(), replications);
      }
    }

    private void round(int[] roundCells, int from, int to, ExecutorService own) {
      int perCell = to - from;
      List<Integer> reps = new ArrayList<>(perCell);
      for (int r = from; r < to; r++) {
        if (r % shards == shard) {
          reps.add(r);
        }
      }
      int n = roundCells.length * reps.size();
      unitCell = new int[n];
      unitReplication = new int[n];
      int u = 0;
      for (int c : roundCells) {
        for (int r : reps) {
          unitCell[u] = c;
          unitReplication[u] = r;
          u++;
        }
      }
      slots = new AtomicReferenceArray<>(n);
      next = new AtomicInteger();
      emitted = 0;
      if (n == 0) {
        return;
      }
      // On an own pool the caller works too; on the caller's executor, all workers are its tasks.
      int helpers = executor != null ? threads : Math.min(threads, n) - 1;
      if (helpers == 0) {
        work();
      } else {
        Executor pool = executor != null ? executor : own;
        CountDownLatch finished = new CountDownLatch(helpers);
        for (int w = 0; w < helpers; w++) {
          try {
            pool.execute(() -> {
              try {
                work();
              } finally {
                finished.countDown();
              }
            });
          } catch (RejectedExecutionException e) {
            fail(e);
            finished.countDown();
          }
        }
        if (executor == null) {
          work();
        }
        awaitUninterruptibly(finished);
      }
      drain();
    }

    private void awaitUninterruptibly(CountDownLatch latch) {
      boolean interrupted = false;
      while (true) {
        try {
          latch.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
          stopped = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    private void work() {
      try {
        int n = unitCell.length;
        while (!stopped && !Thread.currentThread().isInterrupted()) {
          int u = next.getAndIncrement();
          if (u >= n) {
            break;
          }
          Outcome o = runUnit(unitCell[u], unitReplication[u]);
          slots.set(u, o);
          if (o.failure() != null && failurePolicy == FailurePolicy.FAIL_FAST) {
            stopped = true;
          }
          progress(o);
          drain();
        }
        if (Thread.currentThread().isInterrupted()) {
          stopped = true;
        }
      } catch (RuntimeException | Error e) {
        fail(e);
      }
    }

    private Outcome runUnit(int cell, int replication) {
      Scenario<?> scenario = scenarios.get(cell / points);
      try {
        return new Outcome(cell, replication, Replication.run(scenario, parameters[cell], seed, replication, false),
            null);
      } catch (VirtualMachineError e) {
        if (e instanceof StackOverflowError) {
          return failure(cell, replication, e);
        }
        throw e;
      } catch (RuntimeException | Error e) {
        return failure(cell, replication, e);
      }
    }

    private Outcome failure(int cell, int replication, Throwable e) {
      LOG.debug("replication {} of {} at point {} failed", replication, scenarios.get(cell / points).name(),
          cell % points, e);
      return new Outcome(cell, replication, null, new ReplicationFailure(scenarios.get(cell / points).name(),
          cell % points, rowParameters.get(cell), replication, seed, e));
    }

    private void progress(Outcome o) {
      synchronized (progressLock) {
        done++;
        if (o.failure() != null) {
          failed++;
        }
        report();
      }
    }

    /** Tells the listeners; the caller holds the progress lock. */
    private void report() {
      if (!listeners.isEmpty()) {
        Progress p = new Progress(done, Math.max(total, done), failed, Duration.ofNanos(System.nanoTime() - startNanos));
        for (ProgressListener l : listeners) {
          l.onProgress(p);
        }
      }
    }

    /**
     * Emits every finished unit that follows the emitted prefix. Whoever holds the lock emits;
     * the others leave, and the re-check after unlocking catches a unit that finished in between.
     */
    private void drain() {
      int n = unitCell.length;
      while (true) {
        if (!emitLock.tryLock()) {
          return;
        }
        try {
          int e = emitted;
          Outcome o;
          while (e < n && (o = slots.get(e)) != null && fatal.get() == null) {
            if (o.failure() != null) {
              failures.add(o.failure());
              if (failurePolicy == FailurePolicy.FAIL_FAST) {
                // The sinks get the rows before the first failure, nothing after it.
                slots.set(e, null);
                emitted = n;
                return;
              }
            } else {
              store.put(o.cell(), o.replication(), o.run());
              emit(o);
            }
            slots.set(e, null);
            emitted = ++e;
          }
        } catch (RuntimeException | Error ex) {
          fail(ex);
          emitted = n;
          return;
        } finally {
          emitLock.unlock();
        }
        int e = emitted;
        if (e >= n || slots.get(e) == null) {
          return;
        }
      }
    }

    private void emit(Outcome o) {
      if (sinks.isEmpty()) {
        return;
      }
      Scenario<?> scenario = scenarios.get(o.cell() / points);
      ImmutableList<String> metrics = scenario.metricNames();
      Schedule schedule = scenario.schedule();
      ImmutableMap<String, Object> params = rowParameters.get(o.cell());
      String name = scenario.name();
      int point = o.cell() % points;
      double[][] values = o.run().values;
      for (int step = 0; step < o.run().stepsRun; step++) {
        String time = schedule.label(step);
        for (int m = 0; m < metrics.size(); m++) {
          ResultRow row = new ResultRow(runId, name, point, params, o.replication(), step, time, metrics.get(m),
              values[m][step]);
          for (ResultSink sink : sinks) {
            sink.accept(row);
          }
        }
      }
    }

    private void fail(Throwable e) {
      if (!fatal.compareAndSet(null, e) && fatal.get() != e) {
        fatal.get().addSuppressed(e);
      }
      stopped = true;
    }

    private void begin() {
      for (int i = 0; i < sinks.size(); i++) {
        try {
          sinks.get(i).begin(info);
        } catch (RuntimeException | Error e) {
          for (int j = 0; j < i; j++) {
            try {
              sinks.get(j).end(info, Optional.of(e));
            } catch (RuntimeException | Error suppressed) {
              e.addSuppressed(suppressed);
            }
          }
          throw e;
        }
      }
    }

    /**
     * Ends every sink in order. The first failure — the run's, or else the first sink's whose end
     * throws — is the cause every later sink gets, and is returned for the caller to throw; later
     * sinks' exceptions are suppressed in it.
     */
    private Throwable end(Throwable pending) {
      Throwable cause = pending;
      for (ResultSink sink : sinks) {
        try {
          sink.end(info, Optional.ofNullable(cause));
        } catch (RuntimeException e) {
          if (cause == null) {
            cause = e;
          } else {
            cause.addSuppressed(e);
          }
        }
      }
      return cause;
    }

    private List<ReplicationFailure> sortedFailures() {
      // Under FAIL_FAST, failures the emitter did not reach are still in the slots.
      Set<ReplicationFailure> seen = new HashSet<>(failures);
      List<ReplicationFailure> all = new ArrayList<>(failures);
      if (slots != null) {
        for (int u = 0; u < slots.length(); u++) {
          Outcome o = slots.get(u);
          if (o != null && o.failure() != null && seen.add(o.failure())) {
            all.add(o.failure());
          }
        }
      }
      all.sort((a, b) -> {
        int c = Integer.compare(scenarioIndex(a.scenario()), scenarioIndex(b.scenario()));
        c = c != 0 ? c : Integer.compare(a.point(), b.point());
        return c != 0 ? c : Integer.compare(a.replication(), b.replication());
      });
      return all;
    }

    private int scenarioIndex(String name) {
      for (int i = 0; i < scenarios.size(); i++) {
        if (scenarios.get(i).name().equals(name)) {
          return i;
        }
      }
      return -1;
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void throwUnchecked(Throwable e) throws E {
    throw (E) e;
  }

  /** Daemon worker threads named after the run. */
  private static final class Workers implements ThreadFactory {
    private final String run;
    private final AtomicInteger count = new AtomicInteger();

    Workers(String run) {
      this.run = run;
    }

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "renkei-" + run + "-" + count.getAndIncrement());
      t.setDaemon(true);
      return t;
    }
  }

  /** Builds an {@link Experiment}. */
  public static final class Builder {

    private final List<Scenario<?>> scenarios;
    private Grid grid = Grid.single();
    private int replications = 1;
    private long seed;
    private boolean seedSet;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Executor executor;
    private final List<ResultSink> sinks = new ArrayList<>();
    private final List<ProgressListener> listeners = new ArrayList<>();
    private FailurePolicy failurePolicy = FailurePolicy.FAIL_FAST;
    private int shard;
    private int shards = 1;
    private String runId;
    private Precision precision;
    private Clock clock = Clock.systemUTC();

    private Builder(List<? extends Scenario<?>> scenarios) {
      checkNotNull(scenarios, "scenarios");
      checkArgument(!scenarios.isEmpty(), "an experiment needs at least one scenario");
      Set<String> names = new HashSet<>();
      for (Scenario<?> s : scenarios) {
        checkNotNull(s, "scenario");
        checkArgument(names.add(s.name()), "two scenarios are named '%s'; scenario names must be distinct", s.name());
      }
      this.scenarios = new ArrayList<>(scenarios);
    }

    /**
     * Sets the parameter grid; default {@link Grid#single()}.
     *
     * @param grid the grid; each of its parameters must be declared by every scenario
     * @return this builder
     */
    public Builder grid(Grid grid) {
      this.grid = checkNotNull(grid, "grid");
      return this;
    }

    /**
     * Sets the replications per scenario and grid point; default 1.
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
     * Sets the root seed. Required: an experiment without a stated seed cannot be reproduced.
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
     * Runs on this many threads: the calling thread and a pool of {@code threads - 1} that the
     * experiment creates and shuts down; default the number of available processors. With 1,
     * everything runs on the calling thread.
     *
     * @param threads {@code >= 1}
     * @return this builder
     */
    public Builder threads(int threads) {
      checkArgument(threads >= 1, "threads must be >= 1 but was %s", threads);
      this.threads = threads;
      this.executor = null;
      return this;
    }

    /**
     * Runs on the caller's executor, which the experiment neither owns nor shuts down.
     *
     * @param executor the executor
     * @param parallelism how many worker tasks to submit to it, {@code >= 1} (its thread count,
     *     typically)
     * @return this builder
     */
    public Builder executor(Executor executor, int parallelism) {
      checkArgument(parallelism >= 1, "parallelism must be >= 1 but was %s", parallelism);
      this.executor = checkNotNull(executor, "executor");
      this.threads = parallelism;
      return this;
    }

    /**
     * Adds a sink; rows go to the sinks, and the run's end (with the cause of a failure, including
     * a failure of an earlier sink's end), in the order they were added.
     *
     * @param sink the sink
     * @return this builder
     */
    public Builder sink(ResultSink sink) {
      sinks.add(checkNotNull(sink, "sink"));
      return this;
    }

    /**
     * Adds a progress listener.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder progress(ProgressListener listener) {
      listeners.add(checkNotNull(listener, "listener"));
      return this;
    }

    /**
     * Sets what happens when a replication throws; default {@link FailurePolicy#FAIL_FAST}.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder onFailure(FailurePolicy policy) {
      this.failurePolicy = checkNotNull(policy, "policy");
      return this;
    }

    /**
     * Runs only shard {@code index} of {@code count}: the replications {@code r} with
     * {@code r % count == index}, of every scenario and grid point.
     *
     * @param index 0 to {@code count - 1}
     * @param count {@code >= 1}
     * @return this builder
     * @throws IllegalArgumentException naming the values if they are out of range
     */
    public Builder shard(int index, int count) {
      checkArgument(count >= 1, "shard count must be >= 1 but was %s", count);
      checkArgument(index >= 0 && index < count, "shard index must be in 0..%s but was %s", count - 1, index);
      this.shard = index;
      this.shards = count;
      return this;
    }

    /**
     * Sets the run id that rows and manifests carry.
     *
     * @param runId a non-blank id
     * @return this builder
     */
    public Builder runId(String runId) {
      checkNotNull(runId, "runId");
      checkArgument(!runId.isBlank(), "run id must not be blank");
      this.runId = runId;
      return this;
    }

    /**
     * Replicates until the 95% confidence interval of a metric's final value (at the last step
     * each replication ran) has a half-width of at most {@code halfWidth}, or until
     * {@code maxReplications}; first 10 replications, then rounds of 10.
     *
     * @param metric the metric, observed by every scenario
     * @param halfWidth the target half-width, {@code > 0}
     * @param maxReplications the most replications per scenario and grid point, {@code >= 2}
     * @return this builder
     */
    public Builder untilHalfWidth(String metric, double halfWidth, int maxReplications) {
      return untilHalfWidth(metric, -1, halfWidth, maxReplications, 10, 10);
    }

    /**
     * Replicates until the 95% confidence interval of a metric at a step has a half-width of at
     * most {@code halfWidth}, or until {@code maxReplications}.
     *
     * @param metric the metric, observed by every scenario
     * @param step the step, or -1 for each replication's final value
     * @param halfWidth the target half-width, {@code > 0}
     * @param maxReplications the most replications per scenario and grid point, {@code >= 2}
     * @param initial the replications of the first round, {@code >= 2}
     * @param batch the replications of each further round, {@code >= 1}
     * @return this builder
     * @throws IllegalArgumentException naming the value that is out of range
     */
    public Builder untilHalfWidth(String metric, int step, double halfWidth, int maxReplications, int initial,
        int batch) {
      checkNotNull(metric, "metric");
      checkArgument(step >= -1, "step must be -1 (final value) or a step index but was %s", step);
      checkArgument(halfWidth > 0 && Double.isFinite(halfWidth), "half-width must be finite and > 0 but was %s",
          halfWidth);
      checkArgument(maxReplications >= 2, "maxReplications must be >= 2 but was %s", maxReplications);
      checkArgument(initial >= 2, "initial replications must be >= 2 but was %s", initial);
      checkArgument(batch >= 1, "batch must be >= 1 but was %s", batch);
      this.precision = new Precision(metric, step, halfWidth, initial, batch);
      this.replications = maxReplications;
      return this;
    }

    /**
     * Sets the clock that stamps the start time (for tests); default UTC system time.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /**
     * Checks and builds the experiment.
     *
     * @return the experiment
     * @throws IllegalArgumentException if no seed was set, a scenario does not declare a grid
     *     parameter, or the adaptive metric or step is not every scenario's; shards with an
     *     adaptive target
     */
    public Experiment build() {
      checkArgument(seedSet, "an experiment needs a seed: call seed(long)");
      for (Scenario<?> s : scenarios) {
        for (Parameter<?> axis : grid.axes()) {
          checkArgument(s.parameters().contains(axis), "scenario '%s' does not declare the grid's parameter '%s'",
              s.name(), axis.name());
        }
        if (precision != null) {
          checkArgument(s.metricNames().contains(precision.metric()), "scenario '%s' has no metric '%s' (metrics: %s)",
              s.name(), precision.metric(), s.metricNames());
          checkArgument(precision.step() < s.schedule().size(), "step %s is beyond scenario '%s' (%s steps)",
              precision.step(), s.name(), s.schedule().size());
        }
      }
      checkArgument(precision == null || shards == 1,
          "an adaptive experiment cannot be sharded: whether to replicate further depends on all replications");
      return new Experiment(this);
    }

    /**
     * Builds and runs the experiment.
     *
     * @return the results
     * @see Experiment#run()
     */
    public ExperimentResult run() {
      return build().run();
    }
  }
}
