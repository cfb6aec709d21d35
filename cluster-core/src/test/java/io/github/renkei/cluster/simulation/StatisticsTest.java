package io.github.renkei.cluster.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatisticsTest {

  private static double twoPassMean(List<Double> xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s / xs.size();
  }

  private static double twoPassVariance(List<Double> xs) {
    double m = twoPassMean(xs);
    double s = 0;
    for (double x : xs) {
      s += (x - m) * (x - m);
    }
    return s / (xs.size() - 1);
  }

  private static double scale(List<Double> xs) {
    return xs.stream().mapToDouble(Math::abs).max().orElse(0) + 1;
  }

  @Property
  void welfordEqualsTheTwoPassReference(
      @ForAll @Size(min = 2, max = 300) List<@DoubleRange(min = -1e6, max = 1e6) Double> xs) {
    RunningStatistics s = new RunningStatistics();
    xs.forEach(s::add);
    double scale = scale(xs);
    assertEquals(xs.size(), s.count());
    assertEquals(twoPassMean(xs), s.mean(), 1e-12 * scale);
    assertEquals(twoPassVariance(xs), s.variance(), 1e-9 * scale * scale);
    assertEquals(xs.stream().mapToDouble(d -> d).min().orElseThrow(), s.min());
    assertEquals(xs.stream().mapToDouble(d -> d).max().orElseThrow(), s.max());
  }

  @Property
  void welfordStaysAccurateFarFromZero(@ForAll @Size(min = 2, max = 100) List<@DoubleRange(min = 0, max = 1) Double> xs,
      @ForAll @DoubleRange(min = 1e6, max = 1e9) double offset) {
    // the textbook sum-of-squares formula loses every digit here; Welford must not
    RunningStatistics shifted = new RunningStatistics();
    xs.forEach(x -> shifted.add(x + offset));
    double v = twoPassVariance(xs);
    assertEquals(v, shifted.variance(), 1e-6 * offset * 1e-3 + 1e-9);
  }

  @Property
  void mergingAccumulatorsEqualsAddingEverything(
      @ForAll @Size(min = 0, max = 100) List<@DoubleRange(min = -1e3, max = 1e3) Double> xs,
      @ForAll @Size(min = 0, max = 100) List<@DoubleRange(min = -1e3, max = 1e3) Double> ys) {
    RunningStatistics a = new RunningStatistics();
    RunningStatistics b = new RunningStatistics();
    RunningStatistics all = new RunningStatistics();
    xs.forEach(a::add);
    ys.forEach(b::add);
    xs.forEach(all::add);
    ys.forEach(all::add);
    a.merge(b);
    assertEquals(all.count(), a.count());
    if (all.count() > 0) {
      assertEquals(all.mean(), a.mean(), 1e-9);
      assertEquals(all.min(), a.min());
      assertEquals(all.max(), a.max());
    }
    if (all.count() > 1) {
      assertEquals(all.variance(), a.variance(), 1e-6);
    }
  }

  @Test
  void nonFiniteValuesAreRejected() {
    RunningStatistics s = new RunningStatistics();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.add(Double.NaN));
    assertTrue(e.getMessage().contains("NaN"));
    assertThrows(IllegalArgumentException.class, () -> Statistics.of(1, Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, Statistics::of);
  }

  /** Two-sided critical values from standard tables (e.g. NIST/SEMATECH e-Handbook, 1.3.6.7.2). */
  @ParameterizedTest
  @CsvSource({
      "1, 0.95, 12.706", "2, 0.95, 4.303", "5, 0.95, 2.571", "10, 0.95, 2.228", "30, 0.95, 2.042",
      "100, 0.95, 1.984", "1, 0.99, 63.657", "10, 0.99, 3.169", "20, 0.90, 1.725"})
  void studentTMatchesTheTables(long df, double level, double expected) {
    assertEquals(expected, StudentT.critical(df, level), 0.0006);
  }

  @Test
  void studentTTendsToTheNormal() {
    assertEquals(1.95996, StudentT.critical(1_000_000, 0.95), 1e-4);
    assertThrows(IllegalArgumentException.class, () -> StudentT.critical(0, 0.95));
    assertThrows(IllegalArgumentException.class, () -> StudentT.critical(5, 1.0));
  }

  @Test
  void summaryOfAKnownSample() {
    Statistics s = Statistics.of(2, 4, 4, 4, 5, 5, 7, 9);
    assertEquals(8, s.count());
    assertEquals(5.0, s.mean());
    assertEquals(Math.sqrt(32.0 / 7), s.standardDeviation().getAsDouble(), 1e-12);
    Statistics.Interval ci = s.confidenceInterval95().orElseThrow();
    double h = 2.364624 * Math.sqrt(32.0 / 7 / 8);   // t(0.975, 7)
    assertEquals(5 - h, ci.lower(), 1e-5);
    assertEquals(5 + h, ci.upper(), 1e-5);
    assertEquals(2, s.min());
    assertEquals(9, s.max());
    // R: quantile(c(2,4,4,4,5,5,7,9), c(.1,.5,.9)) (type 7) = 3.4 4.5 7.6
    assertEquals(3.4, s.quantile(0.1), 1e-12);
    assertEquals(4.5, s.median(), 1e-12);
    assertEquals(7.6, s.quantile(0.9), 1e-12);
    assertEquals(2, s.quantile(0));
    assertEquals(9, s.quantile(1));
    assertThrows(IllegalArgumentException.class, () -> s.quantile(1.5));
  }

  @Test
  void aSingleValueHasNoSpreadAndNoInterval() {
    Statistics s = Statistics.of(3.5);
    assertTrue(s.standardDeviation().isEmpty());
    assertTrue(s.confidenceInterval95().isEmpty());
    assertEquals(3.5, s.median());
  }

  private static double coverage(DoubleSupplier draw, double trueMean, int n, int trials) {
    int covered = 0;
    double[] xs = new double[n];
    for (int t = 0; t < trials; t++) {
      for (int i = 0; i < n; i++) {
        xs[i] = draw.getAsDouble();
      }
      if (Statistics.of(xs).confidenceInterval95().orElseThrow().contains(trueMean)) {
        covered++;
      }
    }
    return (double) covered / trials;
  }

  /**
   * For normal samples the t interval is exact: coverage is 95% up to binomial noise. With 4,000
   * trials the standard error is 0.34 percentage points; we allow 4 of them (±1.4 points).
   */
  @ParameterizedTest
  @CsvSource({"3", "10", "40"})
  void confidenceIntervalsCover95PercentOfNormalMeans(int n) {
    SplittableRandom r = new SplittableRandom(20261125L + n);
    double c = coverage(() -> 10 + 3 * r.nextGaussian(), 10, n, 4000);
    assertEquals(0.95, c, 0.014, "coverage " + c);
  }

  /**
   * For skewed data the t interval is only asymptotically exact and undercovers a little (for
   * exponential samples of 50 this seed gives 93.2%; the skewness enters the coverage error at
   * order 1/√n); we accept 91.5% to 95.5%.
   */
  @Test
  void confidenceIntervalsNearlyCoverSkewedMeans() {
    SplittableRandom r = new SplittableRandom(7);
    double c = coverage(() -> -Math.log(1 - r.nextDouble()), 1.0, 50, 4000);
    assertTrue(c > 0.915 && c < 0.955, "coverage " + c);
  }

  @Property(tries = 200)
  void summariesDoNotDependOnTheOrderOfThreadsButOnlyOnTheValues(
      @ForAll @Size(min = 1, max = 50) List<@DoubleRange(min = -100, max = 100) Double> xs,
      @ForAll @IntRange(min = 0, max = 100) int p) {
    double[] v = xs.stream().mapToDouble(d -> d).toArray();
    Statistics a = Statistics.of(v);
    assertEquals(a, Statistics.of(v.clone()));
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    double q = a.quantile(p / 100.0);
    assertTrue(q >= sorted[0] && q <= sorted[sorted.length - 1]);
  }

  @Test
  void thePredictionIntervalCoversTheNextRunAtItsLevelAndIsWiderThanTheMeansInterval() {
    SplittableRandom random = new SplittableRandom(14);
    int trials = 4_000;
    int covered = 0;
    for (int t = 0; t < trials; t++) {
      double[] runs = new double[10];
      for (int i = 0; i < runs.length; i++) {
        runs[i] = 5 + 2 * gaussian(random);
      }
      Statistics.Interval next = Statistics.of(runs).predictionInterval(0.9).orElseThrow();
      covered += next.contains(5 + 2 * gaussian(random)) ? 1 : 0;
    }
    double coverage = (double) covered / trials;
    assertTrue(Math.abs(coverage - 0.9) < 0.015, "coverage of the next run " + coverage);
    Statistics s = Statistics.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertTrue(s.predictionInterval(0.95).orElseThrow().halfWidth()
        > 3 * s.confidenceInterval95().orElseThrow().halfWidth());
    assertEquals(new Statistics.Interval(s.quantile(0.05), s.quantile(0.95)), s.runRange(0.9));
    assertTrue(Statistics.of(3).predictionInterval(0.9).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> s.predictionInterval(1.0));
    assertThrows(IllegalArgumentException.class, () -> s.runRange(0));
  }

  /** A standard normal draw by Box–Muller, so the test needs no other library. */
  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
