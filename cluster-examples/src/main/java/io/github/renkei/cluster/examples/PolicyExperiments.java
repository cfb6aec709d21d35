package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.Policies;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Grid;
import io.github.renkei.cluster.simulation.PairedComparison;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.ProgressListener;
import io.github.renkei.cluster.simulation.ResultSink;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Schedule;
import io.github.renkei.cluster.simulation.Statistics;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

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
  record Lever<T>(String slug, String title, Parameter<T> parameter, T a, String labelA, T b, String labelB) {}

  static final List<Lever<?>> LEVERS = List.of(
      new Lever<>("specialists", "(1) rotation every 3 years: no specialists vs specialists hired and kept",
          Policies.SPECIALIST_HIRING, 0.0, "no specialists", 0.5, "specialists"),
      new Lever<>("council", "(2) nationwide council", Policies.COUNCIL, false, "no council", true, "council"),
      new Lever<>("support-focus", "(3) where support is aimed", Policies.DEVELOPMENT_SHARE, 0.1, "parts/OEM-heavy", 0.7,
          "development-heavy"),
      new Lever<>("funding-bridge", "(4) national funding cliff in FY2015", Policies.PREFECTURAL_BRIDGE, false, "no bridge", true,
          "prefectural bridge"));

  /** Metrics reported; the first two are read in 2020 (or the last year if earlier), the others in the last year. */
  static final List<String> REPORTED = List.of(ClusterDynamics.KNOW_HOW_LEAD, ClusterDynamics.REGISTERED,
      ClusterDynamics.FIRMS_OWN_PRODUCT, ClusterDynamics.TIES_HORIZONTAL);

  /** One line of the summary: a metric in a year under both policies and their paired difference. */
  record Row(Lever<?> lever, String metric, String year, Statistics a, Statistics b, PairedComparison difference) {}

  private PolicyExperiments() {}

  /**
   * Runs the experiments.
   *
   * @param args replications per point (default 400)
   */
  public static void main(String[] args) {
    ExampleMain.run("PolicyExperiments", () -> run(ExampleMain.positive(args, 0, "replications", 400), System.out));
  }

  /**
   * Runs the experiments on the Fukushima scenario, seed 2005, every core, and prints the report.
   *
   * @param replications replications per point
   * @param out where the report goes
   * @return the results, one per lever
   */
  static List<ExperimentResult> run(int replications, PrintStream out) {
    return run(ClusterDynamics.fukushima(), replications, 2005, Runtime.getRuntime().availableProcessors(),
        k -> p -> { }, k -> List.of(), new ArrayList<>(), out);
  }

  /**
   * Runs the experiments and prints the report.
   *
   * @param scenario the Fukushima scenario or a variant of it (another last year, say)
   * @param replications replications per point
   * @param seed the seed of every experiment
   * @param threads threads per experiment
   * @param progress the progress listener of experiment k (0–3)
   * @param sinks the sinks of experiment k
   * @param rows receives the summary rows
   * @param out where the report goes
   * @return the results, one per lever
   */
  static List<ExperimentResult> run(Scenario<ClusterState> scenario, int replications, long seed, int threads,
      IntFunction<ProgressListener> progress, IntFunction<List<ResultSink>> sinks, List<Row> rows, PrintStream out) {
    out.printf("%s scenario %s–%s, %d replications per policy, seed %d, common random numbers;%n"
            + "mean [95%% CI] for each policy, then the paired difference (second − first)%n", scenario.name(),
        scenario.schedule().label(0), scenario.schedule().label(scenario.schedule().size() - 1), replications, seed);
    List<ExperimentResult> results = new ArrayList<>();
    for (int k = 0; k < LEVERS.size(); k++) {
      results.add(report(scenario, LEVERS.get(k), replications, seed, threads, progress.apply(k), sinks.apply(k),
          rows, out));
    }
    return results;
  }

  private static <T> ExperimentResult report(Scenario<ClusterState> scenario, Lever<T> lever, int replications,
      long seed, int threads, ProgressListener progress, List<ResultSink> sinks, List<Row> rows, PrintStream out) {
    @SuppressWarnings("unchecked")
    Experiment.Builder b = Experiment.of(scenario).grid(Grid.of(lever.parameter(), lever.a(), lever.b()))
        .replications(replications).seed(seed).threads(threads).progress(progress);
    sinks.forEach(b::sink);
    ExperimentResult r = b.run();
    out.printf("%n%s%n", lever.title());
    out.printf("  %-34s %-24s %-24s %s%n", "metric (year)", lever.labelA(), lever.labelB(), "difference");
    Schedule schedule = scenario.schedule();
    String last = schedule.label(schedule.size() - 1);
    String middle = schedule.indexOf("2020").isPresent() ? "2020" : last;
    for (String metric : REPORTED) {
      String year = metric.equals(ClusterDynamics.KNOW_HOW_LEAD) || metric.equals(ClusterDynamics.REGISTERED)
          ? middle : last;
      Statistics a = r.summary(scenario.name(), 0, metric, year);
      Statistics b2 = r.summary(scenario.name(), 1, metric, year);
      PairedComparison d = r.compare(scenario.name(), 0, scenario.name(), 1, metric,
          schedule.indexOf(year).orElseThrow());
      rows.add(new Row(lever, metric, year, a, b2, d));
      out.printf("  %-34s %-24s %-24s %s%n", metric + " (" + year + ")", interval(a), interval(b2), difference(d));
    }
    return r;
  }

  static String interval(Statistics s) {
    Statistics.Interval ci = s.confidenceInterval95().orElseThrow();
    return String.format("%.2f [%.2f, %.2f]", s.mean(), ci.lower(), ci.upper());
  }

  static String difference(PairedComparison d) {
    Statistics.Interval ci = d.confidenceInterval95().orElseThrow();
    return String.format("%+.2f [%+.2f, %+.2f]", d.meanDifference(), ci.lower(), ci.upper());
  }
}
