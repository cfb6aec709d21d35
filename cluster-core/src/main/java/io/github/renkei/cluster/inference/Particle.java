package io.github.renkei.cluster.inference;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Parameters;
import java.util.Map;

/**
 * One point of a weighted posterior sample: a value per parameter, its weight and the distance
 * of the simulation that accepted it. Immutable.
 *
 * <pre>{@code
 * for (Particle p : posterior.sample(100, 7)) {
 *   SimulationResult run = Simulation.run(scenario, p.applyTo(scenario.defaults()), 42, 0);
 * }
 * }</pre>
 *
 * @param values the value of each parameter, by name, in the parameters' order; an integer
 *     parameter's value is a whole number
 * @param weight the weight, finite and {@code >= 0}; normalized (the weights of a posterior sum
 *     to 1)
 * @param distance the distance between the accepted simulation and the targets, {@code >= 0}
 */
public record Particle(ImmutableMap<String, Double> values, double weight, double distance) {

  /**
   * Validates the fields.
   *
   * @param values the values
   * @param weight the weight
   * @param distance the distance
   */
  public Particle {
    checkNotNull(values, "values");
    for (Map.Entry<String, Double> e : values.entrySet()) {
      checkArgument(Double.isFinite(e.getValue()), "value of parameter '%s' must be finite but was %s", e.getKey(),
          e.getValue());
    }
    checkArgument(Double.isFinite(weight) && weight >= 0, "weight must be finite and >= 0 but was %s", weight);
    checkArgument(distance >= 0, "distance must be >= 0 but was %s", distance);
  }

  /**
   * Returns the value of a parameter.
   *
   * @param parameter the parameter's name
   * @return the value
   * @throws IllegalArgumentException naming the parameter if the particle has no value for it
   */
  public double value(String parameter) {
    Double v = values.get(checkNotNull(parameter, "parameter"));
    if (v == null) {
      throw new IllegalArgumentException("the particle has no value of parameter '" + parameter + "' (parameters: "
          + values.keySet() + ")");
    }
    return v;
  }

  /**
   * Sets the particle's values on a scenario's parameters, to run the scenario at this point.
   *
   * @param base values for the scenario's parameters, such as {@link
   *     io.github.renkei.cluster.simulation.Scenario#defaults()}; those the particle does not hold
   *     keep their values
   * @return the parameters with the particle's values
   * @throws IllegalArgumentException naming the parameter if the scenario does not declare it or
   *     does not admit its value
   */
  public Parameters applyTo(Parameters base) {
    checkNotNull(base, "base");
    Parameters p = base;
    for (Map.Entry<String, Double> e : values.entrySet()) {
      p = p.withValue(e.getKey(), typed(base, e.getKey(), e.getValue()));
    }
    return p;
  }

  private static Object typed(Parameters base, String name, double value) {
    for (Parameter<?> p : base.declared()) {
      if (p.name().equals(name) && p.type() == Integer.class) {
        checkArgument(value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE,
            "parameter '%s' takes integers but the particle's value is %s", name, value);
        return (int) value;
      }
    }
    return value;
  }
}
