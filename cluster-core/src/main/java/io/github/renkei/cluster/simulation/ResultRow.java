package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;

/**
 * One observation of an experiment, in tidy form: which run, scenario, grid point and
 * parameters, which replication, step and time, which metric, and its value.
 *
 * @param run the experiment's run id
 * @param scenario the scenario's name
 * @param point the grid point's index
 * @param parameters every parameter's value at that point, by name, in declaration order
 * @param replication the replication index
 * @param step the step index
 * @param time the step's time label
 * @param metric the metric's name
 * @param value the observed value, finite
 */
public record ResultRow(String run, String scenario, int point, ImmutableMap<String, Object> parameters,
    int replication, int step, String time, String metric, double value) {

  /**
   * Validates the fields.
   *
   * @param run the run id
   * @param scenario the scenario
   * @param point the point
   * @param parameters the parameters
   * @param replication the replication
   * @param step the step
   * @param time the time label
   * @param metric the metric
   * @param value the value
   */
  public ResultRow {
    checkNotNull(run, "run");
    checkNotNull(scenario, "scenario");
    checkNotNull(parameters, "parameters");
    checkNotNull(time, "time");
    checkNotNull(metric, "metric");
  }
}
