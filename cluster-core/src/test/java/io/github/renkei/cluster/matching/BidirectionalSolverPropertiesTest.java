package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.testing.MatchingArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The optimal matcher's bidirectional solver (issue 16) against the one-sided solver it replaced,
 * kept as {@link SspOracle}, on problems up to 100 × 100, larger than brute force can take: the
 * same optimum (total of the integer scores and, for "most matches first", the same number of
 * matches), a feasible choice, and the backward search actually taken on a good share of them.
 */
class BidirectionalSolverPropertiesTest {

  private static int solved;
  private static int withBackward;

  @Provide
  Arbitrary<MatchingProblem> larger() {
    return Arbitraries.oneOf(
        MatchingArbitraries.problems().withNeeds(20, 100).withSuppliers(5, 40).withCapacity(0, 4)
            .withScores(0, 1000).withEligibility(20),
        MatchingArbitraries.problems().withNeeds(20, 100).withSuppliers(20, 100).withCapacity(1, 1)
            .withScores(1, 1000).withEligibility(10),
        MatchingArbitraries.problems().withNeeds(20, 100).withSuppliers(2, 20).withCapacity(0, 8)
            .withScores(0, 3).withEligibility(40),
        MatchingArbitraries.problems().withNeeds(10, 60).withSuppliers(1, 10).withCapacity(0, 3)
            .withScores(0, 50).withEligibility(70));
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void sameOptimumAsTheOneSidedSolver(@ForAll("larger") MatchingProblem p, @ForAll boolean matchesFirst) {
    EligibilityGraph g = p.graph();
    OptimalMatcher.Solver solver = new OptimalMatcher.Solver(g, matchesFirst);
    int[] ours = solver.solve();
    int[] oracle = SspOracle.solve(g, matchesFirst);
    assertFeasible(g, ours);
    assertEquals(total(g, oracle), total(g, ours), "total score");
    if (matchesFirst) {
      assertEquals(matched(oracle), matched(ours), "needs matched");
    }
    solved++;
    if (solver.backwardSearches > 0) {
      withBackward++;
    }
  }

  @AfterContainer
  static void theBackwardSearchWasExercised() {
    assertTrue(withBackward * 4 >= solved, withBackward + " of " + solved + " problems searched backward");
  }

  private static void assertFeasible(EligibilityGraph g, int[] edgeOfRow) {
    int[] load = new int[g.suppliers()];
    for (int r = 0; r < g.rows(); r++) {
      int e = edgeOfRow[r];
      if (e >= 0) {
        assertTrue(e >= g.offset[r] && e < g.offset[r + 1], "row " + r + " took edge " + e + " of another row");
        load[g.supplier[e]]++;
      }
    }
    for (int j = 0; j < load.length; j++) {
      assertTrue(load[j] <= Math.max(g.capacity[j], 0), "supplier " + j + " over capacity: " + load[j]);
    }
  }

  /** The scores are integers below 2^30, which the solver uses as they are, so the totals are exact. */
  private static long total(EligibilityGraph g, int[] edgeOfRow) {
    long t = 0;
    for (int e : edgeOfRow) {
      if (e >= 0) {
        t += (long) g.score[e];
      }
    }
    return t;
  }

  private static int matched(int[] edgeOfRow) {
    int n = 0;
    for (int e : edgeOfRow) {
      n += e >= 0 ? 1 : 0;
    }
    return n;
  }
}
