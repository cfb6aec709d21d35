package io.github.renkei.cluster.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentFailedException;
import io.github.renkei.cluster.simulation.ResultRow;
import io.github.renkei.cluster.simulation.ResultSink;
import io.github.renkei.cluster.simulation.RunInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV sink and the run manifest on a real experiment: what they write, and when not. */
class ExperimentFilesTest {

  private static final Instant START = Instant.parse("2026-11-25T09:00:00.125Z");
  private static final Instant FINISH = Instant.parse("2026-11-25T09:03:41.5Z");

  @TempDir
  Path dir;

  private static Experiment.Builder experiment(AtomicInteger created, int failAt) {
    return Experiment.of(Toy.scenario("baseline", created, failAt), Toy.scenario("variant", created, failAt))
        .grid(Toy.GRID)
        .replications(5)
        .seed(42)
        .threads(2)
        .clock(Clock.fixed(START, ZoneOffset.UTC));
  }

  @Test
  void theCsvHoldsExactlyTheRowsTheSinksReceivedInOrderAndBitForBit() throws IOException {
    Path csv = dir.resolve("rows.csv");
    Path json = dir.resolve("manifest.json");
    Toy.ListSink list = new Toy.ListSink();
    experiment(new AtomicInteger(), -1)
        .sink(CsvSink.to(csv))
        .sink(RunManifest.sink(json, Clock.fixed(FINISH, ZoneOffset.UTC)))
        .sink(list)
        .run();

    // 2 scenarios × 4 grid points × 5 replications × 5 years × 2 metrics
    assertEquals(400, list.rows.size());
    List<ResultRow> read = CsvSink.read(csv, Toy.GRID.axes());
    assertEquals(list.rows.size(), read.size());
    for (int i = 0; i < read.size(); i++) {
      ResultRow expected = list.rows.get(i);
      ResultRow actual = read.get(i);
      String where = "row " + i + ": " + expected;
      assertEquals(expected.run(), actual.run(), where);
      assertEquals(expected.scenario(), actual.scenario(), where);
      assertEquals(expected.point(), actual.point(), where);
      assertEquals(expected.replication(), actual.replication(), where);
      assertEquals(expected.step(), actual.step(), where);
      assertEquals(expected.time(), actual.time(), where);
      assertEquals(expected.metric(), actual.metric(), where);
      assertEquals(Double.doubleToRawLongBits(expected.value()), Double.doubleToRawLongBits(actual.value()), where);
      assertEquals(Map.of("growth", expected.parameters().get("growth"), "council",
          expected.parameters().get("council")), actual.parameters(), where);
    }
    // untyped, the grid's values come back as the text written
    ResultRow first = CsvSink.read(csv).get(0);
    assertEquals(Map.of("growth", "0.5", "council", "true"), first.parameters());

    String text = Files.readString(csv, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("run,scenario,point,replication,step,time,metric,value,growth,council\r\n"), text);
    assertTrue(text.contains(",0.3333333333333333,"), "1/3 written exactly");
    assertEquals(401, text.split("\r\n").length);
    assertEquals(List.of(), Toy.temporaryFiles(dir));

    RunManifest m = RunManifest.read(json);
    assertEquals(list.info.run(), m.run());
    assertEquals(42, m.seed());
    assertEquals(List.of("baseline", "variant"), m.scenarios());
    Map<String, Object> defaults = Map.of("growth", 1.0, "council", false, "agents", 10, "mode", "SLOW");
    assertEquals(Map.of("baseline", defaults, "variant", defaults), m.defaults());
    assertEquals(List.of(Map.of("growth", 0.5, "council", true), Map.of("growth", 0.5, "council", false),
        Map.of("growth", 1.0 / 3, "council", true), Map.of("growth", 1.0 / 3, "council", false)), m.grid());
    assertEquals(5, m.replications());
    assertEquals(2, m.threads());
    assertEquals(0, m.shard());
    assertEquals(1, m.shards());
    assertEquals(START, m.started());
    assertEquals(FINISH, m.finished().orElseThrow());
    assertTrue(m.completed());
    assertEquals(400, m.rows());
    assertEquals(List.of("mean", "max"), m.metrics(), "the manifest names the metrics of its rows");
    assertEquals(new RunManifest.Library("renkei", RunManifest.libraryVersion()), m.library());
    assertEquals(System.getProperty("java.version"), m.java().version());
    assertEquals(System.getProperty("java.vendor"), m.java().vendor());
    assertEquals(System.getProperty("os.name"), m.os().name());
    assertEquals(System.getProperty("os.arch"), m.os().arch());
    assertEquals(Runtime.getRuntime().availableProcessors(), m.os().availableProcessors());
  }

  @Test
  void aFailedRunLeavesThePreviousCsvByteForByteNoTemporaryFileAndAnIncompleteManifest() throws IOException {
    Path csv = dir.resolve("rows.csv");
    Path json = dir.resolve("manifest.json");
    byte[] previous = "run,scenario\r\nan,earlier run\r\n".getBytes(StandardCharsets.UTF_8);
    Files.write(csv, previous);
    Toy.ListSink list = new Toy.ListSink();

    ExperimentFailedException e = assertThrows(ExperimentFailedException.class, () -> experiment(new AtomicInteger(), 3)
        .sink(CsvSink.to(csv))
        .sink(RunManifest.sink(json, Clock.fixed(FINISH, ZoneOffset.UTC)))
        .sink(list)
        .run());

    assertEquals(3, e.failures().get(0).replication());
    assertFalse(list.completed);
    assertArrayEquals(previous, Files.readAllBytes(csv));
    assertEquals(List.of(), Toy.temporaryFiles(dir));
    RunManifest m = RunManifest.read(json);
    assertFalse(m.completed());
    assertEquals(FINISH, m.finished().orElseThrow());
    assertEquals(list.rows.size(), m.rows());
    assertEquals(42, m.seed());
  }

  @Test
  void aFailedRunLeavesNoCsvWhereThereWasNone() {
    Path csv = dir.resolve("rows.csv");
    assertThrows(ExperimentFailedException.class,
        () -> experiment(new AtomicInteger(), 3).sink(CsvSink.to(csv)).run());
    assertFalse(Files.exists(csv));
    assertEquals(List.of(), Toy.temporaryFiles(dir));
  }

  @Test
  void aMissingDirectoryFailsAtBeginNamingItBeforeAnyWork() {
    Path missing = dir.resolve("no-such-dir");
    AtomicInteger created = new AtomicInteger();
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> experiment(created, -1).sink(CsvSink.to(missing.resolve("rows.csv"))).run());
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertEquals(0, created.get());

    UncheckedIOException m = assertThrows(UncheckedIOException.class,
        () -> experiment(created, -1).sink(RunManifest.sink(missing.resolve("manifest.json"))).run());
    assertTrue(m.getMessage().contains(missing.toString()), m.getMessage());
    assertEquals(0, created.get());
  }

  @Test
  void whenALaterSinkFailsToBeginTheCsvSinkLeavesNoTemporaryFile() {
    Path csv = dir.resolve("rows.csv");
    AtomicInteger created = new AtomicInteger();
    assertThrows(UncheckedIOException.class, () -> experiment(created, -1)
        .sink(CsvSink.to(csv))
        .sink(RunManifest.sink(dir.resolve("missing").resolve("manifest.json")))
        .run());
    assertEquals(0, created.get());
    assertFalse(Files.exists(csv));
    assertEquals(List.of(), Toy.temporaryFiles(dir));
  }

  @Test
  void theSameExperimentWritesTheSameCsvWithOneThreadOrFour() throws IOException {
    Path one = dir.resolve("one.csv");
    Path four = dir.resolve("four.csv");
    experiment(new AtomicInteger(), -1).threads(1).sink(CsvSink.to(one)).run();
    experiment(new AtomicInteger(), -1).threads(4).sink(CsvSink.to(four)).run();
    assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(four));
  }

  @Test
  void aCsvFileThatCannotBeCommittedIsNeverRecordedAsComplete() throws IOException {
    Path csv = dir.resolve("rows.csv");
    Path json = dir.resolve("manifest.json");
    // At the end, something takes the CSV's name (as a full disk would refuse the commit): the
    // CSV sink's end fails, and the manifest, ended after it, must not say the run completed.
    ResultSink takesTheName = new ResultSink() {
      @Override
      public void accept(ResultRow row) {}

      @Override
      public void end(RunInfo run, boolean completed) {
        try {
          Files.createDirectories(csv.resolve("occupied"));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> experiment(new AtomicInteger(), -1)
        .sink(takesTheName)
        .sink(CsvSink.to(csv))
        .sink(RunManifest.sink(json, Clock.fixed(FINISH, ZoneOffset.UTC)))
        .run());
    assertTrue(e.getMessage().contains(csv.toString()), e.getMessage());
    RunManifest manifest = RunManifest.read(json);
    assertFalse(manifest.completed(), "the manifest claims a CSV that is not there: " + manifest);
    assertFalse(Files.isRegularFile(csv));
    assertEquals(List.of(), Toy.temporaryFiles(dir));
  }
}
