package io.github.renkei.cluster.simulation;

/**
 * Where an experiment streams its observations while it runs. The experiment calls
 * {@link #begin} once, then {@link #accept} for every row — exactly once per row, from one
 * thread at a time, in the order of scenario, grid point, replication, step and metric — then
 * {@link #end}. The CSV sink and the run manifest are in the {@code cluster-io} module.
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
   * Called after the last row, also when the experiment failed.
   *
   * @param run what the experiment is
   * @param completed {@code true} if every planned replication ran (or failed under
   *     {@link FailurePolicy#COLLECT}); {@code false} if the experiment stopped on a failure
   */
  default void end(RunInfo run, boolean completed) {}
}
