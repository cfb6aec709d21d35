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
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.ResultRow;
import io.github.renkei.cluster.simulation.ResultSink;
import io.github.renkei.cluster.simulation.RunInfo;
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
import java.util.LinkedHashMap;
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
 * {@code renkei fukushima}, the main job: the Fukushima scenario, a matching round of the sample's
 * needs with explanations, the four policy experiments with a progress bar, a summary table with
 * 95% confidence intervals, and files in an output folder: per experiment the tidy rows
 * ({@code results.csv}), the run manifest ({@code manifest.json}) and a chart of registered
 * manufacturers with CI bands; the entry-stage mix over the years; the support network map by
 * block; and {@code summary.csv}. Every file is written atomically.
 */
@Command(name = "fukushima", mixinStandardHelpOptions = true,
    description = "The main job: the Fukushima scenario, a matching round, four policy experiments with 95%% CIs,"
        + " CSV, run manifests and PNG charts in an output folder.")
final class FukushimaCommand implements Callable<Integer> {

  /** Metrics written to the CSV files (the tidy rows of every metric would be ten times larger). */
  static final Set<String> WRITTEN = Set.of(ClusterDynamics.REGISTERED, ClusterDynamics.KNOW_HOW_LEAD,
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
    Files.createDirectories(out);

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
        Path dir = out.resolve(PolicyExperiments.LEVERS.get(k).slug());
        try {
          Files.createDirectories(dir);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        written.add(dir.resolve("results.csv"));
        written.add(dir.resolve("manifest.json"));
        return List.of(only(WRITTEN, CsvSink.to(dir.resolve("results.csv"))), RunManifest.sink(dir.resolve(
            "manifest.json")));
      }, rows, new PrintStream(report, true, StandardCharsets.UTF_8));
    }
    w.print(report.toString(StandardCharsets.UTF_8));
    w.println();

    for (int k = 0; k < results.size(); k++) {
      PolicyExperiments.Lever<?> lever = PolicyExperiments.LEVERS.get(k);
      Map<String, Integer> points = new LinkedHashMap<>();
      points.put(lever.labelA(), 0);
      points.put(lever.labelB(), 1);
      written.add(Charts.metricBands(results.get(k), scenario, points, ClusterDynamics.REGISTERED,
          "Registered manufacturers, mean and 95% CI — " + lever.title(),
          out.resolve(lever.slug()).resolve("registered-manufacturers.png")));
    }
    written.add(Charts.stageMix(results.get(1), scenario, 0, "Firms by entry stage (mean of "
        + replications + " runs, no council)", out.resolve("stage-mix.png")));
    written.add(Charts.supportNetworkMap(Catalog.nationwide(), out.resolve("support-network.png")));
    written.add(summary(rows, out.resolve("summary.csv")));

    w.printf("Wrote %d files to %s:%n", written.size(), out.toAbsolutePath().normalize());
    for (Path p : written) {
      w.println("  " + out.relativize(p));
    }
    return 0;
  }

  /** A sink that passes on only the rows of some metrics. */
  static ResultSink only(Set<String> metrics, ResultSink sink) {
    return new ResultSink() {
      @Override
      public void begin(RunInfo run) {
        sink.begin(run);
      }

      @Override
      public void accept(ResultRow row) {
        if (metrics.contains(row.metric())) {
          sink.accept(row);
        }
      }

      @Override
      public void end(RunInfo run, boolean completed) {
        sink.end(run, completed);
      }
    };
  }

  private static Path summary(List<PolicyExperiments.Row> rows, Path file) {
    AtomicFiles.write(file, writer -> {
      CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader("experiment", "metric", "year", "policy_a", "mean_a",
          "lower_a", "upper_a", "policy_b", "mean_b", "lower_b", "upper_b", "difference", "difference_lower",
          "difference_upper", "pairs").get().print(writer);
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
