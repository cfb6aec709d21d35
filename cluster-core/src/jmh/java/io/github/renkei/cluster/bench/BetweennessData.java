package io.github.renkei.cluster.bench;

import com.google.common.graph.GraphBuilder;
import com.google.common.graph.ImmutableGraph;
import com.google.common.graph.ImmutableValueGraph;
import com.google.common.graph.ValueGraphBuilder;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * The graphs of the betweenness benchmark (issue 6), the same for every run: {@value #NODES}
 * nodes {@code 0..n-1}, exactly {@value #EDGES} distinct undirected edges, no self-loops, connected,
 * each edge with an integer length 1..{@value #MAX_LENGTH} for the weighted variant. Two shapes:
 *
 * <ul>
 *   <li>{@code uniform}: a random recursive tree (node i &gt; 0 joins a uniformly drawn node
 *       {@code < i}; n − 1 edges, so the graph is connected), then uniformly drawn node pairs
 *       until there are m edges (pairs already present and self-loops are drawn again). Degrees
 *       are close to Poisson, mean 2m/n = 20.</li>
 *   <li>{@code preferential}: Barabási–Albert preferential attachment. A clique of k + 1 = 11
 *       nodes, then every further node joins k = 10 distinct earlier nodes, each drawn with
 *       probability proportional to its degree (55 + 9,989 × 10 = 99,945 edges), then edges
 *       between two degree-proportional nodes until there are m (55 more). A few hubs of degree in the
 *       hundreds, as in a real cluster's network.</li>
 * </ul>
 *
 * <p>The same edges, in the same order, become a Guava {@link ImmutableGraph} and
 * {@link ImmutableValueGraph} and a JGraphT {@link SimpleGraph} and {@link SimpleWeightedGraph};
 * nodes are added first, in order {@code 0..n-1}, in all four.
 */
final class BetweennessData {

  static final int NODES = 10_000;
  static final int EDGES = 100_000;
  static final int MAX_LENGTH = 4;
  static final long SEED = 20_260_601L;
  /** Edges per new node of the {@code preferential} shape. */
  static final int ATTACH = 10;

  final String shape;
  final int n;
  /** Edge e joins {@code u[e]} and {@code v[e]}, with length {@code length[e]}. */
  final int[] u;
  final int[] v;
  final int[] length;

  private BetweennessData(String shape, int n, int[] u, int[] v, int[] length) {
    this.shape = shape;
    this.n = n;
    this.u = u;
    this.v = v;
    this.length = length;
  }

  /** The benchmark graph of a shape: {@value #NODES} nodes, {@value #EDGES} edges. */
  static BetweennessData generate(String shape) {
    return generate(shape, NODES, EDGES, SEED);
  }

  /** Draws a graph; the same arguments always give the same graph. */
  static BetweennessData generate(String shape, int n, int m, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Edges edges = new Edges(n, m);
    switch (shape) {
      case "uniform" -> {
        for (int i = 1; i < n; i++) {
          edges.add(i, rnd.nextInt(i));
        }
        while (edges.size < m) {
          edges.add(rnd.nextInt(n), rnd.nextInt(n));
        }
      }
      case "preferential" -> {
        if (n < ATTACH + 1 || m < (long) ATTACH * (ATTACH + 1) / 2 + (long) (n - ATTACH - 1) * ATTACH) {
          throw new IllegalArgumentException("too few nodes or edges for preferential attachment");
        }
        // every edge end once: a uniform draw from it is a degree-proportional draw of a node
        int[] ends = new int[2 * m];
        int size = 0;
        for (int i = 0; i <= ATTACH; i++) {
          for (int j = 0; j < i; j++) {
            edges.add(i, j);
            ends[size++] = i;
            ends[size++] = j;
          }
        }
        int[] chosen = new int[ATTACH];
        for (int i = ATTACH + 1; i < n; i++) {
          int before = size;
          for (int k = 0; k < ATTACH; k++) {
            int j;
            do {
              j = ends[rnd.nextInt(before)];
            } while (contains(chosen, k, j));
            chosen[k] = j;
          }
          for (int k = 0; k < ATTACH; k++) {
            edges.add(i, chosen[k]);
            ends[size++] = i;
            ends[size++] = chosen[k];
          }
        }
        while (edges.size < m) {
          int a = ends[rnd.nextInt(size)];
          int b = ends[rnd.nextInt(size)];
          if (edges.add(a, b)) {
            ends[size++] = a;
            ends[size++] = b;
          }
        }
      }
      default -> throw new IllegalArgumentException("unknown shape " + shape + "; uniform or preferential");
    }
    int[] length = new int[m];
    SplittableRandom lengths = new SplittableRandom(seed + 1);
    for (int e = 0; e < m; e++) {
      length[e] = 1 + lengths.nextInt(MAX_LENGTH);
    }
    return new BetweennessData(shape, n, edges.u, edges.v, length);
  }

  private static boolean contains(int[] a, int count, int x) {
    for (int i = 0; i < count; i++) {
      if (a[i] == x) {
        return true;
      }
    }
    return false;
  }

  /** Distinct edges without self-loops, in the order they were added. */
  private static final class Edges {
    final int n;
    final int[] u;
    final int[] v;
    final Set<Long> seen;
    int size;

    Edges(int n, int m) {
      this.n = n;
      this.u = new int[m];
      this.v = new int[m];
      this.seen = new HashSet<>(2 * m);
    }

    /** Adds the edge unless it is a self-loop, already present, or the list is full. */
    boolean add(int a, int b) {
      if (a == b || size == u.length || !seen.add((long) Math.min(a, b) * n + Math.max(a, b))) {
        return false;
      }
      u[size] = a;
      v[size] = b;
      size++;
      return true;
    }
  }

  int edges() {
    return u.length;
  }

  /** The unweighted graph, as Guava's immutable undirected graph. */
  ImmutableGraph<Integer> guava() {
    ImmutableGraph.Builder<Integer> b = GraphBuilder.undirected().expectedNodeCount(n).<Integer>immutable();
    for (int i = 0; i < n; i++) {
      b.addNode(i);
    }
    for (int e = 0; e < u.length; e++) {
      b.putEdge(u[e], v[e]);
    }
    return b.build();
  }

  /** The weighted graph: edge values are the lengths, as doubles. */
  ImmutableValueGraph<Integer, Double> guavaWeighted() {
    ImmutableValueGraph.Builder<Integer, Double> b =
        ValueGraphBuilder.undirected().expectedNodeCount(n).<Integer, Double>immutable();
    for (int i = 0; i < n; i++) {
      b.addNode(i);
    }
    for (int e = 0; e < u.length; e++) {
      b.putEdgeValue(u[e], v[e], (double) length[e]);
    }
    return b.build();
  }

  /** The unweighted graph in JGraphT. */
  SimpleGraph<Integer, DefaultEdge> jgrapht() {
    SimpleGraph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
    for (int i = 0; i < n; i++) {
      g.addVertex(i);
    }
    for (int e = 0; e < u.length; e++) {
      g.addEdge(u[e], v[e]);
    }
    return g;
  }

  /** The weighted graph in JGraphT: edge weights are the lengths. */
  SimpleWeightedGraph<Integer, DefaultWeightedEdge> jgraphtWeighted() {
    SimpleWeightedGraph<Integer, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    for (int i = 0; i < n; i++) {
      g.addVertex(i);
    }
    for (int e = 0; e < u.length; e++) {
      g.setEdgeWeight(g.addEdge(u[e], v[e]), length[e]);
    }
    return g;
  }

  /** Degrees of the nodes. */
  int[] degrees() {
    int[] d = new int[n];
    for (int e = 0; e < u.length; e++) {
      d[u[e]]++;
      d[v[e]]++;
    }
    return d;
  }

  /** Connected components, by union-find. */
  int components() {
    int[] parent = new int[n];
    Arrays.setAll(parent, i -> i);
    int count = n;
    for (int e = 0; e < u.length; e++) {
      int a = root(parent, u[e]);
      int b = root(parent, v[e]);
      if (a != b) {
        parent[a] = b;
        count--;
      }
    }
    return count;
  }

  private static int root(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** Shape, size, degree distribution and components. */
  @Override
  public String toString() {
    int[] d = degrees();
    int[] sorted = d.clone();
    Arrays.sort(sorted);
    return String.format("%s: %,d nodes, %,d edges, degree min %d / median %d / p99 %d / max %d, %d component(s)",
        shape, n, u.length, sorted[0], sorted[n / 2], sorted[(int) (n * 0.99)], sorted[n - 1], components());
  }
}
