package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.testing.MatchingArbitraries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The problem-level shortlist ({@link MatchingProblem.Builder#shortlist(int)}): each need keeps
 * its k best eligible suppliers; matchers stay feasible; greedy is unchanged when k is at least
 * the unlocked needs plus the suppliers without capacity.
 */
class ShortlistTest {

  private static final List<Matcher> ALL = List.of(Matchers.greedy(), Matchers.optimal(),
      Matchers.optimalMaximizingMatches(), Matchers.stable(), Matchers.stableSuppliersProposing());

  @Provide
  Arbitrary<MatchingProblem> realistic() {
    return MatchingArbitraries.realisticProblems();
  }

  @Provide
  Arbitrary<MatchingProblem> problems() {
    return MatchingArbitraries.problems();
  }

  @Test
  void kBelowOneIsRejectedNamingK() {
    for (int k : new int[] {0, -1, Integer.MIN_VALUE}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> MatchingProblem.builder().shortlist(k));
      assertEquals("shortlist k must be >= 1 but was " + k, e.getMessage());
    }
  }

  @Test
  void theShortlistIsKeptByToBuilderAndUndoneByNoShortlist() {
    MatchingProblem p = MatchingProblem.from(FukushimaSample.cluster()).shortlist(3).build();
    assertEquals(OptionalInt.of(3), p.shortlist());
    assertEquals(OptionalInt.of(3), p.toBuilder().build().shortlist());
    assertEquals(OptionalInt.empty(), p.toBuilder().noShortlist().build().shortlist());
    assertTrue(p.toString().contains("shortlist=3"), p.toString());
  }

  /** Three suppliers of equal score and one better: k = 2 keeps the better one and the smaller id. */
  @Test
  void tiesGoToTheSmallerSupplierId() {
    Organization requester = Organization.builder(OrganizationId.of("maker"), "Maker", OrganizationType.DEVICE_MAKER,
        Prefecture.TOKYO).build();
    List<Organization> firms = new ArrayList<>();
    for (String id : new String[] {"a", "b", "c", "d"}) {
      firms.add(Organization.builder(OrganizationId.of(id), id, OrganizationType.SME_MANUFACTURER, Prefecture.FUKUSHIMA)
          .capabilities(Capability.MACHINING).capacity(1).build());
    }
    Scorer scorer = Scorers.of("d-best", (need, supplier, ctx) -> supplier.id().value().equals("d") ? 2 : 1);
    MatchingProblem.Builder b = MatchingProblem.builder().organization(requester).constraints(List.of())
        .scorer(scorer).need(Need.builder(NeedId.of("n"), requester.id(), NeedKind.PARTS_SUPPLY).build());
    firms.forEach(b::supplier);
    EligibilityGraph g = b.shortlist(2).build().graph();
    assertArrayEquals(new int[] {0, 3}, g.supplier);   // a (tie, smallest id) and d (best), in id order
    assertArrayEquals(new double[] {1, 2}, g.score);
  }

  @Test
  void topKAgreesWithASortOnHandMadeRows() {
    double[] score = {0.5, 0.9, 0.5, 0.1, 0.9, 0.5};
    assertArrayEquals(new int[] {1, 4}, TopK.select(score, 6, 2));
    assertArrayEquals(new int[] {0, 1, 4}, TopK.select(score, 6, 3));
    assertArrayEquals(new int[] {0, 1, 2, 4}, TopK.select(score, 6, 4));
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, TopK.select(score, 6, 9));
    assertArrayEquals(new int[] {1}, TopK.select(score, 6, 1));
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void topKIsTheFirstKOfAStableSortByDescendingScore(@ForAll @Size(max = 60) List<@IntRange(max = 5) Integer> values,
      @ForAll @IntRange(min = 1, max = 70) int k) {
    double[] score = values.stream().mapToDouble(v -> v / 4.0).toArray();
    int[] expected = IntStream.range(0, score.length).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparingInt(i -> i))
        .limit(k).mapToInt(Integer::intValue).sorted().toArray();
    assertArrayEquals(expected, TopK.select(score, score.length, k));
  }

  /** Each row of the shortlisted graph is exactly the top k of the full graph's row. */
  @Property(edgeCases = EdgeCasesMode.NONE)
  void theShortlistedGraphIsTheTopKOfTheFullGraph(@ForAll("realistic") MatchingProblem p,
      @ForAll @IntRange(min = 1, max = 12) int k) {
    EligibilityGraph full = p.graph();
    EligibilityGraph cut = p.toBuilder().shortlist(k).build().graph();
    assertArrayEquals(full.needIndex, cut.needIndex);
    assertArrayEquals(full.capacity, cut.capacity);
    for (int r = 0; r < full.rows(); r++) {
      int from = full.offset[r];
      int n = full.offset[r + 1] - from;
      double[] rowScores = java.util.Arrays.copyOfRange(full.score, from, from + n);
      int[] expected = IntStream.range(0, n).boxed()
          .sorted(Comparator.<Integer>comparingDouble(i -> -rowScores[i]).thenComparingInt(i -> full.supplier[from + i]))
          .limit(k).mapToInt(i -> full.supplier[from + i]).sorted().toArray();
      int[] actual = java.util.Arrays.copyOfRange(cut.supplier, cut.offset[r], cut.offset[r + 1]);
      assertArrayEquals(expected, actual, "row " + r);
      for (int e = cut.offset[r]; e < cut.offset[r + 1]; e++) {
        assertEquals(full.score[full.edge(r, cut.supplier[e])], cut.score[e]);
      }
    }
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void everyMatcherStaysFeasibleOnAShortlist(@ForAll("problems") MatchingProblem p,
      @ForAll @IntRange(min = 1, max = 5) int k) {
    MatchingProblem cut = p.toBuilder().shortlist(k).build();
    for (Matcher m : ALL) {
      MatchResult r = m.match(cut);
      assertEquals(List.of(), MatchChecks.problems(p, r), m.name());
      assertEquals(cut.needs().size(), r.assignments().size() + r.unmatched().size(), m.name());
    }
  }

  /** The bound of the class comment: k >= unlocked needs + suppliers without capacity left. */
  @Property(edgeCases = EdgeCasesMode.NONE)
  void greedyIsUnchangedWhenKReachesTheBound(@ForAll("problems") MatchingProblem p) {
    EligibilityGraph g = p.graph();
    int full = (int) IntStream.of(g.capacity).filter(c -> c <= 0).count();
    int k = Math.max(1, g.rows() + full);
    assertEquals(Matchers.greedy().match(p).assignments(),
        Matchers.greedy().match(p.toBuilder().shortlist(k).build()).assignments());
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void theOptimumOnAShortlistIsNeverAboveTheFullOptimum(@ForAll("realistic") MatchingProblem p,
      @ForAll @IntRange(min = 1, max = 6) int k) {
    double full = Matchers.optimal().match(p).totalScore();
    double cut = Matchers.optimal().match(p.toBuilder().shortlist(k).build()).totalScore();
    assertTrue(cut <= full + 1e-9 * Math.max(1, full), cut + " > " + full);
  }
}
