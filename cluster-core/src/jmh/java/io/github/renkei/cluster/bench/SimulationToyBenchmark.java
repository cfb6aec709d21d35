package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Parameters;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Simulation;
import io.github.renkei.cluster.simulation.SimulationResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 5: one replication of the {@link ToyModel} (10,000 agents × 100 steps = 1,000,000
 * agent-steps, one draw and one addition each) per operation, on the calling thread.
 *
 * <ul>
 *   <li>{@code engine}: {@code Experiment.of(toy).replications(1).seed(..).threads(1).build().run()},
 *       the way users run replications; includes building the experiment, its run id, the result
 *       store and the {@code ExperimentResult}.</li>
 *   <li>{@code simulation}: {@code Simulation.run(toy, defaults, seed, 0)}, one replication and its
 *       {@code SimulationResult} (time labels, one {@code TimeSeries} per metric).</li>
 *   <li>{@code handLoop}: {@link ToyModel#handLoop}, the same draws and additions without the
 *       engine: the floor for the engine's overhead. It does not depend on {@code metrics}, so it
 *       runs once.</li>
 * </ul>
 *
 * <p>Every operation runs replication 0 with the same seed: the work is identical each time.
 * Setup checks that the engine's final state equals the hand loop's bit for bit. Agent-steps per
 * second = 1,000,000 / (ms/op / 1000).
 *
 * <p>Targets: ≥ 20 million agent-steps/s on one thread; {@code engine} at most 1.25 × {@code
 * handLoop}; 10 metrics cost less than 10 % of the run time (compare {@code metrics} = 10 with 0).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SimulationToyBenchmark {

  /** The toy scenario with 0, 1 or 10 metrics. */
  @State(Scope.Benchmark)
  public static class Toy {

    /** O(1) metrics observed after every step. */
    @Param({"0", "1", "10"})
    public int metrics;

    Scenario<ToyModel.State> scenario;
    Parameters parameters;

    /** Builds the scenario and checks the engine against the hand loop, once per fork. */
    @Setup(Level.Trial)
    public void setup() {
      ToyModel.check(ToyModel.AGENTS, ToyModel.STEPS, metrics, ToyModel.SEED, 0);
      scenario = ToyModel.scenario(ToyModel.AGENTS, ToyModel.STEPS, metrics);
      parameters = scenario.defaults();
    }
  }

  /** Checks the hand loop against the engine (0 metrics), once per fork. */
  @State(Scope.Benchmark)
  public static class Hand {

    /** Runs the check. */
    @Setup(Level.Trial)
    public void setup() {
      ToyModel.check(ToyModel.AGENTS, ToyModel.STEPS, 0, ToyModel.SEED, 0);
    }
  }

  /**
   * One replication as a one-replication experiment on the calling thread.
   *
   * @param toy the scenario
   * @return the result
   */
  @Benchmark
  public ExperimentResult engine(Toy toy) {
    return Experiment.of(toy.scenario).replications(1).seed(ToyModel.SEED).threads(1).build().run();
  }

  /**
   * One replication through {@link Simulation#run}.
   *
   * @param toy the scenario
   * @return the result
   */
  @Benchmark
  public SimulationResult simulation(Toy toy) {
    return Simulation.run(toy.scenario, toy.parameters, ToyModel.SEED, 0);
  }

  /**
   * The same work, written by hand.
   *
   * @param hand checked once per fork
   * @return the final wealth
   */
  @Benchmark
  public double[] handLoop(Hand hand) {
    return ToyModel.handLoop(ToyModel.AGENTS, ToyModel.STEPS, ToyModel.SEED, 0);
  }
}
