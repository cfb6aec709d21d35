package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.region.Prefecture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link MatchChecks} finds what makes a hand-made result infeasible or unstable. */
class MatchChecksTest {

  private static final OrganizationId HOSPITAL = OrganizationId.of("hospital");
  private static final Organization A = supplier("a", Capability.MACHINING);
  private static final Organization B = supplier("b", Capability.PACKAGING);
  private static final Need N1 = need("n1", Capability.MACHINING);
  private static final Need N2 = need("n2", Capability.MACHINING);

  private static Organization supplier(String id, Capability c) {
    return Organization.builder(OrganizationId.of(id), "Supplier " + id, OrganizationType.SME_MANUFACTURER,
        Prefecture.FUKUSHIMA).capabilities(c).capacity(1).build();
  }

  private static Need need(String id, Capability c) {
    return Need.builder(NeedId.of(id), HOSPITAL, NeedKind.PARTS_SUPPLY).requiredCapabilities(c).build();
  }

  private static MatchingProblem.Builder problem() {
    return MatchingProblem.builder()
        .organization(Organization.builder(HOSPITAL, "Hospital", OrganizationType.CITY_HOSPITAL, Prefecture.FUKUSHIMA)
            .build())
        .supplier(A).supplier(B).need(N1).need(N2).scorer(Scorers.capabilityFit());
  }

  private static Assignment assign(Need n, Organization s, double score) {
    return new Assignment(n.id(), s.id(), ScoreBreakdown.of("x", score), false);
  }

  private static MatchResult result(List<Assignment> assignments) {
    return new MatchResult("hand-made", ImmutableList.copyOf(assignments), ImmutableList.of());
  }

  @Test
  void aHandMadeResultThatBreaksEveryRuleIsReportedOnEveryCount() {
    Need n3 = need("n3", Capability.MACHINING);
    MatchingProblem p = problem().need(n3).lock(N1.id(), A.id()).build();
    MatchResult r = result(List.of(assign(N2, A, 1), assign(n3, B, Double.NaN),
        assign(need("n9", Capability.WELDING), A, 0), assign(N1, supplier("z", Capability.MACHINING), 0)));
    assertEquals(List.of(
            "assignment n2 -> a has score 1.0 but the scorer gives 0.0",
            "assignment n3 -> b violates capabilities: lacks MACHINING",
            "assignment n3 -> b has score NaN",
            "assignment n9 -> a (0.000) names an unknown need",
            "assignment n1 -> z (0.000) names 'z', not a candidate supplier",
            "supplier a has 2 needs but capacity 1",
            "lock n1 -> a is not kept"),
        MatchChecks.problems(p, r));
    assertFalse(MatchChecks.isFeasible(p, r));
  }

  @Test
  void aNeedNeitherAssignedNorExplainedIsReported() {
    MatchingProblem p = problem().build();
    assertEquals(List.of("need n2 is neither assigned nor explained"),
        MatchChecks.problems(p, result(List.of(assign(N1, A, 0)))));
    MatchResult explained = new MatchResult("hand-made", ImmutableList.of(assign(N1, A, 0)),
        ImmutableList.of(new Unmatched(N2.id(), new Explanation(ImmutableMap.of(), 1, ImmutableList.of(), "full"))));
    assertEquals(List.of(), MatchChecks.problems(p, explained));
  }

  @Test
  void anUnmatchedNeedNextToAFreeEligibleSupplierIsABlockingPair() {
    MatchingProblem p = problem().build();
    MatchResult empty = new MatchResult("hand-made", ImmutableList.of(), ImmutableList.of());
    assertEquals(List.of(new MatchChecks.BlockingPair(N1.id(), A.id()), new MatchChecks.BlockingPair(N2.id(), A.id())),
        MatchChecks.blockingPairs(p, empty));
    assertEquals(List.of(), MatchChecks.blockingPairs(p, result(List.of(assign(N1, A, 0)))),
        "a is full with n1, which it prefers by id on equal scores");
    assertEquals(List.of(new MatchChecks.BlockingPair(N1.id(), A.id())),
        MatchChecks.blockingPairs(p, result(List.of(assign(N2, A, 0)))));
  }

  @Test
  void blockingPairsRejectsAnAssignmentThatIsNotAnEligiblePair() {
    MatchingProblem p = problem().build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MatchChecks.blockingPairs(p, result(List.of(assign(N1, B, 0)))));
    assertEquals(true, e.getMessage().contains("n1 -> b"), e.getMessage());
  }
}
