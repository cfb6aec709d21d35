package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A need in a {@link TimedQueue}: the need, the day it arrives at the coordinator's desk, its
 * deadline (the need's own {@link Need#deadline()}: the last day on which a round may still
 * commit it; none means it may wait to the end of the calendar) and, optionally, how many days
 * the contract runs once committed (otherwise the {@link RollingMatcher}'s default). A supplier's
 * capacity is taken from the commitment's round date until the day the contract ends, and free
 * again on that day.
 *
 * <pre>{@code
 * TimedNeed t = TimedNeed.of(need, LocalDate.of(2026, 4, 6))
 *     .withDeadline(LocalDate.of(2026, 5, 31))
 *     .withContractDays(120);
 * }</pre>
 *
 * @param need the need; its deadline, if any, is the timed need's deadline
 * @param arrival the day the need arrives
 * @param contractDays the contract's length in days, or empty for the matcher's default
 */
public record TimedNeed(Need need, LocalDate arrival, OptionalInt contractDays) {

  /**
   * Validates the fields.
   *
   * @param need the need
   * @param arrival the arrival day
   * @param contractDays the contract length in days, {@code > 0} if present
   * @throws IllegalArgumentException naming the need and the value if the deadline is before the
   *     arrival or the contract length is not positive
   */
  public TimedNeed {
    checkNotNull(need, "need");
    checkNotNull(arrival, "arrival (need '%s')", need.id());
    checkNotNull(contractDays, "contractDays (need '%s')", need.id());
    Optional<LocalDate> deadline = need.deadline();
    checkArgument(deadline.isEmpty() || !deadline.get().isBefore(arrival),
        "need '%s': deadline %s is before its arrival %s", need.id(), deadline.orElse(null), arrival);
    if (contractDays.isPresent()) {
      checkArgument(contractDays.getAsInt() > 0, "need '%s': contract length must be > 0 days but was %s",
          need.id(), contractDays.getAsInt());
    }
  }

  /**
   * A need arriving on a day, with its own deadline (if any) and the matcher's default contract
   * length.
   *
   * @param need the need
   * @param arrival the day it arrives
   * @return the timed need
   * @throws IllegalArgumentException naming the need if its deadline is before the arrival
   */
  public static TimedNeed of(Need need, LocalDate arrival) {
    return new TimedNeed(need, arrival, OptionalInt.empty());
  }

  /**
   * Returns this need with another deadline (the need's own is replaced).
   *
   * @param deadline the last day a round may commit the need
   * @return a new timed need
   * @throws IllegalArgumentException naming the need and both days if the deadline is before
   *     the arrival
   */
  public TimedNeed withDeadline(LocalDate deadline) {
    checkNotNull(deadline, "deadline (need '%s')", need.id());
    checkArgument(!deadline.isBefore(arrival), "need '%s': deadline %s is before its arrival %s", need.id(),
        deadline, arrival);
    return new TimedNeed(need.toBuilder().deadline(deadline).build(), arrival, contractDays);
  }

  /**
   * Returns this need with its own contract length.
   *
   * @param days how many days the contract runs, {@code > 0}
   * @return a new timed need
   * @throws IllegalArgumentException naming the need and the value if {@code days <= 0}
   */
  public TimedNeed withContractDays(int days) {
    return new TimedNeed(need, arrival, OptionalInt.of(days));
  }

  /**
   * Returns the need's id.
   *
   * @return the id
   */
  public NeedId id() {
    return need.id();
  }

  /**
   * Returns the deadline: the last day on which a round may commit the need.
   *
   * @return the deadline, or empty if the need may wait to the end of the calendar
   */
  public Optional<LocalDate> deadline() {
    return need.deadline();
  }

  /** Returns for example {@code n-001 (arrives 2026-04-06, deadline 2026-05-31, contract 120 days)}. */
  @Override
  public String toString() {
    return need.id() + " (arrives " + arrival + deadline().map(d -> ", deadline " + d).orElse("")
        + (contractDays.isPresent() ? ", contract " + contractDays.getAsInt() + " days" : "") + ")";
  }
}
