package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.ClusterWorld;
import io.github.renkei.cluster.dynamics.RegionProfile;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Scenario;
import java.util.Arrays;
import java.util.Locale;

/**
 * Issue 13's ratio measured in paired rounds: in one JVM, the built-in Fukushima run and the
 * user's run of the same size ({@link RegionRunData}) alternate, each round timing one experiment
 * of each, so that the VM's drifting speed hits both alike; the figure is the median of the
 * per-round ratios user / built-in. The order within a round alternates too (built-in first in
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
      String label = r < 0 ? "warm-up " + (r + warmUp + 1) : "round " + (r + 1);
      System.out.printf(Locale.ROOT, "%-10s built-in %.3f s  user %.3f s  ratio %.3f%s%n", label, ta, tb, tb / ta,
          builtInFirst ? "" : "  (user first)");
      if (r >= 0) {
        a[r] = ta;
        b[r] = tb;
        ratio[r] = tb / ta;
      }
    }
    System.out.printf(Locale.ROOT, "median built-in %.3f s (%.3f–%.3f), median user %.3f s (%.3f–%.3f)%n", median(a),
        min(a), max(a), median(b), min(b), max(b));
    System.out.printf(Locale.ROOT, "median ratio user/built-in %.3f (range %.3f–%.3f over %d rounds)%n",
        median(ratio), min(ratio), max(ratio), rounds);
    for (String metric : new String[] {ClusterDynamics.REGISTERED, ClusterDynamics.FIRMS_PARTS_SUPPLY,
        ClusterDynamics.NEEDS_BROKERED, ClusterDynamics.NEEDS_MATCHED, ClusterDynamics.TIES_VERTICAL}) {
      System.out.printf(Locale.ROOT, "2030 mean %-26s built-in %8.2f  user %8.2f%n", metric,
          lastA.summary(builtIn.name(), 0, metric, "2030").mean(),
          lastB.summary(user.name(), 0, metric, "2030").mean());
    }
  }

  /** An experiment's result, kept so that the work cannot be optimized away, and its wall time. */
  private record Timed(ExperimentResult result, double seconds) {}

  private static Timed run(Scenario<ClusterState> scenario, int replications, int threads) {
    // a full collection before each run, so that neither run pays for the other's garbage
    System.gc();
    long t0 = System.nanoTime();
    ExperimentResult r = Experiment.of(scenario).replications(replications).seed(2005).threads(threads).run();
    return new Timed(r, (System.nanoTime() - t0) / 1e9);
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
