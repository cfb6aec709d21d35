package io.github.renkei.cluster.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.FundingProgram;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.region.Prefecture;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.Domain;
import org.junit.jupiter.api.Test;

class ArbitrariesTest {

  @Provide
  Arbitrary<Cluster> sized() {
    return ClusterArbitraries.clusters()
        .withOrganizations(5, 12)
        .withRelationships(3, 15)
        .withNeeds(2, 4)
        .withPrograms(1, 2);
  }

  @Property(tries = 100)
  void clustersRespectTheConfiguredSizes(@ForAll("sized") Cluster c) {
    assertTrue(c.organizationCount() >= 5 && c.organizationCount() <= 12, c::toString);
    assertTrue(c.relationshipCount() >= 3 && c.relationshipCount() <= 15, c::toString);
    assertTrue(c.needs().size() >= 2 && c.needs().size() <= 4, c::toString);
    assertTrue(c.programs().size() >= 1 && c.programs().size() <= 2, c::toString);
  }

  @Provide
  Arbitrary<Cluster> tiesRequired() {
    return ClusterArbitraries.clusters().withOrganizations(1, 1).withRelationships(1, 1);
  }

  @Property(tries = 50)
  void requiringTiesRaisesTheOrganizationMinimumToTwo(@ForAll("tiesRequired") Cluster c) {
    assertEquals(2, c.organizationCount());
    assertEquals(1, c.relationshipCount());
  }

  @Provide
  Arbitrary<Organization> fukushimaSmes() {
    return ClusterArbitraries.organizations()
        .ofTypes(OrganizationType.SME_MANUFACTURER)
        .inPrefectures(Prefecture.FUKUSHIMA)
        .withCapabilitiesFrom(Capability.MACHINING)
        .withCertificationsFrom()
        .withLicencesFrom()
        .withCapacity(2, 3);
  }

  @Property(tries = 100)
  void organizationsRespectTheirConfiguration(@ForAll("fukushimaSmes") Organization o) {
    assertEquals(OrganizationType.SME_MANUFACTURER, o.type());
    assertEquals(Prefecture.FUKUSHIMA, o.prefecture());
    assertTrue(Set.of(Capability.MACHINING).containsAll(o.capabilities()));
    assertTrue(o.certifications().isEmpty() && o.licences().isEmpty());
    assertTrue(o.capacity() >= 2 && o.capacity() <= 3);
  }

  @Provide
  Arbitrary<Cluster> fukushimaClusters() {
    return ClusterArbitraries.clusters().withOrganizationsFrom(fukushimaSmes()).withRelationships(0, 5);
  }

  @Property(tries = 50)
  void clustersUseTheGivenOrganizationArbitrary(@ForAll("fukushimaClusters") Cluster c) {
    assertEquals(c.organizationCount(), c.organizationsIn(Prefecture.FUKUSHIMA).size());
  }

  @Provide
  Arbitrary<List<Relationship>> tiesAmongThree() {
    return ClusterArbitraries.relationships(RenkeiDomain.STANDALONE_IDS).list().ofSize(20);
  }

  @Property(tries = 50)
  void standaloneGeneratorsReferOnlyToTheGivenIds(
      @ForAll("tiesAmongThree") List<Relationship> ties,
      @ForAll Need need,
      @ForAll FundingProgram program) {
    for (Relationship r : ties) {
      assertTrue(RenkeiDomain.STANDALONE_IDS.contains(r.from()) && RenkeiDomain.STANDALONE_IDS.contains(r.to()));
      assertNotEquals(r.from(), r.to());
    }
    assertTrue(RenkeiDomain.STANDALONE_IDS.contains(need.requester()));
    need.addressedTo().ifPresent(a -> assertNotEquals(need.requester(), a));
    assertTrue(RenkeiDomain.STANDALONE_IDS.contains(program.sponsor()));
  }

  @Property(tries = 50)
  void theDefaultProviderSuppliesTheModelTypes(@ForAll Cluster c, @ForAll Organization o, @ForAll OrganizationId id) {
    assertTrue(c.organizationCount() >= 1);
    assertEquals(o, o.toBuilder().build());
    assertTrue(!id.value().isBlank());
  }

  @Test
  void badConfigurationIsRejectedNamingTheValues() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClusterArbitraries.clusters().withRelationships(5, 2));
    assertTrue(e.getMessage().contains("[5, 2]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ClusterArbitraries.clusters().withOrganizations(0, 3));
    assertThrows(IllegalArgumentException.class, () -> ClusterArbitraries.organizations().withCapacity(-1, 2));
    assertThrows(IllegalArgumentException.class, () -> ClusterArbitraries.relationships(List.of(OrganizationId.of("a"))));
  }

  /** The domain works where the default provider is switched off. */
  @Domain(RenkeiDomain.class)
  static class WithTheDomain {
    @Property(tries = 20)
    void domainSuppliesClusters(@ForAll Cluster c, @ForAll Relationship r) {
      assertTrue(c.organizationCount() >= 1);
      assertNotEquals(r.from(), r.to());
    }
  }
}
