package io.github.renkei.cluster.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableSet;
import org.junit.jupiter.api.Test;

/** Morris elementary effects, against functions whose important factors are known. */
class MorrisTest {

  @Test
  void ishigamiX1AndX2RankAboveX3ByMuStar() {
    MorrisResult r = Morris.of(TestFunctions.ishigamiModel()).trajectories(100).levels(4).seed(14).run();
    assertEquals("x3", r.ranking().get(2), r.toString());
    assertTrue(r.of("x1").muStar().value() > r.of("x3").muStar().value(), r.toString());
    assertTrue(r.of("x2").muStar().value() > r.of("x3").muStar().value(), r.toString());
    assertEquals(100 * 4, r.evaluations());
  }

  @Test
  void gFunctionInertFactorsRankLastAndItsFirstFactorFirst() {
    MorrisResult r = Morris.of(TestFunctions.gModel()).trajectories(40).levels(4).seed(14).run();
    assertEquals("x1", r.ranking().get(0), r.toString());
    assertEquals(ImmutableSet.of("x5", "x6"), ImmutableSet.copyOf(r.ranking().subList(4, 6)), r.toString());
    assertTrue(r.of("x5").muStar().interval().upper() < r.of("x2").muStar().interval().lower(), r.toString());
  }

  @Test
  void aLinearFunctionsEffectsAreItsSlopesOnTheUnitScale() {
    // f = 3 x1 − 2 x2 with x1 in [0, 1] and x2 in [0, 5]: every effect of x1 is 3, of x2 is −10
    MorrisResult r = Morris.of(SensitivityModel.of(x -> 3 * x[0] - 2 * x[1], new Factor("x1", 0, 1),
        new Factor("x2", 0, 5))).trajectories(10).seed(5).bootstrap(50).run();
    assertEquals(3, r.of("x1").mu(), 1e-9);
    assertEquals(3, r.of("x1").muStar().value(), 1e-9);
    assertEquals(0, r.of("x1").sigma(), 1e-9);
    assertEquals(-10, r.of("x2").mu(), 1e-9);
    assertEquals(10, r.of("x2").muStar().value(), 1e-9);
    assertEquals(10, r.of("x2").muStar().interval().lower(), 1e-9);
  }

  @Test
  void theRadialDesignRanksIshigamiAndTheGFunctionAlike() {
    MorrisResult ishigami = Morris.of(TestFunctions.ishigamiModel()).design(Morris.Design.RADIAL).trajectories(100)
        .seed(14).run();
    assertEquals("x3", ishigami.ranking().get(2), ishigami.toString());
    assertEquals(Morris.Design.RADIAL, ishigami.design());
    MorrisResult g = Morris.of(TestFunctions.gModel()).design(Morris.Design.RADIAL).trajectories(40).seed(14).run();
    assertEquals("x1", g.ranking().get(0), g.toString());
    assertEquals(ImmutableSet.of("x5", "x6"), ImmutableSet.copyOf(g.ranking().subList(4, 6)), g.toString());
    assertTrue(g.toString().contains("r = 40 radial stars on the Sobol' sequence, 280 evaluations"), g.toString());
  }

  @Test
  void theRadialDesignGivesALinearFunctionsSlopes() {
    MorrisResult r = Morris.of(SensitivityModel.of(x -> 3 * x[0] - 2 * x[1], new Factor("x1", 0, 1),
        new Factor("x2", 0, 5))).design(Morris.Design.RADIAL).trajectories(10).bootstrap(50).run();
    assertEquals(3, r.of("x1").mu(), 1e-9);
    assertEquals(0, r.of("x1").sigma(), 1e-9);
    assertEquals(-10, r.of("x2").mu(), 1e-9);
    assertEquals(10, r.of("x2").muStar().value(), 1e-9);
  }

  @Test
  void theRadialDesignIsTheSameOnOneAndTwoThreadsAndRejectsMoreFactorsThanTheSequenceHas() {
    Morris.Builder morris = Morris.of(TestFunctions.gModel()).design(Morris.Design.RADIAL).trajectories(30).seed(3);
    assertEquals(morris.threads(1).run(), morris.threads(2).run());
    Factor[] factors = new Factor[21];
    for (int i = 0; i < factors.length; i++) {
      factors[i] = new Factor("f" + i, 0, 1);
    }
    Morris.Builder wide = Morris.of(SensitivityModel.of(x -> x[0], factors));
    assertEquals("the radial design takes at most 20 factors but the model has 21",
        assertThrows(IllegalArgumentException.class, () -> wide.design(Morris.Design.RADIAL)).getMessage());
    assertEquals(2 * 22, wide.trajectories(2).run().evaluations());
  }

  @Test
  void theSameSeedGivesTheSameResultAndAnotherSeedAnother() {
    Morris.Builder morris = Morris.of(TestFunctions.ishigamiModel()).trajectories(10).bootstrap(100);
    MorrisResult a = morris.seed(1).run();
    assertEquals(a, morris.seed(1).run());
    assertEquals(a.toString(), morris.seed(1).run().toString());
    assertNotEquals(a, morris.seed(2).run());
  }

  @Test
  void oneAndTwoThreadsGiveTheSameResult() {
    Morris.Builder morris = Morris.of(TestFunctions.gModel()).trajectories(30).bootstrap(100).seed(3);
    assertEquals(morris.threads(1).run(), morris.threads(2).run());
  }

  @Test
  void theTableListsTheFactorsByMuStar() {
    String table = Morris.of(TestFunctions.gModel()).trajectories(20).seed(1).run().toString();
    assertTrue(table.contains("r = 20 trajectories, p = 4 levels, 140 evaluations"), table);
    assertTrue(table.indexOf("\nx1 ") < table.indexOf("\nx3 "), table);
  }

  @Test
  void badSettingsAreRejectedNamingTheValue() {
    Morris.Builder morris = Morris.of(TestFunctions.ishigamiModel());
    assertEquals("Morris trajectories r must be >= 2 but was 1",
        assertThrows(IllegalArgumentException.class, () -> morris.trajectories(1)).getMessage());
    assertEquals("Morris levels p must be even and >= 2 but was 5",
        assertThrows(IllegalArgumentException.class, () -> morris.levels(5)).getMessage());
    assertEquals("bootstrap resamples must be >= 1 but was 0",
        assertThrows(IllegalArgumentException.class, () -> morris.bootstrap(0)).getMessage());
    assertEquals("threads must be >= 1 but was 0",
        assertThrows(IllegalArgumentException.class, () -> morris.threads(0)).getMessage());
  }

  @Test
  void aNaNIsRejectedNamingThePoint() {
    SensitivityModel model = SensitivityModel.of(x -> x[1] > 0.5 ? Double.NaN : x[0], new Factor("a", 0, 1),
        new Factor("b", 0, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Morris.of(model).trajectories(4).seed(1).run());
    assertTrue(e.getMessage().matches("design point \\d+: the function returned NaN at \\{a=.*, b=.*\\}.*"),
        e.getMessage());
  }
}
