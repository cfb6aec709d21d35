package io.github.renkei.cluster.matching;

import java.util.Arrays;

/**
 * The greedy baseline: takes the eligible pairs from the highest score down (ties: the need,
 * then the supplier, with the smaller id first) and assigns a pair when its need is still free
 * and its supplier has capacity left. The result is maximal — no need is left unmatched while an
 * eligible supplier has room — and its total score is at least half the optimum (the classic
 * bound for greedy weighted matching, which carries over to capacities by splitting each
 * supplier into unit slots). O(P log P) for P eligible pairs.
 */
public final class GreedyMatcher implements Matcher {

  static final GreedyMatcher INSTANCE = new GreedyMatcher();

  private GreedyMatcher() {}

  @Override
  public String name() {
    return "greedy";
  }

  @Override
  public MatchResult match(MatchingProblem problem) {
    EligibilityGraph g = problem.graph();
    int pairs = (int) g.pairCount();
    // edges are stored by (need, supplier); ties in score keep that order
    int[] order = Sorting.byDescendingScore(g.score, pairs);
    int[] rowOfEdge = rowsOfEdges(g);
    int[] edgeOfRow = new int[g.rows()];
    Arrays.fill(edgeOfRow, -1);
    int[] left = g.capacity.clone();
    for (int e : order) {
      int r = rowOfEdge[e];
      int j = g.supplier[e];
      if (edgeOfRow[r] < 0 && left[j] > 0) {
        edgeOfRow[r] = e;
        left[j]--;
      }
    }
    return Results.of(name(), g, edgeOfRow);
  }

  static int[] rowsOfEdges(EligibilityGraph g) {
    int[] rowOfEdge = new int[(int) g.pairCount()];
    for (int r = 0; r < g.rows(); r++) {
      Arrays.fill(rowOfEdge, g.offset[r], g.offset[r + 1], r);
    }
    return rowOfEdge;
  }

  @Override
  public String toString() {
    return name();
  }
}
