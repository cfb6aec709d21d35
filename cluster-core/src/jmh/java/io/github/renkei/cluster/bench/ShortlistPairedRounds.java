package io.github.renkei.cluster.bench;

import static io.github.renkei.cluster.bench.PairedTiming.max;
import static io.github.renkei.cluster.bench.PairedTiming.median;
import static io.github.renkei.cluster.bench.PairedTiming.min;

import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.matching.Shortlist;
import io.github.renkei.cluster.matching.Shortlists;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Issue 18's shortlists in interleaved rounds: in one JVM, the shortlists ({@code k = 10}
 * candidates and 10 near misses) of the instance (d) ({@link EligibilityData}: 20,000 needs ×
 * 5,000 suppliers, the standard constraints and scorer, a parallel problem), the shortlists with
 * candidates only, and the full eligibility graph of the same problem alternate, each round
 * timing one of each on a new problem in an order that rotates between rounds, so that the VM's
 * drifting speed hits all three alike. Prints each round, the medians and the median of the
 * per-round ratios, the instance's counts, and checks once that the shortlists are the same on
 * one thread.
 *
 * <p>Arguments, all optional: rounds (9), warm-up rounds (3).
 */
public final class ShortlistPairedRounds {

  private ShortlistPairedRounds() {}

  /**
   * Runs the rounds.
   *
   * @param args rounds, warm-up rounds
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    if (rounds < 1 || warmUp < 0) {
      throw new IllegalArgumentException("rounds must be >= 1 and warm-up >= 0 but were " + Arrays.toString(args));
    }
    EligibilityData data = EligibilityData.generate(EligibilityBenchmark.SUPPLIERS, EligibilityBenchmark.NEEDS,
        EligibilityData.SEED);
    MatchingProblem p = data.problem(true);
    System.out.printf(Locale.ROOT, "%d needs × %d suppliers, %d constraints %s, k = %d, %d threads (common pool)%n",
        p.needs().size(), p.suppliers().size(), p.constraints().size(),
        p.constraints().stream().map(c -> c.name()).toList(), ShortlistBenchmark.K,
        java.util.concurrent.ForkJoinPool.getCommonPoolParallelism());
    String[] names = {"shortlists", "candidates only", "eligibility graph"};
    List<Supplier<Object>> runs = List.of(
        () -> Shortlists.of(data.problem(true), ShortlistBenchmark.K),
        () -> Shortlists.of(data.problem(true), ShortlistBenchmark.K, 0),
        () -> data.problem(true).eligiblePairs());
    double[][] times = new double[3][rounds];
    double[][] ratios = new double[2][rounds];
    Shortlists last = null;
    for (int r = -warmUp; r < rounds; r++) {
      // the three in a rotating order, so that none always runs after the same one
      int shift = Math.floorMod(r, 3);
      double[] t = new double[3];
      for (int i = 0; i < 3; i++) {
        int which = (i + shift) % 3;
        Timed timed = time(runs.get(which));
        t[which] = timed.seconds();
        if (which == 0) {
          last = (Shortlists) timed.result();
        }
      }
      String label = r < 0 ? "warm-up " + (r + warmUp + 1) : "round " + (r + 1);
      System.out.printf(Locale.ROOT, "%-10s shortlists %.3f s  candidates only %.3f s  eligibility graph %.3f s"
          + "  ratios to the graph %.3f %.3f  (first: %s)%n", label, t[0], t[1], t[2], t[0] / t[2], t[1] / t[2],
          names[shift]);
      if (r >= 0) {
        for (int i = 0; i < 3; i++) {
          times[i][r] = t[i];
        }
        ratios[0][r] = t[0] / t[2];
        ratios[1][r] = t[1] / t[2];
      }
    }
    for (int i = 0; i < 3; i++) {
      System.out.printf(Locale.ROOT, "median %-17s %.3f s (%.3f–%.3f)%n", names[i], median(times[i]), min(times[i]),
          max(times[i]));
    }
    for (int i = 0; i < 2; i++) {
      System.out.printf(Locale.ROOT, "median ratio %s / eligibility graph %.3f (range %.3f–%.3f over %d rounds)%n",
          names[i], median(ratios[i]), min(ratios[i]), max(ratios[i]), rounds);
    }
    long eligible = 0;
    long nearMisses = 0;
    long listed = 0;
    long listedMisses = 0;
    for (Shortlist s : last.all()) {
      eligible += s.eligible();
      nearMisses += s.nearMissCount();
      listed += s.candidates().size();
      listedMisses += s.nearMisses().size();
    }
    System.out.printf(Locale.ROOT, "eligible pairs %,d; near-miss pairs %,d; listed %,d candidates and %,d near misses%n",
        eligible, nearMisses, listed, listedMisses);
    Shortlists sequential = Shortlists.of(data.problem(false), ShortlistBenchmark.K);
    System.out.println("sequential equals parallel: " + sequential.equals(last));
    if (!sequential.equals(last)) {
      throw new IllegalStateException("the shortlists differ between one thread and several");
    }
  }

  private record Timed(Object result, double seconds) {}

  private static Timed time(Supplier<Object> run) {
    System.gc();
    long t0 = System.nanoTime();
    Object result = run.get();
    return new Timed(result, (System.nanoTime() - t0) / 1e9);
  }

}
