package io.github.renkei.cluster.network;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.graph.Graph;
import com.google.common.graph.ValueGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Classic measures of a graph: degree, closeness, density, clustering, components. Any Guava
 * {@link Graph} works — a cluster's views ({@link ClusterNetwork}) or a graph of the user's own.
 * Self-loops are ignored; parallel edges count once.
 *
 * <pre>{@code
 * GraphMeasures.density(graph);
 * GraphMeasures.closeness(graph).top(5);
 * GraphMeasures.averageClustering(graph);
 * GraphMeasures.components(graph);      // largest first
 * }</pre>
 *
 * <p>References: S. Wasserman and K. Faust, <i>Social Network Analysis</i> (1994), §4.3
 * (degree, closeness, density); D. J. Watts and S. H. Strogatz, "Collective dynamics of
 * 'small-world' networks", Nature 393 (1998) 440–442 (local clustering).
 */
public final class GraphMeasures {

  private GraphMeasures() {}

  /**
   * Degree centrality: for each node the number of distinct neighbours (in either direction),
   * divided by {@code n − 1}.
   *
   * @param graph the graph
   * @param <N> the node type
   * @return the normalized degree of each node (0 for a graph of one node)
   */
  public static <N> Centrality<N> degree(Graph<N> graph) {
    IndexedGraph<N> g = IndexedGraph.of(checkNotNull(graph, "graph"));
    int[][] adj = undirectedNeighbours(g);
    double[] d = new double[g.n];
    for (int v = 0; v < g.n; v++) {
      d[v] = g.n > 1 ? adj[v].length / (double) (g.n - 1) : 0;
    }
    return new Centrality<>("degree", g.nodes, g.index, d);
  }

  /**
   * Closeness centrality with the Wasserman–Faust correction for disconnected graphs: for a node
   * that reaches r − 1 others at total distance D (following edge directions, hops),
   * {@code ((r − 1) / D) · ((r − 1) / (n − 1))}; 0 if it reaches none. This is networkx's
   * {@code closeness_centrality(wf_improved=True)} on outgoing distances.
   *
   * @param graph the graph
   * @param <N> the node type
   * @return the closeness of each node
   */
  public static <N> Centrality<N> closeness(Graph<N> graph) {
    return closeness(IndexedGraph.of(checkNotNull(graph, "graph")));
  }

  /**
   * Closeness centrality on a graph whose edge values are lengths; as
   * {@link #closeness(Graph)} with shortest-path lengths for distances.
   *
   * @param graph the graph; every edge value finite and {@code > 0}
   * @param <N> the node type
   * @return the closeness of each node
   */
  public static <N> Centrality<N> closenessByLength(ValueGraph<N, ? extends Number> graph) {
    return closeness(IndexedGraph.of(checkNotNull(graph, "graph")));
  }

  private static <N> Centrality<N> closeness(IndexedGraph<N> g) {
    int n = g.n;
    double[] c = new double[n];
    double[] dist = new double[n];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    int[] order = new int[n];
    MinHeap heap = new MinHeap(n, dist);
    for (int s = 0; s < n; s++) {
      int reached = 0;
      dist[s] = 0;
      heap.push(s);
      double sum = 0;
      while (!heap.isEmpty()) {
        int v = heap.pop();
        order[reached++] = v;
        sum += dist[v];
        for (int e = g.outStart[v]; e < g.outStart[v + 1]; e++) {
          int w = g.outTarget[e];
          double alt = dist[v] + g.outLength[e];
          if (alt < dist[w]) {
            boolean fresh = dist[w] == Double.POSITIVE_INFINITY;
            dist[w] = alt;
            if (fresh) {
              heap.push(w);
            } else {
              heap.decreased(w);
            }
          }
        }
      }
      int others = reached - 1;
      c[s] = others > 0 && sum > 0 ? (others / sum) * (others / (double) (n - 1)) : 0;
      for (int i = 0; i < reached; i++) {
        dist[order[i]] = Double.POSITIVE_INFINITY;
      }
    }
    return new Centrality<>("closeness", g.nodes, g.index, c);
  }

  /**
   * The density: distinct edges over possible edges, {@code m / (n(n − 1))} for a directed
   * graph and {@code 2m / (n(n − 1))} for an undirected one.
   *
   * @param graph the graph
   * @return the density in [0, 1]; 0 for fewer than two nodes
   */
  public static double density(Graph<?> graph) {
    IndexedGraph<?> g = IndexedGraph.of(checkNotNull(graph, "graph"));
    long n = g.n;
    if (n < 2) {
      return 0;
    }
    long edges = distinctEdges(g);
    return graph.isDirected() ? edges / (double) (n * (n - 1)) : 2.0 * edges / (n * (n - 1));
  }

  private static long distinctEdges(IndexedGraph<?> g) {
    long m = 0;
    for (int v = 0; v < g.n; v++) {
      int previous = -1;
      for (int e = g.outStart[v]; e < g.outStart[v + 1]; e++) {
        if (g.outTarget[e] != previous) {
          m++;
          previous = g.outTarget[e];
        }
      }
    }
    return g.directed ? m : m / 2;
  }

  /**
   * Local clustering coefficients of the graph taken as undirected: for a node with k distinct
   * neighbours, the share of the k(k − 1)/2 pairs of them that are tied; 0 if k &lt; 2.
   *
   * @param graph the graph
   * @param <N> the node type
   * @return each node's coefficient
   */
  public static <N> Centrality<N> clustering(Graph<N> graph) {
    IndexedGraph<N> g = IndexedGraph.of(checkNotNull(graph, "graph"));
    int[][] adj = undirectedNeighbours(g);
    double[] c = new double[g.n];
    long[] triangles = triangles(adj);
    for (int v = 0; v < g.n; v++) {
      long k = adj[v].length;
      c[v] = k < 2 ? 0 : triangles[v] / (k * (k - 1) / 2.0);
    }
    return new Centrality<>("clustering", g.nodes, g.index, c);
  }

  /**
   * The average of the local clustering coefficients over all nodes (nodes with fewer than two
   * neighbours count as 0, as in Watts and Strogatz and networkx).
   *
   * @param graph the graph
   * @return the average, 0 for an empty graph
   */
  public static double averageClustering(Graph<?> graph) {
    Centrality<?> c = clustering(graph);
    return c.size() == 0 ? 0 : c.sum() / c.size();
  }

  /**
   * The transitivity (global clustering): three times the triangles over the connected triples
   * of the graph taken as undirected.
   *
   * @param graph the graph
   * @return the transitivity, 0 if there are no triples
   */
  public static double transitivity(Graph<?> graph) {
    IndexedGraph<?> g = IndexedGraph.of(checkNotNull(graph, "graph"));
    int[][] adj = undirectedNeighbours(g);
    long[] t = triangles(adj);
    long closed = 0;
    long triples = 0;
    for (int v = 0; v < g.n; v++) {
      closed += t[v];
      long k = adj[v].length;
      triples += k * (k - 1) / 2;
    }
    return triples == 0 ? 0 : (double) closed / triples;
  }

  /**
   * The connected components of the graph taken as undirected (weak components of a directed
   * graph), largest first, equal sizes in the order of their first node.
   *
   * @param graph the graph
   * @param <N> the node type
   * @return the components; each lists its nodes in the graph's order
   */
  public static <N> ImmutableList<ImmutableSet<N>> components(Graph<N> graph) {
    IndexedGraph<N> g = IndexedGraph.of(checkNotNull(graph, "graph"));
    int[][] adj = undirectedNeighbours(g);
    int[] component = new int[g.n];
    Arrays.fill(component, -1);
    List<List<Integer>> found = new ArrayList<>();
    int[] stack = new int[g.n];
    for (int s = 0; s < g.n; s++) {
      if (component[s] >= 0) {
        continue;
      }
      int id = found.size();
      List<Integer> members = new ArrayList<>();
      int top = 0;
      stack[top++] = s;
      component[s] = id;
      while (top > 0) {
        int v = stack[--top];
        members.add(v);
        for (int w : adj[v]) {
          if (component[w] < 0) {
            component[w] = id;
            stack[top++] = w;
          }
        }
      }
      members.sort(null);
      found.add(members);
    }
    found.sort((a, b) -> a.size() != b.size() ? Integer.compare(b.size(), a.size())
        : Integer.compare(a.get(0), b.get(0)));
    ImmutableList.Builder<ImmutableSet<N>> out = ImmutableList.builder();
    for (List<Integer> members : found) {
      ImmutableSet.Builder<N> set = ImmutableSet.builderWithExpectedSize(members.size());
      members.forEach(i -> set.add(g.nodes.get(i)));
      out.add(set.build());
    }
    return out.build();
  }

  /** Distinct neighbours in either direction, sorted, without self. */
  static int[][] undirectedNeighbours(IndexedGraph<?> g) {
    int[][] adj = new int[g.n][];
    int[] buffer = new int[2 * g.n];   // out- plus in-neighbours of a simple graph
    for (int v = 0; v < g.n; v++) {
      int k = 0;
      for (int e = g.outStart[v]; e < g.outStart[v + 1]; e++) {
        buffer[k++] = g.outTarget[e];
      }
      if (g.directed) {
        for (int e = g.inStart[v]; e < g.inStart[v + 1]; e++) {
          buffer[k++] = g.inSource[e];
        }
      }
      int[] a = Arrays.copyOf(buffer, k);
      Arrays.sort(a);
      int d = 0;
      for (int i = 0; i < a.length; i++) {
        if ((i == 0 || a[i] != a[i - 1]) && a[i] != v) {
          a[d++] = a[i];
        }
      }
      adj[v] = Arrays.copyOf(a, d);
    }
    return adj;
  }

  /** Triangles through each node, by merging sorted neighbour lists of higher-numbered pairs. */
  private static long[] triangles(int[][] adj) {
    long[] t = new long[adj.length];
    for (int u = 0; u < adj.length; u++) {
      for (int v : adj[u]) {
        if (v <= u) {
          continue;
        }
        int[] a = adj[u];
        int[] b = adj[v];
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
          if (a[i] < b[j]) {
            i++;
          } else if (a[i] > b[j]) {
            j++;
          } else {
            int w = a[i];
            if (w > v) {
              t[u]++;
              t[v]++;
              t[w]++;
            }
            i++;
            j++;
          }
        }
      }
    }
    return t;
  }
}
