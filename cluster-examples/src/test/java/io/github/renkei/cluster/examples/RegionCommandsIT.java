package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.Observation;
import io.github.renkei.cluster.dynamics.RegionProfile;
import io.github.renkei.cluster.io.ProfileJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own region from the command line, as issue 13 asks: {@code renkei sample} exports the
 * built-in region, the user edits the files, {@code renkei simulate --cluster --profile} runs
 * them with the initial state their file gives, {@code renkei calibrate} fits the profile's free
 * parameters and writes a profile that {@code simulate} accepts; every bad input is exit code 2
 * with one line naming the file, the field and the value, and nothing written.
 */
class RegionCommandsIT {

  @TempDir
  static Path shared;

  private static Path cluster;
  private static Path profile;
  private static Path observed;

  @BeforeAll
  static void exportFukushima() {
    cluster = shared.resolve("my-region.json");
    profile = shared.resolve("my-profile.json");
    observed = shared.resolve("my-observed.tsv");
    RenkeiProcess.Result r = RenkeiProcess.renkei("sample", "fukushima", "--out", cluster.toString(), "--profile",
        profile.toString(), "--observed", observed.toString()).run();
    assertEquals(0, r.code(), r.toString());
    assertEquals(3, r.outLines().size(), r.toString());
  }

  @Test
  void theNewCommandsHaveHelpAndVersionLikeTheOthers() {
    RenkeiProcess.Result top = RenkeiProcess.renkei("--help").run();
    for (String c : List.of("sample", "calibrate")) {
      assertTrue(top.out().contains("  " + c + " "), c + "\n" + top);
      RenkeiProcess.Result help = RenkeiProcess.renkei(c, "--help").run();
      assertEquals(0, help.code(), help.toString());
      assertEquals("", help.err(), help.toString());
      assertTrue(help.out().startsWith("Usage: renkei " + c), help.toString());
      RenkeiProcess.Result version = RenkeiProcess.renkei(c, "-V").run();
      assertEquals(0, version.code(), version.toString());
      assertTrue(version.out().startsWith("renkei "), version.toString());
    }
  }

  @Test
  void theExportedFilesAreTheShippedRegion() throws IOException {
    assertEquals(RegionProfile.fukushima(), ProfileJson.read(profile));
    assertTrue(Files.readString(observed).startsWith("# observed figures of region fukushima"));
    try (var reader = Files.newBufferedReader(observed)) {
      assertEquals(Observation.fukushima(), Observation.read(observed.toString(), reader));
    }
  }

  @Test
  void theExportedRegionRunsAsTheBuiltInScenarioAndIsComparedWithItsObservations(@TempDir Path dir)
      throws IOException {
    RenkeiProcess.Result mine = RenkeiProcess.renkei("simulate", "--cluster", cluster.toString(), "--profile",
        profile.toString(), "--observed", observed.toString(), "--replications", "3", "--seed", "7", "--threads", "2",
        "--out", dir.resolve("mine").toString()).run();
    assertEquals(0, mine.code(), mine.toString());
    assertTrue(Files.isRegularFile(dir.resolve("mine/results.csv")) && Files.isRegularFile(
        dir.resolve("mine/manifest.json")), mine.toString());
    assertTrue(mine.errLines().get(mine.errLines().size() - 1).matches("replications 3/3 \\(100%\\) in \\d+\\.\\d s"),
        "progress, and no warning: Fukushima's profile states every regional value\n" + mine);
    for (String metric : ClusterDynamics.fukushima().metricNames()) {
      assertEquals(1, mine.outLines().stream().filter(l -> l.matches("    " + Pattern.quote(metric)
          + " +-?\\d+\\.\\d\\d \\[-?\\d+\\.\\d\\d, -?\\d+\\.\\d\\d\\]")).count(), metric + "\n" + mine);
    }
    // the fit table: a row per observed metric and year (two sources of one year are one row)
    long figures = Observation.fukushima().stream().map(o -> o.metric() + o.year()).distinct().count();
    assertEquals(figures, mine.outLines().stream().filter(l -> l.matches(
        "  [a-z-]+ +20\\d\\d +-?\\d+\\.\\d\\d +-?\\d+\\.\\d\\d +\\[.*\\] +-?\\d+\\.\\d--?\\d+\\.\\d")).count(),
        mine.toString());

    Path config = Files.writeString(dir.resolve("c.json"), "{\"replications\": 3, \"seed\": 7, \"threads\": 2}");
    RenkeiProcess.Result builtIn = RenkeiProcess.renkei("simulate", "--config", config.toString(), "--out",
        dir.resolve("built-in").toString(), "--no-progress").run();
    assertEquals(0, builtIn.code(), builtIn.toString());
    assertEquals(metricLines(builtIn), metricLines(mine), "the exported files are the built-in region");

    Path folder = dir.resolve("csv");
    RenkeiProcess.Result csv = RenkeiProcess.renkei("sample", "fukushima", "--out", folder.toString()).run();
    assertEquals(0, csv.code(), csv.toString());
    RenkeiProcess.Result fromCsv = RenkeiProcess.renkei("simulate", "--cluster", folder.toString(), "--profile",
        profile.toString(), "--replications", "3", "--seed", "7", "--threads", "2", "--no-progress", "--out",
        dir.resolve("from-csv").toString()).run();
    assertEquals(metricLines(mine), metricLines(fromCsv), "a CSV folder is the same cluster\n" + fromCsv);
  }

  private static List<String> metricLines(RenkeiProcess.Result r) {
    return r.outLines().stream().filter(l -> l.startsWith("    ")).toList();
  }

  /**
   * The initial state is the file's: one firm moved from NONE to PARTS_SUPPLY in the cluster file
   * raises the parts suppliers of the first year. The profile is edited too, as a user with a
   * region of their own would: no synthetic firms and no top-ups, so the world is the file's
   * firms alone; it no longer states the support budget, which a line on standard error says.
   */
  @Test
  void oneFirmsStageInTheFileIsSeenInTheFirstYear(@TempDir Path dir) throws IOException {
    Path own = RegionBadInputs.edit(profile, dir.resolve("own-profile.json"), p -> {
      ((ObjectNode) p).put("syntheticFirms", 0);
      ((ObjectNode) p.get("values")).remove(List.of(ClusterDynamics.INITIAL_PARTS.name(),
          ClusterDynamics.INITIAL_OEM.name(), ClusterDynamics.INITIAL_ODM.name(),
          ClusterDynamics.INITIAL_OWN_PRODUCT.name(), "support-budget"));
    });
    Path edited = RegionBadInputs.edit(cluster, dir.resolve("edited.json"), c -> {
      for (JsonNode o : c.get("organizations")) {
        if (o.get("id").asText().equals("syn-sme-aizu-cutting")) {
          assertEquals("NONE", o.path("entryStage").asText("NONE"), "a NONE firm: " + o);
          ((ObjectNode) o).put("entryStage", "PARTS_SUPPLY");
        }
      }
    });
    double before = firstYearPartsSuppliers(cluster, own, dir.resolve("before"));
    double after = firstYearPartsSuppliers(edited, own, dir.resolve("after"));
    assertTrue(after >= before + 0.5, "mean parts suppliers in 2005: " + before + " before, " + after + " after");
  }

  private static double firstYearPartsSuppliers(Path clusterFile, Path profileFile, Path out) throws IOException {
    RenkeiProcess.Result r = RenkeiProcess.renkei("simulate", "--cluster", clusterFile.toString(), "--profile",
        profileFile.toString(), "--replications", "4", "--seed", "3", "--threads", "2", "--no-progress", "--out",
        out.toString(), "--metrics", ClusterDynamics.FIRMS_PARTS_SUPPLY).run();
    assertEquals(0, r.code(), r.toString());
    assertEquals(List.of("renkei: " + profileFile + " states no value of support-budget; Fukushima's values stand in;"
        + " fit them with renkei calibrate"), r.errLines(), r.toString());
    return Files.readAllLines(out.resolve("results.csv")).stream()
        .filter(l -> l.contains(",0,2005," + ClusterDynamics.FIRMS_PARTS_SUPPLY + ","))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(',') + 1))).average().orElseThrow();
  }

  @Test
  void calibrateWritesAFittedProfileThatSimulateRuns(@TempDir Path dir) throws IOException {
    Path fitted = dir.resolve("fitted.json");
    RenkeiProcess.Result r = RenkeiProcess.renkei("calibrate", "--cluster", cluster.toString(), "--profile",
        profile.toString(), "--observed", observed.toString(), "--out", fitted.toString(), "--replications", "2",
        "--samples", "3", "--evaluations", "2", "--seed", "5", "--threads", "2").run();
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.errLines().get(r.errLines().size() - 1).matches("evaluations \\d/5 \\(100%\\) in \\d+\\.\\d s"),
        r.toString());
    assertTrue(r.out().contains("registered-manufacturers  2011       50.00"), r.toString());
    RegionProfile p = ProfileJson.read(fitted);
    for (RegionProfile.Free f : RegionProfile.fukushima().free()) {
      RegionProfile.Value v = p.values().get(f.parameter());
      assertEquals(RegionProfile.Basis.ESTIMATED, v.basis(), f.parameter());
      assertTrue(v.source().startsWith("renkei calibrate --seed 5 --replications 2 --samples 3 --evaluations 2"),
          v.source());
      double x = ((Number) v.value()).doubleValue();
      assertTrue(x >= f.lower() && x <= f.upper(), f + ": " + x);
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  " + f.parameter() + " ")), f + "\n" + r);
    }
    RenkeiProcess.Result run = RenkeiProcess.renkei("simulate", "--cluster", cluster.toString(), "--profile",
        fitted.toString(), "--replications", "2", "--threads", "2", "--no-progress", "--out",
        dir.resolve("sim").toString(), "--metrics", ClusterDynamics.REGISTERED).run();
    assertEquals(0, run.code(), run.toString());
  }

  /**
   * A few of {@link RegionBadInputs#cases} as processes, one of each kind of file (cluster,
   * profile, observed; content and syntax); {@link RegionBadInputsTest} runs them all in one JVM.
   */
  @Test
  void everyBadInputIsOneLineNamingFileFieldAndValueAndNothingIsWritten(@TempDir Path dir) throws IOException {
    List<String[]> cases = RegionBadInputs.cases(dir, cluster, profile, observed);
    Path out = dir.resolve("never");
    for (String[] k : List.of(cases.get(0), cases.get(1), cases.get(3), cases.get(8), cases.get(11))) {
      RenkeiProcess.Result r = RenkeiProcess.renkei(RegionBadInputs.simulate(k, out)).run();
      assertEquals(Renkei.BAD_INPUT, r.code(), String.join(" ", k) + "\n" + r);
      assertEquals(1, r.errLines().size(), r.toString());
      RegionBadInputs.assertNames(k, r.err());
      assertFalse(Files.exists(out), String.join(" ", k));
    }

    String c = cluster.toString();
    String p = profile.toString();
    Path metric = Path.of(cases.get(8)[2]);
    Path fitted = dir.resolve("fitted.json");
    Path noFreeProfile = RegionBadInputs.edit(profile, dir.resolve("no-free.json"),
        q -> ((ObjectNode) q).putObject("free"));
    RenkeiProcess.Result noFree = RenkeiProcess.renkei("calibrate", "--cluster", c, "--profile",
        noFreeProfile.toString(), "--observed", observed.toString(), "--out", fitted.toString()).run();
    assertEquals(Renkei.BAD_INPUT, noFree.code(), noFree.toString());
    assertEquals(1, noFree.errLines().size(), noFree.toString());
    assertTrue(noFree.err().contains("no-free.json: free:"), noFree.toString());
    RenkeiProcess.Result badMetric = RenkeiProcess.renkei("calibrate", "--cluster", c, "--profile", p,
        "--observed", metric.toString(), "--out", fitted.toString()).run();
    assertEquals(Renkei.BAD_INPUT, badMetric.code(), badMetric.toString());
    assertFalse(Files.exists(fitted));

    RenkeiProcess.Result unknown = RenkeiProcess.renkei("sample", "fukushma", "--out",
        dir.resolve("x.json").toString()).run();
    assertEquals(Renkei.BAD_INPUT, unknown.code(), unknown.toString());
    assertTrue(unknown.err().contains("unknown region 'fukushma'; did you mean 'fukushima'?"), unknown.toString());
    Path users = Files.createDirectories(dir.resolve("users"));
    Files.writeString(users.resolve("notes.txt"), "mine");
    RenkeiProcess.Result occupied = RenkeiProcess.renkei("sample", "fukushima", "--out", users.toString()).run();
    assertEquals(Renkei.BAD_INPUT, occupied.code(), occupied.toString());
    assertTrue(occupied.err().contains("notes.txt"), occupied.toString());
    try (var left = Files.list(users)) {
      assertEquals(List.of(users.resolve("notes.txt")), left.toList(), "the user's folder as it was");
    }
    assertFalse(Files.exists(dir.resolve("x.json")));
  }
}
