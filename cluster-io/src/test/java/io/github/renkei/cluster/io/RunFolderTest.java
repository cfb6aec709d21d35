package io.github.renkei.cluster.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ResultSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder: the old complete run or the new complete run, whatever happens in between. */
class RunFolderTest {

  @TempDir
  Path parent;

  private static long deadPid;

  /** A process that has ended: what a killed run leaves carries such a pid. */
  @BeforeAll
  static void aProcessThatHasEnded() throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    p.waitFor();
    deadPid = p.pid();
    assumeTrue(ProcessHandle.of(deadPid).isEmpty(), "the pid was reused at once");
  }

  /** Every file under a folder with its content, and the names beside it. */
  private static Map<String, String> contents(Path folder) throws IOException {
    Map<String, String> m = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return m;
    }
    try (Stream<Path> s = Files.walk(folder)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String name = folder.relativize(p).toString();
        if (!name.equals(RunFolder.MARKER)) {
          m.put(name, Files.readString(p));
        }
      }
    }
    return m;
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(parent)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Commits a run of the folder with these files (name, content, name, content, ...). */
  private static void run(Path folder, String... files) throws IOException {
    try (RunFolder run = RunFolder.begin(folder)) {
      write(run, files);
      run.commit();
    }
  }

  private static void write(RunFolder run, String... files) throws IOException {
    for (int i = 0; i < files.length; i += 2) {
      Path p = run.resolve(files[i]);
      Files.createDirectories(p.getParent());
      String content = files[i + 1];
      AtomicFiles.write(p, out -> out.write(content));
    }
  }

  @Test
  void aCommittedRunReplacesTheWholeFolderAndLeavesNothingBesideIt() throws IOException {
    Path out = parent.resolve("out");
    run(out, "results.csv", "old rows", "council/results.csv", "old council", "old-only.png", "png");
    assertEquals(Map.of("results.csv", "old rows", "council/results.csv", "old council", "old-only.png", "png"),
        contents(out));
    run(out, "results.csv", "new rows", "council/results.csv", "new council");
    assertEquals(Map.of("results.csv", "new rows", "council/results.csv", "new council"), contents(out),
        "nothing of the old run is mixed into the new one");
    assertEquals(List.of("out"), names());
  }

  @Test
  void untilTheCommitTheFolderHoldsThePreviousRunUntouched() throws IOException {
    Path out = parent.resolve("out");
    run(out, "results.csv", "old rows", "manifest.json", "old, complete");
    try (RunFolder run = RunFolder.begin(out)) {
      write(run, "manifest.json", "new, not complete", "results.csv", "half of the new rows");
      assertEquals(Map.of("results.csv", "old rows", "manifest.json", "old, complete"), contents(out));
      assertTrue(run.path().startsWith(parent) && !run.path().startsWith(out), run.path().toString());
    } // no commit: aborted
    assertEquals(Map.of("results.csv", "old rows", "manifest.json", "old, complete"), contents(out));
    assertEquals(List.of("out"), names(), "the staging folder is gone");
  }

  @Test
  void aFolderWithAUsersOwnFilesIsNeverReplaced() throws IOException {
    Path mine = parent.resolve("mine");
    Files.createDirectories(mine);
    Files.writeString(mine.resolve("notes.txt"), "my notes");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> RunFolder.begin(mine));
    assertTrue(e.getMessage().contains("notes.txt") && e.getMessage().contains("no renkei run wrote"),
        e.getMessage());
    assertEquals(Map.of("notes.txt", "my notes"), contents(mine));

    Path out = parent.resolve("out");
    run(out, "results.csv", "rows");
    Files.writeString(out.resolve("analysis.R"), "mine");
    e = assertThrows(UncheckedIOException.class, () -> RunFolder.begin(out));
    assertTrue(e.getMessage().contains("analysis.R"), e.getMessage());
    assertEquals(Map.of("results.csv", "rows", "analysis.R", "mine"), contents(out));

    Path emptyFolder = parent.resolve("empty");
    Files.createDirectories(emptyFolder);
    run(emptyFolder, "a.txt", "a");
    assertEquals(Map.of("a.txt", "a"), contents(emptyFolder));
  }

  @Test
  void aFileAddedDuringTheRunStopsTheCommitAndIsKept() throws IOException {
    Path out = parent.resolve("out");
    run(out, "results.csv", "old");
    RunFolder run = RunFolder.begin(out);
    write(run, "results.csv", "new");
    Files.writeString(out.resolve("notes.txt"), "added meanwhile");
    assertThrows(UncheckedIOException.class, run::commit);
    assertEquals(Map.of("results.csv", "old", "notes.txt", "added meanwhile"), contents(out));
    assertEquals(List.of("out"), names());
  }

  @Test
  void theCommitRefusesAFileStillBeingWritten() throws IOException {
    Path out = parent.resolve("out");
    RunFolder run = RunFolder.begin(out);
    AtomicFile open = AtomicFile.open(run.resolve("results.csv"));
    open.writer().write("rows");
    IllegalStateException e = assertThrows(IllegalStateException.class, run::commit);
    assertTrue(e.getMessage().contains("still being written"), e.getMessage());
    assertFalse(Files.exists(out));
    assertEquals(List.of(), names());
  }

  @Test
  void pathsOutsideTheRunAndTheMarkerAreRefused() throws IOException {
    try (RunFolder run = RunFolder.begin(parent.resolve("out"))) {
      assertThrows(IllegalArgumentException.class, () -> run.resolve("../elsewhere.csv"));
      assertThrows(IllegalArgumentException.class, () -> run.resolve(RunFolder.MARKER));
      assertThrows(IllegalArgumentException.class, () -> run.resolve("/etc/passwd"));
      assertEquals(run.path().resolve("a/b.csv"), run.resolve("a/b.csv"));
    }
    Path file = parent.resolve("file");
    Files.writeString(file, "x");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> RunFolder.begin(file));
    assertTrue(e.getMessage().contains("not a folder"), e.getMessage());
  }

  // What a kill at each step leaves, made by hand with the name a killed process leaves, and
  // what the next run makes of it.

  /** Makes a complete run of these files in a scratch folder and renames it to a leftover's name. */
  private Path leftover(String suffix, String... files) throws IOException {
    Path scratch = parent.resolve("scratch");
    run(scratch, files);
    Path left = parent.resolve(".out.renkei-" + deadPid + "-k1ll3d" + suffix);
    Files.move(scratch, left);
    return left;
  }

  @Test
  void aKillWhileWritingLeavesTheOldRunAndTheNextRunDeletesTheStagingFolder() throws IOException {
    Path out = parent.resolve("out");
    run(out, "results.csv", "old");
    Path staging = parent.resolve(".out.renkei-" + deadPid + "-k1ll3d.staging");
    Files.createDirectories(staging.resolve("council"));
    Files.writeString(staging.resolve(RunFolder.MARKER),
        "{\"format\": \"renkei-run-folder/1\", \"state\": \"staging\", \"entries\": []}");
    Files.writeString(staging.resolve("council/.results.csv.renkei-" + deadPid + "-123.tmp"), "half");
    Files.writeString(staging.resolve("manifest.json"), "{\"completed\": false}");

    assertEquals(Map.of("results.csv", "old"), contents(out), "the kill left the old run in place");
    assertEquals(List.of(staging), RunFolder.recover(out));
    assertEquals(List.of("out"), names());
    assertEquals(Map.of("results.csv", "old"), contents(out));
  }

  @Test
  void aKillBetweenTheTwoRenamesIsFinishedByTheNextRun() throws IOException {
    Path out = parent.resolve("out");
    leftover(".old", "results.csv", "old");
    leftover(".staging", "results.csv", "new", "manifest.json", "new, complete");
    assertFalse(Files.exists(out));
    RunFolder.begin(out).abort();
    assertEquals(Map.of("results.csv", "new", "manifest.json", "new, complete"), contents(out));
    assertEquals(List.of("out"), names());
  }

  @Test
  void aKillBetweenTheTwoRenamesWithoutACompleteNewRunRestoresTheOldOne() throws IOException {
    Path out = parent.resolve("out");
    leftover(".old", "results.csv", "old");
    RunFolder.recover(out);
    assertEquals(Map.of("results.csv", "old"), contents(out));
    assertEquals(List.of("out"), names());
  }

  @Test
  void aKillAfterTheSwitchLeavesTheNewRunAndTheNextRunDeletesTheOldOne() throws IOException {
    Path out = parent.resolve("out");
    run(out, "results.csv", "new");
    leftover(".old", "results.csv", "old", "stage-mix.png", "png");
    assertEquals(Map.of("results.csv", "new"), contents(out));
    RunFolder.recover(out);
    assertEquals(Map.of("results.csv", "new"), contents(out));
    assertEquals(List.of("out"), names());
  }

  @Test
  void recoveryTouchesNeitherALiveRunNorNamesWithoutTheMarker() throws IOException {
    Path out = parent.resolve("out");
    run(out, "results.csv", "rows");
    Path notOurs = parent.resolve(".out.renkei-" + deadPid + "-abc.staging");
    Files.createDirectories(notOurs);
    Files.writeString(notOurs.resolve("thesis.tex"), "a user's file that happens to be in such a folder");
    Path lookalike = parent.resolve(".out.staging");
    Files.createDirectories(lookalike);
    try (RunFolder live = RunFolder.begin(out)) {
      assertEquals(List.of(), RunFolder.recover(out), "a live run's staging folder is not a leftover");
      assertTrue(Files.isDirectory(live.path()));
    }
    assertTrue(Files.isRegularFile(notOurs.resolve("thesis.tex")));
    assertTrue(Files.isDirectory(lookalike));
  }

  @Test
  void aKilledWritersTemporaryFileIsDeletedByTheNextWriteOfTheSameFileAndNothingElse() throws IOException {
    Path dead = parent.resolve(".results.csv.renkei-" + deadPid + "-5551234.tmp");
    Path live = parent.resolve(".results.csv.renkei-" + ProcessHandle.current().pid() + "-5551234.tmp");
    Path unknown = parent.resolve(".results.csv.5551234.tmp");
    Path otherFile = parent.resolve(".manifest.json.renkei-" + deadPid + "-5551234.tmp");
    for (Path p : List.of(dead, live, unknown, otherFile)) {
      Files.writeString(p, "partial", StandardCharsets.UTF_8);
    }
    AtomicFiles.write(parent.resolve("results.csv"), out -> out.write("rows"));
    assertFalse(Files.exists(dead));
    assertTrue(Files.exists(live) && Files.exists(unknown) && Files.exists(otherFile));
  }

  /** Runs the toy experiment into a run folder, with an extra sink between the CSV and the manifest. */
  private static void experimentInto(Path out, long seed, ResultSink between) {
    try (RunFolder run = RunFolder.begin(out)) {
      Experiment.of(Toy.scenario("baseline", new AtomicInteger(), -1)).grid(Toy.GRID).replications(3).seed(seed)
          .threads(2)
          .sink(CsvSink.to(run.resolve("rows.csv")))
          .sink(between)
          .sink(RunManifest.sink(run.resolve("manifest.json")))
          .run();
      run.commit();
    }
  }

  @Test
  void aFullDiskDuringARerunLeavesThePreviousRunWholeAndNothingBesideIt() throws IOException {
    Path out = parent.resolve("out");
    experimentInto(out, 1, row -> { });
    Map<String, String> old = contents(out);
    assertTrue(RunManifest.read(out.resolve("manifest.json")).completed());
    // A stub of a full disk (the kill and tmpfs tests in cluster-examples use a real one): the
    // 50th row cannot be written.
    AtomicInteger rows = new AtomicInteger();
    ResultSink fullDisk = row -> {
      if (rows.incrementAndGet() == 50) {
        throw new UncheckedIOException("cannot write rows.csv (No space left on device)",
            new IOException("No space left on device"));
      }
    };
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> experimentInto(out, 2, fullDisk));
    assertTrue(e.getMessage().contains("No space left"), e.getMessage());
    assertEquals(old, contents(out), "the previous run, whole");
    assertEquals(List.of("out"), names(), "no staging folder, no temporary file");
  }
}
