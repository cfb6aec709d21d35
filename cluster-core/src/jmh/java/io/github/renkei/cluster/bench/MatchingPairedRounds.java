package io.github.renkei.cluster.bench;

import static io.github.renkei.cluster.bench.PairedTiming.max;
import static io.github.renkei.cluster.bench.PairedTiming.median;
import static io.github.renkei.cluster.bench.PairedTiming.min;

import com.google.ortools.graph.MinCostFlow;
import io.github.renkei.cluster.matching.MatchResult;
import io.github.renkei.cluster.matching.Matchers;
import io.github.renkei.cluster.matching.MatchingProblem;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Issue 16's ratio measured in paired rounds: in one JVM, our optimal matcher and OR-Tools'
 * {@code MinCostFlow.solve()} alternate on the same instance, each round timing one solve of
 * each, so that the VM's drifting speed hits both alike; the figure is the median of the
 * per-round ratios ours / OR-Tools, of the wall time and of the thread's CPU time (OR-Tools runs
 * natively in the calling thread). The order within a round alternates (ours first in even
 * rounds). Every round checks that both totals equal the one found in the first warm-up round;
 * a difference fails the run.
 *
 * <p>Timed as in {@link OptimalMatchingBenchmark}: ours is {@code Matchers.optimal().match(problem)}
 * on a problem whose eligibility graph is built, so the solver plus the {@link MatchResult};
 * OR-Tools is {@code solve()} on a model whose arcs were added beforehand.
 *
 * <p>Arguments, all optional: rounds (15), warm-up rounds (3), instances (comma-separated of
 * {@code a} = {@link MatchingCap1Benchmark}'s and {@code b} = {@link MatchingCap4Benchmark}'s;
 * {@code a,b}).
 */
public final class MatchingPairedRounds {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private MatchingPairedRounds() {}

  /**
   * Runs the rounds.
   *
   * @param args rounds, warm-up rounds, instances
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String instances = args.length > 2 ? args[2] : "a,b";
    if (rounds < 1 || warmUp < 1) {
      throw new IllegalArgumentException("rounds and warm-up rounds must be >= 1 but were " + Arrays.toString(args));
    }
    System.out.printf(Locale.ROOT, "%s %s, %d warm-up + %d rounds%n", System.getProperty("java.vm.name"),
        System.getProperty("java.vm.version"), warmUp, rounds);
    for (String name : instances.split(",")) {
      MatchData data = switch (name) {
        case "a" -> new MatchingCap1Benchmark().instance();
        case "b" -> new MatchingCap4Benchmark().instance();
        default -> throw new IllegalArgumentException("unknown instance " + name + ", expected a or b");
      };
      run(name, data, rounds, warmUp);
    }
  }

  private static void run(String name, MatchData data, int rounds, int warmUp) {
    MatchingProblem problem = data.problem(true);
    if (problem.eligiblePairs() != data.pairs()) {
      throw new AssertionError("eligible pairs " + problem.eligiblePairs() + " != " + data.pairs());
    }
    MinCostFlow flow = MatchData.orToolsFlow(data);
    System.out.printf(Locale.ROOT, "(%s) %s%n", name, data);
    double[] ours = new double[rounds];
    double[] theirs = new double[rounds];
    double[] ratio = new double[rounds];
    double[] cpuRatio = new double[rounds];
    double expected = Double.NaN;
    try {
      for (int r = -warmUp; r < rounds; r++) {
        boolean oursFirst = Math.floorMod(r, 2) == 0;
        double[] a = new double[3];
        double[] b = new double[3];
        if (oursFirst) {
          a = timeOurs(problem);
          b = timeTheirs(data, flow);
        } else {
          b = timeTheirs(data, flow);
          a = timeOurs(problem);
        }
        if (Double.isNaN(expected)) {
          expected = a[2];
        }
        if (a[2] != expected || b[2] != expected) {
          throw new AssertionError("round " + r + ": ours " + a[2] + ", OR-Tools " + b[2] + ", expected " + expected);
        }
        String label = r < 0 ? "warm-up " + (r + warmUp + 1) : "round " + (r + 1);
        System.out.printf(Locale.ROOT, "(%s) %-10s wall: ours %8.1f ms  OR-Tools %8.1f ms  ratio %.3f   cpu ratio %.3f"
            + "  total %.0f = %.0f%s%n", name, label, a[0], b[0], a[0] / b[0], a[1] / b[1], a[2], b[2],
            oursFirst ? "" : "  (OR-Tools first)");
        if (r >= 0) {
          ours[r] = a[0];
          theirs[r] = b[0];
          ratio[r] = a[0] / b[0];
          cpuRatio[r] = a[1] / b[1];
        }
      }
    } finally {
      flow.delete();
    }
    System.out.printf(Locale.ROOT, "(%s) median ours %.1f ms (%.1f–%.1f), median OR-Tools %.1f ms (%.1f–%.1f)%n", name,
        median(ours), min(ours), max(ours), median(theirs), min(theirs), max(theirs));
    System.out.printf(Locale.ROOT, "(%s) median ratio ours/OR-Tools: wall %.3f (%.3f–%.3f), cpu %.3f (%.3f–%.3f) over %d"
        + " rounds; totals equal in every round (%.0f)%n", name, median(ratio), min(ratio), max(ratio), median(cpuRatio),
        min(cpuRatio), max(cpuRatio), rounds, expected);
  }

  /** Wall ms, thread CPU ms, total. */
  private static double[] timeOurs(MatchingProblem problem) {
    System.gc();
    long c0 = THREADS.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    MatchResult result = Matchers.optimal().match(problem);
    long t1 = System.nanoTime();
    long c1 = THREADS.getCurrentThreadCpuTime();
    return new double[] {(t1 - t0) / 1e6, (c1 - c0) / 1e6, result.totalScore()};
  }

  private static double[] timeTheirs(MatchData data, MinCostFlow flow) {
    System.gc();
    long c0 = THREADS.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    long total = MatchData.solveOrTools(data, flow);
    long t1 = System.nanoTime();
    long c1 = THREADS.getCurrentThreadCpuTime();
    return new double[] {(t1 - t0) / 1e6, (c1 - c0) / 1e6, total};
  }

}
