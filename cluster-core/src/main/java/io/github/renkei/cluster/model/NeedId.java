package io.github.renkei.cluster.model;

import io.github.renkei.cluster.internal.Ids;

/**
 * The identity of a need: non-blank text without surrounding white space or control
 * characters, at most 256 characters. Everything refers to needs by id. Ids order by their
 * text, which gives a {@link Cluster} its deterministic iteration order.
 *
 * <pre>{@code
 * NeedId id = NeedId.of("need-2024-001");
 * }</pre>
 *
 * @param value the id's text
 */
public record NeedId(String value) implements Comparable<NeedId> {

  /**
   * Validates the text.
   *
   * @param value the id's text
   * @throws NullPointerException if the value is null
   * @throws IllegalArgumentException naming the value if it is blank, padded, too long or holds
   *     a control character
   */
  public NeedId {
    Ids.check(value, "need id");
  }

  /**
   * Returns the id with the given text.
   *
   * @param value the text
   * @return the id
   * @throws IllegalArgumentException naming the value if it is malformed
   */
  public static NeedId of(String value) {
    return new NeedId(value);
  }

  @Override
  public int compareTo(NeedId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id's text. */
  @Override
  public String toString() {
    return value;
  }
}
