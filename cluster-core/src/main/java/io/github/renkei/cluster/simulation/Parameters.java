package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Values for the parameters a scenario declares: every declared parameter has a value (its
 * default unless set), and no other parameter may be set. Immutable; equal when the values are.
 *
 * <pre>{@code
 * Parameters p = scenario.defaults().with(ROTATION, 2).with("council", "true");
 * int rotation = p.get(ROTATION);
 * }</pre>
 */
public final class Parameters {

  private final ImmutableList<Parameter<?>> declared;
  private final ImmutableMap<Parameter<?>, Object> values;

  private Parameters(ImmutableList<Parameter<?>> declared, ImmutableMap<Parameter<?>, Object> values) {
    this.declared = declared;
    this.values = values;
  }

  /** The defaults of declared parameters. */
  static Parameters defaults(ImmutableList<Parameter<?>> declared) {
    ImmutableMap.Builder<Parameter<?>, Object> v = ImmutableMap.builder();
    for (Parameter<?> p : declared) {
      v.put(p, p.defaultValue());
    }
    return new Parameters(declared, v.buildOrThrow());
  }

  /**
   * Returns the declared parameters, in declaration order.
   *
   * @return the parameters
   */
  public ImmutableList<Parameter<?>> declared() {
    return declared;
  }

  /**
   * Returns the value of a parameter.
   *
   * @param parameter the parameter
   * @param <T> its type
   * @return its value
   * @throws IllegalArgumentException naming the parameter if it is not declared
   */
  public <T> T get(Parameter<T> parameter) {
    checkNotNull(parameter, "parameter");
    Object v = values.get(parameter);
    if (v == null) {
      throw unknown(parameter.name());
    }
    return parameter.type().cast(v);
  }

  /**
   * Returns a copy with one value set.
   *
   * @param parameter a declared parameter
   * @param value the value
   * @param <T> its type
   * @return the new parameters
   * @throws IllegalArgumentException naming the parameter and value if the parameter is not
   *     declared or the value is not admitted
   */
  public <T> Parameters with(Parameter<T> parameter, T value) {
    checkNotNull(parameter, "parameter");
    Parameter<?> known = find(parameter.name());
    if (known.type() != parameter.type()) {
      throw new IllegalArgumentException("parameter '" + parameter.name() + "' is declared with type "
          + known.type().getSimpleName() + ", not " + parameter.type().getSimpleName());
    }
    return set(known, known.checkValue(value));
  }

  /**
   * Returns a copy with one value set from text, as a configuration file gives it.
   *
   * @param name the parameter's name
   * @param text the value as text
   * @return the new parameters
   * @throws IllegalArgumentException naming the parameter if it is not declared or the text is
   *     not a value it admits
   */
  public Parameters with(String name, String text) {
    checkNotNull(name, "name");
    Parameter<?> p = find(name);
    return set(p, p.parse(text));
  }

  /**
   * Returns a copy with a value of unchecked static type set, checked at run time.
   *
   * @param name the parameter's name
   * @param value the value
   * @return the new parameters
   * @throws IllegalArgumentException naming the parameter if it is not declared or the value has
   *     the wrong type or is not admitted
   */
  public Parameters withValue(String name, Object value) {
    Parameter<?> p = find(checkNotNull(name, "name"));
    return set(p, p.checkValue(value));
  }

  private Parameter<?> find(String name) {
    for (Parameter<?> p : declared) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw unknown(name);
  }

  private IllegalArgumentException unknown(String name) {
    return new IllegalArgumentException("unknown parameter '" + name + "' (declared: "
        + declared.stream().map(Parameter::name).collect(Collectors.joining(", ")) + ")");
  }

  private Parameters set(Parameter<?> p, Object value) {
    Map<Parameter<?>, Object> m = new LinkedHashMap<>(values);
    m.put(p, value);
    return new Parameters(declared, ImmutableMap.copyOf(m));
  }

  /**
   * Returns every value by parameter name, in declaration order.
   *
   * @return the values
   */
  public ImmutableMap<String, Object> asMap() {
    ImmutableMap.Builder<String, Object> m = ImmutableMap.builder();
    for (Parameter<?> p : declared) {
      m.put(p.name(), values.get(p));
    }
    return m.buildOrThrow();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Parameters && ((Parameters) o).values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** Returns for example {@code {rotation-years=3, council=false}}. */
  @Override
  public String toString() {
    return asMap().toString();
  }
}
