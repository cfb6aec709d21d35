package io.github.renkei.cluster.simulation;

import java.time.Duration;
import java.util.Optional;

/**
 * How far an experiment is.
 *
 * @param done replications finished (successfully or not)
 * @param total replications planned (the maximum, for adaptive experiments)
 * @param failed replications that failed
 * @param elapsed time since the start
 */
public record Progress(long done, long total, long failed, Duration elapsed) {

  /**
   * Returns the estimated time left, from the average time per replication so far.
   *
   * @return the estimate, or empty before the first replication finishes
   */
  public Optional<Duration> remaining() {
    if (done == 0) {
      return Optional.empty();
    }
    return Optional.of(elapsed.multipliedBy(total - done).dividedBy(done));
  }

  /**
   * Returns the fraction done.
   *
   * @return 0 to 1
   */
  public double fraction() {
    return total == 0 ? 1.0 : (double) done / total;
  }
}
