package io.github.renkei.cluster.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Specification of {@link GeoPoint} and of great-circle distance between prefectural offices.
 *
 * <p>Reference distances were computed independently from the GSI office coordinates
 * (facts.md B3) on a sphere of radius 6371.0088 km; they agree with published road-atlas
 * straight-line distances (東京–大阪 about 400 km, 福島–東京 about 240 km).
 */
class GeoPointTest {

  /** Tolerance of the independent cross-checks: 1 metre, far above the formulas' rounding error (~0.2 m). */
  private static final double ONE_METRE_KM = 0.001;

  private static final double R = GeoPoint.MEAN_EARTH_RADIUS_KM;

  @Test
  void meanEarthRadiusIsTheIuggR1OfWgs84() {
    assertEquals(6371.0088, GeoPoint.MEAN_EARTH_RADIUS_KM, 0.0);
  }

  @Test
  void tokyoToOsakaPrefecturalOfficesIsAbout395Km() {
    assertEquals(395.0, Prefecture.TOKYO.distanceKm(Prefecture.OSAKA), 3.0);
  }

  @Test
  void fukushimaToTokyoPrefecturalOfficesIsAbout239Km() {
    assertEquals(239.0, Prefecture.FUKUSHIMA.distanceKm(Prefecture.TOKYO), 3.0);
  }

  @Test
  void fukushimaToIwateIsAbout225KmAsTheJavadocSays() {
    assertEquals(225.0, Prefecture.FUKUSHIMA.distanceKm(Prefecture.IWATE), 3.0);
  }

  @Test
  void oneDegreeOfLatitudeIsAbout111Km() {
    assertEquals(R * Math.PI / 180, GeoPoint.of(35, 139).distanceKm(GeoPoint.of(36, 139)), 1e-9);
  }

  @Test
  void antipodalPointsAreHalfACircumferenceApart() {
    assertEquals(Math.PI * R, GeoPoint.of(0, 0).distanceKm(GeoPoint.of(0, 180)), 1e-6);
    assertEquals(Math.PI * R, GeoPoint.of(90, 0).distanceKm(GeoPoint.of(-90, 0)), 1e-6);
    assertEquals(Math.PI * R, GeoPoint.of(35.68944, 139.69167).distanceKm(GeoPoint.of(-35.68944, -40.30833)), 1e-6);
  }

  @Test
  void longitudes180AndMinus180AreTheSameMeridian() {
    assertEquals(0.0, GeoPoint.of(10, 180).distanceKm(GeoPoint.of(10, -180)), 1e-9);
  }

  @Test
  void prefectureCapitalIsTheOfficeCoordinates() {
    // facts.md B3: GSI-derived office coordinates
    assertEquals(GeoPoint.of(37.75, 140.46778), Prefecture.FUKUSHIMA.capital());
    assertEquals(GeoPoint.of(35.68944, 139.69167), Prefecture.TOKYO.capital());
    assertEquals(GeoPoint.of(43.06417, 141.34694), Prefecture.HOKKAIDO.capital());
    assertEquals(GeoPoint.of(38.26889, 140.87194), Prefecture.MIYAGI.capital());
    assertEquals(GeoPoint.of(35.85694, 139.64889), Prefecture.SAITAMA.capital());
    assertEquals(GeoPoint.of(35.60472, 140.12333), Prefecture.CHIBA.capital());
  }

  @Test
  void everyPrefecturalOfficeLiesInsideJapansBoundingBox() {
    for (Prefecture p : Prefecture.values()) {
      GeoPoint c = p.capital();
      assertTrue(c.latitude() > 24 && c.latitude() < 46, p + " " + c);
      assertTrue(c.longitude() > 122 && c.longitude() < 154, p + " " + c);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, 91, -91, 90.0000001, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void latitudeOutsideMinus90To90IsRejectedNamingTheValue(double latitude) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GeoPoint.of(latitude, 0));
    assertTrue(e.getMessage().contains("latitude"), e.getMessage());
    assertTrue(e.getMessage().contains(Double.toString(latitude)), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, -181, 181, 180.0000001, Double.POSITIVE_INFINITY})
  void longitudeOutsideMinus180To180IsRejectedNamingTheValue(double longitude) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GeoPoint(0, longitude));
    assertTrue(e.getMessage().contains("longitude"), e.getMessage());
    assertTrue(e.getMessage().contains(Double.toString(longitude)), e.getMessage());
  }

  @Test
  void theBoundaryValuesAreAccepted() {
    GeoPoint.of(90, 180);
    GeoPoint.of(-90, -180);
    GeoPoint.of(0, 0);
  }

  // --- properties over prefectures -------------------------------------------------------------

  @Property
  void distanceFromAPrefectureToItselfIsZero(@ForAll Prefecture p) {
    assertEquals(0.0, p.distanceKm(p), 0.0);
  }

  @Property
  void distanceBetweenPrefecturesIsSymmetric(@ForAll Prefecture a, @ForAll Prefecture b) {
    assertEquals(a.distanceKm(b), b.distanceKm(a), 1e-9);
  }

  @Property
  void distanceBetweenDifferentPrefecturesIsPositiveAndBelow3000Km(@ForAll Prefecture a, @ForAll Prefecture b) {
    double d = a.distanceKm(b);
    if (a == b) {
      assertEquals(0.0, d, 0.0);
    } else {
      assertTrue(d > 0 && d < 3000, a + "–" + b + ": " + d);
    }
  }

  @Property
  void distanceBetweenPrefecturesObeysTheTriangleInequality(
      @ForAll Prefecture a, @ForAll Prefecture b, @ForAll Prefecture c) {
    assertTrue(a.distanceKm(c) <= a.distanceKm(b) + b.distanceKm(c) + 1e-9,
        a + " " + b + " " + c);
  }

  // --- properties over arbitrary points ---------------------------------------------------------

  @Property
  void distanceFromAPointToItselfIsZero(
      @ForAll @DoubleRange(min = -90, max = 90) double lat,
      @ForAll @DoubleRange(min = -180, max = 180) double lon) {
    GeoPoint p = GeoPoint.of(lat, lon);
    assertEquals(0.0, p.distanceKm(p), 0.0);
  }

  @Property
  void distanceIsSymmetricFiniteAndAtMostHalfACircumference(
      @ForAll @DoubleRange(min = -90, max = 90) double lat1,
      @ForAll @DoubleRange(min = -180, max = 180) double lon1,
      @ForAll @DoubleRange(min = -90, max = 90) double lat2,
      @ForAll @DoubleRange(min = -180, max = 180) double lon2) {
    GeoPoint a = GeoPoint.of(lat1, lon1);
    GeoPoint b = GeoPoint.of(lat2, lon2);
    double d = a.distanceKm(b);
    assertTrue(Double.isFinite(d) && d >= 0 && d <= Math.PI * R + 1e-9, Double.toString(d));
    assertEquals(d, b.distanceKm(a), 1e-9);
  }

  /**
   * Haversine against the Vincenty formula specialised to the sphere (atan2 form, well
   * conditioned at every distance): equal within 1 metre.
   */
  @Property
  void haversineAgreesWithSphericalVincentyWithinOneMetre(
      @ForAll @DoubleRange(min = -90, max = 90) double lat1,
      @ForAll @DoubleRange(min = -180, max = 180) double lon1,
      @ForAll @DoubleRange(min = -90, max = 90) double lat2,
      @ForAll @DoubleRange(min = -180, max = 180) double lon2) {
    double expected = vincentySphere(lat1, lon1, lat2, lon2);
    assertEquals(expected, GeoPoint.of(lat1, lon1).distanceKm(GeoPoint.of(lat2, lon2)), ONE_METRE_KM);
  }

  /**
   * Haversine against the spherical law of cosines: equal within 1 metre (the law of cosines
   * loses about 0.1 m near zero distance through acos, so 1 m is the stated tolerance).
   */
  @Property
  void haversineAgreesWithTheSphericalLawOfCosinesWithinOneMetre(
      @ForAll @DoubleRange(min = -90, max = 90) double lat1,
      @ForAll @DoubleRange(min = -180, max = 180) double lon1,
      @ForAll @DoubleRange(min = -90, max = 90) double lat2,
      @ForAll @DoubleRange(min = -180, max = 180) double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dl = Math.toRadians(lon2 - lon1);
    double cos = Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(dl);
    double expected = R * Math.acos(Math.max(-1, Math.min(1, cos)));
    assertEquals(expected, GeoPoint.of(lat1, lon1).distanceKm(GeoPoint.of(lat2, lon2)), ONE_METRE_KM);
  }

  @Property
  void nearbyPointsAgreeWithSphericalVincentyWithinOneMillimetre(
      @ForAll @DoubleRange(min = 24, max = 46) double lat,
      @ForAll @DoubleRange(min = 122, max = 154) double lon,
      @ForAll @DoubleRange(min = -0.01, max = 0.01) double dLat,
      @ForAll @DoubleRange(min = -0.01, max = 0.01) double dLon) {
    double expected = vincentySphere(lat, lon, lat + dLat, lon + dLon);
    assertEquals(expected, GeoPoint.of(lat, lon).distanceKm(GeoPoint.of(lat + dLat, lon + dLon)), 1e-6);
  }

  private static double vincentySphere(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dl = Math.toRadians(lon2 - lon1);
    double y = Math.hypot(
        Math.cos(p2) * Math.sin(dl),
        Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl));
    double x = Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(dl);
    return R * Math.atan2(y, x);
  }
}
