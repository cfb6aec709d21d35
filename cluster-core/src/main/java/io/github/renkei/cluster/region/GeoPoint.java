package io.github.renkei.cluster.region;

/**
 * A point on the Earth's surface in decimal degrees (WGS 84 / JGD2011; the two agree to well
 * under a metre, far below what a cluster model needs).
 *
 * <pre>{@code
 * double km = Prefecture.FUKUSHIMA.capital().distanceKm(Prefecture.TOKYO.capital()); // about 240
 * }</pre>
 *
 * @param latitude degrees north, in [-90, 90]
 * @param longitude degrees east, in [-180, 180]
 */
public record GeoPoint(double latitude, double longitude) {

  /**
   * Mean Earth radius R1 = (2a + b) / 3 of the WGS 84 ellipsoid, in kilometres, as recommended
   * by the IUGG for spherical approximations (Moritz, "Geodetic Reference System 1980",
   * Journal of Geodesy 74 (2000) 128–133).
   */
  public static final double MEAN_EARTH_RADIUS_KM = 6371.0088;

  /**
   * Validates the coordinates.
   *
   * @param latitude degrees north, in [-90, 90]
   * @param longitude degrees east, in [-180, 180]
   * @throws IllegalArgumentException if a coordinate is not finite or out of range
   */
  public GeoPoint {
    if (!(latitude >= -90.0 && latitude <= 90.0)) {
      throw new IllegalArgumentException("latitude must be in [-90, 90] but was " + latitude);
    }
    if (!(longitude >= -180.0 && longitude <= 180.0)) {
      throw new IllegalArgumentException("longitude must be in [-180, 180] but was " + longitude);
    }
  }

  /**
   * Returns the point at the given coordinates.
   *
   * @param latitude degrees north
   * @param longitude degrees east
   * @return the point
   */
  public static GeoPoint of(double latitude, double longitude) {
    return new GeoPoint(latitude, longitude);
  }

  /**
   * Great-circle distance to another point on a sphere of radius {@link #MEAN_EARTH_RADIUS_KM},
   * by the haversine formula (Sinnott, "Virtues of the Haversine", Sky and Telescope 68 (1984)
   * 159), which stays accurate for small distances. The spherical model errs by at most about
   * 0.5% against the ellipsoid.
   *
   * @param other the other point
   * @return the distance in kilometres, finite and {@code >= 0}
   */
  public double distanceKm(GeoPoint other) {
    double phi1 = Math.toRadians(latitude);
    double phi2 = Math.toRadians(other.latitude);
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians(other.longitude - longitude);
    double sinPhi = Math.sin(dPhi / 2);
    double sinLambda = Math.sin(dLambda / 2);
    double h = sinPhi * sinPhi + Math.cos(phi1) * Math.cos(phi2) * sinLambda * sinLambda;
    // rounding can push h a hair above 1 for antipodal points
    return 2 * MEAN_EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1.0, h)));
  }
}
