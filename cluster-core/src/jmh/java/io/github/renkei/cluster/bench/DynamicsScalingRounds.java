package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.ClusterWorld;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Scenario;
import java.util.Arrays;
import java.util.Locale;

/**
 * Issue 16: how much two threads speed up {@link DynamicsBenchmark}'s experiment (the Fukushima
 * scenario on 1,000 organizations, 26 years, default parameters), measured in paired rounds in
 * one JVM: each round runs the experiment on one thread and on two, the order alternating from
 * round to round, so that the VM's drifting speed and the other processes' load hit both alike.
 * The figure is the median of the per-round ratios of wall time, one thread / two threads. The
 * two results are checked to be equal (the engine's results do not depend on the thread count).
 *
 * <p>Arguments, all optional: rounds (7), warm-up rounds (2), replications (1000). Run with
 * {@code exec:exec@dynamics-scaling -Ddynamics.scaling.args="7 2 1000"} in the
 * {@code benchmarks} profile.
 */
public final class DynamicsScalingRounds {

  private DynamicsScalingRounds() {}

  /**
   * Runs the rounds.
   *
   * @param args rounds, warm-up rounds, replications
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int replications = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    if (rounds < 1 || warmUp < 0 || replications < 1) {
      throw new IllegalArgumentException("rounds and replications must be >= 1 and warm-up >= 0 but were "
          + Arrays.toString(args));
    }
    ClusterWorld world = ClusterWorld.fukushima(1_000);
    Scenario<ClusterState> scenario = ClusterDynamics.fukushimaBuilder(world).build();
    System.out.printf(Locale.ROOT, "%s%n%d warm-up + %d rounds, %d replications, seed 2005, %d processors%n", world,
        warmUp, rounds, replications, Runtime.getRuntime().availableProcessors());
    double[] one = new double[rounds];
    double[] two = new double[rounds];
    double[] ratio = new double[rounds];
    double[] cpuOne = new double[rounds];
    double[] cpuTwo = new double[rounds];
    for (int r = -warmUp; r < rounds; r++) {
      boolean oneFirst = Math.floorMod(r, 2) == 0;
      PairedTiming.Timed<ExperimentResult> first = run(scenario, replications, oneFirst ? 1 : 2);
      PairedTiming.Timed<ExperimentResult> second = run(scenario, replications, oneFirst ? 2 : 1);
      PairedTiming.Timed<ExperimentResult> t1 = oneFirst ? first : second;
      PairedTiming.Timed<ExperimentResult> t2 = oneFirst ? second : first;
      if (!t1.result().summaries().equals(t2.result().summaries())) {
        throw new AssertionError("one and two threads gave different results");
      }
      String label = r < 0 ? "warm-up " + (r + warmUp + 1) : "round " + (r + 1);
      System.out.printf(Locale.ROOT, "%-10s 1 thread %.3f s (cpu %.3f s)  2 threads %.3f s (cpu %.3f s)  speed-up %.3f%s%n",
          label, t1.seconds(), t1.cpuSeconds(), t2.seconds(), t2.cpuSeconds(), t1.seconds() / t2.seconds(),
          oneFirst ? "" : "  (2 threads first)");
      if (r >= 0) {
        one[r] = t1.seconds();
        two[r] = t2.seconds();
        ratio[r] = t1.seconds() / t2.seconds();
        cpuOne[r] = t1.cpuSeconds();
        cpuTwo[r] = t2.cpuSeconds();
      }
    }
    System.out.printf(Locale.ROOT, "median 1 thread %.3f s (%.3f–%.3f), 2 threads %.3f s (%.3f–%.3f)%n",
        PairedTiming.median(one), PairedTiming.min(one), PairedTiming.max(one), PairedTiming.median(two),
        PairedTiming.min(two), PairedTiming.max(two));
    System.out.printf(Locale.ROOT, "median process cpu 1 thread %.3f s, 2 threads %.3f s%n",
        PairedTiming.median(cpuOne), PairedTiming.median(cpuTwo));
    System.out.printf(Locale.ROOT, "speed-up 1 -> 2 threads: median %.3f (range %.3f–%.3f over %d rounds)%n",
        PairedTiming.median(ratio), PairedTiming.min(ratio), PairedTiming.max(ratio), rounds);
  }

  private static PairedTiming.Timed<ExperimentResult> run(Scenario<ClusterState> scenario, int replications, int threads) {
    return PairedTiming.time(() -> Experiment.of(scenario).replications(replications).seed(2005).threads(threads)
        .run());
  }
}
