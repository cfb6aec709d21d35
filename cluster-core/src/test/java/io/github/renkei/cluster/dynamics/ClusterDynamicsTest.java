package io.github.renkei.cluster.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.ProgramId;
import io.github.renkei.cluster.regulation.DeviceClass;
import io.github.renkei.cluster.regulation.Requirement;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Grid;
import io.github.renkei.cluster.simulation.PairedComparison;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Parameters;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Simulation;
import io.github.renkei.cluster.simulation.SimulationResult;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

class ClusterDynamicsTest {

  private static final Scenario<ClusterState> FUKUSHIMA = ClusterDynamics.fukushima();
  private static final int FIRST = 2005;
  private static final List<String> STAGES = List.of(ClusterDynamics.FIRMS_NONE, ClusterDynamics.FIRMS_PARTS_SUPPLY,
      ClusterDynamics.FIRMS_OEM, ClusterDynamics.FIRMS_ODM, ClusterDynamics.FIRMS_OWN_PRODUCT);

  private static double at(SimulationResult r, String metric, int year) {
    return r.series(metric).get(year - FIRST);
  }

  private static SimulationResult run(Scenario<ClusterState> s, Parameters p, long seed) {
    return Simulation.run(s, p, seed, 0);
  }

  /** Asserts an IllegalArgumentException somewhere in the chain whose message names every fragment. */
  static void assertRejects(Executable e, String... fragments) {
    Throwable t = assertThrows(RuntimeException.class, e);
    StringBuilder messages = new StringBuilder();
    boolean illegalArgument = false;
    for (Throwable c = t; c != null; c = c.getCause()) {
      messages.append(c.getMessage()).append(" | ");
      illegalArgument |= c instanceof IllegalArgumentException;
    }
    assertTrue(illegalArgument, () -> "no IllegalArgumentException in " + t);
    for (String f : fragments) {
      assertTrue(messages.toString().contains(f), () -> "'" + f + "' not in " + messages);
    }
  }

  @Test
  void theFukushimaScenarioRunsFrom2005To2030WithTheSeedsEvents() {
    assertEquals("fukushima", FUKUSHIMA.name());
    assertEquals("2005", FUKUSHIMA.schedule().label(0));
    assertEquals(26, FUKUSHIMA.schedule().size());
    assertEquals(List.of(ClusterDynamics.PMD_ACT_REVISION + "@2005", ClusterDynamics.FINANCIAL_CRISIS + "@2008",
        ClusterDynamics.EARTHQUAKE + "@2011", ClusterDynamics.ORGANIZATION_FOUNDED + "@2013",
        ClusterDynamics.CENTRE_OPENED + "@2016"), FUKUSHIMA.eventNames());
    assertEquals(ClusterDynamics.MECHANISMS, FUKUSHIMA.mechanismNames());
    assertTrue(FUKUSHIMA.metricNames().containsAll(List.of(ClusterDynamics.REGISTERED,
        ClusterDynamics.PRODUCTION_VALUE, ClusterDynamics.KNOW_HOW_PREFIX + "fmdipo",
        ClusterDynamics.NETWORK_DENSITY, ClusterDynamics.FUNDING_MUNICIPAL)));
  }

  @Test
  void parameterNamesAreUniqueAndDefaultsAdmitted() {
    Set<String> names = new HashSet<>();
    for (Parameter<?> p : ClusterDynamics.parameters()) {
      assertTrue(names.add(p.name()), "duplicate parameter " + p.name());
      assertEquals(p.defaultValue(), p.checkValue(p.defaultValue()));
    }
    assertEquals(names.size(), FUKUSHIMA.parameters().size());
  }

  @Test
  void sameSeedSameRunDifferentSeedDifferentRun() {
    SimulationResult a = run(FUKUSHIMA, FUKUSHIMA.defaults(), 7);
    assertEquals(a, run(FUKUSHIMA, FUKUSHIMA.defaults(), 7));
    assertNotEquals(a.series(ClusterDynamics.TIES_VERTICAL), run(FUKUSHIMA, FUKUSHIMA.defaults(), 8)
        .series(ClusterDynamics.TIES_VERTICAL));
  }

  @Property(tries = 25)
  void accountingIdentitiesHoldEveryYear(@ForAll @IntRange(min = 0, max = 1_000_000) int seed,
      @ForAll @DoubleRange(min = 0, max = 1) double development, @ForAll @IntRange(min = 1, max = 8) int rotation,
      @ForAll boolean council, @ForAll boolean expo, @ForAll boolean bridge) {
    Parameters p = FUKUSHIMA.defaults().with(Policies.DEVELOPMENT_SHARE, development)
        .with(Policies.ROTATION_YEARS, rotation).with(Policies.COUNCIL, council).with(Policies.EXPO, expo)
        .with(Policies.PREFECTURAL_BRIDGE, bridge);
    SimulationResult r = run(FUKUSHIMA, p, seed);
    int firms = ClusterWorld.fukushima().firms().size();
    for (int y = 0; y < 26; y++) {
      int step = y;
      assertEquals(firms, STAGES.stream().mapToDouble(m -> r.series(m).get(step)).sum(), 0.0);
      assertEquals(r.series(ClusterDynamics.FIRMS_OEM).get(y) + r.series(ClusterDynamics.FIRMS_ODM).get(y)
              + r.series(ClusterDynamics.FIRMS_OWN_PRODUCT).get(y) + p.get(ClusterDynamics.REGISTERED_OUTSIDE),
          r.series(ClusterDynamics.REGISTERED).get(y), 0.0);
      double raised = r.series(ClusterDynamics.NEEDS_RAISED).get(y);
      double brokered = r.series(ClusterDynamics.NEEDS_BROKERED).get(y);
      double matched = r.series(ClusterDynamics.NEEDS_MATCHED).get(y);
      assertTrue(0 <= matched && matched <= brokered && brokered <= raised, matched + " " + brokered + " " + raised);
      for (String m : r.metrics()) {
        double v = r.series(m).get(y);
        if (m.startsWith("know-how") || m.equals(ClusterDynamics.NETWORK_DENSITY)) {
          assertTrue(v >= 0 && v <= 1, m + " in " + (FIRST + y) + " was " + v);
        }
        if (m.startsWith("funding-")) {
          assertTrue(v >= 0, m + " was " + v);
        }
      }
      if (!expo) {
        assertEquals(0, r.series(ClusterDynamics.EXHIBITORS).get(y));
      }
      if (y > 0) {
        assertTrue(r.series(ClusterDynamics.RD_THEMES).get(y) >= r.series(ClusterDynamics.RD_THEMES).get(y - 1));
      }
    }
  }

  @Test
  void noFirmRegistersBeforeTheRevisionOpensTheOemPath() {
    Scenario<ClusterState> late = ClusterDynamics.fukushimaBuilder().event(ClusterDynamics.PMD_ACT_REVISION, 2010)
        .build();
    for (long seed = 0; seed < 5; seed++) {
      SimulationResult r = run(late, late.defaults(), seed);
      for (int year = 2006; year < 2010; year++) {
        assertTrue(at(r, ClusterDynamics.REGISTERED, year) <= at(r, ClusterDynamics.REGISTERED, year - 1),
            "registrations grew in " + year + " with the OEM path closed");
      }
      assertTrue(at(r, ClusterDynamics.REGISTERED, 2016) > at(r, ClusterDynamics.REGISTERED, 2009));
    }
  }

  @Test
  void rotationErasesStaffKnowHowUnlessItIsStocked() {
    Parameters noStock = FUKUSHIMA.defaults().with(Policies.SPECIALIST_HIRING, 0.0)
        .with(SupportStaff.STOCKING, 0.0).with(Expo.STOCKING, 0.0).with(NationwideCouncil.ADHOC_SHARING, 0.0)
        .with(ClusterDynamics.INITIAL_STOCK, 0.0).with(Policies.ROTATION_YEARS, 3);
    SimulationResult r = run(FUKUSHIMA, noStock, 1);
    String prefecture = ClusterDynamics.KNOW_HOW_PREFIX + FukushimaSample.PREFECTURE.value();
    assertTrue(at(r, prefecture, 2007) > at(r, prefecture, 2006));
    assertTrue(at(r, prefecture, 2008) < 0.5 * at(r, prefecture, 2007),
        at(r, prefecture, 2008) + " vs " + at(r, prefecture, 2007));

    SimulationResult stocked = run(FUKUSHIMA, noStock.with(SupportStaff.STOCKING, 0.3), 1);
    assertTrue(at(stocked, prefecture, 2011) > at(r, prefecture, 2011));
  }

  @Test
  void theCouncilRaisesTheLeadsKnowHow() {
    ExperimentResult r = Experiment.of(FUKUSHIMA).grid(Grid.of(Policies.COUNCIL, false, true)).replications(20)
        .seed(3).threads(2).run();
    PairedComparison d = r.compare("fukushima", 0, "fukushima", 1, ClusterDynamics.KNOW_HOW_LEAD, 25);
    assertTrue(d.confidenceInterval95().orElseThrow().lower() > 0, d.toString());
  }

  @Test
  void aFundingCliffStopsNationalMoneyAndABridgeSoftensIt() {
    ProgramId national = ProgramId.of("national");
    Scenario<ClusterState> cliff = ClusterDynamics.builder(ClusterWorld.fukushima(), 2005, 2020)
        .lead(FukushimaSample.PREFECTURE).nationalProgram(new ProgramTerm(national, 2000, 2030))
        .programEnds(national, 2012).build();
    Parameters p = cliff.defaults();
    SimulationResult without = run(cliff, p, 4);
    SimulationResult with = run(cliff, p.with(Policies.PREFECTURAL_BRIDGE, true), 4);
    double planned = FundingFlows.SUPPORT_BUDGET.defaultValue() * Policies.NATIONAL_SHARE.defaultValue();
    assertEquals(planned, at(without, ClusterDynamics.FUNDING_NATIONAL, 2012), 1e-12);
    assertEquals(0, at(without, ClusterDynamics.FUNDING_NATIONAL, 2013));
    double local = at(without, ClusterDynamics.FUNDING_PREFECTURAL, 2013);
    for (int y = 2013; y <= 2015; y++) {
      assertEquals(local + FundingFlows.BRIDGE_SHARE.defaultValue() * planned,
          at(with, ClusterDynamics.FUNDING_PREFECTURAL, y), 1e-12);
    }
    assertEquals(local, at(with, ClusterDynamics.FUNDING_PREFECTURAL, 2016), 1e-12);
  }

  @Test
  void switchedOffMechanismsAndRemovedEventsDoNothing() {
    Scenario<ClusterState> s = ClusterDynamics.fukushimaBuilder().withoutMechanism(Expo.NAME)
        .withoutMechanism(MatchingRounds.NAME).withoutEvent(ClusterDynamics.EARTHQUAKE).build();
    assertFalse(s.mechanismNames().contains(Expo.NAME));
    assertFalse(s.mechanismNames().contains(MatchingRounds.NAME));
    assertFalse(s.eventNames().contains(ClusterDynamics.EARTHQUAKE + "@2011"));
    assertEquals(4, s.eventNames().size());
    SimulationResult r = run(s, s.defaults(), 2);
    for (String m : List.of(ClusterDynamics.EXHIBITORS, ClusterDynamics.NEEDS_RAISED, ClusterDynamics.RD_THEMES)) {
      assertTrue(Arrays.stream(r.series(m).values()).allMatch(v -> v == 0), m);
    }
  }

  @Test
  void thePromotionOrganizationTakesOverIn2013AndTheCentreOpensIn2016() {
    SimulationResult r = run(FUKUSHIMA, FUKUSHIMA.defaults(), 5);
    String fmdipo = ClusterDynamics.KNOW_HOW_PREFIX + FukushimaSample.PROMOTION_ORGANIZATION.value();
    String fmddsc = ClusterDynamics.KNOW_HOW_PREFIX + FukushimaSample.DEVELOPMENT_CENTRE.value();
    assertEquals(0, at(r, fmdipo, 2012));
    assertTrue(at(r, fmdipo, 2013) > 0);
    assertEquals(at(r, fmdipo, 2013), at(r, ClusterDynamics.KNOW_HOW_LEAD, 2013));
    assertEquals(0, at(r, fmddsc, 2015));
    assertTrue(at(r, fmddsc, 2016) > 0);
  }

  @Test
  void badInputIsRejectedBeforeAnyStepNamingTheValue() {
    OrganizationId nobody = OrganizationId.of("no-such-org");
    assertRejects(() -> ClusterDynamics.fukushimaBuilder().lead(nobody), "no-such-org");
    assertRejects(() -> ClusterDynamics.fukushimaBuilder().organizationFounded(nobody, 2013), "no-such-org");
    assertRejects(() -> ClusterDynamics.fukushimaBuilder().lead(OrganizationId.of("syn-hospital-large")),
        "syn-hospital-large", "LARGE_HOSPITAL");
    assertRejects(() -> ClusterDynamics.fukushimaBuilder().event(ClusterDynamics.EARTHQUAKE, 1995), "1995");
    assertRejects(() -> ClusterDynamics.fukushimaBuilder().event("volcano", 2010), "volcano");
    assertRejects(() -> ClusterDynamics.fukushimaBuilder().programEnds(ProgramId.of("no-program"), 2010),
        "no-program");
    assertRejects(() -> ClusterDynamics.fukushimaBuilder().withoutMechanism(Accounts.NAME), Accounts.NAME);
    assertRejects(() -> ClusterDynamics.fukushimaBuilder().withoutMechanism("weather"), "weather");
    assertRejects(() -> ClusterDynamics.fukushimaBuilder().withoutEvent("weather"), "weather");
    assertRejects(() -> ClusterDynamics.fukushimaBuilder().lead(FukushimaSample.PROMOTION_ORGANIZATION).build(),
        "fmdipo");
    assertRejects(() -> FUKUSHIMA.defaults().with(Policies.DEVELOPMENT_SHARE, 1.5), "1.5");
    assertRejects(() -> FUKUSHIMA.defaults().with(Policies.ROTATION_YEARS, -2), "-2");
    assertRejects(() -> FUKUSHIMA.defaults().with(SupportStaff.STAFF_LEARNING, Double.NaN), "NaN");
    assertRejects(() -> Experiment.of(FUKUSHIMA).grid(Grid.of(SupportStaff.STOCKING, 0.1, -0.1)).replications(1)
        .seed(1).run(), "-0.1");
    Parameters tooMany = FUKUSHIMA.defaults().with(ClusterDynamics.INITIAL_PARTS, 5000);
    assertRejects(() -> run(FUKUSHIMA, tooMany, 1), "initial-parts-suppliers 5000", "300 firms");
    assertRejects(() -> ClusterWorld.fukushima(10), "10");
  }

  @Test
  @Timeout(20)
  void extremeButAdmittedParametersRunToTheEnd() {
    // the earthquake knocks every firm down a rung just before reconstruction themes are
    // awarded; nobody enters, no support budget, staff rotate every year and keep nothing
    Parameters extreme = FUKUSHIMA.defaults().with(Shocks.QUAKE_SETBACK, 1.0).with(ClusterDynamics.INITIAL_OEM, 0)
        .with(ClusterDynamics.INITIAL_ODM, 0).with(ClusterDynamics.INITIAL_OWN_PRODUCT, 0)
        .with(EntryLadder.ENTRY_HAZARD, 0.0).with(FundingFlows.SUPPORT_BUDGET, 0.0)
        .with(Policies.ROTATION_YEARS, 1).with(SupportStaff.ROTATION_RETAINED, 0.0)
        .with(MatchingRounds.NEEDS_PER_MAKER, 0.0).with(MatchingRounds.NEEDS_PER_PARTNER, 0.0)
        .with(Shocks.RECOVERY, 0.0);
    SimulationResult r = run(FUKUSHIMA, extreme, 3);
    assertEquals(26, r.times().size());
    assertTrue(at(r, ClusterDynamics.FIRMS_NONE, 2011) > at(r, ClusterDynamics.FIRMS_NONE, 2010));
    assertTrue(Arrays.stream(r.series(ClusterDynamics.FUNDING_PREFECTURAL).values()).allMatch(v -> v == 0));
    assertEquals(0, at(r, ClusterDynamics.FUNDING_NATIONAL, 2030));
    assertEquals(0, at(r, ClusterDynamics.NEEDS_RAISED, 2030));
    Parameters none = FUKUSHIMA.defaults().with(ClusterDynamics.INITIAL_PARTS, 0).with(ClusterDynamics.INITIAL_OEM, 0)
        .with(ClusterDynamics.INITIAL_ODM, 0).with(ClusterDynamics.INITIAL_OWN_PRODUCT, 0);
    assertEquals(26, run(FUKUSHIMA, none, 3).times().size());
  }

  @Test
  void theLicensingTablesFollowThePmdAct() {
    assertEquals(0, Licensing.missingForNext(0), "none -> parts supply: nothing to register");
    assertEquals(1, Licensing.missingForNext(1), "parts -> OEM: main-assembly registration");
    assertEquals(1, Licensing.missingForNext(2), "OEM -> ODM: design registration (class II)");
    assertEquals(1, Licensing.missingForNext(3), "ODM -> own product: a marketing authorization licence");
    assertEquals(0, Licensing.missingForNext(4));
    Requirement oem = Licensing.demanded(NeedKind.OEM, DeviceClass.II);
    assertFalse(oem.isSatisfiedBy(Licensing.held(1)));
    assertTrue(oem.isSatisfiedBy(Licensing.held(2)));
    Requirement odm = Licensing.demanded(NeedKind.ODM, DeviceClass.III);
    assertFalse(odm.isSatisfiedBy(Licensing.held(2)));
    assertTrue(odm.isSatisfiedBy(Licensing.held(3)));
    assertTrue(Licensing.demanded(NeedKind.PARTS_SUPPLY, DeviceClass.IV).isSatisfiedBy(Licensing.held(1)));
  }

  @Test
  void anotherRegionRunsOnItsOwnWorld() {
    ClusterWorld miyagi = ClusterWorld.of(
        ClusterWorld.withSyntheticFirms(FukushimaSample.cluster(), io.github.renkei.cluster.region.Prefecture.MIYAGI,
            120), io.github.renkei.cluster.region.Prefecture.MIYAGI);
    assertEquals(120, miyagi.firms().size());
    Scenario<ClusterState> s = ClusterDynamics.builder(miyagi, 2010, 2025).name("miyagi")
        .lead(OrganizationId.of("miyagi-pref")).build();
    assertTrue(s.eventNames().isEmpty());
    SimulationResult r = run(s, s.defaults().with(ClusterDynamics.INITIAL_PARTS, 20), 1);
    assertEquals(16, r.times().size());
    assertEquals(0, at(r, ClusterDynamics.FUNDING_NATIONAL, 2015), "no national program in this scenario");
    assertRejects(() -> ClusterDynamics.builder(miyagi, 2010, 2025).lead(FukushimaSample.PREFECTURE),
        "fukushima-pref", "MIYAGI");
    assertRejects(() -> ClusterWorld.of(FukushimaSample.cluster(), io.github.renkei.cluster.region.Prefecture.OKINAWA),
        "OKINAWA");
  }

  @Test
  void aWorldOfOneThousandOrganizations() {
    ClusterWorld big = ClusterWorld.fukushima(1_000);
    assertEquals(1_000, big.cluster().organizationCount());
    Scenario<ClusterState> s = ClusterDynamics.fukushimaBuilder(big).build();
    SimulationResult r = run(s, s.defaults(), 1);
    assertTrue(r.series(ClusterDynamics.REGISTERED).last() > 0);
    assertTrue(big.supportIndex(FukushimaSample.PROMOTION_ORGANIZATION).isPresent());
  }
}
