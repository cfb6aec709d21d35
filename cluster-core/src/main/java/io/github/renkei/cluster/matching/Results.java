package io.github.renkei.cluster.matching;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.Organization;
import java.util.ArrayList;
import io.github.renkei.cluster.model.OrganizationId;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Turns a matcher's choice of one edge (or none) per row into a {@link MatchResult}. */
final class Results {

  /** How many full suppliers a summary names before "and N more". */
  private static final int NAMED = 5;

  private Results() {}

  static MatchResult of(String matcher, EligibilityGraph g, int[] edgeOfRow) {
    MatchingProblem p = g.problem;
    MatchContext ctx = p.context();
    List<Need> needs = p.needs();
    int[] supplierOfNeed = new int[needs.size()];
    java.util.Arrays.fill(supplierOfNeed, -1);
    boolean[] isLocked = new boolean[needs.size()];
    for (int j = 0; j < g.locked.length; j++) {
      for (int n : g.locked[j]) {
        supplierOfNeed[n] = j;
        isLocked[n] = true;
      }
    }
    for (int r = 0; r < g.rows(); r++) {
      if (edgeOfRow[r] >= 0) {
        supplierOfNeed[g.needIndex[r]] = g.supplier[edgeOfRow[r]];
      }
    }
    List<List<NeedId>> takenBy = new ArrayList<>();
    for (int j = 0; j < g.suppliers(); j++) {
      takenBy.add(new ArrayList<>());
    }
    ImmutableList.Builder<Assignment> assignments = ImmutableList.builder();
    // the matched needs of each limited requester, for explanations
    Map<OrganizationId, List<NeedId>> takenFromRequester = new HashMap<>();
    for (int n = 0; n < needs.size(); n++) {
      int j = supplierOfNeed[n];
      if (j >= 0) {
        Need need = needs.get(n);
        if (p.requesterCapacity(need.requester()).isPresent()) {
          takenFromRequester.computeIfAbsent(need.requester(), k -> new ArrayList<>()).add(need.id());
        }
        Organization s = ctx.suppliers().get(j);
        ScoreBreakdown score = p.scorer().explain(need, s, ctx);
        Scorers.checked(score.total(), p.scorer(), need, s);
        assignments.add(new Assignment(need.id(), s.id(), score, isLocked[n]));
        takenBy.get(j).add(need.id());
      }
    }
    ImmutableList.Builder<Unmatched> unmatched = ImmutableList.builder();
    for (int r = 0; r < g.rows(); r++) {
      if (edgeOfRow[r] < 0) {
        unmatched.add(new Unmatched(g.need(r).id(), explain(g, r, takenBy, takenFromRequester)));
      }
    }
    return new MatchResult(matcher, assignments.build(), unmatched.build());
  }

  private static Explanation explain(EligibilityGraph g, int row, List<List<NeedId>> takenBy,
      Map<OrganizationId, List<NeedId>> takenFromRequester) {
    MatchingProblem p = g.problem;
    MatchContext ctx = p.context();
    Need need = g.need(row);
    int all = ctx.suppliers().size();
    List<Constraint> constraints = p.constraints();
    BitSet[] admitted = new BitSet[constraints.size()];
    Map<String, Integer> excludedBy = new LinkedHashMap<>();
    for (int c = 0; c < constraints.size(); c++) {
      admitted[c] = ctx.allSuppliers();
      constraints.get(c).restrict(need, ctx, admitted[c]);
      String name = constraints.get(c).name();
      String key = name;
      for (int k = 2; excludedBy.containsKey(key); k++) {
        key = name + "#" + k;
      }
      excludedBy.put(key, all - admitted[c].cardinality());
    }
    int eligible = g.offset[row + 1] - g.offset[row];
    ImmutableList.Builder<Explanation.FullSupplier> full = ImmutableList.builder();
    List<String> named = new ArrayList<>();
    int free = 0;
    for (int e = g.offset[row]; e < g.offset[row + 1]; e++) {
      int j = g.supplier[e];
      int capacity = p.capacityAt(j);
      List<NeedId> took = takenBy.get(j);
      if (took.size() < capacity) {
        free++;
        continue;
      }
      full.add(new Explanation.FullSupplier(ctx.suppliers().get(j).id(), capacity, ImmutableList.copyOf(took)));
      if (named.size() < NAMED) {
        named.add(ctx.suppliers().get(j).id() + (took.isEmpty()
            ? " (capacity 0)"
            : " (taken by " + String.join(", ", took.stream().map(NeedId::value).toList()) + ")"));
      }
    }
    Optional<Explanation.FullRequester> fullRequester = Optional.empty();
    OptionalInt requesterCapacity = p.requesterCapacity(need.requester());
    if (requesterCapacity.isPresent()) {
      List<NeedId> took = takenFromRequester.getOrDefault(need.requester(), List.of());
      if (took.size() >= requesterCapacity.getAsInt()) {
        fullRequester = Optional.of(new Explanation.FullRequester(need.requester(), requesterCapacity.getAsInt(),
            ImmutableList.copyOf(took)));
      }
    }
    String summary;
    if (all == 0) {
      summary = "the problem has no candidate suppliers";
    } else if (eligible == 0) {
      summary = "no supplier " + String.join(", ", cover(need, ctx, constraints, admitted, all));
    } else if (fullRequester.isPresent()) {
      Explanation.FullRequester f = fullRequester.get();
      summary = "its requester " + f.requester() + " is at capacity " + f.capacity() + (f.takenBy().isEmpty() ? ""
          : " (taken by " + String.join(", ", f.takenBy().stream().limit(NAMED).map(NeedId::value).toList())
              + (f.takenBy().size() > NAMED ? " and " + (f.takenBy().size() - NAMED) + " more" : "") + ")");
    } else if (free > 0) {
      summary = free + " of " + eligible + " eligible suppliers had capacity left, but the matcher left the need"
          + " unmatched";
    } else {
      summary = (eligible == 1 ? "the only eligible supplier is full: " : "all " + eligible + " eligible suppliers are full: ")
          + String.join("; ", named) + (eligible > named.size() ? "; and " + (eligible - named.size()) + " more" : "");
    }
    return new Explanation(ImmutableMap.copyOf(excludedBy), eligible, full.build(), summary, fullRequester);
  }

  /**
   * A small set of constraints that together exclude every supplier, chosen greedily (each
   * time the one that leaves fewest), phrased in constraint order. Chain explanations use it too.
   */
  static List<String> cover(Need need, MatchContext ctx, List<Constraint> constraints, BitSet[] admitted,
      int all) {
    BitSet remaining = new BitSet(all);
    remaining.set(0, all);
    boolean[] chosen = new boolean[constraints.size()];
    while (!remaining.isEmpty()) {
      int best = -1;
      int bestLeft = Integer.MAX_VALUE;
      for (int c = 0; c < constraints.size(); c++) {
        if (chosen[c]) {
          continue;
        }
        BitSet left = (BitSet) remaining.clone();
        left.and(admitted[c]);
        if (left.cardinality() < bestLeft) {
          bestLeft = left.cardinality();
          best = c;
        }
      }
      if (best < 0 || bestLeft == remaining.cardinality()) {
        break;
      }
      chosen[best] = true;
      remaining.and(admitted[best]);
    }
    List<String> phrases = new ArrayList<>();
    for (int c = 0; c < constraints.size(); c++) {
      if (chosen[c]) {
        phrases.add(constraints.get(c).requirement(need, ctx));
      }
    }
    if (phrases.isEmpty()) {
      phrases.add("passes every constraint");
    }
    return phrases;
  }
}
