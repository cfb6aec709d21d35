package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Summary of a sample — one metric at one step over the replications of one grid point: count,
 * mean, sample standard deviation, 95% confidence interval of the mean (Student t), a prediction
 * interval for one more run, the range of the runs, minimum, maximum and quantiles. Three bands,
 * three questions: where the mean is ({@link #confidenceInterval}), where the next run falls
 * ({@link #predictionInterval}), where the runs were ({@link #runRange}). Values are taken in replication order, so the summary is bit-identical
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
   * Returns a prediction interval for one more run: where the next replication's value falls
   * with the given probability, {@code mean ± t(level, n-1) · sd · √(1 + 1/n)} (the normal-theory
   * interval; Hahn and Meeker, "Statistical Intervals", 1991, §4.3). Not to be confused with
   * {@link #confidenceInterval}, which is about the mean and narrows as runs are added, nor with
   * {@link #runRange}, which reads the runs' own quantiles. It carries replication noise only; a
   * band over parameter uncertainty needs a posterior (package {@code inference}).
   *
   * @param level the probability in (0, 1)
   * @return the interval, or empty for a single value
   * @throws IllegalArgumentException naming the level if it is not in (0, 1)
   */
  public Optional<Interval> predictionInterval(double level) {
    checkArgument(level > 0 && level < 1, "prediction level must be in (0, 1) but was %s", level);
    if (sorted.length < 2) {
      return Optional.empty();
    }
    double h = StudentT.critical(sorted.length - 1, level) * Math.sqrt(variance * (1 + 1.0 / sorted.length));
    return Optional.of(new Interval(mean - h, mean + h));
  }

  /**
   * Returns the central range of the runs themselves: the {@code (1 − share)/2} and
   * {@code (1 + share)/2} quantiles ({@link #quantile}); {@code runRange(0.9)} is the "5–95 % of
   * runs" band of the charts.
   *
   * @param share the share of runs inside, in (0, 1]
   * @return the interval
   * @throws IllegalArgumentException naming the share if it is not in (0, 1]
   */
  public Interval runRange(double share) {
    checkArgument(share > 0 && share <= 1, "share of runs must be in (0, 1] but was %s", share);
    return new Interval(quantile((1 - share) / 2), quantile((1 + share) / 2));
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
