package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.dynamics.NationalState;
import io.github.renkei.cluster.dynamics.NationwideDynamics;
import io.github.renkei.cluster.dynamics.NationwideWorld;
import io.github.renkei.cluster.io.AtomicFiles;
import io.github.renkei.cluster.io.CsvSink;
import io.github.renkei.cluster.io.RunManifest;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.report.JapanMap;
import io.github.renkei.cluster.report.ProjectionChart;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.ResultSink;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Statistics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code renkei nationwide}: all 47 prefectures in one simulation ({@link NationwideDynamics}) and
 * the policy experiments of issue 20 ({@link NationwideExperiments}) — council on, hubs 6 → 12, one
 * more hub in the least covered block, each against the baseline over common random numbers —
 * with a progress bar, a table of the paired differences on standard output, and files in an
 * output folder that is replaced as a whole when the run is complete (cluster-io's
 * {@code RunFolder}):
 *
 * <ul>
 *   <li>{@code results.csv} and {@code manifest.json}: the tidy rows of the run (cluster-io's
 *       {@code CsvSink}, {@code RunManifest}) — every nationwide metric in every year, and every
 *       per-prefecture metric ({@code registered:}, {@code field-share:}, {@code covered:},
 *       {@code cross-border-supplied:}, {@code cross-border-served:} each prefecture) in the last
 *       year, which is what the maps draw. (All 235 per-prefecture metrics in every year would be
 *       about 7 million rows, over 600 MB, at the defaults.)</li>
 *   <li>{@code comparisons.csv}: one row per lever × metric × year, both means with their 95% CIs,
 *       the mean paired difference with its 95% CI, the pairs and which way the interval points;</li>
 *   <li>{@code coverage.png}: coverage over time, "from points to a surface" (点から面へ), the baseline
 *       and the three levers as lines with their bands;</li>
 *   <li>{@code map-field-share.png}, {@code map-council-effect.png}, {@code map-cross-border.png}:
 *       choropleths of Japan in the last year — the baseline's share of firms in the field, the
 *       council's effect on it (mean paired difference) and the deals each prefecture's firms
 *       supplied across borders under the council.</li>
 * </ul>
 *
 * <p>Bad options (replications below 2, firms below 47, a last year outside 2005..2200, threads
 * below 1, an unknown option) exit with code 2 and one line naming the value; nothing is written.
 */
@Command(name = "nationwide", mixinStandardHelpOptions = true,
    description = {"All 47 prefectures in one simulation: council on, hubs 6 -> 12 and one more hub in the least"
        + " covered block against the baseline, with paired 95%% CIs; CSV, a run manifest, a coverage chart and"
        + " maps of Japan in an output folder.",
        "The baseline is the catalog's six hubs without a council; the levers run as one experiment over common"
            + " random numbers (4 grid points)."})
final class NationwideCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = {"-r", "--replications"}, paramLabel = "N", defaultValue = "200",
      description = "Replications per grid point, at least 2; default ${DEFAULT-VALUE}.")
  int replications;

  @Option(names = "--firms", paramLabel = "N", defaultValue = "" + NationwideWorld.DEFAULT_FIRMS,
      description = "Synthetic small manufacturers over the 47 prefectures, at least 47; default ${DEFAULT-VALUE}.")
  int firms;

  @Option(names = "--last-year", paramLabel = "YEAR", defaultValue = "2030",
      description = "Last simulated year, 2005..2200; the run starts in 2005; default ${DEFAULT-VALUE}.")
  int lastYear;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "2005", description = "Default ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--threads", paramLabel = "N", description = "Default: every core.")
  Integer threads;

  @Option(names = {"-o", "--out"}, paramLabel = "FOLDER", defaultValue = "renkei-nationwide",
      description = "Output folder, created if missing; default ${DEFAULT-VALUE}.")
  Path out;

  @Option(names = "--no-progress", description = "Do not report progress (a bar in a terminal, otherwise a line"
      + " on standard error every few seconds).")
  boolean noProgress;

  @Override
  public Integer call() {
    if (replications < 2) {
      throw new Renkei.BadInputException("--replications must be at least 2 (for confidence intervals) but was "
          + replications);
    }
    if (firms < Prefecture.values().length) {
      throw new Renkei.BadInputException("--firms must be at least 47 (one firm per prefecture) but was " + firms);
    }
    if (lastYear < 2005 || lastYear > 2200) {
      throw new Renkei.BadInputException("--last-year must be within 2005..2200 (the run starts in 2005) but was "
          + lastYear);
    }
    int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (cores < 1) {
      throw new Renkei.BadInputException("--threads must be at least 1 but was " + cores);
    }
    Renkei.checkOutputFolder("--out", out);
    PrintWriter w = spec.commandLine().getOut();
    NationwideWorld world = firms == NationwideWorld.DEFAULT_FIRMS ? NationwideWorld.japan()
        : Renkei.flag("--firms", () -> NationwideWorld.builder().firms(firms).build());
    Scenario<NationalState> scenario = Renkei.flag("--last-year", () -> NationwideExperiments.scenario(world,
        lastYear));
    List<Path> written = Outputs.intoFolder(out, run -> write(run.path(), w, world, scenario, cores));
    w.printf("Wrote %d files to %s:%n", written.size(), out.toAbsolutePath().normalize());
    for (Path p : written) {
      w.println("  " + p);
    }
    return 0;
  }

  /** Runs the experiment, writing into the run's staging folder; returns the files, relative to it. */
  private List<Path> write(Path dir, PrintWriter w, NationwideWorld world, Scenario<NationalState> scenario,
      int cores) {
    List<Path> written = new ArrayList<>();
    Path results = dir.resolve("results.csv");
    Path manifest = dir.resolve("manifest.json");
    String last = scenario.schedule().label(scenario.schedule().size() - 1);
    Experiment.Builder experiment = NationwideExperiments.experiment(scenario, replications, seed, cores);
    // The manifest gets the same rows as the CSV, so its row count and metrics describe the file;
    // and it ends after the CSV, so a CSV that cannot be committed makes it incomplete.
    experiment.sink(written(last, CsvSink.to(results))).sink(written(last, RunManifest.sink(manifest)));
    ExperimentResult result;
    long total = (long) NationwideExperiments.grid().size() * replications;
    try (ConsoleProgress bar = noProgress ? null : ConsoleProgress.start("replications", total,
        spec.commandLine().getErr())) {
      if (bar != null) {
        experiment.progress(bar.listener(0));
      }
      result = experiment.run();
    }
    written.add(results);
    written.add(manifest);

    List<NationwideExperiments.Row> rows = NationwideExperiments.rows(result, scenario);
    NationwideExperiments.heading(w, scenario, world, replications, seed);
    w.println();
    NationwideExperiments.print(rows, w);
    w.println();
    written.add(comparisons(rows, dir.resolve("comparisons.csv")));

    ProjectionChart.Builder coverage = ProjectionChart.builder(result, scenario, NationwideDynamics.COVERAGE)
        .title("Coverage over time: from points to a surface")
        .axisLabel("Prefectures covered (share of 47)")
        .timeLabel("Year (fiscal)")
        .point(NationwideExperiments.BASELINE, "baseline: catalog hubs, no council");
    for (NationwideExperiments.Lever lever : NationwideExperiments.Lever.values()) {
      coverage.point(lever.point(), lever.label());
    }
    if (scenario.schedule().indexOf("2011").isPresent()) {
      coverage.event(2011, "Earthquake");
    }
    written.add(coverage.build().writePng(dir.resolve("coverage.png")));

    written.add(map(dir.resolve("map-field-share.png"),
        "Share of firms in the medical field, " + last + " (baseline)",
        NationwideExperiments.meanByPrefecture(result, scenario, NationwideDynamics.FIELD_SHARE_PREFIX,
            NationwideExperiments.BASELINE), "Firms in the field", "%"));
    written.add(effectMap(dir.resolve("map-council-effect.png"),
        "Council's effect on the share of firms in the field, " + last,
        NationwideExperiments.effectByPrefecture(result, scenario, NationwideDynamics.FIELD_SHARE_PREFIX,
            NationwideExperiments.Lever.COUNCIL), "Council - baseline (paired)", "percentage points"));
    written.add(map(dir.resolve("map-cross-border.png"),
        "Needs from other prefectures its firms served, " + last + " (council)",
        NationwideExperiments.meanByPrefecture(result, scenario, NationwideDynamics.SUPPLIED_PREFIX,
            NationwideExperiments.Lever.COUNCIL.point()), "Cross-border deals supplied", "deals"));
    return written.stream().map(dir::relativize).toList();
  }

  private static Path map(Path file, String title, Map<Prefecture, Double> values, String metric, String unit) {
    return JapanMap.builder().title(title).choropleth(values, metric, unit).build().writePng(file);
  }

  /** A map of a signed effect: white at zero. */
  private static Path effectMap(Path file, String title, Map<Prefecture, Double> values, String metric,
      String unit) {
    return JapanMap.builder().title(title).divergingChoropleth(values, metric, unit).build().writePng(file);
  }

  /**
   * A sink that passes on the rows written to {@code results.csv} (every nationwide metric, the
   * per-prefecture metrics in the last year), and the run's end with its cause.
   */
  static ResultSink written(String lastYear, ResultSink sink) {
    Set<String> nationwide = Set.copyOf(NationwideDynamics.METRICS);
    return Outputs.where(row -> nationwide.contains(row.metric()) || row.time().equals(lastYear), sink);
  }

  private static Path comparisons(List<NationwideExperiments.Row> rows, Path file) {
    AtomicFiles.write(file, writer -> {
      // the bounds are 95 % confidence intervals of the means and of the mean paired difference, and say so
      CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader("lever", "metric", "year", "baseline", "mean_baseline",
          "mean_ci95_lower_baseline", "mean_ci95_upper_baseline", "policy", "mean_policy", "mean_ci95_lower_policy",
          "mean_ci95_upper_policy", "difference", "difference_ci95_lower", "difference_ci95_upper", "pairs",
          "ci_says").get().print(writer);
      for (NationwideExperiments.Row r : rows) {
        Statistics.Interval a = r.baseline().confidenceInterval95().orElseThrow();
        Statistics.Interval b = r.policy().confidenceInterval95().orElseThrow();
        Statistics.Interval d = r.difference().confidenceInterval95().orElseThrow();
        csv.printRecord(r.lever().slug(), r.metric(), r.year(), "baseline", r.baseline().mean(), a.lower(),
            a.upper(), r.lever().slug(), r.policy().mean(), b.lower(), b.upper(), r.difference().meanDifference(),
            d.lower(), d.upper(), r.difference().pairs(), r.verdict());
      }
      csv.flush();
    });
    return file;
  }
}
