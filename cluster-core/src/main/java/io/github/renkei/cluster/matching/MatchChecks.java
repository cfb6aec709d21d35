package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.regulation.Licence;
import io.github.renkei.cluster.regulation.ManufacturingStep;
import io.github.renkei.cluster.regulation.Requirement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
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
 * gives, no need is assigned twice, no supplier is over capacity, no requester has more matched
 * needs than its {@linkplain MatchingProblem#requesterCapacities() requester capacity}, every
 * lock is kept, and — for stable matchings — which pairs block. The same for a
 * {@link ChainResult}: never a partial chain, never a licence gap, capacities respected, and no
 * unfilled chain that would still fit; and the ranked {@link Shortlist}s of
 * {@link Shortlists}; and, for a
 * {@link RollingMatcher}'s rounds, the invariants over time
 * ({@link #rollingProblems(RollingResult)}).
 *
 * <pre>{@code
 * assertTrue(MatchChecks.problems(problem, result).isEmpty());
 * assertTrue(MatchChecks.blockingPairs(problem, Matchers.stable().match(problem)).isEmpty());
 * assertTrue(MatchChecks.problems(chainProblem, ChainMatchers.greedy().match(chainProblem)).isEmpty());
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
   * @return the problems, in the order: references, eligibility, capacity, requester capacity,
   *     locks
   */
  public static ImmutableList<String> problems(MatchingProblem problem, MatchResult result) {
    checkNotNull(problem, "problem");
    checkNotNull(result, "result");
    ImmutableList.Builder<String> out = ImmutableList.builder();
    out.addAll(eligibilityViolations(problem, result));
    out.addAll(capacityViolations(problem, result));
    out.addAll(requesterCapacityViolations(problem, result));
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
   * Returns the requesters with more matched needs (locked ones included) than their requester
   * capacity.
   *
   * @param problem the problem
   * @param result the result
   * @return one line per requester over capacity, in requester id order
   */
  public static ImmutableList<String> requesterCapacityViolations(MatchingProblem problem, MatchResult result) {
    checkNotNull(problem, "problem");
    checkNotNull(result, "result");
    Map<OrganizationId, Integer> load = new HashMap<>();
    for (Assignment a : result.assignments()) {
      problem.need(a.need()).ifPresent(n -> load.merge(n.requester(), 1, Integer::sum));
    }
    ImmutableList.Builder<String> out = ImmutableList.builder();
    problem.requesterCapacities().forEach((requester, capacity) -> {
      int used = load.getOrDefault(requester, 0);
      if (used > capacity) {
        out.add("requester " + requester + " has " + used + " matched needs but requester capacity " + capacity);
      }
    });
    return out.build();
  }

  /**
   * Returns everything that makes a chain result infeasible for its problem; empty if it is
   * feasible. Checked pair by pair with {@link Constraint#check} and the regulatory profile,
   * not with the matchers' indexes: every chain is complete or absent ({@link #partialChains}),
   * no role has a licence gap ({@link #licenceGaps}), every role's supplier is a candidate that
   * passes every constraint and carries the scorer's score, no supplier's roles use more than its
   * capacity ({@link #capacityViolations(ChainProblem, ChainResult)}), and every chain is either
   * filled or explained, not both.
   *
   * @param problem the problem
   * @param result a result for it
   * @return the problems, in the order: completeness, licences, eligibility, capacity, explanations
   */
  public static ImmutableList<String> problems(ChainProblem problem, ChainResult result) {
    checkNotNull(problem, "problem");
    checkNotNull(result, "result");
    ImmutableList.Builder<String> out = ImmutableList.builder();
    out.addAll(partialChains(problem, result));
    out.addAll(licenceGaps(problem, result));
    MatchContext ctx = problem.context();
    for (ChainAssignment a : result.assignments()) {
      Optional<ChainNeed> chain = problem.chain(a.need());
      if (chain.isEmpty()) {
        continue;
      }
      for (RoleAssignment r : a.roles()) {
        OptionalInt s = ctx.supplierIndex(r.supplier());
        if (s.isEmpty() || chain.get().role(r.step()).isEmpty()) {
          continue;
        }
        Organization supplier = ctx.suppliers().get(s.getAsInt());
        Need need = chain.get().roleNeed(r.step());
        for (Constraint c : problem.constraints()) {
          c.check(need, supplier, ctx).ifPresent(v -> out.add("chain " + a.need() + ", role " + r.step() + " -> "
              + r.supplier() + " violates " + v));
        }
        double total = r.score().total();
        double expected = problem.scorer().score(need, supplier, ctx);
        if (!Double.isFinite(total) || total < 0) {
          out.add("chain " + a.need() + ", role " + r.step() + " -> " + r.supplier() + " has score " + total);
        } else if (Math.abs(total - expected) > 1e-9 * Math.max(1.0, Math.abs(expected))) {
          out.add("chain " + a.need() + ", role " + r.step() + " -> " + r.supplier() + " has score " + total
              + " but the scorer gives " + expected);
        }
      }
    }
    out.addAll(capacityViolations(problem, result));
    Set<NeedId> explained = new HashSet<>();
    for (UnfilledChain u : result.unfilled()) {
      if (!explained.add(u.need())) {
        out.add("chain " + u.need() + " is explained more than once");
      }
      if (result.assignmentOf(u.need()).isPresent()) {
        out.add("chain " + u.need() + " is both filled and explained as unfilled");
      }
      if (problem.chain(u.need()).isEmpty()) {
        out.add("unfilled chain " + u.need() + " is not a chain need of the problem");
      }
    }
    for (ChainNeed c : problem.chains()) {
      if (result.assignmentOf(c.id()).isEmpty() && !explained.contains(c.id())) {
        out.add("chain " + c.id() + " is neither filled nor explained");
      }
    }
    return out.build();
  }

  /**
   * Whether a chain result is feasible: {@link #problems(ChainProblem, ChainResult)} is empty.
   *
   * @param problem the problem
   * @param result the result
   * @return {@code true} if feasible
   */
  public static boolean isFeasible(ChainProblem problem, ChainResult result) {
    return problems(problem, result).isEmpty();
  }

  /**
   * Returns the chain assignments that are not exactly a team: a chain need the problem does not
   * have, a chain filled twice, a role of the chain without a supplier (a partial chain), a role
   * filled twice, a role the chain does not have, or a supplier that is not a candidate.
   *
   * @param problem the problem
   * @param result the result
   * @return one line per defect
   */
  public static ImmutableList<String> partialChains(ChainProblem problem, ChainResult result) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    Set<NeedId> seen = new HashSet<>();
    for (ChainAssignment a : result.assignments()) {
      if (!seen.add(a.need())) {
        out.add("chain " + a.need() + " is filled more than once");
      }
      Optional<ChainNeed> chain = problem.chain(a.need());
      if (chain.isEmpty()) {
        out.add("chain assignment " + a.need() + " names an unknown chain need");
        continue;
      }
      Map<ManufacturingStep, Integer> filled = new EnumMap<>(ManufacturingStep.class);
      for (RoleAssignment r : a.roles()) {
        filled.merge(r.step(), 1, Integer::sum);
        if (chain.get().role(r.step()).isEmpty()) {
          out.add("chain " + a.need() + " fills role " + r.step() + ", which it does not have");
        }
        if (problem.context().supplierIndex(r.supplier()).isEmpty()) {
          out.add("chain " + a.need() + ", role " + r.step() + " names '" + r.supplier() + "', not a candidate supplier");
        }
      }
      for (ChainRole role : chain.get().roles()) {
        int n = filled.getOrDefault(role.step(), 0);
        if (n == 0) {
          out.add("chain " + a.need() + " is partial: role " + role.step() + " has no supplier");
        } else if (n > 1) {
          out.add("chain " + a.need() + ": role " + role.step() + " is filled " + n + " times");
        }
      }
    }
    return out.build();
  }

  /**
   * Returns the roles whose supplier does not hold what the regulatory profile demands for the
   * role's step and the chain's device class.
   *
   * @param problem the problem
   * @param result the result
   * @return one line per licence gap, naming the missing clauses
   */
  public static ImmutableList<String> licenceGaps(ChainProblem problem, ChainResult result) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    MatchContext ctx = problem.context();
    for (ChainAssignment a : result.assignments()) {
      Optional<ChainNeed> chain = problem.chain(a.need());
      if (chain.isEmpty()) {
        continue;
      }
      for (RoleAssignment r : a.roles()) {
        OptionalInt s = ctx.supplierIndex(r.supplier());
        if (s.isEmpty() || chain.get().role(r.step()).isEmpty()) {
          continue;
        }
        Requirement req = problem.requirement(chain.get(), r.step());
        Set<Licence> held = ctx.suppliers().get(s.getAsInt()).licences();
        if (!req.isSatisfiedBy(held)) {
          out.add("chain " + a.need() + ", role " + r.step() + " -> " + r.supplier() + " lacks " + req.unmet(held));
        }
      }
    }
    return out.build();
  }

  /**
   * Returns the suppliers whose roles use more than their capacity, each role counting its
   * chain role's {@linkplain ChainRole#capacityUse() use}.
   *
   * @param problem the problem
   * @param result the result
   * @return one line per supplier over capacity
   */
  public static ImmutableList<String> capacityViolations(ChainProblem problem, ChainResult result) {
    Map<OrganizationId, Long> load = new HashMap<>();
    for (ChainAssignment a : result.assignments()) {
      Optional<ChainNeed> chain = problem.chain(a.need());
      for (RoleAssignment r : a.roles()) {
        int u = chain.flatMap(c -> c.role(r.step())).map(ChainRole::capacityUse).orElse(0);
        load.merge(r.supplier(), (long) u, Long::sum);
      }
    }
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (Organization s : problem.suppliers()) {
      long used = load.getOrDefault(s.id(), 0L);
      int capacity = problem.capacity(s.id());
      if (used > capacity) {
        out.add("supplier " + s.id() + " has roles using " + used + " units but capacity " + capacity);
      }
    }
    return out.build();
  }

  /**
   * Returns the unfilled chains that a complete team would still fit, in the capacity the
   * result leaves: a check of maximality, by exhaustive search over each role's suppliers that
   * pass the registration and every constraint pair by pair. Both built-in chain matchers leave
   * none. Exponential in the number of roles; meant for tests.
   *
   * @param problem the problem
   * @param result a feasible result for it
   * @return the ids of the chains that could have been filled, in id order
   */
  public static ImmutableList<NeedId> fillableChains(ChainProblem problem, ChainResult result) {
    checkNotNull(problem, "problem");
    checkNotNull(result, "result");
    MatchContext ctx = problem.context();
    int[] left = new int[problem.suppliers().size()];
    for (int j = 0; j < left.length; j++) {
      left[j] = problem.capacity(problem.suppliers().get(j).id());
    }
    for (ChainAssignment a : result.assignments()) {
      Optional<ChainNeed> chain = problem.chain(a.need());
      for (RoleAssignment r : a.roles()) {
        OptionalInt s = ctx.supplierIndex(r.supplier());
        if (s.isPresent()) {
          left[s.getAsInt()] -= chain.flatMap(c -> c.role(r.step())).map(ChainRole::capacityUse).orElse(0);
        }
      }
    }
    ImmutableList.Builder<NeedId> out = ImmutableList.builder();
    for (UnfilledChain u : result.unfilled()) {
      Optional<ChainNeed> chain = problem.chain(u.need());
      if (chain.isEmpty()) {
        continue;
      }
      List<List<Integer>> eligible = new ArrayList<>();
      for (ChainRole role : chain.get().roles()) {
        List<Integer> js = new ArrayList<>();
        for (int j = 0; j < left.length; j++) {
          Organization s = ctx.suppliers().get(j);
          if (problem.requirement(chain.get(), role.step()).isSatisfiedBy(s.licences())
              && problem.violations(chain.get(), role.step(), s).isEmpty()) {
            js.add(j);
          }
        }
        eligible.add(js);
      }
      if (fits(chain.get(), eligible, 0, left)) {
        out.add(u.need());
      }
    }
    return out.build();
  }

  private static boolean fits(ChainNeed chain, List<List<Integer>> eligible, int k, int[] left) {
    if (k == eligible.size()) {
      return true;
    }
    int u = chain.roles().get(k).capacityUse();
    for (int j : eligible.get(k)) {
      if (left[j] >= u) {
        left[j] -= u;
        boolean ok = fits(chain, eligible, k + 1, left);
        left[j] += u;
        if (ok) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Returns the blocking pairs of the result: an eligible need and supplier, not matched to each
   * other, where the need is unmatched or prefers the supplier to its own, and the supplier has
   * room or prefers the need to one of its own. Preferences are those of
   * {@link StableMatcher}: scores, ties broken by the smaller id. Locked needs do not take part;
   * locked assignments use their suppliers' capacity.
   *
   * <p>With {@linkplain MatchingProblem#requesterCapacities() requester capacities} (pairwise
   * stability of the many-to-many matching, Roth 1984, Sotomayor 1999), a pair {@code (n, s)}
   * with {@code n}'s requester {@code r} of capacity {@code q} blocks exactly when all of:
   * <ol>
   *   <li>{@code n} and {@code s} are eligible and not matched to each other, and {@code n} is
   *       not locked;
   *   <li>{@code n} is unmatched, or prefers {@code s} to its supplier (higher need-side score,
   *       ties to the smaller supplier id);
   *   <li>{@code s} has fewer needs than its capacity, or prefers {@code n} to its least
   *       preferred unlocked need (higher supplier-side score, ties to the smaller need id);
   *   <li>{@code r} would take the pair: it is unlimited, or {@code n} is matched (the pair
   *       replaces {@code n}'s, so {@code r}'s count does not change), or {@code r} has fewer
   *       matched needs than {@code q} (locked ones included), or {@code r} prefers
   *       {@code (n, s)} to its least preferred unlocked pair — by the need-side score, ties to
   *       the smaller need id, then the smaller supplier id.
   * </ol>
   * Without requester capacities condition 4 always holds and this is the one-to-many test.
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
    // each requester: matched unlocked needs, and its least preferred unlocked pair
    RequesterLimits requesters = RequesterLimits.of(g);
    int[] requesterLoad = new int[requesters.requesters()];
    int[] requesterWorst = new int[requesters.requesters()];
    java.util.Arrays.fill(requesterWorst, -1);
    for (int r = 0; r < g.rows(); r++) {
      int e = edgeOfRow[r];
      if (e >= 0) {
        int k = requesters.requesterOfRow[r];
        requesterLoad[k]++;
        int w = requesterWorst[k];
        if (w < 0 || RequesterLimits.requesterPrefers(g, w, rowOfEdge[w], e, r)) {
          requesterWorst[k] = e;
        }
      }
    }
    ImmutableList.Builder<BlockingPair> out = ImmutableList.builder();
    for (int r = 0; r < g.rows(); r++) {
      int own = edgeOfRow[r];
      int k = requesters.requesterOfRow[r];
      for (int e = g.offset[r]; e < g.offset[r + 1]; e++) {
        if (e == own || (own >= 0 && !StableMatcher.needPrefers(g, e, own))) {
          continue;
        }
        int j = g.supplier[e];
        boolean supplierWants = load[j] < g.capacity[j]
            || (worst[j] >= 0 && StableMatcher.supplierPrefers(g, e, r, worst[j], rowOfEdge[worst[j]]));
        int w = requesterWorst[k];
        boolean requesterWants = requesters.unlimited(k) || own >= 0 || requesterLoad[k] < requesters.left[k]
            || (w >= 0 && RequesterLimits.requesterPrefers(g, e, r, w, rowOfEdge[w]));
        if (supplierWants && requesterWants) {
          out.add(new BlockingPair(g.need(r).id(), problem.context().suppliers().get(j).id()));
        }
      }
    }
    return out.build();
  }


  /**
   * Returns everything wrong with a need's shortlist, checked pair by pair with
   * {@link Constraint#check} and {@link Scorer#score} rather than with the indexes that made it:
   * every candidate passes every constraint and carries the scorer's score; candidates are ranked
   * 1, 2, … by score descending, ties by supplier id; there are {@code min(k, eligible)} of them
   * and no eligible supplier left out ranks before the last; the counts of eligible suppliers and
   * near misses are right; every near miss fails exactly the one constraint it names, for the
   * reason that constraint gives, is not the requester, and the near misses are ranked, counted
   * and complete the same way; capacities and the lock are the problem's.
   *
   * @param problem the problem
   * @param shortlist a shortlist of one of its needs
   * @return one line per problem, empty if the shortlist is right
   */
  public static ImmutableList<String> shortlistProblems(MatchingProblem problem, Shortlist shortlist) {
    checkNotNull(problem, "problem");
    checkNotNull(shortlist, "shortlist");
    ImmutableList.Builder<String> out = ImmutableList.builder();
    Optional<Need> found = problem.need(shortlist.need());
    String at = "shortlist of " + shortlist.need() + ": ";
    if (found.isEmpty()) {
      return ImmutableList.of(at + "the problem has no such need");
    }
    Need need = found.get();
    MatchContext ctx = problem.context();
    List<Organization> suppliers = ctx.suppliers();
    Map<OrganizationId, Integer> locked = new HashMap<>();
    problem.locks().values().forEach(s -> locked.merge(s, 1, Integer::sum));
    // every supplier's violations, and scores as the scorer gives them
    List<List<Violation>> violations = new ArrayList<>();
    double[] score = new double[suppliers.size()];
    int eligible = 0;
    int nearMisses = 0;
    for (int j = 0; j < suppliers.size(); j++) {
      Organization o = suppliers.get(j);
      List<Violation> v = new ArrayList<>();
      for (Constraint c : problem.constraints()) {
        c.check(need, o, ctx).ifPresent(v::add);
      }
      violations.add(v);
      boolean nearMiss = v.size() == 1 && !o.id().equals(need.requester());
      if (v.isEmpty() || nearMiss) {
        score[j] = problem.scorer().score(need, o, ctx);
      }
      eligible += v.isEmpty() ? 1 : 0;
      nearMisses += nearMiss ? 1 : 0;
    }
    if (shortlist.eligible() != eligible) {
      out.add(at + "says " + shortlist.eligible() + " suppliers are eligible but " + eligible + " pass every constraint");
    }
    if (shortlist.nearMissCount() != nearMisses) {
      out.add(at + "says " + shortlist.nearMissCount() + " suppliers fail exactly one constraint but " + nearMisses
          + " do (the requester not counted)");
    }
    Optional<OrganizationId> lock = Optional.ofNullable(problem.locks().get(need.id()));
    if (!shortlist.lockedTo().equals(lock)) {
      out.add(at + "says it is locked to " + shortlist.lockedTo() + " but the problem's lock is " + lock);
    }
    List<Entry> candidates = new ArrayList<>();
    for (Shortlist.Candidate c : shortlist.candidates()) {
      candidates.add(new Entry(c.rank(), c.supplier(), c.score(), c.capacity(), c.capacityLeft(), "candidate"));
    }
    List<Entry> misses = new ArrayList<>();
    for (Shortlist.NearMiss m : shortlist.nearMisses()) {
      misses.add(new Entry(m.rank(), m.supplier(), m.score(), m.capacity(), m.capacityLeft(), "near miss"));
    }
    Set<Integer> listedCandidates = checkRanking(problem, at, candidates, score, locked, out);
    Set<Integer> listedMisses = checkRanking(problem, at, misses, score, locked, out);
    for (int i = 0; i < candidates.size(); i++) {
      Entry e = candidates.get(i);
      int j = ctx.supplierIndex(e.supplier).orElse(-1);
      if (j >= 0) {
        violations.get(j).forEach(v -> out.add(at + "candidate " + e.supplier + " violates " + v));
      }
    }
    for (Shortlist.NearMiss m : shortlist.nearMisses()) {
      int j = ctx.supplierIndex(m.supplier()).orElse(-1);
      if (j < 0) {
        continue;
      }
      List<Violation> v = violations.get(j);
      if (m.supplier().equals(need.requester())) {
        out.add(at + "near miss " + m.supplier() + " is the requester");
      }
      if (v.size() != 1 || !v.get(0).equals(m.violation())) {
        out.add(at + "near miss " + m.supplier() + " is said to fail only " + m.violation() + " but fails " + v);
      }
    }
    checkComplete(at, "candidate", shortlist.k(), candidates, listedCandidates, eligible, score,
        j -> violations.get(j).isEmpty(), suppliers, out);
    checkComplete(at, "near miss", shortlist.nearMissLimit(), misses, listedMisses, nearMisses, score,
        j -> violations.get(j).size() == 1 && !suppliers.get(j).id().equals(need.requester()), suppliers, out);
    return out.build();
  }

  /**
   * Returns everything wrong with a problem's shortlists: {@link #shortlistProblems(MatchingProblem,
   * Shortlist)} of each, and one shortlist per need of the problem, in need id order, each made
   * with the same limits.
   *
   * @param problem the problem
   * @param shortlists its shortlists
   * @return one line per problem, empty if the shortlists are right
   */
  public static ImmutableList<String> shortlistProblems(MatchingProblem problem, Shortlists shortlists) {
    checkNotNull(problem, "problem");
    checkNotNull(shortlists, "shortlists");
    ImmutableList.Builder<String> out = ImmutableList.builder();
    List<NeedId> expected = problem.needs().stream().map(Need::id).toList();
    List<NeedId> listed = shortlists.all().stream().map(Shortlist::need).toList();
    if (!expected.equals(listed)) {
      out.add("shortlists are for needs " + listed + " but the problem's needs are " + expected);
    }
    for (Shortlist s : shortlists.all()) {
      if (s.k() != shortlists.k() || s.nearMissLimit() != shortlists.nearMissLimit()) {
        out.add("shortlist of " + s.need() + " was made with k = " + s.k() + " and " + s.nearMissLimit()
            + " near misses, not " + shortlists.k() + " and " + shortlists.nearMissLimit());
      }
      out.addAll(shortlistProblems(problem, s));
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

  /** An entry of a shortlist, candidate or near miss, as the checks read it. */
  private record Entry(int rank, OrganizationId supplier, ScoreBreakdown score, int capacity, int capacityLeft,
      String kind) {}

  /** Ranks, scores, order and capacities of a list; returns the supplier indices listed. */
  private static Set<Integer> checkRanking(MatchingProblem problem, String at, List<Entry> entries, double[] score,
      Map<OrganizationId, Integer> locked, ImmutableList.Builder<String> out) {
    MatchContext ctx = problem.context();
    Set<Integer> listed = new HashSet<>();
    int previous = -1;
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (e.rank != i + 1) {
        out.add(at + e.kind + " " + e.supplier + " has rank " + e.rank + " at place " + (i + 1));
      }
      OptionalInt s = ctx.supplierIndex(e.supplier);
      if (s.isEmpty()) {
        out.add(at + e.kind + " " + e.supplier + " is not a candidate supplier of the problem");
        continue;
      }
      int j = s.getAsInt();
      if (!listed.add(j)) {
        out.add(at + e.kind + " " + e.supplier + " is listed twice");
      }
      double expected = score[j];
      double total = e.score.total();
      if (!(Math.abs(total - expected) <= 1e-9 * Math.max(1.0, Math.abs(expected)))) {
        out.add(at + e.kind + " " + e.supplier + " has score " + total + " but the scorer gives " + expected);
      }
      int capacity = problem.capacityAt(j);
      int left = capacity - locked.getOrDefault(e.supplier, 0);
      if (e.capacity != capacity || e.capacityLeft != left) {
        out.add(at + e.kind + " " + e.supplier + " shows capacity " + e.capacityLeft + " of " + e.capacity
            + " free but has " + left + " of " + capacity);
      }
      if (previous >= 0 && ranksBefore(score, j, previous)) {
        out.add(at + e.kind + " " + e.supplier + " (" + score[j] + ") is ranked after "
            + ctx.suppliers().get(previous).id() + " (" + score[previous] + ")");
      }
      previous = j;
    }
    return listed;
  }

  /** Whether supplier a ranks before supplier b: higher score, or equal score and smaller id. */
  private static boolean ranksBefore(double[] score, int a, int b) {
    return score[a] > score[b] || (score[a] == score[b] && a < b);
  }

  private static void checkComplete(String at, String kind, int k, List<Entry> entries, Set<Integer> listed,
      int total, double[] score, java.util.function.IntPredicate belongs, List<Organization> suppliers,
      ImmutableList.Builder<String> out) {
    if (entries.size() != Math.min(k, total)) {
      out.add(at + "lists " + entries.size() + " " + kind + "s but min(k = " + k + ", " + total + ") are due");
    }
    if (listed.isEmpty()) {
      return;
    }
    int last = -1;
    for (int j : listed) {
      if (last < 0 || ranksBefore(score, last, j)) {
        last = j;
      }
    }
    for (int j = 0; j < suppliers.size(); j++) {
      if (belongs.test(j) && !listed.contains(j) && ranksBefore(score, j, last)) {
        out.add(at + kind + " " + suppliers.get(j).id() + " (" + score[j] + ") is left out but ranks before the last"
            + " listed, " + suppliers.get(last).id() + " (" + score[last] + ")");
      }
    }
  }
}
