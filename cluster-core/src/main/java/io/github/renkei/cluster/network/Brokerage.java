package io.github.renkei.cluster.network;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.graph.Graph;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Brokerage roles of R. V. Gould and R. M. Fernandez, "Structures of mediation: a formal approach
 * to brokerage in transaction networks", Sociological Methodology 19 (1989) 89–126. A node b
 * brokers a two-path a → b → c (a ≠ c) when there is no direct tie a → c; the groups of a, b
 * and c name the role:
 * <ul>
 *   <li><b>coordinator</b>: all three in one group;</li>
 *   <li><b>itinerant</b> (consultant): a and c in one group, b outside it;</li>
 *   <li><b>gatekeeper</b>: b and c in one group, a outside — b controls access to its group;</li>
 *   <li><b>representative</b>: a and b in one group, c outside — b speaks for its group;</li>
 *   <li><b>liaison</b>: three different groups.</li>
 * </ul>
 * For a cluster, groups by prefecture show who links regions; by sector, who links industry,
 * academia and government (産学官). Immutable.
 *
 * <pre>{@code
 * Brokerage b = ClusterNetwork.of(cluster).brokerage(Organization::sector);
 * b.roles(OrganizationId.of("fmdipo")).liaison();
 * b.top(5);
 * Brokerage.of(graph, node -> group.get(node));   // any Guava graph
 * }</pre>
 */
public final class Brokerage {

  /**
   * The brokerage counts of one node.
   *
   * @param coordinator two-paths brokered within its own group
   * @param itinerant between two members of another group
   * @param gatekeeper from another group into its own
   * @param representative from its own group to another
   * @param liaison between two other, different groups
   */
  public record Roles(long coordinator, long itinerant, long gatekeeper, long representative, long liaison) {

    /**
     * Returns all brokered two-paths.
     *
     * @return the sum of the five roles
     */
    public long total() {
      return coordinator + itinerant + gatekeeper + representative + liaison;
    }
  }

  private final ImmutableMap<Object, Roles> roles;

  private Brokerage(ImmutableMap<Object, Roles> roles) {
    this.roles = roles;
  }

  /**
   * Computes the roles on a directed graph.
   *
   * @param graph a directed graph
   * @param group the group of each node
   * @param <N> the node type
   * @return the roles of every node
   * @throws IllegalArgumentException if the graph is undirected or a group is null
   */
  public static <N> Brokerage of(Graph<N> graph, Function<? super N, ?> group) {
    checkNotNull(graph, "graph");
    checkNotNull(group, "group");
    IndexedGraph<N> g = IndexedGraph.of(graph);
    Object[] groups = new Object[g.n];
    for (int i = 0; i < g.n; i++) {
      groups[i] = group.apply(g.nodes.get(i));
      checkArgument(groups[i] != null, "the group of '%s' is null", g.nodes.get(i));
    }
    return compute(graph, g, List.of(groups));
  }

  static <N> Brokerage of(Graph<N> graph, List<Object> groups) {
    return compute(graph, IndexedGraph.of(graph), groups);
  }

  private static <N> Brokerage compute(Graph<N> graph, IndexedGraph<N> g, List<Object> groups) {
    checkArgument(graph.isDirected(), "brokerage needs a directed graph");
    ImmutableMap.Builder<Object, Roles> out = ImmutableMap.builderWithExpectedSize(g.n);
    boolean[] out0 = new boolean[g.n];
    for (int b = 0; b < g.n; b++) {
      long[] r = new long[5];
      Object gb = groups.get(b);
      for (int i = g.inStart[b]; i < g.inStart[b + 1]; i++) {
        int a = g.inSource[i];
        // mark a's direct targets, to skip closed triads a → c
        for (int e = g.outStart[a]; e < g.outStart[a + 1]; e++) {
          out0[g.outTarget[e]] = true;
        }
        Object ga = groups.get(a);
        for (int j = g.outStart[b]; j < g.outStart[b + 1]; j++) {
          int c = g.outTarget[j];
          if (c == a || out0[c]) {
            continue;
          }
          Object gc = groups.get(c);
          boolean ab = ga.equals(gb);
          boolean bc = gb.equals(gc);
          boolean ac = ga.equals(gc);
          if (ab && bc) {
            r[0]++;
          } else if (ac) {
            r[1]++;
          } else if (bc) {
            r[2]++;
          } else if (ab) {
            r[3]++;
          } else {
            r[4]++;
          }
        }
        for (int e = g.outStart[a]; e < g.outStart[a + 1]; e++) {
          out0[g.outTarget[e]] = false;
        }
      }
      out.put(g.nodes.get(b), new Roles(r[0], r[1], r[2], r[3], r[4]));
    }
    return new Brokerage(out.buildOrThrow());
  }

  /**
   * Returns a node's roles.
   *
   * @param node a node of the graph
   * @return its counts
   * @throws IllegalArgumentException naming the node if it is not in the graph
   */
  public Roles roles(Object node) {
    Roles r = roles.get(checkNotNull(node, "node"));
    if (r == null) {
      throw new IllegalArgumentException("'" + node + "' is not a node of the graph");
    }
    return r;
  }

  /**
   * Returns every node's roles, in the graph's order.
   *
   * @return node → roles
   */
  public ImmutableMap<Object, Roles> asMap() {
    return roles;
  }

  /**
   * Returns the nodes that broker most, by total, ties in the graph's order.
   *
   * @param k how many, {@code >= 0}
   * @return at most k entries
   */
  public ImmutableList<Map.Entry<Object, Roles>> top(int k) {
    checkArgument(k >= 0, "k must be >= 0 but was %s", k);
    return roles.entrySet().stream()
        .sorted((x, y) -> Long.compare(y.getValue().total(), x.getValue().total()))
        .limit(k)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the top brokers as a table of the five roles.
   *
   * @param k how many rows
   * @return the table
   */
  public String table(int k) {
    StringBuilder s = new StringBuilder(String.format("%-28s %11s %9s %10s %14s %7s%n", "node", "coordinator",
        "itinerant", "gatekeeper", "representative", "liaison"));
    for (Map.Entry<Object, Roles> e : top(k)) {
      Roles r = e.getValue();
      s.append(String.format("%-28s %11d %9d %10d %14d %7d%n", e.getKey(), r.coordinator(), r.itinerant(),
          r.gatekeeper(), r.representative(), r.liaison()));
    }
    return s.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Brokerage b && b.roles.equals(roles);
  }

  @Override
  public int hashCode() {
    return roles.hashCode();
  }

  /** Returns the number of nodes and the top broker. */
  @Override
  public String toString() {
    List<Map.Entry<Object, Roles>> top = top(1);
    return "Brokerage[" + roles.size() + " nodes" + (top.isEmpty() ? "" : ", top " + top.get(0)) + "]";
  }
}
