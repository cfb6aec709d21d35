package io.github.renkei.cluster.simulation;

import java.util.Arrays;
import java.util.Optional;

/**
 * Two policies compared replication by replication: the differences {@code b − a} of a metric
 * over the replications both ran, with the paired-t confidence interval of the mean difference.
 * Because replication {@code r} draws the same random numbers under both policies (common random
 * numbers), the noise the policies share cancels in each difference; the interval is then
 * usually far narrower than that of two independent samples (Law, "Simulation Modeling and
 * Analysis", 5th ed., §10.2.1 and §11.2). Immutable.
 *
 * <pre>{@code
 * PairedComparison d = result.compareFinal("baseline", 0, "with-council", 0, "own-products");
 * if (d.confidenceInterval95().map(ci -> ci.lower() > 0).orElse(false)) { ... }   // b is higher
 * }</pre>
 */
public final class PairedComparison {

  private final String a;
  private final String b;
  private final String metric;
  private final String where;
  private final double[] valuesA;
  private final double[] valuesB;
  private final Statistics difference;

  PairedComparison(String a, String b, String metric, String where, double[] valuesA, double[] valuesB) {
    this.a = a;
    this.b = b;
    this.metric = metric;
    this.where = where;
    this.valuesA = valuesA;
    this.valuesB = valuesB;
    double[] d = new double[valuesA.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = valuesB[i] - valuesA[i];
    }
    this.difference = Statistics.of(d);
  }

  /**
   * Returns the number of pairs.
   *
   * @return the replications both sides ran
   */
  public int pairs() {
    return valuesA.length;
  }

  /**
   * Returns the summary of the differences {@code b − a}.
   *
   * @return the summary
   */
  public Statistics difference() {
    return difference;
  }

  /**
   * Returns the mean difference {@code b − a}.
   *
   * @return the mean
   */
  public double meanDifference() {
    return difference.mean();
  }

  /**
   * Returns the 95% confidence interval of the mean difference.
   *
   * @return the interval, or empty for a single pair
   */
  public Optional<Statistics.Interval> confidenceInterval95() {
    return difference.confidenceInterval95();
  }

  /**
   * Returns the summary of side a alone.
   *
   * @return the summary of a's values over the pairs
   */
  public Statistics a() {
    return Statistics.of(valuesA);
  }

  /**
   * Returns the summary of side b alone.
   *
   * @return the summary of b's values over the pairs
   */
  public Statistics b() {
    return Statistics.of(valuesB);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PairedComparison p && p.a.equals(a) && p.b.equals(b) && p.metric.equals(metric)
        && p.where.equals(where) && Arrays.equals(p.valuesA, valuesA) && Arrays.equals(p.valuesB, valuesB);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(valuesA) * 31 + Arrays.hashCode(valuesB);
  }

  /** Returns for example {@code with-council@0 − baseline@0, own-products at the final step: 2.1 ± 0.4 (n=200, ...)}. */
  @Override
  public String toString() {
    return b + " − " + a + ", " + metric + " at " + where + ": " + difference;
  }
}
