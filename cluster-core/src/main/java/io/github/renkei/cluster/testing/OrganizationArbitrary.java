package io.github.renkei.cluster.testing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Certification;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.regulation.Licence;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * Generates valid {@link Organization}s. Configuration methods return new arbitraries; the
 * defaults draw every field from its whole domain (all types, all 47 prefectures, the standard
 * capabilities and certifications, the PMD Act licences, capacity 0 to 10). Shrinks towards
 * an organization with a one-letter id and name, no capabilities, capacity 0.
 *
 * <pre>{@code
 * Arbitrary<Organization> smes = ClusterArbitraries.organizations()
 *     .ofTypes(OrganizationType.SME_MANUFACTURER)
 *     .inPrefectures(Prefecture.FUKUSHIMA, Prefecture.MIYAGI)
 *     .withCapacity(1, 5);
 * }</pre>
 */
public final class OrganizationArbitrary extends ArbitraryDecorator<Organization> {

  private List<OrganizationType> types = Arrays.asList(OrganizationType.values());
  private List<Prefecture> prefectures = Arrays.asList(Prefecture.values());
  private List<Capability> capabilities = Capability.standard();
  private List<Certification> certifications = Certification.standard();
  private List<Licence> licences = JapanPmdAct.get().licences().asList();
  private int minCapacity = 0;
  private int maxCapacity = 10;
  private Arbitrary<OrganizationId> ids = ClusterArbitraries.organizationIds();

  OrganizationArbitrary() {}

  /**
   * Restricts the types.
   *
   * @param types the types to draw from, at least one
   * @return a new arbitrary
   */
  public OrganizationArbitrary ofTypes(OrganizationType... types) {
    checkArgument(types.length > 0, "at least one type");
    OrganizationArbitrary c = typedClone();
    c.types = ImmutableList.copyOf(types);
    return c;
  }

  /**
   * Restricts the prefectures.
   *
   * @param prefectures the prefectures to draw from, at least one
   * @return a new arbitrary
   */
  public OrganizationArbitrary inPrefectures(Prefecture... prefectures) {
    checkArgument(prefectures.length > 0, "at least one prefecture");
    OrganizationArbitrary c = typedClone();
    c.prefectures = ImmutableList.copyOf(prefectures);
    return c;
  }

  /**
   * Sets the capabilities organizations draw subsets from.
   *
   * @param capabilities the pool, possibly empty
   * @return a new arbitrary
   */
  public OrganizationArbitrary withCapabilitiesFrom(Capability... capabilities) {
    OrganizationArbitrary c = typedClone();
    c.capabilities = ImmutableList.copyOf(capabilities);
    return c;
  }

  /**
   * Sets the certifications organizations draw subsets from.
   *
   * @param certifications the pool, possibly empty
   * @return a new arbitrary
   */
  public OrganizationArbitrary withCertificationsFrom(Certification... certifications) {
    OrganizationArbitrary c = typedClone();
    c.certifications = ImmutableList.copyOf(certifications);
    return c;
  }

  /**
   * Sets the licences organizations draw subsets from.
   *
   * @param licences the pool, possibly empty
   * @return a new arbitrary
   */
  public OrganizationArbitrary withLicencesFrom(Licence... licences) {
    OrganizationArbitrary c = typedClone();
    c.licences = ImmutableList.copyOf(licences);
    return c;
  }

  /**
   * Sets the range of capacities.
   *
   * @param min the smallest, {@code >= 0}
   * @param max the largest, {@code >= min}
   * @return a new arbitrary
   */
  public OrganizationArbitrary withCapacity(int min, int max) {
    checkArgument(0 <= min && min <= max, "capacity range must satisfy 0 <= min <= max but was [%s, %s]", min, max);
    OrganizationArbitrary c = typedClone();
    c.minCapacity = min;
    c.maxCapacity = max;
    return c;
  }

  /**
   * Sets where ids come from (for example {@link ClusterArbitraries#organizationIds()} with a
   * filter).
   *
   * @param ids the ids
   * @return a new arbitrary
   */
  public OrganizationArbitrary withIds(Arbitrary<OrganizationId> ids) {
    OrganizationArbitrary c = typedClone();
    c.ids = checkNotNull(ids, "ids");
    return c;
  }

  private static <T> Arbitrary<Set<T>> subsets(List<T> pool) {
    return pool.isEmpty() ? Arbitraries.just(Set.of()) : Arbitraries.subsetOf(pool);
  }

  @Override
  protected Arbitrary<Organization> arbitrary() {
    // the first stage builds a value, not a builder: shrinking may re-use generated values
    Arbitrary<Organization> core = Combinators.combine(
            ids,
            ClusterArbitraries.names(),
            Arbitraries.of(types),
            Arbitraries.of(prefectures),
            ClusterArbitraries.names().map(n -> "組織" + n).optional(0.5),
            subsets(capabilities),
            subsets(certifications),
            subsets(licences))
        .as((id, name, type, prefecture, nativeName, caps, certs, lics) -> {
          Organization.Builder b = Organization.builder(id, name, type, prefecture)
              .capabilities(caps)
              .certifications(certs)
              .licences(lics);
          nativeName.ifPresent(b::nativeName);
          return b.build();
        });
    return Combinators.combine(
            core,
            Arbitraries.integers().between(minCapacity, maxCapacity),
            Arbitraries.integers().between(0, 5_000).optional(0.7),
            Arbitraries.integers().between(1900, 2030).optional(0.7),
            Arbitraries.of(EntryStage.class),
            Arbitraries.of(false, true))
        .as((o, capacity, employees, founded, stage, hub) -> {
          Organization.Builder b = o.toBuilder().capacity(capacity).entryStage(stage).hub(hub);
          employees.ifPresent(b::employees);
          founded.ifPresent(b::foundedYear);
          return b.build();
        });
  }

}
