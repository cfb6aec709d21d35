package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The matchers at the ends of the double range: scores near the smallest normal and subnormal
 * numbers, scores near {@link Double#MAX_VALUE}, and totals that would pass it.
 */
class ScoreMagnitudeExamplesTest {

  private static final List<Matcher> ALL = List.of(Matchers.greedy(), Matchers.optimal(),
      Matchers.optimalMaximizingMatches(), Matchers.stable(), Matchers.stableSuppliersProposing());

  private static MatchingProblem problem(Map<String, Integer> capacities, Object... triples) {
    return MatcherExamplesTest.problem(capacities, triples);
  }

  private static Map<String, String> pairs(MatchResult r) {
    return MatcherExamplesTest.pairs(r);
  }

  @Test
  void aNeedTakesTheBetterOfTwoTinyScores() {
    // 2^30 / 2e-300 overflowed to infinity once, every score then quantized alike and n1 kept a
    MatchingProblem p = problem(Map.of(), "n1", "a", 1e-300, "n1", "b", 2e-300);
    for (Matcher m : ALL) {
      assertEquals(Map.of("n1", "b"), pairs(m.match(p)), m.name());
    }
    assertEquals(2e-300, Matchers.optimal().match(p).totalScore());
  }

  @Test
  void subnormalScoresAreStillTold() {
    MatchingProblem p = problem(Map.of(), "n1", "a", Double.MIN_VALUE, "n1", "b", 3 * Double.MIN_VALUE,
        "n2", "a", 2 * Double.MIN_VALUE);
    assertEquals(Map.of("n1", "b", "n2", "a"), pairs(Matchers.optimal().match(p)));
    assertEquals(5 * Double.MIN_VALUE, Matchers.optimal().match(p).totalScore());
  }

  @Test
  void tinyScoresTradeOffAsTheirSumsSay() {
    // greedy takes n1-a (5e-300) and strands n2; the optimum is 4e-300 + 4e-300
    MatchingProblem p = problem(Map.of(), "n1", "a", 5e-300, "n1", "b", 4e-300, "n2", "a", 4e-300);
    assertEquals(Map.of("n1", "a"), pairs(Matchers.greedy().match(p)));
    assertEquals(Map.of("n1", "b", "n2", "a"), pairs(Matchers.optimal().match(p)));
  }

  @Test
  void scoresNearTheLargestDoubleAreToldApart() {
    double max = Double.MAX_VALUE;
    MatchingProblem p = problem(Map.of(), "n1", "a", max / 2, "n1", "b", max);
    for (Matcher m : ALL) {
      assertEquals(Map.of("n1", "b"), pairs(m.match(p)), m.name());
    }
    MatchingProblem tradeOff = problem(Map.of(), "n1", "a", 5e300, "n1", "b", 4e300, "n2", "a", 4e300);
    assertEquals(Map.of("n1", "b", "n2", "a"), pairs(Matchers.optimal().match(tradeOff)));
    assertEquals(8e300, Matchers.optimal().match(tradeOff).totalScore());
  }

  @Test
  void scoresFarBelowOneQuantizationStepOfTheLargestStillGetASupplierWithRoom() {
    // 1e-300 is 0 steps of 1e300; n2 is not left unmatched for it (quantized, a tie with unmatched)
    MatchingProblem p = problem(Map.of(), "n1", "a", 1e300, "n2", "b", 1e-300);
    assertEquals(Map.of("n1", "a", "n2", "b"), pairs(Matchers.optimal().match(p)));
  }

  @Test
  void aTotalPastTheLargestDoubleIsRejectedNamingTheScoreThatPassedIt() {
    double big = 0.75 * Double.MAX_VALUE;
    MatchingProblem p = problem(Map.of(), "n1", "a", big, "n2", "b", big);
    for (Matcher m : ALL) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.match(p), m.name());
      assertTrue(e.getMessage().contains("n2") && e.getMessage().contains("'b'")
          && e.getMessage().contains(String.valueOf(big)) && e.getMessage().contains("Double.MAX_VALUE"),
          m.name() + ": " + e.getMessage());
    }
  }

  @Test
  void aWeightedScorePastTheLargestDoubleIsRejectedNamingTheComponentThatPassedIt() {
    double big = 0.75 * Double.MAX_VALUE;
    WeightedScorer weighted = Scorers.weighted()
        .add(1, Scorers.of("first", (n, s, c) -> big))
        .add(1, Scorers.of("second", (n, s, c) -> big))
        .build();
    MatchingProblem p = problem(Map.of(), "n1", "a", 1).toBuilder().scorer(weighted).build();
    for (Matcher m : ALL) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.match(p), m.name());
      assertTrue(e.getMessage().contains("'n1'") && e.getMessage().contains("'a'")
          && e.getMessage().contains("'second'") && e.getMessage().contains(String.valueOf(big))
          && e.getMessage().contains("Double.MAX_VALUE"), m.name() + ": " + e.getMessage());
    }
    // with weights of 2/3 the sum is about half the largest double
    MatchingProblem halves = p.toBuilder().scorer(weighted.withWeight("first", 2.0 / 3).withWeight("second", 2.0 / 3))
        .build();
    assertTrue(Double.isFinite(Matchers.optimal().match(halves).totalScore()));
  }

  @Test
  void aTotalJustBelowTheLargestDoubleIsKept() {
    double half = Double.MAX_VALUE / 2;
    MatchingProblem p = problem(Map.of(), "n1", "a", half, "n2", "b", half);
    for (Matcher m : ALL) {
      assertEquals(Double.MAX_VALUE, m.match(p).totalScore(), m.name());
    }
  }
}
