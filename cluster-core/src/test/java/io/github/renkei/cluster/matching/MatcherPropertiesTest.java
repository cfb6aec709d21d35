package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.testing.MatchingArbitraries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jgrapht.alg.matching.MaximumWeightBipartiteMatching;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * What every matcher guarantees, over generated problems: feasibility, the order between the
 * matchers' totals, exactness of the optimal matchers against exhaustive search and JGraphT,
 * maximality, stability and the lattice of stable matchings (checked against an independent
 * brute force, {@link BruteForce}), and independence of input order.
 */
class MatcherPropertiesTest {

  private static final List<Matcher> ALL = List.of(Matchers.greedy(), Matchers.optimal(),
      Matchers.optimalMaximizingMatches(), Matchers.stable(), Matchers.stableSuppliersProposing());

  /**
   * Default sizes, scores with many ties, sparser larger problems, and a few suppliers with large
   * capacities (deep heaps in deferred acceptance, long augmenting paths in the optimal matcher).
   */
  @Provide
  Arbitrary<MatchingProblem> problems() {
    return Arbitraries.oneOf(
        MatchingArbitraries.problems(),
        MatchingArbitraries.problems().withScores(0, 2),
        MatchingArbitraries.problems().withNeeds(0, 25).withSuppliers(0, 10).withEligibility(30),
        MatchingArbitraries.problems().withNeeds(0, 30).withSuppliers(1, 4).withCapacity(0, 10).withScores(0, 5));
  }

  @Provide
  Arbitrary<MatchingProblem> capacitated() {
    return Arbitraries.oneOf(
        MatchingArbitraries.problems().withNeeds(0, 15).withSuppliers(0, 6).withCapacity(0, 3),
        MatchingArbitraries.problems().withNeeds(0, 20).withSuppliers(1, 3).withCapacity(0, 6).withScores(0, 3));
  }

  /** Small enough to enumerate every feasible matching; some with heavily tied scores, some dense. */
  @Provide
  Arbitrary<MatchingProblem> small() {
    return Arbitraries.oneOf(
        MatchingArbitraries.problems().withNeeds(0, 6).withSuppliers(0, 4).withCapacity(0, 2),
        MatchingArbitraries.problems().withNeeds(0, 6).withSuppliers(0, 4).withCapacity(0, 2).withScores(0, 2),
        MatchingArbitraries.problems().withNeeds(0, 6).withSuppliers(0, 4).withCapacity(0, 2).withEligibility(90));
  }

  @Provide
  Arbitrary<MatchingProblem> unitCapacity() {
    return Arbitraries.oneOf(
        MatchingArbitraries.problems().withNeeds(0, 12).withSuppliers(0, 8).withCapacity(1, 1),
        MatchingArbitraries.problems().withNeeds(0, 12).withSuppliers(0, 8).withCapacity(1, 1).withScores(0, 3));
  }

  // ------------------------------------------------------------------ feasibility

  @Property(edgeCases = EdgeCasesMode.NONE)
  void everyMatcherReturnsAFeasibleResultThatAccountsForEveryNeed(@ForAll("problems") MatchingProblem p) {
    BruteForce bf = BruteForce.of(p);
    for (Matcher m : ALL) {
      MatchResult r = m.match(p);
      assertEquals(m.name(), r.matcher());
      assertEquals(List.of(), MatchChecks.problems(p, r), m.name());
      assertTrue(MatchChecks.isFeasible(p, r), m.name());

      // independently of MatchChecks: eligible pairs only, capacities respected
      int[] load = new int[bf.supplierCount()];
      for (Assignment a : r.assignments()) {
        int i = bf.needIndex(a.need());
        int j = bf.supplierIndex(a.supplier());
        assertTrue(bf.eligible[i][j], m.name() + " assigned an ineligible pair " + a);
        assertFalse(a.locked(), m.name() + ": nothing was locked, yet " + a);
        load[j]++;
      }
      for (int j = 0; j < load.length; j++) {
        assertTrue(load[j] <= bf.capacity[j], m.name() + ": " + bf.suppliers.get(j).id() + " over capacity");
      }

      // every need is assigned or explained, never both, never twice
      Set<NeedId> assigned = new HashSet<>();
      r.assignments().forEach(a -> assertTrue(assigned.add(a.need()), m.name() + " assigned " + a.need() + " twice"));
      Set<NeedId> unmatched = new HashSet<>();
      for (Unmatched u : r.unmatched()) {
        assertTrue(unmatched.add(u.need()), m.name() + " lists " + u.need() + " unmatched twice");
        assertFalse(assigned.contains(u.need()), m.name() + ": " + u.need() + " is both assigned and unmatched");
        assertFalse(u.explanation().summary().isBlank(), m.name() + ": blank explanation for " + u.need());
      }
      Set<NeedId> all = p.needs().stream().map(Need::id).collect(Collectors.toSet());
      Set<NeedId> union = new HashSet<>(assigned);
      union.addAll(unmatched);
      assertEquals(all, union, m.name());
      assertEquals(assigned.size(), r.matchedCount());

      // totals: finite, non-negative, the sum of the assignments' scores, which are the scorer's
      assertTrue(Double.isFinite(r.totalScore()) && r.totalScore() >= 0, m.name() + ": total " + r.totalScore());
      double sum = 0;
      for (Assignment a : r.assignments()) {
        double s = bf.score[bf.needIndex(a.need())][bf.supplierIndex(a.supplier())];
        assertEquals(s, a.score().total(), m.name() + ": score of " + a);
        sum += s;
      }
      assertEquals(sum, r.totalScore(), 1e-9, m.name());

      // results come in id order
      assertEquals(r.assignments().stream().map(Assignment::need).sorted().toList(),
          r.assignments().stream().map(Assignment::need).toList(), m.name());
      assertEquals(r.unmatched().stream().map(Unmatched::need).sorted().toList(),
          r.unmatched().stream().map(Unmatched::need).toList(), m.name());
    }
  }

  // ------------------------------------------------------------------ totals

  @Property(edgeCases = EdgeCasesMode.NONE)
  void optimalScoresAtLeastAsMuchAsGreedyAndBothStableMatchers(@ForAll("problems") MatchingProblem p) {
    double optimal = Matchers.optimal().match(p).totalScore();
    for (Matcher m : List.of(Matchers.greedy(), Matchers.stable(), Matchers.stableSuppliersProposing(),
        Matchers.optimalMaximizingMatches())) {
      double other = m.match(p).totalScore();
      assertTrue(BruteForce.atLeast(optimal, other), "optimal " + optimal + " < " + m.name() + " " + other);
    }
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void greedyScoresAtLeastHalfTheOptimum(@ForAll("problems") MatchingProblem p) {
    double optimal = Matchers.optimal().match(p).totalScore();
    double greedy = Matchers.greedy().match(p).totalScore();
    assertTrue(BruteForce.atLeast(2 * greedy, optimal), "greedy " + greedy + ", optimal " + optimal);
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void optimalEqualsExhaustiveSearch(@ForAll("small") MatchingProblem p) {
    BruteForce bf = BruteForce.of(p);
    double best = bf.bestTotal();
    double found = Matchers.optimal().match(p).totalScore();
    assertTrue(BruteForce.close(best, found), "exhaustive " + best + ", optimal " + found);
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void optimalEqualsExhaustiveSearchWithFractionalScores(@ForAll("small") MatchingProblem p,
      @ForAll("divisors") int divisor) {
    // the generated scores are integers; dividing them sends the optimal matcher down its
    // quantizing path (scores scaled to 2^30 and rounded)
    Scorer scores = p.scorer();
    MatchingProblem fractional = p.toBuilder()
        .scorer(Scorers.of("fraction", (n, s, c) -> scores.score(n, s, c) / divisor + 0.1 * (s.id().hashCode() & 3)))
        .build();
    BruteForce bf = BruteForce.of(fractional);
    double best = bf.bestTotal();
    double found = Matchers.optimal().match(fractional).totalScore();
    assertTrue(BruteForce.close(best, found), "exhaustive " + best + ", optimal " + found);
    double[] most = bf.mostMatchesThenBestTotal();
    MatchResult r = Matchers.optimalMaximizingMatches().match(fractional);
    assertEquals((int) most[0], r.matchedCount());
    assertTrue(BruteForce.close(most[1], r.totalScore()), "exhaustive " + most[1] + ", found " + r.totalScore());
  }

  @Provide
  Arbitrary<Integer> divisors() {
    return Arbitraries.of(3, 7, 10, 1000);
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void optimalMaximizingMatchesServesTheMostNeedsThenMaximizesTheScore(@ForAll("small") MatchingProblem p) {
    BruteForce bf = BruteForce.of(p);
    double[] best = bf.mostMatchesThenBestTotal();
    MatchResult r = Matchers.optimalMaximizingMatches().match(p);
    assertEquals((int) best[0], r.matchedCount(), "most needs that can be served");
    assertTrue(BruteForce.close(best[1], r.totalScore()), "exhaustive " + best[1] + ", found " + r.totalScore());
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void optimalMaximizingMatchesServesAtLeastAsManyNeedsAsAnyOtherMatcher(@ForAll("problems") MatchingProblem p) {
    int most = Matchers.optimalMaximizingMatches().match(p).matchedCount();
    for (Matcher m : ALL) {
      assertTrue(m.match(p).matchedCount() <= most, m.name());
    }
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void withUnitCapacitiesOptimalAgreesWithJGraphTMaximumWeightBipartiteMatching(
      @ForAll("unitCapacity") MatchingProblem p) {
    assertEquals(maximumWeightBySlots(p), Matchers.optimal().match(p).totalScore(), 1e-9);
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void withCapacitiesOptimalAgreesWithJGraphTOnTheGraphWithOneVertexPerSlot(@ForAll("capacitated") MatchingProblem p) {
    // a supplier of capacity k is k interchangeable suppliers of capacity 1
    double reference = maximumWeightBySlots(p);
    double found = Matchers.optimal().match(p).totalScore();
    assertTrue(BruteForce.close(reference, found), "JGraphT " + reference + ", optimal " + found);
  }

  /** JGraphT's maximum weight on the bipartite graph of needs and supplier slots (one per unit of capacity). */
  private static double maximumWeightBySlots(MatchingProblem p) {
    BruteForce bf = BruteForce.of(p);
    SimpleWeightedGraph<String, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    Set<String> needs = new HashSet<>();
    Set<String> suppliers = new HashSet<>();
    for (Need n : p.needs()) {
      graph.addVertex("need:" + n.id());
      needs.add("need:" + n.id());
    }
    for (int j = 0; j < bf.supplierCount(); j++) {
      for (int k = 0; k < bf.capacity[j]; k++) {
        String slot = "supplier:" + bf.suppliers.get(j).id() + "#" + k;
        graph.addVertex(slot);
        suppliers.add(slot);
        for (int i = 0; i < bf.needCount(); i++) {
          // pairs of score 0 never change a maximum weight, and JGraphT wants positive weights
          if (bf.eligible[i][j] && bf.score[i][j] > 0) {
            DefaultWeightedEdge e = graph.addEdge("need:" + bf.needs.get(i).id(), slot);
            graph.setEdgeWeight(e, bf.score[i][j]);
          }
        }
      }
    }
    return new MaximumWeightBipartiteMatching<>(graph, needs, suppliers).getMatching().getWeight();
  }

  // ------------------------------------------------------------------ maximality

  @Property(edgeCases = EdgeCasesMode.NONE)
  void greedyIsMaximalNoUnmatchedNeedHasAnEligibleSupplierWithRoom(@ForAll("problems") MatchingProblem p) {
    assertMaximal(p, Matchers.greedy());
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void everyOtherMatcherIsMaximalToo(@ForAll("problems") MatchingProblem p) {
    for (Matcher m : List.of(Matchers.optimal(), Matchers.optimalMaximizingMatches(), Matchers.stable(),
        Matchers.stableSuppliersProposing())) {
      assertMaximal(p, m);
    }
  }

  private static void assertMaximal(MatchingProblem p, Matcher m) {
    BruteForce bf = BruteForce.of(p);
    MatchResult r = m.match(p);
    int[] match = bf.matchingOf(r);
    int[] load = new int[bf.supplierCount()];
    for (int j : match) {
      if (j >= 0) {
        load[j]++;
      }
    }
    for (int i = 0; i < match.length; i++) {
      if (match[i] >= 0) {
        continue;
      }
      for (int j = 0; j < bf.supplierCount(); j++) {
        assertFalse(bf.eligible[i][j] && load[j] < bf.capacity[j], m.name() + " left " + bf.needs.get(i).id()
            + " unmatched while eligible " + bf.suppliers.get(j).id() + " had room: " + bf.describe(match));
      }
    }
  }

  // ------------------------------------------------------------------ stability

  @Property(edgeCases = EdgeCasesMode.NONE)
  void bothStableMatchersLeaveNoBlockingPair(@ForAll("problems") MatchingProblem p) {
    BruteForce bf = BruteForce.of(p);
    for (Matcher m : List.of(Matchers.stable(), Matchers.stableSuppliersProposing())) {
      int[] match = bf.matchingOf(m.match(p));
      List<int[]> blocking = bf.blockingPairs(match);
      assertTrue(blocking.isEmpty(), m.name() + " is blocked by " + blocking.stream()
          .map(b -> bf.needs.get(b[0]).id() + "+" + bf.suppliers.get(b[1]).id()).toList() + " in " + bf.describe(match));
    }
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void matchChecksFindsTheSameBlockingPairsAsTheBruteForceInEveryMatchersResult(
      @ForAll("problems") MatchingProblem p) {
    BruteForce bf = BruteForce.of(p);
    for (Matcher m : ALL) {
      MatchResult r = m.match(p);
      List<MatchChecks.BlockingPair> expected = bf.blockingPairs(bf.matchingOf(r)).stream()
          .map(b -> new MatchChecks.BlockingPair(bf.needs.get(b[0]).id(), bf.suppliers.get(b[1]).id()))
          .toList();
      assertEquals(expected, MatchChecks.blockingPairs(p, r), m.name());
    }
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void needsProposingGivesEveryNeedItsBestSupplierInAnyStableMatching(@ForAll("small") MatchingProblem p) {
    BruteForce bf = BruteForce.of(p);
    List<int[]> stable = bf.stableMatchings();
    int[] needsOptimal = bf.matchingOf(Matchers.stable().match(p));
    assertTrue(stable.stream().anyMatch(s -> java.util.Arrays.equals(s, needsOptimal)),
        "needs-proposing result " + bf.describe(needsOptimal) + " is not among the stable matchings");
    for (int[] other : stable) {
      for (int i = 0; i < bf.needCount(); i++) {
        assertTrue(bf.needWeaklyPrefers(i, needsOptimal[i], other[i]), bf.needs.get(i).id() + " does better in "
            + bf.describe(other) + " than in the needs-proposing " + bf.describe(needsOptimal));
      }
    }
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void suppliersProposingGivesEverySupplierItsBestStableSetAndEveryNeedItsWorst(@ForAll("small") MatchingProblem p) {
    // For strict preferences (Roth and Sotomayor 1990, Two-Sided Matching, ch. 5): in any two
    // stable matchings a supplier has the same number of needs, and where its sets differ it
    // prefers every need of the one set that is not in the other to every need of the other
    // that is not in the first. The suppliers-optimal matching is on the preferred side of that
    // comparison against every stable matching, and is the worst stable matching for every need.
    BruteForce bf = BruteForce.of(p);
    List<int[]> stable = bf.stableMatchings();
    int[] suppliersOptimal = bf.matchingOf(Matchers.stableSuppliersProposing().match(p));
    assertTrue(stable.stream().anyMatch(s -> java.util.Arrays.equals(s, suppliersOptimal)),
        "suppliers-proposing result " + bf.describe(suppliersOptimal) + " is not among the stable matchings");
    for (int[] other : stable) {
      for (int j = 0; j < bf.supplierCount(); j++) {
        List<Integer> mine = bf.needsOf(suppliersOptimal, j);
        List<Integer> theirs = bf.needsOf(other, j);
        assertEquals(mine.size(), theirs.size(), "supplier " + bf.suppliers.get(j).id());
        for (int gained : mine) {
          for (int lost : theirs) {
            if (!theirs.contains(gained) && !mine.contains(lost)) {
              assertTrue(bf.supplierPrefers(j, gained, lost), bf.suppliers.get(j).id() + " prefers "
                  + bf.needs.get(lost).id() + " in " + bf.describe(other) + " to " + bf.needs.get(gained).id()
                  + " in the suppliers-proposing " + bf.describe(suppliersOptimal));
            }
          }
        }
      }
      for (int i = 0; i < bf.needCount(); i++) {
        assertTrue(bf.needWeaklyPrefers(i, other[i], suppliersOptimal[i]), bf.needs.get(i).id()
            + " does worse in " + bf.describe(other) + " than in the suppliers-proposing " + bf.describe(suppliersOptimal));
      }
    }
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void everyStableMatchingServesTheSameNeedsAndFillsEachSupplierEquallyRuralHospitalsTheorem(
      @ForAll("small") MatchingProblem p) {
    BruteForce bf = BruteForce.of(p);
    List<int[]> stable = bf.stableMatchings();
    assertFalse(stable.isEmpty(), "a stable matching always exists");
    int[] first = stable.get(0);
    for (int[] other : stable) {
      for (int i = 0; i < bf.needCount(); i++) {
        assertEquals(first[i] >= 0, other[i] >= 0, bf.needs.get(i).id() + " in " + bf.describe(first) + " and "
            + bf.describe(other));
      }
      for (int j = 0; j < bf.supplierCount(); j++) {
        assertEquals(bf.needsOf(first, j).size(), bf.needsOf(other, j).size());
        if (bf.needsOf(first, j).size() < bf.capacity[j]) {
          assertEquals(bf.needsOf(first, j), bf.needsOf(other, j), "an undersubscribed supplier has the same needs");
        }
      }
    }
  }

  // ------------------------------------------------------------------ determinism

  @Property(edgeCases = EdgeCasesMode.NONE)
  void theOrderInWhichNeedsAndSuppliersAreAddedNeverChangesAResult(@ForAll("problems") MatchingProblem p,
      @ForAll Random random) {
    List<Need> needs = new ArrayList<>(p.needs());
    List<Organization> suppliers = new ArrayList<>(p.suppliers());
    Collections.shuffle(needs, random);
    Collections.shuffle(suppliers, random);
    MatchingProblem.Builder b = MatchingProblem.builder().world(p.world());
    if (random.nextBoolean()) {
      for (Need n : needs) {
        b.need(n);
      }
      suppliers.forEach(s -> b.supplier(s, p.capacity(s.id())));
    } else {
      suppliers.forEach(s -> b.supplier(s, p.capacity(s.id())));
      b.needs(needs);
    }
    MatchingProblem shuffled = b.constraints(p.constraints()).scorer(p.scorer()).supplierScorer(p.supplierScorer())
        .parallel(random.nextBoolean()).build();

    // the same through toBuilder(): take everything out, put it back in another order
    MatchingProblem.Builder again = p.toBuilder();
    p.needs().forEach(n -> again.removeNeed(n.id()));
    p.suppliers().forEach(s -> again.removeSupplier(s.id()));
    Collections.shuffle(needs, random);
    Collections.shuffle(suppliers, random);
    suppliers.forEach(s -> again.supplier(s, p.capacity(s.id())));
    again.needs(needs);
    MatchingProblem reinserted = again.build();

    for (MatchingProblem other : List.of(shuffled, reinserted)) {
      assertEquals(p.needs(), other.needs());
      assertEquals(p.suppliers(), other.suppliers());
      for (Matcher m : ALL) {
        MatchResult expected = m.match(p);
        MatchResult actual = m.match(other);
        assertEquals(expected, actual, m.name());
        assertEquals(expected.assignments(), actual.assignments(), m.name());
        assertEquals(expected.unmatched(), actual.unmatched(), m.name());
        assertEquals(expected.totalScore(), actual.totalScore(), m.name());
        assertEquals(expected, m.match(p), m.name() + " twice on the same problem");
      }
    }
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void rebuildingThroughToBuilderGivesTheSameResults(@ForAll("problems") MatchingProblem p) {
    MatchingProblem copy = p.toBuilder().build();
    for (Matcher m : ALL) {
      assertEquals(m.match(p), m.match(copy), m.name());
    }
  }

  // ------------------------------------------------------------------ locks

  @Property(edgeCases = EdgeCasesMode.NONE)
  void lockingPartOfAnyResultKeepsThoseAssignmentsInEveryMatchersNextResult(@ForAll("problems") MatchingProblem p,
      @ForAll Random random) {
    MatchResult earlier = ALL.get(random.nextInt(ALL.size())).match(p);
    MatchingProblem.Builder b = p.toBuilder();
    List<Assignment> locked = new ArrayList<>();
    for (Assignment a : earlier.assignments()) {
      if (random.nextBoolean()) {
        b.lock(a);
        locked.add(a);
      }
    }
    MatchingProblem relocked = b.build();
    double optimal = Matchers.optimal().match(relocked).totalScore();
    for (Matcher m : ALL) {
      MatchResult r = m.match(relocked);
      assertEquals(List.of(), MatchChecks.problems(relocked, r), m.name());
      for (Assignment a : locked) {
        Assignment kept = r.assignmentOf(a.need()).orElseThrow(() -> new AssertionError(m.name() + " dropped " + a));
        assertEquals(a.supplier(), kept.supplier(), m.name());
        assertTrue(kept.locked(), m.name());
      }
      assertEquals(locked.size(), r.assignments().stream().filter(Assignment::locked).count(), m.name());
      assertTrue(BruteForce.atLeast(optimal, r.totalScore()), m.name());
    }
    assertEquals(List.of(), MatchChecks.blockingPairs(relocked, Matchers.stable().match(relocked)));
    assertEquals(List.of(), MatchChecks.blockingPairs(relocked, Matchers.stableSuppliersProposing().match(relocked)));
  }

  // ------------------------------------------------------------------ explanations

  @Property(edgeCases = EdgeCasesMode.NONE)
  void everyUnmatchedNeedIsExplainedByItsEligibleSuppliersBeingFull(@ForAll("problems") MatchingProblem p) {
    BruteForce bf = BruteForce.of(p);
    for (Matcher m : ALL) {
      MatchResult r = m.match(p);
      Map<OrganizationId, Integer> load = new HashMap<>();
      r.assignments().forEach(a -> load.merge(a.supplier(), 1, Integer::sum));
      for (Unmatched u : r.unmatched()) {
        int i = bf.needIndex(u.need());
        List<OrganizationId> eligible = new ArrayList<>();
        for (int j = 0; j < bf.supplierCount(); j++) {
          if (bf.eligible[i][j]) {
            eligible.add(bf.suppliers.get(j).id());
          }
        }
        Explanation e = u.explanation();
        assertEquals(eligible.size(), e.eligible(), m.name() + " " + u);
        assertEquals(eligible, e.full().stream().map(Explanation.FullSupplier::supplier).toList(), m.name() + " " + u);
        for (Explanation.FullSupplier f : e.full()) {
          assertEquals(p.capacity(f.supplier()), f.capacity());
          assertEquals(r.assignedTo(f.supplier()).stream().map(Assignment::need).toList(), f.takenBy());
          assertEquals(f.capacity(), f.takenBy().size());
        }
      }
    }
  }
}
