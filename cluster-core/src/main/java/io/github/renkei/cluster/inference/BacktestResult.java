package io.github.renkei.cluster.inference;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.simulation.Statistics;
import io.github.renkei.cluster.simulation.Target;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a {@link Backtest} found: a prediction per cutoff and held-out target, the coverage of the
 * 50 % and 90 % predictive bands and the mean absolute percentage error per cutoff and series and
 * per series over all cutoffs, and each cutoff's posterior and predictive. Immutable.
 *
 * <pre>{@code
 * BacktestResult r = Backtest.of(scenario, targets).cutoffs("2010", "2012", "2014").fit(...).seed(1).run();
 * for (BacktestResult.Summary s : r.summaries()) {
 *   if (s.cutoff().equals(BacktestResult.ALL)) {
 *     System.out.printf("%s: 90 %% band covered %.0f %%, MAPE %.1f %%%n", s.metric(), 100 * s.coverage90(),
 *         s.meanAbsolutePercentageError());
 *   }
 * }
 * System.out.println(r.table());
 * }</pre>
 */
public final class BacktestResult {

  /** The cutoff of the summaries over all cutoffs. */
  public static final String ALL = "all";

  private final ImmutableList<String> cutoffs;
  private final ImmutableList<Prediction> predictions;
  private final ImmutableList<Summary> summaries;
  private final ImmutableList<Posterior> posteriors;
  private final ImmutableList<PredictiveResult> predictives;

  BacktestResult(List<String> cutoffs, List<Prediction> predictions, List<Posterior> posteriors,
      List<PredictiveResult> predictives) {
    this.cutoffs = ImmutableList.copyOf(cutoffs);
    this.predictions = ImmutableList.copyOf(predictions);
    this.posteriors = ImmutableList.copyOf(posteriors);
    this.predictives = ImmutableList.copyOf(predictives);
    this.summaries = summarize(this.cutoffs, this.predictions);
  }

  private static ImmutableList<Summary> summarize(List<String> cutoffs, List<Prediction> predictions) {
    ImmutableList.Builder<Summary> s = ImmutableList.builder();
    Set<String> metrics = new LinkedHashSet<>();
    for (String c : cutoffs) {
      Set<String> here = new LinkedHashSet<>();
      predictions.stream().filter(p -> p.cutoff().equals(c)).forEach(p -> here.add(p.target().metric()));
      for (String m : here) {
        s.add(Summary.of(c, m, predictions.stream().filter(p -> p.cutoff().equals(c)
            && p.target().metric().equals(m)).collect(ImmutableList.toImmutableList())));
      }
      metrics.addAll(here);
    }
    for (String m : metrics) {
      s.add(Summary.of(ALL, m, predictions.stream().filter(p -> p.target().metric().equals(m))
          .collect(ImmutableList.toImmutableList())));
    }
    return s.build();
  }

  /**
   * Returns the cutoffs, in the order run.
   *
   * @return the cutoffs
   */
  public ImmutableList<String> cutoffs() {
    return cutoffs;
  }

  /**
   * Returns the predictions: by cutoff, then in the targets' order.
   *
   * @return one per cutoff and held-out target
   */
  public ImmutableList<Prediction> predictions() {
    return predictions;
  }

  /**
   * Returns the summaries: one per cutoff and metric (cutoffs in order, metrics as they first
   * appear among the held-out targets), then one per metric over all cutoffs, whose cutoff is
   * {@value #ALL}.
   *
   * @return the summaries
   */
  public ImmutableList<Summary> summaries() {
    return summaries;
  }

  /**
   * Returns the summary of a metric at a cutoff, or over all cutoffs.
   *
   * @param cutoff a cutoff, or {@value #ALL}
   * @param metric the metric
   * @return the summary
   * @throws IllegalArgumentException naming the cutoff and metric if no prediction of the metric
   *     was made at the cutoff
   */
  public Summary summary(String cutoff, String metric) {
    checkNotNull(cutoff, "cutoff");
    checkNotNull(metric, "metric");
    return summaries.stream().filter(s -> s.cutoff().equals(cutoff) && s.metric().equals(metric)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the backtest made no prediction of metric '" + metric
            + "' at cutoff '" + cutoff + "' (cutoffs: " + cutoffs + ")"));
  }

  /**
   * Returns the posterior the fit made from a cutoff's training targets.
   *
   * @param cutoff a cutoff
   * @return the posterior
   * @throws IllegalArgumentException naming the cutoff if it is not one of the backtest's
   */
  public Posterior posterior(String cutoff) {
    return posteriors.get(cutoffIndex(cutoff));
  }

  /**
   * Returns the predictive of a cutoff: the sample of every held-out metric at every time, and
   * the estimate of an estimated discrepancy term.
   *
   * @param cutoff a cutoff
   * @return the predictive
   * @throws IllegalArgumentException naming the cutoff if it is not one of the backtest's
   */
  public PredictiveResult predictive(String cutoff) {
    return predictives.get(cutoffIndex(cutoff));
  }

  private int cutoffIndex(String cutoff) {
    checkNotNull(cutoff, "cutoff");
    int i = cutoffs.indexOf(cutoff);
    checkArgument(i >= 0, "'%s' is not a cutoff of the backtest (cutoffs: %s)", cutoff, cutoffs);
    return i;
  }

  /**
   * Returns the summaries as an aligned plain-text table, for a README or a log: metric, cutoff,
   * number of predictions, coverage of the 50 % and 90 % bands, and the MAPE in percent.
   *
   * @return the table, one line per summary after a header
   */
  public String table() {
    int width = "metric".length();
    for (Summary s : summaries) {
      width = Math.max(width, s.metric().length());
    }
    int cutoffWidth = Math.max("cutoff".length(), cutoffs.stream().mapToInt(String::length).max().orElse(0));
    String format = "%-" + width + "s  %-" + cutoffWidth + "s  %5s  %6s  %6s  %8s%n";
    StringBuilder t = new StringBuilder(String.format(Locale.ROOT, format, "metric", "cutoff", "n", "cov50", "cov90",
        "MAPE %"));
    for (Summary s : summaries) {
      t.append(String.format(Locale.ROOT, format, s.metric(), s.cutoff(), s.count(),
          String.format(Locale.ROOT, "%.2f", s.coverage50()), String.format(Locale.ROOT, "%.2f", s.coverage90()),
          String.format(Locale.ROOT, "%.1f", s.meanAbsolutePercentageError())));
    }
    return t.toString();
  }

  /** Returns the {@link #table()}. */
  @Override
  public String toString() {
    return table();
  }

  /**
   * One held-out target's prediction at one cutoff.
   *
   * @param cutoff the cutoff
   * @param target the held-out target
   * @param median the median of the predictive sample at the target's metric and time
   * @param band50 the central 50 % interval of the sample (quantiles 0.25 and 0.75)
   * @param band90 the central 90 % interval of the sample (quantiles 0.05 and 0.95)
   * @param absolutePercentageError {@code 100 · |median − observed| / |observed|}, finite and
   *     {@code >= 0}
   */
  public record Prediction(String cutoff, Target target, double median, Statistics.Interval band50,
      Statistics.Interval band90, double absolutePercentageError) {

    /**
     * Validates the fields.
     *
     * @param cutoff the cutoff
     * @param target the target
     * @param median the median
     * @param band50 the 50 % band
     * @param band90 the 90 % band
     * @param absolutePercentageError the error
     * @throws IllegalArgumentException naming the value if the median or error is not finite or
     *     the error is negative
     */
    public Prediction {
      checkNotNull(cutoff, "cutoff");
      checkNotNull(target, "target");
      checkNotNull(band50, "band50");
      checkNotNull(band90, "band90");
      checkArgument(Double.isFinite(median), "median of '%s' at %s must be finite but was %s", target.metric(),
          target.time(), median);
      checkArgument(Double.isFinite(absolutePercentageError) && absolutePercentageError >= 0,
          "absolute percentage error of '%s' at %s must be finite and >= 0 but was %s", target.metric(), target.time(),
          absolutePercentageError);
    }

    /**
     * Whether the 50 % band holds the observed value.
     *
     * @return {@code true} if it does
     */
    public boolean in50() {
      return band50.contains(target.observed());
    }

    /**
     * Whether the 90 % band holds the observed value.
     *
     * @return {@code true} if it does
     */
    public boolean in90() {
      return band90.contains(target.observed());
    }
  }

  /**
   * The predictions of one metric at one cutoff, or over all cutoffs.
   *
   * @param cutoff the cutoff, or {@value BacktestResult#ALL}
   * @param metric the metric
   * @param count the number of predictions, {@code >= 1}
   * @param coverage50 the share of them whose 50 % band holds the observed value
   * @param coverage90 the share of them whose 90 % band holds the observed value
   * @param meanAbsolutePercentageError the mean of their absolute percentage errors, in percent
   */
  public record Summary(String cutoff, String metric, int count, double coverage50, double coverage90,
      double meanAbsolutePercentageError) {

    /**
     * Validates the fields.
     *
     * @param cutoff the cutoff
     * @param metric the metric
     * @param count the count
     * @param coverage50 the 50 % coverage
     * @param coverage90 the 90 % coverage
     * @param meanAbsolutePercentageError the MAPE
     * @throws IllegalArgumentException naming the value if the count is below 1, a coverage is
     *     outside [0, 1] or the MAPE is negative or not finite
     */
    public Summary {
      checkNotNull(cutoff, "cutoff");
      checkNotNull(metric, "metric");
      checkArgument(count >= 1, "a summary needs at least 1 prediction but had %s", count);
      checkArgument(coverage50 >= 0 && coverage50 <= 1, "coverage50 must be in [0, 1] but was %s", coverage50);
      checkArgument(coverage90 >= 0 && coverage90 <= 1, "coverage90 must be in [0, 1] but was %s", coverage90);
      checkArgument(Double.isFinite(meanAbsolutePercentageError) && meanAbsolutePercentageError >= 0,
          "mean absolute percentage error must be finite and >= 0 but was %s", meanAbsolutePercentageError);
    }

    /**
     * Summarizes predictions.
     *
     * @param cutoff the cutoff, or {@value BacktestResult#ALL}
     * @param metric the metric
     * @param predictions the predictions, at least one
     * @return the summary
     * @throws IllegalArgumentException if there is no prediction
     */
    public static Summary of(String cutoff, String metric, List<Prediction> predictions) {
      checkNotNull(predictions, "predictions");
      checkArgument(!predictions.isEmpty(), "no predictions of '%s' at cutoff '%s' to summarize", metric, cutoff);
      int in50 = 0;
      int in90 = 0;
      double ape = 0;
      for (Prediction p : predictions) {
        in50 += p.in50() ? 1 : 0;
        in90 += p.in90() ? 1 : 0;
        ape += p.absolutePercentageError();
      }
      int n = predictions.size();
      return new Summary(cutoff, metric, n, (double) in50 / n, (double) in90 / n, ape / n);
    }
  }
}
