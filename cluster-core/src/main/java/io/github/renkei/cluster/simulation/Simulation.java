package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Runs one replication of a scenario. Same scenario, parameters, seed and replication give a
 * bit-identical result, on any machine and whatever else runs at the same time.
 *
 * <pre>{@code
 * SimulationResult r = Simulation.run(scenario, scenario.defaults().with(GROWTH, 0.02), 42, 0);
 * r.series("population").last();
 * }</pre>
 *
 * For many replications and parameter grids, in parallel and with statistics, use
 * {@link Experiment}.
 */
public final class Simulation {

  private Simulation() {}

  /**
   * Runs one replication.
   *
   * @param scenario the scenario
   * @param parameters values for its parameters (start from {@link Scenario#defaults()})
   * @param seed the root seed
   * @param replication the replication index, {@code >= 0}; each has its own random streams
   * @param <S> the type of the state
   * @return the result
   * @throws IllegalArgumentException if the parameters are not the scenario's
   * @throws IllegalStateException naming the metric, step and replication if a metric is not
   *     finite; any exception of the scenario's own code propagates
   */
  public static <S> SimulationResult run(Scenario<S> scenario, Parameters parameters, long seed, int replication) {
    checkNotNull(scenario, "scenario");
    checkNotNull(parameters, "parameters");
    checkArgument(replication >= 0, "replication must be >= 0 but was %s", replication);
    checkArgument(parameters.declared().equals(scenario.parameters()),
        "the parameters %s are not those scenario '%s' declares (%s)", parameters.declared(), scenario.name(),
        scenario.parameters());
    return new SimulationResult(scenario, parameters, seed, replication,
        Replication.run(scenario, parameters, seed, replication, true));
  }

  /**
   * Runs replication 0 with the default parameters.
   *
   * @param scenario the scenario
   * @param seed the root seed
   * @param <S> the type of the state
   * @return the result
   */
  public static <S> SimulationResult run(Scenario<S> scenario, long seed) {
    return run(scenario, scenario.defaults(), seed, 0);
  }
}
