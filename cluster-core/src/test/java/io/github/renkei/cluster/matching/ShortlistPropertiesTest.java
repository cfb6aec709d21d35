package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.testing.MatchingArbitraries;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * What every shortlist guarantees, over generated problems (abstract ones with up to four
 * constraints, some needs locked; realistic ones with the standard constraints and scorer):
 * {@link MatchChecks#shortlistProblems} finds nothing, the result is the same on one thread or
 * several and for one need alone, a longer shortlist extends a shorter one, and the candidates
 * are the eligibility graph's suppliers of the need.
 */
class ShortlistPropertiesTest {

  @Provide
  Arbitrary<MatchingProblem> problems() {
    Arbitrary<MatchingProblem> abstractOnes = Arbitraries.integers().between(1, 4).flatMap(c ->
        MatchingArbitraries.problems().withNeeds(0, 8).withSuppliers(0, 12).withScores(0, 4).withConstraints(c));
    Arbitrary<MatchingProblem> locked = abstractOnes.map(ShortlistPropertiesTest::lockSome);
    return Arbitraries.oneOf(abstractOnes, locked, MatchingArbitraries.realisticProblems());
  }

  @Provide
  Arbitrary<Integer> k() {
    return MatchingArbitraries.shortlistSizes();
  }

  /** Locks every other assignment of the optimal matching, which is feasible by construction. */
  static MatchingProblem lockSome(MatchingProblem p) {
    MatchingProblem.Builder b = p.toBuilder();
    List<Assignment> assignments = Matchers.optimal().match(p).assignments();
    for (int i = 0; i < assignments.size(); i += 2) {
      b.lock(assignments.get(i));
    }
    return b.build();
  }

  @Property(tries = 300)
  void everyShortlistPassesTheIndependentChecks(@ForAll("problems") MatchingProblem p, @ForAll("k") int k,
      @ForAll @IntRange(min = 0, max = 4) int nearMisses) {
    Shortlists lists = Shortlists.of(p, k);
    assertEquals(List.of(), MatchChecks.shortlistProblems(p, lists), lists.table());
    Shortlists other = Shortlists.of(p, k, nearMisses);
    assertEquals(List.of(), MatchChecks.shortlistProblems(p, other), other.table());
  }

  /**
   * A near miss's violation is worded when read: it must be, field for field and in every text,
   * the violation its constraint's {@code check} gives for the pair, as it was when worded at
   * once; read on several threads at once, it is the same.
   */
  @Property(tries = 200)
  void aNearMissesViolationIsTheOneItsConstraintGives(@ForAll("problems") MatchingProblem p, @ForAll("k") int k,
      @ForAll @IntRange(min = 0, max = 1) int scanAllUpTo) {
    Shortlists lists = Shortlists.of(p, k, k, scanAllUpTo == 0 ? 0 : Integer.MAX_VALUE);
    MatchContext ctx = p.context();
    List<Shortlist.NearMiss> all = lists.all().stream().flatMap(s -> s.nearMisses().stream()).toList();
    // half of them read first by several threads at once
    all.parallelStream().filter(m -> m.rank() % 2 == 0).forEach(m -> m.violation().toString());
    for (Shortlist s : lists.all()) {
      Need need = p.need(s.need()).orElseThrow();
      for (Shortlist.NearMiss m : s.nearMisses()) {
        Violation v = m.violation();
        Constraint c = p.constraints().stream().filter(x -> x.name().equals(v.constraint())).findFirst()
            .orElseThrow();
        Violation checked = c.check(need, ctx.suppliers().get(ctx.supplierIndex(m.supplier()).getAsInt()), ctx)
            .orElseThrow();
        assertEquals(checked.constraint(), v.constraint());
        assertEquals(checked.reason(), v.reason(), m.toString());
        assertEquals(checked.toString(), v.toString());
        assertEquals(checked, v);
        assertEquals(checked.hashCode(), v.hashCode());
      }
    }
  }

  @Property(tries = 200)
  void theSameOnOneThreadOrSeveralAndForOneNeedAlone(@ForAll("problems") MatchingProblem p, @ForAll("k") int k) {
    Shortlists parallel = Shortlists.of(p.toBuilder().parallel(true).build(), k);
    Shortlists sequential = Shortlists.of(p.toBuilder().parallel(false).build(), k);
    assertEquals(parallel, sequential);
    for (Need n : p.needs()) {
      assertEquals(parallel.get(n.id()), Shortlists.of(p, n.id(), k));
    }
  }

  @Property(tries = 200)
  void aLongerShortlistExtendsAShorterOne(@ForAll("problems") MatchingProblem p, @ForAll("k") int k) {
    Shortlists shorter = Shortlists.of(p, k);
    Shortlists longer = Shortlists.of(p, k + 1);
    for (int i = 0; i < shorter.all().size(); i++) {
      Shortlist a = shorter.all().get(i);
      Shortlist b = longer.all().get(i);
      assertEquals(a.candidates(), b.candidates().subList(0, a.candidates().size()));
      assertEquals(a.nearMisses(), b.nearMisses().subList(0, a.nearMisses().size()));
    }
  }

  @Property(tries = 200)
  void theCandidatesOfALongEnoughShortlistAreTheNeedsRowOfTheEligibilityGraph(@ForAll("problems") MatchingProblem p) {
    int k = Math.max(1, p.suppliers().size());
    Shortlists lists = Shortlists.of(p, k);
    EligibilityGraph g = p.graph();
    for (int r = 0; r < g.rows(); r++) {
      List<String> row = new ArrayList<>();
      for (int e = g.offset[r]; e < g.offset[r + 1]; e++) {
        row.add(p.suppliers().get(g.supplier[e]).id().value());
      }
      List<String> listed = new ArrayList<>(lists.get(g.need(r).id()).candidates().stream()
          .map(c -> c.supplier().value()).toList());
      listed.sort(null);
      assertEquals(row, listed, g.need(r).id().toString());
    }
  }
}
