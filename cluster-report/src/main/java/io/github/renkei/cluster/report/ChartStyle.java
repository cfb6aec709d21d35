package io.github.renkei.cluster.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Schedule;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.XYStyler;

/** The look every chart of this package shares, and the checks of their common arguments. */
final class ChartStyle {

  static {
    // Charts render to images only; without a display AWT would otherwise fail on first use.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  static final int WIDTH = 1100;
  static final int HEIGHT = 620;
  /** Space XChart keeps around the title: the chart padding on both sides plus a margin. */
  static final int TITLE_MARGIN = 60;

  /** Okabe–Ito: distinguishable with the common colour-vision deficiencies, and in print. */
  static final Color[] PALETTE = {
      new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
      new Color(0xE69F00), new Color(0x56B4E9), new Color(0x444444), new Color(0xF0E442)};

  static final Color INK = new Color(0x222222);
  static final Color MUTED = new Color(0x666666);
  static final Color GRID = new Color(0xDDDDDD);
  static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  /** The render context of the images drawn (antialiased, fractional metrics as XChart sets them). */
  static final FontRenderContext RENDER = new FontRenderContext(null, true, true);

  private ChartStyle() {}

  /** The width of a text in a font, in pixels, as drawn in the charts. */
  static double textWidth(String text, Font font) {
    return font.getStringBounds(text, RENDER).getWidth();
  }

  /** The chart's width: the default, or wider if the title would not fit. */
  static int widthFor(String title, int minimum) {
    return Math.max(minimum, (int) Math.ceil(textWidth(title, TITLE_FONT)) + TITLE_MARGIN);
  }

  static XYChart xyChart(String title, int width, int height, String xTitle, String yTitle) {
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
    styler.setLegendBackgroundColor(new Color(255, 255, 255, 235));
    styler.setLegendBorderColor(new Color(0xBBBBBB));
    styler.setXAxisDecimalPattern("0");
    styler.setChartPadding(12);
    styler.setAntiAlias(true);
    return chart;
  }

  /** Each step's calendar year, several steps of one year spread evenly over it. */
  static double[] years(Schedule schedule) {
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

  static Color translucent(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  static void checkScenario(ExperimentResult result, Scenario<?> scenario) {
    checkNotNull(result, "result");
    checkNotNull(scenario, "scenario");
    checkArgument(result.scenarios().contains(scenario.name()), "scenario '%s' is not in the result (scenarios: %s)",
        scenario.name(), result.scenarios());
  }

  static void checkMetric(Scenario<?> scenario, String metric) {
    checkNotNull(metric, "metric");
    checkArgument(scenario.metricNames().contains(metric), "unknown metric '%s' in scenario '%s' (metrics: %s)",
        metric, scenario.name(), scenario.metricNames());
  }

  static void checkPoint(ExperimentResult result, int point, String what) {
    int size = result.grid().size();
    checkArgument(point >= 0 && point < size, "grid point %s%s is outside 0 to %s", point, what, size - 1);
  }

  static void checkText(String text, String what) {
    checkNotNull(text, what);
    checkArgument(!text.isBlank(), "%s must not be blank but was '%s'", what, text);
  }

  static byte[] png(XYChart chart) {
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the chart '" + chart.getTitle() + "' as PNG (" + e + ")", e);
    }
  }

  static byte[] png(BufferedImage image, String title) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the chart '" + title + "' as PNG (" + e + ")", e);
    }
    return bytes.toByteArray();
  }
}
