package io.github.renkei.cluster.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Schedule;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Policy effects over a posterior on a toy whose effect per draw is known exactly; the posterior's text form. */
class PosteriorEffectsTest {

  static final Parameter<Double> SLOPE = Parameter.real("slope", 1, -10, 10);
  static final Parameter<Double> BOOST = Parameter.real("boost", 0, 0, 1);

  static final class Level {
    double value;
  }

  /** value grows by slope·(1 + boost) a year plus noise; under common random numbers the effect of boost 0 → 1 after step t is (t+1)·slope. */
  static Scenario<Level> toy() {
    return Scenario.<Level>builder("toy", Schedule.years(2010, 2019), (p, random) -> new Level())
        .parameters(SLOPE, BOOST)
        .mechanism("grow", (s, ctx) -> s.value += ctx.parameter(SLOPE) * (1 + ctx.parameter(BOOST))
            + ctx.random().nextGaussian())
        .metric("level", s -> s.value)
        .build();
  }

  static Posterior posterior(double... slopes) {
    return Posterior.of(List.of("slope"), java.util.Arrays.stream(slopes)
        .mapToObj(s -> new Particle(ImmutableMap.of("slope", s), 1, 0)).toList());
  }

  @Test
  void eachDrawsEffectIsTheExactPairedDifferenceAndTheShareCountsSigns() {
    PosteriorEffects.Result r = PosteriorEffects.of(toy(), posterior(-1, 2, 3))
        .policies(Map.of("boost", 0.0), Map.of("boost", 1.0)).draws(300).replications(3).seed(7).threads(2).run();
    PosteriorEffects.Effect e = r.effect("level", "2014");
    int negative = 0;
    for (double d : e.perDraw()) {
      // 5 steps to 2014 (2010 is the first): the noise cancels under common random numbers
      assertTrue(Math.abs(d + 5) < 1e-9 || Math.abs(d - 10) < 1e-9 || Math.abs(d - 15) < 1e-9, "effect " + d);
      if (d < 0) {
        negative++;
      }
    }
    assertEquals(1 - negative / 300.0, e.shareAbove(0), 1e-12);
    assertTrue(Math.abs(e.shareAbove(0) - 2 / 3.0) < 0.1, "share " + e.shareAbove(0));
    assertEquals(-5, e.interval(0.9).lower(), 1e-9);
    assertEquals(15, e.interval(0.9).upper(), 1e-9);
    assertEquals(300, r.draws());
    assertEquals(3, r.replications());
  }

  @Test
  void resultsDoNotDependOnThreads() {
    PosteriorEffects.Builder b = PosteriorEffects.of(toy(), posterior(0.5, 1, 1.5))
        .policies(Map.of("boost", 0.0), Map.of("boost", 0.5)).draws(40).replications(2).seed(3);
    assertEquals(b.threads(1).run().effect("level", "2019").perDraw(), b.threads(2).run().effect("level", "2019")
        .perDraw());
  }

  @Test
  void badInputsAreNamed() {
    PosteriorEffects.Builder b = PosteriorEffects.of(toy(), posterior(1, 2));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.policies(Map.of("slope", 1.0), Map.of()))
        .getMessage().contains("'slope' is estimated"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.policies(Map.of("bost", 1.0), Map.of()))
        .getMessage().contains("bost"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.metrics("levle")).getMessage().contains("levle"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.draws(1)).getMessage().contains("1"));
    b.policies(Map.of("boost", 0.0), Map.of("boost", 1.0));
    assertTrue(assertThrows(IllegalArgumentException.class, b::run).getMessage().contains("seed"));
    PosteriorEffects.Result r = b.seed(1).draws(2).run();
    assertTrue(assertThrows(IllegalArgumentException.class, () -> r.effect("level", "2030")).getMessage()
        .contains("2030"));
  }

  @Test
  void aPosteriorSurvivesItsTextForm() throws Exception {
    Posterior p = Posterior.of(List.of("a", "b"), List.of(new Particle(ImmutableMap.of("a", 0.1, "b", 3.0), 2, 0.5),
        new Particle(ImmutableMap.of("a", 1e-300, "b", -7.25), 1, 0.25)));
    StringWriter w = new StringWriter();
    p.writeTsv(w, List.of("made by a test"));
    assertTrue(w.toString().startsWith("# made by a test\nweight\tdistance\ta\tb\n"), w.toString());
    Posterior back = Posterior.readTsv(new StringReader(w.toString()), "p.tsv");
    assertEquals(p.particles(), back.particles());
    assertEquals(p.parameters(), back.parameters());
  }

  @Test
  void aMalformedPosteriorFileIsNamedByLineAndValue() {
    String header = "weight\tdistance\ta\n";
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Posterior.readTsv(new StringReader(
        header + "1\t0\tx\n"), "p.tsv")).getMessage().contains("p.tsv:2: a must be a number but was 'x'"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Posterior.readTsv(new StringReader(
        header + "1\t0\n"), "p.tsv")).getMessage().contains("p.tsv:2: 2 fields"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Posterior.readTsv(new StringReader(
        header + "-1\t0\t3\n"), "p.tsv")).getMessage().contains("weight and distance must be >= 0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Posterior.readTsv(new StringReader(
        header + "1\t0\tNaN\n"), "p.tsv")).getMessage().contains("finite"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Posterior.readTsv(new StringReader(header),
        "p.tsv")).getMessage().contains("no particles"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Posterior.readTsv(new StringReader("w\td\ta\n"),
        "p.tsv")).getMessage().contains("p.tsv:1: the header"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Posterior.readTsv(new StringReader(
        header + "0\t0\t1\n"), "p.tsv")).getMessage().contains("zero effective sample size"));
  }
}
