package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch schedulers without Spark (issue 17), as processes: {@code renkei simulate --shard I/N}
 * three times and {@code renkei merge} give the unsharded run's files; every bad set of shard
 * files is refused with exit code 2, one line naming the file and the reason, and nothing
 * written.
 */
class ShardMergeIT {

  private static final String CONFIG = """
      {"lastYear": 2018, "grid": {"council": [false, true]}, "replications": 5, "seed": 7, "threads": 2}
      """;

  @TempDir
  static Path dir;

  private static Path config;
  private static Path shards;
  private static RenkeiProcess.Result whole;
  private static List<Path> files;

  @BeforeAll
  static void runTheWholeExperimentAndItsThreeShards() throws IOException {
    config = Files.writeString(dir.resolve("experiment.json"), CONFIG);
    shards = dir.resolve("shards");
    // as the jobs of an array would, all at once
    List<CompletableFuture<RenkeiProcess.Result>> jobs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      RenkeiProcess p = RenkeiProcess.renkei("simulate", "--config", config.toString(), "--shard", i + "/3", "--out",
          shards.toString(), "--no-progress");
      jobs.add(CompletableFuture.supplyAsync(p::run));
    }
    whole = RenkeiProcess.renkei("simulate", "--config", config.toString(), "--out", dir.resolve("whole").toString(),
        "--no-progress").run();
    assertEquals(0, whole.code(), whole.toString());
    for (int i = 0; i < 3; i++) {
      RenkeiProcess.Result r = jobs.get(i).join();
      assertEquals(0, r.code(), r.toString());
      assertEquals("", r.err(), r.toString());
      assertEquals(1, r.outLines().size(), r.toString());
      assertTrue(r.out().startsWith("wrote " + shards.resolve("run-")), r.toString());
      assertTrue(r.out().contains("-shard-" + i + "-of-3.renkei-shard: shard " + i + " of 3"), r.toString());
    }
    files = list(shards);
    // the shard files and nothing else: no temporary file, nothing a merge could mistake
    assertEquals(3, files.size(), files.toString());
    assertTrue(files.stream().allMatch(f -> f.getFileName().toString().matches("run-[0-9a-f]{16}-shard-\\d-of-3"
        + "\\.renkei-shard")), files.toString());
  }

  @Test
  void threeShardsMergeIntoTheUnshardedRunsFilesAndTable() throws IOException {
    Path merged = dir.resolve("merged");
    RenkeiProcess.Result r = RenkeiProcess.renkei("merge", shards.toString(), "--out", merged.toString()).run();
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err(), r.toString());
    // the same table, then the same files
    List<String> table = whole.outLines().subList(0, whole.outLines().size() - 1);
    assertEquals(table, r.outLines().subList(0, r.outLines().size() - 1));
    assertEquals("wrote " + merged.resolve("results.csv") + " and " + merged.resolve("manifest.json"),
        r.outLines().get(r.outLines().size() - 1));
    Path w = dir.resolve("whole");
    assertEquals(OutputChecks.names(w), OutputChecks.names(merged));
    assertArrayEquals(Files.readAllBytes(w.resolve("results.csv")), Files.readAllBytes(merged.resolve("results.csv")),
        "results.csv differs");
    // the manifests differ in the times only (the same machine ran both)
    assertEquals(timeless(w.resolve("manifest.json")), timeless(merged.resolve("manifest.json")));
  }

  private static JsonNode timeless(Path manifest) throws IOException {
    ObjectNode m = (ObjectNode) new ObjectMapper().readTree(manifest.toFile());
    assertTrue(m.get("completed").asBoolean(), m.toString());
    m.remove(List.of("started", "finished"));
    return m;
  }

  @Test
  void aChangedByteIsRefused() {
    refused("flipped", set -> patch(set.get(1), b -> b.put(500, (byte) (b.get(500) ^ 1))), 1,
        "corrupted: its SHA-256 does not match its content (a changed byte)");
  }

  @Test
  void aTruncatedShardIsRefused() {
    refused("truncated", set -> patch(set.get(1), b -> b.limit(b.limit() - 100)), 1, "truncated: ");
  }

  @Test
  void anotherFormatVersionIsRefused() {
    refused("version", set -> patch(set.get(2), b -> b.putInt(8, 2)), 2,
        "format version 2, but this Renkei reads version 1 only");
  }

  @Test
  void aShardCopiedTwiceUnderAnotherNameIsRefused() {
    refused("repeated", set -> copy(set.get(1), set.get(1).resolveSibling("copy.renkei-shard")), 1,
        "repeats shard 1 of 3, already in ");
  }

  @Test
  void aMissingShardIsNamed() throws IOException {
    Path folder = fresh("missing");
    Files.delete(list(folder).get(1));
    RenkeiProcess.Result r = refusal(folder);
    assertEquals("renkei merge: " + folder + ": missing shard 1 of 3 (indices from 0) of run "
        + files.get(0).getFileName().toString().substring(0, 20) + " in [" + folder + "]", r.err().strip());
  }

  @Test
  void shardsOfTwoSeedsAreRefused() throws IOException {
    Path folder = fresh("seeds");
    Files.delete(list(folder).get(1));
    Path seed8 = Files.writeString(dir.resolve("seed8.json"), CONFIG.replace("\"seed\": 7", "\"seed\": 8"));
    RenkeiProcess.Result s = RenkeiProcess.renkei("simulate", "--config", seed8.toString(), "--shard", "1/3", "--out",
        folder.toString(), "--no-progress").run();
    assertEquals(0, s.code(), s.toString());
    RenkeiProcess.Result r = refusal(folder);
    assertTrue(r.err().contains(": a shard of another experiment: of seed "), r.toString());
    assertTrue(r.err().contains("seed 8") && r.err().contains("seed 7"), r.toString());
  }

  @Test
  void anEmptyFolderIsRefusedAndAPreviousMergeIsKept() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Path out = dir.resolve("kept");
    RenkeiProcess.Result good = RenkeiProcess.renkei("merge", shards.toString(), "--out", out.toString()).run();
    assertEquals(0, good.code(), good.toString());
    Map<String, byte[]> before = OutputChecks.snapshot(out);
    RenkeiProcess.Result r = RenkeiProcess.renkei("merge", empty.toString(), "--out", out.toString()).run();
    assertEquals(Renkei.BAD_INPUT, r.code(), r.toString());
    assertEquals(List.of("renkei merge: " + empty + ": no shard files (*.renkei-shard) in this folder"),
        r.errLines());
    Map<String, byte[]> after = OutputChecks.snapshot(out);
    assertEquals(before.keySet(), after.keySet());
    before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name));
  }

  @Test
  void aBadShardFlagIsRefusedBeforeAnyWork() {
    Path out = dir.resolve("never");
    String[][] cases = {
        {"3/3", "--shard: shard index must be in 0..2 but was 3"},
        {"1-3", "--shard: give I/N, the shard's index from 0 and the number of shards"},
        {"0/6", "--shard 0/6: 6 shards of 5 replications would leave shards empty"}};
    for (String[] c : cases) {
      RenkeiProcess.Result r = RenkeiProcess.renkei("simulate", "--config", config.toString(), "--shard", c[0],
          "--out", out.toString()).run();
      assertEquals(Renkei.BAD_INPUT, r.code(), r.toString());
      assertEquals(1, r.errLines().size(), r.toString());
      assertTrue(r.err().startsWith("renkei simulate: " + c[1]), r.toString());
      assertFalse(Files.exists(out), c[0]);
    }
    // a shard without --out would land in the default output folder of whole runs
    RenkeiProcess.Result r = RenkeiProcess.renkei("simulate", "--config", config.toString(), "--shard", "0/3")
        .in(dir).run();
    assertEquals(Renkei.BAD_INPUT, r.code(), r.toString());
    assertEquals(List.of("renkei simulate: --shard needs --out FOLDER: the folder where every shard of the experiment"
        + " writes its file, and which renkei merge reads"), r.errLines());
    assertFalse(Files.exists(dir.resolve("renkei-simulate")));
  }

  @Test
  void aRegionsShardsMergeIntoItsWholeRunAndAShardOfAnotherProfileIsRefused() throws IOException {
    Path region = Files.createDirectories(dir.resolve("region"));
    RenkeiProcess.Result sample = RenkeiProcess.renkei("sample", "fukushima", "--out", "cluster.json", "--profile",
        "profile.json").in(region).run();
    assertEquals(0, sample.code(), sample.toString());
    String profile = Files.readString(region.resolve("profile.json"));
    assertTrue(profile.contains("\"syntheticFirms\" : 290"), profile);
    Files.writeString(region.resolve("other.json"), profile.replace("\"syntheticFirms\" : 290",
        "\"syntheticFirms\" : 280"));
    List<CompletableFuture<RenkeiProcess.Result>> jobs = new ArrayList<>();
    String[][] runs = {{"profile.json", "0/2", "shards"}, {"profile.json", "1/2", "shards"},
        {"other.json", "1/2", "other"}};
    for (String[] run : runs) {
      RenkeiProcess p = RenkeiProcess.renkei("simulate", "--cluster", "cluster.json", "--profile", run[0],
          "--replications", "2", "--seed", "3", "--threads", "1", "--shard", run[1], "--out", run[2],
          "--no-progress").in(region);
      jobs.add(CompletableFuture.supplyAsync(p::run));
    }
    RenkeiProcess.Result alone = RenkeiProcess.renkei("simulate", "--cluster", "cluster.json", "--profile",
        "profile.json", "--replications", "2", "--seed", "3", "--threads", "1", "--out", "whole", "--no-progress")
        .in(region).run();
    assertEquals(0, alone.code(), alone.toString());
    jobs.forEach(j -> assertEquals(0, j.join().code(), j.join().toString()));

    RenkeiProcess.Result merged = RenkeiProcess.renkei("merge", "shards", "--out", "merged").in(region).run();
    assertEquals(0, merged.code(), merged.toString());
    assertEquals(alone.outLines().subList(0, alone.outLines().size() - 1),
        merged.outLines().subList(0, merged.outLines().size() - 1));
    assertArrayEquals(Files.readAllBytes(region.resolve("whole/results.csv")),
        Files.readAllBytes(region.resolve("merged/results.csv")), "results.csv differs");
    assertEquals(timeless(region.resolve("whole/manifest.json")), timeless(region.resolve("merged/manifest.json")));

    // shard 1 of the other profile: the same run id, seed and shape, another definition
    Path shard0 = list(region.resolve("shards")).get(0);
    Files.copy(shard0, region.resolve("other").resolve(shard0.getFileName()));
    RenkeiProcess.Result mixed = RenkeiProcess.renkei("merge", "other", "--out", "mixed").in(region).run();
    assertEquals(Renkei.BAD_INPUT, mixed.code(), mixed.toString());
    assertEquals(1, mixed.errLines().size(), mixed.toString());
    assertTrue(mixed.err().contains(": a shard of another experiment: of definition "), mixed.toString());
    assertFalse(Files.exists(region.resolve("mixed")));
  }

  /** Copies the shards to a new folder, damages them, and checks that merge names the file and the reason. */
  private static void refused(String name, Consumer<List<Path>> damage, int shard, String reason) {
    Path folder = fresh(name);
    damage.accept(list(folder));
    RenkeiProcess.Result r = refusal(folder);
    Path file = folder.resolve(files.get(shard).getFileName());
    assertTrue(r.err().startsWith("renkei merge: " + file + ": " + reason), r.toString());
  }

  /** Runs a merge that must be refused: exit code 2, one line, nothing on standard output, no output folder. */
  private static RenkeiProcess.Result refusal(Path folder) {
    Path out = folder.resolveSibling(folder.getFileName() + "-out");
    RenkeiProcess.Result r = RenkeiProcess.renkei("merge", folder.toString(), "--out", out.toString()).run();
    assertEquals(Renkei.BAD_INPUT, r.code(), r.toString());
    assertEquals(1, r.errLines().size(), r.toString());
    assertEquals("", r.out(), r.toString());
    assertFalse(Files.exists(out), r.toString());
    return r;
  }

  private static Path fresh(String name) {
    Path folder = dir.resolve(name);
    try {
      Files.createDirectories(folder);
      for (Path f : files) {
        Files.copy(f, folder.resolve(f.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }

  private static List<Path> list(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      return new ArrayList<>(s.sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void patch(Path file, Consumer<ByteBuffer> change) {
    try {
      ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
      change.accept(b);
      byte[] out = new byte[b.limit()];
      b.get(0, out);
      Files.write(file, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) {
    try {
      Files.copy(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
