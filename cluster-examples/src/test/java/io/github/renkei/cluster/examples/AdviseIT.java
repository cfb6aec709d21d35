package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code renkei advise} as its user runs it: the shipped Shizuoka region exported, the three
 * strategies compared on it, the table and the reasons on standard output, progress on standard
 * error; bad input is exit code 2 with one line.
 */
class AdviseIT {

  @TempDir
  static Path dir;

  private static Path cluster;
  private static Path profile;

  @BeforeAll
  static void exportShizuoka() {
    cluster = dir.resolve("shizuoka.json");
    profile = dir.resolve("shizuoka-profile.json");
    RenkeiProcess.Result r = RenkeiProcess.renkei("sample", "shizuoka", "--out", cluster.toString(), "--profile",
        profile.toString()).run();
    assertEquals(0, r.code(), r.toString());
  }

  @Test
  void advisesOnTheShippedSecondRegionWithTheWinnerAndTheReasonPerOutcome() {
    RenkeiProcess.Result r = RenkeiProcess.renkei("advise", "--cluster", cluster.toString(), "--profile",
        profile.toString(), "--replications", "20", "--threads", "2").run();
    assertEquals(0, r.code(), r.toString());
    List<String> out = r.outLines();
    assertTrue(out.get(0).startsWith("shizuoka: 300 firms (1 in the field), 5 device makers"), r.toString());
    assertTrue(r.out().contains("  parts-and-oem       部材供給・OEM生産支援"), r.toString());
    for (String metric : List.of("registered-manufacturers", "firms-own-product", "parts-shipments",
        "production-value", "ties-vertical", "ties-horizontal")) {
      assertTrue(out.stream().anyMatch(l -> l.startsWith("  " + metric + " ") && l.contains("[")), metric + "\n" + r);
      assertTrue(out.stream().anyMatch(l -> l.startsWith("  " + metric + ": ")), "reason of " + metric + "\n" + r);
    }
    assertTrue(r.out().contains("registered-manufacturers: parts-and-oem leads"), r.toString());
    assertTrue(r.err().contains("replications 60/60"), "progress on standard error\n" + r);
  }

  @Test
  void oneYearAndOneOutcomeAreSelectable() {
    RenkeiProcess.Result r = RenkeiProcess.renkei("advise", "--cluster", cluster.toString(), "--profile",
        profile.toString(), "--replications", "5", "--year", "2016", "--metrics", "ties-vertical",
        "--no-progress").run();
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("mean [95% CI] in 2016:"), r.toString());
    assertTrue(r.out().contains("  ties-vertical "), r.toString());
    assertTrue(!r.out().contains("  ties-horizontal "), r.toString());
    assertEquals("", r.err(), r.toString());
  }

  @Test
  void badInputIsOneLineAndExitCodeTwo() {
    List<List<String>> cases = List.of(
        List.of("--replications", "1"),
        List.of("--year", "2040"),
        List.of("--metrics", "registered-manufacturer"));
    List<String> expected = List.of("--replications must be at least 2", "2040", "registered-manufacturers");
    for (int i = 0; i < cases.size(); i++) {
      List<String> args = new java.util.ArrayList<>(List.of("advise", "--cluster", cluster.toString(), "--profile",
          profile.toString(), "--no-progress"));
      args.addAll(cases.get(i));
      RenkeiProcess.Result r = RenkeiProcess.renkei(args.toArray(new String[0])).run();
      assertEquals(2, r.code(), r.toString());
      assertEquals("", r.out(), r.toString());
      assertEquals(1, r.err().strip().lines().count(), r.toString());
      assertTrue(r.err().contains(expected.get(i)), expected.get(i) + "\n" + r);
    }
    RenkeiProcess.Result missing = RenkeiProcess.renkei("advise", "--cluster", cluster.toString(), "--profile",
        dir.resolve("nope.json").toString()).run();
    assertEquals(2, missing.code(), missing.toString());
    assertTrue(missing.err().contains("nope.json"), missing.toString());
  }
}
