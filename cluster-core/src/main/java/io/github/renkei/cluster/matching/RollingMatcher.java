package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.matching.RollingResult.Commitment;
import io.github.renkei.cluster.matching.RollingResult.Round;
import io.github.renkei.cluster.matching.RollingResult.Unserved;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.Organization;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches a {@link TimedQueue} in rounds at a fixed cadence (weekly by default), as a
 * coordinator's desk does: at each round date, contracts that have ended release their
 * suppliers' capacity, needs whose deadline has passed unserved expire, and the needs that have
 * arrived and are neither committed nor expired are matched by a {@link Matcher} — greedy,
 * optimal or stable — with every active contract kept as a {@linkplain MatchingProblem.Builder#lock
 * locked} assignment, so earlier commitments are never revoked and count against capacity. A
 * need left unmatched waits for the next round. Immutable, thread-safe and deterministic: the
 * same queue gives the same result.
 *
 * <pre>{@code
 * RollingResult year = RollingMatcher.weekly(Matchers.optimal())
 *     .withContractDays(90)            // for needs without their own contract length
 *     .run(queue);
 * System.out.println(year.table());
 * }</pre>
 *
 * <p><b>Dates.</b> Rounds fall on the calendar's first day and every {@code cadenceDays} after it,
 * up to its last day. A need takes part in the rounds from its arrival day to its deadline, both
 * included. A contract committed on day {@code d} for {@code k} days holds the supplier's
 * capacity on days {@code d .. d+k-1} and releases it on day {@code d+k}, so a round on that day
 * may reuse it. At the calendar's end, an unserved need whose deadline lies before the last day
 * has expired; one with a later deadline or none is still waiting.
 *
 * <p><b>Cost.</b> Each round builds and matches one problem of the waiting needs and the active
 * contracts; its eligibility is computed for the waiting needs only, so a need that waits
 * {@code w} rounds is checked {@code w} times. Rolling horizons trade optimality over the year
 * for decisions that need not see the future: even an optimal matcher per round is not optimal
 * over the whole year (a need committed today may take the only supplier a better need arriving
 * tomorrow could use), the usual price of online bipartite matching (Karp, Vazirani and
 * Vazirani, "An optimal algorithm for on-line bipartite matching", STOC 1990).
 */
public final class RollingMatcher {

  /** The default cadence: weekly rounds. */
  public static final int DEFAULT_CADENCE_DAYS = 7;

  /** The default contract length for needs without their own: 90 days, about a quarter. */
  public static final int DEFAULT_CONTRACT_DAYS = 90;

  private final Matcher matcher;
  private final int cadenceDays;
  private final int contractDays;

  private RollingMatcher(Matcher matcher, int cadenceDays, int contractDays) {
    this.matcher = checkNotNull(matcher, "matcher");
    checkArgument(cadenceDays > 0, "cadence must be > 0 days but was %s", cadenceDays);
    checkArgument(contractDays > 0, "default contract length must be > 0 days but was %s", contractDays);
    this.cadenceDays = cadenceDays;
    this.contractDays = contractDays;
  }

  /**
   * Weekly rounds with a matcher and {@value #DEFAULT_CONTRACT_DAYS}-day contracts by default.
   *
   * @param matcher the matcher each round uses
   * @return the rolling matcher
   */
  public static RollingMatcher weekly(Matcher matcher) {
    return new RollingMatcher(matcher, DEFAULT_CADENCE_DAYS, DEFAULT_CONTRACT_DAYS);
  }

  /**
   * Returns this rolling matcher with another cadence.
   *
   * @param days the days between rounds, {@code > 0}
   * @return a new rolling matcher
   * @throws IllegalArgumentException naming the value if {@code days <= 0}
   */
  public RollingMatcher withCadenceDays(int days) {
    return new RollingMatcher(matcher, days, contractDays);
  }

  /**
   * Returns this rolling matcher with another default contract length (for needs without their
   * own).
   *
   * @param days the contract length, {@code > 0}
   * @return a new rolling matcher
   * @throws IllegalArgumentException naming the value if {@code days <= 0}
   */
  public RollingMatcher withContractDays(int days) {
    return new RollingMatcher(matcher, cadenceDays, days);
  }

  /**
   * Returns the matcher each round uses.
   *
   * @return the matcher
   */
  public Matcher matcher() {
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
   * Returns the default contract length.
   *
   * @return days
   */
  public int contractDays() {
    return contractDays;
  }

  /**
   * Runs the rounds over a queue.
   *
   * @param queue the queue
   * @return every round, commitment, expiry and the needs still waiting
   * @throws IllegalArgumentException as {@link Matcher#match} does (a scorer returning NaN, a
   *     negative or an infinite score)
   */
  public RollingResult run(TimedQueue queue) {
    checkNotNull(queue, "queue");
    MatchingProblem base = queue.base();
    int totalCapacity = 0;
    for (Organization s : base.suppliers()) {
      totalCapacity += base.capacity(s.id());
    }
    List<TimedNeed> arrivals = queue.needs();
    int next = 0;
    List<TimedNeed> waiting = new ArrayList<>();
    Map<NeedId, Integer> roundsTaken = new HashMap<>();
    Map<NeedId, Explanation> lastReason = new HashMap<>();
    List<Commitment> active = new ArrayList<>();
    ImmutableList.Builder<Commitment> commitments = ImmutableList.builder();
    List<Unserved> expired = new ArrayList<>();
    ImmutableList.Builder<Round> rounds = ImmutableList.builder();
    LocalDate lastRound = null;
    for (LocalDate day = queue.start(); !day.isAfter(queue.end()); day = day.plusDays(cadenceDays)) {
      int arrived = 0;
      while (next < arrivals.size() && !arrivals.get(next).arrival().isAfter(day)) {
        waiting.add(arrivals.get(next++));
        arrived++;
      }
      int expiredNow = 0;
      for (Iterator<TimedNeed> it = waiting.iterator(); it.hasNext(); ) {
        TimedNeed t = it.next();
        if (t.deadline().isPresent() && t.deadline().get().isBefore(day)) {
          it.remove();
          expired.add(unserved(t, roundsTaken, lastReason, "passed its deadline " + t.deadline().get(), true));
          expiredNow++;
        }
      }
      LocalDate today = day;
      int before = active.size();
      active.removeIf(c -> !c.contractEnd().isAfter(today));
      int released = before - active.size();

      MatchingProblem.Builder b = base.toBuilder();
      waiting.forEach(t -> b.need(t.need()));
      for (Commitment c : active) {
        b.need(queue.need(c.need()).orElseThrow().need()).lock(c.need(), c.supplier());
      }
      MatchingProblem problem = b.build();
      MatchResult result = matcher.match(problem);

      Map<NeedId, Assignment> fresh = new HashMap<>();
      result.assignments().stream().filter(a -> !a.locked()).forEach(a -> fresh.put(a.need(), a));
      for (Iterator<TimedNeed> it = waiting.iterator(); it.hasNext(); ) {
        TimedNeed t = it.next();
        Assignment a = fresh.get(t.id());
        if (a != null) {
          it.remove();
          Commitment c = new Commitment(t.id(), a.supplier(), day, day.plusDays(t.contractDays().orElse(contractDays)),
              ChronoUnit.DAYS.between(t.arrival(), day), a.score());
          active.add(c);
          commitments.add(c);
        }
      }
      for (Unmatched u : result.unmatched()) {
        roundsTaken.merge(u.need(), 1, Integer::sum);
        lastReason.put(u.need(), u.explanation());
      }
      rounds.add(new Round(day, problem, result, arrived, expiredNow, released, active.size(), totalCapacity));
      lastRound = day;
    }
    while (next < arrivals.size()) {
      waiting.add(arrivals.get(next++));
    }
    ImmutableList.Builder<Unserved> stillWaiting = ImmutableList.builder();
    for (TimedNeed t : waiting) {
      if (t.deadline().isPresent() && t.deadline().get().isBefore(queue.end())) {
        expired.add(unserved(t, roundsTaken, lastReason, "passed its deadline " + t.deadline().get(), true));
      } else {
        stillWaiting.add(unserved(t, roundsTaken, lastReason, "still waiting on " + queue.end(), false));
      }
    }
    expired.sort(Comparator.comparing((Unserved u) -> u.deadline().orElseThrow()).thenComparing(Unserved::need));
    ImmutableList<Commitment> all = ImmutableList.sortedCopyOf(
        Comparator.comparing(Commitment::date).thenComparing(Commitment::need), commitments.build());
    return new RollingResult(queue, matcher.name(), cadenceDays, contractDays, rounds.build(), all,
        ImmutableList.copyOf(expired), stillWaiting.build());
  }

  private Unserved unserved(TimedNeed t, Map<NeedId, Integer> roundsTaken, Map<NeedId, Explanation> lastReason,
      String what, boolean expired) {
    int n = roundsTaken.getOrDefault(t.id(), 0);
    Optional<Explanation> reason = Optional.ofNullable(lastReason.get(t.id()));
    String why = reason.map(Explanation::summary).orElseGet(() -> "no round fell between its arrival and "
        + (expired ? "its deadline" : "the calendar's end") + " (rounds every " + cadenceDays
        + " days)");
    String summary = t.id() + " " + what + " (arrived " + t.arrival() + ", " + n + (n == 1 ? " round" : " rounds")
        + "): " + why;
    return new Unserved(t.id(), t.arrival(), t.deadline(), n, reason, summary);
  }

  @Override
  public String toString() {
    return "RollingMatcher[" + matcher.name() + " every " + cadenceDays + " days, contracts " + contractDays
        + " days]";
  }
}
