package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The downhill simplex method of Nelder and Mead ("A simplex method for function minimization",
 * The Computer Journal 7(4), 1965, 308–313), with the standard coefficients — reflection 1,
 * expansion 2, contraction 0.5, shrink 0.5 — and the conventions of Lagarias, Reeds, Wright and
 * Wright ("Convergence properties of the Nelder–Mead simplex method in low dimensions", SIAM
 * Journal on Optimization 9(1), 1998, 112–147):
 * <ul>
 *   <li>an expansion is accepted only if it is strictly better than the reflection ("greedy
 *       minimization");</li>
 *   <li>outside contraction is accepted if not worse than the reflection, inside contraction
 *       only if strictly better than the worst vertex; otherwise the simplex shrinks towards
 *       the best vertex;</li>
 *   <li>ties are broken deterministically: a new vertex ranks after every vertex with the same
 *       value, and after a shrink the best vertex keeps the first place among equals and the
 *       others keep their previous order.</li>
 * </ul>
 *
 * <p>It stops after at most {@code maxEvaluations} evaluations of the objective, or once every
 * vertex lies within {@code xTolerance} of the best in every coordinate and every value within
 * {@code fTolerance} of the best value (the test of MATLAB's {@code fminsearch}). In an optional
 * box, a trial point that leaves it is reflected at the bound (and clamped, if it left by more
 * than the box's width). A NaN value counts as +∞. The initial simplex, and the points of a
 * shrink, are evaluated in one batch, so the objective may evaluate them together. Each
 * iteration costs 1, 2 or {@code n + 2} evaluations in {@code n} dimensions; no guarantee of
 * convergence beyond the results of Lagarias et al. for strictly convex functions in one and
 * two dimensions.
 */
final class NelderMead {

  /** The reflection coefficient ρ. */
  static final double REFLECTION = 1.0;
  /** The expansion coefficient χ. */
  static final double EXPANSION = 2.0;
  /** The contraction coefficient γ. */
  static final double CONTRACTION = 0.5;
  /** The shrink coefficient σ. */
  static final double SHRINK = 0.5;

  /** An objective that evaluates several points at once. */
  @FunctionalInterface
  interface Objective {

    /**
     * Evaluates points.
     *
     * @param points the points, which the objective must not change
     * @return one value per point, in order
     */
    double[] values(List<double[]> points);

    /**
     * An objective that evaluates a function at each point in turn.
     *
     * @param f the function
     * @return the objective
     */
    static Objective each(ToDoubleFunction<double[]> f) {
      checkNotNull(f, "f");
      return points -> points.stream().mapToDouble(f).toArray();
    }
  }

  /**
   * The outcome of a minimization.
   *
   * @param point the best point found
   * @param value its value
   * @param evaluations how many times the objective was evaluated
   * @param converged whether the tolerances were met (rather than the evaluations spent)
   */
  record Result(double[] point, double value, int evaluations, boolean converged) {}

  private final int maxEvaluations;
  private final double xTolerance;
  private final double fTolerance;
  private final double lower;
  private final double upper;

  private NelderMead(int maxEvaluations, double xTolerance, double fTolerance, double lower, double upper) {
    this.maxEvaluations = maxEvaluations;
    this.xTolerance = xTolerance;
    this.fTolerance = fTolerance;
    this.lower = lower;
    this.upper = upper;
  }

  /**
   * An unbounded minimizer with tolerances of 1e-10.
   *
   * @param maxEvaluations the most evaluations, {@code >= 0}
   * @return the minimizer
   */
  static NelderMead of(int maxEvaluations) {
    checkArgument(maxEvaluations >= 0, "max evaluations must be >= 0 but was %s", maxEvaluations);
    return new NelderMead(maxEvaluations, 1e-10, 1e-10, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /**
   * Returns a minimizer with other tolerances.
   *
   * @param x the largest spread of the vertices, per coordinate, at which it stops
   * @param f the largest spread of their values at which it stops
   * @return the minimizer
   */
  NelderMead tolerances(double x, double f) {
    checkArgument(x >= 0 && f >= 0, "tolerances must be >= 0 but were %s and %s", x, f);
    return new NelderMead(maxEvaluations, x, f, lower, upper);
  }

  /**
   * Returns a minimizer that keeps every coordinate in a closed interval.
   *
   * @param low the lower bound
   * @param high the upper bound, above the lower
   * @return the minimizer
   */
  NelderMead within(double low, double high) {
    checkArgument(Double.isFinite(low) && Double.isFinite(high) && low < high,
        "bounds must be finite with lower < upper but were [%s, %s]", low, high);
    return new NelderMead(maxEvaluations, xTolerance, fTolerance, low, high);
  }

  /**
   * Minimizes an objective, starting with a simplex of the start and {@code start + steps[i] e_i}
   * (or {@code start − steps[i] e_i} if that leaves the box).
   *
   * @param f the objective
   * @param start the first vertex, inside the box
   * @param steps per coordinate, a non-zero offset
   * @return the best point found
   */
  Result minimize(Objective f, double[] start, double[] steps) {
    return new Search(checkNotNull(f, "f"), start, Double.NaN, steps).run();
  }

  /**
   * Minimizes an objective whose value at the start is known, so it is not evaluated again.
   *
   * @param f the objective
   * @param start the first vertex, inside the box
   * @param startValue the objective's value at the start
   * @param steps per coordinate, a non-zero offset
   * @return the best point found
   */
  Result minimize(Objective f, double[] start, double startValue, double[] steps) {
    return new Search(checkNotNull(f, "f"), start, Double.isNaN(startValue) ? Double.POSITIVE_INFINITY : startValue,
        steps).run();
  }

  /** One minimization: the simplex, sorted by value, and the evaluations spent. */
  private final class Search {
    private final Objective f;
    private final int n;
    private final double[][] x;
    private final double[] fx;
    private int evaluations;
    private double[] best;
    private double bestValue = Double.POSITIVE_INFINITY;

    Search(Objective f, double[] start, double startValue, double[] steps) {
      checkNotNull(start, "start");
      checkNotNull(steps, "steps");
      checkArgument(start.length >= 1, "the start needs at least one coordinate");
      checkArgument(steps.length == start.length, "%s steps for %s coordinates", steps.length, start.length);
      for (int i = 0; i < start.length; i++) {
        checkArgument(start[i] >= lower && start[i] <= upper && Double.isFinite(start[i]),
            "start coordinate %s is %s, outside [%s, %s]", i, start[i], lower, upper);
        checkArgument(steps[i] != 0 && Double.isFinite(steps[i]), "step %s must be finite and non-zero but was %s",
            (Integer) i, (Double) steps[i]);
      }
      this.f = f;
      this.n = start.length;
      this.x = new double[n + 1][];
      this.fx = new double[n + 1];
      x[0] = start.clone();
      for (int i = 0; i < n; i++) {
        double[] v = start.clone();
        v[i] = start[i] + steps[i] <= upper ? start[i] + steps[i] : start[i] - steps[i];
        x[i + 1] = project(v);
      }
      fx[0] = startValue;
      if (!Double.isNaN(startValue)) {
        best = x[0].clone();
        bestValue = startValue;
      }
    }

    Result run() {
      int first = Double.isNaN(fx[0]) ? 0 : 1;
      if (!evaluate(first, n + 1)) {
        return result(false);
      }
      sort();
      while (true) {
        if (converged()) {
          return result(true);
        }
        if (evaluations >= maxEvaluations || !iterate()) {
          return result(false);
        }
      }
    }

    /** One iteration; false if the evaluations ran out before it completed. */
    private boolean iterate() {
      double[] centroid = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          centroid[j] += x[i][j];
        }
      }
      for (int j = 0; j < n; j++) {
        centroid[j] /= n;
      }
      double[] worst = x[n];
      double[] r = along(centroid, worst, REFLECTION);
      double fr = single(r);
      if (fx[0] <= fr && fr < fx[n - 1]) {
        accept(r, fr);
        return true;
      }
      if (fr < fx[0]) {
        if (evaluations >= maxEvaluations) {
          accept(r, fr);
          return false;
        }
        double[] e = along(centroid, worst, REFLECTION * EXPANSION);
        double fe = single(e);
        if (fe < fr) {
          accept(e, fe);
        } else {
          accept(r, fr);
        }
        return true;
      }
      if (evaluations >= maxEvaluations) {
        return false;
      }
      if (fr < fx[n]) {
        double[] c = along(centroid, worst, REFLECTION * CONTRACTION);
        double fc = single(c);
        if (fc <= fr) {
          accept(c, fc);
          return true;
        }
      } else {
        double[] cc = along(centroid, worst, -CONTRACTION);
        double fcc = single(cc);
        if (fcc < fx[n]) {
          accept(cc, fcc);
          return true;
        }
      }
      for (int i = 1; i <= n; i++) {
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
          v[j] = x[0][j] + SHRINK * (x[i][j] - x[0][j]);
        }
        x[i] = project(v);
      }
      boolean complete = evaluate(1, n + 1);
      sort();
      return complete;
    }

    /** The point {@code centroid + t (centroid − worst)}, kept in the box. */
    private double[] along(double[] centroid, double[] worst, double t) {
      double[] p = new double[n];
      for (int j = 0; j < n; j++) {
        p[j] = centroid[j] + t * (centroid[j] - worst[j]);
      }
      return project(p);
    }

    private double[] project(double[] p) {
      for (int j = 0; j < p.length; j++) {
        if (p[j] < lower) {
          p[j] = lower + (lower - p[j]);
        } else if (p[j] > upper) {
          p[j] = upper - (p[j] - upper);
        }
        p[j] = Math.max(lower, Math.min(upper, p[j]));
      }
      return p;
    }

    /** Replaces the worst vertex, ranking the new one after every vertex of equal value. */
    private void accept(double[] p, double value) {
      int at = 0;
      while (at < n && Double.compare(fx[at], value) <= 0) {
        at++;
      }
      for (int i = n; i > at; i--) {
        x[i] = x[i - 1];
        fx[i] = fx[i - 1];
      }
      x[at] = p;
      fx[at] = value;
    }

    /** Stable sort by value: after a shrink, vertex 0 stays first among equals. */
    private void sort() {
      Integer[] order = new Integer[n + 1];
      for (int i = 0; i <= n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Double.compare(fx[a], fx[b]));
      double[][] xs = new double[n + 1][];
      double[] fs = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        xs[i] = x[order[i]];
        fs[i] = fx[order[i]];
      }
      System.arraycopy(xs, 0, x, 0, n + 1);
      System.arraycopy(fs, 0, fx, 0, n + 1);
    }

    private boolean converged() {
      for (int i = 1; i <= n; i++) {
        if (!(Math.abs(fx[i] - fx[0]) <= fTolerance)) {   // also for infinities
          return false;
        }
        for (int j = 0; j < n; j++) {
          if (Math.abs(x[i][j] - x[0][j]) > xTolerance) {
            return false;
          }
        }
      }
      return true;
    }

    private double single(double[] p) {
      return values(List.of(p))[0];
    }

    /** Evaluates vertices from..to−1 as far as the budget allows; false if it did not. */
    private boolean evaluate(int from, int to) {
      int affordable = Math.min(to, from + Math.max(0, maxEvaluations - evaluations));
      List<double[]> batch = new ArrayList<>();
      for (int i = from; i < affordable; i++) {
        batch.add(x[i]);
      }
      double[] v = batch.isEmpty() ? new double[0] : values(batch);
      for (int i = from; i < affordable; i++) {
        fx[i] = v[i - from];
      }
      for (int i = affordable; i < to; i++) {
        fx[i] = Double.POSITIVE_INFINITY;
      }
      return affordable == to;
    }

    private double[] values(List<double[]> points) {
      List<double[]> copies = new ArrayList<>(points.size());
      points.forEach(p -> copies.add(p.clone()));
      double[] v = f.values(copies);
      checkArgument(v.length == points.size(), "the objective returned %s values for %s points", v.length,
          points.size());
      evaluations += points.size();
      for (int i = 0; i < v.length; i++) {
        if (Double.isNaN(v[i])) {
          v[i] = Double.POSITIVE_INFINITY;
        }
        if (v[i] < bestValue || best == null) {
          best = points.get(i).clone();
          bestValue = v[i];
        }
      }
      return v;
    }

    private Result result(boolean converged) {
      return new Result(best == null ? x[0].clone() : best, bestValue, evaluations, converged);
    }
  }
}
