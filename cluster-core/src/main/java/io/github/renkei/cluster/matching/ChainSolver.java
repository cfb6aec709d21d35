package io.github.renkei.cluster.matching;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.regulation.ManufacturingStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * The chain matchers' shared work: each role's eligible suppliers, best first, with scores
 * quantized to longs (so sums compare exactly), the best team of one chain under the capacity
 * left, the greedy and branch-and-bound searches, and the result with its explanations. One per
 * call; not thread-safe.
 */
final class ChainSolver {

  private static final long MAX_Q = 1L << 30;
  /** How many full suppliers a summary names before "and N more". */
  private static final int NAMED = 5;

  private final ChainProblem problem;
  private final EligibilityGraph g;
  private final int chainCount;
  /** [chain][role] units of capacity used. */
  private final int[][] use;
  /** [chain][role] eligible suppliers, best first (ties: smaller supplier index). */
  private final int[][][] cand;
  /** [chain][role] quantized scores of {@link #cand}. */
  private final long[][][] q;
  /** [chain][role] the role's row in the eligibility graph (its suppliers in index order). */
  private final int[][] rows;
  private final int[] capacity;
  private final int maxRoles;

  // scratch of bestTeam
  private final int[] teamScratch;
  private final long[] suffixScratch;
  private long teamBest;
  private int[] teamOut;

  ChainSolver(ChainProblem problem) {
    this.problem = problem;
    this.g = problem.roleProblem().graph();
    List<ChainNeed> chains = problem.chains();
    this.chainCount = chains.size();
    this.capacity = g.capacity.clone();
    double max = 0;
    boolean integral = true;
    for (double s : g.score) {
      max = Math.max(max, s);
      integral &= s == Math.rint(s);
    }
    boolean asIs = integral && max <= MAX_Q;
    this.use = new int[chainCount][];
    this.cand = new int[chainCount][][];
    this.q = new long[chainCount][][];
    this.rows = new int[chainCount][];
    int most = 0;
    for (int c = 0; c < chainCount; c++) {
      ChainNeed chain = chains.get(c);
      int m = chain.roles().size();
      most = Math.max(most, m);
      use[c] = new int[m];
      cand[c] = new int[m][];
      q[c] = new long[m][];
      rows[c] = new int[m];
      for (int k = 0; k < m; k++) {
        ChainRole role = chain.roles().get(k);
        use[c][k] = role.capacityUse();
        int row = g.rowOf(ChainNeed.roleNeedId(chain.id(), role.step()));
        rows[c][k] = row;
        int from = g.offset[row];
        int n = g.offset[row + 1] - from;
        // best first, ties by supplier index (the row's order): one primitive sort of
        // (MAX_Q - q) << 32 | position, which is below 2^63 since q <= MAX_Q = 2^30
        long[] keys = new long[n];
        for (int e = 0; e < n; e++) {
          double s = g.score[from + e];
          long qe = asIs ? (long) s : max == 0 ? 0 : Math.round(s / max * MAX_Q);
          keys[e] = (MAX_Q - qe) << 32 | e;
        }
        Arrays.sort(keys);
        cand[c][k] = new int[n];
        q[c][k] = new long[n];
        for (int i = 0; i < n; i++) {
          int e = (int) (keys[i] & 0xFFFF_FFFFL);
          cand[c][k][i] = g.supplier[from + e];
          q[c][k][i] = MAX_Q - (keys[i] >>> 32);
        }
      }
    }
    this.maxRoles = most;
    this.teamScratch = new int[most];
    this.suffixScratch = new long[most + 1];
  }

  // ------------------------------------------------------------------ one chain

  /**
   * The best team of chain c in the capacity left (exact, by depth-first search over its roles
   * with the per-role best as bound; ties: the first in role, then candidate order).
   *
   * @param out receives the supplier of each role
   * @return the team's quantized score, or -1 if no team fits
   */
  long bestTeam(int c, int[] remaining, int[] out) {
    int m = use[c].length;
    suffixScratch[m] = 0;
    for (int k = m - 1; k >= 0; k--) {
      long best = bestAvailable(c, k, remaining);
      if (best < 0) {
        return -1;
      }
      suffixScratch[k] = suffixScratch[k + 1] + best;
    }
    teamBest = -1;
    teamOut = out;
    teamSearch(c, 0, 0, remaining);
    return teamBest;
  }

  /** The best quantized score among the suppliers of role k with room for it, or -1. */
  private long bestAvailable(int c, int k, int[] remaining) {
    int[] js = cand[c][k];
    int u = use[c][k];
    for (int i = 0; i < js.length; i++) {
      if (remaining[js[i]] >= u) {
        return q[c][k][i];
      }
    }
    return -1;
  }

  private void teamSearch(int c, int k, long value, int[] remaining) {
    int m = use[c].length;
    if (k == m) {
      if (value > teamBest) {
        teamBest = value;
        System.arraycopy(teamScratch, 0, teamOut, 0, m);
      }
      return;
    }
    int[] js = cand[c][k];
    long[] qs = q[c][k];
    int u = use[c][k];
    for (int i = 0; i < js.length; i++) {
      if (value + qs[i] + suffixScratch[k + 1] <= teamBest) {
        return;
      }
      int j = js[i];
      if (remaining[j] < u) {
        continue;
      }
      remaining[j] -= u;
      teamScratch[k] = j;
      teamSearch(c, k + 1, value + qs[i], remaining);
      remaining[j] += u;
    }
  }

  private void take(int c, int[] team, int[] remaining) {
    for (int k = 0; k < team.length; k++) {
      remaining[team[k]] -= use[c][k];
    }
  }

  private long value(int c, int[] team) {
    long v = 0;
    for (int k = 0; k < team.length; k++) {
      int j = team[k];
      int[] js = cand[c][k];
      for (int i = 0; i < js.length; i++) {
        if (js[i] == j) {
          v += q[c][k][i];
          break;
        }
      }
    }
    return v;
  }

  // ------------------------------------------------------------------ greedy

  /**
   * Lazy greedy: repeatedly fills the chain whose best team in the capacity left scores highest
   * (ties: the smaller chain id). Keys are upper bounds, since a team's best only falls as
   * capacity is used, so a chain whose recomputed best still equals its key is the maximum.
   */
  int[][] greedy() {
    int[][] teams = new int[chainCount][];
    int[] remaining = capacity.clone();
    long[] key = new long[chainCount];
    PriorityQueue<Integer> heap = new PriorityQueue<>(Math.max(1, chainCount), (a, b) -> {
      int cmp = Long.compare(key[b], key[a]);
      return cmp != 0 ? cmp : Integer.compare(a, b);
    });
    int[] team = new int[maxRoles];
    for (int c = 0; c < chainCount; c++) {
      long v = bestTeam(c, remaining, team);
      if (v >= 0) {
        key[c] = v;
        heap.add(c);
      }
    }
    while (!heap.isEmpty()) {
      int c = heap.poll();
      long v = bestTeam(c, remaining, team);
      if (v < 0) {
        continue;
      }
      if (v == key[c]) {
        teams[c] = Arrays.copyOf(team, use[c].length);
        take(c, teams[c], remaining);
      } else {
        key[c] = v;
        heap.add(c);
      }
    }
    return teams;
  }

  // ------------------------------------------------------------------ optimal

  /**
   * Exact maximum of the quantized total score: the greedy solution as the incumbent, then an
   * independent branch and bound per group of chains that compete for a supplier, then any
   * unfilled chain that still fits is filled (with a score of 0, so the total does not fall).
   */
  int[][] optimal(int maxChains, long maxNodes) {
    int[][] teams = greedy();
    int[] team = new int[maxRoles];
    boolean[] feasible = new boolean[chainCount];
    long[] alone = new long[chainCount];
    long[] demand = new long[capacity.length];
    for (int c = 0; c < chainCount; c++) {
      alone[c] = bestTeam(c, capacity.clone(), team);
      feasible[c] = alone[c] >= 0;
      if (feasible[c]) {
        for (int k = 0; k < use[c].length; k++) {
          for (int j : cand[c][k]) {
            demand[j] += use[c][k];
          }
        }
      }
    }
    // chains joined by a supplier that cannot take every role that might go to it
    int[] parent = new int[chainCount];
    for (int c = 0; c < chainCount; c++) {
      parent[c] = c;
    }
    int[] firstChain = new int[capacity.length];
    Arrays.fill(firstChain, -1);
    for (int c = 0; c < chainCount; c++) {
      if (!feasible[c]) {
        continue;
      }
      for (int k = 0; k < use[c].length; k++) {
        for (int j : cand[c][k]) {
          if (demand[j] > capacity[j]) {
            if (firstChain[j] < 0) {
              firstChain[j] = c;
            } else {
              union(parent, firstChain[j], c);
            }
          }
        }
      }
    }
    Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
    for (int c = 0; c < chainCount; c++) {
      if (feasible[c]) {
        groups.computeIfAbsent(find(parent, c), x -> new ArrayList<>()).add(c);
      }
    }
    for (List<Integer> group : groups.values()) {
      if (group.size() == 1) {
        int c = group.get(0);
        bestTeam(c, capacity.clone(), team);
        teams[c] = Arrays.copyOf(team, use[c].length);
        continue;
      }
      if (group.size() > maxChains) {
        throw new IllegalArgumentException("optimal chain matching is exact for groups of at most " + maxChains
            + " chain needs that compete for suppliers, but " + group.size() + " compete here (" + names(group)
            + "); use ChainMatchers.greedy() or raise the limit with ChainMatchers.optimal(maxChains, maxNodes)");
      }
      new BranchAndBound(group, alone, teams, maxNodes).run();
    }
    int[] remaining = capacity.clone();
    for (int c = 0; c < chainCount; c++) {
      if (teams[c] != null) {
        take(c, teams[c], remaining);
      }
    }
    for (int c = 0; c < chainCount; c++) {
      if (teams[c] == null && feasible[c] && bestTeam(c, remaining, team) >= 0) {
        teams[c] = Arrays.copyOf(team, use[c].length);
        take(c, teams[c], remaining);
      }
    }
    return teams;
  }

  private String names(List<Integer> group) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < group.size() && i < NAMED; i++) {
      ids.add(problem.chains().get(group.get(i)).id().value());
    }
    return String.join(", ", ids) + (group.size() > NAMED ? ", and " + (group.size() - NAMED) + " more" : "");
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  /**
   * Depth-first branch and bound over one group: chains in order of their best score alone
   * (ties: id), each either filled — role by role, suppliers best first — or left unfilled. The
   * bound of a node adds, for every chain still open, the sum of its roles' best scores among
   * suppliers with room left: an upper bound, since it lets chains share what only one can have.
   * A second bound prices the suppliers' capacity (a Lagrangian relaxation, prices fitted once at
   * the root), which stops chains from sharing a supplier for free; a node is cut by either.
   */
  private final class BranchAndBound {
    private final int[] order;
    private final int[][] teams;
    private final long maxNodes;
    private final int[] remaining = capacity.clone();
    private final int[][] current;
    private final int[][] best;
    private long bestValue;
    private long nodes;
    /** Lagrange multipliers of the suppliers' capacities, fitted at the root. */
    private final double[] price = new double[capacity.length];

    BranchAndBound(List<Integer> group, long[] alone, int[][] teams, long maxNodes) {
      Integer[] sorted = group.toArray(new Integer[0]);
      Arrays.sort(sorted, (a, b) -> alone[a] != alone[b] ? Long.compare(alone[b], alone[a]) : Integer.compare(a, b));
      this.order = Arrays.stream(sorted).mapToInt(Integer::intValue).toArray();
      this.teams = teams;
      this.maxNodes = maxNodes;
      this.current = new int[order.length][];
      this.best = new int[order.length][];
      for (int i = 0; i < order.length; i++) {
        int c = order[i];
        current[i] = new int[use[c].length];
        if (teams[c] != null) {
          best[i] = teams[c].clone();
          bestValue += value(c, teams[c]);
        }
      }
    }

    void run() {
      fitPrices();
      search(0, 0);
      for (int i = 0; i < order.length; i++) {
        teams[order[i]] = best[i] == null ? null : best[i].clone();
      }
    }

    private void count() {
      if (++nodes > maxNodes) {
        throw new IllegalArgumentException("optimal chain matching gave up after its limit of " + maxNodes
            + " search nodes on a group of " + order.length + " chain needs that compete for suppliers ("
            + names(Arrays.stream(order).boxed().toList()) + "); use ChainMatchers.greedy() or raise the limit with"
            + " ChainMatchers.optimal(maxChains, maxNodes)");
      }
    }

    /**
     * The Lagrangian bound of the open part of the search: with prices {@code λ ≥ 0} on the
     * suppliers' capacity left, {@code Σ λ·left + Σ over the open roles of chain i from role k
     * of max (q - λ·use) + Σ over chains after i of max(0, Σ over roles of max (q - λ·use))},
     * each max over suppliers with room. Any feasible completion scores at most this (its
     * capacity slack is non-negative), whatever the prices; good prices make it tight.
     */
    private double priced(int i, int k) {
      double total = 0;
      for (int j = 0; j < price.length; j++) {
        total += price[j] * remaining[j];
      }
      if (k >= 0) {
        int c = order[i];
        for (int r = k; r < use[c].length; r++) {
          double b = bestReduced(c, r);
          if (b == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
          }
          total += b;
        }
        i++;
      }
      for (int t = i; t < order.length; t++) {
        total += Math.max(0, chainReduced(order[t]));
      }
      return total;
    }

    private double chainReduced(int c) {
      double chain = 0;
      for (int r = 0; r < use[c].length; r++) {
        double b = bestReduced(c, r);
        if (b == Double.NEGATIVE_INFINITY) {
          return 0;
        }
        chain += b;
      }
      return chain;
    }

    /** The best {@code q - λ·use} among the suppliers of a role with room, or -∞. */
    private double bestReduced(int c, int r) {
      double best = Double.NEGATIVE_INFINITY;
      int u = use[c][r];
      int[] js = cand[c][r];
      long[] qs = q[c][r];
      for (int e = 0; e < js.length; e++) {
        int j = js[e];
        if (remaining[j] >= u) {
          best = Math.max(best, qs[e] - price[j] * u);
        }
      }
      return best;
    }

    /** Whether a node whose bound is {@code ub} cannot beat the incumbent by a whole unit. */
    private boolean cut(double ub) {
      // scores are longs, so a better solution is better by at least 1; the margin covers the
      // rounding of the doubles in the bound
      return ub < bestValue + 1 - 1e-3;
    }

    /**
     * Subgradient optimization of the prices at the root (Held and Karp, "The traveling-salesman
     * problem and minimum spanning trees: part II", Math. Programming 1 (1971); Fisher, "The
     * Lagrangian relaxation method for solving integer programming problems", Management Science
     * 27 (1981)): step {@code α (UB - LB) / |g|²} against the capacity slack g, α halved when the
     * bound stalls; the best prices found are kept.
     */
    private void fitPrices() {
      double[] bestPrice = price.clone();
      double bestBound = priced(0, -1);
      double alpha = 2;
      int stall = 0;
      double[] slack = new double[price.length];
      for (int iter = 0; iter < 200 && alpha > 1e-4; iter++) {
        double bound = priced(0, -1);
        if (bound < bestBound - 1e-9) {
          bestBound = bound;
          System.arraycopy(price, 0, bestPrice, 0, price.length);
          stall = 0;
        } else if (++stall >= 5) {
          alpha /= 2;
          stall = 0;
        }
        if (bound < bestValue + 1) {
          break;
        }
        for (int j = 0; j < slack.length; j++) {
          slack[j] = capacity[j];
        }
        for (int t = 0; t < order.length; t++) {
          int c = order[t];
          if (chainReduced(c) <= 0) {
            continue;
          }
          for (int r = 0; r < use[c].length; r++) {
            int j = argReduced(c, r);
            slack[j] -= use[c][r];
          }
        }
        double norm = 0;
        for (int j = 0; j < slack.length; j++) {
          if (price[j] > 0 || slack[j] < 0) {
            norm += slack[j] * slack[j];
          }
        }
        if (norm == 0) {
          break;
        }
        double step = alpha * (bound - bestValue) / norm;
        for (int j = 0; j < price.length; j++) {
          price[j] = Math.max(0, price[j] - step * slack[j]);
        }
      }
      System.arraycopy(bestPrice, 0, price, 0, price.length);
    }

    /** The supplier of the best {@code q - λ·use} of a role (ties: the earlier candidate). */
    private int argReduced(int c, int r) {
      double best = Double.NEGATIVE_INFINITY;
      int arg = -1;
      int u = use[c][r];
      for (int e = 0; e < cand[c][r].length; e++) {
        int j = cand[c][r][e];
        double v = q[c][r][e] - price[j] * u;
        if (remaining[j] >= u && v > best) {
          best = v;
          arg = j;
        }
      }
      return arg;
    }

    /** The sum over chains i.. of their roles' best scores among suppliers with room. */
    private long openBound(int from) {
      long total = 0;
      for (int i = from; i < order.length; i++) {
        int c = order[i];
        long chain = 0;
        for (int k = 0; k < use[c].length; k++) {
          long b = bestAvailable(c, k, remaining);
          if (b < 0) {
            chain = 0;
            break;
          }
          chain += b;
        }
        total += chain;
      }
      return total;
    }

    private void search(int i, long value) {
      count();
      if (i == order.length) {
        if (value > bestValue) {
          bestValue = value;
          for (int t = 0; t < order.length; t++) {
            best[t] = current[t] == null ? null : current[t].clone();
          }
        }
        return;
      }
      if (value + openBound(i) <= bestValue || cut(value + priced(i, -1))) {
        return;
      }
      int c = order[i];
      int m = use[c].length;
      long[] suffix = new long[m + 1];
      boolean fits = true;
      for (int k = m - 1; k >= 0; k--) {
        long b = bestAvailable(c, k, remaining);
        if (b < 0) {
          fits = false;
          break;
        }
        suffix[k] = suffix[k + 1] + b;
      }
      int[] saved = current[i];
      if (fits) {
        current[i] = new int[m];
        fill(i, 0, value, suffix, openBound(i + 1));
      }
      current[i] = null;
      search(i + 1, value);
      current[i] = saved;
    }

    private void fill(int i, int k, long value, long[] suffix, long rest) {
      int c = order[i];
      if (k == use[c].length) {
        search(i + 1, value);
        return;
      }
      count();
      if (k > 0 && cut(value + priced(i, k))) {
        return;
      }
      int[] js = cand[c][k];
      long[] qs = q[c][k];
      int u = use[c][k];
      for (int e = 0; e < js.length; e++) {
        if (value + qs[e] + suffix[k + 1] + rest <= bestValue) {
          return;
        }
        int j = js[e];
        if (remaining[j] < u) {
          continue;
        }
        remaining[j] -= u;
        current[i][k] = j;
        fill(i, k + 1, value + qs[e], suffix, rest);
        remaining[j] += u;
      }
    }
  }

  // ------------------------------------------------------------------ result

  ChainResult result(String matcher, int[][] teams) {
    MatchContext ctx = problem.context();
    List<ChainNeed> chains = problem.chains();
    int[] remaining = capacity.clone();
    List<TreeSet<NeedId>> takenBy = new ArrayList<>();
    for (int j = 0; j < capacity.length; j++) {
      takenBy.add(new TreeSet<>());
    }
    ImmutableList.Builder<ChainAssignment> assignments = ImmutableList.builder();
    for (int c = 0; c < chainCount; c++) {
      if (teams[c] == null) {
        continue;
      }
      ChainNeed chain = chains.get(c);
      ImmutableList.Builder<RoleAssignment> roles = ImmutableList.builder();
      for (int k = 0; k < teams[c].length; k++) {
        ManufacturingStep step = chain.roles().get(k).step();
        Need need = chain.roleNeed(step);
        Organization s = ctx.suppliers().get(teams[c][k]);
        ScoreBreakdown score = problem.scorer().explain(need, s, ctx);
        Scorers.checked(score.total(), problem.scorer(), need, s);
        roles.add(new RoleAssignment(step, s.id(), score));
        remaining[teams[c][k]] -= use[c][k];
        takenBy.get(teams[c][k]).add(chain.id());
      }
      assignments.add(new ChainAssignment(chain.id(), roles.build()));
    }
    ImmutableList.Builder<UnfilledChain> unfilled = ImmutableList.builder();
    for (int c = 0; c < chainCount; c++) {
      if (teams[c] == null) {
        unfilled.add(new UnfilledChain(chains.get(c).id(), explain(c, remaining, takenBy)));
      }
    }
    return new ChainResult(matcher, assignments.build(), unfilled.build());
  }

  private ChainExplanation explain(int c, int[] remaining, List<TreeSet<NeedId>> takenBy) {
    ChainNeed chain = problem.chains().get(c);
    MatchContext ctx = problem.context();
    List<Constraint> constraints = problem.roleProblem().constraints();
    int all = ctx.suppliers().size();
    ImmutableList.Builder<ManufacturingStep> blocking = ImmutableList.builder();
    ImmutableMap.Builder<ManufacturingStep, Explanation> roles = ImmutableMap.builder();
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < use[c].length; k++) {
      ManufacturingStep step = chain.roles().get(k).step();
      Need need = chain.roleNeed(step);
      BitSet[] admitted = new BitSet[constraints.size()];
      Map<String, Integer> excludedBy = new LinkedHashMap<>();
      for (int i = 0; i < constraints.size(); i++) {
        admitted[i] = ctx.allSuppliers();
        constraints.get(i).restrict(need, ctx, admitted[i]);
        String key = constraints.get(i).name();
        for (int n = 2; excludedBy.containsKey(key); n++) {
          key = constraints.get(i).name() + "#" + n;
        }
        excludedBy.put(key, all - admitted[i].cardinality());
      }
      int u = use[c][k];
      int eligible = cand[c][k].length;
      ImmutableList.Builder<Explanation.FullSupplier> full = ImmutableList.builder();
      List<String> named = new ArrayList<>();
      int free = 0;
      for (int e = g.offset[rows[c][k]]; e < g.offset[rows[c][k] + 1]; e++) {
        int j = g.supplier[e];
        if (remaining[j] >= u) {
          free++;
          continue;
        }
        Organization s = ctx.suppliers().get(j);
        full.add(new Explanation.FullSupplier(s.id(), capacity[j], ImmutableList.copyOf(takenBy.get(j))));
        if (named.size() < NAMED) {
          named.add(s.id() + " (" + remaining[j] + " of " + capacity[j] + " left"
              + (takenBy.get(j).isEmpty() ? "" : ", taken by "
                  + String.join(", ", takenBy.get(j).stream().map(NeedId::value).toList())) + ")");
        }
      }
      String summary;
      if (all == 0) {
        summary = "the problem has no candidate suppliers";
      } else if (eligible == 0) {
        summary = "no supplier " + String.join(", ", Results.cover(need, ctx, constraints, admitted, all));
      } else if (free == 0) {
        String room = u == 1 ? "at capacity" : "without " + u + " units of capacity left";
        summary = (eligible == 1 ? "the only eligible supplier is " + room + ": "
            : "all " + eligible + " eligible suppliers are " + room + ": ")
            + String.join("; ", named) + (eligible > named.size() ? "; and " + (eligible - named.size()) + " more" : "");
      } else {
        summary = free + " of " + eligible + " eligible suppliers have room";
      }
      if (eligible == 0 || free == 0) {
        blocking.add(step);
        parts.add(ChainRole.nameOf(step) + ": " + summary);
      }
      roles.put(step, new Explanation(ImmutableMap.copyOf(excludedBy), eligible, full.build(), summary));
    }
    String summary;
    if (!parts.isEmpty()) {
      summary = String.join("; ", parts);
    } else {
      Map<Integer, List<String>> roomFor = new LinkedHashMap<>();
      for (int k = 0; k < use[c].length; k++) {
        for (int e = g.offset[rows[c][k]]; e < g.offset[rows[c][k] + 1]; e++) {
          int j = g.supplier[e];
          if (remaining[j] >= use[c][k]) {
            roomFor.computeIfAbsent(j, x -> new ArrayList<>()).add(ChainRole.nameOf(chain.roles().get(k).step()));
          }
        }
      }
      List<String> shared = new ArrayList<>();
      roomFor.forEach((j, names) -> {
        if (names.size() > 1) {
          shared.add(ctx.suppliers().get(j).id() + " (" + remaining[j] + " left) for " + String.join(" and ", names));
        }
      });
      summary = "every role has an eligible supplier with room, but no team fits at once"
          + (shared.isEmpty() ? "" : ": the roles share " + String.join("; ", shared));
    }
    return new ChainExplanation(blocking.build(), roles.build(), summary);
  }
}
