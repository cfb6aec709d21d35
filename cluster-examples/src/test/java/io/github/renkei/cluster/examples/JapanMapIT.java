package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.network.SupportCoverage;
import io.github.renkei.cluster.region.GeoPoint;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.report.CoverageValues;
import io.github.renkei.cluster.report.JapanMap;
import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job's maps of Japan, as its user gets them from {@code renkei fukushima}. */
class JapanMapIT {

  @Test
  void theMainJobDrawsTheSupportNetworkAndTheCoverageChoropleth(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    RenkeiProcess.Result r = RenkeiProcess.renkei("fukushima", "--replications", "2", "--until", "2016",
        "--threads", "2", "--no-progress", "--out", out.toString()).run();
    assertEquals(0, r.code(), r.toString());
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
