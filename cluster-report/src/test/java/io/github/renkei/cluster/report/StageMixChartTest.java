package io.github.renkei.cluster.report;

import static io.github.renkei.cluster.report.Fixture.COUNCIL;
import static io.github.renkei.cluster.report.Fixture.FUKUSHIMA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.simulation.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** The stage mix stacks the mean firms per stage, parts supply at the bottom. */
class StageMixChartTest {

  @Test
  void byDefaultItStacksTheFourStagesOfClusterDynamicsAndTopsAtTheirSum() {
    StageMixChart chart = StageMixChart.builder(COUNCIL, FUKUSHIMA, 1).title("Firms by entry stage (council)").build();
    assertEquals(StageMixChart.STAGES, chart.layers());
    XYChart x = chart.toXChart();
    assertEquals(List.of("Own product", "ODM", "OEM", "Parts supply"), List.copyOf(x.getSeriesMap().keySet()));
    int step = FUKUSHIMA.schedule().size() - 1;
    double total = 0;
    for (String metric : StageMixChart.STAGES.keySet()) {
      total += COUNCIL.summary("fukushima", 1, metric, step).mean();
    }
    double[] top = x.getSeriesMap().get("Own product").getYData();
    assertEquals(total, top[top.length - 1], 1e-9);
    assertTrue(Fixture.isPng(chart.png()));
  }

  @Test
  void otherLayersCanBeStacked() {
    StageMixChart chart = StageMixChart.builder(COUNCIL, FUKUSHIMA, 0)
        .layer(ClusterDynamics.TIES_VERTICAL, "Vertical ties").layer(ClusterDynamics.TIES_HORIZONTAL, "Horizontal ties")
        .axisLabel("Ties (mean of the runs, stacked)").build();
    assertEquals(List.of("Vertical ties", "Horizontal ties"), List.copyOf(chart.layers().values()));
  }

  @Test
  void badInputIsNamed() {
    IllegalArgumentException point = assertThrows(IllegalArgumentException.class,
        () -> StageMixChart.builder(COUNCIL, FUKUSHIMA, -1));
    assertTrue(point.getMessage().contains("grid point -1 is outside 0 to 1"), point.getMessage());
    IllegalArgumentException metric = assertThrows(IllegalArgumentException.class,
        () -> StageMixChart.builder(COUNCIL, FUKUSHIMA, 0).layer("firms-nowhere", "Nowhere"));
    assertTrue(metric.getMessage().contains("unknown metric 'firms-nowhere'"), metric.getMessage());
    Scenario<Integer> other = Scenario.<Integer>builder("fukushima", FUKUSHIMA.schedule(), (p, r) -> 0)
        .metric("count", s -> 1.0).build();
    IllegalArgumentException stages = assertThrows(IllegalArgumentException.class,
        () -> StageMixChart.builder(COUNCIL, other, 0).build());
    assertTrue(stages.getMessage().contains("unknown metric 'firms-parts-supply'"), stages.getMessage());
  }
}
