package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The optimal matcher's radix heap takes keys in order, as Dijkstra's algorithm uses it. */
class RadixHeapTest {

  @Provide
  Arbitrary<List<Long>> increments() {
    // small increments so that equal keys are common; large ones reach the high buckets
    return Arbitraries.oneOf(Arbitraries.longs().between(0, 3), Arbitraries.longs().between(0, 1L << 40))
        .list().ofMaxSize(200);
  }

  /**
   * Mimics a search: each taken key pushes a few keys at or above it (by the increments); the keys
   * come out in non-decreasing order and each exactly as often as pushed, like a binary heap's.
   */
  @Property
  void takesKeysInOrderLikeABinaryHeap(@ForAll("increments") List<Long> increments) {
    RadixHeap heap = new RadixHeap();
    PriorityQueue<Long> reference = new PriorityQueue<>();
    heap.push(0, 0);
    reference.add(0L);
    int next = 0;
    long last = 0;
    List<Long> taken = new ArrayList<>();
    while (!heap.isEmpty()) {
      long key = heap.peekKey();
      int node = heap.pop();
      assertTrue(key >= last, "key " + key + " after " + last);
      assertEquals(reference.poll(), key);
      assertTrue(node >= 0 && node <= increments.size());
      last = key;
      taken.add(key);
      for (int k = 0; k < 2 && next < increments.size(); k++) {
        heap.push(key + increments.get(next), ++next);
        reference.add(key + increments.get(next - 1));
      }
    }
    assertTrue(reference.isEmpty());
    assertEquals(increments.size() + 1, taken.size());
  }

  @Test
  void clearEmptiesAndRestartsAtZero() {
    RadixHeap heap = new RadixHeap();
    heap.push(5, 1);
    heap.push(1L << 50, 2);
    assertEquals(5, heap.peekKey());
    heap.clear();
    assertTrue(heap.isEmpty());
    heap.push(0, 3);
    heap.push(0, 4);
    assertEquals(0, heap.peekKey());
    assertEquals(4, heap.pop(), "equal keys: the last pushed first");
    assertEquals(3, heap.pop());
    assertTrue(heap.isEmpty());
  }
}
