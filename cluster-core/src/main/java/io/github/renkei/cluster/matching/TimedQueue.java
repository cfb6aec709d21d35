package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.model.NeedId;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A coordinator's queue over a calendar: the suppliers and the rules (a {@link MatchingProblem}
 * without needs: its world, suppliers with capacities, constraints, scorer) and the
 * {@link TimedNeed}s that arrive between the calendar's first and last day. A
 * {@link RollingMatcher} runs rounds over it. Immutable; the needs are kept in arrival order,
 * then id order.
 *
 * <pre>{@code
 * MatchingProblem suppliers = MatchingProblem.from(cluster).withoutNeeds().build();   // suppliers and rules
 * TimedQueue queue = TimedQueue.builder(suppliers, LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31))
 *     .need(TimedNeed.of(need, LocalDate.of(2026, 4, 6)).withDeadline(LocalDate.of(2026, 5, 31)))
 *     .build();
 * }</pre>
 */
public final class TimedQueue {

  private final MatchingProblem base;
  private final LocalDate start;
  private final LocalDate end;
  private final ImmutableList<TimedNeed> needs;
  private final ImmutableMap<NeedId, TimedNeed> byId;

  private TimedQueue(MatchingProblem base, LocalDate start, LocalDate end, ImmutableList<TimedNeed> needs) {
    this.base = base;
    this.start = start;
    this.end = end;
    this.needs = needs;
    this.byId = needs.stream().collect(ImmutableMap.toImmutableMap(TimedNeed::id, t -> t));
  }

  /**
   * Starts a queue.
   *
   * @param base the suppliers and rules: a problem without needs, whose world holds every
   *     requester of the queue's needs
   * @param start the calendar's first day
   * @param end the calendar's last day, not before {@code start}
   * @return a builder
   */
  public static Builder builder(MatchingProblem base, LocalDate start, LocalDate end) {
    return new Builder(base, start, end);
  }

  /**
   * Returns the suppliers and rules: a problem without needs.
   *
   * @return the base problem
   */
  public MatchingProblem base() {
    return base;
  }

  /**
   * Returns the calendar's first day.
   *
   * @return the start
   */
  public LocalDate start() {
    return start;
  }

  /**
   * Returns the calendar's last day.
   *
   * @return the end
   */
  public LocalDate end() {
    return end;
  }

  /**
   * Returns the calendar's length in days, both ends counted.
   *
   * @return the number of days
   */
  public long days() {
    return ChronoUnit.DAYS.between(start, end) + 1;
  }

  /**
   * Returns the needs in arrival order, then id order.
   *
   * @return the timed needs
   */
  public ImmutableList<TimedNeed> needs() {
    return needs;
  }

  /**
   * Returns the timed need with an id.
   *
   * @param id the need's id
   * @return the timed need, or empty
   */
  public Optional<TimedNeed> need(NeedId id) {
    return Optional.ofNullable(byId.get(checkNotNull(id, "id")));
  }

  @Override
  public String toString() {
    return "TimedQueue[" + start + " .. " + end + ", needs=" + needs.size() + ", suppliers="
        + base.suppliers().size() + "]";
  }

  /** Builds a {@link TimedQueue}; {@link #build()} checks it. Not thread-safe. */
  public static final class Builder {
    private final MatchingProblem base;
    private final LocalDate start;
    private final LocalDate end;
    private final List<TimedNeed> needs = new ArrayList<>();

    private Builder(MatchingProblem base, LocalDate start, LocalDate end) {
      this.base = checkNotNull(base, "base");
      this.start = checkNotNull(start, "start");
      this.end = checkNotNull(end, "end");
      checkArgument(!end.isBefore(start), "calendar end %s is before its start %s", end, start);
      checkArgument(base.needs().isEmpty(), "the base problem must have no needs (give them as timed needs;"
          + " MatchingProblem.Builder.withoutNeeds() removes them)"
          + " but has %s, the first '%s'", base.needs().size(),
          base.needs().isEmpty() ? null : base.needs().get(0).id());
    }

    /**
     * Adds a timed need.
     *
     * @param need the timed need
     * @return this builder
     */
    public Builder need(TimedNeed need) {
      needs.add(checkNotNull(need, "need"));
      return this;
    }

    /**
     * Adds timed needs.
     *
     * @param needs the timed needs
     * @return this builder
     */
    public Builder needs(Iterable<TimedNeed> needs) {
      checkNotNull(needs, "needs").forEach(this::need);
      return this;
    }

    /**
     * Checks the needs and builds the queue.
     *
     * @return the queue
     * @throws IllegalArgumentException naming the need and the value for a need id used twice, a
     *     need that arrives before the calendar's start or after its end
     * @throws io.github.renkei.cluster.model.ValidationException listing every need whose requester
     *     is not in the base problem's world
     */
    public TimedQueue build() {
      Map<NeedId, TimedNeed> seen = new HashMap<>();
      for (TimedNeed t : needs) {
        TimedNeed earlier = seen.putIfAbsent(t.id(), t);
        checkArgument(earlier == null, "need id '%s' is in the queue twice: %s and %s", t.id(), earlier, t);
        checkArgument(!t.arrival().isBefore(start) && !t.arrival().isAfter(end),
            "need '%s': arrival %s is outside the calendar %s .. %s", t.id(), t.arrival(), start, end);
      }
      // one build with every need checks the requesters against the world, all at once
      base.toBuilder().needs(needs.stream().map(TimedNeed::need).toList()).build();
      List<TimedNeed> sorted = new ArrayList<>(needs);
      sorted.sort(Comparator.comparing(TimedNeed::arrival).thenComparing(TimedNeed::id));
      return new TimedQueue(base, start, end, ImmutableList.copyOf(sorted));
    }
  }
}
