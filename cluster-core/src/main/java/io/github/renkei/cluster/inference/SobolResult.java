package io.github.renkei.cluster.inference;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Comparator;
import java.util.Locale;

/**
 * The Sobol' indices of a model's factors, each with its bootstrap confidence interval, as
 * {@link Sobol#run()} gives them. Immutable; equal when every number is.
 *
 * <pre>{@code
 * result.firstOrder("x1").value();        // S1
 * result.totalOrder("x3").interval();     // ST's interval
 * result.ranking();                        // [x1, x2, x3]
 * System.out.println(result);              // a table
 * }</pre>
 */
public final class SobolResult {

  /**
   * One factor's indices.
   *
   * @param factor the factor's name
   * @param firstOrder its first-order index {@code S_i}
   * @param totalOrder its total index {@code ST_i}
   */
  public record Indices(String factor, Estimate firstOrder, Estimate totalOrder) {

    /**
     * Checks the indices.
     *
     * @param factor the factor's name
     * @param firstOrder its first-order index
     * @param totalOrder its total index
     * @throws NullPointerException if a part is null
     */
    public Indices {
      checkNotNull(factor, "factor");
      checkNotNull(firstOrder, "firstOrder");
      checkNotNull(totalOrder, "totalOrder");
    }
  }

  private final String model;
  private final ImmutableList<Indices> indices;
  private final int baseSamples;
  private final long evaluations;
  private final int resamples;
  private final double confidence;
  private final long seed;
  private final double mean;
  private final double variance;

  SobolResult(String model, ImmutableList<Indices> indices, int baseSamples, long evaluations, int resamples,
      double confidence, long seed, double mean, double variance) {
    this.model = model;
    this.indices = indices;
    this.baseSamples = baseSamples;
    this.evaluations = evaluations;
    this.resamples = resamples;
    this.confidence = confidence;
    this.seed = seed;
    this.mean = mean;
    this.variance = variance;
  }

  /**
   * Returns every factor's indices, in factor order.
   *
   * @return the indices
   */
  public ImmutableList<Indices> indices() {
    return indices;
  }

  /**
   * Returns a factor's indices.
   *
   * @param factor the factor's name
   * @return its indices
   * @throws IllegalArgumentException naming the factor if the model has none of that name
   */
  public Indices of(String factor) {
    checkNotNull(factor, "factor");
    for (Indices i : indices) {
      if (i.factor().equals(factor)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown factor '" + factor + "' (factors: " + factorNames() + ")");
  }

  /**
   * Returns a factor's first-order index.
   *
   * @param factor the factor's name
   * @return {@code S_i} with its interval
   * @throws IllegalArgumentException naming the factor if the model has none of that name
   */
  public Estimate firstOrder(String factor) {
    return of(factor).firstOrder();
  }

  /**
   * Returns a factor's total index.
   *
   * @param factor the factor's name
   * @return {@code ST_i} with its interval
   * @throws IllegalArgumentException naming the factor if the model has none of that name
   */
  public Estimate totalOrder(String factor) {
    return of(factor).totalOrder();
  }

  /**
   * Returns the factors' names, in factor order.
   *
   * @return the names
   */
  public ImmutableList<String> factorNames() {
    return indices.stream().map(Indices::factor).collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the factors from the most to the least influential by total index; ties keep factor
   * order.
   *
   * @return the names
   */
  public ImmutableList<String> ranking() {
    return indices.stream()
        .sorted(Comparator.comparingDouble((Indices i) -> i.totalOrder().value()).reversed())
        .map(Indices::factor)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the base sample size N.
   *
   * @return N
   */
  public int baseSamples() {
    return baseSamples;
  }

  /**
   * Returns how many times the model ran.
   *
   * @return {@code N · (k + 2)}
   */
  public long evaluations() {
    return evaluations;
  }

  /**
   * Returns the bootstrap resamples behind the intervals.
   *
   * @return the resamples
   */
  public int resamples() {
    return resamples;
  }

  /**
   * Returns the level of the intervals.
   *
   * @return for example 0.95
   */
  public double confidence() {
    return confidence;
  }

  /**
   * Returns the seed of the bootstrap.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the mean of the model's values at the rows of {@code A} and {@code B}.
   *
   * @return the mean
   */
  public double mean() {
    return mean;
  }

  /**
   * Returns the variance of the model's values at the rows of {@code A} and {@code B}, which the
   * indices divide.
   *
   * @return the variance, {@code > 0}
   */
  public double variance() {
    return variance;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SobolResult)) {
      return false;
    }
    SobolResult r = (SobolResult) o;
    return r.model.equals(model) && r.indices.equals(indices) && r.baseSamples == baseSamples
        && r.evaluations == evaluations && r.resamples == resamples && Double.compare(r.confidence, confidence) == 0
        && r.seed == seed && Double.compare(r.mean, mean) == 0 && Double.compare(r.variance, variance) == 0;
  }

  @Override
  public int hashCode() {
    return indices.hashCode() * 31 + Long.hashCode(evaluations);
  }

  /**
   * Returns a table: one row per factor in ranking order, with both indices and their intervals.
   */
  @Override
  public String toString() {
    int width = Math.max(6, indices.stream().mapToInt(i -> i.factor().length()).max().orElse(0));
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "Sobol' indices of %s%nN = %d base samples, %d evaluations, "
        + "%d bootstrap resamples, %.0f%% percentile intervals; output mean %.6g, variance %.6g%n", model,
        baseSamples, evaluations, resamples, confidence * 100, mean, variance));
    s.append(String.format(Locale.ROOT, "%-" + width + "s  %8s  %-19s  %8s  %-19s%n", "factor", "S1", "S1 interval",
        "ST", "ST interval"));
    for (String name : ranking()) {
      Indices i = of(name);
      s.append(String.format(Locale.ROOT, "%-" + width + "s  %8.4f  [%7.4f, %7.4f]  %8.4f  [%7.4f, %7.4f]%n", name,
          i.firstOrder().value(), i.firstOrder().interval().lower(), i.firstOrder().interval().upper(),
          i.totalOrder().value(), i.totalOrder().interval().lower(), i.totalOrder().interval().upper()));
    }
    return s.toString();
  }
}
