package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.Policies;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Grid;
import io.github.renkei.cluster.simulation.PairedComparison;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Statistics;
import java.io.PrintStream;
import java.util.List;

/**
 * The four policy experiments of the README on the Fukushima scenario, each a two-point grid
 * run over common random numbers, reported as the two means with 95% confidence intervals and
 * their paired difference:
 *
 * <ol>
 *   <li>staff rotating every 3 years without specialists vs specialists hired and retained;</li>
 *   <li>no nationwide council vs a continuing council;</li>
 *   <li>parts/OEM-heavy support vs product-development-heavy support;</li>
 *   <li>the national funding cliff of FY2015 (no national program term covers 2015–2020 in
 *       the scenario's calendar) without and with a prefectural bridge.</li>
 * </ol>
 *
 * <pre>
 * java -cp cluster-examples/target/renkei.jar io.github.renkei.cluster.examples.PolicyExperiments 400
 * </pre>
 */
public final class PolicyExperiments {

  /** One experiment: a policy lever and its two values. */
  record Lever<T>(String title, Parameter<T> parameter, T a, String labelA, T b, String labelB) {}

  static final List<Lever<?>> LEVERS = List.of(
      new Lever<>("(1) rotation every 3 years: no specialists vs specialists hired and kept",
          Policies.SPECIALIST_HIRING, 0.0, "no specialists", 0.5, "specialists"),
      new Lever<>("(2) nationwide council", Policies.COUNCIL, false, "no council", true, "council"),
      new Lever<>("(3) where support is aimed", Policies.DEVELOPMENT_SHARE, 0.1, "parts/OEM-heavy", 0.7,
          "development-heavy"),
      new Lever<>("(4) national funding cliff in FY2015", Policies.PREFECTURAL_BRIDGE, false, "no bridge", true,
          "prefectural bridge"));

  /** Metrics reported, with the year each is read in. */
  static final List<String[]> REPORTED = List.of(
      new String[] {ClusterDynamics.KNOW_HOW_LEAD, "2020"},
      new String[] {ClusterDynamics.REGISTERED, "2020"},
      new String[] {ClusterDynamics.FIRMS_OWN_PRODUCT, "2030"},
      new String[] {ClusterDynamics.TIES_HORIZONTAL, "2030"});

  private PolicyExperiments() {}

  /**
   * Runs the experiments.
   *
   * @param args replications per point (default 400)
   */
  public static void main(String[] args) {
    run(args.length > 0 ? Integer.parseInt(args[0]) : 400, System.out);
  }

  /**
   * Runs the experiments and prints the report.
   *
   * @param replications replications per point
   * @param out where the report goes
   * @return the results, one per lever
   */
  static List<ExperimentResult> run(int replications, PrintStream out) {
    Scenario<ClusterState> fukushima = ClusterDynamics.fukushima();
    out.printf("Fukushima scenario 2005–2030, %d replications per policy, seed 2005, common random numbers;%n"
        + "mean [95%% CI] for each policy, then the paired difference (second − first)%n", replications);
    return LEVERS.stream().map(lever -> report(fukushima, lever, replications, out)).toList();
  }

  private static <T> ExperimentResult report(Scenario<ClusterState> scenario, Lever<T> lever, int replications,
      PrintStream out) {
    @SuppressWarnings("unchecked")
    ExperimentResult r = Experiment.of(scenario).grid(Grid.of(lever.parameter(), lever.a(), lever.b()))
        .replications(replications).seed(2005).run();
    out.printf("%n%s%n", lever.title());
    out.printf("  %-34s %-24s %-24s %s%n", "metric (year)", lever.labelA(), lever.labelB(), "difference");
    for (String[] m : REPORTED) {
      Statistics a = r.summary(scenario.name(), 0, m[0], m[1]);
      Statistics b = r.summary(scenario.name(), 1, m[0], m[1]);
      int step = scenario.schedule().indexOf(m[1]).orElseThrow();
      PairedComparison d = r.compare(scenario.name(), 0, scenario.name(), 1, m[0], step);
      out.printf("  %-34s %-24s %-24s %s%n", m[0] + " (" + m[1] + ")", interval(a), interval(b), difference(d));
    }
    return r;
  }

  private static String interval(Statistics s) {
    Statistics.Interval ci = s.confidenceInterval95().orElseThrow();
    return String.format("%.2f [%.2f, %.2f]", s.mean(), ci.lower(), ci.upper());
  }

  private static String difference(PairedComparison d) {
    Statistics.Interval ci = d.confidenceInterval95().orElseThrow();
    return String.format("%+.2f [%+.2f, %+.2f]", d.meanDifference(), ci.lower(), ci.upper());
  }
}
