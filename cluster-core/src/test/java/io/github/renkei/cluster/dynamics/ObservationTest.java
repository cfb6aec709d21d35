package io.github.renkei.cluster.dynamics;

import static io.github.renkei.cluster.dynamics.ClusterDynamicsTest.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ObservationTest {

  private static final String HEADER = "series\tmetric\tyear\tvalue\tunit\tas_of\tsource\tnote\n";

  @Test
  void theShippedFukushimaFiguresGoUpTo2016AndNameMetricsOfTheScenario() {
    ImmutableList<Observation> rows = Observation.fukushima();
    assertEquals(17, rows.size());
    for (Observation o : rows) {
      assertTrue(o.year() <= 2016, o.toString());
      assertTrue(ClusterDynamics.fukushima().metricNames().contains(o.metric()), o.metric());
      assertTrue(o.source().startsWith("http"), o.source());
    }
    assertEquals(1088.58, rows.stream().filter(o -> o.metric().equals(ClusterDynamics.PRODUCTION_VALUE)
        && o.year() == 2012).findFirst().orElseThrow().value());
  }

  @Test
  void readsItsOwnFormatAndRejectsMalformedRowsNamingTheLine() {
    String ok = "# comment\n" + HEADER + "\nx\tregistered-manufacturers\t2011\t50\tfirms\tend\thttp://a\tnote\n";
    assertEquals(new Observation("x", "registered-manufacturers", 2011, 50, "firms", "end", "http://a", "note"),
        Observation.read("ok.tsv", new StringReader(ok)).get(0));
    assertRejects(() -> Observation.read("h.tsv", new StringReader("series\tmetric\n")), "h.tsv line 1", "header");
    assertRejects(() -> Observation.read("f.tsv", new StringReader(HEADER + "a\tb\t2011\n")), "f.tsv line 2",
        "3 fields");
    assertRejects(() -> Observation.read("y.tsv", new StringReader(HEADER + "a\tb\tFY11\t1\tu\tend\ts\tn\n")),
        "y.tsv line 2", "year 'FY11'");
    assertRejects(() -> Observation.read("v.tsv", new StringReader(HEADER + "a\tb\t2011\tNaN\tu\tend\ts\tn\n")),
        "a 2011", "NaN");
    assertRejects(() -> Observation.read("e.tsv", new StringReader("# nothing\n")), "e.tsv", "no header");
  }
}
