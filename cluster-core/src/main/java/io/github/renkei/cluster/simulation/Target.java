package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.internal.Ids;
import java.util.Map;

/**
 * An observed value that a {@link Calibration} fits: a metric of the scenario at a time of its
 * schedule, the value observed there, and the scale that makes errors of different metrics
 * comparable — the calibration's distance divides the error {@code simulated − observed} by it.
 * Immutable.
 *
 * <pre>{@code
 * Target t = Target.of("registered", "2011", 50).withSource("MHLW registry, FY2011");
 * List<Target> series = Target.series("registered", ImmutableMap.of("2011", 50, "2015", 71, "2016", 74));
 * }</pre>
 *
 * @param metric the metric's name
 * @param time the time label of the step, such as {@code "2011"}
 * @param observed the observed value, finite
 * @param scale the error's scale, finite and {@code > 0}
 * @param source where the value comes from, for the record; empty if not given
 */
public record Target(String metric, String time, double observed, double scale, String source) {

  /**
   * Validates the fields.
   *
   * @param metric the metric's name
   * @param time the time label
   * @param observed the observed value
   * @param scale the scale
   * @param source the source
   * @throws IllegalArgumentException naming the value if the metric or time is blank, the
   *     observed value is not finite, or the scale is not finite and positive
   */
  public Target {
    Ids.check(metric, "target metric");
    Ids.check(time, "target time");
    checkArgument(Double.isFinite(observed), "observed value of '%s' at %s must be finite but was %s", metric, time,
        observed);
    checkArgument(Double.isFinite(scale) && scale > 0, "scale of target '%s' at %s must be finite and > 0 but was %s",
        metric, time, scale);
    checkNotNull(source, "source");
  }

  /**
   * A target with the default scale {@code max(|observed|, 1)}: errors relative to the observed
   * value, but absolute for values near zero.
   *
   * @param metric the metric's name
   * @param time the time label of the step
   * @param observed the observed value, finite
   * @return the target
   */
  public static Target of(String metric, String time, double observed) {
    return new Target(metric, time, observed, defaultScale(observed), "");
  }

  /**
   * A target with a scale, such as the observation's standard error.
   *
   * @param metric the metric's name
   * @param time the time label of the step
   * @param observed the observed value, finite
   * @param scale the error's scale, finite and {@code > 0}
   * @return the target
   */
  public static Target of(String metric, String time, double observed, double scale) {
    return new Target(metric, time, observed, scale, "");
  }

  /**
   * Targets for one metric at several times, with the default scale, in the map's order.
   *
   * @param metric the metric's name
   * @param observed the observed values by time label
   * @return the targets
   * @throws IllegalArgumentException naming the value if there are none or one is not finite
   */
  public static ImmutableList<Target> series(String metric, Map<String, ? extends Number> observed) {
    checkNotNull(observed, "observed");
    checkArgument(!observed.isEmpty(), "no observed values of '%s'", metric);
    ImmutableList.Builder<Target> targets = ImmutableList.builder();
    for (Map.Entry<String, ? extends Number> e : observed.entrySet()) {
      checkNotNull(e.getValue(), "observed value of '%s' at %s", metric, e.getKey());
      targets.add(of(metric, e.getKey(), e.getValue().doubleValue()));
    }
    return targets.build();
  }

  private static double defaultScale(double observed) {
    return Double.isFinite(observed) ? Math.max(Math.abs(observed), 1.0) : 1.0;
  }

  /**
   * Returns this target with another scale.
   *
   * @param newScale the scale, finite and {@code > 0}
   * @return the target
   */
  public Target withScale(double newScale) {
    return new Target(metric, time, observed, newScale, source);
  }

  /**
   * Returns this target with a source, such as the registry or report the value comes from.
   *
   * @param newSource the source; empty for none
   * @return the target
   */
  public Target withSource(String newSource) {
    return new Target(metric, time, observed, scale, checkNotNull(newSource, "source"));
  }

  /**
   * Returns the squared scaled error of a simulated value, this target's share of the distance.
   *
   * @param simulated the simulated value
   * @return {@code ((simulated − observed) / scale)²}
   */
  public double squaredError(double simulated) {
    double e = (simulated - observed) / scale;
    return e * e;
  }

  /** Returns for example {@code registered@2011 = 50.0 (scale 50.0, MHLW registry)}. */
  @Override
  public String toString() {
    return metric + "@" + time + " = " + observed + " (scale " + scale + (source.isEmpty() ? "" : ", " + source) + ")";
  }
}
