package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.dynamics.Advice;
import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.ClusterWorld;
import io.github.renkei.cluster.dynamics.RegionProfile;
import io.github.renkei.cluster.io.ProfileJson;
import io.github.renkei.cluster.io.Regions;
import io.github.renkei.cluster.simulation.CalibrationResult;
import io.github.renkei.cluster.simulation.Scenario;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The README's Java snippet of "The initial state comes from the cluster", run as written. */
class RegionsInJavaTest {

  @Test
  void theReadmeSnippetRunsShizuokaFromItsOwnData() {
    RegionProfile profile = Regions.profile("shizuoka");
    ClusterWorld world = profile.world(Regions.cluster("shizuoka"));
    Scenario<ClusterState> shizuoka = profile.scenario(world);
    CalibrationResult fit = profile.calibration(world, Regions.observed("shizuoka"))
        .replications(4).seed(2016).latinHypercube(8).nelderMead(10).threads(2).run();
    RegionProfile fitted = profile.withEstimates(fit, "my calibration");
    Advice advice = Advice.of(profile, world).replications(100).seed(2005).threads(2).run();

    assertEquals("shizuoka", shizuoka.name());
    assertEquals(fitted, ProfileJson.read("fitted.json", new StringReader(ProfileJson.toJson(fitted))));
    assertEquals(RegionProfile.Basis.ESTIMATED, fitted.values().get("production-base").basis());
    assertEquals(Optional.of(Advice.Strategy.PARTS_AND_OEM), advice.outcome(ClusterDynamics.REGISTERED).winner());
    assertTrue(advice.assets().deviceMakers() == 5, advice.assets().toString());
  }
}
