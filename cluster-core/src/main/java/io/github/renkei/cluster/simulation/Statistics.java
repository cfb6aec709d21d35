package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Summary of a sample — one metric at one step over the replications of one grid point: count,
 * mean, sample standard deviation, 95% confidence interval of the mean (Student t), minimum,
 * maximum and quantiles. Values are taken in replication order, so the summary is bit-identical
 * whatever the number of threads or shards. Immutable.
 */
public final class Statistics {

  /**
   * A closed interval.
   *
   * @param lower the lower bound
   * @param upper the upper bound
   */
  public record Interval(double lower, double upper) {

    /**
     * Returns half the interval's width.
     *
     * @return {@code (upper - lower) / 2}
     */
    public double halfWidth() {
      return (upper - lower) / 2;
    }

    /**
     * Whether a value lies in the interval.
     *
     * @param x the value
     * @return {@code true} if {@code lower <= x <= upper}
     */
    public boolean contains(double x) {
      return lower <= x && x <= upper;
    }
  }

  private final double[] sorted;
  private final double mean;
  private final double variance;

  private Statistics(double[] values) {
    RunningStatistics s = new RunningStatistics();
    for (double v : values) {
      s.add(v);
    }
    this.mean = s.mean();
    this.variance = values.length > 1 ? s.variance() : 0.0;
    this.sorted = values.clone();
    Arrays.sort(sorted);
  }

  /**
   * Summarizes values, added in the order given.
   *
   * @param values finite values, at least one
   * @return the summary
   * @throws IllegalArgumentException if there are no values or one is not finite
   */
  public static Statistics of(double... values) {
    checkArgument(values.length > 0, "statistics need at least one value");
    return new Statistics(values);
  }

  /**
   * Returns the number of values.
   *
   * @return the count
   */
  public int count() {
    return sorted.length;
  }

  /**
   * Returns the mean.
   *
   * @return the mean
   */
  public double mean() {
    return mean;
  }

  /**
   * Returns the sample standard deviation.
   *
   * @return the standard deviation, or empty for a single value
   */
  public OptionalDouble standardDeviation() {
    return sorted.length > 1 ? OptionalDouble.of(Math.sqrt(variance)) : OptionalDouble.empty();
  }

  /**
   * Returns the 95% confidence interval of the mean: {@code mean ± t(0.975, n-1) · sd / √n}.
   *
   * @return the interval, or empty for a single value
   */
  public Optional<Interval> confidenceInterval95() {
    return confidenceInterval(0.95);
  }

  /**
   * Returns a confidence interval of the mean by Student's t.
   *
   * @param level the confidence level in (0, 1)
   * @return the interval, or empty for a single value
   */
  public Optional<Interval> confidenceInterval(double level) {
    if (sorted.length < 2) {
      return Optional.empty();
    }
    double h = StudentT.critical(sorted.length - 1, level) * Math.sqrt(variance / sorted.length);
    return Optional.of(new Interval(mean - h, mean + h));
  }

  /**
   * Returns the smallest value.
   *
   * @return the minimum
   */
  public double min() {
    return sorted[0];
  }

  /**
   * Returns the largest value.
   *
   * @return the maximum
   */
  public double max() {
    return sorted[sorted.length - 1];
  }

  /**
   * Returns a quantile by linear interpolation between order statistics (type 7 of Hyndman and
   * Fan, "Sample quantiles in statistical packages", The American Statistician 50 (1996); the
   * default of R and NumPy).
   *
   * @param p the probability in [0, 1]
   * @return the quantile
   */
  public double quantile(double p) {
    checkArgument(p >= 0 && p <= 1, "quantile probability must be in [0, 1] but was %s", p);
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * Returns the median.
   *
   * @return the 0.5 quantile
   */
  public double median() {
    return quantile(0.5);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Statistics && Arrays.equals(((Statistics) o).sorted, sorted)
        && Double.compare(((Statistics) o).mean, mean) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sorted) * 31 + Double.hashCode(mean);
  }

  /** Returns for example {@code 12.3 ± 0.8 (n=100, sd 4.1, 4.0–21.0)}. */
  @Override
  public String toString() {
    return confidenceInterval95()
        .map(ci -> String.format("%.4g ± %.2g (n=%d, sd %.3g, %.4g–%.4g)", mean, ci.halfWidth(), count(),
            Math.sqrt(variance), min(), max()))
        .orElse(String.format("%.4g (n=1)", mean));
  }
}
