package io.github.renkei.cluster.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.simulation.Parameters;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Simulation;
import io.github.renkei.cluster.simulation.SimulationResult;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The matching rounds computed three ways give the same replications to the last bit: the greedy
 * rule on the shortlists in the replication's arrays (the default), the library's greedy matcher
 * on the shortlisted firms with the problem's shortlist, and the library's greedy matcher on every
 * firm in the field (the round as the class comment defines it).
 */
class MatchingRoundsTest {

  private static final ClusterWorld WORLD_1000 = ClusterWorld.fukushima(1_000);
  private static final ClusterWorld WORLD_300 = ClusterWorld.fukushima();

  private static Scenario<ClusterState> scenario(ClusterWorld world, MatchingRounds.Round round) {
    return ClusterDynamics.fukushimaBuilder(world).matchingRound(round).build();
  }

  private static void assertSameReplication(ClusterWorld world, Parameters changes, long seed) {
    Scenario<ClusterState> definition = scenario(world, MatchingRounds.Round.LIBRARY_EVERY_FIRM);
    SimulationResult expected = Simulation.run(definition, changes, seed, 0);
    for (MatchingRounds.Round round : new MatchingRounds.Round[] {MatchingRounds.Round.SHORTLISTS,
        MatchingRounds.Round.LIBRARY_SHORTLISTS}) {
      Scenario<ClusterState> s = scenario(world, round);
      assertEquals(expected, Simulation.run(s, changes, seed, 0), round + ", seed " + seed);
    }
  }

  /** The benchmark's world, default (calibrated) parameters: 40 replications. */
  @Test
  void shortlistedRoundsEqualRoundsOverEveryFirmOnTheBenchmarkWorld() {
    Parameters defaults = scenario(WORLD_1000, MatchingRounds.Round.SHORTLISTS).defaults();
    for (long seed = 0; seed < 40; seed++) {
      assertSameReplication(WORLD_1000, defaults, 2005 + seed);
    }
  }

  /**
   * With more needs than firms can take (many needs per maker, every need brokered), shortlists
   * run out often and firms fill up: the rounds still agree.
   */
  @Property(tries = 25)
  void shortlistedRoundsEqualRoundsOverEveryFirmUnderCompetition(@ForAll @LongRange(max = 1_000_000) long seed,
      @ForAll @DoubleRange(min = 1, max = 120) double needsPerMaker, @ForAll @DoubleRange(min = 0.5, max = 50) double brokering) {
    Parameters changes = scenario(WORLD_300, MatchingRounds.Round.SHORTLISTS).defaults()
        .with(MatchingRounds.NEEDS_PER_MAKER, needsPerMaker).with(MatchingRounds.BROKERING, brokering);
    assertSameReplication(WORLD_300, changes, seed);
  }

  /** Heavy demand: more needs brokered a year than the firms in the field can take. */
  @Test
  void shortlistedRoundsEqualRoundsOverEveryFirmUnderHeavyDemand() {
    Scenario<ClusterState> s = scenario(WORLD_300, MatchingRounds.Round.SHORTLISTS);
    Parameters changes = s.defaults().with(MatchingRounds.NEEDS_PER_MAKER, 400.0).with(MatchingRounds.BROKERING, 50.0);
    SimulationResult r = Simulation.run(s, changes, 7, 0);
    double brokered = Arrays.stream(r.series(ClusterDynamics.NEEDS_BROKERED).values()).max().orElseThrow();
    assertTrue(brokered > 300, brokered + " needs brokered in the busiest year");
    assertSameReplication(WORLD_300, changes, 7);
  }

  @Test
  void needIdsOrderAsDecimalStrings() {
    assertTrue(MatchingRounds.Scratch.compareDecimal(10, 2) < 0);
    assertTrue(MatchingRounds.Scratch.compareDecimal(2, 10) > 0);
    assertTrue(MatchingRounds.Scratch.compareDecimal(19, 2) < 0);
    assertEquals(0, MatchingRounds.Scratch.compareDecimal(7, 7));
  }

  /** The arithmetic comparison orders every pair of need numbers as their decimal strings do. */
  @Property(tries = 2000)
  void compareDecimalIsTheStringOrder(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int a,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int b) {
    int expected = Integer.signum(Integer.toString(a).compareTo(Integer.toString(b)));
    assertEquals(expected, Integer.signum(MatchingRounds.Scratch.compareDecimal(a, b)), a + " vs " + b);
    int small = a % 1000;
    int scaled = small * 10 + b % 10;
    assertEquals(Integer.signum(Integer.toString(small).compareTo(Integer.toString(scaled))),
        Integer.signum(MatchingRounds.Scratch.compareDecimal(small, scaled)), small + " vs " + scaled);
  }
}
