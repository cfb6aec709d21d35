package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.common.collect.ImmutableMap;
import org.junit.jupiter.api.Test;

/** A compact breakdown (a scorer's shared names and an array) equals the one made from a map. */
class ScoreBreakdownTest {

  @Test
  void compactAndMapBreakdownsAreEqualWithEqualHashes() {
    String[] names = {"proximity", "experience"};
    ScoreBreakdown compact = ScoreBreakdown.compact(2.5, names, new double[] {2.0, 0.5});
    ScoreBreakdown fromMap = new ScoreBreakdown(2.5, ImmutableMap.of("proximity", 2.0, "experience", 0.5));
    ScoreBreakdown reordered = new ScoreBreakdown(2.5, ImmutableMap.of("experience", 0.5, "proximity", 2.0));
    assertEquals(fromMap, compact);
    assertEquals(compact, reordered);
    assertEquals(fromMap.hashCode(), compact.hashCode());
    assertEquals(reordered.hashCode(), compact.hashCode());
    assertEquals(ImmutableMap.of("proximity", 2.0, "experience", 0.5), compact.components());
    assertEquals(fromMap.toString(), compact.toString());
    assertNotEquals(compact, ScoreBreakdown.compact(2.5, names, new double[] {2.0, 0.25}));
    assertNotEquals(compact, ScoreBreakdown.compact(2.75, names, new double[] {2.0, 0.5}));
    assertNotEquals(ScoreBreakdown.of("a", 0.0), ScoreBreakdown.of("a", -0.0));
  }

  @Test
  void aWeightedScorersBreakdownEqualsTheSumOfItsParts() {
    WeightedScorer s = Scorers.weighted().add(2, Scorers.of("a", (n, o, c) -> 0.25))
        .add(0, Scorers.of("b", (n, o, c) -> 1.0)).build();
    ScoreBreakdown b = s.explain(null, null, null);
    assertEquals(ScoreBreakdown.of(ImmutableMap.of("a", 0.5, "b", 0.0)), b);
  }
}
