package io.github.renkei.cluster.spark.cluster;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.Policies;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.Grid;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Schedule;
import io.github.renkei.cluster.spark.ExperimentDefinition;
import io.github.renkei.cluster.spark.SparkExperiment;
import io.github.renkei.cluster.spark.SparkResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark application the cluster tests submit with {@code spark-submit} next to
 * {@code renkei-spark.jar}, and the experiments it runs. Arguments: the job, replications per grid
 * point, shards, an output directory, for {@code kill} a directory to signal in. The driver writes
 * {@code result.txt} ({@link ResultDump}) and the tidy rows as CSV ({@code rows/}) into the output
 * directory and prints {@code done ROWS}; a job that fails ends the driver with the exception.
 *
 * <ul>
 *   <li>{@code fukushima}: the council experiment of the Fukushima scenario ({@link #fukushima});
 *   <li>{@code kill}: the same, but the first attempt of the last shard waits, after writing its
 *       executor's process id to {@code DIR/holding}, until the test kills that executor;
 *   <li>{@code throws}: {@link Faulty}, whose model throws at one replication.
 * </ul>
 */
public final class ClusterJobs {

  private ClusterJobs() {}

  /**
   * The Fukushima scenario with and without a nationwide council, seed 2005.
   *
   * @param replications replications per policy
   * @return the definition
   */
  public static ExperimentDefinition fukushima(int replications) {
    return () -> Experiment.of(ClusterDynamics.fukushima()).grid(Grid.of(Policies.COUNCIL, false, true))
        .replications(replications).seed(2005);
  }

  static final Parameter<Double> RATE = Parameter.real("rate", 0.1, 0, 1);
  static final Parameter<Boolean> BOOST = Parameter.flag("boost", false);

  /** The replication at which {@link Faulty}'s model throws, at the grid points with boost. */
  public static final int FAULTY_REPLICATION = 3;

  /**
   * A random walk whose mechanism throws at replication {@value #FAULTY_REPLICATION}, step 4, of
   * the grid points with {@code boost}: a model bug. Seed 11, four grid points.
   */
  public static final class Faulty implements ExperimentDefinition {
    private static final long serialVersionUID = 1L;
    private final int replications;

    /**
     * The walk.
     *
     * @param replications replications per grid point, more than {@value #FAULTY_REPLICATION}
     */
    public Faulty(int replications) {
      this.replications = replications;
    }

    @Override
    public Experiment.Builder experiment() {
      Scenario<double[]> walk = Scenario.<double[]>builder("walk", Schedule.years(2020, 2029),
              (p, random) -> new double[20])
          .parameters(RATE, BOOST)
          .mechanism("step", (x, ctx) -> {
            if (ctx.parameter(BOOST) && ctx.replication() == FAULTY_REPLICATION && ctx.step() == 4) {
              throw new IllegalStateException("model bug: negative stock in " + ctx.time());
            }
            for (int i = 0; i < x.length; i++) {
              x[i] += ctx.random().nextGaussian() * ctx.parameter(RATE);
            }
          })
          .metric("sum", x -> Arrays.stream(x).sum())
          .build();
      return Experiment.of(walk).grid(Grid.of(RATE, 0.1, 0.3).and(BOOST, false, true)).replications(replications)
          .seed(11);
    }
  }

  /**
   * Another definition whose first task of one shard, the first time any task asks for it, writes
   * its JVM's process id, the application id and its executor id to {@code DIR/holding} and waits to be killed (at most two
   * minutes, then it fails the task).
   */
  static final class HoldOnce implements ExperimentDefinition {
    private static final long serialVersionUID = 1L;
    private final ExperimentDefinition definition;
    private final String dir;
    private final int shard;

    HoldOnce(ExperimentDefinition definition, String dir, int shard) {
      this.definition = definition;
      this.dir = dir;
      this.shard = shard;
    }

    @Override
    public Experiment.Builder experiment() {
      TaskContext task = TaskContext.get();
      if (task != null && task.partitionId() == shard && task.attemptNumber() == 0) {
        try {
          Files.createFile(Paths.get(dir, "held"));
        } catch (FileAlreadyExistsException e) {
          return definition.experiment();
        } catch (IOException e) {
          throw new IllegalStateException("cannot signal in " + dir, e);
        }
        hold();
      }
      return definition.experiment();
    }

    private void hold() {
      long pid = ProcessHandle.current().pid();
      try {
        Path tmp = Paths.get(dir, "holding.tmp");
        Files.writeString(tmp, pid + " " + SparkEnv.get().conf().getAppId() + " " + SparkEnv.get().executorId(),
            StandardCharsets.UTF_8);
        Files.move(tmp, Paths.get(dir, "holding"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(120_000);
      } catch (IOException e) {
        throw new IllegalStateException("cannot signal in " + dir, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("executor " + pid + " was not killed while it held shard " + shard);
    }
  }

  /**
   * Runs a job on the master {@code spark-submit} set.
   *
   * @param args job, replications, shards, output directory[, signal directory]
   * @throws IOException if the output cannot be written
   */
  public static void main(String[] args) throws IOException {
    String job = args[0];
    int replications = Integer.parseInt(args[1]);
    int shards = Integer.parseInt(args[2]);
    Path out = Paths.get(args[3]);
    ExperimentDefinition definition = switch (job) {
      case "fukushima" -> fukushima(replications);
      case "kill" -> new HoldOnce(fukushima(replications), args[4], shards - 1);
      case "throws" -> new Faulty(replications);
      default -> throw new IllegalArgumentException("unknown job '" + job + "'");
    };
    SparkSession spark = SparkSession.builder().appName("renkei-it-" + job).getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      SparkResult r = SparkExperiment.of(definition).shards(shards).runId("it-" + job).run(spark);
      Files.createDirectories(out);
      Files.writeString(out.resolve("result.txt"), ResultDump.of(r.result()), StandardCharsets.UTF_8);
      r.writeCsv(out.resolve("rows").toString());
      System.out.println("done " + r.rows().count());
    } finally {
      spark.stop();
    }
  }
}
