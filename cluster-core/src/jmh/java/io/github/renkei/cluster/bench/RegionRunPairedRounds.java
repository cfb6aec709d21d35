package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.ClusterWorld;
import io.github.renkei.cluster.dynamics.RegionProfile;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Scenario;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import javax.management.JMException;
import javax.management.ObjectName;
import java.util.Locale;

/**
 * Issue 13's ratio measured in paired rounds: in one JVM, the built-in Fukushima run and the
 * user's run of the same size ({@link RegionRunData}) alternate, each round timing one experiment
 * of each, so that the VM's drifting speed hits both alike; the figure is the median of the
 * per-round ratios user / built-in, of the wall time and of the process's CPU time. The order within a round alternates too (built-in first in
 * even rounds, user first in odd ones), so neither run always follows the other's garbage.
 *
 * <p>Arguments, all optional: rounds (15), warm-up rounds (3), replications (100), threads (2).
 * Prints each round's times and ratio, the medians and ranges, and the two runs' means of a few
 * metrics in 2030, which show that both did the same kind of work.
 */
public final class RegionRunPairedRounds {

  private RegionRunPairedRounds() {}

  /**
   * Runs the rounds.
   *
   * @param args rounds, warm-up rounds, replications, threads
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int replications = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    if (rounds < 1 || warmUp < 0 || replications < 1 || threads < 1) {
      throw new IllegalArgumentException("rounds, replications and threads must be >= 1 and warm-up >= 0 but were "
          + Arrays.toString(args));
    }
    ClusterWorld builtInWorld = RegionRunData.builtInWorld();
    Scenario<ClusterState> builtIn = RegionRunData.builtInScenario();
    RegionProfile profile = RegionRunData.userProfile();
    ClusterWorld userWorld = profile.world(RegionRunData.userCluster());
    Scenario<ClusterState> user = profile.scenario(userWorld);
    RegionRunData.checkSameShape(builtInWorld, builtIn, userWorld, user);
    System.out.printf(Locale.ROOT, "built-in: %s%nuser:     %s%n", builtInWorld, userWorld);
    System.out.printf(Locale.ROOT, "%d warm-up + %d rounds, %d replications, %d threads, seed 2005%n", warmUp, rounds,
        replications, threads);

    double[] a = new double[rounds];
    double[] b = new double[rounds];
    double[] ratio = new double[rounds];
    double[] cpuA = new double[rounds];
    double[] cpuB = new double[rounds];
    double[] cpuRatio = new double[rounds];
    ExperimentResult lastA = null;
    ExperimentResult lastB = null;
    for (int r = -warmUp; r < rounds; r++) {
      boolean builtInFirst = Math.floorMod(r, 2) == 0;
      Timed first = run(builtInFirst ? builtIn : user, replications, threads);
      Timed second = run(builtInFirst ? user : builtIn, replications, threads);
      Timed ra = builtInFirst ? first : second;
      Timed rb = builtInFirst ? second : first;
      lastA = ra.result();
      lastB = rb.result();
      double ta = ra.seconds();
      double tb = rb.seconds();
      double ca = ra.cpuSeconds();
      double cb = rb.cpuSeconds();
      String label = r < 0 ? "warm-up " + (r + warmUp + 1) : "round " + (r + 1);
      System.out.printf(Locale.ROOT, "%-10s wall: built-in %.3f s  user %.3f s  ratio %.3f   cpu: built-in %.3f s"
          + "  user %.3f s  ratio %.3f%s%n", label, ta, tb, tb / ta, ca, cb, cb / ca,
          builtInFirst ? "" : "  (user first)");
      if (r >= 0) {
        a[r] = ta;
        b[r] = tb;
        ratio[r] = tb / ta;
        cpuA[r] = ca;
        cpuB[r] = cb;
        cpuRatio[r] = cb / ca;
      }
    }
    System.out.printf(Locale.ROOT, "wall: median built-in %.3f s (%.3f–%.3f), median user %.3f s (%.3f–%.3f)%n",
        median(a), min(a), max(a), median(b), min(b), max(b));
    System.out.printf(Locale.ROOT, "wall: median ratio user/built-in %.3f (range %.3f–%.3f over %d rounds)%n",
        median(ratio), min(ratio), max(ratio), rounds);
    System.out.printf(Locale.ROOT, "cpu:  median built-in %.3f s (%.3f–%.3f), median user %.3f s (%.3f–%.3f)%n",
        median(cpuA), min(cpuA), max(cpuA), median(cpuB), min(cpuB), max(cpuB));
    System.out.printf(Locale.ROOT, "cpu:  median ratio user/built-in %.3f (range %.3f–%.3f over %d rounds)%n",
        median(cpuRatio), min(cpuRatio), max(cpuRatio), rounds);
    for (String metric : new String[] {ClusterDynamics.REGISTERED, ClusterDynamics.FIRMS_PARTS_SUPPLY,
        ClusterDynamics.NEEDS_BROKERED, ClusterDynamics.NEEDS_MATCHED, ClusterDynamics.TIES_VERTICAL}) {
      System.out.printf(Locale.ROOT, "2030 mean %-26s built-in %8.2f  user %8.2f%n", metric,
          lastA.summary(builtIn.name(), 0, metric, "2030").mean(),
          lastB.summary(user.name(), 0, metric, "2030").mean());
    }
  }

  /**
   * An experiment's result, kept so that the work cannot be optimized away, its wall time and the
   * CPU time the whole process spent meanwhile (JIT and GC threads included), which other
   * processes on a shared machine disturb far less than the wall time.
   */
  private record Timed(ExperimentResult result, double seconds, double cpuSeconds) {}

  /** The platform's process CPU time, read as a JMX attribute: com.sun.management is not readable from this module. */
  private static long processCpuNanos() {
    try {
      return (Long) ManagementFactory.getPlatformMBeanServer()
          .getAttribute(new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME), "ProcessCpuTime");
    } catch (JMException e) {
      throw new IllegalStateException("this JVM does not report the process's CPU time", e);
    }
  }

  private static Timed run(Scenario<ClusterState> scenario, int replications, int threads) {
    // a full collection before each run, so that neither run pays for the other's garbage
    System.gc();
    long c0 = processCpuNanos();
    long t0 = System.nanoTime();
    ExperimentResult r = Experiment.of(scenario).replications(replications).seed(2005).threads(threads).run();
    long t1 = System.nanoTime();
    long c1 = processCpuNanos();
    return new Timed(r, (t1 - t0) / 1e9, (c1 - c0) / 1e9);
  }

  private static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static double min(double[] x) {
    return Arrays.stream(x).min().orElseThrow();
  }

  private static double max(double[] x) {
    return Arrays.stream(x).max().orElseThrow();
  }
}
