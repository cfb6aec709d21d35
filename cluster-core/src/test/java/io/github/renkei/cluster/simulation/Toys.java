package io.github.renkei.cluster.simulation;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Small scenarios for the engine's tests. */
final class Toys {

  static final Parameter<Double> GROWTH = Parameter.real("growth", 0.01, 0, 1);
  static final Parameter<Integer> AGENTS = Parameter.integer("agents", 20, 1, 10_000);
  static final Parameter<Boolean> SUBSIDY = Parameter.flag("subsidy", false);

  /** The state of a toy town: agents' wealth and a log of events. */
  static final class Town {
    final double[] wealth;
    int events;
    double lastShock;

    Town(int agents, RandomGenerator random) {
      wealth = new double[agents];
      for (int i = 0; i < agents; i++) {
        wealth[i] = random.nextDouble();
      }
    }

    double total() {
      return Arrays.stream(wealth).sum();
    }
  }

  /** Agents earn a random income scaled by growth; a subsidy adds a fixed 0.1 each. */
  static Scenario.Builder<Town> town(String name, int years) {
    return Scenario.<Town>builder(name, Schedule.years(2011, 2011 + years - 1),
            (p, random) -> new Town(p.get(AGENTS), random))
        .parameters(GROWTH, AGENTS, SUBSIDY)
        .mechanism("income", (s, ctx) -> {
          double g = ctx.parameter(GROWTH);
          RandomGenerator random = ctx.random();
          for (int i = 0; i < s.wealth.length; i++) {
            s.wealth[i] += g * random.nextDouble();
          }
        })
        .mechanism("subsidy", (s, ctx) -> {
          if (ctx.parameter(SUBSIDY)) {
            for (int i = 0; i < s.wealth.length; i++) {
              s.wealth[i] += 0.1;
            }
          }
        })
        .metric("total", Town::total)
        .metric("richest", s -> Arrays.stream(s.wealth).max().orElseThrow())
        .metric("events", s -> s.events);
  }

  static Scenario<Town> town() {
    return town("town", 10).build();
  }

  private Toys() {}
}
