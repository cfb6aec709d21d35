package io.github.renkei.cluster.spark;

import io.github.renkei.cluster.simulation.Experiment;
import java.io.Serializable;

/**
 * How to build an experiment, sent to every Spark task: scenarios and lambdas are not
 * serializable, so each task builds the experiment anew from this definition, and the random
 * streams of every replication follow from the root seed exactly as in a local run. Set the
 * scenarios, grid, replications and seed; leave out threads, shards and the run id, which
 * {@link SparkExperiment} sets, and sinks, which it refuses: Spark may run a task more than once,
 * so write {@link SparkResult#rows()} instead. A class with a no-argument constructor or a
 * lambda whose captured values are serializable both work:
 *
 * <pre>{@code
 * ExperimentDefinition study = () -> Experiment.of(ClusterDynamics.fukushima())
 *     .grid(Grid.of(Policies.COUNCIL, false, true)).replications(1000).seed(2005);
 * }</pre>
 */
@FunctionalInterface
public interface ExperimentDefinition extends Serializable {

  /**
   * Builds the experiment; called once on the driver and once in every task.
   *
   * @return a builder with scenarios, grid, replications and seed set
   */
  Experiment.Builder experiment();
}
