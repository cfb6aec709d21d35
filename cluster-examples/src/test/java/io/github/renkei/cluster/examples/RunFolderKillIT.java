package io.github.renkei.cluster.examples;

import static io.github.renkei.cluster.examples.OutputChecks.identical;
import static io.github.renkei.cluster.examples.OutputChecks.names;
import static io.github.renkei.cluster.examples.OutputChecks.sameRun;
import static io.github.renkei.cluster.examples.OutputChecks.snapshot;
import static io.github.renkei.cluster.examples.OutputChecks.temporaryFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.io.ClusterJson;
import io.github.renkei.cluster.io.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at random moments of a rerun ({@code Process.destroyForcibly()} sends SIGKILL on Linux):
 * the output then holds exactly the previous complete run or the new complete run — the same
 * files, byte for byte, or the new run's — and the next run leaves no temporary file or staging
 * folder behind. Trials per command: {@code -Drenkei.kill.trials=N} (default 5 of the main job,
 * 8 of {@code simulate} and of {@code match --out}).
 */
class RunFolderKillIT {

  private static final Random RANDOM = new Random(19);

  @TempDir
  Path dir;

  private static int trials(int otherwise) {
    return Integer.getInteger("renkei.kill.trials", otherwise);
  }

  @Test
  void aKilledRerunOfTheMainJobLeavesTheOldOrTheNewCompleteRun() throws Exception {
    Path out = dir.resolve("out");
    killTrials("fukushima", out, v -> RenkeiProcess.renkei("fukushima", "--replications", "2", "--until", "2016",
        "--posterior-draws", "8", "--threads", "1", "--organizations", "170", "--no-progress", "--seed", Integer.toString(1 + v),
        "-o", out.toString()).in(dir), trials(5));
  }

  @Test
  void aKilledRerunOfSimulateLeavesTheOldOrTheNewCompleteRun() throws Exception {
    Path out = dir.resolve("sim");
    for (int v = 0; v < 2; v++) {
      Files.writeString(dir.resolve("config-" + v + ".json"), "{\"lastYear\": 2017, \"replications\": 4, \"seed\": "
          + (7 + v) + ", \"threads\": 1, \"grid\": {\"council\": [false, true]}}");
    }
    killTrials("simulate", out, v -> RenkeiProcess.renkei("simulate", "--no-progress", "--config",
        dir.resolve("config-" + v + ".json").toString(), "--out", out.toString()).in(dir), trials(8));
  }

  @Test
  void aKilledRerunOfMatchLeavesTheOldOrTheNewCompleteFile() throws Exception {
    Path cluster = dir.resolve("cluster.json");
    ClusterJson.write(FukushimaSample.cluster(), cluster);
    Path out = dir.resolve("result.csv");
    String[] matchers = {"greedy", "stable"};
    killTrials("match", out, v -> RenkeiProcess.renkei("match", "--cluster", cluster.toString(), "--matcher",
        matchers[v], "--year", Integer.toString(2016 - 5 * v), "--out", out.toString()).in(dir), trials(8));
  }

  /**
   * Makes the complete outputs of variants 0 and 1, then, trial after trial, kills a rerun of the
   * other variant at a random moment, checks the invariant, and runs that variant to completion
   * (the next run), which must leave no leftover — and is the old run of the next trial.
   */
  private void killTrials(String command, Path target, IntFunction<RenkeiProcess> variant, int trials)
      throws Exception {
    List<Map<String, byte[]>> reference = new ArrayList<>();
    long slowest = 0;
    for (int v = 0; v < 2; v++) {
      long t0 = System.nanoTime();
      RenkeiProcess.Result r = variant.apply(v).run();
      slowest = Math.max(slowest, System.nanoTime() - t0);
      assertEquals(0, r.code(), r.toString());
      reference.add(snapshot(target));
    }
    assertNotNull(sameRun(reference.get(0), reference.get(1)), "the two variants must be told apart");
    List<String> clean = names(dir);
    int current = 1;
    List<String> outcomes = new ArrayList<>();
    for (int trial = 0; trial < trials; trial++) {
      Map<String, byte[]> old = snapshot(target);
      int next = 1 - current;
      long delay = (long) (RANDOM.nextDouble() * 1.1 * TimeUnit.NANOSECONDS.toMillis(slowest));
      Process p = variant.apply(next).start();
      if (p.waitFor(delay, TimeUnit.MILLISECONDS)) {
        assertEquals(0, p.exitValue(), command + " ended on its own, but not well");
      }
      p.destroyForcibly();
      p.waitFor();
      p.getInputStream().close();
      p.getErrorStream().close();
      String at = command + ", trial " + trial + ", killed after " + delay + " ms";

      String outcome;
      if (!Files.exists(target)) {
        // Killed between the two renames of the commit: the next run, or recover(), finishes it.
        assertTrue(Files.isDirectory(dir) && names(dir).stream().anyMatch(n -> n.endsWith(".old")),
            at + ": the folder is missing without a run aside: " + names(dir));
        RunFolder.recover(target);
        outcome = "window→";
      } else {
        outcome = "";
      }
      Map<String, byte[]> now = snapshot(target);
      if (identical(now, old)) {
        outcome += "old";
      } else {
        String whyNot = sameRun(now, reference.get(next));
        assertEquals(null, whyNot, at + ": neither the old complete run nor the new one");
        outcome += "new";
      }
      outcomes.add(delay + "ms:" + outcome);

      RenkeiProcess.Result r = variant.apply(next).run();
      assertEquals(0, r.code(), at + ", the next run: " + r);
      assertEquals(clean, names(dir), at + ": the next run left what the killed one left");
      assertEquals(List.of(), temporaryFiles(dir), at + ": temporary files survived the next run");
      assertEquals(null, sameRun(snapshot(target), reference.get(next)), at);
      current = next;
    }
    System.out.println("[" + command + "] outcomes of " + trials + " kills: " + outcomes);
    assertFalse(outcomes.isEmpty());
  }

  @Test
  void theOutputHelperNeverTouchesAFolderOfTheUsersFiles() throws IOException {
    Path mine = dir.resolve("mine");
    Files.createDirectories(mine);
    Files.writeString(mine.resolve("notes.txt"), "mine");
    RenkeiProcess.Result r = RenkeiProcess.renkei("simulate", "--no-progress", "--config", write("{\"replications\": 2}"),
        "--out", mine.toString()).in(dir).run();
    assertEquals(Renkei.BAD_INPUT, r.code(), r.toString());
    assertEquals(1, r.errLines().size(), r.toString());
    assertTrue(r.err().contains("notes.txt"), r.toString());
    assertEquals(List.of("notes.txt"), names(mine));
  }

  private String write(String config) throws IOException {
    Path p = dir.resolve("c.json");
    Files.writeString(p, config);
    return p.toString();
  }
}
