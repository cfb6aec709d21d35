package io.github.renkei.cluster.inference;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.renkei.cluster.simulation.Statistics;

/**
 * A band around a projection that says what it is: which uncertainty it carries ({@link Kind}),
 * its level, its bounds and the sample's median. Several bands are drawn around simulated
 * series and they answer different questions — where the mean of the runs is, where the runs
 * fall at one parameter point, where the future falls given what the data say about the
 * parameters — so a chart, an API user and a CSV file must be able to tell them apart. Immutable.
 *
 * <pre>{@code
 * Band b = predictive.band("registered", "2030", 0.9);
 * b.kind().label();                 // "posterior-predictive"
 * b.lower(); b.median(); b.upper();
 *
 * Statistics runs = experimentResult.summary("fukushima", 0, "registered", "2030");
 * Band spread = Band.of(Band.Kind.RUN_RANGE, 0.9, runs);    // 5–95 % of the runs
 * Band mean = Band.of(Band.Kind.MEAN_CI, 0.95, runs);       // where the mean is
 * }</pre>
 *
 * @param kind what the band carries
 * @param level the band's level: the probability (or share of runs) inside it, in (0, 1)
 * @param lower the lower bound, finite
 * @param upper the upper bound, finite and {@code >= lower}
 * @param median the median of the sample the band was read from, finite (for a {@link
 *     Kind#MEAN_CI} it need not be the band's centre, which is the mean)
 */
public record Band(Kind kind, double level, double lower, double upper, double median) {

  /** What a band carries, with a short label for files and charts. */
  public enum Kind {
    /**
     * A confidence interval of the mean over runs at one parameter point (Student t): where the
     * expected value of the simulation is, given the runs made. It narrows as runs are added and
     * says nothing about where one run, or the world, falls.
     */
    MEAN_CI("ci-mean"),
    /**
     * The central range of the runs at one parameter point (their quantiles): where a run falls
     * under replication noise alone, with the parameters held fixed.
     */
    RUN_RANGE("run-range"),
    /**
     * The central interval of the posterior predictive sample: parameters drawn from a posterior
     * (parameter uncertainty) and replications at each draw (replication noise), without a
     * model-discrepancy or observation-error term.
     */
    POSTERIOR_PREDICTIVE("posterior-predictive"),
    /**
     * The central interval of the posterior predictive sample with a {@link Discrepancy} term
     * (Kennedy and O'Hagan 2001) on top of parameter uncertainty and replication noise: where an
     * observation is expected to fall, not only the model's output.
     */
    POSTERIOR_PREDICTIVE_WITH_DISCREPANCY("posterior-predictive+discrepancy");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /**
     * Returns the short label, as a CSV's {@code band} column writes it.
     *
     * @return for example {@code "posterior-predictive"}
     */
    public String label() {
      return label;
    }

    /**
     * Returns the kind with a label.
     *
     * @param label a label as {@link #label()} gives it
     * @return the kind
     * @throws IllegalArgumentException naming the label if no kind has it
     */
    public static Kind ofLabel(String label) {
      checkNotNull(label, "label");
      for (Kind k : values()) {
        if (k.label.equals(label)) {
          return k;
        }
      }
      throw new IllegalArgumentException("no band kind has the label '" + label + "' (labels: ci-mean, run-range,"
          + " posterior-predictive, posterior-predictive+discrepancy)");
    }
  }

  /**
   * Validates the fields.
   *
   * @param kind the kind
   * @param level the level
   * @param lower the lower bound
   * @param upper the upper bound
   * @param median the median
   * @throws IllegalArgumentException naming the value if the level is outside (0, 1), a bound or
   *     the median is not finite, or {@code lower > upper}
   */
  public Band {
    checkNotNull(kind, "kind");
    checkArgument(level > 0 && level < 1, "band level must be in (0, 1) but was %s", level);
    checkArgument(Double.isFinite(lower) && Double.isFinite(upper), "band bounds must be finite but were [%s, %s]",
        lower, upper);
    checkArgument(lower <= upper, "band lower bound %s is above its upper bound %s", lower, upper);
    checkArgument(Double.isFinite(median), "band median must be finite but was %s", median);
  }

  /**
   * Reads a band of a kind from a sample.
   *
   * <ul>
   *   <li>{@link Kind#MEAN_CI}: {@link Statistics#confidenceInterval(double)}; needs at least two
   *       values;</li>
   *   <li>the other kinds: the central {@code level} interval of the sample's values, its
   *       {@code (1 − level)/2} and {@code (1 + level)/2} quantiles ({@link Statistics#runRange});
   *       whether the sample is a posterior predictive one is the caller's to know.</li>
   * </ul>
   *
   * @param kind what the band carries
   * @param level the level in (0, 1)
   * @param sample the sample
   * @return the band, whose median is the sample's
   * @throws IllegalArgumentException naming the value if the level is outside (0, 1), or a
   *     {@link Kind#MEAN_CI} is asked of a single value
   */
  public static Band of(Kind kind, double level, Statistics sample) {
    checkNotNull(kind, "kind");
    checkNotNull(sample, "sample");
    checkArgument(level > 0 && level < 1, "band level must be in (0, 1) but was %s", level);
    Statistics.Interval i;
    if (kind == Kind.MEAN_CI) {
      i = sample.confidenceInterval(level).orElseThrow(() -> new IllegalArgumentException(
          "a confidence interval of the mean needs at least 2 values but the sample has " + sample.count()));
    } else {
      i = sample.runRange(level);
    }
    return new Band(kind, level, i.lower(), i.upper(), sample.median());
  }

  /**
   * Returns the bounds as an interval.
   *
   * @return {@code [lower, upper]}
   */
  public Statistics.Interval interval() {
    return new Statistics.Interval(lower, upper);
  }

  /**
   * Whether a value lies in the band.
   *
   * @param x the value
   * @return {@code true} if {@code lower <= x <= upper}
   */
  public boolean contains(double x) {
    return lower <= x && x <= upper;
  }

  /**
   * Returns the band's width.
   *
   * @return {@code upper − lower}
   */
  public double width() {
    return upper - lower;
  }
}
