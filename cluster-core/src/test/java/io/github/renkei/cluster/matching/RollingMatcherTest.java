package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.matching.RollingResult.Commitment;
import io.github.renkei.cluster.matching.RollingResult.Round;
import io.github.renkei.cluster.matching.RollingResult.Unserved;
import io.github.renkei.cluster.matching.RollingResult.WaitingTimes;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.ValidationException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Hand-made queues with known rounds, waiting times and expiries, and every bad input. */
class RollingMatcherTest {

  private static final LocalDate MON = LocalDate.of(2026, 4, 6);

  private static LocalDate day(int offset) {
    return MON.plusDays(offset);
  }

  /** The problem of "need supplier score" triples, and its base without the needs. */
  private static MatchingProblem problem(Map<String, Integer> capacities, Object... triples) {
    return MatcherExamplesTest.problem(capacities, triples);
  }

  private static MatchingProblem base(MatchingProblem p) {
    return p.toBuilder().withoutNeeds().build();
  }

  private static Need need(MatchingProblem p, String id) {
    return p.need(NeedId.of(id)).orElseThrow();
  }

  /**
   * One supplier of capacity 1, 14-day contracts, four weekly rounds (Apr 6, 13, 20, 27; the
   * calendar ends May 3). a arrives Apr 6 and is committed at once until Apr 20; b (Apr 7) and
   * c (Apr 8, deadline Apr 14) find s full on Apr 13; on Apr 20 c has expired and a's contract
   * has ended, so b gets s after 13 days; e (Apr 9, deadline Apr 10) sees no round; d arrives
   * Apr 28, after the last round.
   */
  private static TimedQueue capacityReleaseQueue() {
    MatchingProblem p = problem(Map.of("s", 1), "a", "s", 1, "b", "s", 1, "c", "s", 1, "d", "s", 1, "e", "s", 1);
    return TimedQueue.builder(base(p), MON, day(27))
        .need(TimedNeed.of(need(p, "a"), day(0)))
        .need(TimedNeed.of(need(p, "b"), day(1)).withDeadline(day(24)))
        .need(TimedNeed.of(need(p, "c"), day(2)).withDeadline(day(8)))
        .need(TimedNeed.of(need(p, "d"), day(22)))
        .need(TimedNeed.of(need(p, "e"), day(3)).withDeadline(day(4)))
        .build();
  }

  @Test
  void capacityIsReleasedWhenAContractEndsAndUnservedNeedsExpire() {
    RollingResult r = RollingMatcher.weekly(Matchers.greedy()).withContractDays(14).run(capacityReleaseQueue());
    assertEquals(List.of(), MatchChecks.rollingProblems(r));
    assertEquals(List.of(day(0), day(7), day(14), day(21)), r.rounds().stream().map(Round::date).toList());
    assertEquals(List.of(
            new Commitment(NeedId.of("a"), OrganizationId.of("s"), day(0), day(14), 0, ScoreBreakdown.of("table", 1)),
            new Commitment(NeedId.of("b"), OrganizationId.of("s"), day(14), day(28), 13, ScoreBreakdown.of("table", 1))),
        r.commitments());
    assertEquals(new WaitingTimes(2, 6.5, 6.5, 13, 13), r.waitingTimes().orElseThrow());

    assertEquals(List.of("e", "c"), r.expired().stream().map(u -> u.need().value()).toList());
    Unserved e = r.expired().get(0);
    assertEquals(0, e.rounds());
    assertEquals(Optional.empty(), e.lastReason());
    assertEquals("e passed its deadline 2026-04-10 (arrived 2026-04-09, 0 rounds): no round fell between its arrival"
        + " and its deadline (rounds every 7 days)", e.summary());
    Unserved c = r.expired().get(1);
    assertEquals(1, c.rounds());
    Explanation why = c.lastReason().orElseThrow();
    assertEquals(1, why.eligible());
    assertEquals(List.of(new Explanation.FullSupplier(OrganizationId.of("s"), 1, ImmutableList.of(NeedId.of("a")))),
        why.full());
    assertTrue(c.summary().startsWith("c passed its deadline 2026-04-14 (arrived 2026-04-08, 1 round): "),
        c.summary());

    assertEquals(1, r.waitingAtEnd().size());
    assertEquals("d still waiting on 2026-05-03 (arrived 2026-04-28, 0 rounds): no round fell between its arrival"
        + " and the calendar's end (rounds every 7 days)", r.waitingAtEnd().get(0).summary());

    // arrived, expired, released, committed, active per round
    assertEquals("1 0 0 1 1|3 1 0 0 1|0 1 1 1 1|0 0 0 0 1", r.rounds().stream()
        .map(x -> x.arrived() + " " + x.expired() + " " + x.released() + " " + x.committed() + " " + x.activeContracts())
        .collect(Collectors.joining("|")));
    assertEquals(List.of(1, 2, 1, 0), r.rounds().stream().map(Round::waiting).toList());
    assertEquals(List.of(1.0, 1.0, 1.0, 1.0), List.copyOf(r.utilisation().values()));
    // the earlier commitment is locked in the rounds that follow, until its contract ends
    assertTrue(r.rounds().get(1).result().assignmentOf(NeedId.of("a")).orElseThrow().locked());
    assertTrue(r.rounds().get(2).result().assignmentOf(NeedId.of("a")).isEmpty());
  }

  @Test
  void tableListsRoundsWaitingTimesAndExpiredNeeds() {
    String table = RollingMatcher.weekly(Matchers.greedy()).withContractDays(14).run(capacityReleaseQueue()).table();
    assertEquals(List.of(
            "RollingResult[greedy every 7 days, 2026-04-06 .. 2026-05-03: 4 rounds, 5 needs, 2 committed, 2 expired,"
                + " 1 waiting]",
            "  round       arrived waiting committed expired released active utilisation",
            "  2026-04-06       1       1         1       0        0      1      100.0%",
            "  2026-04-13       3       2         0       1        0      1      100.0%",
            "  2026-04-20       0       1         1       1        1      1      100.0%",
            "  2026-04-27       0       0         0       0        0      1      100.0%",
            "  waiting times: 2 commitments: mean 6.5 days, median 6.5, p90 13, max 13"),
        table.lines().limit(7).toList());
    assertTrue(table.lines().skip(7).findFirst().orElseThrow().startsWith("  e passed its deadline"), table);
  }

  @Test
  void optimalRoundsNeverRevokeAnEarlierCommitment() {
    // re-matched from scratch, a would move to t so that b gets s (3 + 10 > 5); locked, a keeps s
    MatchingProblem p = problem(Map.of(), "a", "s", 5, "a", "t", 3, "b", "s", 10);
    TimedQueue q = TimedQueue.builder(base(p), MON, day(13))
        .need(TimedNeed.of(need(p, "a"), day(0)))
        .need(TimedNeed.of(need(p, "b"), day(1)).withDeadline(day(10)))
        .build();
    assertEquals(Map.of("a", "t", "b", "s"), MatcherExamplesTest.pairs(Matchers.optimal().match(p)));
    RollingResult r = RollingMatcher.weekly(Matchers.optimal()).run(q);
    assertEquals(List.of(), MatchChecks.rollingProblems(r));
    assertEquals(OrganizationId.of("s"), r.commitmentOf(NeedId.of("a")).orElseThrow().supplier());
    assertEquals(List.of("b"), r.expired().stream().map(u -> u.need().value()).toList());
    assertEquals(ImmutableList.of(NeedId.of("a")), r.expired().get(0).lastReason().orElseThrow().full().get(0).takenBy());
  }

  @Test
  void aDeadlineOnARoundDayStillCountsAndAContractEndingOnARoundDayFreesItsSupplier() {
    MatchingProblem p = problem(Map.of("s", 1), "a", "s", 1, "b", "s", 1);
    TimedQueue q = TimedQueue.builder(base(p), MON, day(20))
        .need(TimedNeed.of(need(p, "a"), day(0)).withDeadline(day(0)).withContractDays(7))
        .need(TimedNeed.of(need(p, "b"), day(0)).withDeadline(day(7)))
        .build();
    RollingResult r = RollingMatcher.weekly(Matchers.greedy()).run(q);
    assertEquals(List.of(), MatchChecks.rollingProblems(r));
    assertEquals(day(0), r.commitmentOf(NeedId.of("a")).orElseThrow().date());
    assertEquals(day(7), r.commitmentOf(NeedId.of("a")).orElseThrow().contractEnd());
    assertEquals(day(7), r.commitmentOf(NeedId.of("b")).orElseThrow().date());
    assertEquals(day(7 + RollingMatcher.DEFAULT_CONTRACT_DAYS), r.commitmentOf(NeedId.of("b")).orElseThrow().contractEnd());
    assertEquals(1, r.rounds().get(1).released());
  }

  @Test
  void dailyRoundsWithAmpleCapacityServeEveryNeedOnItsArrivalDay() {
    MatchingProblem p = problem(Map.of("s", 10), "a", "s", 1, "b", "s", 2, "c", "s", 3);
    TimedQueue q = TimedQueue.builder(base(p), MON, day(9))
        .need(TimedNeed.of(need(p, "a"), day(3)))
        .need(TimedNeed.of(need(p, "b"), day(5)))
        .need(TimedNeed.of(need(p, "c"), day(9)))
        .build();
    RollingResult r = RollingMatcher.weekly(Matchers.stable()).withCadenceDays(1).run(q);
    assertEquals(List.of(), MatchChecks.rollingProblems(r));
    assertEquals(10, r.rounds().size());
    assertEquals(new WaitingTimes(3, 0, 0, 0, 0), r.waitingTimes().orElseThrow());
  }

  @Test
  void anEmptyQueueHasRoundsButNoWaitingTimes() {
    MatchingProblem p = problem(Map.of(), "a", "s", 1);
    RollingResult r = RollingMatcher.weekly(Matchers.greedy()).run(TimedQueue.builder(base(p), MON, day(30)).build());
    assertEquals(5, r.rounds().size());
    assertEquals(Optional.empty(), r.waitingTimes());
    assertEquals(0.0, r.rounds().get(0).utilisation());
    assertEquals(List.of(), MatchChecks.rollingProblems(r));
  }

  @Test
  void waitingTimeStatisticsUseTheMidpointMedianAndTheNearestRankPercentile() {
    assertEquals(new WaitingTimes(1, 4, 4, 4, 4), WaitingTimes.of(4));
    assertEquals(new WaitingTimes(4, 5.0, 4.5, 11, 11), WaitingTimes.of(7, 0, 11, 2));
    // ten values 1..10: p90 is the 9th, the median 5.5
    assertEquals(new WaitingTimes(10, 5.5, 5.5, 9, 10), WaitingTimes.of(10, 9, 8, 7, 6, 5, 4, 3, 2, 1));
    // nearest rank: ceil(0.9 * 5) = 5th of five, ceil(0.9 * 11) = 10th of eleven
    assertEquals(21, WaitingTimes.of(0, 0, 0, 0, 21).p90());
    assertEquals(0, WaitingTimes.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 21).p90());
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class, WaitingTimes::of);
    assertTrue(none.getMessage().contains("at least one"), none.getMessage());
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> WaitingTimes.of(3, -2));
    assertTrue(negative.getMessage().contains("-2"), negative.getMessage());
  }

  @Test
  void theSameQueueGivesTheSameResult() {
    RollingResult a = RollingMatcher.weekly(Matchers.optimal()).withContractDays(14).run(capacityReleaseQueue());
    RollingResult b = RollingMatcher.weekly(Matchers.optimal()).withContractDays(14).run(capacityReleaseQueue());
    assertEquals(a.commitments(), b.commitments());
    assertEquals(a.expired(), b.expired());
    assertEquals(a.table(), b.table());
  }

  // ---- bad input ----

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void aDeadlineBeforeTheArrivalNamesTheNeedAndBothDays() {
    MatchingProblem p = problem(Map.of(), "late", "s", 1);
    String m = message(() -> TimedNeed.of(need(p, "late"), day(5)).withDeadline(day(4)));
    assertEquals("need 'late': deadline 2026-04-10 is before its arrival 2026-04-11", m);
    Need withOwnDeadline = need(p, "late").toBuilder().deadline(day(1)).build();
    assertEquals("need 'late': deadline 2026-04-07 is before its arrival 2026-04-11",
        message(() -> TimedNeed.of(withOwnDeadline, day(5))));
  }

  @Test
  void aContractLengthOfZeroOrLessNamesTheNeedAndTheValue() {
    MatchingProblem p = problem(Map.of(), "n7", "s", 1);
    assertEquals("need 'n7': contract length must be > 0 days but was 0",
        message(() -> TimedNeed.of(need(p, "n7"), day(0)).withContractDays(0)));
    assertEquals("need 'n7': contract length must be > 0 days but was -3",
        message(() -> TimedNeed.of(need(p, "n7"), day(0)).withContractDays(-3)));
    assertEquals("default contract length must be > 0 days but was 0",
        message(() -> RollingMatcher.weekly(Matchers.greedy()).withContractDays(0)));
  }

  @Test
  void aCadenceOfZeroOrLessNamesTheValue() {
    assertEquals("cadence must be > 0 days but was 0", message(() -> RollingMatcher.weekly(Matchers.greedy())
        .withCadenceDays(0)));
    assertEquals("cadence must be > 0 days but was -7", message(() -> RollingMatcher.weekly(Matchers.greedy())
        .withCadenceDays(-7)));
  }

  @Test
  void aNeedIdTwiceInTheQueueIsNamed() {
    MatchingProblem p = problem(Map.of(), "twice", "s", 1);
    String m = message(() -> TimedQueue.builder(base(p), MON, day(30))
        .need(TimedNeed.of(need(p, "twice"), day(1)))
        .need(TimedNeed.of(need(p, "twice"), day(3)))
        .build());
    assertEquals("need id 'twice' is in the queue twice: twice (arrives 2026-04-07) and twice (arrives 2026-04-09)", m);
  }

  @Test
  void aNeedOutsideTheCalendarIsNamedWithItsArrival() {
    MatchingProblem p = problem(Map.of(), "early", "s", 1, "late", "s", 1);
    assertEquals("need 'early': arrival 2026-04-05 is outside the calendar 2026-04-06 .. 2026-05-06",
        message(() -> TimedQueue.builder(base(p), MON, day(30)).need(TimedNeed.of(need(p, "early"), day(-1))).build()));
    assertEquals("need 'late': arrival 2026-05-07 is outside the calendar 2026-04-06 .. 2026-05-06",
        message(() -> TimedQueue.builder(base(p), MON, day(30)).need(TimedNeed.of(need(p, "late"), day(31))).build()));
  }

  @Test
  void aCalendarEndingBeforeItStartsAndABaseWithNeedsAreRejected() {
    MatchingProblem p = problem(Map.of(), "n1", "s", 1);
    assertEquals("calendar end 2026-04-05 is before its start 2026-04-06",
        message(() -> TimedQueue.builder(base(p), MON, day(-1))));
    assertTrue(message(() -> TimedQueue.builder(p, MON, day(1))).contains("has 1, the first 'n1'"));
  }

  @Test
  void aRequesterOutsideTheWorldIsNamed() {
    MatchingProblem p = problem(Map.of(), "n1", "s", 1);
    Need stranger = Need.builder(NeedId.of("n9"), OrganizationId.of("nobody"), NeedKind.OEM).build();
    ValidationException e = assertThrows(ValidationException.class,
        () -> TimedQueue.builder(base(p), MON, day(30)).need(TimedNeed.of(stranger, day(2))).build());
    assertTrue(e.getMessage().contains("need 'n9': requester 'nobody' is not in the world"), e.getMessage());
  }

  // ---- the checks catch what they should ----

  @Test
  void theChecksFindOverCapacityEarlyAndRevokedCommitments() {
    TimedQueue q = capacityReleaseQueue();
    RollingResult good = RollingMatcher.weekly(Matchers.greedy()).withContractDays(14).run(q);
    OrganizationId s = OrganizationId.of("s");
    ScoreBreakdown one = ScoreBreakdown.of("table", 1);
    // b committed on Apr 13 too, while a holds s: over capacity, not in that round's result, and
    // c committed before its arrival; both needs are also reported unserved or missing from rounds
    RollingResult bad = new RollingResult(q, "greedy", 7, 14, good.rounds(), ImmutableList.of(
        new Commitment(NeedId.of("a"), s, day(0), day(14), 0, one),
        new Commitment(NeedId.of("b"), s, day(7), day(21), 6, one),
        new Commitment(NeedId.of("c"), s, day(0), day(14), 0, one)),
        good.expired(), good.waitingAtEnd());
    List<String> problems = MatchChecks.rollingProblems(bad);
    assertTrue(problems.contains("supplier s holds 2 contracts on 2026-04-06 but capacity 1"), problems.toString());
    assertTrue(problems.contains("supplier s holds 3 contracts on 2026-04-13 but capacity 1"), problems.toString());
    assertTrue(problems.contains("need c is committed on 2026-04-06, before its arrival 2026-04-08"), problems.toString());
    assertTrue(problems.contains("need c waited -2 days but the commitment says 0"), problems.toString());
    assertTrue(problems.contains("need c is both committed and reported unserved"), problems.toString());
    assertTrue(problems.stream().anyMatch(x -> x.startsWith("round 2026-04-13: commitment b -> s")), problems.toString());

    // a dropped from the round of Apr 13: revoked
    Round second = good.rounds().get(1);
    MatchResult withoutA = new MatchResult("greedy", ImmutableList.of(), second.result().unmatched());
    ImmutableList<Round> rounds = ImmutableList.of(good.rounds().get(0),
        new Round(second.date(), second.problem(), withoutA, 3, 1, 0, 1, 1), good.rounds().get(2), good.rounds().get(3));
    RollingResult revoked = new RollingResult(q, "greedy", 7, 14, rounds, good.commitments(), good.expired(),
        good.waitingAtEnd());
    List<String> found = MatchChecks.rollingProblems(revoked);
    assertTrue(found.contains("round 2026-04-13: commitment a -> s on 2026-04-06 until 2026-04-20 (waited 0 days)"
        + " is revoked"), found.toString());
    assertFalse(found.isEmpty());
  }
}
