package io.github.renkei.cluster.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.graph.Graph;
import com.google.common.graph.GraphBuilder;
import com.google.common.graph.ImmutableGraph;
import com.google.common.graph.ImmutableValueGraph;
import com.google.common.graph.ValueGraphBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultUndirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;

class BetweennessTest {

  /**
   * networkx 3.x {@code betweenness_centrality(karate_club_graph())}: normalized 0.43763528,
   * 0.30407497, 0.14524711, 0.14365680, 0.13827561 for members 0, 33, 32, 2, 31; times 528 pairs.
   */
  @Test
  void karateClubMatchesPublishedValues() {
    Centrality<Integer> b = Betweenness.of(KnownGraphs.karate()).compute();
    assertEquals(231.0714, b.value(0), 1e-4);
    assertEquals(160.5516, b.value(33), 1e-4);
    assertEquals(76.6905, b.value(32), 1e-4);
    assertEquals(75.8508, b.value(2), 1e-4);
    assertEquals(73.0095, b.value(31), 1e-4);
    assertEquals(0.0, b.value(11), 0);
    // normalized by (n-1)(n-2)/2 = 528 pairs
    assertEquals(0.43763528, Betweenness.of(KnownGraphs.karate()).normalized().compute().value(0), 1e-8);
    assertEquals(List.of(0, 33, 32, 2, 31), b.top(5).stream().map(Centrality.Ranked::node).toList());
  }

  @Test
  void pathsStarsAndCompleteGraphs() {
    Centrality<Integer> path = Betweenness.of(KnownGraphs.path(5)).compute();
    assertEquals(List.of(0.0, 3.0, 4.0, 3.0, 0.0), List.copyOf(path.asMap().values()));
    assertEquals(45.0, Betweenness.of(KnownGraphs.star(10)).compute().value(0));   // C(10, 2) pairs of leaves
    assertEquals(1.0, Betweenness.of(KnownGraphs.star(10)).normalized().compute().value(0));
    assertEquals(0.0, Betweenness.of(KnownGraphs.complete(6)).compute().max());
    // two shortest paths share the credit: the square a-b-c-d-a
    ImmutableGraph<String> square = GraphBuilder.undirected().<String>immutable()
        .putEdge("a", "b").putEdge("b", "c").putEdge("c", "d").putEdge("d", "a").build();
    assertEquals(0.5, Betweenness.of(square).compute().value("a"));
  }

  @Test
  void directedGraphsCountOrderedPairs() {
    ImmutableGraph<String> chain = GraphBuilder.directed().<String>immutable()
        .putEdge("a", "b").putEdge("b", "c").build();
    assertEquals(1.0, Betweenness.of(chain).compute().value("b"));
    assertEquals(0.5, Betweenness.of(chain).normalized().compute().value("b"));
  }

  @Test
  void weightedGraphsFollowTheShortestLengths() {
    // a-b-c costs 2, a-c costs 5: b carries the a–c pair
    ImmutableValueGraph<String, Double> g = ValueGraphBuilder.undirected().<String, Double>immutable()
        .putEdgeValue("a", "b", 1.0).putEdgeValue("b", "c", 1.0).putEdgeValue("a", "c", 5.0).build();
    assertEquals(1.0, Betweenness.ofLengths(g).compute().value("b"));
    ImmutableValueGraph<String, Double> tie = ValueGraphBuilder.undirected().<String, Double>immutable()
        .putEdgeValue("a", "b", 1.0).putEdgeValue("b", "c", 1.0).putEdgeValue("a", "c", 2.0).build();
    assertEquals(0.5, Betweenness.ofLengths(tie).compute().value("b"));
    ImmutableValueGraph<String, Double> bad = ValueGraphBuilder.undirected().<String, Double>immutable()
        .putEdgeValue("a", "b", -1.0).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Betweenness.ofLengths(bad));
    assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Betweenness.of(KnownGraphs.path(3)).threads(0));
  }

  static Graph<Integer> random(long seed, int n, int m, boolean directed) {
    Random r = new Random(seed);
    var b = (directed ? GraphBuilder.directed() : GraphBuilder.undirected()).allowsSelfLoops(false)
        .<Integer>immutable();
    for (int i = 0; i < n; i++) {
      b.addNode(i);
    }
    for (int k = 0; k < m; k++) {
      int u = r.nextInt(n);
      int v = r.nextInt(n);
      if (u != v) {
        b.putEdge(u, v);
      }
    }
    return b.build();
  }

  @Property(tries = 40)
  void equalsJGraphTOnRandomGraphs(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int n,
      @ForAll @IntRange(min = 0, max = 200) int m, @ForAll boolean directed, @ForAll boolean weighted) {
    Graph<Integer> g = random(seed, n, m, directed);
    Random r = new Random(~seed);
    var jg = directed ? new DefaultDirectedWeightedGraph<Integer, DefaultWeightedEdge>(DefaultWeightedEdge.class)
        : new DefaultUndirectedWeightedGraph<Integer, DefaultWeightedEdge>(DefaultWeightedEdge.class);
    g.nodes().forEach(jg::addVertex);
    var vb = (directed ? ValueGraphBuilder.directed() : ValueGraphBuilder.undirected()).<Integer, Double>immutable();
    g.nodes().forEach(vb::addNode);
    for (var e : g.edges()) {
      double w = weighted ? 1 + r.nextInt(4) : 1.0;   // small integers: many equal-length paths
      jg.setEdgeWeight(jg.addEdge(e.nodeU(), e.nodeV()), w);
      vb.putEdgeValue(e.nodeU(), e.nodeV(), w);
    }
    Map<Integer, Double> expected = new BetweennessCentrality<>(jg, false).getScores();
    Centrality<Integer> ours = weighted ? Betweenness.ofLengths(vb.build()).compute() : Betweenness.of(g).compute();
    for (int v : g.nodes()) {
      assertEquals(expected.get(v), ours.value(v), 1e-9 * Math.max(1, expected.get(v)), "node " + v);
    }
  }

  @Property(tries = 30)
  void undirectedScoresSumToTheExcessPathLengths(@ForAll long seed, @ForAll @IntRange(min = 2, max = 40) int n) {
    // on a connected graph, Σ_v b(v) = Σ_{s<t} (d(s,t) − 1) (each shortest path's inner nodes)
    Graph<Integer> g = connected(seed, n);
    double sum = Betweenness.of(g).compute().sum();
    double excess = 0;
    for (int s = 0; s < n; s++) {
      int[] d = hops(g, s, n);
      for (int t = s + 1; t < n; t++) {
        excess += d[t] - 1;
      }
    }
    assertEquals(excess, sum, 1e-9 * Math.max(1, excess));
  }

  @Property(tries = 30)
  void relabelingNodesPermutesTheScores(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n) {
    Graph<Integer> g = random(seed, n, 3 * n, false);
    List<Integer> perm = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      perm.add(i);
    }
    Collections.shuffle(perm, new Random(seed));
    var b = GraphBuilder.undirected().<Integer>immutable();
    for (int i = n - 1; i >= 0; i--) {
      b.addNode(perm.get(i));   // another node order as well
    }
    g.edges().forEach(e -> b.putEdge(perm.get(e.nodeU()), perm.get(e.nodeV())));
    Centrality<Integer> a = Betweenness.of(g).compute();
    Centrality<Integer> p = Betweenness.of(b.build()).compute();
    for (int v = 0; v < n; v++) {
      assertEquals(a.value(v), p.value(perm.get(v)), 1e-9 * Math.max(1, a.value(v)));
    }
  }

  @Property(tries = 20)
  void threadsDoNotChangeASingleBit(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int n,
      @ForAll @IntRange(min = 2, max = 8) int threads) {
    Graph<Integer> g = random(seed, n, 4 * n, false);
    assertEquals(Betweenness.of(g).compute(), Betweenness.of(g).threads(threads).compute());
  }

  private static Graph<Integer> connected(long seed, int n) {
    Random r = new Random(seed);
    var b = GraphBuilder.undirected().<Integer>immutable();
    b.addNode(0);
    for (int i = 1; i < n; i++) {
      b.putEdge(r.nextInt(i), i);   // a random tree...
    }
    for (int k = 0; k < n; k++) {
      int u = r.nextInt(n);
      int v = r.nextInt(n);
      if (u != v) {
        b.putEdge(u, v);            // ...plus some chords
      }
    }
    return b.build();
  }

  private static int[] hops(Graph<Integer> g, int s, int n) {
    int[] d = new int[n];
    java.util.Arrays.fill(d, -1);
    java.util.ArrayDeque<Integer> q = new java.util.ArrayDeque<>();
    d[s] = 0;
    q.add(s);
    while (!q.isEmpty()) {
      int v = q.poll();
      for (int w : g.adjacentNodes(v)) {
        if (d[w] < 0) {
          d[w] = d[v] + 1;
          q.add(w);
        }
      }
    }
    return d;
  }
}
