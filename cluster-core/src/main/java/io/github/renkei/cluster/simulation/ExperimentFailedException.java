package io.github.renkei.cluster.simulation;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * Thrown by {@link Experiment#run()} under {@link FailurePolicy#FAIL_FAST} when a replication
 * throws. Its cause is the first failure's cause; {@link #failures()} lists every failure seen
 * before the experiment stopped, each with the grid point, replication index and seed to
 * reproduce it. It is serializable with its failures if their parameter values and causes are.
 */
public final class ExperimentFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * The failures; serialized with the exception, so that a runner that gets it from another
   * process (a Spark executor) still lists them.
   *
   * @serial the failures, each with its parameters and cause
   */
  private final ImmutableList<ReplicationFailure> failures;

  ExperimentFailedException(List<ReplicationFailure> failures) {
    super(failures.get(0).toString()
        + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more failures)" : ""), failures.get(0).cause());
    this.failures = ImmutableList.copyOf(failures);
  }

  /**
   * Returns the failures, in scenario, grid point and replication order.
   *
   * @return at least one failure
   */
  public ImmutableList<ReplicationFailure> failures() {
    return failures;
  }
}
