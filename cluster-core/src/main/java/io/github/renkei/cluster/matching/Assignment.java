package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.OrganizationId;

/**
 * A need assigned to a supplier, with the score and its breakdown.
 *
 * @param need the need
 * @param supplier the supplier
 * @param score the score and its components
 * @param locked whether the assignment was locked in the problem rather than chosen
 */
public record Assignment(NeedId need, OrganizationId supplier, ScoreBreakdown score, boolean locked) {

  /**
   * Validates the fields.
   *
   * @param need the need
   * @param supplier the supplier
   * @param score the score
   * @param locked whether it was locked
   */
  public Assignment {
    checkNotNull(need, "need");
    checkNotNull(supplier, "supplier");
    checkNotNull(score, "score");
  }

  /** Returns for example {@code n-001 -> date-precision (3.412)}. */
  @Override
  public String toString() {
    return need + " -> " + supplier + String.format(" (%.3f)", score.total()) + (locked ? " locked" : "");
  }
}
