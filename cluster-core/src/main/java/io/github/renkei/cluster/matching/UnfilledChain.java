package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.renkei.cluster.model.NeedId;

/**
 * A chain need left unfilled, with the reason.
 *
 * @param need the chain need
 * @param explanation why, role by role
 */
public record UnfilledChain(NeedId need, ChainExplanation explanation) {

  /**
   * Validates the fields.
   *
   * @param need the chain need
   * @param explanation the explanation
   */
  public UnfilledChain {
    checkNotNull(need, "need");
    checkNotNull(explanation, "explanation");
  }

  /** Returns for example {@code chain-07: sterilization: no supplier holds 医療機器製造業登録 (滅菌)}. */
  @Override
  public String toString() {
    return need + ": " + explanation.summary();
  }
}
