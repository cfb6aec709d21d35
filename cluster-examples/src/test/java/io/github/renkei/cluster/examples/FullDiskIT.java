package io.github.renkei.cluster.examples;

import static io.github.renkei.cluster.examples.OutputChecks.identical;
import static io.github.renkei.cluster.examples.OutputChecks.names;
import static io.github.renkei.cluster.examples.OutputChecks.snapshot;
import static io.github.renkei.cluster.examples.OutputChecks.temporaryFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.io.ClusterJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A disk that fills during a rerun: a small tmpfs mounted for the test (the tests run as root in
 * the project's container; where mounting is impossible they are skipped with the reason, and the
 * in-process stub of a full disk in cluster-io's {@code RunFolderTest} still runs). The command
 * then exits with {@link Renkei#CANNOT_WRITE} and one line saying the disk is full and what the
 * output still holds, and the output is byte for byte the previous complete run, with nothing
 * beside it; once there is room, the rerun completes.
 */
class FullDiskIT {

  private static final long ROOM = 16L << 20;
  private static Path mountPoint;
  private static String notMounted;

  private Path dir;

  @BeforeAll
  static void mountASmallTmpfs() throws Exception {
    mountPoint = Files.createTempDirectory("renkei-full-disk");
    String result = command("mount", "-t", "tmpfs", "-o", "size=" + ROOM, "tmpfs", mountPoint.toString());
    if (result != null) {
      notMounted = result;
      Files.delete(mountPoint);
      mountPoint = null;
    }
  }

  @AfterAll
  static void unmount() throws Exception {
    if (mountPoint != null) {
      String result = command("umount", mountPoint.toString());
      assertEquals(null, result, "cannot unmount " + mountPoint);
      Files.delete(mountPoint);
    }
  }

  /** Runs a system command; returns null if it succeeded, else what it said. */
  private static String command(String... cmd) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      return e.toString();
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return String.join(" ", cmd) + " did not end";
    }
    return p.exitValue() == 0 ? null : String.join(" ", cmd) + ": exit " + p.exitValue() + " " + out;
  }

  @BeforeEach
  void roomyAgain() throws Exception {
    assumeTrue(mountPoint != null, "cannot mount a tmpfs here, so no full disk to test (" + notMounted
        + "); cluster-io's RunFolderTest covers a full disk with a stub");
    assertEquals(null, command("mount", "-o", "remount,size=" + ROOM, mountPoint.toString()));
    dir = Files.createTempDirectory(mountPoint, "t");
  }

  /** Leaves {@code headroom} bytes free (in whole pages): the next write beyond fails with ENOSPC. */
  private void fill(long headroom) throws Exception {
    FileStore store = Files.getFileStore(mountPoint);
    long used = store.getTotalSpace() - store.getUnallocatedSpace();
    long size = (used + headroom + 4095) / 4096 * 4096;
    assertEquals(null, command("mount", "-o", "remount,size=" + size, mountPoint.toString()));
  }

  @Test
  void theMainJobOnAFullDiskKeepsThePreviousRunAndSaysSo() throws Exception {
    Path out = dir.resolve("out");
    fullDisk(out, v -> RenkeiProcess.renkei("fukushima", "--replications", "2", "--until", "2016", "--threads", "1",
        "--posterior-draws", "8", "--organizations", "170", "--no-progress", "--seed", Integer.toString(1 + v), "-o", out.toString()),
        96 << 10, out + " still holds the previous run");
  }

  @Test
  void simulateOnAFullDiskKeepsThePreviousRunAndSaysSo() throws Exception {
    Path out = dir.resolve("sim");
    for (int v = 0; v < 2; v++) {
      Files.writeString(dir.resolve("config-" + v + ".json"), "{\"lastYear\": 2020, \"replications\": 6, \"seed\": "
          + (7 + v) + ", \"threads\": 1}");
    }
    fullDisk(out, v -> RenkeiProcess.renkei("simulate", "--no-progress", "--config", dir.resolve("config-" + v + ".json").toString(),
        "--out", out.toString()), 16 << 10, out + " still holds the previous run");
  }

  @Test
  void matchOnAFullDiskKeepsThePreviousFileAndSaysSo() throws Exception {
    Path cluster = dir.resolve("cluster.json");
    ClusterJson.write(FukushimaSample.cluster(), cluster);
    Path out = dir.resolve("result.csv");
    String[] matchers = {"greedy", "stable"};
    fullDisk(out, v -> RenkeiProcess.renkei("match", "--cluster", cluster.toString(), "--matcher", matchers[v],
        "--year", Integer.toString(2016 - 5 * v), "--out", out.toString()), 0, out + " is as it was");
  }

  private void fullDisk(Path target, IntFunction<RenkeiProcess> variant, long headroom, String kept)
      throws Exception {
    RenkeiProcess.Result first = variant.apply(0).in(dir).run();
    assertEquals(0, first.code(), first.toString());
    Map<String, byte[]> old = snapshot(target);
    List<String> clean = names(dir);

    fill(headroom);
    RenkeiProcess.Result full = variant.apply(1).in(dir).run();
    assertEquals(Renkei.CANNOT_WRITE, full.code(), full.toString());
    assertEquals(1, full.errLines().size(), "one line: " + full);
    String line = full.errLines().get(0);
    assertTrue(line.contains("the disk is full") && line.contains(kept), line);
    assertFalse(line.contains("Exception") || full.err().contains("\tat "), "no stack trace: " + full);
    assertTrue(identical(old, snapshot(target)), "the previous run is byte for byte as it was");
    assertEquals(clean, names(dir), "nothing beside it");
    assertEquals(List.of(), temporaryFiles(dir));

    assertEquals(null, command("mount", "-o", "remount,size=" + ROOM, mountPoint.toString()));
    RenkeiProcess.Result again = variant.apply(1).in(dir).run();
    assertEquals(0, again.code(), again.toString());
    Map<String, byte[]> now = snapshot(target);
    assertFalse(identical(old, now), "the rerun replaced the previous run");
    assertFalse(now.isEmpty(), "the rerun wrote its output");
    assertEquals(clean, names(dir));
    assertEquals(List.of(), temporaryFiles(dir));
  }
}
