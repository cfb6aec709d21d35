package io.github.renkei.cluster.matching;

import java.util.Arrays;

/**
 * Selects the {@code k} best of a row of scored candidates: the highest scores, ties going to the
 * candidate that comes first (the smaller supplier index, which is id order). One rule for every
 * shortlist of the package, so the eligibility graph's {@linkplain MatchingProblem.Builder#shortlist
 * shortlist} and a coordinator's ranked list agree on who is in the top {@code k}.
 *
 * <p>A bounded binary heap holds the {@code k} best seen so far with the worst on top: O(n log k)
 * time for n candidates, O(k) space.
 */
final class TopK {

  private TopK() {}

  /**
   * Whether candidate {@code a} ranks before candidate {@code b}: higher score, or the same score
   * and a smaller position. Scores are compared with {@link Double#compare}, the order the
   * matchers use.
   */
  static boolean before(double[] score, int a, int b) {
    int c = Double.compare(score[b], score[a]);
    return c < 0 || c == 0 && a < b;
  }

  /**
   * Returns the positions of the {@code k} best candidates among {@code score[0 .. n)}, in
   * ascending position order; all {@code n} positions if {@code n <= k}.
   *
   * @param score the candidates' scores
   * @param n how many candidates, from position 0
   * @param k how many to keep, {@code >= 1}
   * @return the kept positions, ascending
   */
  static int[] select(double[] score, int n, int k) {
    if (n <= k) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    // heap[0] is the worst of the k kept so far
    int[] heap = new int[k];
    for (int i = 0; i < k; i++) {
      heap[i] = i;
    }
    for (int i = k / 2 - 1; i >= 0; i--) {
      down(score, heap, i, k);
    }
    for (int i = k; i < n; i++) {
      if (before(score, i, heap[0])) {
        heap[0] = i;
        down(score, heap, 0, k);
      }
    }
    Arrays.sort(heap);
    return heap;
  }

  /** Sifts down in a heap whose top is the candidate that ranks last. */
  private static void down(double[] score, int[] heap, int i, int size) {
    int x = heap[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && before(score, heap[child], heap[child + 1])) {
        child++;
      }
      if (!before(score, x, heap[child])) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = x;
  }
}
