package io.github.renkei.cluster.simulation;

import static io.github.renkei.cluster.simulation.Toys.AGENTS;
import static io.github.renkei.cluster.simulation.Toys.GROWTH;
import static io.github.renkei.cluster.simulation.Toys.SUBSIDY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.simulation.Toys.Town;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ExperimentTest {

  private static final Grid GRID = Grid.of(GROWTH, 0.01, 0.05).and(SUBSIDY, false, true);

  /** Collects rows and checks the sink contract: begin first, end last, one thread at a time. */
  static final class Recorder implements ResultSink {
    final List<ResultRow> rows = new ArrayList<>();
    final AtomicInteger inside = new AtomicInteger();
    RunInfo begun;
    Boolean completed;
    volatile boolean overlapped;

    @Override
    public void begin(RunInfo run) {
      assertTrue(begun == null, "begin twice");
      begun = run;
    }

    @Override
    public void accept(ResultRow row) {
      assertTrue(begun != null && completed == null, "row outside begin/end");
      if (inside.incrementAndGet() != 1) {
        overlapped = true;
      }
      rows.add(row);
      inside.decrementAndGet();
    }

    @Override
    public void end(RunInfo run, boolean completed) {
      assertSame(begun, run);
      this.completed = completed;
    }
  }

  private static Experiment.Builder experiment(int replications, long seed) {
    return Experiment.of(Toys.town(), Toys.town("smaller", 6).build()).grid(GRID).replications(replications)
        .seed(seed);
  }

  @Test
  void resultsAndRowsAreBitIdenticalWithOneTwoOrEightThreadsOrAForeignExecutor() {
    Recorder r1 = new Recorder();
    ExperimentResult one = experiment(25, 42).threads(1).sink(r1).run();
    for (int threads : new int[] {2, 8}) {
      Recorder r = new Recorder();
      ExperimentResult many = experiment(25, 42).threads(threads).sink(r).run();
      assertEquals(one, many, threads + " threads");
      assertEquals(r1.rows, r.rows, threads + " threads");
      assertEquals(one.summaries(), many.summaries());
      assertFalse(r.overlapped);
    }
    ForkJoinPool pool = new ForkJoinPool(3);
    try {
      Recorder r = new Recorder();
      assertEquals(one, experiment(25, 42).executor(pool, 3).sink(r).run());
      assertEquals(r1.rows, r.rows);
      assertFalse(pool.isShutdown(), "the caller's executor stays the caller's");
    } finally {
      pool.shutdown();
    }
    assertNotEquals(one, experiment(25, 43).threads(2).run());
  }

  @Property(tries = 15)
  void resultsDoNotDependOnTheNumberOfThreads(@ForAll long seed, @ForAll @IntRange(min = 2, max = 8) int threads,
      @ForAll @IntRange(min = 1, max = 20) int replications) {
    Recorder one = new Recorder();
    Recorder many = new Recorder();
    assertEquals(experiment(replications, seed).threads(1).sink(one).run(),
        experiment(replications, seed).threads(threads).sink(many).run());
    assertEquals(one.rows, many.rows);
  }

  @Property(tries = 15)
  void mergedShardsEqualTheUnshardedRun(@ForAll @IntRange(min = 1, max = 7) int shards,
      @ForAll @IntRange(min = 1, max = 12) int replications, @ForAll long seed) {
    ExperimentResult whole = experiment(replications, seed).threads(2).run();
    List<ExperimentResult> parts = new ArrayList<>();
    List<ResultRow> shardRows = new ArrayList<>();
    for (int i = 0; i < shards; i++) {
      Recorder r = new Recorder();
      ExperimentResult part = experiment(replications, seed).shard(i, shards).threads(1 + i % 2).sink(r).run();
      for (int rep : part.replications("town", 0)) {
        assertEquals(i, rep % shards);
      }
      parts.add(part);
      shardRows.addAll(r.rows);
    }
    Collections.reverse(parts);   // the order of the shards does not matter
    assertEquals(whole, ExperimentResult.merge(parts));
    Recorder all = new Recorder();
    experiment(replications, seed).threads(2).sink(all).run();
    assertEquals(new HashSet<>(all.rows), new HashSet<>(shardRows));
    assertEquals(all.rows.size(), shardRows.size());
  }

  @Test
  void mergingRejectsForeignOrRepeatedShards() {
    ExperimentResult a = experiment(4, 1).shard(0, 2).run();
    ExperimentResult b = experiment(4, 2).shard(1, 2).run();
    assertThrows(IllegalArgumentException.class, () -> ExperimentResult.merge(a, b));
    assertThrows(IllegalArgumentException.class, () -> ExperimentResult.merge(a, a));
    ExperimentResult half = ExperimentResult.merge(a);
    assertEquals(ImmutableList.of(0), half.shards().asList());
    assertEquals(2, half.shardCount());
  }

  @Property(tries = 20)
  void theSinkReceivesEveryRowExactlyOnceInOrder(@ForAll @IntRange(min = 1, max = 9) int replications,
      @ForAll @IntRange(min = 1, max = 4) int threads) {
    Recorder r = new Recorder();
    experiment(replications, 5).threads(threads).sink(r).run();
    int expected = 4 * replications * (10 + 6) * 3;   // points × replications × steps of both × metrics
    assertEquals(expected, r.rows.size());
    Set<List<Object>> keys = new HashSet<>();
    for (ResultRow row : r.rows) {
      assertTrue(keys.add(List.of(row.scenario(), row.point(), row.replication(), row.step(), row.metric())),
          "duplicate " + row);
    }
    List<List<Object>> order = new ArrayList<>();
    for (ResultRow row : r.rows) {
      order.add(List.of(row.scenario().equals("town") ? 0 : 1, row.point(), row.replication(), row.step(),
          List.of("total", "richest", "events").indexOf(row.metric())));
    }
    List<List<Object>> sorted = new ArrayList<>(order);
    sorted.sort((a, b) -> {
      for (int i = 0; i < a.size(); i++) {
        int c = Integer.compare((Integer) a.get(i), (Integer) b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    });
    assertEquals(sorted, order);
    assertEquals(Boolean.TRUE, r.completed);
    assertFalse(r.overlapped);
  }

  @Test
  void rowsCarryTheRunThePointsParametersAndTheTime() {
    Recorder r = new Recorder();
    ExperimentResult result = experiment(2, 9).runId("policy-study").sink(r).run();
    ResultRow first = r.rows.get(0);
    assertEquals("policy-study", first.run());
    assertEquals("policy-study", result.run());
    assertEquals("town", first.scenario());
    assertEquals(0.01, first.parameters().get("growth"));
    assertEquals(20, first.parameters().get("agents"));
    assertEquals(false, first.parameters().get("subsidy"));
    assertEquals("2011", first.time());
    ResultRow point3 = r.rows.stream().filter(row -> row.point() == 3).findFirst().orElseThrow();
    assertEquals(0.05, point3.parameters().get("growth"));
    assertEquals(true, point3.parameters().get("subsidy"));
    assertEquals(9, r.begun.seed());
    assertEquals(ImmutableList.of("town", "smaller"), r.begun.scenarios());
    assertEquals(4, r.begun.grid().size());
    assertEquals(20, r.begun.defaults().get("town").get("agents"));
  }

  @Test
  void theRunIdIsDeterministicSoShardsShareIt() {
    assertEquals(experiment(3, 1).build().runId(), experiment(3, 1).shard(1, 2).build().runId());
    assertNotEquals(experiment(3, 1).build().runId(), experiment(3, 2).build().runId());
  }

  @Test
  void summariesAgreeWithSingleRuns() {
    Scenario<Town> town = Toys.town();
    ExperimentResult result = Experiment.of(town).grid(GRID).replications(12).seed(77).threads(2).run();
    Parameters p = GRID.apply(town, 2);
    double[] expected = new double[12];
    for (int r = 0; r < 12; r++) {
      expected[r] = Simulation.run(town, p, 77, r).series("total").get(4);
    }
    assertArrayEquals(expected, result.values("town", 2, "total", 4));
    assertEquals(Statistics.of(expected), result.summary("town", 2, "total", 4));
    assertEquals(Statistics.of(expected), result.summary("town", 2, "total", "2015"));
    assertEquals(result.summary("town", 2, "total", 9), result.finalSummary("town", 2, "total"));
    assertEquals(ImmutableList.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), result.replications("town", 2));
    assertEquals(4 * 3 * 10, result.summaries().size());
  }

  @Test
  void pairedComparisonsUseCommonRandomNumbers() {
    Scenario<Town> town = Toys.town();
    // point 0: no subsidy; point 1: subsidy of 0.1 per agent and year; same growth
    ExperimentResult r = Experiment.of(town).grid(Grid.of(SUBSIDY, false, true)).replications(30).seed(3).run();
    PairedComparison d = r.compareFinal("town", 0, "town", 1, "total");
    assertEquals(30, d.pairs());
    // with common random numbers the incomes cancel: the difference is the subsidy, exactly
    assertEquals(0.1 * 20 * 10, d.meanDifference(), 1e-9);
    assertTrue(d.difference().standardDeviation().getAsDouble() < 1e-9);
    assertTrue(d.confidenceInterval95().orElseThrow().halfWidth() < 1e-9);
    // two independent samples would give a much wider interval
    assertTrue(d.a().confidenceInterval95().orElseThrow().halfWidth() > 0.01);
    assertEquals(d.difference(), r.compare("town", 0, "town", 1, "total", 9).difference());
    assertThrows(IllegalArgumentException.class, () -> r.compare("town", 0, "town", 1, "total", 10));
  }

  @Test
  void progressCountsEveryReplicationAndEstimatesTheRest() {
    List<Progress> seen = Collections.synchronizedList(new ArrayList<>());
    experiment(5, 1).threads(2).progress(seen::add).run();
    assertEquals(40, seen.size());
    Progress last = seen.get(seen.size() - 1);
    assertEquals(40, last.done());
    assertEquals(40, last.total());
    assertEquals(1.0, last.fraction());
    assertEquals(0, last.failed());
    assertTrue(seen.get(0).remaining().isPresent());
    for (int i = 0; i < seen.size(); i++) {
      assertEquals(i + 1, seen.get(i).done());
    }
  }

  @Test
  void rowsStreamWhileTheExperimentRuns() {
    Recorder sink = new Recorder();
    List<Integer> rowsAtProgress = new ArrayList<>();
    experiment(4, 1).threads(1).sink(sink).progress(p -> rowsAtProgress.add(sink.rows.size())).run();
    // on one thread, each replication's rows are out before the next replication starts
    assertEquals(0, rowsAtProgress.get(0));
    assertEquals(30, rowsAtProgress.get(1));
    assertTrue(rowsAtProgress.get(5) < sink.rows.size());
  }

  private static Scenario<Town> failingAt(int replication) {
    return Toys.town("fragile", 5).mechanism("fault", (s, ctx) -> {
      if (ctx.replication() == replication && ctx.step() == 2) {
        throw new IllegalStateException("fault in year " + ctx.time());
      }
    }).build();
  }

  @Test
  void failFastNamesTheGridPointReplicationAndSeed() {
    Recorder sink = new Recorder();
    ExperimentFailedException e = assertThrows(ExperimentFailedException.class,
        () -> Experiment.of(failingAt(3)).grid(Grid.of(GROWTH, 0.02)).replications(10).seed(1234).threads(2)
            .sink(sink).run());
    ReplicationFailure f = e.failures().get(0);
    assertEquals("fragile", f.scenario());
    assertEquals(0, f.point());
    assertEquals(3, f.replication());
    assertEquals(1234, f.seed());
    assertEquals(0.02, f.parameters().get("growth"));
    assertTrue(e.getMessage().contains("replication 3") && e.getMessage().contains("1234")
        && e.getMessage().contains("grid point 0"), e.getMessage());
    assertInstanceOf(IllegalStateException.class, e.getCause());
    assertEquals(Boolean.FALSE, sink.completed);
    assertTrue(sink.rows.stream().allMatch(row -> row.replication() < 3), "no rows after the failure");
    assertEquals(3 * 5 * 3, sink.rows.size());
    // the reported seed and parameters reproduce it alone
    Parameters p = failingAt(3).defaults().withValue("growth", 0.02);
    assertThrows(IllegalStateException.class, () -> Simulation.run(failingAt(3), p, f.seed(), f.replication()));
  }

  @Test
  void collectAndContinueSummarizesTheRest() {
    Recorder sink = new Recorder();
    ExperimentResult r = Experiment.of(failingAt(3)).replications(10).seed(1).threads(2)
        .onFailure(FailurePolicy.COLLECT).sink(sink).run();
    assertEquals(1, r.failures().size());
    assertEquals(3, r.failures().get(0).replication());
    assertEquals(9, r.finalSummary("fragile", 0, "total").count());
    assertFalse(r.replications("fragile", 0).contains(3));
    assertEquals(Boolean.TRUE, sink.completed);
    assertEquals(9 * 5 * 3, sink.rows.size());
    ExperimentResult again = Experiment.of(failingAt(3)).replications(10).seed(1).threads(1)
        .onFailure(FailurePolicy.COLLECT).run();
    assertEquals(r, again);
  }

  @Test
  void aFailureSurvivesSerializationWithItsFailures() throws Exception {
    ExperimentFailedException e = assertThrows(ExperimentFailedException.class,
        () -> Experiment.of(failingAt(3)).grid(Grid.of(GROWTH, 0.02)).replications(10).seed(1234).threads(1).run());
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(e);
    }
    ExperimentFailedException copy;
    try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
        new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (ExperimentFailedException) in.readObject();
    }
    assertEquals(e.getMessage(), copy.getMessage());
    assertEquals(e.getCause().toString(), copy.getCause().toString());
    assertEquals(e.failures().size(), copy.failures().size());
    ReplicationFailure f = copy.failures().get(0);
    assertEquals(List.of("fragile", 0, 3, 1234L, 0.02), List.of(f.scenario(), f.point(), f.replication(), f.seed(),
        f.parameters().get("growth")));
    assertEquals(e.failures().get(0).toString(), f.toString());
  }

  @Test
  void aNanMetricFailsTheExperimentNamingMetricStepAndReplication() {
    Scenario<Town> s = Toys.town("nan", 4).metric("bad", t -> t.wealth.length > 0 ? Double.NaN : 0).build();
    ExperimentFailedException e = assertThrows(ExperimentFailedException.class,
        () -> Experiment.of(s).replications(3).seed(1).threads(1).run());
    String m = e.getCause().getMessage();
    assertTrue(m.contains("'bad'") && m.contains("step 0") && m.contains("replication 0"), m);
  }

  @Test
  void aThrowingSinkStopsTheRunAndEndsTheOtherSinksAsIncomplete() {
    Recorder other = new Recorder();
    ResultSink broken = row -> {
      if (row.replication() == 2) {
        throw new IllegalStateException("disk full");
      }
    };
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> experiment(6, 1).threads(2).sink(other).sink(broken).run());
    assertEquals("disk full", e.getMessage());
    assertEquals(Boolean.FALSE, other.completed);
  }

  /** Records the cause its end receives. */
  private static final class CauseRecorder implements ResultSink {
    Optional<Throwable> failure;

    @Override
    public void accept(ResultRow row) {}

    @Override
    public void end(RunInfo run, Optional<Throwable> failure) {
      this.failure = failure;
    }
  }

  @Test
  void aSinkThatFailsToEndFailsTheRunForEverySinkEndedAfterIt() {
    Recorder before = new Recorder();
    ResultSink cannotCommit = new ResultSink() {
      @Override
      public void accept(ResultRow row) {}

      @Override
      public void end(RunInfo run, boolean completed) {
        throw new java.io.UncheckedIOException(new java.io.IOException("No space left on device"));
      }
    };
    Recorder flagOnly = new Recorder();
    CauseRecorder manifest = new CauseRecorder();
    java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
        () -> experiment(3, 1).threads(2).sink(before).sink(cannotCommit).sink(flagOnly).sink(manifest).run());
    assertEquals(Boolean.TRUE, before.completed, "a sink ended before the failure had finished");
    assertEquals(Boolean.FALSE, flagOnly.completed, "a flag-only sink hears the failure as 'not completed'");
    assertSame(e, manifest.failure.orElseThrow(), "the sinks after it get the cause");
  }

  @Test
  void aCompletedRunEndsEverySinkWithoutACause() {
    CauseRecorder sink = new CauseRecorder();
    experiment(2, 1).threads(1).sink(sink).run();
    assertEquals(Optional.empty(), sink.failure);
  }

  @Test
  void aFailedReplicationIsTheCauseEverySinkGets() {
    CauseRecorder sink = new CauseRecorder();
    ExperimentFailedException e = assertThrows(ExperimentFailedException.class,
        () -> Experiment.of(failingAt(3)).replications(10).seed(1).threads(1).sink(sink).run());
    assertSame(e, sink.failure.orElseThrow());
  }

  @Test
  void interruptingTheCallerCancelsTheExperiment() {
    Recorder sink = new Recorder();
    try {
      CancellationException e = assertThrows(CancellationException.class, () -> experiment(50, 1).threads(1)
          .sink(sink).progress(p -> {
            if (p.done() == 3) {
              Thread.currentThread().interrupt();
            }
          }).run());
      assertTrue(e.getMessage().contains("3 of 400"), e.getMessage());
      assertEquals(Boolean.FALSE, sink.completed);
      assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is kept");
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void adaptiveReplicationStopsAtTheTargetHalfWidth() {
    Scenario<Town> town = Toys.town();
    Experiment.Builder b = Experiment.of(town).grid(Grid.of(AGENTS, 5, 400)).seed(11)
        .untilHalfWidth("total", -1, 0.5, 400, 10, 10);
    ExperimentResult r = b.threads(1).build().run();
    for (int point = 0; point < 2; point++) {
      Statistics s = r.finalSummary("town", point, "total");
      int n = s.count();
      assertTrue(n >= 10 && n <= 400 && n % 10 == 0, "n = " + n);
      if (r.precisionReached("town", point)) {
        assertTrue(s.confidenceInterval95().orElseThrow().halfWidth() <= 0.5);
        // and not one round earlier
        double[] fewer = java.util.Arrays.copyOf(r.finalValues("town", point, "total"), n - 10);
        assertTrue(n == 10 || Statistics.of(fewer).confidenceInterval95().orElseThrow().halfWidth() > 0.5);
      } else {
        assertEquals(400, n);
      }
    }
    // a wider town has more spread and needs more replications
    assertTrue(r.replications("town", 1).size() > r.replications("town", 0).size());
    assertEquals(r, b.threads(2).build().run());
    assertThrows(IllegalStateException.class,
        () -> Experiment.of(town).replications(2).seed(1).run().precisionReached("town", 0));
  }

  @Test
  void adaptiveProgressShrinksItsTotalWhenTargetsAreMet() {
    List<Progress> seen = new ArrayList<>();
    Experiment.of(Toys.town()).seed(1).untilHalfWidth("total", 100, 1000).threads(1).progress(seen::add).run();
    Progress last = seen.get(seen.size() - 1);
    assertEquals(10, last.done());
    assertEquals(10, last.total());
  }

  @Test
  void stopConditionsShortenReplicationsAndSummariesCountThoseThatReachedAStep() {
    Scenario<Town> s = Toys.town("short", 10).stopWhen((t, step) -> step >= 2 && t.total() > 10.3).build();
    ExperimentResult r = Experiment.of(s).replications(40).seed(2).run();
    int atStart = r.summary("short", 0, "total", 0).count();
    assertEquals(40, atStart);
    int atEnd = r.values("short", 0, "total", 9).length;
    assertTrue(atEnd < 40, "some replications stopped: " + atEnd);
    assertEquals(40, r.finalSummary("short", 0, "total").count());
  }

  @Test
  void badInputIsRejectedClearly() {
    Scenario<Town> town = Toys.town();
    assertThrows(IllegalArgumentException.class, () -> Experiment.of(town).replications(0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Experiment.of(town).replications(-5));
    assertTrue(e.getMessage().contains("-5"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Experiment.of(town).threads(0));
    assertThrows(IllegalArgumentException.class, () -> Experiment.of(town).shard(3, 3));
    assertThrows(IllegalArgumentException.class, () -> Experiment.of(town).shard(-1, 3));
    e = assertThrows(IllegalArgumentException.class, () -> Experiment.of(town).build());
    assertTrue(e.getMessage().contains("seed"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Grid.of(GROWTH));
    assertTrue(e.getMessage().contains("empty grid") && e.getMessage().contains("'growth'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Grid.of(GROWTH, 0.5, 2.0));
    assertTrue(e.getMessage().contains("'growth'") && e.getMessage().contains("2.0"), e.getMessage());
    Parameter<Double> foreign = Parameter.probability("foreign", 0.5);
    e = assertThrows(IllegalArgumentException.class,
        () -> Experiment.of(town).grid(Grid.of(foreign, 0.1)).seed(1).build());
    assertTrue(e.getMessage().contains("'foreign'") && e.getMessage().contains("'town'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Experiment.of(town, town));
    assertThrows(IllegalArgumentException.class, () -> Experiment.of());
    assertThrows(IllegalArgumentException.class,
        () -> Experiment.of(town).seed(1).untilHalfWidth("total", 0.1, 100).shard(0, 2).build());
    e = assertThrows(IllegalArgumentException.class,
        () -> Experiment.of(town).seed(1).untilHalfWidth("nope", 0.1, 100).build());
    assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Experiment.of(town).untilHalfWidth("total", 0, 100));
    assertThrows(IllegalArgumentException.class, () -> Experiment.of(town).untilHalfWidth("total", Double.NaN, 100));
    assertThrows(IllegalArgumentException.class, () -> Experiment.of(town).runId(" "));

    ExperimentResult r = Experiment.of(town).replications(2).seed(1).run();
    e = assertThrows(IllegalArgumentException.class, () -> r.finalSummary("nope", 0, "total"));
    assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> r.finalSummary("town", 0, "nope"));
    assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> r.finalSummary("town", 1, "total"));
    assertThrows(IllegalArgumentException.class, () -> r.summary("town", 0, "total", 10));
    e = assertThrows(IllegalArgumentException.class, () -> r.summary("town", 0, "total", "1999"));
    assertTrue(e.getMessage().contains("'1999'"), e.getMessage());
  }

  @Test
  void anOwnPoolIsShutDownAfterTheRun() throws InterruptedException {
    Set<Thread> workers = Collections.synchronizedSet(new HashSet<>());
    Scenario<Town> s = Toys.town("watched", 2).mechanism("who", (t, c) -> {
      workers.add(Thread.currentThread());
      LockSupport.parkNanos(2_000_000);   // long enough that the pool's threads get work
    }).build();
    Experiment.of(s).replications(20).seed(1).threads(3).run();
    workers.remove(Thread.currentThread());   // the caller is one of the workers
    assertFalse(workers.isEmpty());
    for (Thread t : workers) {
      t.join(TimeUnit.SECONDS.toMillis(5));
      assertFalse(t.isAlive(), t.getName());
      assertTrue(t.getName().startsWith("renkei-run-"), t.getName());
    }
    ExecutorService mine = Executors.newFixedThreadPool(2);
    Experiment.of(s).replications(4).seed(1).executor(mine, 2).run();
    assertFalse(mine.isShutdown());
    mine.shutdown();
  }
}
