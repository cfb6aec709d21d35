package io.github.renkei.cluster.testing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.FundingProgram;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.Relationship;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * Generates valid {@link Cluster}s: organizations with distinct ids, relationships between
 * distinct members without duplicates, needs and programs that refer only to members.
 * Configuration methods return new arbitraries. Shrinks towards a cluster of one organization
 * and nothing else (or two, if relationships are required).
 *
 * <pre>{@code
 * ClusterArbitraries.clusters()
 *     .withOrganizations(10, 100)
 *     .withRelationships(0, 500)
 *     .withNeeds(1, 20)
 *     .withPrograms(0, 3)
 *     .withOrganizationsFrom(ClusterArbitraries.organizations().inPrefectures(Prefecture.FUKUSHIMA));
 * }</pre>
 */
public final class ClusterArbitrary extends ArbitraryDecorator<Cluster> {

  private int minOrganizations = 1;
  private int maxOrganizations = 30;
  private int minRelationships = 0;
  private int maxRelationships = 60;
  private int minNeeds = 0;
  private int maxNeeds = 10;
  private int minPrograms = 0;
  private int maxPrograms = 5;
  private Arbitrary<Organization> organizations = ClusterArbitraries.organizations();

  ClusterArbitrary() {}

  private static void checkRange(String what, int min, int max) {
    checkArgument(0 <= min && min <= max, "%s range must satisfy 0 <= min <= max but was [%s, %s]", what, min, max);
  }

  /**
   * Sets how many organizations a cluster has.
   *
   * @param min the fewest, {@code >= 1}
   * @param max the most
   * @return a new arbitrary
   */
  public ClusterArbitrary withOrganizations(int min, int max) {
    checkRange("organizations", min, max);
    checkArgument(min >= 1, "a generated cluster has at least one organization but min was %s", min);
    ClusterArbitrary c = typedClone();
    c.minOrganizations = min;
    c.maxOrganizations = max;
    return c;
  }

  /**
   * Sets how many relationships a cluster has. A cluster with relationships has at least two
   * organizations.
   *
   * @param min the fewest
   * @param max the most
   * @return a new arbitrary
   */
  public ClusterArbitrary withRelationships(int min, int max) {
    checkRange("relationships", min, max);
    ClusterArbitrary c = typedClone();
    c.minRelationships = min;
    c.maxRelationships = max;
    return c;
  }

  /**
   * Sets how many needs a cluster has.
   *
   * @param min the fewest
   * @param max the most
   * @return a new arbitrary
   */
  public ClusterArbitrary withNeeds(int min, int max) {
    checkRange("needs", min, max);
    ClusterArbitrary c = typedClone();
    c.minNeeds = min;
    c.maxNeeds = max;
    return c;
  }

  /**
   * Sets how many programs a cluster has.
   *
   * @param min the fewest
   * @param max the most
   * @return a new arbitrary
   */
  public ClusterArbitrary withPrograms(int min, int max) {
    checkRange("programs", min, max);
    ClusterArbitrary c = typedClone();
    c.minPrograms = min;
    c.maxPrograms = max;
    return c;
  }

  /**
   * Sets how organizations are generated; their ids are made distinct by the cluster
   * arbitrary.
   *
   * @param organizations the organizations' arbitrary
   * @return a new arbitrary
   */
  public ClusterArbitrary withOrganizationsFrom(Arbitrary<Organization> organizations) {
    ClusterArbitrary c = typedClone();
    c.organizations = checkNotNull(organizations, "organizations");
    return c;
  }

  @Override
  protected Arbitrary<Cluster> arbitrary() {
    int minOrgs = minRelationships > 0 ? Math.max(2, minOrganizations) : minOrganizations;
    int maxOrgs = Math.max(minOrgs, maxOrganizations);
    return organizations.list()
        .ofMinSize(minOrgs)
        .ofMaxSize(maxOrgs)
        .uniqueElements(Organization::id)
        .flatMap(this::around);
  }

  private Arbitrary<Cluster> around(List<Organization> members) {
    List<OrganizationId> ids = members.stream().map(Organization::id).collect(Collectors.toList());
    Arbitrary<List<Relationship>> ties = ids.size() < 2
        ? Arbitraries.just(List.of())
        : ClusterArbitraries.relationships(ids).list()
            .ofMinSize(minRelationships).ofMaxSize(maxRelationships).uniqueElements();
    Arbitrary<List<Need>> needs = ClusterArbitraries.needs(ids).list()
        .ofMinSize(minNeeds).ofMaxSize(maxNeeds).uniqueElements(Need::id);
    Arbitrary<List<FundingProgram>> programs = ClusterArbitraries.programs(ids).list()
        .ofMinSize(minPrograms).ofMaxSize(maxPrograms).uniqueElements(FundingProgram::id);
    return Combinators.combine(ties, needs, programs).as((r, n, p) -> Cluster.builder()
        .addOrganizations(members)
        .addRelationships(r)
        .addNeeds(n)
        .addPrograms(p)
        .build());
  }

  @Override
  public String toString() {
    return "ClusterArbitrary[organizations=" + minOrganizations + ".." + maxOrganizations
        + ", relationships=" + minRelationships + ".." + maxRelationships
        + ", needs=" + minNeeds + ".." + maxNeeds + ", programs=" + minPrograms + ".." + maxPrograms + "]";
  }
}
