package io.github.renkei.cluster.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.Policies;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentFailedException;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Grid;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Schedule;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark local mode, two worker threads, up to three attempts per task. */
class SparkExperimentTest {

  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2,3]").appName("renkei-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static final Parameter<Double> RATE = Parameter.real("rate", 0.1, 0, 1);
  static final Parameter<Boolean> BOOST = Parameter.flag("boost", false);

  /** A small scenario with two metrics, a grid of four points. */
  static final class Walk implements ExperimentDefinition {
    private static final long serialVersionUID = 1L;

    @Override
    public Experiment.Builder experiment() {
      Scenario<double[]> walk = Scenario.<double[]>builder("walk", Schedule.years(2020, 2029),
              (p, random) -> new double[50])
          .parameters(RATE, BOOST)
          .mechanism("step", (x, ctx) -> {
            double rate = ctx.parameter(RATE) * (ctx.parameter(BOOST) ? 2 : 1);
            for (int i = 0; i < x.length; i++) {
              x[i] += ctx.random().nextGaussian() * rate;
            }
          })
          .metric("sum", x -> Arrays.stream(x).sum())
          .metric("max", x -> Arrays.stream(x).max().orElseThrow())
          .build();
      return Experiment.of(walk).grid(Grid.of(RATE, 0.1, 0.3).and(BOOST, false, true)).replications(23).seed(11);
    }
  }

  @Test
  void theMergedResultEqualsTheLocalRunBitForBit() {
    ExperimentResult local = new Walk().experiment().runId("walk-1").threads(2).run();
    for (int shards : new int[] {1, 4, 23}) {
      SparkResult r = SparkExperiment.of(new Walk()).shards(shards).runId("walk-1").run(spark);
      assertEquals(local, r.result(), shards + " shards");
      assertEquals(local.summaries(), r.result().summaries());
    }
  }

  @Test
  void theFukushimaScenarioToo() {
    ExperimentDefinition fukushima = () -> Experiment.of(ClusterDynamics.fukushima())
        .grid(Grid.of(Policies.COUNCIL, false, true)).replications(6).seed(2005);
    SparkResult r = SparkExperiment.of(fukushima).shards(3).runId("f").run(spark);
    assertEquals(fukushima.experiment().runId("f").threads(2).run(), r.result());
  }

  @Test
  void tidyRowsCarryEveryValueAndWriteToParquet(@TempDir Path dir) {
    SparkResult r = SparkExperiment.of(new Walk()).shards(4).runId("walk-2").run(spark);
    Dataset<Row> rows = r.rows();
    assertEquals(List.of("run", "scenario", "point", "replication", "step", "time", "metric", "value", "rate",
        "boost"), Arrays.asList(rows.columns()));
    assertEquals(4L * 23 * 10 * 2, rows.count());
    double sparkSum = rows.filter("metric = 'sum' AND time = '2029' AND rate = 0.3 AND boost = true")
        .agg(functions.sum("value")).first().getDouble(0);
    double[] local = r.result().values("walk", 3, "sum", 9);
    assertEquals(Arrays.stream(local).sum(), sparkSum, 1e-9 * Math.abs(sparkSum));
    String parquet = dir.resolve("rows.parquet").toString();
    r.writeParquet(parquet);
    assertEquals(rows.count(), spark.read().parquet(parquet).count());
    String csv = dir.resolve("rows.csv").toString();
    r.writeCsv(csv);
    assertEquals(rows.count(), spark.read().option("header", "true").csv(csv).count());
  }

  static final AtomicInteger FAILURES = new AtomicInteger();

  /** Fails the first attempt of the task of shard 1, once per JVM. */
  static final class FailsOnce implements ExperimentDefinition {
    private static final long serialVersionUID = 1L;

    @Override
    public Experiment.Builder experiment() {
      TaskContext task = TaskContext.get();
      if (task != null && task.partitionId() == 1 && task.attemptNumber() == 0 && FAILURES.getAndIncrement() == 0) {
        throw new IllegalStateException("injected failure of shard 1, attempt 0");
      }
      return new Walk().experiment();
    }
  }

  @Test
  void aTaskThatFailsIsRetriedAndGivesTheSameNumbers() {
    FAILURES.set(0);
    SparkResult r = SparkExperiment.of(new FailsOnce()).shards(4).runId("walk-3").run(spark);
    assertEquals(1, FAILURES.get(), "the failure was injected once");
    assertEquals(new Walk().experiment().runId("walk-3").threads(1).run(), r.result());
  }

  /** The walk with a model bug: replication 5 throws at the grid points with boost. */
  static final class Buggy implements ExperimentDefinition {
    private static final long serialVersionUID = 1L;

    @Override
    public Experiment.Builder experiment() {
      Scenario<double[]> walk = Scenario.<double[]>builder("walk", Schedule.years(2020, 2029),
              (p, random) -> new double[5])
          .parameters(RATE, BOOST)
          .mechanism("step", (x, ctx) -> {
            if (ctx.parameter(BOOST) && ctx.replication() == 5) {
              throw new IllegalStateException("model bug at " + ctx.time());
            }
            x[0] += ctx.random().nextGaussian();
          })
          .metric("sum", x -> Arrays.stream(x).sum())
          .build();
      return Experiment.of(walk).grid(Grid.of(RATE, 0.1, 0.3).and(BOOST, false, true)).replications(8).seed(11);
    }
  }

  @Test
  void aModelBugFailsTheRunAsLocallyWithItsFailuresAfterItsRetries() {
    ExperimentFailedException local = assertThrows(ExperimentFailedException.class,
        () -> new Buggy().experiment().runId("buggy").threads(2).run());
    ExperimentFailedException onSpark = assertThrows(ExperimentFailedException.class,
        () -> SparkExperiment.of(new Buggy()).shards(2).runId("buggy").run(spark));
    // the first failure: how many more a run sees before it stops depends on its threads
    assertTrue(onSpark.getMessage().startsWith(local.failures().get(0).toString()), onSpark.getMessage());
    assertTrue(onSpark.getMessage().contains("replication 5 of scenario 'walk' at grid point 1"), onSpark.getMessage());
    assertEquals(local.failures().get(0).toString(), onSpark.failures().get(0).toString());
    assertEquals(11L, onSpark.failures().get(0).seed());
    assertEquals(1, onSpark.getSuppressed().length, "Spark's exception");
    assertTrue(onSpark.getSuppressed()[0].getMessage().contains("failed 3 times"), onSpark.getSuppressed()[0]::getMessage);
  }

  @Test
  void theExampleRunsAndWritesParquet(@TempDir Path dir) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    String out = dir.resolve("council.parquet").toString();
    SparkResult r = FukushimaOnSpark.run(spark, 4, 2, out, new java.io.PrintStream(bytes, true,
        java.nio.charset.StandardCharsets.UTF_8));
    String printed = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(printed.contains("4 replications per policy in 2 shards"), printed);
    assertTrue(printed.contains("council − none:"), printed);
    assertEquals(r.rows().count(), spark.read().parquet(out).count());
    assertTrue(printed.contains(String.format("%,d tidy rows", r.rows().count())), printed);
  }

  @Test
  void badSettingsAreRejectedOnTheDriver() {
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> SparkExperiment.of(new Walk()).shards(0));
    assertTrue(zero.getMessage().contains("0"), zero.getMessage());
    IllegalArgumentException many = assertThrows(IllegalArgumentException.class,
        () -> SparkExperiment.of(new Walk()).shards(24).run(spark));
    assertTrue(many.getMessage().contains("24"), many.getMessage());
    ExperimentDefinition withSink = () -> new Walk().experiment().sink(row -> {});
    IllegalArgumentException sink = assertThrows(IllegalArgumentException.class,
        () -> SparkExperiment.of(withSink).runId("walk-s").run(spark));
    assertTrue(sink.getMessage().contains("walk-s adds 1 sink(s)"), sink.getMessage());
  }
}
