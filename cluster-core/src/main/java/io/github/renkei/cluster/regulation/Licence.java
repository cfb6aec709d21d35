package io.github.renkei.cluster.regulation;

import io.github.renkei.cluster.internal.Codes;

/**
 * A standing that a regulator grants an organization: a marketing authorization licence, a
 * manufacturer registration, a repair licence. An open value type: profiles define their own
 * (see the constants of {@link JapanPmdAct}), and users can define more with {@link #of}.
 *
 * <p>The {@linkplain #code() code} is the identity; the label is for people. Two licences with
 * the same code are equal whatever their labels.
 */
public final class Licence implements Comparable<Licence> {

  private final String code;
  private final String label;

  private Licence(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /**
   * Returns a licence.
   *
   * @param code the identity: 1 to 128 letters, digits and {@code _ . : -}, starting with a
   *     letter or digit, for example {@code jp.pmd.mah.1}
   * @param label a human-readable name, not blank
   * @return the licence
   * @throws IllegalArgumentException naming the value if the code or label is malformed
   */
  public static Licence of(String code, String label) {
    return new Licence(code, Codes.checkCodeAndLabel(code, label, "licence"));
  }

  /**
   * Returns the code, the licence's identity.
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
  public int compareTo(Licence other) {
    return code.compareTo(other.code);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Licence && ((Licence) o).code.equals(code);
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
