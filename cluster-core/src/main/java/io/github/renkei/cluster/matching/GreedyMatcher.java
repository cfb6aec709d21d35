package io.github.renkei.cluster.matching;

import java.util.Arrays;

/**
 * The greedy baseline: takes the eligible pairs from the highest score down (ties: the need,
 * then the supplier, with the smaller id first) and assigns a pair when its need is still free
 * and its supplier has capacity left. The result is maximal — no need is left unmatched while an
 * eligible supplier has room (and its requester too) — and its total score is at least half the optimum (the classic
 * bound for greedy weighted matching, which carries over to capacities by splitting each
 * supplier into unit slots).
 *
 * <p>The pairs are not sorted in full: they go into a binary heap (built in O(P)), and pairs are
 * taken from it only until every need is assigned or every supplier is full, so a round with a
 * few needs and many eligible suppliers costs O(P + k log P) for the k pairs looked at, and at
 * worst O(P log P). The order, and so the result, is that of a stable sort by descending score.
 *
 * <p>With {@linkplain MatchingProblem#requesterCapacities() requester capacities}, a pair is also
 * skipped when its need's requester already has as many matched needs as its capacity (locked
 * ones included). The bound of one half still holds: the sets of pairs with at most one per need
 * and at most {@code q} per requester form a laminar matroid, those with at most {@code c} per
 * supplier a partition matroid, and greedy on the intersection of two matroids reaches at least
 * half the optimum (Korte and Hausmann, "An analysis of the greedy heuristic for independence
 * systems", Annals of Discrete Mathematics 2 (1978) 65–74).
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
    int[] rowOfEdge = rowsOfEdges(g);
    int[] edgeOfRow = new int[g.rows()];
    Arrays.fill(edgeOfRow, -1);
    int[] left = g.capacity.clone();
    long room = 0;
    for (int c : left) {
      room += c;
    }
    int free = 0;
    for (int r = 0; r < g.rows(); r++) {
      free += g.offset[r + 1] > g.offset[r] ? 1 : 0;
    }
    // edges are stored by (need, supplier); ties in score keep that order
    PairHeap heap = new PairHeap(g.score, pairs);
    RequesterLimits requesters = problem.requesterCapacities().isEmpty() ? null : RequesterLimits.of(g);
    while (free > 0 && room > 0 && !heap.isEmpty()) {
      int e = heap.poll();
      int r = rowOfEdge[e];
      int j = g.supplier[e];
      if (edgeOfRow[r] < 0 && left[j] > 0
          && (requesters == null || requesters.left[requesters.requesterOfRow[r]] > 0)) {
        if (requesters != null) {
          requesters.left[requesters.requesterOfRow[r]]--;
        }
        edgeOfRow[r] = e;
        left[j]--;
        free--;
        room--;
      }
    }
    return Results.of(name(), g, edgeOfRow);
  }

  /**
   * A binary max-heap of pair indices ordered by descending score, then ascending index (a total
   * order, so the pairs come out exactly as a stable sort by descending score would give them).
   */
  static final class PairHeap {
    private final double[] score;
    private final int[] heap;
    private int size;

    PairHeap(double[] score, int pairs) {
      this.score = score;
      this.heap = new int[pairs];
      for (int e = 0; e < pairs; e++) {
        heap[e] = e;
      }
      this.size = pairs;
      for (int i = size / 2 - 1; i >= 0; i--) {
        down(i);
      }
    }

    boolean isEmpty() {
      return size == 0;
    }

    /** Removes and returns the first pair. */
    int poll() {
      int first = heap[0];
      heap[0] = heap[--size];
      if (size > 0) {
        down(0);
      }
      return first;
    }

    /** Whether pair a goes before pair b. */
    private boolean before(int a, int b) {
      int c = Double.compare(score[b], score[a]);
      return c < 0 || c == 0 && a < b;
    }

    private void down(int i) {
      int x = heap[i];
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && before(heap[child + 1], heap[child])) {
          child++;
        }
        if (!before(heap[child], x)) {
          break;
        }
        heap[i] = heap[child];
        i = child;
      }
      heap[i] = x;
    }
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
