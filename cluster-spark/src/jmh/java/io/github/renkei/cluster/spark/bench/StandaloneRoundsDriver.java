package io.github.renkei.cluster.spark.bench;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.spark.ExperimentDefinition;
import io.github.renkei.cluster.spark.SparkExperiment;
import java.util.Arrays;
import org.apache.spark.sql.SparkSession;

/**
 * The driver of {@link StandaloneRounds}, submitted to the cluster: per round, in a rotating
 * order, the local engine on 2 threads in this JVM (the executors idle meanwhile), the experiment
 * on the cluster with the default shards and with more shards; each Spark result is checked equal
 * to the local one. Warm-up rounds, then the measured ones; it prints each round and the
 * medians. Arguments: rounds, replications, shards, more shards, warm-up rounds (default 2).
 */
public final class StandaloneRoundsDriver {

  private StandaloneRoundsDriver() {}

  /**
   * Runs the rounds.
   *
   * @param args rounds, replications, shards, more shards[, warm-up rounds]
   */
  public static void main(String[] args) {
    int rounds = Integer.parseInt(args[0]);
    int replications = Integer.parseInt(args[1]);
    int shards = Integer.parseInt(args[2]);
    int more = Integer.parseInt(args[3]);
    int warmUps = args.length > 4 ? Integer.parseInt(args[4]) : 2;
    ExperimentDefinition fukushima = () -> Experiment.of(ClusterDynamics.fukushima()).replications(replications)
        .seed(2005);
    SparkSession spark = SparkSession.builder().getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    double[] local = new double[rounds];
    double[] spark4 = new double[rounds];
    double[] sparkMore = new double[rounds];
    try {
      System.out.printf("round  local 2 threads  cluster %d shards  cluster %d shards  ratio%n", shards, more);
      for (int round = -warmUps; round < rounds; round++) {
        double[] t = new double[3];
        ExperimentResult[] results = new ExperimentResult[3];
        for (int k = 0; k < 3; k++) {
          int which = (k + round + warmUps) % 3;
          long start = System.nanoTime();
          results[which] = switch (which) {
            case 0 -> fukushima.experiment().runId("rounds").threads(2).run();
            case 1 -> SparkExperiment.of(fukushima).runId("rounds").shards(shards).run(spark).result();
            default -> SparkExperiment.of(fukushima).runId("rounds").shards(more).run(spark).result();
          };
          t[which] = (System.nanoTime() - start) / 1e9;
        }
        if (!results[0].equals(results[1]) || !results[0].equals(results[2])) {
          throw new IllegalStateException("round " + round + ": the cluster's result differs from the local one");
        }
        if (round < 0) {
          System.out.printf("warm-up  %.2f s  %.2f s  %.2f s%n", t[0], t[1], t[2]);
          continue;
        }
        local[round] = t[0];
        spark4[round] = t[1];
        sparkMore[round] = t[2];
        System.out.printf("round %d  %.2f s  %.2f s  %.2f s  %.3fx%n", round + 1, t[0], t[1], t[2], t[1] / t[0]);
      }
    } finally {
      spark.stop();
    }
    double[] ratio = new double[rounds];
    double[] perShard = new double[rounds];
    double[] perShardVsLocal = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      ratio[r] = spark4[r] / local[r];
      // each of the two cores runs (more - shards) / 2 more tasks
      perShard[r] = (sparkMore[r] - spark4[r]) / ((more - shards) / 2.0);
      perShardVsLocal[r] = (spark4[r] - local[r]) / (shards / 2.0);
    }
    System.out.printf("median  local %.2f s  cluster %d shards %.2f s  cluster %d shards %.2f s%n", median(local),
        shards, median(spark4), more, median(sparkMore));
    System.out.printf("median ratio cluster/local (%d shards): %.3fx (rounds %.3f–%.3f)%n", shards, median(ratio),
        min(ratio), max(ratio));
    System.out.printf("median overhead per shard: %.0f ms (from %d to %d shards); %.0f ms (cluster at %d shards "
        + "over local, per task on a core)%n", 1000 * median(perShard), shards, more, 1000 * median(perShardVsLocal),
        shards);
  }

  static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  static double min(double[] x) {
    return Arrays.stream(x).min().orElseThrow();
  }

  static double max(double[] x) {
    return Arrays.stream(x).max().orElseThrow();
  }
}
