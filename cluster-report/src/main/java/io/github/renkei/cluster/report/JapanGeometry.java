package io.github.renkei.cluster.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.region.GeoPoint;
import io.github.renkei.cluster.region.Prefecture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outlines of Japan's 47 prefectures: simplified polygons from Natural Earth's 1:10m admin-1
 * states and provinces (public domain), shipped as the resource {@value #RESOURCE} next to this
 * class.
 *
 * <pre>{@code
 * JapanGeometry japan = JapanGeometry.standard();
 * japan.contains(Prefecture.FUKUSHIMA, Prefecture.FUKUSHIMA.capital());   // true
 * japan.locate(GeoPoint.of(37.4, 140.4));                                // Optional[FUKUSHIMA] (Koriyama)
 * }</pre>
 *
 * <p>The resource was made once by {@code cluster-report/src/build/simplify_prefectures.py}:
 * coordinates rounded to 0.001° (about 100 m), borders simplified by Douglas–Peucker with a
 * tolerance of 0.012° (about 1 km) as shared arcs, so neighbours keep one common border, and
 * islands smaller than about 8 km² left out. That is fine for a map of the whole country and
 * for telling which prefecture a city lies in, not for anything near a border or a coast
 * within a kilometre or two. The remote islands of Tokyo (Ogasawara) are in the data; Natural
 * Earth's Amami islands were moved from Okinawa to Kagoshima, where they belong.
 *
 * @see <a href="https://www.naturalearthdata.com/downloads/10m-cultural-vectors/10m-admin-1-states-provinces/">Natural
 *     Earth, Admin 1 – States, Provinces (public domain)</a>
 */
public final class JapanGeometry {

  /** The resource, relative to this class, that holds the prefecture polygons. */
  public static final String RESOURCE = "japan-prefectures.txt";

  /**
   * A closed ring of a prefecture's outline (an island or the mainland part), its closing
   * vertex not repeated.
   *
   * @param vertices the vertices in order, at least three
   */
  public record Ring(ImmutableList<GeoPoint> vertices) {

    /**
     * Validates the vertices.
     *
     * @param vertices the vertices, at least three
     * @throws IllegalArgumentException if there are fewer than three
     */
    public Ring {
      checkNotNull(vertices, "vertices");
      checkArgument(vertices.size() >= 3, "a ring needs at least 3 vertices but had %s", vertices.size());
    }

    /**
     * Whether a point lies inside the ring, by the even–odd rule on longitude and latitude
     * (a ray cast eastwards; a point exactly on an edge may count either way).
     *
     * @param point the point
     * @return whether it is inside
     */
    public boolean contains(GeoPoint point) {
      double x = point.longitude();
      double y = point.latitude();
      boolean inside = false;
      int n = vertices.size();
      for (int i = 0, j = n - 1; i < n; j = i++) {
        GeoPoint a = vertices.get(i);
        GeoPoint b = vertices.get(j);
        if ((a.latitude() > y) != (b.latitude() > y)) {
          double crossing = a.longitude()
              + (y - a.latitude()) / (b.latitude() - a.latitude()) * (b.longitude() - a.longitude());
          if (x < crossing) {
            inside = !inside;
          }
        }
      }
      return inside;
    }

    /**
     * The ring's area in square degrees (longitude × latitude, unprojected), by the shoelace
     * formula; only to compare the parts of one prefecture.
     *
     * @return the area, {@code >= 0}
     */
    public double areaSquareDegrees() {
      double sum = 0;
      int n = vertices.size();
      for (int i = 0, j = n - 1; i < n; j = i++) {
        GeoPoint a = vertices.get(j);
        GeoPoint b = vertices.get(i);
        sum += a.longitude() * b.latitude() - b.longitude() * a.latitude();
      }
      return Math.abs(sum) / 2;
    }
  }

  private static final class Standard {
    static final JapanGeometry INSTANCE = load();

    private static JapanGeometry load() {
      try (InputStream in = JapanGeometry.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("resource " + RESOURCE + " is missing next to " + JapanGeometry.class.getName());
        }
        return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
      }
    }
  }

  private final ImmutableMap<Prefecture, ImmutableList<Ring>> rings;

  private JapanGeometry(ImmutableMap<Prefecture, ImmutableList<Ring>> rings) {
    this.rings = rings;
  }

  /**
   * Returns the prefecture outlines shipped with the library, read once.
   *
   * @return the geometry of all 47 prefectures
   * @throws IllegalStateException if the resource is missing or malformed (a broken build)
   */
  public static JapanGeometry standard() {
    return Standard.INSTANCE;
  }

  /**
   * Reads the resource format: lines starting with {@code #} are comments; a line
   * {@code P <code> <ENUM NAME>} starts a prefecture; each following line is one ring of
   * space-separated {@code longitude,latitude} pairs. Every prefecture must appear exactly once
   * with at least one ring.
   */
  static JapanGeometry read(BufferedReader reader, String source) throws IOException {
    Map<Prefecture, List<Ring>> rings = new EnumMap<>(Prefecture.class);
    Prefecture current = null;
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("P ")) {
        current = prefectureLine(line, source, lineNumber);
        if (rings.containsKey(current)) {
          throw malformed(source, lineNumber, "prefecture " + current + " appears twice");
        }
        rings.put(current, new ArrayList<>());
        continue;
      }
      if (current == null) {
        throw malformed(source, lineNumber, "a ring before the first 'P <code> <name>' line");
      }
      rings.get(current).add(ringLine(line, source, lineNumber));
    }
    ImmutableMap.Builder<Prefecture, ImmutableList<Ring>> result = ImmutableMap.builder();
    List<Prefecture> missing = new ArrayList<>();
    for (Prefecture p : Prefecture.values()) {
      List<Ring> list = rings.get(p);
      if (list == null || list.isEmpty()) {
        missing.add(p);
      } else {
        result.put(p, ImmutableList.copyOf(list));
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(source + ": no polygon for " + missing.size() + " prefectures: " + missing);
    }
    return new JapanGeometry(result.build());
  }

  private static Prefecture prefectureLine(String line, String source, int lineNumber) {
    String[] parts = line.trim().split("\\s+");
    if (parts.length != 3) {
      throw malformed(source, lineNumber, "expected 'P <code> <name>' but was '" + line + "'");
    }
    int code;
    try {
      code = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw malformed(source, lineNumber, "prefecture code '" + parts[1] + "' is not a number");
    }
    if (code < 1 || code > 47) {
      throw malformed(source, lineNumber, "prefecture code must be in 1..47 but was " + code);
    }
    Prefecture p = Prefecture.ofCode(code);
    if (!p.name().equals(parts[2])) {
      throw malformed(source, lineNumber, "code " + code + " is " + p.name() + " but the line names '" + parts[2] + "'");
    }
    return p;
  }

  private static Ring ringLine(String line, String source, int lineNumber) {
    String[] pairs = line.trim().split("\\s+");
    if (pairs.length < 3) {
      throw malformed(source, lineNumber, "a ring needs at least 3 vertices but had " + pairs.length);
    }
    ImmutableList.Builder<GeoPoint> vertices = ImmutableList.builderWithExpectedSize(pairs.length);
    for (String pair : pairs) {
      int comma = pair.indexOf(',');
      try {
        if (comma < 0) {
          throw new NumberFormatException("no comma");
        }
        double longitude = Double.parseDouble(pair.substring(0, comma));
        double latitude = Double.parseDouble(pair.substring(comma + 1));
        vertices.add(GeoPoint.of(latitude, longitude));
      } catch (IllegalArgumentException e) {   // NumberFormatException, or a coordinate out of range
        throw malformed(source, lineNumber, "vertex '" + pair + "' is not 'longitude,latitude' in degrees: " + e.getMessage());
      }
    }
    return new Ring(vertices.build());
  }

  private static IllegalStateException malformed(String source, int lineNumber, String message) {
    return new IllegalStateException(source + ":" + lineNumber + ": " + message);
  }

  /**
   * Returns a prefecture's rings, its largest part (the mainland part, or the main island)
   * first.
   *
   * @param prefecture the prefecture
   * @return one or more rings
   */
  public ImmutableList<Ring> rings(Prefecture prefecture) {
    checkNotNull(prefecture, "prefecture");
    return rings.get(prefecture);
  }

  /**
   * Whether a point lies inside one of a prefecture's rings.
   *
   * @param prefecture the prefecture
   * @param point the point
   * @return whether the prefecture's outline contains the point
   */
  public boolean contains(Prefecture prefecture, GeoPoint point) {
    checkNotNull(point, "point");
    for (Ring ring : rings(prefecture)) {
      if (ring.contains(point)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the prefecture whose outline contains a point.
   *
   * @param point the point
   * @return the prefecture, or empty at sea, abroad, or on a coast the simplified outlines cut off
   */
  public Optional<Prefecture> locate(GeoPoint point) {
    checkNotNull(point, "point");
    for (Prefecture p : Prefecture.values()) {
      if (contains(p, point)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Returns for example {@code JapanGeometry[47 prefectures, 312 rings, 5120 vertices]}. */
  @Override
  public String toString() {
    int ringCount = 0;
    int vertexCount = 0;
    for (ImmutableList<Ring> list : rings.values()) {
      ringCount += list.size();
      for (Ring r : list) {
        vertexCount += r.vertices().size();
      }
    }
    return "JapanGeometry[" + rings.size() + " prefectures, " + ringCount + " rings, " + vertexCount + " vertices]";
  }
}
