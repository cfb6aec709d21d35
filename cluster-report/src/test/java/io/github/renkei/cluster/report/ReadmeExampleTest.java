package io.github.renkei.cluster.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.Observation;
import io.github.renkei.cluster.dynamics.Policies;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Grid;
import io.github.renkei.cluster.simulation.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example of the chart API runs as printed (with fewer replications). */
class ReadmeExampleTest {

  @TempDir
  Path dir;

  @Test
  void theReadmesChartAndReportExampleWritesAChartAndAReport() throws IOException {
    Scenario<ClusterState> s = ClusterDynamics.fukushima();
    ExperimentResult r = Experiment.of(s).grid(Grid.of(Policies.COUNCIL, false, true))
        .replications(8).seed(1).run();
    ProjectionChart chart = ProjectionChart.builder(r, s, ClusterDynamics.REGISTERED)
        .point(0, "no council").point(1, "council")
        .axisLabel("Registered manufacturers (firms)").timeLabel("Year (fiscal)")
        .observed(Observation.fukushima())           // the points of this metric, with sources
        .calibratedThrough(2016).event(2011, "earthquake")
        .build();
    chart.writePng(dir.resolve("registered.png"));
    ForestPlot effects = ForestPlot.builder("Effect of the council (council − no council)")
        .effect(ForestPlot.Effect.of("Registered manufacturers in 2020 (firms)", "council",
            r.compare(s.name(), 0, s.name(), 1, ClusterDynamics.REGISTERED, s.schedule().indexOf("2020").orElseThrow())))
        .build();
    Report.builder("Council or not").heading("Effects").figure(effects)
        .heading("Registered manufacturers").figure(chart)
        .build().write(dir.resolve("report.html"));

    assertTrue(Fixture.isPng(Files.readAllBytes(dir.resolve("registered.png"))));
    String html = Files.readString(dir.resolve("report.html"));
    assertEquals(2, html.split("data:image/png;base64,", -1).length - 1);
    ReportTest.assertNothingExternal(html);
  }
}
