package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job's {@code report.html} as a reader sees it: rendered by headless Chromium, offline,
 * with every chart loaded and every table present.
 */
class ReportChromiumIT {

  /** 6 headline metrics, the stage mix, the forest plot, 4 experiments' charts, the network and coverage maps. */
  private static final int FIGURES = 17;
  /** Policy effects, the matching round, the run. */
  private static final int TABLES = 4;

  @TempDir
  static Path dir;

  private static Path report;

  @BeforeAll
  static void runTheMainJob() {
    Path out = dir.resolve("renkei-out");
    RenkeiProcess.Result r = RenkeiProcess.renkei("fukushima", "--replications", "4", "--until", "2020",
        "--posterior-draws", "16", "--threads", "2", "--out", out.toString()).timeout(Duration.ofMinutes(5)).run();
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("report.html"), "the job lists its report: " + r);
    report = out.resolve("report.html");
  }

  @Test
  void theReportRefersToNothingOutsideItself() throws IOException {
    String html = Files.readString(report);
    Matcher m = Pattern.compile("(?i)\\b(src|href|srcset|action|poster|data|xlink:href)\\s*=\\s*\"([^\"]*)\"")
        .matcher(html);
    while (m.find()) {
      assertTrue(m.group(2).startsWith("#") || m.group(2).startsWith("data:image/png;base64,"),
          m.group(1) + " points outside the file: " + m.group(2).substring(0, Math.min(80, m.group(2).length())));
    }
    for (String forbidden : List.of("http://", "https://", "url(", "@import", "<script", "<link", "<iframe",
        "file:")) {
      assertFalse(html.toLowerCase().contains(forbidden), "the report holds " + forbidden);
    }
  }

  @Test
  void chromiumLoadsEveryChartAndShowsEveryTable() throws IOException {
    Chromium.require();
    // a copy with a script that records, once the page has loaded, each image's decoded width
    String marker = "<script>window.addEventListener('load', function () {"
        + " document.querySelectorAll('img').forEach(function (i) {"
        + " i.setAttribute('data-natural-width', String(i.naturalWidth)); });"
        + " document.body.setAttribute('data-loaded', 'yes'); });</script>";
    Path checked = dir.resolve("report-checked.html");
    Files.writeString(checked, Files.readString(report).replace("</body>", marker + "</body>"));
    Chromium.Output dom = Chromium.open(checked, "--dump-dom");
    assertEquals(0, dom.code(), dom.err());
    assertTrue(dom.out().contains("data-loaded=\"yes\""), "the page finished loading:\n" + dom.err());

    List<Integer> widths = new ArrayList<>();
    Matcher img = Pattern.compile("<img[^>]*data-natural-width=\"(\\d+)\"").matcher(dom.out());
    while (img.find()) {
      widths.add(Integer.valueOf(img.group(1)));
    }
    assertEquals(FIGURES, widths.size(), "images in the rendered page");
    assertTrue(widths.stream().allMatch(w -> w >= 1000), "every chart decoded, at least 1000 px wide: " + widths);
    assertEquals(FIGURES, count(dom.out(), "<figcaption>"));
    assertEquals(TABLES, count(dom.out(), "<table id="));
    for (String section : List.of("Summary", "Policy effects", "Headline metrics against the published figures",
        "Matching round", "Run manifests", "How to reproduce")) {
      assertTrue(dom.out().contains(">" + section + "</h2>"), section);
    }
    assertTrue(dom.out().contains("java -jar cluster-examples/target/renkei.jar fukushima --replications 4"),
        "the command that reproduces the run");
  }

  @Test
  void chromiumTakesAScreenshotOfTheReport() throws IOException {
    Chromium.require();
    Path png = dir.resolve("report.png");
    Chromium.Output shot = Chromium.open(report, "--window-size=1280,2000", "--screenshot=" + png);
    assertEquals(0, shot.code(), shot.err());
    var image = ImageIO.read(png.toFile());
    assertEquals(1280, image.getWidth());
    assertEquals(2000, image.getHeight());
    // kept for a reader who wants to look at it
    Path target = Path.of(System.getProperty("renkei.jar")).resolveSibling("report-screenshot.png");
    Files.copy(png, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static int count(String text, String needle) {
    return text.split(Pattern.quote(needle), -1).length - 1;
  }
}
