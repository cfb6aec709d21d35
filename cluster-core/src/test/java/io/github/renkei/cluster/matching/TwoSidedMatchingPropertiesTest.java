package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.testing.MatchingArbitraries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What every matcher guarantees when requesters have capacities (many-to-many through the
 * needs), over generated problems: feasibility under both capacities, exactness of the optimal
 * matchers against exhaustive search, the order of the totals, pairwise stability of both
 * deferred acceptances (by {@link MatchChecks} and by the independent {@link BruteForce}),
 * agreement of the two stability checkers, explanations that name a full requester, and the
 * same results as without capacities when the capacities do not bind.
 */
class TwoSidedMatchingPropertiesTest {

  private static final List<Matcher> ALL = List.of(Matchers.greedy(), Matchers.optimal(),
      Matchers.optimalMaximizingMatches(), Matchers.stable(), Matchers.stableSuppliersProposing());

  @Provide
  Arbitrary<MatchingProblem> problems() {
    return Arbitraries.oneOf(
        MatchingArbitraries.twoSidedProblems(),
        MatchingArbitraries.twoSidedProblems().withScores(0, 2),
        MatchingArbitraries.problems().withNeeds(0, 25).withSuppliers(0, 8).withEligibility(40)
            .withRequesters(1, 5).withRequesterCapacities(0, 4),
        MatchingArbitraries.problems().withNeeds(0, 20).withSuppliers(1, 4).withCapacity(0, 8).withScores(0, 5)
            .withRequesters(1, 2).withRequesterCapacities(0, 6));
  }

  /** Small enough to enumerate every feasible matching. */
  @Provide
  Arbitrary<MatchingProblem> small() {
    return Arbitraries.oneOf(
        MatchingArbitraries.problems().withNeeds(0, 6).withSuppliers(0, 4).withCapacity(0, 2)
            .withRequesters(1, 3).withRequesterCapacities(0, 2),
        MatchingArbitraries.problems().withNeeds(0, 6).withSuppliers(0, 4).withCapacity(0, 2).withScores(0, 2)
            .withRequesters(1, 2).withRequesterCapacities(0, 3),
        MatchingArbitraries.problems().withNeeds(0, 6).withSuppliers(0, 3).withCapacity(0, 3).withEligibility(90)
            .withRequesters(1, 3).withRequesterCapacities(0, 2));
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void everyMatcherRespectsBothCapacitiesAndAccountsForEveryNeed(@ForAll("problems") MatchingProblem p) {
    BruteForce bf = BruteForce.of(p);
    for (Matcher m : ALL) {
      MatchResult r = m.match(p);
      assertEquals(List.of(), MatchChecks.problems(p, r), m.name());
      int[] load = new int[bf.supplierCount()];
      int[] requesterLoad = new int[bf.requesterCapacity.length];
      for (Assignment a : r.assignments()) {
        int i = bf.needIndex(a.need());
        int j = bf.supplierIndex(a.supplier());
        assertTrue(bf.eligible[i][j], m.name() + " assigned an ineligible pair " + a);
        load[j]++;
        requesterLoad[bf.requesterOf[i]]++;
      }
      for (int j = 0; j < load.length; j++) {
        assertTrue(load[j] <= bf.capacity[j], m.name() + ": supplier over capacity");
      }
      for (int k = 0; k < requesterLoad.length; k++) {
        assertTrue(requesterLoad[k] <= bf.requesterCapacity[k], m.name() + ": requester over capacity");
      }
      assertEquals(p.needs().size(), r.matchedCount() + r.unmatched().size(), m.name());
    }
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void optimalEqualsExhaustiveSearch(@ForAll("small") MatchingProblem p) {
    BruteForce bf = BruteForce.of(p);
    assertEquals(bf.bestTotal(), Matchers.optimal().match(p).totalScore(), 1e-9);
    double[] best = bf.mostMatchesThenBestTotal();
    MatchResult r = Matchers.optimalMaximizingMatches().match(p);
    assertEquals((int) best[0], r.matchedCount());
    assertEquals(best[1], r.totalScore(), 1e-9);
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void optimalBeatsEveryOtherMatcherAndGreedyReachesHalfOfIt(@ForAll("problems") MatchingProblem p) {
    double optimal = Matchers.optimal().match(p).totalScore();
    for (Matcher m : List.of(Matchers.greedy(), Matchers.stable(), Matchers.stableSuppliersProposing(),
        Matchers.optimalMaximizingMatches())) {
      assertTrue(BruteForce.atLeast(optimal, m.match(p).totalScore()), m.name());
    }
    assertTrue(BruteForce.atLeast(Matchers.greedy().match(p).totalScore(), optimal / 2));
    int most = Matchers.optimalMaximizingMatches().match(p).matchedCount();
    for (Matcher m : ALL) {
      assertTrue(m.match(p).matchedCount() <= most, m.name());
    }
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void bothDeferredAcceptancesArePairwiseStable(@ForAll("problems") MatchingProblem p) {
    BruteForce bf = BruteForce.of(p);
    for (Matcher m : List.of(Matchers.stable(), Matchers.stableSuppliersProposing())) {
      MatchResult r = m.match(p);
      assertEquals(List.of(), MatchChecks.blockingPairs(p, r), m.name());
      assertTrue(bf.isStable(bf.matchingOf(r)), m.name() + ": " + bf.describe(bf.matchingOf(r)));
    }
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void theStableMatchersFindStableMatchingsThatExhaustiveSearchKnows(@ForAll("small") MatchingProblem p) {
    BruteForce bf = BruteForce.of(p);
    List<String> stable = bf.stableMatchings().stream().map(bf::describe).toList();
    assertFalse(stable.isEmpty(), "a stable matching exists");
    for (Matcher m : List.of(Matchers.stable(), Matchers.stableSuppliersProposing())) {
      assertTrue(stable.contains(bf.describe(bf.matchingOf(m.match(p)))), m.name());
    }
  }

  /**
   * The requester-proposing result is the requesters' best stable matching and the suppliers'
   * worst, and the suppliers-proposing one the reverse: for every stable matching M, each
   * requester choosing from its pairs in both keeps exactly the proposing side's (Roth 1984;
   * Hatfield and Milgrom 2005), and likewise for each supplier.
   */
  @Property(edgeCases = EdgeCasesMode.NONE)
  void eachDeferredAcceptanceIsTheBestStableMatchingForItsProposingSide(@ForAll("small") MatchingProblem p) {
    BruteForce bf = BruteForce.of(p);
    int[] needsSide = bf.matchingOf(Matchers.stable().match(p));
    int[] suppliersSide = bf.matchingOf(Matchers.stableSuppliersProposing().match(p));
    for (int[] m : bf.stableMatchings()) {
      for (int k = 0; k < bf.requesterCapacity.length; k++) {
        assertEquals(pairsOfRequester(bf, needsSide, k), requesterChoice(bf, k, needsSide, m),
            "requester " + k + " prefers " + bf.describe(m) + " to " + bf.describe(needsSide));
        assertEquals(pairsOfRequester(bf, m, k), requesterChoice(bf, k, m, suppliersSide),
            "requester " + k + " prefers " + bf.describe(suppliersSide) + " to " + bf.describe(m));
      }
      for (int j = 0; j < bf.supplierCount(); j++) {
        assertEquals(bf.needsOf(suppliersSide, j), supplierChoice(bf, j, suppliersSide, m),
            "supplier " + j + " prefers " + bf.describe(m) + " to " + bf.describe(suppliersSide));
        assertEquals(bf.needsOf(m, j), supplierChoice(bf, j, m, needsSide),
            "supplier " + j + " prefers " + bf.describe(needsSide) + " to " + bf.describe(m));
      }
    }
  }

  /** Requester k's pairs {need, supplier} in a matching, in need order. */
  private static List<List<Integer>> pairsOfRequester(BruteForce bf, int[] m, int k) {
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < m.length; i++) {
      if (bf.requesterOf[i] == k && m[i] >= 0) {
        out.add(List.of(i, m[i]));
      }
    }
    return out;
  }

  /**
   * What requester k keeps from its pairs in two matchings: the best pair of each need, and of
   * those the best up to its capacity; in need order.
   */
  private static List<List<Integer>> requesterChoice(BruteForce bf, int k, int[] a, int[] b) {
    List<List<Integer>> offered = new ArrayList<>(pairsOfRequester(bf, a, k));
    offered.addAll(pairsOfRequester(bf, b, k));
    offered.sort((x, y) -> bf.requesterPrefers(x.get(0), x.get(1), y.get(0), y.get(1)) ? -1
        : bf.requesterPrefers(y.get(0), y.get(1), x.get(0), x.get(1)) ? 1 : 0);
    List<List<Integer>> kept = new ArrayList<>();
    List<Integer> covered = new ArrayList<>();
    for (List<Integer> pair : offered) {
      if (kept.size() < bf.requesterCapacity[k] && !covered.contains(pair.get(0))) {
        kept.add(pair);
        covered.add(pair.get(0));
      }
    }
    kept.sort((x, y) -> Integer.compare(x.get(0), y.get(0)));
    return kept;
  }

  /** What supplier j keeps from its needs in two matchings: its best, up to its capacity; in need order. */
  private static List<Integer> supplierChoice(BruteForce bf, int j, int[] a, int[] b) {
    List<Integer> offered = new ArrayList<>(bf.needsOf(a, j));
    for (int i : bf.needsOf(b, j)) {
      if (!offered.contains(i)) {
        offered.add(i);
      }
    }
    offered.sort((x, y) -> bf.supplierPrefers(j, x, y) ? -1 : bf.supplierPrefers(j, y, x) ? 1 : 0);
    List<Integer> kept = new ArrayList<>(offered.subList(0, Math.min(bf.capacity[j], offered.size())));
    kept.sort(Integer::compare);
    return kept;
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void theCheckerAndTheBruteForceFindTheSameBlockingPairs(@ForAll("problems") MatchingProblem p) {
    BruteForce bf = BruteForce.of(p);
    for (Matcher m : List.of(Matchers.greedy(), Matchers.optimal(), Matchers.optimalMaximizingMatches())) {
      MatchResult r = m.match(p);
      List<String> checker = MatchChecks.blockingPairs(p, r).stream()
          .map(b -> b.need().value() + "-" + b.supplier().value()).toList();
      List<String> brute = new ArrayList<>();
      for (int[] b : bf.blockingPairs(bf.matchingOf(r))) {
        brute.add(bf.needs.get(b[0]).id().value() + "-" + bf.suppliers.get(b[1]).id().value());
      }
      assertEquals(brute, checker, m.name());
    }
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void anUnmatchedNeedWhoseRequesterIsFullSaysSo(@ForAll("problems") MatchingProblem p) {
    for (Matcher m : ALL) {
      MatchResult r = m.match(p);
      Map<OrganizationId, Integer> load = new HashMap<>();
      for (Assignment a : r.assignments()) {
        load.merge(p.need(a.need()).orElseThrow().requester(), 1, Integer::sum);
      }
      for (Unmatched u : r.unmatched()) {
        Need need = p.need(u.need()).orElseThrow();
        boolean full = p.requesterCapacity(need.requester()).isPresent()
            && load.getOrDefault(need.requester(), 0) >= p.requesterCapacity(need.requester()).getAsInt();
        assertEquals(full, u.explanation().fullRequester().isPresent(), m.name() + ": " + u);
        if (full && u.explanation().eligible() > 0) {
          assertTrue(u.explanation().summary().startsWith("its requester " + need.requester() + " is at capacity "),
              m.name() + ": " + u);
        }
      }
    }
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void capacitiesThatDoNotBindChangeNothing(@ForAll("problems") MatchingProblem p) {
    MatchingProblem.Builder b = p.toBuilder();
    p.requesterCapacities().keySet().forEach(b::removeRequesterCapacity);
    MatchingProblem unlimited = b.build();
    MatchingProblem.Builder loose = unlimited.toBuilder();
    unlimited.needs().stream().map(Need::requester).distinct()
        .forEach(r -> loose.requesterCapacity(r, unlimited.needs().size()));
    MatchingProblem looseProblem = loose.build();
    for (Matcher m : List.of(Matchers.greedy(), Matchers.stable(), Matchers.stableSuppliersProposing())) {
      assertEquals(m.match(unlimited), m.match(looseProblem), m.name());
    }
    for (Matcher m : List.of(Matchers.optimal(), Matchers.optimalMaximizingMatches())) {
      MatchResult a = m.match(unlimited);
      MatchResult c = m.match(looseProblem);
      assertEquals(a.totalScore(), c.totalScore(), 1e-9, m.name());
    }
    // (the maximum score may be reached with different numbers of pairs of score 0)
    assertEquals(Matchers.optimalMaximizingMatches().match(unlimited).matchedCount(),
        Matchers.optimalMaximizingMatches().match(looseProblem).matchedCount());
  }

  @Property(tries = 50, edgeCases = EdgeCasesMode.NONE)
  void lockedAssignmentsCountAgainstRequesterCapacities(@ForAll("problems") MatchingProblem p) {
    // lock the optimum's first assignment, if any, and match again: still feasible, lock kept
    MatchResult first = Matchers.optimal().match(p);
    if (first.assignments().isEmpty()) {
      return;
    }
    Assignment a = first.assignments().get(0);
    MatchingProblem locked = p.toBuilder().lock(a).build();
    for (Matcher m : ALL) {
      MatchResult r = m.match(locked);
      assertEquals(List.of(), MatchChecks.problems(locked, r), m.name());
      assertTrue(r.assignmentOf(a.need()).orElseThrow().locked(), m.name());
    }
    assertEquals(first.totalScore(), Matchers.optimal().match(locked).totalScore(), 1e-9);
    for (Matcher m : List.of(Matchers.stable(), Matchers.stableSuppliersProposing())) {
      assertEquals(List.of(), MatchChecks.blockingPairs(locked, m.match(locked)), m.name());
    }
  }

  @Property(tries = 30, edgeCases = EdgeCasesMode.NONE)
  void needIdsInResultsComeInOrder(@ForAll("problems") MatchingProblem p) {
    for (Matcher m : ALL) {
      MatchResult r = m.match(p);
      List<NeedId> ids = r.assignments().stream().map(Assignment::need).toList();
      assertEquals(ids.stream().sorted().toList(), ids, m.name());
    }
  }
}
