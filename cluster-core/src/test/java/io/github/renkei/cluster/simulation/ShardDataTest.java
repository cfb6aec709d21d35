package io.github.renkei.cluster.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Results sent between processes as data: rebuilt shards merge to the local run. */
class ShardDataTest {

  private static final Scenario<Toys.Town> TOWN = Toys.town();
  private static final Scenario<Toys.Town> FRAGILE = Toys.town("fragile", 5).mechanism("fault", (s, ctx) -> {
    if (ctx.replication() == 3 && ctx.step() == 2) {
      throw new IllegalStateException("fault in year " + ctx.time());
    }
  }).build();

  private static Experiment.Builder experiment() {
    return Experiment.of(TOWN, FRAGILE).grid(Grid.of(Toys.GROWTH, 0.01, 0.03).and(Toys.SUBSIDY, false, true))
        .replications(11).seed(99).runId("data-test").onFailure(FailurePolicy.COLLECT);
  }

  static ShardData throughBytes(ShardData d) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(d);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (ShardData) in.readObject();
    }
  }

  @Test
  void shardsSentAsBytesAndRebuiltMergeToTheLocalRun() throws Exception {
    ExperimentResult local = experiment().threads(2).run();
    Experiment definition = experiment().build();
    for (int n = 1; n <= 4; n++) {
      List<ExperimentResult> parts = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        ShardData d = throughBytes(experiment().shard(i, n).threads(1).run().data());
        parts.add(ExperimentResult.fromData(definition, d));
      }
      ExperimentResult merged = ExperimentResult.merge(parts);
      assertEquals(local, merged, n + " shards");
      assertEquals(local.summaries(), merged.summaries());
      assertEquals(1 * 4, merged.failures().size(), "replication 3 of the fragile scenario at 4 points");
    }
    assertEquals(local, ExperimentResult.fromData(definition, throughBytes(local.data())));
  }

  @Test
  void dataOfAnotherExperimentIsRejectedNamingTheValue() {
    ShardData d = experiment().shard(0, 2).threads(1).run().data();
    IllegalArgumentException run = assertThrows(IllegalArgumentException.class,
        () -> ExperimentResult.fromData(experiment().runId("other").build(), d));
    assertTrue(run.getMessage().contains("other"), run.getMessage());
    IllegalArgumentException seed = assertThrows(IllegalArgumentException.class,
        () -> ExperimentResult.fromData(experiment().seed(5).build(), d));
    assertTrue(seed.getMessage().contains("5"), seed.getMessage());
    IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
        () -> ExperimentResult.fromData(Experiment.of(TOWN).replications(11).seed(99).runId("data-test").build(), d));
    assertTrue(shape.getMessage().contains("outside the experiment"), shape.getMessage());
  }
}
