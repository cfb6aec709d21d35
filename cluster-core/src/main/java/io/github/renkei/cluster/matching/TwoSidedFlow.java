package io.github.renkei.cluster.matching;

import java.util.Arrays;

/**
 * The optimal matchers' solver when requesters have capacities: a maximum-weight b-matching on
 * both sides, solved exactly as a min-cost flow by successive shortest paths with node
 * potentials (Edmonds and Karp, "Theoretical improvements in algorithmic efficiency for network
 * flow problems", JACM 19 (1972); Tomizawa 1971).
 *
 * <h2>Model</h2>
 * source → requester (capacity: what is left of its requester capacity after the locks, or its
 * number of needs if unlimited) → need (capacity 1) → supplier (capacity 1, cost {@code -s} for
 * the quantized score {@code s}) → sink (capacity: what is left of the supplier's capacity).
 * Each unit of flow is a matched need; a flow of minimum cost is a matching of maximum total
 * score under both capacities. For {@link OptimalMatcher#maximizingMatchesThenScore()} every
 * need–supplier arc costs {@code -(B + s)} with {@code B = L·W + 1} for {@code L} needs and the
 * largest quantized score {@code W}: one more match is worth more than any change of score, so
 * the flow is a maximum flow of maximum score.
 *
 * <h2>Algorithm</h2>
 * The network is acyclic, so potentials from one pass in topological order make every reduced
 * cost non-negative. Then, repeatedly, Dijkstra's algorithm (binary heap) finds a shortest path
 * from the source to the sink in the residual network; if it lowers the cost (for the maximum
 * score: adds score; for the most matches: always), one unit is sent along it and the
 * potentials are updated by {@code min(d(v), d(sink))}, which keeps reduced costs non-negative.
 * Successive shortest paths give a flow of minimum cost for every flow value, and that cost is
 * convex in the value, so stopping at the first path that does not lower it is optimal.
 * O(L · (P + V) log V) for L needs, P eligible pairs and V nodes.
 *
 * <h2>Exactness</h2>
 * Scores are quantized exactly as in {@link OptimalMatcher}: integral scores up to
 * 2<sup>30</sup> as they are (then the optimum is exact), others to {@code round(s / max · K)}.
 * Afterwards a need left unmatched is given an eligible supplier with room if its requester has
 * room too (such a pair has quantized score 0, or the flow would have taken it).
 *
 * <p>This class is separate from {@link OptimalMatcher}'s solver, which is tuned for the
 * one-sided case (needs unlimited per requester) and has no requester layer.
 */
final class TwoSidedFlow {

  private static final long INF = Long.MAX_VALUE / 4;

  private final EligibilityGraph g;
  private final RequesterLimits req;
  private final int rows;
  private final int source;
  private final int firstRequester;
  private final int firstNeed;
  private final int firstSupplier;
  private final int sink;
  private final int nodes;

  // the residual network: arc a and its reverse a ^ 1
  private int[] head;
  private int[] nextArc;
  private int[] to;
  private int[] cap;
  private long[] cost;
  private int arcs;
  /** For each eligibility edge, its need → supplier arc. */
  private final int[] arcOfEdge;
  /** For each requester, its source arc; for each supplier, its sink arc. */
  private final int[] requesterArc;
  private final int[] supplierArc;

  private final long[] pi;
  private final long[] dist;
  private final int[] predArc;
  private final boolean[] settled;

  private TwoSidedFlow(EligibilityGraph g, RequesterLimits req) {
    this.g = g;
    this.req = req;
    this.rows = g.rows();
    int requesters = req.requesters();
    source = 0;
    firstRequester = 1;
    firstNeed = firstRequester + requesters;
    firstSupplier = firstNeed + rows;
    sink = firstSupplier + g.suppliers();
    nodes = sink + 1;
    int maxArcs = 2 * (requesters + rows + (int) g.pairCount() + g.suppliers());
    head = new int[nodes];
    Arrays.fill(head, -1);
    nextArc = new int[maxArcs];
    to = new int[maxArcs];
    cap = new int[maxArcs];
    cost = new long[maxArcs];
    arcOfEdge = new int[(int) g.pairCount()];
    requesterArc = new int[requesters];
    supplierArc = new int[g.suppliers()];
    pi = new long[nodes];
    dist = new long[nodes];
    predArc = new int[nodes];
    settled = new boolean[nodes];
  }

  /**
   * Solves the problem of the graph.
   *
   * @param g the eligibility graph
   * @param matchesFirst whether the most matches come first
   * @return for each row its edge, or -1
   */
  static int[] solve(EligibilityGraph g, boolean matchesFirst) {
    TwoSidedFlow f = new TwoSidedFlow(g, RequesterLimits.of(g));
    f.build(matchesFirst);
    return f.run(matchesFirst);
  }

  private void build(boolean matchesFirst) {
    int pairs = (int) g.pairCount();
    long[] q = OptimalMatcher.quantize(g, rows);   // as the one-sided solver quantizes
    long w = 0;
    for (long qe : q) {
      w = Math.max(w, qe);
    }
    long bonus = matchesFirst ? (long) rows * w + 1 : 0;
    int[] needsOf = new int[req.requesters()];
    for (int r = 0; r < rows; r++) {
      needsOf[req.requesterOfRow[r]]++;
    }
    for (int k = 0; k < req.requesters(); k++) {
      requesterArc[k] = addArc(source, firstRequester + k, Math.max(0, Math.min(req.left[k], needsOf[k])), 0);
    }
    for (int r = 0; r < rows; r++) {
      addArc(firstRequester + req.requesterOfRow[r], firstNeed + r, 1, 0);
      for (int e = g.offset[r]; e < g.offset[r + 1]; e++) {
        arcOfEdge[e] = addArc(firstNeed + r, firstSupplier + g.supplier[e], 1, -(bonus + q[e]));
      }
    }
    for (int j = 0; j < g.suppliers(); j++) {
      supplierArc[j] = addArc(firstSupplier + j, sink, Math.max(0, g.capacity[j]), 0);
    }
    // potentials: shortest distances in the acyclic network, layer by layer
    for (int e = 0; e < pairs; e++) {
      int v = firstSupplier + g.supplier[e];
      pi[v] = Math.min(pi[v], cost[arcOfEdge[e]]);
    }
    for (int j = 0; j < g.suppliers(); j++) {
      pi[sink] = Math.min(pi[sink], pi[firstSupplier + j]);
    }
  }

  private int addArc(int from, int target, int capacity, long c) {
    int a = arcs;
    to[a] = target;
    cap[a] = capacity;
    cost[a] = c;
    nextArc[a] = head[from];
    head[from] = a;
    to[a + 1] = from;
    cap[a + 1] = 0;
    cost[a + 1] = -c;
    nextArc[a + 1] = head[target];
    head[target] = a + 1;
    arcs += 2;
    return a;
  }

  private int[] run(boolean matchesFirst) {
    for (int units = 0; units < rows; units++) {
      if (!shortestPath()) {
        break;
      }
      long real = dist[sink] - pi[source] + pi[sink];
      updatePotentials();
      if (!matchesFirst && real >= 0) {
        break;
      }
      for (int v = sink; v != source; v = to[predArc[v] ^ 1]) {
        cap[predArc[v]]--;
        cap[predArc[v] ^ 1]++;
      }
    }
    int[] edgeOfRow = new int[rows];
    Arrays.fill(edgeOfRow, -1);
    for (int r = 0; r < rows; r++) {
      for (int e = g.offset[r]; e < g.offset[r + 1]; e++) {
        if (cap[arcOfEdge[e]] == 0) {
          edgeOfRow[r] = e;
        }
      }
    }
    fillFreeCapacity(edgeOfRow);
    return edgeOfRow;
  }

  /** Dijkstra over reduced costs; returns whether the sink is reachable. */
  private boolean shortestPath() {
    Arrays.fill(dist, INF);
    Arrays.fill(settled, false);
    Heap heap = new Heap(nodes);
    dist[source] = 0;
    heap.push(0, source);
    while (!heap.isEmpty()) {
      long d = heap.topKey();
      int v = heap.pop();
      if (settled[v] || d > dist[v]) {
        continue;
      }
      settled[v] = true;
      if (v == sink) {
        break;
      }
      for (int a = head[v]; a >= 0; a = nextArc[a]) {
        if (cap[a] <= 0) {
          continue;
        }
        int w = to[a];
        long nd = d + cost[a] + pi[v] - pi[w];
        if (nd < dist[w]) {
          dist[w] = nd;
          predArc[w] = a;
          heap.push(nd, w);
        }
      }
    }
    return settled[sink];
  }

  private void updatePotentials() {
    long d = dist[sink];
    for (int v = 0; v < nodes; v++) {
      pi[v] += Math.min(dist[v], d);
    }
  }

  private void fillFreeCapacity(int[] edgeOfRow) {
    for (int r = 0; r < rows; r++) {
      if (edgeOfRow[r] >= 0) {
        continue;
      }
      int ra = requesterArc[req.requesterOfRow[r]];
      if (cap[ra] <= 0) {
        continue;
      }
      for (int e = g.offset[r]; e < g.offset[r + 1]; e++) {
        int sa = supplierArc[g.supplier[e]];
        if (cap[sa] > 0) {
          cap[sa]--;
          cap[ra]--;
          edgeOfRow[r] = e;
          break;
        }
      }
    }
  }

  /** A binary min-heap of (key, node) with lazy deletion; ties by insertion order are not needed. */
  private static final class Heap {
    private long[] keys;
    private int[] vals;
    private int size;

    Heap(int capacity) {
      keys = new long[Math.max(capacity, 4)];
      vals = new int[keys.length];
    }

    boolean isEmpty() {
      return size == 0;
    }

    long topKey() {
      return keys[0];
    }

    void push(long key, int val) {
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        vals = Arrays.copyOf(vals, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (keys[parent] <= key) {
          break;
        }
        keys[i] = keys[parent];
        vals[i] = vals[parent];
        i = parent;
      }
      keys[i] = key;
      vals[i] = val;
    }

    int pop() {
      int top = vals[0];
      size--;
      if (size > 0) {
        long key = keys[size];
        int val = vals[size];
        int i = 0;
        while (true) {
          int child = 2 * i + 1;
          if (child >= size) {
            break;
          }
          if (child + 1 < size && keys[child + 1] < keys[child]) {
            child++;
          }
          if (keys[child] >= key) {
            break;
          }
          keys[i] = keys[child];
          vals[i] = vals[child];
          i = child;
        }
        keys[i] = key;
        vals[i] = val;
      }
      return top;
    }
  }
}
