package io.github.renkei.cluster.model;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.renkei.cluster.internal.Ids;

/**
 * The typed key of an extension attribute: how an embedding application attaches its own data
 * (a CRM customer number, a score, a flag) to an {@link Organization} without subclassing.
 * Keys are equal when their names and types are equal; declare each once as a constant.
 *
 * <pre>{@code
 * static final AttributeKey<String> CRM_ID = AttributeKey.of("crm.id", String.class);
 *
 * Organization o = Organization.builder(id, "Aizu Precision", OrganizationType.SME_MANUFACTURER,
 *         Prefecture.FUKUSHIMA)
 *     .attribute(CRM_ID, "C-1042")
 *     .build();
 * Optional<String> crm = o.attribute(CRM_ID);
 * }</pre>
 *
 * <p>Values should be immutable (strings, numbers, records of immutable parts): organizations
 * and clusters are immutable and shared between threads, and their equality includes the
 * attributes.
 *
 * @param name the key's name, as an id (non-blank, no control characters)
 * @param type the class of its values
 * @param <T> the type of its values
 */
public record AttributeKey<T>(String name, Class<T> type) implements Comparable<AttributeKey<?>> {

  /**
   * Validates the key.
   *
   * @param name the key's name
   * @param type the class of its values
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException naming the value if the name is malformed or the type is
   *     primitive
   */
  public AttributeKey {
    Ids.check(name, "attribute name");
    checkNotNull(type, "type");
    if (type.isPrimitive()) {
      throw new IllegalArgumentException(
          "attribute '" + name + "' must use a boxed type, not " + type.getName());
    }
  }

  /**
   * Returns a key.
   *
   * @param name the name
   * @param type the class of the values
   * @param <T> the type of the values
   * @return the key
   */
  public static <T> AttributeKey<T> of(String name, Class<T> type) {
    return new AttributeKey<>(name, type);
  }

  /**
   * Checks that a value fits this key and returns it with the key's type.
   *
   * @param value the value
   * @return the value
   * @throws ClassCastException naming the key if the value is of another type
   */
  public T cast(Object value) {
    checkNotNull(value, "value of attribute '%s'", name);
    if (!type.isInstance(value)) {
      throw new ClassCastException(
          "attribute '" + name + "' takes " + type.getName() + " but got "
              + value.getClass().getName() + " (" + value + ")");
    }
    return type.cast(value);
  }

  @Override
  public int compareTo(AttributeKey<?> other) {
    int c = name.compareTo(other.name);
    return c != 0 ? c : type.getName().compareTo(other.type.getName());
  }

  /** Returns the name and the simple type name, for example {@code crm.id:String}. */
  @Override
  public String toString() {
    return name + ":" + type.getSimpleName();
  }
}
