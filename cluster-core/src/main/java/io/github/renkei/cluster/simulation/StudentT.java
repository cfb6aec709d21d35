package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Quantiles of Student's t distribution, for confidence intervals of means. The distribution
 * function is the regularized incomplete beta function, {@code P(T <= t) = 1 - I_x(ν/2, 1/2) / 2}
 * with {@code x = ν / (ν + t²)} for {@code t >= 0}, evaluated by Lentz's continued fraction
 * (Press et al., Numerical Recipes, 3rd ed., §6.4); quantiles are found by bisection to 1e-12.
 */
public final class StudentT {

  private static final ConcurrentHashMap<Long, Double> CACHE = new ConcurrentHashMap<>();

  private StudentT() {}

  /**
   * Returns the two-sided critical value {@code t} with {@code P(|T| <= t) = level}.
   *
   * @param degreesOfFreedom ν, at least 1
   * @param level the confidence level in (0, 1), for example 0.95
   * @return the critical value, for example 2.2281 for ν = 10 and level 0.95
   */
  public static double critical(long degreesOfFreedom, double level) {
    checkArgument(degreesOfFreedom >= 1, "degrees of freedom must be >= 1 but was %s", degreesOfFreedom);
    checkArgument(level > 0 && level < 1, "level must be in (0, 1) but was %s", level);
    long key = degreesOfFreedom * 1_000_003L + Double.doubleToLongBits(level);
    return CACHE.computeIfAbsent(key, k -> quantile(degreesOfFreedom, 0.5 + level / 2));
  }

  /**
   * Returns the quantile of probability {@code p} (above 0.5).
   *
   * @param nu the degrees of freedom
   * @param p the probability, in (0.5, 1)
   * @return t with {@code P(T <= t) = p}
   */
  static double quantile(double nu, double p) {
    double lo = 0;
    double hi = 1;
    while (cdf(nu, hi) < p) {
      hi *= 2;
    }
    for (int i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
      double mid = (lo + hi) / 2;
      if (cdf(nu, mid) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /** The distribution function for t >= 0. */
  static double cdf(double nu, double t) {
    double x = nu / (nu + t * t);
    return 1 - 0.5 * regularizedBeta(x, nu / 2, 0.5);
  }

  static double regularizedBeta(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
    if (x < (a + 1) / (a + b + 2)) {
      return front * continuedFraction(x, a, b) / a;
    }
    return 1 - front * continuedFraction(1 - x, b, a) / b;
  }

  private static double continuedFraction(double x, double a, double b) {
    final double tiny = 1e-300;
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    double h = d;
    for (int m = 1; m <= 10_000; m++) {
      int m2 = 2 * m;
      double num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
      d = 1 + num * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + num / c;
      c = Math.abs(c) < tiny ? tiny : c;
      h *= d * c;
      num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
      d = 1 + num * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + num / c;
      c = Math.abs(c) < tiny ? tiny : c;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < 1e-15) {
        break;
      }
    }
    return h;
  }

  /** Lanczos approximation (g = 7, n = 9), relative error below 1e-15 for positive arguments. */
  static double logGamma(double x) {
    double[] g = {
      0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
      -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
      1.5056327351493116e-7
    };
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    x -= 1;
    double a = g[0];
    double t = x + 7.5;
    for (int i = 1; i < 9; i++) {
      a += g[i] / (x + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
  }
}
