package io.github.renkei.cluster.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.OrganizationId;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The matching arbitraries' requesters and requester capacities. */
class TwoSidedArbitrariesTest {

  @Provide
  Arbitrary<MatchingProblem> twoSided() {
    return MatchingArbitraries.problems().withNeeds(1, 10).withRequesters(2, 4).withRequesterCapacities(1, 3);
  }

  @Property(tries = 100)
  void needsComeFromTheGeneratedRequestersWithCapacitiesInRange(@ForAll("twoSided") MatchingProblem p) {
    Set<OrganizationId> requesters = p.needs().stream().map(Need::requester).collect(Collectors.toSet());
    assertTrue(requesters.size() <= 4, requesters::toString);
    requesters.forEach(r -> assertTrue(r.value().matches("r0[0-3]"), r::toString));
    p.requesterCapacities().forEach((r, q) -> {
      assertTrue(r.value().matches("r0[0-3]"), r::toString);
      assertTrue(1 <= q && q <= 3, () -> r + " has " + q);
    });
  }

  @Property(tries = 50)
  void theDefaultProblemsHaveOneRequesterAndNoCapacities(
      @ForAll("defaults") MatchingProblem p) {
    assertEquals(Set.of(), p.requesterCapacities().keySet());
    p.needs().forEach(n -> assertEquals(MatchingProblemArbitrary.REQUESTER, n.requester()));
  }

  @Provide
  Arbitrary<MatchingProblem> defaults() {
    return MatchingArbitraries.problems();
  }

  @Property(tries = 50)
  void twoSidedProblemsUseUpToThreeRequesters(@ForAll("preset") MatchingProblem p) {
    assertTrue(p.needs().stream().map(Need::requester).distinct().count() <= 3);
    p.requesterCapacities().values().forEach(q -> assertTrue(0 <= q && q <= 3, q::toString));
  }

  @Provide
  Arbitrary<MatchingProblem> preset() {
    return MatchingArbitraries.twoSidedProblems();
  }

  @Test
  void badRangesAreRejectedNamingTheValues() {
    MatchingProblemArbitrary a = MatchingArbitraries.problems();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.withRequesters(0, 2));
    assertEquals("at least 1 requester but min was 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> a.withRequesters(1, 101));
    assertEquals("at most 100 requesters but max was 101", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> a.withRequesterCapacities(-1, 2));
    assertEquals("requester capacity range must satisfy 0 <= min <= max but was [-1, 2]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> a.withRequesterCapacities(3, 2));
    assertEquals("requester capacity range must satisfy 0 <= min <= max but was [3, 2]", e.getMessage());
  }
}
