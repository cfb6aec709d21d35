package io.github.renkei.cluster.testing;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.matching.TimedNeed;
import io.github.renkei.cluster.matching.TimedQueue;
import io.github.renkei.cluster.model.Need;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * Generates {@link TimedQueue}s for properties of rolling matching: the suppliers and abstract
 * eligibility of {@link MatchingArbitraries#problems()} (needs {@code n00, n01, …}, suppliers
 * {@code s00, s01, …}), a calendar starting on {@link #START} and lasting a number of days, and
 * for each need an arrival day in the calendar, a deadline some days after its arrival (or none)
 * and its own contract length (or the matcher's default). Shrinking goes towards fewer needs and
 * suppliers, early arrivals, no deadline or one on the arrival day, and the default contract.
 *
 * <pre>{@code
 * @Property
 * void noSupplierOverCapacity(@ForAll("queues") TimedQueue queue) {
 *   assertEquals(List.of(), MatchChecks.rollingProblems(RollingMatcher.weekly(Matchers.greedy()).run(queue)));
 * }
 *
 * @Provide
 * Arbitrary<TimedQueue> queues() {
 *   return MatchingArbitraries.timedQueues().withNeeds(0, 30).withDays(7, 120).withDeadlineSlack(0, 30);
 * }
 * }</pre>
 */
public final class TimedQueueArbitrary extends ArbitraryDecorator<TimedQueue> {

  /** The first day of every generated calendar. */
  public static final LocalDate START = LocalDate.of(2026, 4, 1);

  private int minNeeds = 0;
  private int maxNeeds = 20;
  private int minSuppliers = 0;
  private int maxSuppliers = 5;
  private int minCapacity = 0;
  private int maxCapacity = 2;
  private int eligibilityPercent = 60;
  private int minDays = 1;
  private int maxDays = 90;
  private int minSlack = 0;
  private int maxSlack = 30;
  private int deadlinePercent = 70;
  private int minContract = 1;
  private int maxContract = 60;
  private int contractPercent = 50;

  TimedQueueArbitrary() {}

  private static void checkRange(String what, int min, int max) {
    checkArgument(0 <= min && min <= max, "%s range must satisfy 0 <= min <= max but was [%s, %s]", what, min, max);
  }

  /**
   * Sets how many needs a queue has.
   *
   * @param min the fewest
   * @param max the most, at most 100
   * @return a new arbitrary
   */
  public TimedQueueArbitrary withNeeds(int min, int max) {
    checkRange("needs", min, max);
    checkArgument(max <= 100, "at most 100 needs but max was %s", max);
    TimedQueueArbitrary c = typedClone();
    c.minNeeds = min;
    c.maxNeeds = max;
    return c;
  }

  /**
   * Sets how many suppliers a queue's base problem has.
   *
   * @param min the fewest
   * @param max the most, at most 100
   * @return a new arbitrary
   */
  public TimedQueueArbitrary withSuppliers(int min, int max) {
    checkRange("suppliers", min, max);
    checkArgument(max <= 100, "at most 100 suppliers but max was %s", max);
    TimedQueueArbitrary c = typedClone();
    c.minSuppliers = min;
    c.maxSuppliers = max;
    return c;
  }

  /**
   * Sets the range of supplier capacities.
   *
   * @param min the smallest
   * @param max the largest
   * @return a new arbitrary
   */
  public TimedQueueArbitrary withCapacity(int min, int max) {
    checkRange("capacity", min, max);
    TimedQueueArbitrary c = typedClone();
    c.minCapacity = min;
    c.maxCapacity = max;
    return c;
  }

  /**
   * Sets the chance that a need–supplier pair is eligible.
   *
   * @param percent 0 to 100
   * @return a new arbitrary
   */
  public TimedQueueArbitrary withEligibility(int percent) {
    checkArgument(0 <= percent && percent <= 100, "eligibility must be 0 to 100 percent but was %s", percent);
    TimedQueueArbitrary c = typedClone();
    c.eligibilityPercent = percent;
    return c;
  }

  /**
   * Sets the calendar's length in days (both ends counted).
   *
   * @param min the shortest, at least 1
   * @param max the longest, at most 3,660
   * @return a new arbitrary
   */
  public TimedQueueArbitrary withDays(int min, int max) {
    checkRange("days", min, max);
    checkArgument(min >= 1, "a calendar has at least 1 day but min was %s", min);
    checkArgument(max <= 3_660, "at most 3,660 days but max was %s", max);
    TimedQueueArbitrary c = typedClone();
    c.minDays = min;
    c.maxDays = max;
    return c;
  }

  /**
   * Sets the range of days from a need's arrival to its deadline.
   *
   * @param min the fewest (0: the deadline is the arrival day)
   * @param max the most
   * @return a new arbitrary
   */
  public TimedQueueArbitrary withDeadlineSlack(int min, int max) {
    checkRange("deadline slack", min, max);
    TimedQueueArbitrary c = typedClone();
    c.minSlack = min;
    c.maxSlack = max;
    return c;
  }

  /**
   * Sets the chance that a need has a deadline.
   *
   * @param percent 0 to 100
   * @return a new arbitrary
   */
  public TimedQueueArbitrary withDeadlines(int percent) {
    checkArgument(0 <= percent && percent <= 100, "deadline chance must be 0 to 100 percent but was %s", percent);
    TimedQueueArbitrary c = typedClone();
    c.deadlinePercent = percent;
    return c;
  }

  /**
   * Sets the range of the needs' own contract lengths and the chance that a need has one.
   *
   * @param min the shortest, at least 1
   * @param max the longest
   * @param percent the chance, 0 to 100, that a need has its own length
   * @return a new arbitrary
   */
  public TimedQueueArbitrary withContractDays(int min, int max, int percent) {
    checkRange("contract days", min, max);
    checkArgument(min >= 1, "a contract lasts at least 1 day but min was %s", min);
    checkArgument(0 <= percent && percent <= 100, "contract chance must be 0 to 100 percent but was %s", percent);
    TimedQueueArbitrary c = typedClone();
    c.minContract = min;
    c.maxContract = max;
    c.contractPercent = percent;
    return c;
  }

  /** One need's timing: arrival offset, deadline slack (negative: none), own contract (0: none). */
  private record Timing(int arrival, int slack, int contract) {}

  @Override
  protected Arbitrary<TimedQueue> arbitrary() {
    Arbitrary<MatchingProblem> problems = MatchingArbitraries.problems()
        .withNeeds(minNeeds, maxNeeds)
        .withSuppliers(minSuppliers, maxSuppliers)
        .withCapacity(minCapacity, maxCapacity)
        .withEligibility(eligibilityPercent);
    return Combinators.combine(problems, Arbitraries.integers().between(minDays, maxDays))
        .flatAs((p, days) -> timing(days).list().ofSize(p.needs().size()).map(ts -> build(p, days, ts)));
  }

  private Arbitrary<Timing> timing(int days) {
    Arbitrary<Integer> slack = Arbitraries.frequencyOf(
        Tuple.of(deadlinePercent, Arbitraries.integers().between(minSlack, maxSlack)),
        Tuple.of(100 - deadlinePercent, Arbitraries.just(-1)));
    Arbitrary<Integer> contract = Arbitraries.frequencyOf(
        Tuple.of(contractPercent, Arbitraries.integers().between(minContract, maxContract)),
        Tuple.of(100 - contractPercent, Arbitraries.just(0)));
    return Combinators.combine(Arbitraries.integers().between(0, days - 1), slack, contract).as(Timing::new);
  }

  private static TimedQueue build(MatchingProblem p, int days, List<Timing> timings) {
    MatchingProblem base = p.toBuilder().withoutNeeds().build();
    List<TimedNeed> needs = new ArrayList<>();
    for (int i = 0; i < timings.size(); i++) {
      Timing t = timings.get(i);
      Need need = p.needs().get(i);
      TimedNeed timed = TimedNeed.of(need, START.plusDays(t.arrival()));
      if (t.slack() >= 0) {
        timed = timed.withDeadline(timed.arrival().plusDays(t.slack()));
      }
      if (t.contract() > 0) {
        timed = timed.withContractDays(t.contract());
      }
      needs.add(timed);
    }
    return TimedQueue.builder(base, START, START.plusDays(days - 1)).needs(needs).build();
  }

  @Override
  public String toString() {
    return "TimedQueueArbitrary[needs=" + minNeeds + ".." + maxNeeds + ", suppliers=" + minSuppliers + ".."
        + maxSuppliers + ", capacity=" + minCapacity + ".." + maxCapacity + ", eligibility=" + eligibilityPercent
        + "%, days=" + minDays + ".." + maxDays + ", deadlines=" + deadlinePercent + "% of " + minSlack + ".."
        + maxSlack + " days, own contracts=" + contractPercent + "% of " + minContract + ".." + maxContract + " days]";
  }
}
