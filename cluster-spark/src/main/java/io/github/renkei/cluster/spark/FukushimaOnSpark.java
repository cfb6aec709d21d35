package io.github.renkei.cluster.spark;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.Policies;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Grid;
import io.github.renkei.cluster.simulation.PairedComparison;
import io.github.renkei.cluster.simulation.Statistics;
import java.io.PrintStream;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The runnable example: the Fukushima scenario with and without a nationwide council, run on
 * Spark, summarized with 95% confidence intervals, the tidy rows written as Parquet.
 *
 * <p>Locally, from the repository (Spark's own JVM options for Java 17 are needed when Spark is
 * started from {@code java}; {@code spark-submit} adds them itself):
 * <pre>
 * java $(cat cluster-spark/spark-java17.options) \
 *     -cp "cluster-spark/target/renkei-spark.jar:$(cat cluster-spark/target/spark.classpath)" \
 *     io.github.renkei.cluster.spark.FukushimaOnSpark 1000 8 /tmp/council.parquet
 * </pre>
 * On a cluster:
 * <pre>
 * spark-submit --class io.github.renkei.cluster.spark.FukushimaOnSpark --master yarn \
 *     --deploy-mode cluster --num-executors 16 --executor-cores 4 \
 *     renkei-spark.jar 100000 256 hdfs:///studies/council.parquet
 * </pre>
 * Arguments: replications per policy (default 1000), shards (default: twice Spark's default
 * parallelism), the output directory of the Parquet rows (default {@code renkei-spark-rows}; it
 * must not exist). Without a master set by {@code spark-submit} or {@code -Dspark.master}, it
 * runs on {@code local[*]}.
 */
public final class FukushimaOnSpark {

  private FukushimaOnSpark() {}

  /**
   * Runs the example.
   *
   * @param args replications, shards, output directory
   */
  public static void main(String[] args) {
    int replications = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int shards = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    String out = args.length > 2 ? args[2] : "renkei-spark-rows";
    SparkConf conf = new SparkConf().setAppName("renkei-fukushima");
    if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      run(spark, replications, shards, out, System.out);
    } finally {
      spark.stop();
    }
  }

  /**
   * Runs the council experiment on a session and prints the summary.
   *
   * @param spark the session
   * @param replications replications per policy, at least 2
   * @param shards shards, or 0 for the default
   * @param parquet where the rows go; must not exist
   * @param print where the summary goes
   * @return the Spark result
   */
  static SparkResult run(SparkSession spark, int replications, int shards, String parquet, PrintStream print) {
    ExperimentDefinition council = () -> Experiment.of(ClusterDynamics.fukushima())
        .grid(Grid.of(Policies.COUNCIL, false, true)).replications(replications).seed(2005);
    SparkExperiment run = SparkExperiment.of(council);
    if (shards > 0) {
      run.shards(shards);
    }
    long start = System.nanoTime();
    SparkResult r = run.run(spark);
    ExperimentResult result = r.result();
    print.printf("Fukushima 2005–2030 on Spark (%s), %d replications per policy in %d shards, %.1f s%n",
        spark.sparkContext().master(), replications, r.shards(), (System.nanoTime() - start) / 1e9);
    for (int point = 0; point < 2; point++) {
      Statistics s = result.summary("fukushima", point, ClusterDynamics.REGISTERED, "2030");
      Statistics.Interval ci = s.confidenceInterval95().orElseThrow();
      print.printf("  council %-5s registered manufacturers in 2030: %.2f [%.2f, %.2f]%n", point == 1, s.mean(),
          ci.lower(), ci.upper());
    }
    PairedComparison d = result.compare("fukushima", 0, "fukushima", 1, ClusterDynamics.REGISTERED, 25);
    Statistics.Interval ci = d.confidenceInterval95().orElseThrow();
    print.printf("  council − none: %+.2f [%+.2f, %+.2f] over %d pairs%n", d.meanDifference(), ci.lower(),
        ci.upper(), d.pairs());
    r.writeParquet(parquet);
    print.printf("  %,d tidy rows written to %s%n", r.rows().count(), parquet);
    return r;
  }
}
