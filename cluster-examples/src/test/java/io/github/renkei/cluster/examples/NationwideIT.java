package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.dynamics.NationwideDynamics;
import io.github.renkei.cluster.io.CsvSink;
import io.github.renkei.cluster.io.RunManifest;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.simulation.ResultRow;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code renkei nationwide} as a process (issue 20): the policy experiments over all 47
 * prefectures with progress on standard error, the table of paired differences on standard
 * output, every file of the folder, the same results.csv for 1 and 2 threads, and bad options
 * that exit with code 2, one line naming the value, and nothing written.
 */
class NationwideIT {

  private static final List<String> FILES = List.of("results.csv", "manifest.json", "comparisons.csv",
      "coverage.png", "map-field-share.png", "map-council-effect.png", "map-cross-border.png");

  private static final String NUMBER = "[-+]?\\d+\\.\\d{3}";

  /** A row of the table: lever, metric (year), both means, the difference [CI], what the CI says. */
  private static final Pattern ROW = Pattern.compile("  (.+?) +([a-z-]+) \\((\\d{4})\\) +(" + NUMBER + ") +("
      + NUMBER + ") +(" + NUMBER + ") \\[(" + NUMBER + "), (" + NUMBER + ")\\] +(higher|lower|closes gaps|widens gaps"
      + "|CI spans 0|no difference)");

  @TempDir
  static Path shared;

  private static Path out;
  private static RenkeiProcess.Result run;

  @BeforeAll
  static void runTheExperiments() {
    out = shared.resolve("nationwide");
    run = RenkeiProcess.renkei("nationwide", "--firms", "2000", "--replications", "4", "--last-year", "2012",
        "--threads", "2", "--out", out.toString()).run();
  }

  @Test
  void printsOneRowPerLeverMetricAndYearWithNumbersThatParse() {
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.out().startsWith("Renkei — all 47 prefectures in one simulation, 2005–2012"), run.toString());
    Set<String> seen = new TreeSet<>();
    for (String line : run.outLines()) {
      Matcher m = ROW.matcher(line);
      if (!m.matches()) {
        continue;
      }
      seen.add(m.group(1) + "|" + m.group(2) + "|" + m.group(3));
      for (int g = 4; g <= 8; g++) {
        assertTrue(Double.isFinite(Double.parseDouble(m.group(g))), line);
      }
      double difference = Double.parseDouble(m.group(6));
      assertTrue(Double.parseDouble(m.group(7)) <= difference && difference <= Double.parseDouble(m.group(8)), line);
      // the difference is of the two means printed beside it, to the printed precision
      assertEquals(Double.parseDouble(m.group(5)) - Double.parseDouble(m.group(4)), difference, 0.0015, line);
    }
    Set<String> expected = new TreeSet<>();
    for (NationwideExperiments.Lever lever : NationwideExperiments.Lever.values()) {
      // the last year is 2012, before 2016: the cross-border matches are read in 2012
      for (String metric : List.of(NationwideDynamics.REGISTERED + "|2012", NationwideDynamics.COVERAGE_TO_DATE + "|2012", NationwideDynamics.CROSS_BORDER_MATCHES + "|2012",
          NationwideDynamics.CROSS_BLOCK + "|2012", NationwideDynamics.SPREAD + "|2012")) {
        expected.add(lever.label() + "|" + metric);
      }
    }
    assertEquals(expected, seen, run.toString());
    assertTrue(run.out().contains("Wrote 7 files to " + out.toAbsolutePath().normalize() + ":"), run.toString());
    for (String f : FILES) {
      assertTrue(run.outLines().contains("  " + f), f + "\n" + run);
    }
  }

  @Test
  void progressGoesToStandardErrorAsPlainLines() {
    assertEquals(0, run.code(), run.toString());
    assertFalse(run.err().contains("\r"), run.toString());
    List<String> lines = run.errLines();
    assertFalse(lines.isEmpty(), run.toString());
    assertTrue(lines.get(lines.size() - 1).matches("replications 16/16 \\(100%\\) in \\d+\\.\\d s"), run.toString());
    assertTrue(lines.stream().allMatch(l -> l.startsWith("replications ")), run.toString());
  }

  @Test
  void writesEveryFileWithChartsMapsAndThePerPrefectureMetrics() throws IOException {
    assertEquals(0, run.code(), run.toString());
    for (String f : FILES) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    for (String png : List.of("coverage.png", "map-field-share.png", "map-council-effect.png",
        "map-cross-border.png")) {
      BufferedImage image = ImageIO.read(out.resolve(png).toFile());
      assertNotNull(image, png);
      assertTrue(image.getWidth() >= 600 && image.getHeight() >= 400, png);
    }

    List<String> comparisons = Files.readAllLines(out.resolve("comparisons.csv"), StandardCharsets.UTF_8);
    assertEquals("lever,metric,year,baseline,mean_baseline,mean_ci95_lower_baseline,mean_ci95_upper_baseline,policy,"
        + "mean_policy,mean_ci95_lower_policy,mean_ci95_upper_policy,difference,difference_ci95_lower,"
        + "difference_ci95_upper,pairs,ci_says", comparisons.get(0));
    assertEquals(1 + 3 * 5, comparisons.size(), String.join("\n", comparisons));
    assertTrue(comparisons.stream().skip(1).allMatch(l -> l.split(",")[14].equals("4")), String.join("\n", comparisons));

    List<ResultRow> rows = CsvSink.read(out.resolve("results.csv"));
    assertEquals(List.of("run", "scenario", "point", "replication", "step", "time", "metric", "value", "council",
        "hub-plan"), List.of(Files.readAllLines(out.resolve("results.csv")).get(0).split(",")));
    Map<String, Set<String>> yearsByMetric = rows.stream().collect(Collectors.groupingBy(ResultRow::metric,
        Collectors.mapping(ResultRow::time, Collectors.toSet())));
    for (String metric : NationwideDynamics.METRICS) {
      assertEquals(8, yearsByMetric.get(metric).size(), metric);   // every year, 2005–2012
    }
    for (Prefecture p : Prefecture.values()) {
      for (String prefix : List.of(NationwideDynamics.REGISTERED_PREFIX, NationwideDynamics.FIELD_SHARE_PREFIX,
          NationwideDynamics.COVERED_PREFIX, NationwideDynamics.SUPPLIED_PREFIX, NationwideDynamics.SERVED_PREFIX)) {
        assertEquals(Set.of("2012"), yearsByMetric.get(NationwideDynamics.prefectureMetric(prefix, p)), prefix + p);
      }
    }
    // 4 grid points × 4 replications: the nationwide metrics × 8 years and 235 per-prefecture ones in 2012
    assertEquals(4 * 4 * (NationwideDynamics.METRICS.size() * 8 + 47 * 5), rows.size());
    RunManifest manifest = RunManifest.read(out.resolve("manifest.json"));
    assertTrue(manifest.completed(), manifest.toString());
    assertEquals(rows.size(), manifest.rows(), manifest.toString());
  }

  @Test
  void oneThreadGivesTheSameResultsByteForByte() throws IOException {
    assertEquals(0, run.code(), run.toString());
    Path again = shared.resolve("again");
    RenkeiProcess.Result one = RenkeiProcess.renkei("nationwide", "--firms", "2000", "--replications", "4",
        "--last-year", "2012", "--threads", "1", "--no-progress", "--out", again.toString()).run();
    assertEquals(0, one.code(), one.toString());
    assertEquals("", one.err(), one.toString());
    assertArrayEquals(Files.readAllBytes(out.resolve("results.csv")), Files.readAllBytes(again.resolve("results.csv")));
    assertArrayEquals(Files.readAllBytes(out.resolve("comparisons.csv")),
        Files.readAllBytes(again.resolve("comparisons.csv")));
  }

  @Test
  void badOptionsExitWithCodeTwoNamingTheValueAndWriteNothing() {
    String[][] cases = {
        {"--replications", "0", "--replications must be at least 2", "but was 0"},
        {"--replications", "-3", "--replications must be at least 2", "but was -3"},
        {"--firms", "46", "--firms must be at least 47", "but was 46"},
        {"--last-year", "2004", "--last-year must be within 2005..2200", "but was 2004"},
        {"--last-year", "2201", "--last-year must be within 2005..2200", "but was 2201"},
        {"--threads", "0", "--threads must be at least 1", "but was 0"},
        {"--firms", "many", "--firms", "'many'"},
        {"--colour", "blue", "Unknown option", "--colour"},
    };
    for (String[] c : cases) {
      Path none = shared.resolve("none");
      RenkeiProcess.Result r = RenkeiProcess.renkei("nationwide", c[0], c[1], "--out", none.toString()).run();
      String what = String.join(" ", c[0], c[1]) + "\n" + r;
      assertEquals(Renkei.BAD_INPUT, r.code(), what);
      assertEquals(1, r.errLines().size(), what);
      assertTrue(r.err().startsWith("renkei nationwide: "), what);
      assertTrue(r.err().contains(c[2]) && r.err().contains(c[3]), what);
      assertEquals("", r.out(), what);
      assertFalse(Files.exists(none), what);
    }
  }

  @Test
  void hasHelpAndVersionLikeTheOtherCommands() {
    RenkeiProcess.Result top = RenkeiProcess.renkei("--help").run();
    assertTrue(top.out().contains("  nationwide "), top.toString());
    RenkeiProcess.Result help = RenkeiProcess.renkei("nationwide", "--help").run();
    assertEquals(0, help.code(), help.toString());
    assertEquals("", help.err(), help.toString());
    assertTrue(help.out().startsWith("Usage: renkei nationwide"), help.toString());
    for (String option : List.of("--replications", "--firms", "--last-year", "--seed", "--threads", "--out")) {
      assertTrue(help.out().contains(option), option + "\n" + help);
    }
  }
}
