package io.github.renkei.cluster.report;

import static io.github.renkei.cluster.report.Fixture.COUNCIL;
import static io.github.renkei.cluster.report.Fixture.FUKUSHIMA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.Observation;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Schedule;
import io.github.renkei.cluster.simulation.Statistics;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;

/** A projection chart shows the mean, both bands, the observed figures, the events and the boundary. */
class ProjectionChartTest {

  @TempDir
  Path dir;

  private static ProjectionChart.Builder registered() {
    return ProjectionChart.builder(COUNCIL, FUKUSHIMA, ClusterDynamics.REGISTERED)
        .axisLabel("Registered manufacturers (firms)").timeLabel("Year (fiscal)");
  }

  @Test
  void eachDrawnPointHasItsMeanTheCiOfTheMeanAndTheRangeOfRunsFromTheResult() {
    ProjectionChart chart = registered().point(0, "no council").build();
    ProjectionChart.Line line = chart.lines().get(0);
    assertEquals("no council", line.label());
    assertEquals(FUKUSHIMA.schedule().size(), line.steps().size());
    int step = FUKUSHIMA.schedule().indexOf("2020").orElseThrow();
    Statistics s = COUNCIL.summary("fukushima", 0, ClusterDynamics.REGISTERED, step);
    ProjectionChart.Step drawn = line.steps().get(step);
    assertEquals(2020.0, drawn.year());
    assertEquals(12, drawn.runs());
    assertEquals(s.mean(), drawn.mean());
    assertEquals(s.confidenceInterval95().orElseThrow().lower(), drawn.meanLower());
    assertEquals(s.confidenceInterval95().orElseThrow().upper(), drawn.meanUpper());
    assertEquals(s.quantile(0.05), drawn.runsLower());
    assertEquals(s.quantile(0.95), drawn.runsUpper());
    assertTrue(drawn.runsLower() <= drawn.meanLower() && drawn.meanUpper() <= drawn.runsUpper(),
        "with 12 runs the 5–95% range is wider than the CI of the mean: " + drawn);
  }

  @Test
  void withoutPointsEveryGridPointIsDrawnLabelledByItsParameters() {
    ProjectionChart chart = registered().build();
    assertEquals(List.of("council=false", "council=true"), chart.lines().stream().map(ProjectionChart.Line::label)
        .toList());
  }

  @Test
  void theChartModelHoldsTheObservedPointsOfItsMetricTheEventsAndTheBoundaryAllLabelled() {
    ProjectionChart chart = registered().point(0, "no council").observed(Observation.fukushima())
        .calibratedThrough(2016).event(2008, "financial crisis").event(2011, "earthquake").build();
    List<Observation> registrations = Observation.fukushima().stream()
        .filter(o -> o.metric().equals(ClusterDynamics.REGISTERED)).toList();
    assertFalse(registrations.isEmpty());
    assertEquals(registrations, chart.observed());
    assertEquals(List.of(ChartEvent.of(2008, "financial crisis"), ChartEvent.of(2011, "earthquake")), chart.events());
    assertEquals(2016, chart.calibratedThrough().getAsInt());

    XYChart x = chart.toXChart();
    assertEquals("Registered manufacturers (firms)", x.getYAxisTitle());
    assertEquals("Year (fiscal)", x.getXAxisTitle());
    assertTrue(x.getSeriesMap().containsKey("5–95% of runs"), x.getSeriesMap().keySet().toString());
    assertTrue(x.getSeriesMap().containsKey("95% CI of the mean"), x.getSeriesMap().keySet().toString());
    assertTrue(x.getSeriesMap().containsKey("mean of the runs"), x.getSeriesMap().keySet().toString());
    XYSeries observed = x.getSeriesMap().get("Observed (adeac.jp, techon.nikkeibp.co.jp)");
    assertTrue(observed != null, "observed series named by its sources: " + x.getSeriesMap().keySet());
    assertEquals(registrations.size(), observed.getXData().length);
    assertEquals(registrations.get(0).value(), observed.getYData()[0]);

    String caption = chart.caption();
    assertTrue(caption.contains("95% confidence interval of the mean") && caption.contains("5–95% of runs"), caption);
    assertTrue(caption.contains("2008 financial crisis") && caption.contains("2011 earthquake"), caption);
    assertTrue(caption.contains("Years up to 2016 are the calibration period"), caption);
    assertTrue(caption.contains("adeac.jp/koriyama-city/"), caption);
    assertFalse(caption.contains("http"), "sources are cited without a scheme: " + caption);
  }

  @Test
  void withTwoPointsEveryBandAndLineNamesItsPolicy() {
    XYChart x = registered().point(0, "no council").point(1, "council").build().toXChart();
    assertTrue(x.getSeriesMap().keySet().containsAll(List.of("no council: mean", "no council: 95% CI of the mean",
        "no council: 5–95% of runs", "council: mean", "council: 95% CI of the mean", "council: 5–95% of runs")),
        x.getSeriesMap().keySet().toString());
  }

  @Test
  void theLegendGoesUnderThePlotWhenItFitsInOneRowElseBesideIt() {
    XYChart one = registered().point(0, "no council").observed(Observation.fukushima()).build().toXChart();
    assertEquals(LegendPosition.OutsideS, one.getStyler().getLegendPosition());
    assertTrue(ProjectionChart.legendRowWidth(one) <= one.getWidth());
    XYChart two = registered().point(0, "no council").point(1, "council").observed(Observation.fukushima()).build()
        .toXChart();
    assertTrue(ProjectionChart.legendRowWidth(two) > two.getWidth(), "seven entries do not fit in a row");
    assertEquals(LegendPosition.OutsideE, two.getStyler().getLegendPosition());
  }

  @Test
  void aMetricWithoutObservationsSaysSoInItsCaption() {
    ProjectionChart chart = ProjectionChart.builder(COUNCIL, FUKUSHIMA, ClusterDynamics.KNOW_HOW_LEAD)
        .axisLabel("Lead organization's know-how (0–1)").observed(Observation.fukushima()).build();
    assertTrue(chart.observed().isEmpty());
    assertTrue(chart.caption().contains("No published figure of this metric is drawn."), chart.caption());
  }

  @Test
  void aLongTitleWidensTheChartSoItFitsInTheTitleFont() {
    String title = "Registered medical-device manufacturers in Fukushima, mean of the runs with the 95% CI of the "
        + "mean and the 5–95% range of runs, against the published figures";
    ProjectionChart chart = registered().title(title).build();
    double measured = ChartStyle.TITLE_FONT.getStringBounds(title, ChartStyle.RENDER).getWidth();
    assertTrue(chart.width() >= measured + 2 * 12, "width " + chart.width() + " for a title of " + measured + " px");
    assertEquals(ChartStyle.WIDTH, registered().title("Short").build().width());
    assertEquals(chart.width(), chart.toXChart().getWidth());
  }

  @Test
  void itRendersAPngOfItsSizeAndWritesItAtomically() throws IOException {
    ProjectionChart chart = registered().observed(Observation.fukushima()).calibratedThrough(2016)
        .event(2011, "earthquake").build();
    byte[] png = chart.png();
    assertTrue(Fixture.isPng(png));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(chart.width(), image.getWidth());
    assertEquals(chart.height(), image.getHeight());
    Path file = dir.resolve("registered.png");
    assertEquals(file, chart.writePng(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left beside the chart");
    }
  }

  @Test
  void badInputIsNamed() {
    IllegalArgumentException metric = assertThrows(IllegalArgumentException.class,
        () -> ProjectionChart.builder(COUNCIL, FUKUSHIMA, "no-such-metric"));
    assertTrue(metric.getMessage().contains("unknown metric 'no-such-metric'"), metric.getMessage());
    IllegalArgumentException point = assertThrows(IllegalArgumentException.class, () -> registered().point(2, "x"));
    assertTrue(point.getMessage().contains("grid point 2 is outside 0 to 1"), point.getMessage());
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> registered().point(0, "a").point(0, "b"));
    assertTrue(twice.getMessage().contains("grid point 0 is drawn already"), twice.getMessage());
    IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
        () -> ProjectionChart.builder(COUNCIL, FUKUSHIMA, ClusterDynamics.REGISTERED).build());
    assertTrue(label.getMessage().contains("no axis label for metric 'registered-manufacturers'"), label.getMessage());
    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> registered().runRange(0.9, 0.1));
    assertTrue(range.getMessage().contains("0.9 and 0.1"), range.getMessage());
    assertThrows(IllegalArgumentException.class, () -> registered().event(2011, " "));
    Scenario<?> other = ClusterDynamics.fukushimaBuilder().name("other").build();
    IllegalArgumentException scenario = assertThrows(IllegalArgumentException.class,
        () -> ProjectionChart.builder(COUNCIL, other, ClusterDynamics.REGISTERED));
    assertTrue(scenario.getMessage().contains("scenario 'other' is not in the result"), scenario.getMessage());
  }

  @Test
  void stepsNoReplicationReachedAreLeftOut() {
    Scenario<Integer> stopped = Scenario.<Integer>builder("stopped", Schedule.years(2000, 2005), (p, r) -> 0)
        .metric("count", s -> 1.0).stopWhen((s, step) -> true).build();
    ExperimentResult empty = Experiment.of(stopped).replications(2).seed(1).run();
    // the stop condition ends each run after its first step: the later steps have no value
    ProjectionChart chart = ProjectionChart.builder(empty, stopped, "count").axisLabel("Count (units)").build();
    assertEquals(1, chart.lines().get(0).steps().size());
    assertEquals(2000.0, chart.lines().get(0).steps().get(0).year());
  }
}
