package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.io.ClusterCsv;
import io.github.renkei.cluster.io.ClusterJson;
import io.github.renkei.cluster.io.CsvSink;
import io.github.renkei.cluster.io.RunFolder;
import io.github.renkei.cluster.io.RunManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, in temporary folders. */
class RenkeiCliTest {

  /** What one run printed and returned. */
  record Run(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  static Run renkei(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Renkei.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  private static void assertBadInput(Run r, String... fragments) {
    assertEquals(Renkei.BAD_INPUT, r.code(), r.toString());
    assertEquals(1, r.errLines().size(), "one line: " + r.err());
    for (String f : fragments) {
      assertTrue(r.err().contains(f), "'" + f + "' not in " + r.err());
    }
  }

  private static long files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      // the run folder's marker is the folder's, not one of the job's files
      return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(RunFolder.MARKER)).count();
    }
  }

  @Test
  void helpListsTheCommands() {
    Run r = renkei("--help");
    assertEquals(0, r.code());
    for (String c : List.of("fukushima", "match", "catalog", "simulate")) {
      assertTrue(r.out().contains(c), r.out());
    }
    for (String c : List.of("fukushima", "match", "catalog", "simulate")) {
      assertEquals(0, renkei(c, "--help").code(), c);
    }
  }

  @Test
  void theMainJobWritesRowsManifestsChartsAndASummary(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    Run r = renkei("fukushima", "--replications", "6", "--until", "2020", "--posterior-draws", "16", "--threads", "2",
        "--no-progress", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("MatchResult[optimal"), r.out());
    assertTrue(r.out().contains("unmatched:"), r.out());
    assertTrue(r.out().contains("(2) nationwide council"), r.out());
    assertTrue(r.out().contains("registered-manufacturers (2020)"), r.out());
    assertTrue(r.out().contains("Wrote 29 files to " + out.toAbsolutePath().normalize()), r.out());
    assertEquals(29, files(out));
    // the projections over the posterior: printed, charted and written, each band saying what it is
    assertTrue(r.out().contains("Projections over the posterior"), r.out());
    assertTrue(r.out().contains("Model discrepancy estimated from 16 calibration targets"), r.out());
    assertTrue(r.out().contains("Policy effects over the posterior: 4 draws, each the mean of 10 paired runs"), r.out());
    List<String> projections = Files.readAllLines(out.resolve("projections.csv"));
    assertEquals("metric,year,band,level,lower,median,upper,observed", projections.get(0));
    // 4 metrics × 16 years × 2 levels
    assertEquals(1 + 4 * 16 * 2, projections.size());
    assertTrue(projections.stream().anyMatch(l -> l.startsWith("registered-manufacturers,2016,"
        + "posterior-predictive+discrepancy,0.9,")), projections.toString());
    assertTrue(projections.stream().filter(l -> l.startsWith("registered-manufacturers,2016,")).allMatch(l ->
        l.endsWith(",74.0")), "the observed figure beside its band");
    List<String> effects = Files.readAllLines(out.resolve("posterior-effects.csv"));
    assertEquals("experiment,metric,year,policy_a,policy_b,draws,median_effect,draws90_lower,draws90_upper,"
        + "share_above_zero", effects.get(0));
    assertEquals(1 + 16, effects.size());
    assertTrue(Files.readAllLines(out.resolve("summary.csv")).get(0).contains("mean_ci95_lower_a"));
    for (String metric : List.of("registered-manufacturers", "parts-shipments", "production-value")) {
      assertTrue(Files.size(out.resolve("posterior-" + metric + ".png")) > 1000, metric);
    }
    for (String lever : List.of("specialists", "council", "support-focus", "funding-bridge")) {
      assertTrue(RunManifest.read(out.resolve(lever).resolve("manifest.json")).completed(), lever);
      // 2 policies × 6 replications × 16 years × the metrics written
      assertEquals(2 * 6 * 16 * FukushimaCommand.WRITTEN.size(),
          CsvSink.read(out.resolve(lever).resolve("results.csv")).size(), lever);
      // the manifest describes exactly the rows of results.csv
      RunManifest manifest = RunManifest.read(out.resolve(lever).resolve("manifest.json"));
      assertEquals(2 * 6 * 16 * FukushimaCommand.WRITTEN.size(), manifest.rows(), lever);
      assertEquals(FukushimaCommand.WRITTEN, java.util.Set.copyOf(manifest.metrics()), lever);
      assertTrue(Files.size(out.resolve(lever).resolve("registered-manufacturers.png")) > 1000);
    }
    assertEquals(1 + 16, Files.readAllLines(out.resolve("summary.csv")).size());
    assertTrue(Files.size(out.resolve("stage-mix.png")) > 1000);
    assertTrue(Files.size(out.resolve("support-network.png")) > 1000);
    assertTrue(Files.size(out.resolve("coverage-map.png")) > 1000);
    for (String metric : List.of("registered-manufacturers", "parts-shipments", "production-value", "know-how-lead",
        "firms-own-product", "ties-horizontal")) {
      assertTrue(Files.size(out.resolve("projection-" + metric + ".png")) > 1000, metric);
      assertTrue(r.out().contains("projection-" + metric + ".png"), "listed: " + metric);
    }
    assertTrue(Files.size(out.resolve("policy-effects.png")) > 1000);
    String report = Files.readString(out.resolve("report.html"));
    // 6 headline metrics, the stage mix, the forest plot, 4 experiments, 3 posterior fans, the network map, the
    // coverage map
    assertEquals(17, report.split("src=\"data:image/png;base64,", -1).length - 1);
    assertEquals(4, report.split("<table id=", -1).length - 1);
    assertTrue(r.out().contains("report.html"), r.out());
  }

  @Test
  void theMainJobRejectsBadFlags(@TempDir Path dir) throws IOException {
    assertBadInput(renkei("fukushima", "--until", "2010", "--out", dir.resolve("x").toString()), "2010");
    assertBadInput(renkei("fukushima", "--replications", "1", "--out", dir.resolve("x").toString()), "at least 2");
    assertBadInput(renkei("fukushima", "--posterior-draws", "3", "--out", dir.resolve("x").toString()),
        "--posterior-draws must be at least 8 (for bands) but was 3");
    assertBadInput(renkei("fukushima", "--frobnicate"), "--frobnicate");
    assertBadInput(renkei("fukushima", "--seed", "abc"), "abc");
    assertBadInput(renkei("frobnicate"), "frobnicate");
    assertEquals(0, files(dir));
  }

  @Test
  void catalogListsTheNationwideNetworkByBlock() {
    Run r = renkei("catalog");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("64 organizations, 6 hubs (★)"), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  ★ fmdipo ") && l.contains("ふくしま医療機器産業推進機構")),
        r.out());
    assertTrue(renkei("catalog", "--block", "KYUSHU").out().contains("Kyushu"));
    assertTrue(renkei("catalog", "--block", "kyushu").out().contains("Kyushu"));
    assertBadInput(renkei("catalog", "--block", "ATLANTIS"), "ATLANTIS");
  }

  @Test
  void matchReadsAUsersClusterFromJsonOrCsvAndWritesTheResult(@TempDir Path dir) throws IOException {
    Path json = dir.resolve("cluster.json");
    ClusterJson.write(FukushimaSample.cluster(), json);
    Path csvFolder = dir.resolve("cluster");
    Files.createDirectories(csvFolder);
    ClusterCsv.write(FukushimaSample.cluster(), csvFolder);
    Path result = dir.resolve("result.csv");
    Run fromJson = renkei("match", "--cluster", json.toString(), "--year", "2016", "--out", result.toString());
    assertEquals(0, fromJson.code(), fromJson.err());
    assertTrue(fromJson.out().contains("MatchResult[optimal"), fromJson.out());
    Run fromCsv = renkei("match", "--cluster", csvFolder.toString(), "--year", "2016");
    assertEquals(0, fromCsv.code(), fromCsv.err());
    assertTrue(fromJson.out().contains("wrote " + result), fromJson.out());
    assertEquals(fromJson.out().lines().skip(1).filter(l -> !l.startsWith("wrote ")).toList(),
        fromCsv.out().lines().skip(1).toList());
    List<String> lines = Files.readAllLines(result);
    assertEquals("need,status,supplier,score,explanation", lines.get(0));
    assertEquals(1 + FukushimaSample.cluster().needs().size(), lines.size());
    assertTrue(renkei("match", "--cluster", json.toString(), "--matcher", "stable").out().contains("stable"));
  }

  @Test
  void matchRejectsMissingAndMalformedFilesWithOneLine(@TempDir Path dir) throws IOException {
    assertBadInput(renkei("match", "--cluster", dir.resolve("missing.json").toString()), "missing.json");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"format\": \"renkei-cluster\", \"organizations\": [ {");
    assertBadInput(renkei("match", "--cluster", broken.toString()), "broken.json");
    assertBadInput(renkei("match"), "--cluster");
    assertBadInput(renkei("match", "--cluster", broken.toString(), "--matcher", "magic"), "magic");
    Path out = dir.resolve("nowhere").resolve("result.csv");
    Path json = dir.resolve("ok.json");
    ClusterJson.write(FukushimaSample.cluster(), json);
    assertBadInput(renkei("match", "--cluster", json.toString(), "--out", out.toString()), "nowhere");
  }

  @Test
  void simulateRunsAConfigToCsvAndAManifest(@TempDir Path dir) throws IOException {
    Path config = dir.resolve("experiment.json");
    Files.writeString(config, """
        {"scenario": "fukushima", "lastYear": 2018,
         "parameters": {"rotation-years": 2, "council": true},
         "grid": {"development-share": [0.1, 0.7]},
         "replications": 4, "seed": 7, "threads": 2}
        """);
    Path out = dir.resolve("sim");
    Run r = renkei("simulate", "--config", config.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("2 grid point(s) × 4 replications, seed 7"), r.out());
    RunManifest manifest = RunManifest.read(out.resolve("manifest.json"));
    assertTrue(manifest.completed());
    assertEquals(7L, manifest.seed());
    assertEquals(2 * 4 * 14 * io.github.renkei.cluster.dynamics.ClusterDynamics.fukushima().metricNames().size(),
        CsvSink.read(out.resolve("results.csv")).size());
  }

  @Test
  void simulateRejectsBadConfigsAndWritesNothing(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("sim");
    for (String[] c : List.of(
        new String[] {"{\"parameters\": {\"rotation-yeers\": 2}}", "rotation-yeers"},
        new String[] {"{\"grid\": {\"development-share\": [0.1, 1.5]}}", "1.5"},
        new String[] {"{\"replications\": \"many\"}", "replications"},
        new String[] {"{\"scenario\": \"osaka\"}", "osaka"},
        new String[] {"{\"colour\": \"blue\"}", "colour"},
        new String[] {"{\"seed\": 1,\n \"grid\": [}", "line 2"})) {
      Path config = dir.resolve("bad.json");
      Files.writeString(config, c[0]);
      assertBadInput(renkei("simulate", "--config", config.toString(), "--out", out.toString()), c[1]);
    }
    assertBadInput(renkei("simulate", "--config", dir.resolve("none.json").toString()), "none.json");
    assertFalse(Files.exists(out.resolve("results.csv")));
  }
}
