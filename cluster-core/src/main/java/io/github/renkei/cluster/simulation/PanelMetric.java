package io.github.renkei.cluster.simulation;

import java.util.Map;

/**
 * Values per entity observed after every step, such as the know-how of each support
 * organization. Kept in a single run's {@link SimulationResult} as a panel; experiments
 * summarize only {@link Metric}s.
 *
 * @param <S> the type of the state
 */
@FunctionalInterface
public interface PanelMetric<S> {

  /**
   * Observes the state.
   *
   * @param state the state after the step's mechanisms ran
   * @return a finite value per entity id
   */
  Map<String, Double> observe(S state);
}
