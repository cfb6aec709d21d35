package io.github.renkei.cluster.model;

/**
 * The shape of the model's open value types ({@link Capability}, {@link Certification}): a code
 * that is the identity and a label for people. Values of the same class with the same code are
 * equal whatever their labels, and order by code.
 *
 * @param <T> the concrete type
 */
abstract class CodedValue<T extends CodedValue<T>> implements Comparable<T> {

  private final String code;
  private final String label;

  CodedValue(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /**
   * Returns the code, the identity.
   *
   * @return the code
   */
  public final String code() {
    return code;
  }

  /**
   * Returns the human-readable name.
   *
   * @return the label
   */
  public final String label() {
    return label;
  }

  @Override
  public final int compareTo(T other) {
    return code.compareTo(other.code());
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((CodedValue<?>) o).code.equals(code);
  }

  @Override
  public final int hashCode() {
    return code.hashCode();
  }

  /** Returns the code. */
  @Override
  public final String toString() {
    return code;
  }
}
