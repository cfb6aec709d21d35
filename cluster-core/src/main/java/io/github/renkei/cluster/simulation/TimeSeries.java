package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;

/**
 * The values of one metric over the steps of one run, with the steps' time labels. Immutable.
 */
public final class TimeSeries {

  private final String metric;
  private final ImmutableList<String> times;
  private final double[] values;

  TimeSeries(String metric, ImmutableList<String> times, double[] values) {
    this.metric = checkNotNull(metric, "metric");
    this.times = times;
    this.values = values;
  }

  /**
   * Returns the metric's name.
   *
   * @return the name
   */
  public String metric() {
    return metric;
  }

  /**
   * Returns the number of steps observed.
   *
   * @return the length
   */
  public int size() {
    return values.length;
  }

  /**
   * Returns the value at a step.
   *
   * @param step the step index
   * @return the value
   */
  public double get(int step) {
    return values[step];
  }

  /**
   * Returns the time label of a step.
   *
   * @param step the step index
   * @return the label
   */
  public String time(int step) {
    return times.get(step);
  }

  /**
   * Returns the time labels.
   *
   * @return one per value
   */
  public ImmutableList<String> times() {
    return times;
  }

  /**
   * Returns a copy of the values.
   *
   * @return one per step
   */
  public double[] values() {
    return values.clone();
  }

  /**
   * Returns the last value.
   *
   * @return the value at the last step observed
   */
  public double last() {
    return values[values.length - 1];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeSeries && ((TimeSeries) o).metric.equals(metric) && ((TimeSeries) o).times.equals(times)
        && Arrays.equals(((TimeSeries) o).values, values);
  }

  @Override
  public int hashCode() {
    return (metric.hashCode() * 31 + times.hashCode()) * 31 + Arrays.hashCode(values);
  }

  /** Returns for example {@code population[2005=100.0, 2006=103.5, …]}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(metric).append('[');
    for (int i = 0; i < values.length; i++) {
      s.append(i > 0 ? ", " : "").append(times.get(i)).append('=').append(values[i]);
    }
    return s.append(']').toString();
  }
}
