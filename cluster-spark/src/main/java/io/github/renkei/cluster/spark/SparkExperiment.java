package io.github.renkei.cluster.spark;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentFailedException;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Grid;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.ShardData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Runs a Renkei {@link Experiment} on Apache Spark. The replications are split into shards
 * ({@link Experiment.Builder#shard}: shard {@code i} of {@code n} runs the replications
 * {@code r} with {@code r % n == i} at every grid point), one Spark task per shard; each task
 * builds the experiment from the {@link ExperimentDefinition}, runs its shard on one thread and
 * returns its replications as {@link ShardData}; the driver rebuilds and merges them. Because every
 * replication's random streams follow from (root seed, replication, mechanism name) alone, the
 * merged result equals a local run of the same experiment bit for bit, for any number of
 * shards, and a task that Spark retries after a failure produces the same numbers again.
 *
 * <pre>{@code
 * SparkSession spark = SparkSession.builder().appName("renkei").getOrCreate();
 * SparkResult r = SparkExperiment.of(() -> Experiment.of(ClusterDynamics.fukushima())
 *         .grid(Grid.of(Policies.COUNCIL, false, true)).replications(1000).seed(2005))
 *     .shards(64)
 *     .run(spark);
 * r.result().summary("fukushima", 1, ClusterDynamics.REGISTERED, "2030");   // as locally
 * r.rows().groupBy("council", "time").avg("value").show();                 // tidy rows in Spark
 * r.rows().write().parquet("hdfs:///studies/council");
 * }</pre>
 *
 * <p>The tidy rows are one per (scenario, grid point, replication, step, metric): columns
 * {@code run, scenario, point, replication, step, time, metric, value}, then one column per grid
 * parameter, typed like the parameter (double, integer, boolean, otherwise its text). Adaptive
 * experiments ({@code untilHalfWidth}) cannot be sharded and so cannot run here.
 */
public final class SparkExperiment {

  private final ExperimentDefinition definition;
  private int shards;
  private String runId;

  private SparkExperiment(ExperimentDefinition definition) {
    this.definition = definition;
  }

  /**
   * Starts a Spark run of an experiment.
   *
   * @param definition builds the experiment in the driver and in every task
   * @return the run, to configure and start
   */
  public static SparkExperiment of(ExperimentDefinition definition) {
    return new SparkExperiment(checkNotNull(definition, "definition"));
  }

  /**
   * Sets the number of shards, one Spark task each. Default: twice Spark's default parallelism,
   * at most the replications.
   *
   * @param count at least 1
   * @return this run
   * @throws IllegalArgumentException naming the count if it is below 1
   */
  public SparkExperiment shards(int count) {
    checkArgument(count >= 1, "shards must be >= 1 but was %s", count);
    this.shards = count;
    return this;
  }

  /**
   * Sets the run id; default: a random one.
   *
   * @param id the id
   * @return this run
   */
  public SparkExperiment runId(String id) {
    this.runId = checkNotNull(id, "id");
    return this;
  }

  /**
   * Runs the experiment on the session's cluster and collects the merged result; the tidy rows
   * are computed from the same tasks' output, kept by Spark, without running anything twice.
   *
   * @param spark the session
   * @return the result and the rows
   * @throws IllegalArgumentException if the definition is invalid or adds sinks (checked on the
   *     driver before any task starts)
   * @throws ExperimentFailedException as {@link Experiment#run()} throws it, if a replication
   *     throws in every attempt Spark makes at its task: the exception of the last attempt, with
   *     the scenario, grid point, replication and seed, and Spark's exception as suppressed
   */
  public SparkResult run(SparkSession spark) {
    checkNotNull(spark, "spark");
    String id = runId != null ? runId : "run-" + UUID.randomUUID().toString().substring(0, 8);
    Experiment local = definition.experiment().runId(id).build();
    // Spark runs a task again after a failure, a lost executor or speculation: a sink in the
    // tasks would get those shards' rows twice, or part of them from an attempt that died.
    checkArgument(local.sinks().isEmpty(), "the definition of %s adds %s sink(s), which every attempt of every "
        + "task would run on its executor, rows of a retried shard twice; leave them out and write "
        + "SparkResult.rows() instead", id, local.sinks().size());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int n = shards > 0 ? shards : Math.max(1, Math.min(local.replications(), 2 * jsc.defaultParallelism()));
    checkArgument(n <= local.replications(), "shards %s must not exceed the replications %s", n,
        local.replications());
    ExperimentDefinition d = definition;
    int count = n;
    List<Integer> indices = IntStream.range(0, n).boxed().toList();
    JavaRDD<ShardData> data = jsc.parallelize(indices, n)
        .map(i -> d.experiment().runId(id).shard(i, count).threads(1).build().run().data())
        .persist(StorageLevel.MEMORY_AND_DISK());
    data.setName("renkei " + id);
    List<ShardData> collected;
    try {
      collected = data.collect();
    } catch (Exception e) {
      // Spark's SparkException is checked but undeclared; anything else is rethrown as it came
      Optional<RuntimeException> failure = modelFailure(e);
      if (failure.isPresent()) {
        throw failure.get();
      }
      throw e;
    }
    List<ExperimentResult> parts = new ArrayList<>();
    for (ShardData part : collected) {
      parts.add(ExperimentResult.fromData(local, part));
    }
    ExperimentResult merged = ExperimentResult.merge(parts);
    StructType schema = schema(local);
    JavaRDD<Row> rows = data.mapPartitions(it -> {
      Experiment e = d.experiment().runId(id).build();
      List<Row> out = new ArrayList<>();
      while (it.hasNext()) {
        rows(e, it.next(), out);
      }
      return out.iterator();
    });
    Dataset<Row> dataset = spark.createDataFrame(rows, schema);
    return new SparkResult(merged, dataset, n);
  }

  /**
   * The model's failure in a failed job: the {@link ExperimentFailedException} a task threw, as
   * Spark brought it from the executor (with its failures), Spark's exception added as suppressed
   * for the job's side of the story.
   */
  private static Optional<RuntimeException> modelFailure(Exception e) {
    Throwable t = e.getCause();
    for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
      if (t instanceof ExperimentFailedException f) {
        f.addSuppressed(e);
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The tidy schema of an experiment. */
  static StructType schema(Experiment e) {
    List<StructField> fields = new ArrayList<>(List.of(
        DataTypes.createStructField("run", DataTypes.StringType, false),
        DataTypes.createStructField("scenario", DataTypes.StringType, false),
        DataTypes.createStructField("point", DataTypes.IntegerType, false),
        DataTypes.createStructField("replication", DataTypes.IntegerType, false),
        DataTypes.createStructField("step", DataTypes.IntegerType, false),
        DataTypes.createStructField("time", DataTypes.StringType, false),
        DataTypes.createStructField("metric", DataTypes.StringType, false),
        DataTypes.createStructField("value", DataTypes.DoubleType, false)));
    for (Parameter<?> p : e.grid().axes()) {
      fields.add(DataTypes.createStructField(p.name(), type(p), false));
    }
    return DataTypes.createStructType(fields);
  }

  private static DataType type(Parameter<?> p) {
    if (p.type() == Double.class) {
      return DataTypes.DoubleType;
    }
    if (p.type() == Integer.class) {
      return DataTypes.IntegerType;
    }
    if (p.type() == Boolean.class) {
      return DataTypes.BooleanType;
    }
    return DataTypes.StringType;
  }

  private static Object value(Parameter<?> p, Object v) {
    return type(p) == DataTypes.StringType ? String.valueOf(v) : v;
  }

  /** Appends the tidy rows of one shard's data. */
  static void rows(Experiment e, ShardData data, List<Row> out) {
    List<Scenario<?>> scenarios = e.scenarios();
    Grid grid = e.grid();
    List<Parameter<?>> axes = grid.axes();
    for (ShardData.Cell cell : data.cells()) {
      Scenario<?> s = scenarios.get(cell.scenario());
      Map<String, Object> point = grid.point(cell.point());
      for (int m = 0; m < s.metricNames().size(); m++) {
        String metric = s.metricNames().get(m);
        for (int step = 0; step < cell.stepsRun(); step++) {
          Object[] row = new Object[8 + axes.size()];
          row[0] = data.run();
          row[1] = s.name();
          row[2] = cell.point();
          row[3] = cell.replication();
          row[4] = step;
          row[5] = s.schedule().label(step);
          row[6] = metric;
          row[7] = cell.values()[m][step];
          for (int a = 0; a < axes.size(); a++) {
            row[8 + a] = value(axes.get(a), point.get(axes.get(a).name()));
          }
          out.add(RowFactory.create(row));
        }
      }
    }
  }
}
