package io.github.renkei.cluster.spark.bench;

import io.github.renkei.cluster.spark.cluster.StandaloneCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 17's performance harness: a 1,000-replication experiment of the Fukushima scenario
 * (default world, 2005–2030, seed 2005) on a real standalone cluster of two workers with one core
 * each ({@link StandaloneCluster}), against the local engine on 2 threads, in interleaved paired
 * rounds. It starts the cluster, submits {@link StandaloneRoundsDriver} with {@code spark-submit}
 * and {@code target/renkei-spark.jar}, prints what the driver prints (every round, then the
 * medians, the ratio and the overhead per shard) and stops the cluster. Not a test: run it behind
 * the {@code benchmarks} profile, from the repository root:
 *
 * <pre>
 * mvn -B -q -pl cluster-spark -am -Pbenchmarks package -DskipTests
 * java -cp cluster-spark/target/test-classes io.github.renkei.cluster.spark.bench.StandaloneRounds \
 *     cluster-spark/target 7 1000 4 16 2
 * </pre>
 *
 * Arguments: the module's {@code target} directory, measured rounds (default 7), replications
 * (default 1000), the default shards (4, Spark's default for two cores), a larger shard count
 * (16) whose extra time, per extra task on each core, is the overhead of a shard, and warm-up
 * rounds (default 2).
 */
public final class StandaloneRounds {

  private StandaloneRounds() {}

  /**
   * Runs the rounds.
   *
   * @param args target directory, rounds, replications, shards, more shards, warm-up rounds
   * @throws IOException if the build's files cannot be read
   * @throws InterruptedException if interrupted while waiting for the driver
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    Path target = Paths.get(args.length > 0 ? args[0] : "cluster-spark/target").toAbsolutePath();
    String rounds = args.length > 1 ? args[1] : "7";
    String replications = args.length > 2 ? args[2] : "1000";
    String shards = args.length > 3 ? args[3] : "4";
    String moreShards = args.length > 4 ? args[4] : "16";
    String warmUps = args.length > 5 ? args[5] : "2";
    String options = Files.readString(target.getParent().resolve("spark-java17.options"), StandardCharsets.UTF_8);
    String classpath = Files.readString(target.resolve("spark.classpath"), StandardCharsets.UTF_8);
    Path dir = target.resolve("spark-bench");
    try (StandaloneCluster cluster = StandaloneCluster.start(dir.resolve("cluster"), classpath, options, 2,
        Duration.ofMinutes(3))) {
      Path jobs = StandaloneCluster.jar(dir.resolve("renkei-spark-bench.jar"), StandaloneRoundsDriver.class);
      List<String> submit = new ArrayList<>(List.of("--master", cluster.masterUrl(), "--deploy-mode", "client",
          "--name", "renkei-standalone-rounds", "--class", StandaloneRoundsDriver.class.getName(),
          "--jars", jobs.toString(), "--conf", "spark.executor.memory=768m", "--conf", "spark.ui.enabled=false",
          "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
          "--conf", "spark.executor.extraJavaOptions=" + cluster.executorMarkerOption(),
          target.resolve("renkei-spark.jar").toString(), rounds, replications, shards, moreShards, warmUps));
      Path log = dir.resolve("driver.log");
      Process driver = cluster.launch(cluster.javaCommand("1g", "org.apache.spark.deploy.SparkSubmit", submit), log);
      if (!driver.waitFor(2, TimeUnit.HOURS)) {
        throw new IllegalStateException("the driver did not end within 2 hours; see " + log);
      }
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        if (line.startsWith("warm-up") || line.startsWith("round") || line.startsWith("median")) {
          System.out.println(line);
        }
      }
      if (driver.exitValue() != 0) {
        throw new IllegalStateException("the driver failed (exit " + driver.exitValue() + "):\n"
            + StandaloneCluster.tail(log));
      }
    }
  }
}
