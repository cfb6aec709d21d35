package io.github.renkei.cluster.simulation;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * Thrown by {@link Experiment#run()} under {@link FailurePolicy#FAIL_FAST} when a replication
 * throws. Its cause is the first failure's cause; {@link #failures()} lists every failure seen
 * before the experiment stopped, each with the grid point, replication index and seed to
 * reproduce it.
 */
public final class ExperimentFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The failures; not serialized (the causes may not be). */
  private final transient ImmutableList<ReplicationFailure> failures;

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
