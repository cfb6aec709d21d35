package io.github.renkei.cluster.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A merged result written to sinks as its run would write it, and nothing else accepted. */
class ExperimentReplayTest {

  private static final Grid GRID = Grid.of(Toys.GROWTH, 0.01, 0.05).and(Toys.SUBSIDY, false, true);
  private static final Scenario<Toys.Town> FRAGILE = Toys.town("fragile", 5).mechanism("fault", (s, ctx) -> {
    if (ctx.replication() == 3 && ctx.step() == 2) {
      throw new IllegalStateException("fault in year " + ctx.time());
    }
  }).build();

  private static Experiment.Builder experiment(long seed) {
    return Experiment.of(Toys.town(), Toys.town("smaller", 6).build()).grid(GRID).replications(7).seed(seed)
        .threads(2);
  }

  @Test
  void mergedShardsReplayTheRowsOfTheUnshardedRunInItsOrder() {
    ExperimentTest.Recorder direct = new ExperimentTest.Recorder();
    ExperimentResult whole = experiment(5).sink(direct).run();
    List<ExperimentResult> parts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ShardData d = experiment(5).shard(i, 3).run().data();
      parts.add(ExperimentResult.fromData(experiment(5).build(), d));
    }
    ExperimentTest.Recorder replayed = new ExperimentTest.Recorder();
    ExperimentResult merged = ExperimentResult.merge(parts);
    assertSame(merged, experiment(5).sink(replayed).build().replay(merged));
    assertEquals(direct.rows, replayed.rows);
    assertEquals(Boolean.TRUE, replayed.completed);
    assertEquals(direct.begun.grid(), replayed.begun.grid());
    assertEquals(direct.begun.defaults(), replayed.begun.defaults());
    assertEquals(List.of(0, 1), List.of(replayed.begun.shard(), replayed.begun.shards()));
    assertEquals(whole, merged);
  }

  @Test
  void aResultOfAnotherExperimentOrOtherShardsIsRefusedBeforeASinkBegins() {
    ExperimentResult seed5 = experiment(5).run();
    ExperimentTest.Recorder sink = new ExperimentTest.Recorder();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> experiment(6).sink(sink).build().replay(seed5));
    assertTrue(e.getMessage().contains("is not of run"), e.getMessage());
    Experiment seed5Again = experiment(5).runId(seed5.run()).seed(6).build();
    e = assertThrows(IllegalArgumentException.class, () -> seed5Again.replay(seed5));
    assertEquals("the result of seed 5 is not of an experiment of seed 6", e.getMessage());

    ExperimentResult shard1 = experiment(5).shard(1, 3).run();
    e = assertThrows(IllegalArgumentException.class, () -> experiment(5).sink(sink).build().replay(shard1));
    assertEquals("the result covers shards [1] of 3, the experiment shard 0 of 1", e.getMessage());
    // a shard replays as that shard
    ExperimentTest.Recorder one = new ExperimentTest.Recorder();
    experiment(5).shard(1, 3).sink(one).build().replay(shard1);
    assertTrue(one.rows.stream().allMatch(r -> r.replication() % 3 == 1) && !one.rows.isEmpty());
    assertEquals(null, sink.begun);
  }

  @Test
  void failuresFailTheReplayUnderFailFastAfterTheRowsAndNotWhenCollected() {
    ExperimentResult r = Experiment.of(FRAGILE).replications(6).seed(1).threads(1)
        .onFailure(FailurePolicy.COLLECT).run();
    ExperimentTest.Recorder collected = new ExperimentTest.Recorder();
    Experiment.of(FRAGILE).replications(6).seed(1).onFailure(FailurePolicy.COLLECT).sink(collected).build()
        .replay(r);
    assertEquals(Boolean.TRUE, collected.completed);
    assertEquals(5 * 5 * 3, collected.rows.size());

    ExperimentTest.Recorder failFast = new ExperimentTest.Recorder();
    ExperimentFailedException e = assertThrows(ExperimentFailedException.class,
        () -> Experiment.of(FRAGILE).replications(6).seed(1).sink(failFast).build().replay(r));
    assertEquals(3, e.failures().get(0).replication());
    assertEquals(Boolean.FALSE, failFast.completed);
    assertEquals(collected.rows, failFast.rows);
    assertFalse(failFast.rows.stream().anyMatch(row -> row.replication() == 3));
  }
}
