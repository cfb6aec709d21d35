package io.github.renkei.cluster.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.simulation.CalibrationResult.Evaluation;
import io.github.renkei.cluster.simulation.CalibrationResult.Fit;
import io.github.renkei.cluster.simulation.CalibrationResult.Phase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Calibration of a scenario's free parameters to observed values. */
class CalibrationTest {

  static final Parameter<Double> RATE = Parameter.real("rate", 0.1, 0, 1);
  static final Parameter<Integer> INTERVAL = Parameter.integer("interval", 2, 1, 12);
  static final Parameter<Double> NOISE = Parameter.real("noise", 2.0, 0, 100);

  /** A registry whose count grows like {@code 100 · rate · t + noise}, and meetings every few months. */
  static final class Registry {
    double registered;
    double meetings;
  }

  /** Counts the replications simulated, to see which points were simulated again. */
  private final AtomicInteger simulated = new AtomicInteger();

  private Scenario<Registry> registry() {
    return Scenario.<Registry>builder("registry", Schedule.years(2011, 2016), (p, random) -> {
      simulated.incrementAndGet();
      return new Registry();
    })
        .parameters(RATE, INTERVAL, NOISE)
        .mechanism("registrations", (s, ctx) -> s.registered =
            100 * ctx.parameter(RATE) * (ctx.year() - 2010) + ctx.parameter(NOISE) * ctx.random().nextGaussian())
        .mechanism("meetings", (s, ctx) -> s.meetings += 12.0 / ctx.parameter(INTERVAL)
            + 0.5 * ctx.random().nextGaussian())
        .metric("registered", s -> s.registered)
        .metric("meetings", s -> s.meetings)
        .build();
  }

  /** Observed values: the means of replications at rate 0.3 and interval 3. */
  private List<Target> observed(long seed, int replications, String... times) {
    ExperimentResult truth = Experiment.of(registry()).grid(Grid.of(RATE, 0.3).and(INTERVAL, 3))
        .replications(replications).seed(seed).threads(2).run();
    ImmutableList.Builder<Target> targets = ImmutableList.builder();
    for (String time : times) {
      targets.add(Target.of("registered", time, truth.summary("registry", 0, "registered", time).mean())
          .withSource("simulated at rate 0.3, seed " + seed));
    }
    targets.add(Target.of("meetings", "2016", truth.summary("registry", 0, "meetings", "2016").mean()));
    return targets.build();
  }

  /** Independent observations: 200 replications with a seed of their own. */
  private List<Target> observed() {
    return observed(1, 200, "2011", "2015", "2016");
  }

  private Calibration.Builder twoParameters(int threads) {
    return Calibration.of(registry())
        .free(RATE, 0.01, 0.5)
        .free(INTERVAL, 1, 6)
        .targets(observed())
        .replications(20).seed(2005L).threads(threads)
        .latinHypercube(16)
        .nelderMead(40);
  }

  /**
   * An identical-twin experiment: the observations are the scenario's own output at rate 0.3
   * with the calibration's seed and replications, so at rate 0.3 the simulated means equal them
   * exactly and the distance is 0.
   */
  @Test
  void recoversTheRateThatGeneratedTheObservations() {
    CalibrationResult fit = Calibration.of(registry())
        .free(RATE, 0.01, 0.5)
        .fixed(ImmutableMap.of("interval", 3))
        .targets(observed(2005L, 20, "2011", "2015", "2016"))
        .replications(20).seed(2005L).threads(2)
        .latinHypercube(8)
        .nelderMead(30)
        .run();
    double rate = (Double) fit.bestValues().get("rate");
    assertEquals(0.3, rate, 0.02, fit.toString());
    assertEquals(rate, fit.best().get(RATE));
    assertEquals(3, fit.best().get(INTERVAL), "held at its fixed value");
    assertEquals(4, fit.fit().size());
    for (Fit row : fit.fit()) {
      assertTrue(row.inside(), "observed " + row.observed() + " outside [" + row.lower() + ", " + row.upper() + "]");
      assertTrue(row.lower() <= row.mean() && row.mean() <= row.upper());
      assertEquals(20, row.simulated().count());
    }
    assertEquals(ImmutableList.of("registered", "registered", "registered", "meetings"),
        fit.fit().stream().map(Fit::metric).toList());
  }

  @Test
  void recoversARealAndAnIntegerParameterFromIndependentObservations() {
    CalibrationResult fit = twoParameters(2).run();
    assertEquals(0.3, (Double) fit.bestValues().get("rate"), 0.02, fit.toString());
    assertEquals(3, fit.bestValues().get("interval"), fit.toString());
    for (Fit row : fit.fit()) {
      assertEquals(row.observed(), row.mean(), 0.03 * row.observed(), fit.toString());
    }
  }

  @Test
  void theResultIsIdenticalWithOneOrTwoThreadsAndForTheSameSeed() {
    CalibrationResult one = twoParameters(1).run();
    CalibrationResult two = twoParameters(2).run();
    assertEquals(one, two);
    assertEquals(one.toString(), two.toString());
    assertEquals(one, twoParameters(2).run());
    assertNotEquals(one.history(), twoParameters(2).seed(2006L).run().history());
  }

  @Test
  void theHistoryHoldsEveryEvaluationInOrderAndTheBestIsItsFirstMinimum() {
    CalibrationResult fit = twoParameters(2).run();
    List<Evaluation> history = fit.history();
    assertEquals(fit.evaluations(), history.size());
    assertTrue(history.size() <= 16 + 40, history.size() + " evaluations");
    for (int i = 0; i < history.size(); i++) {
      assertEquals(i, history.get(i).index());
      assertEquals(i < 16 ? Phase.LATIN_HYPERCUBE : Phase.NELDER_MEAD, history.get(i).phase());
      assertEquals(ImmutableList.of("rate", "interval"), history.get(i).values().keySet().asList());
    }
    double min = history.stream().mapToDouble(Evaluation::distance).min().orElseThrow();
    assertEquals(min, fit.distance());
    int first = 0;
    while (history.get(first).distance() > min) {
      first++;
    }
    assertEquals(history.get(first), fit.bestEvaluation());
    // the Latin hypercube puts one point in each sixteenth of the rate's range
    int[] strata = new int[16];
    for (Evaluation e : history.subList(0, 16)) {
      double u = ((Double) e.values().get("rate") - 0.01) / 0.49;
      strata[Math.min(15, (int) Math.floor(u * 16))]++;
    }
    for (int k = 0; k < 16; k++) {
      assertEquals(1, strata[k], "stratum " + k);
    }
  }

  @Test
  void theDistanceIsTheMeanSquaredScaledErrorOfTheBestPointsRun() {
    CalibrationResult fit = twoParameters(2).run();
    double sum = 0;
    for (Fit row : fit.fit()) {
      double e = (row.mean() - row.observed()) / row.target().scale();
      sum += e * e;
    }
    assertEquals(sum / fit.fit().size(), fit.distance(), 1e-15);
    // and the run is that of an experiment at the best point with the same seed
    ExperimentResult rerun = Experiment.of(registry()).grid(fit.grid()).replications(20).seed(2005L).threads(1).run();
    for (Fit row : fit.fit()) {
      assertEquals(rerun.summary("registry", 0, row.metric(), row.time()), row.simulated());
    }
  }

  @Test
  void aPointEvaluatedAgainIsNotSimulatedAgain() {
    simulated.set(0);
    CalibrationResult fit = Calibration.of(registry())
        .free(INTERVAL, 1, 6)
        .target(Target.of("meetings", "2016", 24))
        .replications(5).seed(3).threads(1)
        .latinHypercube(12)
        .nelderMead(10)
        .run();
    assertEquals(22, fit.evaluations());
    assertTrue(simulated.get() <= 6 * 5, simulated.get() + " replications for at most 6 distinct points");
    assertEquals(3, fit.bestValues().get("interval"));
  }

  @Test
  void fixedParametersHoldTheirValuesAndEnterTheGrid() {
    CalibrationResult fit = Calibration.of(registry())
        .free(RATE, 0.01, 0.5)
        .fixed(registry().defaults().with(NOISE, 0.0).with(INTERVAL, 3).with(RATE, 0.9))
        .targets(Target.series("registered", ImmutableMap.of("2011", 30, "2016", 180)))
        .replications(2).seed(9).threads(1)
        .latinHypercube(4)
        .nelderMead(40)
        .run();
    assertEquals(0.0, fit.best().get(NOISE));
    assertEquals(3, fit.best().get(INTERVAL));
    assertEquals(0.3, fit.best().get(RATE), 1e-3, "the free parameter's fixed value is ignored");
    assertEquals(List.of("rate", "interval", "noise"), fit.grid().axes().stream().map(Parameter::name).toList(),
        "the free parameters, then those held away from their defaults");
    assertEquals(ImmutableMap.of("rate", fit.best().get(RATE), "interval", 3, "noise", 0.0), fit.grid().point(0));
  }

  @Test
  void theToStringIsATableOfTheFit() {
    CalibrationResult fit = twoParameters(2).run();
    String table = fit.toString();
    assertTrue(table.startsWith("Calibration of 'registry' (seed 2005, 20 replications)"), table);
    assertTrue(table.contains("metric      time  observed"), table);
    assertTrue(table.contains("registered  2015"), table);
    assertTrue(table.contains("meetings    2016"), table);
    assertTrue(table.lines().skip(3).allMatch(line -> line.endsWith("yes") || line.endsWith("no")), table);
    assertEquals(2 + 1 + 4, table.lines().count(), table);
  }

  @Test
  void aSingleReplicationHasNoConfidenceInterval() {
    CalibrationResult fit = Calibration.of(registry()).free(RATE, 0.01, 0.5)
        .target(Target.of("registered", "2016", 180)).replications(1).seed(1).threads(1)
        .latinHypercube(4).nelderMead(0).run();
    Fit row = fit.fit().get(0);
    assertTrue(Double.isNaN(row.lower()) && Double.isNaN(row.upper()));
    assertFalse(row.inside());
    assertTrue(fit.toString().contains("n/a"), fit.toString());
    assertEquals(4, fit.evaluations());
  }

  @Test
  void withoutAHypercubeNelderMeadStartsAtTheCentreOfTheBox() {
    CalibrationResult fit = Calibration.of(registry()).free(RATE, 0.0, 0.6).free(INTERVAL, 1, 5)
        .targets(observed()).replications(10).seed(4).threads(1)
        .latinHypercube(0).nelderMead(25).run();
    assertEquals(ImmutableMap.of("rate", 0.3, "interval", 3), fit.history().get(0).values());
    assertTrue(fit.history().stream().allMatch(e -> e.phase() == Phase.NELDER_MEAD));
    assertTrue(fit.evaluations() <= 25, fit.evaluations() + " evaluations");
  }

  @Test
  void pointsWhoseReplicationsStopBeforeATargetAreInfinitelyFar() {
    // without noise, a replication stops once 100 · rate · t passes 100 before 2016 (t = 6): for
    // every rate above 0.2, none reaches the target's year
    Scenario<Registry> stopping = registry().toBuilder()
        .stopWhen((s, step) -> s.registered > 100 && step < 5)
        .build();
    CalibrationResult fit = Calibration.of(stopping).free(RATE, 0.01, 0.5)
        .fixed(ImmutableMap.of("noise", 0.0))
        .target(Target.of("registered", "2016", 150))
        .replications(2).seed(4).threads(1).latinHypercube(8).nelderMead(10).run();
    for (Evaluation e : fit.history()) {
      double rate = (Double) e.values().get("rate");
      assertEquals(rate * 500 > 100, e.distance() == Double.POSITIVE_INFINITY, e.toString());
    }
    assertTrue(fit.distance() < Double.POSITIVE_INFINITY);
    IllegalStateException none = assertThrows(IllegalStateException.class, () -> Calibration.of(stopping)
        .free(RATE, 0.3, 0.5).fixed(ImmutableMap.of("noise", 0.0)).target(Target.of("registered", "2016", 150))
        .replications(2).seed(4).threads(1).latinHypercube(4).nelderMead(0).run());
    assertTrue(none.getMessage().contains("registered@2016"), none.getMessage());
  }

  @Test
  void anExplicitGridRunsEachPointAsItsOwnOnePointGrid() {
    Grid points = Grid.points(List.of(RATE, INTERVAL), List.of(List.of(0.2, 4), List.of(0.45, 1), List.of(0.2, 4)));
    assertEquals(3, points.size());
    assertEquals(ImmutableMap.of("rate", 0.45, "interval", 1), points.point(1));
    ExperimentResult all = Experiment.of(registry()).grid(points).replications(4).seed(5).threads(2).run();
    for (int p = 0; p < 3; p++) {
      Map<String, Object> v = points.point(p);
      ExperimentResult one = Experiment.of(registry())
          .grid(Grid.of(RATE, (Double) v.get("rate")).and(INTERVAL, (Integer) v.get("interval"))).replications(4)
          .seed(5).threads(1).run();
      assertEquals(one.summary("registry", 0, "registered", "2016"), all.summary("registry", p, "registered", "2016"));
    }
    Grid larger = points.and(NOISE, 0.0, 1.0);
    assertEquals(6, larger.size());
    assertEquals(ImmutableMap.of("rate", 0.45, "interval", 1, "noise", 1.0), larger.point(3));
    assertEquals(points, Grid.points(List.of(RATE, INTERVAL),
        List.of(List.of(0.2, 4), List.of(0.45, 1), List.of(0.2, 4))));
    assertTrue(points.toString().contains("(rate, interval): [0.2, 4], [0.45, 1]"), points.toString());
    assertMessage(() -> Grid.points(List.of(RATE), List.of(List.of(1.5))), "1.5");
  }

  // ---- bad input: each an IllegalArgumentException naming the value ----

  private static void assertMessage(Executable bad, String... fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad);
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' should name " + f);
    }
  }

  private Calibration.Builder valid() {
    return Calibration.of(registry()).free(RATE, 0.01, 0.5).target(Target.of("registered", "2011", 30)).seed(1)
        .replications(2).threads(1).latinHypercube(2).nelderMead(2);
  }

  @Test
  void theValidBaseCaseRuns() {
    assertEquals(4, valid().run().evaluations());
  }

  @Test
  void rejectsUnknownMetricsAndTimes() {
    assertMessage(() -> valid().target(Target.of("firms", "2011", 3)), "firms", "registered");
    assertMessage(() -> valid().target(Target.of("registered", "1999", 3)), "1999");
    assertMessage(() -> valid().target(Target.of("registered", "2011", 31)), "registered", "2011", "already");
  }

  @Test
  void rejectsParametersTheScenarioDoesNotDeclare() {
    assertMessage(() -> valid().free(Parameter.real("elsewhere", 0.5, 0, 1), 0.1, 0.2), "elsewhere", "rate");
    assertMessage(() -> valid().free(Parameter.integer("rate", 1, 0, 9), 1, 2), "rate", "Double");
    assertMessage(() -> valid().fixed(ImmutableMap.of("nowhere", 1)), "nowhere");
    assertMessage(() -> valid().fixed(ImmutableMap.of("noise", -4.0)), "-4.0");
    assertMessage(() -> valid().fixed(Toys.town().defaults()), "registry");
    assertMessage(() -> valid().fixed(ImmutableMap.of("rate", 0.2)).build(), "rate", "free and fixed");
    assertMessage(() -> valid().free(RATE, 0.1, 0.2), "rate", "already free");
  }

  @Test
  void rejectsBoundsOutsideTheAdmittedRangeOrOutOfOrder() {
    assertMessage(() -> valid().free(NOISE, -0.5, 0.5), "-0.5", "noise");
    assertMessage(() -> valid().free(NOISE, 1, 150), "150.0", "noise");
    assertMessage(() -> valid().free(INTERVAL, 1, 99), "99", "interval");
    assertMessage(() -> valid().free(INTERVAL, 0, 5), "lower bound 0", "interval");
    assertMessage(() -> valid().free(NOISE, 0.4, 0.2), "0.4", "0.2");
    assertMessage(() -> valid().free(NOISE, 0.3, 0.3), "0.3");
    assertMessage(() -> valid().free(INTERVAL, 4, 4), "[4, 4]");
    assertMessage(() -> valid().free(NOISE, Double.NaN, 1), "NaN");
    assertMessage(() -> valid().free(NOISE, 0, Double.POSITIVE_INFINITY), "Infinity");
  }

  @Test
  void rejectsTargetsThatAreNotFiniteOrHaveNoPositiveScale() {
    assertMessage(() -> Target.of("registered", "2011", Double.NaN), "NaN", "registered");
    assertMessage(() -> Target.of("registered", "2011", Double.NEGATIVE_INFINITY), "-Infinity");
    assertMessage(() -> Target.of("registered", "2011", 5, 0), "0.0");
    assertMessage(() -> Target.of("registered", "2011", 5, -2), "-2.0");
    assertMessage(() -> Target.of("registered", "2011", 5).withScale(Double.POSITIVE_INFINITY), "Infinity");
    assertMessage(() -> Target.of(" ", "2011", 5), "' '");
    assertMessage(() -> Target.series("registered", ImmutableMap.of()), "registered");
    assertEquals(50, Target.of("m", "2011", 50).scale());
    assertEquals(1, Target.of("m", "2011", 0.2).scale());
    assertEquals(3, Target.of("m", "2011", -3).scale());
  }

  @Test
  void rejectsRunsWithNothingToFitOrNothingToDo() {
    assertMessage(() -> Calibration.of(registry()).target(Target.of("registered", "2011", 30)).seed(1).build(),
        "free parameter");
    assertMessage(() -> Calibration.of(registry()).free(RATE, 0.1, 0.2).seed(1).build(), "target");
    assertMessage(() -> Calibration.of(registry()).free(RATE, 0.1, 0.2).target(Target.of("registered", "2011", 30))
        .build(), "seed");
    assertMessage(() -> valid().replications(0), "0");
    assertMessage(() -> valid().replications(-7), "-7");
    assertMessage(() -> valid().latinHypercube(-1), "-1");
    assertMessage(() -> valid().nelderMead(-2), "-2");
    assertMessage(() -> valid().threads(0), "0");
    assertMessage(() -> valid().latinHypercube(0).nelderMead(0).build(), "both were 0");
  }

  @Test
  void nothingRunsBeforeTheInputIsValid() {
    simulated.set(0);
    Supplier<Calibration.Builder> noTargets = () -> Calibration.of(registry()).free(RATE, 0.1, 0.2).seed(1);
    assertThrows(IllegalArgumentException.class, () -> noTargets.get().run());
    assertEquals(0, simulated.get());
  }
}
