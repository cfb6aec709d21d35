package io.github.renkei.cluster.examples;

import static java.util.Objects.requireNonNull;

import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.io.AtomicFiles;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.region.GeoPoint;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Schedule;
import io.github.renkei.cluster.simulation.Statistics;
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
 * PNG charts of experiments and of the support network, drawn with XChart: a metric's mean with
 * its 95% confidence band per policy, the entry-stage mix over the years, and the nationwide
 * support organizations on a map of Japan by region block.
 *
 * <pre>{@code
 * Scenario<ClusterState> s = ClusterDynamics.fukushima();
 * ExperimentResult r = Experiment.of(s).grid(Grid.of(Policies.COUNCIL, false, true))
 *     .replications(20).seed(1).run();
 * Charts.metricBands(r, s, Map.of("no council", 0, "council", 1), ClusterDynamics.REGISTERED,
 *     "Registered manufacturers (firms)", Path.of("registered.png"));
 * Charts.stageMix(r, s, 1, "Entry stages with the council (firms)", Path.of("stages.png"));
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
  private static final int HEIGHT = 600;
  private static final int MAP_HEIGHT = 800;

  /** Okabe–Ito: distinguishable with the common colour-vision deficiencies, and in print. */
  private static final Color[] PALETTE = {
      new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
      new Color(0xE69F00), new Color(0x56B4E9), new Color(0x444444), new Color(0xF0E442)};

  /** The stages of {@link #stageMix}, bottom of the stack first, with their legend names. */
  private static final Map<String, String> STAGES = stages();

  private static final Color INK = new Color(0x222222);
  private static final Color GRID = new Color(0xDDDDDD);
  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  private static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);

  private Charts() {}

  private static Map<String, String> stages() {
    Map<String, String> stages = new LinkedHashMap<>();
    stages.put(ClusterDynamics.FIRMS_PARTS_SUPPLY, "Parts supply");
    stages.put(ClusterDynamics.FIRMS_OEM, "OEM");
    stages.put(ClusterDynamics.FIRMS_ODM, "ODM");
    stages.put(ClusterDynamics.FIRMS_OWN_PRODUCT, "Own product");
    return stages;
  }

  /**
   * Mean of a metric over the schedule with its 95% CI band, one line + band per labelled grid
   * point.
   *
   * <p>Each grid point gets a solid mean line and, behind it, a translucent band in the same
   * colour from the lower to the upper bound of the 95% confidence interval of the mean (a closed
   * polygon, XChart's {@code PolygonArea}). Where the interval is undefined (fewer than two
   * replications reached a step) the band narrows to the mean; steps no replication reached are
   * left out. The x axis is the calendar year; several steps in one year (quarters, months) are
   * spread evenly over that year.
   *
   * @param result the experiment's result
   * @param scenario the scenario that ran, one of the result's
   * @param pointsByLabel the grid points to draw, by their legend label, in legend order
   * @param metric the metric's name, one of the scenario's
   * @param title the chart's title; say the metric's unit here
   * @param png where to write the image; its directory must exist
   * @return {@code png}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException naming the value if the scenario is not in the result, the
   *     metric is unknown, no point is given, or a point is outside the result's grid
   * @throws UncheckedIOException if the file cannot be written
   */
  public static Path metricBands(ExperimentResult result, Scenario<?> scenario, Map<String, Integer> pointsByLabel,
      String metric, String title, Path png) {
    requireNonNull(pointsByLabel, "pointsByLabel");
    checkScenario(result, scenario);
    checkMetric(scenario, requireNonNull(metric, "metric"));
    requireNonNull(title, "title");
    requireNonNull(png, "png");
    if (pointsByLabel.isEmpty()) {
      throw new IllegalArgumentException("no grid point to draw: pointsByLabel is empty");
    }
    pointsByLabel.forEach((label, point) -> checkPoint(result, requireNonNull(point, "point of " + label),
        " (label '" + label + "')"));

    XYChart chart = chart(title, WIDTH, HEIGHT, "Year", metric + " (mean, 95% CI band)");
    Schedule schedule = scenario.schedule();
    double[] years = years(schedule);
    List<Runnable> lines = new ArrayList<>();
    int colour = 0;
    for (Map.Entry<String, Integer> e : pointsByLabel.entrySet()) {
      Color c = PALETTE[colour++ % PALETTE.length];
      List<Double> x = new ArrayList<>();
      List<Double> mean = new ArrayList<>();
      List<Double> lower = new ArrayList<>();
      List<Double> upper = new ArrayList<>();
      for (int step = 0; step < schedule.size(); step++) {
        if (result.values(scenario.name(), e.getValue(), metric, step).length == 0) {
          continue;
        }
        Statistics s = result.summary(scenario.name(), e.getValue(), metric, step);
        x.add(years[step]);
        mean.add(s.mean());
        lower.add(s.confidenceInterval95().map(Statistics.Interval::lower).orElse(s.mean()));
        upper.add(s.confidenceInterval95().map(Statistics.Interval::upper).orElse(s.mean()));
      }
      if (x.isEmpty()) {
        throw new IllegalArgumentException("no replication of grid point " + e.getValue() + " (label '" + e.getKey()
            + "') has a value of '" + metric + "'");
      }
      // the band: along the upper bound, back along the lower bound
      List<Double> bandX = new ArrayList<>(x);
      List<Double> bandY = new ArrayList<>(upper);
      for (int i = x.size() - 1; i >= 0; i--) {
        bandX.add(x.get(i));
        bandY.add(lower.get(i));
      }
      XYSeries band = chart.addSeries(e.getKey() + " — 95% CI", bandX, bandY);
      band.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
      band.setFillColor(translucent(c, 60));
      band.setLineColor(translucent(c, 110));
      band.setLineStyle(new BasicStroke(0.8f));
      band.setMarker(SeriesMarkers.NONE);
      band.setShowInLegend(false);
      // XChart paints series in the order they were added: every mean line over every band
      lines.add(() -> {
        XYSeries line = chart.addSeries(e.getKey(), x, mean);
        line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        line.setLineColor(c);
        line.setLineStyle(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        line.setMarker(SeriesMarkers.NONE);
      });
    }
    lines.forEach(Runnable::run);
    chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
    return write(chart, png);
  }

  /**
   * The entry-stage mix over the years at one grid point: mean firms per stage (NONE excluded,
   * PARTS_SUPPLY, OEM, ODM, OWN_PRODUCT), stacked.
   *
   * <p>Stacked areas, parts supply at the bottom and own products on top, so the upper edge is
   * the mean number of firms that have entered the medical-device business at all; the legend
   * lists the stages top to bottom as they are stacked. Steps no replication reached are left
   * out.
   *
   * @param result the experiment's result
   * @param scenario the scenario that ran, one of the result's, with the stage metrics of
   *     {@link ClusterDynamics} ({@code firms-parts-supply} … {@code firms-own-product})
   * @param point the grid point's index
   * @param title the chart's title
   * @param png where to write the image; its directory must exist
   * @return {@code png}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException naming the value if the scenario is not in the result, it
   *     lacks a stage metric, or the point is outside the result's grid
   * @throws UncheckedIOException if the file cannot be written
   */
  public static Path stageMix(ExperimentResult result, Scenario<?> scenario, int point, String title, Path png) {
    checkScenario(result, scenario);
    STAGES.keySet().forEach(m -> checkMetric(scenario, m));
    checkPoint(result, point, "");
    requireNonNull(title, "title");
    requireNonNull(png, "png");

    Schedule schedule = scenario.schedule();
    double[] years = years(schedule);
    List<Double> x = new ArrayList<>();
    List<double[]> means = new ArrayList<>();
    for (int step = 0; step < schedule.size(); step++) {
      double[] m = new double[STAGES.size()];
      int k = 0;
      boolean reached = true;
      for (String metric : STAGES.keySet()) {
        if (result.values(scenario.name(), point, metric, step).length == 0) {
          reached = false;
          break;
        }
        m[k++] = result.summary(scenario.name(), point, metric, step).mean();
      }
      if (reached) {
        x.add(years[step]);
        means.add(m);
      }
    }
    if (x.isEmpty()) {
      throw new IllegalArgumentException("no replication of grid point " + point + " has entry-stage values");
    }
    XYChart chart = chart(title, WIDTH, HEIGHT, "Year", "Firms (mean over replications, stacked)");
    List<String> names = new ArrayList<>(STAGES.values());
    Color[] colours = {PALETTE[5], PALETTE[0], PALETTE[4], PALETTE[1]};
    // XChart fills each area down to the axis, so the cumulative totals are drawn top first and
    // each lower stage paints over the one above it
    for (int stage = names.size() - 1; stage >= 0; stage--) {
      List<Double> cumulative = new ArrayList<>();
      for (double[] m : means) {
        double sum = 0;
        for (int i = 0; i <= stage; i++) {
          sum += m[i];
        }
        cumulative.add(sum);
      }
      XYSeries s = chart.addSeries(names.get(stage), x, cumulative);
      s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Area);
      s.setFillColor(colours[stage]);
      // the legend shows an area series by its line: a thick one in the fill colour reads as a swatch
      s.setLineColor(colours[stage]);
      s.setLineStyle(new BasicStroke(2.5f));
      s.setMarker(SeriesMarkers.NONE);
    }
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
    chart.getStyler().setLegendSeriesLineLength(28);
    return write(chart, png);
  }

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

  /** Each step's calendar year, several steps of one year spread evenly over it. */
  private static double[] years(Schedule schedule) {
    double[] years = new double[schedule.size()];
    int step = 0;
    while (step < schedule.size()) {
      int year = schedule.year(step);
      int end = step;
      while (end < schedule.size() && schedule.year(end) == year) {
        end++;
      }
      int first = step;
      for (; step < end; step++) {
        years[step] = year + (double) (step - first) / (end - first);
      }
    }
    return years;
  }

  private static Color translucent(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  private static void checkScenario(ExperimentResult result, Scenario<?> scenario) {
    requireNonNull(result, "result");
    requireNonNull(scenario, "scenario");
    if (!result.scenarios().contains(scenario.name())) {
      throw new IllegalArgumentException("scenario '" + scenario.name() + "' is not in the result (scenarios: "
          + result.scenarios() + ")");
    }
  }

  private static void checkMetric(Scenario<?> scenario, String metric) {
    if (!scenario.metricNames().contains(metric)) {
      throw new IllegalArgumentException("unknown metric '" + metric + "' in scenario '" + scenario.name()
          + "' (metrics: " + scenario.metricNames() + ")");
    }
  }

  private static void checkPoint(ExperimentResult result, int point, String what) {
    int size = result.grid().size();
    if (point < 0 || point >= size) {
      throw new IllegalArgumentException("grid point " + point + what + " is outside 0 to " + (size - 1));
    }
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
