package io.github.renkei.cluster.simulation;

import java.util.random.RandomGenerator;

/**
 * What a mechanism or an event knows when it runs: the step and the time it stands for, the
 * parameters, the replication, and its own random generator. One context per mechanism and
 * replication, advanced by the engine from step to step; do not keep it beyond a call.
 */
public final class StepContext {

  private final String name;
  private final Schedule schedule;
  private final Parameters parameters;
  private final int replication;
  private final RandomGenerator random;
  int step;

  StepContext(String name, Schedule schedule, Parameters parameters, int replication, RandomGenerator random) {
    this.name = name;
    this.schedule = schedule;
    this.parameters = parameters;
    this.replication = replication;
    this.random = random;
  }

  /**
   * Returns the name of the mechanism or event this context belongs to.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the step index.
   *
   * @return 0 for the first step
   */
  public int step() {
    return step;
  }

  /**
   * Returns the label of the step's time, for example {@code 2011}.
   *
   * @return the label
   */
  public String time() {
    return schedule.label(step);
  }

  /**
   * Returns the calendar year of the step.
   *
   * @return the year
   */
  public int year() {
    return schedule.year(step);
  }

  /**
   * Returns the schedule.
   *
   * @return the schedule
   */
  public Schedule schedule() {
    return schedule;
  }

  /**
   * Returns the parameters of the run.
   *
   * @return the parameters
   */
  public Parameters parameters() {
    return parameters;
  }

  /**
   * Returns the value of a parameter.
   *
   * @param parameter the parameter
   * @param <T> its type
   * @return its value
   */
  public <T> T parameter(Parameter<T> parameter) {
    return parameters.get(parameter);
  }

  /**
   * Returns the replication index.
   *
   * @return 0 for the first replication
   */
  public int replication() {
    return replication;
  }

  /**
   * Returns this mechanism's (or event's) own random generator: the only source of randomness
   * it should use.
   *
   * @return the generator
   */
  public RandomGenerator random() {
    return random;
  }
}
