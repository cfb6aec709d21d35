package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableTable;
import com.google.common.collect.Table;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.Relationship;
import java.util.SortedSet;

/**
 * The built-in {@link Scorer}s, each scoring one aspect of a pair on [0, 1], and the weighted
 * composite that adds them up.
 *
 * <pre>{@code
 * Scorer scorer = Scorers.weighted()
 *     .add(3.0, Scorers.proximity(150))      // local sourcing matters most here
 *     .add(1.0, Scorers.experience())
 *     .add(1.0, Scorers.priorRelationship())
 *     .build();
 * }</pre>
 *
 * The coefficients inside the components (the 200 km distance scale, the saturation of
 * capability breadth, the value of non-supply ties) are assumptions of this library, stated in
 * each method; change them by writing your own component.
 */
public final class Scorers {

  private Scorers() {}

  /** A function of a pair, for {@link #of}. */
  @FunctionalInterface
  public interface PairFunction {
    /**
     * Scores a pair.
     *
     * @param need the need
     * @param supplier the supplier
     * @param context the context
     * @return the score
     */
    double score(Need need, Organization supplier, MatchContext context);
  }

  /**
   * Returns a custom scorer.
   *
   * @param name its name
   * @param function the score of a pair, finite and {@code >= 0}
   * @return the scorer
   */
  public static Scorer of(String name, PairFunction function) {
    checkNotNull(name, "name");
    checkNotNull(function, "function");
    return new Scorer() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public double score(Need need, Organization supplier, MatchContext context) {
        return function.score(need, supplier, context);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  /**
   * Scores from a table, 0 for pairs not in it: for tests and for scores computed elsewhere.
   *
   * @param name the scorer's name
   * @param scores the score of each (need, supplier) pair
   * @return the scorer
   */
  public static Scorer table(String name, Table<NeedId, OrganizationId, Double> scores) {
    ImmutableTable<NeedId, OrganizationId, Double> t = ImmutableTable.copyOf(checkNotNull(scores, "scores"));
    return of(name, (need, supplier, context) -> {
      Double s = t.get(need.id(), supplier.id());
      return s == null ? 0.0 : s;
    });
  }

  /**
   * The weighted composite of the six built-in components, with these weights: capability fit
   * 1, proximity 2, prior relationship 2, experience 1, hub recommendation 0.5, horizontal
   * partnership 1. The weights are an assumption: they rank local, trusted, experienced
   * suppliers first, as the seed's brokers do; tune them with {@link #weighted()}.
   *
   * @return the standard scorer, with total in [0, 7.5]
   */
  public static WeightedScorer standard() {
    return weighted()
        .add(1.0, capabilityFit())
        .add(2.0, proximity())
        .add(2.0, priorRelationship())
        .add(1.0, experience())
        .add(0.5, hubRecommendation())
        .add(1.0, horizontalPartnership())
        .build();
  }

  /**
   * Starts a weighted composite.
   *
   * @return a builder
   */
  public static WeightedScorer.Builder weighted() {
    return new WeightedScorer.Builder();
  }

  /**
   * Capability fit beyond the required: {@code e / (e + 2)} for {@code e} capabilities the
   * supplier has besides those the need requires. 0 for a supplier that can do only what is
   * asked, 0.5 with two more, towards 1 for an all-rounder (the seed's オールラウンダー); the
   * saturation constant 2 is an assumption.
   *
   * @return the scorer {@code capability-fit}
   */
  public static Scorer capabilityFit() {
    return of("capability-fit", (need, supplier, context) -> {
      int extra = supplier.capabilities().size() - common(need.requiredCapabilities(), supplier.capabilities());
      return extra / (extra + 2.0);
    });
  }

  /** The size of the intersection of two sets: the smaller one looked up in the larger. */
  private static int common(SortedSet<Capability> a, SortedSet<Capability> b) {
    SortedSet<Capability> small = a.size() <= b.size() ? a : b;
    SortedSet<Capability> large = small == a ? b : a;
    int n = 0;
    for (Capability c : small) {
      if (large.contains(c)) {
        n++;
      }
    }
    return n;
  }

  /**
   * Proximity with a 200 km scale; see {@link #proximity(double)}.
   *
   * @return the scorer {@code proximity}
   */
  public static Scorer proximity() {
    return proximity(200);
  }

  /**
   * Proximity of supplier and requester: {@code exp(-d / scale)} for the great-circle distance
   * {@code d} between their prefectural offices. 1 within a prefecture; with the default 200 km
   * scale, Fukushima–Tokyo (239 km) scores 0.30 and Fukushima–Osaka (about 560 km) 0.06. The
   * scale is an assumption (a day trip by car or shinkansen).
   *
   * @param scaleKm the distance at which the score falls to 1/e, finite and {@code > 0}
   * @return the scorer {@code proximity}
   */
  public static Scorer proximity(double scaleKm) {
    checkArgument(Double.isFinite(scaleKm) && scaleKm > 0, "scale must be finite and > 0 but was %s", scaleKm);
    return of("proximity", (need, supplier, context) ->
        Math.exp(-context.distanceKm(context.requester(need), supplier) / scaleKm));
  }

  /**
   * Prior relationship (trust): 1 if supplier and requester already have a supply tie (parts
   * supply, OEM, ODM, co-development), 0.5 if they have only other ties (joint research, clinical
   * needs, support, funding, membership), 0 if none; ties count as in
   * {@link MatchContext#priorTies}. The 0.5 is an assumption.
   *
   * @return the scorer {@code prior-relationship}
   */
  public static Scorer priorRelationship() {
    return of("prior-relationship", (need, supplier, context) -> {
      double best = 0;
      for (Relationship r : context.priorTies(supplier, need)) {
        best = Math.max(best, r.type().isSupply() ? 1.0 : 0.5);
      }
      return best;
    });
  }

  /**
   * Experience in the medical field: the supplier's entry stage on the ladder, 0 for
   * {@link EntryStage#NONE} to 1 for {@link EntryStage#OWN_PRODUCT} in equal steps.
   *
   * @return the scorer {@code experience}
   */
  public static Scorer experience() {
    int top = EntryStage.values().length - 1;
    return of("experience", (need, supplier, context) -> supplier.entryStage().ordinal() / (double) top);
  }

  /**
   * Hub recommendation: 1 if a hub of the support network stands behind the supplier
   * ({@link MatchContext#hubBacked}), else 0.
   *
   * @return the scorer {@code hub-recommendation}
   */
  public static Scorer hubRecommendation() {
    return of("hub-recommendation", (need, supplier, context) -> context.hubBacked(supplier) ? 1.0 : 0.0);
  }

  /**
   * Horizontal-partnership bonus: for ODM and co-development needs, 1 if the supplier has
   * worked as a designer ({@link MatchContext#horizontallyExperienced}); 0 otherwise and for
   * parts supply and OEM. Rewards the shift from vertical subcontracting to horizontal
   * partnerships the seed anticipates.
   *
   * @return the scorer {@code horizontal-partnership}
   */
  public static Scorer horizontalPartnership() {
    return of("horizontal-partnership", (need, supplier, context) ->
        (need.kind() == NeedKind.ODM || need.kind() == NeedKind.CO_DEVELOPMENT)
            && context.horizontallyExperienced(supplier) ? 1.0 : 0.0);
  }

  /**
   * Checks a score.
   *
   * @throws IllegalArgumentException naming the scorer, need and supplier if the score is NaN,
   *     negative or infinite
   */
  static double checked(double score, Scorer scorer, Need need, Organization supplier) {
    if (!(score >= 0) || score == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("scorer '" + scorer.name() + "' returned " + score + " for need '"
          + need.id() + "' and supplier '" + supplier.id() + "'; scores must be finite and >= 0");
    }
    return score;
  }
}
