package io.github.renkei.cluster.model;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.internal.Codes;
import java.util.List;
import java.util.Optional;

/**
 * A certificate an organization holds from a private or international scheme: quality and
 * environmental management systems, sterilization validation. Legal standings granted by a
 * regulator (licences, registrations) are {@link io.github.renkei.cluster.regulation.Licence}s.
 *
 * <p>An open value type: the constants are a standard catalogue, and users define their own
 * with {@link #of(String, String)} without touching the library. The {@linkplain #code() code}
 * is the identity, the label is for people: two certifications with the same code are equal whatever
 * their labels. Certifications order by code.
 *
 * <pre>{@code
 * Certification qms = Certification.ISO_13485;
 * Certification gmp = Certification.of("PIC_S_GMP", "PIC/S GMP");
 * }</pre>
 */
public final class Certification extends CodedValue<Certification> {

  /** ISO 13485: quality management systems for medical devices. */
  public static final Certification ISO_13485 = new Certification("ISO_13485", "ISO 13485");
  /** ISO 9001: quality management systems. */
  public static final Certification ISO_9001 = new Certification("ISO_9001", "ISO 9001");
  /** ISO 14001: environmental management systems. */
  public static final Certification ISO_14001 = new Certification("ISO_14001", "ISO 14001");
  /** ISO 14971: application of risk management to medical devices (conformity, not a certificate in itself). */
  public static final Certification ISO_14971 = new Certification("ISO_14971", "ISO 14971");
  /** ISO 11135: validation of ethylene-oxide sterilization. */
  public static final Certification ISO_11135 = new Certification("ISO_11135", "ISO 11135");
  /** ISO 11137: validation of radiation sterilization. */
  public static final Certification ISO_11137 = new Certification("ISO_11137", "ISO 11137");
  /** IATF 16949: automotive quality management (for firms coming from automotive supply). */
  public static final Certification IATF_16949 = new Certification("IATF_16949", "IATF 16949");
  /** JIS Q 9100 (AS/EN 9100): aerospace quality management. */
  public static final Certification JIS_Q_9100 = new Certification("JIS_Q_9100", "JIS Q 9100");

  private static final StandardCodes<Certification> STANDARD = new StandardCodes<>(List.of(
      ISO_13485, ISO_9001, ISO_14001, ISO_14971, ISO_11135, ISO_11137, IATF_16949, JIS_Q_9100));

  private Certification(String code, String label) {
    super(code, label);
  }

  /**
   * Returns a certification with a code and a label.
   *
   * @param code the identity: 1 to 128 letters, digits and {@code _ . : -}, starting with a
   *     letter or digit
   * @param label a human-readable name, not blank
   * @return the certification
   * @throws IllegalArgumentException naming the value if the code or label is malformed
   */
  public static Certification of(String code, String label) {
    return new Certification(code, Codes.checkCodeAndLabel(code, label, "certification"));
  }

  /**
   * Returns the standard certification with the given code, or else a new one labelled with its code.
   *
   * @param code the code
   * @return the certification
   * @throws IllegalArgumentException naming the value if the code is malformed
   */
  public static Certification of(String code) {
    checkNotNull(code, "code");
    return STANDARD.find(code).orElseGet(() -> of(code, code));
  }

  /**
   * Returns the standard certification with the given code.
   *
   * @param code the code
   * @return the constant, or empty if the code is not in the standard catalogue
   */
  public static Optional<Certification> standard(String code) {
    return STANDARD.find(code);
  }

  /**
   * Returns the standard catalogue.
   *
   * @return the constants of this class, in declaration order
   */
  public static ImmutableList<Certification> standard() {
    return STANDARD.list();
  }
}
