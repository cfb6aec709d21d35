package io.github.renkei.cluster.simulation;

/**
 * A number observed from the state after every step, such as the count of firms at a stage.
 * Must be finite: NaN or an infinity fails the replication with an exception that names the
 * metric, the step and the replication.
 *
 * @param <S> the type of the state
 */
@FunctionalInterface
public interface Metric<S> {

  /**
   * Observes the state.
   *
   * @param state the state after the step's mechanisms ran
   * @return the value, finite
   */
  double observe(S state);
}
