package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A score and what it is made of: each component's contribution (already weighted) in the
 * order the scorer lists them. The total is the sum of the contributions.
 *
 * @param total the score
 * @param components the weighted contribution of each component, by name
 */
public record ScoreBreakdown(double total, ImmutableMap<String, Double> components) {

  /**
   * Validates the fields.
   *
   * @param total the score
   * @param components the contributions
   */
  public ScoreBreakdown {
    checkNotNull(components, "components");
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

  /** Returns for example {@code 3.41 = proximity 1.80 + experience 0.75 + ...}. */
  @Override
  public String toString() {
    return String.format("%.3f", total) + " = " + components.entrySet().stream()
        .map(e -> e.getKey() + " " + String.format("%.3f", e.getValue()))
        .collect(Collectors.joining(" + "));
  }
}
