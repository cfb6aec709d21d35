package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A score and what it is made of: each component's contribution (already weighted) in the
 * order the scorer lists them. The total is the sum of the contributions. Immutable and
 * thread-safe; two breakdowns are equal when their totals and their maps of contributions are.
 *
 * <p>A breakdown of a {@link WeightedScorer} keeps its contributions as the scorer's shared
 * names and one array of numbers, and makes the map of {@link #components()} when it is first
 * asked for: shortlists hold hundreds of thousands of breakdowns, and six boxed numbers in a
 * hash map each would make them several times larger.
 */
public final class ScoreBreakdown {

  private final double total;
  /** The components' names, in order; shared with the scorer, never changed. */
  private final String[] names;
  /** The contributions, in the order of {@link #names}; never changed. */
  private final double[] values;
  /** The map of contributions; made on first use (racy single check: every thread makes an equal one). */
  private volatile ImmutableMap<String, Double> components;

  /**
   * A breakdown of contributions.
   *
   * @param total the score
   * @param components the weighted contribution of each component, by name, in order
   */
  public ScoreBreakdown(double total, ImmutableMap<String, Double> components) {
    checkNotNull(components, "components");
    this.total = total;
    this.names = components.keySet().toArray(new String[0]);
    this.values = components.values().stream().mapToDouble(Double::doubleValue).toArray();
    this.components = components;
  }

  private ScoreBreakdown(double total, String[] names, double[] values) {
    this.total = total;
    this.names = names;
    this.values = values;
  }

  /**
   * A breakdown over a scorer's shared component names, kept as they are (not copied).
   *
   * @param total the score
   * @param names the components' names, distinct, in order; never changed afterwards
   * @param values the contributions in that order; never changed afterwards
   * @return the breakdown
   */
  static ScoreBreakdown compact(double total, String[] names, double[] values) {
    return new ScoreBreakdown(total, names, values);
  }

  /**
   * Returns the breakdown of a scorer without components.
   *
   * @param name the scorer's name
   * @param score its score
   * @return a breakdown of one component
   */
  public static ScoreBreakdown of(String name, double score) {
    return new ScoreBreakdown(score, ImmutableMap.of(name, score));
  }

  /**
   * Returns a breakdown from contributions; the total is their sum in order.
   *
   * @param components contributions by name, in order
   * @return the breakdown
   */
  public static ScoreBreakdown of(Map<String, Double> components) {
    double total = 0;
    for (double v : components.values()) {
      total += v;
    }
    return new ScoreBreakdown(total, ImmutableMap.copyOf(components));
  }

  /**
   * Returns the score.
   *
   * @return the total
   */
  public double total() {
    return total;
  }

  /**
   * Returns the weighted contribution of each component, by name, in the scorer's order.
   *
   * @return the contributions
   */
  public ImmutableMap<String, Double> components() {
    ImmutableMap<String, Double> m = components;
    if (m == null) {
      ImmutableMap.Builder<String, Double> b = ImmutableMap.builderWithExpectedSize(names.length);
      for (int i = 0; i < names.length; i++) {
        b.put(names[i], values[i]);
      }
      m = b.buildOrThrow();
      components = m;
    }
    return m;
  }

  /** Equal totals ({@link Double#compare}) and equal maps of contributions, as for a record. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ScoreBreakdown other) || Double.compare(total, other.total) != 0) {
      return false;
    }
    return Arrays.equals(names, other.names)
        ? Arrays.equals(values, other.values)
        : components().equals(other.components());
  }

  /** The hash of the total and of the map of contributions, computed from the arrays. */
  @Override
  public int hashCode() {
    int map = 0;
    for (int i = 0; i < names.length; i++) {
      map += names[i].hashCode() ^ Double.hashCode(values[i]);
    }
    return 31 * Double.hashCode(total) + map;
  }

  /** Returns for example {@code 3.41 = proximity 1.80 + experience 0.75 + ...}. */
  @Override
  public String toString() {
    return String.format("%.3f", total) + " = " + components().entrySet().stream()
        .map(e -> e.getKey() + " " + String.format("%.3f", e.getValue()))
        .collect(Collectors.joining(" + "));
  }
}
