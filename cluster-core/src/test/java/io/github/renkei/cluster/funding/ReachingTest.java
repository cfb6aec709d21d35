package io.github.renkei.cluster.funding;

import static io.github.renkei.cluster.funding.Programs.ids;
import static io.github.renkei.cluster.funding.Programs.pid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.FundingLevel;
import io.github.renkei.cluster.model.FundingProgram;
import io.github.renkei.cluster.model.FundingPurpose;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.ProgramId;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.model.RelationshipType;
import io.github.renkei.cluster.region.Prefecture;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** How programs reach an organization through FUNDING ties from their sponsors. */
class ReachingTest {

  private static final OrganizationId AGENCY = OrganizationId.of("agency");
  private static final OrganizationId HUB = OrganizationId.of("hub");
  private static final OrganizationId OTHER = OrganizationId.of("other");

  private static Cluster.Builder base() {
    return Cluster.builder()
        .add(Organization.builder(AGENCY, "Agency", OrganizationType.NATIONAL_AGENCY, Prefecture.TOKYO).build())
        .add(Organization.builder(HUB, "Hub", OrganizationType.SUPPORT_ORGANIZATION, Prefecture.FUKUSHIMA).build())
        .add(Organization.builder(OTHER, "Other", OrganizationType.SUPPORT_ORGANIZATION, Prefecture.MIYAGI).build());
  }

  private static FundingProgram.Builder program(String id) {
    return FundingProgram.builder(ProgramId.of(id), "Program " + id, AGENCY, FundingLevel.NATIONAL,
        FundingPurpose.NETWORK_BUILDING);
  }

  @Test
  void aProgramReachingInDisjointRunsAppearsOncePerRunWithItsBudgetsOfThoseYears() {
    Cluster c = base()
        .add(program("p").firstYear(2008).budgets(Map.of(2010, 100_000_000L, 2012, 50_000_000L, 2014, 70_000_000L)).build())
        .add(Relationship.of(AGENCY, RelationshipType.FUNDING, HUB, 2010, 2011))
        .add(Relationship.of(AGENCY, RelationshipType.FUNDING, HUB, 2014, 2015))
        .add(Relationship.of(AGENCY, RelationshipType.FUNDING, HUB, 2015, 2016))      // overlaps the previous run: merged
        .add(Relationship.of(AGENCY, RelationshipType.FUNDING, OTHER, 2012))           // another recipient
        .build();
    FundingPortfolio p = FundingPortfolio.reaching(c, HUB);
    assertEquals(List.of("p@2010", "p@2014"), ids(p.programs()));
    FundingProgram first = p.require(pid("p@2010"));
    assertEquals(OptionalInt.of(2010), first.firstYear());
    assertEquals(OptionalInt.of(2011), first.lastYear());
    assertEquals(Map.of(2010, 100_000_000L), first.budgets());
    FundingProgram second = p.require(pid("p@2014"));
    assertEquals(OptionalInt.of(2016), second.lastYear());
    assertEquals(Map.of(2014, 70_000_000L), second.budgets());

    assertEquals(List.of(new Cliff(first, Optional.of(second), 0), new Cliff(second, Optional.empty(), 0)), p.cliffs());
    assertEquals(List.of(new Gap(FundingPurpose.NETWORK_BUILDING, YearRange.of(2012, 2013), Gap.Kind.BETWEEN, 0)),
        p.gaps().stream().filter(g -> g.purpose() == FundingPurpose.NETWORK_BUILDING).toList());
  }

  @Test
  void adjacentRunsMergeAndAnOpenTieKeepsAnOpenProgramOpen() {
    Cluster c = base()
        .add(program("p").firstYear(2008).build())
        .add(Relationship.of(AGENCY, RelationshipType.FUNDING, HUB, 2010, 2011))
        .add(Relationship.of(AGENCY, RelationshipType.FUNDING, HUB, 2012))
        .build();
    FundingProgram reached = FundingPortfolio.reaching(c, HUB).require(pid("p"));
    assertEquals(OptionalInt.of(2010), reached.firstYear());
    assertEquals(OptionalInt.empty(), reached.lastYear());
    assertEquals(List.of(), FundingPortfolio.reaching(c, HUB).cliffs());
  }

  @Test
  void aProgramThatEndedBeforeTheTieStartedDoesNotReachTheOrganization() {
    Cluster c = base()
        .add(program("old").firstYear(2000).lastYear(2005).build())
        .add(program("undated-old").lastYear(2005).build())
        .add(program("undated").build())
        .add(Relationship.of(AGENCY, RelationshipType.FUNDING, HUB, 2010))
        .build();
    FundingPortfolio p = FundingPortfolio.reaching(c, HUB);
    assertEquals(List.of("undated"), ids(p.programs()));
    assertEquals(List.of("undated"), ids(p.yearsUnknown()));
  }

  @Test
  void onlyFundingTiesCount() {
    Cluster c = base()
        .add(program("p").firstYear(2010).build())
        .add(Relationship.of(AGENCY, RelationshipType.SUPPORT, HUB, 2010))
        .build();
    assertEquals(List.of(), FundingPortfolio.reaching(c, HUB).programs());
    assertEquals(List.of("p"), ids(FundingPortfolio.sponsoredBy(c, AGENCY).programs()));
  }
}
