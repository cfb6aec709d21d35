package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterWorld;
import io.github.renkei.cluster.report.ChartEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The main job's charts mark the scenario's events and the national funding cliffs. */
class FukushimaReportTest {

  private static final ClusterWorld WORLD = ClusterWorld.fukushima();

  @Test
  void theEventsAreTheScenariosShocksAndTheYearsAfterANationalProgramEnds() {
    List<ChartEvent> events = FukushimaReport.events(WORLD, ClusterDynamics.fukushimaBuilder(WORLD, 2030).build());
    assertEquals(List.of(
        ChartEvent.of(2005, "PMD Act revision"),
        ChartEvent.of(2008, "financial crisis"),
        ChartEvent.of(2010, "funding cliff: mext-city-area ended"),
        ChartEvent.of(2011, "earthquake and tsunami"),
        ChartEvent.of(2013, "promotion organization founded"),
        ChartEvent.of(2014, "funding cliff: mext-regional-core-hub ended"),
        ChartEvent.of(2015, "funding cliff: mext-regional-innovation-cluster ended"),
        ChartEvent.of(2016, "development centre opens"),
        ChartEvent.of(2026, "funding cliff: amed-regional-hub-autonomy ended")), events);
  }

  @Test
  void aCliffAfterTheLastYearIsNotMarkedAndAMovedEventMovesItsLine() {
    List<ChartEvent> events = FukushimaReport.events(WORLD, ClusterDynamics.fukushimaBuilder(WORLD, 2020)
        .event(ClusterDynamics.EARTHQUAKE, 2012).build());
    assertEquals(8, events.size(), "no 2026 cliff: " + events);
    assertEquals(ChartEvent.of(2012, "earthquake and tsunami"), events.get(3), events.toString());
  }

  @Test
  void theCalibrationEndsWithTheLastPublishedFigureShipped() {
    assertEquals(2016, FukushimaReport.CALIBRATED_THROUGH);
  }

  @Test
  void everyChartedAndSummarizedMetricIsWrittenSoThePicturesCanBeRedrawnFromTheFiles() {
    for (String metric : FukushimaReport.headlineMetrics()) {
      assertTrue(FukushimaCommand.WRITTEN.contains(metric), metric);
    }
    for (String metric : PolicyExperiments.REPORTED) {
      assertTrue(FukushimaCommand.WRITTEN.contains(metric), metric);
    }
  }
}
