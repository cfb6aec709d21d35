package io.github.renkei.cluster.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.inference.AbcSmc;
import io.github.renkei.cluster.inference.Particle;
import io.github.renkei.cluster.inference.Posterior;
import io.github.renkei.cluster.simulation.Parameters;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Simulation;
import io.github.renkei.cluster.simulation.SimulationResult;
import io.github.renkei.cluster.simulation.TimeSeries;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped posterior of the Fukushima scenario, the ABC-SMC of a profile, a profile cut to an
 * earlier year, and the demand-driven accounts.
 */
class FukushimaPosteriorTest {

  @Test
  void theShippedPosteriorCoversTheFreeParametersWithinTheirBounds() {
    Posterior p = FukushimaCalibration.posterior();
    List<RegionProfile.Free> free = RegionProfile.fukushima().free();
    assertEquals(free.stream().map(RegionProfile.Free::parameter).toList(), p.parameters());
    assertEquals(FukushimaCalibration.ABC_PARTICLES, p.size());
    assertTrue(p.effectiveSampleSize() > 500, "ESS " + p.effectiveSampleSize());
    for (Particle particle : p.particles()) {
      for (RegionProfile.Free f : free) {
        double v = particle.value(f.parameter());
        assertTrue(v >= f.lower() && v <= f.upper(), f + ": " + v);
      }
      // every particle runs the full scenario
      particle.applyTo(ClusterDynamics.fukushima().defaults());
    }
    // the data say something: the posterior of the plants' base output is narrower than its prior
    double priorSd = (900 - 500) / Math.sqrt(12);
    assertTrue(p.standardDeviation(Accounts.PRODUCTION_BASE.name()) < priorSd,
        "sd " + p.standardDeviation(Accounts.PRODUCTION_BASE.name()) + " vs prior " + priorSd);
    assertTrue(p.standardDeviation(FundingFlows.RECONSTRUCTION_BUDGET.name()) < (80 - 10) / Math.sqrt(12) / 2);
  }

  @Test
  void theProfilesAbcHasAPriorPerFreeParameterAndRunsOnlyToTheLastObservedYear() {
    AbcSmc abc = RegionProfile.fukushima().abc(ClusterWorld.fukushima(), Observation.fukushima())
        .particles(20).maxGenerations(1).seed(1).threads(2).build();
    assertEquals(RegionProfile.fukushima().free().size(), abc.priors().size());
    assertEquals(FukushimaCalibration.targets(Observation.fukushima()), abc.targets());
    Posterior tiny = abc.run();
    assertEquals(20, tiny.size());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> RegionProfile.fukushima()
        .abc(ClusterWorld.fukushima(), List.of())).getMessage().contains("at least one observation"));
  }

  @Test
  void aProfileCutToAnEarlierYearRunsTheSameFirstYears() {
    RegionProfile full = RegionProfile.fukushima();
    RegionProfile early = full.until(2012);
    assertEquals(2012, early.lastYear());
    assertTrue(early.events().stream().allMatch(e -> e.year() <= 2012));
    assertEquals(full.events().size() - 2, early.events().size());
    assertEquals(full.free(), early.free());
    RegionProfile cut = full.until(2016); // the last event's year: nothing dropped
    ClusterWorld world = ClusterWorld.fukushima();
    SimulationResult a = Simulation.run(full.scenario(world), full.scenario(world).defaults(), 5, 0);
    Scenario<ClusterState> shortScenario = cut.scenario(world);
    SimulationResult b = Simulation.run(shortScenario, shortScenario.defaults(), 5, 0);
    for (String metric : List.of(ClusterDynamics.REGISTERED, ClusterDynamics.PRODUCTION_VALUE,
        ClusterDynamics.PARTS_SHIPMENTS)) {
      TimeSeries sa = a.series(metric);
      TimeSeries sb = b.series(metric);
      assertEquals(12, sb.size());
      for (int t = 0; t < sb.size(); t++) {
        assertEquals(sa.get(t), sb.get(t), metric + " step " + t);
      }
    }
    assertTrue(assertThrows(IllegalArgumentException.class, () -> full.until(2005)).getMessage().contains("2005"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> full.until(2031)).getMessage().contains("2031"));
  }

  @Test
  void partsShipmentsFollowTheRegionsProductionAndGrowthVariesByRun() {
    Scenario<ClusterState> s = ClusterDynamics.fukushima();
    Parameters onlyShare = s.defaults().withValue(Accounts.PARTS_SHARE.name(), 0.1)
        .withValue(Accounts.PARTS_VALUE.name(), 0.0);
    SimulationResult r = Simulation.run(s, onlyShare, 9, 0);
    TimeSeries parts = r.series(ClusterDynamics.PARTS_SHIPMENTS);
    TimeSeries production = r.series(ClusterDynamics.PRODUCTION_VALUE);
    for (int t = 0; t < parts.size(); t++) {
      assertEquals(0.1 * production.get(t), parts.get(t), 1e-9);
    }
    // not capped by the firms: parts grow with the plants, faster than the number of firms in the field
    assertTrue(parts.get(parts.size() - 1) > 2 * parts.get(0), parts.toString());

    // the runs' spread of production value in 2025: the firms' output alone, or also the plants' own growth
    Parameters noisy = s.defaults().withValue(Accounts.PRODUCTION_GROWTH_SD.name(), 0.05);
    double calmSd = spread(s, s.defaults());
    double noisySd = spread(s, noisy);
    assertTrue(noisySd > 3 * calmSd, "sd " + noisySd + " with growth noise, " + calmSd + " without");
  }

  private static double spread(Scenario<ClusterState> s, Parameters p) {
    double[] v = new double[12];
    for (int r = 0; r < v.length; r++) {
      v[r] = Simulation.run(s, p, 9, r).series(ClusterDynamics.PRODUCTION_VALUE).get(20);
    }
    return io.github.renkei.cluster.simulation.Statistics.of(v).standardDeviation().orElseThrow();
  }
}
