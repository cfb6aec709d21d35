package io.github.renkei.cluster.inference;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.simulation.ProgressListener;
import io.github.renkei.cluster.simulation.RandomStreams;
import io.github.renkei.cluster.simulation.Statistics;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

/**
 * Variance-based global sensitivity: each factor's first-order index {@code S_i} (the share of
 * the output's variance its own variation explains) and total index {@code ST_i} (the share that
 * would vanish if it were fixed, interactions included), with bootstrap confidence intervals.
 *
 * <pre>{@code
 * SobolResult indices = Sobol.of(model)
 *     .baseSamples(4096)       // N; the model runs N · (k + 2) times
 *     .bootstrap(1000)
 *     .seed(42)
 *     .run();
 * indices.totalOrder("x1").estimate();
 * indices.ranking();           // factors by total index, largest first
 * }</pre>
 *
 * <h2>The design</h2>
 * With {@code k} factors, the first {@code N} points of the {@code 2k}-dimensional Sobol'
 * sequence (Joe–Kuo direction numbers, see the package's {@code SobolSequence}) give two
 * {@code N × k} matrices: {@code A} its first {@code k} columns, {@code B} the others. For each
 * factor {@code i}, {@code A_B^(i)} is {@code A} with column {@code i} taken from {@code B}. The
 * model runs at every row of {@code A}, {@code B} and the {@code k} matrices {@code A_B^(i)}:
 * {@code N · (k + 2)} evaluations, in parallel on the given threads, with values identical
 * whatever their number. Powers of two for {@code N} balance the sequence best. The sequence is
 * deterministic: the seed only draws the bootstrap resamples.
 *
 * <h2>The estimators</h2>
 * Saltelli et al., "Variance based sensitivity analysis of model output. Design and estimator
 * for the total sensitivity index", Computer Physics Communications 181(2), 2010, 259–270,
 * table 2: with {@code V} the variance of the {@code 2N} values {@code f(A)} and {@code f(B)},
 * <ul>
 *   <li>first order (their (b)): {@code S_i = (1/N) Σ_j f(B)_j (f(A_B^(i))_j − f(A)_j) / V};</li>
 *   <li>total (their (f), Jansen 1999):
 *       {@code ST_i = (1/2N) Σ_j (f(A)_j − f(A_B^(i))_j)² / V}.</li>
 * </ul>
 * Estimates are not clipped: a slightly negative {@code S_i} for an unimportant factor is
 * sampling error that the interval shows.
 *
 * <h2>Confidence intervals</h2>
 * Each of {@code B} bootstrap resamples draws {@code N} row indices with replacement and
 * recomputes every index (and {@code V}) from the same rows of {@code A}, {@code B} and the
 * {@code A_B^(i)}; an index's interval is the percentile interval of its resampled values
 * (Efron and Tibshirani, "An Introduction to the Bootstrap", 1993, ch. 13). Percentile
 * intervals of the Sobol' sequence's estimates treat its points as if they were random; they
 * are usually conservative.
 *
 * <p>A {@code Sobol} analysis is immutable and can be {@linkplain #run() run} more than once,
 * with identical results.
 */
public final class Sobol {

  /** The smallest base sample accepted: fewer rows give meaningless variances and intervals. */
  public static final int MIN_BASE_SAMPLES = 8;

  /** The most factors: the Sobol' sequence has direction numbers for twice as many dimensions. */
  public static final int MAX_FACTORS = SobolSequence.MAX_DIMENSIONS / 2;

  /** The stream name the bootstrap draws from (see {@link RandomStreams#seed}). */
  static final String BOOTSTRAP_STREAM = "sobol-bootstrap";

  private final SensitivityModel model;
  private final int n;
  private final int resamples;
  private final double confidence;
  private final long seed;
  private final int threads;
  private final ImmutableList<ProgressListener> listeners;

  private Sobol(Builder b) {
    this.model = b.model;
    this.n = b.n;
    this.resamples = b.resamples;
    this.confidence = b.confidence;
    this.seed = b.seed;
    this.threads = b.threads;
    this.listeners = ImmutableList.copyOf(b.listeners);
  }

  /**
   * Starts a Sobol' analysis of a model.
   *
   * @param model the model, with at most {@value #MAX_FACTORS} factors
   * @return a builder
   * @throws IllegalArgumentException naming the count if the model has more than
   *     {@value #MAX_FACTORS} factors
   */
  public static Builder of(SensitivityModel model) {
    return new Builder(model);
  }

  /**
   * Returns the number of model evaluations a run makes.
   *
   * @return {@code N · (k + 2)}
   */
  public long evaluations() {
    return (long) n * (model.factors().size() + 2);
  }

  /**
   * Runs the design and estimates the indices.
   *
   * @return the indices with their intervals
   * @throws IllegalArgumentException naming the design point and the factors' values if the
   *     model's value is not finite there
   * @throws IllegalStateException naming the design point if the model throws there
   * @throws CancellationException if the calling thread is interrupted
   */
  public SobolResult run() {
    int k = model.factors().size();
    double[][] sequence = SobolSequence.points(n, 2 * k);
    double[][] design = new double[n * (k + 2)][];
    for (int j = 0; j < n; j++) {
      double[] a = new double[k];
      double[] b = new double[k];
      System.arraycopy(sequence[j], 0, a, 0, k);
      System.arraycopy(sequence[j], k, b, 0, k);
      design[j] = a;
      design[n + j] = b;
      for (int i = 0; i < k; i++) {
        double[] ab = a.clone();
        ab[i] = b[i];
        design[(2 + i) * n + j] = ab;
      }
    }
    double[] y = Evaluations.run(model, design, threads, listeners);
    int[] all = new int[n];
    for (int j = 0; j < n; j++) {
      all[j] = j;
    }
    if (!(variance(y, all) > 0)) {
      throw new IllegalArgumentException("the model's value is " + y[0] + " at all " + 2 * n + " points of A and B: "
          + "its variance is 0 and the Sobol' indices are undefined; " + model);
    }
    double[][] estimate = indices(y, all, k);
    double[][][] resampled = new double[2][k][resamples];
    SplittableRandom random = new SplittableRandom(RandomStreams.seed(seed, 0, BOOTSTRAP_STREAM));
    int[] rows = new int[n];
    for (int b = 0; b < resamples; b++) {
      for (int j = 0; j < n; j++) {
        rows[j] = random.nextInt(n);
      }
      double[][] r = indices(y, rows, k);
      for (int i = 0; i < k; i++) {
        resampled[0][i][b] = r[0][i];
        resampled[1][i][b] = r[1][i];
      }
    }
    double tail = (1 - confidence) / 2;
    List<SobolResult.Indices> factors = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      factors.add(new SobolResult.Indices(model.factors().get(i).name(),
          Estimate.percentile(estimate[0][i], resampled[0][i], tail),
          Estimate.percentile(estimate[1][i], resampled[1][i], tail)));
    }
    double[] ab = new double[2 * n];
    System.arraycopy(y, 0, ab, 0, 2 * n);
    return new SobolResult(model.toString(), ImmutableList.copyOf(factors), n, evaluations(), resamples, confidence,
        seed, Statistics.of(ab).mean(), variance(y, all));
  }

  /** First-order and total indices, per factor, over some rows (with repeats) of the design. */
  private double[][] indices(double[] y, int[] rows, int k) {
    double v = variance(y, rows);
    if (!(v > 0)) {
      // the whole sample is checked first, so only a resample of a few distinct rows gets here
      throw new IllegalStateException("a bootstrap resample of the Sobol' design has only the value " + y[rows[0]]
          + " at A's and B's rows: its variance is 0; use more base samples than " + n + " for " + model);
    }
    double[][] s = new double[2][k];
    for (int i = 0; i < k; i++) {
      int off = (2 + i) * n;
      double first = 0;
      double total = 0;
      for (int j : rows) {
        double fa = y[j];
        double fb = y[n + j];
        double fab = y[off + j];
        first += fb * (fab - fa);
        total += (fa - fab) * (fa - fab);
      }
      s[0][i] = first / rows.length / v;
      s[1][i] = total / (2.0 * rows.length) / v;
    }
    return s;
  }

  /** The variance (divisor 2N − 1) of f(A) and f(B) over the rows. */
  private double variance(double[] y, int[] rows) {
    double sum = 0;
    for (int j : rows) {
      sum += y[j] + y[n + j];
    }
    double mean = sum / (2.0 * rows.length);
    double squares = 0;
    for (int j : rows) {
      squares += (y[j] - mean) * (y[j] - mean) + (y[n + j] - mean) * (y[n + j] - mean);
    }
    return squares / (2.0 * rows.length - 1);
  }

  /** Returns the model and the settings. */
  @Override
  public String toString() {
    return "Sobol[" + model + ", N=" + n + ", bootstrap=" + resamples + ", confidence=" + confidence + ", seed="
        + seed + "]";
  }

  /** Builds a {@link Sobol} analysis; every setter checks its value at once. */
  public static final class Builder {
    private final SensitivityModel model;
    private int n = 1024;
    private int resamples = 1000;
    private double confidence = 0.95;
    private long seed;
    private int threads = Runtime.getRuntime().availableProcessors();
    private final List<ProgressListener> listeners = new ArrayList<>();

    private Builder(SensitivityModel model) {
      this.model = checkNotNull(model, "model");
      checkArgument(model.factors().size() <= MAX_FACTORS,
          "a Sobol' analysis takes at most %s factors but the model has %s", MAX_FACTORS, model.factors().size());
    }

    /**
     * Sets the base sample size N; default 1024. The model runs {@code N · (k + 2)} times.
     *
     * @param n at least {@value Sobol#MIN_BASE_SAMPLES}; a power of two balances the sequence best
     * @return this builder
     * @throws IllegalArgumentException naming the value if it is too small
     */
    public Builder baseSamples(int n) {
      checkArgument(n >= MIN_BASE_SAMPLES, "Sobol' base samples N must be >= %s but was %s", MIN_BASE_SAMPLES, n);
      checkArgument(n <= (1 << 30) / (model.factors().size() + 2),
          "Sobol' base samples N = %s with %s factors exceed the sequence's 2^30 points", n, model.factors().size());
      this.n = n;
      return this;
    }

    /**
     * Sets the bootstrap resamples of the confidence intervals; default 1000.
     *
     * @param resamples {@code >= 1}
     * @return this builder
     * @throws IllegalArgumentException naming the value if it is less than 1
     */
    public Builder bootstrap(int resamples) {
      checkArgument(resamples >= 1, "bootstrap resamples must be >= 1 but was %s", resamples);
      this.resamples = resamples;
      return this;
    }

    /**
     * Sets the level of the confidence intervals; default 0.95.
     *
     * @param level in {@code (0, 1)}
     * @return this builder
     * @throws IllegalArgumentException naming the value if it is outside {@code (0, 1)}
     */
    public Builder confidence(double level) {
      checkArgument(level > 0 && level < 1, "confidence level must be in (0, 1) but was %s", level);
      this.confidence = level;
      return this;
    }

    /**
     * Sets the seed of the bootstrap; default 0.
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets the threads the model runs on; default the number of available processors. The result
     * does not depend on it.
     *
     * @param threads {@code >= 1}
     * @return this builder
     * @throws IllegalArgumentException naming the value if it is less than 1
     */
    public Builder threads(int threads) {
      checkArgument(threads >= 1, "threads must be >= 1 but was %s", threads);
      this.threads = threads;
      return this;
    }

    /**
     * Adds a listener that hears how many of the {@code N · (k + 2)} evaluations are done.
     *
     * @param listener the listener, called from one thread at a time
     * @return this builder
     */
    public Builder progress(ProgressListener listener) {
      listeners.add(checkNotNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the analysis.
     *
     * @return the analysis
     */
    public Sobol build() {
      return new Sobol(this);
    }

    /**
     * Builds and runs the analysis.
     *
     * @return the indices
     * @see Sobol#run()
     */
    public SobolResult run() {
      return build().run();
    }
  }
}
