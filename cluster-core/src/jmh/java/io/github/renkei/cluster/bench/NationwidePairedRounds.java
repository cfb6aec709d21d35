package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.ClusterWorld;
import io.github.renkei.cluster.dynamics.NationalState;
import io.github.renkei.cluster.dynamics.NationwideDynamics;
import io.github.renkei.cluster.dynamics.NationwideWorld;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Scenario;
import java.util.Arrays;
import java.util.Locale;

/**
 * Issue 20's cost ratio measured in paired rounds: in one JVM, the nationwide run
 * ({@code NationwideDynamics.scenario(NationwideWorld.japan())}, 15,000 firms, 2005–2030) and the
 * single-region Fukushima run ({@code ClusterDynamics.fukushima()}, 300 firms, 2005–2030)
 * alternate, each round timing one experiment of each (default parameters, seed 2005), so that the
 * VM's drifting speed and the other processes' load hit both alike. The order within a round
 * alternates (nationwide first in even rounds, Fukushima first in odd ones). Each run's cost is
 * its wall time (and the process's CPU time) per firm-year, replications × 26 years × firms; the
 * figure is the median of the per-round ratios nationwide / Fukushima. Target: at most 1.5.
 *
 * <p>Arguments, all optional: rounds (11), warm-up rounds (2), nationwide replications (20),
 * Fukushima replications (1000), threads (2). Prints the world's build time, each round's times,
 * costs and ratios, then the medians and ranges.
 */
public final class NationwidePairedRounds {

  private NationwidePairedRounds() {}

  /**
   * Runs the rounds.
   *
   * @param args rounds, warm-up rounds, nationwide replications, Fukushima replications, threads
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 11;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int nationwideReplications = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int fukushimaReplications = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
    int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
    if (rounds < 1 || warmUp < 0 || nationwideReplications < 1 || fukushimaReplications < 1 || threads < 1) {
      throw new IllegalArgumentException("rounds, replications and threads must be >= 1 and warm-up >= 0 but were "
          + Arrays.toString(args));
    }
    long t0 = System.nanoTime();
    NationwideWorld japan = NationwideWorld.japan();
    long t1 = System.nanoTime();
    Scenario<NationalState> nationwide = NationwideDynamics.scenario(japan);
    long t2 = System.nanoTime();
    ClusterWorld fukushimaWorld = ClusterWorld.fukushima();
    Scenario<ClusterState> fukushima = ClusterDynamics.fukushima();
    int years = 2030 - 2005 + 1;
    double nationwideFirmYears = (double) nationwideReplications * years * japan.firms();
    double fukushimaFirmYears = (double) fukushimaReplications * years * fukushimaWorld.firms().size();
    System.out.printf(Locale.ROOT, "nationwide: %s (world %.3f s, scenario %.3f s)%nfukushima:  %s%n", japan,
        (t1 - t0) / 1e9, (t2 - t1) / 1e9, fukushimaWorld);
    System.out.printf(Locale.ROOT, "%d warm-up + %d rounds, %d threads, seed 2005: nationwide %d replications "
        + "(%,.0f firm-years), Fukushima %d replications (%,.0f firm-years)%n", warmUp, rounds, threads,
        nationwideReplications, nationwideFirmYears, fukushimaReplications, fukushimaFirmYears);

    double[] costN = new double[rounds];
    double[] costF = new double[rounds];
    double[] ratio = new double[rounds];
    double[] cpuN = new double[rounds];
    double[] cpuF = new double[rounds];
    double[] cpuRatio = new double[rounds];
    for (int r = -warmUp; r < rounds; r++) {
      boolean nationwideFirst = Math.floorMod(r, 2) == 0;
      PairedTiming.Timed<ExperimentResult> first = nationwideFirst ? run(nationwide, nationwideReplications, threads)
          : run(fukushima, fukushimaReplications, threads);
      PairedTiming.Timed<ExperimentResult> second = nationwideFirst ? run(fukushima, fukushimaReplications, threads)
          : run(nationwide, nationwideReplications, threads);
      PairedTiming.Timed<ExperimentResult> n = nationwideFirst ? first : second;
      PairedTiming.Timed<ExperimentResult> f = nationwideFirst ? second : first;
      double cn = n.seconds() * 1e9 / nationwideFirmYears;
      double cf = f.seconds() * 1e9 / fukushimaFirmYears;
      double pn = n.cpuSeconds() * 1e9 / nationwideFirmYears;
      double pf = f.cpuSeconds() * 1e9 / fukushimaFirmYears;
      String label = r < 0 ? "warm-up " + (r + warmUp + 1) : "round " + (r + 1);
      System.out.printf(Locale.ROOT, "%-10s wall: nationwide %.3f s %.1f ns/firm-year  Fukushima %.3f s %.1f "
          + "ns/firm-year  ratio %.3f   cpu: %.1f / %.1f ns/firm-year  ratio %.3f%s%n", label, n.seconds(), cn,
          f.seconds(), cf, cn / cf, pn, pf, pn / pf, nationwideFirst ? "" : "  (Fukushima first)");
      if (r >= 0) {
        costN[r] = cn;
        costF[r] = cf;
        ratio[r] = cn / cf;
        cpuN[r] = pn;
        cpuF[r] = pf;
        cpuRatio[r] = pn / pf;
      }
    }
    System.out.printf(Locale.ROOT, "wall: median nationwide %.1f ns/firm-year (%.1f–%.1f), median Fukushima %.1f "
        + "ns/firm-year (%.1f–%.1f)%n", PairedTiming.median(costN), PairedTiming.min(costN), PairedTiming.max(costN),
        PairedTiming.median(costF), PairedTiming.min(costF), PairedTiming.max(costF));
    System.out.printf(Locale.ROOT, "wall: median of per-round ratios nationwide/Fukushima %.3f (range %.3f–%.3f over "
        + "%d rounds)%n", PairedTiming.median(ratio), PairedTiming.min(ratio), PairedTiming.max(ratio), rounds);
    System.out.printf(Locale.ROOT, "cpu:  median nationwide %.1f ns/firm-year, median Fukushima %.1f ns/firm-year%n",
        PairedTiming.median(cpuN), PairedTiming.median(cpuF));
    System.out.printf(Locale.ROOT, "cpu:  median of per-round ratios nationwide/Fukushima %.3f (range %.3f–%.3f over "
        + "%d rounds)%n", PairedTiming.median(cpuRatio), PairedTiming.min(cpuRatio), PairedTiming.max(cpuRatio),
        rounds);
  }

  private static <S> PairedTiming.Timed<ExperimentResult> run(Scenario<S> scenario, int replications, int threads) {
    return PairedTiming.time(() -> Experiment.of(scenario).replications(replications).seed(2005).threads(threads)
        .run());
  }
}
