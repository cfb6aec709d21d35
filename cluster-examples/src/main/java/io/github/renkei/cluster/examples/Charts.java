package io.github.renkei.cluster.examples;

import static java.util.Objects.requireNonNull;

import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.io.AtomicFiles;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.region.GeoPoint;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The nationwide support organizations on a map of Japan by region block, drawn with XChart as a
 * PNG. The charts of experiments (projections, the stage mix, forest plots) and the HTML report
 * are the public API of {@code cluster-report} ({@code io.github.renkei.cluster.report}).
 *
 * <pre>{@code
 * Charts.supportNetworkMap(Catalog.nationwide(), Path.of("network.png"));
 * }</pre>
 *
 * <p>Every chart is written atomically ({@link AtomicFiles#writeBytes(Path, byte[])}): a reader
 * sees the previous file or the complete new one. The path need not end in {@code .png}. Loading
 * this class sets {@code java.awt.headless=true} unless the property is already set, so charts
 * are drawn on servers and in CI without a display; set the property before first use to
 * override it.
 */
public final class Charts {

  static {
    // Charts render to images only; without a display AWT would otherwise fail on first use.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private static final int WIDTH = 1000;
  private static final int MAP_HEIGHT = 800;

  /** Okabe–Ito: distinguishable with the common colour-vision deficiencies, and in print. */
  private static final Color[] PALETTE = {
      new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
      new Color(0xE69F00), new Color(0x56B4E9), new Color(0x444444), new Color(0xF0E442)};

  private static final Color INK = new Color(0x222222);
  private static final Color GRID = new Color(0xDDDDDD);
  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  private static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);

  private Charts() {}

  /**
   * The nationwide support network by block: each catalog support organization at its
   * prefecture's location (jittered deterministically so organizations of one prefecture do not
   * overlap), coloured by RegionBlock, hubs (★) drawn larger and labelled.
   *
   * <p>An organization stands at its prefecture's capital ({@link Prefecture#capital()}); when a
   * prefecture has several, they sit evenly on a small circle around it in the catalog's order,
   * so the same catalog always gives the same picture. Longitude and latitude are the axes (no
   * coastline is drawn). Hub labels are the English names without a trailing parenthesis, put on
   * the side of the star where they cover the fewest organizations and other labels.
   *
   * @param catalog the catalog
   * @param png where to write the image; its directory must exist
   * @return {@code png}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the catalog has no support organization
   * @throws UncheckedIOException if the file cannot be written
   */
  public static Path supportNetworkMap(Catalog catalog, Path png) {
    requireNonNull(catalog, "catalog");
    requireNonNull(png, "png");
    List<Organization> organizations = catalog.supportOrganizations();
    if (organizations.isEmpty()) {
      throw new IllegalArgumentException("the catalog has no support organization to draw");
    }
    Map<Organization, GeoPoint> places = places(organizations);

    long hubs = organizations.stream().filter(Organization::isHub).count();
    XYChart chart = chart("Nationwide medical–engineering support network: " + organizations.size()
        + " organizations, " + hubs + " hubs (★)", WIDTH, MAP_HEIGHT, "Longitude (°E)", "Latitude (°N)");
    XYStyler styler = chart.getStyler();
    styler.setXAxisMin(MAP_WEST);
    styler.setXAxisMax(MAP_EAST);
    styler.setYAxisMin(MAP_SOUTH);
    styler.setYAxisMax(MAP_NORTH);
    styler.setYAxisDecimalPattern("0");
    styler.setMarkerSize(10);
    styler.setLegendPosition(LegendPosition.InsideSE);

    Map<RegionBlock, Color> colours = new EnumMap<>(RegionBlock.class);
    for (RegionBlock block : RegionBlock.values()) {
      colours.put(block, PALETTE[block.ordinal() % PALETTE.length]);
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (Organization o : organizations) {
        if (o.block() == block) {
          x.add(places.get(o).longitude());
          y.add(places.get(o).latitude());
        }
      }
      if (x.isEmpty()) {
        continue;
      }
      XYSeries s = chart.addSeries(block.nameEn() + " (" + x.size() + ")", x, y);
      s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setMarkerColor(colours.get(block));
    }

    List<Rectangle2D> taken = new ArrayList<>();
    taken.add(LEGEND);
    places.forEach((o, p) -> taken.add(o.isHub() ? box(p, 0, 0, 28, 28) : box(p, 0, 0, 12, 12)));
    for (Organization o : organizations) {
      if (!o.isHub()) {
        continue;
      }
      GeoPoint p = places.get(o);
      String label = shortName(o.name());
      Rectangle2D text = LABEL_FONT.getStringBounds(label, new FontRenderContext(null, true, true));
      double[] offset = labelOffset(p, text.getWidth(), text.getHeight(), taken);
      taken.add(box(p, offset[0], offset[1], text.getWidth() + 10, text.getHeight() + 6));
      XYSeries s = chart.addSeries("★ " + o.id(), new double[] {p.longitude()}, new double[] {p.latitude()});
      s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
      s.setMarker(new LabelledStar(label, offset[0], offset[1]));
      s.setMarkerColor(colours.get(o.block()));
      s.setShowInLegend(false);
    }
    return write(chart, png);
  }

  // --- the map's geometry --------------------------------------------------------------------

  private static final double MAP_WEST = 125;
  private static final double MAP_EAST = 150;
  private static final double MAP_SOUTH = 25;
  private static final double MAP_NORTH = 45;
  /** The plot's size in pixels as XChart lays out this chart, to place labels beforehand. */
  private static final double PLOT_WIDTH = WIDTH - 75;
  private static final double PLOT_HEIGHT = MAP_HEIGHT - 100;
  /** Where the legend sits (inside, bottom right), in plot pixels, kept free of labels. */
  private static final Rectangle2D LEGEND = new Rectangle2D.Double(PLOT_WIDTH - 205, PLOT_HEIGHT - 180, 205, 180);
  /** Radius of the circle the organizations of one prefecture share, in degrees of latitude. */
  private static final double JITTER = 0.28;

  private static Map<Organization, GeoPoint> places(List<Organization> organizations) {
    Map<Prefecture, List<Organization>> byPrefecture = new EnumMap<>(Prefecture.class);
    organizations.forEach(o -> byPrefecture.computeIfAbsent(o.prefecture(), p -> new ArrayList<>()).add(o));
    Map<Organization, GeoPoint> places = new LinkedHashMap<>();
    byPrefecture.forEach((prefecture, here) -> {
      GeoPoint capital = prefecture.capital();
      for (int k = 0; k < here.size(); k++) {
        if (here.size() == 1) {
          places.put(here.get(k), capital);
          continue;
        }
        double angle = Math.PI / 2 + 2 * Math.PI * k / here.size();
        // a degree of longitude is shorter than one of latitude; widen it so the circle looks round
        double east = JITTER * Math.cos(angle) / Math.cos(Math.toRadians(capital.latitude()));
        places.put(here.get(k), GeoPoint.of(capital.latitude() + JITTER * Math.sin(angle),
            capital.longitude() + east));
      }
    });
    return places;
  }

  private static double px(GeoPoint p) {
    return (p.longitude() - MAP_WEST) / (MAP_EAST - MAP_WEST) * PLOT_WIDTH;
  }

  private static double py(GeoPoint p) {
    return (MAP_NORTH - p.latitude()) / (MAP_NORTH - MAP_SOUTH) * PLOT_HEIGHT;
  }

  /** A box of the given size centred {@code dx, dy} pixels from a place, in rough plot pixels. */
  private static Rectangle2D box(GeoPoint p, double dx, double dy, double width, double height) {
    return new Rectangle2D.Double(px(p) + dx - width / 2, py(p) + dy - height / 2, width, height);
  }

  /**
   * The label's centre relative to its star, in pixels: beside the star if that covers nothing,
   * otherwise further out (into the sea, usually) where it covers least, joined by a leader line.
   */
  private static double[] labelOffset(GeoPoint p, double width, double height, List<Rectangle2D> taken) {
    double[] best = {width / 2 + 20, 0};
    double bestCost = Double.MAX_VALUE;
    Rectangle2D plot = new Rectangle2D.Double(4, 4, PLOT_WIDTH - 8, PLOT_HEIGHT - 8);
    for (double distance : new double[] {18, 50, 90, 140, 200}) {
      for (int k = 0; k < 16; k++) {
        double a = 2 * Math.PI * k / 16;
        double dx = Math.cos(a) * (distance + width / 2);
        double dy = Math.sin(a) * (distance + height / 2);
        Rectangle2D b = box(p, dx, dy, width + 10, height + 6);
        double cost = (plot.contains(b) ? 0 : 1000) + distance / 40;
        for (Rectangle2D t : taken) {
          if (t.intersects(b)) {
            Rectangle2D overlap = t.createIntersection(b);
            cost += 2 + overlap.getWidth() * overlap.getHeight() / 20;
          }
        }
        if (cost < bestCost) {
          bestCost = cost;
          best = new double[] {dx, dy};
        }
      }
    }
    return best;
  }

  /** The English name without a trailing parenthesis: "(as named in the seed)", an acronym. */
  static String shortName(String name) {
    String s = name.strip();
    int open = s.lastIndexOf(" (");
    return open > 0 && s.endsWith(")") ? s.substring(0, open) : s;
  }

  /** A hub: a large star in its block's colour, outlined, with its name beside it on a white halo. */
  private static final class LabelledStar extends Marker {
    private final String label;
    private final double dx;
    private final double dy;

    LabelledStar(String label, double dx, double dy) {
      this.label = label;
      this.dx = dx;
      this.dy = dy;
    }

    @Override
    public void paint(Graphics2D g, double x, double y, int markerSize) {
      Color fill = g.getColor();
      Stroke stroke = g.getStroke();
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      TextLayout layout = new TextLayout(label, LABEL_FONT, g.getFontRenderContext());
      Rectangle2D bounds = layout.getBounds();
      if (Math.abs(dx) > bounds.getWidth() / 2 + 22 || Math.abs(dy) > bounds.getHeight() / 2 + 22) {
        // a leader from the star to the nearest point of the label's box
        double left = x + dx - bounds.getWidth() / 2 - 3;
        double top = y + dy - bounds.getHeight() / 2 - 3;
        double toX = Math.max(left, Math.min(x, left + bounds.getWidth() + 6));
        double toY = Math.max(top, Math.min(y, top + bounds.getHeight() + 6));
        g.setColor(new Color(0x777777));
        g.setStroke(new BasicStroke(1f));
        g.draw(new Line2D.Double(x, y, toX, toY));
        g.setColor(fill);
      }
      Shape star = star(x, y, markerSize * 1.3, markerSize * 0.55);
      g.fill(star);
      g.setColor(INK);
      g.setStroke(new BasicStroke(1.2f));
      g.draw(star);

      double left = x + dx - bounds.getWidth() / 2 - bounds.getX();
      double baseline = y + dy + bounds.getHeight() / 2 - (bounds.getHeight() + bounds.getY());
      Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(left, baseline));
      g.setColor(new Color(255, 255, 255, 220));
      g.setStroke(new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(outline);
      g.setColor(INK);
      g.fill(outline);
      g.setColor(fill);
      g.setStroke(stroke);
    }

    private static Shape star(double x, double y, double outer, double inner) {
      Path2D.Double path = new Path2D.Double();
      for (int i = 0; i < 10; i++) {
        double r = i % 2 == 0 ? outer : inner;
        double a = -Math.PI / 2 + Math.PI * i / 5;
        if (i == 0) {
          path.moveTo(x + r * Math.cos(a), y + r * Math.sin(a));
        } else {
          path.lineTo(x + r * Math.cos(a), y + r * Math.sin(a));
        }
      }
      path.closePath();
      return path;
    }
  }

  // --- common ----------------------------------------------------------------------------------

  private static XYChart chart(String title, int width, int height, String xTitle, String yTitle) {
    XYChart chart = new XYChart(width, height);
    chart.setTitle(title);
    chart.setXAxisTitle(xTitle);
    chart.setYAxisTitle(yTitle);
    XYStyler styler = chart.getStyler();
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderColor(new Color(0x999999));
    styler.setPlotGridLinesColor(GRID);
    styler.setChartFontColor(INK);
    styler.setChartTitleFont(TITLE_FONT);
    styler.setChartTitleBoxVisible(false);
    styler.setAxisTitleFont(AXIS_TITLE_FONT);
    styler.setAxisTickLabelsFont(TICK_FONT);
    styler.setAxisTickLabelsColor(INK);
    styler.setLegendFont(LEGEND_FONT);
    styler.setLegendBackgroundColor(new Color(255, 255, 255, 230));
    styler.setLegendBorderColor(new Color(0xBBBBBB));
    styler.setXAxisDecimalPattern("0");
    styler.setChartPadding(12);
    styler.setAntiAlias(true);
    return chart;
  }

  private static Path write(XYChart chart, Path png) {
    byte[] bytes;
    try {
      bytes = BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the chart '" + chart.getTitle() + "' as PNG (" + e + ")", e);
    }
    AtomicFiles.writeBytes(png, bytes);
    return png;
  }
}
