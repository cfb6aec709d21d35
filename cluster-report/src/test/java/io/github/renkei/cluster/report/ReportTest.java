package io.github.renkei.cluster.report;

import static io.github.renkei.cluster.report.Fixture.COUNCIL;
import static io.github.renkei.cluster.report.Fixture.FUKUSHIMA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.Observation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report is one HTML file holding every figure and table, with nothing to load from elsewhere. */
class ReportTest {

  @TempDir
  Path dir;

  /** A report with a projection chart carrying sources, a table and preformatted text. */
  static Report sample() {
    ProjectionChart chart = ProjectionChart.builder(COUNCIL, FUKUSHIMA, ClusterDynamics.REGISTERED)
        .axisLabel("Registered manufacturers (firms)").observed(Observation.fukushima()).calibratedThrough(2016)
        .event(2011, "earthquake").build();
    return Report.builder("Council or not <12 runs>")
        .heading("Summary").paragraph("A & B: \"quoted\" <b>not bold</b>")
        .table(Table.of("Effects", List.of("metric", "effect"), List.of(List.of("registered", "+1.20 [+0.40, +2.00]"))))
        .heading("Charts").figure(chart)
        .figure(StageMixChart.builder(COUNCIL, FUKUSHIMA, 0).build())
        .heading("How to reproduce").preformatted("Command", "renkei fukushima --seed 2005 > out.txt")
        .build();
  }

  /** Every URL-bearing attribute or CSS reference: none may point outside the file. */
  static void assertNothingExternal(String html) {
    Matcher m = Pattern.compile("(?i)\\b(src|href|srcset|action|poster|data|xlink:href)\\s*=\\s*\"([^\"]*)\"")
        .matcher(html);
    while (m.find()) {
      String value = m.group(2);
      assertTrue(value.startsWith("#") || value.startsWith("data:image/png;base64,"),
          m.group(1) + " points outside the file: " + value.substring(0, Math.min(80, value.length())));
    }
    for (String forbidden : List.of("http://", "https://", "url(", "@import", "<script", "<link", "<iframe",
        "<object", "<embed", "file:")) {
      assertFalse(html.toLowerCase().contains(forbidden), "the report holds " + forbidden);
    }
  }

  @Test
  void everyFigureIsAnInlinePngAndEveryTableIsPresent() {
    Report report = sample();
    String html = report.html();
    assertEquals(2, report.figures());
    assertEquals(1, report.tables());
    Matcher img = Pattern.compile("<img class=\"chart\" alt=\"[^\"]+\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\">")
        .matcher(html);
    int images = 0;
    while (img.find()) {
      assertTrue(Fixture.isPng(Base64.getDecoder().decode(img.group(1))));
      images++;
    }
    assertEquals(2, images);
    assertTrue(html.contains("<table id=\"table-1\">"), html);
    assertTrue(html.contains("<td class=\"num\">+1.20 [+0.40, +2.00]</td>"), html);
    assertTrue(html.contains("<figcaption><b>Figure 1. Registered manufacturers (firms).</b>"), html);
    assertTrue(html.contains("<a href=\"#how-to-reproduce\">How to reproduce</a>"), html);
  }

  @Test
  void itOpensOfflineNothingPointsOutsideTheFile() {
    String html = sample().html();
    assertNothingExternal(html);
    assertTrue(html.contains("adeac.jp/koriyama-city/"), "the sources are still cited, as text");
  }

  @Test
  void everyTextIsEscaped() {
    String html = sample().html();
    assertTrue(html.contains("<title>Council or not &lt;12 runs&gt;</title>"), html);
    assertTrue(html.contains("<p>A &amp; B: &quot;quoted&quot; &lt;b&gt;not bold&lt;/b&gt;</p>"), html);
    assertTrue(html.contains("renkei fukushima --seed 2005 &gt; out.txt"), html);
  }

  @Test
  void itIsWrittenAtomicallyAsUtf8() throws IOException {
    Report report = sample();
    Path file = report.write(dir.resolve("report.html"));
    assertEquals(report.html(), Files.readString(file, StandardCharsets.UTF_8));
    assertEquals(List.of(file), Files.list(dir).toList());
  }

  @Test
  void anyPngJoinsAsAFigureAndOtherBytesAreRefused() {
    byte[] png = StageMixChart.builder(COUNCIL, FUKUSHIMA, 0).build().png();
    assertEquals(1, Report.builder("r").figure("A map", "drawn elsewhere", png).build().figures());
    IllegalArgumentException jpeg = assertThrows(IllegalArgumentException.class,
        () -> Report.builder("r").figure("A photo", "", new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0, 0, 0, 0, 0, 0}));
    assertTrue(jpeg.getMessage().contains("figure 'A photo': the image is not a PNG"), jpeg.getMessage());
  }

  @Test
  void badInputIsNamed() {
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> Report.builder("r").build());
    assertTrue(empty.getMessage().contains("report 'r' is empty"), empty.getMessage());
    IllegalArgumentException row = assertThrows(IllegalArgumentException.class,
        () -> Table.of("Effects", List.of("a", "b"), List.of(List.of("1", "2"), List.of("3"))));
    assertTrue(row.getMessage().contains("table 'Effects' row 1 has 1 cells but the header has 2"), row.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Report.builder(" "));
  }

  @Test
  void sectionsWithTheSameTitleGetDistinctAnchors() {
    String html = Report.builder("r").heading("Charts").paragraph("x").heading("Charts").build().html();
    assertTrue(html.contains("<h2 id=\"charts\">") && html.contains("<h2 id=\"charts-2\">"), html);
  }
}
