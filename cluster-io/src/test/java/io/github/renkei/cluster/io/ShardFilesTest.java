package io.github.renkei.cluster.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.ShardData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shard wire form: a round trip bit for bit, and every damage refused with the file and the reason. */
class ShardFilesTest {

  private static final String KIND = "toy/1";

  private static Experiment.Builder toy(int replications, long seed) {
    return Experiment.of(Toy.scenario("a"), Toy.scenario("b")).grid(Toy.GRID).replications(replications).seed(seed)
        .threads(1);
  }

  private static ShardFiles.Identity identity(Experiment e) {
    return ShardFiles.Identity.of(e, KIND, "{\"toy\":" + e.seed() + "}");
  }

  /** Shard i of n of the toy experiment, as the bytes of its file. */
  private static byte[] shardBytes(int replications, long seed, int i, int n) {
    Experiment e = toy(replications, seed).shard(i, n).build();
    return ShardFiles.toBytes(identity(e), e.run().data());
  }

  @Test
  void threeShardsReadBackMergeIntoTheUnshardedResultAndReplayItsRows(@TempDir Path dir) {
    Toy.ListSink direct = new Toy.ListSink();
    ExperimentResult whole = toy(7, 11).sink(direct).run();
    List<ExperimentResult> parts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Experiment e = toy(7, 11).shard(i, 3).build();
      ShardFiles.Identity id = identity(e);
      Path file = dir.resolve(ShardFiles.fileName(id, i));
      ExperimentResult part = e.run();
      ShardFiles.write(file, id, part.data());
      ShardFiles.Shard back = ShardFiles.read(file);
      assertEquals(id, back.identity());
      assertEquals(part, ExperimentResult.fromData(toy(7, 11).shard(i, 3).build(), back.data()));
      parts.add(ExperimentResult.fromData(toy(7, 11).build(), back.data()));
    }
    assertEquals(List.of(), Toy.temporaryFiles(dir));
    ShardFiles.Shards all = ShardFiles.collect(List.of(dir));
    assertEquals(List.of(0, 1, 2), all.shards().stream().map(s -> s.data().covered().get(0)).toList());
    ExperimentResult merged = ExperimentResult.merge(parts);
    assertEquals(whole, merged);

    Toy.ListSink replayed = new Toy.ListSink();
    toy(7, 11).sink(replayed).build().replay(merged);
    assertEquals(direct.rows.size(), replayed.rows.size());
    assertTrue(direct.rows.equals(replayed.rows), "the replayed rows are not the run's");
    assertEquals(direct.info.grid(), replayed.info.grid());
    assertEquals(direct.info.defaults(), replayed.info.defaults());
  }

  @Test
  void theFileNameSortsByIndexAndTheLayoutStartsAsDocumented() {
    Experiment e = toy(12, 1).shard(3, 12).build();
    ShardFiles.Identity id = identity(e);
    assertEquals(e.runId() + "-shard-03-of-12.renkei-shard", ShardFiles.fileName(id, 3));
    byte[] b = ShardFiles.toBytes(id, e.run().data());
    assertArrayEquals(new byte[] {(byte) 0x89, 'R', 'K', 'S', 'H', '\r', '\n', 0x1a}, Arrays.copyOf(b, 8));
    ByteBuffer in = ByteBuffer.wrap(b);
    assertEquals(ShardFiles.VERSION, in.getInt(8));
    assertEquals(b.length - 20 - 32, in.getLong(12));
  }

  @Test
  void everyChangedByteIsRefusedNamingTheFile() {
    byte[] good = shardBytes(2, 5, 1, 2);
    Path name = Path.of("s.renkei-shard");
    ShardFiles.fromBytes(name, good);
    for (int i = 0; i < good.length; i++) {
      for (int flip : new int[] {0x01, 0x80}) {
        byte[] bad = good.clone();
        bad[i] ^= (byte) flip;
        int at = i;
        ShardFiles.ShardFileException e = assertThrows(ShardFiles.ShardFileException.class,
            () -> ShardFiles.fromBytes(name, bad), () -> "byte " + at + " changed, not refused");
        assertTrue(e.getMessage().startsWith("s.renkei-shard: "), e.getMessage());
        assertEquals(name, e.file());
        if (at >= 8 && at < 12) {
          assertTrue(e.getMessage().contains("format version"), e.getMessage());
        } else if (at >= 20) {
          assertTrue(e.getMessage().contains("corrupted: its SHA-256 does not match"), at + ": " + e.getMessage());
        }
      }
    }
  }

  @Test
  void everyTruncationIsRefused() {
    byte[] good = shardBytes(2, 5, 0, 2);
    for (int n = 0; n < good.length; n++) {
      byte[] bad = Arrays.copyOf(good, n);
      ShardFiles.ShardFileException e = assertThrows(ShardFiles.ShardFileException.class,
          () -> ShardFiles.fromBytes(Path.of("t.renkei-shard"), bad));
      assertTrue(n < 8 ? e.getMessage().contains("not a Renkei shard file") : e.getMessage().contains("truncated"),
          n + ": " + e.getMessage());
    }
    byte[] longer = Arrays.copyOf(good, good.length + 1);
    assertTrue(assertThrows(ShardFiles.ShardFileException.class,
        () -> ShardFiles.fromBytes(Path.of("t"), longer)).getMessage().contains("corrupted"));
  }

  @Test
  void anotherVersionIsNamed() {
    byte[] b = shardBytes(2, 5, 0, 1);
    ByteBuffer.wrap(b).putInt(8, 2);
    ShardFiles.ShardFileException e = assertThrows(ShardFiles.ShardFileException.class,
        () -> ShardFiles.fromBytes(Path.of("v.renkei-shard"), b));
    assertEquals("v.renkei-shard: format version 2, but this Renkei reads version 1 only: merge with the Renkei"
        + " that wrote it", e.getMessage());
  }

  @Test
  void dataOfAnotherExperimentAreNotWritten() {
    Experiment e = toy(4, 5).shard(0, 2).build();
    ShardData other = toy(4, 6).shard(0, 2).build().run().data();
    assertThrows(IllegalArgumentException.class, () -> ShardFiles.toBytes(identity(e), other));
  }

  @Test
  void collectRefusesWhatIsNotExactlyOneExperimentOnce(@TempDir Path dir) throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Files.writeString(empty.resolve("slurm-1.out"), "not a shard");
    Files.writeString(empty.resolve(".x.renkei-shard.renkei-1-2.tmp"), "a killed writer's");
    assertEquals(empty + ": no shard files (*.renkei-shard) in this folder", message(List.of(empty)));

    Path set = Files.createDirectories(dir.resolve("set"));
    Path[] files = new Path[4];
    for (int i = 0; i < 4; i++) {
      Experiment e = toy(4, 5).shard(i, 4).build();
      ShardFiles.Identity id = identity(e);
      files[i] = set.resolve(ShardFiles.fileName(id, i));
      ShardFiles.write(files[i], id, e.run().data());
    }
    Files.writeString(set.resolve("notes.txt"), "other files are not read");
    assertEquals(4, ShardFiles.collect(List.of(set)).shards().size());

    Files.copy(files[2], set.resolve("again.renkei-shard"));
    assertTrue(message(List.of(set)).endsWith("repeats shard 2 of 4, already in " + set.resolve("again.renkei-shard")),
        message(List.of(set)));
    Files.delete(set.resolve("again.renkei-shard"));

    Path moved = dir.resolve("moved");
    Files.createDirectories(moved);
    Files.move(files[1], moved.resolve(files[1].getFileName()));
    Files.move(files[3], moved.resolve(files[3].getFileName()));
    assertTrue(message(List.of(set)).startsWith(set + ": missing shards 1, 3 of 4 (indices from 0)"),
        message(List.of(set)));
    assertEquals(4, ShardFiles.collect(List.of(set, moved)).shards().size());

    Experiment seed6 = toy(4, 6).shard(1, 4).build();
    Path foreign = moved.resolve("foreign.renkei-shard");
    ShardFiles.write(foreign, identity(seed6), seed6.run().data());
    String m = message(List.of(set, moved));
    assertTrue(m.startsWith(foreign + ": a shard of another experiment: of seed 6, the others of seed 5"), m);
  }

  @Test
  void shardsOfTheSameShapeButAnotherDefinitionAreRefused(@TempDir Path dir) {
    for (int i = 0; i < 2; i++) {
      Experiment e = toy(4, 5).shard(i, 2).build();
      // the same run id, seed, counts and scenarios: only the definition (another cluster, say) differs
      ShardFiles.Identity id = ShardFiles.Identity.of(e, KIND, i == 0 ? "{\"cluster\":\"a\"}" : "{\"cluster\":\"b\"}");
      ShardFiles.write(dir.resolve(ShardFiles.fileName(id, i)), id, e.run().data());
    }
    String m = message(List.of(dir));
    assertTrue(m.contains("-shard-1-of-2.renkei-shard: a shard of another experiment: of definition "), m);
    assertTrue(m.contains("(SHA-256 of the experiment's definition)"), m);
  }

  private static String message(List<Path> paths) {
    return assertThrows(ShardFiles.ShardFileException.class, () -> ShardFiles.collect(paths)).getMessage();
  }

  /**
   * Any shard — any shape, any values (NaN payloads, signed zeros, infinities), replications that
   * failed — comes back bit for bit.
   */
  @Property(tries = 100)
  void anyShardComesBackBitForBit(@ForAll @IntRange(min = 1, max = 3) int scenarioCount,
      @ForAll @IntRange(min = 1, max = 3) int points, @ForAll @IntRange(min = 1, max = 6) int replications,
      @ForAll @IntRange(min = 1, max = 6) int shardsWanted, @ForAll @IntRange(min = 0, max = 5) int shardWanted,
      @ForAll long seed, @ForAll long valuesSeed) {
    int shards = Math.min(shardsWanted, replications);
    int shard = shardWanted % shards;
    SplittableRandom random = new SplittableRandom(valuesSeed);
    List<ShardFiles.ScenarioShape> shapes = new ArrayList<>();
    for (int s = 0; s < scenarioCount; s++) {
      int metrics = random.nextInt(4);
      shapes.add(new ShardFiles.ScenarioShape("s" + s + (s == 1 ? "連携" : ""), random.nextInt(5),
          IntStream.range(0, metrics).mapToObj(m -> "m" + m).toList()));
    }
    ShardFiles.Identity id = new ShardFiles.Identity("0.1.0", "run-" + valuesSeed, seed, replications, shards,
        points, shapes, KIND, "{\"seed\":" + seed + "}");
    List<ShardData.Cell> cells = new ArrayList<>();
    List<ShardData.Failure> failures = new ArrayList<>();
    for (int s = 0; s < scenarioCount; s++) {
      ShardFiles.ScenarioShape shape = shapes.get(s);
      for (int p = 0; p < points; p++) {
        for (int r = shard; r < replications; r += shards) {
          if (random.nextInt(5) == 0) {
            failures.add(new ShardData.Failure(shape.name(), p, r, seed,
                new IllegalStateException(random.nextBoolean() ? null : "boom " + r)));
            continue;
          }
          double[][] v = new double[shape.metrics().size()][shape.steps()];
          for (double[] row : v) {
            for (int t = 0; t < row.length; t++) {
              row[t] = switch (random.nextInt(6)) {
                case 0 -> Double.longBitsToDouble(0x7ff8000000000000L | random.nextLong(1L << 51)); // a NaN
                case 1 -> -0.0;
                case 2 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                default -> Double.longBitsToDouble(random.nextLong());
              };
            }
          }
          cells.add(new ShardData.Cell(s, p, r, random.nextInt(shape.steps() + 1), v));
        }
      }
    }
    ShardData data = new ShardData(id.run(), seed, replications, shards, List.of(shard), cells, failures);
    byte[] bytes = ShardFiles.toBytes(id, data);
    ShardFiles.Shard back = ShardFiles.fromBytes(Path.of("p"), bytes);
    assertEquals(id, back.identity());
    assertEquals(List.of(shard), back.data().covered());
    assertEquals(cells.size(), back.data().cells().size());
    for (int c = 0; c < cells.size(); c++) {
      ShardData.Cell a = cells.get(c);
      ShardData.Cell b = back.data().cells().get(c);
      assertEquals(List.of(a.scenario(), a.point(), a.replication(), a.stepsRun()),
          List.of(b.scenario(), b.point(), b.replication(), b.stepsRun()));
      assertEquals(a.values().length, b.values().length);
      for (int m = 0; m < a.values().length; m++) {
        assertArrayEquals(bits(a.values()[m]), bits(b.values()[m]));
      }
    }
    assertEquals(failures.size(), back.data().failures().size());
    for (int f = 0; f < failures.size(); f++) {
      ShardData.Failure a = failures.get(f);
      ShardData.Failure b = back.data().failures().get(f);
      assertEquals(List.of(a.scenario(), a.point(), a.replication(), a.seed()),
          List.of(b.scenario(), b.point(), b.replication(), b.seed()));
      ShardFiles.RemoteFailure cause = (ShardFiles.RemoteFailure) b.cause();
      assertEquals(IllegalStateException.class.getName(), cause.className());
      assertEquals(a.cause().getMessage() == null ? "" : a.cause().getMessage(), cause.originalMessage());
      assertTrue(cause.trace().startsWith(a.cause().toString()), cause.trace());
    }
    // and the bytes of what was read are the bytes that were written
    assertArrayEquals(bytes, ShardFiles.toBytes(back.identity(), back.data()));
  }

  private static long[] bits(double[] v) {
    return Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
  }
}
