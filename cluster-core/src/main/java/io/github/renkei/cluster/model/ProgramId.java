package io.github.renkei.cluster.model;

import io.github.renkei.cluster.internal.Ids;

/**
 * The identity of a funding program: non-blank text without surrounding white space or control
 * characters, at most 256 characters. Everything refers to funding programs by id. Ids order by their
 * text, which gives a {@link Cluster} its deterministic iteration order.
 *
 * <pre>{@code
 * ProgramId id = ProgramId.of("amed-regional-hubs");
 * }</pre>
 *
 * @param value the id's text
 */
public record ProgramId(String value) implements Comparable<ProgramId> {

  /**
   * Validates the text.
   *
   * @param value the id's text
   * @throws NullPointerException if the value is null
   * @throws IllegalArgumentException naming the value if it is blank, padded, too long or holds
   *     a control character
   */
  public ProgramId {
    Ids.check(value, "funding program id");
  }

  /**
   * Returns the id with the given text.
   *
   * @param value the text
   * @return the id
   * @throws IllegalArgumentException naming the value if it is malformed
   */
  public static ProgramId of(String value) {
    return new ProgramId(value);
  }

  @Override
  public int compareTo(ProgramId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id's text. */
  @Override
  public String toString() {
    return value;
  }
}
