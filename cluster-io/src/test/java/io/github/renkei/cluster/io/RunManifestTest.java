package io.github.renkei.cluster.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.simulation.ResultRow;
import io.github.renkei.cluster.simulation.ResultSink;
import io.github.renkei.cluster.simulation.RunInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunManifestTest {

  private static final Instant START = Instant.parse("2026-01-02T03:04:05.006Z");
  private static final Instant FINISH = Instant.parse("2026-01-02T04:00:00Z");

  @TempDir
  Path dir;

  private static RunInfo info() {
    ImmutableMap<String, Object> defaults = ImmutableMap.of("growth", 1.0, "council", false, "agents", 10, "mode",
        Toy.Mode.SLOW, "big", 1L << 40);
    return new RunInfo("run-x", Long.MIN_VALUE + 1, ImmutableList.of("a", "b"),
        ImmutableMap.of("a", defaults, "b", defaults),
        ImmutableList.of(ImmutableMap.of("mode", Toy.Mode.FAST, "growth", 0.1), ImmutableMap.of("mode",
            Toy.Mode.SLOW, "growth", Double.NaN)), 3, 0, 1, 4, START);
  }

  private static ResultRow row() {
    return new ResultRow("run-x", "a", 0, ImmutableMap.of(), 0, 0, "0", "m", 1);
  }

  @Test
  void theManifestIsWrittenAtBeginAndAgainAtEnd() {
    Path file = dir.resolve("m.json");
    ResultSink sink = RunManifest.sink(file, Clock.fixed(FINISH, ZoneOffset.UTC));
    RunInfo run = info();
    sink.begin(run);

    RunManifest atBegin = RunManifest.read(file);
    assertEquals(Optional.empty(), atBegin.finished());
    assertFalse(atBegin.completed());
    assertEquals(0, atBegin.rows());
    assertEquals(START, atBegin.started());

    sink.accept(row());
    sink.accept(row());
    sink.end(run, true);
    RunManifest m = RunManifest.read(file);
    assertEquals("run-x", m.run());
    assertEquals(Long.MIN_VALUE + 1, m.seed());
    assertEquals(List.of("a", "b"), m.scenarios());
    Map<String, Object> defaults = Map.of("growth", 1.0, "council", false, "agents", 10, "mode", "SLOW", "big",
        1L << 40);
    assertEquals(Map.of("a", defaults, "b", defaults), m.defaults());
    assertEquals(List.of(Map.of("mode", "FAST", "growth", 0.1), Map.of("mode", "SLOW", "growth", "NaN")), m.grid());
    assertEquals(List.of("mode", "growth"), List.copyOf(m.grid().get(0).keySet()));
    assertEquals(3, m.replications());
    assertEquals(0, m.threads());
    assertEquals(1, m.shard());
    assertEquals(4, m.shards());
    assertEquals(START, m.started());
    assertEquals(Optional.of(FINISH), m.finished());
    assertTrue(m.completed());
    assertEquals(2, m.rows());
    assertTrue(m.toString().contains("run-x"), m.toString());
    assertEquals(List.of(), Toy.temporaryFiles(dir));
  }

  @Test
  void theJsonHasTheDocumentedShapeAndTypes() throws IOException {
    Path file = dir.resolve("m.json");
    ResultSink sink = RunManifest.sink(file, Clock.fixed(FINISH, ZoneOffset.UTC));
    sink.begin(info());
    sink.end(info(), false);
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertEquals(List.of("run", "seed", "scenarios", "defaults", "grid", "replications", "threads", "shard", "shards",
        "started", "finished", "completed", "rows", "metrics", "library", "java", "os"),
        List.copyOf(fieldNames(json)));
    assertTrue(json.get("seed").isLong());
    assertEquals(Long.MIN_VALUE + 1, json.get("seed").longValue());
    assertTrue(json.get("defaults").get("a").get("growth").isDouble());
    assertTrue(json.get("defaults").get("a").get("council").isBoolean());
    assertTrue(json.get("defaults").get("a").get("agents").isInt());
    assertTrue(json.get("defaults").get("a").get("mode").isTextual());
    assertEquals("2026-01-02T03:04:05.006Z", json.get("started").textValue());
    assertEquals("2026-01-02T04:00:00Z", json.get("finished").textValue());
    assertFalse(json.get("completed").booleanValue());
    assertEquals("renkei", json.get("library").get("name").textValue());
    assertEquals(List.of("name", "version"), fieldNames(json.get("library")));
    assertEquals(List.of("version", "vendor"), fieldNames(json.get("java")));
    assertEquals(List.of("name", "arch", "availableProcessors"), fieldNames(json.get("os")));
  }

  private static List<String> fieldNames(JsonNode node) {
    return node.properties().stream().map(Map.Entry::getKey).toList();
  }

  @Test
  void theLibraryVersionIsTheProjectVersion() {
    String version = RunManifest.libraryVersion();
    assertTrue(version.matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), version);
    String expected = System.getProperty("renkei.project.version");
    if (expected != null) { // set by Maven's surefire; absent in an IDE run
      assertEquals(expected, version);
    }
  }

  @Test
  void aSinkIsForOneRun() {
    ResultSink sink = RunManifest.sink(dir.resolve("m.json"));
    assertThrows(IllegalStateException.class, () -> sink.accept(row()));
    assertThrows(IllegalStateException.class, () -> sink.end(info(), true));
    sink.begin(info());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> sink.begin(info()));
    assertTrue(e.getMessage().contains("m.json"), e.getMessage());
    sink.end(info(), true);
    sink.end(info(), false); // again: nothing
    assertTrue(RunManifest.read(dir.resolve("m.json")).completed());
    assertThrows(IllegalStateException.class, () -> sink.accept(row()));
  }

  @Test
  void nullsAreNamed() {
    assertEquals("file", assertThrows(NullPointerException.class, () -> RunManifest.sink(null)).getMessage());
    assertEquals("clock", assertThrows(NullPointerException.class,
        () -> RunManifest.sink(dir.resolve("m.json"), null)).getMessage());
    assertEquals("file", assertThrows(NullPointerException.class, () -> RunManifest.read(null)).getMessage());
  }

  @Test
  void aFileThatIsNotAManifestIsRefusedNamingTheFileAndTheField() throws IOException {
    Path notJson = Files.writeString(dir.resolve("a.json"), "{ not json");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunManifest.read(notJson));
    assertTrue(e.getMessage().contains(notJson.toString()), e.getMessage());

    Path array = Files.writeString(dir.resolve("b.json"), "[1, 2]");
    assertThrows(IllegalArgumentException.class, () -> RunManifest.read(array));

    Path file = dir.resolve("m.json");
    ResultSink sink = RunManifest.sink(file);
    sink.begin(info());
    sink.end(info(), true);
    String good = Files.readString(file);

    Path noSeed = Files.writeString(dir.resolve("c.json"), good.replaceFirst("\"seed\"", "\"sead\""));
    IllegalArgumentException seed = assertThrows(IllegalArgumentException.class, () -> RunManifest.read(noSeed));
    assertTrue(seed.getMessage().contains(noSeed.toString()) && seed.getMessage().contains("'seed'"),
        seed.getMessage());

    Path badVersion = Files.writeString(dir.resolve("d.json"),
        good.replaceFirst("\"version\" : \"[^\"]*\"", "\"version\" : 3"));
    assertNotEquals(good, Files.readString(badVersion));
    IllegalArgumentException version = assertThrows(IllegalArgumentException.class,
        () -> RunManifest.read(badVersion));
    assertTrue(version.getMessage().contains("'library.version'"), version.getMessage());

    Path badTime = Files.writeString(dir.resolve("e.json"), good.replaceFirst("\"started\" : \"", "\"started\" : \"x"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> RunManifest.read(badTime)).getMessage()
        .contains("'started'"));

    Path missing = dir.resolve("missing.json");
    assertTrue(assertThrows(UncheckedIOException.class, () -> RunManifest.read(missing)).getMessage()
        .contains(missing.toString()));
  }

  @Test
  void theMetricsAreThoseOfTheRowsReceivedAndAnOlderManifestWithoutThemReadsAsNone() throws IOException {
    Path file = dir.resolve("m.json");
    ResultSink sink = RunManifest.sink(file, Clock.fixed(FINISH, ZoneOffset.UTC));
    sink.begin(info());
    assertEquals(List.of(), RunManifest.read(file).metrics());
    sink.accept(row());
    sink.end(info(), Optional.empty());
    assertEquals(List.of(row().metric()), RunManifest.read(file).metrics());

    com.fasterxml.jackson.databind.node.ObjectNode older =
        (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(file.toFile());
    older.remove("metrics");
    Files.writeString(file, older.toString());
    RunManifest m = RunManifest.read(file);
    assertEquals(List.of(), m.metrics());
    assertEquals(1, m.rows());
  }

  @Test
  void aFailureOfAnEarlierSinkMakesTheManifestIncomplete() throws IOException {
    Path file = dir.resolve("m.json");
    ResultSink sink = RunManifest.sink(file, Clock.fixed(FINISH, ZoneOffset.UTC));
    sink.begin(info());
    sink.accept(row());
    sink.end(info(), Optional.of(new UncheckedIOException(new IOException("No space left on device"))));
    assertFalse(RunManifest.read(file).completed());
  }
}
