package io.github.renkei.cluster.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.ProgramId;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Grid;
import io.github.renkei.cluster.simulation.Parameters;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Simulation;
import io.github.renkei.cluster.simulation.SimulationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class NationwideDynamicsTest {

  /** A small nationwide world: 2,000 synthetic firms. */
  private static final NationwideWorld SMALL = NationwideWorld.builder().firms(2_000).build();

  @Test
  void theDefaultWorldHasEveryPrefectureWithItsShareOfFirms() {
    NationwideWorld japan = NationwideWorld.japan();
    assertEquals(NationwideWorld.DEFAULT_FIRMS, japan.firms());
    assertEquals(47, japan.regions().size());
    for (Prefecture p : Prefecture.values()) {
      ClusterWorld w = japan.region(p);
      assertEquals(p, w.region());
      assertTrue(w.firms().size() >= 1, p.toString());
      assertTrue(w.requesters().size() >= 2, p + ": a maker and the university hospital");
      assertTrue(w.supportIndex(japan.lead(p)).isPresent(), p + ": the lead is a support organization");
    }
    // the catalog's hubs lead their prefectures
    for (Organization hub : Catalog.nationwide().hubs()) {
      if (japan.region(hub.prefecture()).supportIndex(hub.id()).isPresent()) {
        assertEquals(hub.id(), japan.lead(hub.prefecture()));
      }
    }
    // production bases scale Fukushima's calibrated base by the published production values
    assertEquals(Accounts.PRODUCTION_BASE.defaultValue(), japan.productionBase(Prefecture.FUKUSHIMA), 1e-9);
    assertTrue(japan.productionBase(Prefecture.SHIZUOKA) > japan.productionBase(Prefecture.FUKUSHIMA));
  }

  /** The README's tour, with fewer replications. */
  @Test
  void theReadmeTour() {
    NationwideWorld japan = NationwideWorld.japan();
    assertEquals(2906, japan.region(Prefecture.SHIZUOKA).firms().size());
    assertEquals(OrganizationId.of("iwate-ipc"), japan.lead(Prefecture.IWATE));
    Scenario<NationalState> nationwide = NationwideDynamics.scenario(japan);
    ExperimentResult r = Experiment.of(nationwide).grid(Grid.of(Policies.COUNCIL, false, true)).replications(2)
        .seed(2005).run();
    double covered = r.summary("nationwide", 1, NationwideDynamics.COVERAGE, "2008").mean();
    assertTrue(covered > 0 && covered <= 1, "coverage " + covered);
    assertEquals(OptionalInt.of(11), nationwide.schedule().indexOf("2016"));
    assertEquals(2, r.compare("nationwide", 0, "nationwide", 1, NationwideDynamics.CROSS_BLOCK, 11).pairs());
  }

  @Test
  void aPrefectureCanComeFromItsProfileAndCluster() {
    NationwideWorld world = NationwideWorld.builder().firms(2_000)
        .region(RegionProfile.fukushima(), FukushimaSample.cluster()).build();
    ClusterWorld fukushima = world.region(Prefecture.FUKUSHIMA);
    assertEquals(ClusterWorld.DEFAULT_FIRMS, fukushima.firms().size(), "the sample and the profile's synthetic firms");
    assertEquals(RegionProfile.fukushima().lead(), world.lead(Prefecture.FUKUSHIMA));
    assertEquals(27, world.registeredOutsideLadder(Prefecture.FUKUSHIMA), "the profile's estimate");
    assertEquals(Accounts.PRODUCTION_BASE.defaultValue(), world.productionBase(Prefecture.FUKUSHIMA));
    Scenario<NationalState> s = NationwideDynamics.scenario(world, 2005, 2008);
    SimulationResult r = Simulation.run(s, s.defaults(), 1, 0);
    assertTrue(r.series(NationwideDynamics.prefectureMetric(NationwideDynamics.REGISTERED_PREFIX, Prefecture.FUKUSHIMA))
        .values()[0] >= 27);
  }

  @Test
  void resultsAreBitIdenticalForOneAndTwoThreads() {
    Scenario<NationalState> s = NationwideDynamics.scenario(SMALL, 2005, 2014);
    Experiment.Builder e = Experiment.of(s).grid(Grid.of(Policies.COUNCIL, false, true)).replications(4).seed(11);
    ExperimentResult one = e.threads(1).run();
    ExperimentResult two = e.threads(2).run();
    assertEquals(one, two);
    assertTrue(one.summary("nationwide", 1, NationwideDynamics.CROSS_BORDER_MATCHES, "2011").mean() > 0,
        "some needs cross borders");
  }

  /** Parameters under which no firm outside the hand-made prefectures ever enters the field. */
  private static Parameters closedLadder(Scenario<NationalState> s) {
    return s.defaults().with(EntryLadder.ENTRY_HAZARD, 0.0).with(MatchingRounds.DEAL_RATE, 1.0)
        .with(NationwideDynamics.TRUST_DISTANCE_KM, 100_000.0).with(NationwideDynamics.HUB_REACH_KM, 5_000.0)
        .with(MatchingRounds.BROKERING, 50.0);
  }

  /** Fukushima: a device maker, no firm in the field; {@code supplier}: one firm that can take everything. */
  private static NationwideWorld handMade(Prefecture supplier) {
    Cluster.Builder fukushima = catalogOrganizations(Prefecture.FUKUSHIMA)
        .add(Organization.builder(OrganizationId.of("fk-maker"), "maker", OrganizationType.DEVICE_MAKER,
            Prefecture.FUKUSHIMA))
        .add(Organization.builder(OrganizationId.of("fk-firm"), "firm", OrganizationType.SME_MANUFACTURER,
            Prefecture.FUKUSHIMA).capabilities(Capability.MACHINING).capacity(1));
    Cluster.Builder other = catalogOrganizations(supplier)
        .add(Organization.builder(OrganizationId.of("able"), "able firm", OrganizationType.SME_MANUFACTURER, supplier)
            .capabilities(ClusterWorld.MANUFACTURING.toArray(new Capability[0])).capacity(1_000)
            .entryStage(EntryStage.PARTS_SUPPLY));
    return NationwideWorld.builder().firms(47).region(Prefecture.FUKUSHIMA, fukushima.build())
        .region(supplier, other.build()).build();
  }

  private static Cluster.Builder catalogOrganizations(Prefecture p) {
    Cluster.Builder b = Cluster.builder();
    Catalog.nationwide().organizations().stream().filter(o -> o.prefecture() == p).forEach(b::add);
    return b;
  }

  @Test
  void aNeedNoFirmOfItsPrefectureCanTakeGoesToTheBlock() {
    NationwideWorld world = handMade(Prefecture.MIYAGI);
    Scenario<NationalState> s = NationwideDynamics.scenario(world, 2005, 2012);
    SimulationResult r = Simulation.run(s, closedLadder(s).with(Policies.COUNCIL, false), 3, 0);
    double[] cross = r.series(NationwideDynamics.CROSS_BORDER_MATCHES).values();
    double[] miyagi = series(r, NationwideDynamics.SUPPLIED_PREFIX, Prefecture.MIYAGI);
    assertTrue(sum(series(r, NationwideDynamics.SERVED_PREFIX, Prefecture.FUKUSHIMA)) > 0,
        "Miyagi's firm serves Fukushima's maker: " + Arrays.toString(cross));
    assertEquals(0, sum(r.series(NationwideDynamics.CROSS_BLOCK).values()), "no council, no deal across blocks");
    assertTrue(Arrays.equals(cross, miyagi), "every deal is Miyagi's firm's, the only one in the field");
    for (Prefecture p : Prefecture.values()) {
      if (p.block() != RegionBlock.HOKKAIDO_TOHOKU) {
        assertEquals(0, sum(series(r, NationwideDynamics.SERVED_PREFIX, p)), p + " is in another block");
      }
    }
    assertTrue(sum(r.series(NationwideDynamics.HUB_LOAD_MAX).values()) > 0, "a hub brokered them");
  }

  @Test
  void aNeedCrossesBlocksOnlyThroughTheCouncil() {
    NationwideWorld world = handMade(Prefecture.TOKYO);
    Scenario<NationalState> s = NationwideDynamics.scenario(world, 2005, 2012);
    SimulationResult without = Simulation.run(s, closedLadder(s).with(Policies.COUNCIL, false), 3, 0);
    assertEquals(0, sum(without.series(NationwideDynamics.CROSS_BLOCK).values()));
    assertEquals(0, sum(series(without, NationwideDynamics.SERVED_PREFIX, Prefecture.FUKUSHIMA)),
        "without a council Fukushima's needs do not reach Tokyo");
    assertTrue(sum(series(without, NationwideDynamics.SERVED_PREFIX, Prefecture.KANAGAWA)) > 0,
        "Kanagawa's do, through Kanto's hub");
    SimulationResult with = Simulation.run(s, closedLadder(s).with(Policies.COUNCIL, true), 3, 0);
    assertTrue(sum(series(with, NationwideDynamics.SERVED_PREFIX, Prefecture.FUKUSHIMA)) > 0,
        "with a council they do");
    assertTrue(sum(with.series(NationwideDynamics.CROSS_BLOCK).values()) > 0);
  }

  private static double[] series(SimulationResult r, String prefix, Prefecture p) {
    return r.series(NationwideDynamics.prefectureMetric(prefix, p)).values();
  }

  private static double sum(double[] values) {
    return Arrays.stream(values).sum();
  }

  @Test
  void aDistantFirmIsRarelyTrusted() {
    NationwideWorld world = handMade(Prefecture.TOKYO);
    Scenario<NationalState> s = NationwideDynamics.scenario(world, 2005, 2012);
    Parameters near = closedLadder(s).with(Policies.COUNCIL, true);
    Parameters far = near.with(NationwideDynamics.TRUST_DISTANCE_KM, 1.0);
    double trusted = Arrays.stream(Simulation.run(s, near, 3, 0).series(NationwideDynamics.CROSS_BLOCK).values()).sum();
    double distrusted = Arrays.stream(Simulation.run(s, far, 3, 0).series(NationwideDynamics.CROSS_BLOCK).values())
        .sum();
    assertTrue(trusted > 0 && distrusted == 0, trusted + " deals trusting, " + distrusted + " at 1 km");
  }

  @Test
  void hubPlansAddHubs() {
    Scenario<NationalState> s = NationwideDynamics.scenario(SMALL, 2005, 2006);
    for (NationwideDynamics.HubPlan plan : NationwideDynamics.HubPlan.values()) {
      int hubs = (int) Simulation.run(s, s.defaults().with(NationwideDynamics.HUB_PLAN, plan), 1, 0)
          .series(NationwideDynamics.HUBS).values()[0];
      switch (plan) {
        case CATALOG -> assertEquals(Catalog.nationwide().hubs().size(), hubs);
        case LEAST_COVERED_BLOCK -> assertEquals(Catalog.nationwide().hubs().size() + 1, hubs);
        case TWELVE -> assertTrue(hubs > Catalog.nationwide().hubs().size() && hubs <= 12, hubs + " hubs");
        default -> throw new AssertionError(plan);
      }
    }
  }

  @Test
  void coverageGrowsFromPointsToASurfaceWithTheCouncil() {
    Scenario<NationalState> s = NationwideDynamics.scenario(SMALL, 2005, 2016);
    ExperimentResult r = Experiment.of(s).grid(Grid.of(Policies.COUNCIL, false, true)).replications(4).seed(3)
        .threads(2).run();
    double start = r.summary("nationwide", 1, NationwideDynamics.COVERAGE, "2005").mean();
    double end = r.summary("nationwide", 1, NationwideDynamics.COVERAGE, "2016").mean();
    assertTrue(start < 1 && end > start, start + " -> " + end);
    assertTrue(r.summary("nationwide", 1, NationwideDynamics.COVERAGE, "2008").mean()
        >= r.summary("nationwide", 0, NationwideDynamics.COVERAGE, "2008").mean(), "the council spreads know-how");
  }

  @Test
  void badInputIsNamed() {
    Cluster fukushima = catalogOrganizations(Prefecture.FUKUSHIMA)
        .add(Organization.builder(OrganizationId.of("f"), "f", OrganizationType.SME_MANUFACTURER, Prefecture.FUKUSHIMA))
        .build();
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> NationwideWorld.builder().region(Prefecture.FUKUSHIMA, fukushima).region(Prefecture.FUKUSHIMA, fukushima));
    assertTrue(twice.getMessage().contains("Fukushima") && twice.getMessage().contains("twice"), twice.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> NationwideWorld.builder().region(Prefecture.FUKUSHIMA, fukushima).withoutSyntheticRegions().build());
    assertTrue(missing.getMessage().contains("46 prefecture(s) missing") && missing.getMessage().contains("Hokkaido (01)"),
        missing.getMessage());
    IllegalArgumentException noFirms = assertThrows(IllegalArgumentException.class,
        () -> NationwideWorld.builder().region(Prefecture.MIYAGI, fukushima).build());
    assertTrue(noFirms.getMessage().startsWith("region Miyagi (04)"), noFirms.getMessage());
    IllegalArgumentException hub = assertThrows(IllegalArgumentException.class,
        () -> NationwideWorld.builder().hubs(List.of(OrganizationId.of("nowhere"))).build());
    assertTrue(hub.getMessage().contains("'nowhere' is not a support organization of the catalog"), hub.getMessage());
    IllegalArgumentException program = assertThrows(IllegalArgumentException.class,
        () -> NationwideWorld.builder().nationalProgram(new ProgramTerm(ProgramId.of("made-up"), 2010, 2014)).build());
    assertTrue(program.getMessage().contains("'made-up' is not a program of the catalog"), program.getMessage());
    ProgramId real = Catalog.nationwide().programs().get(0).id();
    IllegalArgumentException inconsistent = assertThrows(IllegalArgumentException.class,
        () -> NationwideWorld.builder().nationalProgram(new ProgramTerm(real, 2010, 2014))
            .nationalProgram(new ProgramTerm(real, 2011, 2014)));
    assertTrue(inconsistent.getMessage().contains("given twice with different terms"), inconsistent.getMessage());
    IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
        () -> NationwideWorld.builder().firms(46));
    assertTrue(few.getMessage().contains("46"), few.getMessage());
    Catalog withoutShikoku = catalogWithout(RegionBlock.SHIKOKU);
    IllegalArgumentException block = assertThrows(IllegalArgumentException.class,
        () -> NationwideWorld.builder().catalog(withoutShikoku).build());
    assertTrue(block.getMessage().contains("Shikoku") && block.getMessage().contains("no support organization"),
        block.getMessage());
  }

  /** The bundled catalog without the organizations of a block (and the relationships that name them). */
  private static Catalog catalogWithout(RegionBlock block) {
    List<String> organizations = resource("organizations.tsv");
    List<String> removed = organizations.stream().filter(l -> !l.startsWith("#"))
        .filter(l -> l.split("\t", -1)[5].equals(block.name())).map(l -> l.split("\t", -1)[0]).toList();
    assertTrue(!removed.isEmpty());
    String kept = organizations.stream().filter(l -> l.startsWith("#") || !removed.contains(l.split("\t", -1)[0]))
        .collect(Collectors.joining("\n"));
    String relationships = resource("relationships.tsv").stream()
        .filter(l -> l.startsWith("#") || removed.stream().noneMatch(id -> Arrays.asList(l.split("\t")).contains(id)))
        .collect(Collectors.joining("\n"));
    return Catalog.read("organizations.tsv", new StringReader(kept), "programs.tsv",
        new StringReader(String.join("\n", resource("programs.tsv"))), "relationships.tsv",
        new StringReader(relationships));
  }

  private static List<String> resource(String name) {
    try (InputStream in = Catalog.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
