package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.matching.MatchResult;
import io.github.renkei.cluster.matching.Matcher;
import io.github.renkei.cluster.matching.Matchers;
import io.github.renkei.cluster.matching.MatchingProblem;
import java.util.Locale;

/**
 * Issue 16: what a shortlist ({@link MatchingProblem.Builder#shortlist(int)}) costs in total
 * score. On realistic instances ({@link EligibilityData}: the standard constraints and scorer,
 * PMD Act licences, capacities 1–5), for each shortlist size k, the greedy and the optimal
 * matcher's total score and matched needs on the shortlisted graph against the same matcher on
 * the full graph (the optimum gap), summed over a few seeds per size. Prints a table.
 *
 * <p>Arguments, all optional: seeds per size (3). Run as a plain main on the benchmark class path
 * (see BENCHMARKS.md).
 */
public final class ShortlistGap {

  private ShortlistGap() {}

  /**
   * Prints the table.
   *
   * @param args seeds per size
   */
  public static void main(String[] args) {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    if (seeds < 1) {
      throw new IllegalArgumentException("seeds must be >= 1 but was " + seeds);
    }
    int[][] sizes = {{300, 60}, {1_000, 300}, {3_000, 1_000}};
    int[] ks = {1, 2, 3, 5, 10, 20};
    System.out.println("suppliers\tneeds\tk\tpairs kept\tgreedy score\tgreedy matched\toptimal score\toptimal matched");
    for (int[] size : sizes) {
      MatchingProblem[] full = new MatchingProblem[seeds];
      double[][] base = new double[2][seeds];
      long[][] baseMatched = new long[2][seeds];
      long pairs = 0;
      for (int s = 0; s < seeds; s++) {
        full[s] = EligibilityData.generate(size[0], size[1], EligibilityData.SEED + s).problem(false);
        pairs += full[s].eligiblePairs();
        MatchResult g = Matchers.greedy().match(full[s]);
        MatchResult o = Matchers.optimal().match(full[s]);
        base[0][s] = g.totalScore();
        base[1][s] = o.totalScore();
        baseMatched[0][s] = g.assignments().size();
        baseMatched[1][s] = o.assignments().size();
      }
      System.out.printf(Locale.ROOT, "%d\t%d\tall\t%d\t%.1f\t%d\t%.1f\t%d%n", size[0], size[1], pairs,
          sum(base[0]), sum(baseMatched[0]), sum(base[1]), sum(baseMatched[1]));
      for (int k : ks) {
        long kept = 0;
        double[] score = new double[2];
        long[] matched = new long[2];
        for (int s = 0; s < seeds; s++) {
          MatchingProblem cut = full[s].toBuilder().shortlist(k).build();
          kept += cut.eligiblePairs();
          Matcher[] matchers = {Matchers.greedy(), Matchers.optimal()};
          for (int m = 0; m < 2; m++) {
            MatchResult r = matchers[m].match(cut);
            score[m] += r.totalScore();
            matched[m] += r.assignments().size();
          }
        }
        System.out.printf(Locale.ROOT, "%d\t%d\t%d\t%d (%.1f %%)\t%.1f (%+.2f %%)\t%d (%+d)\t%.1f (%+.2f %%)\t%d (%+d)%n",
            size[0], size[1], k, kept, 100.0 * kept / pairs, score[0], 100 * (score[0] / sum(base[0]) - 1),
            matched[0], matched[0] - sum(baseMatched[0]), score[1], 100 * (score[1] / sum(base[1]) - 1), matched[1],
            matched[1] - sum(baseMatched[1]));
      }
    }
  }

  private static double sum(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s;
  }

  private static long sum(long[] x) {
    long s = 0;
    for (long v : x) {
      s += v;
    }
    return s;
  }
}
