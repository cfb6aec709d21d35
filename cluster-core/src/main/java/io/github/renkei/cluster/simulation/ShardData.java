package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Serializable;
import java.util.List;

/**
 * The replications of an {@link ExperimentResult} as plain, serializable data, so that a shard
 * run in another process (a Spark task, a batch job) can be sent back and merged:
 * {@link ExperimentResult#data()} on one side, {@link ExperimentResult#fromData(Experiment,
 * ShardData)} and {@link ExperimentResult#merge} on the other. It carries the metric values of
 * every replication and the failures, not the scenarios or the grid: the receiver rebuilds those
 * from the same experiment definition, and {@code fromData} checks that the run, the seed and
 * the shape agree. Java serialization suits a result that goes straight back to the process that
 * asked for it (a Spark task's); to keep a shard in a file — a batch job's, read by a merge job
 * later, maybe by another build — use cluster-io's {@code ShardFiles}, a documented, versioned
 * and checksummed wire form that names the file and the fault when it cannot be read.
 *
 * <pre>{@code
 * // in each worker
 * ShardData part = Experiment.of(scenario).grid(grid).replications(1000).seed(7).runId("study-1")
 *     .shard(i, n).threads(1).run().data();
 * // back home
 * Experiment same = Experiment.of(scenario).grid(grid).replications(1000).seed(7).runId("study-1").build();
 * ExperimentResult all = ExperimentResult.merge(parts.stream().map(p -> ExperimentResult.fromData(same, p)).toList());
 * }</pre>
 *
 * @param run the run id
 * @param seed the root seed
 * @param replications replications per grid point of the whole experiment
 * @param shards the shard count of the run
 * @param covered the shards this data holds (one for a shard, all for a merged result)
 * @param cells the replications run, each with its values
 * @param failures the replications that failed
 * @serial exclude the wire form is Java serialization of the components, documented above
 */
public record ShardData(String run, long seed, int replications, int shards, List<Integer> covered,
    List<Cell> cells, List<Failure> failures) implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * Checks the data and copies the lists.
   *
   * @param run the run id
   * @param seed the root seed
   * @param replications replications per grid point
   * @param shards the shard count
   * @param covered the shards held
   * @param cells the replications run
   * @param failures the failures
   */
  public ShardData {
    checkNotNull(run, "run");
    checkArgument(replications > 0, "replications must be > 0 but was %s", replications);
    checkArgument(shards > 0, "shards must be > 0 but was %s", shards);
    covered = List.copyOf(checkNotNull(covered, "covered"));
    cells = List.copyOf(checkNotNull(cells, "cells"));
    failures = List.copyOf(checkNotNull(failures, "failures"));
  }

  /**
   * One replication of one scenario at one grid point.
   *
   * @param scenario the scenario's index in the experiment
   * @param point the grid point
   * @param replication the replication number
   * @param stepsRun the steps it ran (fewer than the schedule's when a stop condition ended it)
   * @param values metric values by metric (in the scenario's order), then step
   * @serial exclude
   */
  public record Cell(int scenario, int point, int replication, int stepsRun, double[][] values)
      implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Checks the cell.
     *
     * @param scenario the scenario's index
     * @param point the grid point
     * @param replication the replication number
     * @param stepsRun the steps it ran
     * @param values the values by metric, then step
     */
    public Cell {
      checkArgument(scenario >= 0 && point >= 0 && replication >= 0 && stepsRun >= 0,
          "negative index in cell %s/%s/%s/%s", scenario, point, replication, stepsRun);
      checkNotNull(values, "values");
    }
  }

  /**
   * A replication that failed.
   *
   * @param scenario the scenario's name
   * @param point the grid point
   * @param replication the replication number
   * @param seed the root seed, which reproduces it
   * @param cause what it threw
   * @serial exclude
   */
  public record Failure(String scenario, int point, int replication, long seed, Throwable cause)
      implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Checks the failure.
     *
     * @param scenario the scenario's name
     * @param point the grid point
     * @param replication the replication number
     * @param seed the root seed
     * @param cause what it threw
     */
    public Failure {
      checkNotNull(scenario, "scenario");
      checkNotNull(cause, "cause");
    }
  }

  @Override
  public String toString() {
    return String.format("ShardData[run %s, seed %d, shards %s of %d, %d replications run, %d failed]", run, seed,
        covered, shards, cells.size(), failures.size());
  }
}
