package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Why a supplier may not take a need: the constraint that forbids it and the reason in words.
 *
 * @param constraint the name of the constraint
 * @param reason what is missing or wrong, for example {@code lacks STERILIZATION_EO}
 */
public record Violation(String constraint, String reason) {

  /**
   * Validates the fields.
   *
   * @param constraint the name of the constraint
   * @param reason the reason
   */
  public Violation {
    checkNotNull(constraint, "constraint");
    checkNotNull(reason, "reason");
  }

  /** Returns {@code constraint: reason}. */
  @Override
  public String toString() {
    return constraint + ": " + reason;
  }
}
