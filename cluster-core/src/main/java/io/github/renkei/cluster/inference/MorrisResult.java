package io.github.renkei.cluster.inference;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Comparator;
import java.util.Locale;

/**
 * The summaries of a model's elementary effects, as {@link Morris#run()} gives them. Immutable;
 * equal when every number is.
 *
 * <pre>{@code
 * result.of("x1").muStar().value();   // μ*
 * result.ranking();                   // [x1, x2, x3]
 * System.out.println(result);         // a table
 * }</pre>
 */
public final class MorrisResult {

  /**
   * One factor's elementary effects, on the unit scale of its range.
   *
   * @param factor the factor's name
   * @param muStar μ*, the mean absolute effect, with its bootstrap interval
   * @param mu μ, the mean effect
   * @param sigma σ, the effects' sample standard deviation
   */
  public record Effects(String factor, Estimate muStar, double mu, double sigma) {

    /**
     * Checks the effects.
     *
     * @param factor the factor's name
     * @param muStar μ* with its interval
     * @param mu μ
     * @param sigma σ
     * @throws NullPointerException if a part is null
     */
    public Effects {
      checkNotNull(factor, "factor");
      checkNotNull(muStar, "muStar");
    }
  }

  private final String model;
  private final Morris.Design design;
  private final ImmutableList<Effects> effects;
  private final int trajectories;
  private final int levels;
  private final long evaluations;
  private final int resamples;
  private final double confidence;
  private final long seed;

  MorrisResult(String model, Morris.Design design, ImmutableList<Effects> effects, int trajectories, int levels, long evaluations,
      int resamples, double confidence, long seed) {
    this.model = model;
    this.design = design;
    this.effects = effects;
    this.trajectories = trajectories;
    this.levels = levels;
    this.evaluations = evaluations;
    this.resamples = resamples;
    this.confidence = confidence;
    this.seed = seed;
  }

  /**
   * Returns every factor's effects, in factor order.
   *
   * @return the effects
   */
  public ImmutableList<Effects> effects() {
    return effects;
  }

  /**
   * Returns a factor's effects.
   *
   * @param factor the factor's name
   * @return its effects
   * @throws IllegalArgumentException naming the factor if the model has none of that name
   */
  public Effects of(String factor) {
    checkNotNull(factor, "factor");
    for (Effects e : effects) {
      if (e.factor().equals(factor)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown factor '" + factor + "' (factors: " + factorNames() + ")");
  }

  /**
   * Returns the factors' names, in factor order.
   *
   * @return the names
   */
  public ImmutableList<String> factorNames() {
    return effects.stream().map(Effects::factor).collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the factors from the most to the least influential by μ*; ties keep factor order.
   *
   * @return the names
   */
  public ImmutableList<String> ranking() {
    return effects.stream()
        .sorted(Comparator.comparingDouble((Effects e) -> e.muStar().value()).reversed())
        .map(Effects::factor)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the design of the points.
   *
   * @return trajectories or stars
   */
  public Morris.Design design() {
    return design;
  }

  /**
   * Returns the number of trajectories r.
   *
   * @return r
   */
  public int trajectories() {
    return trajectories;
  }

  /**
   * Returns the number of grid levels p of the trajectory design.
   *
   * @return p (set but unused by the radial design)
   */
  public int levels() {
    return levels;
  }

  /**
   * Returns how many times the model ran.
   *
   * @return {@code r · (k + 1)}
   */
  public long evaluations() {
    return evaluations;
  }

  /**
   * Returns the bootstrap resamples behind μ*'s intervals.
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
   * Returns the seed of the trajectories and the bootstrap.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MorrisResult)) {
      return false;
    }
    MorrisResult r = (MorrisResult) o;
    return r.model.equals(model) && r.design == design && r.effects.equals(effects) && r.trajectories == trajectories
        && r.levels == levels && r.evaluations == evaluations && r.resamples == resamples
        && Double.compare(r.confidence, confidence) == 0 && r.seed == seed;
  }

  @Override
  public int hashCode() {
    return effects.hashCode() * 31 + trajectories;
  }

  /** Returns a table: one row per factor in ranking order, with μ* and its interval, μ and σ. */
  @Override
  public String toString() {
    int width = Math.max(6, effects.stream().mapToInt(e -> e.factor().length()).max().orElse(0));
    StringBuilder s = new StringBuilder();
    String layout = design == Morris.Design.TRAJECTORY
        ? String.format(Locale.ROOT, "r = %d trajectories, p = %d levels", trajectories, levels)
        : String.format(Locale.ROOT, "r = %d radial stars on the Sobol' sequence", trajectories);
    s.append(String.format(Locale.ROOT, "Morris elementary effects of %s%n%s, %d evaluations, %d bootstrap "
        + "resamples, %.0f%% percentile intervals of mu*%n", model, layout, evaluations, resamples, confidence * 100));
    s.append(String.format(Locale.ROOT, "%-" + width + "s  %10s  %-25s  %10s  %10s%n", "factor", "mu*",
        "mu* interval", "mu", "sigma"));
    for (String name : ranking()) {
      Effects e = of(name);
      s.append(String.format(Locale.ROOT, "%-" + width + "s  %10.4g  [%10.4g, %10.4g]  %10.4g  %10.4g%n", name,
          e.muStar().value(), e.muStar().interval().lower(), e.muStar().interval().upper(), e.mu(), e.sigma()));
    }
    return s.toString();
  }
}
