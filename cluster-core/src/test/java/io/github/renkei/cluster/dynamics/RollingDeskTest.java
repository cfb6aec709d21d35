package io.github.renkei.cluster.dynamics;

import static io.github.renkei.cluster.dynamics.ClusterDynamicsTest.assertRejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Grid;
import io.github.renkei.cluster.simulation.Parameters;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Simulation;
import io.github.renkei.cluster.simulation.SimulationResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The matching rounds as a rolling desk ({@link MatchingRounds#ROUNDS_PER_YEAR} above 1): the
 * desk in the replication's arrays gives, need by need and to the last bit, what
 * {@link io.github.renkei.cluster.matching.RollingMatcher} with the greedy matcher gives on the
 * year's {@link io.github.renkei.cluster.matching.TimedQueue} (contracts carried between years
 * included); the default is the annual round, unchanged; bad values are refused by name.
 */
class RollingDeskTest {

  private static final ClusterWorld WORLD_300 = ClusterWorld.fukushima();
  private static final ClusterWorld WORLD_1000 = ClusterWorld.fukushima(1_000);

  /** One rolling year of one replication: per need in the order raised, what the desk did. */
  record DeskYear(int year, int[] raisedAs, int[] arrival, int[] assigned, int[] committedOn, boolean[] expired,
      int[] carriedFirm, int[] carriedEnd) {

    static DeskYear of(int year, MatchingRounds.Scratch s, ClusterState state) {
      int n = s.needs;
      int[] committedOn = new int[n];
      for (int i = 0; i < n; i++) {
        committedOn[i] = s.assigned[i] >= 0 ? s.committedOn[i] : -1;
      }
      int[][] carried = sortedCarried(state);
      return new DeskYear(year, Arrays.copyOf(s.raisedAs, n), Arrays.copyOf(s.arrival, n),
          Arrays.copyOf(s.assigned, n), committedOn, Arrays.copyOf(s.expired, n), carried[0], carried[1]);
    }

    /** The carried contracts as (firm, end) pairs sorted: their order in the state does not matter. */
    private static int[][] sortedCarried(ClusterState state) {
      long[] keys = new long[state.deskContracts];
      for (int j = 0; j < keys.length; j++) {
        keys[j] = (long) state.deskFirm[j] << 32 | state.deskEnd[j];
      }
      Arrays.sort(keys);
      int[][] out = new int[2][keys.length];
      for (int j = 0; j < keys.length; j++) {
        out[0][j] = (int) (keys[j] >>> 32);
        out[1][j] = (int) keys[j];
      }
      return out;
    }

    void assertSameAs(DeskYear expected, String what) {
      String at = what + ", year " + year;
      assertEquals(expected.year, year, at);
      assertArrayEquals(expected.raisedAs, raisedAs, at + ": needs");
      assertArrayEquals(expected.arrival, arrival, at + ": arrivals");
      for (int i = 0; i < raisedAs.length; i++) {
        String need = at + ", need-" + year + "-" + raisedAs[i];
        assertEquals(expected.assigned[i], assigned[i], need + ": firm");
        assertEquals(expected.committedOn[i], committedOn[i], need + ": commitment day");
        assertEquals(expected.expired[i], expired[i], need + ": expired");
      }
      assertArrayEquals(expected.carriedFirm, carriedFirm, at + ": carried contracts' firms");
      assertArrayEquals(expected.carriedEnd, carriedEnd, at + ": carried contracts' ends");
    }
  }

  /** The years the equivalence tests run: 2005–2016, the observed years, to keep the library's desk quick. */
  private static final int LAST_YEAR = 2016;

  private static Scenario<ClusterState> scenario(ClusterWorld world, MatchingRounds.Round round, List<DeskYear> log) {
    return ClusterDynamics.fukushimaBuilder(world, LAST_YEAR).matchingRound(round).deskMetrics()
        .deskObserver((year, scratch) -> log.add(DeskYear.of(year, scratch, scratch.s)))
        .build();
  }

  private static Parameters desk(Scenario<ClusterState> s, int perYear, int patience, int contract) {
    return s.defaults().with(MatchingRounds.ROUNDS_PER_YEAR, perYear).with(MatchingRounds.PATIENCE_DAYS, patience)
        .with(MatchingRounds.CONTRACT_DAYS, contract);
  }

  /**
   * Runs one replication with the desk in arrays and with RollingMatcher (the library), and
   * checks every year's commitments need by need, then the whole replication to the last bit;
   * returns the replication.
   */
  private static SimulationResult assertSameDesk(ClusterWorld world, Parameters changes, long seed) {
    List<DeskYear> fast = new ArrayList<>();
    List<DeskYear> library = new ArrayList<>();
    SimulationResult expected = Simulation.run(scenario(world, MatchingRounds.Round.LIBRARY_EVERY_FIRM, library),
        changes, seed, 0);
    SimulationResult actual = Simulation.run(scenario(world, MatchingRounds.Round.SHORTLISTS, fast), changes, seed,
        0);
    assertEquals(library.size(), fast.size(), "rolling years, seed " + seed);
    for (int y = 0; y < fast.size(); y++) {
      fast.get(y).assertSameAs(library.get(y), "seed " + seed);
    }
    assertEquals(expected, actual, "seed " + seed);
    return actual;
  }

  private static double sum(SimulationResult r, String metric) {
    return Arrays.stream(r.series(metric).values()).sum();
  }

  /**
   * Weekly rounds, 91-day contracts (13 weeks: a contract ends on a round's day, which may reuse
   * the firm), patience 30 days: the benchmark's world, 8 replications.
   */
  @Test
  void theDeskInArraysEqualsRollingMatcherOnTheBenchmarkWorld() {
    Scenario<ClusterState> s = scenario(WORLD_1000, MatchingRounds.Round.SHORTLISTS, new ArrayList<>());
    for (long seed = 0; seed < 8; seed++) {
      assertSameDesk(WORLD_1000, desk(s, 52, 30, 91), 2005 + seed);
    }
  }

  /**
   * Heavy demand, short patience and contracts longer than a year: firms fill up, needs expire,
   * contracts of 80 weeks are carried over several years (and end on rounds' days); the desk
   * still agrees need by need.
   */
  @Test
  void theDeskEqualsRollingMatcherUnderHeavyDemandWithContractsCarriedOverYears() {
    Scenario<ClusterState> s = scenario(WORLD_300, MatchingRounds.Round.SHORTLISTS, new ArrayList<>());
    Parameters changes = desk(s, 52, 14, 560).with(MatchingRounds.NEEDS_PER_MAKER, 80.0)
        .with(MatchingRounds.BROKERING, 50.0);
    SimulationResult r = assertSameDesk(WORLD_300, changes, 7);
    assertTrue(sum(r, ClusterDynamics.NEEDS_EXPIRED) > 50, "expired needs: " + sum(r, ClusterDynamics.NEEDS_EXPIRED));
    assertTrue(sum(r, ClusterDynamics.WAITING_DAYS) > 0, "waiting days");
  }

  /** Any cadence, patience and contract length, any demand: the desk equals RollingMatcher. */
  @Property(tries = 12)
  void theDeskEqualsRollingMatcher(@ForAll @LongRange(max = 1_000_000) long seed,
      @ForAll @IntRange(min = 2, max = 365) int perYear, @ForAll @IntRange(min = 0, max = 200) int patience,
      @ForAll @IntRange(min = 1, max = 800) int contract,
      @ForAll @DoubleRange(min = 1, max = 60) double needsPerMaker) {
    Scenario<ClusterState> s = scenario(WORLD_300, MatchingRounds.Round.SHORTLISTS, new ArrayList<>());
    Parameters changes = desk(s, perYear, patience, contract).with(MatchingRounds.NEEDS_PER_MAKER, needsPerMaker)
        .with(MatchingRounds.BROKERING, 20.0);
    assertSameDesk(WORLD_300, changes, seed);
  }

  /** Every brokered need is committed, expired or lapsed; the share and the waits are in range. */
  @Test
  void theDesksFiguresAddUp() {
    Scenario<ClusterState> s = ClusterDynamics.fukushimaBuilder(WORLD_300).value(MatchingRounds.ROUNDS_PER_YEAR, 12)
        .build();
    assertTrue(s.metricNames().containsAll(ClusterDynamics.DESK_METRICS), s.metricNames().toString());
    Parameters p = s.defaults().with(MatchingRounds.PATIENCE_DAYS, 20).with(MatchingRounds.NEEDS_PER_MAKER, 120.0)
        .with(MatchingRounds.BROKERING, 30.0);
    SimulationResult r = Simulation.run(s, p, 11, 0);
    for (int y = 0; y < s.schedule().size(); y++) {
      double brokered = r.series(ClusterDynamics.NEEDS_BROKERED).get(y);
      double expired = r.series(ClusterDynamics.NEEDS_EXPIRED).get(y);
      double lapsed = r.series(ClusterDynamics.NEEDS_LAPSED).get(y);
      double share = r.series(ClusterDynamics.NEEDS_EXPIRED_SHARE).get(y);
      double matched = r.series(ClusterDynamics.NEEDS_MATCHED).get(y);
      double waited = r.series(ClusterDynamics.WAITING_DAYS).get(y);
      assertTrue(expired + lapsed + matched <= brokered, "year " + y);
      assertEquals(brokered == 0 ? 0 : expired / brokered, share, 1e-12, "year " + y);
      // monthly rounds, patience 20: a need arrives at most 29 days before its round, waits at most 20 + 29
      assertTrue(waited >= 0 && waited <= 29, "year " + y + ": mean wait " + waited);
    }
    assertTrue(sum(r, ClusterDynamics.NEEDS_EXPIRED) > 0);
  }

  /** The default is one annual round: no desk metrics, and the desk's other parameters change nothing. */
  @Test
  void oneRoundAYearIsTheAnnualRoundWhateverThePatienceAndContract() {
    Scenario<ClusterState> s = ClusterDynamics.fukushima();
    assertEquals(1, s.defaults().get(MatchingRounds.ROUNDS_PER_YEAR));
    assertFalse(s.metricNames().stream().anyMatch(ClusterDynamics.DESK_METRICS::contains), s.metricNames().toString());
    SimulationResult plain = Simulation.run(s, s.defaults(), 3, 0);
    SimulationResult other = Simulation.run(s, desk(s, 1, 0, 7), 3, 0);
    for (String m : s.metricNames()) {
      assertArrayEquals(plain.series(m).values(), other.series(m).values(), m);
    }
    // with the desk metrics registered, they are 0 in every year of annual rounds
    Scenario<ClusterState> withMetrics = ClusterDynamics.fukushimaBuilder().deskMetrics().build();
    SimulationResult r = Simulation.run(withMetrics, withMetrics.defaults(), 3, 0);
    for (String m : ClusterDynamics.DESK_METRICS) {
      assertEquals(0.0, sum(r, m), m);
    }
    assertArrayEquals(plain.series(ClusterDynamics.NEEDS_MATCHED).values(),
        r.series(ClusterDynamics.NEEDS_MATCHED).values());
  }

  @Test
  void badDeskValuesAreRefusedNamingTheParameterAndTheValue() {
    Scenario<ClusterState> s = ClusterDynamics.fukushimaBuilder().deskMetrics().build();
    assertRejects(() -> Simulation.run(s, s.defaults().with(MatchingRounds.ROUNDS_PER_YEAR, 0), 1, 0),
        "desk-rounds-per-year", "0");
    assertRejects(() -> Simulation.run(s, s.defaults().with(MatchingRounds.ROUNDS_PER_YEAR, 366), 1, 0),
        "desk-rounds-per-year", "366");
    assertRejects(() -> Simulation.run(s, s.defaults().with(MatchingRounds.PATIENCE_DAYS, -1), 1, 0),
        "desk-patience-days", "-1");
    assertRejects(() -> Simulation.run(s, s.defaults().with(MatchingRounds.CONTRACT_DAYS, 0), 1, 0),
        "desk-contract-days", "0");
    assertRejects(() -> Experiment.of(s).grid(Grid.of(MatchingRounds.ROUNDS_PER_YEAR, 52, 400)).replications(1)
        .run(), "desk-rounds-per-year", "400");
    assertRejects(() -> ClusterDynamics.fukushimaBuilder().value(MatchingRounds.CONTRACT_DAYS, 0),
        "desk-contract-days", "0");
    assertRejects(() -> RegionProfile.fukushima().toBuilder().value(MatchingRounds.PATIENCE_DAYS.name(), -3,
        RegionProfile.Basis.ASSUMED, "test").build(), "desk-patience-days", "-3");
  }

  /** Means over replications of what a desk did over 2005–2030. */
  record Policy(String name, double matched, double brokered, double expiredShare, double waitingDays) {
    static Policy run(String name, Scenario<ClusterState> s, Parameters p, int replications) {
      double matched = 0;
      double brokered = 0;
      double expired = 0;
      double waited = 0;
      for (int seed = 0; seed < replications; seed++) {
        SimulationResult r = Simulation.run(s, p, 2005 + seed, 0);
        matched += sum(r, ClusterDynamics.NEEDS_MATCHED);
        brokered += sum(r, ClusterDynamics.NEEDS_BROKERED);
        expired += sum(r, ClusterDynamics.NEEDS_EXPIRED);
        waited += sum(r, ClusterDynamics.WAITING_DAYS) / s.schedule().size();
      }
      return new Policy(name, matched / replications, brokered / replications, expired / brokered,
          waited / replications);
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "%-34s %8.1f %9.1f %8.1f %% %9.1f", name, matched, brokered,
          100 * expiredShare, waitingDays);
    }
  }

  /**
   * A policy comparison, as a user would write it: the annual desk against weekly desks, on the
   * Fukushima world at the calibrated defaults and under heavy demand, 10 replications each.
   * Printed, and checked for direction: a weekly desk that lets needs wait a year loses no more
   * than 3 % of the annual round's matches at the defaults (capacity rarely binds there; the
   * needs only wait for the next Friday); under heavy demand, where firms are full, 13-week
   * contracts free a firm about four times a year and the weekly desk matches more than the
   * annual round, whose firms take their capacity once; with one-week patience and year-long
   * contracts, needs expire.
   */
  @Test
  void annualAndWeeklyDesksCompared() {
    Scenario<ClusterState> s = ClusterDynamics.fukushimaBuilder(WORLD_300).deskMetrics().build();
    Parameters defaults = s.defaults();
    Parameters heavy = defaults.with(MatchingRounds.NEEDS_PER_MAKER, 60.0).with(MatchingRounds.BROKERING, 50.0);
    int n = 10;
    Policy annual = Policy.run("annual round", s, defaults, n);
    Policy weekly = Policy.run("weekly, patience 365, contract 91", s, desk(s, 52, 365, 91), n);
    Policy annualHeavy = Policy.run("heavy: annual round", s, heavy, n);
    Policy weeklyHeavy = Policy.run("heavy: weekly, patience 365, 91", s, desk(s, 52, 365, 91).with(
        MatchingRounds.NEEDS_PER_MAKER, 60.0).with(MatchingRounds.BROKERING, 50.0), n);
    Policy impatient = Policy.run("heavy: weekly, patience 7, 365", s, desk(s, 52, 7, 365).with(
        MatchingRounds.NEEDS_PER_MAKER, 60.0).with(MatchingRounds.BROKERING, 50.0), n);
    System.out.println("desk                                matched  brokered  expired   waiting (days)");
    List.of(annual, weekly, annualHeavy, weeklyHeavy, impatient).forEach(System.out::println);
    assertTrue(weekly.matched() >= 0.97 * annual.matched(), weekly + " vs " + annual);
    assertEquals(0.0, annual.expiredShare());
    assertEquals(0.0, annual.waitingDays());
    assertTrue(weekly.waitingDays() > 0 && weekly.waitingDays() <= 6, weekly.toString());
    assertTrue(weeklyHeavy.matched() > annualHeavy.matched(), weeklyHeavy + " vs " + annualHeavy);
    assertTrue(impatient.expiredShare() > 0.05, impatient.toString());
  }

  /** The engine's guarantee holds with the desk on: one thread or two, the same values. */
  @Test
  void oneOrTwoThreadsGiveTheSameValuesWithTheDeskOn() {
    Scenario<ClusterState> s = ClusterDynamics.fukushimaBuilder().value(MatchingRounds.ROUNDS_PER_YEAR, 52)
        .value(MatchingRounds.CONTRACT_DAYS, 200).build();
    Grid grid = Grid.of(MatchingRounds.PATIENCE_DAYS, 7, 60);
    ExperimentResult one = Experiment.of(s).grid(grid).replications(6).seed(9).threads(1).run();
    ExperimentResult two = Experiment.of(s).grid(grid).replications(6).seed(9).threads(2).run();
    for (int point = 0; point < 2; point++) {
      for (String m : s.metricNames()) {
        for (int step = 0; step < s.schedule().size(); step++) {
          assertArrayEquals(one.values(s.name(), point, m, step), two.values(s.name(), point, m, step),
              m + " point " + point + " step " + step);
        }
      }
    }
  }
}
