package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code renkei simulate} as a process: every metric printed (or those of {@code --metrics}),
 * progress on standard error that a log can keep (issue 15), and a strict reading of the config
 * whose every error names the file, the field and the value (issue 19).
 */
class SimulateIT {

  private static final String SMALL = """
      {"lastYear": 2018, "grid": {"council": [false, true]}, "replications": 3, "seed": 7, "threads": 2}
      """;

  private static final Pattern LAST_PROGRESS_LINE =
      Pattern.compile("replications 6/6 \\(100%\\) in \\d+\\.\\d s");

  @Test
  void printsEveryMetricOfTheScenarioPerGridPoint(@TempDir Path dir) throws IOException {
    Path config = write(dir, "experiment.json", SMALL);
    RenkeiProcess.Result r = RenkeiProcess.renkei("simulate", "--config", config.toString(), "--out",
        dir.resolve("sim").toString()).run();
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("fukushima, 2 grid point(s) × 3 replications, seed 7; in 2018, mean [95% CI]:"),
        r.toString());
    for (String metric : ClusterDynamics.fukushima().metricNames()) {
      assertEquals(2, r.outLines().stream().filter(l -> l.matches("    " + Pattern.quote(metric)
          + " +-?\\d+\\.\\d\\d \\[-?\\d+\\.\\d\\d, -?\\d+\\.\\d\\d\\]")).count(), metric + "\n" + r);
    }
  }

  @Test
  void metricsSelectsWhatIsPrintedAndAnUnknownMetricIsNamed(@TempDir Path dir) throws IOException {
    Path config = write(dir, "experiment.json", SMALL);
    RenkeiProcess.Result r = RenkeiProcess.renkei("simulate", "--config", config.toString(), "--out",
        dir.resolve("sim").toString(), "--metrics", "registered-manufacturers,ties-horizontal").run();
    assertEquals(0, r.code(), r.toString());
    List<String> printed = r.outLines().stream().filter(l -> l.startsWith("    ")).map(l -> l.strip().split(" ")[0])
        .toList();
    assertEquals(List.of("registered-manufacturers", "ties-horizontal", "registered-manufacturers",
        "ties-horizontal"), printed, r.toString());

    Path out = dir.resolve("none");
    RenkeiProcess.Result bad = RenkeiProcess.renkei("simulate", "--config", config.toString(), "--out",
        out.toString(), "--metrics", "registered,ties-horizontal").run();
    assertEquals(Renkei.BAD_INPUT, bad.code(), bad.toString());
    assertEquals(1, bad.errLines().size(), bad.toString());
    assertTrue(bad.err().contains("--metrics: 'registered' is not a metric"), bad.toString());
    assertTrue(bad.err().contains("registered-manufacturers"), bad.toString());   // the list to choose from
    assertFalse(Files.exists(out));
  }

  @Test
  void progressWithoutATerminalIsPlainLinesWithoutCarriageReturns(@TempDir Path dir) throws IOException {
    Path config = write(dir, "experiment.json", SMALL);
    RenkeiProcess.Result r = RenkeiProcess.renkei("simulate", "--config", config.toString(), "--out",
        dir.resolve("sim").toString()).run();
    assertEquals(0, r.code(), r.toString());
    assertFalse(r.err().contains("\r"), r.toString());
    List<String> lines = r.errLines();
    assertTrue(LAST_PROGRESS_LINE.matcher(lines.get(lines.size() - 1)).matches(), r.toString());
    assertTrue(lines.stream().allMatch(l -> l.startsWith("replications ")), r.toString());

    RenkeiProcess.Result quiet = RenkeiProcess.renkei("simulate", "--config", config.toString(), "--out",
        dir.resolve("sim2").toString(), "--no-progress").run();
    assertEquals(0, quiet.code(), quiet.toString());
    assertEquals("", quiet.err(), quiet.toString());
  }

  @Test
  void theMainJobsProgressWithoutATerminalIsPlainLinesToo(@TempDir Path dir) {
    RenkeiProcess.Result r = RenkeiProcess.renkei("fukushima", "--replications", "2", "--until", "2016",
        "--posterior-draws", "8", "--threads", "2", "-o", dir.resolve("out").toString()).run();
    assertEquals(0, r.code(), r.toString());
    assertFalse(r.err().contains("\r"), r.toString());
    // the policy experiments' replications, then the draws over the posterior: 8 predictive, 4 × 2 for the effects
    assertTrue(r.errLines().stream().anyMatch(l -> l.matches("replications 16/16 \\(100%\\) in \\d+\\.\\d s")),
        r.toString());
    assertTrue(r.errLines().get(r.errLines().size() - 1).matches("posterior draws 16/16 \\(100%\\) in \\d+\\.\\d s"),
        r.toString());
    assertTrue(r.errLines().stream().allMatch(l -> l.startsWith("replications ") || l.startsWith("posterior draws ")),
        r.toString());
  }

  /** The cases of issue 19 as a process; {@link SimulateConfigTest} has the rest in the same JVM. */
  @Test
  void aLenientConfigIsRejectedNamingTheFileTheFieldAndTheValue(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("sim");
    for (String[] c : SimulateConfigTest.ISSUE_19) {
      Path config = write(dir, "config-" + Integer.toHexString(c[0].hashCode()) + ".json", c[0]);
      RenkeiProcess.Result r = RenkeiProcess.renkei("simulate", "--config", config.toString(), "--out",
          out.toString()).run();
      assertEquals(Renkei.BAD_INPUT, r.code(), c[0] + "\n" + r);
      assertEquals(1, r.errLines().size(), c[0] + "\n" + r);
      assertTrue(r.err().startsWith("renkei simulate: " + config + ": "), c[0] + "\n" + r);
      for (int i = 1; i < c.length; i++) {
        assertTrue(r.err().contains(c[i]), "'" + c[i] + "' not in the message of " + c[0] + "\n" + r);
      }
      assertFalse(Files.exists(out), c[0]);
    }
  }

  @Test
  void theConfigMayComeFromStandardInputOrAPipe(@TempDir Path dir) throws Exception {
    RenkeiProcess.Result fromStdin = RenkeiProcess.renkei("simulate", "--config", "-", "--out",
        dir.resolve("a").toString(), "--no-progress", "--metrics", "registered-manufacturers").stdin(SMALL).run();
    assertEquals(0, fromStdin.code(), fromStdin.toString());

    Path fifo = Fifo.make(dir.resolve("config.fifo"));
    CompletableFuture<Void> writer = Fifo.write(fifo, SMALL);
    RenkeiProcess.Result fromPipe = RenkeiProcess.renkei("simulate", "--config", fifo.toString(), "--out",
        dir.resolve("b").toString(), "--no-progress", "--metrics", "registered-manufacturers").run();
    assertEquals(0, fromPipe.code(), fromPipe.toString());
    Fifo.written(writer);
    assertEquals(fromStdin.outLines().subList(0, 4), fromPipe.outLines().subList(0, 4));
    RenkeiProcess.Result badStdin = RenkeiProcess.renkei("simulate", "--config", "-", "--out",
        dir.resolve("c").toString()).stdin("{\"seed\": 1.5}").run();
    assertEquals(Renkei.BAD_INPUT, badStdin.code(), badStdin.toString());
    assertTrue(badStdin.err().contains("standard input"), badStdin.toString());
  }

  /**
   * A config that switches the matching rounds to a weekly desk prints the desk's metrics; a bad
   * desk value is bad input naming the parameter and the value (issue 18).
   */
  @Test
  void aWeeklyDeskFromTheConfigPrintsTheDesksMetricsAndABadValueIsNamed(@TempDir Path dir) throws IOException {
    Path config = write(dir, "desk.json", """
        {"lastYear": 2018, "parameters": {"desk-rounds-per-year": 52, "desk-patience-days": 30},
         "grid": {"desk-contract-days": [30, 365]}, "replications": 3, "seed": 7, "threads": 2}
        """);
    RenkeiProcess.Result r = RenkeiProcess.renkei("simulate", "--config", config.toString(), "--out",
        dir.resolve("sim").toString(), "--no-progress").run();
    assertEquals(0, r.code(), r.toString());
    for (String metric : ClusterDynamics.DESK_METRICS) {
      assertEquals(2, r.outLines().stream().filter(l -> l.matches("    " + Pattern.quote(metric)
          + " +-?\\d+\\.\\d\\d \\[-?\\d+\\.\\d\\d, -?\\d+\\.\\d\\d\\]")).count(), metric + "\n" + r);
    }
    assertTrue(Files.readString(dir.resolve("sim").resolve("results.csv")).contains(ClusterDynamics.WAITING_DAYS));

    String[][] bad = {
      {"{\"parameters\": {\"desk-rounds-per-year\": 0}}", "desk-rounds-per-year", "0"},
      {"{\"grid\": {\"desk-rounds-per-year\": [52, 366]}}", "desk-rounds-per-year", "366"},
      {"{\"parameters\": {\"desk-patience-days\": -1}}", "desk-patience-days", "-1"},
      {"{\"parameters\": {\"desk-contract-days\": 0}}", "desk-contract-days", "0"}};
    for (String[] c : bad) {
      Path out = dir.resolve("bad");
      Path file = write(dir, "bad-" + Integer.toHexString(c[0].hashCode()) + ".json", c[0]);
      RenkeiProcess.Result e = RenkeiProcess.renkei("simulate", "--config", file.toString(), "--out",
          out.toString()).run();
      assertEquals(Renkei.BAD_INPUT, e.code(), c[0] + "\n" + e);
      assertEquals(1, e.errLines().size(), c[0] + "\n" + e);
      assertTrue(e.err().contains(c[1]) && e.err().contains("but was " + c[2]), c[0] + "\n" + e);
      assertFalse(Files.exists(out), c[0]);
    }
  }

  private static Path write(Path dir, String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
