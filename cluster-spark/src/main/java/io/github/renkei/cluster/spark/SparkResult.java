package io.github.renkei.cluster.spark;

import io.github.renkei.cluster.simulation.ExperimentResult;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a {@link SparkExperiment} produced: the merged result, equal to a local run's, and the
 * tidy rows as a Spark {@code Dataset<Row>} to analyse or write with Spark
 * ({@code rows().write().parquet(path)}, {@code .csv(path)}).
 *
 * @param result the merged result: summaries, confidence intervals, paired comparisons
 * @param rows one row per scenario, grid point, replication, step and metric
 * @param shards the number of shards (tasks) the run used
 */
public record SparkResult(ExperimentResult result, Dataset<Row> rows, int shards) {

  /**
   * Writes the rows as Parquet into a new directory.
   *
   * @param path the directory (any path Spark can write: local, HDFS, S3…); it must not exist
   */
  public void writeParquet(String path) {
    rows.write().parquet(path);
  }

  /**
   * Writes the rows as CSV with a header into a new directory (one file per partition).
   *
   * @param path the directory; it must not exist
   */
  public void writeCsv(String path) {
    rows.write().option("header", "true").csv(path);
  }
}
