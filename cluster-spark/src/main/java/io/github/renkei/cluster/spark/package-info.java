/**
 * Runs Renkei experiments on Apache Spark: {@link io.github.renkei.cluster.spark.SparkExperiment}
 * distributes the shards of an experiment as tasks and merges them into the same result a local
 * run gives; {@link io.github.renkei.cluster.spark.SparkResult} holds it with the tidy rows as a
 * {@code Dataset<Row>}. Spark is a {@code provided} dependency: bring your cluster's Spark 4
 * (Scala 2.13).
 */
package io.github.renkei.cluster.spark;
