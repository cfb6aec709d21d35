package io.github.renkei.cluster.inference;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Target;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input to ABC-SMC: a clear exception that names the parameter, target or value. */
class AbcSmcBadInputTest {

  static final Parameter<Double> SIGMA = Parameter.real("sigma", 1, 0, 10);

  private static AbcSmc.Builder scenario() {
    return AbcSmc.of(AbcSmcTest.growing()).prior(Prior.uniform(AbcSmcTest.GROWTH, 0, 0.3))
        .target(Target.of("level", "2015", 150)).seed(1).threads(1);
  }

  private static AbcSmc.Builder model(AbcSmc.Model model) {
    return AbcSmc.of(List.of(AbcSmcTest.MU), model).prior(Prior.normal(AbcSmcTest.MU, 0, 1))
        .target(Target.of("y", "0", 1.0)).particles(20).maxGenerations(2).seed(1).threads(1);
  }

  @Test
  void targetOfAMetricOrTimeTheScenarioLacks() {
    refused(() -> scenario().target(Target.of("firms", "2015", 10)), "target metric 'firms'", "growing",
        "metrics: [level]");
    refused(() -> scenario().target(Target.of("level", "2031", 10)), "target time '2031'", "level");
    refused(() -> scenario().target(Target.of("level", "2015", 10)), "metric 'level' at 2015 is already a target");
  }

  @Test
  void priorOfAParameterTheScenarioOrModelLacksOrOfTheWrongType() {
    Parameter<Double> other = Parameter.real("entry-rate", 0.1, 0, 1);
    refused(() -> scenario().prior(Prior.uniform(other, 0, 1)), "parameter 'entry-rate'", "growing",
        "growth, start, noise");
    Parameter<Double> startAsReal = Parameter.real("start", 80, 1, 1000);
    refused(() -> scenario().prior(Prior.uniform(startAsReal, 50, 150)), "parameter 'start'", "Integer", "Double");
    refused(() -> scenario().prior(Prior.uniform(AbcSmcTest.GROWTH, 0, 0.2)), "parameter 'growth' already has a prior");
    refused(() -> model((t, r) -> t).prior(Prior.uniform(SIGMA, 0, 1)), "parameter 'sigma'", "a model", "mu");
  }

  @Test
  void modelParameterWithoutAPrior() {
    refused(() -> AbcSmc.of(List.of(AbcSmcTest.MU, SIGMA), (t, r) -> t).prior(Prior.normal(AbcSmcTest.MU, 0, 1))
        .target(Target.of("y", "0", 1.0)).seed(1).build(), "parameter 'sigma' of the model has no prior");
    refused(() -> AbcSmc.of(List.of(AbcSmcTest.MU, AbcSmcTest.MU), (t, r) -> t), "parameter 'mu' is declared twice");
    refused(() -> AbcSmc.of(List.of(Parameter.flag("council", false)), (t, r) -> t), "parameter 'council'",
        "Boolean");
  }

  @Test
  void parameterBothFixedAndGivenAPrior() {
    refused(() -> scenario().fixed(ImmutableMap.of("growth", 0.1)), "parameter 'growth' has a prior");
    refused(() -> AbcSmc.of(AbcSmcTest.growing()).fixed(ImmutableMap.of("noise", 0.0))
        .prior(Prior.uniform(AbcSmcTest.NOISE, 0, 0.1)), "parameter 'noise' has a fixed value");
    refused(() -> scenario().fixed(ImmutableMap.of("noise", 2.0)), "noise", "2.0");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> model((t, r) -> t).fixed(ImmutableMap.of("mu", 1.0)));
    assertTrue(e.getMessage().contains("every parameter of a model has a prior"), e.getMessage());
  }

  @Test
  void tooFewParticlesAndOtherSettingsOutOfRange() {
    refused(() -> scenario().particles(1), "at least 2 particles", "1");
    refused(() -> scenario().replications(0), "replications must be >= 1 but was 0");
    refused(() -> scenario().quantile(1.0), "quantile must be in (0, 1) but was 1.0");
    refused(() -> scenario().quantile(0), "but was 0.0");
    refused(() -> scenario().minimumEpsilon(-0.1), "minimum epsilon", "-0.1");
    refused(() -> scenario().minimumEpsilon(Double.NaN), "minimum epsilon", "NaN");
    refused(() -> scenario().maxGenerations(0), "generations must be >= 1 but was 0");
    refused(() -> scenario().maxSimulations(0), "budget must be >= 1 but was 0");
    refused(() -> scenario().particles(100).replications(3).maxSimulations(299).build(), "budget of 299",
        "100 particles × 3 replications");
    refused(() -> scenario().threads(0), "threads must be >= 1 but was 0");
  }

  @Test
  void missingSeedPriorOrTarget() {
    refused(() -> AbcSmc.of(AbcSmcTest.growing()).prior(Prior.uniform(AbcSmcTest.GROWTH, 0, 0.3))
        .target(Target.of("level", "2015", 150)).build(), "needs a seed");
    refused(() -> AbcSmc.of(AbcSmcTest.growing()).target(Target.of("level", "2015", 150)).seed(1).build(),
        "at least one parameter with a prior");
    refused(() -> AbcSmc.of(AbcSmcTest.growing()).prior(Prior.uniform(AbcSmcTest.GROWTH, 0, 0.3)).seed(1).build(),
        "at least one target");
  }

  @Test
  void improperPriorsNameTheParameter() {
    refused(() -> scenario().prior(Prior.uniform(AbcSmcTest.NOISE, 0.5, Double.POSITIVE_INFINITY)), "'noise'",
        "finite");
    refused(() -> scenario().prior(Prior.normal(AbcSmcTest.NOISE, 0.1, 0)), "'noise'", "standard deviation > 0");
    // a prior made for another declaration of the parameter is checked against the scenario's
    Parameter<Double> wideNoise = Parameter.real("noise", 0.05, 0, 5);
    refused(() -> scenario().prior(Prior.uniform(wideNoise, 0, 2)), "'noise'", "a finite number in [0.0, 1.0]",
        "2.0");
  }

  @Test
  void zeroEffectiveSampleSize() {
    refused(() -> Posterior.effectiveSampleSize(0, 0, 0), "zero effective sample size", "3 weights");
    refused(() -> Posterior.effectiveSampleSize(new double[0]), "zero effective sample size");
    refused(() -> Posterior.effectiveSampleSize(1, -1), "weight 1", "-1.0");
    refused(() -> Posterior.of(List.of("mu"), List.of(new Particle(ImmutableMap.of("mu", 1.0), 0, 0),
        new Particle(ImmutableMap.of("mu", 2.0), 0, 0))), "zero effective sample size", "2 particles");
  }

  @Test
  void modelOutputsThatAreNotFiniteOrOfTheWrongCountNameTheTarget() {
    IllegalStateException nan = assertThrows(IllegalStateException.class,
        () -> model(AbcSmc.Model.of((t, r) -> t[0] > 0.5 ? Double.NaN : t[0])).run());
    assertTrue(nan.getMessage().contains("NaN for target y@0"), nan.getMessage());
    assertTrue(nan.getMessage().contains("mu="), nan.getMessage());
    IllegalStateException count = assertThrows(IllegalStateException.class,
        () -> model((t, r) -> new double[] {1, 2}).run());
    assertTrue(count.getMessage().contains("2 values") && count.getMessage().contains("1 targets"),
        count.getMessage());
  }

  @Test
  void failingSimulationNamesGenerationParticleAndValues() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> model((t, r) -> {
      throw new ArithmeticException("overflow in the model");
    }).run());
    assertTrue(e.getMessage().contains("generation 0") && e.getMessage().contains("particle 0")
        && e.getMessage().contains("overflow in the model") && e.getMessage().contains("mu="), e.getMessage());
  }

  @Test
  void budgetTooSmallForGenerationZeroWhenFewPriorDrawsReachTheTargets() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> AbcSmc.of(
            AbcSmcTest.growing().toBuilder().stopWhen((s, ctx) -> true).build())
        .prior(Prior.uniform(AbcSmcTest.GROWTH, 0, 0.3)).target(Target.of("level", "2015", 150))
        .particles(10).maxSimulations(50).seed(1).threads(1).run());
    assertTrue(e.getMessage().contains("budget of 50 ran out in generation 0"), e.getMessage());
  }

  private static void refused(Executable bad, String... fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad);
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' should contain " + f);
    }
  }
}
