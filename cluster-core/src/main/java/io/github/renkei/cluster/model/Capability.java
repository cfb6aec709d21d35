package io.github.renkei.cluster.model;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.internal.Codes;
import java.util.List;
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
public final class Capability extends CodedValue<Capability> {

  /** Machining (機械加工): turning, milling, drilling. */
  public static final Capability MACHINING = new Capability("MACHINING", "machining");
  /** Precision cutting and micro-machining (精密切削). */
  public static final Capability PRECISION_CUTTING = new Capability("PRECISION_CUTTING", "precision cutting");
  /** Plastic injection moulding (射出成形). */
  public static final Capability INJECTION_MOULDING = new Capability("INJECTION_MOULDING", "injection moulding");
  /** Press working and sheet-metal forming (プレス加工). */
  public static final Capability PRESS_WORKING = new Capability("PRESS_WORKING", "press working");
  /** Welding and joining, including laser welding (溶接). */
  public static final Capability WELDING = new Capability("WELDING", "welding");
  /** Surface treatment: plating, coating, passivation (表面処理). */
  public static final Capability SURFACE_TREATMENT = new Capability("SURFACE_TREATMENT", "surface treatment");
  /** Assembly in a cleanroom (クリーンルーム組立). */
  public static final Capability CLEANROOM_ASSEMBLY = new Capability("CLEANROOM_ASSEMBLY", "cleanroom assembly");
  /** Electronics and board assembly (電子機器組立). */
  public static final Capability ELECTRONICS_ASSEMBLY = new Capability("ELECTRONICS_ASSEMBLY", "electronics assembly");
  /** Software, embedded and medical-device programs (ソフトウェア). */
  public static final Capability SOFTWARE = new Capability("SOFTWARE", "software");
  /** Ethylene-oxide sterilization (EOG滅菌). */
  public static final Capability STERILIZATION_EO = new Capability("STERILIZATION_EO", "sterilization (ethylene oxide)");
  /** Gamma-ray or electron-beam sterilization (放射線滅菌). */
  public static final Capability STERILIZATION_GAMMA = new Capability("STERILIZATION_GAMMA", "sterilization (gamma)");
  /** Medical packaging, including sterile barrier systems (包装). */
  public static final Capability PACKAGING = new Capability("PACKAGING", "packaging");
  /** Product design and development (設計開発). */
  public static final Capability DESIGN_DEVELOPMENT = new Capability("DESIGN_DEVELOPMENT", "design and development");

  private static final StandardCodes<Capability> STANDARD = new StandardCodes<>(List.of(
      MACHINING, PRECISION_CUTTING, INJECTION_MOULDING, PRESS_WORKING, WELDING, SURFACE_TREATMENT,
      CLEANROOM_ASSEMBLY, ELECTRONICS_ASSEMBLY, SOFTWARE, STERILIZATION_EO, STERILIZATION_GAMMA,
      PACKAGING, DESIGN_DEVELOPMENT));

  private Capability(String code, String label) {
    super(code, label);
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
    return STANDARD.find(code).orElseGet(() -> of(code, code));
  }

  /**
   * Returns the standard capability with the given code.
   *
   * @param code the code
   * @return the constant, or empty if the code is not in the standard catalogue
   */
  public static Optional<Capability> standard(String code) {
    return STANDARD.find(code);
  }

  /**
   * Returns the standard catalogue.
   *
   * @return the constants of this class, in declaration order
   */
  public static ImmutableList<Capability> standard() {
    return STANDARD.list();
  }
}
