package io.github.renkei.cluster.matching;

import java.util.Arrays;

/**
 * Test-only oracle: the optimal matcher's solver as it was before issue 16 (one-sided Dijkstra
 * per need, commit 2080a68), kept verbatim to check the bidirectional solver against on larger
 * random instances than brute force can take.
 */
final class SspOracle {

  private SspOracle() {}

  /**
   * Solves a graph with the old solver.
   *
   * @param g the eligibility graph
   * @param matchesFirst whether to serve the most needs first
   * @return the edge of each row, or -1
   */
  static int[] solve(EligibilityGraph g, boolean matchesFirst) {
    return new Solver(g, matchesFirst).solve();
  }

  /** One run of successive shortest paths. Not thread-safe; one per call. */
  static final class Solver {
    private static final long MAX_Q = 1L << 30;

    private final int rows;
    private final int suppliers;
    private final int sink;
    private final int[] offset;
    private final int[] supplierOf;
    private final long[] cost;
    private final long dummyCost;
    private final int[] capacity;

    // the flow
    private final int[] matchEdge;
    private final boolean[] onDummy;
    private final int[] load;
    private final int[] slotStart;
    private final int[] slots;
    private final int[] slotOfRow;
    private final long[] pi;

    // Dijkstra state, reused across searches
    private final long[] dist;
    private final int[] reached;
    private final int[] settled;
    private final int[] predNode;
    private final int[] predEdge;
    private final int[] settledList;
    private int settledCount;
    private int epoch;
    private boolean sinkViaDummy;
    /**
     * A radix heap (Ahuja, Mehlhorn, Orlin and Tarjan, "Faster algorithms for the shortest path
     * problem", JACM 37 (1990)): Dijkstra's keys never fall below the last one taken, so a key
     * goes to the bucket of the highest bit in which it differs from that one. Pushing is an
     * append; taking redistributes one bucket. Entries are not removed when a distance
     * improves; stale ones are skipped.
     */
    private final long[][] bucketKey = new long[65][];
    private final int[][] bucketNode = new int[65][];
    private final int[] bucketSize = new int[65];
    private long last;
    private int queued;

    Solver(EligibilityGraph g, boolean matchesFirst) {
      rows = g.rows();
      suppliers = g.suppliers();
      sink = rows + suppliers;
      offset = g.offset;
      supplierOf = g.supplier;
      capacity = g.capacity;
      int pairs = supplierOf.length;
      double maxScore = 0;
      boolean integral = true;
      for (double s : g.score) {
        maxScore = Math.max(maxScore, s);
        integral &= s == Math.rint(s);
      }
      long limit = Math.min(MAX_Q, (1L << 60) / (4L * (rows + 2)));
      boolean asGiven = integral && maxScore <= limit;
      long[] q = new long[pairs];
      long w = 0;
      for (int e = 0; e < pairs; e++) {
        // s / max lies in [0, 1] whatever the magnitude; a factor limit / max would overflow to
        // infinity for max below about 6e-300 (and lose every score to 0 at the other end)
        q[e] = asGiven ? (long) g.score[e] : Math.round(g.score[e] / maxScore * limit);
        w = Math.max(w, q[e]);
      }
      cost = new long[pairs];
      for (int e = 0; e < pairs; e++) {
        cost[e] = w - q[e];
      }
      dummyCost = matchesFirst ? (long) rows * w + 1 : w;

      matchEdge = new int[rows];
      Arrays.fill(matchEdge, -1);
      onDummy = new boolean[rows];
      load = new int[suppliers];
      int[] degree = new int[suppliers];
      for (int s : supplierOf) {
        degree[s]++;
      }
      slotStart = new int[suppliers + 1];
      for (int j = 0; j < suppliers; j++) {
        slotStart[j + 1] = slotStart[j] + Math.min(Math.max(capacity[j], 0), degree[j]);
      }
      slots = new int[slotStart[suppliers]];
      slotOfRow = new int[rows];
      pi = new long[rows + suppliers + 1];

      int nodes = rows + suppliers + 1;
      dist = new long[nodes];
      reached = new int[nodes];
      settled = new int[nodes];
      predNode = new int[nodes];
      predEdge = new int[nodes];
      settledList = new int[nodes];
      for (int b = 0; b < 65; b++) {
        bucketKey[b] = new long[16];
        bucketNode[b] = new int[16];
      }
    }

    int[] solve() {
      boolean[] done = new boolean[rows];
      warmStart(done);
      for (int r = 0; r < rows; r++) {
        if (!done[r]) {
          augmentFrom(r);
        }
      }
      fillFreeCapacity();
      return matchEdge.clone();
    }

    /** Assigns each need to a best supplier that has room, with tight potentials. */
    private void warmStart(boolean[] done) {
      for (int r = 0; r < rows; r++) {
        int best = -1;
        long bestCost = Long.MAX_VALUE;
        for (int e = offset[r]; e < offset[r + 1]; e++) {
          if (cost[e] < bestCost) {
            bestCost = cost[e];
            best = e;
          }
        }
        long m = Math.min(bestCost, dummyCost);
        pi[r] = -m;
        if (best >= 0 && bestCost <= dummyCost) {
          int j = supplierOf[best];
          if (load[j] < capacity[j]) {
            assign(r, best, slotStart[j] + load[j]);
            load[j]++;
            done[r] = true;
          }
        } else {
          onDummy[r] = true;
          done[r] = true;
        }
      }
    }

    private void assign(int row, int edge, int slot) {
      matchEdge[row] = edge;
      onDummy[row] = false;
      slots[slot] = row;
      slotOfRow[row] = slot;
    }

    /** Gives needs left unmatched any eligible supplier with room (score 0 after quantization). */
    private void fillFreeCapacity() {
      for (int r = 0; r < rows; r++) {
        if (matchEdge[r] >= 0) {
          continue;
        }
        for (int e = offset[r]; e < offset[r + 1]; e++) {
          int j = supplierOf[e];
          if (load[j] < capacity[j]) {
            assign(r, e, slotStart[j] + load[j]);
            load[j]++;
            break;
          }
        }
      }
    }

    private void augmentFrom(int start) {
      epoch++;
      settledCount = 0;
      Arrays.fill(bucketSize, 0);
      queued = 0;
      last = 0;
      relax(start, 0, -1, -1);
      while (queued > 0) {
        int v = popQueue();
        long d = last;
        if (settled[v] == epoch || d > dist[v]) {
          continue;
        }
        settled[v] = epoch;
        if (v == sink) {
          break;
        }
        settledList[settledCount++] = v;
        if (v < rows) {
          expandRow(v, d);
        } else {
          expandSupplier(v - rows, d);
        }
      }
      long dSink = dist[sink];
      for (int k = 0; k < settledCount; k++) {
        int v = settledList[k];
        pi[v] += dist[v] - dSink;
      }
      flipPath(start);
    }

    private void expandRow(int r, long d) {
      long pr = pi[r];
      int own = matchEdge[r];
      for (int e = offset[r]; e < offset[r + 1]; e++) {
        if (e == own) {
          continue;
        }
        int node = rows + supplierOf[e];
        relax(node, d + cost[e] + pr - pi[node], r, e);
      }
      if (!onDummy[r]) {
        long nd = d + dummyCost + pr - pi[sink];
        if (relax(sink, nd, r, -1)) {
          sinkViaDummy = true;
        }
      }
    }

    private void expandSupplier(int j, long d) {
      int node = rows + j;
      long pj = pi[node];
      if (load[j] < capacity[j]) {
        if (relax(sink, d + pj - pi[sink], node, -1)) {
          sinkViaDummy = false;
        }
      }
      for (int s = slotStart[j], end = slotStart[j] + load[j]; s < end; s++) {
        int k = slots[s];
        relax(k, d - cost[matchEdge[k]] + pj - pi[k], node, -1);
      }
    }

    /** Records a shorter distance; ties keep the first, so searches are deterministic. */
    private boolean relax(int v, long nd, int from, int edge) {
      // a node no nearer than the best path to the sink found so far cannot lie on a shorter one
      if (v != sink && reached[sink] == epoch && nd >= dist[sink]) {
        return false;
      }
      if (reached[v] != epoch || nd < dist[v]) {
        if (settled[v] == epoch) {
          return false;
        }
        reached[v] = epoch;
        dist[v] = nd;
        predNode[v] = from;
        predEdge[v] = edge;
        push(nd, v);
        return true;
      }
      return false;
    }

    /** Applies the augmenting path that ends at the sink. */
    private void flipPath(int start) {
      int v = predNode[sink];
      int pendingSlot;
      if (sinkViaDummy) {
        int row = v;
        if (row == start) {
          onDummy[row] = true;
          return;
        }
        int j = supplierOf[matchEdge[row]];
        pendingSlot = slotOfRow[row];
        matchEdge[row] = -1;
        onDummy[row] = true;
        v = rows + j;
      } else {
        int j = v - rows;
        pendingSlot = slotStart[j] + load[j];
        load[j]++;
      }
      while (true) {
        int row = predNode[v];
        int edge = predEdge[v];
        int oldSlot = slotOfRow[row];
        boolean wasStart = row == start;
        assign(row, edge, pendingSlot);
        if (wasStart) {
          return;
        }
        v = predNode[row];
        pendingSlot = oldSlot;
      }
    }

    private static int bucketOf(long key, long last) {
      return key == last ? 0 : 64 - Long.numberOfLeadingZeros(key ^ last);
    }

    private void push(long key, int node) {
      append(bucketOf(key, last), key, node);
      queued++;
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

    /** Takes an entry of the smallest key (sets {@link #last} to it) and returns its node. */
    private int popQueue() {
      if (bucketSize[0] == 0) {
        int b = 1;
        while (bucketSize[b] == 0) {
          b++;
        }
        long[] keys = bucketKey[b];
        int[] nodesOfB = bucketNode[b];
        int n = bucketSize[b];
        long min = keys[0];
        for (int k = 1; k < n; k++) {
          min = Math.min(min, keys[k]);
        }
        last = min;
        bucketSize[b] = 0;
        for (int k = 0; k < n; k++) {
          append(bucketOf(keys[k], min), keys[k], nodesOfB[k]);
        }
      }
      queued--;
      return bucketNode[0][--bucketSize[0]];
    }

  }
}
