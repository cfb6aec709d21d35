package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.renkei.cluster.model.NeedId;

/**
 * A need the matcher left unmatched, with the reason.
 *
 * @param need the need
 * @param explanation why
 */
public record Unmatched(NeedId need, Explanation explanation) {

  /**
   * Validates the fields.
   *
   * @param need the need
   * @param explanation the explanation
   */
  public Unmatched {
    checkNotNull(need, "need");
    checkNotNull(explanation, "explanation");
  }

  /** Returns for example {@code n-005: no supplier has STERILIZATION_EO}. */
  @Override
  public String toString() {
    return need + ": " + explanation.summary();
  }
}
