package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.io.ClusterJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flags and input files as a process (issue 19): numbers out of range and a file where a folder
 * belongs are named, pipes and standard input are read, and a file too large for the heap is one
 * line with the remedy instead of a stack trace.
 */
class InputsIT {

  private static void assertOneLine(RenkeiProcess.Result r, int code, String... fragments) {
    assertEquals(code, r.code(), r.toString());
    assertEquals(1, r.errLines().size(), "one line:\n" + r);
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception") || r.err().contains("Error"),
        "no stack trace:\n" + r);
    for (String f : fragments) {
      assertTrue(r.err().contains(f), "'" + f + "' not in:\n" + r);
    }
  }

  private static Path sampleJson(Path dir) {
    Path json = dir.resolve("cluster.json");
    ClusterJson.write(FukushimaSample.cluster(), json);
    return json;
  }

  @Test
  void yearsOutsideTheCalendarAreRejectedWithTheFlagAndValue(@TempDir Path dir) {
    Path json = sampleJson(dir);
    for (String year : List.of("-5", "0", "1899", "2201", "99999")) {
      assertOneLine(RenkeiProcess.renkei("match", "--cluster", json.toString(), "--year", year).run(),
          Renkei.BAD_INPUT, "--year", "1900..2200", "but was " + year);
    }
    assertEquals(0, RenkeiProcess.renkei("match", "--cluster", json.toString(), "--year", "1900").run().code());
  }

  @Test
  void theMainJobsNumericFlagsNameTheFlag(@TempDir Path dir) {
    Path out = dir.resolve("out");
    assertOneLine(RenkeiProcess.renkei("fukushima", "--until", "2010", "-o", out.toString()).run(), Renkei.BAD_INPUT,
        "--until", "2010");
    assertOneLine(RenkeiProcess.renkei("fukushima", "--organizations", "5", "-o", out.toString()).run(),
        Renkei.BAD_INPUT, "--organizations", "5");
    assertOneLine(RenkeiProcess.renkei("fukushima", "--threads", "0", "-o", out.toString()).run(), Renkei.BAD_INPUT,
        "--threads", "0");
    assertOneLine(RenkeiProcess.renkei("fukushima", "--replications", "1", "-o", out.toString()).run(),
        Renkei.BAD_INPUT, "--replications", "1");
    assertFalse(Files.exists(out));
  }

  @Test
  void anOutputFolderThatIsAFileIsNamedAsSuch(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("results.txt"), "mine, keep it\n");
    assertOneLine(RenkeiProcess.renkei("fukushima", "--replications", "2", "--until", "2016", "-o", file.toString())
        .run(), Renkei.BAD_INPUT, "--out " + file, "is a file, not a folder");
    assertOneLine(RenkeiProcess.renkei("fukushima", "--replications", "2", "--until", "2016", "-o",
        file.resolve("sub").toString()).run(), Renkei.BAD_INPUT, file + " is a file, not a folder");
    Path config = Files.writeString(dir.resolve("c.json"), "{\"lastYear\": 2016, \"replications\": 2}");
    assertOneLine(RenkeiProcess.renkei("simulate", "--config", config.toString(), "--out", file.toString()).run(),
        Renkei.BAD_INPUT, "--out " + file, "is a file, not a folder");
    assertEquals("mine, keep it\n", Files.readString(file));
  }

  @Test
  void aClusterIsReadFromANamedPipeOrStandardInputAsFromAFile(@TempDir Path dir) throws Exception {
    Path json = sampleJson(dir);
    RenkeiProcess.Result fromFile = RenkeiProcess.renkei("match", "--cluster", json.toString(), "--year", "2016").run();
    assertEquals(0, fromFile.code(), fromFile.toString());

    Path fifo = Fifo.make(dir.resolve("cluster.fifo"));
    CompletableFuture<Void> writer = Fifo.write(fifo, Files.readString(json));
    RenkeiProcess.Result fromPipe = RenkeiProcess.renkei("match", "--cluster", fifo.toString(), "--year", "2016")
        .run();
    assertEquals(0, fromPipe.code(), fromPipe.toString());
    Fifo.written(writer);
    assertEquals(fromFile.outLines().subList(1, fromFile.outLines().size()),
        fromPipe.outLines().subList(1, fromPipe.outLines().size()));
    RenkeiProcess.Result fromStdin = RenkeiProcess.renkei("match", "--cluster", "-", "--year", "2016")
        .stdin(Files.readString(json)).run();
    assertEquals(0, fromStdin.code(), fromStdin.toString());
    assertEquals(fromFile.outLines().subList(1, fromFile.outLines().size()),
        fromStdin.outLines().subList(1, fromStdin.outLines().size()));

    RenkeiProcess.Result broken = RenkeiProcess.renkei("match", "--cluster", "-").stdin("{\"format\": 1}").run();
    assertOneLine(broken, Renkei.BAD_INPUT, "standard input");
  }

  @Test
  void aFileTooLargeForTheHeapIsOneLineNamingItAndTheRemedy(@TempDir Path dir) throws IOException {
    // 50,000 organizations, 4.7 MB of JSON: far more than a 16 MB heap holds as parsed trees
    Path big = dir.resolve("big-cluster.json");
    try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      w.write("{\"format\": \"renkei-cluster\", \"version\": 1, \"organizations\": [");
      for (int i = 0; i < 50_000; i++) {
        w.write((i == 0 ? "" : ",") + "{\"id\": \"o" + i + "\", \"name\": \"Organization " + i
            + "\", \"type\": \"SME_MANUFACTURER\", \"prefecture\": \"FUKUSHIMA\"}");
      }
      w.write("]}");
    }
    RenkeiProcess.Result r = RenkeiProcess.renkei("match", "--cluster", big.toString()).jvm("-Xmx16m").run();
    assertOneLine(r, Renkei.FAILURE, big.toString(), "MB of heap", "-Xmx");
    assertEquals("", r.out(), r.toString());
  }
}
