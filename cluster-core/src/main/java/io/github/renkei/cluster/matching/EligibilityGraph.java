package io.github.renkei.cluster.matching;

import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * Which suppliers may take which needs, with scores: compressed sparse rows over the unlocked
 * needs in id order. Row {@code r} (need {@code needIndex[r]} of the problem) has the eligible
 * suppliers {@code supplier[offset[r] .. offset[r+1])} in id order, with the needs' scores of
 * them and the suppliers' scores of the needs. Capacities are what is left after the locks.
 * Memory grows with the number of eligible pairs, not with needs × suppliers. With a
 * {@linkplain MatchingProblem.Builder#shortlist shortlist} of {@code k}, a row keeps only its
 * need's {@code k} best eligible suppliers ({@link TopK}: highest score, ties to the smaller id),
 * still in id order, so the graph has at most needs × {@code k} pairs.
 */
final class EligibilityGraph {

  final MatchingProblem problem;
  /** For each row, the index of its need in {@link MatchingProblem#needs()}. */
  final int[] needIndex;
  final int[] offset;
  final int[] supplier;
  final double[] score;
  /** The suppliers' scores of the needs; the same array as {@link #score} if one scorer ranks both ways. */
  final double[] supplierScore;
  /** Capacity left for the unlocked needs. */
  final int[] capacity;
  /** For each supplier, the needs locked to it (indices into the problem's needs). */
  final int[][] locked;

  private EligibilityGraph(MatchingProblem problem, int[] needIndex, int[] offset, int[] supplier, double[] score,
      double[] supplierScore, int[] capacity, int[][] locked) {
    this.problem = problem;
    this.needIndex = needIndex;
    this.offset = offset;
    this.supplier = supplier;
    this.score = score;
    this.supplierScore = supplierScore;
    this.capacity = capacity;
    this.locked = locked;
  }

  int rows() {
    return needIndex.length;
  }

  int suppliers() {
    return capacity.length;
  }

  long pairCount() {
    return supplier.length;
  }

  Need need(int row) {
    return problem.needs().get(needIndex[row]);
  }

  private static final class Row {
    final int[] suppliers;
    final double[] scores;
    final double[] supplierScores;

    Row(int[] suppliers, double[] scores, double[] supplierScores) {
      this.suppliers = suppliers;
      this.scores = scores;
      this.supplierScores = supplierScores;
    }
  }

  static EligibilityGraph build(MatchingProblem p) {
    MatchContext ctx = p.context();
    List<Need> needs = p.needs();
    int r = p.suppliers().size();
    int[] capacity = new int[r];
    for (int j = 0; j < r; j++) {
      capacity[j] = p.capacityAt(j);
    }
    int[] lockCount = new int[r];
    int[] lockedNeedTo = new int[needs.size()];
    java.util.Arrays.fill(lockedNeedTo, -1);
    p.locks().forEach((needId, supplierId) -> {
      int n = p.needIndex(needId);
      int s = ctx.supplierIndex(supplierId).getAsInt();
      lockedNeedTo[n] = s;
      lockCount[s]++;
      capacity[s]--;
    });
    int[][] locked = new int[r][];
    for (int j = 0; j < r; j++) {
      locked[j] = new int[lockCount[j]];
      lockCount[j] = 0;
    }
    int[] rowsToNeeds = IntStream.range(0, needs.size()).filter(n -> lockedNeedTo[n] < 0).toArray();
    for (int n = 0; n < needs.size(); n++) {
      int s = lockedNeedTo[n];
      if (s >= 0) {
        locked[s][lockCount[s]++] = n;
      }
    }
    boolean twoScorers = p.supplierScorer() != p.scorer();
    PreparedScorer scorer = PreparedScorer.of(p.scorer(), ctx);
    PreparedScorer supplierScorer = twoScorers ? PreparedScorer.of(p.supplierScorer(), ctx) : scorer;
    Row[] rows = new Row[rowsToNeeds.length];
    IntStream range = IntStream.range(0, rowsToNeeds.length);
    if (p.isParallel()) {
      range = range.parallel();
    }
    // a failing constraint or scorer fails the build; with several, the first need's failure
    // is reported, whatever the threads did first
    RuntimeException[] failures = new RuntimeException[rowsToNeeds.length];
    range.forEach(i -> {
      try {
        rows[i] = row(p, ctx, needs.get(rowsToNeeds[i]), scorer, supplierScorer, twoScorers);
      } catch (RuntimeException e) {
        failures[i] = e;
      }
    });
    for (RuntimeException failure : failures) {
      if (failure != null) {
        throw failure;
      }
    }
    int[] offset = new int[rows.length + 1];
    for (int i = 0; i < rows.length; i++) {
      offset[i + 1] = offset[i] + rows[i].suppliers.length;
    }
    int pairs = offset[rows.length];
    int[] supplier = new int[pairs];
    double[] score = new double[pairs];
    double[] supplierScore = twoScorers ? new double[pairs] : score;
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i].suppliers, 0, supplier, offset[i], rows[i].suppliers.length);
      System.arraycopy(rows[i].scores, 0, score, offset[i], rows[i].scores.length);
      if (twoScorers) {
        System.arraycopy(rows[i].supplierScores, 0, supplierScore, offset[i], rows[i].supplierScores.length);
      }
    }
    return new EligibilityGraph(p, rowsToNeeds, offset, supplier, score, supplierScore, capacity, locked);
  }

  private static Row row(MatchingProblem p, MatchContext ctx, Need need, PreparedScorer scorer,
      PreparedScorer supplierScorer, boolean twoScorers) {
    BitSet candidates = ctx.allSuppliers();
    for (Constraint c : p.constraints()) {
      c.restrict(need, ctx, candidates);
      if (candidates.isEmpty()) {
        break;
      }
    }
    int k = candidates.cardinality();
    int[] suppliers = new int[k];
    double[] scores = new double[k];
    double[] supplierScores = twoScorers ? new double[k] : scores;
    PreparedScorer.NeedScores needScores = scorer.forNeed(need);
    PreparedScorer.NeedScores supplierNeedScores = twoScorers ? supplierScorer.forNeed(need) : null;
    int e = 0;
    for (int j = candidates.nextSetBit(0); j >= 0; j = candidates.nextSetBit(j + 1)) {
      suppliers[e] = j;
      scores[e] = Scorers.checked(needScores.score(j), p.scorer(), need, ctx, j);
      if (twoScorers) {
        supplierScores[e] = Scorers.checked(supplierNeedScores.score(j), p.supplierScorer(), need, ctx, j);
      }
      e++;
    }
    int shortlist = p.shortlistSize();
    if (shortlist > 0 && k > shortlist) {
      return shortlisted(suppliers, scores, supplierScores, twoScorers, TopK.select(scores, k, shortlist));
    }
    return new Row(suppliers, scores, supplierScores);
  }

  /** The row cut to the kept positions (ascending, so the row stays in supplier id order). */
  private static Row shortlisted(int[] suppliers, double[] scores, double[] supplierScores, boolean twoScorers,
      int[] kept) {
    int[] s = new int[kept.length];
    double[] sc = new double[kept.length];
    double[] ssc = twoScorers ? new double[kept.length] : sc;
    for (int i = 0; i < kept.length; i++) {
      s[i] = suppliers[kept[i]];
      sc[i] = scores[kept[i]];
      if (twoScorers) {
        ssc[i] = supplierScores[kept[i]];
      }
    }
    return new Row(s, sc, ssc);
  }

  /** Row of a need id, or -1 if the need is locked or unknown. */
  int rowOf(NeedId id) {
    int n = problem.needIndex(id);
    if (n < 0) {
      return -1;
    }
    int lo = 0;
    int hi = needIndex.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (needIndex[mid] < n) {
        lo = mid + 1;
      } else if (needIndex[mid] > n) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** The edge from a row to a supplier, or -1. */
  int edge(int row, int supplierIndex) {
    int lo = offset[row];
    int hi = offset[row + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (supplier[mid] < supplierIndex) {
        lo = mid + 1;
      } else if (supplier[mid] > supplierIndex) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  int supplierIndex(OrganizationId id) {
    OptionalInt i = problem.context().supplierIndex(id);
    return i.isPresent() ? i.getAsInt() : -1;
  }
}
