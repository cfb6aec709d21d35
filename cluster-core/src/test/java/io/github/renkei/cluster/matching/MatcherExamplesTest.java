package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.HashBasedTable;
import com.google.common.collect.Table;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.region.Prefecture;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Small hand-made instances that tell the matchers apart. */
class MatcherExamplesTest {

  private static final OrganizationId HOSPITAL = OrganizationId.of("hospital");

  /** A problem from "need supplier score" triples; every listed pair is eligible, capacity 1 unless given. */
  static MatchingProblem problem(Map<String, Integer> capacities, Object... triples) {
    Table<NeedId, OrganizationId, Double> t = HashBasedTable.create();
    for (int k = 0; k < triples.length; k += 3) {
      t.put(NeedId.of((String) triples[k]), OrganizationId.of((String) triples[k + 1]),
          ((Number) triples[k + 2]).doubleValue());
    }
    MatchingProblem.Builder b = MatchingProblem.builder()
        .organization(Organization.builder(HOSPITAL, "Hospital", OrganizationType.CITY_HOSPITAL, Prefecture.FUKUSHIMA)
            .build());
    t.rowKeySet().forEach(n -> b.need(Need.builder(n, HOSPITAL, NeedKind.PARTS_SUPPLY).build()));
    t.columnKeySet().forEach(s -> b.supplier(Organization.builder(s, "Supplier " + s, OrganizationType.SME_MANUFACTURER,
        Prefecture.FUKUSHIMA).build(), capacities.getOrDefault(s.value(), 1)));
    return b.constraints(List.of(Constraints.of("listed", "is listed", (n, s, c) -> t.contains(n.id(), s.id()))))
        .scorer(Scorers.table("table", t)).build();
  }

  static Map<String, String> pairs(MatchResult r) {
    Map<String, String> m = new TreeMap<>();
    r.assignments().forEach(a -> m.put(a.need().value(), a.supplier().value()));
    return m;
  }

  @Test
  void greedyTakesTheBestPairFirstAndCanMissTheOptimum() {
    // n1-a is the best pair, but taking it leaves n2 nothing: 5 against 4 + 4
    MatchingProblem p = problem(Map.of(), "n1", "a", 5, "n1", "b", 4, "n2", "a", 4);
    assertEquals(Map.of("n1", "a"), pairs(Matchers.greedy().match(p)));
    assertEquals(Map.of("n1", "b", "n2", "a"), pairs(Matchers.optimal().match(p)));
    assertEquals(8.0, Matchers.optimal().match(p).totalScore());
  }

  @Test
  void greedyBreaksTiesByNeedThenSupplierId() {
    MatchingProblem square = problem(Map.of(), "n2", "b", 3, "n2", "a", 3, "n1", "b", 3, "n1", "a", 3);
    assertEquals(Map.of("n1", "a", "n2", "b"), pairs(Matchers.greedy().match(square)));
    MatchingProblem p = problem(Map.of(), "n2", "a", 3, "n1", "b", 3, "n1", "a", 3);
    assertEquals(Map.of("n1", "a"), pairs(Matchers.greedy().match(p)), "n1-a comes before n1-b and n2-a");
  }

  @Test
  void optimalMaySacrificeANeedForScoreWhileMaximizingMatchesServesIt() {
    // n1 alone at a scores 10; n1-b 1 and n2-a 1 serve both for 2
    MatchingProblem p = problem(Map.of(), "n1", "a", 10, "n1", "b", 1, "n2", "a", 1);
    assertEquals(Map.of("n1", "a"), pairs(Matchers.optimal().match(p)));
    assertEquals(Map.of("n1", "b", "n2", "a"), pairs(Matchers.optimalMaximizingMatches().match(p)));
  }

  @Test
  void optimalStillAssignsPairsOfScoreZeroWhereThereIsRoom() {
    MatchingProblem p = problem(Map.of(), "n1", "a", 0, "n2", "b", 0.0);
    assertEquals(Map.of("n1", "a", "n2", "b"), pairs(Matchers.optimal().match(p)));
  }

  @Test
  void stableMatchersDifferFromOptimalWhenPreferencesConflictWithTheTotal() {
    // both needs like a best; a (by the same scores) prefers n1; stable gives n1 a, optimal n1 b
    MatchingProblem p = problem(Map.of(), "n1", "a", 10, "n1", "b", 9, "n2", "a", 8, "n2", "b", 1);
    assertEquals(Map.of("n1", "a", "n2", "b"), pairs(Matchers.stable().match(p)));
    assertEquals(Map.of("n1", "b", "n2", "a"), pairs(Matchers.optimal().match(p)));
    assertEquals(List.of(new MatchChecks.BlockingPair(NeedId.of("n1"), OrganizationId.of("a"))),
        MatchChecks.blockingPairs(p, Matchers.optimal().match(p)));
  }

  @Test
  void aSupplierWithCapacityTwoTakesTwoNeeds() {
    MatchingProblem p = problem(Map.of("a", 2), "n1", "a", 1, "n2", "a", 1, "n3", "a", 1);
    for (Matcher m : List.of(Matchers.greedy(), Matchers.optimal(), Matchers.stable(), Matchers.stableSuppliersProposing())) {
      MatchResult r = m.match(p);
      assertEquals(Map.of("n1", "a", "n2", "a"), pairs(r), m.name());
      assertEquals("the only eligible supplier is full: a (taken by n1, n2)", r.unmatched().get(0).explanation().summary());
    }
  }

  @Test
  void aSupplierOfCapacityZeroCountsAsFullInTheExplanation() {
    MatchingProblem p = problem(Map.of("a", 0), "n1", "a", 1);
    Explanation e = Matchers.optimal().match(p).unmatched().get(0).explanation();
    assertEquals("the only eligible supplier is full: a (capacity 0)", e.summary());
    assertEquals(List.of(new Explanation.FullSupplier(OrganizationId.of("a"), 0,
        com.google.common.collect.ImmutableList.of())), e.full());
  }

  @Test
  void anExplanationNamesFiveFullSuppliersAndCountsTheRest() {
    Map<String, Integer> none = new TreeMap<>();
    List<Object> triples = new java.util.ArrayList<>();
    for (String s : List.of("s1", "s2", "s3", "s4", "s5", "s6", "s7")) {
      none.put(s, 0);
      triples.addAll(List.of("n1", s, 1));
    }
    Explanation e = Matchers.greedy().match(problem(none, triples.toArray())).unmatched().get(0).explanation();
    assertEquals("all 7 eligible suppliers are full: s1 (capacity 0); s2 (capacity 0); s3 (capacity 0);"
        + " s4 (capacity 0); s5 (capacity 0); and 2 more", e.summary());
    assertEquals(7, e.full().size());
  }

  @Test
  void anEmptyProblemGivesAnEmptyResult() {
    MatchingProblem p = MatchingProblem.builder().build();
    MatchResult r = Matchers.optimal().match(p);
    assertEquals(0, r.matchedCount());
    assertEquals(0.0, r.totalScore());
    assertTrue(r.unmatched().isEmpty());
  }

  @Test
  void withoutCandidateSuppliersEveryNeedIsExplainedAsSuch() {
    MatchingProblem p = MatchingProblem.builder()
        .organization(Organization.builder(HOSPITAL, "Hospital", OrganizationType.CITY_HOSPITAL, Prefecture.FUKUSHIMA).build())
        .need(Need.builder(NeedId.of("n1"), HOSPITAL, NeedKind.PARTS_SUPPLY).build()).build();
    assertEquals("the problem has no candidate suppliers",
        Matchers.greedy().match(p).unmatched().get(0).explanation().summary());
  }

  @Test
  /**
   * Non-integral scores are rounded to steps of 2^-30 of the largest; scores that round to the
   * same step are ties, so each need can lose almost one step: n1 and n2 here lose 0.98 steps each.
   */
  void optimalWithFractionalScoresIsWithinOneStepPerNeedOfTheOptimum() {
    double step = Math.scalb(1.0, -30);
    MatchingProblem p = problem(Map.of(),
        "n1", "a", 999.51 * step, "n1", "b", 1000.49 * step,
        "n2", "c", 999.51 * step, "n2", "d", 1000.49 * step,
        "n3", "e", 1.0);
    double best = 1.0 + 2 * 1000.49 * step;
    double found = Matchers.optimal().match(p).totalScore();
    assertTrue(best - found <= 3 * step, "lost " + (best - found) / step + " steps");
    assertTrue(best - found >= 0, "found more than the optimum");
  }
}
