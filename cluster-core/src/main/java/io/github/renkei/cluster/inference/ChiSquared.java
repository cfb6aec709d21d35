package io.github.renkei.cluster.inference;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The chi-squared distribution's function and quantiles, for the posterior of a discrepancy's
 * size. {@code P(χ²_k ≤ x)} is the regularized lower incomplete gamma function
 * {@code P(k/2, x/2)}, by its series below {@code a + 1} and Lentz's continued fraction above
 * (Press et al., Numerical Recipes, 3rd ed., §6.2); quantiles by bisection to a relative 1e-13.
 * Not API.
 */
final class ChiSquared {

  private static final int MAX_ITERATIONS = 10_000;
  private static final double EPSILON = 1e-16;

  private ChiSquared() {}

  /**
   * Returns {@code P(χ²_k ≤ x)}.
   *
   * @param k the degrees of freedom, {@code >= 1}
   * @param x the value
   * @return the probability
   */
  static double cdf(int k, double x) {
    checkArgument(k >= 1, "degrees of freedom must be >= 1 but was %s", k);
    if (x <= 0) {
      return 0;
    }
    return regularizedGammaP(k / 2.0, x / 2);
  }

  /**
   * Returns the quantile {@code x} with {@code P(χ²_k ≤ x) = p}.
   *
   * @param k the degrees of freedom, {@code >= 1}
   * @param p the probability in (0, 1)
   * @return the quantile
   */
  static double quantile(int k, double p) {
    checkArgument(k >= 1, "degrees of freedom must be >= 1 but was %s", k);
    checkArgument(p > 0 && p < 1, "probability must be in (0, 1) but was %s", p);
    double lo = 0;
    double hi = Math.max(1, k);
    while (cdf(k, hi) < p) {
      lo = hi;
      hi *= 2;
    }
    for (int i = 0; i < 400 && hi - lo > 1e-13 * hi; i++) {
      double mid = 0.5 * (lo + hi);
      if (cdf(k, mid) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  /** {@code P(a, x)}, the regularized lower incomplete gamma function, for {@code a, x > 0}. */
  static double regularizedGammaP(double a, double x) {
    double logFront = a * Math.log(x) - x - logGamma(a);
    if (x < a + 1) {
      // series: P = e^{-x} x^a / Γ(a) Σ x^n / (a (a+1) … (a+n))
      double term = 1 / a;
      double sum = term;
      for (int n = 1; n < MAX_ITERATIONS; n++) {
        term *= x / (a + n);
        sum += term;
        if (Math.abs(term) < Math.abs(sum) * EPSILON) {
          break;
        }
      }
      return Math.min(1, sum * Math.exp(logFront));
    }
    // continued fraction for Q = 1 − P (modified Lentz)
    double tiny = 1e-300;
    double b = x + 1 - a;
    double c = 1 / tiny;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < MAX_ITERATIONS; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      if (Math.abs(d) < tiny) {
        d = tiny;
      }
      c = b + an / c;
      if (Math.abs(c) < tiny) {
        c = tiny;
      }
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPSILON) {
        break;
      }
    }
    return Math.max(0, 1 - Math.exp(logFront) * h);
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
    double s = g[0];
    double t = x + 7.5;
    for (int i = 1; i < 9; i++) {
      s += g[i] / (x + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(s);
  }
}
