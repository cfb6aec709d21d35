package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Independent checks of a {@link MatchResult} against its {@link MatchingProblem}, for tests and
 * for callers who want to verify what they received: every assignment is of a known need to a
 * candidate supplier that passes every constraint (checked pair by pair with
 * {@link Constraint#check}, not with the matcher's indexes) and carries the score the scorer
 * gives, no need is assigned twice, no supplier is over capacity, every lock is kept, and — for
 * stable matchings — which pairs block; and, for a {@link RollingMatcher}'s rounds, the invariants
 * over time ({@link #rollingProblems(RollingResult)}).
 *
 * <pre>{@code
 * assertTrue(MatchChecks.problems(problem, result).isEmpty());
 * assertTrue(MatchChecks.blockingPairs(problem, Matchers.stable().match(problem)).isEmpty());
 * }</pre>
 */
public final class MatchChecks {

  private MatchChecks() {}

  /**
   * A need and a supplier that both prefer each other to what the result gave them.
   *
   * @param need the need
   * @param supplier the supplier
   */
  public record BlockingPair(NeedId need, OrganizationId supplier) {

    /**
     * Validates the fields.
     *
     * @param need the need
     * @param supplier the supplier
     */
    public BlockingPair {
      checkNotNull(need, "need");
      checkNotNull(supplier, "supplier");
    }
  }

  /**
   * Returns everything that makes the result infeasible for the problem; empty if it is
   * feasible.
   *
   * @param problem the problem
   * @param result a result for it
   * @return the problems, in the order: references, eligibility, capacity, locks
   */
  public static ImmutableList<String> problems(MatchingProblem problem, MatchResult result) {
    checkNotNull(problem, "problem");
    checkNotNull(result, "result");
    ImmutableList.Builder<String> out = ImmutableList.builder();
    out.addAll(eligibilityViolations(problem, result));
    out.addAll(capacityViolations(problem, result));
    problem.locks().forEach((need, supplier) -> {
      Optional<Assignment> a = result.assignmentOf(need);
      if (a.isEmpty() || !a.get().supplier().equals(supplier)) {
        out.add("lock " + need + " -> " + supplier + " is not kept");
      }
    });
    Set<NeedId> explained = new HashSet<>();
    for (Unmatched u : result.unmatched()) {
      explained.add(u.need());
    }
    for (Need n : problem.needs()) {
      if (result.assignmentOf(n.id()).isEmpty() && !explained.contains(n.id())) {
        out.add("need " + n.id() + " is neither assigned nor explained");
      }
    }
    return out.build();
  }

  /**
   * Whether the result is feasible: {@link #problems} is empty.
   *
   * @param problem the problem
   * @param result the result
   * @return {@code true} if feasible
   */
  public static boolean isFeasible(MatchingProblem problem, MatchResult result) {
    return problems(problem, result).isEmpty();
  }

  /**
   * Returns the assignments that break a constraint or refer to an unknown need or supplier,
   * or assign a need twice.
   *
   * @param problem the problem
   * @param result the result
   * @return one line per violation
   */
  public static ImmutableList<String> eligibilityViolations(MatchingProblem problem, MatchResult result) {
    MatchContext ctx = problem.context();
    ImmutableList.Builder<String> out = ImmutableList.builder();
    Set<NeedId> seen = new HashSet<>();
    for (Assignment a : result.assignments()) {
      if (!seen.add(a.need())) {
        out.add("need " + a.need() + " is assigned more than once");
      }
      Optional<Need> need = problem.need(a.need());
      OptionalInt s = ctx.supplierIndex(a.supplier());
      if (need.isEmpty()) {
        out.add("assignment " + a + " names an unknown need");
        continue;
      }
      if (s.isEmpty()) {
        out.add("assignment " + a + " names '" + a.supplier() + "', not a candidate supplier");
        continue;
      }
      Organization supplier = ctx.suppliers().get(s.getAsInt());
      for (Constraint c : problem.constraints()) {
        c.check(need.get(), supplier, ctx).ifPresent(v -> out.add("assignment " + a.need() + " -> "
            + a.supplier() + " violates " + v));
      }
      double total = a.score().total();
      double expected = problem.scorer().score(need.get(), supplier, ctx);
      if (!Double.isFinite(total) || total < 0) {
        out.add("assignment " + a.need() + " -> " + a.supplier() + " has score " + total);
      } else if (Math.abs(total - expected) > 1e-9 * Math.max(1.0, Math.abs(expected))) {
        out.add("assignment " + a.need() + " -> " + a.supplier() + " has score " + total + " but the scorer gives "
            + expected);
      }
    }
    return out.build();
  }

  /**
   * Returns the suppliers assigned more needs than their capacity.
   *
   * @param problem the problem
   * @param result the result
   * @return one line per supplier over capacity
   */
  public static ImmutableList<String> capacityViolations(MatchingProblem problem, MatchResult result) {
    Map<OrganizationId, Integer> load = new HashMap<>();
    for (Assignment a : result.assignments()) {
      load.merge(a.supplier(), 1, Integer::sum);
    }
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (Organization s : problem.suppliers()) {
      int used = load.getOrDefault(s.id(), 0);
      int capacity = problem.capacity(s.id());
      if (used > capacity) {
        out.add("supplier " + s.id() + " has " + used + " needs but capacity " + capacity);
      }
    }
    return out.build();
  }

  /**
   * Returns the blocking pairs of the result: an eligible need and supplier, not matched to each
   * other, where the need is unmatched or prefers the supplier to its own, and the supplier has
   * room or prefers the need to one of its own. Preferences are those of
   * {@link StableMatcher}: scores, ties broken by the smaller id. Locked needs do not take part;
   * locked assignments use their suppliers' capacity.
   *
   * @param problem the problem
   * @param result a result for it
   * @return the blocking pairs in need, then supplier, order; empty for a stable matching
   */
  public static ImmutableList<BlockingPair> blockingPairs(MatchingProblem problem, MatchResult result) {
    checkNotNull(problem, "problem");
    checkNotNull(result, "result");
    EligibilityGraph g = problem.graph();
    int[] edgeOfRow = new int[g.rows()];
    int[] load = new int[g.suppliers()];
    int[] worst = new int[g.suppliers()];
    java.util.Arrays.fill(worst, -1);
    int[] rowOfEdge = GreedyMatcher.rowsOfEdges(g);
    for (int r = 0; r < g.rows(); r++) {
      edgeOfRow[r] = -1;
      Optional<Assignment> a = result.assignmentOf(g.need(r).id());
      if (a.isPresent()) {
        int j = g.supplierIndex(a.get().supplier());
        int e = j < 0 ? -1 : g.edge(r, j);
        if (e < 0) {
          throw new IllegalArgumentException("assignment " + a.get() + " is not an eligible pair of the problem");
        }
        edgeOfRow[r] = e;
        load[j]++;
        if (worst[j] < 0 || StableMatcher.supplierPrefers(g, worst[j], rowOfEdge[worst[j]], e, r)) {
          worst[j] = e;
        }
      }
    }
    ImmutableList.Builder<BlockingPair> out = ImmutableList.builder();
    for (int r = 0; r < g.rows(); r++) {
      int own = edgeOfRow[r];
      for (int e = g.offset[r]; e < g.offset[r + 1]; e++) {
        if (e == own || (own >= 0 && !StableMatcher.needPrefers(g, e, own))) {
          continue;
        }
        int j = g.supplier[e];
        boolean supplierWants = load[j] < g.capacity[j]
            || (worst[j] >= 0 && StableMatcher.supplierPrefers(g, e, r, worst[j], rowOfEdge[worst[j]]));
        if (supplierWants) {
          out.add(new BlockingPair(g.need(r).id(), problem.context().suppliers().get(j).id()));
        }
      }
    }
    return out.build();
  }

  /**
   * Returns everything wrong with a {@link RollingResult}, checked from the queue, the
   * commitments and the rounds rather than from the rolling matcher's bookkeeping: every
   * commitment is of a queued need to a candidate supplier, on a round date, not before the
   * need's arrival nor after its deadline, with the contract length and waiting days that follow
   * from the dates; no supplier holds more contracts than its capacity on any day; commitments
   * are never revoked (every contract still running on a later round's date is a locked
   * assignment of that round, to the same supplier); each round takes exactly the needs that
   * have arrived, are not past their deadline and not yet committed, and its result is feasible
   * for its problem ({@link #problems(MatchingProblem, MatchResult)}); every need is committed
   * once, or expired (its deadline before the calendar's end), or still waiting at the end.
   *
   * <pre>{@code
   * assertTrue(MatchChecks.rollingProblems(RollingMatcher.weekly(Matchers.greedy()).run(queue)).isEmpty());
   * }</pre>
   *
   * @param rolling the rolling result
   * @return one line per problem; empty if the result is consistent
   */
  public static ImmutableList<String> rollingProblems(RollingResult rolling) {
    checkNotNull(rolling, "rolling");
    TimedQueue queue = rolling.queue();
    MatchingProblem base = queue.base();
    ImmutableList.Builder<String> out = ImmutableList.builder();
    Set<LocalDate> roundDates = new HashSet<>();
    rolling.rounds().forEach(r -> roundDates.add(r.date()));
    for (LocalDate d = queue.start(); !d.isAfter(queue.end()); d = d.plusDays(rolling.cadenceDays())) {
      if (!roundDates.remove(d)) {
        out.add("no round on " + d + ", a round date");
      }
    }
    roundDates.forEach(d -> out.add("round on " + d + " is not on the calendar's cadence"));

    Map<NeedId, RollingResult.Commitment> committed = new HashMap<>();
    Map<OrganizationId, List<RollingResult.Commitment>> bySupplier = new HashMap<>();
    for (RollingResult.Commitment c : rolling.commitments()) {
      if (committed.put(c.need(), c) != null) {
        out.add("need " + c.need() + " is committed more than once");
      }
      Optional<TimedNeed> t = queue.need(c.need());
      if (t.isEmpty()) {
        out.add("commitment " + c + " names a need not in the queue");
        continue;
      }
      if (base.context().supplierIndex(c.supplier()).isEmpty()) {
        out.add("commitment " + c + " names '" + c.supplier() + "', not a candidate supplier");
        continue;
      }
      bySupplier.computeIfAbsent(c.supplier(), k -> new ArrayList<>()).add(c);
      TimedNeed need = t.get();
      if (c.date().isBefore(need.arrival())) {
        out.add("need " + c.need() + " is committed on " + c.date() + ", before its arrival " + need.arrival());
      }
      if (need.deadline().isPresent() && c.date().isAfter(need.deadline().get())) {
        out.add("need " + c.need() + " is committed on " + c.date() + ", after its deadline " + need.deadline().get());
      }
      LocalDate end = c.date().plusDays(rolling.contractDays(need));
      if (!c.contractEnd().equals(end)) {
        out.add("need " + c.need() + "'s contract ends " + c.contractEnd() + " but its length gives " + end);
      }
      long waited = ChronoUnit.DAYS.between(need.arrival(), c.date());
      if (c.waitingDays() != waited) {
        out.add("need " + c.need() + " waited " + waited + " days but the commitment says " + c.waitingDays());
      }
    }
    // the load only rises on commitment days, so checking those days checks every day
    bySupplier.forEach((supplier, list) -> {
      int capacity = base.capacity(supplier);
      for (LocalDate day : new TreeSet<>(list.stream().map(RollingResult.Commitment::date).toList())) {
        long load = list.stream().filter(o -> o.activeOn(day)).count();
        if (load > capacity) {
          out.add("supplier " + supplier + " holds " + load + " contracts on " + day + " but capacity " + capacity);
        }
      }
    });

    for (RollingResult.Round r : rolling.rounds()) {
      LocalDate day = r.date();
      problems(r.problem(), r.result()).forEach(p -> out.add("round " + day + ": " + p));
      Set<NeedId> expectedWaiting = new HashSet<>();
      for (TimedNeed t : queue.needs()) {
        RollingResult.Commitment c = committed.get(t.id());
        boolean arrived = !t.arrival().isAfter(day);
        boolean current = t.deadline().isEmpty() || !t.deadline().get().isBefore(day);
        if (arrived && current && (c == null || !c.date().isBefore(day))) {
          expectedWaiting.add(t.id());
        }
      }
      Set<NeedId> taking = new HashSet<>();
      for (Need n : r.problem().needs()) {
        if (!r.problem().locks().containsKey(n.id())) {
          taking.add(n.id());
        }
      }
      for (NeedId id : expectedWaiting) {
        if (!taking.contains(id)) {
          out.add("round " + day + ": need " + id + " was waiting but did not take part");
        }
      }
      for (NeedId id : taking) {
        if (!expectedWaiting.contains(id)) {
          out.add("round " + day + ": need " + id + " took part but was not waiting (not arrived, expired or committed)");
        }
      }
      for (Assignment a : r.result().assignments()) {
        RollingResult.Commitment c = committed.get(a.need());
        if (c == null || !c.supplier().equals(a.supplier())) {
          out.add("round " + day + ": assignment " + a.need() + " -> " + a.supplier() + " is not a commitment");
        } else if (a.locked() != c.date().isBefore(day)) {
          out.add("round " + day + ": assignment " + a.need() + " -> " + a.supplier()
              + (a.locked() ? " is locked but was committed in this round" : " is new but was committed on " + c.date()));
        }
      }
      for (RollingResult.Commitment c : rolling.commitments()) {
        boolean shouldHold = c.date().isBefore(day) && c.activeOn(day);
        boolean newToday = c.date().equals(day);
        Optional<Assignment> a = r.result().assignmentOf(c.need());
        if ((shouldHold || newToday) && (a.isEmpty() || !a.get().supplier().equals(c.supplier()))) {
          out.add("round " + day + ": commitment " + c + (newToday ? " is not in the round's result" : " is revoked"));
        }
      }
    }

    Set<NeedId> unserved = new HashSet<>();
    for (RollingResult.Unserved u : rolling.expired()) {
      if (!unserved.add(u.need())) {
        out.add("need " + u.need() + " is reported unserved twice");
      }
      Optional<TimedNeed> t = queue.need(u.need());
      if (t.isPresent() && (t.get().deadline().isEmpty() || !t.get().deadline().get().isBefore(queue.end()))) {
        out.add("need " + u.need() + " is reported expired but its deadline " + t.get().deadline().orElse(null)
            + " is not before the calendar's end " + queue.end());
      }
    }
    for (RollingResult.Unserved u : rolling.waitingAtEnd()) {
      if (!unserved.add(u.need())) {
        out.add("need " + u.need() + " is reported unserved twice");
      }
      Optional<TimedNeed> t = queue.need(u.need());
      if (t.isPresent() && t.get().deadline().isPresent() && t.get().deadline().get().isBefore(queue.end())) {
        out.add("need " + u.need() + " is reported waiting at the end but its deadline " + t.get().deadline().get()
            + " is before the calendar's end " + queue.end());
      }
    }
    for (TimedNeed t : queue.needs()) {
      boolean isCommitted = committed.containsKey(t.id());
      boolean isUnserved = unserved.contains(t.id());
      if (isCommitted == isUnserved) {
        out.add("need " + t.id() + (isCommitted ? " is both committed and reported unserved"
            : " is neither committed, expired nor waiting at the end"));
      }
    }
    for (NeedId id : unserved) {
      if (queue.need(id).isEmpty()) {
        out.add("unserved need " + id + " is not in the queue");
      }
    }
    return out.build();
  }

}
