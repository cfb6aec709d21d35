package io.github.renkei.cluster.report;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Schedule;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The mix of entry stages over the years at one grid point: the mean number of firms at each
 * stage, stacked (parts supply at the bottom, own products on top), so the upper edge is the mean
 * number of firms that have entered the medical-device business at all.
 *
 * <pre>{@code
 * StageMixChart chart = StageMixChart.builder(result, ClusterDynamics.fukushima(), 0)
 *     .title("Firms by entry stage (mean of 300 runs)")
 *     .build();                                   // the four stages of ClusterDynamics
 * chart.writePng(Path.of("stage-mix.png"));
 * }</pre>
 *
 * <p>Other stacks (any metrics that add up) are drawn by naming the layers with
 * {@link Builder#layer(String, String)}. Steps that no replication reached are left out.
 */
public final class StageMixChart implements Picture {

  /** The stages of {@link ClusterDynamics}, bottom of the stack first, with their legend names. */
  public static final ImmutableMap<String, String> STAGES = ImmutableMap.of(
      ClusterDynamics.FIRMS_PARTS_SUPPLY, "Parts supply", ClusterDynamics.FIRMS_OEM, "OEM",
      ClusterDynamics.FIRMS_ODM, "ODM", ClusterDynamics.FIRMS_OWN_PRODUCT, "Own product");

  private final String title;
  private final String axisLabel;
  private final String timeLabel;
  private final ImmutableMap<String, String> layers;
  private final ImmutableList<Double> years;
  private final ImmutableList<double[]> means;
  private final int runs;
  private final int width;

  private StageMixChart(Builder b, ImmutableMap<String, String> layers, List<Double> years, List<double[]> means,
      int runs) {
    this.title = b.title;
    this.axisLabel = b.axisLabel;
    this.timeLabel = b.timeLabel;
    this.layers = layers;
    this.years = ImmutableList.copyOf(years);
    this.means = ImmutableList.copyOf(means);
    this.runs = runs;
    this.width = ChartStyle.widthFor(title, ChartStyle.WIDTH);
  }

  /**
   * Starts a chart of one grid point of an experiment.
   *
   * @param result the experiment's result
   * @param scenario the scenario that ran, one of the result's
   * @param point the grid point's index
   * @return a builder
   * @throws IllegalArgumentException naming the value if the scenario is not in the result or
   *     the point is outside its grid
   */
  public static Builder builder(ExperimentResult result, Scenario<?> scenario, int point) {
    ChartStyle.checkScenario(result, scenario);
    ChartStyle.checkPoint(result, point, "");
    return new Builder(result, scenario, point);
  }

  @Override
  public String title() {
    return title;
  }

  /**
   * Returns the layers, bottom of the stack first: metric to legend name.
   *
   * @return the layers
   */
  public ImmutableMap<String, String> layers() {
    return layers;
  }

  /**
   * Returns the image's width in pixels, wide enough for the title.
   *
   * @return the width
   */
  public int width() {
    return width;
  }

  @Override
  public String caption() {
    return "Mean number of firms at each entry stage over " + runs + " runs, stacked bottom to top: "
        + String.join(", ", layers.values()) + "; the upper edge is the mean number of firms in the field.";
  }

  /**
   * Builds the XChart chart, a new one on every call.
   *
   * @return the chart
   */
  public XYChart toXChart() {
    XYChart chart = ChartStyle.xyChart(title, width, ChartStyle.HEIGHT, timeLabel, axisLabel);
    List<String> names = new ArrayList<>(layers.values());
    Color[] colours = {ChartStyle.PALETTE[5], ChartStyle.PALETTE[0], ChartStyle.PALETTE[4], ChartStyle.PALETTE[1],
        ChartStyle.PALETTE[2], ChartStyle.PALETTE[3], ChartStyle.PALETTE[6], ChartStyle.PALETTE[7]};
    // XChart fills each area down to the axis, so the cumulative totals are drawn top first and
    // each lower layer paints over the one above it
    for (int layer = names.size() - 1; layer >= 0; layer--) {
      List<Double> cumulative = new ArrayList<>();
      for (double[] m : means) {
        double sum = 0;
        for (int i = 0; i <= layer; i++) {
          sum += m[i];
        }
        cumulative.add(sum);
      }
      Color c = colours[layer % colours.length];
      XYSeries s = chart.addSeries(names.get(layer), years, cumulative);
      s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Area);
      s.setFillColor(c);
      // the legend shows an area series by its line: a thick one in the fill colour reads as a swatch
      s.setLineColor(c);
      s.setLineStyle(new BasicStroke(2.5f));
      s.setMarker(SeriesMarkers.NONE);
    }
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
    chart.getStyler().setLegendSeriesLineLength(28);
    return chart;
  }

  @Override
  public byte[] png() {
    return ChartStyle.png(toXChart());
  }

  @Override
  public String toString() {
    return "StageMixChart[" + title + ", " + layers.keySet() + "]";
  }

  /** Builds a {@link StageMixChart}. */
  public static final class Builder {
    private final ExperimentResult result;
    private final Scenario<?> scenario;
    private final int point;
    private final Map<String, String> layers = new LinkedHashMap<>();
    private String title = "Firms by entry stage";
    private String axisLabel = "Firms (mean of the runs, stacked)";
    private String timeLabel = "Year";

    private Builder(ExperimentResult result, Scenario<?> scenario, int point) {
      this.result = result;
      this.scenario = scenario;
      this.point = point;
    }

    /**
     * Adds a layer on top of the previous ones; without any call the layers are {@link #STAGES}.
     *
     * @param metric a metric of the scenario
     * @param label its legend name
     * @return this builder
     * @throws IllegalArgumentException naming the metric if it is unknown or already a layer, or
     *     the label is blank
     */
    public Builder layer(String metric, String label) {
      ChartStyle.checkMetric(scenario, metric);
      ChartStyle.checkText(label, "label of layer " + metric);
      checkArgument(!layers.containsKey(metric), "metric '%s' is a layer already", metric);
      layers.put(metric, label);
      return this;
    }

    /**
     * Sets the title; {@code Firms by entry stage} unless set.
     *
     * @param chartTitle the title
     * @return this builder
     * @throws IllegalArgumentException if it is blank
     */
    public Builder title(String chartTitle) {
      ChartStyle.checkText(chartTitle, "title");
      this.title = chartTitle;
      return this;
    }

    /**
     * Sets the y axis's label, in words with the unit.
     *
     * @param label the label
     * @return this builder
     * @throws IllegalArgumentException if it is blank
     */
    public Builder axisLabel(String label) {
      ChartStyle.checkText(label, "axis label");
      this.axisLabel = label;
      return this;
    }

    /**
     * Sets the x axis's label; {@code Year} unless set.
     *
     * @param label the label
     * @return this builder
     * @throws IllegalArgumentException if it is blank
     */
    public Builder timeLabel(String label) {
      ChartStyle.checkText(label, "time label");
      this.timeLabel = label;
      return this;
    }

    /**
     * Builds the chart from the result.
     *
     * @return the chart
     * @throws IllegalArgumentException naming the metric if a default stage metric is not in the
     *     scenario, or the point if no replication has values of every layer
     */
    public StageMixChart build() {
      ImmutableMap<String, String> stack = layers.isEmpty() ? STAGES : ImmutableMap.copyOf(layers);
      stack.keySet().forEach(m -> ChartStyle.checkMetric(scenario, m));
      Schedule schedule = scenario.schedule();
      double[] stepYears = ChartStyle.years(schedule);
      List<Double> x = new ArrayList<>();
      List<double[]> means = new ArrayList<>();
      int runs = 0;
      for (int step = 0; step < schedule.size(); step++) {
        double[] m = new double[stack.size()];
        int k = 0;
        boolean reached = true;
        for (String metric : stack.keySet()) {
          if (result.values(scenario.name(), point, metric, step).length == 0) {
            reached = false;
            break;
          }
          m[k++] = result.summary(scenario.name(), point, metric, step).mean();
        }
        if (reached) {
          x.add(stepYears[step]);
          means.add(m);
          runs = Math.max(runs, result.values(scenario.name(), point, stack.keySet().iterator().next(), step).length);
        }
      }
      checkArgument(!x.isEmpty(), "no replication of grid point %s has values of every layer %s", point,
          stack.keySet());
      return new StageMixChart(this, stack, x, means, runs);
    }
  }
}
