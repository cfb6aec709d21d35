package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The primitive ordering by score equals the stable merge sort it replaced in the greedy matcher. */
class SortingTest {

  private static int[] stable(double[] score) {
    int[] order = new int[score.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Sorting.sort(order, 0, order.length, (a, b) -> Double.compare(score[b], score[a]));
    return order;
  }

  @Provide
  Arbitrary<List<Double>> scores() {
    // few distinct values so that ties are common; zeros of both signs and large values too
    Arbitrary<Double> value = Arbitraries.oneOf(Arbitraries.of(0.0, -0.0, 0.5, 1.0, 3.25, 1e300),
        Arbitraries.doubles().between(0, 10).ofScale(1));
    return value.list().ofMaxSize(300);
  }

  @Property
  void byDescendingScoreEqualsTheStableSort(@ForAll("scores") List<Double> scores) {
    double[] s = scores.stream().mapToDouble(Double::doubleValue).toArray();
    assertArrayEquals(stable(s), Sorting.byDescendingScore(s, s.length));
  }

  @Test
  void tiesKeepIndexOrderAndOnlyThePrefixCounts() {
    double[] s = {1, 3, 3, 0, 1, 3, 99};
    assertArrayEquals(new int[] {1, 2, 5, 0, 4, 3}, Sorting.byDescendingScore(s, 6));
    assertArrayEquals(new int[0], Sorting.byDescendingScore(s, 0));
  }
}
