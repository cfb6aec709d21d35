package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.internal.Ids;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A model to simulate: its parameters, schedule, initial state, the mechanisms that change the
 * state each step (in order), one-shot events, the metrics observed after each step, and an
 * optional stop condition. Immutable; a scenario can run any number of replications at once, each
 * with its own state.
 *
 * <pre>{@code
 * Scenario<Town> town = Scenario.builder("town", Schedule.years(2005, 2030), (params, random) -> new Town())
 *     .parameter(GROWTH)
 *     .mechanism("births", (state, step) -> state.births(step.random(), step.parameter(GROWTH)))
 *     .event("earthquake", "2011", (state, step) -> state.shock(0.3))
 *     .metric("population", Town::population)
 *     .build();
 * }</pre>
 *
 * @param <S> the type of the state
 */
public final class Scenario<S> {

  /** A named element: a mechanism, a metric, a panel. */
  record Named<T>(String name, T element) {}

  /** A one-shot event at a step. */
  record Event<S>(String name, int step, Mechanism<S> action) {}

  private final String name;
  private final Schedule schedule;
  private final InitialState<S> initialState;
  private final ImmutableList<Parameter<?>> parameters;
  private final ImmutableList<Named<Mechanism<S>>> mechanisms;
  private final ImmutableList<Event<S>> events;
  private final ImmutableList<Named<Metric<S>>> metrics;
  private final ImmutableList<Named<PanelMetric<S>>> panels;
  private final StopCondition<S> stop;
  private final Parameters defaults;

  private Scenario(Builder<S> b) {
    this.name = b.name;
    this.schedule = b.schedule;
    this.initialState = b.initialState;
    this.parameters = ImmutableList.copyOf(b.parameters);
    this.mechanisms = ImmutableList.copyOf(b.mechanisms);
    this.events = ImmutableList.copyOf(b.events);
    this.metrics = ImmutableList.copyOf(b.metrics);
    this.panels = ImmutableList.copyOf(b.panels);
    this.stop = b.stop;
    this.defaults = Parameters.defaults(parameters);
  }

  /**
   * Starts a scenario.
   *
   * @param name its name, as results report it
   * @param schedule the steps it runs
   * @param initialState creates a replication's state
   * @param <S> the type of the state
   * @return a builder
   */
  public static <S> Builder<S> builder(String name, Schedule schedule, InitialState<S> initialState) {
    return new Builder<>(name, schedule, initialState);
  }

  /**
   * Returns a builder holding this scenario, to change its events, mechanisms or metrics.
   *
   * @return a builder
   */
  public Builder<S> toBuilder() {
    Builder<S> b = new Builder<>(name, schedule, initialState);
    b.parameters.addAll(parameters);
    b.mechanisms.addAll(mechanisms);
    b.events.addAll(events);
    b.metrics.addAll(metrics);
    b.panels.addAll(panels);
    b.stop = stop;
    b.names.addAll(namesOf());
    metrics.forEach(m -> b.observed.add(m.name()));
    panels.forEach(m -> b.observed.add(m.name()));
    return b;
  }

  private List<String> namesOf() {
    List<String> n = new ArrayList<>();
    mechanisms.forEach(m -> n.add(m.name()));
    events.forEach(e -> n.add(e.name()));
    return n;
  }

  /**
   * Returns the name.
   *
   * @return the name
   */
  public String name() {
    return name;
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
   * Returns the declared parameters, in declaration order.
   *
   * @return the parameters
   */
  public ImmutableList<Parameter<?>> parameters() {
    return parameters;
  }

  /**
   * Returns the parameters with their default values, to change with
   * {@link Parameters#with(Parameter, Object)}.
   *
   * @return the defaults
   */
  public Parameters defaults() {
    return defaults;
  }

  /**
   * Returns the names of the mechanisms, in step order.
   *
   * @return the names
   */
  public ImmutableList<String> mechanismNames() {
    return mechanisms.stream().map(Named::name).collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the names of the metrics, in declaration order.
   *
   * @return the names
   */
  public ImmutableList<String> metricNames() {
    return metrics.stream().map(Named::name).collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the names of the events with the labels of their steps.
   *
   * @return for example {@code [earthquake@2011]}
   */
  public ImmutableList<String> eventNames() {
    return events.stream().map(e -> e.name() + "@" + schedule.label(e.step())).collect(ImmutableList.toImmutableList());
  }

  ImmutableList<Named<Mechanism<S>>> mechanisms() {
    return mechanisms;
  }

  ImmutableList<Event<S>> events() {
    return events;
  }

  ImmutableList<Named<Metric<S>>> metrics() {
    return metrics;
  }

  ImmutableList<Named<PanelMetric<S>>> panels() {
    return panels;
  }

  InitialState<S> initialState() {
    return initialState;
  }

  Optional<StopCondition<S>> stop() {
    return Optional.ofNullable(stop);
  }

  /** Returns the name, the schedule and the counts of its parts. */
  @Override
  public String toString() {
    return "Scenario[" + name + ", " + schedule + ", parameters=" + parameters + ", mechanisms=" + mechanismNames()
        + ", events=" + eventNames() + ", metrics=" + metricNames() + "]";
  }

  /**
   * Builds a {@link Scenario}. Names of mechanisms and events must be distinct (they name random
   * streams), as must those of metrics and panels.
   *
   * @param <S> the type of the state
   */
  public static final class Builder<S> {
    private final String name;
    private final Schedule schedule;
    private final InitialState<S> initialState;
    private final List<Parameter<?>> parameters = new ArrayList<>();
    private final List<Named<Mechanism<S>>> mechanisms = new ArrayList<>();
    private final List<Event<S>> events = new ArrayList<>();
    private final List<Named<Metric<S>>> metrics = new ArrayList<>();
    private final List<Named<PanelMetric<S>>> panels = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final Set<String> observed = new HashSet<>();
    private StopCondition<S> stop;

    private Builder(String name, Schedule schedule, InitialState<S> initialState) {
      this.name = Ids.check(name, "scenario name");
      this.schedule = checkNotNull(schedule, "schedule");
      this.initialState = checkNotNull(initialState, "initialState");
    }

    /**
     * Declares a parameter.
     *
     * @param parameter the parameter; names must be distinct
     * @return this builder
     */
    public Builder<S> parameter(Parameter<?> parameter) {
      checkNotNull(parameter, "parameter");
      checkArgument(!parameters.contains(parameter), "scenario '%s' already declares parameter '%s'", name,
          parameter.name());
      parameters.add(parameter);
      return this;
    }

    /**
     * Declares parameters.
     *
     * @param parameters the parameters
     * @return this builder
     */
    public Builder<S> parameters(Parameter<?>... parameters) {
      for (Parameter<?> p : parameters) {
        parameter(p);
      }
      return this;
    }

    /**
     * Adds a mechanism after the others.
     *
     * @param mechanismName its name, which also names its random stream
     * @param mechanism the rule
     * @return this builder
     */
    public Builder<S> mechanism(String mechanismName, Mechanism<S> mechanism) {
      claim(mechanismName, "mechanism");
      mechanisms.add(new Named<>(mechanismName, checkNotNull(mechanism, "mechanism '%s'", mechanismName)));
      return this;
    }

    /**
     * Adds a one-shot event, run at the start of a step before the mechanisms.
     *
     * @param eventName its name, which also names its random stream
     * @param step the step index
     * @param action what happens
     * @return this builder
     */
    public Builder<S> event(String eventName, int step, Mechanism<S> action) {
      checkArgument(step >= 0 && step < schedule.size(), "event '%s' at step %s is outside the schedule %s",
          eventName, step, schedule);
      claim(eventName, "event");
      events.add(new Event<>(eventName, step, checkNotNull(action, "event '%s'", eventName)));
      return this;
    }

    /**
     * Adds a one-shot event at a time label of the schedule, such as {@code "2011"}.
     *
     * @param eventName its name
     * @param time the label of the step
     * @param action what happens
     * @return this builder
     */
    public Builder<S> event(String eventName, String time, Mechanism<S> action) {
      OptionalInt step = schedule.indexOf(checkNotNull(time, "time"));
      checkArgument(step.isPresent(), "event '%s' at '%s' is outside the schedule %s", eventName, time, schedule);
      return event(eventName, step.getAsInt(), action);
    }

    /**
     * Removes a mechanism or an event, so users can switch a rule off.
     *
     * @param elementName the mechanism's or event's name
     * @return this builder
     * @throws IllegalArgumentException naming it if there is no such mechanism or event
     */
    public Builder<S> remove(String elementName) {
      checkNotNull(elementName, "elementName");
      boolean removed = mechanisms.removeIf(m -> m.name().equals(elementName))
          | events.removeIf(e -> e.name().equals(elementName));
      checkArgument(removed, "scenario '%s' has no mechanism or event '%s'", name, elementName);
      names.remove(elementName);
      return this;
    }

    /**
     * Adds a metric.
     *
     * @param metricName its name, as results report it
     * @param metric what it observes
     * @return this builder
     */
    public Builder<S> metric(String metricName, Metric<S> metric) {
      observe(metricName);
      metrics.add(new Named<>(metricName, checkNotNull(metric, "metric '%s'", metricName)));
      return this;
    }

    /**
     * Adds a panel of per-entity values.
     *
     * @param panelName its name
     * @param panel what it observes
     * @return this builder
     */
    public Builder<S> panel(String panelName, PanelMetric<S> panel) {
      observe(panelName);
      panels.add(new Named<>(panelName, checkNotNull(panel, "panel '%s'", panelName)));
      return this;
    }

    /**
     * Sets when a replication ends early.
     *
     * @param stop the condition, tested after each step
     * @return this builder
     */
    public Builder<S> stopWhen(StopCondition<S> stop) {
      this.stop = checkNotNull(stop, "stop");
      return this;
    }

    private void claim(String elementName, String what) {
      Ids.check(elementName, what + " name");
      checkArgument(!elementName.equals(RandomStreams.INITIAL_STATE),
          "'%s' is reserved for the initial state's random stream", elementName);
      checkArgument(names.add(elementName), "scenario '%s' already has a mechanism or event named '%s'", name,
          elementName);
    }

    private void observe(String observedName) {
      Ids.check(observedName, "metric name");
      checkArgument(observed.add(observedName), "scenario '%s' already has a metric or panel named '%s'", name,
          observedName);
    }

    /**
     * Builds the scenario.
     *
     * @return the scenario
     */
    public Scenario<S> build() {
      return new Scenario<>(this);
    }
  }
}
