package io.github.renkei.cluster.model;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.internal.Codes;
import java.util.Optional;

/**
 * Something an organization can do for a customer: a manufacturing process, a service, a
 * competence. Needs list the capabilities they require; suppliers list those they have.
 *
 * <p>An open value type: the constants are a standard catalogue, and users define their own
 * with {@link #of(String, String)} without touching the library. The {@linkplain #code() code}
 * is the identity, the label is for people: two capabilities with the same code are equal whatever
 * their labels. Capabilities order by code.
 *
 * <pre>{@code
 * Capability cutting = Capability.PRECISION_CUTTING;
 * Capability laser = Capability.of("LASER_MICROWELDING", "laser micro-welding");
 * }</pre>
 */
public final class Capability implements Comparable<Capability> {

  /** Machining (機械加工): turning, milling, drilling. */
  public static final Capability MACHINING = standard("MACHINING", "machining");
  /** Precision cutting and micro-machining (精密切削). */
  public static final Capability PRECISION_CUTTING = standard("PRECISION_CUTTING", "precision cutting");
  /** Plastic injection moulding (射出成形). */
  public static final Capability INJECTION_MOULDING = standard("INJECTION_MOULDING", "injection moulding");
  /** Press working and sheet-metal forming (プレス加工). */
  public static final Capability PRESS_WORKING = standard("PRESS_WORKING", "press working");
  /** Welding and joining, including laser welding (溶接). */
  public static final Capability WELDING = standard("WELDING", "welding");
  /** Surface treatment: plating, coating, passivation (表面処理). */
  public static final Capability SURFACE_TREATMENT = standard("SURFACE_TREATMENT", "surface treatment");
  /** Assembly in a cleanroom (クリーンルーム組立). */
  public static final Capability CLEANROOM_ASSEMBLY = standard("CLEANROOM_ASSEMBLY", "cleanroom assembly");
  /** Electronics and board assembly (電子機器組立). */
  public static final Capability ELECTRONICS_ASSEMBLY = standard("ELECTRONICS_ASSEMBLY", "electronics assembly");
  /** Software, embedded and medical-device programs (ソフトウェア). */
  public static final Capability SOFTWARE = standard("SOFTWARE", "software");
  /** Ethylene-oxide sterilization (EOG滅菌). */
  public static final Capability STERILIZATION_EO = standard("STERILIZATION_EO", "sterilization (ethylene oxide)");
  /** Gamma-ray or electron-beam sterilization (放射線滅菌). */
  public static final Capability STERILIZATION_GAMMA = standard("STERILIZATION_GAMMA", "sterilization (gamma)");
  /** Medical packaging, including sterile barrier systems (包装). */
  public static final Capability PACKAGING = standard("PACKAGING", "packaging");
  /** Product design and development (設計開発). */
  public static final Capability DESIGN_DEVELOPMENT = standard("DESIGN_DEVELOPMENT", "design and development");

  private static final ImmutableList<Capability> STANDARD = ImmutableList.of(MACHINING, PRECISION_CUTTING, INJECTION_MOULDING, PRESS_WORKING, WELDING, SURFACE_TREATMENT, CLEANROOM_ASSEMBLY, ELECTRONICS_ASSEMBLY, SOFTWARE, STERILIZATION_EO, STERILIZATION_GAMMA, PACKAGING, DESIGN_DEVELOPMENT);

  private static final ImmutableMap<String, Capability> BY_CODE =
      STANDARD.stream().collect(ImmutableMap.toImmutableMap(Capability::code, c -> c));

  private final String code;
  private final String label;

  private Capability(String code, String label) {
    this.code = code;
    this.label = label;
  }

  private static Capability standard(String code, String label) {
    return new Capability(code, label);
  }

  /**
   * Returns a capability with a code and a label.
   *
   * @param code the identity: 1 to 128 letters, digits and {@code _ . : -}, starting with a
   *     letter or digit
   * @param label a human-readable name, not blank
   * @return the capability
   * @throws IllegalArgumentException naming the value if the code or label is malformed
   */
  public static Capability of(String code, String label) {
    return new Capability(code, Codes.checkCodeAndLabel(code, label, "capability"));
  }

  /**
   * Returns the standard capability with the given code, or else a new one labelled with its code.
   *
   * @param code the code
   * @return the capability
   * @throws IllegalArgumentException naming the value if the code is malformed
   */
  public static Capability of(String code) {
    checkNotNull(code, "code");
    Capability known = BY_CODE.get(code);
    return known != null ? known : of(code, code);
  }

  /**
   * Returns the standard capability with the given code.
   *
   * @param code the code
   * @return the constant, or empty if the code is not in the standard catalogue
   */
  public static Optional<Capability> standard(String code) {
    return Optional.ofNullable(BY_CODE.get(checkNotNull(code, "code")));
  }

  /**
   * Returns the standard catalogue.
   *
   * @return the constants of this class, in declaration order
   */
  public static ImmutableList<Capability> standard() {
    return STANDARD;
  }

  /**
   * Returns the code, the identity.
   *
   * @return the code
   */
  public String code() {
    return code;
  }

  /**
   * Returns the human-readable name.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  @Override
  public int compareTo(Capability other) {
    return code.compareTo(other.code);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Capability && ((Capability) o).code.equals(code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  /** Returns the code. */
  @Override
  public String toString() {
    return code;
  }
}
