package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.io.ClusterJson;
import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.matching.Shortlist;
import io.github.renkei.cluster.matching.Shortlists;
import io.github.renkei.cluster.model.NeedId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code renkei shortlist} as a process (issue 18), on the sample that {@code renkei sample
 * fukushima --out fk.json} writes: the ranked candidates with their breakdowns and the near misses
 * with what they lack, as the library computes them; bad input exits 2 with one line naming the
 * value.
 */
class ShortlistIT {

  @TempDir
  static Path dir;

  private static Path fk;

  @BeforeAll
  static void writeTheSample() {
    RenkeiProcess.Result r = RenkeiProcess.renkei("sample", "fukushima", "--out", "fk.json").in(dir).run();
    assertEquals(0, r.code(), r.toString());
    fk = dir.resolve("fk.json");
    assertTrue(Files.isRegularFile(fk), r.toString());
  }

  private static Shortlist expected(String need, int k) {
    MatchingProblem p = MatchingProblem.from(ClusterJson.read(fk)).year(2016).build();
    return Shortlists.of(p, NeedId.of(need), k);
  }

  private static String score(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  @Test
  void printsTheBestCandidatesWithTheirBreakdownsAndTheNearMissesWithWhatTheyLack() {
    RenkeiProcess.Result r = RenkeiProcess.renkei("shortlist", "--cluster", "fk.json", "--need", "syn-need-01", "-k",
        "3", "--year", "2016").in(dir).run();
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err(), r.toString());
    List<String> lines = r.outLines();
    assertTrue(lines.get(0).startsWith("fk.json: "), r.toString());
    assertTrue(lines.get(1).startsWith("syn-need-01: PARTS_SUPPLY, class II, for syn-maker-fukushima (福島県)"),
        r.toString());
    Shortlist s = expected("syn-need-01", 3);
    assertTrue(!s.candidates().isEmpty() && !s.nearMisses().isEmpty(), s.table());
    for (Shortlist.Candidate c : s.candidates()) {
      String row = lines.stream().filter(l -> l.matches("\\s+" + c.rank() + "  " + c.supplier() + " .*")).findFirst()
          .orElseThrow(() -> new AssertionError("no row for " + c + "\n" + r));
      assertTrue(row.contains("  " + score(c.score().total()) + "  "), row);
      c.score().components().values().forEach(v -> assertTrue(row.contains(score(v)), row));
    }
    for (Shortlist.NearMiss m : s.nearMisses()) {
      String row = lines.stream().filter(l -> l.matches("\\s+" + m.rank() + "  " + m.supplier() + " .*")
          && l.endsWith(m.violation().toString())).findFirst()
          .orElseThrow(() -> new AssertionError("no row for " + m + "\n" + r));
      assertTrue(row.contains("  " + score(m.score().total()) + "  "), row);
    }
    assertTrue(r.out().contains("the best 3 of " + s.nearMissCount() + ", by the score they would have"), r.toString());
  }

  @Test
  void aNeedNoSupplierCanTakeStillShowsWhoAlmostCould() throws IOException {
    // the sample's EO-sterilized packs: nobody has both capabilities; read from standard input
    String json = Files.readString(fk, StandardCharsets.UTF_8);
    RenkeiProcess.Result r = RenkeiProcess.renkei("shortlist", "--cluster", "-", "--need", "syn-need-05", "--year",
        "2016").stdin(json).run();
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err(), r.toString());
    assertTrue(r.out().contains("\nno supplier is eligible\n"), r.toString());
    Shortlist s = expected("syn-need-05", 10);
    assertEquals(0, s.eligible());
    assertTrue(s.nearMisses().get(0).violation().reason().startsWith("lacks "), s.table());
    for (Shortlist.NearMiss m : s.nearMisses()) {
      assertTrue(r.out().contains(m.supplier() + " ") && r.out().contains(m.violation().toString()), m + "\n" + r);
    }
  }

  @Test
  void badInputExitsTwoWithOneLineNamingTheValue() {
    assertBadInput(RenkeiProcess.renkei("shortlist", "--cluster", "fk.json", "--need", "syn-need-99").in(dir).run(),
        "no need 'syn-need-99'", "syn-need-01");
    assertBadInput(RenkeiProcess.renkei("shortlist", "--cluster", "fk.json", "--need", "syn-need-01", "-k", "0")
        .in(dir).run(), "-k must be >= 1 but was 0", "syn-need-01");
    assertBadInput(RenkeiProcess.renkei("shortlist", "--cluster", "fk.json", "--need", "syn-need-02", "-k", "-4")
        .in(dir).run(), "-k must be >= 1 but was -4", "syn-need-02");
    assertBadInput(RenkeiProcess.renkei("shortlist", "--cluster", "fk.json", "--need", "syn-need-01", "-k", "ten")
        .in(dir).run(), "ten");
    assertBadInput(RenkeiProcess.renkei("shortlist", "--cluster", "fk.json", "--need", "syn-need-01", "--year",
        "1800").in(dir).run(), "--year", "1800");
    assertBadInput(RenkeiProcess.renkei("shortlist", "--cluster", "fk.json").in(dir).run(), "--need");
    assertBadInput(RenkeiProcess.renkei("shortlist", "--cluster", "missing.json", "--need", "syn-need-01").in(dir)
        .run(), "missing.json");
  }

  private static void assertBadInput(RenkeiProcess.Result r, String... fragments) {
    assertEquals(Renkei.BAD_INPUT, r.code(), r.toString());
    assertEquals("", r.out(), r.toString());
    assertEquals(1, r.errLines().size(), r.toString());
    for (String f : fragments) {
      assertTrue(r.err().contains(f), "'" + f + "' not in\n" + r);
    }
  }
}
