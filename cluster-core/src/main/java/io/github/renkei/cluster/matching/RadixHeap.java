package io.github.renkei.cluster.matching;

import java.util.Arrays;

/**
 * A monotone priority queue of (long key, int node) for Dijkstra's algorithm: a radix heap
 * (Ahuja, Mehlhorn, Orlin and Tarjan, "Faster algorithms for the shortest path problem", JACM 37
 * (1990)). Keys never fall below the last one taken, so a key goes to the bucket of the highest
 * bit in which it differs from that one. Pushing is an append; taking redistributes one bucket.
 * Entries are not removed when a distance improves; the caller skips stale ones. Among equal keys
 * the order is deterministic (last pushed first within a bucket).
 */
final class RadixHeap {

  private final long[][] bucketKey = new long[65][];
  private final int[][] bucketNode = new int[65][];
  private final int[] bucketSize = new int[65];
  private long last;
  private int size;

  RadixHeap() {
    for (int b = 0; b < 65; b++) {
      bucketKey[b] = new long[16];
      bucketNode[b] = new int[16];
    }
  }

  /** Empties the heap; the next keys may start anywhere at or above 0. */
  void clear() {
    Arrays.fill(bucketSize, 0);
    size = 0;
    last = 0;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Adds an entry; {@code key} must not be below the last key taken or peeked. */
  void push(long key, int node) {
    append(bucketOf(key, last), key, node);
    size++;
  }

  /** Returns the smallest key (stale entries included); the heap must not be empty. */
  long peekKey() {
    if (bucketSize[0] == 0) {
      int b = 1;
      while (bucketSize[b] == 0) {
        b++;
      }
      long[] keys = bucketKey[b];
      int[] nodes = bucketNode[b];
      int n = bucketSize[b];
      long min = keys[0];
      for (int k = 1; k < n; k++) {
        min = Math.min(min, keys[k]);
      }
      last = min;
      bucketSize[b] = 0;
      for (int k = 0; k < n; k++) {
        append(bucketOf(keys[k], min), keys[k], nodes[k]);
      }
    }
    return last;
  }

  /** Takes an entry of the smallest key, which {@link #peekKey()} then returns; returns its node. */
  int pop() {
    peekKey();
    size--;
    return bucketNode[0][--bucketSize[0]];
  }

  private static int bucketOf(long key, long last) {
    return key == last ? 0 : 64 - Long.numberOfLeadingZeros(key ^ last);
  }

  private void append(int b, long key, int node) {
    int n = bucketSize[b];
    if (n == bucketKey[b].length) {
      bucketKey[b] = Arrays.copyOf(bucketKey[b], n * 2);
      bucketNode[b] = Arrays.copyOf(bucketNode[b], n * 2);
    }
    bucketKey[b][n] = key;
    bucketNode[b][n] = node;
    bucketSize[b] = n + 1;
  }
}
