package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.matching.RollingResult.Commitment;
import io.github.renkei.cluster.testing.MatchingArbitraries;
import io.github.renkei.cluster.testing.TimedQueueArbitrary;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of rolling rounds over random queues, checked by {@link MatchChecks#rollingProblems}. */
class RollingMatcherPropertiesTest {

  @Provide
  Arbitrary<Matcher> matchers() {
    return Arbitraries.of(Matchers.greedy(), Matchers.optimal(), Matchers.optimalMaximizingMatches(), Matchers.stable(),
        Matchers.stableSuppliersProposing());
  }

  @Provide
  Arbitrary<TimedQueue> queues() {
    return MatchingArbitraries.timedQueues().withNeeds(0, 25).withDays(1, 70);
  }

  @Property(tries = 300)
  void everyRollingResultPassesTheChecks(@ForAll("queues") TimedQueue queue, @ForAll("matchers") Matcher matcher,
      @ForAll @IntRange(min = 1, max = 15) int cadence, @ForAll @IntRange(min = 1, max = 40) int contract) {
    RollingResult r = RollingMatcher.weekly(matcher).withCadenceDays(cadence).withContractDays(contract).run(queue);
    assertEquals(List.of(), MatchChecks.rollingProblems(r));
    assertEquals(queue.needs().size(), r.commitments().size() + r.expired().size() + r.waitingAtEnd().size());
    r.rounds().forEach(round -> assertTrue(round.activeContracts() <= round.capacity()));
  }

  @Property(tries = 100)
  void theSameQueueGivesTheSameResult(@ForAll("queues") TimedQueue queue, @ForAll("matchers") Matcher matcher) {
    RollingResult a = RollingMatcher.weekly(matcher).run(queue);
    RollingResult b = RollingMatcher.weekly(matcher).run(queue);
    assertEquals(a.commitments(), b.commitments());
    assertEquals(a.expired(), b.expired());
    assertEquals(a.waitingAtEnd(), b.waitingAtEnd());
    assertEquals(a.table(), b.table());
  }

  /**
   * With every pair eligible and more capacity than needs, a need waits exactly until the first
   * round on or after its arrival; if that round is past its deadline it expires, and if it is
   * past the calendar it waits.
   */
  @Property(tries = 200)
  void withAmpleCapacityANeedWaitsOnlyForTheNextRound(@ForAll("ample") TimedQueue queue,
      @ForAll @IntRange(min = 1, max = 15) int cadence) {
    RollingResult r = RollingMatcher.weekly(Matchers.greedy()).withCadenceDays(cadence).run(queue);
    for (TimedNeed t : queue.needs()) {
      long offset = ChronoUnit.DAYS.between(queue.start(), t.arrival());
      long wait = (cadence - offset % cadence) % cadence;
      LocalDate round = t.arrival().plusDays(wait);
      boolean inTime = t.deadline().isEmpty() || !round.isAfter(t.deadline().get());
      if (inTime && !round.isAfter(queue.end())) {
        Commitment c = r.commitmentOf(t.id()).orElseThrow(() -> new AssertionError(t + " was not committed"));
        assertEquals(round, c.date(), t.toString());
        assertEquals(wait, c.waitingDays());
      } else if (t.deadline().isPresent() && t.deadline().get().isBefore(queue.end())) {
        assertTrue(r.expired().stream().anyMatch(u -> u.need().equals(t.id()) && u.rounds() == 0), t.toString());
      } else {
        assertTrue(r.waitingAtEnd().stream().anyMatch(u -> u.need().equals(t.id())), t.toString());
      }
    }
  }

  @Provide
  Arbitrary<TimedQueue> ample() {
    return MatchingArbitraries.timedQueues().withNeeds(0, 20).withSuppliers(1, 3).withCapacity(20, 20)
        .withEligibility(100).withDays(1, 60);
  }

  /** With everything arriving on the first day, the first round is the one-shot match of all needs. */
  @Property(tries = 200)
  void theFirstRoundOfASameDayQueueIsTheOneShotMatch(@ForAll("sameDay") TimedQueue queue,
      @ForAll("matchers") Matcher matcher) {
    RollingResult r = RollingMatcher.weekly(matcher).run(queue);
    MatchingProblem all = queue.base().toBuilder().needs(queue.needs().stream().map(TimedNeed::need).toList()).build();
    assertEquals(matcher.match(all), r.rounds().get(0).result());
  }

  @Provide
  Arbitrary<TimedQueue> sameDay() {
    return MatchingArbitraries.timedQueues().withNeeds(0, 15).withDays(1, 1);
  }

  @Property(tries = 50)
  void theArbitraryKeepsArrivalsInTheCalendarAndDeadlinesAfterArrivals(@ForAll TimedQueue queue) {
    assertEquals(TimedQueueArbitrary.START, queue.start());
    for (TimedNeed t : queue.needs()) {
      assertTrue(!t.arrival().isBefore(queue.start()) && !t.arrival().isAfter(queue.end()), t.toString());
      t.deadline().ifPresent(d -> assertTrue(!d.isBefore(t.arrival()), t.toString()));
    }
  }
}
