package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.HashBasedTable;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.Table;
import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.ValidationException;
import io.github.renkei.cluster.region.Prefecture;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Requester capacities (two-sided, many-to-many matching): hand-made problems with known optima
 * and known stable matchings, the explanations, locks, and every bad input.
 */
class TwoSidedMatchingTest {

  private static final List<Matcher> ALL = List.of(Matchers.greedy(), Matchers.optimal(),
      Matchers.optimalMaximizingMatches(), Matchers.stable(), Matchers.stableSuppliersProposing());

  /**
   * A builder from "need requester supplier score" quadruples; every listed pair is eligible,
   * every supplier has capacity 1 unless given, requesters are hospitals.
   */
  static MatchingProblem.Builder builder(Map<String, Integer> capacities, Object... quads) {
    Table<NeedId, OrganizationId, Double> t = HashBasedTable.create();
    Map<NeedId, OrganizationId> requesterOf = new TreeMap<>();
    for (int k = 0; k < quads.length; k += 4) {
      NeedId n = NeedId.of((String) quads[k]);
      requesterOf.put(n, OrganizationId.of((String) quads[k + 1]));
      t.put(n, OrganizationId.of((String) quads[k + 2]), ((Number) quads[k + 3]).doubleValue());
    }
    MatchingProblem.Builder b = MatchingProblem.builder();
    requesterOf.values().stream().distinct().forEach(r -> b.organization(
        Organization.builder(r, "Hospital " + r, OrganizationType.CITY_HOSPITAL, Prefecture.FUKUSHIMA).build()));
    requesterOf.forEach((n, r) -> b.need(Need.builder(n, r, NeedKind.PARTS_SUPPLY).build()));
    t.columnKeySet().forEach(s -> b.supplier(Organization.builder(s, "Maker " + s, OrganizationType.SME_MANUFACTURER,
        Prefecture.FUKUSHIMA).build(), capacities.getOrDefault(s.value(), 1)));
    return b.constraints(List.of(Constraints.of("listed", "is listed", (n, s, c) -> t.contains(n.id(), s.id()))))
        .scorer(Scorers.table("table", t));
  }

  static Map<String, String> pairs(MatchResult r) {
    Map<String, String> m = new TreeMap<>();
    r.assignments().forEach(a -> m.put(a.need().value(), a.supplier().value()));
    return m;
  }

  static OrganizationId id(String s) {
    return OrganizationId.of(s);
  }

  /** A hospital that can take only two proposals, three needs, one maker with room for all. */
  static MatchingProblem hospitalOfTwo() {
    return builder(Map.of("m", 3),
        "n1", "h", "m", 5,
        "n2", "h", "m", 9,
        "n3", "h", "m", 7)
        .requesterCapacity(id("h"), 2)
        .build();
  }

  @Test
  void aHospitalOfCapacityTwoGetsItsTwoBestNeedsMatchedByEveryMatcher() {
    MatchingProblem p = hospitalOfTwo();
    for (Matcher m : ALL) {
      MatchResult r = m.match(p);
      assertEquals(Map.of("n2", "m", "n3", "m"), pairs(r), m.name());
      assertEquals(16.0, r.totalScore(), m.name());
      assertEquals(List.of(), MatchChecks.problems(p, r), m.name());
      assertEquals(List.of(), MatchChecks.blockingPairs(p, r), m.name());
      Unmatched u = r.unmatched().get(0);
      assertEquals(NeedId.of("n1"), u.need());
      assertEquals("its requester h is at capacity 2 (taken by n2, n3)", u.explanation().summary(), m.name());
      Explanation.FullRequester full = u.explanation().fullRequester().orElseThrow();
      assertEquals(id("h"), full.requester());
      assertEquals(2, full.capacity());
      assertEquals(List.of(NeedId.of("n2"), NeedId.of("n3")), full.takenBy());
    }
  }

  @Test
  void withoutTheCapacityAllThreeNeedsAreMatched() {
    MatchingProblem p = hospitalOfTwo().toBuilder().removeRequesterCapacity(id("h")).build();
    assertEquals(Map.of(), p.requesterCapacities());
    for (Matcher m : ALL) {
      assertEquals(3, m.match(p).matchedCount(), m.name());
    }
  }

  /**
   * h1 (capacity 1) raises a and b, h2 raises c; maker s and t take one each. Greedy takes a-s
   * (10) first, which fills h1 and s: 10. The optimum leaves a for c-s (9) and b-t (8): 17.
   */
  static MatchingProblem greedyTrap() {
    return builder(Map.of(),
        "a", "h1", "s", 10,
        "b", "h1", "t", 8,
        "c", "h2", "s", 9)
        .requesterCapacity(id("h1"), 1)
        .build();
  }

  @Test
  void theOptimumGivesUpTheBestPairWhenItsRequesterIsBetterUsedElsewhere() {
    MatchingProblem p = greedyTrap();
    assertEquals(Map.of("a", "s"), pairs(Matchers.greedy().match(p)));
    assertEquals(Map.of("b", "t", "c", "s"), pairs(Matchers.optimal().match(p)));
    assertEquals(17.0, Matchers.optimal().match(p).totalScore());
    assertEquals(Map.of("b", "t", "c", "s"), pairs(Matchers.optimalMaximizingMatches().match(p)));
    assertEquals(17.0, BruteForce.of(p).bestTotal());
  }

  @Test
  void theGreedyTrapHasOneStableMatchingAndBothDeferredAcceptancesFindIt() {
    // h1 prefers (a, s) to (b, t); s prefers a to c: {a-s} is the only stable matching
    MatchingProblem p = greedyTrap();
    BruteForce bf = BruteForce.of(p);
    List<int[]> stable = bf.stableMatchings();
    assertEquals(1, stable.size());
    assertEquals("{a->s, b->-, c->-}", bf.describe(stable.get(0)));
    assertEquals(Map.of("a", "s"), pairs(Matchers.stable().match(p)));
    assertEquals(Map.of("a", "s"), pairs(Matchers.stableSuppliersProposing().match(p)));
    // the optimum is not stable: h1 and s would both rather have (a, s)
    assertEquals(List.of(new MatchChecks.BlockingPair(NeedId.of("a"), id("s"))),
        MatchChecks.blockingPairs(p, Matchers.optimal().match(p)));
  }

  /**
   * Opposed preferences: h (capacity 1) ranks (x, s) over (y, t), z ranks t over s, while s
   * prefers z to x and t prefers y to z. The requester's limit couples x and y, and there are two
   * stable matchings, one found by each proposing side.
   */
  @Test
  void requesterProposingAndSupplierProposingReachTheTwoEndsOfTheLattice() {
    // needs x, y of h (capacity 1), need z of g (unlimited); makers s, t with capacity 1.
    // need side: x-s 9, y-t 8, z-t 7, z-s 1.  supplier side: s prefers z to x, t prefers y to z.
    Table<NeedId, OrganizationId, Double> supplierSide = HashBasedTable.create();
    supplierSide.put(NeedId.of("x"), id("s"), 1.0);
    supplierSide.put(NeedId.of("z"), id("s"), 5.0);
    supplierSide.put(NeedId.of("y"), id("t"), 5.0);
    supplierSide.put(NeedId.of("z"), id("t"), 1.0);
    MatchingProblem p = builder(Map.of(),
        "x", "h", "s", 9,
        "y", "h", "t", 8,
        "z", "g", "t", 7,
        "z", "g", "s", 1)
        .requesterCapacity(id("h"), 1)
        .supplierScorer(Scorers.table("makers", supplierSide))
        .build();
    BruteForce bf = BruteForce.of(p);
    List<String> stable = bf.stableMatchings().stream().map(bf::describe).sorted().toList();
    assertEquals(List.of("{x->-, y->t, z->s}", "{x->s, y->-, z->t}"), stable);
    // requesters (needs) proposing: h's best pair (x, s), z its best t
    assertEquals(Map.of("x", "s", "z", "t"), pairs(Matchers.stable().match(p)));
    // suppliers proposing: s its best z, t its best y
    assertEquals(Map.of("y", "t", "z", "s"), pairs(Matchers.stableSuppliersProposing().match(p)));
    for (Matcher m : List.of(Matchers.stable(), Matchers.stableSuppliersProposing())) {
      assertEquals(List.of(), MatchChecks.blockingPairs(p, m.match(p)), m.name());
    }
  }

  @Test
  void capacityZeroMatchesNoneOfTheRequestersNeeds() {
    MatchingProblem p = hospitalOfTwo().toBuilder().requesterCapacity(id("h"), 0).build();
    assertEquals(OptionalInt.of(0), p.requesterCapacity(id("h")));
    for (Matcher m : ALL) {
      MatchResult r = m.match(p);
      assertEquals(0, r.matchedCount(), m.name());
      assertEquals("its requester h is at capacity 0", r.unmatched().get(0).explanation().summary(), m.name());
    }
  }

  @Test
  void lockedAssignmentsCountAgainstTheRequestersCapacity() {
    MatchingProblem p = hospitalOfTwo().toBuilder().lock(NeedId.of("n1"), id("m")).build();
    for (Matcher m : ALL) {
      MatchResult r = m.match(p);
      assertEquals(Map.of("n1", "m", "n2", "m"), pairs(r), m.name());
      assertEquals(List.of(), MatchChecks.problems(p, r), m.name());
      assertEquals(List.of(), MatchChecks.blockingPairs(p, r), m.name());
      assertEquals("its requester h is at capacity 2 (taken by n1, n2)",
          r.unmatched().get(0).explanation().summary(), m.name());
    }
  }

  @Test
  void requesterCapacitiesSurviveToBuilderAndShowInToString() {
    MatchingProblem p = hospitalOfTwo();
    assertEquals(Map.of(id("h"), 2), p.toBuilder().build().requesterCapacities());
    assertEquals(OptionalInt.empty(), p.requesterCapacity(id("elsewhere")));
    assertTrue(p.toString().contains("requesterCapacities={h=2}"), p.toString());
  }

  @Test
  void aCapacityForAnOrganizationWithoutNeedsIsKeptAndHasNoEffect() {
    MatchingProblem p = builder(Map.of(), "n1", "h", "m", 5)
        .organization(Organization.builder(id("quiet"), "Quiet", OrganizationType.CLINIC, Prefecture.FUKUSHIMA)
            .build())
        .requesterCapacity(id("quiet"), 0)
        .build();
    assertEquals(OptionalInt.of(0), p.requesterCapacity(id("quiet")));
    for (Matcher m : ALL) {
      assertEquals(Map.of("n1", "m"), pairs(m.match(p)), m.name());
    }
  }

  /** The README's tour step: the Fukushima sample's large hospital with three needs and room for two. */
  @Test
  void theLargeHospitalOfTheFukushimaSampleCanTakeOnlyTwoProposals() {
    OrganizationId hospital = id("syn-hospital-large");
    Cluster busy = FukushimaSample.cluster().toBuilder()
        .add(Need.builder(NeedId.of("n-101"), hospital, NeedKind.PARTS_SUPPLY)
            .requiredCapabilities(Capability.PRECISION_CUTTING))
        .add(Need.builder(NeedId.of("n-102"), hospital, NeedKind.PARTS_SUPPLY)
            .requiredCapabilities(Capability.MACHINING))
        .build();
    MatchingProblem problem = MatchingProblem.from(busy).requesterCapacity(hospital, 2).build();
    MatchResult result = Matchers.optimal().match(problem);
    assertEquals(List.of("n-101 -> syn-sme-date-precision (3.500)", "syn-need-04 -> syn-sme-nihonmatsu-medical (6.000)"),
        result.assignments().stream()
            .filter(a -> problem.need(a.need()).orElseThrow().requester().equals(hospital))
            .map(Object::toString).toList());
    assertEquals(List.of("n-102: its requester syn-hospital-large is at capacity 2 (taken by n-101, syn-need-04)",
            "syn-need-05: no supplier has PACKAGING and STERILIZATION_EO, in 北海道・東北"),
        result.unmatched().stream().map(Object::toString).toList());
    assertEquals("MatchResult[optimal: 5 matched, 2 unmatched, total score 24.125]", result.toString());
    assertEquals(List.of(), MatchChecks.problems(problem, result));
    assertEquals(List.of(), MatchChecks.blockingPairs(problem, Matchers.stable().match(problem)));
    assertEquals("MatchResult[optimal: 6 matched, 1 unmatched, total score 26.959]",
        Matchers.optimal().match(problem.toBuilder().removeRequesterCapacity(hospital).build()).toString());
  }

  // ------------------------------------------------------------------ bad input

  @Test
  void aNegativeRequesterCapacityIsRejectedNamingTheRequesterAndTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> hospitalOfTwo().toBuilder().requesterCapacity(id("h"), -1).build());
    assertTrue(e instanceof ValidationException);
    assertTrue(e.getMessage().contains("requester 'h': requester capacity must be >= 0 but was -1"), e.getMessage());
  }

  @Test
  void aRequesterCapacityForAnUnknownOrganizationIsRejectedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> hospitalOfTwo().toBuilder().requesterCapacity(id("nobody"), 2).build());
    assertTrue(e.getMessage().contains("requester capacity 2 names 'nobody', which is not in the world"),
        e.getMessage());
  }

  @Test
  void locksBeyondTheRequestersCapacityAreRejectedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> hospitalOfTwo().toBuilder().requesterCapacity(id("h"), 1)
            .lock(NeedId.of("n1"), id("m")).lock(NeedId.of("n2"), id("m")).build());
    assertTrue(e.getMessage().contains("requester 'h' has 2 locked needs but requester capacity 1"), e.getMessage());
  }

  @Test
  void removingACapacityThatWasNeverSetIsRejectedNamingTheRequester() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> hospitalOfTwo().toBuilder().removeRequesterCapacity(id("g")));
    assertTrue(e.getMessage().contains("requester 'g' has no capacity to remove"), e.getMessage());
  }

  @Test
  void aNullRequesterIsRejected() {
    assertThrows(NullPointerException.class, () -> MatchingProblem.builder().requesterCapacity(null, 1));
  }

  @Test
  void theCheckerReportsARequesterOverCapacity() {
    MatchingProblem limited = hospitalOfTwo();
    MatchResult all = Matchers.greedy().match(limited.toBuilder().removeRequesterCapacity(id("h")).build());
    assertEquals(List.of("requester h has 3 matched needs but requester capacity 2"),
        MatchChecks.requesterCapacityViolations(limited, all));
    assertEquals(ImmutableList.of("requester h has 3 matched needs but requester capacity 2"),
        MatchChecks.problems(limited, all));
  }
}
