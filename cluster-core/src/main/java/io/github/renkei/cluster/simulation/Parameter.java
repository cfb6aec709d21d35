package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.renkei.cluster.internal.Ids;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A named, typed parameter of a {@link Scenario} with a default value and a rule for the
 * values it admits. Parameters are keys: two parameters are equal when their names are.
 *
 * <pre>{@code
 * static final Parameter<Double> ADOPTION = Parameter.probability("adoption", 0.2);
 * static final Parameter<Integer> ROTATION = Parameter.integer("rotation-years", 3, 1, 10);
 * static final Parameter<Boolean> COUNCIL = Parameter.flag("council", false);
 * }</pre>
 *
 * @param <T> the type of the values
 */
public final class Parameter<T> implements Comparable<Parameter<?>> {

  private final String name;
  private final Class<T> type;
  private final T defaultValue;
  private final Predicate<T> admits;
  private final String rule;
  private final Function<String, T> parser;

  private Parameter(String name, Class<T> type, T defaultValue, Predicate<T> admits, String rule,
      Function<String, T> parser) {
    this.name = Ids.check(name, "parameter name");
    this.type = checkNotNull(type, "type");
    this.admits = checkNotNull(admits, "admits");
    this.rule = checkNotNull(rule, "rule");
    this.parser = checkNotNull(parser, "parser");
    this.defaultValue = checkValue(checkNotNull(defaultValue, "default value of parameter '%s'", name));
  }

  /**
   * A parameter of any type.
   *
   * @param name the name
   * @param type the class of the values
   * @param defaultValue the default
   * @param admits which values are allowed
   * @param rule the rule in words, for messages ("in [0, 1]")
   * @param parser reads a value from text, for configuration files
   * @param <T> the type
   * @return the parameter
   */
  public static <T> Parameter<T> of(String name, Class<T> type, T defaultValue, Predicate<T> admits, String rule,
      Function<String, T> parser) {
    return new Parameter<>(name, type, defaultValue, admits, rule, parser);
  }

  /**
   * A probability: a finite double in [0, 1].
   *
   * @param name the name
   * @param defaultValue the default
   * @return the parameter
   */
  public static Parameter<Double> probability(String name, double defaultValue) {
    return real(name, defaultValue, 0.0, 1.0);
  }

  /**
   * A finite double in a closed range.
   *
   * @param name the name
   * @param defaultValue the default
   * @param min the smallest value allowed
   * @param max the largest value allowed
   * @return the parameter
   */
  public static Parameter<Double> real(String name, double defaultValue, double min, double max) {
    checkArgument(min <= max, "parameter '%s': min %s > max %s", name, min, max);
    return new Parameter<>(name, Double.class, defaultValue, v -> Double.isFinite(v) && v >= min && v <= max,
        "a finite number in [" + min + ", " + max + "]", Double::valueOf);
  }

  /**
   * An integer in a closed range.
   *
   * @param name the name
   * @param defaultValue the default
   * @param min the smallest value allowed
   * @param max the largest value allowed
   * @return the parameter
   */
  public static Parameter<Integer> integer(String name, int defaultValue, int min, int max) {
    checkArgument(min <= max, "parameter '%s': min %s > max %s", name, min, max);
    return new Parameter<>(name, Integer.class, defaultValue, v -> v >= min && v <= max,
        "an integer in [" + min + ", " + max + "]", s -> Integer.valueOf(s.strip()));
  }

  /**
   * A switch.
   *
   * @param name the name
   * @param defaultValue the default
   * @return the parameter
   */
  public static Parameter<Boolean> flag(String name, boolean defaultValue) {
    return new Parameter<>(name, Boolean.class, defaultValue, v -> true, "true or false", s -> {
      String t = s.strip().toLowerCase(Locale.ROOT);
      if (t.equals("true") || t.equals("false")) {
        return Boolean.valueOf(t);
      }
      throw new IllegalArgumentException("not true or false: '" + s + "'");
    });
  }

  /**
   * A choice among the constants of an enum.
   *
   * @param name the name
   * @param type the enum
   * @param defaultValue the default
   * @param <E> the enum type
   * @return the parameter
   */
  public static <E extends Enum<E>> Parameter<E> choice(String name, Class<E> type, E defaultValue) {
    return new Parameter<>(name, type, defaultValue, v -> true,
        "one of " + java.util.Arrays.toString(type.getEnumConstants()), s -> Enum.valueOf(type, s.strip()));
  }

  /**
   * Returns the name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the class of the values.
   *
   * @return the type
   */
  public Class<T> type() {
    return type;
  }

  /**
   * Returns the default value.
   *
   * @return the default
   */
  public T defaultValue() {
    return defaultValue;
  }

  /**
   * The same parameter (same name, type and rule) with another default: how a region's profile
   * or a scenario states its own value of a library-wide coefficient. Since parameters are keys
   * by name, values set for either are read by both.
   *
   * <pre>{@code
   * Parameter<Double> shizuokaBase = Accounts.PRODUCTION_BASE.withDefault(3_700.0);
   * }</pre>
   *
   * @param newDefault the default, admitted by the rule
   * @return the parameter with that default
   * @throws IllegalArgumentException naming the parameter and the value if the rule does not
   *     admit it
   */
  public Parameter<T> withDefault(Object newDefault) {
    return new Parameter<>(name, type, checkValue(newDefault), admits, rule, parser);
  }

  /**
   * Returns the rule for admitted values, in words.
   *
   * @return for example {@code a finite number in [0.0, 1.0]}
   */
  public String rule() {
    return rule;
  }

  /**
   * Checks a value of any type against this parameter.
   *
   * @param value the value
   * @return the value, with the parameter's type
   * @throws IllegalArgumentException naming the parameter and the value if it has the wrong type
   *     or breaks the rule
   */
  public T checkValue(Object value) {
    checkNotNull(value, "value of parameter '%s'", name);
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException("parameter '" + name + "' takes " + type.getSimpleName() + " values but got "
          + value.getClass().getSimpleName() + " " + value);
    }
    T v = type.cast(value);
    if (!admits.test(v)) {
      throw new IllegalArgumentException("parameter '" + name + "' must be " + rule + " but was " + v);
    }
    return v;
  }

  /**
   * Reads a value from text, as in a configuration file, and checks it.
   *
   * @param text the text
   * @return the value
   * @throws IllegalArgumentException naming the parameter and the text if it cannot be read or
   *     breaks the rule
   */
  public T parse(String text) {
    checkNotNull(text, "text");
    T v;
    try {
      v = parser.apply(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("parameter '" + name + "' must be " + rule + " but was '" + text + "'", e);
    }
    return checkValue(v);
  }

  @Override
  public int compareTo(Parameter<?> other) {
    return name.compareTo(other.name);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Parameter && ((Parameter<?>) o).name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /** Returns the name. */
  @Override
  public String toString() {
    return name;
  }
}
