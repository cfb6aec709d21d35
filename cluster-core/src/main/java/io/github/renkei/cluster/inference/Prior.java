package io.github.renkei.cluster.inference;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.renkei.cluster.simulation.Parameter;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The prior distribution of one parameter: uniform, normal, log-normal or truncated normal, with
 * its density, distribution function and sampler. Immutable; created for a {@link Parameter} of
 * type {@code Double} or {@code Integer}, whose name every message carries.
 *
 * <pre>{@code
 * Prior entry = Prior.uniform(ENTRY_RATE, 0.01, 0.5);
 * Prior growth = Prior.truncatedNormal(GROWTH, 0.02, 0.01, 0.0, 0.1);
 * Prior rotation = Prior.discreteUniform(ROTATION_YEARS, 1, 6);   // each of 1..6 with probability 1/6
 * }</pre>
 *
 * <h2>Integer parameters</h2>
 * The prior of an {@code Integer} parameter is a continuous distribution of a latent value
 * {@code x}; the parameter takes {@code k = ⌊x + ½⌋}, the integer nearest to {@code x} (halves
 * rounded up), so {@code P(k) = F(k + ½) − F(k − ½)}. {@link #discreteUniform(Parameter, int,
 * int) discreteUniform(p, lo, hi)} is {@code uniform(lo − ½, hi + ½)}: each integer from
 * {@code lo} to {@code hi} with probability {@code 1 / (hi − lo + 1)}. A plain
 * {@code uniform(p, lo, hi)} gives the two end values half the probability of the others.
 * Samplers such as {@link AbcSmc} perturb and weigh the latent value, which keeps their kernels
 * and weights those of a continuous parameter.
 *
 * <h2>Support</h2>
 * The support must lie within the values the parameter admits: its ends (and, for an infinite
 * end, the largest finite double on that side) must pass {@link Parameter#checkValue}. A normal
 * prior therefore needs a parameter without bounds, such as
 * {@code Parameter.real("mu", 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)}; a bounded
 * one takes a truncated normal or a uniform within its bounds. Nothing is truncated or clamped
 * silently.
 *
 * <p>Numerics: the standard normal distribution function is Marsaglia's series ("Evaluating the
 * normal distribution", J. Stat. Software 11(4), 2004) for {@code |z| <= 3} and Laplace's
 * continued fraction of the tail beyond; its inverse is Acklam's rational approximation refined by
 * one Halley step. Sampling is by inversion from one uniform draw, so a prior draws exactly one
 * number of its generator per value.
 */
public final class Prior {

  private static final double LOG_SQRT_2PI = 0.91893853320467274178;
  private static final double SQRT_2PI = 2.50662827463100050242;

  /** The family of a prior. */
  private enum Family { UNIFORM, NORMAL, LOG_NORMAL, TRUNCATED_NORMAL }

  private final Parameter<?> parameter;
  private final Family family;
  private final double location;
  private final double scale;
  private final double lower;
  private final double upper;
  private final double massBelow;
  private final double mass;
  private final String label;

  private Prior(Parameter<?> parameter, Family family, double location, double scale, double lower, double upper,
      String label) {
    this.parameter = parameter;
    this.family = family;
    this.location = location;
    this.scale = scale;
    this.lower = lower;
    this.upper = upper;
    this.label = label;
    if (family == Family.TRUNCATED_NORMAL) {
      double a = (lower - location) / scale;
      double b = (upper - location) / scale;
      this.massBelow = standardNormalCdf(a);
      this.mass = a > 0 ? standardNormalCdf(-a) - standardNormalCdf(-b) : standardNormalCdf(b) - massBelow;
      if (!(mass > 0)) {
        throw new IllegalArgumentException("prior of parameter '" + parameter.name() + "': truncated normal("
            + location + ", " + scale + ") has no probability in [" + lower + ", " + upper + "] (degenerate)");
      }
    } else {
      this.massBelow = 0;
      this.mass = 1;
    }
    checkSupport(parameter);
  }

  /**
   * A uniform prior on {@code [lower, upper]}.
   *
   * @param parameter a {@code Double} or {@code Integer} parameter
   * @param lower the lower end, finite
   * @param upper the upper end, finite and above the lower
   * @return the prior
   * @throws IllegalArgumentException naming the parameter if the ends are not finite or not in
   *     order, or the parameter does not admit them
   */
  public static Prior uniform(Parameter<?> parameter, double lower, double upper) {
    numeric(parameter);
    if (!(Double.isFinite(lower) && Double.isFinite(upper) && lower < upper)) {
      throw new IllegalArgumentException("prior of parameter '" + parameter.name()
          + "': uniform needs finite lower < upper but was [" + lower + ", " + upper + "]");
    }
    return new Prior(parameter, Family.UNIFORM, lower, upper - lower, lower, upper,
        "uniform(" + lower + ", " + upper + ")");
  }

  /**
   * A uniform prior on the integers {@code lower, …, upper} of an integer parameter: the latent
   * value is uniform on {@code [lower − ½, upper + ½]}.
   *
   * @param parameter an {@code Integer} parameter
   * @param lower the smallest value
   * @param upper the largest value, at least the smallest
   * @return the prior
   * @throws IllegalArgumentException naming the parameter if {@code upper < lower} or the
   *     parameter does not admit the values
   */
  public static Prior discreteUniform(Parameter<Integer> parameter, int lower, int upper) {
    numeric(parameter);
    if (parameter.type() != Integer.class) {
      throw new IllegalArgumentException("prior of parameter '" + parameter.name()
          + "': a discrete uniform prior needs an Integer parameter, not " + parameter.type().getSimpleName());
    }
    if (upper < lower) {
      throw new IllegalArgumentException("prior of parameter '" + parameter.name()
          + "': discrete uniform needs lower <= upper but was {" + lower + ", …, " + upper + "}");
    }
    return new Prior(parameter, Family.UNIFORM, lower - 0.5, upper - lower + 1.0, lower - 0.5, upper + 0.5,
        "discrete uniform{" + lower + ", …, " + upper + "}");
  }

  /**
   * A normal prior.
   *
   * @param parameter a {@code Double} parameter that admits every finite value
   * @param mean the mean, finite
   * @param sd the standard deviation, finite and {@code > 0}
   * @return the prior
   * @throws IllegalArgumentException naming the parameter if the mean or standard deviation is
   *     not valid or the parameter has bounds (use {@link #truncatedNormal})
   */
  public static Prior normal(Parameter<?> parameter, double mean, double sd) {
    numeric(parameter);
    checkNormal(parameter, "normal", mean, sd);
    return new Prior(parameter, Family.NORMAL, mean, sd, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
        "normal(" + mean + ", " + sd + ")");
  }

  /**
   * A log-normal prior: {@code log x} is normal with mean {@code mu} and standard deviation
   * {@code sigma}; the support is {@code (0, ∞)}.
   *
   * @param parameter a {@code Double} parameter that admits every positive finite value
   * @param mu the mean of the logarithm, finite
   * @param sigma the standard deviation of the logarithm, finite and {@code > 0}
   * @return the prior
   * @throws IllegalArgumentException naming the parameter if {@code mu} or {@code sigma} is not
   *     valid or the parameter does not admit the support
   */
  public static Prior logNormal(Parameter<?> parameter, double mu, double sigma) {
    numeric(parameter);
    checkNormal(parameter, "log-normal", mu, sigma);
    return new Prior(parameter, Family.LOG_NORMAL, mu, sigma, 0, Double.POSITIVE_INFINITY,
        "log-normal(" + mu + ", " + sigma + ")");
  }

  /**
   * A normal prior truncated to {@code [lower, upper]}; an end may be infinite.
   *
   * @param parameter a {@code Double} or {@code Integer} parameter
   * @param mean the mean of the normal before truncation, finite
   * @param sd its standard deviation, finite and {@code > 0}
   * @param lower the lower end
   * @param upper the upper end, above the lower
   * @return the prior
   * @throws IllegalArgumentException naming the parameter if a value is not valid, the interval
   *     holds no probability in double precision, or the parameter does not admit the support
   */
  public static Prior truncatedNormal(Parameter<?> parameter, double mean, double sd, double lower, double upper) {
    numeric(parameter);
    checkNormal(parameter, "truncated normal", mean, sd);
    if (Double.isNaN(lower) || Double.isNaN(upper) || !(lower < upper)) {
      throw new IllegalArgumentException("prior of parameter '" + parameter.name()
          + "': truncated normal needs lower < upper but was [" + lower + ", " + upper + "]");
    }
    return new Prior(parameter, Family.TRUNCATED_NORMAL, mean, sd, lower, upper,
        "truncated normal(" + mean + ", " + sd + ") on [" + lower + ", " + upper + "]");
  }

  private static void numeric(Parameter<?> parameter) {
    checkNotNull(parameter, "parameter");
    if (parameter.type() != Double.class && parameter.type() != Integer.class) {
      throw new IllegalArgumentException("parameter '" + parameter.name() + "' takes "
          + parameter.type().getSimpleName() + " values; priors are for Double and Integer parameters");
    }
  }

  private static void checkNormal(Parameter<?> parameter, String family, double mean, double sd) {
    if (!Double.isFinite(mean)) {
      throw new IllegalArgumentException("prior of parameter '" + parameter.name() + "': " + family
          + " needs a finite mean but was " + mean);
    }
    if (!(Double.isFinite(sd) && sd > 0)) {
      throw new IllegalArgumentException("prior of parameter '" + parameter.name() + "': " + family
          + " needs a finite standard deviation > 0 but was " + sd);
    }
  }

  /**
   * Checks the support against another declaration of the parameter, such as the one a scenario
   * holds, whose rule may differ from that of the parameter the prior was made for.
   *
   * @throws IllegalArgumentException naming the parameter if the declaration does not admit the
   *     support
   */
  void checkSupportAgainst(Parameter<?> declared) {
    checkNotNull(declared, "declared");
    checkSupport(declared);
  }

  /** Fails, naming the parameter, if the support reaches values the parameter does not admit. */
  private void checkSupport(Parameter<?> p) {
    if (p.type() == Integer.class) {
      checkEnd(p, lower, Math.floor(lower + 0.5));
      checkEnd(p, upper, Math.ceil(upper - 0.5));
    } else {
      checkEnd(p, lower, Double.isInfinite(lower) ? -Double.MAX_VALUE
          : family == Family.LOG_NORMAL ? Double.MIN_VALUE : lower);
      checkEnd(p, upper, Double.isInfinite(upper) ? Double.MAX_VALUE : upper);
    }
  }

  private void checkEnd(Parameter<?> p, double end, double value) {
    Object v;
    if (p.type() == Integer.class) {
      if (!(value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE)) {
        throw new IllegalArgumentException(unadmitted(p, end, "its values reach " + value + ", beyond the int range"));
      }
      v = (int) value;
    } else {
      v = value;
    }
    try {
      p.checkValue(v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(unadmitted(p, end, "the parameter does not admit " + v), e);
    }
  }

  private String unadmitted(Parameter<?> p, double end, String why) {
    return "prior of parameter '" + p.name() + "': " + label + " reaches " + end + " but the parameter must be "
        + p.rule() + " (" + why + "); use a truncated normal or a uniform within the admitted values";
  }

  /**
   * Returns the parameter.
   *
   * @return the parameter
   */
  public Parameter<?> parameter() {
    return parameter;
  }

  /**
   * Whether the parameter takes integers, the nearest to the latent value.
   *
   * @return {@code true} for an {@code Integer} parameter
   */
  public boolean integer() {
    return parameter.type() == Integer.class;
  }

  /**
   * Returns the lower end of the latent value's support.
   *
   * @return the end, possibly −∞
   */
  public double lower() {
    return lower;
  }

  /**
   * Returns the upper end of the latent value's support.
   *
   * @return the end, possibly +∞
   */
  public double upper() {
    return upper;
  }

  /**
   * Returns the density of the latent value.
   *
   * @param x the latent value
   * @return the density, 0 outside the support
   */
  public double density(double x) {
    return Math.exp(logDensity(x));
  }

  /**
   * Returns the logarithm of the density of the latent value.
   *
   * @param x the latent value
   * @return the log density, −∞ outside the support (and for NaN)
   */
  public double logDensity(double x) {
    if (!(x >= lower && x <= upper) || (family == Family.LOG_NORMAL && x <= 0)) {
      return Double.NEGATIVE_INFINITY;
    }
    switch (family) {
      case UNIFORM:
        return -Math.log(scale);
      case NORMAL:
        return logStandardNormalDensity((x - location) / scale) - Math.log(scale);
      case LOG_NORMAL:
        return logStandardNormalDensity((Math.log(x) - location) / scale) - Math.log(scale * x);
      case TRUNCATED_NORMAL:
        return logStandardNormalDensity((x - location) / scale) - Math.log(scale * mass);
      default:
        throw new AssertionError(family);
    }
  }

  /**
   * Returns the distribution function of the latent value.
   *
   * @param x the latent value
   * @return {@code P(X <= x)}
   */
  public double cdf(double x) {
    if (x <= lower) {
      return 0;
    }
    if (x >= upper) {
      return 1;
    }
    switch (family) {
      case UNIFORM:
        return (x - lower) / scale;
      case NORMAL:
        return standardNormalCdf((x - location) / scale);
      case LOG_NORMAL:
        return standardNormalCdf((Math.log(x) - location) / scale);
      case TRUNCATED_NORMAL:
        return Math.min(1, Math.max(0, (standardNormalCdf((x - location) / scale) - massBelow) / mass));
      default:
        throw new AssertionError(family);
    }
  }

  /**
   * Returns the prior probability of a value of an integer parameter, {@code F(k + ½) − F(k − ½)}.
   *
   * @param k the value
   * @return its probability
   * @throws IllegalStateException if the parameter is not an {@code Integer} parameter
   */
  public double probability(int k) {
    if (!integer()) {
      throw new IllegalStateException("parameter '" + parameter.name() + "' is continuous; use density(x)");
    }
    return cdf(k + 0.5) - cdf(k - 0.5);
  }

  /**
   * Returns the parameter's value for a latent value: the value itself, or for an integer
   * parameter the nearest integer (halves up).
   *
   * @param latent the latent value
   * @return the parameter's value, as a double
   */
  public double value(double latent) {
    if (!integer()) {
      return latent;
    }
    // an end of the support belongs to the cell inside it, so that a latent value exactly at the
    // upper end of discreteUniform(lo, hi), hi + ½, gives hi and never the inadmissible hi + 1
    return Math.max(Math.floor(lower + 0.5), Math.min(Math.ceil(upper - 0.5), Math.floor(latent + 0.5)));
  }

  /**
   * Draws a latent value, by inversion of one uniform draw of the generator.
   *
   * @param random the generator
   * @return a value in the support
   */
  public double sampleLatent(RandomGenerator random) {
    checkNotNull(random, "random");
    // in (0, 1), so that the inverse distribution function is finite
    double u = ((random.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    double x;
    switch (family) {
      case UNIFORM:
        x = lower + u * scale;
        break;
      case NORMAL:
        x = location + scale * standardNormalQuantile(u);
        break;
      case LOG_NORMAL:
        x = Math.exp(location + scale * standardNormalQuantile(u));
        break;
      case TRUNCATED_NORMAL:
        x = truncatedQuantile(u);
        break;
      default:
        throw new AssertionError(family);
    }
    // rounding in the last bit can step over an end of the support; the end is the nearest value
    return Math.min(upper, Math.max(lower, x));
  }

  /** Inverts the truncated distribution function in the tail where Φ keeps its relative precision. */
  private double truncatedQuantile(double u) {
    double a = (lower - location) / scale;
    double b = (upper - location) / scale;
    if (a > 0) {
      double lowerTail = standardNormalCdf(-b);
      return location - scale * standardNormalQuantile(lowerTail + (1 - u) * mass);
    }
    return location + scale * standardNormalQuantile(massBelow + u * mass);
  }

  /**
   * Draws the parameter's value: a latent value, rounded for an integer parameter.
   *
   * @param random the generator
   * @return the value, as a double
   */
  public double sample(RandomGenerator random) {
    return value(sampleLatent(random));
  }

  /** Returns for example {@code entry-rate ~ uniform(0.01, 0.5)}. */
  @Override
  public String toString() {
    return parameter.name() + " ~ " + label;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Prior)) {
      return false;
    }
    Prior p = (Prior) o;
    return p.parameter.equals(parameter) && p.parameter.type() == parameter.type() && p.label.equals(label);
  }

  @Override
  public int hashCode() {
    return parameter.hashCode() * 31 + label.hashCode();
  }

  static double logStandardNormalDensity(double z) {
    return -0.5 * z * z - LOG_SQRT_2PI;
  }

  /**
   * Φ(z), the standard normal distribution function, with a relative error near 1e-15 in the
   * lower tail: Marsaglia's Taylor series {@code ½ + φ(z)(z + z³/3 + z⁵/(3·5) + …)} for
   * {@code |z| <= 3}, Laplace's continued fraction {@code φ(z) / (z + 1/(z + 2/(z + …)))} for the
   * tail beyond.
   */
  static double standardNormalCdf(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    if (z < -3) {
      return upperTail(-z);
    }
    if (z > 3) {
      return 1 - upperTail(z);
    }
    double s = z;
    double t = 0;
    double b = z;
    double q = z * z;
    double i = 1;
    while (s != t) {
      t = s;
      i += 2;
      b *= q / i;
      s = t + b;
    }
    return 0.5 + s * Math.exp(-0.5 * q - LOG_SQRT_2PI);
  }

  /** {@code 1 − Φ(z)} for {@code z >= 3}; 100 terms of the continued fraction give full precision there. */
  private static double upperTail(double z) {
    if (z == Double.POSITIVE_INFINITY) {
      return 0;
    }
    double t = z;
    for (int k = 100; k >= 1; k--) {
      t = z + k / t;
    }
    return Math.exp(-0.5 * z * z - LOG_SQRT_2PI) / t;
  }

  private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
    1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
  private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
    6.680131188771972e+01, -1.328068155288572e+01};
  private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
    -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
  private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
    3.754408661907416e+00};

  /**
   * Φ⁻¹(p): Acklam's rational approximation (relative error below 1.2e-9), refined by one step of
   * Halley's method on Φ.
   */
  static double standardNormalQuantile(double p) {
    if (!(p > 0 && p < 1)) {
      if (p == 0) {
        return Double.NEGATIVE_INFINITY;
      }
      if (p == 1) {
        return Double.POSITIVE_INFINITY;
      }
      throw new IllegalArgumentException(String.format(Locale.ROOT, "probability must be in [0, 1] but was %s", p));
    }
    double pLow = 0.02425;
    double x;
    if (p < pLow) {
      double q = Math.sqrt(-2 * Math.log(p));
      x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
          / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    } else if (p <= 1 - pLow) {
      double q = p - 0.5;
      double r = q * q;
      x = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
          / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    } else {
      double q = Math.sqrt(-2 * Math.log1p(-p));
      x = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
          / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }
    // the error is taken in the tail that holds p, where Φ keeps its relative precision
    double e = p < 0.5 ? standardNormalCdf(x) - p : (1 - p) - standardNormalCdf(-x);
    double u = e * SQRT_2PI * Math.exp(0.5 * x * x);
    return x - u / (1 + 0.5 * x * u);
  }
}
