package io.github.renkei.cluster.simulation;

/**
 * One rule of the world: changes the state once per step. A scenario steps its mechanisms in the
 * order it declares them; each has a name, which also names its random stream.
 *
 * <pre>{@code
 * Mechanism<Cluster> rotation = (state, step) -> {
 *   if (step.random().nextDouble() < step.parameter(ROTATION_RATE)) { ... }
 * };
 * }</pre>
 *
 * @param <S> the type of the state
 */
@FunctionalInterface
public interface Mechanism<S> {

  /**
   * Applies the rule for one step.
   *
   * @param state the replication's state, changed in place
   * @param step the step, the parameters and this mechanism's random generator
   */
  void step(S state, StepContext step);
}
