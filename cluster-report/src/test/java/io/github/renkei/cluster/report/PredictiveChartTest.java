package io.github.renkei.cluster.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.Observation;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.Diamond;
import org.knowm.xchart.style.markers.Marker;

/**
 * A predictive chart draws the median and the central 50% and 90% bands of posterior predictive
 * draws, observed figures filled, held-out figures hollow, and says in its caption what the bands
 * are.
 */
class PredictiveChartTest {

  private static final String METRIC = ClusterDynamics.PRODUCTION_VALUE;
  private static final String DISCREPANCY = "posterior predictive: parameters, runs and model discrepancy";

  @TempDir
  Path dir;

  /** A fan widening with the horizon, as a predictive's would: log-normal-like, median 600 growing 6% a year. */
  private static List<PredictiveChart.Step> fan() {
    List<PredictiveChart.Step> steps = new ArrayList<>();
    for (int year = 2005; year <= 2030; year++) {
      double median = 600 * Math.pow(1.06, year - 2005);
      double sd = 0.05 + 0.01 * (year - 2005);
      steps.add(new PredictiveChart.Step(year, median, median * Math.exp(-0.674 * sd), median * Math.exp(0.674 * sd),
          median * Math.exp(-1.645 * sd), median * Math.exp(1.645 * sd)));
    }
    return steps;
  }

  /** Figures standing in for ones not used in the fit (invented values, cited as a test). */
  private static List<Observation> later() {
    return List.of(
        new Observation("md_production_value", METRIC, 2017, 1600, "億円", "end", "https://example.org/held-out", "test"),
        new Observation("md_production_value", METRIC, 2018, 1500, "億円", "end", "https://example.org/held-out", "test"),
        new Observation("md_registrations", ClusterDynamics.REGISTERED, 2018, 70, "firms", "end",
            "https://example.org/held-out", "another metric: not drawn"));
  }

  private static PredictiveChart.Builder production() {
    PredictiveChart.Builder b = PredictiveChart.builder(METRIC).axisLabel("Production value (億円)")
        .timeLabel("Year (fiscal)").title("Medical-device production value, posterior predictive");
    for (PredictiveChart.Step s : fan()) {
      b.step(s.year(), s.median(), s.lower50(), s.upper50(), s.lower90(), s.upper90());
    }
    return b;
  }

  private static PredictiveChart full() {
    return production().observed(Observation.fukushima()).heldOut(later()).calibratedThrough(2016)
        .event(2011, "Great East Japan Earthquake").events(List.of(ChartEvent.of(2020, "funding ends")))
        .bandLabel(DISCREPANCY).build();
  }

  @Test
  void theStepsGivenComeBackInOrder() {
    PredictiveChart chart = production().build();
    assertEquals(fan(), chart.steps());
    assertEquals(2005, chart.steps().get(0).year());
    assertEquals(600.0, chart.steps().get(0).median());
    List<PredictiveChart.Step> steps = chart.steps();
    assertThrows(UnsupportedOperationException.class, steps::clear, "the steps are immutable");
  }

  @Test
  void theChartHoldsTheObservedFiguresOfItsMetricTheHeldOutOnesTheEventsAndTheBoundary() {
    PredictiveChart chart = full();
    List<Observation> production = Observation.fukushima().stream().filter(o -> o.metric().equals(METRIC)).toList();
    assertFalse(production.isEmpty());
    assertEquals(production, chart.observed());
    assertEquals(later().subList(0, 2), chart.heldOut(), "the other metric's figure is left to its own chart");
    assertEquals(List.of(ChartEvent.of(2011, "Great East Japan Earthquake"), ChartEvent.of(2020, "funding ends")),
        chart.events());
    assertEquals(2016, chart.calibratedThrough().getAsInt());
    assertEquals(DISCREPANCY, chart.bandLabel());
    assertEquals(PredictiveChart.DEFAULT_BAND_LABEL, production().build().bandLabel());
    assertEquals(METRIC, chart.metric());
    assertEquals("Production value (億円)", chart.axisLabel());
    assertEquals("Year (fiscal)", chart.timeLabel());
    assertEquals("Medical-device production value, posterior predictive", chart.title());
    assertEquals("Production value (億円)", production().title("t").axisLabel("Production value (億円)").build()
        .axisLabel());
    assertEquals("Production value (億円)",
        PredictiveChart.builder(METRIC).axisLabel("Production value (億円)").step(2005, 1, 1, 1, 1, 1).build().title(),
        "the title is the axis label unless set");
  }

  @Test
  void theXChartModelDrawsTheLightBandTheDarkBandThenTheMedianAndThePointsOnTop() {
    PredictiveChart chart = full();
    XYChart x = chart.toXChart();
    assertEquals("Production value (億円)", x.getYAxisTitle());
    assertEquals("Year (fiscal)", x.getXAxisTitle());
    List<String> names = new ArrayList<>(x.getSeriesMap().keySet());
    assertEquals(List.of("central 90%, " + DISCREPANCY, "central 50%, " + DISCREPANCY, "median",
        "Observed (4 published sources)", "Held out (example.org)"), names,
        "painted in this order: bands behind the line, points over both");

    XYSeries band90 = x.getSeriesMap().get(names.get(0));
    XYSeries band50 = x.getSeriesMap().get(names.get(1));
    assertEquals(XYSeriesRenderStyle.PolygonArea, band90.getXYSeriesRenderStyle());
    assertEquals(XYSeriesRenderStyle.PolygonArea, band50.getXYSeriesRenderStyle());
    assertTrue(band90.getFillColor().getAlpha() < band50.getFillColor().getAlpha(),
        "the 90% band is lighter than the 50% band: " + band90.getFillColor() + " " + band50.getFillColor());
    assertEquals(ChartStyle.PALETTE[0].getRGB() & 0xFFFFFF, band90.getFillColor().getRGB() & 0xFFFFFF);
    // the polygon runs along the upper bounds and back along the lower ones
    PredictiveChart.Step first = chart.steps().get(0);
    PredictiveChart.Step last = chart.steps().get(chart.steps().size() - 1);
    int n = chart.steps().size();
    assertEquals(2 * n, band90.getYData().length);
    assertEquals(first.upper90(), band90.getYData()[0]);
    assertEquals(last.lower90(), band90.getYData()[n]);
    assertEquals(first.lower90(), band90.getYData()[2 * n - 1]);
    assertEquals(first.upper50(), band50.getYData()[0]);
    assertEquals(first.lower50(), band50.getYData()[2 * n - 1]);

    XYSeries median = x.getSeriesMap().get("median");
    assertEquals(XYSeriesRenderStyle.Line, median.getXYSeriesRenderStyle());
    assertEquals(ChartStyle.PALETTE[0], median.getLineColor());
    assertEquals(n, median.getYData().length);
    assertEquals(last.median(), median.getYData()[n - 1]);
    assertEquals(2030.0, median.getXData()[n - 1]);

    XYSeries observed = x.getSeriesMap().get("Observed (4 published sources)");
    assertEquals(XYSeriesRenderStyle.Scatter, observed.getXYSeriesRenderStyle());
    assertEquals(chart.observed().size(), observed.getXData().length);
    assertEquals(chart.observed().get(0).value(), observed.getYData()[0]);
    assertInstanceOf(Diamond.class, observed.getMarker());
    XYSeries heldOut = x.getSeriesMap().get("Held out (example.org)");
    assertEquals(List.of(1600.0, 1500.0), List.of(heldOut.getYData()[0], heldOut.getYData()[1]));
    assertEquals(observed.getMarkerColor(), heldOut.getMarkerColor());
    assertNotEquals(observed.getMarker().getClass(), heldOut.getMarker().getClass());
  }

  @Test
  void observedPointsAreFilledBlackAndHeldOutOnesHollow() {
    XYChart x = full().toXChart();
    BufferedImage filled = marker(x.getSeriesMap().get("Observed (4 published sources)"));
    BufferedImage hollow = marker(x.getSeriesMap().get("Held out (example.org)"));
    assertTrue(dark(filled.getRGB(20, 20)), "an observed figure's centre is inked");
    assertFalse(dark(hollow.getRGB(20, 20)), "a held-out figure's centre is not");
    // a diamond of size 11 reaches 7 px from its centre: its outline is inked in both
    assertTrue(dark(filled.getRGB(20, 13)));
    assertTrue(dark(hollow.getRGB(20, 12)) || dark(hollow.getRGB(20, 13)), "the hollow one is outlined");
    assertFalse(dark(hollow.getRGB(20, 16)), "and empty inside");
    assertTrue(dark(new Color(0x111111).getRGB()), "the observed ink is black");
  }

  private static BufferedImage marker(XYSeries series) {
    BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0xCCDDEE)); // as over a band
    g.fillRect(0, 0, 40, 40);
    g.setColor(series.getMarkerColor());
    Marker m = series.getMarker();
    m.paint(g, 20, 20, 11);
    g.dispose();
    return image;
  }

  private static boolean dark(int rgb) {
    Color c = new Color(rgb);
    return c.getRed() + c.getGreen() + c.getBlue() < 3 * 80;
  }

  @Test
  void theCaptionSaysTheBandsAreCentralRangesOfTheDrawsNotConfidenceIntervals() {
    String caption = full().caption();
    assertTrue(caption.contains("the median of the posterior predictive draws"), caption);
    assertTrue(caption.contains("the central 50% of the draws") && caption.contains("the central 90% of the draws"),
        caption);
    assertTrue(caption.contains("not confidence intervals of a mean"), caption);
    assertTrue(caption.contains(DISCREPANCY), caption);
    assertTrue(caption.contains("2005 to 2030"), caption);
    assertTrue(caption.contains("Years up to 2016 are the calibration period"), caption);
    assertTrue(caption.contains("2011 Great East Japan Earthquake") && caption.contains("2020 funding ends"), caption);
    assertTrue(caption.contains("Filled points: 6 published figures"), caption);
    assertTrue(caption.contains("mhlw.go.jp/topics/yakuji/2013/nenpo/40.html"), caption);
    assertTrue(caption.contains("Hollow points: 2 held-out figures, not used for fitting; sources: example.org/held-out"),
        caption);
    assertFalse(caption.contains("http"), "sources are cited without a scheme: " + caption);

    String plain = production().build().caption();
    assertTrue(plain.contains("No published figure of this metric is drawn filled."), plain);
    assertFalse(plain.contains("Hollow points") || plain.contains("calibration period") || plain.contains("Dashed"),
        plain);
    assertFalse(plain.contains("The draws:"), "the default band label adds nothing to the caption: " + plain);
  }

  @Test
  void itRendersAPngOfItsSizeAndWritesItAtomically() throws IOException {
    PredictiveChart chart = full();
    byte[] png = chart.png();
    assertTrue(png.length > 1000, "a drawn chart, not an empty image: " + png.length + " bytes");
    assertTrue(Fixture.isPng(png));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(chart.width(), image.getWidth());
    assertEquals(chart.height(), image.getHeight());
    assertEquals(ChartStyle.WIDTH, chart.width());
    assertEquals(ChartStyle.HEIGHT, chart.height());
    Path file = dir.resolve("production-value.png");
    assertEquals(file, chart.writePng(file));
    assertTrue(Files.size(file) > 1000);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left beside the chart");
    }
    PredictiveChart small = production().size(640, 400).build();
    BufferedImage smallImage = ImageIO.read(new ByteArrayInputStream(small.png()));
    assertEquals(640, smallImage.getWidth());
    assertEquals(400, smallImage.getHeight());
  }

  @Test
  void theFanIsDrawnInTheFanColourTheDarkBandDarkerThanTheLightOne() throws IOException {
    PredictiveChart chart = production().build();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png()));
    // count the pixels of the fan's blue at the two bands' shades, over the whole image
    int light = 0;
    int dark = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        Color c = new Color(image.getRGB(x, y));
        if (c.getBlue() > 200 && c.getRed() >= 200 && c.getRed() < 235) {
          light++; // the 90% band over white: alpha 38 of 0x0072B2
        } else if (c.getBlue() > 200 && c.getRed() >= 90 && c.getRed() < 140) {
          dark++; // the 50% band over the 90% band
        }
      }
    }
    assertTrue(light > 5000 && dark > 5000, "both bands are drawn: light " + light + ", dark " + dark);
  }

  @Test
  void theLegendGoesUnderThePlotAsARowWhenItFitsElseAsAColumn() {
    XYChart shortLabels = production().observed(Observation.fukushima()).build().toXChart();
    assertEquals(LegendPosition.OutsideS, shortLabels.getStyler().getLegendPosition());
    assertEquals(LegendLayout.Horizontal, shortLabels.getStyler().getLegendLayout());
    assertTrue(ProjectionChart.legendRowWidth(shortLabels) <= shortLabels.getWidth());
    XYChart longLabels = full().toXChart();
    assertTrue(ProjectionChart.legendRowWidth(longLabels) > longLabels.getWidth(), "two long band labels do not fit");
    assertEquals(LegendPosition.OutsideS, longLabels.getStyler().getLegendPosition());
    assertEquals(LegendLayout.Vertical, longLabels.getStyler().getLegendLayout());
  }

  @Test
  void aLongTitleWidensTheChartSoItIsNeverClipped() {
    String title = "Medical-device production value in Fukushima, the median and the central 50% and 90% of the "
        + "posterior predictive draws, against the published and the held-out figures";
    PredictiveChart chart = production().title(title).build();
    double measured = ChartStyle.TITLE_FONT.getStringBounds(title, ChartStyle.RENDER).getWidth();
    assertTrue(chart.width() >= measured + 2 * 12, "width " + chart.width() + " for a title of " + measured + " px");
    assertEquals(ChartStyle.WIDTH, production().title("Short").build().width());
    assertEquals(chart.width(), chart.toXChart().getWidth());
    assertEquals(chart.width(), chart.toXChart().getWidth());
  }

  @Test
  void aValueThatIsNotFiniteIsNamedWithItsYear() {
    assertMessage(() -> production().step(2031, Double.NaN, 1, 2, 0, 3),
        "'production-value' in 2031: median must be finite but was NaN");
    assertMessage(() -> production().step(2031, 1, 0, 2, 0, Double.POSITIVE_INFINITY),
        "'production-value' in 2031: upper90 must be finite but was Infinity");
    assertMessage(() -> production().step(2031, 1, Double.NEGATIVE_INFINITY, 2, 0, 3),
        "'production-value' in 2031: lower50 must be finite but was -Infinity");
    assertMessage(() -> new PredictiveChart.Step(2031, 1, 0, Double.NaN, 0, 3), "year 2031: upper50 must be finite");
  }

  @Test
  void bandsThatAreNotNestedAreNamedWithTheirYearAndValues() {
    assertMessage(() -> production().step(2031, 1, 2, 3, 0, 4), "'production-value' in 2031: the bands must be nested"
        + ", lower90 <= lower50 <= median <= upper50 <= upper90, but were 0.0, 2.0, 1.0, 3.0, 4.0");
    assertMessage(() -> production().step(2031, 1, 0, 2, 0.5, 3), "but were 0.5, 0.0, 1.0, 2.0, 3.0");
    assertMessage(() -> production().step(2031, 1, 0, 3, -1, 2), "but were -1.0, 0.0, 1.0, 3.0, 2.0");
    assertMessage(() -> production().step(2031, 4, 0, 3, -1, 5), "but were -1.0, 0.0, 4.0, 3.0, 5.0");
    assertMessage(() -> new PredictiveChart.Step(2031, 1, 0, 2, 0.5, 3), "year 2031: the bands must be nested");
    // a degenerate fan (every draw alike) is nested
    assertEquals(1, PredictiveChart.builder(METRIC).axisLabel("x (u)").step(2031, 1, 1, 1, 1, 1).build().steps()
        .size());
  }

  @Property(tries = 200)
  void anyQuantilesInOrderMakeAStep(@ForAll @DoubleRange(min = -1e6, max = 1e6) double a,
      @ForAll @DoubleRange(min = 0, max = 1e6) double b, @ForAll @DoubleRange(min = 0, max = 1e6) double c,
      @ForAll @DoubleRange(min = 0, max = 1e6) double d, @ForAll @DoubleRange(min = 0, max = 1e6) double e) {
    double lower90 = a;
    double lower50 = lower90 + b;
    double median = lower50 + c;
    double upper50 = median + d;
    double upper90 = upper50 + e;
    PredictiveChart.Step s = PredictiveChart.builder(METRIC).axisLabel("x (u)")
        .step(2000, median, lower50, upper50, lower90, upper90).build().steps().get(0);
    assertEquals(new PredictiveChart.Step(2000, median, lower50, upper50, lower90, upper90), s);
    if (lower50 > lower90) {
      assertThrows(IllegalArgumentException.class,
          () -> PredictiveChart.builder(METRIC).step(2000, median, lower90, upper50, lower50, upper90),
          "the 90% band's lower bound above the 50% band's");
    }
  }

  @Test
  void yearsThatDoNotIncreaseAreNamed() {
    assertMessage(() -> production().step(2030, 1, 1, 1, 1, 1),
        "'production-value' in 2030: the years must increase, but 2030 follows 2030");
    assertMessage(() -> production().step(2010, 1, 1, 1, 1, 1),
        "'production-value' in 2010: the years must increase, but 2010 follows 2030");
  }

  @Test
  void aChartNeedsStepsAndAnAxisLabel() {
    assertMessage(() -> PredictiveChart.builder(METRIC).axisLabel("x (u)").build(),
        "no step for metric 'production-value'");
    assertMessage(() -> PredictiveChart.builder(METRIC).step(2005, 1, 1, 1, 1, 1).build(),
        "no axis label for metric 'production-value'");
    assertMessage(() -> PredictiveChart.builder(METRIC).axisLabel(" "),
        "axis label of production-value must not be blank but was ' '");
    assertMessage(() -> PredictiveChart.builder(" "), "metric must not be blank");
    assertMessage(() -> production().title(""), "title of the chart of production-value must not be blank");
    assertMessage(() -> production().timeLabel("\t"), "time label of production-value must not be blank");
    assertMessage(() -> production().bandLabel(" "), "band label of production-value must not be blank");
    assertMessage(() -> production().size(399, 300), "at least 400×300 pixels but was 399×300");
    assertThrows(IllegalArgumentException.class, () -> production().event(2011, " "));
    assertThrows(NullPointerException.class, () -> production().observed(null));
  }

  @Test
  void aFigureCannotBeBothObservedAndHeldOut() {
    List<Observation> both = later();
    assertMessage(() -> production().observed(both).heldOut(both).build(),
        "the figure of 'production-value' in 2017 (1600.0, https://example.org/held-out) is both observed and held out");
  }

  @Test
  void aStepOfOneYearDrawsAsAVerticalBarWithoutFailing() throws IOException {
    PredictiveChart one = PredictiveChart.builder(METRIC).axisLabel("x (u)").step(2030, 2, 1, 3, 0, 4).build();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(one.png()));
    assertEquals(one.width(), image.getWidth());
    assertEquals("PredictiveChart[x (u), production-value, 1 steps, 0 observed, 0 held out, 0 events]",
        one.toString());
  }

  private static void assertMessage(Executable call, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
  }
}
