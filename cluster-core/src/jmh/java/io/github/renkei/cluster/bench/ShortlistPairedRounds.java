package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.matching.Shortlist;
import io.github.renkei.cluster.matching.Shortlists;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Issue 18's shortlists in paired rounds: in one JVM, the shortlists ({@code k = 10}) of the
 * instance (d) ({@link EligibilityData}: 20,000 needs × 5,000 suppliers, the standard constraints
 * and scorer, a parallel problem) and the full eligibility graph of the same problem alternate,
 * each round timing one of each on a new problem, the order alternating between rounds, so that
 * the VM's drifting speed hits both alike. Prints each round, the medians and the median of the
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
    double[] lists = new double[rounds];
    double[] graph = new double[rounds];
    double[] ratio = new double[rounds];
    Shortlists last = null;
    for (int r = -warmUp; r < rounds; r++) {
      boolean listsFirst = Math.floorMod(r, 2) == 0;
      Supplier<Object> a = () -> Shortlists.of(data.problem(true), ShortlistBenchmark.K);
      Supplier<Object> b = () -> data.problem(true).eligiblePairs();
      Timed first = time(listsFirst ? a : b);
      Timed second = time(listsFirst ? b : a);
      Timed tl = listsFirst ? first : second;
      Timed tg = listsFirst ? second : first;
      last = (Shortlists) tl.result();
      String label = r < 0 ? "warm-up " + (r + warmUp + 1) : "round " + (r + 1);
      System.out.printf(Locale.ROOT, "%-10s shortlists %.3f s  eligibility graph %.3f s  ratio %.3f%s%n", label,
          tl.seconds(), tg.seconds(), tl.seconds() / tg.seconds(), listsFirst ? "" : "  (graph first)");
      if (r >= 0) {
        lists[r] = tl.seconds();
        graph[r] = tg.seconds();
        ratio[r] = tl.seconds() / tg.seconds();
      }
    }
    System.out.printf(Locale.ROOT, "median shortlists %.3f s (%.3f–%.3f), median eligibility graph %.3f s (%.3f–%.3f)%n",
        median(lists), min(lists), max(lists), median(graph), min(graph), max(graph));
    System.out.printf(Locale.ROOT, "median ratio shortlists/graph %.3f (range %.3f–%.3f over %d rounds)%n",
        median(ratio), min(ratio), max(ratio), rounds);
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
