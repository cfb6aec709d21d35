package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.ClusterWorld;
import io.github.renkei.cluster.io.AtomicFiles;
import io.github.renkei.cluster.io.CsvSink;
import io.github.renkei.cluster.io.RunManifest;
import io.github.renkei.cluster.matching.MatchResult;
import io.github.renkei.cluster.matching.Matchers;
import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.network.SupportCoverage;
import io.github.renkei.cluster.report.CoverageValues;
import io.github.renkei.cluster.report.JapanMap;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.ResultSink;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Statistics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code renkei fukushima}, the main job: the Fukushima scenario, a matching round of the sample's
 * needs with explanations, the four policy experiments with a progress bar, a summary table with
 * 95% confidence intervals, and files in an output folder: per experiment the tidy rows
 * ({@code results.csv}), the run manifest ({@code manifest.json}) and a chart of registered
 * manufacturers under both policies; a projection chart of every headline metric against the
 * published figures, the entry-stage mix, a forest plot of the policy effects
 * ({@link FukushimaReport}); the support network and coverage maps of Japan; {@code summary.csv}; and
 * the self-contained {@code report.html} with all of it. The folder is replaced as a whole when the
 * job is complete (cluster-io's {@code RunFolder}): after a kill or a full disk it holds the previous
 * complete run or the new complete one.
 */
@Command(name = "fukushima", mixinStandardHelpOptions = true,
    description = "The main job: the Fukushima scenario, a matching round, four policy experiments with 95%% CIs,"
        + " CSV, run manifests and PNG charts in an output folder.")
final class FukushimaCommand implements Callable<Integer> {

  /**
   * Metrics written to the CSV files, and recorded as such in each manifest: those the charts and
   * the summary use, so that every picture can be redrawn from the files. At the default 300
   * replications to 2030 that is 171,600 rows (12.8 MB) per experiment; all 25 metrics would be
   * 390,000 rows (about 29 MB), 117 MB for the job.
   */
  static final Set<String> WRITTEN = Set.of(ClusterDynamics.REGISTERED, ClusterDynamics.PARTS_SHIPMENTS,
      ClusterDynamics.KNOW_HOW_LEAD,
      ClusterDynamics.FIRMS_NONE, ClusterDynamics.FIRMS_PARTS_SUPPLY, ClusterDynamics.FIRMS_OEM,
      ClusterDynamics.FIRMS_ODM, ClusterDynamics.FIRMS_OWN_PRODUCT, ClusterDynamics.TIES_VERTICAL,
      ClusterDynamics.TIES_HORIZONTAL, ClusterDynamics.PRODUCTION_VALUE);

  @Spec
  CommandSpec spec;

  @Option(names = {"-r", "--replications"}, paramLabel = "N", defaultValue = "300",
      description = "Replications per policy; default ${DEFAULT-VALUE}.")
  int replications;

  @Option(names = "--until", paramLabel = "YEAR", defaultValue = "2030",
      description = "Last simulated year, 2016..2200; the scenario starts in 2005; default ${DEFAULT-VALUE}.")
  int until;

  @Option(names = "--posterior-draws", paramLabel = "N", defaultValue = "200",
      description = "Draws from the shipped posterior for the predictive bands (one run each); each policy effect"
          + " over the posterior takes a quarter as many, each the mean of 10 paired runs; default ${DEFAULT-VALUE}.")
  int posteriorDraws;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "2005", description = "Default ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--threads", paramLabel = "N", description = "Default: every core.")
  Integer threads;

  @Option(names = "--organizations", paramLabel = "N",
      description = "Size of the simulated world (the sample plus synthetic firms); default 382, the sample plus"
          + " 300 firms.")
  Integer organizations;

  @Option(names = {"-o", "--out"}, paramLabel = "FOLDER", defaultValue = "renkei-out",
      description = "Output folder, created if missing; default ${DEFAULT-VALUE}.")
  Path out;

  @Option(names = "--no-progress", description = "Do not report progress (a bar in a terminal, otherwise a line"
      + " on standard error every few seconds).")
  boolean noProgress;

  @Override
  public Integer call() throws IOException {
    if (replications < 2) {
      throw new Renkei.BadInputException("--replications must be at least 2 (for confidence intervals) but was "
          + replications);
    }
    if (posteriorDraws < 8) {
      throw new Renkei.BadInputException("--posterior-draws must be at least 8 (for bands) but was " + posteriorDraws);
    }
    int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (cores < 1) {
      throw new Renkei.BadInputException("--threads must be at least 1 but was " + cores);
    }
    Renkei.checkOutputFolder("--out", out);
    PrintWriter w = spec.commandLine().getOut();
    ClusterWorld world = organizations == null ? ClusterWorld.fukushima()
        : Renkei.flag("--organizations", () -> ClusterWorld.fukushima(organizations));
    Scenario<ClusterState> scenario = Renkei.flag("--until", () -> ClusterDynamics.fukushimaBuilder(world, until))
        .build();
    List<Path> written = Outputs.intoFolder(out, run -> {
      try {
        return write(run.path(), w, world, scenario, cores);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot write " + run.path() + " (" + e + ")", e);
      }
    });
    w.printf("Wrote %d files to %s:%n", written.size(), out.toAbsolutePath().normalize());
    for (Path p : written) {
      w.println("  " + p);
    }
    return 0;
  }

  /** Runs the job, writing into the run's staging folder; returns the files, relative to it. */
  private List<Path> write(Path dir, PrintWriter w, ClusterWorld world, Scenario<ClusterState> scenario, int cores)
      throws IOException {
    w.println("Renkei — the Fukushima medical-device cluster (医工連携)");
    w.printf("%s, %s–%s%n%n", world, scenario.schedule().label(0),
        scenario.schedule().label(scenario.schedule().size() - 1));

    w.println("A matching round of the sample's needs (optimal; ties up to 2016 count as prior relationships;"
        + " the PMD Act's registrations are hard constraints):");
    MatchingProblem problem = MatchingProblem.from(FukushimaSample.cluster()).year(2016).build();
    MatchResult round = Matchers.optimal().match(problem);
    round.table().lines().forEach(line -> w.println("  " + line));
    w.println();

    List<PolicyExperiments.Row> rows = new ArrayList<>();
    List<Path> written = new ArrayList<>();
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    long total = (long) PolicyExperiments.LEVERS.size() * 2 * replications;
    List<ExperimentResult> results;
    try (ConsoleProgress bar = noProgress ? null : ConsoleProgress.start("replications", total,
        spec.commandLine().getErr())) {
      results = PolicyExperiments.run(scenario, replications, seed, cores,
          k -> bar == null ? p -> { } : bar.listener((long) k * 2 * replications), k -> {
        Path lever = dir.resolve(PolicyExperiments.LEVERS.get(k).slug());
        try {
          Files.createDirectories(lever);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException("cannot create " + lever + " (" + e + ")", e);
        }
        written.add(lever.resolve("results.csv"));
        written.add(lever.resolve("manifest.json"));
        // The manifest gets the same rows as the CSV, so its row count and metrics describe the
        // file; and it ends after the CSV, so a CSV that cannot be committed makes it incomplete.
        return List.of(only(WRITTEN, CsvSink.to(lever.resolve("results.csv"))),
            only(WRITTEN, RunManifest.sink(lever.resolve("manifest.json"))));
      }, rows, new PrintStream(report, true, StandardCharsets.UTF_8));
    }
    w.print(report.toString(StandardCharsets.UTF_8));
    w.println();

    PosteriorProjections.Run posterior;
    int phases = 1 + PolicyExperiments.LEVERS.size();
    int effectDraws = posteriorDraws / 4;
    try (ConsoleProgress bar = noProgress ? null : ConsoleProgress.start("posterior draws",
        posteriorDraws + (long) (phases - 1) * effectDraws, spec.commandLine().getErr())) {
      posterior = PosteriorProjections.run(scenario, posteriorDraws, effectDraws, seed, cores,
          k -> bar == null ? p -> { } : bar.listener(k == 0 ? 0 : posteriorDraws + (long) (k - 1) * effectDraws));
    }
    PosteriorProjections.print(posterior, scenario, w);
    w.println();
    written.add(PosteriorProjections.writeProjections(posterior, scenario, dir.resolve("projections.csv")));
    written.add(PosteriorProjections.writeEffects(posterior, dir.resolve("posterior-effects.csv")));

    FukushimaReport charts = new FukushimaReport(dir, new FukushimaReport.Run(world, scenario, replications, seed,
        reproduce(), round, results, rows, report.toString(StandardCharsets.UTF_8), posterior));
    written.addAll(charts.charts());
    Path network = JapanMap.supportNetwork(Catalog.nationwide()).writePng(dir.resolve("support-network.png"));
    written.add(network);
    charts.image(network, "The nationwide medical–engineering support network",
        "Each support organization of the catalog near its prefecture's capital; hubs (★) as named stars.");
    Path coverage = JapanMap.builder()
        .title("Coverage: support organizations within 100 km of each prefectural capital")
        .choropleth(CoverageValues.supportWithin(SupportCoverage.of(Catalog.nationwide()).within(100)),
            "Support organizations within 100 km of the prefectural capital", "organizations")
        .organizations(Catalog.nationwide().supportOrganizations())
        .build().writePng(dir.resolve("coverage-map.png"));
    written.add(coverage);
    charts.image(coverage, "Coverage from points to a surface (点から面へ)",
        "Per prefecture, how many of the catalog's support organizations lie within 100 km of its capital.");
    written.add(summary(rows, dir.resolve("summary.csv")));
    written.add(charts.write(written));

    return written.stream().map(dir::relativize).toList();
  }

  /** The command that reproduces this run (the thread count changes the speed, never the numbers). */
  private String reproduce() {
    return "java -jar cluster-examples/target/renkei.jar fukushima --replications " + replications + " --until " + until
        + " --posterior-draws " + posteriorDraws
        + " --seed " + seed + (organizations == null ? "" : " --organizations " + organizations) + " --out " + out;
  }

  /** A sink that passes on only the rows of some metrics, and the run's end with its cause. */
  static ResultSink only(Set<String> metrics, ResultSink sink) {
    return Outputs.where(row -> metrics.contains(row.metric()), sink);
  }

  private static Path summary(List<PolicyExperiments.Row> rows, Path file) {
    AtomicFiles.write(file, writer -> {
      // the bounds are 95 % confidence intervals of the means and of the mean paired difference, and say so
      CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader("experiment", "metric", "year", "policy_a", "mean_a",
          "mean_ci95_lower_a", "mean_ci95_upper_a", "policy_b", "mean_b", "mean_ci95_lower_b", "mean_ci95_upper_b",
          "difference", "difference_ci95_lower", "difference_ci95_upper", "pairs").get().print(writer);
      for (PolicyExperiments.Row r : rows) {
        Statistics.Interval a = r.a().confidenceInterval95().orElseThrow();
        Statistics.Interval b = r.b().confidenceInterval95().orElseThrow();
        Statistics.Interval d = r.difference().confidenceInterval95().orElseThrow();
        csv.printRecord(r.lever().slug(), r.metric(), r.year(), r.lever().labelA(), r.a().mean(), a.lower(),
            a.upper(), r.lever().labelB(), r.b().mean(), b.lower(), b.upper(), r.difference().meanDifference(),
            d.lower(), d.upper(), r.difference().pairs());
      }
      csv.flush();
    });
    return file;
  }
}
