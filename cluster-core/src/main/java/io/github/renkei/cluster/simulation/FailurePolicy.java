package io.github.renkei.cluster.simulation;

/** What an experiment does when a replication throws. */
public enum FailurePolicy {
  /**
   * Stop: start no further replications, end the sinks as incomplete and throw an
   * {@link ExperimentFailedException}.
   */
  FAIL_FAST,
  /**
   * Record the failure, go on, and summarize the replications that succeeded; the failures are
   * in {@link ExperimentResult#failures()}.
   */
  COLLECT
}
