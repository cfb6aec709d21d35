package io.github.renkei.cluster.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.dynamics.Observation;
import io.github.renkei.cluster.dynamics.RegionProfile;
import org.junit.jupiter.api.Test;

/** The shipped regions: each a cluster, a profile and observed series read from its resources. */
class RegionsTest {

  private static final String REGENERATE = "regions/fukushima/profile.json differs from RegionProfile.fukushima();"
      + " regenerate it with ProfileJson.write(RegionProfile.fukushima(), Path.of(\"cluster-io/src/main/resources/"
      + "io/github/renkei/cluster/io/regions/fukushima/profile.json\")) and review the diff";

  @Test
  void fukushimaIsShipped() {
    assertTrue(Regions.names().contains("fukushima"), Regions.names().toString());
  }

  @Test
  void theShippedFukushimaProfileIsTheLibrarysSoTheTwoCannotDrift() {
    assertEquals(RegionProfile.fukushima(), Regions.profile("fukushima"), REGENERATE);
  }

  @Test
  void fukushimasClusterAndObservationsAreTheCoreLibrarys() {
    assertEquals(FukushimaSample.cluster(), Regions.cluster("fukushima"));
    assertEquals(Observation.fukushima(), Regions.observed("fukushima"));
  }

  @Test
  void everyShippedRegionReadsAndItsProfileFitsItsCluster() {
    for (String name : Regions.names()) {
      RegionProfile profile = Regions.profile(name);
      assertEquals(name, profile.name());
      profile.check(profile.world(Regions.cluster(name)));
      assertTrue(!Regions.observed(name).isEmpty(), name);
    }
  }

  @Test
  void anUnknownRegionIsNamedWithTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Regions.profile("fukushma"));
    assertTrue(e.getMessage().contains("unknown region 'fukushma'"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'fukushima'?"), e.getMessage());
    assertTrue(e.getMessage().contains("the shipped regions: fukushima"), e.getMessage());
  }
}
