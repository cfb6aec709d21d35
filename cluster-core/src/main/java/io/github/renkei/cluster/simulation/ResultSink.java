package io.github.renkei.cluster.simulation;

import java.util.Optional;

/**
 * Where an experiment streams its observations while it runs. The experiment calls
 * {@link #begin} once, then {@link #accept} for every row — exactly once per row, from one
 * thread at a time, in the order of scenario, grid point, replication, step and metric — then
 * {@link #end(RunInfo, Optional)}. The CSV sink and the run manifest are in the {@code cluster-io}
 * module.
 *
 * <h2>How a run ends</h2>
 * Every sink is ended once, in the order the sinks were added, with the cause of the failure if
 * the run failed. A sink whose {@code end} throws (a CSV file that cannot be committed on a full
 * disk, say) fails the run: every sink ended after it gets that exception as the cause, and
 * {@link Experiment#run()} throws it. Add the sinks that record the run — a run manifest — after
 * the sinks that hold its data, so that they learn of a failure of the data's sinks and never
 * record a run as complete whose data is not on disk. (A sink ended before the failing one has
 * already finished; to make a folder of files appear all together or not at all, write it with
 * {@code cluster-io}'s {@code RunFolder}.)
 *
 * <p>{@code end} used to take only a flag, {@link #end(RunInfo, boolean)}; a sink that implements
 * that method still works unchanged: the default {@link #end(RunInfo, Optional)} calls it.
 *
 * <pre>{@code
 * ResultSink printer = row -> System.out.println(row.metric() + " " + row.time() + " " + row.value());
 * }</pre>
 */
@FunctionalInterface
public interface ResultSink {

  /**
   * Called before the first row.
   *
   * @param run what the experiment is
   */
  default void begin(RunInfo run) {}

  /**
   * Receives one row.
   *
   * @param row the observation
   */
  void accept(ResultRow row);

  /**
   * Called after the last row, also when the experiment failed, with the cause of the failure:
   * an exception of a replication or of a sink (including a sink ended before this one), an
   * {@link ExperimentFailedException} under {@link FailurePolicy#FAIL_FAST}, or a
   * {@link java.util.concurrent.CancellationException} if the run was interrupted. The default
   * calls {@link #end(RunInfo, boolean)} with {@code failure.isEmpty()}.
   *
   * <pre>{@code
   * ResultSink counter = new ResultSink() {
   *   long rows;
   *   public void accept(ResultRow row) { rows++; }
   *   public void end(RunInfo run, Optional<Throwable> failure) {
   *     System.out.println(failure.map(e -> "failed: " + e.getMessage()).orElse(rows + " rows"));
   *   }
   * };
   * }</pre>
   *
   * @param run what the experiment is
   * @param failure empty if every planned replication ran (or failed under
   *     {@link FailurePolicy#COLLECT}) and every sink ended before this one ended without an
   *     exception; otherwise why the run failed
   */
  default void end(RunInfo run, Optional<Throwable> failure) {
    end(run, failure.isEmpty());
  }

  /**
   * Called by the default {@link #end(RunInfo, Optional)}: a sink that needs no cause may
   * implement this one.
   *
   * @param run what the experiment is
   * @param completed {@code true} if the run completed (the failure is empty); {@code false} if
   *     the experiment stopped on a failure, was interrupted, or a sink ended before this one
   *     failed
   */
  default void end(RunInfo run, boolean completed) {}
}
