package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.regulation.ManufacturingStep;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A filled chain: its need and, for every role in chain order, the supplier and the score.
 *
 * @param need the chain need
 * @param roles the role assignments, in the chain's order
 */
public record ChainAssignment(NeedId need, ImmutableList<RoleAssignment> roles) {

  /**
   * Validates the fields.
   *
   * @param need the chain need
   * @param roles the role assignments
   */
  public ChainAssignment {
    checkNotNull(need, "need");
    checkNotNull(roles, "roles");
  }

  /**
   * Returns the supplier of a role.
   *
   * @param step the step
   * @return the supplier, or empty if the chain has no such role
   */
  public Optional<OrganizationId> supplierFor(ManufacturingStep step) {
    checkNotNull(step, "step");
    return roles.stream().filter(r -> r.step() == step).map(RoleAssignment::supplier).findFirst();
  }

  /**
   * Returns the chain's score: the sum of its roles' scores, in chain order.
   *
   * @return the score
   */
  public double score() {
    double total = 0;
    for (RoleAssignment r : roles) {
      total += r.score().total();
    }
    return total;
  }

  /** Returns for example {@code chain-01: design -> a (1.0), main assembly -> b (2.0) = 3.000}. */
  @Override
  public String toString() {
    return need + ": " + roles.stream().map(RoleAssignment::toString).collect(Collectors.joining(", "))
        + String.format(" = %.3f", score());
  }
}
