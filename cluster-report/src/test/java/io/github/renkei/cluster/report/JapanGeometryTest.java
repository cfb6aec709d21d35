package io.github.renkei.cluster.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.region.GeoPoint;
import io.github.renkei.cluster.region.Prefecture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JapanGeometryTest {

  private static final JapanGeometry JAPAN = JapanGeometry.standard();

  @Test
  void theResourceIsSmall() throws IOException {
    try (InputStream in = JapanGeometry.class.getResourceAsStream(JapanGeometry.RESOURCE)) {
      int size = in.readAllBytes().length;
      assertTrue(size > 20_000 && size < 300_000, "resource size " + size);
    }
  }

  @ParameterizedTest
  @EnumSource(Prefecture.class)
  void everyPrefectureHasPolygonsInsideJapansBoundingBox(Prefecture prefecture) {
    var rings = JAPAN.rings(prefecture);
    assertFalse(rings.isEmpty());
    for (JapanGeometry.Ring ring : rings) {
      assertTrue(ring.vertices().size() >= 3);
      assertTrue(ring.areaSquareDegrees() > 0, prefecture + " has a ring without area");
      for (GeoPoint v : ring.vertices()) {
        // Japan from Yonaguni (122.9° E) to Minamitorishima (154.0° E), Okinotorishima (20.4° N) to Cape Soya (45.6° N)
        assertTrue(v.longitude() >= 122.9 && v.longitude() <= 154.0, prefecture + " " + v);
        assertTrue(v.latitude() >= 20.4 && v.latitude() <= 45.6, prefecture + " " + v);
      }
    }
    double first = rings.get(0).areaSquareDegrees();
    assertTrue(rings.stream().allMatch(r -> r.areaSquareDegrees() <= first), prefecture + ": largest ring first");
  }

  @ParameterizedTest
  @EnumSource(Prefecture.class)
  void everyPrefecturalCapitalLiesInItsOwnPrefectureAndNoOther(Prefecture prefecture) {
    assertTrue(JAPAN.contains(prefecture, prefecture.capital()), prefecture + "'s capital " + prefecture.capital());
    assertEquals(Optional.of(prefecture), JAPAN.locate(prefecture.capital()));
  }

  @Test
  void knownPlacesLieInTheirPrefectures() {
    assertEquals(Optional.of(Prefecture.FUKUSHIMA), JAPAN.locate(GeoPoint.of(37.40, 140.36)));   // Koriyama
    assertEquals(Optional.of(Prefecture.HOKKAIDO), JAPAN.locate(GeoPoint.of(43.77, 142.36)));    // Asahikawa
    assertEquals(Optional.of(Prefecture.NIIGATA), JAPAN.locate(GeoPoint.of(38.05, 138.40)));     // Sado island
    assertEquals(Optional.of(Prefecture.OKINAWA), JAPAN.locate(GeoPoint.of(24.40, 124.18)));     // Ishigaki island, inland
    assertEquals(Optional.of(Prefecture.NAGASAKI), JAPAN.locate(GeoPoint.of(34.40, 129.30)));    // Tsushima
  }

  @Test
  void theAmamiIslandsBelongToKagoshimaNotOkinawa() {
    GeoPoint amamiOshima = GeoPoint.of(28.30, 129.45);   // inland, near Amami city
    assertEquals(Optional.of(Prefecture.KAGOSHIMA), JAPAN.locate(amamiOshima));
    assertFalse(JAPAN.contains(Prefecture.OKINAWA, amamiOshima));
  }

  @Test
  void theSeaAndAbroadAreInNoPrefecture() {
    assertEquals(Optional.empty(), JAPAN.locate(GeoPoint.of(39.0, 135.0)));    // Sea of Japan
    assertEquals(Optional.empty(), JAPAN.locate(GeoPoint.of(33.0, 140.0)));    // Pacific, south of Hachijo
    assertEquals(Optional.empty(), JAPAN.locate(GeoPoint.of(37.57, 126.98)));  // Seoul
  }

  @Test
  void aMissingPrefectureIsReportedWithTheCount() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> read("P 01 HOKKAIDO\n141,43 142,43 142,44\n"));
    assertTrue(e.getMessage().contains("no polygon for 46 prefectures"), e.getMessage());
  }

  @Test
  void malformedLinesAreRejectedWithTheirLineNumber() {
    assertMessage("test:2: vertex '141;43' is not 'longitude,latitude'", "P 01 HOKKAIDO\n141;43 142,43 142,44\n");
    assertMessage("test:2: vertex '141,95' is not 'longitude,latitude'", "P 01 HOKKAIDO\n141,95 142,43 142,44\n");
    assertMessage("test:1: code 2 is AOMORI but the line names 'HOKKAIDO'", "P 02 HOKKAIDO\n");
    assertMessage("test:1: prefecture code must be in 1..47 but was 48", "P 48 HOKKAIDO\n");
    assertMessage("test:2: a ring needs at least 3 vertices but had 2", "P 01 HOKKAIDO\n141,43 142,43\n");
    assertMessage("test:1: a ring before the first", "141,43 142,43 142,44\n");
    assertMessage("test:3: prefecture HOKKAIDO appears twice", "P 01 HOKKAIDO\n141,43 142,43 142,44\nP 01 HOKKAIDO\n");
  }

  @Test
  void aRingTellsInsideFromOutside() {
    var square = new JapanGeometry.Ring(com.google.common.collect.ImmutableList.of(
        GeoPoint.of(35, 139), GeoPoint.of(35, 140), GeoPoint.of(36, 140), GeoPoint.of(36, 139)));
    assertTrue(square.contains(GeoPoint.of(35.5, 139.5)));
    assertFalse(square.contains(GeoPoint.of(35.5, 140.5)));
    assertFalse(square.contains(GeoPoint.of(36.5, 139.5)));
    assertEquals(1.0, square.areaSquareDegrees(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> new JapanGeometry.Ring(
        com.google.common.collect.ImmutableList.of(GeoPoint.of(35, 139), GeoPoint.of(35, 140))));
  }

  private static void assertMessage(String expectedStart, String text) {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> read(text));
    assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
  }

  private static JapanGeometry read(String text) throws IOException {
    return JapanGeometry.read(new BufferedReader(new StringReader(text)), "test");
  }
}
