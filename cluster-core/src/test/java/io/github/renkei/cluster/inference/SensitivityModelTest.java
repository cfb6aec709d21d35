package io.github.renkei.cluster.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Schedule;
import io.github.renkei.cluster.simulation.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A sensitivity model: a function of named factors, or a scenario's metric at a time. */
class SensitivityModelTest {

  static final Parameter<Double> GROWTH = Parameter.real("growth", 0.5, 0, 1);
  static final Parameter<Integer> FAIRS = Parameter.integer("fairs", 1, 0, 4);
  static final Parameter<Double> NOISE = Parameter.real("noise", 0.1, 0, 10);
  static final Parameter<Boolean> COUNCIL = Parameter.flag("council", false);

  /** A toy cluster: firms grow by {@code 10 · growth} a year, plus 2 per trade fair, plus noise. */
  static final class Firms {
    double count;
  }

  static Scenario<Firms> toy() {
    return Scenario.<Firms>builder("toy", Schedule.years(2020, 2025), (p, random) -> new Firms())
        .parameters(GROWTH, FAIRS, NOISE, COUNCIL)
        .mechanism("growth", (s, ctx) -> s.count += 10 * ctx.parameter(GROWTH) + 2 * ctx.parameter(FAIRS)
            + ctx.parameter(NOISE) * ctx.random().nextGaussian())
        .metric("firms", s -> s.count)
        .build();
  }

  @Test
  void aScenarioModelIsTheMeanOfItsMetricOverReplicationsWithCommonRandomNumbers() {
    SensitivityModel model = SensitivityModel.of(toy(), "firms", "2025").factor("growth", 0, 1).factor("fairs", 0, 4)
        .factor("noise", 0, 1).replications(3).seed(9).build();
    double[] unit = {0.25, 0.5, 1.0};
    assertArrayEquals(new double[] {0.25, 2, 1.0}, model.values(unit));
    double expected = 0;
    for (int r = 0; r < 3; r++) {
      expected += Simulation.run(toy(), toy().defaults().with(GROWTH, 0.25).with(FAIRS, 2).with(NOISE, 1.0), 9, r)
          .series("firms").get(5);
    }
    assertEquals(expected / 3, model.value(unit), 1e-12);
  }

  @Test
  void anIntegerFactorGivesEachValueAnEqualShareOfTheUnitInterval() {
    SensitivityModel model = SensitivityModel.of(toy(), "firms", "2025").factor("growth", 0, 1).factor("fairs", 1, 4)
        .build();
    assertEquals(1, model.values(new double[] {0, 0})[1]);
    assertEquals(1, model.values(new double[] {0, 0.2499})[1]);
    assertEquals(2, model.values(new double[] {0, 0.25})[1]);
    assertEquals(4, model.values(new double[] {0, 0.99})[1]);
    assertEquals(4, model.values(new double[] {0, 1})[1]);
  }

  /**
   * Over six years the firms grow by 60 · growth + 12 · fairs (+ noise with the same draws at
   * every point): additive, so S = ST, with variances 60²/12 = 300 for growth on [0, 1] and
   * 12² · 1.25 = 180 for fairs uniform on {1, …, 4}; noise matters little.
   */
  @Test
  void sobolOnAScenarioRanksItsParametersAndAgreesWithTheirAnalyticShares() {
    SensitivityModel model = SensitivityModel.of(toy(), "firms", "2025").factor("growth", 0, 1).factor("fairs", 1, 4)
        .factor("noise", 0, 0.5).replications(2).seed(5).build();
    SobolResult r = Sobol.of(model).baseSamples(256).bootstrap(200).seed(1).threads(2).run();
    assertEquals(ImmutableList.of("growth", "fairs", "noise"), r.ranking(), r.toString());
    assertEquals(300.0 / 480, r.totalOrder("growth").value(), 0.05, r.toString());
    assertEquals(180.0 / 480, r.totalOrder("fairs").value(), 0.05, r.toString());
    assertTrue(r.totalOrder("noise").value() < 0.01, r.toString());
    assertEquals(256 * 5, r.evaluations());
    assertEquals(r, Sobol.of(model).baseSamples(256).bootstrap(200).seed(1).threads(1).run());
    MorrisResult m = Morris.of(model).trajectories(10).seed(1).threads(2).run();
    assertEquals("noise", m.ranking().get(2), m.toString());
    assertEquals(m, Morris.of(model).trajectories(10).seed(1).threads(1).run());
  }

  @Test
  void fewerThanTwoFactorsAreRejected() {
    assertMessage("a sensitivity analysis needs at least 2 factors but had 1: [x in [0.0, 1.0]]",
        () -> SensitivityModel.of(x -> x[0], new Factor("x", 0, 1)));
    assertMessage("a sensitivity analysis needs at least 2 factors but had 1: [growth in [0.0, 1.0]]",
        () -> SensitivityModel.of(toy(), "firms", "2025").factor("growth", 0, 1).build());
  }

  @Test
  void aFactorTwiceIsRejected() {
    assertMessage("factor 'x' appears twice in [x in [0.0, 1.0], x in [0.0, 2.0]]",
        () -> SensitivityModel.of(x -> x[0], List.of(new Factor("x", 0, 1), new Factor("x", 0, 2))));
    assertMessage("parameter 'growth' is already a factor",
        () -> SensitivityModel.of(toy(), "firms", "2025").factor("growth", 0, 1).factor("growth", 0, 0.5));
  }

  @Test
  void boundsThatAreNotFiniteOrNotInOrderAreRejected() {
    assertMessage("bounds of factor 'x' must be finite but were [0.0, Infinity]",
        () -> new Factor("x", 0, Double.POSITIVE_INFINITY));
    assertMessage("bounds of factor 'x' must be finite but were [NaN, 1.0]", () -> new Factor("x", Double.NaN, 1));
    assertMessage("bounds of factor 'x' must have lower < upper but were [1.0, 1.0]", () -> new Factor("x", 1, 1));
    assertMessage("bounds of factor 'x' must have lower < upper but were [2.0, 1.0]", () -> new Factor("x", 2, 1));
  }

  @Test
  void aFactorThatIsNotANumericParameterOfTheScenarioIsRejected() {
    assertMessage("factor 'rotation' is not a parameter of scenario 'toy' (parameters: growth, fairs, noise, council)",
        () -> SensitivityModel.of(toy(), "firms", "2025").factor("rotation", 1, 6));
    assertMessage("factor 'council' must be a real or integer parameter of scenario 'toy' but its values are Boolean",
        () -> SensitivityModel.of(toy(), "firms", "2025").factor("council", 0, 1));
  }

  @Test
  void boundsOutsideAParametersRuleOrNotWholeForAnIntegerAreRejected() {
    assertMessage("upper bound 2.0 of factor 'growth' is outside the parameter's admitted range: it must be a finite"
        + " number in [0.0, 1.0]", () -> SensitivityModel.of(toy(), "firms", "2025").factor("growth", 0, 2));
    assertMessage("bounds of integer factor 'fairs' must be whole numbers but were [0.5, 3.0]",
        () -> SensitivityModel.of(toy(), "firms", "2025").factor("fairs", 0.5, 3));
    assertMessage("upper bound 9 of factor 'fairs' is outside the parameter's admitted range: it must be an integer"
        + " in [0, 4]", () -> SensitivityModel.of(toy(), "firms", "2025").factor("fairs", 0, 9));
  }

  @Test
  void aMetricOrTimeTheScenarioLacksIsRejected() {
    assertMessage("metric 'sales' is not a metric of scenario 'toy' (metrics: [firms])",
        () -> SensitivityModel.of(toy(), "sales", "2025"));
    assertMessage("time '2030' of metric 'firms' is not in the schedule of scenario 'toy' (" + toy().schedule() + ")",
        () -> SensitivityModel.of(toy(), "firms", "2030"));
  }

  @Test
  void fewerThanOneReplicationIsRejected() {
    assertMessage("replications must be >= 1 but was 0",
        () -> SensitivityModel.of(toy(), "firms", "2025").replications(0));
  }

  private static void assertMessage(String expected, Executable executable) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, executable).getMessage());
  }
}
