package io.github.renkei.cluster.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableSet;
import com.google.common.graph.Graph;
import com.google.common.graph.GraphBuilder;
import com.google.common.graph.ImmutableGraph;
import com.google.common.graph.ImmutableValueGraph;
import com.google.common.graph.ValueGraphBuilder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jgrapht.alg.scoring.ClusteringCoefficient;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.Test;

class GraphMeasuresTest {

  /** networkx 3.x on karate_club_graph(): density, average_clustering, transitivity, closeness. */
  @Test
  void karateClubMatchesPublishedValues() {
    ImmutableGraph<Integer> k = KnownGraphs.karate();
    assertEquals(0.13903743315508021, GraphMeasures.density(k), 1e-12);
    assertEquals(0.5706384782076823, GraphMeasures.averageClustering(k), 1e-12);
    assertEquals(0.2556818181818182, GraphMeasures.transitivity(k), 1e-12);
    Centrality<Integer> c = GraphMeasures.closeness(k);
    assertEquals(0.5689655172413793, c.value(0), 1e-12);
    assertEquals(0.55, c.value(33), 1e-12);
    assertEquals(16 / 33.0, GraphMeasures.degree(k).value(0), 1e-12);
    assertEquals(1, GraphMeasures.components(k).size());
  }

  @Test
  void smallGraphs() {
    assertEquals(1.0, GraphMeasures.density(KnownGraphs.complete(5)));
    assertEquals(1.0, GraphMeasures.averageClustering(KnownGraphs.complete(5)));
    assertEquals(0.0, GraphMeasures.transitivity(KnownGraphs.star(5)));
    assertEquals(1.0, GraphMeasures.closeness(KnownGraphs.star(4)).value(0));
    assertEquals(1.0, GraphMeasures.degree(KnownGraphs.star(4)).value(0));
    assertEquals(0.25, GraphMeasures.degree(KnownGraphs.star(4)).value(1));
    // path 0-1-2: from 0, distances 1 and 2
    assertEquals(2 / 3.0, GraphMeasures.closeness(KnownGraphs.path(3)).value(0), 1e-12);
    ImmutableGraph<String> two = GraphBuilder.undirected().<String>immutable()
        .putEdge("a", "b").putEdge("c", "d").putEdge("d", "e").addNode("f").build();
    assertEquals(List.of(ImmutableSet.of("c", "d", "e"), ImmutableSet.of("a", "b"), ImmutableSet.of("f")),
        GraphMeasures.components(two));
    // Wasserman–Faust: a reaches 1 of 5 others at distance 1 → (1/1)·(1/5)
    assertEquals(0.2, GraphMeasures.closeness(two).value("a"), 1e-12);
    assertEquals(0.0, GraphMeasures.closeness(two).value("f"));
    assertEquals(0.0, GraphMeasures.density(GraphBuilder.undirected().<String>immutable().addNode("x").build()));
    ImmutableGraph<String> arc = GraphBuilder.directed().<String>immutable().putEdge("a", "b").build();
    assertEquals(0.5, GraphMeasures.density(arc));
    assertEquals(1.0, GraphMeasures.closeness(arc).value("a"));
    assertEquals(0.0, GraphMeasures.closeness(arc).value("b"));   // reaches nobody along the arc
  }

  @Test
  void closenessByLength() {
    ImmutableValueGraph<String, Double> g = ValueGraphBuilder.undirected().<String, Double>immutable()
        .putEdgeValue("a", "b", 2.0).putEdgeValue("b", "c", 3.0).build();
    assertEquals(2 / 7.0, GraphMeasures.closenessByLength(g).value("a"), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> GraphMeasures.closeness(KnownGraphs.path(3)).value(7));
  }

  @Property(tries = 50)
  void clusteringEqualsJGraphT(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n,
      @ForAll @IntRange(min = 0, max = 150) int m) {
    Graph<Integer> g = BetweennessTest.random(seed, n, m, false);
    SimpleGraph<Integer, DefaultEdge> j = new SimpleGraph<>(DefaultEdge.class);
    g.nodes().forEach(j::addVertex);
    g.edges().forEach(e -> j.addEdge(e.nodeU(), e.nodeV()));
    ClusteringCoefficient<Integer, DefaultEdge> cc = new ClusteringCoefficient<>(j);
    Centrality<Integer> ours = GraphMeasures.clustering(g);
    for (int v : g.nodes()) {
      assertEquals(cc.getVertexScore(v), ours.value(v), 1e-12);
    }
    double global = cc.getGlobalClusteringCoefficient();   // JGraphT gives NaN without triples; we give 0
    assertEquals(Double.isNaN(global) ? 0 : global, GraphMeasures.transitivity(g), 1e-12);
  }

  @Property(tries = 50)
  void componentsPartitionTheNodes(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int n,
      @ForAll @IntRange(min = 0, max = 80) int m, @ForAll boolean directed) {
    Graph<Integer> g = BetweennessTest.random(seed, n, m, directed);
    Set<Integer> seen = new HashSet<>();
    int previous = Integer.MAX_VALUE;
    for (Set<Integer> c : GraphMeasures.components(g)) {
      assertTrue(c.size() <= previous);
      previous = c.size();
      for (int v : c) {
        assertTrue(seen.add(v));
        for (int w : g.adjacentNodes(v)) {
          assertTrue(c.contains(w), "edge " + v + "-" + w + " leaves its component");
        }
      }
    }
    assertEquals(g.nodes(), seen);
    double d = GraphMeasures.density(g);
    assertTrue(d >= 0 && d <= 1);
  }
}
