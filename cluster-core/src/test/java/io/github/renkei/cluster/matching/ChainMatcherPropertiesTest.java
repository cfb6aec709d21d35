package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.testing.MatchingArbitraries;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What both chain matchers guarantee over generated chain problems: never a partial chain, never
 * a licence gap, capacities kept, maximality, explanations that hold; the optimal matcher at
 * least the greedy one and equal to exhaustive search on tiny instances.
 */
class ChainMatcherPropertiesTest {

  private static final List<ChainMatcher> BOTH = List.of(ChainMatchers.greedy(), ChainMatchers.optimal());

  @Provide
  Arbitrary<ChainProblem> problems() {
    return Arbitraries.oneOf(
        MatchingArbitraries.chainProblems(),
        MatchingArbitraries.chainProblems().withMaxScore(2),
        MatchingArbitraries.chainProblems().withChains(0, 15).withSuppliers(1, 8).withCapacity(0, 4),
        MatchingArbitraries.chainProblems().withChains(0, 12).withSuppliers(1, 3).withRegistrations(90)
            .withCapacity(0, 6));
  }

  @Provide
  Arbitrary<ChainProblem> tiny() {
    return Arbitraries.oneOf(
        MatchingArbitraries.chainProblems().withChains(0, 4).withSuppliers(0, 4).withRoles(1, 3),
        MatchingArbitraries.chainProblems().withChains(1, 5).withSuppliers(1, 2).withRoles(1, 2).withCapacity(0, 3)
            .withRegistrations(90).withMaxScore(3));
  }

  @Property
  void everyChainIsCompleteOrAbsentWithoutLicenceGapsWithinCapacityAndMaximal(@ForAll("problems") ChainProblem p) {
    for (ChainMatcher m : BOTH) {
      ChainResult r = m.match(p);
      assertEquals(List.of(), MatchChecks.problems(p, r), m.name());
      assertEquals(List.of(), MatchChecks.licenceGaps(p, r), m.name());
      assertEquals(List.of(), MatchChecks.fillableChains(p, r), m.name());
      assertEquals(p.chains().size(), r.filledCount() + r.unfilled().size());
    }
  }

  @Property
  void optimalScoresAtLeastGreedy(@ForAll("problems") ChainProblem p) {
    assertTrue(ChainMatchers.optimal().match(p).totalScore() >= ChainMatchers.greedy().match(p).totalScore());
  }

  @Property
  void optimalEqualsExhaustiveSearch(@ForAll("tiny") ChainProblem p) {
    assertEquals(BruteForceChains.best(p), ChainMatchers.optimal().match(p).totalScore(), 1e-9);
  }

  @Property
  void aBlockingRoleHasNoEligibleSupplierWithRoomAndAnUnblockedChainSharesOne(@ForAll("problems") ChainProblem p) {
    for (ChainMatcher m : BOTH) {
      ChainResult r = m.match(p);
      int[] left = BruteForceChains.left(p, r);
      for (UnfilledChain u : r.unfilled()) {
        ChainNeed chain = p.chain(u.need()).orElseThrow();
        ChainExplanation e = u.explanation();
        assertEquals(chain.roles().stream().map(ChainRole::step).toList(), List.copyOf(e.roles().keySet()));
        for (ChainRole role : chain.roles()) {
          List<Integer> withRoom = new ArrayList<>();
          List<Integer> eligible = BruteForceChains.eligible(p, chain, role);
          for (int j : eligible) {
            if (left[j] >= role.capacityUse()) {
              withRoom.add(j);
            }
          }
          assertEquals(eligible.size(), e.roles().get(role.step()).eligible());
          assertEquals(withRoom.isEmpty(), e.blockingRoles().contains(role.step()), u.toString());
        }
        if (e.blockingRoles().isEmpty()) {
          assertTrue(e.summary().startsWith("every role has an eligible supplier with room, but no team fits"),
              e.summary());
        } else {
          for (var step : e.blockingRoles()) {
            assertTrue(e.summary().contains(ChainRole.nameOf(step) + ": "), e.summary());
          }
        }
      }
    }
  }

  @Property
  void matchingIsDeterministic(@ForAll("problems") ChainProblem p) {
    for (ChainMatcher m : BOTH) {
      ChainResult r = m.match(p);
      assertEquals(r, m.match(p));
      assertEquals(r.table(), m.match(p).table());
      assertFalse(r.toString().isEmpty());
    }
  }

  /** Exhaustive search over every chain's teams, independent of the matchers' code. */
  static final class BruteForceChains {
    private BruteForceChains() {}

    static List<Integer> eligible(ChainProblem p, ChainNeed chain, ChainRole role) {
      List<Integer> js = new ArrayList<>();
      for (int j = 0; j < p.suppliers().size(); j++) {
        Organization s = p.suppliers().get(j);
        if (p.requirement(chain, role.step()).isSatisfiedBy(s.licences())
            && p.violations(chain, role.step(), s).isEmpty()) {
          js.add(j);
        }
      }
      return js;
    }

    static int[] left(ChainProblem p, ChainResult r) {
      int[] left = new int[p.suppliers().size()];
      for (int j = 0; j < left.length; j++) {
        left[j] = p.capacity(p.suppliers().get(j).id());
      }
      for (ChainAssignment a : r.assignments()) {
        ChainNeed chain = p.chain(a.need()).orElseThrow();
        for (RoleAssignment x : a.roles()) {
          left[p.context().supplierIndex(x.supplier()).getAsInt()] -= chain.role(x.step()).orElseThrow().capacityUse();
        }
      }
      return left;
    }

    static double best(ChainProblem p) {
      int[] left = new int[p.suppliers().size()];
      for (int j = 0; j < left.length; j++) {
        left[j] = p.capacity(p.suppliers().get(j).id());
      }
      return search(p, 0, left);
    }

    private static double search(ChainProblem p, int c, int[] left) {
      if (c == p.chains().size()) {
        return 0;
      }
      double best = search(p, c + 1, left);
      ChainNeed chain = p.chains().get(c);
      return Math.max(best, team(p, c, chain, 0, 0, left));
    }

    private static double team(ChainProblem p, int c, ChainNeed chain, int k, double score, int[] left) {
      if (k == chain.roles().size()) {
        return score + search(p, c + 1, left);
      }
      ChainRole role = chain.roles().get(k);
      double best = Double.NEGATIVE_INFINITY;
      for (int j : eligible(p, chain, role)) {
        if (left[j] >= role.capacityUse()) {
          left[j] -= role.capacityUse();
          double s = p.scorer().score(chain.roleNeed(role.step()), p.suppliers().get(j), p.context());
          best = Math.max(best, team(p, c, chain, k + 1, score + s, left));
          left[j] += role.capacityUse();
        }
      }
      return best;
    }
  }
}
