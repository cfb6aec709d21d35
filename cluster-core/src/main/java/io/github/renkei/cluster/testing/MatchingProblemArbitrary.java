package io.github.renkei.cluster.testing;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.HashBasedTable;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Table;
import io.github.renkei.cluster.matching.Constraint;
import io.github.renkei.cluster.matching.Constraints;
import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.matching.Scorers;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.region.Prefecture;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * Generates matching problems with arbitrary eligibility and two-sided integer scores: needs
 * {@code n00, n01, …}, suppliers {@code s00, s01, …} with random capacities, each pair eligible
 * with a set probability, scored by the needs and, separately, by the suppliers (so stable
 * matchings see independent preferences). The only constraints are "not the requester" and the
 * generated eligibility; the scorers are tables. Ids follow generation order, so a shrunk
 * counterexample reads naturally; shrinking goes towards fewer needs and suppliers, capacity 0
 * or 1, eligible pairs and low scores.
 *
 * <p>By default one organization, {@link #REQUESTER}, raises every need and has no requester
 * capacity. {@link #withRequesters} spreads the needs over requesters {@code r00, r01, …} and
 * {@link #withRequesterCapacities} gives each requester a
 * {@linkplain MatchingProblem.Builder#requesterCapacity requester capacity} (or, one time in
 * four, none), for two-sided (many-to-many) problems.
 *
 * <pre>{@code
 * @Provide
 * Arbitrary<MatchingProblem> small() {
 *   return MatchingArbitraries.problems().withNeeds(1, 6).withSuppliers(1, 4).withCapacity(0, 2);
 * }
 * }</pre>
 */
public final class MatchingProblemArbitrary extends ArbitraryDecorator<MatchingProblem> {

  /** The organization that raises every generated need. */
  public static final OrganizationId REQUESTER = OrganizationId.of("requester");

  private int minNeeds = 0;
  private int maxNeeds = 8;
  private int minSuppliers = 0;
  private int maxSuppliers = 6;
  private int minCapacity = 0;
  private int maxCapacity = 3;
  private int minScore = 0;
  private int maxScore = 20;
  private int eligibilityPercent = 60;
  private int minRequesters = 1;
  private int maxRequesters = 1;
  private boolean requesterCapacities = false;
  private int minRequesterCapacity = 0;
  private int maxRequesterCapacity = 0;
  private int constraintCount = 1;

  MatchingProblemArbitrary() {}

  private static void checkRange(String what, int min, int max) {
    checkArgument(0 <= min && min <= max, "%s range must satisfy 0 <= min <= max but was [%s, %s]", what, min, max);
  }

  /**
   * Sets how many needs a problem has.
   *
   * @param min the fewest
   * @param max the most, at most 100
   * @return a new arbitrary
   */
  public MatchingProblemArbitrary withNeeds(int min, int max) {
    checkRange("needs", min, max);
    checkArgument(max <= 100, "at most 100 needs but max was %s", max);
    MatchingProblemArbitrary c = typedClone();
    c.minNeeds = min;
    c.maxNeeds = max;
    return c;
  }

  /**
   * Sets how many suppliers a problem has.
   *
   * @param min the fewest
   * @param max the most, at most 100
   * @return a new arbitrary
   */
  public MatchingProblemArbitrary withSuppliers(int min, int max) {
    checkRange("suppliers", min, max);
    checkArgument(max <= 100, "at most 100 suppliers but max was %s", max);
    MatchingProblemArbitrary c = typedClone();
    c.minSuppliers = min;
    c.maxSuppliers = max;
    return c;
  }

  /**
   * Sets the range of supplier capacities.
   *
   * @param min the smallest
   * @param max the largest
   * @return a new arbitrary
   */
  public MatchingProblemArbitrary withCapacity(int min, int max) {
    checkRange("capacity", min, max);
    MatchingProblemArbitrary c = typedClone();
    c.minCapacity = min;
    c.maxCapacity = max;
    return c;
  }

  /**
   * Sets the range of the integer scores (both sides).
   *
   * @param min the lowest
   * @param max the highest
   * @return a new arbitrary
   */
  public MatchingProblemArbitrary withScores(int min, int max) {
    checkRange("scores", min, max);
    MatchingProblemArbitrary c = typedClone();
    c.minScore = min;
    c.maxScore = max;
    return c;
  }

  /**
   * Sets the chance that a pair is eligible.
   *
   * @param percent 0 to 100
   * @return a new arbitrary
   */
  public MatchingProblemArbitrary withEligibility(int percent) {
    checkArgument(0 <= percent && percent <= 100, "eligibility must be 0 to 100 percent but was %s", percent);
    MatchingProblemArbitrary c = typedClone();
    c.eligibilityPercent = percent;
    return c;
  }

  /**
   * Spreads the needs over several requesters, {@code r00, r01, …}, each need's requester drawn
   * at random (by default {@link #REQUESTER} raises every need).
   *
   * @param min the fewest, at least 1
   * @param max the most, at most 100
   * @return a new arbitrary
   */
  public MatchingProblemArbitrary withRequesters(int min, int max) {
    checkRange("requesters", min, max);
    checkArgument(min >= 1, "at least 1 requester but min was %s", min);
    checkArgument(max <= 100, "at most 100 requesters but max was %s", max);
    MatchingProblemArbitrary c = typedClone();
    c.minRequesters = min;
    c.maxRequesters = max;
    return c;
  }

  /**
   * Gives requesters a requester capacity in a range; one requester in four (drawn at random)
   * stays unlimited. Shrinks towards capacity {@code min}.
   *
   * @param min the smallest
   * @param max the largest
   * @return a new arbitrary
   */
  public MatchingProblemArbitrary withRequesterCapacities(int min, int max) {
    checkRange("requester capacity", min, max);
    MatchingProblemArbitrary c = typedClone();
    c.requesterCapacities = true;
    c.minRequesterCapacity = min;
    c.maxRequesterCapacity = max;
    return c;
  }

  /**
   * Sets how many generated constraints a problem has besides "not the requester": the first is
   * {@code eligible}, the others {@code eligible-2}, {@code eligible-3}, …; a pair passes each
   * with the chance set by {@link #withEligibility}, independently, so with several constraints
   * many suppliers fail exactly one of them (near misses, see
   * {@link io.github.renkei.cluster.matching.Shortlists}). One by default.
   *
   * @param count 1 to 5
   * @return a new arbitrary
   */
  public MatchingProblemArbitrary withConstraints(int count) {
    checkArgument(1 <= count && count <= 5, "constraints must be 1 to 5 but was %s", count);
    MatchingProblemArbitrary c = typedClone();
    c.constraintCount = count;
    return c;
  }

  /** One generated pair: eligible or not, and its two scores. */
  private record Pair(boolean eligible, int score, int supplierScore) {}

  @Override
  protected Arbitrary<MatchingProblem> arbitrary() {
    Arbitrary<Pair> pair = Combinators.combine(
            Arbitraries.integers().between(0, 99),
            Arbitraries.integers().between(minScore, maxScore),
            Arbitraries.integers().between(minScore, maxScore))
        .as((p, s, t) -> new Pair(p < eligibilityPercent, s, t));
    int extra = constraintCount - 1;
    if (minRequesters == 1 && maxRequesters == 1 && !requesterCapacities) {
      // the one-requester generator of old, so its problems and shrinking stay as they were
      return Combinators.combine(
              Arbitraries.integers().between(minNeeds, maxNeeds),
              Arbitraries.integers().between(minSuppliers, maxSuppliers))
          .flatAs((n, s) -> extra == 0
              ? Combinators.combine(
                      Arbitraries.integers().between(minCapacity, maxCapacity).list().ofSize(s),
                      pair.list().ofSize(n * s))
                  .as((capacities, pairs) -> build(n, s, capacities, pairs, null, List.of()))
              : Combinators.combine(
                      Arbitraries.integers().between(minCapacity, maxCapacity).list().ofSize(s),
                      pair.list().ofSize(n * s),
                      passes(n * s * extra))
                  .as((capacities, pairs, passes) -> build(n, s, capacities, pairs, null, passes)));
    }
    Arbitrary<Integer> requesterCapacity = requesterCapacities
        ? Arbitraries.integers().between(minRequesterCapacity, maxRequesterCapacity).injectNull(0.25)
        : Arbitraries.just(null);
    return Combinators.combine(
            Arbitraries.integers().between(minNeeds, maxNeeds),
            Arbitraries.integers().between(minSuppliers, maxSuppliers),
            Arbitraries.integers().between(minRequesters, maxRequesters))
        .flatAs((n, s, k) -> Combinators.combine(
                Arbitraries.integers().between(minCapacity, maxCapacity).list().ofSize(s),
                pair.list().ofSize(n * s),
                Arbitraries.integers().between(0, k - 1).list().ofSize(n),
                requesterCapacity.list().ofSize(k),
                extra == 0 ? Arbitraries.just(List.<Boolean>of()) : passes(n * s * extra))
            .as((capacities, pairs, requesterOfNeed, requesterCaps, passes) ->
                build(n, s, capacities, pairs, new Requesters(k, requesterOfNeed, requesterCaps), passes)));
  }

  /** Whether each pair passes each extra constraint, with the eligibility chance. */
  private Arbitrary<List<Boolean>> passes(int size) {
    return Arbitraries.integers().between(0, 99).map(p -> p < eligibilityPercent).list().ofSize(size);
  }

  /** Generated requesters: how many, each need's, each one's capacity (null: unlimited). */
  private record Requesters(int count, List<Integer> ofNeed, List<Integer> capacities) {}

  static OrganizationId requesterId(int k) {
    return OrganizationId.of(String.format(Locale.ROOT, "r%02d", k));
  }

  static NeedId needId(int i) {
    return NeedId.of(String.format(Locale.ROOT, "n%02d", i));
  }

  static OrganizationId supplierId(int j) {
    return OrganizationId.of(String.format(Locale.ROOT, "s%02d", j));
  }

  private MatchingProblem build(int n, int s, List<Integer> capacities, List<Pair> pairs,
      Requesters requesters, List<Boolean> passes) {
    Table<NeedId, OrganizationId, Double> scores = HashBasedTable.create();
    Table<NeedId, OrganizationId, Double> supplierScores = HashBasedTable.create();
    ImmutableSet.Builder<String> eligible = ImmutableSet.builder();
    MatchingProblem.Builder b = MatchingProblem.builder();
    if (requesters == null) {
      b.organization(Organization.builder(REQUESTER, "Requester", OrganizationType.LARGE_HOSPITAL,
          Prefecture.FUKUSHIMA).build());
    } else {
      for (int k = 0; k < requesters.count(); k++) {
        b.organization(Organization.builder(requesterId(k), "Requester " + k, OrganizationType.LARGE_HOSPITAL,
            Prefecture.FUKUSHIMA).build());
        Integer q = requesters.capacities().get(k);
        if (q != null) {
          b.requesterCapacity(requesterId(k), q);
        }
      }
    }
    for (int j = 0; j < s; j++) {
      b.supplier(Organization.builder(supplierId(j), "Supplier " + j, OrganizationType.SME_MANUFACTURER,
          Prefecture.FUKUSHIMA).capacity(capacities.get(j)).build());
    }
    for (int i = 0; i < n; i++) {
      OrganizationId requester = requesters == null ? REQUESTER : requesterId(requesters.ofNeed().get(i));
      b.need(Need.builder(needId(i), requester, NeedKind.PARTS_SUPPLY).build());
      for (int j = 0; j < s; j++) {
        Pair p = pairs.get(i * s + j);
        if (p.eligible()) {
          eligible.add(needId(i).value() + "|" + supplierId(j).value());
        }
        scores.put(needId(i), supplierId(j), (double) p.score());
        supplierScores.put(needId(i), supplierId(j), (double) p.supplierScore());
      }
    }
    ImmutableSet<String> admitted = eligible.build();
    List<Constraint> constraints = new ArrayList<>(List.of(
        Constraints.notRequester(),
        Constraints.of("eligible", "is eligible for the need",
            (need, supplier, context) -> admitted.contains(need.id().value() + "|" + supplier.id().value()))));
    for (int c = 2; c <= constraintCount; c++) {
      ImmutableSet.Builder<String> passing = ImmutableSet.builder();
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < s; j++) {
          if (passes.get(((c - 2) * n + i) * s + j)) {
            passing.add(needId(i).value() + "|" + supplierId(j).value());
          }
        }
      }
      ImmutableSet<String> passed = passing.build();
      constraints.add(Constraints.of("eligible-" + c, "passes rule " + c + " for the need",
          (need, supplier, context) -> passed.contains(need.id().value() + "|" + supplier.id().value())));
    }
    return b.constraints(constraints)
        .scorer(Scorers.table("score", scores))
        .supplierScorer(Scorers.table("supplier-score", supplierScores))
        .build();
  }

  @Override
  public String toString() {
    return "MatchingProblemArbitrary[needs=" + minNeeds + ".." + maxNeeds + ", suppliers=" + minSuppliers + ".."
        + maxSuppliers + ", capacity=" + minCapacity + ".." + maxCapacity + ", scores=" + minScore + ".." + maxScore
        + ", eligibility=" + eligibilityPercent + "%"
        + (minRequesters == 1 && maxRequesters == 1 ? "" : ", requesters=" + minRequesters + ".." + maxRequesters)
        + (requesterCapacities ? ", requesterCapacity=" + minRequesterCapacity + ".." + maxRequesterCapacity : "")
        + (constraintCount == 1 ? "" : ", constraints=" + constraintCount)
        + "]";
  }
}
