package io.github.renkei.cluster.network;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.graph.EndpointPair;
import com.google.common.graph.Graph;
import com.google.common.graph.ValueGraph;
import java.util.Arrays;

/**
 * A Guava graph packed into arrays for the algorithms: nodes numbered in the graph's iteration
 * order, out- and in-adjacency in compressed sparse rows sorted by neighbour number, edge lengths.
 * Self-loops are left out (no shortest path uses them). For an undirected graph each edge
 * appears in both directions and the in-adjacency is the out-adjacency.
 */
final class IndexedGraph<N> {

  final ImmutableList<N> nodes;
  final ImmutableMap<N, Integer> index;
  final boolean directed;
  final boolean weighted;
  final int n;
  final int[] outStart;
  final int[] outTarget;
  final double[] outLength;
  final int[] inStart;
  final int[] inSource;
  final double[] inLength;

  private IndexedGraph(Counter<N> c, boolean directed, boolean weighted) {
    int[] from = c.from;
    int[] to = c.to;
    double[] length = c.length;
    int m = c.m;
    this.nodes = c.nodes;
    this.index = c.index;
    this.directed = directed;
    this.weighted = weighted;
    this.n = nodes.size();
    int[] f = from;
    int[] t = to;
    double[] l = length;
    int edges = m;
    if (!directed) {
      f = Arrays.copyOf(from, 2 * m);
      t = Arrays.copyOf(to, 2 * m);
      l = Arrays.copyOf(length, 2 * m);
      System.arraycopy(to, 0, f, m, m);
      System.arraycopy(from, 0, t, m, m);
      System.arraycopy(length, 0, l, m, m);
      edges = 2 * m;
    }
    this.outStart = new int[n + 1];
    this.outTarget = new int[edges];
    this.outLength = new double[edges];
    fill(f, t, l, edges, outStart, outTarget, outLength);
    if (directed) {
      this.inStart = new int[n + 1];
      this.inSource = new int[edges];
      this.inLength = new double[edges];
      fill(t, f, l, edges, inStart, inSource, inLength);
    } else {
      this.inStart = outStart;
      this.inSource = outTarget;
      this.inLength = outLength;
    }
  }

  /** Counting sort by row, then by column within a row, so neighbours come in index order. */
  private void fill(int[] row, int[] col, double[] len, int m, int[] start, int[] target, double[] length) {
    // sort by column first (stable counting sort), then by row: rows end up sorted by column
    int[] byCol = countingOrder(col, m, null);
    int[] order = countingOrder(row, m, byCol);
    for (int e = 0; e < m; e++) {
      start[row[e] + 1]++;
    }
    for (int v = 0; v < n; v++) {
      start[v + 1] += start[v];
    }
    for (int i = 0; i < m; i++) {
      int e = order[i];
      target[i] = col[e];
      length[i] = len[e];
    }
  }

  private int[] countingOrder(int[] key, int m, int[] within) {
    int[] count = new int[n + 1];
    for (int e = 0; e < m; e++) {
      count[key[e] + 1]++;
    }
    for (int v = 0; v < n; v++) {
      count[v + 1] += count[v];
    }
    int[] order = new int[m];
    for (int i = 0; i < m; i++) {
      int e = within == null ? i : within[i];
      order[count[key[e]]++] = e;
    }
    return order;
  }

  /** Packs an unweighted graph: every edge has length 1. */
  static <N> IndexedGraph<N> of(Graph<N> graph) {
    ImmutableList<N> nodes = ImmutableList.copyOf(graph.nodes());
    Counter<N> c = new Counter<>(nodes, graph.edges().size());
    for (EndpointPair<N> e : graph.edges()) {
      c.add(e.nodeU(), e.nodeV(), 1.0);
    }
    return new IndexedGraph<>(c, graph.isDirected(), false);
  }

  /**
   * Packs a graph whose edge values are lengths.
   *
   * @throws IllegalArgumentException naming the edge if a length is not finite and positive
   */
  static <N> IndexedGraph<N> of(ValueGraph<N, ? extends Number> graph) {
    ImmutableList<N> nodes = ImmutableList.copyOf(graph.nodes());
    Counter<N> c = new Counter<>(nodes, graph.edges().size());
    for (EndpointPair<N> e : graph.edges()) {
      double length = graph.edgeValueOrDefault(e.nodeU(), e.nodeV(), null).doubleValue();
      if (!(length > 0) || !Double.isFinite(length)) {
        throw new IllegalArgumentException("the edge " + e + " has length " + length
            + "; lengths must be finite and > 0");
      }
      c.add(e.nodeU(), e.nodeV(), length);
    }
    return new IndexedGraph<>(c, graph.isDirected(), true);
  }

  /** Collects edges as index arrays, skipping self-loops. */
  private static final class Counter<N> {
    final ImmutableList<N> nodes;
    final ImmutableMap<N, Integer> index;
    final int[] from;
    final int[] to;
    final double[] length;
    int m;

    Counter(ImmutableList<N> nodes, int edges) {
      this.nodes = nodes;
      ImmutableMap.Builder<N, Integer> ix = ImmutableMap.builderWithExpectedSize(nodes.size());
      for (int i = 0; i < nodes.size(); i++) {
        ix.put(nodes.get(i), i);
      }
      index = ix.buildOrThrow();
      from = new int[edges];
      to = new int[edges];
      length = new double[edges];
    }

    void add(N u, N v, double len) {
      int a = index.get(u);
      int b = index.get(v);
      if (a != b) {
        from[m] = a;
        to[m] = b;
        length[m] = len;
        m++;
      }
    }
  }

  int node(N node) {
    Integer i = index.get(node);
    if (i == null) {
      throw new IllegalArgumentException("'" + node + "' is not a node of the graph");
    }
    return i;
  }
}
