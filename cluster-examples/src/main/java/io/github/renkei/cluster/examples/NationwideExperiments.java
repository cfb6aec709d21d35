package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.dynamics.NationalState;
import io.github.renkei.cluster.dynamics.NationwideDynamics;
import io.github.renkei.cluster.dynamics.NationwideDynamics.HubPlan;
import io.github.renkei.cluster.dynamics.NationwideWorld;
import io.github.renkei.cluster.dynamics.Policies;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Grid;
import io.github.renkei.cluster.simulation.PairedComparison;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Schedule;
import io.github.renkei.cluster.simulation.Statistics;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The policy experiments of issue 20 on all 47 prefectures at once ({@link NationwideDynamics}):
 * three levers, each compared with one baseline — the catalog's six hubs and no nationwide
 * council — over common random numbers, as the paired difference of the replications with its
 * 95% confidence interval:
 *
 * <ol>
 *   <li>{@link Lever#COUNCIL}: a continuing nationwide council ({@link Policies#COUNCIL});</li>
 *   <li>{@link Lever#TWELVE_HUBS}: hubs 6 → 12 ({@link HubPlan#TWELVE});</li>
 *   <li>{@link Lever#LEAST_COVERED_HUB}: one more hub in the least covered block
 *       ({@link HubPlan#LEAST_COVERED_BLOCK}).</li>
 * </ol>
 *
 * <p><b>One experiment.</b> The four points — {@link #BASELINE} and each lever's
 * {@link Lever#point()} — run as one experiment over a grid of explicit points ({@link #grid()}),
 * so every point's replication {@code r} draws the same random
 * numbers (common random numbers), so the paired differences are sharp.
 *
 * <p><b>What is compared</b> ({@link #rows}): nationwide registrations
 * ({@link NationwideDynamics#REGISTERED}) in the last year; the coverage so far
 * ({@link NationwideDynamics#COVERAGE_TO_DATE}, the mean share of prefectures covered since the first
 * year) in 2016 and in the last year; cross-border matches ({@link NationwideDynamics#CROSS_BORDER_MATCHES})
 * and matches across blocks ({@link NationwideDynamics#CROSS_BLOCK}) in 2016 (the last year if
 * earlier); the spread between prefectures ({@link NationwideDynamics#SPREAD}) in the last year —
 * the seed's question whether the council closes gaps or widens them, which {@link Row#verdict()}
 * answers from the side of zero the interval lies on.
 *
 * <pre>{@code
 * Scenario<NationalState> japan = NationwideExperiments.scenario(NationwideWorld.japan(), 2030);
 * ExperimentResult r = NationwideExperiments.experiment(japan, 200, 2005, 2).run();
 * List<NationwideExperiments.Row> rows = NationwideExperiments.rows(r, japan);
 * NationwideExperiments.print(rows, new PrintWriter(System.out, true));
 * }</pre>
 *
 * <pre>
 * java -cp cluster-examples/target/renkei.jar io.github.renkei.cluster.examples.NationwideExperiments 200
 * </pre>
 * ({@code renkei nationwide} runs the same experiment with files, charts and maps.)
 */
public final class NationwideExperiments {

  /** The baseline's grid point: the catalog's hubs, no council. */
  public static final int BASELINE = 0;

  /** A policy lever compared with the baseline. */
  public enum Lever {
    /** A continuing nationwide council. */
    COUNCIL("council", "council on", true, HubPlan.CATALOG),
    /** Hubs 6 → 12, placed greedily for coverage. */
    TWELVE_HUBS("twelve-hubs", "hubs 6 -> 12", false, HubPlan.TWELVE),
    /** One more hub, in the least covered block. */
    LEAST_COVERED_HUB("least-covered-hub", "+1 hub, least covered block", false, HubPlan.LEAST_COVERED_BLOCK);

    private final String slug;
    private final String label;
    private final boolean council;
    private final HubPlan plan;

    Lever(String slug, String label, boolean council, HubPlan plan) {
      this.slug = slug;
      this.label = label;
      this.council = council;
      this.plan = plan;
    }

    /**
     * Returns the lever's short name, as the CSV files write it.
     *
     * @return for example {@code twelve-hubs}
     */
    public String slug() {
      return slug;
    }

    /**
     * Returns the lever in a few words, as the table prints it.
     *
     * @return for example {@code hubs 6 -> 12}
     */
    public String label() {
      return label;
    }

    /**
     * Returns the lever's grid point in {@link #grid()}.
     *
     * @return the point's index
     */
    public int point() {
      return ordinal() + 1;
    }
  }

  /**
   * One comparison: a metric in a year at the baseline and under a lever, and their paired
   * difference (lever − baseline).
   *
   * @param lever the lever
   * @param metric the metric
   * @param year the year's label
   * @param baseline the baseline's replications
   * @param policy the lever's replications
   * @param difference the paired difference, lever − baseline
   */
  public record Row(Lever lever, String metric, String year, Statistics baseline, Statistics policy,
      PairedComparison difference) {

    /**
     * Returns which side of zero the 95% interval of the difference lies on, in words: for the
     * spread between prefectures whether the lever closes or widens the gaps, for the other
     * metrics whether it is higher or lower.
     *
     * @return {@code higher}, {@code lower}, {@code closes gaps}, {@code widens gaps},
     *     {@code CI spans 0}, or {@code no difference} when every pair is equal
     */
    public String verdict() {
      Statistics.Interval ci = difference.confidenceInterval95().orElseThrow(() -> new IllegalStateException(
          "no confidence interval for " + metric + " (" + year + ") of " + lever.slug() + ": a single replication"));
      boolean spread = metric.equals(NationwideDynamics.SPREAD);
      if (ci.lower() > 0) {
        return spread ? "widens gaps" : "higher";
      }
      if (ci.upper() < 0) {
        return spread ? "closes gaps" : "lower";
      }
      return ci.lower() == 0 && ci.upper() == 0 ? "no difference" : "CI spans 0";
    }
  }

  private NationwideExperiments() {}

  /**
   * Runs the experiments on {@link NationwideWorld#japan()} to 2030, seed 2005, every core, and
   * prints the table.
   *
   * @param args replications per point (default 200)
   */
  public static void main(String[] args) {
    ExampleMain.run("NationwideExperiments", () -> {
      int replications = ExampleMain.positive(args, 0, "replications", 200);
      if (replications < 2) {
        throw new Renkei.BadInputException("argument 1 (replications) must be at least 2 (for confidence intervals)"
            + " but was '" + args[0] + "'");
      }
      Scenario<NationalState> japan = scenario(NationwideWorld.japan(), 2030);
      ExperimentResult r = experiment(japan, replications, 2005, Runtime.getRuntime().availableProcessors()).run();
      PrintWriter out = new PrintWriter(System.out, true);
      heading(out, japan, NationwideWorld.japan(), replications, 2005);
      print(rows(r, japan), out);
      out.flush();
    });
  }

  /**
   * Returns the nationwide scenario from 2005 to a last year.
   *
   * @param world the world
   * @param lastYear the last year, 2005..2200
   * @return the scenario
   * @throws IllegalArgumentException naming the year if it is outside 2005..2200
   */
  public static Scenario<NationalState> scenario(NationwideWorld world, int lastYear) {
    if (lastYear < 2005 || lastYear > 2200) {
      throw new IllegalArgumentException("the last year must be within 2005..2200 but was " + lastYear);
    }
    return NationwideDynamics.scenario(world, 2005, lastYear);
  }

  /**
   * Returns the grid of the experiment, explicit points of ({@link Policies#COUNCIL},
   * {@link NationwideDynamics#HUB_PLAN}): point 0 the baseline (no council, {@link HubPlan#CATALOG}),
   * then each lever's point in {@link Lever} order.
   *
   * @return the four-point grid
   */
  public static Grid grid() {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of(false, HubPlan.CATALOG));
    for (Lever lever : Lever.values()) {
      rows.add(List.of(lever.council, lever.plan));
    }
    return Grid.points(List.of(Policies.COUNCIL, NationwideDynamics.HUB_PLAN), rows);
  }


  /**
   * Starts the experiment: the scenario over {@link #grid()}, without sinks or progress.
   *
   * @param scenario a nationwide scenario
   * @param replications replications per point, at least 2
   * @param seed the root seed
   * @param threads threads, at least 1
   * @return the experiment's builder, to add sinks and a progress listener to
   * @throws IllegalArgumentException naming the value if the replications or threads are out of range
   */
  public static Experiment.Builder experiment(Scenario<NationalState> scenario, int replications, long seed,
      int threads) {
    if (replications < 2) {
      throw new IllegalArgumentException("replications must be at least 2 (for confidence intervals) but was "
          + replications);
    }
    return Experiment.of(scenario).grid(grid()).replications(replications).seed(seed).threads(threads);
  }

  /**
   * Returns the comparisons of a result of {@link #experiment}: per lever, the metrics of the
   * class comment in their years.
   *
   * @param result the experiment's result
   * @param scenario the scenario it ran
   * @return the rows, lever by lever in {@link Lever} order
   */
  public static List<Row> rows(ExperimentResult result, Scenario<NationalState> scenario) {
    Schedule schedule = scenario.schedule();
    String last = schedule.label(schedule.size() - 1);
    String middle = schedule.indexOf("2016").isPresent() ? "2016" : last;
    List<String[]> reported = new ArrayList<>();
    reported.add(new String[] {NationwideDynamics.REGISTERED, last});
    reported.add(new String[] {NationwideDynamics.COVERAGE_TO_DATE, middle});
    if (!middle.equals(last)) {
      reported.add(new String[] {NationwideDynamics.COVERAGE_TO_DATE, last});
    }
    reported.add(new String[] {NationwideDynamics.CROSS_BORDER_MATCHES, middle});
    reported.add(new String[] {NationwideDynamics.CROSS_BLOCK, middle});
    reported.add(new String[] {NationwideDynamics.SPREAD, last});
    String name = scenario.name();
    List<Row> rows = new ArrayList<>();
    for (Lever lever : Lever.values()) {
      for (String[] m : reported) {
        int step = schedule.indexOf(m[1]).orElseThrow();
        rows.add(new Row(lever, m[0], m[1], result.summary(name, BASELINE, m[0], step),
            result.summary(name, lever.point(), m[0], step),
            result.compare(name, BASELINE, name, lever.point(), m[0], step)));
      }
    }
    return rows;
  }

  /**
   * Returns the mean paired difference lever − baseline of a per-prefecture metric in the last
   * year, for every prefecture.
   *
   * @param result the experiment's result
   * @param scenario the scenario it ran
   * @param prefix one of {@link NationwideDynamics}'s {@code *_PREFIX} constants
   * @param lever the lever
   * @return the mean difference per prefecture
   */
  public static Map<Prefecture, Double> effectByPrefecture(ExperimentResult result, Scenario<NationalState> scenario,
      String prefix, Lever lever) {
    int last = scenario.schedule().size() - 1;
    Map<Prefecture, Double> m = new EnumMap<>(Prefecture.class);
    for (Prefecture p : Prefecture.values()) {
      m.put(p, result.compare(scenario.name(), BASELINE, scenario.name(), lever.point(),
          NationwideDynamics.prefectureMetric(prefix, p), last).meanDifference());
    }
    return m;
  }

  /**
   * Returns the mean of a per-prefecture metric in the last year at a grid point, for every
   * prefecture.
   *
   * @param result the experiment's result
   * @param scenario the scenario it ran
   * @param prefix one of {@link NationwideDynamics}'s {@code *_PREFIX} constants
   * @param point the grid point ({@link #BASELINE} or a lever's)
   * @return the mean per prefecture
   */
  public static Map<Prefecture, Double> meanByPrefecture(ExperimentResult result, Scenario<NationalState> scenario,
      String prefix, int point) {
    int last = scenario.schedule().size() - 1;
    Map<Prefecture, Double> m = new EnumMap<>(Prefecture.class);
    for (Prefecture p : Prefecture.values()) {
      m.put(p, result.summary(scenario.name(), point, NationwideDynamics.prefectureMetric(prefix, p), last).mean());
    }
    return m;
  }

  /**
   * Prints what ran: the scenario's years, the world, the replications and the seed.
   *
   * @param out where to print
   * @param scenario the scenario
   * @param world its world
   * @param replications replications per point
   * @param seed the root seed
   */
  public static void heading(PrintWriter out, Scenario<NationalState> scenario, NationwideWorld world,
      int replications, long seed) {
    Schedule s = scenario.schedule();
    out.printf(Locale.ROOT, "Renkei — all 47 prefectures in one simulation, %s–%s%n", s.label(0),
        s.label(s.size() - 1));
    out.printf(Locale.ROOT, "%s%n", world);
    out.printf(Locale.ROOT, "%d replications per grid point, seed %d, common random numbers; grid: the baseline and"
        + " %d levers (%d points)%n", replications, seed, Lever.values().length, grid().size());
    out.printf(Locale.ROOT, "baseline: the catalog's %d hubs, no council; each lever − baseline, mean paired"
        + " difference [95%% CI]%n", world.hubs().size());
  }

  /**
   * Prints the comparisons as a table: lever, metric and year, both means, the paired difference
   * with its 95% CI, and which way the interval points.
   *
   * @param rows the comparisons
   * @param out where to print
   */
  public static void print(List<Row> rows, PrintWriter out) {
    String format = "  %-28s %-32s %12s %12s  %-36s %s%n";
    out.printf(Locale.ROOT, format, "lever", "metric (year)", "baseline", "lever", "difference [95% CI]", "CI says");
    Lever before = null;
    for (Row r : rows) {
      if (before != null && r.lever() != before) {
        out.println();
      }
      before = r.lever();
      Statistics.Interval ci = r.difference().confidenceInterval95().orElseThrow();
      out.printf(Locale.ROOT, format, r.lever().label(), r.metric() + " (" + r.year() + ")",
          number(r.baseline().mean()), number(r.policy().mean()),
          signed(r.difference().meanDifference()) + " [" + signed(ci.lower()) + ", " + signed(ci.upper()) + "]",
          r.verdict());
    }
  }

  /** Three decimals: coverage is a share, registrations are hundreds. */
  static String number(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  /** A difference, with its sign. */
  static String signed(double v) {
    return String.format(Locale.ROOT, "%+.3f", v);
  }
}
