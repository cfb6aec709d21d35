package io.github.renkei.cluster.spark.bench;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.spark.ExperimentDefinition;
import io.github.renkei.cluster.spark.SparkExperiment;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 9: the same 1,000-replication experiment of the Fukushima scenario (default world,
 * 2005–2030, every mechanism, default parameters, seed 2005), run by the local engine on 2
 * threads and by {@link SparkExperiment} on Spark {@code local[2]} (4 shards, the default for
 * 2 cores), in one JVM and one JMH run. One operation is the whole experiment up to the merged
 * result (the tidy rows are lazy and not computed). The Spark session is started once per trial,
 * outside the measurement. Target: Spark under 2× the local engine.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 7)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+IgnoreUnrecognizedVMOptions",
    "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
    "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
    "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false",
    "-Dio.netty.tryReflectionSetAccessible=true"})
@State(Scope.Benchmark)
public class SparkOverheadBenchmark {

  /** The experiment: a lambda with nothing captured is serializable. */
  static final ExperimentDefinition FUKUSHIMA =
      () -> Experiment.of(ClusterDynamics.fukushima()).replications(1000).seed(2005);

  SparkSession spark;

  /** Starts Spark in local mode with two worker threads. */
  @Setup(Level.Trial)
  public void start() {
    spark = SparkSession.builder().master("local[2]").appName("renkei-bench")
        .config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
  }

  /** Stops Spark. */
  @TearDown(Level.Trial)
  public void stop() {
    spark.stop();
  }

  /**
   * The local engine on 2 threads.
   *
   * @return the result
   */
  @Benchmark
  public ExperimentResult local() {
    return FUKUSHIMA.experiment().runId("bench").threads(2).run();
  }

  /**
   * Spark local[2], default shards.
   *
   * @return the result
   */
  @Benchmark
  public ExperimentResult spark() {
    return SparkExperiment.of(FUKUSHIMA).runId("bench").run(spark).result();
  }
}
