package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.io.Serializable;

/**
 * A replication that threw, with what it takes to run it again alone:
 * {@code Simulation.run(scenario, parameters, seed, replication)}. Serializable (as part of an
 * {@link ExperimentFailedException}) if the parameter values and the cause are.
 *
 * @param scenario the scenario's name
 * @param point the grid point's index
 * @param parameters the parameter values at that point
 * @param replication the replication index
 * @param seed the experiment's root seed
 * @param cause what was thrown
 * @serial exclude serialized as its components, documented above
 */
public record ReplicationFailure(String scenario, int point, ImmutableMap<String, Object> parameters,
    int replication, long seed, Throwable cause) implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * Validates the fields.
   *
   * @param scenario the scenario
   * @param point the point
   * @param parameters the parameters
   * @param replication the replication
   * @param seed the seed
   * @param cause the cause
   */
  public ReplicationFailure {
    checkNotNull(scenario, "scenario");
    checkNotNull(parameters, "parameters");
    checkNotNull(cause, "cause");
  }

  /** Returns what failed, where, and how to reproduce it. */
  @Override
  public String toString() {
    return "replication " + replication + " of scenario '" + scenario + "' at grid point " + point + " " + parameters
        + " failed: " + cause + "; reproduce with Simulation.run(scenario, parameters, " + seed + "L, " + replication
        + ")";
  }
}
