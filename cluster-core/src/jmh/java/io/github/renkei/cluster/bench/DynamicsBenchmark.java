package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.ClusterWorld;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Scenario;
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
 * Issue 7: the Fukushima scenario on a world of exactly 1,000 organizations
 * ({@link ClusterWorld#fukushima(int)}), 26 yearly steps (2005–2030), 1,000 replications, every
 * mechanism on (each year's matching round: the greedy rule on exact shortlists, issue 16),
 * default parameters. Paired-round harnesses of the same experiment: {@link DynamicsScalingRounds}
 * (1 against 2 threads) and {@link DynamicsBaselineRounds} (this build against an earlier one).
 * One operation is the whole experiment: {@code Experiment.of(scenario).replications(1000)
 * .seed(2005).threads(t).run()}, statistics included. Target: under 30 s with 2 threads.
 * {@code Mode.SingleShotTime}, seconds; 1 warm-up and 5 measured shots in one fork.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class DynamicsBenchmark {

  /** Threads of the experiment. */
  @Param({"1", "2"})
  public int threads;

  /** Replications per run. */
  @Param({"1000"})
  public int replications;

  Scenario<ClusterState> scenario;

  /** Builds the world and the scenario once. */
  @Setup(Level.Trial)
  public void setup() {
    ClusterWorld world = ClusterWorld.fukushima(1_000);
    if (world.cluster().organizationCount() != 1_000) {
      throw new AssertionError(world);
    }
    scenario = ClusterDynamics.fukushimaBuilder(world).build();
  }

  /**
   * The experiment.
   *
   * @return its result
   */
  @Benchmark
  public ExperimentResult fukushima1000() {
    return Experiment.of(scenario).replications(replications).seed(2005).threads(threads).run();
  }
}
