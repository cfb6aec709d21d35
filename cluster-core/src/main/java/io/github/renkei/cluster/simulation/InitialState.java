package io.github.renkei.cluster.simulation;

import java.util.random.RandomGenerator;

/**
 * Creates a replication's state before the first step.
 *
 * @param <S> the type of the state
 */
@FunctionalInterface
public interface InitialState<S> {

  /**
   * Creates the state.
   *
   * @param parameters the run's parameters
   * @param random the generator of the stream {@link RandomStreams#INITIAL_STATE}
   * @return a new, mutable state owned by the replication
   */
  S create(Parameters parameters, RandomGenerator random);
}
