package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The greedy matcher's heap gives pairs in the order of the stable sort by score it replaced. */
class PairHeapTest {

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

  private static int[] drain(double[] score, int n) {
    GreedyMatcher.PairHeap heap = new GreedyMatcher.PairHeap(score, n);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = heap.poll();
    }
    assertTrue(heap.isEmpty());
    return out;
  }

  @Property
  void theHeapGivesThePairsOfTheStableSortByDescendingScore(@ForAll("scores") List<Double> scores) {
    double[] s = scores.stream().mapToDouble(Double::doubleValue).toArray();
    assertArrayEquals(stable(s), drain(s, s.length));
  }

  @Test
  void tiesKeepIndexOrderAndOnlyThePrefixCounts() {
    double[] s = {1, 3, 3, 0, 1, 3, 99};
    assertArrayEquals(new int[] {1, 2, 5, 0, 4, 3}, drain(s, 6));
    assertArrayEquals(new int[0], drain(s, 0));
  }
}
