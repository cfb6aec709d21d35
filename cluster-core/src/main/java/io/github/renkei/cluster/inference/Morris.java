package io.github.renkei.cluster.inference;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.simulation.ProgressListener;
import io.github.renkei.cluster.simulation.RandomStreams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

/**
 * Screening by elementary effects (Morris, "Factorial sampling plans for preliminary
 * computational experiments", Technometrics 33(2), 1991, 161–174): cheap, {@code r · (k + 1)}
 * model runs, and enough to tell the factors that matter from those that do not before a
 * {@link Sobol} analysis of the few that do.
 *
 * <pre>{@code
 * MorrisResult screening = Morris.of(model)
 *     .trajectories(20)     // r
 *     .levels(4)            // p
 *     .seed(42)
 *     .run();
 * screening.ranking();      // factors by μ*, largest first
 * }</pre>
 *
 * <h2>The design</h2>
 * Each of {@code r} trajectories is a random walk on the grid {@code {0, 1/(p−1), …, 1}} of the
 * unit cube that moves every factor once, in a random order, by {@code Δ = p / (2(p − 1))}: a
 * base point {@code x*} takes each coordinate uniformly among the levels {@code ≤ 1 − Δ}, each
 * factor gets a random direction, up ({@code x*_i → x*_i + Δ}) or down ({@code x*_i + Δ →
 * x*_i}), and the walk starts at the corresponding ends (Morris's {@code B*} matrix, his §3).
 * The elementary effect of the factor that moves between points {@code x} and {@code x'} is
 * {@code (f(x') − f(x)) / (x'_i − x_i)}, on the unit scale, so effects of factors with
 * different units compare. {@code p} must be even, so that every level is equally likely.
 *
 * <h2>The radial design</h2>
 * With {@link Design#RADIAL} (Campolongo, Saltelli and Cariboni, "From screening to
 * quantitative sensitivity analysis. A unified approach", Computer Physics Communications
 * 182(4), 2011, 978–988), each of the {@code r} "trajectories" is a star instead: a base point
 * {@code a} and, for every factor {@code i}, the point {@code a} with coordinate {@code i}
 * replaced by that of an auxiliary point {@code b}; the effect is
 * {@code (f(a with b_i) − f(a)) / (b_i − a_i)}. Base point {@code j} is row {@code j + 1} of the
 * {@code 2k}-dimensional Sobol' sequence (its first {@code k} coordinates; the origin, row 0, is
 * skipped), and {@code b} the last {@code k} coordinates of the first row from {@code j + 5} on,
 * not taken by an earlier star, whose every coordinate differs from {@code a}'s — the shift of
 * four rows the paper recommends, so that {@code b} is not too close to {@code a}. The design is deterministic (the seed only
 * draws the bootstrap) and the number of levels plays no part; it takes at most
 * {@value Sobol#MAX_FACTORS} factors.
 *
 * <h2>The measures</h2>
 * Per factor, over its {@code r} effects: {@code μ} their mean, {@code σ} their sample
 * standard deviation (nonlinearity or interactions), and {@code μ*} the mean of their absolute
 * values (Campolongo, Cariboni and Saltelli, "An effective screening design for sensitivity
 * analysis of large models", Environmental Modelling &amp; Software 22(10), 2007, 1509–1518),
 * which, unlike {@code μ}, effects of opposite signs cannot cancel and which ranks factors like
 * the total Sobol' index. The confidence interval of {@code μ*} is the percentile interval of
 * {@code B} bootstrap resamples of the trajectories.
 *
 * <p>The trajectories and the bootstrap are drawn from the seed; the model's evaluations run in
 * parallel with values identical whatever the number of threads. A {@code Morris} analysis is
 * immutable and can be {@linkplain #run() run} more than once, with identical results.
 */
public final class Morris {

  /** How the points at which the model runs are laid out. */
  public enum Design {
    /** Morris's random walks on a grid of p levels, one factor moved at each step. */
    TRAJECTORY,
    /** Campolongo et al. 2011's stars around base points of the Sobol' sequence. */
    RADIAL
  }

  /** The stream name the trajectories draw from (see {@link RandomStreams#seed}). */
  static final String DESIGN_STREAM = "morris-trajectories";

  /** How many rows of the Sobol' sequence the radial design's auxiliary point lies beyond its base point. */
  static final int AUXILIARY_SHIFT = 4;

  /** The stream name the bootstrap draws from. */
  static final String BOOTSTRAP_STREAM = "morris-bootstrap";

  private final SensitivityModel model;
  private final Design design;
  private final int trajectories;
  private final int levels;
  private final int resamples;
  private final double confidence;
  private final long seed;
  private final int threads;
  private final ImmutableList<ProgressListener> listeners;

  private Morris(Builder b) {
    this.model = b.model;
    this.design = b.design;
    this.trajectories = b.trajectories;
    this.levels = b.levels;
    this.resamples = b.resamples;
    this.confidence = b.confidence;
    this.seed = b.seed;
    this.threads = b.threads;
    this.listeners = ImmutableList.copyOf(b.listeners);
  }

  /**
   * Starts a Morris screening of a model.
   *
   * @param model the model
   * @return a builder
   */
  public static Builder of(SensitivityModel model) {
    return new Builder(model);
  }

  /**
   * Returns the number of model evaluations a run makes.
   *
   * @return {@code r · (k + 1)}
   */
  public long evaluations() {
    return (long) trajectories * (model.factors().size() + 1);
  }

  /**
   * Returns the step of the trajectory design on the unit scale.
   *
   * @return {@code Δ = p / (2(p − 1))}
   */
  public double delta() {
    return levels / (2.0 * (levels - 1));
  }

  /**
   * Draws the trajectories, runs the model along them and summarizes the elementary effects.
   *
   * @return per factor μ*, μ and σ, and the interval of μ*
   * @throws IllegalArgumentException naming the design point and the factors' values if the
   *     model's value is not finite there
   * @throws IllegalStateException naming the design point if the model throws there
   * @throws CancellationException if the calling thread is interrupted
   */
  public MorrisResult run() {
    int k = model.factors().size();
    double[][] points = new double[trajectories * (k + 1)][];
    int[][] moved = new int[trajectories][k];
    double[][] steps = new double[trajectories][k];
    if (design == Design.TRAJECTORY) {
      trajectories(points, moved, steps);
    } else {
      stars(points, moved, steps);
    }
    double[] y = Evaluations.run(model, points, threads, listeners);
    double[][] effects = new double[k][trajectories];
    for (int t = 0; t < trajectories; t++) {
      int row = t * (k + 1);
      for (int j = 0; j < k; j++) {
        // a trajectory's step starts where the one before ended; a star's every ray at its centre
        int from = design == Design.TRAJECTORY ? row + j : row;
        effects[moved[t][j]][t] = (y[row + j + 1] - y[from]) / steps[t][j];
      }
    }
    SplittableRandom bootstrap = new SplittableRandom(RandomStreams.seed(seed, 0, BOOTSTRAP_STREAM));
    double[][] resampled = new double[k][resamples];
    int[] picks = new int[trajectories];
    for (int b = 0; b < resamples; b++) {
      for (int t = 0; t < trajectories; t++) {
        picks[t] = bootstrap.nextInt(trajectories);
      }
      for (int i = 0; i < k; i++) {
        double sum = 0;
        for (int t : picks) {
          sum += Math.abs(effects[i][t]);
        }
        resampled[i][b] = sum / trajectories;
      }
    }
    double tail = (1 - confidence) / 2;
    List<MorrisResult.Effects> result = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      double sum = 0;
      double abs = 0;
      for (double e : effects[i]) {
        sum += e;
        abs += Math.abs(e);
      }
      double mu = sum / trajectories;
      double squares = 0;
      for (double e : effects[i]) {
        squares += (e - mu) * (e - mu);
      }
      double muStar = abs / trajectories;
      result.add(new MorrisResult.Effects(model.factors().get(i).name(), Estimate.percentile(muStar, resampled[i], tail),
          mu, Math.sqrt(squares / (trajectories - 1))));
    }
    return new MorrisResult(model.toString(), design, ImmutableList.copyOf(result), trajectories, levels,
        evaluations(), resamples, confidence, seed);
  }

  /** Morris's random walks: the points of trajectory t, the factor moved at each step and the step. */
  private void trajectories(double[][] points, int[][] moved, double[][] steps) {
    int k = model.factors().size();
    double delta = delta();
    SplittableRandom random = new SplittableRandom(RandomStreams.seed(seed, 0, DESIGN_STREAM));
    // base levels 0, 1/(p-1), ..., 1 - Δ: the first p/2 of the p levels
    int baseLevels = levels / 2;
    for (int t = 0; t < trajectories; t++) {
      double[] x = new double[k];
      double[] direction = new double[k];
      for (int i = 0; i < k; i++) {
        double base = random.nextInt(baseLevels) / (double) (levels - 1);
        direction[i] = random.nextBoolean() ? 1 : -1;
        x[i] = direction[i] > 0 ? base : base + delta;
      }
      int[] order = permutation(k, random);
      int row = t * (k + 1);
      points[row] = x.clone();
      for (int j = 0; j < k; j++) {
        int i = order[j];
        x[i] = x[i] + direction[i] * delta;
        points[row + j + 1] = x.clone();
        moved[t][j] = i;
        steps[t][j] = direction[i] * delta;
      }
    }
  }

  /** Campolongo et al. 2011's stars: a base point, then each factor replaced by the auxiliary point's. */
  private void stars(double[][] points, int[][] moved, double[][] steps) {
    int k = model.factors().size();
    int rows = trajectories + 1 + AUXILIARY_SHIFT;
    double[][] sequence = SobolSequence.points(rows, 2 * k);
    int next = 0;
    for (int t = 0; t < trajectories; t++) {
      double[] a = Arrays.copyOfRange(sequence[t + 1], 0, k);
      double[] b = null;
      for (int j = Math.max(next, t + 1 + AUXILIARY_SHIFT); b == null; j++) {
        if (j >= sequence.length) {
          sequence = SobolSequence.points(2 * sequence.length, 2 * k);
        }
        double[] candidate = Arrays.copyOfRange(sequence[j], k, 2 * k);
        if (differsEverywhere(a, candidate)) {
          b = candidate;
          next = j + 1;
        }
      }
      int row = t * (k + 1);
      points[row] = a;
      for (int i = 0; i < k; i++) {
        double[] x = a.clone();
        x[i] = b[i];
        points[row + i + 1] = x;
        moved[t][i] = i;
        steps[t][i] = b[i] - a[i];
      }
    }
  }

  private static boolean differsEverywhere(double[] a, double[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        return false;
      }
    }
    return true;
  }

  /** A uniform random permutation of 0 … k−1 (Fisher–Yates). */
  private static int[] permutation(int k, SplittableRandom random) {
    int[] order = new int[k];
    for (int i = 0; i < k; i++) {
      order[i] = i;
    }
    for (int i = k - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** Returns the model and the settings. */
  @Override
  public String toString() {
    return "Morris[" + model + ", " + design + ", r=" + trajectories + ", p=" + levels + ", bootstrap=" + resamples + ", seed=" + seed
        + "]";
  }

  /** Builds a {@link Morris} analysis; every setter checks its value at once. */
  public static final class Builder {
    private final SensitivityModel model;
    private Design design = Design.TRAJECTORY;
    private int trajectories = 20;
    private int levels = 4;
    private int resamples = 1000;
    private double confidence = 0.95;
    private long seed;
    private int threads = Runtime.getRuntime().availableProcessors();
    private final List<ProgressListener> listeners = new ArrayList<>();

    private Builder(SensitivityModel model) {
      this.model = checkNotNull(model, "model");
    }

    /**
     * Sets the number of trajectories r; default 20 (Campolongo et al. 2007 find 10 to 20
     * enough for a ranking).
     *
     * @param r {@code >= 2}, so that σ is defined
     * @return this builder
     * @throws IllegalArgumentException naming the value if it is less than 2
     */
    public Builder trajectories(int r) {
      checkArgument(r >= 2, "Morris trajectories r must be >= 2 but was %s", r);
      checkArgument(r <= Integer.MAX_VALUE / (model.factors().size() + 1),
          "Morris trajectories r = %s with %s factors are too many points", r, model.factors().size());
      this.trajectories = r;
      return this;
    }

    /**
     * Sets the design; default {@link Design#TRAJECTORY}.
     *
     * @param design the design
     * @return this builder
     * @throws IllegalArgumentException naming the count if the design is radial and the model has
     *     more than {@value Sobol#MAX_FACTORS} factors
     */
    public Builder design(Design design) {
      checkNotNull(design, "design");
      checkArgument(design == Design.TRAJECTORY || model.factors().size() <= Sobol.MAX_FACTORS,
          "the radial design takes at most %s factors but the model has %s", Sobol.MAX_FACTORS,
          model.factors().size());
      this.design = design;
      return this;
    }

    /**
     * Sets the number of grid levels p of the trajectory design; default 4.
     *
     * @param p an even number {@code >= 2}
     * @return this builder
     * @throws IllegalArgumentException naming the value if it is odd or less than 2
     */
    public Builder levels(int p) {
      checkArgument(p >= 2 && p % 2 == 0, "Morris levels p must be even and >= 2 but was %s", p);
      this.levels = p;
      return this;
    }

    /**
     * Sets the bootstrap resamples of μ*'s confidence interval; default 1000.
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
     * Sets the seed of the trajectories and the bootstrap; default 0.
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
     * Adds a listener that hears how many of the {@code r · (k + 1)} evaluations are done.
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
    public Morris build() {
      return new Morris(this);
    }

    /**
     * Builds and runs the analysis.
     *
     * @return the elementary effects' summaries
     * @see Morris#run()
     */
    public MorrisResult run() {
      return build().run();
    }
  }
}
