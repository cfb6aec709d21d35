package io.github.renkei.cluster.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.simulation.Parameter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Priors: densities, distribution functions and samplers, and the priors that are refused. */
class PriorTest {

  static final Parameter<Double> FREE = Parameter.real("mu", 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  static final Parameter<Double> RATE = Parameter.real("rate", 0.1, 0, 1);
  static final Parameter<Integer> YEARS = Parameter.integer("rotation-years", 3, 1, 10);

  @Test
  void standardNormalDistributionFunctionMatchesReferenceValuesToTwelveDigits() {
    // reference values from the error function in 30-digit arithmetic
    double[][] cases = {
      {0, 0.5}, {-1, 0.15865525393145705}, {1.96, 0.9750021048517795}, {-3, 0.0013498980316300946},
      {-3.5, 2.3262907903552504e-4}, {-5, 2.866515718791939e-7}, {-10, 7.619853024160527e-24}, {2.5, 0.9937903346742238}
    };
    for (double[] c : cases) {
      double phi = Prior.standardNormalCdf(c[0]);
      assertEquals(c[1], phi, 1e-12 * c[1], "Φ(" + c[0] + ")");
    }
  }

  @Test
  void standardNormalQuantileInvertsTheDistributionFunction() {
    assertEquals(1.959963984540054, Prior.standardNormalQuantile(0.975), 1e-13);
    assertEquals(-3.090232306167813, Prior.standardNormalQuantile(0.001), 1e-12);
    assertEquals(-6.361340902404056, Prior.standardNormalQuantile(1e-10), 1e-11);
    for (double p = 1e-6; p < 1; p = p * 3.7 + 1e-3) {
      double x = Prior.standardNormalQuantile(p);
      assertEquals(p, Prior.standardNormalCdf(x), 1e-14 + 1e-12 * p, "Φ(Φ⁻¹(" + p + "))");
    }
  }

  @Test
  void uniformHasFlatDensityAndLinearDistributionFunction() {
    Prior u = Prior.uniform(RATE, 0.2, 0.6);
    assertEquals(2.5, u.density(0.3), 1e-12);
    assertEquals(0, u.density(0.7));
    assertEquals(Double.NEGATIVE_INFINITY, u.logDensity(0.1));
    assertEquals(0.25, u.cdf(0.3), 1e-12);
    double[] m = moments(u, 40_000, 1);
    assertEquals(0.4, m[0], 0.003);
    assertEquals(0.4 / Math.sqrt(12), m[1], 0.003);
    assertTrue(m[2] >= 0.2 && m[3] <= 0.6);
  }

  @Test
  void normalAndLogNormalDrawWithTheirMomentsAndQuantiles() {
    double[] n = moments(Prior.normal(FREE, 3, 2), 40_000, 2);
    assertEquals(3, n[0], 0.03);
    assertEquals(2, n[1], 0.03);
    Prior log = Prior.logNormal(FREE.withDefault(1.0), 0.5, 0.25);
    assertEquals(0.5, log.cdf(Math.exp(0.5)), 1e-12);
    assertEquals(0, log.density(-1));
    double[] l = moments(log, 40_000, 3);
    assertEquals(Math.exp(0.5 + 0.25 * 0.25 / 2), l[0], 0.01);
    assertTrue(l[2] > 0);
  }

  @Test
  void truncatedNormalStaysInItsIntervalWithTheAnalyticMeanEvenFarInTheTail() {
    Prior half = Prior.truncatedNormal(RATE, 0, 1, 0, 1);
    double z = Prior.standardNormalCdf(1) - 0.5;
    double mean = (Math.exp(-0.0) - Math.exp(-0.5)) / Math.sqrt(2 * Math.PI) / z;
    double[] h = moments(half, 40_000, 4);
    assertEquals(mean, h[0], 0.004);
    assertTrue(h[2] >= 0 && h[3] <= 1);
    assertEquals(1 / (Math.sqrt(2 * Math.PI) * z), half.density(0), 1e-12);
    // [5, ∞) of a standard normal holds 2.9e-7 of its mass; its mean is φ(5) / Q(5) = 5.1865
    Prior tail = Prior.truncatedNormal(FREE, 0, 1, 5, Double.POSITIVE_INFINITY);
    double[] t = moments(tail, 20_000, 5);
    assertEquals(5.1865, t[0], 0.005);
    assertTrue(t[2] >= 5);
    assertEquals(1.0, tail.cdf(1e300));
  }

  @Test
  void integerParameterTakesTheNearestIntegerAndDiscreteUniformGivesEachValueEqualProbability() {
    Prior d = Prior.discreteUniform(YEARS, 2, 7);
    for (int k = 2; k <= 7; k++) {
      assertEquals(1.0 / 6, d.probability(k), 1e-12);
    }
    assertEquals(0, d.probability(1));
    int[] counts = new int[11];
    SplittableRandom random = new SplittableRandom(6);
    for (int i = 0; i < 60_000; i++) {
      double v = d.sample(random);
      assertEquals(Math.rint(v), v);
      counts[(int) v]++;
    }
    for (int k = 2; k <= 7; k++) {
      assertEquals(10_000, counts[k], 400, "draws of " + k);
    }
    assertEquals(3.0, Prior.truncatedNormal(YEARS, 3, 1, 1, 10).value(3.49));
    assertEquals(4.0, Prior.truncatedNormal(YEARS, 3, 1, 1, 10).value(3.5));
    // the ends of the support belong to the cells inside it
    assertEquals(7.0, d.value(7.5));
    assertEquals(2.0, d.value(1.5));
  }

  @Test
  void refusesImproperAndDegeneratePriorsNamingTheParameter() {
    refused(() -> Prior.uniform(RATE, 0.5, 0.2), "rate", "lower < upper", "[0.5, 0.2]");
    refused(() -> Prior.uniform(FREE, 0, Double.POSITIVE_INFINITY), "mu", "finite", "Infinity");
    refused(() -> Prior.uniform(RATE, 0.3, 0.3), "rate", "lower < upper");
    refused(() -> Prior.normal(FREE, 0, 0), "mu", "standard deviation > 0", "0.0");
    refused(() -> Prior.normal(FREE, 0, -1), "mu", "but was -1.0");
    refused(() -> Prior.normal(FREE, Double.NaN, 1), "mu", "finite mean");
    refused(() -> Prior.logNormal(FREE, 0, Double.POSITIVE_INFINITY), "mu", "standard deviation");
    refused(() -> Prior.truncatedNormal(RATE, 0.5, 0.1, 0.6, 0.4), "rate", "lower < upper");
    refused(() -> Prior.truncatedNormal(FREE, 0, 1, 50, 60), "mu", "no probability", "degenerate");
    refused(() -> Prior.discreteUniform(YEARS, 5, 4), "rotation-years", "lower <= upper");
  }

  @Test
  void refusesSupportsBeyondTheParametersAdmittedValues() {
    refused(() -> Prior.normal(RATE, 0.5, 0.1), "rate", "a finite number in [0.0, 1.0]", "truncated normal");
    refused(() -> Prior.uniform(RATE, -0.1, 0.5), "rate", "-0.1");
    refused(() -> Prior.logNormal(RATE, 0, 1), "rate", "Infinity");
    refused(() -> Prior.discreteUniform(YEARS, 0, 4), "rotation-years", "an integer in [1, 10]", "admit 0");
    refused(() -> Prior.normal(YEARS, 3, 1), "rotation-years", "int range");
    refused(() -> Prior.uniform(Parameter.flag("council", false), 0, 1), "council", "Boolean");
  }

  private static void refused(Executable bad, String... fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad);
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' should contain " + f);
    }
  }

  /** Mean, standard deviation, minimum and maximum of draws. */
  private static double[] moments(Prior prior, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double s = 0;
    double s2 = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double x = prior.sample(random);
      s += x;
      s2 += x * x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    double mean = s / n;
    return new double[] {mean, Math.sqrt(s2 / n - mean * mean), min, max};
  }
}
