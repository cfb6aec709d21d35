package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Metric;
import io.github.renkei.cluster.simulation.RandomStreams;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Schedule;
import io.github.renkei.cluster.simulation.Simulation;
import io.github.renkei.cluster.simulation.SimulationResult;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.openjdk.jmh.annotations.CompilerControl;

/**
 * The toy model of the simulation benchmarks (issue 5): {@code agents} agents, each with a
 * wealth; one mechanism, {@code income}, adds one random draw to every agent's wealth each step.
 * So a step is one draw and one addition per agent, and a replication of 10,000 agents and 100
 * steps is 1,000,000 agent-steps.
 *
 * <p>Metrics are O(1): metric {@code k} reads {@code wealth[k]} after the step. The ten metrics
 * are ten distinct lambdas (ten classes), as the metrics of a real model are, so with ten of them
 * the engine's call site {@code metric.observe(state)} sees ten receiver types (megamorphic).
 *
 * <p>{@link #handLoop} is the same work without the engine: the same generator, seeded with the
 * same stream seed, and the same loops. {@link #check} runs the scenario through the engine and
 * asserts that its final state equals the hand loop's bit for bit.
 */
final class ToyModel {

  /** Agents of the toy model. */
  static final int AGENTS = 10_000;
  /** Steps of a replication: 100 × 10,000 = 1,000,000 agent-steps. */
  static final int STEPS = 100;
  /** Root seed of every run. */
  static final long SEED = 20260501L;
  /** The name of the mechanism, which names its random stream. */
  static final String INCOME = "income";
  /** The scenario's name. */
  static final String NAME = "toy";

  /** The most metrics {@link #scenario} adds. */
  static final int MAX_METRICS = 10;

  /** Ten distinct metric classes; metric k reads agent k's wealth. */
  private static final List<Metric<State>> METRICS = List.of(
      s -> s.wealth[0], s -> s.wealth[1], s -> s.wealth[2], s -> s.wealth[3], s -> s.wealth[4],
      s -> s.wealth[5], s -> s.wealth[6], s -> s.wealth[7], s -> s.wealth[8], s -> s.wealth[9]);

  private ToyModel() {}

  /** The state of a replication: one wealth per agent, all 0 at the start. */
  static final class State {
    final double[] wealth;

    State(int agents) {
      this.wealth = new double[agents];
    }
  }

  /**
   * The toy scenario.
   *
   * @param agents the number of agents, at least {@code metrics}
   * @param steps the number of steps
   * @param metrics 0 to {@link #MAX_METRICS} O(1) metrics, {@code wealth-0} …
   * @return the scenario
   */
  static Scenario<State> scenario(int agents, int steps, int metrics) {
    return scenario(agents, steps, metrics, null);
  }

  /** The toy scenario, handing every state it creates to {@code created} (for {@link #check}). */
  private static Scenario<State> scenario(int agents, int steps, int metrics, Consumer<State> created) {
    if (metrics < 0 || metrics > MAX_METRICS || metrics > agents) {
      throw new IllegalArgumentException("metrics must be in 0.." + Math.min(MAX_METRICS, agents) + ": " + metrics);
    }
    Scenario.Builder<State> b = Scenario.<State>builder(NAME, Schedule.steps(steps), (params, random) -> {
      State s = new State(agents);
      if (created != null) {
        created.accept(s);
      }
      return s;
    }).mechanism(INCOME, (state, ctx) -> {
      RandomGenerator random = ctx.random();
      double[] wealth = state.wealth;
      for (int i = 0; i < wealth.length; i++) {
        wealth[i] += random.nextDouble();
      }
    });
    for (int k = 0; k < metrics; k++) {
      b.metric(metricName(k), METRICS.get(k));
    }
    return b.build();
  }

  /**
   * Returns the name of metric {@code k}.
   *
   * @param k 0 to {@link #MAX_METRICS} - 1
   * @return {@code wealth-k}
   */
  static String metricName(int k) {
    return "wealth-" + k;
  }

  /**
   * The hand-written reference: replication {@code replication} of the toy model without the
   * engine, the same generator on the same stream seed and the same loops.
   *
   * <p>Never inlined, so that C2 always compiles it on its own, as the fast loop it is. Inlined
   * into the benchmark method with constant arguments, C2 on JDK 17 compiled the same loop into
   * code about 1.8 × slower (SplitMix64 constants re-materialized with {@code movabs} in the
   * loop, a longer chain of {@code vcvtsi2sd} false dependencies), and the recompilation
   * happened in the middle of the measurement (BENCHMARKS.md, "Simulation (issue 5)").
   *
   * @param agents the number of agents
   * @param steps the number of steps
   * @param root the root seed
   * @param replication the replication index
   * @return the final wealth of every agent
   */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  static double[] handLoop(int agents, int steps, long root, int replication) {
    SplittableRandom random = new SplittableRandom(RandomStreams.seed(root, replication, INCOME));
    double[] wealth = new double[agents];
    for (int step = 0; step < steps; step++) {
      for (int i = 0; i < agents; i++) {
        wealth[i] += random.nextDouble();
      }
    }
    return wealth;
  }

  /**
   * Runs replication {@code replication} through {@link Simulation#run} and through a
   * one-replication {@link Experiment} and checks that both end in exactly the hand loop's state
   * and report its values in the metrics at the last step.
   *
   * @param agents the number of agents
   * @param steps the number of steps
   * @param metrics the number of metrics
   * @param root the root seed
   * @param replication the replication index
   * @throws AssertionError on any difference
   */
  static void check(int agents, int steps, int metrics, long root, int replication) {
    double[] expected = handLoop(agents, steps, root, replication);
    AtomicReference<State> last = new AtomicReference<>();
    Scenario<State> s = scenario(agents, steps, metrics, last::set);

    SimulationResult single = Simulation.run(s, s.defaults(), root, replication);
    same("Simulation.run", expected, last.get().wealth);
    for (int k = 0; k < metrics; k++) {
      same("Simulation.run, metric " + k, expected[k], single.series(metricName(k)).last());
    }

    ExperimentResult experiment = Experiment.of(s).replications(replication + 1).seed(root).threads(1).build().run();
    same("Experiment", expected, last.get().wealth);
    for (int k = 0; k < metrics; k++) {
      double[] finals = experiment.finalValues(NAME, 0, metricName(k));
      same("Experiment, metric " + k, expected[k], finals[replication]);
    }
  }

  private static void same(String what, double[] expected, double[] actual) {
    if (!Arrays.equals(expected, actual)) {
      throw new AssertionError(what + ": the engine's final wealth differs from the hand loop's");
    }
  }

  private static void same(String what, double expected, double actual) {
    if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)) {
      throw new AssertionError(what + ": " + actual + " != hand loop's " + expected);
    }
  }
}
