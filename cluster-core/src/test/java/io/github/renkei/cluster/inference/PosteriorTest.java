package io.github.renkei.cluster.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.simulation.Parameters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The weighted posterior: effective sample size, weighted summaries and resampling. */
class PosteriorTest {

  private static Particle particle(double x, int k, double weight) {
    return new Particle(ImmutableMap.of("x", x, "k", (double) k), weight, 0.1);
  }

  /** Weights 1, 1, 2 and 4 (normalized 1/8, 1/8, 1/4, 1/2) on x = 1, 2, 3, 4. */
  private static Posterior small() {
    return Posterior.of(List.of("x", "k"),
        List.of(particle(1, 5, 1), particle(2, 6, 1), particle(3, 7, 2), particle(4, 8, 4)));
  }

  @Test
  void kishEffectiveSampleSize() {
    assertEquals(10, Posterior.effectiveSampleSize(new double[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2}), 1e-12);
    assertEquals(1, Posterior.effectiveSampleSize(0, 0, 5, 0), 1e-12);
    assertEquals(16.0 / 6, Posterior.effectiveSampleSize(1, 1, 2), 1e-12);
    assertEquals(64.0 / 22, small().effectiveSampleSize(), 1e-12);
    // scaled internally: tiny and huge weights give the same answer as moderate ones
    assertEquals(16.0 / 6, Posterior.effectiveSampleSize(1e-300, 1e-300, 2e-300), 1e-12);
    assertEquals(16.0 / 6, Posterior.effectiveSampleSize(1e300, 1e300, 2e300), 1e-12);
  }

  @Test
  void weightedMeanStandardDeviationAndQuantiles() {
    Posterior p = small();
    assertEquals(1, p.particles().stream().mapToDouble(Particle::weight).sum(), 1e-15);
    double mean = 1 / 8.0 + 2 / 8.0 + 3 / 4.0 + 4 / 2.0;
    assertEquals(mean, p.mean("x"), 1e-12);
    double var = (Math.pow(1 - mean, 2) + Math.pow(2 - mean, 2)) / 8 + Math.pow(3 - mean, 2) / 4
        + Math.pow(4 - mean, 2) / 2;
    assertEquals(Math.sqrt(var), p.standardDeviation("x"), 1e-12);
    assertEquals(1, p.quantile("x", 0));
    assertEquals(1, p.quantile("x", 0.125));
    assertEquals(2, p.quantile("x", 0.2));
    assertEquals(3, p.quantile("x", 0.5));
    assertEquals(4, p.quantile("x", 0.51));
    assertEquals(4, p.quantile("x", 1));
    assertTrue(p.generations().isEmpty() && p.stopReason().isEmpty() && p.simulations() == 0);
    assertTrue(p.toString().contains("ESS 2.9"), p.toString());
  }

  @Test
  void sampleDrawsParticlesInProportionToTheirWeightsReproducibly() {
    Posterior p = Posterior.of(List.of("x", "k"),
        List.of(particle(1, 5, 1), particle(2, 6, 0), particle(3, 7, 2), particle(4, 8, 4)));
    List<Particle> draws = p.sample(70_000, 42);
    int[] counts = new int[5];
    for (Particle d : draws) {
      counts[(int) d.value("x")]++;
    }
    assertEquals(0, counts[2], "a particle of weight 0 is never drawn");
    assertEquals(10_000, counts[1], 400);
    assertEquals(20_000, counts[3], 500);
    assertEquals(40_000, counts[4], 600);
    assertEquals(draws, p.sample(70_000, 42));
    assertNotEquals(p.sample(100, 42), p.sample(100, 43));
  }

  @Test
  void particleSetsItsValuesOnAScenariosParametersWithIntegersAsIntegers() {
    Parameters base = AbcSmcTest.growing().defaults();
    Particle p = new Particle(ImmutableMap.of("growth", 0.07, "start", 120.0), 1, 0);
    Parameters set = p.applyTo(base);
    assertEquals(0.07, set.get(AbcSmcTest.GROWTH));
    assertEquals(120, set.get(AbcSmcTest.START));
    assertEquals(base.get(AbcSmcTest.NOISE), set.get(AbcSmcTest.NOISE));
    IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
        () -> new Particle(ImmutableMap.of("start", 120.5), 1, 0).applyTo(base));
    assertTrue(fraction.getMessage().contains("'start' takes integers"), fraction.getMessage());
  }

  @Test
  void badInputNamesTheParameterOrValue() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> small().mean("y"));
    assertTrue(unknown.getMessage().contains("no parameter 'y'"), unknown.getMessage());
    IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
        () -> Posterior.of(List.of("x"), List.of(particle(1, 2, 1))));
    assertTrue(mismatch.getMessage().contains("particle 0"), mismatch.getMessage());
    assertThrows(IllegalArgumentException.class, () -> small().quantile("x", 1.5));
    assertThrows(IllegalArgumentException.class, () -> small().sample(0, 1));
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> new Particle(ImmutableMap.of("x", Double.NaN), 1, 0));
    assertTrue(nan.getMessage().contains("parameter 'x'"), nan.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Particle(ImmutableMap.of("x", 1.0), -1, 0));
  }
}
