package io.github.renkei.cluster.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.dynamics.Observation;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A posterior predictive projection of one metric over the years, drawn as a fan: per year the
 * median of the predictive draws, their central 50% band and their central 90% band, with the
 * observed figures on top (filled), figures held out of the fit (hollow), the dated events marked
 * and the years used for calibration set apart from the projection.
 *
 * <p>The draws are those of a posterior predictive sample: parameters drawn from a posterior
 * (parameter uncertainty), runs at each draw (run-to-run noise) and, if the caller adds one, a
 * model discrepancy term. The bands are therefore ranges of where a single history of the metric,
 * and so an observed figure, is expected to fall; they are not confidence intervals of a mean and
 * do not narrow as more draws are made. The caption says so in words. The chart takes plain
 * values, so any sampler can feed it:
 *
 * <pre>{@code
 * PredictiveChart.Builder b = PredictiveChart.builder(ClusterDynamics.PRODUCTION_VALUE)
 *     .axisLabel("Production value (億円)")
 *     .timeLabel("Year (fiscal)")
 *     .title("Medical-device production value, posterior predictive");
 * for (int year = 2005; year <= 2030; year++) {
 *   // the draws' 5%, 25%, 50%, 75% and 95% quantiles of the year
 *   b.step(year, median[year - 2005], q25[year - 2005], q75[year - 2005], q05[year - 2005], q95[year - 2005]);
 * }
 * PredictiveChart chart = b.observed(fitted)        // observations of any metrics; this one's are drawn
 *     .heldOut(later)                               // figures not used for fitting
 *     .calibratedThrough(2016)
 *     .event(2011, "Earthquake")
 *     .bandLabel("posterior predictive: parameters, runs and model discrepancy")
 *     .build();
 * chart.writePng(Path.of("production-value.png"));
 * }</pre>
 *
 * <p>It looks as a {@link ProjectionChart} does: the same fonts, sizes, colours, calibration
 * boundary and event lines. Instances are immutable values; {@link #png()} draws anew on each
 * call. The chart widens so that its title is never clipped.
 */
public final class PredictiveChart implements Picture {

  /** The legend's wording of the bands unless {@link Builder#bandLabel(String)} sets one. */
  public static final String DEFAULT_BAND_LABEL = "posterior predictive";

  /**
   * One year of the fan: the median and the bounds of the central 50% and 90% bands of the year's
   * predictive draws, nested {@code lower90 <= lower50 <= median <= upper50 <= upper90}.
   *
   * @param year the year
   * @param median the draws' median
   * @param lower50 the lower bound of their central 50% (their 25th percentile)
   * @param upper50 its upper bound (their 75th percentile)
   * @param lower90 the lower bound of their central 90% (their 5th percentile)
   * @param upper90 its upper bound (their 95th percentile)
   */
  public record Step(int year, double median, double lower50, double upper50, double lower90, double upper90) {

    /**
     * Checks the step.
     *
     * @param year the year
     * @param median the median
     * @param lower50 the lower bound of the 50% band
     * @param upper50 its upper bound
     * @param lower90 the lower bound of the 90% band
     * @param upper90 its upper bound
     * @throws IllegalArgumentException naming the year and the value if a value is not finite or
     *     the bands are not nested
     */
    public Step {
      check("year " + year, median, lower50, upper50, lower90, upper90);
    }

    private static void check(String where, double median, double lower50, double upper50, double lower90,
        double upper90) {
      finite(where, "median", median);
      finite(where, "lower50", lower50);
      finite(where, "upper50", upper50);
      finite(where, "lower90", lower90);
      finite(where, "upper90", upper90);
      checkArgument(lower90 <= lower50 && lower50 <= median && median <= upper50 && upper50 <= upper90,
          "%s: the bands must be nested, lower90 <= lower50 <= median <= upper50 <= upper90, but were %s, %s, %s, %s, %s",
          where, lower90, lower50, median, upper50, upper90);
    }

    private static void finite(String where, String name, double value) {
      checkArgument(Double.isFinite(value), "%s: %s must be finite but was %s", where, name, value);
    }
  }

  private static final Color FAN = ChartStyle.PALETTE[0];
  private static final Color OBSERVED = new Color(0x111111);
  /** The band's alphas: as ProjectionChart's range of runs (light) and CI of the mean (dark). */
  private static final int ALPHA_90 = 38;
  private static final int ALPHA_50 = 110;

  private final String title;
  private final String metric;
  private final String axisLabel;
  private final String timeLabel;
  private final String bandLabel;
  private final ImmutableList<Step> steps;
  private final ImmutableList<Observation> observed;
  private final ImmutableList<Observation> heldOut;
  private final ImmutableList<ChartEvent> events;
  private final OptionalInt calibratedThrough;
  private final int width;
  private final int height;

  private PredictiveChart(Builder b) {
    this.metric = b.metric;
    this.axisLabel = b.axisLabel;
    this.title = b.title != null ? b.title : b.axisLabel;
    this.timeLabel = b.timeLabel;
    this.bandLabel = b.bandLabel;
    this.steps = ImmutableList.copyOf(b.steps);
    this.observed = ImmutableList.copyOf(b.observed);
    this.heldOut = ImmutableList.copyOf(b.heldOut);
    this.events = ImmutableList.copyOf(b.events);
    this.calibratedThrough = b.calibratedThrough;
    this.width = ChartStyle.widthFor(title, b.width);
    this.height = b.height;
  }

  /**
   * Starts the chart of a metric's posterior predictive projection.
   *
   * @param metric the metric's name, as the observations name it ({@link Observation#metric()})
   * @return a builder
   * @throws IllegalArgumentException if the name is blank
   */
  public static Builder builder(String metric) {
    ChartStyle.checkText(metric, "metric");
    return new Builder(metric);
  }

  @Override
  public String title() {
    return title;
  }

  /**
   * Returns the metric drawn.
   *
   * @return its name
   */
  public String metric() {
    return metric;
  }

  /**
   * Returns the y axis's label: the quantity in words with its unit.
   *
   * @return the label
   */
  public String axisLabel() {
    return axisLabel;
  }

  /**
   * Returns the x axis's label.
   *
   * @return the label, {@code Year} unless set
   */
  public String timeLabel() {
    return timeLabel;
  }

  /**
   * Returns the legend's wording of the bands: what the predictive draws carry.
   *
   * @return the label, {@link #DEFAULT_BAND_LABEL} unless set
   */
  public String bandLabel() {
    return bandLabel;
  }

  /**
   * Returns the fan's years, in increasing order, as given.
   *
   * @return the steps
   */
  public ImmutableList<Step> steps() {
    return steps;
  }

  /**
   * Returns the observed figures drawn filled: those given whose metric is this chart's.
   *
   * @return the observations, in the order given
   */
  public ImmutableList<Observation> observed() {
    return observed;
  }

  /**
   * Returns the figures held out of the fit, drawn hollow: those given whose metric is this
   * chart's.
   *
   * @return the observations, in the order given; empty unless set
   */
  public ImmutableList<Observation> heldOut() {
    return heldOut;
  }

  /**
   * Returns the events marked.
   *
   * @return the events, in the order given
   */
  public ImmutableList<ChartEvent> events() {
    return events;
  }

  /**
   * Returns the last year of the data the model was calibrated on, if marked: later years are
   * projection.
   *
   * @return the year, or empty
   */
  public OptionalInt calibratedThrough() {
    return calibratedThrough;
  }

  /**
   * Returns the image's width in pixels: the requested width or more, so the title fits.
   *
   * @return the width
   */
  public int width() {
    return width;
  }

  /**
   * Returns the image's height in pixels.
   *
   * @return the height
   */
  public int height() {
    return height;
  }

  /**
   * Returns the caption: what the line and the bands are (the median and the central 50% and 90%
   * of the posterior predictive draws, not confidence intervals of a mean), the calibration
   * boundary, the events and the sources of the observed and held-out figures (printed without
   * the scheme, {@code mhlw.go.jp/...}).
   *
   * @return the caption
   */
  @Override
  public String caption() {
    StringBuilder s = new StringBuilder();
    s.append(axisLabel).append(" (metric ").append(metric).append("), ").append(steps.get(0).year()).append(" to ")
        .append(steps.get(steps.size() - 1).year())
        .append(". Line: the median of the posterior predictive draws; dark band: the central 50% of the draws"
            + " (25th to 75th percentile); light band: the central 90% of the draws (5th to 95th percentile). The"
            + " bands are where a single history, and so an observed figure, is expected to fall; they are not"
            + " confidence intervals of a mean and do not narrow as more draws are made.");
    if (!bandLabel.equals(DEFAULT_BAND_LABEL)) {
      s.append(" The draws: ").append(bandLabel).append('.');
    }
    calibratedThrough.ifPresent(y -> s.append(" Years up to ").append(y)
        .append(" are the calibration period; the shaded years after it are projection."));
    if (!events.isEmpty()) {
      List<String> e = new ArrayList<>();
      events.forEach(ev -> e.add(ev.year() + " " + ev.label()));
      s.append(" Dashed lines: ").append(String.join("; ", e)).append('.');
    }
    if (observed.isEmpty()) {
      s.append(" No published figure of this metric is drawn filled.");
    } else {
      s.append(" Filled points: ").append(observed.size()).append(" published figures; sources: ")
          .append(sources(observed)).append('.');
    }
    if (!heldOut.isEmpty()) {
      s.append(" Hollow points: ").append(heldOut.size())
          .append(" held-out figures, not used for fitting; sources: ").append(sources(heldOut)).append('.');
    }
    return s.toString();
  }

  private static String sources(List<Observation> observations) {
    return String.join(", ", new LinkedHashSet<>(observations.stream()
        .map(o -> ProjectionChart.withoutScheme(o.source())).toList()));
  }

  /** The legend's name of the 50% band. */
  String band50Name() {
    return "central 50%, " + bandLabel;
  }

  /** The legend's name of the 90% band. */
  String band90Name() {
    return "central 90%, " + bandLabel;
  }

  /** The legend's name of the median line. */
  static String medianName() {
    return "median";
  }

  /** The legend's name of the observed points: the sources' hosts, or their count when too long. */
  String observedName() {
    return pointsName("Observed", observed);
  }

  /** The legend's name of the held-out points. */
  String heldOutName() {
    return pointsName("Held out", heldOut);
  }

  private static String pointsName(String what, List<Observation> observations) {
    Set<String> hosts = new LinkedHashSet<>();
    for (Observation o : observations) {
      hosts.add(PlotAnnotations.host(o.source()));
    }
    String named = what + " (" + String.join(", ", hosts) + ")";
    return named.length() <= 48 ? named : what + " (" + hosts.size() + " published sources)";
  }

  /**
   * Builds the XChart chart: the 90% band, the 50% band, the median line, the observed and the
   * held-out points on top, then the calibration boundary and the events as annotations. A new
   * chart on every call, for callers who want to restyle it.
   *
   * @return the chart
   */
  public XYChart toXChart() {
    XYChart chart = ChartStyle.xyChart(title, width, height, timeLabel, axisLabel);
    // XChart paints series in the order they were added: the light band, the dark one, the line
    band(chart, band90Name(), Step::lower90, Step::upper90, ChartStyle.translucent(FAN, ALPHA_90));
    band(chart, band50Name(), Step::lower50, Step::upper50, ChartStyle.translucent(FAN, ALPHA_50));
    XYSeries median = chart.addSeries(medianName(), steps.stream().map(s -> (double) s.year()).toList(),
        steps.stream().map(Step::median).toList());
    median.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    median.setLineColor(FAN);
    median.setLineStyle(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    median.setMarker(SeriesMarkers.NONE);
    points(chart, observedName(), observed, SeriesMarkers.DIAMOND);
    points(chart, heldOutName(), heldOut, new HollowDiamond());
    chart.getStyler().setMarkerSize(11);
    chart.getStyler().setLegendSeriesLineLength(26);
    // under the plot, as one row when it fits, else as a column: XChart neither wraps nor clips a
    // legend into the image, and a column beside the plot would take the long band labels' width
    // from the plot
    boolean row = ProjectionChart.legendRowWidth(chart) <= width - 2 * 12;
    chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(row ? LegendLayout.Horizontal : LegendLayout.Vertical);
    PlotAnnotations.addTo(chart, calibratedThrough, events);
    return chart;
  }

  private void band(XYChart chart, String name, ToDoubleFunction<Step> lower, ToDoubleFunction<Step> upper,
      Color fill) {
    // a closed polygon: along the upper bound, back along the lower bound
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (Step s : steps) {
      x.add((double) s.year());
      y.add(upper.applyAsDouble(s));
    }
    for (Step s : steps.reverse()) {
      x.add((double) s.year());
      y.add(lower.applyAsDouble(s));
    }
    XYSeries band = chart.addSeries(name, x, y);
    band.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
    band.setFillColor(fill);
    band.setLineColor(fill);
    band.setLineStyle(new BasicStroke(0.5f));
    band.setMarker(SeriesMarkers.NONE);
  }

  private static void points(XYChart chart, String name, List<Observation> observations, Marker marker) {
    if (observations.isEmpty()) {
      return;
    }
    XYSeries s = chart.addSeries(name, observations.stream().map(o -> (double) o.year()).toList(),
        observations.stream().map(Observation::value).toList());
    s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    s.setMarker(marker);
    s.setMarkerColor(OBSERVED);
  }

  @Override
  public byte[] png() {
    return ChartStyle.png(toXChart());
  }

  @Override
  public String toString() {
    return "PredictiveChart[" + title + ", " + metric + ", " + steps.size() + " steps, " + observed.size()
        + " observed, " + heldOut.size() + " held out, " + events.size() + " events]";
  }

  /**
   * XChart's diamond, outlined in the marker's colour over a white fill: the same shape as an
   * observed figure's, told apart by being hollow.
   */
  private static final class HollowDiamond extends Marker {
    @Override
    public void paint(Graphics2D g, double x, double y, int size) {
      double half = size / 2.0 * 1.3; // as XChart's Diamond
      Path2D.Double diamond = new Path2D.Double();
      diamond.moveTo(x - half, y);
      diamond.lineTo(x, y - half);
      diamond.lineTo(x + half, y);
      diamond.lineTo(x, y + half);
      diamond.closePath();
      Color ink = g.getColor();
      g.setColor(Color.WHITE);
      g.fill(diamond);
      g.setColor(ink);
      g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_MITER));
      g.draw(diamond);
    }
  }

  /*
   * The calibration boundary and the event lines as ProjectionChart draws them (its classes are
   * private to it), so both charts of a report look alike.
   */

  /** Builds a {@link PredictiveChart}; every setter checks its argument at once. */
  public static final class Builder {
    private final String metric;
    private String axisLabel;
    private String title;
    private String timeLabel = "Year";
    private String bandLabel = DEFAULT_BAND_LABEL;
    private final List<Step> steps = new ArrayList<>();
    private final List<Observation> observed = new ArrayList<>();
    private final List<Observation> heldOut = new ArrayList<>();
    private final List<ChartEvent> events = new ArrayList<>();
    private OptionalInt calibratedThrough = OptionalInt.empty();
    private int width = ChartStyle.WIDTH;
    private int height = ChartStyle.HEIGHT;

    private Builder(String metric) {
      this.metric = metric;
    }

    /**
     * Sets the y axis's label: the quantity in words with its unit, for example
     * {@code Production value (億円)}. Required: a metric id is not a label.
     *
     * @param label the label
     * @return this builder
     * @throws IllegalArgumentException if it is blank
     */
    public Builder axisLabel(String label) {
      ChartStyle.checkText(label, "axis label of " + metric);
      this.axisLabel = label;
      return this;
    }

    /**
     * Sets the title; the axis label unless set.
     *
     * @param chartTitle the title
     * @return this builder
     * @throws IllegalArgumentException if it is blank
     */
    public Builder title(String chartTitle) {
      ChartStyle.checkText(chartTitle, "title of the chart of " + metric);
      this.title = chartTitle;
      return this;
    }

    /**
     * Sets the x axis's label, for example {@code Year (fiscal)}; {@code Year} unless set.
     *
     * @param label the label
     * @return this builder
     * @throws IllegalArgumentException if it is blank
     */
    public Builder timeLabel(String label) {
      ChartStyle.checkText(label, "time label of " + metric);
      this.timeLabel = label;
      return this;
    }

    /**
     * Adds a year of the fan: the median and the central 50% and 90% bands of the year's
     * posterior predictive draws. One call per year, in increasing years.
     *
     * @param year the year, later than the previous call's
     * @param median the draws' median
     * @param lower50 their 25th percentile, the lower bound of the central 50%
     * @param upper50 their 75th percentile
     * @param lower90 their 5th percentile, the lower bound of the central 90%
     * @param upper90 their 95th percentile
     * @return this builder
     * @throws IllegalArgumentException naming the metric, the year and the value if a value is not
     *     finite, the bands are not nested ({@code lower90 <= lower50 <= median <= upper50 <=
     *     upper90}) or the year is not later than the previous one
     */
    public Builder step(int year, double median, double lower50, double upper50, double lower90, double upper90) {
      String where = "'" + metric + "' in " + year;
      if (!steps.isEmpty()) {
        int previous = steps.get(steps.size() - 1).year();
        checkArgument(year > previous, "%s: the years must increase, but %s follows %s", where, year, previous);
      }
      Step.check(where, median, lower50, upper50, lower90, upper90);
      steps.add(new Step(year, median, lower50, upper50, lower90, upper90));
      return this;
    }

    /**
     * Overlays observed figures, drawn as filled points: of those given, the ones whose
     * {@link Observation#metric()} is this chart's metric are drawn (the rest belong to other
     * metrics' charts); their sources go into the legend and the caption. May be called more than
     * once.
     *
     * @param observations observations of any metrics
     * @return this builder
     */
    public Builder observed(List<Observation> observations) {
      addOfMetric(observations, observed);
      return this;
    }

    /**
     * Overlays figures that were not used for fitting, drawn as hollow points and labelled held
     * out: of those given, the ones of this chart's metric. May be called more than once.
     *
     * @param observations observations of any metrics, none of them also {@linkplain
     *     #observed(List) observed}
     * @return this builder
     */
    public Builder heldOut(List<Observation> observations) {
      addOfMetric(observations, heldOut);
      return this;
    }

    private void addOfMetric(List<Observation> given, List<Observation> into) {
      for (Observation o : checkNotNull(given, "observations")) {
        if (checkNotNull(o, "observation").metric().equals(metric)) {
          into.add(o);
        }
      }
    }

    /**
     * Marks an event.
     *
     * @param year its year
     * @param label what happened, a few words
     * @return this builder
     * @throws IllegalArgumentException naming the year if the label is blank
     */
    public Builder event(int year, String label) {
      return event(ChartEvent.of(year, label));
    }

    /**
     * Marks an event.
     *
     * @param event the event
     * @return this builder
     */
    public Builder event(ChartEvent event) {
      events.add(checkNotNull(event, "event"));
      return this;
    }

    /**
     * Marks events.
     *
     * @param chartEvents the events
     * @return this builder
     */
    public Builder events(List<ChartEvent> chartEvents) {
      checkNotNull(chartEvents, "events").forEach(this::event);
      return this;
    }

    /**
     * Marks the end of the calibration period: later years are shaded as projection.
     *
     * @param year the last year of data the model was fitted to
     * @return this builder
     */
    public Builder calibratedThrough(int year) {
      this.calibratedThrough = OptionalInt.of(year);
      return this;
    }

    /**
     * Sets the legend's wording of the bands: what the predictive draws carry, for example
     * {@code posterior predictive: parameters, runs and model discrepancy};
     * {@value PredictiveChart#DEFAULT_BAND_LABEL} unless set.
     *
     * @param label the wording
     * @return this builder
     * @throws IllegalArgumentException if it is blank
     */
    public Builder bandLabel(String label) {
      ChartStyle.checkText(label, "band label of " + metric);
      this.bandLabel = label;
      return this;
    }

    /**
     * Sets the image's size; the width grows if the title needs it.
     *
     * @param pixelsWide the width, at least 400
     * @param pixelsHigh the height, at least 300
     * @return this builder
     * @throws IllegalArgumentException naming the value if it is too small
     */
    public Builder size(int pixelsWide, int pixelsHigh) {
      checkArgument(pixelsWide >= 400 && pixelsHigh >= 300, "the chart must be at least 400×300 pixels but was %s×%s",
          pixelsWide, pixelsHigh);
      this.width = pixelsWide;
      this.height = pixelsHigh;
      return this;
    }

    /**
     * Builds the chart.
     *
     * @return the chart
     * @throws IllegalArgumentException naming the metric if no axis label is set or no step added,
     *     or naming the figure if one is both observed and held out
     */
    public PredictiveChart build() {
      checkArgument(axisLabel != null, "no axis label for metric '%s': call axisLabel(\"words (unit)\")", metric);
      checkArgument(!steps.isEmpty(), "no step for metric '%s': call step(year, median, lower50, upper50, lower90,"
          + " upper90) once per year", metric);
      for (Observation o : heldOut) {
        checkArgument(!observed.contains(o), "the figure of '%s' in %s (%s, %s) is both observed and held out: a"
            + " held-out figure is one not used for fitting", metric, o.year(), o.value(), o.source());
      }
      return new PredictiveChart(this);
    }
  }
}
