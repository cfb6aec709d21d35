package io.github.renkei.cluster.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A calibration's progress: one unit per evaluation, of the hypercube's points plus the Nelder–Mead budget. */
class CalibrationProgressTest {

  private static final Parameter<Double> RATE = Parameter.real("rate", 0.1, 0, 1);

  private static Scenario<double[]> line() {
    return Scenario.<double[]>builder("line", Schedule.years(2011, 2014), (p, random) -> new double[1])
        .parameters(RATE)
        .mechanism("grow", (s, ctx) -> s[0] = 100 * ctx.parameter(RATE) * (ctx.year() - 2010)
            + ctx.random().nextGaussian())
        .metric("count", s -> s[0])
        .build();
  }

  private static Calibration.Builder calibration(int samples, int evaluations, List<Progress> heard) {
    return Calibration.of(line()).free(RATE, 0.0, 1.0).target(Target.of("count", "2014", 120))
        .replications(3).seed(7).threads(2).latinHypercube(samples).nelderMead(evaluations).progress(heard::add);
  }

  @Test
  void countsEvaluationsUpToTheBudgetAndEndsComplete() {
    List<Progress> heard = new ArrayList<>();
    CalibrationResult fit = calibration(8, 20, heard).run();
    assertTrue(heard.size() >= 2, heard.toString());
    for (int i = 0; i < heard.size(); i++) {
      Progress p = heard.get(i);
      assertTrue(p.done() <= p.total(), p.toString());
      assertEquals(0, p.failed());
      if (i > 0) {
        assertTrue(p.done() >= heard.get(i - 1).done(), "never backwards: " + heard);
      }
      if (i + 1 < heard.size()) {
        assertEquals(28, p.total(), "the budget: 8 samples + 20 evaluations");
      }
    }
    assertTrue(heard.stream().anyMatch(p -> p.done() == 8 && p.total() == 28), "the hypercube done: " + heard);
    Progress last = heard.get(heard.size() - 1);
    assertEquals(fit.evaluations(), last.done(), "the last report counts every evaluation");
    assertEquals(last.done(), last.total(), "and is complete, also when Nelder-Mead stops early");
  }

  @Test
  void theResultDoesNotDependOnListening() {
    assertEquals(calibration(6, 10, new ArrayList<>()).run(),
        Calibration.of(line()).free(RATE, 0.0, 1.0).target(Target.of("count", "2014", 120))
            .replications(3).seed(7).threads(2).latinHypercube(6).nelderMead(10).run());
  }
}
