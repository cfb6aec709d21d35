package io.github.renkei.cluster.simulation;

import static io.github.renkei.cluster.simulation.Toys.AGENTS;
import static io.github.renkei.cluster.simulation.Toys.GROWTH;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.simulation.Toys.Town;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SimulationTest {

  @Property(tries = 50)
  void sameSeedGivesBitIdenticalResults(@ForAll long seed, @ForAll @IntRange(min = 0, max = 1000) int replication) {
    Scenario<Town> town = Toys.town();
    SimulationResult a = Simulation.run(town, town.defaults(), seed, replication);
    SimulationResult b = Simulation.run(town, town.defaults(), seed, replication);
    assertEquals(a, b);
    assertArrayEquals(a.series("total").values(), b.series("total").values());
  }

  @Test
  void replicationsAndSeedsDiffer() {
    Scenario<Town> town = Toys.town();
    double r0 = Simulation.run(town, town.defaults(), 1, 0).series("total").last();
    double r1 = Simulation.run(town, town.defaults(), 1, 1).series("total").last();
    double s2 = Simulation.run(town, town.defaults(), 2, 0).series("total").last();
    assertNotEquals(r0, r1);
    assertNotEquals(r0, s2);
  }

  /** Records every draw of the "income" stream. */
  private static Scenario.Builder<List<Double>> recorder() {
    return Scenario.<List<Double>>builder("recorder", Schedule.steps(5), (p, r) -> new ArrayList<>())
        .mechanism("income", (s, ctx) -> s.add(ctx.random().nextDouble()))
        .metric("last", s -> s.get(s.size() - 1));
  }

  @Property(tries = 30)
  void addingOrReorderingMechanismsLeavesOtherDrawsUnchanged(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 50) int replication) {
    Scenario<List<Double>> alone = recorder().build();
    // a noisy mechanism before and one after, drawing many numbers from their own streams
    Scenario<List<Double>> crowded = Scenario.<List<Double>>builder("recorder", Schedule.steps(5),
            (p, r) -> new ArrayList<>())
        .mechanism("before", (s, ctx) -> ctx.random().doubles(17).sum())
        .mechanism("income", (s, ctx) -> s.add(ctx.random().nextDouble()))
        .mechanism("after", (s, ctx) -> ctx.random().nextLong())
        .event("shock", 2, (s, ctx) -> ctx.random().nextGaussian())
        .metric("last", s -> s.get(s.size() - 1))
        .build();
    assertArrayEquals(Simulation.run(alone, alone.defaults(), seed, replication).series("last").values(),
        Simulation.run(crowded, crowded.defaults(), seed, replication).series("last").values());
  }

  @Test
  void streamsAreTheDocumentedSplittableRandoms() {
    Scenario<List<Double>> s = recorder().build();
    double[] expected = new double[5];
    RandomGenerator r = RandomStreams.stream(99, 3, "income");
    for (int i = 0; i < 5; i++) {
      expected[i] = r.nextDouble();
    }
    assertArrayEquals(expected, Simulation.run(s, s.defaults(), 99, 3).series("last").values());
    assertEquals(RandomStreams.seed(99, 3, "income"), RandomStreams.seed(99, 3, "income"));
    assertNotEquals(RandomStreams.seed(99, 3, "income"), RandomStreams.seed(99, 4, "income"));
    assertNotEquals(RandomStreams.seed(99, 3, "income"), RandomStreams.seed(99, 3, "incomf"));
  }

  @Test
  void eventsRunOnceBeforeTheMechanismsOfTheirStep() {
    List<String> log = new ArrayList<>();
    Scenario<List<String>> s = Scenario.<List<String>>builder("log", Schedule.years(2009, 2013), (p, r) -> log)
        .mechanism("tick", (st, ctx) -> st.add("tick " + ctx.time()))
        .event("earthquake", "2011", (st, ctx) -> st.add("earthquake " + ctx.time() + " " + ctx.year()))
        .metric("n", List::size)
        .build();
    Simulation.run(s, 0);
    assertEquals(List.of("tick 2009", "tick 2010", "earthquake 2011 2011", "tick 2011", "tick 2012", "tick 2013"),
        log);
  }

  @Test
  void stopConditionEndsTheRunAndTheSeriesIsShorter() {
    Scenario<Town> s = Toys.town("town", 10).stopWhen((t, step) -> step == 3).build();
    SimulationResult r = Simulation.run(s, 5);
    assertTrue(r.stoppedEarly());
    assertEquals(List.of("2011", "2012", "2013", "2014"), r.times());
    assertEquals(4, r.series("total").size());
    assertFalse(Simulation.run(Toys.town(), 5).stoppedEarly());
  }

  @Test
  void parametersReachTheMechanisms() {
    Scenario<Town> town = Toys.town();
    SimulationResult slow = Simulation.run(town, town.defaults().with(GROWTH, 0.0), 1, 0);
    assertEquals(slow.series("total").get(0), slow.series("total").last());
    SimulationResult small = Simulation.run(town, town.defaults().with(AGENTS, 3), 1, 0);
    assertTrue(small.series("total").last() < 3 * 1.2);
  }

  @Test
  void panelsRecordEachEntityEachStep() {
    Scenario<Town> s = Toys.town("town", 3)
        .panel("wealth", t -> ImmutableMap.of("a0", t.wealth[0], "a1", t.wealth[1]))
        .build();
    SimulationResult r = Simulation.run(s, s.defaults().with(AGENTS, 2), 4, 0);
    List<ImmutableMap<String, Double>> panel = r.panel("wealth");
    assertEquals(3, panel.size());
    assertEquals(r.series("total").last(), panel.get(2).get("a0") + panel.get(2).get("a1"), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> r.panel("nope"));
  }

  @Test
  void aMetricReturningNanNamesTheMetricStepAndReplication() {
    Scenario<Town> s = Toys.town("town", 5).metric("ratio", t -> t.events / (double) t.events).build();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Simulation.run(s, s.defaults(), 1, 7));
    assertTrue(e.getMessage().contains("'ratio'"), e.getMessage());
    assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    assertTrue(e.getMessage().contains("step 0 (2011)"), e.getMessage());
    assertTrue(e.getMessage().contains("replication 7"), e.getMessage());
  }

  @Test
  void aPanelReturningInfinityIsRejected() {
    Scenario<Town> s = Toys.town("town", 2).panel("p", t -> Map.of("x", Double.POSITIVE_INFINITY)).build();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Simulation.run(s, 1));
    assertTrue(e.getMessage().contains("panel 'p'") && e.getMessage().contains("'x'"), e.getMessage());
  }

  @Test
  void badInputIsRejectedWithTheOffendingName() {
    Scenario<Town> town = Toys.town();
    assertThrows(IllegalArgumentException.class, () -> Simulation.run(town, town.defaults(), 1, -1));
    Scenario<Town> other = Toys.town("other", 3).parameter(Parameter.flag("extra", true)).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Simulation.run(town, other.defaults(), 1, 0));
    assertTrue(e.getMessage().contains("'town'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> town.defaults().with("nope", "1"));
    assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> town.defaults().withValue("growth", 1));
    assertTrue(e.getMessage().contains("'growth'") && e.getMessage().contains("Integer"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> town.defaults().with(GROWTH, 1.5));
    assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> town.defaults().with("agents", "many"));
    assertTrue(e.getMessage().contains("'agents'") && e.getMessage().contains("many"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> town.toBuilder().mechanism("income", (s, c) -> { }));
    assertThrows(IllegalArgumentException.class,
        () -> town.toBuilder().mechanism(RandomStreams.INITIAL_STATE, (s, c) -> { }));
    assertThrows(IllegalArgumentException.class, () -> town.toBuilder().metric("total", s -> 0));
    assertThrows(IllegalArgumentException.class, () -> town.toBuilder().event("e", "1999", (s, c) -> { }));
    assertThrows(IllegalArgumentException.class, () -> town.toBuilder().remove("nothing"));
    assertThrows(IllegalArgumentException.class, () -> Schedule.years(2020, 2019));
    assertThrows(IllegalArgumentException.class, () -> Schedule.steps(0));
  }

  @Test
  void removingAMechanismSwitchesItOff() {
    Scenario<Town> town = Toys.town();
    Scenario<Town> without = town.toBuilder().remove("income").build();
    assertEquals(List.of("subsidy"), without.mechanismNames());
    SimulationResult r = Simulation.run(without, 3);
    assertEquals(r.series("total").get(0), r.series("total").last());
  }

  @Test
  void parametersParseFromText() {
    Scenario<Town> town = Toys.town();
    Parameters p = town.defaults().with("growth", "0.25").with("agents", " 7 ").with("subsidy", "TRUE");
    assertEquals(0.25, p.get(GROWTH));
    assertEquals(7, p.get(AGENTS));
    assertEquals(true, p.get(Toys.SUBSIDY));
    assertThrows(IllegalArgumentException.class, () -> town.defaults().with("subsidy", "yes"));
  }

  @Test
  void schedulesLabelTheirSteps() {
    assertEquals("2011-Q3", Schedule.quarters(java.time.YearMonth.of(2011, 1), 8).label(2));
    assertEquals("2012-02", Schedule.months(java.time.YearMonth.of(2011, 11), 4).label(3));
    assertEquals(2012, Schedule.months(java.time.YearMonth.of(2011, 11), 4).year(3));
    assertEquals(5, Schedule.years(2011, 2020).indexOf("2016").getAsInt());
    assertTrue(Schedule.years(2011, 2020).indexOf("2021").isEmpty());
    assertThrows(IllegalArgumentException.class, () -> Schedule.quarters(java.time.YearMonth.of(2011, 2), 4));
  }
}
