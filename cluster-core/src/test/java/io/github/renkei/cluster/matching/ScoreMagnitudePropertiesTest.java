package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.testing.MatchingArbitraries;
import io.github.renkei.cluster.testing.MatchingProblemArbitrary;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The matchers over scores of every magnitude from 10<sup>-300</sup> to 10<sup>300</sup>: the
 * generated integer scores (0 to 20) divided by 20 and multiplied by a power of ten, either one
 * power for the whole problem or, mixed, a power per pair spread around it. Whatever the magnitude, every total is
 * finite, every assignment eligible and within capacity, and the optimal matcher's total is the
 * exhaustive optimum, and at least greedy's and the stable matchers', within its quantization
 * tolerance: {@code needs × largest score × 2^-30}, as {@link OptimalMatcher} states, plus
 * 10<sup>-12</sup> of the totals for floating-point addition.
 */
class ScoreMagnitudePropertiesTest {

  /** The largest generated integer score: dividing by it puts every score at most at its power of ten. */
  private static final double MAX_INTEGER_SCORE = 20;

  private static final List<Matcher> ALL = List.of(Matchers.greedy(), Matchers.optimal(),
      Matchers.optimalMaximizingMatches(), Matchers.stable(), Matchers.stableSuppliersProposing());

  /** The power of ten of a problem, and how far (in powers of ten, either way) a pair may stray from it. */
  record Magnitude(int exponent, int spread, long seed) {

    /** The power of ten of one pair: deterministic in the pair, within [-300, 300]. */
    int exponentOf(Need need, Organization supplier) {
      if (spread == 0) {
        return exponent;
      }
      long h = seed ^ (need.id().value().hashCode() * 0x9E3779B97F4A7C15L) ^ supplier.id().value().hashCode();
      h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 29;
      int offset = (int) Math.floorMod(h, 2L * spread + 1) - spread;
      return Math.max(-300, Math.min(300, exponent + offset));
    }
  }

  /** A problem whose integer scores were scaled, and the magnitude that scaled them. */
  record Scaled(MatchingProblem problem, Magnitude magnitude) {

    @Override
    public String toString() {
      return magnitude + " " + problem;
    }
  }

  /**
   * One power of ten for the whole problem, or a spread of 3, 30 or 600 powers around it; the
   * ends of the range (where scale factors overflow or underflow) as often as the middle.
   */
  private static Arbitrary<Magnitude> magnitudes() {
    return Combinators.combine(
            Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.integers().between(-300, 300)),
                Tuple.of(1, Arbitraries.integers().between(-300, -295)),
                Tuple.of(1, Arbitraries.integers().between(295, 300))),
            Arbitraries.of(0, 0, 3, 30, 600),
            Arbitraries.longs())
        .as(Magnitude::new);
  }

  private static Arbitrary<Scaled> scaled(MatchingProblemArbitrary problems) {
    return Combinators.combine(problems, magnitudes()).as(ScoreMagnitudePropertiesTest::scale);
  }

  private static Scaled scale(MatchingProblem p, Magnitude m) {
    Scorer integers = p.scorer();
    MatchingProblem scaled = p.toBuilder()
        .scorer(Scorers.of("scaled",
            (n, s, c) -> integers.score(n, s, c) / MAX_INTEGER_SCORE * Math.pow(10, m.exponentOf(n, s))))
        .build();
    return new Scaled(scaled, m);
  }

  @Provide
  Arbitrary<Scaled> problems() {
    return Arbitraries.oneOf(
        scaled(MatchingArbitraries.problems()),
        scaled(MatchingArbitraries.problems().withNeeds(0, 25).withSuppliers(0, 10).withEligibility(30)),
        scaled(MatchingArbitraries.problems().withNeeds(0, 30).withSuppliers(1, 4).withCapacity(0, 10)
            .withScores(0, 5)));
  }

  /** At most 6 needs and 5 suppliers: small enough to enumerate every feasible matching. */
  @Provide
  Arbitrary<Scaled> small() {
    return Arbitraries.oneOf(
        scaled(MatchingArbitraries.problems().withNeeds(0, 6).withSuppliers(0, 5).withCapacity(0, 2)),
        scaled(MatchingArbitraries.problems().withNeeds(0, 6).withSuppliers(0, 5).withCapacity(0, 2)
            .withScores(0, 2)),
        scaled(MatchingArbitraries.problems().withNeeds(0, 6).withSuppliers(0, 5).withCapacity(0, 2)
            .withEligibility(90)));
  }

  /** How far below the optimum a total may fall from quantizing the scores. */
  private static double tolerance(BruteForce bf, double... totals) {
    double largest = 0;
    for (double[] row : bf.score) {
      for (double s : row) {
        largest = Math.max(largest, s);
      }
    }
    double sums = 0;
    for (double t : totals) {
      sums = Math.max(sums, t);
    }
    return bf.needCount() * largest * 0x1p-30 + 1e-12 * sums;
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void everyMatcherIsFeasibleWithAFiniteTotalAtEveryMagnitude(@ForAll("problems") Scaled s) {
    MatchingProblem p = s.problem();
    BruteForce bf = BruteForce.of(p);
    for (Matcher m : ALL) {
      MatchResult r = m.match(p);
      assertTrue(Double.isFinite(r.totalScore()) && r.totalScore() >= 0, m.name() + ": total " + r.totalScore());
      assertEquals(List.of(), MatchChecks.problems(p, r), m.name());
      int[] load = new int[bf.supplierCount()];
      double sum = 0;
      for (Assignment a : r.assignments()) {
        int i = bf.needIndex(a.need());
        int j = bf.supplierIndex(a.supplier());
        assertTrue(bf.eligible[i][j], m.name() + " assigned an ineligible pair " + a);
        assertTrue(++load[j] <= bf.capacity[j], m.name() + ": " + a.supplier() + " over capacity");
        assertEquals(bf.score[i][j], a.score().total(), m.name() + ": score of " + a);
        sum += bf.score[i][j];
      }
      assertEquals(sum, r.totalScore(), m.name() + ": the total is the sum in need id order");
    }
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void optimalScoresAtLeastAsMuchAsGreedyAndBothStableMatchersWithinItsTolerance(@ForAll("problems") Scaled s) {
    MatchingProblem p = s.problem();
    BruteForce bf = BruteForce.of(p);
    double optimal = Matchers.optimal().match(p).totalScore();
    for (Matcher m : List.of(Matchers.greedy(), Matchers.stable(), Matchers.stableSuppliersProposing(),
        Matchers.optimalMaximizingMatches())) {
      double other = m.match(p).totalScore();
      assertTrue(optimal >= other - tolerance(bf, optimal, other),
          "optimal " + optimal + " < " + m.name() + " " + other + " beyond " + tolerance(bf, optimal, other));
    }
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void optimalEqualsExhaustiveSearchWithinItsToleranceAtEveryMagnitude(@ForAll("small") Scaled s) {
    MatchingProblem p = s.problem();
    BruteForce bf = BruteForce.of(p);
    double best = bf.bestTotal();
    double found = Matchers.optimal().match(p).totalScore();
    double tolerance = tolerance(bf, best, found);
    assertTrue(found >= best - tolerance && found <= best + 1e-12 * best,
        "exhaustive " + best + ", optimal " + found + ", tolerance " + tolerance);
    if (s.magnitude().spread() == 0) {
      // integers times one power of ten: distinct totals differ by far more than the tolerance
      assertTrue(Math.abs(best - found) <= 1e-12 * best, "exhaustive " + best + ", optimal " + found);
    }

    double[] most = bf.mostMatchesThenBestTotal();
    MatchResult r = Matchers.optimalMaximizingMatches().match(p);
    assertEquals((int) most[0], r.matchedCount(), "most needs that can be served");
    double t = tolerance(bf, most[1], r.totalScore());
    assertTrue(r.totalScore() >= most[1] - t && r.totalScore() <= most[1] + 1e-12 * most[1],
        "exhaustive " + most[1] + ", found " + r.totalScore() + ", tolerance " + t);
  }
}
