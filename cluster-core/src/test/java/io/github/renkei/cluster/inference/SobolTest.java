package io.github.renkei.cluster.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.simulation.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** Sobol' indices by the Saltelli 2010 estimators, against functions with analytic indices. */
class SobolTest {

  private static final double TOLERANCE = 0.03;

  @Test
  void ishigamiIndicesAreWithinToleranceOfTheAnalyticOnesAndTheIntervalsCoverThem() {
    SobolResult r = Sobol.of(TestFunctions.ishigamiModel()).baseSamples(4096).bootstrap(500).seed(14).threads(2)
        .run();
    double[] s1 = TestFunctions.ishigamiFirstOrder();
    double[] st = TestFunctions.ishigamiTotal();
    assertEquals(0.3139, s1[0], 1e-4);
    assertEquals(0.4424, s1[1], 1e-4);
    assertEquals(0.5576, st[0], 1e-4);
    assertEquals(0.2437, st[2], 1e-4);
    for (int i = 0; i < 3; i++) {
      String x = "x" + (i + 1);
      assertEquals(s1[i], r.firstOrder(x).value(), TOLERANCE, x + " S1\n" + r);
      assertEquals(st[i], r.totalOrder(x).value(), TOLERANCE, x + " ST\n" + r);
      assertTrue(r.firstOrder(x).interval().contains(s1[i]), x + " S1 interval\n" + r);
      assertTrue(r.totalOrder(x).interval().contains(st[i]), x + " ST interval\n" + r);
    }
    assertEquals(ImmutableList.of("x1", "x2", "x3"), r.ranking());
    assertEquals(4096 * 5, r.evaluations());
  }

  @Test
  void gFunctionIndicesAreWithinToleranceOfTheAnalyticOnesAndTheInertFactorsRankLast() {
    SobolResult r = Sobol.of(TestFunctions.gModel()).baseSamples(4096).bootstrap(500).seed(14).threads(2).run();
    double[] s1 = TestFunctions.gFirstOrder();
    double[] st = TestFunctions.gTotal();
    for (int i = 0; i < s1.length; i++) {
      String x = "x" + (i + 1);
      assertEquals(s1[i], r.firstOrder(x).value(), TOLERANCE, x + " S1\n" + r);
      assertEquals(st[i], r.totalOrder(x).value(), TOLERANCE, x + " ST\n" + r);
      assertTrue(r.firstOrder(x).interval().contains(s1[i]), x + " S1 interval\n" + r);
      assertTrue(r.totalOrder(x).interval().contains(st[i]), x + " ST interval\n" + r);
    }
    assertEquals(ImmutableList.of("x1", "x2", "x3", "x4"), r.ranking().subList(0, 4));
    assertEquals(4096 * 8, r.evaluations());
  }

  @Test
  void theSameSeedGivesTheSameResultAndAnotherSeedOnlyOtherIntervals() {
    SobolResult a = Sobol.of(TestFunctions.ishigamiModel()).baseSamples(256).bootstrap(200).seed(1).run();
    SobolResult b = Sobol.of(TestFunctions.ishigamiModel()).baseSamples(256).bootstrap(200).seed(1).run();
    SobolResult c = Sobol.of(TestFunctions.ishigamiModel()).baseSamples(256).bootstrap(200).seed(2).run();
    assertEquals(a, b);
    assertEquals(a.toString(), b.toString());
    assertNotEquals(a, c);
    // the design is the deterministic Sobol' sequence: only the bootstrap depends on the seed
    assertEquals(a.firstOrder("x1").value(), c.firstOrder("x1").value());
    assertNotEquals(a.firstOrder("x1").interval(), c.firstOrder("x1").interval());
  }

  @Test
  void oneAndTwoThreadsGiveTheSameResult() {
    Sobol.Builder sobol = Sobol.of(TestFunctions.gModel()).baseSamples(512).bootstrap(100).seed(3);
    assertEquals(sobol.threads(1).run(), sobol.threads(2).run());
  }

  @Test
  void progressCountsEveryEvaluation() {
    List<Progress> heard = new ArrayList<>();
    Sobol.of(TestFunctions.ishigamiModel()).baseSamples(16).bootstrap(10).threads(2).progress(heard::add).run();
    assertEquals(16 * 5, heard.size());
    for (int i = 0; i < heard.size(); i++) {
      assertEquals(i + 1, heard.get(i).done());
    }
    assertEquals(80, heard.get(heard.size() - 1).done());
    assertEquals(80, heard.get(heard.size() - 1).total());
  }

  @Test
  void theTablePrintsEveryFactorInRankingOrder() {
    String table = Sobol.of(TestFunctions.ishigamiModel()).baseSamples(1024).bootstrap(100).run().toString();
    assertTrue(table.contains("N = 1024 base samples, 5120 evaluations, 100 bootstrap resamples"), table);
    assertTrue(table.indexOf("\nx1 ") < table.indexOf("\nx2 ") || table.indexOf("\nx2 ") < table.indexOf("\nx1 "),
        table);
    assertTrue(table.indexOf("\nx3 ") > table.indexOf("\nx1 ") && table.indexOf("\nx3 ") > table.indexOf("\nx2 "),
        table);
  }

  @Test
  void tooFewBaseSamplesAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Sobol.of(TestFunctions.ishigamiModel()).baseSamples(7));
    assertEquals("Sobol' base samples N must be >= 8 but was 7", e.getMessage());
  }

  @Test
  void fewerThanOneBootstrapResampleIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Sobol.of(TestFunctions.ishigamiModel()).bootstrap(0));
    assertEquals("bootstrap resamples must be >= 1 but was 0", e.getMessage());
  }

  @Test
  void moreFactorsThanTheSequenceHasDimensionsForAreRejected() {
    Factor[] factors = new Factor[21];
    for (int i = 0; i < factors.length; i++) {
      factors[i] = new Factor("f" + i, 0, 1);
    }
    SensitivityModel wide = SensitivityModel.of(x -> x[0], factors);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sobol.of(wide));
    assertTrue(e.getMessage().contains("at most 20 factors but the model has 21"), e.getMessage());
  }

  @Test
  void aNonFiniteValueIsRejectedNamingTheFirstSuchPointWhateverTheThreads() {
    // infinite wherever x1 is above 0.9: the first such point of the design is A's row 3 (x1 = 0.25 ... )
    SensitivityModel model = SensitivityModel.of(x -> x[0] > 0.9 ? Double.POSITIVE_INFINITY : x[0] + x[1],
        new Factor("x1", 0, 1), new Factor("x2", 0, 1));
    IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
        () -> Sobol.of(model).baseSamples(64).threads(1).run());
    IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
        () -> Sobol.of(model).baseSamples(64).threads(2).run());
    assertEquals(one.getMessage(), two.getMessage());
    assertTrue(one.getMessage().startsWith("design point "), one.getMessage());
    assertTrue(one.getMessage().contains("returned Infinity at {x1=0.9"), one.getMessage());
  }

  @Test
  void aModelThatThrowsFailsNamingTheFirstDesignPointAndKeepingTheCause() {
    ArithmeticException cause = new ArithmeticException("division by zero in the user's model");
    SensitivityModel model = SensitivityModel.of(x -> {
      if (x[1] < 0.3) {
        throw cause;
      }
      return x[0];
    }, new Factor("x1", 0, 1), new Factor("x2", 0, 1));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Sobol.of(model).baseSamples(8).threads(2).run());
    // row 0 of A is the Sobol' sequence's origin
    assertEquals("the model failed at design point 0 {x1=0.0, x2=0.0}: " + cause, e.getMessage());
    assertEquals(cause, e.getCause());
  }

  @Test
  void anInterruptedRunIsCancelled() {
    Thread.currentThread().interrupt();
    try {
      assertThrows(CancellationException.class,
          () -> Sobol.of(TestFunctions.ishigamiModel()).baseSamples(64).threads(1).run());
      assertThrows(CancellationException.class,
          () -> Sobol.of(TestFunctions.ishigamiModel()).baseSamples(64).threads(2).run());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void aConstantModelIsRejectedBecauseItsIndicesAreUndefined() {
    SensitivityModel flat = SensitivityModel.of(x -> 1.0, new Factor("x1", 0, 1), new Factor("x2", 0, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Sobol.of(flat).baseSamples(8).run());
    assertTrue(e.getMessage().startsWith("the model's value is 1.0 at all 16 points of A and B: its variance is 0"),
        e.getMessage());
  }
}
