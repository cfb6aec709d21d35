package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Count, mean and variance of a stream of values in one pass, by Welford's update (Welford,
 * "Note on a method for calculating corrected sums of squares and products", Technometrics 4
 * (1962) 419–420), which stays accurate where the naive sum of squares cancels. Two accumulators
 * merge by the pairwise formula of Chan, Golub and LeVeque (1979). Not thread-safe.
 *
 * <pre>{@code
 * RunningStatistics s = new RunningStatistics();
 * for (double x : values) { s.add(x); }
 * s.mean(); s.variance();
 * }</pre>
 */
public final class RunningStatistics {

  private long count;
  private double mean;
  private double m2;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  /** Creates an empty accumulator. */
  public RunningStatistics() {}

  /**
   * Adds a value.
   *
   * @param x a finite value
   * @throws IllegalArgumentException naming the value if it is not finite
   */
  public void add(double x) {
    checkArgument(Double.isFinite(x), "values must be finite but got %s", x);
    count++;
    double delta = x - mean;
    mean += delta / count;
    m2 += delta * (x - mean);
    min = Math.min(min, x);
    max = Math.max(max, x);
  }

  /**
   * Adds everything another accumulator holds. Equal to adding its values one by one up to
   * rounding.
   *
   * @param other the other accumulator
   */
  public void merge(RunningStatistics other) {
    if (other.count == 0) {
      return;
    }
    if (count == 0) {
      count = other.count;
      mean = other.mean;
      m2 = other.m2;
      min = other.min;
      max = other.max;
      return;
    }
    long n = count + other.count;
    double delta = other.mean - mean;
    mean += delta * other.count / n;
    m2 += other.m2 + delta * delta * ((double) count * other.count / n);
    count = n;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
  }

  /**
   * Returns the number of values.
   *
   * @return the count
   */
  public long count() {
    return count;
  }

  /**
   * Returns the mean.
   *
   * @return the mean
   * @throws IllegalStateException if there are no values
   */
  public double mean() {
    requireValues(1);
    return mean;
  }

  /**
   * Returns the sample variance (denominator {@code n - 1}).
   *
   * @return the variance, {@code >= 0}
   * @throws IllegalStateException if there are fewer than two values
   */
  public double variance() {
    requireValues(2);
    return Math.max(0.0, m2 / (count - 1));
  }

  /**
   * Returns the smallest value.
   *
   * @return the minimum
   */
  public double min() {
    requireValues(1);
    return min;
  }

  /**
   * Returns the largest value.
   *
   * @return the maximum
   */
  public double max() {
    requireValues(1);
    return max;
  }

  private void requireValues(int n) {
    if (count < n) {
      throw new IllegalStateException("needs at least " + n + " value" + (n > 1 ? "s" : "") + " but has " + count);
    }
  }

  @Override
  public String toString() {
    return "RunningStatistics[n=" + count + (count > 0 ? ", mean=" + mean : "")
        + (count > 1 ? ", variance=" + variance() : "") + "]";
  }
}
