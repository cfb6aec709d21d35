package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.regulation.ManufacturingStep;

/**
 * Why a chain was left unfilled: the roles that could not be filled and, for every role, an
 * {@link Explanation} as for a single need (how many suppliers each constraint — the step's
 * {@value ChainProblem#REGISTRATION} first — excluded, how many were eligible, which eligible
 * ones had too little capacity left and which chain needs took it). When every role on its own
 * had a supplier with room but no team fitted at once (the roles would have shared a supplier
 * beyond its capacity), {@link #blockingRoles()} is empty and the summary says so.
 *
 * @param blockingRoles the roles no eligible supplier with enough capacity left could fill, in
 *     chain order
 * @param roles every role's explanation, in chain order; a supplier is "full" for a role when
 *     its capacity left is below the role's use, and {@code takenBy} lists chain needs
 * @param summary the explanation in one line, for example
 *     {@code sterilization: no supplier holds 医療機器製造業登録 (滅菌)}
 */
public record ChainExplanation(ImmutableList<ManufacturingStep> blockingRoles,
    ImmutableMap<ManufacturingStep, Explanation> roles, String summary) {

  /**
   * Validates the fields.
   *
   * @param blockingRoles the roles that could not be filled
   * @param roles every role's explanation
   * @param summary the summary
   */
  public ChainExplanation {
    checkNotNull(blockingRoles, "blockingRoles");
    checkNotNull(roles, "roles");
    checkNotNull(summary, "summary");
  }

  /** Returns the summary. */
  @Override
  public String toString() {
    return summary;
  }
}
