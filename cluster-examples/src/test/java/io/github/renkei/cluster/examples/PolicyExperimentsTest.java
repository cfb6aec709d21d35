package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.PairedComparison;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the README's policy experiments small and checks the report and the directions it shows. */
class PolicyExperimentsTest {

  @Test
  void reportsFourExperimentsWithIntervals() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<ExperimentResult> results = PolicyExperiments.run(40, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(4, results.size());
    for (PolicyExperiments.Lever<?> lever : PolicyExperiments.LEVERS) {
      assertTrue(out.contains(lever.title()), out);
    }
    assertTrue(out.contains("40 replications per policy"), out);
    // a council raises the lead's know-how; specialists do too
    for (int experiment : new int[] {0, 1}) {
      PairedComparison d = results.get(experiment).compare("fukushima", 0, "fukushima", 1,
          ClusterDynamics.KNOW_HOW_LEAD, 15);
      assertTrue(d.confidenceInterval95().orElseThrow().lower() > 0, d.toString());
    }
  }
}
