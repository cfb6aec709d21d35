package io.github.renkei.cluster.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Progress;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Schedule;
import io.github.renkei.cluster.simulation.Simulation;
import io.github.renkei.cluster.simulation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * ABC-SMC on problems with known posteriors: a conjugate normal model, a two-parameter linear
 * toy, an integer parameter, and a scenario of the engine.
 */
class AbcSmcTest {

  static final Parameter<Double> MU = Parameter.real("mu", 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  static final Parameter<Double> THETA1 = Parameter.real("theta1", 0, -5, 5);
  static final Parameter<Double> THETA2 = Parameter.real("theta2", 0, -5, 5);
  static final Parameter<Integer> K = Parameter.integer("k", 1, 1, 10);

  /**
   * y₁…y₁₀ ~ N(μ, 1) with μ ~ N(0, 2²): the posterior of μ given the sample mean ȳ is normal with
   * precision 1/4 + 10 and mean 10ȳ / 10.25. ABC with the summary ȳ and a small ε must find it.
   */
  @Test
  void conjugateNormalModelGivesTheAnalyticPosterior() {
    int n = 10;
    double sigma = 1;
    double mu0 = 0;
    double tau0 = 2;
    SplittableRandom data = new SplittableRandom(2009);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1.2 + sigma * data.nextGaussian();
    }
    double ybar = sum / n;
    double precision = 1 / (tau0 * tau0) + n / (sigma * sigma);
    double analyticMean = (mu0 / (tau0 * tau0) + n * ybar / (sigma * sigma)) / precision;
    double analyticSd = 1 / Math.sqrt(precision);

    Posterior posterior = AbcSmc.of(List.of(MU), AbcSmc.Model.of((theta, random) -> {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += theta[0] + sigma * random.nextGaussian();
      }
      return s / n;
    }))
        .prior(Prior.normal(MU, mu0, tau0))
        .target(Target.of("sample-mean", "y", ybar, 1.0))
        .particles(1000)
        .minimumEpsilon(0.02)
        .maxGenerations(20)
        .seed(14)
        .threads(2)
        .run();

    System.out.printf("conjugate: analytic mean %.4f sd %.4f; ABC mean %.4f sd %.4f, ESS %.0f, %d simulations, ε %s%n",
        analyticMean, analyticSd, posterior.mean("mu"), posterior.standardDeviation("mu"),
        posterior.effectiveSampleSize(), posterior.simulations(), posterior.epsilons());
    assertEquals(AbcSmc.Stop.MINIMUM_EPSILON, posterior.stopReason().orElseThrow());
    assertEquals(0.02, posterior.epsilons().get(posterior.epsilons().size() - 1));
    assertEquals(analyticMean, posterior.mean("mu"), 0.05);
    assertEquals(analyticSd, posterior.standardDeviation("mu"), 0.2 * analyticSd);
    // the central 90 % credible interval of the normal posterior: mean ± 1.645 sd
    assertEquals(analyticMean - 1.645 * analyticSd, posterior.quantile("mu", 0.05), 0.08);
    assertEquals(analyticMean + 1.645 * analyticSd, posterior.quantile("mu", 0.95), 0.08);
    assertTrue(posterior.effectiveSampleSize() > 300, "ESS " + posterior.effectiveSampleSize());
    for (Particle p : posterior.particles()) {
      assertTrue(p.distance() <= 0.02, "accepted distance " + p.distance());
    }
  }

  /** Sum and difference of two parameters, observed with noise 0.1: the posterior sits at (2, 1). */
  private static AbcSmc.Builder sumAndDifference() {
    return AbcSmc.of(List.of(THETA1, THETA2), (theta, random) -> new double[] {
      theta[0] + theta[1] + 0.1 * random.nextGaussian(), theta[0] - theta[1] + 0.1 * random.nextGaussian()})
        .prior(Prior.uniform(THETA1, -5, 5))
        .prior(Prior.uniform(THETA2, -5, 5))
        .target(Target.of("sum", "0", 3.0, 1.0))
        .target(Target.of("difference", "0", 1.0, 1.0));
  }

  /**
   * With flat priors the posterior of (θ₁, θ₂) given sum 3 and difference 1, each observed with
   * noise sd 0.1, is normal around (2, 1) with sd √(0.01 + 0.01) / 2 ≈ 0.071 in each.
   */
  @Test
  void twoParameterToyConcentratesAtTheTruth() {
    Posterior posterior = sumAndDifference().particles(500).minimumEpsilon(0.05).maxGenerations(30).seed(7)
        .threads(2).run();
    System.out.printf("two-parameter toy: θ1 %.4f ± %.4f, θ2 %.4f ± %.4f, ESS %.0f, %d simulations, %d generations%n",
        posterior.mean("theta1"), posterior.standardDeviation("theta1"), posterior.mean("theta2"),
        posterior.standardDeviation("theta2"), posterior.effectiveSampleSize(), posterior.simulations(),
        posterior.generations().size());
    assertEquals(AbcSmc.Stop.MINIMUM_EPSILON, posterior.stopReason().orElseThrow());
    assertEquals(2, posterior.mean("theta1"), 0.03);
    assertEquals(1, posterior.mean("theta2"), 0.03);
    for (String p : posterior.parameters()) {
      assertEquals(Math.sqrt(0.02) / 2, posterior.standardDeviation(p), 0.2 * Math.sqrt(0.02) / 2, p);
    }
    assertTrue(posterior.quantile("theta1", 0.05) < 2 && posterior.quantile("theta1", 0.95) > 2);
    assertTrue(posterior.quantile("theta2", 0.05) < 1 && posterior.quantile("theta2", 0.95) > 1);
    // the tolerances shrink generation by generation
    List<Double> eps = posterior.epsilons();
    assertEquals(Double.POSITIVE_INFINITY, eps.get(0));
    for (int g = 1; g < eps.size(); g++) {
      assertTrue(eps.get(g) < eps.get(g - 1), "ε schedule " + eps);
    }
    for (AbcSmcGeneration g : posterior.generations()) {
      assertEquals((double) 500 / g.proposals(), g.acceptanceRate(), 1e-12);
      assertEquals(g.proposals(), g.simulations());
    }
  }

  /**
   * y₁ = θ₁ + θ₂ + N(0, 0.1²) observed at 3 and y₂ = θ₁ + N(0, 0.5²) observed at 2, flat priors:
   * the posterior is normal with mean (2, 1) and covariance (AᵀΣ⁻¹A)⁻¹ = [[0.25, −0.25], [−0.25,
   * 0.26]], a correlation of −0.98 that the multivariate kernel must follow.
   */
  @Test
  void correlatedPosteriorIsFollowedByTheMultivariateKernel() {
    Posterior posterior = AbcSmc.of(List.of(THETA1, THETA2), (theta, random) -> new double[] {
      theta[0] + theta[1] + 0.1 * random.nextGaussian(), theta[0] + 0.5 * random.nextGaussian()})
        .prior(Prior.uniform(THETA1, -5, 5))
        .prior(Prior.uniform(THETA2, -5, 5))
        .target(Target.of("sum", "0", 3.0, 1.0))
        .target(Target.of("first", "0", 2.0, 1.0))
        .particles(500).minimumEpsilon(0.05).maxGenerations(30).seed(21).threads(2).run();
    double m1 = posterior.mean("theta1");
    double m2 = posterior.mean("theta2");
    double covariance = 0;
    for (Particle p : posterior.particles()) {
      covariance += p.weight() * (p.value("theta1") - m1) * (p.value("theta2") - m2);
    }
    double correlation = covariance / (posterior.standardDeviation("theta1") * posterior.standardDeviation("theta2"));
    System.out.printf("correlated toy: θ1 %.3f ± %.3f, θ2 %.3f ± %.3f, correlation %.3f, %d simulations%n", m1,
        posterior.standardDeviation("theta1"), m2, posterior.standardDeviation("theta2"), correlation,
        posterior.simulations());
    assertEquals(2, m1, 0.1);
    assertEquals(1, m2, 0.1);
    assertEquals(0.5, posterior.standardDeviation("theta1"), 0.1);
    assertEquals(Math.sqrt(0.26), posterior.standardDeviation("theta2"), 0.1);
    assertEquals(-0.98, correlation, 0.02);
  }

  @Test
  void componentWiseKernelFindsTheSamePosterior() {
    Posterior posterior = sumAndDifference().kernel(AbcSmc.Kernel.COMPONENT_WISE_NORMAL).particles(400)
        .minimumEpsilon(0.05).maxGenerations(30).seed(8).threads(2).run();
    assertEquals(AbcSmc.Stop.MINIMUM_EPSILON, posterior.stopReason().orElseThrow());
    assertEquals(2, posterior.mean("theta1"), 0.03);
    assertEquals(1, posterior.mean("theta2"), 0.03);
  }

  /** y = k + N(0, 0.3²) observed at 4, k uniform on 1..10: the posterior puts 99 % on k = 4. */
  @Test
  void integerParameterTakesTheNearestIntegerAndConcentratesOnTheTruth() {
    Posterior posterior = AbcSmc.of(List.of(K), AbcSmc.Model.of((theta, random) -> theta[0] + 0.3 * random.nextGaussian()))
        .prior(Prior.discreteUniform(K, 1, 10))
        .target(Target.of("y", "0", 4.0, 1.0))
        .particles(400)
        .minimumEpsilon(0.05)
        .seed(3)
        .threads(2)
        .run();
    double onFour = 0;
    for (Particle p : posterior.particles()) {
      assertEquals(Math.rint(p.value("k")), p.value("k"));
      if (p.value("k") == 4) {
        onFour += p.weight();
      }
    }
    System.out.printf("integer parameter: P(k = 4) = %.4f%n", onFour);
    assertTrue(onFour > 0.95, "P(k = 4) = " + onFour);
  }

  @Test
  void sameSeedGivesTheSamePosteriorWithOneOrTwoThreads() {
    Posterior one = sumAndDifference().particles(200).maxGenerations(5).seed(11).threads(1).run();
    Posterior two = sumAndDifference().particles(200).maxGenerations(5).seed(11).threads(2).run();
    Posterior again = sumAndDifference().particles(200).maxGenerations(5).seed(11).threads(2).run();
    assertEquals(one.particles(), two.particles());
    assertEquals(one.generations(), two.generations());
    assertEquals(two.particles(), again.particles());
    assertEquals(one.sample(50, 3), two.sample(50, 3));
    Posterior other = sumAndDifference().particles(200).maxGenerations(5).seed(12).threads(2).run();
    assertNotEquals(one.particles(), other.particles());
  }

  @Test
  void budgetStopsTheRunBeforeItIsExceededAndKeepsTheLastCompleteGeneration() {
    Posterior posterior = sumAndDifference().particles(200).minimumEpsilon(0.001).maxGenerations(30)
        .maxSimulations(3_000).seed(5).threads(2).run();
    assertEquals(AbcSmc.Stop.SIMULATION_BUDGET, posterior.stopReason().orElseThrow());
    assertTrue(posterior.simulations() <= 3_000, "simulations " + posterior.simulations());
    // it stopped because the next round, at most one attempt per particle, would have overrun
    assertTrue(posterior.simulations() > 3_000 - 200, "simulations " + posterior.simulations());
    long inGenerations = posterior.generations().stream().mapToLong(AbcSmcGeneration::simulations).sum();
    assertTrue(posterior.simulations() >= inGenerations, "the abandoned generation's simulations count");
    assertEquals(200, posterior.size());
  }

  @Test
  void maxGenerationsOfOneIsTheSampleFromThePrior() {
    Posterior prior = sumAndDifference().particles(300).maxGenerations(1).seed(1).threads(1).run();
    assertEquals(AbcSmc.Stop.MAX_GENERATIONS, prior.stopReason().orElseThrow());
    assertEquals(300, prior.effectiveSampleSize(), 1e-9);
    assertEquals(1, prior.generations().get(0).acceptanceRate());
    assertEquals(0, prior.mean("theta1"), 0.4);
  }

  @Test
  void progressCountsSimulationsUpToTheTotal() {
    List<Progress> heard = new ArrayList<>();
    Posterior posterior = sumAndDifference().particles(100).maxGenerations(4).seed(2).threads(2)
        .progress(heard::add).run();
    assertTrue(heard.size() > 4);
    for (int i = 1; i < heard.size(); i++) {
      assertTrue(heard.get(i).done() >= heard.get(i - 1).done());
      assertTrue(heard.get(i).total() >= heard.get(i).done());
    }
    Progress last = heard.get(heard.size() - 1);
    assertEquals(posterior.simulations(), last.done());
    assertEquals(last.done(), last.total());
  }

  // --- the Scenario path ---------------------------------------------------------------------

  static final Parameter<Double> GROWTH = Parameter.real("growth", 0.05, 0, 0.5);
  static final Parameter<Integer> START = Parameter.integer("start", 80, 1, 1000);
  static final Parameter<Double> NOISE = Parameter.real("noise", 0.05, 0, 1);

  /** A level that starts at {@code start} and grows by {@code growth} a year, with noise. */
  static final class Level {
    double value;
  }

  static Scenario<Level> growing() {
    return Scenario.<Level>builder("growing", Schedule.years(2010, 2020), (p, random) -> {
      Level l = new Level();
      l.value = p.get(START);
      return l;
    })
        .parameters(GROWTH, START, NOISE)
        .mechanism("grow", (s, ctx) -> s.value *= 1 + ctx.parameter(GROWTH)
            + ctx.parameter(NOISE) * ctx.random().nextGaussian())
        .metric("level", s -> s.value)
        .build();
  }

  /** The expected level after the step of a year at growth 0.08 from 100 (one growth in 2010). */
  private static double truth(int year) {
    return 100 * Math.pow(1.08, year - 2010 + 1);
  }

  private static AbcSmc.Builder growingCalibration() {
    return AbcSmc.of(growing())
        .prior(Prior.uniform(GROWTH, 0, 0.3))
        .prior(Prior.discreteUniform(START, 50, 150))
        .fixed(ImmutableMap.of("noise", 0.01))
        .target(Target.of("level", "2014", truth(2014)))
        .target(Target.of("level", "2020", truth(2020)));
  }

  @Test
  void scenarioIsCalibratedThroughTheEngine() {
    long start = System.nanoTime();
    Posterior posterior = growingCalibration().particles(300).minimumEpsilon(0.01).maxGenerations(30).seed(2016)
        .threads(2).run();
    System.out.printf("scenario: %s in %d ms%n", posterior, (System.nanoTime() - start) / 1_000_000);
    assertEquals(0.08, posterior.mean("growth"), 0.01);
    assertEquals(100, posterior.mean("start"), 8);
    assertTrue(posterior.quantile("start", 0.05) <= 100 && posterior.quantile("start", 0.95) >= 100);
    assertEquals(AbcSmc.Stop.MINIMUM_EPSILON, posterior.stopReason().orElseThrow());
    // a particle runs the scenario: its parameters are the scenario's, with the fixed noise
    Particle p = posterior.sample(1, 9).get(0);
    var parameters = p.applyTo(growing().defaults().with(NOISE, 0.01));
    assertEquals((int) p.value("start"), parameters.get(START));
    assertEquals(p.value("growth"), parameters.get(GROWTH));
    assertTrue(Simulation.run(growing(), parameters, 1, 0).series("level").last() > 0);
  }

  @Test
  void scenarioPosteriorIsTheSameWithOneOrTwoThreadsAndWithReplications() {
    AbcSmc.Builder b = growingCalibration().particles(60).maxGenerations(3).replications(2).seed(4);
    Posterior one = b.threads(1).run();
    Posterior two = b.threads(2).run();
    assertEquals(one.particles(), two.particles());
    assertEquals(2 * one.generations().get(0).proposals(), one.generations().get(0).simulations());
  }

  @Test
  void proposalsWhoseRunsStopBeforeATargetAreRejected() {
    Scenario<Level> stopping = growing().toBuilder().stopWhen((s, ctx) -> s.value > 200).build();
    Posterior posterior = AbcSmc.of(stopping)
        .prior(Prior.uniform(GROWTH, 0, 0.3))
        .fixed(ImmutableMap.of("start", 100, "noise", 0.0))
        .target(Target.of("level", "2020", 150))
        .particles(100).maxGenerations(2).seed(6).threads(1).run();
    for (Particle p : posterior.particles()) {
      // the level after 2019's step is 100 (1 + g)^10; above 200 the run stops before 2020
      assertTrue(100 * Math.pow(1 + p.value("growth"), 10) <= 200, p.toString());
      assertTrue(Double.isFinite(p.distance()));
    }
    assertTrue(posterior.generations().get(0).acceptanceRate() < 1);
  }

  /**
   * Three particles cannot span five parameters: their covariance is singular, and those
   * generations perturb component-wise instead of failing.
   */
  @Test
  void aPopulationSmallerThanItsParametersStillRuns() {
    List<Parameter<Double>> five = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      five.add(Parameter.real("p" + k, 0, -5, 5));
    }
    AbcSmc.Builder b = AbcSmc.of(five, (theta, random) -> new double[] {theta[0] + theta[1] + theta[2] + theta[3]
        + theta[4] + random.nextGaussian()});
    five.forEach(p -> b.prior(Prior.uniform(p, -5, 5)));
    Posterior p = b.target(Target.of("sum", "0", 1.0, 1.0)).particles(3).maxGenerations(6).seed(4).threads(2).run();
    assertEquals(6, p.generations().size());
    assertEquals(3, p.size());
  }
}
