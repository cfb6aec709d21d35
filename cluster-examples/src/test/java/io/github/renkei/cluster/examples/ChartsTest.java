package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.Policies;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Grid;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Schedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The charts are PNG files, written atomically, and bad arguments are named. */
class ChartsTest {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private static Scenario<ClusterState> fukushima;
  private static ExperimentResult result;

  @TempDir
  Path dir;

  @BeforeAll
  static void runASmallExperiment() {
    fukushima = ClusterDynamics.fukushima();
    result = Experiment.of(fukushima).grid(Grid.of(Policies.COUNCIL, false, true)).replications(10).seed(1).run();
  }

  private void assertIsAPngAloneInItsDirectory(Path written, Path expected) throws IOException {
    assertSame(expected, written);
    byte[] bytes = Files.readAllBytes(written);
    assertTrue(bytes.length > 4_000, "only " + bytes.length + " bytes");
    assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(expected.getFileName()), files.map(Path::getFileName).toList(),
          "no temporary file is left beside the chart");
    }
  }

  @Test
  void metricBandsDrawsEachLabelledPointAsAPng() throws IOException {
    Path png = dir.resolve("registered.png");
    Path written = Charts.metricBands(result, fukushima, Map.of("no council", 0, "council", 1),
        ClusterDynamics.REGISTERED, "Registered manufacturers (firms)", png);
    assertIsAPngAloneInItsDirectory(written, png);
  }

  @Test
  void stageMixDrawsOnePointAsAPng() throws IOException {
    Path png = dir.resolve("stages.png");
    assertIsAPngAloneInItsDirectory(Charts.stageMix(result, fukushima, 1, "Entry stages (firms)", png), png);
  }

  @Test
  void supportNetworkMapDrawsTheCatalogAsAPng() throws IOException {
    Path png = dir.resolve("network.png");
    assertIsAPngAloneInItsDirectory(Charts.supportNetworkMap(Catalog.nationwide(), png), png);
  }

  @Test
  void aPathWithoutThePngSuffixIsFine() throws IOException {
    Path chart = dir.resolve("chart.image");
    assertIsAPngAloneInItsDirectory(Charts.stageMix(result, fukushima, 0, "Entry stages (firms)", chart), chart);
  }

  @Test
  void anUnknownMetricIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Charts.metricBands(result,
        fukushima, Map.of("council", 1), "no-such-metric", "t", dir.resolve("a.png")));
    assertTrue(e.getMessage().contains("'no-such-metric'"), e.getMessage());
  }

  @Test
  void aPointOutsideTheGridIsNamed() {
    IllegalArgumentException bands = assertThrows(IllegalArgumentException.class, () -> Charts.metricBands(result,
        fukushima, Map.of("council", 1, "imagined", 7), ClusterDynamics.REGISTERED, "t", dir.resolve("a.png")));
    assertTrue(bands.getMessage().contains("grid point 7 (label 'imagined')"), bands.getMessage());
    IllegalArgumentException mix = assertThrows(IllegalArgumentException.class,
        () -> Charts.stageMix(result, fukushima, -1, "t", dir.resolve("a.png")));
    assertTrue(mix.getMessage().contains("grid point -1"), mix.getMessage());
  }

  @Test
  void noPointOrAScenarioOutsideTheResultIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Charts.metricBands(result, fukushima, Map.of(),
        ClusterDynamics.REGISTERED, "t", dir.resolve("a.png")));
    Scenario<int[]> other = Scenario.<int[]>builder("elsewhere", Schedule.years(2000, 2001), (p, r) -> new int[1])
        .metric("count", state -> state[0]).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Charts.stageMix(result, other, 0, "t", dir.resolve("a.png")));
    assertTrue(e.getMessage().contains("'elsewhere'"), e.getMessage());
  }

  @Test
  void aFailedArgumentCheckWritesNothing() throws IOException {
    assertThrows(IllegalArgumentException.class, () -> Charts.stageMix(result, fukushima, 2, "t",
        dir.resolve("a.png")));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void hubLabelsDropATrailingParenthesis() {
    assertEquals("Kurashiki Chuo Promotion Organization",
        Charts.shortName("Kurashiki Chuo Promotion Organization (as named in the seed)"));
    assertEquals("Iwate Industry Promotion Center", Charts.shortName("Iwate Industry Promotion Center"));
  }
}
