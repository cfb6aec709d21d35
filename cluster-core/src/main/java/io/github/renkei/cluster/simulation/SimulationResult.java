package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Arrays;

/**
 * What one replication of a scenario produced: a time series per metric and, if the scenario
 * has panels, per-entity values per step. Immutable; equal results come from equal scenarios,
 * parameters, seed and replication.
 */
public final class SimulationResult {

  private final String scenario;
  private final Parameters parameters;
  private final long seed;
  private final int replication;
  private final ImmutableList<String> times;
  private final ImmutableMap<String, TimeSeries> series;
  private final ImmutableMap<String, ImmutableList<ImmutableMap<String, Double>>> panels;
  private final boolean stoppedEarly;

  SimulationResult(Scenario<?> scenario, Parameters parameters, long seed, int replication, Replication run) {
    this.scenario = scenario.name();
    this.parameters = parameters;
    this.seed = seed;
    this.replication = replication;
    ImmutableList.Builder<String> t = ImmutableList.builder();
    for (int i = 0; i < run.stepsRun; i++) {
      t.add(scenario.schedule().label(i));
    }
    this.times = t.build();
    ImmutableMap.Builder<String, TimeSeries> s = ImmutableMap.builder();
    ImmutableList<String> names = scenario.metricNames();
    for (int i = 0; i < names.size(); i++) {
      s.put(names.get(i), new TimeSeries(names.get(i), times, Arrays.copyOf(run.values[i], run.stepsRun)));
    }
    this.series = s.buildOrThrow();
    ImmutableMap.Builder<String, ImmutableList<ImmutableMap<String, Double>>> p = ImmutableMap.builder();
    for (int i = 0; i < run.panels.size(); i++) {
      p.put(scenario.panels().get(i).name(), run.panels.get(i));
    }
    this.panels = p.buildOrThrow();
    this.stoppedEarly = run.stepsRun < scenario.schedule().size();
  }

  /**
   * Returns the scenario's name.
   *
   * @return the name
   */
  public String scenario() {
    return scenario;
  }

  /**
   * Returns the parameters of the run.
   *
   * @return the parameters
   */
  public Parameters parameters() {
    return parameters;
  }

  /**
   * Returns the root seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the replication index.
   *
   * @return the index
   */
  public int replication() {
    return replication;
  }

  /**
   * Returns the time labels of the steps that ran.
   *
   * @return the labels
   */
  public ImmutableList<String> times() {
    return times;
  }

  /**
   * Whether a stop condition ended the run before the schedule's last step.
   *
   * @return {@code true} if it stopped early
   */
  public boolean stoppedEarly() {
    return stoppedEarly;
  }

  /**
   * Returns the metric names, in declaration order.
   *
   * @return the names
   */
  public ImmutableList<String> metrics() {
    return series.keySet().asList();
  }

  /**
   * Returns a metric's time series.
   *
   * @param metric the metric's name
   * @return its values over the steps that ran
   * @throws IllegalArgumentException naming the metric if there is none of that name
   */
  public TimeSeries series(String metric) {
    TimeSeries s = series.get(checkNotNull(metric, "metric"));
    if (s == null) {
      throw new IllegalArgumentException("unknown metric '" + metric + "' (metrics: " + series.keySet() + ")");
    }
    return s;
  }

  /**
   * Returns a panel: per step, the value of each entity.
   *
   * @param panel the panel's name
   * @return one map per step that ran
   * @throws IllegalArgumentException naming the panel if there is none of that name
   */
  public ImmutableList<ImmutableMap<String, Double>> panel(String panel) {
    ImmutableList<ImmutableMap<String, Double>> p = panels.get(checkNotNull(panel, "panel"));
    if (p == null) {
      throw new IllegalArgumentException("unknown panel '" + panel + "' (panels: " + panels.keySet() + ")");
    }
    return p;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SimulationResult)) {
      return false;
    }
    SimulationResult r = (SimulationResult) o;
    return scenario.equals(r.scenario) && parameters.equals(r.parameters) && seed == r.seed
        && replication == r.replication && series.equals(r.series) && panels.equals(r.panels);
  }

  @Override
  public int hashCode() {
    return series.hashCode() * 31 + Long.hashCode(seed) + replication;
  }

  /** Returns the scenario, seed, replication and the last value of each metric. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("SimulationResult[").append(scenario).append(", seed ").append(seed)
        .append(", replication ").append(replication).append(", ").append(times.size()).append(" steps");
    series.forEach((name, ts) -> s.append(", ").append(name).append('=').append(ts.size() > 0 ? ts.last() : "—"));
    return s.append(']').toString();
  }
}
