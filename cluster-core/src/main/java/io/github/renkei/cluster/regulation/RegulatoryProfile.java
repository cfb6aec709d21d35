package io.github.renkei.cluster.regulation;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.util.Optional;
import java.util.Set;

/**
 * One country's rules for who may do what with a medical device. The matcher asks a profile
 * which {@link Licence}s a supplier needs to take a need; nothing else in the library knows the
 * law, so another jurisdiction (EU MDR, US FDA) is one more implementation.
 *
 * <pre>{@code
 * RegulatoryProfile law = JapanPmdAct.get();
 * Requirement oem = law.requirement(Role.CONTRACT_MANUFACTURER, DeviceClass.II);
 * boolean ok = oem.isSatisfiedBy(firm.licences());
 * Set<Role> roles = law.rolesAllowed(firm.licences(), DeviceClass.II);
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface RegulatoryProfile {

  /**
   * Returns the jurisdiction as an ISO 3166-1 alpha-2 code.
   *
   * @return for example {@code JP}
   */
  String jurisdiction();

  /**
   * Returns a short human-readable name of the rules.
   *
   * @return for example {@code Japan PMD Act (薬機法)}
   */
  String name();

  /**
   * Returns every licence this profile can require.
   *
   * @return the licences, in a stable order
   */
  ImmutableSet<Licence> licences();

  /**
   * Returns what an organization must hold to play a role for a device of a class.
   *
   * @param role the role
   * @param deviceClass the device's class, or empty if unknown; profiles document how they
   *     treat an unknown class (the Japanese profile assumes the most demanding)
   * @return the requirement, {@link Requirement#none()} if the role needs nothing
   */
  Requirement requirement(Role role, Optional<DeviceClass> deviceClass);

  /**
   * Returns what an organization must hold to play a role for a device of a known class.
   *
   * @param role the role
   * @param deviceClass the class
   * @return the requirement
   */
  default Requirement requirement(Role role, DeviceClass deviceClass) {
    return requirement(role, Optional.of(checkNotNull(deviceClass, "deviceClass")));
  }

  /**
   * Returns what a site must hold to do one step of making a device of a class, for the roles
   * of a chain need (design, main assembly, sterilization, final storage). A profile that does
   * not know a step returns empty, and a chain need with that step is rejected; the default
   * knows no step, so a profile written before chains existed rejects every chain rather than
   * admit an unregistered site.
   *
   * @param step the step
   * @param deviceClass the device's class, or empty if unknown (profiles document how they
   *     treat it, as for {@link #requirement(Role, Optional)})
   * @return the requirement ({@link Requirement#none()} if the step needs nothing for the
   *     class), or empty if the profile does not know the step
   */
  default Optional<Requirement> stepRequirement(ManufacturingStep step, Optional<DeviceClass> deviceClass) {
    checkNotNull(step, "step");
    checkNotNull(deviceClass, "deviceClass");
    return Optional.empty();
  }

  /**
   * Whether the given licences allow a role for a class.
   *
   * @param held the licences held
   * @param role the role
   * @param deviceClass the class, or empty if unknown
   * @return {@code true} if the requirement is met
   */
  default boolean permits(Set<Licence> held, Role role, Optional<DeviceClass> deviceClass) {
    return requirement(role, deviceClass).isSatisfiedBy(held);
  }

  /**
   * Returns the roles an organization with the given licences may play for a class.
   *
   * @param held the licences held
   * @param deviceClass the class
   * @return the allowed roles in {@link Role} order
   */
  default ImmutableSet<Role> rolesAllowed(Set<Licence> held, DeviceClass deviceClass) {
    checkNotNull(held, "held");
    ImmutableSet.Builder<Role> roles = ImmutableSet.builder();
    for (Role role : Role.values()) {
      if (requirement(role, deviceClass).isSatisfiedBy(held)) {
        roles.add(role);
      }
    }
    return roles.build();
  }
}
