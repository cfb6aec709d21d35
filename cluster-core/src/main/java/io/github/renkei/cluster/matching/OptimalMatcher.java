package io.github.renkei.cluster.matching;

import java.util.Arrays;

/**
 * Maximum total score under capacities, exactly: a maximum-weight b-matching solved as a
 * min-cost flow by successive shortest paths with node potentials (Edmonds and Karp 1972;
 * Tomizawa 1971), on primitive arrays.
 *
 * <h2>Model</h2>
 * Each need sends one unit of flow: to a supplier it may take (cost {@code W - s}, for a score
 * {@code s} quantized to a long and {@code W} the largest), from there to the sink (capacity the
 * supplier's), or straight to the sink as "unmatched" (cost {@code W}: the same as a match of
 * score 0). Minimizing cost maximizes the total score. With
 * {@link #maximizingMatchesThenScore()}, "unmatched" costs {@code L·W + 1}, more than any
 * reassignment can save, so the most needs are served first and the score is maximized among
 * those matchings.
 *
 * <h2>Algorithm</h2>
 * A warm start assigns every need to its best supplier where that supplier has room, with
 * potentials that make those arcs tight; then each remaining need, in id order, finds its
 * shortest augmenting path over reduced costs, which the potentials keep non-negative. A path may
 * move earlier needs to other suppliers or to "unmatched".
 *
 * <p>Each path is found by <em>bidirectional</em> Dijkstra (Pohl, "Bi-directional search",
 * Machine Intelligence 6, 1971): a forward search from the need and a backward search from the
 * sink over the reversed residual arcs, starting from the suppliers that still have room. Late
 * needs must cross most of the graph to reach one of the few free slots; two searches that meet
 * halfway settle far fewer nodes than one that crosses (on the benchmark instances, 2.4–2.8 times
 * fewer arcs scanned in all). The two expand in turn, balanced by the arcs they scanned; the
 * backward one starts only once the forward one has scanned 16 times more arcs than there are
 * open suppliers, so short searches stay one-sided. They stop when the sum of their smallest keys
 * reaches the shortest path found across them (the rule of Goldberg and Harrelson, "Computing the
 * shortest path: A* search meets graph theory", SODA 2005), and, because the backward search
 * leaves out the "unmatched" arcs (one per need, all into the sink), when the forward key plus a
 * lower bound of every "unmatched" arc's reduced cost does too. Each search keeps its frontier in
 * a radix heap (Ahuja, Mehlhorn, Orlin and Tarjan, JACM 37, 1990) and ignores nodes no nearer
 * than the best path found so far.
 *
 * <p>The potentials are then updated from both searches, so a need costs what they touched: for
 * the path's length {@code D} and a split {@code m} (the forward search's last key, at most
 * {@code D}), a node settled forward at distance {@code d} adds {@code min(d, m) - m}, one settled
 * backward at distance {@code b} from the sink adds {@code max(D - b, m) - m}, and the sink adds
 * {@code D - m}. Each of the two truncated distance functions is a feasible potential on its own;
 * their sum is feasible too, because an arc gains from both only if it leaves a node within
 * {@code m} of the need and enters one within {@code D - m} of the sink, and such an arc closes a
 * path from need to sink, so it is at least as long as the two gains together; the "unmatched"
 * arcs are covered by the second stopping rule. Along the path the sum equals the forward
 * distance, so the path is tight and stays so once it is flipped. (This combination is our own
 * derivation; the one-sided update, {@code min(d, D) - D}, is the case {@code m = D}.)
 *
 * <p>Running time O(L · P log V) in the worst case for L needs, P eligible pairs and V needs and
 * suppliers; on random instances most needs are placed by the warm start or by short searches.
 *
 * <h2>Exactness</h2>
 * The flow is solved in longs, so it is exact for the scores it sees. Integral scores up to
 * 2<sup>30</sup> are used as they are, and the result is then an exact optimum. Other scores
 * {@code s} are quantized as {@code round(s / max · K)}, where {@code max} is the largest score
 * and {@code K} is 2<sup>30</sup> (less for more than about 2<sup>28</sup> needs, to keep every
 * path sum inside a long). Dividing by {@code max} first keeps this free of overflow and
 * underflow at any magnitude, from subnormal scores to {@link Double#MAX_VALUE}. The result is
 * then an exact optimum <em>for the quantized scores</em>; for the scores themselves, its total
 * is at most {@code L · (1 + 2^-20) · max / K} below the optimum, in exact arithmetic, for
 * {@code L} needs: each matched pair is off by at most half a step ({@code max / K}) plus
 * rounding, and two matchings of up to {@code L} pairs each are compared. So scores that differ
 * by less than about one step (about 10<sup>-9</sup> of the largest score) may be treated as
 * equal, and scores below half a step count as 0.
 *
 * <p>Equal quantized scores are ties, broken deterministically: needs are placed in id order,
 * each search's frontier in the order nodes were reached, and the two searches alternate by a
 * count of arcs scanned, so the same problem gives the same result. Which of several optimal
 * matchings that is changed with the bidirectional search (issue 16); the optimum did not. After
 * the optimum is found, a need left unmatched is given any eligible supplier that still has room
 * (its quantized score is 0, so the total does not decrease). The total is added in doubles by
 * {@link MatchResult}, which rejects one past {@link Double#MAX_VALUE}.
 *
 * <p>A problem with {@linkplain MatchingProblem#requesterCapacities() requester capacities} is
 * solved by a separate min-cost flow (source, requesters, needs, suppliers, sink) by successive
 * shortest paths, exact in the same sense.
 */
public final class OptimalMatcher implements Matcher {

  private static final OptimalMatcher MAX_SCORE = new OptimalMatcher(false);
  private static final OptimalMatcher MAX_MATCHES = new OptimalMatcher(true);

  private final boolean matchesFirst;

  private OptimalMatcher(boolean matchesFirst) {
    this.matchesFirst = matchesFirst;
  }

  /**
   * Returns the matcher of maximum total score.
   *
   * @return the matcher, named {@code optimal}
   */
  public static OptimalMatcher maximizingScore() {
    return MAX_SCORE;
  }

  /**
   * Returns the matcher that serves the most needs, then maximizes the total score among the
   * matchings that do.
   *
   * @return the matcher, named {@code optimal-max-matches}
   */
  public static OptimalMatcher maximizingMatchesThenScore() {
    return MAX_MATCHES;
  }

  @Override
  public String name() {
    return matchesFirst ? "optimal-max-matches" : "optimal";
  }

  @Override
  public MatchResult match(MatchingProblem problem) {
    EligibilityGraph g = problem.graph();
    if (!problem.requesterCapacities().isEmpty()) {
      return Results.of(name(), g, TwoSidedFlow.solve(g, matchesFirst));
    }
    return Results.of(name(), g, new Solver(g, matchesFirst).solve());
  }

  @Override
  public String toString() {
    return name();
  }

  private static final long MAX_Q = 1L << 30;

  /**
   * The graph's scores as integers: as given when they are integers up to the limit, otherwise
   * {@code round(s / max × limit)}, the limit being 2<sup>30</sup> or less so that a path's cost
   * over {@code rows + 2} nodes stays far inside a long. Shared by every exact flow solver here.
   */
  static long[] quantize(EligibilityGraph g, int rows) {
    double maxScore = 0;
    boolean integral = true;
    for (double s : g.score) {
      maxScore = Math.max(maxScore, s);
      integral &= s == Math.rint(s);
    }
    long limit = Math.min(MAX_Q, (1L << 60) / (4L * (rows + 2)));
    boolean asGiven = integral && maxScore <= limit;
    long[] q = new long[g.score.length];
    for (int e = 0; e < q.length; e++) {
      // s / max lies in [0, 1] whatever the magnitude; a factor limit / max would overflow to
      // infinity for max below about 6e-300 (and lose every score to 0 at the other end)
      q[e] = asGiven ? (long) g.score[e] : Math.round(g.score[e] / maxScore * limit);
    }
    return q;
  }

  /** One run of successive shortest paths. Not thread-safe; one per call. */
  static final class Solver {
    /**
     * The backward search starts once the forward one has scanned this many times more arcs than
     * there are open suppliers (its first step scans them all); then the forward one runs while it
     * has scanned at most 1.5 times the backward one's arcs, which cost more (they are not in the
     * rows' order). Both chosen by the arcs scanned in all on the benchmark instances (2026-12-02;
     * 4 to 16 and 1 to 3 changed them by less than 10 %).
     */
    private static final long BACKWARD_START = 16;
    /** Stands for an unbounded distance; sums of two stay far from overflow. */
    private static final long FAR = Long.MAX_VALUE / 4;

    private final int rows;
    private final int suppliers;
    private final int sink;
    private final int[] offset;
    private final int[] supplierOf;
    private final long[] cost;
    private final long dummyCost;
    private final int[] capacity;
    // the pairs by supplier, for the backward search: those of supplier j are at colStart[j] ..
    // colStart[j + 1] - 1, each with its edge, row and cost
    private final int[] colStart;
    private final int[] colEdge;
    private final int[] colRow;
    private final long[] colCost;

    // the flow
    private final int[] matchEdge;
    private final boolean[] onDummy;
    private final int[] load;
    private final int[] slotStart;
    private final int[] slots;
    private final int[] slotOfRow;
    private final long[] pi;
    /** A lower bound of the potential of every row. */
    private long minRowPi;
    /** The suppliers that can still take a need, in no particular order. */
    private final int[] open;
    private final int[] openPos;
    private int openCount;

    // the two searches, state reused across needs
    private int epoch;
    private final long[] distF;
    private final int[] reachedF;
    private final int[] settledF;
    private final int[] predNode;
    private final int[] predEdge;
    private final int[] settledListF;
    private int settledCountF;
    private final long[] distB;
    private final int[] reachedB;
    private final int[] settledB;
    private final int[] succNode;
    private final int[] succEdge;
    private final int[] settledListB;
    private int settledCountB;
    private final RadixHeap forward = new RadixHeap();
    private final RadixHeap backward = new RadixHeap();
    /** Arcs scanned by all searches (for tests and profiles). */
    long work;
    /** How many searches ran backward too (for tests). */
    int backwardSearches;
    private long workF;
    private long workB;
    // the shortest path found so far: its length and the arc where the two searches meet
    private long mu;
    private int meetFrom;
    private int meetTo;
    private int meetEdge;
    // the augmenting path, rows at even positions
    private final int[] pathNode;
    private final int[] pathEdge;

    Solver(EligibilityGraph g, boolean matchesFirst) {
      rows = g.rows();
      suppliers = g.suppliers();
      sink = rows + suppliers;
      offset = g.offset;
      supplierOf = g.supplier;
      capacity = g.capacity;
      int pairs = supplierOf.length;
      long[] q = quantize(g, rows);
      long w = 0;
      for (long qe : q) {
        w = Math.max(w, qe);
      }
      cost = new long[pairs];
      for (int e = 0; e < pairs; e++) {
        cost[e] = w - q[e];
      }
      dummyCost = matchesFirst ? (long) rows * w + 1 : w;

      matchEdge = new int[rows];
      Arrays.fill(matchEdge, -1);
      onDummy = new boolean[rows];
      load = new int[suppliers];
      int[] degree = new int[suppliers];
      for (int s : supplierOf) {
        degree[s]++;
      }
      slotStart = new int[suppliers + 1];
      colStart = new int[suppliers + 1];
      for (int j = 0; j < suppliers; j++) {
        slotStart[j + 1] = slotStart[j] + Math.min(Math.max(capacity[j], 0), degree[j]);
        colStart[j + 1] = colStart[j] + degree[j];
      }
      slots = new int[slotStart[suppliers]];
      slotOfRow = new int[rows];
      pi = new long[rows + suppliers + 1];
      colEdge = new int[pairs];
      colRow = new int[pairs];
      colCost = new long[pairs];
      int[] fill = Arrays.copyOf(colStart, suppliers);
      for (int r = 0; r < rows; r++) {
        for (int e = offset[r]; e < offset[r + 1]; e++) {
          int c = fill[supplierOf[e]]++;
          colEdge[c] = e;
          colRow[c] = r;
          colCost[c] = cost[e];
        }
      }
      open = new int[suppliers];
      openPos = new int[suppliers];

      int nodes = rows + suppliers + 1;
      distF = new long[nodes];
      reachedF = new int[nodes];
      settledF = new int[nodes];
      predNode = new int[nodes];
      predEdge = new int[nodes];
      settledListF = new int[nodes];
      distB = new long[nodes];
      reachedB = new int[nodes];
      settledB = new int[nodes];
      succNode = new int[nodes];
      succEdge = new int[nodes];
      settledListB = new int[nodes];
      pathNode = new int[nodes];
      pathEdge = new int[nodes];
    }

    int[] solve() {
      boolean[] done = new boolean[rows];
      warmStart(done);
      minRowPi = 0;
      for (int r = 0; r < rows; r++) {
        minRowPi = Math.min(minRowPi, pi[r]);
      }
      for (int j = 0; j < suppliers; j++) {
        if (load[j] < slotStart[j + 1] - slotStart[j]) {
          openPos[j] = openCount;
          open[openCount++] = j;
        }
      }
      for (int r = 0; r < rows; r++) {
        if (!done[r]) {
          augmentFrom(r);
        }
      }
      fillFreeCapacity();
      return matchEdge.clone();
    }

    /** Assigns each need to a best supplier that has room, with tight potentials. */
    private void warmStart(boolean[] done) {
      for (int r = 0; r < rows; r++) {
        int best = -1;
        long bestCost = Long.MAX_VALUE;
        for (int e = offset[r]; e < offset[r + 1]; e++) {
          if (cost[e] < bestCost) {
            bestCost = cost[e];
            best = e;
          }
        }
        long m = Math.min(bestCost, dummyCost);
        pi[r] = -m;
        if (best >= 0 && bestCost <= dummyCost) {
          int j = supplierOf[best];
          if (load[j] < capacity[j]) {
            assign(r, best, slotStart[j] + load[j]);
            load[j]++;
            done[r] = true;
          }
        } else {
          onDummy[r] = true;
          done[r] = true;
        }
      }
    }

    private void assign(int row, int edge, int slot) {
      matchEdge[row] = edge;
      onDummy[row] = false;
      slots[slot] = row;
      slotOfRow[row] = slot;
    }

    /** Gives needs left unmatched any eligible supplier with room (score 0 after quantization). */
    private void fillFreeCapacity() {
      for (int r = 0; r < rows; r++) {
        if (matchEdge[r] >= 0) {
          continue;
        }
        for (int e = offset[r]; e < offset[r + 1]; e++) {
          int j = supplierOf[e];
          if (load[j] < capacity[j]) {
            assign(r, e, slotStart[j] + load[j]);
            load[j]++;
            break;
          }
        }
      }
    }

    /**
     * Finds a shortest augmenting path from the free need {@code start} to the sink by
     * bidirectional Dijkstra, applies it and updates the potentials; see the class comment.
     */
    private void augmentFrom(int start) {
      epoch++;
      settledCountF = 0;
      settledCountB = 0;
      forward.clear();
      backward.clear();
      mu = FAR;
      meetFrom = -1;
      meetTo = -1;
      meetEdge = -1;
      workF = 0;
      workB = 0;
      // the sink is where the backward search starts; it is labelled from the outset so that the
      // forward search sees every arc into it as a meeting
      reachedB[sink] = epoch;
      distB[sink] = 0;
      boolean backwardStarted = false;
      long minDummy = dummyCost + minRowPi - pi[sink];
      reachedF[start] = epoch;
      distF[start] = 0;
      predNode[start] = -1;
      forward.push(0, start);
      long topF;
      long topB;
      while (true) {
        topF = forward.isEmpty() ? FAR : forward.peekKey();
        topB = !backwardStarted ? 0 : backward.isEmpty() ? FAR : backward.peekKey();
        if (topF + topB >= mu && topF + minDummy >= mu) {
          break;
        }

        if (!backwardStarted && workF > BACKWARD_START * openCount) {
          backwardStarted = true;
          backwardSearches++;
          backward.push(0, sink);
          continue;
        }
        boolean goForward = !backwardStarted || backward.isEmpty() || (!forward.isEmpty() && 2 * workF <= 3 * workB);
        if (goForward) {
          int v = forward.pop();
          long d = topF;
          if (settledF[v] == epoch || d > distF[v]) {
            continue;
          }
          settledF[v] = epoch;
          settledListF[settledCountF++] = v;
          if (v < rows) {
            expandRowForward(v, d);
          } else {
            expandSupplierForward(v - rows, d);
          }
        } else {
          int v = backward.pop();
          long d = topB;
          if (settledB[v] == epoch || d > distB[v]) {
            continue;
          }
          settledB[v] = epoch;
          if (v == sink) {
            expandSinkBackward();
          } else {
            settledListB[settledCountB++] = v;
            if (v < rows) {
              expandRowBackward(v, d);
            } else {
              expandSupplierBackward(v - rows, d);
            }
          }
        }
      }
      long total = mu;
      // m splits the path: forward-settled nodes nearer than m and backward-settled nodes nearer
      // the sink than total - m carry exact distances (the stopping rule guarantees both)
      long m = Math.min(topF, total);
      for (int k = 0; k < settledCountF; k++) {
        int v = settledListF[k];
        pi[v] += Math.min(distF[v], m) - m;
        if (v < rows) {
          minRowPi = Math.min(minRowPi, pi[v]);
        }
      }
      for (int k = 0; k < settledCountB; k++) {
        int v = settledListB[k];
        pi[v] += Math.max(total - distB[v], m) - m;
      }
      pi[sink] += total - m;
      work += workF + workB;
      applyPath(start);
    }

    private void expandRowForward(int r, long d) {
      long pr = pi[r];
      int own = matchEdge[r];
      int end = offset[r + 1];
      workF += end - offset[r] + 1;
      for (int e = offset[r]; e < end; e++) {
        if (e != own) {
          int node = rows + supplierOf[e];
          relaxForward(r, node, d + cost[e] + pr - pi[node], e);
        }
      }
      if (!onDummy[r]) {
        relaxForward(r, sink, d + dummyCost + pr - pi[sink], -1);
      }
    }

    private void expandSupplierForward(int j, long d) {
      int node = rows + j;
      long pj = pi[node];
      int end = slotStart[j] + load[j];
      workF += end - slotStart[j] + 1;
      if (load[j] < capacity[j]) {
        relaxForward(node, sink, d + pj - pi[sink], -1);
      }
      for (int s = slotStart[j]; s < end; s++) {
        int k = slots[s];
        relaxForward(node, k, d - cost[matchEdge[k]] + pj - pi[k], -1);
      }
    }

    /** The forward search reaches {@code v} from {@code from}; ties keep the first label. */
    private void relaxForward(int from, int v, long nd, int edge) {
      if (reachedB[v] == epoch) {
        long through = nd + distB[v];
        if (through < mu) {
          mu = through;
          meetFrom = from;
          meetTo = v;
          meetEdge = edge;
        }
      }
      // a node no nearer than the best path found so far cannot lie on a shorter one
      if (v == sink || nd >= mu || settledF[v] == epoch) {
        return;
      }
      if (reachedF[v] != epoch || nd < distF[v]) {
        reachedF[v] = epoch;
        distF[v] = nd;
        predNode[v] = from;
        predEdge[v] = edge;
        forward.push(nd, v);
      }
    }

    private void expandSinkBackward() {
      long ps = pi[sink];
      workB += openCount + 1;
      for (int k = 0; k < openCount; k++) {
        int node = rows + open[k];
        relaxBackward(node, sink, pi[node] - ps, -1);
      }
    }

    private void expandSupplierBackward(int j, long d) {
      int node = rows + j;
      long pj = pi[node];
      int end = colStart[j + 1];
      workB += end - colStart[j] + 1;
      for (int c = colStart[j]; c < end; c++) {
        int e = colEdge[c];
        int r = colRow[c];
        if (matchEdge[r] != e && !onDummy[r]) {
          relaxBackward(r, node, d + colCost[c] + pi[r] - pj, e);
        }
      }
    }

    private void expandRowBackward(int k, long d) {
      workB++;
      int e = matchEdge[k];
      if (e >= 0) {
        int node = rows + supplierOf[e];
        relaxBackward(node, k, d - cost[e] + pi[node] - pi[k], -1);
      }
    }

    /** The backward search reaches {@code u} by its arc to {@code to}; ties keep the first label. */
    private void relaxBackward(int u, int to, long nd, int edge) {
      if (reachedF[u] == epoch) {
        long through = distF[u] + nd;
        if (through < mu) {
          mu = through;
          meetFrom = u;
          meetTo = to;
          meetEdge = edge;
        }
      }
      if (nd >= mu || settledB[u] == epoch) {
        return;
      }
      if (reachedB[u] != epoch || nd < distB[u]) {
        reachedB[u] = epoch;
        distB[u] = nd;
        succNode[u] = to;
        succEdge[u] = edge;
        backward.push(nd, u);
      }
    }

    /** Applies the path through the meeting arc: the forward labels, then the backward ones. */
    private void applyPath(int start) {
      int n = 0;
      for (int v = meetFrom; v >= 0; v = predNode[v]) {
        pathNode[n++] = v;
      }
      for (int a = 0, b = n - 1; a < b; a++, b--) {
        int t = pathNode[a];
        pathNode[a] = pathNode[b];
        pathNode[b] = t;
      }
      for (int i = 0; i + 1 < n; i++) {
        if (pathNode[i] < rows) {
          pathEdge[i] = predEdge[pathNode[i + 1]];
        }
      }
      int from = meetFrom;
      int to = meetTo;
      int edge = meetEdge;
      while (to != sink) {
        if (from < rows) {
          pathEdge[n - 1] = edge;
        }
        pathNode[n++] = to;
        from = to;
        edge = succEdge[to];
        to = succNode[to];
      }
      int lastNode = pathNode[n - 1];
      int pendingSlot;
      int level;
      if (lastNode < rows) {
        // the path ends by the last row's "unmatched" arc
        if (n == 1) {
          onDummy[lastNode] = true;
          return;
        }
        pendingSlot = slotOfRow[lastNode];
        matchEdge[lastNode] = -1;
        onDummy[lastNode] = true;
        level = n - 3;
      } else {
        int j = lastNode - rows;
        pendingSlot = slotStart[j] + load[j];
        load[j]++;
        if (load[j] == slotStart[j + 1] - slotStart[j]) {
          int pos = openPos[j];
          int moved = open[--openCount];
          open[pos] = moved;
          openPos[moved] = pos;
        }
        level = n - 2;
      }
      while (level >= 0) {
        int row = pathNode[level];
        int oldSlot = slotOfRow[row];
        assign(row, pathEdge[level], pendingSlot);
        pendingSlot = oldSlot;
        level -= 2;
      }
    }
  }
}
