package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.HashMultimap;
import com.google.common.collect.SetMultimap;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.RelationshipType;
import io.github.renkei.cluster.testing.MatchingArbitraries;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the built-in constraints and of explanations over realistic problems: generated
 * clusters in and around Fukushima with the standard constraints and scorer.
 */
class RealisticProblemPropertiesTest {

  private static final List<Matcher> ALL = List.of(Matchers.greedy(), Matchers.optimal(),
      Matchers.optimalMaximizingMatches(), Matchers.stable(), Matchers.stableSuppliersProposing());

  @Provide
  Arbitrary<MatchingProblem> realistic() {
    return MatchingArbitraries.realisticProblems();
  }

  /** Every built-in constraint, with the pairs to exclude drawn from the problem itself. */
  private static List<Constraint> builtIns(MatchingProblem p) {
    SetMultimap<OrganizationId, OrganizationId> excluded = HashMultimap.create();
    for (Need n : p.needs()) {
      for (int j = 0; j < p.suppliers().size(); j += 2) {
        excluded.put(n.requester(), p.suppliers().get(j).id());
      }
    }
    List<Constraint> all = new ArrayList<>(Constraints.standard());
    all.addAll(List.of(Constraints.samePrefecture(), Constraints.sameBlock(), Constraints.withinKm(0),
        Constraints.withinKm(100), Constraints.withinKm(250.5), Constraints.excludedPairs(excluded),
        Constraints.priorRelationshipRequired(), Constraints.priorRelationshipRequired(RelationshipType.PARTS_SUPPLY,
            RelationshipType.OEM), Constraints.priorRelationshipForbidden(),
        Constraints.priorRelationshipForbidden(RelationshipType.SUPPORT)));
    return all;
  }

  private static BitSet admittedByCheck(Constraint c, Need need, MatchContext ctx) {
    BitSet admitted = new BitSet();
    for (int j = 0; j < ctx.suppliers().size(); j++) {
      if (c.check(need, ctx.suppliers().get(j), ctx).isEmpty()) {
        admitted.set(j);
      }
    }
    return admitted;
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void everyBuiltInConstraintsRestrictAgreesWithItsCheckOnEveryPair(@ForAll("realistic") MatchingProblem generated,
      @ForAll Random random) {
    // with and without a year, which decides which ties count as prior
    for (MatchingProblem p : List.of(generated, generated.toBuilder().year(2000 + random.nextInt(25)).build())) {
      MatchContext ctx = p.context();
      int s = ctx.suppliers().size();
      for (Constraint c : builtIns(p)) {
        for (Need need : p.needs()) {
          BitSet expected = admittedByCheck(c, need, ctx);
          BitSet all = new BitSet();
          all.set(0, s);
          c.restrict(need, ctx, all);
          assertEquals(expected, all, c.name() + " on " + need.id());

          // restricting a subset only removes what check() rejects
          BitSet subset = new BitSet();
          for (int j = 0; j < s; j++) {
            if (random.nextBoolean()) {
              subset.set(j);
            }
          }
          BitSet narrowed = (BitSet) subset.clone();
          c.restrict(need, ctx, narrowed);
          subset.and(expected);
          assertEquals(subset, narrowed, c.name() + " on a subset, " + need.id());

          for (int j = 0; j < s; j++) {
            Organization supplier = ctx.suppliers().get(j);
            c.check(need, supplier, ctx).ifPresent(v -> {
              assertEquals(c.name(), v.constraint());
              assertTrue(!v.reason().isBlank());
            });
          }
        }
      }
    }
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void everyMatcherIsFeasibleAndOptimalIsBestOnRealisticProblems(@ForAll("realistic") MatchingProblem p) {
    double optimal = Matchers.optimal().match(p).totalScore();
    // fractional scores are quantized: the optimum may be missed by a rounding step per need
    double tolerance = 1e-9 * Math.max(1, optimal) + p.needs().size() * 7.5 / (1 << 29);
    for (Matcher m : ALL) {
      MatchResult r = m.match(p);
      assertEquals(List.of(), MatchChecks.problems(p, r), m.name());
      assertTrue(r.totalScore() <= optimal + tolerance, m.name() + " " + r.totalScore() + " > optimal " + optimal);
    }
    assertEquals(List.of(), MatchChecks.blockingPairs(p, Matchers.stable().match(p)));
    assertEquals(List.of(), MatchChecks.blockingPairs(p, Matchers.stableSuppliersProposing().match(p)));
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void theExplanationOfAnUnmatchedNeedCountsWhatEachConstraintExcludesAndNamesTheFullSuppliers(
      @ForAll("realistic") MatchingProblem p) {
    MatchContext ctx = p.context();
    int s = ctx.suppliers().size();
    for (Matcher m : ALL) {
      MatchResult r = m.match(p);
      for (Unmatched u : r.unmatched()) {
        Need need = p.need(u.need()).orElseThrow();
        Explanation e = u.explanation();
        assertEquals(p.constraints().stream().map(Constraint::name).toList(), List.copyOf(e.excludedBy().keySet()));
        BitSet eligible = new BitSet();
        eligible.set(0, s);
        for (Constraint c : p.constraints()) {
          BitSet admitted = admittedByCheck(c, need, ctx);
          assertEquals(s - admitted.cardinality(), e.excludedBy().get(c.name()), m.name() + " " + u + " " + c.name());
          eligible.and(admitted);
        }
        assertEquals(eligible.cardinality(), e.eligible(), m.name() + " " + u);
        List<OrganizationId> full = new ArrayList<>();
        for (int j = eligible.nextSetBit(0); j >= 0; j = eligible.nextSetBit(j + 1)) {
          OrganizationId id = ctx.suppliers().get(j).id();
          assertEquals(p.capacity(id), r.assignedTo(id).size(),
              m.name() + " left " + u.need() + " unmatched although eligible " + id + " has room");
          full.add(id);
        }
        assertEquals(full, e.full().stream().map(Explanation.FullSupplier::supplier).toList());
        if (s == 0) {
          assertEquals("the problem has no candidate suppliers", e.summary());
        } else if (e.eligible() == 0) {
          assertTrue(e.summary().startsWith("no supplier "), e.summary());
        } else {
          assertTrue(e.summary().contains("full"), e.summary());
        }
      }
    }
  }
}
