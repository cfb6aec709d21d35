package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Calibration} found: the best point, every evaluation of the search in order, and
 * the fit of the best point to each target. Immutable; equal when all of that is, so two runs
 * can be compared exactly.
 *
 * <pre>{@code
 * CalibrationResult r = calibration.run();
 * r.bestValues();                     // {entry-rate=0.31, rotation-years=3}
 * r.fit().get(0).inside();            // does the observed value lie in the 95% CI?
 * Experiment.of(scenario).grid(r.grid()).replications(200).seed(7).run();   // rerun the best point
 * }</pre>
 */
public final class CalibrationResult {

  /** The phase of the search an evaluation belongs to. */
  public enum Phase {
    /** The Latin hypercube that explores the box. */
    LATIN_HYPERCUBE,
    /** The Nelder–Mead refinement of the hypercube's best point. */
    NELDER_MEAD
  }

  /**
   * One evaluation of the search.
   *
   * @param index its place in the history, from 0
   * @param phase the phase it belongs to
   * @param values the free parameters' values, in the order they were freed
   * @param distance the mean squared scaled error over the targets, +∞ if no replication
   *     reached some target's time
   */
  public record Evaluation(int index, Phase phase, ImmutableMap<String, Object> values, double distance) {

    /**
     * Validates the fields.
     *
     * @param index the index
     * @param phase the phase
     * @param values the values
     * @param distance the distance
     * @throws IllegalArgumentException naming the value if the index is negative or the
     *     distance negative or NaN
     */
    public Evaluation {
      checkArgument(index >= 0, "evaluation index must be >= 0 but was %s", index);
      checkNotNull(phase, "phase");
      checkNotNull(values, "values");
      checkArgument(distance >= 0, "distance must be >= 0 but was %s", distance);
    }
  }

  /**
   * How well the best point fits one target.
   *
   * @param target the target
   * @param simulated the target's metric at its time over the best point's replications
   */
  public record Fit(Target target, Statistics simulated) {

    /**
     * Validates the fields.
     *
     * @param target the target
     * @param simulated the summary
     */
    public Fit {
      checkNotNull(target, "target");
      checkNotNull(simulated, "simulated");
    }

    /**
     * Returns the metric's name.
     *
     * @return the metric
     */
    public String metric() {
      return target.metric();
    }

    /**
     * Returns the time label.
     *
     * @return the time
     */
    public String time() {
      return target.time();
    }

    /**
     * Returns the observed value.
     *
     * @return the observed value
     */
    public double observed() {
      return target.observed();
    }

    /**
     * Returns the simulated mean.
     *
     * @return the mean over the replications
     */
    public double mean() {
      return simulated.mean();
    }

    /**
     * Returns the 95% confidence interval of the simulated mean.
     *
     * @return the interval, or empty for a single replication
     */
    public Optional<Statistics.Interval> confidenceInterval95() {
      return simulated.confidenceInterval95();
    }

    /**
     * Returns the lower bound of the 95% confidence interval of the simulated mean.
     *
     * @return the bound, or NaN for a single replication
     */
    public double lower() {
      return confidenceInterval95().map(Statistics.Interval::lower).orElse(Double.NaN);
    }

    /**
     * Returns the upper bound of the 95% confidence interval of the simulated mean.
     *
     * @return the bound, or NaN for a single replication
     */
    public double upper() {
      return confidenceInterval95().map(Statistics.Interval::upper).orElse(Double.NaN);
    }

    /**
     * Whether the observed value lies in the 95% confidence interval of the simulated mean.
     *
     * @return {@code true} if it does; {@code false} also for a single replication
     */
    public boolean inside() {
      return confidenceInterval95().map(ci -> ci.contains(target.observed())).orElse(false);
    }
  }

  private final String scenario;
  private final long seed;
  private final int replications;
  private final Parameters best;
  private final Grid grid;
  private final int bestIndex;
  private final ImmutableList<Evaluation> history;
  private final ImmutableList<Fit> fit;

  CalibrationResult(String scenario, long seed, int replications, Parameters best, Grid grid, int bestIndex,
      ImmutableList<Evaluation> history, ImmutableList<Fit> fit) {
    this.scenario = scenario;
    this.seed = seed;
    this.replications = replications;
    this.best = best;
    this.grid = grid;
    this.bestIndex = bestIndex;
    this.history = history;
    this.fit = fit;
  }

  /**
   * Returns the name of the calibrated scenario.
   *
   * @return the name
   */
  public String scenario() {
    return scenario;
  }

  /**
   * Returns the root seed of every evaluation.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the replications of every evaluation.
   *
   * @return the replications
   */
  public int replications() {
    return replications;
  }

  /**
   * Returns every parameter's value at the best point: the free ones as found, the others as
   * fixed or by default. Ready for {@link Simulation#run(Scenario, Parameters, long, int)}.
   *
   * @return the parameters
   */
  public Parameters best() {
    return best;
  }

  /**
   * Returns the free parameters' values at the best point.
   *
   * @return the values by name, in the order they were freed
   */
  public ImmutableMap<String, Object> bestValues() {
    return bestEvaluation().values();
  }

  /**
   * Returns the evaluation of the best point: the first of those with the smallest distance.
   *
   * @return the evaluation
   */
  public Evaluation bestEvaluation() {
    return history.get(bestIndex);
  }

  /**
   * Returns the best point's distance.
   *
   * @return the mean over the targets of {@code ((simulated mean − observed) / scale)²}
   */
  public double distance() {
    return bestEvaluation().distance();
  }

  /**
   * Returns the number of evaluations, of both phases.
   *
   * @return the size of the history
   */
  public int evaluations() {
    return history.size();
  }

  /**
   * Returns every evaluation, in the order the search made them.
   *
   * @return the history
   */
  public ImmutableList<Evaluation> history() {
    return history;
  }

  /**
   * Returns the fit of the best point to each target, in the order of the targets.
   *
   * @return one row per target
   */
  public ImmutableList<Fit> fit() {
    return fit;
  }

  /**
   * Returns a one-point grid of the best point: the free parameters' values and those of the
   * fixed parameters that differ from their defaults, to run the calibrated scenario in an
   * {@link Experiment}.
   *
   * @return the grid
   */
  public Grid grid() {
    return grid;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CalibrationResult)) {
      return false;
    }
    CalibrationResult r = (CalibrationResult) o;
    return scenario.equals(r.scenario) && seed == r.seed && replications == r.replications && best.equals(r.best)
        && grid.equals(r.grid) && bestIndex == r.bestIndex && history.equals(r.history) && fit.equals(r.fit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scenario, seed, replications, best, bestIndex, history);
  }

  /**
   * Returns the best point and a table of the fit, for example:
   *
   * <pre>
   * Calibration of 'registry' (seed 2005, 20 replications): 92 evaluations, best #41 (NELDER_MEAD)
   * entry-rate = 0.3012, rotation-years = 3; distance 1.234e-05
   * metric      time  observed  simulated  95% CI          inside
   * registered  2011  50        49.87      [48.91, 50.83]  yes
   * </pre>
   */
  @Override
  public String toString() {
    Evaluation b = bestEvaluation();
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "Calibration of '%s' (seed %d, %d replications): %d evaluations, best #%d (%s)%n", scenario, seed,
        replications, history.size(), b.index(), b.phase()));
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, Object> e : b.values().entrySet()) {
      values.add(e.getKey() + " = " + format(e.getValue()));
    }
    s.append(String.join(", ", values)).append("; distance ").append(format(b.distance()))
        .append(System.lineSeparator());
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"metric", "time", "observed", "simulated", "95% CI", "inside"});
    for (Fit f : fit) {
      rows.add(new String[] {f.metric(), f.time(), format(f.observed()), format(f.mean()),
          f.confidenceInterval95().map(ci -> "[" + format(ci.lower()) + ", " + format(ci.upper()) + "]").orElse("n/a"),
          f.confidenceInterval95().isPresent() ? (f.inside() ? "yes" : "no") : "n/a"});
    }
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    for (int r = 0; r < rows.size(); r++) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < widths.length; c++) {
        String cell = rows.get(r)[c];
        line.append(cell).append(" ".repeat(c + 1 < widths.length ? widths[c] - cell.length() + 2 : 0));
      }
      s.append(line.toString().stripTrailing());
      if (r + 1 < rows.size()) {
        s.append(System.lineSeparator());
      }
    }
    return s.toString();
  }

  private static String format(Object value) {
    if (value instanceof Double) {
      return format(((Double) value).doubleValue());
    }
    return String.valueOf(value);
  }

  private static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
