package io.github.renkei.cluster.matching;

import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * An independent model of a {@link MatchingProblem} without locks, for checking matchers by
 * brute force. It uses only the public API: eligibility is every constraint's
 * {@link Constraint#check}, scores come straight from the scorers, and preferences are
 * written out here from the specification, not taken from {@link StableMatcher} or
 * {@link MatchChecks}:
 *
 * <ul>
 *   <li>a need prefers the higher score, ties to the supplier with the smaller id, and any
 *       eligible supplier to being unmatched;
 *   <li>a supplier prefers the higher supplier-score, ties to the need with the smaller id;
 *       with room left, it accepts any eligible need;
 *   <li>a requester with a requester capacity ranks its (need, supplier) pairs by the need-side
 *       score, ties to the smaller need id, then the smaller supplier id; it takes a pair if it
 *       has room, or the pair's need is matched (and prefers it), or it prefers the pair to one
 *       of its own.
 * </ul>
 *
 * A matching is an array: for each need (in the problem's order) the index of its supplier in
 * the problem's supplier list, or -1.
 */
final class BruteForce {

  final MatchingProblem problem;
  final List<Need> needs;
  final List<Organization> suppliers;
  final int[] capacity;
  final boolean[][] eligible;
  final double[][] score;
  final double[][] supplierScore;
  /** For each need, its requester's index; for each requester, its capacity (MAX_VALUE: none). */
  final int[] requesterOf;
  final int[] requesterCapacity;

  private BruteForce(MatchingProblem problem) {
    if (!problem.locks().isEmpty()) {
      throw new IllegalArgumentException("the brute force does not model locks");
    }
    this.problem = problem;
    this.needs = problem.needs();
    this.suppliers = problem.suppliers();
    int n = needs.size();
    int s = suppliers.size();
    capacity = new int[s];
    for (int j = 0; j < s; j++) {
      capacity[j] = problem.capacity(suppliers.get(j).id());
    }
    eligible = new boolean[n][s];
    score = new double[n][s];
    supplierScore = new double[n][s];
    requesterOf = new int[n];
    List<OrganizationId> requesters = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      OrganizationId r = needs.get(i).requester();
      if (!requesters.contains(r)) {
        requesters.add(r);
      }
      requesterOf[i] = requesters.indexOf(r);
    }
    requesterCapacity = new int[requesters.size()];
    for (int k = 0; k < requesters.size(); k++) {
      requesterCapacity[k] = problem.requesterCapacity(requesters.get(k)).orElse(Integer.MAX_VALUE);
    }
    MatchContext ctx = problem.context();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < s; j++) {
        Need need = needs.get(i);
        Organization supplier = suppliers.get(j);
        boolean ok = true;
        for (Constraint c : problem.constraints()) {
          ok &= c.check(need, supplier, ctx).isEmpty();
        }
        eligible[i][j] = ok;
        if (ok) {
          score[i][j] = problem.scorer().score(need, supplier, ctx);
          supplierScore[i][j] = problem.supplierScorer().score(need, supplier, ctx);
        }
      }
    }
  }

  static BruteForce of(MatchingProblem problem) {
    return new BruteForce(problem);
  }

  int needCount() {
    return needs.size();
  }

  int supplierCount() {
    return suppliers.size();
  }

  int needIndex(NeedId id) {
    for (int i = 0; i < needs.size(); i++) {
      if (needs.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new AssertionError("unknown need " + id);
  }

  int supplierIndex(OrganizationId id) {
    for (int j = 0; j < suppliers.size(); j++) {
      if (suppliers.get(j).id().equals(id)) {
        return j;
      }
    }
    throw new AssertionError("unknown supplier " + id);
  }

  /** The matching a result describes. */
  int[] matchingOf(MatchResult result) {
    int[] m = new int[needs.size()];
    Arrays.fill(m, -1);
    for (Assignment a : result.assignments()) {
      m[needIndex(a.need())] = supplierIndex(a.supplier());
    }
    return m;
  }

  /** Whether need i prefers supplier a to b (b = -1: unmatched). a must be eligible. */
  boolean needPrefers(int i, int a, int b) {
    if (b < 0) {
      return true;
    }
    if (score[i][a] != score[i][b]) {
      return score[i][a] > score[i][b];
    }
    return suppliers.get(a).id().compareTo(suppliers.get(b).id()) < 0;
  }

  /** Whether need i weakly prefers supplier a to b (either may be -1). */
  boolean needWeaklyPrefers(int i, int a, int b) {
    if (a == b) {
      return true;
    }
    return a >= 0 && needPrefers(i, a, b);
  }

  /** Whether supplier j prefers need a to need b. */
  boolean supplierPrefers(int j, int a, int b) {
    if (supplierScore[a][j] != supplierScore[b][j]) {
      return supplierScore[a][j] > supplierScore[b][j];
    }
    return needs.get(a).id().compareTo(needs.get(b).id()) < 0;
  }

  /** Whether the requester of needs a and b prefers pair (a, ja) to (b, jb). */
  boolean requesterPrefers(int a, int ja, int b, int jb) {
    if (score[a][ja] != score[b][jb]) {
      return score[a][ja] > score[b][jb];
    }
    int c = needs.get(a).id().compareTo(needs.get(b).id());
    if (c != 0) {
      return c < 0;
    }
    return suppliers.get(ja).id().compareTo(suppliers.get(jb).id()) < 0;
  }

  /** Whether need i's requester would take the pair (i, j) in matching m. */
  boolean requesterWants(int[] m, int i, int j) {
    int k = requesterOf[i];
    if (requesterCapacity[k] == Integer.MAX_VALUE || m[i] >= 0) {
      return true;
    }
    int held = 0;
    boolean beats = false;
    for (int x = 0; x < m.length; x++) {
      if (requesterOf[x] == k && m[x] >= 0) {
        held++;
        beats |= requesterPrefers(i, j, x, m[x]);
      }
    }
    return held < requesterCapacity[k] || beats;
  }

  /** The needs a matching gives supplier j. */
  List<Integer> needsOf(int[] m, int j) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < m.length; i++) {
      if (m[i] == j) {
        out.add(i);
      }
    }
    return out;
  }

  /** Blocking pairs {need, supplier} in need, then supplier, order. */
  List<int[]> blockingPairs(int[] m) {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < suppliers.size(); j++) {
        if (!eligible[i][j] || m[i] == j || !needPrefers(i, j, m[i])) {
          continue;
        }
        List<Integer> held = needsOf(m, j);
        boolean wants = held.size() < capacity[j];
        for (int k : held) {
          wants |= supplierPrefers(j, i, k);
        }
        if (wants && requesterWants(m, i, j)) {
          out.add(new int[] {i, j});
        }
      }
    }
    return out;
  }

  boolean isStable(int[] m) {
    return blockingPairs(m).isEmpty();
  }

  /** Calls the action with every feasible matching (the array is reused: copy it to keep it). */
  void forEachFeasible(Consumer<int[]> action) {
    int[] m = new int[needs.size()];
    int[] load = new int[suppliers.size()];
    int[] requesterLoad = new int[requesterCapacity.length];
    enumerate(0, m, load, requesterLoad, action);
  }

  private void enumerate(int i, int[] m, int[] load, int[] requesterLoad, Consumer<int[]> action) {
    if (i == m.length) {
      action.accept(m);
      return;
    }
    m[i] = -1;
    enumerate(i + 1, m, load, requesterLoad, action);
    int k = requesterOf[i];
    if (requesterLoad[k] < requesterCapacity[k]) {
      for (int j = 0; j < suppliers.size(); j++) {
        if (eligible[i][j] && load[j] < capacity[j]) {
          m[i] = j;
          load[j]++;
          requesterLoad[k]++;
          enumerate(i + 1, m, load, requesterLoad, action);
          requesterLoad[k]--;
          load[j]--;
        }
      }
    }
    m[i] = -1;
  }

  List<int[]> stableMatchings() {
    List<int[]> out = new ArrayList<>();
    forEachFeasible(m -> {
      if (isStable(m)) {
        out.add(m.clone());
      }
    });
    return out;
  }

  double total(int[] m) {
    double t = 0;
    for (int i = 0; i < m.length; i++) {
      if (m[i] >= 0) {
        t += score[i][m[i]];
      }
    }
    return t;
  }

  static int matched(int[] m) {
    int c = 0;
    for (int j : m) {
      if (j >= 0) {
        c++;
      }
    }
    return c;
  }

  /** The best total over all feasible matchings. */
  double bestTotal() {
    double[] best = {0};
    forEachFeasible(m -> best[0] = Math.max(best[0], total(m)));
    return best[0];
  }

  /** The most needs any feasible matching serves, and the best total among those matchings. */
  double[] mostMatchesThenBestTotal() {
    double[] best = {0, 0};
    forEachFeasible(m -> {
      int c = matched(m);
      double t = total(m);
      if (c > best[0] || (c == best[0] && t > best[1])) {
        best[0] = c;
        best[1] = t;
      }
    });
    return best;
  }

  /** For printing a matching in a failure message. */
  String describe(int[] m) {
    StringBuilder s = new StringBuilder("{");
    for (int i = 0; i < m.length; i++) {
      s.append(i == 0 ? "" : ", ").append(needs.get(i).id()).append("->")
          .append(m[i] < 0 ? "-" : suppliers.get(m[i]).id().value());
    }
    return s.append('}').toString();
  }

  /** |a - b| within a relative 1e-9 (absolute near zero). */
  static boolean close(double a, double b) {
    return Math.abs(a - b) <= 1e-9 * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
  }

  /** a >= b up to a relative 1e-9. */
  static boolean atLeast(double a, double b) {
    return a >= b || close(a, b);
  }
}
