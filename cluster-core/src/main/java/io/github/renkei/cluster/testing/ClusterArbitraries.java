package io.github.renkei.cluster.testing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Certification;
import io.github.renkei.cluster.model.FundingLevel;
import io.github.renkei.cluster.model.FundingProgram;
import io.github.renkei.cluster.model.FundingPurpose;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.ProgramId;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.model.RelationshipType;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import io.github.renkei.cluster.regulation.DeviceClass;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The entry point of the test kit: jqwik arbitraries for the cluster model, valid by
 * construction and shrinking towards small, readable values.
 *
 * <pre>{@code
 * @Property
 * void queriesAgreeWithAScan(@ForAll("clusters") Cluster cluster) { ... }
 *
 * @Provide
 * Arbitrary<Cluster> clusters() {
 *   return ClusterArbitraries.clusters().withOrganizations(2, 50).withRelationships(0, 200);
 * }
 * }</pre>
 *
 * Generators of things that refer to organizations (relationships, needs, programs) take the
 * ids to refer to, so that what they generate fits a given cluster.
 */
public final class ClusterArbitraries {

  /** First year of generated ties and programs. */
  static final int FIRST_YEAR = 1990;
  /** Last start year of generated ties and programs. */
  static final int LAST_YEAR = 2030;

  private ClusterArbitraries() {}

  /**
   * Organization ids: 1 to 6 characters from a–z, digits, {@code -} and two kanji, shrinking
   * towards {@code "a"}.
   *
   * @return the arbitrary
   */
  public static Arbitrary<OrganizationId> organizationIds() {
    return idText().map(OrganizationId::of);
  }

  /**
   * Need ids, like {@link #organizationIds()}.
   *
   * @return the arbitrary
   */
  public static Arbitrary<NeedId> needIds() {
    return idText().map(NeedId::of);
  }

  /**
   * Program ids, like {@link #organizationIds()}.
   *
   * @return the arbitrary
   */
  public static Arbitrary<ProgramId> programIds() {
    return idText().map(ProgramId::of);
  }

  private static Arbitrary<String> idText() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('0', '9')
        .withChars('-', '福', '島')
        .ofMinLength(1)
        .ofMaxLength(6)
        .filter(s -> s.charAt(0) != '-');
  }

  /** Names: 1 to 12 letters, shrinking towards "a". */
  static Arbitrary<String> names() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
  }

  /**
   * Organizations of every type in every prefecture.
   *
   * @return a configurable arbitrary
   */
  public static OrganizationArbitrary organizations() {
    return new OrganizationArbitrary();
  }

  /**
   * Clusters of 1 to 30 organizations, up to 60 relationships, 10 needs and 5 programs.
   *
   * @return a configurable arbitrary
   */
  public static ClusterArbitrary clusters() {
    return new ClusterArbitrary();
  }

  /**
   * Relationships between distinct organizations of a list: every type, start years 1990 to
   * 2030, ended ones lasting 0 to 15 years.
   *
   * @param ids the organizations to tie, at least two distinct ones
   * @return the arbitrary
   */
  public static Arbitrary<Relationship> relationships(List<OrganizationId> ids) {
    List<OrganizationId> pool = distinct(ids);
    checkArgument(pool.size() >= 2, "relationships need at least two organizations but got %s", pool.size());
    int n = pool.size();
    return Combinators.combine(
            Arbitraries.integers().between(0, n - 1),
            Arbitraries.integers().between(1, n - 1),
            Arbitraries.of(RelationshipType.class),
            Arbitraries.integers().between(FIRST_YEAR, LAST_YEAR),
            Arbitraries.integers().between(0, 15).optional(0.4))
        .as((from, offset, type, start, duration) -> {
          Relationship.Builder b =
              Relationship.builder(pool.get(from), type, pool.get((from + offset) % n)).startYear(start);
          duration.ifPresent(d -> b.endYear(start + d));
          return b.build();
        });
  }

  /**
   * Needs raised by organizations of a list, each optionally addressed to another of them.
   *
   * @param ids the possible requesters and addressees, at least one
   * @return the arbitrary
   */
  public static Arbitrary<Need> needs(List<OrganizationId> ids) {
    List<OrganizationId> pool = distinct(ids);
    checkArgument(!pool.isEmpty(), "needs need at least one organization");
    int n = pool.size();
    Arbitrary<Need> core = Combinators.combine(
            needIds(),
            Arbitraries.integers().between(0, n - 1),
            Arbitraries.of(NeedKind.class),
            subsets(Capability.standard()),
            subsets(Certification.standard()),
            Arbitraries.of(DeviceClass.class).optional(0.7),
            Arbitraries.integers().between(1, 100_000).optional(0.5),
            names().optional(0.3))
        .as((id, requester, kind, caps, certs, deviceClass, lot, description) -> {
          Need.Builder b = Need.builder(id, pool.get(requester), kind)
              .requiredCapabilities(caps)
              .requiredCertifications(certs);
          deviceClass.ifPresent(b::deviceClass);
          lot.ifPresent(b::lotSize);
          description.ifPresent(b::description);
          return b.build();
        });
    return Combinators.combine(
            core,
            Arbitraries.of(Prefecture.class).optional(0.2),
            Arbitraries.of(RegionBlock.class).optional(0.3),
            Arbitraries.integers().between(1, Math.max(1, n - 1)).optional(n > 1 ? 0.2 : 0.0))
        .as((need, prefecture, block, offset) -> {
          Need.Builder b = need.toBuilder();
          prefecture.ifPresent(b::preferredPrefecture);
          block.ifPresent(b::preferredBlock);
          offset.ifPresent(o -> {
            int requester = pool.indexOf(need.requester());
            b.addressedTo(pool.get((requester + o) % n));
          });
          return b.build();
        });
  }

  /**
   * Funding programs sponsored by organizations of a list, with optional years and budgets
   * inside the active years.
   *
   * @param ids the possible sponsors, at least one
   * @return the arbitrary
   */
  public static Arbitrary<FundingProgram> programs(List<OrganizationId> ids) {
    List<OrganizationId> pool = distinct(ids);
    checkArgument(!pool.isEmpty(), "programs need at least one organization");
    return Combinators.combine(
            programIds(),
            names(),
            Arbitraries.of(pool),
            Arbitraries.of(FundingLevel.class),
            Arbitraries.of(FundingPurpose.class),
            Arbitraries.integers().between(FIRST_YEAR, LAST_YEAR).optional(0.8),
            Arbitraries.integers().between(0, 10).optional(0.6),
            Arbitraries.longs().between(0, 10_000_000_000L).list().ofMaxSize(4))
        .as((id, name, sponsor, level, purpose, first, duration, budgets) -> {
          FundingProgram.Builder b = FundingProgram.builder(id, name, sponsor, level, purpose);
          first.ifPresent(f -> {
            b.firstYear(f);
            duration.ifPresent(d -> b.lastYear(f + d));
            int span = duration.orElse(budgets.size());
            for (int i = 0; i < budgets.size() && i <= span; i++) {
              b.budget(f + i, budgets.get(i));
            }
          });
          return b.build();
        });
  }

  static <T> Arbitrary<Set<T>> subsets(List<T> pool) {
    return pool.isEmpty() ? Arbitraries.just(Set.of()) : Arbitraries.subsetOf(pool);
  }

  private static List<OrganizationId> distinct(List<OrganizationId> ids) {
    checkNotNull(ids, "ids");
    return ImmutableList.copyOf(new java.util.LinkedHashSet<>(ids));
  }
}
