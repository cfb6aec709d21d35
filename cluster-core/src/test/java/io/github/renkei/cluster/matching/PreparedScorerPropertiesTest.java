package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.testing.ClusterArbitraries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The prepared scorers ({@link PreparedScorer}) give, for every pair, the very double the
 * scorer's {@link Scorer#score} gives and the very breakdown its {@link Scorer#explain} gives, and
 * fail with the very message: on generated clusters
 * over all of Japan with ties, with and without a year for prior ties, for the standard scorer,
 * each built-in component, other scales and weights (a zero weight among them), and a custom
 * component inside a weighted sum.
 */
class PreparedScorerPropertiesTest {

  @Provide
  Arbitrary<Cluster> clusters() {
    return ClusterArbitraries.clusters().withOrganizations(2, 30).withRelationships(0, 60).withNeeds(1, 10)
        .withPrograms(0, 0);
  }

  @Provide
  Arbitrary<Optional<Integer>> years() {
    return Arbitraries.integers().between(1995, 2030).optional(0.6);
  }

  private static List<Scorer> scorers() {
    List<Scorer> all = new ArrayList<>(List.of(Scorers.standard(), Scorers.capabilityFit(), Scorers.proximity(),
        Scorers.proximity(37.5), Scorers.priorRelationship(), Scorers.experience(), Scorers.hubRecommendation(),
        Scorers.horizontalPartnership()));
    all.add(Scorers.standard().withWeight("proximity", 0).withWeight("experience", 3.25));
    all.add(Scorers.weighted().add(0.7, Scorers.priorRelationship())
        .add(1.3, Scorers.of("custom", (need, s, ctx) -> s.capabilities().size() * 0.1)).build());
    return all;
  }

  @Property(tries = 150)
  void preparedScoresAreTheScoresBitForBit(@ForAll("clusters") Cluster cluster,
      @ForAll("years") Optional<Integer> year) {
    eachPair(cluster, year, (scorer, need, j, s, scores, ctx) -> {
      double expected = scorer.score(need, s, ctx);
      assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(scores.score(j)),
          () -> scorer + " on need " + need.id() + " and supplier " + s.id() + ": expected " + expected);
    });
  }

  /**
   * A prepared breakdown, where there is one (every weighted sum), is the scorer's
   * {@link Scorer#explain} for the pair: the same names in the same order, and each contribution
   * and the total the same double.
   */
  @Property(tries = 150)
  void preparedBreakdownsAreTheScorersBreakdownsBitForBit(@ForAll("clusters") Cluster cluster,
      @ForAll("years") Optional<Integer> year) {
    eachPair(cluster, year, (scorer, need, j, s, scores, ctx) -> {
      ScoreBreakdown breakdown = scores.explain(j);
      if (breakdown == null) {
        assertEquals(false, scorer instanceof WeightedScorer, scorer + " has no prepared breakdown");
        return;
      }
      ScoreBreakdown expected = scorer.explain(need, s, ctx);
      String at = scorer + " on need " + need.id() + " and supplier " + s.id();
      assertEquals(List.copyOf(expected.components().keySet()), List.copyOf(breakdown.components().keySet()), at);
      assertEquals(bits(expected), bits(breakdown), at);
      assertEquals(expected, breakdown, at);
      assertEquals(expected.hashCode(), breakdown.hashCode(), at);
    });
  }

  /** A check of one pair: the scorer, the need, the supplier's index and itself, its prepared scores. */
  private interface PairCheck {
    void check(Scorer scorer, Need need, int j, Organization supplier, PreparedScorer.NeedScores scores,
        MatchContext ctx);
  }

  /** Runs a check on every scorer of {@link #scorers()}, need and supplier of a cluster's problem. */
  private static void eachPair(Cluster cluster, Optional<Integer> year, PairCheck check) {
    MatchingProblem.Builder b = MatchingProblem.from(cluster);
    year.ifPresent(b::year);
    MatchContext ctx = b.build().context();
    for (Scorer scorer : scorers()) {
      PreparedScorer prepared = PreparedScorer.of(scorer, ctx);
      for (Need need : cluster.needs()) {
        PreparedScorer.NeedScores scores = prepared.forNeed(need);
        for (int j = 0; j < ctx.suppliers().size(); j++) {
          check.check(scorer, need, j, ctx.suppliers().get(j), scores, ctx);
        }
      }
    }
  }

  /** The total's and each contribution's bits. */
  private static List<Long> bits(ScoreBreakdown b) {
    List<Long> bits = new ArrayList<>();
    bits.add(Double.doubleToRawLongBits(b.total()));
    b.components().values().forEach(v -> bits.add(Double.doubleToRawLongBits(v)));
    return bits;
  }

  /** The standard scorer with each component wrapped in {@link Scorers#of}: no tables, no bounds. */
  private static WeightedScorer unprepared(WeightedScorer scorer) {
    WeightedScorer.Builder b = Scorers.weighted();
    for (Scorer c : scorer.components()) {
      b.add(scorer.weights().get(c.name()), Scorers.of(c.name(), c::score));
    }
    return b.build();
  }

  @Provide
  Arbitrary<WeightedScorer> boundedScorers() {
    return Arbitraries.of(Scorers.standard(), Scorers.standard().withWeight("proximity", 0),
        Scorers.standard().withWeight("experience", 0).withWeight("prior-relationship", 5),
        Scorers.weighted().add(1, Scorers.proximity(25)).build(),
        Scorers.weighted().add(1, Scorers.experience()).add(1, Scorers.hubRecommendation()).build());
  }

  /**
   * The threshold scan over prefectures (forced for every need) lists exactly the candidates and
   * near misses that scoring every eligible supplier and every near miss lists, in the same
   * order: with bounds from each component, ties between equal scores (whole groups of equal
   * suppliers), prior ties and a year.
   */
  @Property(tries = 200)
  void theThresholdScanListsWhatScoringEverySupplierLists(@ForAll("clusters") Cluster cluster,
      @ForAll("years") Optional<Integer> year, @ForAll("boundedScorers") WeightedScorer scorer,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 4) int k,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 6) int nearMisses) {
    MatchingProblem.Builder b = MatchingProblem.from(cluster).constraints(Constraints.standard());
    year.ifPresent(b::year);
    MatchingProblem bounded = b.scorer(scorer).build();
    MatchingProblem plain = b.scorer(unprepared(scorer)).build();
    Shortlists threshold = Shortlists.of(bounded, k, nearMisses, 0);
    assertEquals(Shortlists.of(plain, k, nearMisses), threshold);
    assertEquals(List.of(), MatchChecks.shortlistProblems(bounded, threshold));
  }

  @Example
  void aBadComponentFailsWithTheSameMessageEitherWay() {
    Cluster cluster = ClusterArbitraries.clusters().withOrganizations(3, 6).withNeeds(1, 3).withPrograms(0, 0)
        .sample();
    MatchContext ctx = MatchingProblem.from(cluster).build().context();
    Need need = cluster.needs().get(0);
    Organization s = ctx.suppliers().get(0);
    Scorer nan = Scorers.weighted().add(1, Scorers.experience()).add(1, Scorers.of("broken", (n, o, c) -> Double.NaN))
        .build();
    Scorer huge = Scorers.weighted().add(Double.MAX_VALUE, Scorers.of("one", (n, o, c) -> 1.0))
        .add(Double.MAX_VALUE, Scorers.of("another", (n, o, c) -> 1.0)).build();
    for (Scorer scorer : List.of(nan, huge)) {
      String direct = assertThrows(IllegalArgumentException.class, () -> scorer.score(need, s, ctx)).getMessage();
      String prepared = assertThrows(IllegalArgumentException.class,
          () -> PreparedScorer.of(scorer, ctx).forNeed(need).score(0)).getMessage();
      assertEquals(direct, prepared);
    }
    // the breakdown: the same message for the NaN; the same (unchecked, infinite) total for the overflow
    assertEquals(assertThrows(IllegalArgumentException.class, () -> nan.explain(need, s, ctx)).getMessage(),
        assertThrows(IllegalArgumentException.class, () -> PreparedScorer.of(nan, ctx).forNeed(need).explain(0))
            .getMessage());
    assertEquals(huge.explain(need, s, ctx), PreparedScorer.of(huge, ctx).forNeed(need).explain(0));
  }
}
