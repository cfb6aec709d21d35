package io.github.renkei.cluster.model;

import static io.github.renkei.cluster.model.Fixtures.id;
import static io.github.renkei.cluster.model.Fixtures.org;
import static io.github.renkei.cluster.model.Fixtures.sme;
import static io.github.renkei.cluster.model.Fixtures.tie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import io.github.renkei.cluster.region.StandardRegion;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.regulation.ManufacturingStep;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClusterTest {

  /** Fukushima and Shizuoka firms, a university, a maker, a hub, with ties, a need and a program. */
  static Cluster small() {
    return Cluster.builder()
        .add(sme("aizu", Prefecture.FUKUSHIMA, Capability.PRECISION_CUTTING, Capability.MACHINING))
        .add(org("date", OrganizationType.SME_MANUFACTURER, Prefecture.FUKUSHIMA)
            .capabilities(Capability.CLEANROOM_ASSEMBLY)
            .certifications(Certification.ISO_13485)
            .licences(JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY))
            .entryStage(EntryStage.OEM)
            .capacity(3))
        .add(sme("fuji", Prefecture.SHIZUOKA, Capability.INJECTION_MOULDING))
        .add(org("nihon-u", OrganizationType.UNIVERSITY, Prefecture.FUKUSHIMA))
        .add(org("maker", OrganizationType.DEVICE_MAKER, Prefecture.TOKYO).entryStage(EntryStage.OWN_PRODUCT))
        .add(org("fmdipo", OrganizationType.SUPPORT_ORGANIZATION, Prefecture.FUKUSHIMA).hub(true))
        .add(tie("aizu", RelationshipType.PARTS_SUPPLY, "maker", 2008))
        .add(tie("date", RelationshipType.OEM, "maker", 2011))
        .add(tie("date", RelationshipType.PARTS_SUPPLY, "maker", 2006))
        .add(tie("fmdipo", RelationshipType.SUPPORT, "aizu", 2013))
        .add(tie("fmdipo", RelationshipType.SUPPORT, "date", 2013))
        .add(tie("aizu", RelationshipType.JOINT_RESEARCH, "nihon-u", 2009))
        .add(Need.builder(NeedId.of("n1"), id("maker"), NeedKind.OEM).requiredCapabilities(Capability.CLEANROOM_ASSEMBLY))
        .add(FundingProgram.builder(ProgramId.of("p1"), "Prefectural project", id("fmdipo"), FundingLevel.PREFECTURAL,
            FundingPurpose.PARTS_SUPPLY_OEM).firstYear(2005))
        .build();
  }

  private static Set<String> ids(List<Organization> orgs) {
    return orgs.stream().map(o -> o.id().value()).collect(Collectors.toSet());
  }

  @Test
  void buildListsEveryProblemWithTheIdsInvolved() {
    Cluster.Builder b = Cluster.builder()
        .add(sme("a", Prefecture.FUKUSHIMA))
        .add(sme("b", Prefecture.MIYAGI))
        .add(sme("b", Prefecture.IWATE))                                                   // 1 duplicate id
        .add(org("neg", OrganizationType.SME_MANUFACTURER, Prefecture.AOMORI).capacity(-1)) // 2 negative capacity
        .add(tie("a", RelationshipType.OEM, "ghost", 2010))                                // 3 unknown id
        .add(Relationship.builder(id("a"), RelationshipType.ODM, id("a")).startYear(2012)) // 4 self-tie
        .add(Relationship.builder(id("a"), RelationshipType.OEM, id("b")).startYear(2015).endYear(2014)) // 5 end before start
        .add(Need.builder(NeedId.of("n"), id("a"), NeedKind.OEM).addressedTo(id("a")))     // 6 addressed to requester
        .add(FundingProgram.builder(ProgramId.of("p"), "P", id("b"), FundingLevel.NATIONAL,
            FundingPurpose.NETWORK_BUILDING).budget(2010, -5));                           // 7 negative budget
    ClusterValidationException e = assertThrows(ClusterValidationException.class, b::build);
    List<ProblemKind> kinds = e.problems().stream().map(Problem::kind).toList();
    assertEquals(List.of(
        ProblemKind.NEGATIVE_CAPACITY,
        ProblemKind.NEGATIVE_BUDGET,
        ProblemKind.END_BEFORE_START,
        ProblemKind.SELF_TIE,
        ProblemKind.DUPLICATE_ID,
        ProblemKind.UNKNOWN_ORGANIZATION,
        ProblemKind.NEED_ADDRESSED_TO_REQUESTER), kinds);
    assertEquals(List.of("neg"), problem(e, ProblemKind.NEGATIVE_CAPACITY).ids());
    assertEquals(List.of("p"), problem(e, ProblemKind.NEGATIVE_BUDGET).ids());
    assertEquals(List.of("a", "b"), problem(e, ProblemKind.END_BEFORE_START).ids());
    assertEquals(List.of("a"), problem(e, ProblemKind.SELF_TIE).ids());
    assertEquals(List.of("b"), problem(e, ProblemKind.DUPLICATE_ID).ids());
    assertEquals(List.of("a", "ghost"), problem(e, ProblemKind.UNKNOWN_ORGANIZATION).ids());
    assertEquals(List.of("n", "a"), problem(e, ProblemKind.NEED_ADDRESSED_TO_REQUESTER).ids());
    assertTrue(e.getMessage().startsWith("invalid cluster: 7 problems"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown organization 'ghost'"), e.getMessage());
  }

  private static Problem problem(ClusterValidationException e, ProblemKind kind) {
    return e.problems().stream().filter(p -> p.kind() == kind).findFirst().orElseThrow();
  }

  @Test
  void crossReferenceProblemsAreAllFound() {
    ClusterValidationException e = assertThrows(ClusterValidationException.class, () -> Cluster.builder()
        .add(sme("a", Prefecture.FUKUSHIMA))
        .add(sme("b", Prefecture.FUKUSHIMA))
        .add(tie("a", RelationshipType.OEM, "b", 2010))
        .add(tie("a", RelationshipType.OEM, "b", 2010))
        .add(tie("x", RelationshipType.OEM, "y", 2010))
        .add(Need.builder(NeedId.of("n"), id("nobody"), NeedKind.OEM).addressedTo(id("nowhere")).build())
        .add(Need.builder(NeedId.of("n"), id("a"), NeedKind.ODM).build())
        .add(FundingProgram.builder(ProgramId.of("p"), "P", id("ministry"), FundingLevel.NATIONAL,
            FundingPurpose.HUMAN_RESOURCES).build())
        .build());
    assertEquals(7, e.problems().size(), e.getMessage());
    assertEquals(5, e.problems().stream().filter(p -> p.kind() == ProblemKind.UNKNOWN_ORGANIZATION).count());
    assertEquals(List.of("a", "b"), problem(e, ProblemKind.DUPLICATE_RELATIONSHIP).ids());
    assertEquals(List.of("n"), problem(e, ProblemKind.DUPLICATE_ID).ids());
  }

  @Test
  void tiesOfAnOrganizationThatFailedItsOwnValidationAreNotReportedAsUnknown() {
    ClusterValidationException e = assertThrows(ClusterValidationException.class, () -> Cluster.builder()
        .add(sme("a", Prefecture.FUKUSHIMA))
        .add(org("bad", OrganizationType.CLINIC, Prefecture.FUKUSHIMA).capacity(-1))
        .add(tie("a", RelationshipType.SUPPORT, "bad", 2010))
        .build());
    assertEquals(List.of(ProblemKind.NEGATIVE_CAPACITY), e.problems().stream().map(Problem::kind).toList());
  }

  @Test
  void anElementWithItsOwnProblemsIsStillCheckedForUnknownReferences() {
    ClusterValidationException e = assertThrows(ClusterValidationException.class, () -> Cluster.builder()
        .add(sme("a", Prefecture.FUKUSHIMA))
        .add(Relationship.builder(id("a"), RelationshipType.OEM, id("ghost")).startYear(2021).endYear(2019))
        .add(Need.builder(NeedId.of("n"), id("nobody"), NeedKind.OEM).lotSize(0))
        .add(FundingProgram.builder(ProgramId.of("p"), " ", id("ministry"), FundingLevel.NATIONAL,
            FundingPurpose.HUMAN_RESOURCES))
        .build());
    assertEquals(List.of(
            ProblemKind.INVALID_VALUE, ProblemKind.INVALID_VALUE, ProblemKind.END_BEFORE_START,
            ProblemKind.UNKNOWN_ORGANIZATION, ProblemKind.UNKNOWN_ORGANIZATION, ProblemKind.UNKNOWN_ORGANIZATION),
        e.problems().stream().map(Problem::kind).toList(), e.getMessage());
  }

  @Test
  void problemsComeInTheSameOrderWhateverTheInsertionOrder() {
    List<Object> parts = new ArrayList<>(List.of(
        sme("a", Prefecture.FUKUSHIMA), tie("a", RelationshipType.OEM, "x", 2010),
        tie("y", RelationshipType.OEM, "a", 2011), sme("a", Prefecture.AKITA),
        Need.builder(NeedId.of("n"), id("z"), NeedKind.OEM).build()));
    List<Problem> first = null;
    Random random = new Random(7);
    for (int round = 0; round < 5; round++) {
      Collections.shuffle(parts, random);
      Cluster.Builder b = Cluster.builder();
      for (Object p : parts) {
        if (p instanceof Organization) {
          b.add((Organization) p);
        } else if (p instanceof Relationship) {
          b.add((Relationship) p);
        } else {
          b.add((Need) p);
        }
      }
      List<Problem> problems = assertThrows(ClusterValidationException.class, b::build).problems();
      if (first == null) {
        first = problems;
      }
      assertEquals(first, problems);
    }
  }

  @Test
  void organizationsAreIndexedByEveryAttribute() {
    Cluster c = small();
    assertEquals(List.of("aizu", "date", "fmdipo", "fuji", "maker", "nihon-u"),
        c.organizations().stream().map(o -> o.id().value()).toList());
    assertEquals(Set.of("aizu", "date", "nihon-u", "fmdipo"), ids(c.organizationsIn(Prefecture.FUKUSHIMA)));
    assertEquals(Set.of("aizu", "date", "nihon-u", "fmdipo"), ids(c.organizationsIn(RegionBlock.HOKKAIDO_TOHOKU)));
    assertEquals(Set.of("fuji", "maker"), ids(c.organizationsIn(RegionBlock.KANTO)));
    assertEquals(Set.of("fuji"), ids(c.organizationsIn(StandardRegion.CHUBU)));
    assertEquals(Set.of("aizu", "date", "fuji", "maker"), ids(c.organizationsOf(Sector.INDUSTRY)));
    assertEquals(Set.of("nihon-u"), ids(c.organizationsOf(OrganizationType.UNIVERSITY)));
    assertEquals(Set.of("aizu"), ids(c.organizationsWith(Capability.PRECISION_CUTTING)));
    assertEquals(Set.of(), ids(c.organizationsWith(Capability.STERILIZATION_EO)));
    assertEquals(Set.of("date"), ids(c.organizationsHolding(Certification.ISO_13485)));
    assertEquals(Set.of("date"), ids(c.organizationsHolding(JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY))));
    assertEquals(Set.of("date"), ids(c.organizationsAt(EntryStage.OEM)));
    assertEquals(Set.of("fmdipo"), ids(c.hubs()));
    assertEquals(Optional.empty(), c.organization(id("nobody")));
    assertTrue(c.contains(id("aizu")));
    assertEquals("Org aizu", c.require(id("aizu")).name());
  }

  @Test
  void tiesAreIndexedByBothEndsInCanonicalOrder() {
    Cluster c = small();
    assertEquals(List.of(
            "date -[PARTS_SUPPLY]-> maker (2006–)",
            "date -[OEM]-> maker (2011–)"),
        c.tiesFrom(id("date")).stream().map(Relationship::toString).toList());
    assertEquals(List.of(
            "aizu -[PARTS_SUPPLY]-> maker (2008–)",
            "date -[PARTS_SUPPLY]-> maker (2006–)",
            "date -[OEM]-> maker (2011–)"),
        c.tiesTo(id("maker")).stream().map(Relationship::toString).toList());
    assertEquals(List.of(), c.tiesFrom(id("maker")));
    assertEquals(2, c.relationshipsOf(RelationshipType.SUPPORT).size());
    assertEquals(6, c.relationshipCount());
    assertEquals(List.of(NeedId.of("n1")), c.needsOf(id("maker")).stream().map(Need::id).toList());
    assertEquals(List.of(), c.needsOf(id("aizu")));
  }

  @Test
  void relationshipsShareTheOrganizationsIdInstances() {
    Cluster c = small();
    Relationship r = c.tiesFrom(id("aizu")).get(0);
    assertSame(c.require(id("aizu")).id(), r.from());
    assertSame(c.require(r.to()).id(), r.to());
  }

  @Test
  void queriesAboutUnknownOrganizationsFailNamingTheId() {
    Cluster c = small();
    for (Runnable query : List.<Runnable>of(
        () -> c.tiesFrom(id("ghost")), () -> c.tiesTo(id("ghost")), () -> c.needsOf(id("ghost")),
        () -> c.require(id("ghost")), () -> c.withoutOrganization(id("ghost")))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, query::run);
      assertEquals("unknown organization 'ghost'", e.getMessage());
    }
    assertThrows(NullPointerException.class, () -> c.organizationsIn((Prefecture) null));
  }

  @Test
  void insertionOrderDoesNotMatter() {
    Cluster c = small();
    List<Organization> orgs = new ArrayList<>(c.organizations());
    List<Relationship> ties = new ArrayList<>(c.relationships());
    Collections.reverse(orgs);
    Collections.reverse(ties);
    Cluster reversed = Cluster.builder().addRelationships(ties).addOrganizations(orgs)
        .addNeeds(c.needs()).addPrograms(c.programs()).build();
    assertEquals(c, reversed);
    assertEquals(c.hashCode(), reversed.hashCode());
    assertEquals(c.relationships(), reversed.relationships());
    assertEquals(c, c.toBuilder().build());
    assertNotEquals(c, c.withoutNeed(NeedId.of("n1")));
  }

  @Test
  void withOrganizationAddsOrReplacesAndKeepsTies() {
    Cluster c = small();
    Cluster added = c.withOrganization(sme("abe", Prefecture.MIYAGI));
    assertEquals(7, added.organizationCount());
    assertEquals(c.relationships(), added.relationships());
    assertEquals(c.tiesFrom(id("date")), added.tiesFrom(id("date")));
    assertEquals(List.of(), added.tiesFrom(id("abe")));
    assertEquals(added, c.toBuilder().add(sme("abe", Prefecture.MIYAGI)).build());

    Organization upgraded = c.require(id("aizu")).toBuilder().entryStage(EntryStage.PARTS_SUPPLY).build();
    Cluster replaced = c.withOrganization(upgraded);
    assertEquals(6, replaced.organizationCount());
    assertEquals(EntryStage.PARTS_SUPPLY, replaced.require(id("aizu")).entryStage());
    assertEquals(Set.of("aizu"), ids(replaced.organizationsAt(EntryStage.PARTS_SUPPLY)));
    assertEquals(c.tiesFrom(id("aizu")), replaced.tiesFrom(id("aizu")));
  }

  @Test
  void withoutOrganizationRemovesEverythingThatRefersToIt() {
    Cluster c = small();
    Cluster without = c.withoutOrganization(id("maker"));
    assertFalse(without.contains(id("maker")));
    assertTrue(without.relationships().stream().noneMatch(r -> r.involves(id("maker"))));
    assertEquals(3, without.relationshipCount());
    assertTrue(without.needs().isEmpty());
    Cluster noHub = c.withoutOrganization(id("fmdipo"));
    assertTrue(noHub.programs().isEmpty());
    assertTrue(noHub.hubs().isEmpty());
  }

  @Test
  void withRelationshipValidatesAndSharesTheOrganizations() {
    Cluster c = small();
    Relationship odm = tie("date", RelationshipType.ODM, "maker", 2016);
    Cluster grown = c.withRelationship(odm);
    assertEquals(7, grown.relationshipCount());
    assertTrue(grown.tiesTo(id("maker")).contains(odm));
    assertSame(c.organizations(), grown.organizations());
    assertEquals(grown, c.toBuilder().add(odm).build());
    assertEquals(c, grown.withoutRelationship(odm));

    ClusterValidationException dup = assertThrows(ClusterValidationException.class,
        () -> c.withRelationship(tie("date", RelationshipType.OEM, "maker", 2011)));
    assertEquals(ProblemKind.DUPLICATE_RELATIONSHIP, dup.problems().get(0).kind());
    ClusterValidationException unknown = assertThrows(ClusterValidationException.class,
        () -> c.withRelationship(tie("date", RelationshipType.OEM, "ghost", 2011)));
    assertEquals(List.of("date", "ghost"), unknown.problems().get(0).ids());
    IllegalArgumentException absent = assertThrows(IllegalArgumentException.class,
        () -> c.withoutRelationship(tie("date", RelationshipType.OEM, "maker", 1999)));
    assertTrue(absent.getMessage().contains("date -[OEM]-> maker (1999–)"), absent.getMessage());
  }

  @Test
  void withNeedAndWithProgramShareOrganizationsAndTies() {
    Cluster c = small();
    Need n2 = Need.builder(NeedId.of("n2"), id("nihon-u"), NeedKind.CO_DEVELOPMENT).build();
    Cluster more = c.withNeed(n2);
    assertSame(c.organizations(), more.organizations());
    assertSame(c.relationships(), more.relationships());
    assertEquals(List.of(NeedId.of("n1"), NeedId.of("n2")), more.needs().stream().map(Need::id).toList());
    Need replaced = n2.toBuilder().description("replaced").build();
    assertEquals(Optional.of(replaced), more.withNeed(replaced).need(NeedId.of("n2")));
    assertEquals(2, more.withNeed(replaced).needs().size());
    assertThrows(ClusterValidationException.class,
        () -> c.withNeed(Need.builder(NeedId.of("n3"), id("ghost"), NeedKind.OEM).build()));
    assertThrows(IllegalArgumentException.class, () -> c.withoutNeed(NeedId.of("zz")));

    FundingProgram p2 = FundingProgram.builder(ProgramId.of("p2"), "P2", id("nihon-u"), FundingLevel.MUNICIPAL,
        FundingPurpose.HUMAN_RESOURCES).build();
    assertEquals(2, c.withProgram(p2).programs().size());
    assertEquals(c, c.withProgram(p2).withoutProgram(ProgramId.of("p2")));
    assertThrows(ClusterValidationException.class, () -> c.withProgram(
        FundingProgram.builder(ProgramId.of("p3"), "P3", id("ghost"), FundingLevel.MUNICIPAL,
            FundingPurpose.HUMAN_RESOURCES).build()));
    assertThrows(IllegalArgumentException.class, () -> c.withoutProgram(ProgramId.of("zz")));
  }

  @Test
  void theEmptyClusterIsEmpty() {
    assertEquals(0, Cluster.empty().organizationCount());
    assertEquals(Cluster.empty(), Cluster.builder().build());
    assertEquals("Cluster[organizations=0, relationships=0, needs=0, programs=0]", Cluster.empty().toString());
    Cluster one = Cluster.empty().withOrganization(sme("a", Prefecture.OKINAWA));
    assertEquals(List.of(), one.tiesFrom(id("a")));
  }
}
