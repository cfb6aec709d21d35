package io.github.renkei.cluster.inference;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.renkei.cluster.internal.Ids;

/**
 * An input of a sensitivity analysis: a name and the range its values are drawn from. A design
 * works on the unit cube; coordinate {@code u} of a factor stands for
 * {@code lower + u · (upper − lower)}.
 *
 * <pre>{@code
 * Factor x1 = new Factor("x1", -Math.PI, Math.PI);
 * }</pre>
 *
 * @param name the factor's name: a function's input, or a parameter of a scenario
 * @param lower the lower bound, finite
 * @param upper the upper bound, finite, above the lower
 */
public record Factor(String name, double lower, double upper) {

  /**
   * Checks the factor.
   *
   * @param name the factor's name
   * @param lower the lower bound, finite
   * @param upper the upper bound, finite, above the lower
   * @throws IllegalArgumentException naming the factor and the bounds if the name is blank or a
   *     bound is not finite or the bounds are not in order
   */
  public Factor {
    Ids.check(name, "factor name");
    checkArgument(Double.isFinite(lower) && Double.isFinite(upper),
        "bounds of factor '%s' must be finite but were [%s, %s]", name, lower, upper);
    checkArgument(lower < upper, "bounds of factor '%s' must have lower < upper but were [%s, %s]", name, lower,
        upper);
  }

  /**
   * Returns the value at a unit coordinate.
   *
   * @param u a coordinate in {@code [0, 1]}
   * @return {@code lower + u · (upper − lower)}, kept within the bounds against rounding
   */
  public double at(double u) {
    return Math.max(lower, Math.min(upper, lower + u * (upper - lower)));
  }

  /** Returns for example {@code x1 in [-3.14159, 3.14159]}. */
  @Override
  public String toString() {
    return name + " in [" + lower + ", " + upper + "]";
  }
}
