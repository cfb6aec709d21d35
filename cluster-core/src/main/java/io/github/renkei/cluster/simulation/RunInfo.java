package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;

/**
 * What an experiment is: the facts a run manifest records and a sink may want before the first
 * row.
 *
 * @param run the run id
 * @param seed the root seed
 * @param scenarios the scenarios' names, in order
 * @param defaults each scenario's parameter values before the grid applies, by scenario name,
 *     then by parameter name in declaration order
 * @param grid the parameter values of each grid point, in order
 * @param replications the replications per grid point (the maximum, for adaptive experiments)
 * @param threads the number of threads, 0 if an executor of unknown size runs it
 * @param shard the shard this run covers, 0 to {@code shards - 1}
 * @param shards the number of shards
 * @param started when the run started
 */
public record RunInfo(String run, long seed, ImmutableList<String> scenarios,
    ImmutableMap<String, ImmutableMap<String, Object>> defaults, ImmutableList<ImmutableMap<String, Object>> grid, int replications, int threads, int shard, int shards,
    Instant started) {

  /**
   * Validates the fields.
   *
   * @param run the run id
   * @param seed the seed
   * @param scenarios the scenarios
   * @param defaults the defaults
   * @param grid the grid
   * @param replications the replications
   * @param threads the threads
   * @param shard the shard
   * @param shards the shards
   * @param started the start time
   */
  public RunInfo {
    checkNotNull(run, "run");
    checkNotNull(scenarios, "scenarios");
    checkNotNull(defaults, "defaults");
    checkNotNull(grid, "grid");
    checkNotNull(started, "started");
  }
}
