package io.github.renkei.cluster.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import io.github.renkei.cluster.region.StandardRegion;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.regulation.Licence;
import io.github.renkei.cluster.testing.ClusterArbitraries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of {@link Cluster} over generated clusters. */
class ClusterPropertiesTest {

  @Provide
  Arbitrary<Cluster> clusters() {
    return ClusterArbitraries.clusters().withOrganizations(1, 40).withRelationships(0, 120);
  }

  @Provide
  Arbitrary<Cluster> tiedClusters() {
    return ClusterArbitraries.clusters().withOrganizations(2, 20).withRelationships(1, 40);
  }

  @Property
  void everyGeneratedClusterRebuildsFromItsPartsIntoAnEqualCluster(@ForAll("clusters") Cluster cluster) {
    Cluster rebuilt = Cluster.builder()
        .addOrganizations(cluster.organizations())
        .addRelationships(cluster.relationships())
        .addNeeds(cluster.needs())
        .addPrograms(cluster.programs())
        .build();
    assertEquals(cluster, rebuilt);
    assertEquals(cluster.hashCode(), rebuilt.hashCode());
  }

  @Property
  void insertionOrderNeverChangesTheCluster(@ForAll("clusters") Cluster cluster, @ForAll Random random) {
    List<Organization> orgs = new ArrayList<>(cluster.organizations());
    List<Relationship> ties = new ArrayList<>(cluster.relationships());
    List<Need> needs = new ArrayList<>(cluster.needs());
    Collections.shuffle(orgs, random);
    Collections.shuffle(ties, random);
    Collections.shuffle(needs, random);
    Cluster shuffled = Cluster.builder()
        .addRelationships(ties).addNeeds(needs).addOrganizations(orgs).addPrograms(cluster.programs()).build();
    assertEquals(cluster, shuffled);
    assertEquals(cluster.hashCode(), shuffled.hashCode());
    assertEquals(cluster.relationships(), shuffled.relationships());
    assertEquals(cluster.organizations(), shuffled.organizations());
  }

  @Property
  void indexedQueriesAgreeWithALinearScan(@ForAll("clusters") Cluster c) {
    agree(c, Sector.values(), c::organizationsOf, s -> o -> o.sector() == s);
    agree(c, OrganizationType.values(), c::organizationsOf, t -> o -> o.type() == t);
    agree(c, Prefecture.values(), c::organizationsIn, p -> o -> o.prefecture() == p);
    agree(c, RegionBlock.values(), c::organizationsIn, b -> o -> o.prefecture().block() == b);
    agree(c, StandardRegion.values(), c::organizationsIn, r -> o -> o.prefecture().standardRegion() == r);
    agree(c, EntryStage.values(), c::organizationsAt, s -> o -> o.entryStage() == s);
    agree(c, Capability.standard().toArray(new Capability[0]), c::organizationsWith, k -> o -> o.capabilities().contains(k));
    agree(c, Certification.standard().toArray(new Certification[0]), c::organizationsHolding,
        k -> o -> o.certifications().contains(k));
    agree(c, JapanPmdAct.get().licences().toArray(new Licence[0]), c::organizationsHolding,
        k -> o -> o.licences().contains(k));
    assertEquals(scan(c, Organization::isHub), c.hubs());
    for (Organization o : c.organizations()) {
      assertEquals(o, c.organization(o.id()).orElseThrow());
      assertEquals(c.relationships().stream().filter(r -> r.from().equals(o.id())).toList(), c.tiesFrom(o.id()));
      assertEquals(c.relationships().stream().filter(r -> r.to().equals(o.id())).toList(), c.tiesTo(o.id()));
      assertEquals(c.needs().stream().filter(n -> n.requester().equals(o.id())).toList(), c.needsOf(o.id()));
    }
    for (RelationshipType t : RelationshipType.values()) {
      assertEquals(c.relationships().stream().filter(r -> r.type() == t).toList(), c.relationshipsOf(t));
    }
  }

  private static <K> void agree(Cluster c, K[] keys, Function<K, List<Organization>> index,
      Function<K, Predicate<Organization>> scan) {
    for (K k : keys) {
      assertEquals(scan(c, scan.apply(k)), index.apply(k), () -> "index for " + k);
    }
  }

  private static List<Organization> scan(Cluster c, Predicate<Organization> p) {
    return c.organizations().stream().filter(p).collect(Collectors.toList());
  }

  @Property
  void iterationOrderIsByIdAndRelationshipsAreCanonical(@ForAll("clusters") Cluster c) {
    List<OrganizationId> ids = c.organizations().stream().map(Organization::id).toList();
    List<OrganizationId> sorted = new ArrayList<>(ids);
    Collections.sort(sorted);
    assertEquals(sorted, ids);
    for (int i = 1; i < c.relationships().size(); i++) {
      Relationship a = c.relationships().get(i - 1);
      Relationship b = c.relationships().get(i);
      int cmp = a.from().compareTo(b.from());
      if (cmp == 0) {
        cmp = a.to().compareTo(b.to());
      }
      if (cmp == 0) {
        cmp = a.type().compareTo(b.type());
      }
      if (cmp == 0) {
        cmp = Integer.compare(a.startYear(), b.startYear());
      }
      assertTrue(cmp <= 0, () -> a + " before " + b);
    }
  }

  @Property
  void aTieToAnUnknownOrganizationIsReportedById(@ForAll("clusters") Cluster c) {
    OrganizationId known = c.organizations().get(0).id();
    OrganizationId stranger = OrganizationId.of("zz-not-a-member");
    ClusterValidationException e = assertThrows(ClusterValidationException.class,
        () -> c.toBuilder().add(Relationship.of(known, RelationshipType.OEM, stranger, 2020)).build());
    assertEquals(1, e.problems().size(), e.getMessage());
    assertEquals(ProblemKind.UNKNOWN_ORGANIZATION, e.problems().get(0).kind());
    assertEquals(List.of(known.value(), stranger.value()), e.problems().get(0).ids());
    assertThrows(ClusterValidationException.class,
        () -> c.withRelationship(Relationship.of(stranger, RelationshipType.OEM, known, 2020)));
  }

  @Property
  void aSelfTieOrADuplicateTieIsReportedById(@ForAll("tiedClusters") Cluster c) {
    Relationship existing = c.relationships().get(0);
    ClusterValidationException dup = assertThrows(ClusterValidationException.class,
        () -> c.toBuilder().add(existing).build());
    assertEquals(List.of(ProblemKind.DUPLICATE_RELATIONSHIP), dup.problems().stream().map(Problem::kind).toList());
    assertEquals(List.of(existing.from().value(), existing.to().value()), dup.problems().get(0).ids());

    OrganizationId a = existing.from();
    ClusterValidationException self = assertThrows(ClusterValidationException.class,
        () -> c.toBuilder().add(Relationship.builder(a, RelationshipType.SUPPORT, a).startYear(2020)).build());
    assertEquals(List.of(ProblemKind.SELF_TIE), self.problems().stream().map(Problem::kind).toList());
    assertEquals(List.of(a.value()), self.problems().get(0).ids());
  }

  @Property
  void persistentUpdatesEqualARebuild(@ForAll("tiedClusters") Cluster c) {
    Relationship first = c.relationships().get(0);
    Cluster without = c.withoutRelationship(first);
    assertEquals(c.toBuilder().build().relationshipCount() - 1, without.relationshipCount());
    assertEquals(c, without.withRelationship(first));

    Organization o = c.organizations().get(0);
    Cluster removed = c.withoutOrganization(o.id());
    Cluster rebuilt = Cluster.builder()
        .addOrganizations(c.organizations().stream().filter(x -> !x.id().equals(o.id())).toList())
        .addRelationships(c.relationships().stream().filter(r -> !r.involves(o.id())).toList())
        .addNeeds(c.needs().stream()
            .filter(n -> !n.requester().equals(o.id()) && !n.addressedTo().equals(java.util.Optional.of(o.id())))
            .toList())
        .addPrograms(c.programs().stream().filter(p -> !p.sponsor().equals(o.id())).toList())
        .build();
    assertEquals(rebuilt, removed);
    assertEquals(c.organizations(), removed.withOrganization(o).organizations());
  }
}
