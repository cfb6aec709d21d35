package io.github.renkei.cluster.model;

import io.github.renkei.cluster.internal.Ids;

/**
 * The identity of a organization: non-blank text without surrounding white space or control
 * characters, at most 256 characters. Everything refers to organizations by id. Ids order by their
 * text, which gives a {@link Cluster} its deterministic iteration order.
 *
 * <pre>{@code
 * OrganizationId id = OrganizationId.of("fmdipo");
 * }</pre>
 *
 * @param value the id's text
 */
public record OrganizationId(String value) implements Comparable<OrganizationId> {

  /**
   * Validates the text.
   *
   * @param value the id's text
   * @throws NullPointerException if the value is null
   * @throws IllegalArgumentException naming the value if it is blank, padded, too long or holds
   *     a control character
   */
  public OrganizationId {
    Ids.check(value, "organization id");
  }

  /**
   * Returns the id with the given text.
   *
   * @param value the text
   * @return the id
   * @throws IllegalArgumentException naming the value if it is malformed
   */
  public static OrganizationId of(String value) {
    return new OrganizationId(value);
  }

  @Override
  public int compareTo(OrganizationId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id's text. */
  @Override
  public String toString() {
    return value;
  }
}
