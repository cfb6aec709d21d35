package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.ClusterWorld;
import io.github.renkei.cluster.dynamics.FukushimaCalibration;
import io.github.renkei.cluster.dynamics.Observation;
import io.github.renkei.cluster.dynamics.ProgramTerm;
import io.github.renkei.cluster.io.RunManifest;
import io.github.renkei.cluster.matching.Assignment;
import io.github.renkei.cluster.matching.MatchResult;
import io.github.renkei.cluster.matching.Unmatched;
import io.github.renkei.cluster.report.ChartEvent;
import io.github.renkei.cluster.report.ForestPlot;
import io.github.renkei.cluster.report.Picture;
import io.github.renkei.cluster.report.PredictiveChart;
import io.github.renkei.cluster.report.ProjectionChart;
import io.github.renkei.cluster.report.Report;
import io.github.renkei.cluster.report.StageMixChart;
import io.github.renkei.cluster.report.Table;
import io.github.renkei.cluster.inference.Band;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Statistics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The main job's charts and its self-contained HTML report ({@code report.html}), drawn with the
 * public API of {@code cluster-report}: a projection chart of every headline metric against the
 * published figures, one per policy experiment of registered manufacturers under both policies,
 * the entry-stage mix, a forest plot of the paired policy effects; then the report with the
 * summary, the tables, every chart, the run manifests and how to reproduce the run.
 *
 * <p>Use: {@link #charts()} once, then {@link #image} for pictures drawn elsewhere (the map), then
 * {@link #write()}.
 */
final class FukushimaReport {

  /**
   * What the main job ran.
   *
   * @param world the simulated world
   * @param scenario the scenario
   * @param replications replications per policy
   * @param seed the seed of every experiment
   * @param command the command line that reproduces the run
   * @param round the matching round of the sample's needs
   * @param results one result per policy experiment, in the order of {@link PolicyExperiments#LEVERS}
   * @param rows the summary rows
   * @param console the policy experiments' report as printed
   * @param posterior the projections and policy effects over the posterior
   */
  record Run(ClusterWorld world, Scenario<ClusterState> scenario, int replications, long seed, String command,
      MatchResult round, List<ExperimentResult> results, List<PolicyExperiments.Row> rows, String console,
      PosteriorProjections.Run posterior) {}

  /** A headline metric: its words and unit, and the file its chart goes to. */
  private record Headline(String metric, String axis, String title) {}

  private static final List<Headline> HEADLINES = List.of(
      new Headline(ClusterDynamics.REGISTERED, "Registered manufacturers (firms)",
          "Registered medical-device manufacturers in Fukushima"),
      new Headline(ClusterDynamics.PARTS_SHIPMENTS, "Parts shipments (100 million yen)",
          "Shipments of medical-device parts from Fukushima"),
      new Headline(ClusterDynamics.PRODUCTION_VALUE, "Production value (100 million yen)",
          "Medical-device production value in Fukushima"),
      new Headline(ClusterDynamics.KNOW_HOW_LEAD, "Know-how of the lead organization (index, 0–1)",
          "Know-how of the lead support organization"),
      new Headline(ClusterDynamics.FIRMS_OWN_PRODUCT, "Firms with their own product (firms)",
          "Firms selling their own medical device"),
      new Headline(ClusterDynamics.TIES_HORIZONTAL, "Horizontal (ODM) ties (active ties)",
          "Horizontal partnerships (ODM and co-development ties)"));

  /** The metrics of the projection charts. */
  static List<String> headlineMetrics() {
    return HEADLINES.stream().map(Headline::metric).toList();
  }

  /** Words and units of the metrics the policy experiments report. */
  private static final Map<String, String> WORDS = Map.of(ClusterDynamics.KNOW_HOW_LEAD,
      "Know-how of the lead organization (index, 0–1)", ClusterDynamics.REGISTERED,
      "Registered manufacturers (firms)", ClusterDynamics.FIRMS_OWN_PRODUCT, "Firms with their own product (firms)",
      ClusterDynamics.TIES_HORIZONTAL, "Horizontal ties (active ties)");

  /**
   * The last year of the published figures the calibration fits ({@link FukushimaCalibration}
   * uses every shipped observation; later years are kept out for an out-of-sample check).
   */
  static final int CALIBRATED_THROUGH = Observation.fukushima().stream().mapToInt(Observation::year).max()
      .orElseThrow();

  /** The default policies are the council experiment's first point (no council; every other lever at its default). */
  private static final int BASELINE_EXPERIMENT = 1;

  private final Path out;
  private final Run run;
  private final List<ChartEvent> events;
  private final Map<Path, Picture> pictures = new LinkedHashMap<>();
  private final List<Path> written = new ArrayList<>();

  FukushimaReport(Path out, Run run) {
    this.out = out;
    this.run = run;
    this.events = events(run.world(), run.scenario());
  }

  /**
   * The scenario's events with words, and the national funding cliffs: the first year after a
   * national program's last, inside the schedule.
   */
  static List<ChartEvent> events(ClusterWorld world, Scenario<ClusterState> scenario) {
    Map<String, String> words = Map.of(ClusterDynamics.PMD_ACT_REVISION, "PMD Act revision",
        ClusterDynamics.FINANCIAL_CRISIS, "financial crisis", ClusterDynamics.EARTHQUAKE, "earthquake and tsunami",
        ClusterDynamics.ORGANIZATION_FOUNDED, "promotion organization founded", ClusterDynamics.CENTRE_OPENED,
        "development centre opens");
    List<ChartEvent> events = new ArrayList<>();
    for (String e : scenario.eventNames()) {
      int at = e.lastIndexOf('@');
      String name = e.substring(0, at);
      events.add(ChartEvent.of(Integer.parseInt(e.substring(at + 1)), words.getOrDefault(name, name)));
    }
    int first = scenario.schedule().year(0);
    int last = scenario.schedule().year(scenario.schedule().size() - 1);
    Map<Integer, List<String>> cliffs = new TreeMap<>();
    for (ProgramTerm t : ClusterDynamics.fukushimaBuilder(world, last).nationalPrograms()) {
      if (t.lastYear() + 1 > first && t.lastYear() + 1 <= last) {
        cliffs.computeIfAbsent(t.lastYear() + 1, y -> new ArrayList<>()).add(t.program().value());
      }
    }
    cliffs.forEach((year, programs) -> events.add(ChartEvent.of(year, "funding cliff: "
        + String.join(", ", programs) + " ended")));
    events.sort((a, b) -> Integer.compare(a.year(), b.year()));
    return events;
  }

  private ProjectionChart.Builder projection(ExperimentResult result, String metric, String axis) {
    return ProjectionChart.builder(result, run.scenario(), metric).axisLabel(axis).timeLabel("Year (fiscal)")
        .observed(Observation.fukushima()).calibratedThrough(CALIBRATED_THROUGH).events(events);
  }

  /**
   * Draws and writes every chart of the experiments.
   *
   * @return the files written
   */
  List<Path> charts() {
    List<Path> files = new ArrayList<>();
    ExperimentResult baseline = run.results().get(BASELINE_EXPERIMENT);
    for (Headline h : HEADLINES) {
      ProjectionChart chart = projection(baseline, h.metric(), h.axis()).point(0, "default policies")
          .title(h.title() + ", " + run.replications() + " runs").build();
      files.add(add(out.resolve("projection-" + h.metric() + ".png"), chart));
    }
    for (int k = 0; k < run.results().size(); k++) {
      PolicyExperiments.Lever<?> lever = PolicyExperiments.LEVERS.get(k);
      ProjectionChart chart = projection(run.results().get(k), ClusterDynamics.REGISTERED,
          "Registered manufacturers (firms)").point(0, lever.labelA()).point(1, lever.labelB())
          .title("Registered manufacturers — " + lever.title()).build();
      files.add(add(out.resolve(lever.slug()).resolve("registered-manufacturers.png"), chart));
    }
    files.add(add(out.resolve("stage-mix.png"), StageMixChart.builder(baseline, run.scenario(), 0)
        .title("Firms by entry stage, mean of " + run.replications() + " runs, default policies")
        .timeLabel("Year (fiscal)").build()));
    files.add(add(out.resolve("policy-effects.png"), forestPlot()));
    for (Headline h : HEADLINES) {
      if (PosteriorProjections.PROJECTED.containsKey(h.metric())) {
        files.add(add(out.resolve("posterior-" + h.metric() + ".png"), predictive(h)));
      }
    }
    written.addAll(files);
    return files;
  }

  /** The posterior predictive fan of a headline metric. */
  private PredictiveChart predictive(Headline h) {
    PredictiveChart.Builder b = PredictiveChart.builder(h.metric()).axisLabel(h.axis()).timeLabel("Year (fiscal)")
        .title(h.title() + ", posterior predictive").observed(Observation.fukushima())
        .calibratedThrough(CALIBRATED_THROUGH).events(events)
        .bandLabel(run.posterior().draws() + " posterior draws, a run each, with the model discrepancy");
    Scenario<ClusterState> s = run.scenario();
    for (int t = 0; t < s.schedule().size(); t++) {
      String year = s.schedule().label(t);
      Band b50 = run.posterior().predictive().band(h.metric(), year, 0.5);
      Band b90 = run.posterior().predictive().band(h.metric(), year, 0.9);
      b.step(s.schedule().year(t), b50.median(), b50.lower(), b50.upper(), b90.lower(), b90.upper());
    }
    return b.build();
  }

  private Path add(Path file, Picture picture) {
    picture.writePng(file);
    pictures.put(file, picture);
    return file;
  }

  private ForestPlot forestPlot() {
    ForestPlot.Builder b = ForestPlot.builder("Paired policy effects with 95% CIs (second policy − first), "
        + run.replications() + " pairs of runs each");
    for (PolicyExperiments.Row r : run.rows()) {
      b.effect(ForestPlot.Effect.of(WORDS.get(r.metric()).replaceFirst(" \\(", " in " + r.year() + " ("),
          r.lever().title().substring(0, 4) + r.lever().labelB() + " − " + r.lever().labelA(), r.difference()));
    }
    return b.note("Policies: " + String.join("; ", PolicyExperiments.LEVERS.stream().map(PolicyExperiments.Lever::title)
        .toList()) + ".").build();
  }

  /**
   * Adds a picture drawn elsewhere (the support-network map) to the report.
   *
   * @param file the PNG file, written already
   * @param title its title
   * @param caption its caption
   */
  void image(Path file, String title, String caption) {
    byte[] png;
    try {
      png = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the image " + file + " for the report", e);
    }
    pictures.put(file, new Picture() {
      @Override
      public String title() {
        return title;
      }

      @Override
      public String caption() {
        return caption;
      }

      @Override
      public byte[] png() {
        return png.clone();
      }
    });
  }

  /**
   * Writes {@code report.html}.
   *
   * @param otherFiles the other files of the output folder, listed in the report
   * @return the report's path
   */
  Path write(List<Path> otherFiles) {
    Scenario<ClusterState> s = run.scenario();
    String period = s.schedule().label(0) + "–" + s.schedule().label(s.schedule().size() - 1);
    Report.Builder r = Report.builder("Renkei — the Fukushima medical-device cluster (医工連携)");
    r.heading("Summary")
        .paragraph(run.world() + ", simulated " + period + ". Four policy experiments, each two policies × "
            + run.replications() + " replications on common random numbers (seed " + run.seed() + "); the model is "
            + "calibrated on published figures up to FY" + CALIBRATED_THROUGH + ", later years are "
            + "projection. Every chart shows the mean of the runs, the 95% confidence interval of that mean and "
            + "the 5–95% range of the runs, with the published figures as points.")
        .paragraph("Matching round of the sample's needs (optimal matcher, ties up to 2016 as prior relationships, "
            + "the PMD Act's registrations as hard constraints): " + run.round().matchedCount() + " of "
            + (run.round().matchedCount() + run.round().unmatched().size()) + " needs matched.");

    r.heading("Policy effects");
    figure(r, out.resolve("policy-effects.png"));
    r.table(effectsTable());

    r.heading("Headline metrics against the published figures");
    for (Headline h : HEADLINES) {
      figure(r, out.resolve("projection-" + h.metric() + ".png"));
    }
    figure(r, out.resolve("stage-mix.png"));

    r.heading("Projections over the posterior");
    r.paragraph("Bands drawn over the Bayesian posterior of the calibrated parameters (ABC-SMC on the figures up to"
        + " FY" + CALIBRATED_THROUGH + "), one run per draw, plus a model discrepancy whose size is estimated from"
        + " the same figures: the median and the central 50% and 90% of the draws. These are where the figures may"
        + " fall, not confidence intervals of a mean.");
    for (Headline h : HEADLINES) {
      if (PosteriorProjections.PROJECTED.containsKey(h.metric())) {
        figure(r, out.resolve("posterior-" + h.metric() + ".png"));
      }
    }
    r.table(posteriorEffectsTable());

    r.heading("Registered manufacturers under each policy");
    for (PolicyExperiments.Lever<?> lever : PolicyExperiments.LEVERS) {
      figure(r, out.resolve(lever.slug()).resolve("registered-manufacturers.png"));
    }

    List<Path> done = new ArrayList<>(written);
    r.heading("Maps and networks");
    pictures.forEach((file, picture) -> {
      if (!done.contains(file)) {
        r.figure(picture);
      }
    });

    r.heading("Matching round").table(matchingTable());

    r.heading("Run manifests");
    for (PolicyExperiments.Lever<?> lever : PolicyExperiments.LEVERS) {
      Path manifest = out.resolve(lever.slug()).resolve("manifest.json");
      try {
        r.preformatted(lever.title() + " — " + out.relativize(manifest), Files.readString(manifest).strip());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the run manifest " + manifest + " for the report", e);
      }
    }

    r.heading("How to reproduce")
        .paragraph("Run the same command with the same version: the numbers are identical whatever the number of "
            + "threads (--threads changes the speed, never the results).")
        .preformatted("Command", run.command())
        .preformatted("What it printed about the policy experiments", run.console().strip())
        .table(Table.of("The run", List.of("what", "value"), List.of(
            List.of("seed", Long.toString(run.seed())),
            List.of("replications per policy", Integer.toString(run.replications())),
            List.of("Renkei version", RunManifest.libraryVersion()),
            List.of("Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"),
            List.of("operating system", System.getProperty("os.name") + " " + System.getProperty("os.arch")))));

    List<Path> files = new ArrayList<>(otherFiles);
    files.addAll(written);
    Path report = out.resolve("report.html");
    files.add(report);
    r.heading("Files in this folder").preformatted(String.join("\n", files.stream().distinct()
        .map(p -> out.relativize(p).toString()).sorted().toList()));
    return r.build().write(report);
  }

  private void figure(Report.Builder r, Path file) {
    Picture p = pictures.get(file);
    if (p == null) {
      throw new IllegalStateException("no chart drawn for " + file + ": call charts() before write()");
    }
    r.figure(p);
  }

  private Table effectsTable() {
    List<List<String>> rows = new ArrayList<>();
    for (PolicyExperiments.Row row : run.rows()) {
      rows.add(List.of(row.lever().title(), WORDS.get(row.metric()), row.year(), row.lever().labelA(),
          interval(row.a()), row.lever().labelB(), interval(row.b()), PolicyExperiments.difference(row.difference()),
          Integer.toString(row.difference().pairs())));
    }
    return Table.of("Paired policy effects: each policy's mean [95% CI] and the paired difference (second − first) "
        + "[95% CI]", List.of("experiment", "metric", "year", "first policy", "mean [95% CI]", "second policy",
        "mean [95% CI]", "difference [95% CI]", "pairs"), rows);
  }

  private Table posteriorEffectsTable() {
    List<List<String>> rows = new ArrayList<>();
    for (PosteriorProjections.Effect e : run.posterior().effects()) {
      Statistics.Interval i = e.effect().interval(0.9);
      rows.add(List.of(e.lever().title(), WORDS.get(e.metric()), e.year(), e.lever().labelB() + " − "
          + e.lever().labelA(), String.format(Locale.ROOT, "%+.2f", e.effect().median()),
          String.format(Locale.ROOT, "[%+.2f, %+.2f]", i.lower(), i.upper()),
          String.format(Locale.ROOT, "%.0f%%", 100 * e.effect().shareAbove(0))));
    }
    return Table.of("Policy effects over the posterior: " + run.posterior().effectDraws() + " draws, each the mean of "
        + PosteriorProjections.EFFECT_REPLICATIONS + " paired runs of both policies on common random numbers", List.of("experiment", "metric", "year", "effect",
        "median", "90% of draws", "draws with effect > 0"), rows);
  }

  private static String interval(Statistics s) {
    return PolicyExperiments.interval(s);
  }

  private Table matchingTable() {
    List<List<String>> rows = new ArrayList<>();
    for (Assignment a : run.round().assignments()) {
      rows.add(List.of(a.need().toString(), "matched", a.supplier().toString() + (a.locked() ? " (locked)" : ""),
          String.format(Locale.ROOT, "%.3f", a.score().total()), a.score().toString()));
    }
    for (Unmatched u : run.round().unmatched()) {
      rows.add(List.of(u.need().toString(), "unmatched", "", "", u.explanation().summary()));
    }
    return Table.of("The matching round of the sample's needs: " + run.round(), List.of("need", "outcome", "supplier",
        "score", "score components or why unmatched"), rows);
  }
}
