package io.github.renkei.cluster.matching;

/** Stable sorts of int index arrays by primitive keys, without boxing. */
final class Sorting {

  private Sorting() {}

  /** An order on ints. */
  @FunctionalInterface
  interface IntOrder {
    /** Negative if a goes first, positive if b goes first, 0 if equal. */
    int compare(int a, int b);
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
