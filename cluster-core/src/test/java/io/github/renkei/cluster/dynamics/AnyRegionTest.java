package io.github.renkei.cluster.dynamics;

import static io.github.renkei.cluster.dynamics.ClusterDynamicsTest.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.ProgramId;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.model.RelationshipType;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.regulation.ManufacturingStep;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Parameters;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Simulation;
import io.github.renkei.cluster.simulation.SimulationResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A region of one's own: its initial state from its file, its profile, and the advice for it. */
class AnyRegionTest {

  private static final OrganizationId PREF = OrganizationId.of("shizuoka-pref-test");
  private static final OrganizationId SUPPORT = OrganizationId.of("shizuoka-support-test");

  /** A small Shizuoka cluster: the prefecture, one support organization, and what the caller adds. */
  private static Cluster.Builder shizuoka() {
    return Cluster.builder()
        .add(Organization.builder(PREF, "Shizuoka Prefecture", OrganizationType.PREFECTURE, Prefecture.SHIZUOKA))
        .add(Organization.builder(SUPPORT, "Support", OrganizationType.SUPPORT_ORGANIZATION, Prefecture.SHIZUOKA));
  }

  private static Organization.Builder firm(String id, EntryStage stage) {
    Organization.Builder b = Organization.builder(OrganizationId.of(id), id, OrganizationType.SME_MANUFACTURER,
        Prefecture.SHIZUOKA).capabilities(Capability.MACHINING, Capability.CLEANROOM_ASSEMBLY).capacity(2)
        .entryStage(stage);
    if (stage.compareTo(EntryStage.OEM) >= 0) {
      b.licences(JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY));
    }
    return b;
  }

  private static Organization.Builder of(String id, OrganizationType type) {
    return Organization.builder(OrganizationId.of(id), id, type, Prefecture.SHIZUOKA);
  }

  private static RegionProfile profile() {
    return RegionProfile.builder("shizuoka-test", Prefecture.SHIZUOKA, PREF, 2010, 2020).build();
  }

  private static SimulationResult first(Scenario<ClusterState> s) {
    return Simulation.run(s, s.defaults(), 7, 0);
  }

  @Test
  void aOneFirmRegionStartsFromItsFileNotFromFukushimasCounts() {
    Cluster one = shizuoka().add(firm("only-firm", EntryStage.NONE)).build();
    RegionProfile p = profile();
    ClusterWorld world = p.world(one);
    assertEquals(1, world.firms().size());
    SimulationResult r = first(p.scenario(world));
    assertEquals(0, r.series(ClusterDynamics.REGISTERED).get(0), "nobody is registered in the file");
    assertTrue(r.series(ClusterDynamics.REGISTERED).get(10) <= 1, "one firm can at most register itself");
    assertTrue(p.unstatedRegional().contains(Accounts.PRODUCTION_BASE.name()), "said, so a caller can warn");
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void aWorldOfTensOfThousandsOfFirmsRuns() {
    Cluster big = ClusterWorld.withSyntheticFirms(shizuoka().add(firm("a", EntryStage.OEM))
        .add(of("maker", OrganizationType.DEVICE_MAKER)).build(), Prefecture.SHIZUOKA, 30_000);
    RegionProfile p = RegionProfile.builder("big", Prefecture.SHIZUOKA, PREF, 2010, 2014)
        .value(ClusterDynamics.INITIAL_PARTS, 3_000, RegionProfile.Basis.ASSUMED, "a tenth in the field").build();
    ClusterWorld world = p.world(big);
    assertEquals(30_001, world.firms().size());
    SimulationResult r = first(p.builder(world).withoutMechanism(EntryLadder.NAME).build());
    assertEquals(3_000, r.series(ClusterDynamics.FIRMS_PARTS_SUPPLY).get(4), "the top-up, drawn from firms at NONE");
    assertEquals(1, r.series(ClusterDynamics.FIRMS_OEM).get(4), "the file's own OEM firm");
    assertTrue(r.series(ClusterDynamics.TIES_VERTICAL).get(4) > 0, "the maker's needs were matched");
  }

  @Test
  void oneFirmsStageInTheFileIsItsStageInTheFirstYear() {
    Cluster before = shizuoka().add(firm("a", EntryStage.NONE)).add(firm("b", EntryStage.PARTS_SUPPLY)).build();
    Cluster after = shizuoka().add(firm("a", EntryStage.OEM)).add(firm("b", EntryStage.PARTS_SUPPLY)).build();
    RegionProfile p = profile();
    Scenario<ClusterState> s0 = p.builder(p.world(before)).withoutMechanism(EntryLadder.NAME).build();
    Scenario<ClusterState> s1 = p.builder(p.world(after)).withoutMechanism(EntryLadder.NAME).build();
    assertEquals(0, first(s0).series(ClusterDynamics.FIRMS_OEM).get(0));
    assertEquals(1, first(s1).series(ClusterDynamics.FIRMS_OEM).get(0));
    assertEquals(1, first(s1).series(ClusterDynamics.REGISTERED).get(0), "OEM holds the main-assembly registration");
  }

  @Test
  void relationshipsActiveInTheFirstYearAreTheInitialTies() {
    Cluster c = shizuoka().add(firm("a", EntryStage.PARTS_SUPPLY))
        .add(of("maker", OrganizationType.DEVICE_MAKER))
        .add(Relationship.of(OrganizationId.of("a"), RelationshipType.PARTS_SUPPLY, OrganizationId.of("maker"), 2001))
        .add(Relationship.of(OrganizationId.of("a"), RelationshipType.OEM, OrganizationId.of("maker"), 2015))
        .build();
    RegionProfile p = profile();
    Scenario<ClusterState> s = p.builder(p.world(c)).withoutMechanism(MatchingRounds.NAME)
        .withoutMechanism(Expo.NAME).withoutMechanism(Horizontalization.NAME).build();
    Parameters noExit = s.defaults().with(EntryLadder.EXIT_HAZARD, 0.0);
    SimulationResult r = Simulation.run(s, noExit, 3, 0);
    assertEquals(1, r.series(ClusterDynamics.TIES_VERTICAL).get(0), "the 2001 tie, not the one of 2015");
  }

  @Test
  void supportOrganizationsBringTheirOwnKnowHowAndSpecialists() {
    Cluster c = Cluster.builder()
        .add(Organization.builder(PREF, "Shizuoka Prefecture", OrganizationType.PREFECTURE, Prefecture.SHIZUOKA)
            .attribute(ClusterDynamics.KNOW_HOW, 0.9).attribute(ClusterDynamics.SPECIALISTS_EMPLOYED, 2))
        .add(firm("a", EntryStage.NONE)).build();
    RegionProfile p = profile();
    Scenario<ClusterState> s = p.builder(p.world(c)).withoutMechanism(SupportStaff.NAME).build();
    double know = first(s).series(ClusterDynamics.KNOW_HOW_LEAD).get(0);
    assertTrue(know > 0.9, "staff 0.9 and two specialists: " + know);
    Cluster bad = Cluster.builder()
        .add(Organization.builder(PREF, "Shizuoka Prefecture", OrganizationType.PREFECTURE, Prefecture.SHIZUOKA)
            .attribute(ClusterDynamics.KNOW_HOW, 1.5))
        .add(firm("a", EntryStage.NONE)).build();
    assertRejects(() -> first(p.scenario(p.world(bad))), "shizuoka-pref-test", "renkei.know-how", "1.5");
  }

  @Test
  void aFirmWhoseStageContradictsItsLicencesIsRejectedByName() {
    Cluster c = shizuoka().add(firm("a", EntryStage.NONE).entryStage(EntryStage.ODM)
        .licences(JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY))).build();
    assertRejects(() -> profile().world(c), "'a'", "ODM", "licences");
  }

  @Test
  void aProfileNamingWhatTheWorldLacksIsRejectedByField() {
    Cluster c = shizuoka().add(firm("a", EntryStage.NONE)).build();
    ClusterWorld world = profile().world(c);
    RegionProfile unknownLead = RegionProfile.builder("x", Prefecture.SHIZUOKA, OrganizationId.of("nobody"), 2010,
        2020).build();
    assertRejects(() -> unknownLead.scenario(world), "lead", "nobody");
    RegionProfile unknownOrg = RegionProfile.builder("x", Prefecture.SHIZUOKA, PREF, 2010, 2020)
        .event(ClusterDynamics.ORGANIZATION_FOUNDED, 2012, OrganizationId.of("ghost")).build();
    assertRejects(() -> unknownOrg.scenario(world), "events[0].organization", "ghost");
    RegionProfile unknownProgram = RegionProfile.builder("x", Prefecture.SHIZUOKA, PREF, 2010, 2020)
        .program(new ProgramTerm(ProgramId.of("no-such-program"), 2011, 2013)).build();
    assertRejects(() -> unknownProgram.scenario(world), "programs[0].program", "no-such-program");
    assertRejects(() -> RegionProfile.builder("x", Prefecture.SHIZUOKA, PREF, 2010, 2020).event("tsunami", 2012),
        "tsunami");
    assertRejects(() -> RegionProfile.builder("x", Prefecture.SHIZUOKA, PREF, 2010, 2020)
        .event(ClusterDynamics.EARTHQUAKE, 2031), "events[0].year", "2031");
    assertRejects(() -> RegionProfile.builder("x", Prefecture.SHIZUOKA, PREF, 2010, 2020)
        .value("production-bas", 3.0, RegionProfile.Basis.ASSUMED, ""), "values.production-bas", "production-base");
    assertRejects(() -> RegionProfile.builder("x", Prefecture.SHIZUOKA, PREF, 2010, 2020)
        .value(Accounts.PRODUCTION_GROWTH.name(), 7.0, RegionProfile.Basis.ASSUMED, ""), "production-growth", "7.0");
    assertRejects(() -> RegionProfile.builder("x", Prefecture.SHIZUOKA, PREF, 1800, 2020), "firstYear", "1800");
    assertRejects(() -> profile().calibration(world, List.of(new Observation("s", "registered-manufacturer", 2012,
        3, "firms", "end", "src", ""))), "registered-manufacturer", "registered-manufacturers");
  }

  @Test
  void fukushimasProfileIsTheBuiltInScenario() {
    RegionProfile f = RegionProfile.fukushima();
    Scenario<ClusterState> fromProfile = f.scenario(f.world(FukushimaSample.cluster()));
    Scenario<ClusterState> builtIn = ClusterDynamics.fukushima();
    assertEquals(builtIn.defaults(), fromProfile.defaults());
    ExperimentResult a = Experiment.of(fromProfile).replications(3).seed(5).threads(1).run();
    ExperimentResult b = Experiment.of(builtIn).replications(3).seed(5).threads(1).run();
    assertEquals(b.summary("fukushima", 0, ClusterDynamics.REGISTERED, "2030").mean(),
        a.summary("fukushima", 0, ClusterDynamics.REGISTERED, "2030").mean());
    assertTrue(f.unstatedRegional().isEmpty(), f.unstatedRegional().toString());
  }

  /** Two regions with different assets: one of device makers' plants, one of hospitals, universities and care. */
  @Test
  void regionsWithDifferentAssetsGetDifferentAdvice() {
    Cluster.Builder makers = shizuoka();
    Cluster.Builder clinics = shizuoka();
    for (int i = 0; i < 30; i++) {
      EntryStage stage = i < 8 ? EntryStage.PARTS_SUPPLY : i < 11 ? EntryStage.OEM : EntryStage.NONE;
      makers.add(firm("firm-" + i, stage));
      clinics.add(firm("firm-" + i, stage));
    }
    for (int i = 0; i < 8; i++) {
      makers.add(of("maker-" + i, OrganizationType.DEVICE_MAKER)
          .licences(JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY)));
      clinics.add(of("hospital-" + i, OrganizationType.LARGE_HOSPITAL));
    }
    makers.add(of("university", OrganizationType.UNIVERSITY));
    for (int i = 0; i < 6; i++) {
      clinics.add(of("care-" + i, i % 2 == 0 ? OrganizationType.HEALTH_CENTRE : OrganizationType.COMMUNITY_CARE_CENTRE));
    }
    RegionProfile p = profile();
    Advice a = Advice.of(p, p.world(makers.build())).replications(40).seed(11).threads(2).run();
    Advice b = Advice.of(p, p.world(clinics.build())).replications(40).seed(11).threads(2).run();
    Advice.Outcome registeredA = a.outcome(ClusterDynamics.REGISTERED);
    Advice.Outcome registeredB = b.outcome(ClusterDynamics.REGISTERED);
    assertEquals(Optional.of(Advice.Strategy.PARTS_AND_OEM), registeredA.winner(), registeredA.toString());
    assertNotEquals(Optional.of(Advice.Strategy.PARTS_AND_OEM), registeredB.winner(), registeredB.toString());
    Advice.Outcome verticalA = a.outcome(ClusterDynamics.TIES_VERTICAL);
    assertEquals(Optional.of(Advice.Strategy.PARTS_AND_OEM), verticalA.winner(), verticalA.toString());
    assertEquals(Optional.empty(), b.outcome(ClusterDynamics.TIES_VERTICAL).winner(), "no maker, no vertical tie");
    Advice.Outcome horizontalB = b.outcome(ClusterDynamics.TIES_HORIZONTAL);
    assertEquals(Optional.of(Advice.Strategy.PRODUCT_DEVELOPMENT), horizontalB.winner(), horizontalB.toString());
    assertNotEquals(horizontalB.winner(), a.outcome(ClusterDynamics.TIES_HORIZONTAL).winner());
    assertEquals(8, a.assets().deviceMakers());
    assertEquals(6, b.assets().careOrganizations());
    assertTrue(verticalA.reason().contains("8 device makers"), verticalA.reason());
  }
}
