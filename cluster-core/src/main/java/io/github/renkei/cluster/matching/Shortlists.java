package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Ranked shortlists for a coordinator, before any assignment: for each need the {@code k} best
 * eligible suppliers with their score breakdowns, and the near misses — suppliers that fail
 * exactly one constraint, with that constraint and the reason in words ("almost: lacks
 * ISO_13485") — ranked by the score they would have had. Immutable; equal problems give equal
 * shortlists, on one thread or several.
 *
 * <pre>{@code
 * MatchingProblem problem = MatchingProblem.from(cluster).year(2016).build();
 * Shortlists lists = Shortlists.of(problem, 10);             // every need
 * Shortlist one = lists.get(NeedId.of("syn-need-03"));
 * one.candidates();     // ranked, each with its ScoreBreakdown and the capacity locks leave it
 * one.nearMisses();     // each with the Violation it would have to cure
 * Shortlist direct = Shortlists.of(problem, NeedId.of("syn-need-03"), 10);   // one need alone
 * MatchChecks.shortlistProblems(problem, one);                 // []: checked pair by pair
 * }</pre>
 *
 * <p><b>Semantics.</b> A candidate passes every constraint of the problem, exactly as a matcher
 * sees it. A near miss fails exactly one; the requester of the need is never a near miss (it
 * fails {@code not-requester}, and would be a useless suggestion). Candidates are ranked by score
 * descending, near misses by the score the problem's scorer gives them as if they were eligible;
 * ties go to the smaller supplier id. At most {@code k} candidates and as many near misses are
 * listed, or another number of near misses ({@link #of(MatchingProblem, int, int)}); the
 * shortlist also says how many there were in all. A shortlist lists eligibility, not availability: locked
 * assignments do not remove a supplier, each entry shows the capacity locks leave it, and a
 * locked need gets its shortlist too, saying to whom it is locked.
 *
 * <p><b>Algorithm.</b> Per need, the constraints narrow bit sets of suppliers with their
 * {@link Constraint#restrict} (index lookups for the built-in ones) and two word-parallel
 * counters: "failed at least one" and "failed at least two" (a supplier in the second set is no
 * longer offered to the later constraints). Their difference is the suppliers failing exactly
 * one. Candidates and near misses are selected by score with a bounded insertion into the best
 * {@code k}. Scores come from the scorer prepared once for the problem: the built-in components
 * and weighted sums of them read per-supplier arrays instead of looking up ties, sets and
 * distances per pair, and give the same doubles. With a scorer that has bounds — every weighted
 * sum of the built-in components — a need with more than eight eligible suppliers (near misses)
 * per listed one has its candidates (near misses) ranked by a threshold scan (after Fagin, Lotem
 * and Naor, PODS 2001), both in one walk: suppliers in one list per prefecture, sorted once by
 * the part of the bound that depends on the supplier alone, walked per need from the prefecture
 * with the highest bound (the need's part is the proximity of the requester's prefecture), and
 * each walk stops when no supplier left in it can enter either list. So the rest of Japan is
 * rarely scored; near misses are
 * many (on realistic data several times the eligible suppliers). The result is exactly that of
 * scoring every eligible supplier and every near miss, which is what a custom scorer without
 * bounds gets. Only for the listed suppliers is the breakdown computed (from the prepared scorer,
 * the same doubles as {@link Scorer#explain}). A near miss's {@link Violation} names its
 * constraint at once and words its reason ({@link Constraint#check}) when first read, for the
 * built-in constraints and those of {@link Constraints#of}; a custom constraint is checked at
 * once, so that one whose {@code restrict} disagrees with its {@code check} fails here.
 * Needs are processed in parallel on the common fork-join pool when the problem
 * {@linkplain MatchingProblem#isParallel() is parallel}; a constraint without its own
 * {@code restrict} falls back to one {@code check} per supplier still in play.
 */
public final class Shortlists {

  /** How many needs an error message about an unknown need names. */
  private static final int NAMED = 5;

  private final int k;
  private final int nearMissLimit;
  private final ImmutableList<Shortlist> all;
  private final ImmutableMap<NeedId, Shortlist> byNeed;

  private Shortlists(int k, int nearMissLimit, ImmutableList<Shortlist> all) {
    this.k = k;
    this.nearMissLimit = nearMissLimit;
    this.all = all;
    this.byNeed = all.stream().collect(ImmutableMap.toImmutableMap(Shortlist::need, s -> s));
  }

  /**
   * Computes the shortlists of every need of a problem, locked needs included, with up to
   * {@code k} candidates and {@code k} near misses each.
   *
   * @param problem the problem
   * @param k the most candidates and the most near misses per need, {@code >= 1}
   * @return the shortlists, in need id order
   * @throws IllegalArgumentException if {@code k < 1}, naming it; or if a score is NaN,
   *     negative or infinite, naming the need, the supplier and the scorer
   */
  public static Shortlists of(MatchingProblem problem, int k) {
    checkNotNull(problem, "problem");
    checkArgument(k >= 1, "k must be >= 1 but was %s (the shortlists of all %s needs)", k, problem.needs().size());
    return of(problem, k, k);
  }

  /**
   * Computes the shortlists of every need of a problem with separate limits for candidates and
   * near misses. Near misses cost scores too (on realistic data there are several times as many
   * as eligible suppliers), so a limit of 0, which only counts them, is faster.
   *
   * @param problem the problem
   * @param k the most candidates per need, {@code >= 1}
   * @param nearMisses the most near misses per need, {@code >= 0}
   * @return the shortlists, in need id order
   * @throws IllegalArgumentException if {@code k < 1} or {@code nearMisses < 0}, naming the value;
   *     or if a score is NaN, negative or infinite, naming the need, the supplier and the scorer
   */
  public static Shortlists of(MatchingProblem problem, int k, int nearMisses) {
    return of(problem, k, nearMisses, ThresholdScan.SCAN_ALL_UP_TO);
  }

  /**
   * As {@link #of(MatchingProblem, int, int)}, with the threshold scan used for a need's
   * candidates (near misses) once it has more than {@code scanAllUpTo} eligible suppliers (near
   * misses) per listed one (tests use 0: always).
   */
  static Shortlists of(MatchingProblem problem, int k, int nearMisses, int scanAllUpTo) {
    checkNotNull(problem, "problem");
    checkArgument(k >= 1, "k must be >= 1 but was %s (the shortlists of all %s needs)", k, problem.needs().size());
    checkArgument(nearMisses >= 0, "the near-miss limit must be >= 0 but was %s (the shortlists of all %s needs)",
        nearMisses, problem.needs().size());
    List<Need> needs = problem.needs();
    int[] left = capacityLeft(problem);
    PreparedScorer prepared = PreparedScorer.of(problem.scorer(), problem.context());
    ThresholdScan order = ThresholdScan.of(prepared, problem.context());
    ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> new Scratch(problem.constraints().size(), k,
        nearMisses));
    Shortlist[] lists = new Shortlist[needs.size()];
    RuntimeException[] failures = new RuntimeException[needs.size()];
    IntStream range = IntStream.range(0, needs.size());
    if (problem.isParallel()) {
      range = range.parallel();
    }
    range.forEach(i -> {
      try {
        lists[i] = compute(problem, prepared, order, scanAllUpTo, scratch.get(), needs.get(i), k, nearMisses, left);
      } catch (RuntimeException e) {
        failures[i] = e;
      }
    });
    // with several failures, the first need's is reported, whatever the threads did first
    for (RuntimeException failure : failures) {
      if (failure != null) {
        throw failure;
      }
    }
    return new Shortlists(k, nearMisses, ImmutableList.copyOf(lists));
  }

  /**
   * Computes the shortlist of one need, with up to {@code k} candidates and {@code k} near
   * misses.
   *
   * @param problem the problem
   * @param need the need's id
   * @param k the most candidates and the most near misses, {@code >= 1}
   * @return the shortlist
   * @throws IllegalArgumentException naming the need if it is not in the problem or if
   *     {@code k < 1}; or if a score is NaN, negative or infinite, naming the need, the supplier
   *     and the scorer
   */
  public static Shortlist of(MatchingProblem problem, NeedId need, int k) {
    return of(problem, need, k, k);
  }

  /**
   * Computes the shortlist of one need with separate limits for candidates and near misses.
   *
   * @param problem the problem
   * @param need the need's id
   * @param k the most candidates, {@code >= 1}
   * @param nearMisses the most near misses, {@code >= 0}
   * @return the shortlist
   * @throws IllegalArgumentException naming the need if it is not in the problem, if
   *     {@code k < 1} or if {@code nearMisses < 0}; or if a score is NaN, negative or infinite,
   *     naming the need, the supplier and the scorer
   */
  public static Shortlist of(MatchingProblem problem, NeedId need, int k, int nearMisses) {
    checkNotNull(problem, "problem");
    checkNotNull(need, "need");
    Optional<Need> n = problem.need(need);
    checkArgument(n.isPresent(), "unknown need '%s': the problem's %s needs are %s", need, problem.needs().size(),
        named(problem));
    checkArgument(k >= 1, "need '%s': k must be >= 1 but was %s", need, k);
    checkArgument(nearMisses >= 0, "need '%s': the near-miss limit must be >= 0 but was %s", need, nearMisses);
    PreparedScorer prepared = PreparedScorer.of(problem.scorer(), problem.context());
    // one need: the order costs a sort of every supplier, more than the scan it would save
    return compute(problem, prepared, null, 0, new Scratch(problem.constraints().size(), k, nearMisses), n.get(), k,
        nearMisses,
        capacityLeft(problem));
  }

  private static String named(MatchingProblem problem) {
    List<Need> needs = problem.needs();
    String first = needs.stream().limit(NAMED).map(n -> n.id().value()).collect(Collectors.joining(", "));
    return needs.isEmpty() ? "none" : needs.size() > NAMED ? first + ", …" : first;
  }

  /** Each supplier's capacity minus the needs locked to it. */
  private static int[] capacityLeft(MatchingProblem problem) {
    int[] left = new int[problem.suppliers().size()];
    for (int j = 0; j < left.length; j++) {
      left[j] = problem.capacityAt(j);
    }
    for (OrganizationId s : problem.locks().values()) {
      left[problem.context().supplierIndex(s).getAsInt()]--;
    }
    return left;
  }

  private static Shortlist compute(MatchingProblem p, PreparedScorer prepared, ThresholdScan order, int scanAllUpTo,
      Scratch scratch, Need need, int k, int nearMissLimit, int[] capacityLeft) {
    MatchContext ctx = p.context();
    List<Constraint> constraints = p.constraints();
    int m = constraints.size();
    int s = ctx.suppliers().size();
    // alive: failed at most one constraint so far; once, twice: the word-parallel counters
    // the thread's sets, reused from need to need: a need allocates no bit set
    BitSet alive = scratch.reset(scratch.alive, s);
    BitSet once = scratch.reset(scratch.once, 0);
    BitSet[] failedBy = scratch.failedBy;
    int reached = 0;
    for (int c = 0; c < m && !alive.isEmpty(); c++, reached++) {
      BitSet passed = scratch.copy(scratch.passed, alive);
      constraints.get(c).restrict(need, ctx, passed);
      BitSet failed = scratch.copy(failedBy[c], alive);
      failed.andNot(passed);
      BitSet twice = scratch.copy(scratch.twice, failed);
      twice.and(once);
      once.or(failed);
      alive.andNot(twice);
    }
    BitSet eligible = scratch.reset(scratch.eligible, s);
    eligible.andNot(once);
    BitSet exactlyOne = scratch.copy(scratch.exactlyOne, alive);
    exactlyOne.and(once);
    OptionalInt requester = ctx.supplierIndex(need.requester());
    requester.ifPresent(exactlyOne::clear);

    Scorer scorer = p.scorer();
    PreparedScorer.NeedScores scores = prepared.forNeed(need);
    IntToDoubleFunction score = j -> Scorers.checked(scores.score(j), scorer, need, ctx, j);
    // each side by the threshold scan if it has many suppliers per listed one, else all scored
    int eligibleCount = eligible.cardinality();
    int nearMissCount = exactlyOne.cardinality();
    boolean scanCandidates = order != null && eligibleCount > (long) scanAllUpTo * k;
    boolean scanMisses = order != null && nearMissLimit > 0 && nearMissCount > (long) scanAllUpTo * nearMissLimit;
    Best best = scratch.best.clear();
    Best bestMisses = scratch.bestMisses.clear();
    if (scanCandidates || scanMisses) {
      order.bestOf(scanCandidates ? eligible : null, best, scanMisses ? exactlyOne : null, bestMisses,
          order.bounds.prefectures(need, scratch.prefectureBound), score, scratch);
    }
    for (int j = scanCandidates ? -1 : eligible.nextSetBit(0); j >= 0; j = eligible.nextSetBit(j + 1)) {
      best.offer(j, score.applyAsDouble(j));
    }
    for (int j = scanMisses || nearMissLimit == 0 ? -1 : exactlyOne.nextSetBit(0); j >= 0;
        j = exactlyOne.nextSetBit(j + 1)) {
      bestMisses.offer(j, score.applyAsDouble(j));
    }

    ImmutableList.Builder<Shortlist.Candidate> candidates = ImmutableList.builderWithExpectedSize(best.size);
    for (int r = 0; r < best.size; r++) {
      int j = best.index[r];
      Organization o = ctx.suppliers().get(j);
      candidates.add(new Shortlist.Candidate(r + 1, o.id(), breakdown(scores, j, scorer, need, o, ctx),
          p.capacityAt(j), capacityLeft[j]));
    }
    ImmutableList.Builder<Shortlist.NearMiss> misses = ImmutableList.builderWithExpectedSize(bestMisses.size);
    for (int r = 0; r < bestMisses.size; r++) {
      int j = bestMisses.index[r];
      Organization o = ctx.suppliers().get(j);
      Constraint failed = null;
      for (int c = 0; c < m && failed == null; c++) {
        if (c < reached && failedBy[c].get(j)) {
          failed = constraints.get(c);
        }
      }
      Constraint named = failed;
      // a built-in constraint's text is worded when read (most are never printed); any other
      // is checked now, so that a restrict() that disagrees with its check() fails here
      Violation v = Constraints.restrictAgreesWithCheck(named)
          ? Violation.worded(named.name(), () -> violation(named, need, o, ctx).reason())
          : violation(named, need, o, ctx);
      misses.add(new Shortlist.NearMiss(r + 1, o.id(), v, breakdown(scores, j, scorer, need, o, ctx),
          p.capacityAt(j), capacityLeft[j]));
    }
    return new Shortlist(need.id(), k, nearMissLimit, eligibleCount, nearMissCount,
        Optional.ofNullable(p.locks().get(need.id())), candidates.build(), misses.build());
  }

  /** The violation of a constraint that excluded a supplier from a need. */
  private static Violation violation(Constraint c, Need need, Organization o, MatchContext ctx) {
    return c.check(need, o, ctx).orElseThrow(() -> new IllegalStateException("constraint '" + c.name()
        + "' excluded supplier '" + o.id() + "' from need '" + need.id() + "' in restrict() but its check() admits"
        + " the pair; the two must agree"));
  }

  /** The breakdown of a listed supplier: from the prepared scorer if it has one, else the scorer's. */
  private static ScoreBreakdown breakdown(PreparedScorer.NeedScores scores, int j, Scorer scorer, Need need,
      Organization o, MatchContext ctx) {
    ScoreBreakdown prepared = scores.explain(j);
    ScoreBreakdown b = prepared != null ? prepared : scorer.explain(need, o, ctx);
    Scorers.checked(b.total(), scorer, need, o);
    return b;
  }

  /**
   * One thread's bit sets, lists and scan arrays for {@link #compute}, overwritten by every need:
   * a need allocates only what it returns.
   */
  private static final class Scratch {
    final BitSet alive = new BitSet();
    final BitSet once = new BitSet();
    final BitSet passed = new BitSet();
    final BitSet twice = new BitSet();
    final BitSet eligible = new BitSet();
    final BitSet exactlyOne = new BitSet();
    final BitSet[] failedBy;
    final Best best;
    final Best bestMisses;
    /** The threshold scan's prefectures in the order it walks them, and their heads' bounds. */
    final int[] order = new int[PreparedScorer.NO_PREFECTURE_BOUND.length];
    final double[] head = new double[PreparedScorer.NO_PREFECTURE_BOUND.length];
    /** For the need's part of the bounds by prefecture. */
    final double[] prefectureBound = new double[PreparedScorer.NO_PREFECTURE_BOUND.length];

    Scratch(int constraints, int k, int nearMissLimit) {
      failedBy = new BitSet[constraints];
      Arrays.setAll(failedBy, c -> new BitSet());
      best = new Best(k);
      bestMisses = new Best(nearMissLimit);
    }

    /** Sets {@code set} to the first {@code n} suppliers. */
    BitSet reset(BitSet set, int n) {
      set.clear();
      set.set(0, n);
      return set;
    }

    /** Sets {@code set} to a copy of {@code from}. */
    BitSet copy(BitSet set, BitSet from) {
      set.clear();
      set.or(from);
      return set;
    }
  }

  /**
   * The best {@code k} of the suppliers offered, in any order: score descending, ties to the
   * smaller index. Insertion into a sorted array: most offers lose to the last entry at once.
   */
  private static final class Best {
    final int[] index;
    final double[] score;
    int size;

    Best(int k) {
      index = new int[k];
      score = new double[k];
    }

    /** Empties the list for the next need. */
    Best clear() {
      size = 0;
      return this;
    }

    void offer(int j, double value) {
      int k = index.length;
      if (size == k && !beats(j, value, k - 1)) {
        return;
      }
      int pos = size == k ? k - 1 : size;
      while (pos > 0 && beats(j, value, pos - 1)) {
        index[pos] = index[pos - 1];
        score[pos] = score[pos - 1];
        pos--;
      }
      index[pos] = j;
      score[pos] = value;
      if (size < k) {
        size++;
      }
    }

    private boolean beats(int j, double value, int at) {
      return value > score[at] || value == score[at] && j < index[at];
    }

    boolean isFull() {
      return size == index.length;
    }
  }

  /**
   * A threshold scan (after the threshold algorithm of Fagin, Lotem and Naor, "Optimal
   * aggregation algorithms for middleware", PODS 2001) for the candidates and the near misses of
   * a need at once. The suppliers of each prefecture are sorted once by the supplier part of the
   * scorer's {@link PreparedScorer.Bounds bound}; the need's part is one number per prefecture
   * (with the standard scorer, the proximity of the requester's prefecture). Per need, the
   * prefectures are walked one after the other, the one with the highest first bound first, each
   * from its highest bound down. A supplier is scored only if it is eligible or a near miss of the
   * need and its side (candidates or near misses) is still open; a side closes when it is full
   * and the bound, with a margin for rounding, is below its last listed score — no supplier with
   * a lower bound can enter, ties included, and the last score only rises — or when it has seen
   * all its suppliers. A prefecture's walk stops when both sides are closed at its current bound,
   * the whole scan when they are closed at a prefecture's first bound. Walking one list at a time
   * scores a few more suppliers than merging all lists by bound would (2.95 million against 2.87
   * on instance (d)) but spares the merge's heap. With the standard scorer, proximity weighs two
   * points and falls from 1 at home to 0.30 at 239 km, so a need's own prefecture and its
   * neighbours usually fill the lists and the rest of Japan is never scored. The result is the
   * same as scoring every eligible supplier and every near miss.
   */
  private static final class ThresholdScan {
    /** Score every eligible supplier (near miss) when there are at most this many per listed one. */
    static final int SCAN_ALL_UP_TO = 8;
    /** Relative margin for the rounding of bounds and scores (each a sum of a few products). */
    private static final double MARGIN = 1e-9;

    final PreparedScorer.Bounds bounds;
    /** Each prefecture's suppliers, highest supplier bound first. */
    private final int[][] byPrefecture;
    /** Their supplier bounds, in the same order. */
    private final double[][] boundByPrefecture;

    private ThresholdScan(PreparedScorer.Bounds bounds, int[][] byPrefecture, double[][] boundByPrefecture) {
      this.bounds = bounds;
      this.byPrefecture = byPrefecture;
      this.boundByPrefecture = boundByPrefecture;
    }

    /** The scan for a prepared scorer with bounds, or {@code null} without. */
    static ThresholdScan of(PreparedScorer prepared, MatchContext ctx) {
      PreparedScorer.Bounds bounds = prepared.bounds();
      if (bounds == null) {
        return null;
      }
      List<Organization> suppliers = ctx.suppliers();
      double[] supplierBound = new double[suppliers.size()];
      int[] count = new int[PreparedScorer.NO_PREFECTURE_BOUND.length];
      for (int j = 0; j < supplierBound.length; j++) {
        supplierBound[j] = bounds.supplier(j);
        count[suppliers.get(j).prefecture().ordinal()]++;
      }
      Integer[][] groups = new Integer[count.length][];
      for (int p = 0; p < count.length; p++) {
        groups[p] = new Integer[count[p]];
        count[p] = 0;
      }
      for (int j = 0; j < supplierBound.length; j++) {
        int p = suppliers.get(j).prefecture().ordinal();
        groups[p][count[p]++] = j;
      }
      int[][] byPrefecture = new int[groups.length][];
      for (int p = 0; p < groups.length; p++) {
        Arrays.sort(groups[p], (a, b) -> Double.compare(supplierBound[b], supplierBound[a]));
        byPrefecture[p] = Arrays.stream(groups[p]).mapToInt(Integer::intValue).toArray();
      }
      double[][] boundByPrefecture = new double[byPrefecture.length][];
      for (int p = 0; p < byPrefecture.length; p++) {
        boundByPrefecture[p] = Arrays.stream(byPrefecture[p]).mapToDouble(j -> supplierBound[j]).toArray();
      }
      return new ThresholdScan(bounds, byPrefecture, boundByPrefecture);
    }

    /**
     * Offers to {@code best} the eligible suppliers and to {@code bestMisses} the near misses
     * that can enter them, best bound first; a side whose set is {@code null} is left alone.
     */
    void bestOf(BitSet eligible, Best best, BitSet nearMisses, Best bestMisses, double[] prefectureBound,
        IntToDoubleFunction score, Scratch scratch) {
      // how many of each side are still unseen: a side that has seen all its suppliers is done
      int eligibleLeft = eligible == null ? 0 : eligible.cardinality();
      int missesLeft = nearMisses == null ? 0 : nearMisses.cardinality();
      // the prefectures by their heads' bounds, largest first (an insertion sort of 47 at most)
      int[] order = scratch.order;
      double[] head = scratch.head;
      int size = 0;
      for (int p = 0; p < byPrefecture.length; p++) {
        if (byPrefecture[p].length > 0) {
          double h = prefectureBound[p] + boundByPrefecture[p][0];
          int at = size++;
          while (at > 0 && head[at - 1] < h) {
            head[at] = head[at - 1];
            order[at] = order[at - 1];
            at--;
          }
          head[at] = h;
          order[at] = p;
        }
      }
      // a side is open to a supplier whose bound reaches its threshold (changed only by an offer)
      double candidatesAt = threshold(best, eligibleLeft);
      double missesAt = threshold(bestMisses, missesLeft);
      for (int o = 0; o < size; o++) {
        int p = order[o];
        int[] list = byPrefecture[p];
        double[] bound = boundByPrefecture[p];
        double need = prefectureBound[p];
        for (int i = 0; i < list.length; i++) {
          double reach = (need + bound[i]) * (1 + MARGIN);
          if (reach < candidatesAt && reach < missesAt) {
            if (i == 0) {
              return; // the later prefectures' first bounds are lower still
            }
            break;
          }
          int j = list[i];
          if (reach >= candidatesAt && eligible.get(j)) {
            best.offer(j, score.applyAsDouble(j));
            candidatesAt = threshold(best, --eligibleLeft);
          } else if (reach >= missesAt && nearMisses.get(j)) {
            bestMisses.offer(j, score.applyAsDouble(j));
            missesAt = threshold(bestMisses, --missesLeft);
          }
        }
      }
    }

    /**
     * The least bound (with the margin) a supplier needs to enter a list: any while it is not
     * full, its last score once full, none (infinity) once it has seen all its suppliers.
     */
    private static double threshold(Best list, int unseen) {
      return unseen == 0 ? Double.POSITIVE_INFINITY
          : list.isFull() ? list.score[list.size - 1] : Double.NEGATIVE_INFINITY;
    }
  }

  /**
   * Returns the limit the shortlists were made with.
   *
   * @return {@code k}
   */
  public int k() {
    return k;
  }

  /**
   * Returns every need's shortlist.
   *
   * @return the shortlists, in need id order
   */
  public ImmutableList<Shortlist> all() {
    return all;
  }

  /**
   * Returns the shortlist of a need.
   *
   * @param need the need's id
   * @return its shortlist
   * @throws IllegalArgumentException naming the need if it has none here
   */
  public Shortlist get(NeedId need) {
    Shortlist s = byNeed.get(checkNotNull(need, "need"));
    checkArgument(s != null, "unknown need '%s': no shortlist among the %s made", need, all.size());
    return s;
  }

  /**
   * Returns the most near misses listed per need.
   *
   * @return the near-miss limit
   */
  public int nearMissLimit() {
    return nearMissLimit;
  }

  /**
   * Returns every shortlist's {@link Shortlist#table()}, one after the other.
   *
   * @return the tables, lines separated by {@code \n}
   */
  public String table() {
    StringBuilder s = new StringBuilder(toString()).append('\n');
    all.forEach(l -> s.append(l.table()));
    return s.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shortlists other && k == other.k && nearMissLimit == other.nearMissLimit
        && all.equals(other.all);
  }

  @Override
  public int hashCode() {
    return (all.hashCode() * 31 + k) * 31 + nearMissLimit;
  }

  /** Returns for example {@code Shortlists[k=10, 8 needs, 6 with candidates]}. */
  @Override
  public String toString() {
    return "Shortlists[k=" + k + (nearMissLimit == k ? "" : ", near misses " + nearMissLimit) + ", " + all.size()
        + " needs, " + all.stream().filter(l -> !l.isEmpty()).count()
        + " with candidates]";
  }
}
