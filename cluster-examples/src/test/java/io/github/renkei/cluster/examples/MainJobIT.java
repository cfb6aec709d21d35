package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.io.CsvSink;
import io.github.renkei.cluster.io.RunManifest;
import io.github.renkei.cluster.network.SupportCoverage;
import io.github.renkei.cluster.region.GeoPoint;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.report.CoverageValues;
import io.github.renkei.cluster.report.JapanMap;
import io.github.renkei.cluster.simulation.ResultRow;
import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job as its user runs it ({@code java -jar renkei.jar fukushima}): one run, its files checked. */
class MainJobIT {

  @TempDir
  static Path dir;
  private static Path out;
  private static RenkeiProcess.Result run;

  @BeforeAll
  static void runTheMainJob() {
    out = dir.resolve("out");
    run = RenkeiProcess.renkei("fukushima", "--replications", "2", "--until", "2016", "--posterior-draws", "8",
        "--threads", "2", "--no-progress", "--out", out.toString()).run();
    assertEquals(0, run.code(), run.toString());
    assertEquals("", run.err(), "nothing on standard error without progress: " + run);
  }

  @Test
  void everyManifestDescribesExactlyTheRowsAndMetricsOfItsResultsCsv() throws IOException {
    for (String lever : List.of("specialists", "council", "support-focus", "funding-bridge")) {
      RunManifest manifest = RunManifest.read(out.resolve(lever).resolve("manifest.json"));
      List<ResultRow> rows = CsvSink.read(out.resolve(lever).resolve("results.csv"));
      assertTrue(manifest.completed(), lever);
      assertEquals(rows.size(), manifest.rows(), lever);
      assertEquals(rows.stream().map(ResultRow::metric).collect(Collectors.toSet()), Set.copyOf(manifest.metrics()),
          lever);
      // 2 policies × 2 replications × 12 years (2005–2016) × the metrics written
      assertEquals(2 * 2 * 12 * FukushimaCommand.WRITTEN.size(), rows.size(), lever);
    }
  }

  @Test
  void theProjectionsOverThePosteriorReachStdoutAndTheirCsvSaysWhichBandEachIs() throws IOException {
    // the table on standard output: every projected metric in 2016 with its median and both bands
    for (String metric : PosteriorProjections.PROJECTED.keySet()) {
      assertTrue(run.out().lines().anyMatch(l -> l.trim().startsWith(metric + " (") && l.contains(" 2016 ")
          && l.split("\\[", -1).length == 3), metric + " in " + run.out());
    }
    assertTrue(run.out().contains("bands are posterior predictive"), run.out());
    List<String> csv = Files.readAllLines(out.resolve("projections.csv"));
    assertEquals("metric,year,band,level,lower,median,upper,observed", csv.get(0));
    for (String line : csv.subList(1, csv.size())) {
      String[] f = line.split(",", -1);
      assertEquals("posterior-predictive+discrepancy", f[2], line);
      double lower = Double.parseDouble(f[4]);
      double median = Double.parseDouble(f[5]);
      double upper = Double.parseDouble(f[6]);
      assertTrue(lower <= median && median <= upper, line);
    }
    assertTrue(run.out().contains("posterior-production-value.png"), run.out());
  }

  @Test
  void theMainJobDrawsTheSupportNetworkAndTheCoverageChoropleth() throws IOException {
    RenkeiProcess.Result r = run;
    assertTrue(r.out().contains("support-network.png") && r.out().contains("coverage-map.png"), r.toString());

    BufferedImage network = ImageIO.read(out.resolve("support-network.png").toFile());
    assertEquals(JapanMap.DEFAULT_WIDTH, network.getWidth());
    assertEquals(JapanMap.DEFAULT_HEIGHT, network.getHeight());

    BufferedImage coverage = ImageIO.read(out.resolve("coverage-map.png").toFile());
    assertEquals(JapanMap.DEFAULT_WIDTH, coverage.getWidth());
    assertEquals(JapanMap.DEFAULT_HEIGHT, coverage.getHeight());
    // the choropleth of organizations within 100 km: inland Hokkaido (far from any marker) has
    // Hokkaido's colour on the scale of the catalog's values
    Map<Prefecture, Double> within = CoverageValues.supportWithin(SupportCoverage.of(Catalog.nationwide()).within(100));
    JapanMap expected = JapanMap.builder().choropleth(within, "within 100 km", "organizations").build();
    for (GeoPoint inland : new GeoPoint[] {GeoPoint.of(43.4, 143.0), GeoPoint.of(44.2, 142.4)}) {
      Point2D p = expected.pixel(inland);
      Color actual = new Color(coverage.getRGB((int) p.getX(), (int) p.getY()));
      assertEquals(expected.fill(Prefecture.HOKKAIDO), actual, "Hokkaido at " + inland);
    }
    Point2D sea = expected.pixel(GeoPoint.of(39.0, 143.5));
    assertTrue(!new Color(coverage.getRGB((int) sea.getX(), (int) sea.getY())).equals(expected.fill(Prefecture.HOKKAIDO)));
  }
}
