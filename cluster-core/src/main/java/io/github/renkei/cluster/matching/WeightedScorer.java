package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.Organization;
import java.util.Arrays;
import java.util.Locale;

/**
 * A weighted sum of component scorers, each weight named by its component. Its breakdown lists
 * every component's weighted contribution. Built with {@link Scorers#weighted()}. A sum that
 * would pass {@link Double#MAX_VALUE} (finite weights times finite scores can) is rejected with
 * an {@link IllegalArgumentException} naming the need, the supplier and the component, never
 * returned as infinity.
 *
 * <pre>{@code
 * WeightedScorer s = Scorers.standard();
 * s.weights();                                     // {capability-fit=1.0, proximity=2.0, ...}
 * WeightedScorer local = s.withWeight("proximity", 4.0);
 * }</pre>
 */
public final class WeightedScorer implements Scorer, PreparedScorer.Preparable {

  private final ImmutableList<Scorer> components;
  private final double[] weights;
  private final ImmutableMap<String, Double> weightMap;
  /** The components' names, shared by every breakdown; never changed. */
  private final String[] names;

  private WeightedScorer(ImmutableList<Scorer> components, double[] weights) {
    this.components = components;
    this.weights = weights;
    ImmutableMap.Builder<String, Double> m = ImmutableMap.builder();
    for (int i = 0; i < weights.length; i++) {
      m.put(components.get(i).name(), weights[i]);
    }
    this.weightMap = m.buildOrThrow();
    this.names = weightMap.keySet().toArray(new String[0]);
  }

  @Override
  public String name() {
    return "weighted";
  }

  /**
   * Returns the weights by component name, in order.
   *
   * @return the weights
   */
  public ImmutableMap<String, Double> weights() {
    return weightMap;
  }

  /**
   * Returns the components, in order.
   *
   * @return the component scorers
   */
  public ImmutableList<Scorer> components() {
    return components;
  }

  /**
   * Returns a copy with one component's weight changed.
   *
   * @param component the component's name
   * @param weight the new weight, finite and {@code >= 0}
   * @return the new scorer
   * @throws IllegalArgumentException naming the component if there is none of that name
   */
  public WeightedScorer withWeight(String component, double weight) {
    checkNotNull(component, "component");
    checkWeight(component, weight);
    int i = components.stream().map(Scorer::name).toList().indexOf(component);
    checkArgument(i >= 0, "no component '%s' in %s", component, weightMap.keySet());
    double[] w = weights.clone();
    w[i] = weight;
    return new WeightedScorer(components, w);
  }

  private static void checkWeight(String component, double weight) {
    checkArgument(Double.isFinite(weight) && weight >= 0,
        "the weight of '%s' must be finite and >= 0 but was %s", component, weight);
  }

  @Override
  public double score(Need need, Organization supplier, MatchContext context) {
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] != 0) {
        Scorer c = components.get(i);
        double score = Scorers.checked(c.score(need, supplier, context), c, need, supplier);
        double sum = total + weights[i] * score;
        if (sum == Double.POSITIVE_INFINITY) {
          throw overflow(need, supplier, i, score, total);
        }
        total = sum;
      }
    }
    return total;
  }

  /**
   * The weighted sum over the components' prepared scores, with the same checks in the same order
   * as {@link #score}, so the same doubles and the same exceptions.
   */
  @Override
  public PreparedScorer prepare(MatchContext context) {
    int n = (int) Arrays.stream(weights).filter(w -> w != 0).count();
    int[] used = new int[n];
    PreparedScorer[] prepared = new PreparedScorer[n];
    for (int i = 0, u = 0; i < weights.length; i++) {
      if (weights[i] != 0) {
        used[u] = i;
        prepared[u++] = PreparedScorer.of(components.get(i), context);
      }
    }
    PreparedScorer scores = need -> {
      PreparedScorer.NeedScores[] parts = new PreparedScorer.NeedScores[n];
      for (int u = 0; u < n; u++) {
        parts[u] = prepared[u].forNeed(need);
      }
      return new PreparedScorer.NeedScores() {
        @Override
        public double score(int j) {
          double total = 0;
          for (int u = 0; u < n; u++) {
            int i = used[u];
            double score = Scorers.checked(parts[u].score(j), components.get(i), need, context, j);
            double sum = total + weights[i] * score;
            if (sum == Double.POSITIVE_INFINITY) {
              throw overflow(need, context.suppliers().get(j), i, score, total);
            }
            total = sum;
          }
          return total;
        }

        /** As {@link #explain(Need, Organization, MatchContext)}: the same products, summed in the same order. */
        @Override
        public ScoreBreakdown explain(int j) {
          double[] contributions = new double[weights.length];
          double total = 0;
          for (int i = 0, u = 0; i < weights.length; i++) {
            if (u < n && used[u] == i) {
              contributions[i] = weights[i] * Scorers.checked(parts[u++].score(j), components.get(i), need, context, j);
            }
            total += contributions[i];
          }
          return ScoreBreakdown.compact(total, names, contributions);
        }
      };
    };
    // bounds: the weighted sums of the components' bounds, if every used component has them
    PreparedScorer.Bounds[] parts = new PreparedScorer.Bounds[n];
    for (int u = 0; u < n; u++) {
      parts[u] = prepared[u].bounds();
      if (parts[u] == null) {
        return scores;
      }
    }
    double[] supplierBound = new double[context.suppliers().size()];
    for (int j = 0; j < supplierBound.length; j++) {
      for (int u = 0; u < n; u++) {
        supplierBound[j] += weights[used[u]] * parts[u].supplier(j);
      }
    }
    return PreparedScorer.bounded(scores, supplierBound, (Need need, double[] sum) -> {
      Arrays.fill(sum, 0.0);
      for (int u = 0; u < n; u++) {
        double[] part = parts[u].prefectures(need);
        if (part != PreparedScorer.NO_PREFECTURE_BOUND) {
          for (int p = 0; p < sum.length; p++) {
            sum[p] += weights[used[u]] * part[p];
          }
        }
      }
      return sum;
    });
  }

  private IllegalArgumentException overflow(Need need, Organization supplier, int component, double score,
      double total) {
    // not checkArgument: its varargs would box three doubles per component and pair
    return new IllegalArgumentException(String.format(Locale.ROOT, "the weighted score of need '%s' and supplier"
        + " '%s' exceeds Double.MAX_VALUE: adding the weight %s times the score %s of '%s' to %s overflows;"
        + " scale the weights or scores down", need.id(), supplier.id(), weights[component], score,
        components.get(component).name(), total));
  }

  @Override
  public ScoreBreakdown explain(Need need, Organization supplier, MatchContext context) {
    // the components in order and their sum in that order, as ScoreBreakdown.of(Map) adds them
    double[] parts = new double[weights.length];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      Scorer c = components.get(i);
      parts[i] = weights[i] == 0
          ? 0.0
          : weights[i] * Scorers.checked(c.score(need, supplier, context), c, need, supplier);
      total += parts[i];
    }
    return ScoreBreakdown.compact(total, names, parts);
  }

  @Override
  public String toString() {
    return "weighted" + weightMap;
  }

  /** Builds a {@link WeightedScorer}. */
  public static final class Builder {
    private final ImmutableList.Builder<Scorer> components = ImmutableList.builder();
    private final java.util.List<Double> weights = new java.util.ArrayList<>();
    private final java.util.Set<String> names = new java.util.HashSet<>();

    Builder() {}

    /**
     * Adds a component.
     *
     * @param weight its weight, finite and {@code >= 0}
     * @param component the scorer; names must be distinct
     * @return this builder
     */
    public Builder add(double weight, Scorer component) {
      checkNotNull(component, "component");
      checkWeight(component.name(), weight);
      checkArgument(names.add(component.name()), "a component named '%s' is already present", component.name());
      components.add(component);
      weights.add(weight);
      return this;
    }

    /**
     * Builds the composite.
     *
     * @return the scorer
     */
    public WeightedScorer build() {
      double[] w = new double[weights.size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = weights.get(i);
      }
      return new WeightedScorer(components.build(), w);
    }
  }
}
