package io.github.renkei.cluster.simulation;

/**
 * Ends a replication early: tested after each step's metrics are observed.
 *
 * @param <S> the type of the state
 */
@FunctionalInterface
public interface StopCondition<S> {

  /**
   * Whether to stop after this step.
   *
   * @param state the state
   * @param step the index of the step just completed
   * @return {@code true} to stop
   */
  boolean stop(S state, int step);
}
