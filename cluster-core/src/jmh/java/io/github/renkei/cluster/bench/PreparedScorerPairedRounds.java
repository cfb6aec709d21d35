package io.github.renkei.cluster.bench;

import static io.github.renkei.cluster.bench.PairedTiming.max;
import static io.github.renkei.cluster.bench.PairedTiming.median;
import static io.github.renkei.cluster.bench.PairedTiming.min;

import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.matching.Scorer;
import io.github.renkei.cluster.matching.Scorers;
import io.github.renkei.cluster.matching.Shortlists;
import io.github.renkei.cluster.matching.WeightedScorer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The prepared scorers against the same scorer called pair by pair, in interleaved rounds in one
 * JVM on instance (d) ({@link EligibilityData}: 20,000 needs × 5,000 suppliers, the standard
 * constraints, a parallel problem): the shortlists with 10 candidates and 10 near misses and the
 * eligibility graph, each with {@link Scorers#standard()} (prepared: tables per context) and
 * with the same weighted sum of the same six components wrapped in {@link Scorers#of} (so each
 * is called per pair, as before the preparation). The four run in a rotating order per round;
 * prints each round, the medians and the medians of the per-round ratios, and checks that the
 * two scorers give equal shortlists and equal numbers of eligible pairs.
 *
 * <p>Arguments, all optional: rounds (7), warm-up rounds (2).
 */
public final class PreparedScorerPairedRounds {

  private PreparedScorerPairedRounds() {}

  /**
   * Runs the rounds.
   *
   * @param args rounds, warm-up rounds
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    if (rounds < 1 || warmUp < 0) {
      throw new IllegalArgumentException("rounds must be >= 1 and warm-up >= 0 but were " + Arrays.toString(args));
    }
    EligibilityData data = EligibilityData.generate(EligibilityBenchmark.SUPPLIERS, EligibilityBenchmark.NEEDS,
        EligibilityData.SEED);
    WeightedScorer standard = Scorers.standard();
    WeightedScorer.Builder generic = Scorers.weighted();
    for (Scorer c : standard.components()) {
      generic.add(standard.weights().get(c.name()), Scorers.of(c.name(), c::score));
    }
    WeightedScorer unprepared = generic.build();
    Function<Scorer, MatchingProblem> problem = s -> data.problem(true).toBuilder().scorer(s).build();
    String[] names = {"shortlists, prepared", "shortlists, per pair", "graph, prepared", "graph, per pair"};
    List<Function<Scorer, Object>> work = List.of(
        s -> Shortlists.of(problem.apply(s), ShortlistBenchmark.K),
        s -> problem.apply(s).eligiblePairs());
    double[][] times = new double[4][rounds];
    Object[] last = new Object[4];
    for (int r = -warmUp; r < rounds; r++) {
      int shift = Math.floorMod(r, 4);
      double[] t = new double[4];
      for (int i = 0; i < 4; i++) {
        int which = (i + shift) % 4;
        Scorer scorer = which % 2 == 0 ? standard : unprepared;
        System.gc();
        long t0 = System.nanoTime();
        last[which] = work.get(which / 2).apply(scorer);
        t[which] = (System.nanoTime() - t0) / 1e9;
      }
      System.out.printf(Locale.ROOT, "%-10s %s %.3f s  %s %.3f s  %s %.3f s  %s %.3f s%n",
          r < 0 ? "warm-up " + (r + warmUp + 1) : "round " + (r + 1), names[0], t[0], names[1], t[1], names[2], t[2],
          names[3], t[3]);
      if (r >= 0) {
        for (int i = 0; i < 4; i++) {
          times[i][r] = t[i];
        }
      }
    }
    for (int i = 0; i < 4; i++) {
      System.out.printf(Locale.ROOT, "median %-22s %.3f s (%.3f–%.3f)%n", names[i], median(times[i]), min(times[i]),
          max(times[i]));
    }
    for (int i = 0; i < 4; i += 2) {
      double[] ratio = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ratio[r] = times[i][r] / times[i + 1][r];
      }
      System.out.printf(Locale.ROOT, "median ratio %s / per pair %.3f (range %.3f–%.3f over %d rounds)%n", names[i],
          median(ratio), min(ratio), max(ratio), rounds);
    }
    boolean same = last[0].equals(last[1]) && last[2].equals(last[3]);
    System.out.println("equal results: " + same);
    if (!same) {
      throw new IllegalStateException("the prepared scorer's results differ from the per-pair scorer's");
    }
  }
}
