package io.github.renkei.cluster.model;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, typed map of extension attributes, ordered by key.
 *
 * <pre>{@code
 * Attributes a = Attributes.empty().with(CRM_ID, "C-1042");
 * a.get(CRM_ID);   // Optional[C-1042]
 * }</pre>
 */
public final class Attributes {

  private static final Attributes EMPTY = new Attributes(ImmutableSortedMap.of());

  private final ImmutableSortedMap<AttributeKey<?>, Object> values;

  private Attributes(ImmutableSortedMap<AttributeKey<?>, Object> values) {
    this.values = values;
  }

  /**
   * Returns the empty attribute map.
   *
   * @return no attributes
   */
  public static Attributes empty() {
    return EMPTY;
  }

  /**
   * Returns a copy of a map of attributes, checking every value against its key's type.
   *
   * @param values the attributes
   * @return the attributes
   * @throws ClassCastException naming the key if a value does not fit its key
   */
  public static Attributes copyOf(Map<AttributeKey<?>, ?> values) {
    checkNotNull(values, "values");
    if (values.isEmpty()) {
      return EMPTY;
    }
    ImmutableSortedMap.Builder<AttributeKey<?>, Object> b = ImmutableSortedMap.naturalOrder();
    values.forEach((k, v) -> b.put(checkNotNull(k, "attribute key"), k.cast(v)));
    return new Attributes(b.buildOrThrow());
  }

  /**
   * Returns these attributes with one set (added or replaced).
   *
   * @param key the key
   * @param value the value
   * @param <T> the value type
   * @return the new attributes
   */
  public <T> Attributes with(AttributeKey<T> key, T value) {
    checkNotNull(key, "key");
    T checked = key.cast(value);
    ImmutableSortedMap.Builder<AttributeKey<?>, Object> b = ImmutableSortedMap.naturalOrder();
    values.forEach((k, v) -> {
      if (!k.equals(key)) {
        b.put(k, v);
      }
    });
    b.put(key, checked);
    return new Attributes(b.buildOrThrow());
  }

  /**
   * Returns the value of an attribute.
   *
   * @param key the key
   * @param <T> the value type
   * @return the value, or empty if absent
   */
  public <T> Optional<T> get(AttributeKey<T> key) {
    checkNotNull(key, "key");
    return Optional.ofNullable(values.get(key)).map(key.type()::cast);
  }

  /**
   * Returns all attributes as a map ordered by key.
   *
   * @return the attributes
   */
  public ImmutableSortedMap<AttributeKey<?>, Object> asMap() {
    return values;
  }

  /**
   * Whether there are no attributes.
   *
   * @return {@code true} if empty
   */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Attributes && ((Attributes) o).values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
