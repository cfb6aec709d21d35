package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.regulation.ManufacturingStep;

/**
 * One role of a filled chain: the step, the supplier that does it, and the score with its
 * breakdown.
 *
 * @param step the role's step
 * @param supplier the supplier
 * @param score the scorer's score of the role's need and the supplier, with its components
 */
public record RoleAssignment(ManufacturingStep step, OrganizationId supplier, ScoreBreakdown score) {

  /**
   * Validates the fields.
   *
   * @param step the step
   * @param supplier the supplier
   * @param score the score
   */
  public RoleAssignment {
    checkNotNull(step, "step");
    checkNotNull(supplier, "supplier");
    checkNotNull(score, "score");
  }

  /** Returns for example {@code sterilization -> aizu-steril (2.310)}. */
  @Override
  public String toString() {
    return ChainRole.nameOf(step) + " -> " + supplier + String.format(" (%.3f)", score.total());
  }
}
