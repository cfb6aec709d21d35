package io.github.renkei.cluster.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Parameters;
import io.github.renkei.cluster.simulation.Progress;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Schedule;
import io.github.renkei.cluster.simulation.Statistics;
import io.github.renkei.cluster.simulation.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Posterior predictive runs of a toy whose predictive distribution is known: {@code y_t = a·t +
 * ε}, {@code ε ~ N(0, noise²)}, with {@code a ~ N(m, s²)} particles, so {@code y_t ~ N(m t, s² t²
 * + noise²)}.
 */
class PredictiveTest {

  static final Parameter<Double> SLOPE = Parameter.real("slope", 1, -100, 100);
  static final Parameter<Double> NOISE = Parameter.real("noise", 0, 0, 100);
  static final Parameter<Double> INTERCEPT = Parameter.real("intercept", 0, -1000, 1000);

  /** z of the standard normal's 0.95, 0.75 quantiles. */
  static final double Z95 = 1.6448536269514722;
  static final double Z75 = 0.6744897501960817;

  /** The state: the time {@code t = step + 1} and {@code y}. */
  static final class Line {
    double t;
    double y;
  }

  /** {@code y = intercept + slope · t + noise · N(0, 1)} at {@code t = 1 … 10} (steps "0" … "9"). */
  static Scenario<Line> line() {
    return Scenario.<Line>builder("line", Schedule.steps(10), (p, random) -> new Line())
        .parameters(SLOPE, NOISE, INTERCEPT)
        .mechanism("step", (s, ctx) -> {
          s.t = ctx.step() + 1;
          s.y = ctx.parameter(INTERCEPT) + ctx.parameter(SLOPE) * s.t
              + ctx.parameter(NOISE) * ctx.random().nextGaussian();
        })
        .metric("y", s -> s.y)
        .metric("t", s -> s.t)
        .build();
  }

  /** Equally weighted particles of the slope, drawn from N(mean, sd²). */
  static Posterior normalSlope(double mean, double sd, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Particle> particles = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      particles.add(new Particle(ImmutableMap.of("slope", mean + sd * random.nextGaussian()), 1, 0));
    }
    return Posterior.of(List.of("slope"), particles);
  }

  static Posterior pointSlope(double slope) {
    return Posterior.of(List.of("slope"), List.of(new Particle(ImmutableMap.of("slope", slope), 1, 0)));
  }

  @Test
  void predictiveQuantilesMatchTheNormalPredictiveDistribution() {
    double m = 2;
    double s = 0.3;
    double noise = 1;
    Parameters base = line().defaults().with(NOISE, noise);
    PredictiveResult p = Predictive.of(line(), normalSlope(m, s, 4000, 11)).base(base).draws(4000).seed(5).threads(2)
        .run();
    assertEquals(4000, p.draws());
    assertEquals(1, p.replications());
    assertEquals(List.of("y", "t"), p.metrics());
    assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), p.times());
    for (int t : new int[] {1, 5, 10}) {
      String time = Integer.toString(t - 1);
      double mean = m * t;
      double sd = Math.sqrt(s * s * t * t + noise * noise);
      Statistics st = p.statistics("y", time);
      assertEquals(4000, st.count());
      double tolerance = 0.1 * sd;
      assertEquals(mean, st.mean(), tolerance, "mean at t=" + t);
      assertEquals(sd, st.standardDeviation().orElseThrow(), tolerance, "sd at t=" + t);
      assertEquals(mean, st.median(), tolerance, "median at t=" + t);
      Band b90 = p.band("y", time, 0.9);
      assertEquals(mean - Z95 * sd, b90.lower(), tolerance, "5 % at t=" + t);
      assertEquals(mean + Z95 * sd, b90.upper(), tolerance, "95 % at t=" + t);
      Band b50 = p.band("y", time, 0.5);
      assertEquals(mean - Z75 * sd, b50.lower(), tolerance, "25 % at t=" + t);
      assertEquals(mean + Z75 * sd, b50.upper(), tolerance, "75 % at t=" + t);
      assertEquals(st.quantile(0.05), b90.lower());
      assertEquals(st.quantile(0.95), b90.upper());
      assertEquals(st.median(), b90.median());
      assertEquals(Band.Kind.POSTERIOR_PREDICTIVE, b90.kind());
      assertEquals("posterior-predictive", b90.kind().label());
      assertEquals(0.9, b90.level());
      // without a discrepancy term the two samples are the same
      assertEquals(st, p.withoutDiscrepancy("y", time));
      assertEquals(b90, p.bandWithoutDiscrepancy("y", time, 0.9));
    }
    assertTrue(p.discrepancy().isEmpty());
    assertTrue(p.discrepancyTerm().isNone());
    // the band widens with t as the slope's uncertainty grows
    assertTrue(p.band("y", "9", 0.9).width() > 2 * p.band("y", "0", 0.9).width());
  }

  @Test
  void drawsFollowThePosteriorWeightsAndKeepTheBaseParameters() {
    // two particles, weight 1 and 3: a quarter of the draws at slope 1, three quarters at slope 3
    Posterior posterior = Posterior.of(List.of("slope"), List.of(new Particle(ImmutableMap.of("slope", 1.0), 1, 0),
        new Particle(ImmutableMap.of("slope", 3.0), 3, 0)));
    Parameters base = line().defaults().with(INTERCEPT, 100.0);
    PredictiveResult p = Predictive.of(line(), posterior).base(base).draws(2000).replications(2).metrics("y")
        .seed(9).threads(2).run();
    double[] y = p.values("y", "0");
    assertEquals(4000, y.length);
    int high = 0;
    for (int i = 0; i < y.length; i += 2) {
      assertTrue(y[i] == 101 || y[i] == 103, "value " + y[i]);
      // draw-major: the two replications of a draw are adjacent and, without noise, equal
      assertEquals(y[i], y[i + 1]);
      if (y[i] == 103) {
        high++;
      }
      assertEquals(p.particles().get(i / 2).value("slope") + 100, y[i]);
    }
    assertEquals(0.75, high / 2000.0, 0.04);
    assertEquals(List.of("y"), p.metrics());
    assertThrows(IllegalArgumentException.class, () -> p.values("t", "0"));
  }

  @Test
  void bitIdenticalForOneAndTwoThreadsAndForTheSameSeed() {
    Posterior posterior = normalSlope(2, 0.3, 100, 3);
    Predictive.Builder b = Predictive.of(line(), posterior).base(line().defaults().with(NOISE, 1.0)).draws(60)
        .replications(3).discrepancy(Discrepancy.estimated(List.of(Target.of("y", "2", 6.5), Target.of("y", "6", 13))))
        .seed(77);
    PredictiveResult one = b.threads(1).run();
    PredictiveResult two = b.threads(2).run();
    PredictiveResult again = b.threads(2).run();
    PredictiveResult other = b.seed(78).threads(2).run();
    boolean differs = false;
    for (String m : one.metrics()) {
      for (String t : one.times()) {
        assertArrayEquals(one.values(m, t), two.values(m, t), m + "@" + t);
        assertArrayEquals(one.valuesWithoutDiscrepancy(m, t), two.valuesWithoutDiscrepancy(m, t), m + "@" + t);
        assertArrayEquals(one.values(m, t), again.values(m, t), m + "@" + t);
        differs |= !Arrays.equals(one.values(m, t), other.values(m, t));
      }
    }
    assertTrue(differs, "another seed gives other values");
    assertEquals(one.particles(), two.particles());
    assertEquals(one.discrepancy(), two.discrepancy());
    assertEquals(one.rows(), two.rows());
  }

  @Test
  void aTimeThatAStopConditionPreventedHasFewerValues() {
    // no noise: slope 3 passes 12 at t = 5 (step "4") and stops there; slope 1 never does
    Scenario<Line> stopping = line().toBuilder().stopWhen((s, step) -> s.y > 12).build();
    Posterior posterior = Posterior.of(List.of("slope"), List.of(new Particle(ImmutableMap.of("slope", 1.0), 1, 0),
        new Particle(ImmutableMap.of("slope", 3.0), 1, 0)));
    PredictiveResult p = Predictive.of(stopping, posterior).draws(400).seed(1).threads(2).run();
    long slow = p.particles().stream().filter(x -> x.value("slope") == 1).count();
    assertTrue(slow > 100 && slow < 300, "draws at slope 1: " + slow);
    assertEquals(400, p.values("y", "4").length);
    assertEquals(slow, p.values("y", "5").length);
    assertEquals(slow, p.statistics("y", "9").count());
    assertEquals(10, p.statistics("y", "9").median());

    PredictiveResult allStop = Predictive.of(stopping, pointSlope(3)).draws(5).seed(1).threads(1).run();
    assertEquals(0, allStop.values("y", "7").length);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> allStop.statistics("y", "7"));
    assertTrue(e.getMessage().contains("'y' at 7"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> allStop.band("y", "7", 0.9));
    // the rows leave out the times no run reached
    assertTrue(allStop.rows().stream().noneMatch(r -> r.time().equals("7")));
    assertEquals(2 * 5 * 2, allStop.rows().size());
  }

  @Test
  void rowsAndCsvSayWhichBandEachLineIs() {
    PredictiveResult plain = Predictive.of(line(), normalSlope(2, 0.3, 50, 1)).draws(20).metrics("y").seed(3)
        .threads(1).run();
    assertEquals(10 * 2, plain.rows().size());
    PredictiveResult.Row first = plain.rows().get(0);
    assertEquals("y", first.metric());
    assertEquals("0", first.time());
    assertEquals(plain.band("y", "0", 0.5), first.band());
    assertEquals(plain.band("y", "0", 0.9), plain.rows().get(1).band());

    PredictiveResult noisy = Predictive.of(line(), normalSlope(2, 0.3, 50, 1)).draws(20).metrics("y")
        .discrepancy(Discrepancy.fixed(0.1)).seed(3).threads(1).run();
    StringBuilder csv = new StringBuilder();
    noisy.toCsv(csv);
    String[] lines = csv.toString().split("\n");
    assertEquals("metric,time,band,level,lower,median,upper", lines[0]);
    assertEquals(1 + 10 * 2 * 2, lines.length);
    String[] row = lines[1].split(",");
    assertEquals(List.of("y", "0", "posterior-predictive+discrepancy", "0.5"), List.of(row).subList(0, 4));
    Band b = noisy.band("y", "0", 0.5);
    assertEquals(b.lower(), Double.parseDouble(row[4]));
    assertEquals(b.median(), Double.parseDouble(row[5]));
    assertEquals(b.upper(), Double.parseDouble(row[6]));
    assertTrue(lines[2].startsWith("y,0,posterior-predictive,0.5,"), lines[2]);
    assertTrue(lines[3].startsWith("y,0,posterior-predictive+discrepancy,0.9,"), lines[3]);
    // levels of one's choice
    assertEquals(10 * 2, noisy.rows(0.8).size());
    assertTrue(noisy.rows(0.8).stream().allMatch(r -> r.band().level() == 0.8));
  }

  @Test
  void progressCountsTheDraws() {
    List<Progress> seen = new ArrayList<>();
    Predictive.of(line(), normalSlope(2, 0.3, 50, 1)).draws(30).seed(3).threads(2).progress(seen::add).run();
    assertEquals(30, seen.size());
    for (int i = 0; i < seen.size(); i++) {
      assertEquals(i + 1, seen.get(i).done());
      assertEquals(30, seen.get(i).total());
    }
  }

  @Test
  void bandKindsHaveLabelsAndBandsReadFromASample() {
    assertEquals("ci-mean", Band.Kind.MEAN_CI.label());
    assertEquals("run-range", Band.Kind.RUN_RANGE.label());
    assertEquals("posterior-predictive", Band.Kind.POSTERIOR_PREDICTIVE.label());
    assertEquals("posterior-predictive+discrepancy", Band.Kind.POSTERIOR_PREDICTIVE_WITH_DISCREPANCY.label());
    for (Band.Kind k : Band.Kind.values()) {
      assertEquals(k, Band.Kind.ofLabel(k.label()));
    }
    Statistics s = Statistics.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    Band range = Band.of(Band.Kind.RUN_RANGE, 0.8, s);
    assertEquals(s.runRange(0.8), range.interval());
    assertEquals(5.5, range.median());
    Band ci = Band.of(Band.Kind.MEAN_CI, 0.95, s);
    assertEquals(s.confidenceInterval95().orElseThrow(), ci.interval());
    assertTrue(ci.contains(5.5));
    assertFalse(ci.contains(1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Band.of(Band.Kind.MEAN_CI, 0.95, Statistics.of(1)));
    assertTrue(e.getMessage().contains("1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Band.Kind.ofLabel("ci95"));
  }

  @Test
  void badInputIsRefusedNamingTheValue() {
    Posterior slope = pointSlope(2);
    refused(() -> Predictive.of(line(), slope).draws(1), "at least 2 draws", "1");
    refused(() -> Predictive.of(line(), slope).replications(0), "replications", "0");
    refused(() -> Predictive.of(line(), slope).threads(0), "threads", "0");
    refused(() -> Predictive.of(line(), slope).metrics("z"), "metric 'z'", "line");
    refused(() -> Predictive.of(line(), slope).metrics("y", "y"), "metric 'y' is given twice");
    refused(() -> Predictive.of(line(), slope).build(), "seed");
    refused(() -> Predictive.of(line(), Posterior.of(List.of("speed"),
        List.of(new Particle(ImmutableMap.of("speed", 1.0), 1, 0)))), "parameter 'speed'", "line");
    refused(() -> Predictive.of(line(), slope).base(AbcSmcTest.growing().defaults()), "base parameters");
    PredictiveResult p = Predictive.of(line(), slope).draws(2).seed(1).threads(1).run();
    refused(() -> p.statistics("z", "1"), "metric 'z'");
    refused(() -> p.statistics("y", "2030"), "time '2030'");
    refused(() -> p.band("y", "1", 1.0), "level", "1.0");
    refused(() -> p.band("y", "1", 0), "level", "0");
    refused(() -> p.rows(0.5, 1.5), "level", "1.5");
    refused(() -> new Band(Band.Kind.RUN_RANGE, 0.9, 2, 1, 1.5), "2.0", "1.0");
    refused(() -> new Band(Band.Kind.RUN_RANGE, 0.9, 1, Double.NaN, 1.5), "NaN");
  }

  static void refused(org.junit.jupiter.api.function.Executable call, String... fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' should contain '" + f + "'");
    }
  }
}
