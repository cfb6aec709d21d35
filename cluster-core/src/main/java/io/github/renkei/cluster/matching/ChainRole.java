package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedSet;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Certification;
import io.github.renkei.cluster.regulation.ManufacturingStep;
import java.util.Arrays;
import java.util.Locale;

/**
 * One role of a {@link ChainNeed}: a step of making the device (design, main assembly,
 * sterilization, final storage — the steps the regulator ties to registered sites, in the
 * vocabulary of {@link ManufacturingStep}), the capabilities and certifications the site must
 * have, and how much of a supplier's capacity the role uses. What the site must hold in law comes
 * from the problem's {@link io.github.renkei.cluster.regulation.RegulatoryProfile#stepRequirement
 * regulatory profile} for the chain's device class, never from the role.
 *
 * <pre>{@code
 * ChainRole sterilization = ChainRole.of(ManufacturingStep.STERILIZATION)
 *     .withCapabilities(Capability.STERILIZATION_EO)
 *     .withCertifications(Certification.ISO_11135)
 *     .withCapacityUse(2);                 // two of the sterilizer's contract slots
 * }</pre>
 *
 * <p>The capacity use is checked when the chain need is built ({@code >= 0}), so that the
 * message names the need as well as the role.
 *
 * @param step the step the role does; a chain has each step at most once
 * @param capabilities the capabilities the supplier must all have
 * @param certifications the certifications the supplier must all hold
 * @param capacityUse the units of the supplier's capacity the role takes, {@code >= 0}
 *     (checked by {@link ChainNeed.Builder#build()}); 1 by default
 */
public record ChainRole(ManufacturingStep step, ImmutableSortedSet<Capability> capabilities,
    ImmutableSortedSet<Certification> certifications, int capacityUse) {

  /**
   * Validates the fields (all but the capacity use, which the chain need checks).
   *
   * @param step the step
   * @param capabilities the capabilities
   * @param certifications the certifications
   * @param capacityUse the capacity use
   */
  public ChainRole {
    checkNotNull(step, "step");
    checkNotNull(capabilities, "capabilities (role %s)", step);
    checkNotNull(certifications, "certifications (role %s)", step);
  }

  /**
   * Returns a role for a step with no required capabilities or certifications and a capacity
   * use of 1.
   *
   * @param step the step
   * @return the role
   */
  public static ChainRole of(ManufacturingStep step) {
    return new ChainRole(step, ImmutableSortedSet.of(), ImmutableSortedSet.of(), 1);
  }

  /**
   * Returns this role with other required capabilities.
   *
   * @param capabilities the capabilities, replacing the earlier ones
   * @return a new role
   */
  public ChainRole withCapabilities(Capability... capabilities) {
    checkNotNull(capabilities, "capabilities (role %s)", step);
    for (Capability c : capabilities) {
      checkNotNull(c, "a capability (role %s)", step);
    }
    return new ChainRole(step, ImmutableSortedSet.copyOf(Arrays.asList(capabilities)), certifications, capacityUse);
  }

  /**
   * Returns this role with other required certifications.
   *
   * @param certifications the certifications, replacing the earlier ones
   * @return a new role
   */
  public ChainRole withCertifications(Certification... certifications) {
    checkNotNull(certifications, "certifications (role %s)", step);
    for (Certification c : certifications) {
      checkNotNull(c, "a certification (role %s)", step);
    }
    return new ChainRole(step, capabilities, ImmutableSortedSet.copyOf(Arrays.asList(certifications)), capacityUse);
  }

  /**
   * Returns this role with another capacity use.
   *
   * @param units the units of a supplier's capacity the role takes, {@code >= 0} (checked when
   *     the chain need is built)
   * @return a new role
   */
  public ChainRole withCapacityUse(int units) {
    return new ChainRole(step, capabilities, certifications, units);
  }

  /**
   * Returns the role's name as explanations write it.
   *
   * @param step a step
   * @return for example {@code sterilization} or {@code main assembly}
   */
  public static String nameOf(ManufacturingStep step) {
    return step.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** Returns for example {@code sterilization [STERILIZATION_EO; ISO_11135] x2}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(nameOf(step));
    if (!capabilities.isEmpty() || !certifications.isEmpty()) {
      s.append(" [").append(String.join(", ", capabilities.stream().map(Object::toString).toList()));
      if (!certifications.isEmpty()) {
        s.append("; ").append(String.join(", ", certifications.stream().map(Object::toString).toList()));
      }
      s.append(']');
    }
    return capacityUse == 1 ? s.toString() : s.append(" x").append(capacityUse).toString();
  }
}
