package io.github.renkei.cluster.testing;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.HashBasedTable;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Table;
import io.github.renkei.cluster.matching.ChainNeed;
import io.github.renkei.cluster.matching.ChainProblem;
import io.github.renkei.cluster.matching.ChainRole;
import io.github.renkei.cluster.matching.Constraints;
import io.github.renkei.cluster.matching.Scorers;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.regulation.DeviceClass;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.regulation.ManufacturingStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * Generates chain matching problems under the PMD Act: chain needs {@code c00, c01, …} of one
 * requester, each with 1 to 4 distinct steps in random order, a device class (or none) and
 * capacity uses of 0 to 2; suppliers {@code s00, s01, …} with random capacities and random
 * manufacturer registrations (each step's with a set probability), so that the always-on
 * registration check excludes real pairs; on top, each (role, supplier) pair is admitted by a
 * table constraint with a set probability, and scored by an integer table. Shrinking goes towards
 * fewer chains, roles and suppliers, capacity 0, use 0, no registrations and low scores.
 *
 * <pre>{@code
 * @Provide
 * Arbitrary<ChainProblem> tiny() {
 *   return MatchingArbitraries.chainProblems().withChains(0, 3).withSuppliers(0, 4).withRoles(1, 3);
 * }
 * }</pre>
 */
public final class ChainProblemArbitrary extends ArbitraryDecorator<ChainProblem> {

  private int minChains = 0;
  private int maxChains = 6;
  private int minSuppliers = 0;
  private int maxSuppliers = 6;
  private int minRoles = 1;
  private int maxRoles = 4;
  private int minCapacity = 0;
  private int maxCapacity = 3;
  private int maxScore = 20;
  private int registrationPercent = 60;
  private int eligibilityPercent = 80;

  ChainProblemArbitrary() {}

  private static void checkRange(String what, int min, int max) {
    checkArgument(0 <= min && min <= max, "%s range must satisfy 0 <= min <= max but was [%s, %s]", what, min, max);
  }

  /**
   * Sets how many chain needs a problem has.
   *
   * @param min the fewest
   * @param max the most, at most 100
   * @return a new arbitrary
   */
  public ChainProblemArbitrary withChains(int min, int max) {
    checkRange("chains", min, max);
    checkArgument(max <= 100, "at most 100 chains but max was %s", max);
    ChainProblemArbitrary c = typedClone();
    c.minChains = min;
    c.maxChains = max;
    return c;
  }

  /**
   * Sets how many suppliers a problem has.
   *
   * @param min the fewest
   * @param max the most, at most 100
   * @return a new arbitrary
   */
  public ChainProblemArbitrary withSuppliers(int min, int max) {
    checkRange("suppliers", min, max);
    checkArgument(max <= 100, "at most 100 suppliers but max was %s", max);
    ChainProblemArbitrary c = typedClone();
    c.minSuppliers = min;
    c.maxSuppliers = max;
    return c;
  }

  /**
   * Sets how many roles a chain has.
   *
   * @param min the fewest, at least 1
   * @param max the most, at most 4 (the steps of {@link ManufacturingStep})
   * @return a new arbitrary
   */
  public ChainProblemArbitrary withRoles(int min, int max) {
    checkRange("roles", min, max);
    checkArgument(min >= 1 && max <= ManufacturingStep.values().length,
        "roles must lie in [1, %s] but were [%s, %s]", ManufacturingStep.values().length, min, max);
    ChainProblemArbitrary c = typedClone();
    c.minRoles = min;
    c.maxRoles = max;
    return c;
  }

  /**
   * Sets the range of supplier capacities.
   *
   * @param min the smallest
   * @param max the largest
   * @return a new arbitrary
   */
  public ChainProblemArbitrary withCapacity(int min, int max) {
    checkRange("capacity", min, max);
    ChainProblemArbitrary c = typedClone();
    c.minCapacity = min;
    c.maxCapacity = max;
    return c;
  }

  /**
   * Sets the highest integer score (the lowest is 0).
   *
   * @param max the highest score
   * @return a new arbitrary
   */
  public ChainProblemArbitrary withMaxScore(int max) {
    checkRange("scores", 0, max);
    ChainProblemArbitrary c = typedClone();
    c.maxScore = max;
    return c;
  }

  /**
   * Sets the chance that a supplier holds each step's registration.
   *
   * @param percent 0 to 100
   * @return a new arbitrary
   */
  public ChainProblemArbitrary withRegistrations(int percent) {
    checkArgument(0 <= percent && percent <= 100, "registrations must be 0 to 100 percent but was %s", percent);
    ChainProblemArbitrary c = typedClone();
    c.registrationPercent = percent;
    return c;
  }

  /**
   * Sets the chance that the table constraint admits a (role, supplier) pair.
   *
   * @param percent 0 to 100
   * @return a new arbitrary
   */
  public ChainProblemArbitrary withEligibility(int percent) {
    checkArgument(0 <= percent && percent <= 100, "eligibility must be 0 to 100 percent but was %s", percent);
    ChainProblemArbitrary c = typedClone();
    c.eligibilityPercent = percent;
    return c;
  }

  /** A generated supplier: capacity and which registrations it holds. */
  private record SupplierSpec(int capacity, List<Boolean> registered) {}

  /** A generated pair of a role and a supplier. */
  private record Pair(boolean admitted, int score) {}

  /** A generated role: its step, its use and its pair with every supplier. */
  private record RoleSpec(ManufacturingStep step, int use, List<Pair> pairs) {}

  /** A generated chain: its class (or none) and its roles. */
  private record ChainSpec(Optional<DeviceClass> deviceClass, List<RoleSpec> roles) {}

  @Override
  protected Arbitrary<ChainProblem> arbitrary() {
    int steps = ManufacturingStep.values().length;
    Arbitrary<SupplierSpec> supplier = Combinators.combine(
            Arbitraries.integers().between(minCapacity, maxCapacity),
            Arbitraries.integers().between(0, 99).map(p -> p < registrationPercent).list().ofSize(steps))
        .as(SupplierSpec::new);
    Arbitrary<Optional<DeviceClass>> deviceClass = Arbitraries.of(DeviceClass.class).optional(0.8);
    Arbitrary<Integer> use = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.just(0)),
        net.jqwik.api.Tuple.of(6, Arbitraries.just(1)),
        net.jqwik.api.Tuple.of(2, Arbitraries.just(2)));
    Arbitrary<Pair> pair = Combinators.combine(
            Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, maxScore))
        .as((p, s) -> new Pair(p < eligibilityPercent, s));
    return Combinators.combine(
            Arbitraries.integers().between(minChains, maxChains),
            Arbitraries.integers().between(minSuppliers, maxSuppliers))
        .flatAs((n, s) -> {
          Arbitrary<RoleSpec> role = Combinators.combine(Arbitraries.of(ManufacturingStep.class), use,
              pair.list().ofSize(s)).as(RoleSpec::new);
          Arbitrary<ChainSpec> chain = Combinators.combine(deviceClass,
                  role.list().ofMinSize(minRoles).ofMaxSize(maxRoles).uniqueElements(RoleSpec::step))
              .as(ChainSpec::new);
          return Combinators.combine(supplier.list().ofSize(s), chain.list().ofSize(n))
              .as(ChainProblemArbitrary::build);
        });
  }

  static NeedId chainId(int i) {
    return NeedId.of(String.format(Locale.ROOT, "c%02d", i));
  }

  static OrganizationId supplierId(int j) {
    return OrganizationId.of(String.format(Locale.ROOT, "s%02d", j));
  }

  private static ChainProblem build(List<SupplierSpec> suppliers, List<ChainSpec> chains) {
    ChainProblem.Builder b = ChainProblem.builder()
        .organization(Organization.builder(MatchingProblemArbitrary.REQUESTER, "Requester",
            OrganizationType.DEVICE_MAKER, Prefecture.FUKUSHIMA).build());
    ManufacturingStep[] steps = ManufacturingStep.values();
    for (int j = 0; j < suppliers.size(); j++) {
      List<ManufacturingStep> held = new ArrayList<>();
      for (int k = 0; k < steps.length; k++) {
        if (suppliers.get(j).registered().get(k)) {
          held.add(steps[k]);
        }
      }
      b.supplier(Organization.builder(supplierId(j), "Supplier " + j, OrganizationType.SME_MANUFACTURER,
              Prefecture.FUKUSHIMA)
          .licences(JapanPmdAct.registrations(held.toArray(new ManufacturingStep[0])))
          .build(), suppliers.get(j).capacity());
    }
    Table<NeedId, OrganizationId, Double> scores = HashBasedTable.create();
    ImmutableSet.Builder<String> admitted = ImmutableSet.builder();
    for (int i = 0; i < chains.size(); i++) {
      ChainSpec spec = chains.get(i);
      ChainNeed.Builder c = ChainNeed.builder(chainId(i), MatchingProblemArbitrary.REQUESTER);
      spec.deviceClass().ifPresent(c::deviceClass);
      for (RoleSpec r : spec.roles()) {
        c.role(ChainRole.of(r.step()).withCapacityUse(r.use()));
        NeedId roleNeed = ChainNeed.roleNeedId(chainId(i), r.step());
        for (int j = 0; j < suppliers.size(); j++) {
          Pair p = r.pairs().get(j);
          if (p.admitted()) {
            admitted.add(roleNeed.value() + "|" + supplierId(j).value());
          }
          scores.put(roleNeed, supplierId(j), (double) p.score());
        }
      }
      b.chain(c.build());
    }
    ImmutableSet<String> pairs = admitted.build();
    return b.constraints(List.of(
            Constraints.notRequester(),
            Constraints.of("eligible", "is eligible for the role",
                (need, supplier, context) -> pairs.contains(need.id().value() + "|" + supplier.id().value()))))
        .scorer(Scorers.table("score", scores))
        .build();
  }

  @Override
  public String toString() {
    return "ChainProblemArbitrary[chains=" + minChains + ".." + maxChains + ", suppliers=" + minSuppliers + ".."
        + maxSuppliers + ", roles=" + minRoles + ".." + maxRoles + ", capacity=" + minCapacity + ".." + maxCapacity
        + ", scores=0.." + maxScore + ", registrations=" + registrationPercent + "%, eligibility="
        + eligibilityPercent + "%]";
  }
}
