package io.github.renkei.cluster.simulation;

/**
 * Hears how far an experiment is, after every replication (and when an adaptive experiment's
 * plan shrinks because a target was met), from one thread at a time. Keep it quick: a progress
 * bar, a log line.
 *
 * <pre>{@code
 * ProgressListener log = p -> System.err.printf("%d/%d, %s left%n", p.done(), p.total(), p.remaining());
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {

  /**
   * Called after a replication finishes or the planned total changes.
   *
   * @param progress the state of the experiment
   */
  void onProgress(Progress progress);
}
