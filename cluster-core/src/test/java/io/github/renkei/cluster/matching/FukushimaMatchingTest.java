package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.region.Prefecture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Matching the Fukushima sample with the standard constraints and scorer, ties counted up to 2016. */
class FukushimaMatchingTest {

  private static final MatchingProblem PROBLEM = MatchingProblem.from(FukushimaSample.cluster()).year(2016).build();
  private static final List<Matcher> ALL = List.of(Matchers.greedy(), Matchers.optimal(),
      Matchers.optimalMaximizingMatches(), Matchers.stable(), Matchers.stableSuppliersProposing());

  private static final NeedId NEED_02 = NeedId.of("syn-need-02");
  private static final NeedId NEED_03 = NeedId.of("syn-need-03");
  private static final NeedId NEED_05 = NeedId.of("syn-need-05");
  private static final OrganizationId SOMA = OrganizationId.of("syn-sme-soma-devices");
  private static final OrganizationId NIHONMATSU = OrganizationId.of("syn-sme-nihonmatsu-medical");
  private static final OrganizationId SHIRAKAWA = OrganizationId.of("syn-sme-shirakawa-electronics");

  private static List<OrganizationId> eligibleFor(MatchingProblem p, NeedId id) {
    Need need = p.need(id).orElseThrow();
    return p.suppliers().stream()
        .filter(s -> p.constraints().stream().allMatch(c -> c.check(need, s, p.context()).isEmpty()))
        .map(Organization::id).toList();
  }

  @Test
  void everyOrganizationWithCapacityIsACandidateSupplier() {
    assertEquals(FukushimaSample.cluster().organizations().stream().filter(o -> o.capacity() > 0).map(Organization::id)
        .toList(), PROBLEM.suppliers().stream().map(Organization::id).toList());
    assertEquals(FukushimaSample.cluster().needs(), PROBLEM.needs());
  }

  @Test
  void theEthyleneOxideNeedIsUnmatchedBecauseTheOnlyEoSterilizerIsOutsideTheBlock() {
    for (Matcher m : ALL) {
      MatchResult r = m.match(PROBLEM);
      assertEquals(List.of(NEED_05), r.unmatched().stream().map(Unmatched::need).toList(), m.name());
      Explanation e = r.unmatched().get(0).explanation();
      assertEquals("no supplier has PACKAGING and STERILIZATION_EO, in 北海道・東北", e.summary());
      Map<String, Integer> excluded = new LinkedHashMap<>();
      excluded.put("not-requester", 0);
      excluded.put("addressee", 0);
      excluded.put("capabilities", PROBLEM.suppliers().size() - 1);   // all but syn-sterilizer-ibaraki
      excluded.put("certifications", 0);
      excluded.put("regulation", 0);
      excluded.put("lot-size", 0);
      excluded.put("preferred-region", 1);                             // syn-sterilizer-ibaraki, in 関東
      assertEquals(List.copyOf(excluded.entrySet()), List.copyOf(e.excludedBy().entrySet()), m.name());
      assertEquals(0, e.eligible());
      assertEquals(List.of(), e.full());
    }
  }

  @Test
  void theEthyleneOxideNeedIsMatchedWhenItDropsItsPreferredBlock() {
    Need need05 = PROBLEM.need(NEED_05).orElseThrow();
    Need anywhere = Need.builder(need05.id(), need05.requester(), need05.kind())
        .requiredCapabilities(need05.requiredCapabilities()).deviceClass(need05.deviceClass().orElseThrow()).build();
    MatchingProblem p = PROBLEM.toBuilder().removeNeed(NEED_05).need(anywhere).build();
    assertEquals(Optional.of(OrganizationId.of("syn-sterilizer-ibaraki")),
        Matchers.optimal().match(p).assignmentOf(NEED_05).map(Assignment::supplier));
  }

  @Test
  void theClassIIIOdmNeedGoesToSomaDevicesTheOnlySupplierThatCanDesignAndBuildIt() {
    // ODM of a class III device: design and main-assembly registrations (PMD Act), plus design and
    // electronics assembly, plus ISO 13485. Nihonmatsu holds both registrations but no electronics assembly.
    assertEquals(List.of(SOMA), eligibleFor(PROBLEM, NEED_03));
    Organization nihonmatsu = PROBLEM.world().require(NIHONMATSU);
    Need need03 = PROBLEM.need(NEED_03).orElseThrow();
    assertEquals(Optional.of("capabilities: lacks ELECTRONICS_ASSEMBLY"),
        Constraints.capabilitiesCovered().check(need03, nihonmatsu, PROBLEM.context()).map(Violation::toString));
    assertEquals(Optional.empty(), Constraints.regulatoryRole().check(need03, nihonmatsu, PROBLEM.context()));
    for (Matcher m : ALL) {
      assertEquals(Optional.of(SOMA), m.match(PROBLEM).assignmentOf(NEED_03).map(Assignment::supplier), m.name());
    }
  }

  @Test
  void everyMatcherServesTheFourNeedsThatHaveAnEligibleSupplier() {
    for (Matcher m : ALL) {
      MatchResult r = m.match(PROBLEM);
      assertEquals(4, r.matchedCount(), m.name());
      assertEquals(List.of(), MatchChecks.problems(PROBLEM, r), m.name());
    }
  }

  @Test
  void theBreakdownOfEveryAssignmentSumsToItsScore() {
    for (Matcher m : ALL) {
      for (Assignment a : m.match(PROBLEM).assignments()) {
        ScoreBreakdown b = a.score();
        assertEquals(List.copyOf(Scorers.standard().weights().keySet()), List.copyOf(b.components().keySet()));
        double sum = b.components().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(sum, b.total(), 1e-12, a.toString());
        Need need = PROBLEM.need(a.need()).orElseThrow();
        Organization supplier = PROBLEM.world().require(a.supplier());
        assertEquals(PROBLEM.scorer().score(need, supplier, PROBLEM.context()), b.total(), 1e-12, a.toString());
      }
    }
  }

  @Test
  void theOemNeedOfTheTokyoMakerScoresShirakawaComponentByComponent() {
    // syn-need-02: OEM, cleanroom assembly, class II, raised by syn-maker-tokyo
    Assignment a = Matchers.optimal().match(PROBLEM).assignmentOf(NEED_02).orElseThrow();
    assertEquals(SHIRAKAWA, a.supplier());
    Map<String, Double> c = a.score().components();
    assertEquals(1.0 / 3, c.get("capability-fit"), 1e-12, "one capability beyond cleanroom assembly: 1/(1+2)");
    assertEquals(2 * Math.exp(-Prefecture.FUKUSHIMA.distanceKm(Prefecture.TOKYO) / 200), c.get("proximity"), 1e-12);
    assertEquals(2.0, c.get("prior-relationship"), "OEM tie with syn-maker-tokyo since 2012");
    assertEquals(0.5, c.get("experience"), "entry stage OEM: 2 of 4 steps");
    assertEquals(0.5, c.get("hub-recommendation"), "supported by the promotion organization since 2013");
    assertEquals(0.0, c.get("horizontal-partnership"), "an OEM need");
  }

  @Test
  void tiesThatStartAfterTheYearDoNotCountAsPrior() {
    MatchingProblem in2010 = MatchingProblem.from(FukushimaSample.cluster()).year(2010).build();
    Need need02 = in2010.need(NEED_02).orElseThrow();
    Organization shirakawa = in2010.world().require(SHIRAKAWA);
    assertEquals(0.0, Scorers.priorRelationship().score(need02, shirakawa, in2010.context()), "the OEM tie starts in 2012");
    assertEquals(1.0, Scorers.priorRelationship().score(need02, shirakawa, PROBLEM.context()));
    assertTrue(Scorers.standard().score(need02, shirakawa, in2010.context())
        < Scorers.standard().score(need02, shirakawa, PROBLEM.context()));
  }
}
