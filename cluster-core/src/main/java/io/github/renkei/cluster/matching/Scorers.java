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
import io.github.renkei.cluster.region.Prefecture;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.Function;

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
    return new Named(name, function);
  }

  /** A scorer of a name and a pair function. */
  private static class Named implements Scorer {
    private final String name;
    private final PairFunction function;

    Named(String name, PairFunction function) {
      this.name = name;
      this.function = function;
    }

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
  }

  /**
   * A built-in component: its pair function, and its preparation for a context, which must give
   * the same doubles ({@link PreparedScorer}).
   */
  private static final class Indexed extends Named implements PreparedScorer.Preparable {
    private final Function<MatchContext, PreparedScorer> preparation;

    Indexed(String name, PairFunction function, Function<MatchContext, PreparedScorer> preparation) {
      super(name, function);
      this.preparation = preparation;
    }

    @Override
    public PreparedScorer prepare(MatchContext context) {
      return preparation.apply(context);
    }
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
    return new Indexed("capability-fit", (need, supplier, context) -> {
      int extra = supplier.capabilities().size() - common(need.requiredCapabilities(), supplier.capabilities());
      return extra / (extra + 2.0);
    }, Scorers::prepareCapabilityFit);
  }

  /** Capability fit on bit words: each supplier's capabilities, and per need the required ones. */
  private static PreparedScorer prepareCapabilityFit(MatchContext context) {
    List<Organization> suppliers = context.suppliers();
    Map<Capability, Integer> bit = new HashMap<>();
    for (Organization o : suppliers) {
      for (Capability c : o.capabilities()) {
        bit.putIfAbsent(c, bit.size());
      }
    }
    int words = Math.max(1, (bit.size() + 63) >>> 6);
    long[] has = new long[suppliers.size() * words];
    int[] count = new int[suppliers.size()];
    for (int j = 0; j < suppliers.size(); j++) {
      Organization o = suppliers.get(j);
      count[j] = o.capabilities().size();
      for (Capability c : o.capabilities()) {
        int b = bit.get(c);
        has[j * words + (b >>> 6)] |= 1L << b;
      }
    }
    // the most extra capabilities a supplier can have: all of its own
    double[] bound = Arrays.stream(count).mapToDouble(c -> c / (c + 2.0)).toArray();
    return PreparedScorer.bounded(need -> {
      // a required capability no supplier has is in no intersection
      long[] required = new long[words];
      for (Capability c : need.requiredCapabilities()) {
        Integer b = bit.get(c);
        if (b != null) {
          required[b >>> 6] |= 1L << b;
        }
      }
      if (words == 1) {
        long r = required[0];
        return j -> {
          int extra = count[j] - Long.bitCount(has[j] & r);
          return extra / (extra + 2.0);
        };
      }
      return j -> {
        int common = 0;
        for (int w = 0; w < words; w++) {
          common += Long.bitCount(has[j * words + w] & required[w]);
        }
        int extra = count[j] - common;
        return extra / (extra + 2.0);
      };
    }, bound, need -> PreparedScorer.NO_PREFECTURE_BOUND);
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
    return new Indexed("proximity", (need, supplier, context) ->
        Math.exp(-context.distanceKm(context.requester(need), supplier) / scaleKm), context -> {
          // the score of every pair of prefectures, then a row per need
          int n = Prefecture.values().length;
          double[][] byPrefectures = new double[n][n];
          for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
              byPrefectures[a][b] = Math.exp(-MatchContext.distanceKm(a, b) / scaleKm);
            }
          }
          int[] prefecture = context.suppliers().stream().mapToInt(o -> o.prefecture().ordinal()).toArray();
          return PreparedScorer.bounded(need -> {
            double[] row = byPrefectures[context.requester(need).prefecture().ordinal()];
            return j -> row[prefecture[j]];
          }, new double[prefecture.length], need -> byPrefectures[context.requester(need).prefecture().ordinal()]);
        });
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
    return new Indexed("prior-relationship", (need, supplier, context) -> {
      double best = 0;
      for (Relationship r : context.priorTies(supplier, need)) {
        best = Math.max(best, tieValue(r));
      }
      return best;
    }, context -> {
      // bound: a supplier's best tie with anyone
      List<Organization> suppliers = context.suppliers();
      double[] bound = new double[suppliers.size()];
      for (int j = 0; j < bound.length; j++) {
        int at = j;
        context.forEachPriorTie(suppliers.get(j).id(), r -> bound[at] = Math.max(bound[at], tieValue(r)));
      }
      return PreparedScorer.bounded(need -> {
        // the requester's few tied candidates, sorted by index, each with its best tie
        Map<Integer, Double> best = new HashMap<>();
        context.forEachPriorTie(need.requester(), (r, j) -> best.merge(j, tieValue(r), Math::max));
        if (best.isEmpty()) {
          return j -> 0.0;
        }
        int[] tied = best.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        double[] value = Arrays.stream(tied).mapToDouble(best::get).toArray();
        return j -> {
          int at = Arrays.binarySearch(tied, j);
          return at >= 0 ? value[at] : 0.0;
        };
      }, bound, need -> PreparedScorer.NO_PREFECTURE_BOUND);
    });
  }

  private static double tieValue(Relationship r) {
    return r.type().isSupply() ? 1.0 : 0.5;
  }

  /**
   * Experience in the medical field: the supplier's entry stage on the ladder, 0 for
   * {@link EntryStage#NONE} to 1 for {@link EntryStage#OWN_PRODUCT} in equal steps.
   *
   * @return the scorer {@code experience}
   */
  public static Scorer experience() {
    int top = EntryStage.values().length - 1;
    return new Indexed("experience", (need, supplier, context) -> supplier.entryStage().ordinal() / (double) top,
        context -> {
          double[] value = context.suppliers().stream().mapToDouble(o -> o.entryStage().ordinal() / (double) top)
              .toArray();
          return PreparedScorer.bounded(need -> j -> value[j], value, need -> PreparedScorer.NO_PREFECTURE_BOUND);
        });
  }

  /**
   * Hub recommendation: 1 if a hub of the support network stands behind the supplier
   * ({@link MatchContext#hubBacked}), else 0.
   *
   * @return the scorer {@code hub-recommendation}
   */
  public static Scorer hubRecommendation() {
    return new Indexed("hub-recommendation", (need, supplier, context) -> context.hubBacked(supplier) ? 1.0 : 0.0,
        context -> {
          BitSet backed = context.hubBackedSuppliers();
          return PreparedScorer.bounded(need -> j -> backed.get(j) ? 1.0 : 0.0, indicator(backed, context),
              need -> PreparedScorer.NO_PREFECTURE_BOUND);
        });
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
    return new Indexed("horizontal-partnership", (need, supplier, context) ->
        horizontal(need) && context.horizontallyExperienced(supplier) ? 1.0 : 0.0, context -> {
          BitSet experienced = context.horizontalSuppliers();
          // bounded for the horizontal needs; the others score 0 below it
          return PreparedScorer.bounded(need -> horizontal(need) ? j -> experienced.get(j) ? 1.0 : 0.0 : j -> 0.0,
              indicator(experienced, context), need -> PreparedScorer.NO_PREFECTURE_BOUND);
        });
  }

  /** 1 for the suppliers in a set, 0 for the others, by index. */
  private static double[] indicator(BitSet set, MatchContext context) {
    double[] value = new double[context.suppliers().size()];
    set.stream().forEach(j -> value[j] = 1.0);
    return value;
  }

  private static boolean horizontal(Need need) {
    return need.kind() == NeedKind.ODM || need.kind() == NeedKind.CO_DEVELOPMENT;
  }

  /**
   * Checks a score of a supplier given by its index, as {@link #checked(double, Scorer, Need,
   * Organization)} does.
   *
   * @throws IllegalArgumentException naming the scorer, need and supplier if the score is NaN,
   *     negative or infinite
   */
  static double checked(double score, Scorer scorer, Need need, MatchContext context, int supplier) {
    return !(score >= 0) || score == Double.POSITIVE_INFINITY
        ? checked(score, scorer, need, context.suppliers().get(supplier))
        : score;
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
