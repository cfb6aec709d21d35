package io.github.renkei.cluster.matching;

import java.util.Arrays;

/** Stable sorts of int index arrays by primitive keys, without boxing. */
final class Sorting {

  private Sorting() {}

  /** An order on ints. */
  @FunctionalInterface
  interface IntOrder {
    /** Negative if a goes first, positive if b goes first, 0 if equal. */
    int compare(int a, int b);
  }

  /**
   * The indices {@code 0..n-1} ordered by descending {@code score} (in {@link Double#compare}
   * order), ties by ascending index: exactly what a stable sort of the identity by descending score
   * gives, but with primitive sorts. Each score is replaced by its rank among the distinct scores,
   * so that (rank, index) packs into one {@code long} and {@link Arrays#sort(long[])} orders them.
   */
  static int[] byDescendingScore(double[] score, int n) {
    double[] distinct = Arrays.copyOf(score, n);
    Arrays.sort(distinct);
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (m == 0 || Double.compare(distinct[m - 1], distinct[i]) != 0) {
        distinct[m++] = distinct[i];
      }
    }
    long[] keys = new long[n];
    for (int e = 0; e < n; e++) {
      long descending = m - 1 - Arrays.binarySearch(distinct, 0, m, score[e]);
      keys[e] = descending << 32 | e;
    }
    Arrays.sort(keys);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = (int) keys[i];
    }
    return order;
  }

  /** Sorts {@code a[from, to)} stably (merge sort, insertion sort below 16 elements). */
  static void sort(int[] a, int from, int to, IntOrder order) {
    int n = to - from;
    if (n < 2) {
      return;
    }
    int[] buffer = new int[n];
    mergeSort(a, from, to, order, buffer);
  }

  private static void mergeSort(int[] a, int from, int to, IntOrder order, int[] buffer) {
    int n = to - from;
    if (n <= 16) {
      for (int i = from + 1; i < to; i++) {
        int v = a[i];
        int j = i - 1;
        while (j >= from && order.compare(a[j], v) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, from, mid, order, buffer);
    mergeSort(a, mid, to, order, buffer);
    if (order.compare(a[mid - 1], a[mid]) <= 0) {
      return;
    }
    System.arraycopy(a, from, buffer, 0, n);
    int i = 0;
    int j = mid - from;
    int k = from;
    while (i < mid - from && j < n) {
      a[k++] = order.compare(buffer[j], buffer[i]) < 0 ? buffer[j++] : buffer[i++];
    }
    while (i < mid - from) {
      a[k++] = buffer[i++];
    }
    while (j < n) {
      a[k++] = buffer[j++];
    }
  }
}
