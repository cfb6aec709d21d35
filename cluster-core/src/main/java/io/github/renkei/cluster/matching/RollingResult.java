package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.OrganizationId;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a {@link RollingMatcher} did over a {@link TimedQueue}: every round (its problem, its
 * {@link MatchResult}, arrivals, expiries, released and active contracts), every
 * {@link Commitment} (need, supplier, round date, contract end, days waited), the needs that
 * expired unserved and those still waiting at the calendar's end, each with the last round's
 * {@link Explanation}, waiting-time statistics and utilisation over time. Immutable; check it
 * independently with {@link MatchChecks#rollingProblems(RollingResult)}.
 *
 * <pre>{@code
 * RollingResult year = RollingMatcher.weekly(Matchers.optimal()).withContractDays(60).run(queue);
 * year.waitingTimes().ifPresent(System.out::println);   // 24 commitments: mean 22.5 days, median 26, p90 26, max 26
 * year.expired().forEach(u -> System.out.println(u.summary()));
 * // cut-05 passed its deadline 2026-06-03 (arrived 2026-05-06, 4 rounds): all 2 eligible suppliers are full: ...
 * System.out.println(year.table());
 * }</pre>
 */
public final class RollingResult {

  private final TimedQueue queue;
  private final String matcher;
  private final int cadenceDays;
  private final int defaultContractDays;
  private final ImmutableList<Round> rounds;
  private final ImmutableList<Commitment> commitments;
  private final ImmutableMap<NeedId, Commitment> byNeed;
  private final ImmutableList<Unserved> expired;
  private final ImmutableList<Unserved> waitingAtEnd;

  RollingResult(TimedQueue queue, String matcher, int cadenceDays, int defaultContractDays, ImmutableList<Round> rounds,
      ImmutableList<Commitment> commitments, ImmutableList<Unserved> expired, ImmutableList<Unserved> waitingAtEnd) {
    this.queue = queue;
    this.matcher = matcher;
    this.cadenceDays = cadenceDays;
    this.defaultContractDays = defaultContractDays;
    this.rounds = rounds;
    this.commitments = commitments;
    this.byNeed = commitments.stream().collect(ImmutableMap.toImmutableMap(Commitment::need, c -> c));
    this.expired = expired;
    this.waitingAtEnd = waitingAtEnd;
  }

  /**
   * A need committed to a supplier in a round: the contract runs from the round's date until
   * {@code contractEnd}, on which day the supplier's capacity is free again.
   *
   * @param need the need
   * @param supplier the supplier
   * @param date the round's date
   * @param contractEnd the day the contract ends, after {@code date}
   * @param waitingDays days from the need's arrival to the round, {@code >= 0}
   * @param score the score and its breakdown
   */
  public record Commitment(NeedId need, OrganizationId supplier, LocalDate date, LocalDate contractEnd,
      long waitingDays, ScoreBreakdown score) {

    /**
     * Validates the fields.
     *
     * @param need the need
     * @param supplier the supplier
     * @param date the round date
     * @param contractEnd the contract's end
     * @param waitingDays days waited
     * @param score the score
     */
    public Commitment {
      checkNotNull(need, "need");
      checkNotNull(supplier, "supplier");
      checkNotNull(date, "date");
      checkNotNull(contractEnd, "contractEnd");
      checkNotNull(score, "score");
      checkArgument(contractEnd.isAfter(date), "need '%s': contract end %s is not after the commitment %s", need,
          contractEnd, date);
      checkArgument(waitingDays >= 0, "need '%s': waiting days must be >= 0 but was %s", need, waitingDays);
    }

    /**
     * Whether the contract holds the supplier's capacity on a day: from the commitment's day up
     * to, not including, the contract's end.
     *
     * @param day the day
     * @return {@code true} if active
     */
    public boolean activeOn(LocalDate day) {
      return !day.isBefore(date) && day.isBefore(contractEnd);
    }

    /** Returns for example {@code n-001 -> s-004 on 2026-04-13 until 2026-07-12 (waited 7 days)}. */
    @Override
    public String toString() {
      return need + " -> " + supplier + " on " + date + " until " + contractEnd + " (waited " + waitingDays + " days)";
    }
  }

  /**
   * A need no round committed: expired (its deadline passed within the calendar) or still
   * waiting at the calendar's end.
   *
   * @param need the need
   * @param arrival the day it arrived
   * @param deadline its deadline, if any
   * @param rounds how many rounds it took part in (unmatched in each)
   * @param lastReason why the last of those rounds left it unmatched; empty if it took part in
   *     none
   * @param summary the story in one line
   */
  public record Unserved(NeedId need, LocalDate arrival, Optional<LocalDate> deadline, int rounds,
      Optional<Explanation> lastReason, String summary) {

    /**
     * Validates the fields.
     *
     * @param need the need
     * @param arrival the arrival
     * @param deadline the deadline
     * @param rounds rounds taken part in
     * @param lastReason the last round's explanation
     * @param summary the summary
     */
    public Unserved {
      checkNotNull(need, "need");
      checkNotNull(arrival, "arrival");
      checkNotNull(deadline, "deadline");
      checkNotNull(lastReason, "lastReason");
      checkNotNull(summary, "summary");
      checkArgument(rounds >= 0, "need '%s': rounds must be >= 0 but was %s", need, rounds);
      checkArgument(rounds == 0 || lastReason.isPresent(), "need '%s' took part in %s rounds but has no reason", need,
          rounds);
    }

    /** Returns the summary. */
    @Override
    public String toString() {
      return summary;
    }
  }

  /**
   * One round: its date, the problem it solved (the waiting needs, and the active contracts as
   * locked assignments) and what the matcher returned, with the day's bookkeeping.
   *
   * @param date the round's date
   * @param problem the problem matched: waiting needs plus active commitments, locked
   * @param result the matcher's result; its locked assignments are the earlier commitments
   * @param arrived needs that arrived since the previous round (on or before this date)
   * @param expired needs whose deadline passed since the previous round, unserved
   * @param released contracts that ended since the previous round
   * @param activeContracts contracts holding capacity after the round's commitments
   * @param capacity the suppliers' total capacity
   */
  public record Round(LocalDate date, MatchingProblem problem, MatchResult result, int arrived, int expired,
      int released, int activeContracts, int capacity) {

    /**
     * Validates the fields.
     *
     * @param date the date
     * @param problem the problem
     * @param result the result
     * @param arrived arrivals
     * @param expired expiries
     * @param released released contracts
     * @param activeContracts active contracts
     * @param capacity total capacity
     */
    public Round {
      checkNotNull(date, "date");
      checkNotNull(problem, "problem");
      checkNotNull(result, "result");
      checkArgument(arrived >= 0 && expired >= 0 && released >= 0 && activeContracts >= 0 && capacity >= 0,
          "round %s: counts must be >= 0 but were arrived %s, expired %s, released %s, active %s, capacity %s", date,
          arrived, expired, released, activeContracts, capacity);
    }

    /**
     * Returns how many needs the round committed (its unlocked assignments).
     *
     * @return the number of new commitments
     */
    public int committed() {
      return (int) result.assignments().stream().filter(a -> !a.locked()).count();
    }

    /**
     * Returns how many needs were waiting in the round (taking part, not locked).
     *
     * @return the number of waiting needs
     */
    public int waiting() {
      return committed() + result.unmatched().size();
    }

    /**
     * Returns the share of capacity held by contracts after the round: active contracts over
     * total capacity, 0 when there is no capacity at all (and so no contract).
     *
     * @return the utilisation, 0 to 1
     */
    public double utilisation() {
      return capacity == 0 ? 0.0 : (double) activeContracts / capacity;
    }
  }

  /**
   * Summary statistics of the days from arrival to commitment, over every commitment.
   *
   * @param count the number of commitments
   * @param mean the mean, in days
   * @param median the median (the mean of the two middle values for an even count)
   * @param p90 the 90th percentile by nearest rank: the smallest value at least 90 % of the
   *     values do not exceed
   * @param max the longest wait
   */
  public record WaitingTimes(int count, double mean, double median, long p90, long max) {

    /**
     * Validates the fields.
     *
     * @param count count
     * @param mean mean
     * @param median median
     * @param p90 90th percentile
     * @param max maximum
     */
    public WaitingTimes {
      checkArgument(count > 0, "waiting times need at least one commitment but count was %s", count);
      checkArgument(Double.isFinite(mean) && Double.isFinite(median), "mean %s and median %s must be finite", mean,
          median);
    }

    /**
     * Computes the statistics of some waits.
     *
     * @param days the waits, in days, each {@code >= 0}; at least one
     * @return the statistics
     * @throws IllegalArgumentException if there are none or one is negative
     */
    public static WaitingTimes of(long... days) {
      checkNotNull(days, "days");
      checkArgument(days.length > 0, "waiting times need at least one commitment");
      long[] s = days.clone();
      Arrays.sort(s);
      checkArgument(s[0] >= 0, "waiting days must be >= 0 but one was %s", s[0]);
      int n = s.length;
      double sum = 0;
      for (long d : s) {
        sum += d;
      }
      double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
      int rank = (int) Math.ceil(0.9 * n);
      return new WaitingTimes(n, sum / n, median, s[rank - 1], s[n - 1]);
    }

    /** Returns for example {@code 24 commitments: mean 22.5 days, median 26, p90 26, max 26}. */
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d commitments: mean %.1f days, median %s, p90 %d, max %d", count, mean,
          median == Math.rint(median) ? String.valueOf((long) median) : String.format(Locale.ROOT, "%.1f", median),
          p90, max);
    }
  }

  /**
   * Returns the queue the rounds ran over.
   *
   * @return the queue
   */
  public TimedQueue queue() {
    return queue;
  }

  /**
   * Returns the name of the matcher used in each round.
   *
   * @return for example {@code optimal}
   */
  public String matcher() {
    return matcher;
  }

  /**
   * Returns the days between rounds.
   *
   * @return the cadence
   */
  public int cadenceDays() {
    return cadenceDays;
  }

  /**
   * Returns the contract length of needs without their own.
   *
   * @return days
   */
  public int defaultContractDays() {
    return defaultContractDays;
  }

  /**
   * Returns the contract length of a need: its own, or the default.
   *
   * @param need the timed need
   * @return days
   */
  public int contractDays(TimedNeed need) {
    return need.contractDays().orElse(defaultContractDays);
  }

  /**
   * Returns the rounds in date order.
   *
   * @return the rounds
   */
  public ImmutableList<Round> rounds() {
    return rounds;
  }

  /**
   * Returns every commitment, in round order, then need id order.
   *
   * @return the commitments
   */
  public ImmutableList<Commitment> commitments() {
    return commitments;
  }

  /**
   * Returns a need's commitment.
   *
   * @param need the need's id
   * @return the commitment, or empty if the need was never committed
   */
  public Optional<Commitment> commitmentOf(NeedId need) {
    return Optional.ofNullable(byNeed.get(checkNotNull(need, "need")));
  }

  /**
   * Returns the needs whose deadline passed within the calendar before any round committed
   * them, in deadline order, then id order.
   *
   * @return the expired needs
   */
  public ImmutableList<Unserved> expired() {
    return expired;
  }

  /**
   * Returns the needs neither committed nor expired at the calendar's end (no deadline, or one
   * on or after the last day), in arrival order, then id order.
   *
   * @return the needs still waiting
   */
  public ImmutableList<Unserved> waitingAtEnd() {
    return waitingAtEnd;
  }

  /**
   * Returns the statistics of the days from arrival to commitment.
   *
   * @return the statistics, or empty if nothing was committed
   */
  public Optional<WaitingTimes> waitingTimes() {
    if (commitments.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(WaitingTimes.of(commitments.stream().mapToLong(Commitment::waitingDays).toArray()));
  }

  /**
   * Returns the utilisation after each round (see {@link Round#utilisation()}).
   *
   * @return utilisation by round date
   */
  public ImmutableSortedMap<LocalDate, Double> utilisation() {
    ImmutableSortedMap.Builder<LocalDate, Double> b = ImmutableSortedMap.naturalOrder();
    rounds.forEach(r -> b.put(r.date(), r.utilisation()));
    return b.build();
  }

  /**
   * Returns a table: one line per round (date, arrived, waiting, committed, expired, released,
   * active contracts, utilisation), then the waiting times and the expired needs.
   *
   * @return the table, lines separated by {@code \n}
   */
  public String table() {
    StringBuilder s = new StringBuilder(toString()).append('\n');
    s.append("  round       arrived waiting committed expired released active utilisation\n");
    for (Round r : rounds) {
      s.append(String.format(Locale.ROOT, "  %s %7d %7d %9d %7d %8d %6d %10.1f%%\n", r.date(), r.arrived(),
          r.waiting(), r.committed(), r.expired(), r.released(), r.activeContracts(), 100 * r.utilisation()));
    }
    s.append("  waiting times: ").append(waitingTimes().map(WaitingTimes::toString).orElse("no commitments"))
        .append('\n');
    expired.forEach(u -> s.append("  ").append(u.summary()).append('\n'));
    return s.toString();
  }

  /** Returns the matcher, the calendar and the counts. */
  @Override
  public String toString() {
    return "RollingResult[" + matcher + " every " + cadenceDays + " days, " + queue.start() + " .. " + queue.end()
        + ": " + rounds.size() + " rounds, " + queue.needs().size() + " needs, " + commitments.size() + " committed, "
        + expired.size() + " expired, " + waitingAtEnd.size() + " waiting]";
  }
}
