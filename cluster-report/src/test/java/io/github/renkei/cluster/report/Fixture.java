package io.github.renkei.cluster.report;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.Policies;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Grid;
import java.util.Arrays;

/** One small experiment shared by the tests: the Fukushima scenario, council off and on, 12 runs each. */
final class Fixture {

  static final Scenario<ClusterState> FUKUSHIMA = ClusterDynamics.fukushima();
  static final ExperimentResult COUNCIL = Experiment.of(FUKUSHIMA).grid(Grid.of(Policies.COUNCIL, false, true))
      .replications(12).seed(1).threads(2).run();

  static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private Fixture() {}

  static boolean isPng(byte[] bytes) {
    return bytes.length > PNG_SIGNATURE.length
        && Arrays.equals(Arrays.copyOf(bytes, PNG_SIGNATURE.length), PNG_SIGNATURE);
  }
}
