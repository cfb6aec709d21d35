package io.github.renkei.cluster.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * Stable matching by deferred acceptance with capacities (Gale and Shapley, "College Admissions
 * and the Stability of Marriage", American Mathematical Monthly 69 (1962) 9–15; the
 * hospitals/residents form of Roth 1984).
 *
 * <p>Needs rank the suppliers they may take by the problem's {@link MatchingProblem#scorer()},
 * suppliers rank needs by its {@link MatchingProblem#supplierScorer()}; equal scores are broken
 * by id (the smaller id is preferred), so preferences are strict and the result deterministic.
 * No eligible pair blocks the result: there is no need and supplier that both prefer each other
 * to what they got (a supplier with room prefers any eligible need to nothing).
 *
 * <ul>
 *   <li>{@link #needsProposing()}: needs propose down their lists; a full supplier keeps its
 *       best needs and rejects the worst. Gives the needs-optimal stable matching: every need
 *       gets the best supplier it has in any stable matching. O(P log b) for P eligible pairs
 *       and largest capacity b.
 *   <li>{@link #suppliersProposing()}: suppliers propose down their lists while they have room;
 *       a need holds its best proposal. Gives the suppliers-optimal stable matching. O(P).
 * </ul>
 *
 * <h2>Requester capacities: many-to-many</h2>
 * When {@linkplain MatchingProblem#requesterCapacities() requesters have capacities}, requesters
 * and suppliers are matched many-to-many through the needs, and both deferred acceptances become
 * their many-to-many forms (Roth, "Stability and polarization of interests in job matching",
 * Econometrica 52 (1984) 47–57; Sotomayor, "Three remarks on the many-to-many stable matching
 * problem", Mathematical Social Sciences 38 (1999) 55–70). A requester {@code r} with capacity
 * {@code q} ranks the (need, supplier) pairs of its needs by the need-side score (ties: the need,
 * then the supplier, with the smaller id) and, from any set of pairs offered to it, holds the
 * best pair of each need and of those the best {@code q}: a greedy choice in a laminar matroid,
 * so its choice is substitutable and the deferred acceptance ends in a stable matching (Hatfield
 * and Milgrom, "Matching with contracts", American Economic Review 95 (2005) 913–935). Suppliers
 * hold their best {@code capacity} needs by the supplier-side score, as before. The result has no
 * blocking pair in the sense of {@link MatchChecks#blockingPairs}: no eligible pair
 * {@code (n, s)} that {@code n}'s requester would add to what it holds (dropping its worst pair
 * if it is full) and {@code s} would add (dropping its worst need if it is full).
 *
 * <ul>
 *   <li>Needs proposing (requester-proposing): each requester lets its best {@code q} needs
 *       propose, each to its best supplier not yet rejecting it; a rejected need moves down its
 *       list and the requester again lets its best {@code q} needs propose (the rejected need
 *       may drop out for a waiting one). Gives the requester-optimal stable matching.
 *       O(P log P).
 *   <li>Suppliers proposing: suppliers propose down their lists while they have room; a
 *       requester holds the best pair of each need and of those its best {@code q}, rejecting
 *       the rest. Gives the suppliers-optimal stable matching. O(P log P).
 * </ul>
 * Without requester capacities both are exactly the one-to-many algorithms above.
 */
public final class StableMatcher implements Matcher {

  private static final StableMatcher NEEDS = new StableMatcher(true);
  private static final StableMatcher SUPPLIERS = new StableMatcher(false);

  private final boolean needsPropose;

  private StableMatcher(boolean needsPropose) {
    this.needsPropose = needsPropose;
  }

  /**
   * Returns deferred acceptance with needs proposing.
   *
   * @return the matcher, named {@code stable-needs-proposing}
   */
  public static StableMatcher needsProposing() {
    return NEEDS;
  }

  /**
   * Returns deferred acceptance with suppliers proposing.
   *
   * @return the matcher, named {@code stable-suppliers-proposing}
   */
  public static StableMatcher suppliersProposing() {
    return SUPPLIERS;
  }

  @Override
  public String name() {
    return needsPropose ? "stable-needs-proposing" : "stable-suppliers-proposing";
  }

  @Override
  public MatchResult match(MatchingProblem problem) {
    EligibilityGraph g = problem.graph();
    if (!problem.requesterCapacities().isEmpty()) {
      RequesterLimits requesters = RequesterLimits.of(g);
      return Results.of(name(), g, needsPropose ? needsPropose(g, requesters) : suppliersPropose(g, requesters));
    }
    return Results.of(name(), g, needsPropose ? needsPropose(g) : suppliersPropose(g));
  }

  @Override
  public String toString() {
    return name();
  }

  /** Whether the need of row a's edge ea prefers it to edge eb: higher score, then smaller supplier. */
  static boolean needPrefers(EligibilityGraph g, int ea, int eb) {
    double a = g.score[ea];
    double b = g.score[eb];
    return a > b || (a == b && g.supplier[ea] < g.supplier[eb]);
  }

  /** Whether a supplier prefers edge ea (row ra) to eb (row rb): higher score, then smaller need. */
  static boolean supplierPrefers(EligibilityGraph g, int ea, int ra, int eb, int rb) {
    double a = g.supplierScore[ea];
    double b = g.supplierScore[eb];
    return a > b || (a == b && ra < rb);
  }

  /** For each row, its edges from the most to the least preferred. */
  private static int[] needLists(EligibilityGraph g) {
    int[] pref = new int[(int) g.pairCount()];
    for (int e = 0; e < pref.length; e++) {
      pref[e] = e;
    }
    for (int r = 0; r < g.rows(); r++) {
      Sorting.sort(pref, g.offset[r], g.offset[r + 1], (a, b) -> needPrefers(g, a, b) ? -1 : needPrefers(g, b, a) ? 1 : 0);
    }
    return pref;
  }

  private static int[] needsPropose(EligibilityGraph g) {
    int rows = g.rows();
    int[] pref = needLists(g);
    int[] rowOfEdge = GreedyMatcher.rowsOfEdges(g);
    int[] next = new int[rows];
    int[] edgeOfRow = new int[rows];
    Arrays.fill(edgeOfRow, -1);
    // per supplier, a heap of held edges with the least preferred on top
    int[] degree = new int[g.suppliers()];
    for (int s : g.supplier) {
      degree[s]++;
    }
    int[] heapStart = new int[g.suppliers() + 1];
    for (int j = 0; j < g.suppliers(); j++) {
      heapStart[j + 1] = heapStart[j] + Math.min(g.capacity[j], degree[j]);
    }
    int[] heap = new int[heapStart[g.suppliers()]];
    int[] held = new int[g.suppliers()];
    int[] queue = new int[rows];
    int head = 0;
    int tail = 0;
    int queued = 0;
    for (int r = 0; r < rows; r++) {
      next[r] = g.offset[r];
      queue[tail] = r;
      tail = (tail + 1) % Math.max(rows, 1);
      queued++;
    }
    while (queued > 0) {
      int r = queue[head];
      head = (head + 1) % rows;
      queued--;
      while (next[r] < g.offset[r + 1]) {
        int e = pref[next[r]++];
        int j = g.supplier[e];
        int cap = heapStart[j + 1] - heapStart[j];
        if (cap == 0) {
          continue;
        }
        if (held[j] < cap) {
          siftUp(g, heap, heapStart[j], held[j]++, e, rowOfEdge);
          edgeOfRow[r] = e;
          break;
        }
        int worst = heap[heapStart[j]];
        if (supplierPrefers(g, e, r, worst, rowOfEdge[worst])) {
          int loser = rowOfEdge[worst];
          edgeOfRow[loser] = -1;
          replaceTop(g, heap, heapStart[j], held[j], e, rowOfEdge);
          edgeOfRow[r] = e;
          queue[tail] = loser;
          tail = (tail + 1) % rows;
          queued++;
          break;
        }
      }
    }
    return edgeOfRow;
  }

  /** Heap order: the edge the supplier likes least on top. */
  private static boolean worse(EligibilityGraph g, int ea, int eb, int[] rowOfEdge) {
    return supplierPrefers(g, eb, rowOfEdge[eb], ea, rowOfEdge[ea]);
  }

  private static void siftUp(EligibilityGraph g, int[] heap, int base, int i, int e, int[] rowOfEdge) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (worse(g, e, heap[base + parent], rowOfEdge)) {
        heap[base + i] = heap[base + parent];
        i = parent;
      } else {
        break;
      }
    }
    heap[base + i] = e;
  }

  private static void replaceTop(EligibilityGraph g, int[] heap, int base, int size, int e, int[] rowOfEdge) {
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && worse(g, heap[base + child + 1], heap[base + child], rowOfEdge)) {
        child++;
      }
      if (worse(g, heap[base + child], e, rowOfEdge)) {
        heap[base + i] = heap[base + child];
        i = child;
      } else {
        break;
      }
    }
    heap[base + i] = e;
  }

  /**
   * Requester-proposing deferred acceptance: each requester keeps at most its capacity of needs
   * proposing (its best, by the need each proposes to next), the others wait; a rejected need
   * moves down its list and goes back among the waiting, and the best waiting need proposes.
   */
  private static int[] needsPropose(EligibilityGraph g, RequesterLimits requesters) {
    int rows = g.rows();
    int[] pref = needLists(g);
    int[] rowOfEdge = GreedyMatcher.rowsOfEdges(g);
    int[] next = new int[rows];
    int[] edgeOfRow = new int[rows];
    Arrays.fill(edgeOfRow, -1);
    int[] degree = new int[g.suppliers()];
    for (int s : g.supplier) {
      degree[s]++;
    }
    int[] heapStart = new int[g.suppliers() + 1];
    for (int j = 0; j < g.suppliers(); j++) {
      heapStart[j + 1] = heapStart[j] + Math.min(Math.max(g.capacity[j], 0), degree[j]);
    }
    int[] heap = new int[heapStart[g.suppliers()]];
    int[] held = new int[g.suppliers()];
    int k = requesters.requesters();
    int[] slots = new int[k];
    List<PriorityQueue<Integer>> waiting = new ArrayList<>(k);
    for (int q = 0; q < k; q++) {
      slots[q] = requesters.left[q];
      // a waiting need's next edge does not change while it waits, so its key is fixed
      waiting.add(new PriorityQueue<>((a, b) -> {
        int ea = pref[next[a]];
        int eb = pref[next[b]];
        return RequesterLimits.requesterPrefers(g, ea, a, eb, b) ? -1
            : RequesterLimits.requesterPrefers(g, eb, b, ea, a) ? 1 : 0;
      }));
    }
    for (int r = 0; r < rows; r++) {
      next[r] = g.offset[r];
      if (next[r] < g.offset[r + 1]) {
        waiting.get(requesters.requesterOfRow[r]).add(r);
      }
    }
    int[] stack = new int[rows];
    int size = 0;
    for (int q = 0; q < k; q++) {
      while (slots[q] > 0 && !waiting.get(q).isEmpty()) {
        slots[q]--;
        stack[size++] = waiting.get(q).poll();
      }
    }
    while (size > 0) {
      int r = stack[--size];
      int e = pref[next[r]];
      int j = g.supplier[e];
      int cap = heapStart[j + 1] - heapStart[j];
      int rejected = r;
      if (held[j] < cap) {
        siftUp(g, heap, heapStart[j], held[j]++, e, rowOfEdge);
        edgeOfRow[r] = e;
        rejected = -1;
      } else if (cap > 0) {
        int worst = heap[heapStart[j]];
        if (supplierPrefers(g, e, r, worst, rowOfEdge[worst])) {
          rejected = rowOfEdge[worst];
          edgeOfRow[rejected] = -1;
          replaceTop(g, heap, heapStart[j], held[j], e, rowOfEdge);
          edgeOfRow[r] = e;
        }
      }
      if (rejected >= 0) {
        // the rejected need gives up its slot, moves down its list and waits again
        int q = requesters.requesterOfRow[rejected];
        slots[q]++;
        if (++next[rejected] < g.offset[rejected + 1]) {
          waiting.get(q).add(rejected);
        }
        while (slots[q] > 0 && !waiting.get(q).isEmpty()) {
          slots[q]--;
          stack[size++] = waiting.get(q).poll();
        }
      }
    }
    return edgeOfRow;
  }

  /**
   * Suppliers-proposing deferred acceptance with requester capacities: a requester holds the
   * best pair of each of its needs and, of those, its best; a pair it drops frees its supplier.
   */
  private static int[] suppliersPropose(EligibilityGraph g, RequesterLimits requesters) {
    int rows = g.rows();
    int sup = g.suppliers();
    int[] rowOfEdge = GreedyMatcher.rowsOfEdges(g);
    int[] pref = supplierLists(g, rowOfEdge);
    int[] start = supplierStarts(g);
    int k = requesters.requesters();
    List<TreeSet<Integer>> holding = new ArrayList<>(k);
    for (int q = 0; q < k; q++) {
      // the least preferred pair first
      holding.add(new TreeSet<>((a, b) -> RequesterLimits.requesterPrefers(g, b, rowOfEdge[b], a, rowOfEdge[a]) ? -1
          : RequesterLimits.requesterPrefers(g, a, rowOfEdge[a], b, rowOfEdge[b]) ? 1 : 0));
    }
    int[] next = Arrays.copyOf(start, sup);
    int[] count = new int[sup];
    int[] edgeOfRow = new int[rows];
    Arrays.fill(edgeOfRow, -1);
    int[] queue = new int[sup];
    boolean[] inQueue = new boolean[sup];
    int head = 0;
    int tail = 0;
    int queued = 0;
    for (int j = 0; j < sup; j++) {
      queue[tail] = j;
      tail = (tail + 1) % sup;
      inQueue[j] = true;
      queued++;
    }
    while (queued > 0) {
      int j = queue[head];
      head = (head + 1) % sup;
      queued--;
      inQueue[j] = false;
      while (count[j] < g.capacity[j] && next[j] < start[j + 1]) {
        int e = pref[next[j]++];
        int r = rowOfEdge[e];
        int q = requesters.requesterOfRow[r];
        int current = edgeOfRow[r];
        int dropped = -1;
        if (current >= 0) {
          if (!needPrefers(g, e, current)) {
            continue;
          }
          dropped = current;
        } else if (holding.get(q).size() >= requesters.left[q]) {
          if (holding.get(q).isEmpty()) {
            continue;
          }
          int worst = holding.get(q).first();
          if (!RequesterLimits.requesterPrefers(g, e, r, worst, rowOfEdge[worst])) {
            continue;
          }
          dropped = worst;
        }
        if (dropped >= 0) {
          holding.get(q).remove(dropped);
          edgeOfRow[rowOfEdge[dropped]] = -1;
          int loser = g.supplier[dropped];
          count[loser]--;
          if (!inQueue[loser] && loser != j) {
            queue[tail] = loser;
            tail = (tail + 1) % sup;
            inQueue[loser] = true;
            queued++;
          }
        }
        holding.get(q).add(e);
        edgeOfRow[r] = e;
        count[j]++;
      }
    }
    return edgeOfRow;
  }

  /** Where each supplier's list starts in {@link #supplierLists}; one past the end last. */
  private static int[] supplierStarts(EligibilityGraph g) {
    int sup = g.suppliers();
    int[] start = new int[sup + 1];
    for (int s : g.supplier) {
      start[s + 1]++;
    }
    for (int j = 0; j < sup; j++) {
      start[j + 1] += start[j];
    }
    return start;
  }

  /** The suppliers' lists: edges grouped by supplier, best need first. */
  private static int[] supplierLists(EligibilityGraph g, int[] rowOfEdge) {
    int sup = g.suppliers();
    int[] start = supplierStarts(g);
    int[] pref = new int[(int) g.pairCount()];
    int[] fill = Arrays.copyOf(start, sup);
    for (int e = 0; e < pref.length; e++) {
      pref[fill[g.supplier[e]]++] = e;
    }
    for (int j = 0; j < sup; j++) {
      Sorting.sort(pref, start[j], start[j + 1], (a, b) ->
          supplierPrefers(g, a, rowOfEdge[a], b, rowOfEdge[b]) ? -1
              : supplierPrefers(g, b, rowOfEdge[b], a, rowOfEdge[a]) ? 1 : 0);
    }
    return pref;
  }

  private static int[] suppliersPropose(EligibilityGraph g) {
    int rows = g.rows();
    int sup = g.suppliers();
    int[] rowOfEdge = GreedyMatcher.rowsOfEdges(g);
    // the suppliers' lists: edges grouped by supplier, best need first
    int[] start = new int[sup + 1];
    for (int s : g.supplier) {
      start[s + 1]++;
    }
    for (int j = 0; j < sup; j++) {
      start[j + 1] += start[j];
    }
    int[] pref = new int[(int) g.pairCount()];
    int[] fill = Arrays.copyOf(start, sup);
    for (int e = 0; e < pref.length; e++) {
      pref[fill[g.supplier[e]]++] = e;
    }
    for (int j = 0; j < sup; j++) {
      Sorting.sort(pref, start[j], start[j + 1], (a, b) ->
          supplierPrefers(g, a, rowOfEdge[a], b, rowOfEdge[b]) ? -1
              : supplierPrefers(g, b, rowOfEdge[b], a, rowOfEdge[a]) ? 1 : 0);
    }
    int[] next = Arrays.copyOf(start, sup);
    int[] count = new int[sup];
    int[] edgeOfRow = new int[rows];
    Arrays.fill(edgeOfRow, -1);
    int[] queue = new int[sup];
    boolean[] inQueue = new boolean[sup];
    int head = 0;
    int tail = 0;
    int queued = 0;
    for (int j = 0; j < sup; j++) {
      queue[tail] = j;
      tail = (tail + 1) % sup;
      inQueue[j] = true;
      queued++;
    }
    while (queued > 0) {
      int j = queue[head];
      head = (head + 1) % sup;
      queued--;
      inQueue[j] = false;
      while (count[j] < g.capacity[j] && next[j] < start[j + 1]) {
        int e = pref[next[j]++];
        int r = rowOfEdge[e];
        int current = edgeOfRow[r];
        if (current < 0) {
          edgeOfRow[r] = e;
          count[j]++;
        } else if (needPrefers(g, e, current)) {
          int loser = g.supplier[current];
          edgeOfRow[r] = e;
          count[j]++;
          count[loser]--;
          if (!inQueue[loser]) {
            queue[tail] = loser;
            tail = (tail + 1) % sup;
            inQueue[loser] = true;
            queued++;
          }
        }
      }
    }
    return edgeOfRow;
  }
}
