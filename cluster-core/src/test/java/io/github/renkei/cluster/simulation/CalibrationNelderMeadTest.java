package io.github.renkei.cluster.simulation;

import static io.github.renkei.cluster.simulation.NelderMead.Objective.each;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The Nelder–Mead minimizer that refines a calibration. */
class CalibrationNelderMeadTest {

  private static final ToDoubleFunction<double[]> ROSENBROCK =
      x -> 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]) + (1 - x[0]) * (1 - x[0]);

  /** A convex quadratic with its minimum 0 at (1, −2, 3) and unequal curvatures. */
  private static final ToDoubleFunction<double[]> QUADRATIC =
      x -> (x[0] - 1) * (x[0] - 1) + 4 * (x[1] + 2) * (x[1] + 2) + 0.5 * (x[2] - 3) * (x[2] - 3);

  private static double[] v(double... coordinates) {
    return coordinates;
  }

  @Test
  void minimizesRosenbrockFromTheClassicStart() {
    NelderMead.Result r = NelderMead.of(2_000).minimize(each(ROSENBROCK), v(-1.2, 1), v(0.1, 0.1));
    assertEquals(1, r.point()[0], 1e-4, Arrays.toString(r.point()));
    assertEquals(1, r.point()[1], 1e-4, Arrays.toString(r.point()));
    assertTrue(r.converged(), "converged within " + r.evaluations() + " evaluations");
    assertEquals(ROSENBROCK.applyAsDouble(r.point()), r.value());
  }

  @Test
  void minimizesAQuadratic() {
    NelderMead.Result r = NelderMead.of(2_000).minimize(each(QUADRATIC), v(0, 0, 0), v(1, 1, 1));
    assertArrayEquals(v(1, -2, 3), r.point(), 1e-5);
    assertTrue(r.value() < 1e-10, "value " + r.value());
    assertTrue(r.converged());
  }

  @Property(tries = 60)
  void neverEvaluatesMoreThanItsBudget(@ForAll @IntRange(min = 0, max = 80) int budget,
      @ForAll @IntRange(min = 1, max = 4) int dimensions) {
    int[] calls = {0};
    double[] start = new double[dimensions];
    double[] steps = new double[dimensions];
    Arrays.fill(start, -1.2);
    Arrays.fill(steps, 0.5);
    NelderMead.Result r = NelderMead.of(budget).tolerances(0, 0).minimize(each(x -> {
      calls[0]++;
      double s = 0;
      for (int i = 0; i + 1 < x.length; i++) {
        s += ROSENBROCK.applyAsDouble(v(x[i], x[i + 1]));
      }
      return s + x[0] * x[0];
    }), start, steps);
    assertTrue(calls[0] <= budget, calls[0] + " calls for a budget of " + budget);
    assertEquals(calls[0], r.evaluations());
    assertFalse(r.converged());
    assertEquals(budget, calls[0], "with zero tolerances it spends the whole budget");
  }

  @Test
  void staysInsideItsBoxByReflectingAtTheBounds() {
    List<double[]> seen = new ArrayList<>();
    NelderMead.Result r = NelderMead.of(300).within(0, 1).minimize(each(x -> {
      seen.add(x.clone());
      return (x[0] - 2) * (x[0] - 2) + (x[1] - 0.25) * (x[1] - 0.25);
    }), v(0.5, 0.5), v(0.3, 0.3));
    for (double[] x : seen) {
      for (double c : x) {
        assertTrue(c >= 0 && c <= 1, Arrays.toString(x));
      }
    }
    assertEquals(1, r.point()[0], 1e-6);
    assertEquals(0.25, r.point()[1], 1e-6);
  }

  @Test
  void evaluatesTheInitialSimplexAsOneBatchAndReusesAKnownStartValue() {
    List<Integer> batches = new ArrayList<>();
    NelderMead.Objective f = points -> {
      batches.add(points.size());
      return points.stream().mapToDouble(QUADRATIC).toArray();
    };
    NelderMead.of(10).minimize(f, v(0, 0, 0), v(1, 1, 1));
    assertEquals(4, batches.get(0));
    batches.clear();
    NelderMead.Result r = NelderMead.of(10).minimize(f, v(0, 0, 0),
        QUADRATIC.applyAsDouble(v(0, 0, 0)), v(1, 1, 1));
    assertEquals(3, batches.get(0), "the start's value is known");
    assertEquals(10, r.evaluations());
  }

  @Test
  void isDeterministicAndBreaksTiesByOrder() {
    // A flat function: every comparison is a tie, so only the tie-breaking rules decide.
    ToDoubleFunction<double[]> flat = x -> 1.0;
    NelderMead.Result a = NelderMead.of(50).minimize(each(flat), v(0.3, 0.7), v(0.1, 0.1));
    NelderMead.Result b = NelderMead.of(50).minimize(each(flat), v(0.3, 0.7), v(0.1, 0.1));
    assertArrayEquals(a.point(), b.point());
    assertArrayEquals(v(0.3, 0.7), a.point(), "the first of equal points stays the best");
    NelderMead.Result c = NelderMead.of(400).minimize(each(ROSENBROCK), v(-1.2, 1), v(0.1, 0.1));
    NelderMead.Result d = NelderMead.of(400).minimize(each(ROSENBROCK), v(-1.2, 1), v(0.1, 0.1));
    assertArrayEquals(c.point(), d.point());
    assertEquals(c.evaluations(), d.evaluations());
  }

  @Test
  void treatsNaNAsWorseThanAnything() {
    NelderMead.Result r = NelderMead.of(500).minimize(each(x -> x[0] < 0 ? Double.NaN : (x[0] - 1) * (x[0] - 1)),
        v(0.5), v(-1));
    assertEquals(1, r.point()[0], 1e-6);
  }

  @Test
  void rejectsBadSettingsNamingTheValue() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> NelderMead.of(-3)).getMessage().contains("-3"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> NelderMead.of(5).within(0, 1).minimize(each(QUADRATIC), v(2, 0, 0), v(1, 1, 1)))
        .getMessage().contains("2.0"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> NelderMead.of(5).minimize(each(QUADRATIC), v(0, 0, 0), v(1, 0, 1)))
        .getMessage().contains("0.0"));
  }
}
