package io.github.renkei.cluster.inference;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.renkei.cluster.simulation.Statistics;
import io.github.renkei.cluster.simulation.Statistics.Interval;
import java.util.Locale;

/**
 * An estimate with its bootstrap confidence interval.
 *
 * @param value the estimate from the whole sample
 * @param interval the percentile interval of the bootstrap resamples' estimates
 */
public record Estimate(double value, Interval interval) {

  /**
   * Checks the estimate.
   *
   * @param value the estimate from the whole sample
   * @param interval the percentile interval of the bootstrap resamples' estimates
   * @throws IllegalArgumentException naming the values if the estimate or a bound is not finite
   */
  public Estimate {
    checkNotNull(interval, "interval");
    checkArgument(Double.isFinite(value) && Double.isFinite(interval.lower()) && Double.isFinite(interval.upper()),
        "an estimate and its interval must be finite but were %s [%s, %s]", value, interval.lower(),
        interval.upper());
  }

  /** The estimate and the percentile interval, with {@code tail} of the resamples cut off each side. */
  static Estimate percentile(double value, double[] resampled, double tail) {
    Statistics s = Statistics.of(resampled);
    return new Estimate(value, new Interval(s.quantile(tail), s.quantile(1 - tail)));
  }

  /** Returns for example {@code 0.3139 [0.3012, 0.3270]}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", value, interval.lower(), interval.upper());
  }
}
