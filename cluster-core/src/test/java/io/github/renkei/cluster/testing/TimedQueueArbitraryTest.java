package io.github.renkei.cluster.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.matching.TimedNeed;
import io.github.renkei.cluster.matching.TimedQueue;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The timed-queue arbitrary keeps its configuration and rejects ranges that make no sense. */
class TimedQueueArbitraryTest {

  @Provide
  Arbitrary<TimedQueue> configured() {
    return MatchingArbitraries.timedQueues().withNeeds(3, 6).withSuppliers(2, 2).withCapacity(1, 1).withDays(14, 21)
        .withDeadlineSlack(2, 5).withDeadlines(100).withContractDays(10, 12, 100);
  }

  @Property(tries = 100)
  void queuesFollowTheConfiguration(@ForAll("configured") TimedQueue q) {
    assertTrue(q.needs().size() >= 3 && q.needs().size() <= 6, q.toString());
    assertEquals(2, q.base().suppliers().size());
    q.base().suppliers().forEach(s -> assertEquals(1, q.base().capacity(s.id())));
    assertTrue(q.days() >= 14 && q.days() <= 21, q.toString());
    for (TimedNeed t : q.needs()) {
      long slack = t.deadline().orElseThrow().toEpochDay() - t.arrival().toEpochDay();
      assertTrue(slack >= 2 && slack <= 5, t.toString());
      int contract = t.contractDays().orElseThrow();
      assertTrue(contract >= 10 && contract <= 12, t.toString());
    }
  }

  @Property(tries = 50)
  void withoutDeadlinesOrOwnContractsNoneAreGenerated(@ForAll("plain") TimedQueue q) {
    q.needs().forEach(t -> assertTrue(t.deadline().isEmpty() && t.contractDays().isEmpty(), t.toString()));
  }

  @Provide
  Arbitrary<TimedQueue> plain() {
    return MatchingArbitraries.timedQueues().withDeadlines(0).withContractDays(1, 1, 0);
  }

  @Test
  void badRangesAreRejectedWithTheirValues() {
    TimedQueueArbitrary a = MatchingArbitraries.timedQueues();
    assertEquals("a calendar has at least 1 day but min was 0",
        assertThrows(IllegalArgumentException.class, () -> a.withDays(0, 5)).getMessage());
    assertEquals("a contract lasts at least 1 day but min was 0",
        assertThrows(IllegalArgumentException.class, () -> a.withContractDays(0, 5, 50)).getMessage());
    assertEquals("deadline slack range must satisfy 0 <= min <= max but was [5, 2]",
        assertThrows(IllegalArgumentException.class, () -> a.withDeadlineSlack(5, 2)).getMessage());
    assertEquals("deadline chance must be 0 to 100 percent but was 101",
        assertThrows(IllegalArgumentException.class, () -> a.withDeadlines(101)).getMessage());
    assertEquals("at most 100 needs but max was 101",
        assertThrows(IllegalArgumentException.class, () -> a.withNeeds(0, 101)).getMessage());
  }
}
