package io.github.renkei.cluster.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.dynamics.Observation;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Schedule;
import io.github.renkei.cluster.simulation.Statistics;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A metric of an experiment over the years: per drawn grid point the mean of the replications,
 * the 95% confidence interval of that mean, and the range of the runs themselves (by default the
 * 5–95% quantiles of the replications), with the observed figures on top, the dated events marked
 * and the years used for calibration set apart from the projection.
 *
 * <p>The two bands answer different questions and are labelled so: the <em>95% CI of the
 * mean</em> narrows as replications are added and says how well the experiment pins down the
 * expected path; the <em>range of runs</em> does not narrow and says where a single history of the
 * cluster may go, which is what an observed figure is compared with.
 *
 * <pre>{@code
 * Scenario<ClusterState> s = ClusterDynamics.fukushima();
 * ExperimentResult r = Experiment.of(s).replications(100).seed(1).run();
 * ProjectionChart chart = ProjectionChart.builder(r, s, ClusterDynamics.REGISTERED)
 *     .axisLabel("Registered manufacturers (firms)")
 *     .timeLabel("Year (fiscal)")
 *     .observed(Observation.fukushima())       // those of this metric are drawn
 *     .calibratedThrough(2016)
 *     .event(2011, "Earthquake")
 *     .build();
 * chart.writePng(Path.of("registered.png"));
 * }</pre>
 *
 * <p>Instances are immutable values; {@link #png()} draws anew on each call. The chart widens so
 * that its title is never clipped.
 */
public final class ProjectionChart implements Picture {

  /**
   * One step of a drawn line.
   *
   * @param year the step's calendar year (steps within a year spread over it)
   * @param runs the replications that reached the step
   * @param mean the mean over them
   * @param meanLower the lower bound of the 95% CI of the mean (the mean for a single run)
   * @param meanUpper its upper bound
   * @param runsLower the lower quantile of the runs ({@link ProjectionChart#runRange()})
   * @param runsUpper the upper quantile
   */
  public record Step(double year, int runs, double mean, double meanLower, double meanUpper, double runsLower,
      double runsUpper) {}

  /**
   * One grid point as drawn: a mean line with its two bands.
   *
   * @param label its legend label
   * @param point its index in the result's grid
   * @param steps the steps some replication reached, in order
   */
  public record Line(String label, int point, ImmutableList<Step> steps) {

    /**
     * Copies the steps.
     *
     * @param label its legend label
     * @param point its index in the result's grid
     * @param steps the steps
     */
    public Line {
      steps = ImmutableList.copyOf(steps);
    }
  }

  private static final Color OBSERVED = new Color(0x111111);

  private final String title;
  private final String metric;
  private final String axisLabel;
  private final String timeLabel;
  private final ImmutableList<Line> lines;
  private final ImmutableList<Observation> observed;
  private final ImmutableList<ChartEvent> events;
  private final OptionalInt calibratedThrough;
  private final double runsLow;
  private final double runsHigh;
  private final int width;
  private final int height;

  private ProjectionChart(Builder b, ImmutableList<Line> lines, ImmutableList<Observation> observed) {
    this.metric = b.metric;
    this.axisLabel = b.axisLabel;
    this.title = b.title != null ? b.title : b.axisLabel;
    this.timeLabel = b.timeLabel;
    this.lines = lines;
    this.observed = observed;
    this.events = ImmutableList.copyOf(b.events);
    this.calibratedThrough = b.calibratedThrough;
    this.runsLow = b.runsLow;
    this.runsHigh = b.runsHigh;
    this.width = ChartStyle.widthFor(title, b.width);
    this.height = b.height;
  }

  /**
   * Starts a chart of one metric of an experiment.
   *
   * @param result the experiment's result
   * @param scenario the scenario that ran, one of the result's (its schedule gives the years)
   * @param metric the metric's name, one of the scenario's
   * @return a builder; by default every grid point is drawn, labelled by its parameters
   * @throws IllegalArgumentException naming the value if the scenario is not in the result or the
   *     metric is unknown
   */
  public static Builder builder(ExperimentResult result, Scenario<?> scenario, String metric) {
    ChartStyle.checkScenario(result, scenario);
    ChartStyle.checkMetric(scenario, metric);
    return new Builder(result, scenario, metric);
  }

  @Override
  public String title() {
    return title;
  }

  /**
   * Returns the metric drawn.
   *
   * @return its name in the scenario
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
   * Returns the drawn grid points, in legend order.
   *
   * @return the lines
   */
  public ImmutableList<Line> lines() {
    return lines;
  }

  /**
   * Returns the observed figures drawn: those given whose metric is this chart's.
   *
   * @return the observations, in the order given
   */
  public ImmutableList<Observation> observed() {
    return observed;
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
   * Returns the quantiles of the runs that bound the range band.
   *
   * @return {lower, upper} probabilities, {0.05, 0.95} unless set
   */
  public double[] runRange() {
    return new double[] {runsLow, runsHigh};
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

  /** The legend's name of the range band, {@code 5–95% of runs}. */
  String rangeName() {
    return percent(runsLow) + "–" + percent(runsHigh) + "% of runs";
  }

  private static String percent(double p) {
    double v = p * 100;
    return v == Math.rint(v) ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.1f", v);
  }

  /**
   * Returns the caption: the bands' meaning, the number of runs, the calibration boundary and the
   * observed figures' sources (printed without the scheme, {@code mhlw.go.jp/...}).
   *
   * @return the caption
   */
  @Override
  public String caption() {
    StringBuilder s = new StringBuilder();
    s.append(axisLabel).append(" (metric ").append(metric).append("). Lines: the mean of ");
    List<String> runs = new ArrayList<>();
    for (Line l : lines) {
      int max = l.steps().stream().mapToInt(Step::runs).max().orElse(0);
      runs.add((lines.size() > 1 ? l.label() + ": " : "") + max);
    }
    s.append(String.join(", ", runs)).append(" runs; dark band: the 95% confidence interval of the mean; light band: ")
        .append(rangeName()).append(" (the spread of single histories).");
    calibratedThrough.ifPresent(y -> s.append(" Years up to ").append(y)
        .append(" are the calibration period; the shaded years after it are projection."));
    if (!events.isEmpty()) {
      List<String> e = new ArrayList<>();
      events.forEach(ev -> e.add(ev.year() + " " + ev.label()));
      s.append(" Dashed lines: ").append(String.join("; ", e)).append('.');
    }
    if (observed.isEmpty()) {
      s.append(" No published figure of this metric is drawn.");
    } else {
      s.append(" Points: ").append(observed.size()).append(" published figures; sources: ")
          .append(String.join(", ", new LinkedHashSet<>(observed.stream().map(o -> withoutScheme(o.source()))
              .toList()))).append('.');
    }
    return s.toString();
  }

  /**
   * A source without its scheme ({@code mhlw.go.jp/topics/...}): still a full citation, but not a
   * URL, so a report carrying the caption holds no link a browser would follow or load.
   */
  static String withoutScheme(String source) {
    return source.strip().replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
  }

  /** The legend's name of the observed points: the sources' hosts, or their count when too long. */
  String observedName() {
    Set<String> hosts = new LinkedHashSet<>();
    for (Observation o : observed) {
      hosts.add(PlotAnnotations.host(o.source()));
    }
    String named = "Observed (" + String.join(", ", hosts) + ")";
    return named.length() <= 48 ? named : "Observed (" + hosts.size() + " published sources)";
  }

  /**
   * Builds the XChart chart: bands behind lines, observed points on top, then the calibration
   * boundary and the events as annotations. A new chart on every call, for callers who want to
   * restyle it.
   *
   * @return the chart
   */
  public XYChart toXChart() {
    XYChart chart = ChartStyle.xyChart(title, width, height, timeLabel, axisLabel);
    List<Runnable> onTop = new ArrayList<>();
    int colour = 0;
    for (Line line : lines) {
      Color c = ChartStyle.PALETTE[colour++ % ChartStyle.PALETTE.length];
      String prefix = lines.size() > 1 ? line.label() + ": " : "";
      List<Double> x = new ArrayList<>();
      List<Double> mean = new ArrayList<>();
      for (Step s : line.steps()) {
        x.add(s.year());
        mean.add(s.mean());
      }
      band(chart, prefix + rangeName(), line, Step::runsLower, Step::runsUpper, ChartStyle.translucent(c, 38));
      band(chart, prefix + "95% CI of the mean", line, Step::meanLower, Step::meanUpper,
          ChartStyle.translucent(c, 110));
      // XChart paints series in the order they were added: every mean line over every band
      onTop.add(() -> {
        XYSeries s = chart.addSeries(prefix + "mean" + (lines.size() > 1 ? "" : " of the runs"), x, mean);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setLineColor(c);
        s.setLineStyle(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        s.setMarker(SeriesMarkers.NONE);
      });
    }
    onTop.forEach(Runnable::run);
    if (!observed.isEmpty()) {
      XYSeries s = chart.addSeries(observedName(), observed.stream().map(o -> (double) o.year()).toList(),
          observed.stream().map(Observation::value).toList());
      s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
      s.setMarker(SeriesMarkers.DIAMOND);
      s.setMarkerColor(OBSERVED);
    }
    chart.getStyler().setMarkerSize(11);
    chart.getStyler().setLegendSeriesLineLength(26);
    // one row under the plot when it fits, else a column beside it: XChart neither wraps nor clips
    // a legend into the image, it lets it run off the edge
    boolean row = legendRowWidth(chart) <= width - 2 * 12;
    chart.getStyler().setLegendPosition(row ? LegendPosition.OutsideS : LegendPosition.OutsideE);
    chart.getStyler().setLegendLayout(row ? LegendLayout.Horizontal : LegendLayout.Vertical);
    PlotAnnotations.addTo(chart, calibratedThrough, events);
    return chart;
  }

  /** The width of the legend laid out as one row, as XChart lays it out (padding around each entry). */
  static double legendRowWidth(XYChart chart) {
    double padding = chart.getStyler().getLegendPadding();
    double w = padding;
    for (String name : chart.getSeriesMap().keySet()) {
      w += chart.getStyler().getLegendSeriesLineLength() + padding / 2 + ChartStyle.textWidth(name, ChartStyle.LEGEND_FONT)
          + padding;
    }
    return w + padding;
  }

  private static void band(XYChart chart, String name, Line line, java.util.function.ToDoubleFunction<Step> lower,
      java.util.function.ToDoubleFunction<Step> upper, Color fill) {
    // a closed polygon: along the upper bound, back along the lower bound
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (Step s : line.steps()) {
      x.add(s.year());
      y.add(upper.applyAsDouble(s));
    }
    for (Step s : line.steps().reverse()) {
      x.add(s.year());
      y.add(lower.applyAsDouble(s));
    }
    XYSeries band = chart.addSeries(name, x, y);
    band.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
    band.setFillColor(fill);
    band.setLineColor(fill);
    band.setLineStyle(new BasicStroke(0.5f));
    band.setMarker(SeriesMarkers.NONE);
  }

  @Override
  public byte[] png() {
    return ChartStyle.png(toXChart());
  }

  @Override
  public String toString() {
    return "ProjectionChart[" + title + ", " + metric + ", " + lines.size() + " lines, " + observed.size()
        + " observed, " + events.size() + " events]";
  }

  /** Builds a {@link ProjectionChart}; every setter checks its argument at once. */
  public static final class Builder {
    private final ExperimentResult result;
    private final Scenario<?> scenario;
    private final String metric;
    private final Map<Integer, String> points = new LinkedHashMap<>();
    private String axisLabel;
    private String title;
    private String timeLabel = "Year";
    private final List<Observation> observations = new ArrayList<>();
    private final List<ChartEvent> events = new ArrayList<>();
    private OptionalInt calibratedThrough = OptionalInt.empty();
    private double runsLow = 0.05;
    private double runsHigh = 0.95;
    private int width = ChartStyle.WIDTH;
    private int height = ChartStyle.HEIGHT;

    private Builder(ExperimentResult result, Scenario<?> scenario, String metric) {
      this.result = result;
      this.scenario = scenario;
      this.metric = metric;
    }

    /**
     * Draws a grid point, in the order of the calls; without any call every point is drawn.
     *
     * @param point the point's index in the result's grid
     * @param label its legend label
     * @return this builder
     * @throws IllegalArgumentException naming the value if the point is outside the grid, drawn
     *     already, or the label blank
     */
    public Builder point(int point, String label) {
      ChartStyle.checkPoint(result, point, "");
      ChartStyle.checkText(label, "label of grid point " + point);
      checkArgument(!points.containsKey(point), "grid point %s is drawn already, as '%s'", point, points.get(point));
      points.put(point, label);
      return this;
    }

    /**
     * Sets the y axis's label: the quantity in words with its unit, for example
     * {@code Registered manufacturers (firms)}. Required: a metric id is not a label.
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
     * Overlays observed figures: of those given, the ones whose {@link Observation#metric()} is
     * this chart's metric are drawn (the rest belong to other metrics' charts); their sources go
     * into the legend and the caption. May be called more than once.
     *
     * @param observed observations of any metrics
     * @return this builder
     */
    public Builder observed(List<Observation> observed) {
      for (Observation o : checkNotNull(observed, "observed")) {
        if (checkNotNull(o, "observation").metric().equals(metric)) {
          observations.add(o);
        }
      }
      return this;
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
     * Sets the quantiles of the runs that bound the range band; 0.05 and 0.95 unless set.
     *
     * @param lower the lower quantile's probability
     * @param upper the upper one's
     * @return this builder
     * @throws IllegalArgumentException naming them unless {@code 0 <= lower < upper <= 1}
     */
    public Builder runRange(double lower, double upper) {
      checkArgument(lower >= 0 && lower < upper && upper <= 1,
          "the run range's quantiles must satisfy 0 <= lower < upper <= 1 but were %s and %s", lower, upper);
      this.runsLow = lower;
      this.runsHigh = upper;
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
     * Builds the chart, computing its lines from the result.
     *
     * @return the chart
     * @throws IllegalArgumentException naming the metric if no axis label is set, or the point if
     *     no replication of a drawn point has a value of the metric
     */
    public ProjectionChart build() {
      checkArgument(axisLabel != null, "no axis label for metric '%s': call axisLabel(\"words (unit)\")", metric);
      Map<Integer, String> drawn = new LinkedHashMap<>(points);
      if (drawn.isEmpty()) {
        for (int p = 0; p < result.grid().size(); p++) {
          Map<String, Object> values = result.grid().point(p);
          drawn.put(p, values.isEmpty() ? "runs" : values.toString().replaceAll("[{}]", ""));
        }
      }
      Schedule schedule = scenario.schedule();
      double[] years = ChartStyle.years(schedule);
      ImmutableList.Builder<Line> lines = ImmutableList.builder();
      drawn.forEach((point, label) -> {
        ImmutableList.Builder<Step> steps = ImmutableList.builder();
        for (int step = 0; step < schedule.size(); step++) {
          if (result.values(scenario.name(), point, metric, step).length == 0) {
            continue; // no replication reached this step (a stop condition ended them all)
          }
          Statistics s = result.summary(scenario.name(), point, metric, step);
          Statistics.Interval ci = s.confidenceInterval95().orElse(new Statistics.Interval(s.mean(), s.mean()));
          steps.add(new Step(years[step], s.count(), s.mean(), ci.lower(), ci.upper(), s.quantile(runsLow),
              s.quantile(runsHigh)));
        }
        ImmutableList<Step> built = steps.build();
        checkArgument(!built.isEmpty(), "no replication of grid point %s ('%s') has a value of '%s'", point, label,
            metric);
        lines.add(new Line(label, point, built));
      });
      return new ProjectionChart(this, lines.build(), ImmutableList.copyOf(observations));
    }
  }
}
