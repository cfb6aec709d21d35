package io.github.renkei.cluster.spark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.renkei.cluster.simulation.ExperimentFailedException;
import io.github.renkei.cluster.simulation.ExperimentResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Experiments submitted with {@code spark-submit} to a real standalone cluster: a master and two
 * workers of one core each, separate JVMs on 127.0.0.1 ({@link StandaloneCluster}); the driver a
 * further JVM ({@code SparkSubmit} in client mode) with {@code target/renkei-spark.jar} as the
 * application jar and the test jobs ({@link ClusterJobs}) in {@code --jars}. Every task runs in an
 * executor JVM that a worker started, so shards, definitions, results and exceptions cross
 * processes by serialization, as on any cluster. Failsafe runs these tests after {@code package}.
 */
class SparkStandaloneIT {

  static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);

  static StandaloneCluster cluster;
  static Path dir;
  static Path jobs;

  @BeforeAll
  static void startCluster() throws IOException {
    dir = Paths.get(property("spark.it.dir")).toAbsolutePath();
    String classpath = Files.readString(Paths.get(property("spark.it.classpath")), StandardCharsets.UTF_8);
    cluster = StandaloneCluster.start(dir.resolve("cluster"), classpath, property("spark.java17.options"), 2,
        Duration.ofMinutes(2));
    jobs = StandaloneCluster.jar(dir.resolve("renkei-spark-it-jobs.jar"), ClusterJobs.class);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
      assertEquals(List.of(), cluster.executors(), "executors left behind");
    }
  }

  @Test
  void aSubmittedExperimentEqualsTheLocalRunBitForBit() throws IOException {
    Path out = dir.resolve("fukushima");
    Job job = submit("fukushima", 6, 3, out);
    assertEquals(0, job.code(), job::toString);
    assertTrue(job.log().contains("done " + 6 * 2 * 26 * metrics()), job::toString);
    ExperimentResult local = ClusterJobs.fukushima(6).experiment().runId("it-fukushima").threads(2).run();
    assertEquals(ResultDump.of(local), Files.readString(out.resolve("result.txt")));
    assertRowsOnceEach(local, out.resolve("rows"));
  }

  @Test
  void anExecutorKilledMidJobLosesNoShardAndNoRow() throws IOException, InterruptedException {
    Path out = dir.resolve("kill");
    Path signal = Files.createDirectories(dir.resolve("kill-signal"));
    Files.deleteIfExists(signal.resolve("held"));
    Files.deleteIfExists(signal.resolve("holding"));
    Submitted driver = start("kill", 8, 4, out, signal.toString());
    // the first attempt of the last shard holds its executor until it is killed
    long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
    Path holding = signal.resolve("holding");
    while (!Files.exists(holding)) {
      if (!driver.process().isAlive() || System.nanoTime() > deadline) {
        fail("no executor held the last shard\n" + driver.finish());
      }
      Thread.sleep(100);
    }
    String[] held = Files.readString(holding).split(" ");
    long pid = Long.parseLong(held[0]);
    List<ProcessHandle> executors = cluster.executors(held[1]);
    assertEquals(2, executors.size(), () -> "two executors of " + held[1] + ", one per worker: " + executors);
    ProcessHandle victim = executors.stream().filter(p -> p.pid() == pid).findFirst()
        .orElseThrow(() -> new AssertionError("pid " + pid + " is not one of the executors " + executors));
    assertTrue(victim.destroyForcibly(), "kill -9 " + pid);
    victim.onExit().join();
    Job job = driver.finish();
    assertEquals(0, job.code(), job::toString);
    assertTrue(job.log().contains("ExecutorLostFailure"), () -> "the driver lost the task with the executor\n" + job);
    ExperimentResult local = ClusterJobs.fukushima(8).experiment().runId("it-kill").threads(2).run();
    assertEquals(ResultDump.of(local), Files.readString(out.resolve("result.txt")));
    assertRowsOnceEach(local, out.resolve("rows"));
  }

  @Test
  void aModelBugEndsTheJobWithTheScenarioGridPointReplicationAndSeed() {
    String expected;
    try {
      new ClusterJobs.Faulty(6).experiment().runId("it-throws").threads(2).run();
      throw new AssertionError("the faulty model did not fail locally");
    } catch (ExperimentFailedException e) {
      // the first failure; how many more a run sees before it stops depends on its threads
      expected = e.failures().get(0).toString();
    }
    assertTrue(expected.contains("replication 3 of scenario 'walk' at grid point 1"), expected);
    assertTrue(expected.contains("reproduce with Simulation.run(scenario, parameters, 11L, 3)"), expected);
    Job job = submit("throws", 6, 2, dir.resolve("throws"));
    assertNotEquals(0, job.code(), job::toString);
    // SparkExperiment rethrows the exception of the task's last attempt, as Spark deserialized it
    assertTrue(job.log().contains("Exception in thread \"main\" " + ExperimentFailedException.class.getName() + ": "
        + expected), job::toString);
    assertTrue(job.log().contains("failed 4 times"), () -> "Spark's default attempts\n" + job);
    assertFalse(Files.exists(dir.resolve("throws/result.txt")));
  }

  /** Every tidy row of the run exactly once, with the local run's value to the bit. */
  static void assertRowsOnceEach(ExperimentResult local, Path csvDir) throws IOException {
    Set<String> seen = new HashSet<>();
    List<Path> parts;
    try (Stream<Path> files = Files.list(csvDir)) {
      parts = files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
    }
    assertFalse(parts.isEmpty(), "no CSV in " + csvDir);
    for (Path part : parts) {
      List<String> lines = Files.readAllLines(part, StandardCharsets.UTF_8);
      assertEquals("run,scenario,point,replication,step,time,metric,value,council", lines.get(0));
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",", -1);
        assertEquals(9, f.length, line);
        String scenario = f[1];
        int point = Integer.parseInt(f[2]);
        int replication = Integer.parseInt(f[3]);
        int step = Integer.parseInt(f[4]);
        String metric = f[6];
        assertTrue(seen.add(scenario + "|" + point + "|" + replication + "|" + step + "|" + metric),
            () -> "row twice: " + line);
        double[] values = local.values(scenario, point, metric, step);
        double expected = values[local.replications(scenario, point).indexOf(replication)];
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(Double.parseDouble(f[7])),
            line);
      }
    }
    long rows = local.summaries().stream()
        .mapToLong(s -> local.values(s.scenario(), s.point(), s.metric(), s.step()).length).sum();
    assertEquals(rows, seen.size(), "rows");
  }

  static int metrics() {
    return ClusterJobs.fukushima(2).experiment().build().scenarios().get(0).metricNames().size();
  }

  /** What a finished driver did. */
  record Job(int code, String log) {
    @Override
    public String toString() {
      return "driver exit " + code + "\n" + log;
    }
  }

  /** A running driver. */
  record Submitted(Process process, Path log) {
    Job finish() {
      try {
        if (!process.waitFor(JOB_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor();
          fail("the driver did not end within " + JOB_TIMEOUT + ":\n" + StandaloneCluster.tail(log));
        }
        return new Job(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  static Job submit(String job, int replications, int shards, Path out) {
    return start(job, replications, shards, out).finish();
  }

  /** {@code spark-submit --master spark://… --class ClusterJobs --jars jobs renkei-spark.jar JOB…}. */
  static Submitted start(String job, int replications, int shards, Path out, String... more) {
    StandaloneCluster.delete(out);
    List<String> args = new ArrayList<>(List.of("--master", cluster.masterUrl(), "--deploy-mode", "client",
        "--name", "renkei-it-" + job, "--class", ClusterJobs.class.getName(), "--jars", jobs.toString(),
        "--conf", "spark.executor.memory=512m", "--conf", "spark.ui.enabled=false",
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
        "--conf", "spark.executor.extraJavaOptions=" + cluster.executorMarkerOption(),
        property("renkei.spark.jar"), job, String.valueOf(replications), String.valueOf(shards), out.toString()));
    args.addAll(List.of(more));
    Path log = dir.resolve("driver-" + job + ".log");
    return new Submitted(cluster.launch(cluster.javaCommand("512m", "org.apache.spark.deploy.SparkSubmit", args),
        log), log);
  }

  static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      fail("system property " + name + " is not set: run this test with Failsafe (mvn verify)");
    }
    return value;
  }
}
