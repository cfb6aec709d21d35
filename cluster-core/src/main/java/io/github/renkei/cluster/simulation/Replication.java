package io.github.renkei.cluster.simulation;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** One replication of a scenario: the engine's inner loop. */
final class Replication {

  final int stepsRun;
  /** Metric values by metric, then step; each row has the schedule's length. */
  final double[][] values;
  final ImmutableList<ImmutableList<ImmutableMap<String, Double>>> panels;

  private Replication(int stepsRun, double[][] values, ImmutableList<ImmutableList<ImmutableMap<String, Double>>> panels) {
    this.stepsRun = stepsRun;
    this.values = values;
    this.panels = panels;
  }

  /** A replication received as data from another process: its values, no panels. */
  static Replication of(int stepsRun, double[][] values) {
    return new Replication(stepsRun, values, ImmutableList.of());
  }

  // Arrays of the generic mechanisms and metrics keep the inner loop free of list lookups; they are
  // filled from the scenario's typed lists only.
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <S> Replication run(Scenario<S> scenario, Parameters parameters, long seed, int replication,
      boolean withPanels) {
    Schedule schedule = scenario.schedule();
    int steps = schedule.size();
    S state = scenario.initialState().create(parameters,
        RandomStreams.stream(seed, replication, RandomStreams.INITIAL_STATE));

    int m = scenario.mechanisms().size();
    Mechanism<S>[] mechanisms = new Mechanism[m];
    StepContext[] contexts = new StepContext[m];
    for (int i = 0; i < m; i++) {
      Scenario.Named<Mechanism<S>> named = scenario.mechanisms().get(i);
      mechanisms[i] = named.element();
      contexts[i] = context(named.name(), schedule, parameters, seed, replication);
    }
    // events by step (stable, so same-step events keep their declaration order), read by a cursor
    List<Scenario.Event<S>> events = new ArrayList<>(scenario.events());
    events.sort(Comparator.comparingInt(Scenario.Event::step));
    int nextEvent = 0;
    int k = scenario.metrics().size();
    Metric<S>[] metrics = new Metric[k];
    for (int i = 0; i < k; i++) {
      metrics[i] = scenario.metrics().get(i).element();
    }
    double[][] values = new double[k][steps];
    List<List<ImmutableMap<String, Double>>> panelValues = new ArrayList<>();
    if (withPanels) {
      for (int i = 0; i < scenario.panels().size(); i++) {
        panelValues.add(new ArrayList<>());
      }
    }
    StopCondition<S> stop = scenario.stop().orElse(null);

    int stepsRun = 0;
    for (int step = 0; step < steps; step++) {
      while (nextEvent < events.size() && events.get(nextEvent).step() == step) {
        Scenario.Event<S> e = events.get(nextEvent++);
        StepContext c = context(e.name(), schedule, parameters, seed, replication);
        c.step = step;
        e.action().step(state, c);
      }
      for (int i = 0; i < m; i++) {
        StepContext c = contexts[i];
        c.step = step;
        mechanisms[i].step(state, c);
      }
      for (int i = 0; i < k; i++) {
        double v = metrics[i].observe(state);
        if (!Double.isFinite(v)) {
          throw new IllegalStateException("metric '" + scenario.metrics().get(i).name() + "' returned " + v
              + " at step " + step + " (" + schedule.label(step) + ") of replication " + replication
              + " of scenario '" + scenario.name() + "'");
        }
        values[i][step] = v;
      }
      if (withPanels) {
        String time = schedule.label(step);
        for (int i = 0; i < scenario.panels().size(); i++) {
          Scenario.Named<PanelMetric<S>> panel = scenario.panels().get(i);
          Map<String, Double> observed = panel.element().observe(state);
          observed.forEach((entity, v) -> {
            if (v == null || !Double.isFinite(v)) {
              throw new IllegalStateException("panel '" + panel.name() + "' returned " + v + " for '" + entity
                  + "' at " + time + " of replication " + replication + " of scenario '" + scenario.name() + "'");
            }
          });
          panelValues.get(i).add(ImmutableMap.copyOf(observed));
        }
      }
      stepsRun = step + 1;
      if (stop != null && stop.stop(state, step)) {
        break;
      }
    }
    ImmutableList.Builder<ImmutableList<ImmutableMap<String, Double>>> panels = ImmutableList.builder();
    panelValues.forEach(p -> panels.add(ImmutableList.copyOf(p)));
    return new Replication(stepsRun, values, panels.build());
  }

  private static StepContext context(String name, Schedule schedule, Parameters parameters, long seed,
      int replication) {
    SplittableRandom random = RandomStreams.stream(seed, replication, name);
    return new StepContext(name, schedule, parameters, replication, random);
  }
}
