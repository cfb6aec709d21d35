package io.github.renkei.cluster.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.network.CoverageReport;
import io.github.renkei.cluster.network.SupportCoverage;
import io.github.renkei.cluster.region.GeoPoint;
import io.github.renkei.cluster.region.Prefecture;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JapanMapTest {

  /** Each prefecture's JIS code as its value: 1 (Hokkaido) is the lowest, 47 (Okinawa) the highest. */
  private static Map<Prefecture, Double> codes() {
    Map<Prefecture, Double> values = new EnumMap<>(Prefecture.class);
    for (Prefecture p : Prefecture.values()) {
      values.put(p, (double) p.code());
    }
    return values;
  }

  private static BufferedImage decode(byte[] png) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  private static Color at(BufferedImage image, Point2D p) {
    return new Color(image.getRGB((int) Math.floor(p.getX()), (int) Math.floor(p.getY())));
  }

  private static void assertSameColour(Color expected, Color actual, String what) {
    assertTrue(Math.abs(expected.getRed() - actual.getRed()) <= 2
        && Math.abs(expected.getGreen() - actual.getGreen()) <= 2
        && Math.abs(expected.getBlue() - actual.getBlue()) <= 2, what + ": expected " + expected + " but was " + actual);
  }

  @Test
  void thePngHasTheRequestedSize() throws IOException {
    JapanMap map = JapanMap.builder().size(900, 700).choropleth(codes(), "JIS code", "code").build();
    byte[] png = map.png();
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
    BufferedImage image = decode(png);
    assertEquals(900, image.getWidth());
    assertEquals(700, image.getHeight());
    assertEquals(JapanMap.DEFAULT_WIDTH, JapanMap.builder().build().render().getWidth());
    assertEquals(JapanMap.DEFAULT_HEIGHT, JapanMap.builder().build().render().getHeight());
  }

  @Test
  void thePixelAtEachCapitalHasItsPrefecturesChoroplethColour() {
    // large, so that few capitals lie within the width of an outline of the coast or a border
    JapanMap map = JapanMap.builder().size(3000, 2700).choropleth(codes(), "JIS code", "code").build();
    BufferedImage image = map.render();
    List<Prefecture> onTheOutline = new ArrayList<>();
    for (Prefecture p : Prefecture.values()) {
      // a capital on the waterfront (Yokohama's office is a few hundred metres from the sea)
      // may lie under the antialiased outline (0.9 px wide), whose pixel is not the fill's colour
      if (pixelsToOutline(map, p) < 2) {
        onTheOutline.add(p);
        continue;
      }
      assertSameColour(map.fill(p), at(image, map.pixel(p.capital())), p.toString());
    }
    assertTrue(onTheOutline.size() <= 3, "capitals under an outline: " + onTheOutline);
    // distinct values give distinct colours, the ends of the scale at the lowest and highest
    assertEquals(new Color(0xFAF6C8), map.fill(Prefecture.HOKKAIDO));
    assertEquals(new Color(0x1E3580), map.fill(Prefecture.OKINAWA));
    assertFalse(map.fill(Prefecture.AOMORI).equals(map.fill(Prefecture.IWATE)));
  }

  /** The distance in pixels from a prefecture's capital to the nearest edge of its outline. */
  private static double pixelsToOutline(JapanMap map, Prefecture p) {
    Point2D c = map.pixel(p.capital());
    double best = Double.MAX_VALUE;
    for (JapanGeometry.Ring ring : JapanGeometry.standard().rings(p)) {
      List<GeoPoint> v = ring.vertices();
      for (int i = 0; i < v.size(); i++) {
        Point2D a = map.pixel(v.get(i));
        Point2D b = map.pixel(v.get((i + 1) % v.size()));
        best = Math.min(best, new Line2D.Double(a, b).ptSegDist(c));
      }
    }
    return best;
  }

  @Test
  void prefecturesWithoutAValueAreDrawnAsNoData() {
    Map<Prefecture, Double> values = codes();
    values.remove(Prefecture.NAGASAKI);
    values.remove(Prefecture.TOKYO);
    JapanMap map = JapanMap.builder().choropleth(values, "JIS code", "code").build();
    BufferedImage image = map.render();
    assertEquals(JapanMap.NO_DATA, map.fill(Prefecture.NAGASAKI));
    assertSameColour(JapanMap.NO_DATA, at(image, map.pixel(Prefecture.NAGASAKI.capital())), "Nagasaki");
    assertSameColour(JapanMap.NO_DATA, at(image, map.pixel(Prefecture.TOKYO.capital())), "Tokyo");
    assertSameColour(map.fill(Prefecture.FUKUSHIMA), at(image, map.pixel(Prefecture.FUKUSHIMA.capital())), "Fukushima");
  }

  @Test
  void equalValuesTakeTheMiddleOfTheScale() {
    JapanMap map = JapanMap.builder().choropleth(Map.of(Prefecture.KYOTO, 3.0, Prefecture.NARA, 3.0), "x", "count").build();
    assertEquals(map.colour(3.0), map.fill(Prefecture.KYOTO));
    assertEquals(new Color(0x62BDB4), map.fill(Prefecture.NARA));
    assertEquals(List.of(3.0), JapanMap.ticks(3, 3));
  }

  @Test
  void theSeaAndTheLandWithoutAChoroplethAreDrawn() {
    JapanMap map = JapanMap.builder().build();
    BufferedImage image = map.render();
    Color sea = at(image, map.pixel(GeoPoint.of(39.0, 142.9)));   // Pacific, east of Iwate
    assertSameColour(new Color(0xEAF2F8), sea, "sea");
    assertSameColour(map.fill(Prefecture.NAGANO), at(image, map.pixel(Prefecture.NAGANO.capital())), "Nagano");
  }

  @Test
  void theNanseiIslandsAreDrawnInTheInset() {
    JapanMap map = JapanMap.builder().build();
    Point2D naha = map.pixel(Prefecture.OKINAWA.capital());
    Point2D sapporo = map.pixel(Prefecture.HOKKAIDO.capital());
    assertTrue(naha.getX() > 0 && naha.getX() < map.width() / 2.0, "Naha x " + naha);
    assertTrue(naha.getY() > 0 && naha.getY() < sapporo.getY() + 200, "Naha is drawn in the inset at the top: " + naha);
  }

  @Test
  void aHubIsAStarAtItsCapital() {
    Organization fmdipo = Catalog.nationwide().organization(OrganizationId.of("fmdipo")).orElseThrow();
    assertTrue(fmdipo.isHub());
    JapanMap map = JapanMap.builder().choropleth(codes(), "JIS code", "code").organizations(List.of(fmdipo)).build();
    BufferedImage image = map.render();
    assertSameColour(JapanMap.HUB_STAR, at(image, map.pixel(Prefecture.FUKUSHIMA.capital())), "the star over Fukushima");
  }

  @Test
  void theSupportNetworkMapDrawsEveryOrganization() {
    JapanMap network = JapanMap.supportNetwork(Catalog.nationwide());
    assertTrue(network.toString().contains("64 organizations"), network.toString());
    BufferedImage drawn = network.render();
    BufferedImage bare = JapanMap.builder().build().render();
    // around every capital with an organization, something other than the bare map is drawn
    for (Organization o : Catalog.nationwide().supportOrganizations()) {
      Point2D c = network.pixel(o.prefecture().capital());
      boolean changed = false;
      for (int dx = -16; dx <= 16 && !changed; dx++) {
        for (int dy = -16; dy <= 16 && !changed; dy++) {
          int x = (int) c.getX() + dx;
          int y = (int) c.getY() + dy;
          changed = drawn.getRGB(x, y) != bare.getRGB(x, y);
        }
      }
      assertTrue(changed, o.id() + " is drawn near " + o.prefecture());
    }
  }

  @Test
  void theSameInputDrawsTheSameImage() {
    byte[] a = JapanMap.supportNetwork(Catalog.nationwide()).png();
    byte[] b = JapanMap.supportNetwork(Catalog.nationwide()).png();
    assertArrayEquals(a, b);
  }

  @Test
  void writesAPngFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("map.png");
    JapanMap map = JapanMap.builder().title("Codes").choropleth(codes(), "JIS code", "code").build();
    assertEquals(file, map.writePng(file));
    BufferedImage image = ImageIO.read(file.toFile());
    assertEquals(map.width(), image.getWidth());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void theReadmeExampleDrawsBothMaps(@TempDir Path dir) throws IOException {
    CoverageReport at100 = SupportCoverage.of(Catalog.nationwide()).within(100);
    JapanMap map = JapanMap.builder()
        .title("Coverage: support organizations within 100 km of each prefectural capital")
        .choropleth(CoverageValues.supportWithin(at100),
            "Support organizations within 100 km of the prefectural capital", "organizations")
        .organizations(Catalog.nationwide().supportOrganizations())
        .build();
    map.writePng(dir.resolve("coverage-map.png"));
    JapanMap.supportNetwork(Catalog.nationwide()).writePng(dir.resolve("support-network.png"));
    for (String name : List.of("coverage-map.png", "support-network.png")) {
      BufferedImage image = ImageIO.read(dir.resolve(name).toFile());
      assertEquals(JapanMap.DEFAULT_WIDTH, image.getWidth(), name);
      assertEquals(JapanMap.DEFAULT_HEIGHT, image.getHeight(), name);
    }
    // Hokkaido, among the fewest organizations within 100 km, takes the pale end of the scale
    assertEquals(new Color(0xFAF6C8), map.fill(Prefecture.HOKKAIDO));
  }

  @Test
  void nanAndInfiniteValuesAreRejectedNamingThePrefecture() {
    Map<Prefecture, Double> values = codes();
    values.put(Prefecture.SAGA, Double.NaN);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JapanMap.builder().choropleth(values, "coverage", "count"));
    assertTrue(e.getMessage().contains("SAGA") && e.getMessage().contains("NaN"), e.getMessage());
    values.put(Prefecture.SAGA, Double.POSITIVE_INFINITY);
    e = assertThrows(IllegalArgumentException.class, () -> JapanMap.builder().choropleth(values, "coverage", "count"));
    assertTrue(e.getMessage().contains("SAGA") && e.getMessage().contains("Infinity"), e.getMessage());
  }

  @Test
  void otherBadInputIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> JapanMap.builder().choropleth(Map.of(), "coverage", "count"));
    assertThrows(IllegalArgumentException.class, () -> JapanMap.builder().choropleth(codes(), " ", "count"));
    assertThrows(IllegalArgumentException.class, () -> JapanMap.builder().choropleth(codes(), "coverage", ""));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JapanMap.builder().size(599, 800));
    assertTrue(e.getMessage().contains("599"), e.getMessage());
    Organization o = Catalog.nationwide().supportOrganizations().get(0);
    assertThrows(IllegalArgumentException.class, () -> JapanMap.builder().organizations(List.of(o, o)));
    IllegalStateException noScale = assertThrows(IllegalStateException.class, () -> JapanMap.builder().build().colour(1));
    assertTrue(noScale.getMessage().contains("no choropleth"));
    JapanMap map = JapanMap.builder().choropleth(codes(), "JIS code", "code").build();
    assertThrows(IllegalArgumentException.class, () -> map.colour(Double.NaN));
  }

  @Test
  void ticksAreTheEndsAndRoundValuesBetween() {
    assertEquals(List.of(1.0, 10.0, 20.0, 30.0, 40.0, 47.0), JapanMap.ticks(1, 47));
    assertEquals(List.of("1", "10", "20", "30", "40", "47"), JapanMap.tickLabels(JapanMap.ticks(1, 47)));
    assertEquals(List.of("0", "200", "400", "600", "863.3"), JapanMap.tickLabels(JapanMap.ticks(0, 863.3)));
    assertEquals(List.of("0.12", "0.2", "0.4", "0.6", "0.8", "0.97"),
        JapanMap.tickLabels(JapanMap.ticks(0.12, 0.97)));
  }

  @Test
  void japaneseLabelsOnlyWhereAJapaneseFontIsInstalled() {
    JapanMap map = JapanMap.builder().japaneseLabels(true).organizations(Catalog.nationwide().supportOrganizations()).build();
    assertEquals(JapanMap.japaneseFont().isPresent(), map.japaneseLabels());
    assertFalse(JapanMap.builder().build().japaneseLabels());
    assertEquals(map.width(), map.render().getWidth());
  }

  @Test
  void japaneseLabelsChangeTheTextNotTheMap() {
    assumeTrue(JapanMap.japaneseFont().isPresent(), "no Japanese font installed: nothing to compare");
    Map<Prefecture, Double> values = codes();
    values.remove(Prefecture.NAGASAKI);
    JapanMap english = JapanMap.builder().choropleth(values, "JIS code", "code").build();
    JapanMap japanese = JapanMap.builder().choropleth(values, "JIS code", "code").japaneseLabels(true).build();
    assertTrue(japanese.japaneseLabels());
    BufferedImage a = english.render();
    BufferedImage b = japanese.render();
    assertFalse(Arrays.equals(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()),
        b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth())), "the legend's words differ");
    Point2D fukushima = english.pixel(Prefecture.FUKUSHIMA.capital());
    assertEquals(a.getRGB((int) fukushima.getX(), (int) fukushima.getY()), b.getRGB((int) fukushima.getX(), (int) fukushima.getY()));
  }

  /** A signed effect: white at zero, the scale symmetric about it, brown below and teal above. */
  @Test
  void aDivergingChoroplethIsWhiteAtZeroAndSymmetric() {
    Map<Prefecture, Double> effect = new EnumMap<>(Prefecture.class);
    effect.put(Prefecture.AICHI, -0.5);
    effect.put(Prefecture.MIE, 3.0);
    effect.put(Prefecture.TOKYO, 0.0);
    JapanMap map = JapanMap.builder().divergingChoropleth(effect, "Council - baseline", "points").build();
    assertEquals(new Color(0xF5F5F5), map.colour(0));
    assertEquals(new Color(0xF5F5F5), map.fill(Prefecture.TOKYO));
    assertEquals(new Color(0x8C510A), map.colour(-3), "the scale runs to minus the largest absolute value");
    assertEquals(new Color(0x01665E), map.colour(3));
    Color below = map.colour(-1.5);
    Color above = map.colour(1.5);
    assertTrue(below.getRed() > below.getBlue() && above.getBlue() > above.getRed(), below + " " + above);
    // a sequential scale of the same values would put the smallest value at its lightest end, not zero
    JapanMap sequential = JapanMap.builder().choropleth(effect, "Council - baseline", "points").build();
    assertEquals(sequential.colour(-0.5), sequential.colour(-100));
    assertTrue(!sequential.colour(0).equals(map.colour(0)));
    BufferedImage image = map.render();
    assertEquals(map.width(), image.getWidth());
  }
}
