package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.ClusterWorld;
import io.github.renkei.cluster.dynamics.RegionProfile;
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
 * Issue 13: a single-region run with a user's cluster costs the same as the built-in Fukushima
 * run of the same size (target: ratio ≤ 1.1). {@code built-in} is {@code
 * ClusterDynamics.fukushima()}; {@code user} is the sample plus 290 ordinary firms with their
 * stages in the file, run as {@code profile.scenario(profile.world(cluster))} (see
 * {@link RegionRunData}). Both: 300 firms, 2005–2030, every mechanism, default parameters. One
 * operation is the whole experiment, {@code Experiment.of(scenario).replications(200).seed(2005)
 * .threads(t).run()}, statistics included. {@code Mode.SingleShotTime}, seconds; 3 warm-up and
 * 10 measured shots in one fork. On a VM whose speed drifts, {@link RegionRunPairedRounds} gives
 * the ratio that counts.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class RegionRunBenchmark {

  /** Which cluster: {@code built-in} (the library's Fukushima run) or {@code user} (a user's file). */
  @Param({"built-in", "user"})
  public String cluster;

  /** Threads of the experiment. */
  @Param({"1", "2"})
  public int threads;

  /** Replications per run. */
  @Param({"200"})
  public int replications;

  Scenario<ClusterState> scenario;

  /** Builds both worlds, checks they have the same shape, and keeps the scenario of this trial. */
  @Setup(Level.Trial)
  public void setup() {
    ClusterWorld builtInWorld = RegionRunData.builtInWorld();
    Scenario<ClusterState> builtIn = RegionRunData.builtInScenario();
    RegionProfile profile = RegionRunData.userProfile();
    ClusterWorld userWorld = profile.world(RegionRunData.userCluster());
    Scenario<ClusterState> user = profile.scenario(userWorld);
    RegionRunData.checkSameShape(builtInWorld, builtIn, userWorld, user);
    scenario = switch (cluster) {
      case "built-in" -> builtIn;
      case "user" -> user;
      default -> throw new IllegalArgumentException("cluster must be built-in or user but was " + cluster);
    };
  }

  /**
   * The experiment.
   *
   * @return its result
   */
  @Benchmark
  public ExperimentResult run() {
    return Experiment.of(scenario).replications(replications).seed(2005).threads(threads).run();
  }
}
