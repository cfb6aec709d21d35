package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.matching.Assignment;
import io.github.renkei.cluster.matching.Constraint;
import io.github.renkei.cluster.matching.MatchContext;
import io.github.renkei.cluster.matching.MatchResult;
import io.github.renkei.cluster.matching.Matchers;
import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.matching.Unmatched;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import io.github.renkei.cluster.testing.ClusterArbitraries;
import io.github.renkei.cluster.testing.MatchingArbitraries;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties a user of Renkei might write about their own use of it, with the test kit in
 * {@code io.github.renkei.cluster.testing}. Each property states an invariant; jqwik tries it
 * on generated clusters and matching problems and, if one fails, shrinks it to a small
 * counterexample. On the class path {@code @ForAll Cluster} and {@code @ForAll MatchingProblem}
 * work with no set-up; on the module path annotate the class with
 * {@code @Domain(RenkeiDomain.class)}.
 */
class ExampleProperties {

  /**
   * Whatever the cluster, the optimal matcher's result keeps every rule of the problem — checked
   * here constraint by constraint and supplier by supplier, without trusting the library's own
   * checks — and, being the maximum, never scores below the greedy matcher's.
   */
  @Property
  void optimalMatchingKeepsEveryRuleAndNeverScoresBelowGreedy(@ForAll("realisticProblems") MatchingProblem problem) {
    MatchResult optimal = Matchers.optimal().match(problem);
    MatchContext context = problem.context();
    Map<OrganizationId, Integer> taken = new HashMap<>();
    for (Assignment a : optimal.assignments()) {
      Need need = problem.need(a.need()).orElseThrow();
      Organization supplier = problem.world().require(a.supplier());
      for (Constraint c : problem.constraints()) {
        assertTrue(c.check(need, supplier, context).isEmpty(), () -> a + " breaks " + c.name());
      }
      taken.merge(a.supplier(), 1, Integer::sum);
    }
    taken.forEach((supplier, n) -> assertTrue(n <= problem.capacity(supplier),
        () -> supplier + " takes " + n + " needs, capacity " + problem.capacity(supplier)));
    // every need is either assigned or explained, never both
    assertEquals(problem.needs().size(), optimal.assignments().size() + optimal.unmatched().size());

    MatchResult greedy = Matchers.greedy().match(problem);
    // scores are sums of doubles: allow for rounding in the last places
    assertTrue(optimal.totalScore() >= greedy.totalScore() - 1e-9,
        () -> "optimal " + optimal.totalScore() + " < greedy " + greedy.totalScore());
  }

  /**
   * Greedy matching is maximal: it leaves a need unmatched only when every supplier eligible for
   * it is already full, and the explanation says so. The problems here are the test kit's
   * abstract ones (random eligibility, capacities 0 to 3), supplied by its default provider.
   */
  @Property
  void greedyLeavesANeedOnlyWhenEveryEligibleSupplierIsFull(@ForAll MatchingProblem problem) {
    MatchResult greedy = Matchers.greedy().match(problem);
    for (Unmatched u : greedy.unmatched()) {
      assertEquals(u.explanation().eligible(), u.explanation().full().size(), u::toString);
    }
  }

  /**
   * The prefecture index partitions a cluster: every organization is listed under its own
   * prefecture and under no other, so the lists add up to the whole; the same holds for region
   * blocks. Organizations are drawn from three prefectures so that they share them.
   */
  @Property
  void prefecturesAndBlocksPartitionTheOrganizations(@ForAll("clustersAroundFukushima") Cluster cluster) {
    Set<OrganizationId> seen = new HashSet<>();
    for (Prefecture prefecture : Prefecture.values()) {
      for (Organization o : cluster.organizationsIn(prefecture)) {
        assertEquals(prefecture, o.prefecture());
        assertTrue(seen.add(o.id()), () -> o.id() + " is listed twice");
      }
    }
    assertEquals(cluster.organizationCount(), seen.size());

    int inBlocks = 0;
    for (RegionBlock block : RegionBlock.values()) {
      inBlocks += cluster.organizationsIn(block).size();
    }
    assertEquals(cluster.organizationCount(), inBlocks);
  }

  @Provide
  Arbitrary<MatchingProblem> realisticProblems() {
    // generated clusters matched with the standard constraints and scorer
    return MatchingArbitraries.realisticProblems();
  }

  @Provide
  Arbitrary<Cluster> clustersAroundFukushima() {
    return ClusterArbitraries.clusters()
        .withOrganizations(1, 40)
        .withOrganizationsFrom(ClusterArbitraries.organizations()
            .inPrefectures(Prefecture.FUKUSHIMA, Prefecture.MIYAGI, Prefecture.TOKYO));
  }
}
