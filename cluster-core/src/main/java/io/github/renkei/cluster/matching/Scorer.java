package io.github.renkei.cluster.matching;

import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.Organization;

/**
 * How good a supplier is for a need: a score {@code >= 0}, finite, higher is better. Only pairs
 * that pass every {@link Constraint} are scored. Built-in scorers and the weighted composite are
 * in {@link Scorers}; users implement their own.
 *
 * <pre>{@code
 * Scorer cheap = Scorers.of("price", (need, supplier, context) -> 1.0 / (1 + quote(need, supplier)));
 * }</pre>
 *
 * <p>A matcher rejects a score that is NaN, negative or infinite with an exception that names
 * the need, the supplier and the scorer. Implementations are immutable and thread-safe.
 */
public interface Scorer {

  /**
   * Returns the scorer's name, used in breakdowns and error messages.
   *
   * @return a short name such as {@code proximity}
   */
  String name();

  /**
   * Scores a pair.
   *
   * @param need the need
   * @param supplier a supplier that passes every constraint
   * @param context the problem's context
   * @return the score, finite and {@code >= 0}
   */
  double score(Need need, Organization supplier, MatchContext context);

  /**
   * Scores a pair with its components. A composite lists its weighted components; a simple
   * scorer lists itself.
   *
   * @param need the need
   * @param supplier the supplier
   * @param context the context
   * @return the breakdown, whose total equals {@link #score}
   */
  default ScoreBreakdown explain(Need need, Organization supplier, MatchContext context) {
    return ScoreBreakdown.of(name(), score(need, supplier, context));
  }
}
