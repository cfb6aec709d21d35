package io.github.renkei.cluster.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.region.GeoPoint;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * A map of Japan's 47 prefectures, drawn with Java2D (headless): prefecture outlines with their
 * borders, optionally a choropleth of a per-prefecture metric, and optionally the support
 * organizations with their ★ hubs, with a legend and an inset for the Nansei islands (Okinawa and
 * Amami).
 *
 * <pre>{@code
 * // the nationwide support network: 64 organizations at their prefectures, hubs as stars
 * JapanMap.supportNetwork(Catalog.nationwide()).writePng(Path.of("support-network.png"));
 *
 * // any per-prefecture metric as a choropleth, here how many organizations lie within 100 km
 * Map<Prefecture, Double> within = CoverageValues.supportWithin(
 *     SupportCoverage.of(Catalog.nationwide()).within(100));
 * JapanMap map = JapanMap.builder()
 *     .title("Support organizations within 100 km of each prefectural capital")
 *     .choropleth(within, "Organizations within 100 km", "organizations")
 *     .organizations(Catalog.nationwide().supportOrganizations())
 *     .build();
 * byte[] png = map.png();                       // e.g. to inline in an HTML report
 * }</pre>
 *
 * <p><b>Projection.</b> Equirectangular with the longitude scaled by cos 36° (the latitude of
 * central Honshu): {@code x = (λ − 128.5°) · cos 36°}, {@code y = 45.6° − φ}, both times one
 * scale in pixels per degree of latitude. Across Japan's main islands (30°–45.6° N) lengths
 * east–west are off by at most about 12% at the northern and southern edges, which a
 * country-wide map of prefectures tolerates; areas are not preserved. The inset draws the
 * Nansei islands south of 30° N (Okinawa, Amami, Tokara, the Daito islands) at 0.95 times the
 * main scale with the same formula (less where a narrow image leaves less room; its caption says
 * how much). The remote islands of Tokyo (Ogasawara) and of Okinotorishima
 * and Minamitorishima lie outside both frames and are not drawn.
 *
 * <p><b>Organizations.</b> An organization stands at its prefecture's capital
 * ({@link Prefecture#capital()}); several in one prefecture sit evenly on a small circle around
 * it in the order of their ids, so the same organizations always give the same picture. Hubs
 * ({@link Organization#isHub()}) are stars labelled with their name; labels go where they cover
 * the fewest markers and other labels.
 *
 * <p><b>Choropleth.</b> Values run on a continuous scale from the lowest (pale yellow) to the
 * highest (dark blue) value given; prefectures without a value are grey and listed in the legend
 * as "no data". Values must be finite; a map is never drawn from NaN.
 *
 * <p><b>Labels.</b> English by default. With {@link Builder#japaneseLabels(boolean)} hub names,
 * block names and prefecture names are written in Japanese when a font that can show them is
 * installed ({@link #japaneseFont()}), and in English otherwise.
 *
 * <p>Prefecture outlines: {@link JapanGeometry}, from Natural Earth (public domain).
 *
 * <p>Instances are immutable; rendering draws a new image each time.
 */
public final class JapanMap {

  /** Default width of the image in pixels. */
  public static final int DEFAULT_WIDTH = 1100;
  /** Default height of the image in pixels. */
  public static final int DEFAULT_HEIGHT = 1000;
  /** Smallest width and height accepted, in pixels: below it the legend no longer fits. */
  public static final int MIN_SIZE = 600;

  // the main frame and the inset, in degrees
  private static final double WEST = 128.5;
  private static final double EAST = 146.0;
  private static final double SOUTH = 30.0;
  private static final double NORTH = 45.6;
  private static final double INSET_WEST = 122.8;
  private static final double INSET_EAST = 131.5;
  private static final double INSET_SOUTH = 24.0;
  private static final double INSET_NORTH = 29.95;
  private static final double INSET_SCALE = 0.95;
  private static final double COS = Math.cos(Math.toRadians(36));

  private static final int TITLE_HEIGHT = 54;
  private static final int FOOTER_HEIGHT = 26;
  private static final int LEGEND_WIDTH = 290;
  private static final int MARGIN = 12;

  private static final Color SEA = new Color(0xEAF2F8);
  private static final Color TEXT = new Color(0x222222);
  private static final Color MUTED = new Color(0x555555);
  private static final Color BORDER = new Color(0x7A7A7A);
  private static final Color CHOROPLETH_BORDER = Color.WHITE;
  /** The fill of a prefecture without a value. */
  public static final Color NO_DATA = new Color(0xBDBDBD);
  /** The fill of a hub's star on a choropleth. */
  static final Color HUB_STAR = new Color(0xF39C12);
  private static final Color ORGANIZATION_DOT = new Color(0x303030);
  /** The choropleth's colour stops, lowest to highest value: pale yellow, green, teal, blue, navy. */
  private static final Color[] SCALE = {
      new Color(0xFAF6C8), new Color(0xC2E3A6), new Color(0x62BDB4), new Color(0x2F7EB6), new Color(0x1E3580)};
  /**
   * The diverging scale's colour stops, from the most negative value through zero (white) to the
   * most positive: brown, tan, white, teal, dark teal (ColorBrewer BrBG, colour-blind safe).
   */
  private static final Color[] DIVERGING = {
      new Color(0x8C510A), new Color(0xD8B365), new Color(0xF5F5F5), new Color(0x5AB4AC), new Color(0x01665E)};
  /** Marker colours of the region blocks, in {@link RegionBlock} order. */
  private static final Color[] BLOCK_COLOURS = {
      new Color(0x1F77B4), new Color(0xD62728), new Color(0x2CA02C), new Color(0x9467BD),
      new Color(0xFF7F0E), new Color(0x17BECF), new Color(0x8C564B), new Color(0xE377C2)};

  private static final String SOURCE_CREDIT =
      "Prefecture outlines: Natural Earth 1:10m admin-1 (public domain), simplified. Projection: equirectangular, cos 36°.";
  private static final String SOURCE_CREDIT_JA =
      "都道府県界: Natural Earth 1:10m admin-1（パブリックドメイン）を簡略化。図法: 正距円筒図法（cos 36°）。";

  private final int width;
  private final int height;
  private final String title;
  private final Optional<Choropleth> choropleth;
  private final ImmutableList<Organization> organizations;
  private final boolean japanese;
  private final String fontFamily;
  private final JapanGeometry geometry;
  // the layout, derived from the size
  private final double scale;
  private final double originX;
  private final double originY;
  private final Rectangle2D mapArea;
  private final Rectangle2D insetBox;
  private final double insetScale;
  /** Markers and labels grow and shrink with the map, within limits, from their size at the default size. */
  private final double markerScale;

  private record Choropleth(ImmutableMap<Prefecture, Double> values, String metric, String unit,
      double min, double max, boolean diverging) {
    Color[] stops() {
      return diverging ? DIVERGING : SCALE;
    }
  }

  private JapanMap(Builder b) {
    this.width = b.width;
    this.height = b.height;
    this.title = b.title;
    this.choropleth = b.choropleth;
    this.organizations = ImmutableList.sortedCopyOf(Comparator.comparing(Organization::id), b.organizations);
    Optional<String> cjk = b.japaneseLabels ? japaneseFont() : Optional.empty();
    this.japanese = cjk.isPresent();
    this.fontFamily = cjk.orElse(Font.SANS_SERIF);
    this.geometry = JapanGeometry.standard();

    double availableWidth = width - LEGEND_WIDTH - 2 * MARGIN;
    double availableHeight = height - TITLE_HEIGHT - FOOTER_HEIGHT - MARGIN;
    this.scale = Math.min(availableWidth / ((EAST - WEST) * COS), availableHeight / (NORTH - SOUTH));
    double mapWidth = (EAST - WEST) * COS * scale;
    double mapHeight = (NORTH - SOUTH) * scale;
    this.originX = MARGIN + (availableWidth - mapWidth) / 2;
    this.originY = TITLE_HEIGHT + (availableHeight - mapHeight) / 2;
    this.mapArea = new Rectangle2D.Double(originX, originY, mapWidth, mapHeight);
    // the inset sits in the Sea of Japan, top left, which holds no land west of 138.9° E and
    // north of 38.8° N; shrink it if a narrow image leaves less room
    double roomWidth = (138.9 - WEST) * COS * scale;
    double roomHeight = (NORTH - 38.8) * scale;
    double insetWidth = (INSET_EAST - INSET_WEST) * COS;
    double insetHeight = INSET_NORTH - INSET_SOUTH;
    this.insetScale = Math.min(INSET_SCALE * scale,
        Math.min((roomWidth - 16) / insetWidth, (roomHeight - 30) / insetHeight));
    this.markerScale = Math.max(0.7, Math.min(1.4, scale / 57.0));
    this.insetBox = new Rectangle2D.Double(originX + 6, originY + 6, insetWidth * insetScale,
        insetHeight * insetScale + 22);
  }

  /**
   * Returns a builder of a map: no title, no choropleth, no organizations, English labels,
   * {@value #DEFAULT_WIDTH} × {@value #DEFAULT_HEIGHT} pixels.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the map of a catalog's support organizations and hubs, titled with their counts.
   *
   * @param catalog the catalog, for example {@link Catalog#nationwide()}
   * @return the map
   * @throws IllegalArgumentException if the catalog has no support organization
   */
  public static JapanMap supportNetwork(Catalog catalog) {
    checkNotNull(catalog, "catalog");
    ImmutableList<Organization> support = catalog.supportOrganizations();
    checkArgument(!support.isEmpty(), "the catalog has no support organization to draw (%s)", catalog);
    long hubs = support.stream().filter(Organization::isHub).count();
    return builder()
        .title("Medical–engineering support network: " + support.size() + " organizations, " + hubs + " hubs (★)")
        .organizations(support)
        .build();
  }

  /**
   * The family of a font that shows Japanese text, if one is installed: the logical
   * {@code SansSerif} font if it can (Java composes it from the installed fonts, so Latin text
   * keeps its usual look), otherwise a well-known Japanese family (Noto Sans CJK JP,
   * IPAexGothic, ...), otherwise any family that can show the names of all 47 prefectures.
   *
   * @return the family name, or empty if no installed font shows Japanese
   */
  public static Optional<String> japaneseFont() {
    String sample = String.join("", Arrays.stream(Prefecture.values()).map(Prefecture::nameJa).toList())
        + "支援機関拠点南西諸島データなし";
    if (new Font(Font.SANS_SERIF, Font.PLAIN, 12).canDisplayUpTo(sample) == -1) {
      return Optional.of(Font.SANS_SERIF);
    }
    String[] families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT);
    List<String> preferred = List.of("Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "IPAGothic",
        "IPAPGothic", "TakaoPGothic", "VL PGothic", "Hiragino Sans", "Yu Gothic", "Meiryo", "MS Gothic");
    for (String name : preferred) {
      for (String family : families) {
        if (family.equalsIgnoreCase(name) && new Font(family, Font.PLAIN, 12).canDisplayUpTo(sample) == -1) {
          return Optional.of(family);
        }
      }
    }
    for (String family : families) {
      if (!isLogical(family) && new Font(family, Font.PLAIN, 12).canDisplayUpTo(sample) == -1) {
        return Optional.of(family);
      }
    }
    return Optional.empty();
  }

  private static boolean isLogical(String family) {
    return List.of(Font.DIALOG, Font.DIALOG_INPUT, Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED).contains(family);
  }

  /**
   * The image's width.
   *
   * @return pixels
   */
  public int width() {
    return width;
  }

  /**
   * The image's height.
   *
   * @return pixels
   */
  public int height() {
    return height;
  }

  /**
   * Whether labels are drawn in Japanese: asked for, and a Japanese font is installed.
   *
   * @return whether the labels are Japanese
   */
  public boolean japaneseLabels() {
    return japanese;
  }

  /**
   * Where a point lies in the image: in the inset if it is inside the inset's frame (south of
   * 29.95° N, 122.8°–131.5° E), otherwise in the main frame, which may be outside the image for
   * points far from Japan.
   *
   * @param point the point
   * @return pixel coordinates, x to the right and y down from the top-left corner
   */
  public Point2D pixel(GeoPoint point) {
    checkNotNull(point, "point");
    double lat = point.latitude();
    double lon = point.longitude();
    if (inInsetFrame(lat, lon)) {
      return new Point2D.Double(insetBox.getX() + (lon - INSET_WEST) * COS * insetScale,
          insetBox.getY() + 22 + (INSET_NORTH - lat) * insetScale);
    }
    return new Point2D.Double(originX + (lon - WEST) * COS * scale, originY + (NORTH - lat) * scale);
  }

  private static boolean inInsetFrame(double lat, double lon) {
    return lat < INSET_NORTH && lat >= INSET_SOUTH && lon >= INSET_WEST && lon <= INSET_EAST;
  }

  /**
   * The colour a prefecture is filled with: its choropleth colour, {@link #NO_DATA} if the
   * choropleth has no value for it, or a pale tint of its region block's colour on a map
   * without a choropleth.
   *
   * @param prefecture the prefecture
   * @return the fill colour
   */
  public Color fill(Prefecture prefecture) {
    checkNotNull(prefecture, "prefecture");
    if (choropleth.isEmpty()) {
      return mix(Color.WHITE, blockColour(prefecture.block()), 0.18);
    }
    Double v = choropleth.get().values().get(prefecture);
    return v == null ? NO_DATA : colour(v);
  }

  /**
   * The colour of a value on this map's choropleth scale.
   *
   * @param value a finite value; outside the scale's range it takes the colour of the nearest end
   * @return the colour
   * @throws IllegalStateException if the map has no choropleth
   * @throws IllegalArgumentException if the value is NaN or infinite
   */
  public Color colour(double value) {
    Choropleth c = choropleth.orElseThrow(() -> new IllegalStateException("this map has no choropleth"));
    checkArgument(Double.isFinite(value), "value must be finite but was %s", value);
    double t = c.max() == c.min() ? 0.5 : (value - c.min()) / (c.max() - c.min());
    Color[] stops = c.stops();
    t = Math.max(0, Math.min(1, t)) * (stops.length - 1);
    int i = Math.min((int) t, stops.length - 2);
    return mix(stops[i], stops[i + 1], t - i);
  }

  /**
   * Draws the map.
   *
   * @return a new RGB image of {@link #width()} × {@link #height()} pixels
   */
  public BufferedImage render() {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(SEA);
      g.fill(mapArea);
      drawTitle(g);
      drawPrefectures(g, false);
      drawInsetFrame(g);
      drawPrefectures(g, true);
      List<Rectangle2D> taken = new ArrayList<>();
      taken.add(insetBox);
      drawOrganizations(g, taken);
      g.setColor(BORDER);
      g.setStroke(new BasicStroke(1f));
      g.draw(mapArea);
      drawLegend(g);
      g.setFont(font(Font.PLAIN, 11));
      g.setColor(MUTED);
      g.drawString(fit(g.getFontMetrics(), japanese ? SOURCE_CREDIT_JA : SOURCE_CREDIT, width - 2 * MARGIN),
          (float) MARGIN, height - 9f);
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * Draws the map as a PNG.
   *
   * @return the PNG's bytes
   */
  public byte[] png() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(render(), "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the map as PNG", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Writes the map as a PNG file, atomically (a temporary file next to it, then a move).
   *
   * @param file where to write; its directory must exist
   * @return {@code file}
   * @throws UncheckedIOException if the file cannot be written
   */
  public Path writePng(Path file) {
    checkNotNull(file, "file");
    Path dir = file.toAbsolutePath().getParent();
    try {
      // a sibling, not Files.createTempFile, so the file gets the usual permissions, not 0600
      Path tmp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
      try {
        Files.write(tmp, png());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the map to " + file, e);
    }
    return file;
  }

  // --- drawing -----------------------------------------------------------------------------

  private Font font(int style, float size) {
    return new Font(fontFamily, style, 1).deriveFont(size);
  }

  private void drawTitle(Graphics2D g) {
    g.setColor(TEXT);
    g.setFont(font(Font.BOLD, 19));
    g.drawString(fit(g.getFontMetrics(), title, width - 2 * MARGIN), (float) MARGIN, 32f);
  }

  private void drawPrefectures(Graphics2D g, boolean inset) {
    Shape clip = g.getClip();
    g.clip(inset ? insetBox : mapArea);
    Color border = choropleth.isPresent() ? CHOROPLETH_BORDER : BORDER;
    g.setStroke(new BasicStroke(choropleth.isPresent() ? 0.9f : 0.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (Prefecture p : Prefecture.values()) {
      Path2D path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
      for (JapanGeometry.Ring ring : geometry.rings(p)) {
        GeoPoint first = ring.vertices().get(0);
        if (inInsetFrame(first.latitude(), first.longitude()) != inset) {
          continue;
        }
        boolean start = true;
        for (GeoPoint v : ring.vertices()) {
          Point2D xy = pixel(v);
          if (start) {
            path.moveTo(xy.getX(), xy.getY());
            start = false;
          } else {
            path.lineTo(xy.getX(), xy.getY());
          }
        }
        path.closePath();
      }
      g.setColor(fill(p));
      g.fill(path);
      g.setColor(border);
      g.draw(path);
    }
    g.setClip(clip);
  }

  private void drawInsetFrame(Graphics2D g) {
    g.setColor(SEA);
    g.fill(insetBox);
    g.setColor(BORDER);
    g.setStroke(new BasicStroke(1f));
    g.draw(insetBox);
    g.setFont(font(Font.PLAIN, 12));
    g.setColor(MUTED);
    long percent = Math.round(100 * insetScale / scale);
    String caption = japanese ? "南西諸島（沖縄・奄美）本図の" + percent + "%の縮尺"
        : "Nansei islands (Okinawa, Amami), " + percent + "% scale";
    g.drawString(fit(g.getFontMetrics(), caption, insetBox.getWidth() - 12), (float) insetBox.getX() + 6,
        (float) insetBox.getY() + 16);
  }

  /** Radius of the circle that several organizations of one prefecture share, in pixels. */
  private double jitterRadius(int count) {
    return count <= 1 ? 0 : (4.5 + 1.6 * count) * markerScale;
  }

  /** The text, shortened with "…" at the end if it is wider than {@code maxWidth}. */
  private static String fit(FontMetrics fm, String text, double maxWidth) {
    if (fm.stringWidth(text) <= maxWidth) {
      return text;
    }
    int[] cps = text.codePoints().toArray();
    for (int n = cps.length - 1; n > 0; n--) {
      String shorter = new String(cps, 0, n).strip() + "…";
      if (fm.stringWidth(shorter) <= maxWidth) {
        return shorter;
      }
    }
    return "…";
  }

  private Map<Organization, Point2D> places() {
    Map<Prefecture, List<Organization>> byPrefecture = new EnumMap<>(Prefecture.class);
    organizations.forEach(o -> byPrefecture.computeIfAbsent(o.prefecture(), p -> new ArrayList<>()).add(o));
    Map<Organization, Point2D> places = new LinkedHashMap<>();
    byPrefecture.forEach((prefecture, here) -> {
      Point2D capital = pixel(prefecture.capital());
      double r = jitterRadius(here.size());
      for (int k = 0; k < here.size(); k++) {
        double angle = -Math.PI / 2 + 2 * Math.PI * k / here.size();
        places.put(here.get(k), new Point2D.Double(capital.getX() + r * Math.cos(angle),
            capital.getY() + r * Math.sin(angle)));
      }
    });
    return places;
  }

  private void drawOrganizations(Graphics2D g, List<Rectangle2D> taken) {
    if (organizations.isEmpty()) {
      return;
    }
    Map<Organization, Point2D> places = places();
    double dotRadius = 4.5 * markerScale;
    double starRadius = 11 * markerScale;
    places.forEach((o, p) -> taken.add(square(p, o.isHub() ? 2 * starRadius + 2 : 2 * dotRadius + 1)));
    g.setStroke(new BasicStroke(1.2f));
    for (Map.Entry<Organization, Point2D> e : places.entrySet()) {
      if (e.getKey().isHub()) {
        continue;
      }
      Point2D p = e.getValue();
      Shape dot = new Ellipse2D.Double(p.getX() - dotRadius, p.getY() - dotRadius, 2 * dotRadius, 2 * dotRadius);
      g.setColor(dotColour(e.getKey()));
      g.fill(dot);
      g.setColor(Color.WHITE);
      g.draw(dot);
    }
    g.setFont(font(Font.BOLD, (float) Math.max(10, 13 * markerScale)));
    FontMetrics fm = g.getFontMetrics();
    for (Map.Entry<Organization, Point2D> e : places.entrySet()) {
      Organization o = e.getKey();
      if (!o.isHub()) {
        continue;
      }
      Point2D p = e.getValue();
      Shape star = star(p, starRadius);
      g.setColor(choropleth.isPresent() ? HUB_STAR : blockColour(o.block()));
      g.fill(star);
      g.setColor(TEXT);
      g.setStroke(new BasicStroke(1.4f));
      g.draw(star);
      String label = fit(fm, label(o), mapArea.getWidth() - 20);
      double w = fm.stringWidth(label) + 8;
      double h = fm.getAscent() + fm.getDescent() + 4;
      Rectangle2D box = labelBox(p, w, h, taken);
      taken.add(box);
      Point2D end = nearestOnBox(box, p);
      if (end.distance(p) > starRadius + 6) {
        g.setColor(MUTED);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Line2D.Double(p, end));
      }
      g.setColor(new Color(255, 255, 255, 215));
      g.fill(new RoundRectangle2D.Double(box.getX(), box.getY(), box.getWidth(), box.getHeight(), 6, 6));
      g.setColor(TEXT);
      g.drawString(label, (float) (box.getX() + 4), (float) (box.getY() + 2 + fm.getAscent()));
    }
  }

  private Color dotColour(Organization o) {
    return choropleth.isPresent() ? ORGANIZATION_DOT : blockColour(o.block());
  }

  private String label(Organization o) {
    if (japanese && o.nativeName().isPresent()) {
      return o.nativeName().get();
    }
    String s = o.name().strip();
    int open = s.lastIndexOf(" (");
    return open > 0 && s.endsWith(")") ? s.substring(0, open) : s;
  }

  private static Rectangle2D square(Point2D p, double size) {
    return new Rectangle2D.Double(p.getX() - size / 2, p.getY() - size / 2, size, size);
  }

  /** The label's box: beside the star if that covers nothing, else further out where it covers least. */
  private Rectangle2D labelBox(Point2D p, double w, double h, List<Rectangle2D> taken) {
    Rectangle2D best = null;
    double bestCost = Double.MAX_VALUE;
    Rectangle2D inner = new Rectangle2D.Double(mapArea.getX() + 3, mapArea.getY() + 3,
        mapArea.getWidth() - 6, mapArea.getHeight() - 6);
    for (double distance : new double[] {14, 34, 60, 95, 135, 180}) {
      for (int k = 0; k < 24; k++) {
        double a = 2 * Math.PI * k / 24;
        double cx = p.getX() + Math.cos(a) * (distance + w / 2);
        double cy = p.getY() + Math.sin(a) * (distance + h / 2);
        // slid back inside the map where it sticks out, rather than given up
        double left = Math.max(inner.getMinX(), Math.min(cx - w / 2, inner.getMaxX() - w));
        double top = Math.max(inner.getMinY(), Math.min(cy - h / 2, inner.getMaxY() - h));
        Rectangle2D b = new Rectangle2D.Double(left, top, w, h);
        double cost = (inner.contains(b) ? 0 : 10_000) + distance / 30 + (Math.sin(a) > 0.5 ? 0.2 : 0);
        for (Rectangle2D t : taken) {
          if (t.intersects(b)) {
            Rectangle2D overlap = t.createIntersection(b);
            cost += 5 + overlap.getWidth() * overlap.getHeight() / 20;
          }
        }
        if (cost < bestCost) {
          bestCost = cost;
          best = b;
        }
      }
    }
    return best;
  }

  private static Point2D nearestOnBox(Rectangle2D box, Point2D p) {
    double x = Math.max(box.getMinX(), Math.min(p.getX(), box.getMaxX()));
    double y = Math.max(box.getMinY(), Math.min(p.getY(), box.getMaxY()));
    return new Point2D.Double(x, y);
  }

  private static Shape star(Point2D centre, double radius) {
    Path2D path = new Path2D.Double();
    for (int k = 0; k < 10; k++) {
      double r = k % 2 == 0 ? radius : radius * 0.45;
      double a = -Math.PI / 2 + Math.PI * k / 5;
      double x = centre.getX() + r * Math.cos(a);
      double y = centre.getY() + r * Math.sin(a);
      if (k == 0) {
        path.moveTo(x, y);
      } else {
        path.lineTo(x, y);
      }
    }
    path.closePath();
    return path;
  }

  // --- legend --------------------------------------------------------------------------------

  private void drawLegend(Graphics2D g) {
    double x = width - LEGEND_WIDTH + 8;
    double y = TITLE_HEIGHT + 10;
    double textWidth = LEGEND_WIDTH - 24;
    if (choropleth.isPresent()) {
      y = drawScale(g, choropleth.get(), x, y, textWidth);
    }
    if (!organizations.isEmpty()) {
      y = drawOrganizationLegend(g, x, y + 18, textWidth);
    }
    if (choropleth.isEmpty()) {
      g.setFont(font(Font.PLAIN, 12));
      g.setColor(MUTED);
      String text = japanese
          ? "都道府県は地域ブロックの色（淡色）。" + (organizations.isEmpty() ? ""
              : "同じ都道府県の支援機関は県庁所在地を囲む小さな円の上に並べ、拠点（★）には名前を付す。")
          : "Prefectures tinted by region block" + (organizations.isEmpty() ? "." : "; organizations of one"
              + " prefecture sit on a small circle around its capital, hubs (★) labelled.");
      y = paragraph(g, text, x, y + 14, textWidth);
    }
  }

  private double drawScale(Graphics2D g, Choropleth c, double x, double y, double textWidth) {
    g.setColor(TEXT);
    g.setFont(font(Font.BOLD, 14));
    y = paragraph(g, c.metric(), x, y + 4, textWidth);
    g.setFont(font(Font.PLAIN, 12));
    g.setColor(MUTED);
    y = paragraph(g, (japanese ? "単位: " : "Unit: ") + c.unit(), x, y + 2, textWidth);
    double barTop = y + 12;
    double barHeight = 260;
    double barWidth = 26;
    // drawn from the top (highest value) down, segment by segment, as colour(value) defines it
    Color[] stops = c.stops();
    for (int i = 0; i < stops.length - 1; i++) {
      double top = barTop + barHeight * (1 - (double) (i + 1) / (stops.length - 1));
      double bottom = barTop + barHeight * (1 - (double) i / (stops.length - 1));
      g.setPaint(new GradientPaint((float) x, (float) bottom, stops[i], (float) x, (float) top, stops[i + 1]));
      g.fill(new Rectangle2D.Double(x, top, barWidth, bottom - top + 0.5));
    }
    if (c.min() == c.max()) {
      g.setColor(colour(c.min()));
      g.fill(new Rectangle2D.Double(x, barTop, barWidth, barHeight));
    }
    g.setColor(BORDER);
    g.setStroke(new BasicStroke(1f));
    g.draw(new Rectangle2D.Double(x, barTop, barWidth, barHeight));
    g.setFont(font(Font.PLAIN, 12));
    FontMetrics fm = g.getFontMetrics();
    List<Double> ticks = ticks(c.min(), c.max());
    List<String> labels = tickLabels(ticks);
    for (int i = 0; i < ticks.size(); i++) {
      double t = ticks.get(i);
      double ty = c.max() == c.min() ? barTop + barHeight / 2
          : barTop + barHeight * (1 - (t - c.min()) / (c.max() - c.min()));
      g.setColor(TEXT);
      g.draw(new Line2D.Double(x + barWidth, ty, x + barWidth + 5, ty));
      g.drawString(labels.get(i), (float) (x + barWidth + 9), (float) (ty + fm.getAscent() / 2.0 - 1));
    }
    y = barTop + barHeight + 14;
    List<Prefecture> missing = new ArrayList<>();
    for (Prefecture p : Prefecture.values()) {
      if (!c.values().containsKey(p)) {
        missing.add(p);
      }
    }
    g.setColor(NO_DATA);
    g.fill(new Rectangle2D.Double(x, y, barWidth, 16));
    g.setColor(BORDER);
    g.draw(new Rectangle2D.Double(x, y, barWidth, 16));
    g.setColor(TEXT);
    g.drawString(japanese ? "データなし" : "No data", (float) (x + barWidth + 9), (float) (y + 13));
    g.setColor(MUTED);
    String list = missing.isEmpty() ? (japanese ? "（なし）" : "(none: all 47 prefectures have a value)")
        : missing.size() + ": " + String.join(", ", missing.stream().map(p -> japanese ? p.nameJa() : p.nameEn()).toList());
    return paragraph(g, list, x, y + 22, textWidth);
  }

  private double drawOrganizationLegend(Graphics2D g, double x, double y, double textWidth) {
    g.setColor(TEXT);
    g.setFont(font(Font.BOLD, 14));
    y = paragraph(g, japanese ? "支援機関" : "Support organizations", x, y, textWidth);
    g.setFont(font(Font.PLAIN, 12));
    FontMetrics fm = g.getFontMetrics();
    y += 6;
    long hubs = organizations.stream().filter(Organization::isHub).count();
    if (choropleth.isPresent() && organizations.size() > hubs) {
      y = legendDot(g, x, y, ORGANIZATION_DOT, (japanese ? "支援機関 " : "organization ") + "(" + (organizations.size() - hubs) + ")", fm);
    } else if (choropleth.isEmpty()) {
      for (RegionBlock block : RegionBlock.values()) {
        long n = organizations.stream().filter(o -> o.block() == block).count();
        if (n > 0) {
          y = legendDot(g, x, y, blockColour(block), (japanese ? block.nameJa() : block.nameEn()) + " (" + n + ")", fm);
        }
      }
    }
    if (hubs > 0) {
      Shape star = star(new Point2D.Double(x + 13, y + 8), 9);
      g.setColor(choropleth.isPresent() ? HUB_STAR : Color.LIGHT_GRAY);
      g.fill(star);
      g.setColor(TEXT);
      g.draw(star);
      g.drawString((japanese ? "拠点（★）" : "hub (★)") + " (" + hubs + ")"
          + (choropleth.isPresent() ? "" : (japanese ? "、ブロックの色" : ", in its block's colour")),
          (float) (x + 30), (float) (y + 8 + fm.getAscent() / 2.0 - 1));
      y += 22;
    }
    return y;
  }

  private static double legendDot(Graphics2D g, double x, double y, Color colour, String text, FontMetrics fm) {
    Shape dot = new Ellipse2D.Double(x + 8, y + 3, 10, 10);
    g.setColor(colour);
    g.fill(dot);
    g.setColor(Color.WHITE);
    g.draw(dot);
    g.setColor(TEXT);
    g.drawString(text, (float) (x + 30), (float) (y + 8 + fm.getAscent() / 2.0 - 1));
    return y + 20;
  }

  /**
   * Draws text wrapped at spaces, and anywhere inside a word too wide for a line (Japanese has
   * no spaces), and returns the y below it.
   */
  private static double paragraph(Graphics2D g, String text, double x, double y, double maxWidth) {
    FontMetrics fm = g.getFontMetrics();
    List<String> words = new ArrayList<>();
    for (String word : text.split(" ")) {
      StringBuilder piece = new StringBuilder();
      for (int cp : word.codePoints().toArray()) {
        if (piece.length() > 0 && fm.stringWidth(piece.toString() + Character.toString(cp)) > maxWidth) {
          words.add(piece.toString());
          piece.setLength(0);
        }
        piece.appendCodePoint(cp);
      }
      words.add(piece.toString());
    }
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : words) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (fm.stringWidth(candidate) <= maxWidth || line.length() == 0) {
        line.setLength(0);
        line.append(candidate);
      } else {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      }
    }
    lines.add(line.toString());
    for (String l : lines) {
      y += fm.getHeight();
      g.drawString(l, (float) x, (float) (y - fm.getDescent()));
    }
    return y;
  }

  /**
   * The scale's ends and, between them, round values (steps of 1, 2 or 5 times a power of ten)
   * not too close to an end to be read apart.
   */
  static List<Double> ticks(double min, double max) {
    if (min == max) {
      return List.of(min);
    }
    double raw = (max - min) / 5;
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = power;
    for (double m : new double[] {1, 2, 5, 10}) {
      step = m * power;
      if (step >= raw) {
        break;
      }
    }
    List<Double> ticks = new ArrayList<>();
    ticks.add(min);
    double gap = (max - min) * 0.09;
    for (double t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) {
      if (t - min > gap && max - t > gap) {
        ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
      }
    }
    ticks.add(max);
    return ticks;
  }

  /** Tick labels: the round ticks with the decimals their step needs, the ends with one more at most. */
  static List<String> tickLabels(List<Double> ticks) {
    int decimals = 0;
    for (double t : ticks.subList(1, Math.max(1, ticks.size() - 1))) {
      while (decimals < 6 && Math.abs(t * Math.pow(10, decimals) - Math.rint(t * Math.pow(10, decimals))) > 1e-6) {
        decimals++;
      }
    }
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
    DecimalFormat round = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
    DecimalFormat end = new DecimalFormat("#,##0." + "#".repeat(decimals + 1), symbols);
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < ticks.size(); i++) {
      boolean isEnd = i == 0 || i == ticks.size() - 1;
      labels.add((isEnd ? end : round).format(ticks.get(i)));
    }
    return labels;
  }

  private static Color blockColour(RegionBlock block) {
    return BLOCK_COLOURS[block.ordinal() % BLOCK_COLOURS.length];
  }

  private static Color mix(Color a, Color b, double t) {
    return new Color(
        (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
        (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
        (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
  }

  /** Returns for example {@code JapanMap[1100x1000, "…", choropleth of 47, 64 organizations]}. */
  @Override
  public String toString() {
    return "JapanMap[" + width + "x" + height + ", \"" + title + "\", "
        + choropleth.map(c -> "choropleth of " + c.values().size()).orElse("no choropleth") + ", "
        + organizations.size() + " organizations]";
  }

  /** Builds a {@link JapanMap}; every part is optional. */
  public static final class Builder {
    private int width = DEFAULT_WIDTH;
    private int height = DEFAULT_HEIGHT;
    private String title = "";
    private Optional<Choropleth> choropleth = Optional.empty();
    private List<Organization> organizations = List.of();
    private boolean japaneseLabels;

    private Builder() {
    }

    /**
     * Sets the image size.
     *
     * @param width pixels, at least {@value JapanMap#MIN_SIZE}
     * @param height pixels, at least {@value JapanMap#MIN_SIZE}
     * @return this builder
     * @throws IllegalArgumentException if a size is below {@value JapanMap#MIN_SIZE}
     */
    public Builder size(int width, int height) {
      checkArgument(width >= MIN_SIZE, "width must be >= %s pixels but was %s", MIN_SIZE, width);
      checkArgument(height >= MIN_SIZE, "height must be >= %s pixels but was %s", MIN_SIZE, height);
      this.width = width;
      this.height = height;
      return this;
    }

    /**
     * Sets the title drawn above the map (shortened with "…" if it does not fit).
     *
     * @param title the title, possibly empty
     * @return this builder
     */
    public Builder title(String title) {
      this.title = checkNotNull(title, "title").strip();
      return this;
    }

    /**
     * Fills the prefectures by a metric on a continuous colour scale from the lowest to the
     * highest value; prefectures without a value are drawn as "no data" and listed in the
     * legend.
     *
     * @param values the metric per prefecture; every value finite
     * @param metric what the values are, for the legend, for example "Organizations within 100 km"
     * @param unit the unit, for the legend and the tick labels, for example "km"
     * @return this builder
     * @throws IllegalArgumentException if a value is NaN or infinite (naming the prefecture), if
     *     there is no value at all, or if the metric or unit is blank
     */
    public Builder choropleth(Map<Prefecture, Double> values, String metric, String unit) {
      return choropleth(values, metric, unit, false);
    }

    /**
     * Colours the prefectures by a signed metric, such as an effect or a difference, on a
     * diverging scale centred on zero: white at 0, brown below, teal above, the scale running from
     * −m to +m where m is the largest absolute value, so that equal distances from zero get equal
     * strength of colour. Otherwise as {@link #choropleth(Map, String, String)}.
     *
     * @param values the metric per prefecture; every value finite
     * @param metric what the values are, for the legend, for example "Council − baseline"
     * @param unit the unit, for example "percentage points"
     * @return this builder
     * @throws IllegalArgumentException as {@link #choropleth(Map, String, String)} does
     */
    public Builder divergingChoropleth(Map<Prefecture, Double> values, String metric, String unit) {
      return choropleth(values, metric, unit, true);
    }

    private Builder choropleth(Map<Prefecture, Double> values, String metric, String unit, boolean diverging) {
      checkNotNull(values, "values");
      checkNotNull(metric, "metric");
      checkNotNull(unit, "unit");
      checkArgument(!values.isEmpty(), "the choropleth '%s' needs a value for at least one prefecture", metric);
      checkArgument(!metric.isBlank(), "metric must name what the values are but was blank");
      checkArgument(!unit.isBlank(), "unit must not be blank (metric '%s'); say for example \"count\"", metric);
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (Map.Entry<Prefecture, Double> e : values.entrySet()) {
        checkNotNull(e.getKey(), "a null prefecture in the values of '%s'", metric);
        checkNotNull(e.getValue(), "the value of %s in '%s' is null", e.getKey(), metric);
        double v = e.getValue();
        checkArgument(Double.isFinite(v), "the value of %s (%s) in '%s' must be finite but was %s",
            e.getKey(), e.getKey().nameEn(), metric, v);
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      if (diverging) {
        double m = Math.max(Math.abs(min), Math.abs(max));
        min = -m;
        max = m;
      }
      this.choropleth = Optional.of(new Choropleth(ImmutableMap.copyOf(values), metric.strip(), unit.strip(), min, max,
          diverging));
      return this;
    }

    /**
     * Draws organizations at their prefectures; those with {@link Organization#isHub()} as
     * labelled stars.
     *
     * @param organizations the organizations, ids unique
     * @return this builder
     * @throws IllegalArgumentException if two organizations share an id
     */
    public Builder organizations(Collection<Organization> organizations) {
      checkNotNull(organizations, "organizations");
      List<Organization> list = List.copyOf(organizations);
      long distinct = list.stream().map(Organization::id).distinct().count();
      checkArgument(distinct == list.size(), "organization ids must be unique but %s of %s were repeats",
          list.size() - distinct, list.size());
      this.organizations = list;
      return this;
    }

    /**
     * Asks for Japanese labels, drawn only where a Japanese font is installed
     * ({@link JapanMap#japaneseFont()}); English otherwise, and by default.
     *
     * @param japanese whether to label in Japanese where possible
     * @return this builder
     */
    public Builder japaneseLabels(boolean japanese) {
      this.japaneseLabels = japanese;
      return this;
    }

    /**
     * Builds the map.
     *
     * @return the map
     */
    public JapanMap build() {
      return new JapanMap(this);
    }
  }
}
