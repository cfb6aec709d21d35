package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.SplittableRandom;

/**
 * Latin hypercube sampling of the unit cube (McKay, Beckman and Conover, "A comparison of three
 * methods for selecting values of input variables in the analysis of output from a computer
 * code", Technometrics 21(2), 1979, 239–245): each dimension is cut into {@code n} equal strata
 * and holds exactly one of the {@code n} points in each, at a uniform position within it; the
 * strata are matched across dimensions by independent random permutations. Every coordinate
 * {@code u} of point {@code i} lies in {@code [0, 1)} with {@code floor(u · n)} the stratum.
 * {@code O(n · d)} time.
 *
 * <p>The same seed gives the same design: the draws are, dimension by dimension, a
 * Fisher–Yates shuffle of the strata and then one position per point.
 */
final class LatinHypercube {

  private LatinHypercube() {}

  /**
   * Draws a design.
   *
   * @param n the number of points, {@code >= 0}
   * @param dimensions the number of dimensions, {@code >= 1}
   * @param seed the seed of the {@link SplittableRandom} that permutes and places
   * @return {@code n} points of {@code dimensions} coordinates each
   */
  static double[][] sample(int n, int dimensions, long seed) {
    checkArgument(n >= 0, "a Latin hypercube needs n >= 0 points but was %s", n);
    checkArgument(dimensions >= 1, "a Latin hypercube needs at least one dimension but had %s", dimensions);
    SplittableRandom random = new SplittableRandom(seed);
    double[][] points = new double[n][dimensions];
    int[] strata = new int[n];
    for (int d = 0; d < dimensions; d++) {
      for (int i = 0; i < n; i++) {
        strata[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = strata[i];
        strata[i] = strata[j];
        strata[j] = t;
      }
      for (int i = 0; i < n; i++) {
        points[i][d] = inStratum(strata[i], n, random.nextDouble());
      }
    }
    return points;
  }

  /** A position in stratum k of n; rounding must not carry it into the next stratum. */
  private static double inStratum(int k, int n, double position) {
    double u = (k + position) / n;
    while (Math.floor(u * n) > k) {
      u = Math.nextDown(u);
    }
    while (Math.floor(u * n) < k) {
      u = Math.nextUp(u);
    }
    return u;
  }
}
