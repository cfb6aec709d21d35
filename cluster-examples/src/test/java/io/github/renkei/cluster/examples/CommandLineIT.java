package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.io.ClusterJson;
import io.github.renkei.cluster.matching.MatchResult;
import io.github.renkei.cluster.matching.Matchers;
import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a process (issue 15): everything a command prints reaches standard output
 * before the process exits, help and version work on every command without a warning, and enum
 * values are accepted in any case.
 */
class CommandLineIT {

  private static final List<String> COMMANDS = List.of("fukushima", "match", "shortlist", "catalog", "simulate", "merge");

  @Test
  void matchPrintsTheWholeTableNotOnlyItsFirstLine(@TempDir Path dir) {
    Path json = dir.resolve("cluster.json");
    ClusterJson.write(FukushimaSample.cluster(), json);
    RenkeiProcess.Result r = RenkeiProcess.renkei("match", "--cluster", json.toString(), "--year", "2016").run();
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err(), r.toString());
    String expected = Matchers.optimal().match(MatchingProblem.from(FukushimaSample.cluster()).year(2016).build())
        .table();
    assertTrue(r.out().endsWith(expected), r.toString());
    for (Need n : FukushimaSample.cluster().needs()) {
      assertTrue(r.out().contains(n.id().toString()), n.id() + " missing:\n" + r);
    }
  }

  @Test
  void matchLimitsARequesterAndRejectsABadLimit(@TempDir Path dir) {
    Path json = dir.resolve("cluster.json");
    ClusterJson.write(FukushimaSample.cluster(), json);
    MatchingProblem unlimited = MatchingProblem.from(FukushimaSample.cluster()).year(2016).build();
    NeedId first = Matchers.optimal().match(unlimited).assignments().get(0).need();
    OrganizationId requester = unlimited.need(first).orElseThrow().requester();
    RenkeiProcess.Result r = RenkeiProcess.renkei("match", "--cluster", json.toString(), "--year", "2016",
        "--requester-capacity", requester + "=0").run();
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err(), r.toString());
    MatchResult limited = Matchers.optimal().match(unlimited.toBuilder().requesterCapacity(requester, 0).build());
    assertTrue(r.out().endsWith(limited.table()), r.toString());
    assertTrue(limited.assignmentOf(first).isEmpty(), limited.table());
    assertTrue(r.out().contains("its requester " + requester + " is at capacity 0"), r.toString());
    for (String bad : List.of("nope=1", requester.toString(), requester + "=-1", requester + "=two", "=3")) {
      RenkeiProcess.Result e = RenkeiProcess.renkei("match", "--cluster", json.toString(),
          "--requester-capacity", bad).run();
      assertEquals(2, e.code(), bad + "\n" + e);
      assertEquals("", e.out(), bad + "\n" + e);
      assertTrue(e.err().startsWith("renkei match: --requester-capacity") && e.err().contains(bad)
          && e.err().strip().lines().count() == 1, bad + "\n" + e);
    }
  }

  @Test
  void everyHelpGoesToStandardOutputWithoutAWarning() {
    for (String c : COMMANDS) {
      for (String[] args : List.of(new String[] {c, "--help"}, new String[] {"help", c})) {
        RenkeiProcess.Result r = RenkeiProcess.renkei(args).run();
        assertEquals(0, r.code(), List.of(args) + "\n" + r);
        assertEquals("", r.err(), List.of(args) + "\n" + r);
        assertTrue(r.out().startsWith("Usage: renkei " + c), List.of(args) + "\n" + r);
      }
    }
    for (String[] args : List.of(new String[] {"--help"}, new String[] {"help"}, new String[0])) {
      RenkeiProcess.Result r = RenkeiProcess.renkei(args).run();
      assertEquals(0, r.code(), r.toString());
      assertEquals("", r.err(), r.toString());
      assertTrue(r.out().startsWith("Usage: renkei "), r.toString());
    }
  }

  @Test
  void theJarsManifestCarriesTheProjectVersion() throws IOException {
    try (JarFile jar = new JarFile(RenkeiProcess.jar().toFile())) {
      Manifest m = jar.getManifest();
      assertEquals(version(), m.getMainAttributes().getValue("Implementation-Version"));
      assertEquals("renkei", m.getMainAttributes().getValue("Implementation-Title"));
    }
  }

  @Test
  void everyCommandPrintsTheVersionOfTheJar() {
    for (String c : COMMANDS) {
      RenkeiProcess.Result r = RenkeiProcess.renkei(c, "-V").run();
      assertEquals(0, r.code(), c + " -V\n" + r);
      assertEquals("", r.err(), c + " -V\n" + r);
      assertTrue(r.out().startsWith("renkei " + version() + ", Java "), c + " -V\n" + r);
    }
    for (String[] args : List.of(new String[] {"fukushima", "--version"}, new String[] {"--version"})) {
      RenkeiProcess.Result r = RenkeiProcess.renkei(args).run();
      assertEquals(0, r.code(), r.toString());
      assertTrue(r.out().startsWith("renkei " + version() + ", Java "), r.toString());
    }
  }

  @Test
  void catalogShowsEveryOrganizationsIdInColumnsAlignedByDisplayWidth() {
    RenkeiProcess.Result r = RenkeiProcess.renkei("catalog").run();
    assertEquals(0, r.code(), r.toString());
    List<String> rows = r.outLines().stream().filter(l -> l.startsWith("  ")).toList();
    assertEquals(64, rows.size(), r.toString());
    assertTrue(rows.stream().anyMatch(l -> l.startsWith("  ★ fmdipo ") && l.contains("ふくしま医療機器産業推進機構")
        && l.contains("福島県") && l.endsWith("Fukushima Medical Device Industry Promotion Organization")), r.toString());
    // every organization's row; its native name and its English name, the last column, start at
    // the same terminal column on every row
    Set<Integer> nativeStarts = new HashSet<>();
    Set<Integer> englishStarts = new HashSet<>();
    for (Organization o : Catalog.nationwide().supportOrganizations()) {
      String row = rows.stream().filter(l -> l.substring(4).startsWith(o.id() + " ")).findFirst()
          .orElseThrow(() -> new AssertionError("no row for " + o.id() + "\n" + r));
      assertTrue(row.endsWith(o.name()), row);
      nativeStarts.add(DisplayWidth.of(row.substring(0, row.indexOf(o.nativeName().orElse(o.name()), 4 + o.id()
          .toString().length()))));
      englishStarts.add(DisplayWidth.of(row.substring(0, row.length() - o.name().length())));
    }
    assertEquals(1, nativeStarts.size(), "native names start at columns " + nativeStarts + "\n" + r);
    assertEquals(1, englishStarts.size(), "English names start at columns " + englishStarts + "\n" + r);
  }

  @Test
  void enumValuesAreAcceptedInAnyCase(@TempDir Path dir) {
    for (String block : List.of("kanto", "KANTO", "Kanto")) {
      RenkeiProcess.Result r = RenkeiProcess.renkei("catalog", "--block", block).run();
      assertEquals(0, r.code(), r.toString());
      assertTrue(r.out().contains("Kanto 関東 (19)"), r.toString());
    }
    Path json = dir.resolve("cluster.json");
    ClusterJson.write(FukushimaSample.cluster(), json);
    for (String matcher : List.of("stable", "STABLE", "Greedy")) {
      RenkeiProcess.Result r = RenkeiProcess.renkei("match", "--cluster", json.toString(), "--matcher", matcher).run();
      assertEquals(0, r.code(), r.toString());
      assertTrue(r.out().contains("MatchResult[" + matcher.toLowerCase(java.util.Locale.ROOT)), r.toString());
    }
    RenkeiProcess.Result atlantis = RenkeiProcess.renkei("catalog", "--block", "atlantis").run();
    assertEquals(Renkei.BAD_INPUT, atlantis.code(), atlantis.toString());
    assertEquals(1, atlantis.errLines().size(), atlantis.toString());
    assertTrue(atlantis.err().contains("atlantis"), atlantis.toString());
  }

  @Test
  void helpListsEnumValuesTheSameWayForEveryCommand() {
    assertTrue(RenkeiProcess.renkei("catalog", "--help").run().out().contains("hokkaido_tohoku, kanto"));
    assertTrue(RenkeiProcess.renkei("match", "--help").run().out().contains("greedy, optimal, stable"));
  }

  private static String version() {
    String v = System.getProperty("renkei.version");
    assertTrue(v != null && !v.isBlank(), "system property renkei.version is not set: run with Failsafe");
    return v;
  }
}
