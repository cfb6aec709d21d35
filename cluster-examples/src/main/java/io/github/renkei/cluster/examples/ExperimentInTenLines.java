package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.Policies;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Grid;
import io.github.renkei.cluster.simulation.PairedComparison;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Statistics;
import java.io.PrintStream;

/**
 * A policy experiment in ten lines: the calibrated Fukushima scenario, support staff rotating
 * every 2 years vs every 5 years, 100 replications per policy on common random numbers (seed
 * 2011), and the number of registered manufacturers in 2030 — each policy's mean with its 95%
 * confidence interval, then the paired difference, whose interval is narrow because replication
 * {@code r} draws the same random numbers under both policies.
 *
 * <pre>
 * java -cp cluster-examples/target/renkei.jar io.github.renkei.cluster.examples.ExperimentInTenLines
 * </pre>
 */
public final class ExperimentInTenLines {

  private ExperimentInTenLines() {}

  /**
   * Runs the experiment.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Runs the experiment and prints each policy's mean with its 95% confidence interval, then the
   * paired difference.
   *
   * @param out where to print
   */
  static void run(PrintStream out) {
    Scenario<ClusterState> fukushima = ClusterDynamics.fukushima();
    ExperimentResult result = Experiment.of(fukushima)
        .grid(Grid.of(Policies.ROTATION_YEARS, 2, 5))          // point 0: every 2 years, point 1: every 5
        .replications(100).seed(2011).run();
    for (int point = 0; point < 2; point++) {
      Statistics s = result.summary(fukushima.name(), point, ClusterDynamics.REGISTERED, "2030");
      Statistics.Interval ci = s.confidenceInterval95().orElseThrow();
      out.printf("%s, registered manufacturers in 2030: %.2f [%.2f, %.2f]%n",
          result.grid().point(point), s.mean(), ci.lower(), ci.upper());
    }
    int year2030 = fukushima.schedule().indexOf("2030").orElseThrow();
    PairedComparison d = result.compare(fukushima.name(), 0, fukushima.name(), 1, ClusterDynamics.REGISTERED, year2030);
    Statistics.Interval ci = d.confidenceInterval95().orElseThrow();
    out.printf("rotating every 5 rather than 2 years: %+.2f [%+.2f, %+.2f] over %d pairs%n",
        d.meanDifference(), ci.lower(), ci.upper(), d.pairs());
  }
}
