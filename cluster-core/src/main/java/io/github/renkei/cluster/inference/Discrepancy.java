package io.github.renkei.cluster.inference;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Statistics;
import io.github.renkei.cluster.simulation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A relative model-discrepancy or observation-error term for posterior predictive runs, in the
 * spirit of Kennedy and O'Hagan ("Bayesian calibration of computer models", J. R. Stat. Soc. B
 * 63(3), 2001): what is observed is the simulated value times a log-normal error,
 * {@code observed = simulated × exp(σ z)}, {@code z ~ N(0, 1)} independent per metric, time,
 * replication and predictive draw. The model is right up to a relative error of typical size
 * {@code σ}; a band with the term is where an observation is expected to fall, a band without it
 * where the model's output is. Immutable.
 *
 * <pre>{@code
 * PredictiveResult none = Predictive.of(scenario, posterior).seed(1).run();      // Discrepancy.none()
 * PredictiveResult fixed = Predictive.of(scenario, posterior)
 *     .discrepancy(Discrepancy.fixed(0.1))                                      // ±10 % or so
 *     .seed(1).run();
 * PredictiveResult estimated = Predictive.of(scenario, posterior)
 *     .discrepancy(Discrepancy.estimated(targets))                              // σ from the data
 *     .seed(1).run();
 * estimated.discrepancy().orElseThrow().sigmaMedian();
 * }</pre>
 *
 * <h2>The estimated size</h2>
 * {@link #estimated(List)} estimates {@code σ} from calibration targets. Each target {@code t}
 * has a log residual {@code eₜ = log(observedₜ) − mean over the predictive draws (and their
 * replications) of log(simulatedₜ)}, the mean taken without the discrepancy. With the residuals
 * taken as {@code N(0, σ²)} and Jeffreys' prior {@code p(σ²) ∝ 1/σ²}, the posterior is conjugate:
 * {@code σ² | e ~ Inv-Gamma(K/2, S/2)} with {@code K} targets and {@code S = Σ eₜ²}, that is
 * {@code S / σ² ~ χ²_K} (Gelman et al., "Bayesian Data Analysis", 3rd ed., §3.2). Each predictive
 * draw {@code i} takes its own {@code σᵢ² = S / χ²_K}, the chi-squared variable being a sum of
 * {@code K} squared standard normals drawn from a generator seeded by the run's seed and
 * {@code i}; so the term carries the uncertainty of its own size, and {@code log(observed /
 * simulated)} is {@code √(S/K)} times Student's t with {@code K} degrees of freedom. The
 * {@link Estimate} reports {@code K}, {@code S}, the posterior median of {@code σ},
 * {@code √(S / χ²_{K, 0.5})}, and its central 90 % interval, {@code [√(S / χ²_{K, 0.95}),
 * √(S / χ²_{K, 0.05})]}.
 *
 * <p><b>Caveat.</b> When the targets are the points the posterior was fitted to, the residuals
 * are in-sample: the fit pulled the simulations towards them, so {@code S} understates the error
 * an out-of-sample observation will show, and the bands with the term are still too narrow.
 * On the other hand a residual holds all that separates an observation from the mean of the
 * simulations, replication noise and parameter error included, which the predictive already
 * carries; on that count the term errs wide. With few targets its own interval is wide. The
 * {@link Backtest} is the check: it fits on the data up to a year and reports the coverage of the
 * later years' bands.
 */
public final class Discrepancy {

  /** What the term is. */
  private enum Mode {
    NONE, FIXED, ESTIMATED
  }

  private static final Discrepancy NONE = new Discrepancy(Mode.NONE, 0, ImmutableList.of());

  private final Mode mode;
  private final double sigma;
  private final ImmutableList<Target> targets;

  private Discrepancy(Mode mode, double sigma, ImmutableList<Target> targets) {
    this.mode = mode;
    this.sigma = sigma;
    this.targets = targets;
  }

  /**
   * No discrepancy term: the bands carry parameter uncertainty and replication noise only.
   *
   * @return the absent term
   */
  public static Discrepancy none() {
    return NONE;
  }

  /**
   * A term of known size: every draw's values are multiplied by {@code exp(σ z)}.
   *
   * <pre>{@code
   * Discrepancy.fixed(0.1)    // a relative error of about 10 %
   * }</pre>
   *
   * @param sigma the standard deviation of the log error, finite and {@code >= 0}; 0 gives
   *     bands equal to those without the term, but labelled as with it
   * @return the term
   * @throws IllegalArgumentException naming sigma and its value if it is negative or not finite
   */
  public static Discrepancy fixed(double sigma) {
    checkArgument(Double.isFinite(sigma) && sigma >= 0,
        "discrepancy sigma must be finite and >= 0 but was %s", sigma);
    return new Discrepancy(Mode.FIXED, sigma, ImmutableList.of());
  }

  /**
   * A term whose size is estimated from targets, as the class documentation describes, when the
   * predictive runs.
   *
   * <pre>{@code
   * Discrepancy.estimated(Target.series("registered", ImmutableMap.of("2011", 50, "2015", 71, "2016", 74)))
   * }</pre>
   *
   * @param targets the observed values, at least one, each with a positive observed value and a
   *     distinct metric and time; they must be metrics and times of the scenario the predictive
   *     runs, and its simulated values there positive (checked when it runs)
   * @return the term
   * @throws IllegalArgumentException naming the metric, time and value if there is no target, a
   *     target's observed value is not positive (its log is undefined), or a metric and time
   *     repeat
   */
  public static Discrepancy estimated(List<Target> targets) {
    checkNotNull(targets, "targets");
    checkArgument(!targets.isEmpty(), "an estimated discrepancy needs at least 1 target but was given 0");
    Set<String> seen = new HashSet<>();
    for (Target t : targets) {
      checkNotNull(t, "target");
      checkArgument(t.observed() > 0, "target '%s' at %s: the observed value must be > 0 for a log residual but was %s",
          t.metric(), t.time(), t.observed());
      checkArgument(seen.add(t.metric() + "\u0000" + t.time()), "target '%s' at %s is given twice", t.metric(),
          t.time());
    }
    return new Discrepancy(Mode.ESTIMATED, 0, ImmutableList.copyOf(targets));
  }

  /**
   * Whether this is {@link #none()}.
   *
   * @return {@code true} if there is no term
   */
  public boolean isNone() {
    return mode == Mode.NONE;
  }

  /**
   * Whether the size is {@linkplain #estimated(List) estimated}.
   *
   * @return {@code true} for an estimated term
   */
  public boolean isEstimated() {
    return mode == Mode.ESTIMATED;
  }

  /**
   * Returns the size of a {@linkplain #fixed(double) fixed} term.
   *
   * @return σ, or empty for no term or an estimated one
   */
  public OptionalDouble sigma() {
    return mode == Mode.FIXED ? OptionalDouble.of(sigma) : OptionalDouble.empty();
  }

  /**
   * Returns the targets an estimated term is estimated from.
   *
   * @return the targets; empty for no term or a fixed one
   */
  public ImmutableList<Target> targets() {
    return targets;
  }

  /** Checks that the scenario has the targets' metrics and times. */
  void checkAgainst(Scenario<?> scenario) {
    for (Target t : targets) {
      checkArgument(scenario.metricNames().contains(t.metric()),
          "discrepancy target metric '%s' (at %s) is not a metric of scenario '%s' (metrics: %s)", t.metric(), t.time(),
          scenario.name(), scenario.metricNames());
      checkArgument(scenario.schedule().indexOf(t.time()).isPresent(),
          "discrepancy target time '%s' of metric '%s' is not in the schedule of scenario '%s' (%s)", t.time(),
          t.metric(), scenario.name(), scenario.schedule());
    }
  }

  /**
   * Draws one predictive draw's σ: the fixed value, 0 for none, {@code √(S / χ²_K)} for an
   * estimated term.
   */
  double drawSigma(Estimate estimate, SplittableRandom random) {
    switch (mode) {
      case NONE:
        return 0;
      case FIXED:
        return sigma;
      default:
        if (estimate.sumOfSquares() == 0) {
          return 0;
        }
        double chi2 = 0;
        for (int k = 0; k < estimate.targets(); k++) {
          double z = random.nextGaussian();
          chi2 += z * z;
        }
        return Math.sqrt(estimate.sumOfSquares() / chi2);
    }
  }

  /** Returns for example {@code Discrepancy[none]}, {@code Discrepancy[fixed σ=0.1]}, {@code Discrepancy[estimated from 5 targets]}. */
  @Override
  public String toString() {
    switch (mode) {
      case NONE:
        return "Discrepancy[none]";
      case FIXED:
        return "Discrepancy[fixed σ=" + sigma + "]";
      default:
        return "Discrepancy[estimated from " + targets.size() + " targets]";
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Discrepancy && ((Discrepancy) o).mode == mode
        && Double.compare(((Discrepancy) o).sigma, sigma) == 0 && ((Discrepancy) o).targets.equals(targets);
  }

  @Override
  public int hashCode() {
    return (mode.hashCode() * 31 + Double.hashCode(sigma)) * 31 + targets.hashCode();
  }

  /**
   * One target's log residual.
   *
   * @param target the target
   * @param meanLogSimulated the mean over the predictive draws and replications of
   *     {@code log(simulated)} at the target's metric and time, finite
   * @param residual {@code log(observed) − meanLogSimulated}, finite
   */
  public record Residual(Target target, double meanLogSimulated, double residual) {

    /**
     * Validates the fields.
     *
     * @param target the target
     * @param meanLogSimulated the mean log simulated value
     * @param residual the residual
     * @throws IllegalArgumentException naming the target if a number is not finite
     */
    public Residual {
      checkNotNull(target, "target");
      checkArgument(Double.isFinite(meanLogSimulated) && Double.isFinite(residual),
          "residual of target '%s' at %s must be finite but was %s (mean log simulated %s)", target.metric(),
          target.time(), residual, meanLogSimulated);
    }

    /**
     * The residual of a target given the mean log simulated value.
     *
     * @param target the target, with a positive observed value
     * @param meanLogSimulated the mean log simulated value, finite
     * @return the residual {@code log(observed) − meanLogSimulated}
     * @throws IllegalArgumentException naming the target if its observed value is not positive
     *     or the mean is not finite
     */
    public static Residual of(Target target, double meanLogSimulated) {
      checkNotNull(target, "target");
      checkArgument(target.observed() > 0,
          "target '%s' at %s: the observed value must be > 0 for a log residual but was %s", target.metric(),
          target.time(), target.observed());
      return new Residual(target, meanLogSimulated, Math.log(target.observed()) - meanLogSimulated);
    }
  }

  /**
   * The estimated size of a discrepancy term: the conjugate posterior of {@code σ} given the log
   * residuals (see the class documentation).
   *
   * <pre>{@code
   * Discrepancy.Estimate e = predictive.discrepancy().orElseThrow();
   * System.out.printf("σ %.3f (90 %%: %.3f–%.3f) from %d targets%n", e.sigmaMedian(), e.sigma90().lower(),
   *     e.sigma90().upper(), e.targets());
   * }</pre>
   *
   * @param targets {@code K}, the number of residuals, {@code >= 1}
   * @param sumOfSquares {@code S = Σ eₜ²}, finite and {@code >= 0}
   * @param sigmaMedian the posterior median of σ, {@code √(S / χ²_{K, 0.5})}
   * @param sigma90 the central 90 % posterior interval of σ
   * @param residuals the residual of each target, in the targets' order
   */
  public record Estimate(int targets, double sumOfSquares, double sigmaMedian, Statistics.Interval sigma90,
      ImmutableList<Residual> residuals) {

    /**
     * Validates the fields.
     *
     * @param targets K
     * @param sumOfSquares S
     * @param sigmaMedian the median
     * @param sigma90 the interval
     * @param residuals the residuals
     * @throws IllegalArgumentException naming the value if K is not the number of residuals or
     *     below 1, or a number is negative or not finite
     */
    public Estimate {
      checkNotNull(sigma90, "sigma90");
      checkNotNull(residuals, "residuals");
      checkArgument(targets >= 1 && targets == residuals.size(),
          "an estimate needs K >= 1 targets, as many as residuals (%s), but K was %s", residuals.size(), targets);
      checkArgument(Double.isFinite(sumOfSquares) && sumOfSquares >= 0,
          "sum of squares must be finite and >= 0 but was %s", sumOfSquares);
      checkArgument(Double.isFinite(sigmaMedian) && sigmaMedian >= 0, "sigma median must be finite and >= 0 but was %s",
          sigmaMedian);
    }

    /**
     * Estimates σ from residuals.
     *
     * @param residuals at least one
     * @return the estimate
     * @throws IllegalArgumentException if there is no residual
     */
    public static Estimate of(List<Residual> residuals) {
      checkNotNull(residuals, "residuals");
      checkArgument(!residuals.isEmpty(), "an estimated discrepancy needs at least 1 target but was given 0");
      int k = residuals.size();
      double s = 0;
      for (Residual r : residuals) {
        s += r.residual() * r.residual();
      }
      double median = Math.sqrt(s / ChiSquared.quantile(k, 0.5));
      Statistics.Interval ninety = new Statistics.Interval(Math.sqrt(s / ChiSquared.quantile(k, 0.95)),
          Math.sqrt(s / ChiSquared.quantile(k, 0.05)));
      return new Estimate(k, s, median, ninety, ImmutableList.copyOf(residuals));
    }

    /**
     * Returns the root mean square of the residuals.
     *
     * @return {@code √(S / K)}
     */
    public double rootMeanSquare() {
      return Math.sqrt(sumOfSquares / targets);
    }

    /** Returns for example {@code σ = 0.084 (90 %: 0.052–0.19) from 6 targets, S = 0.046}. */
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "σ = %.3g (90 %%: %.3g–%.3g) from %d targets, S = %.3g", sigmaMedian,
          sigma90.lower(), sigma90.upper(), targets, sumOfSquares);
    }
  }
}
