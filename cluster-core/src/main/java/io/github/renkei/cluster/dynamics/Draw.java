package io.github.renkei.cluster.dynamics;

import java.util.random.RandomGenerator;

/** Random draws the mechanisms share. Not API. */
final class Draw {

  /** Largest mean drawn in one piece; larger means are split, since sums of Poissons are Poisson. */
  private static final double CHUNK = 30;

  private Draw() {}

  /**
   * A Poisson draw by Knuth's multiplication method (Knuth, TAOCP vol. 2, §3.4.1), exact for
   * any mean: means above 30 are drawn as a sum of Poisson draws of at most 30 each.
   */
  static int poisson(RandomGenerator random, double mean) {
    int n = 0;
    double left = mean;
    while (left > 0) {
      double m = Math.min(left, CHUNK);
      left -= m;
      double limit = Math.exp(-m);
      double product = random.nextDouble();
      while (product > limit) {
        n++;
        product *= random.nextDouble();
      }
    }
    return n;
  }

  /** The chance that an event of yearly hazard {@code h} happens within a year. */
  static double chance(double hazard) {
    return -Math.expm1(-hazard);
  }
}
