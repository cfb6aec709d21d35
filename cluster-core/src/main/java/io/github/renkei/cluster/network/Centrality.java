package io.github.renkei.cluster.network;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A score per node — degree, betweenness, closeness, clustering — with rankings. Immutable;
 * nodes keep the graph's order.
 *
 * <pre>{@code
 * Centrality<OrganizationId> b = ClusterNetwork.of(cluster).betweenness();
 * b.value(OrganizationId.of("fmdipo"));
 * b.top(5);          // the five highest, ties by the graph's node order
 * System.out.println(b.table(10));
 * }</pre>
 *
 * @param <N> the node type
 */
public final class Centrality<N> {

  /**
   * One node's score and rank.
   *
   * @param node the node
   * @param value its score
   * @param rank 1 for the highest; equal scores share the better rank
   * @param <N> the node type
   */
  public record Ranked<N>(N node, double value, int rank) {

    /** Returns for example {@code #1 fmdipo=144.3}. */
    @Override
    public String toString() {
      return String.format("#%d %s=%.4g", rank, node, value);
    }
  }

  private final String measure;
  private final ImmutableList<N> nodes;
  private final ImmutableMap<N, Integer> index;
  private final double[] values;

  Centrality(String measure, ImmutableList<N> nodes, ImmutableMap<N, Integer> index, double[] values) {
    this.measure = measure;
    this.nodes = nodes;
    this.index = index;
    this.values = values;
  }

  /**
   * Returns what was measured, for example {@code "betweenness"}.
   *
   * @return the measure's name
   */
  public String measure() {
    return measure;
  }

  /**
   * Returns a node's score.
   *
   * @param node a node of the graph
   * @return its score
   * @throws IllegalArgumentException naming the node if it is not in the graph
   */
  public double value(N node) {
    Integer i = index.get(checkNotNull(node, "node"));
    if (i == null) {
      throw new IllegalArgumentException("'" + node + "' is not a node of the graph");
    }
    return values[i];
  }

  /**
   * Returns every score, in the graph's node order.
   *
   * @return node → score
   */
  public ImmutableMap<N, Double> asMap() {
    ImmutableMap.Builder<N, Double> m = ImmutableMap.builderWithExpectedSize(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      m.put(nodes.get(i), values[i]);
    }
    return m.buildOrThrow();
  }

  /**
   * Returns the number of nodes.
   *
   * @return the count
   */
  public int size() {
    return nodes.size();
  }

  /**
   * Returns the sum of the scores.
   *
   * @return the sum
   */
  public double sum() {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }

  /**
   * Returns the highest score.
   *
   * @return the maximum, 0 for an empty graph
   */
  public double max() {
    double m = values.length == 0 ? 0 : Double.NEGATIVE_INFINITY;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return m;
  }

  /**
   * Returns every node ranked by score, highest first; equal scores keep the graph's node order
   * and share a rank.
   *
   * @return the ranking
   */
  public ImmutableList<Ranked<N>> ranking() {
    Integer[] order = new Integer[values.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -values[i]).thenComparingInt(i -> i));
    ImmutableList.Builder<Ranked<N>> out = ImmutableList.builderWithExpectedSize(order.length);
    int rank = 0;
    for (int k = 0; k < order.length; k++) {
      if (k == 0 || values[order[k]] != values[order[k - 1]]) {
        rank = k + 1;
      }
      out.add(new Ranked<>(nodes.get(order[k]), values[order[k]], rank));
    }
    return out.build();
  }

  /**
   * Returns the highest-scoring nodes.
   *
   * @param k how many, {@code >= 0}
   * @return at most k nodes with their scores
   */
  public ImmutableList<Ranked<N>> top(int k) {
    checkArgument(k >= 0, "k must be >= 0 but was %s", k);
    List<Ranked<N>> all = ranking();
    return ImmutableList.copyOf(all.subList(0, Math.min(k, all.size())));
  }

  /**
   * Returns the top nodes as a fixed-width table: rank, score, node.
   *
   * @param k how many rows
   * @return the table, one line per node
   */
  public String table(int k) {
    StringBuilder s = new StringBuilder(String.format("%4s  %14s  %s%n", "rank", measure, "node"));
    for (Ranked<N> r : top(k)) {
      s.append(String.format("%4d  %14.6g  %s%n", r.rank(), r.value(), r.node()));
    }
    return s.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Centrality<?> c && c.measure.equals(measure) && c.nodes.equals(nodes)
        && Arrays.equals(c.values, values);
  }

  @Override
  public int hashCode() {
    return nodes.hashCode() * 31 + Arrays.hashCode(values);
  }

  /** Returns the measure, the size and the top three. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(measure).append(" of ").append(nodes.size()).append(" nodes, top: ");
    List<Ranked<N>> top = top(3);
    for (int i = 0; i < top.size(); i++) {
      s.append(i > 0 ? ", " : "").append(top.get(i).node()).append(String.format("=%.4g", top.get(i).value()));
    }
    return s.toString();
  }
}
