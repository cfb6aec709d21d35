package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.io.CsvSink;
import io.github.renkei.cluster.io.RunManifest;
import io.github.renkei.cluster.simulation.ExperimentResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the experiment example small and checks its files and its report. */
class LadderExperimentTest {

  @Test
  void writesTheRowsAndTheManifestAndReportsIntervals(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ExperimentResult result = LadderExperiment.run(dir, 20, new PrintStream(bytes, true, StandardCharsets.UTF_8),
        false);
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("12 grid points × 20 replications, seed 20110311"), out);
    assertTrue(out.contains("joining the council"), out);
    assertTrue(out.contains("PRODUCT_DEVELOPMENT rotation 5  council true"), out);
    // 12 points × 20 replications × 21 years × 3 metrics
    assertEquals(12 * 20 * 21 * 3, CsvSink.read(dir.resolve("results.csv")).size());
    RunManifest manifest = RunManifest.read(dir.resolve("manifest.json"));
    assertTrue(manifest.completed());
    assertEquals(20110311L, manifest.seed());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(2, files.count(), "no temporary files left");
    }
    // the same run again gives the same numbers
    assertEquals(result, LadderExperiment.run(dir, 20, new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), false));
  }
}
