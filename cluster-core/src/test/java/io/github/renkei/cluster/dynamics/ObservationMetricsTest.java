package io.github.renkei.cluster.dynamics;

import static io.github.renkei.cluster.dynamics.ClusterDynamicsTest.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Observations read against the metrics of a region's model. */
class ObservationMetricsTest {

  private static final String HEADER = "series\tmetric\tyear\tvalue\tunit\tas_of\tsource\tnote\n";
  private static final List<String> METRICS = List.of(ClusterDynamics.REGISTERED, ClusterDynamics.PRODUCTION_VALUE);

  @Test
  void rowsOfTheModelsMetricsAreRead() {
    String text = HEADER + "r\tregistered-manufacturers\t2011\t50\tfirms\tend\ts\t\n"
        + "p\tproduction-value\t2012\t1088.58\toku-yen\tend\ts\t\n";
    assertEquals(List.of(ClusterDynamics.REGISTERED, ClusterDynamics.PRODUCTION_VALUE),
        Observation.read("mine.tsv", new StringReader(text), METRICS).stream().map(Observation::metric).toList());
  }

  @Test
  void aMetricTheModelLacksIsNamedWithFileLineAndTheNearestMetric() {
    String text = HEADER + "r\tregistered-manufacturers\t2011\t50\tfirms\tend\ts\t\n"
        + "r\tregistered-manufacturer\t2012\t52\tfirms\tend\ts\t\n";
    assertRejects(() -> Observation.read("mine.tsv", new StringReader(text), METRICS), "mine.tsv line 3",
        "metric 'registered-manufacturer'", "did you mean 'registered-manufacturers'?");
  }

  @Test
  void withoutMetricsAnyMetricIsRead() {
    String text = HEADER + "x\tanything\t2011\t1\tu\tend\ts\t\n";
    assertEquals("anything", Observation.read("any.tsv", new StringReader(text)).get(0).metric());
  }
}
