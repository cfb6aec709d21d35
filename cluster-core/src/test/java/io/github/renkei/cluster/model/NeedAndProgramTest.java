package io.github.renkei.cluster.model;

import static io.github.renkei.cluster.model.Fixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableSet;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.regulation.DeviceClass;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class NeedAndProgramTest {

  @Test
  void aNeedKeepsEveryFieldAndRoundTrips() {
    Need n = Need.builder(NeedId.of("n1"), id("hospital"), NeedKind.OEM)
        .description("forceps")
        .requiredCapabilities(Capability.CLEANROOM_ASSEMBLY, Capability.PRECISION_CUTTING)
        .requiredCertifications(Certification.ISO_13485)
        .deviceClass(DeviceClass.II)
        .lotSize(5000)
        .preferredPrefecture(Prefecture.FUKUSHIMA)
        .deadline(LocalDate.of(2027, 3, 31))
        .addressedTo(id("maker"))
        .build();
    assertEquals(n, n.toBuilder().build());
    assertEquals(n.hashCode(), n.toBuilder().build().hashCode());
    assertEquals(Optional.of(DeviceClass.II), n.deviceClass());
    assertEquals(Optional.of(id("maker")), n.addressedTo());
    assertEquals(List.of(Capability.CLEANROOM_ASSEMBLY, Capability.PRECISION_CUTTING), n.requiredCapabilities().asList());
  }

  @Test
  void aNeedAddressedToItsOwnRequesterWithAZeroLotIsRejectedWithBothProblems() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> Need.builder(NeedId.of("n1"), id("h"), NeedKind.ODM).lotSize(0).addressedTo(id("h")).build());
    assertEquals(List.of(ProblemKind.INVALID_VALUE, ProblemKind.NEED_ADDRESSED_TO_REQUESTER),
        e.problems().stream().map(Problem::kind).toList());
    assertEquals(List.of("n1", "h"), e.problems().get(1).ids());
    assertTrue(e.getMessage().contains("lot size must be >= 1 but was 0"), e.getMessage());
  }

  @Test
  void aProgramKnowsItsActiveYearsAndBudgets() {
    FundingProgram p = FundingProgram.builder(ProgramId.of("p"), "P", id("mext"), FundingLevel.NATIONAL,
            FundingPurpose.PRODUCT_DEVELOPMENT)
        .firstYear(2010).lastYear(2012)
        .budgets(Map.of(2010, 200_000_000L, 2011, 190_000_000L))
        .eligibility(Eligibility.any().withPrefectures(Prefecture.FUKUSHIMA))
        .build();
    assertFalse(p.isActiveIn(2009));
    assertTrue(p.isActiveIn(2012));
    assertFalse(p.isActiveIn(2013));
    assertEquals(OptionalLong.of(190_000_000L), p.budgetIn(2011));
    assertEquals(OptionalLong.empty(), p.budgetIn(2012));
    assertEquals(p, p.toBuilder().build());
  }

  @Test
  void aProgramWithoutAKnownFirstYearIsNeverReportedActive() {
    FundingProgram p = FundingProgram.builder(ProgramId.of("p"), "P", id("meti"), FundingLevel.NATIONAL,
        FundingPurpose.NETWORK_BUILDING).build();
    assertFalse(p.isActiveIn(2005));
    assertTrue(p.firstYear().isEmpty());
  }

  @Test
  void aProgramReportsEveryBudgetAndYearProblem() {
    ValidationException e = assertThrows(ValidationException.class, () -> FundingProgram.builder(
            ProgramId.of("p"), "P", id("s"), FundingLevel.PREFECTURAL, FundingPurpose.HUMAN_RESOURCES)
        .firstYear(2010).lastYear(2008)
        .budget(2009, -1)
        .build());
    List<ProblemKind> kinds = e.problems().stream().map(Problem::kind).toList();
    assertEquals(List.of(ProblemKind.END_BEFORE_START, ProblemKind.NEGATIVE_BUDGET,
        ProblemKind.BUDGET_OUTSIDE_ACTIVE_YEARS), kinds);
    assertTrue(e.getMessage().contains("budget for 2009 must be >= 0 but was -1"), e.getMessage());
  }

  @Test
  void eligibilityRestrictsEveryGivenFieldAndNothingElse() {
    Organization sme = Fixtures.sme("f", Prefecture.FUKUSHIMA);
    Organization tokyoSme = Fixtures.sme("t", Prefecture.TOKYO);
    Eligibility fukushimaSmes = Eligibility.any()
        .withTypes(OrganizationType.SME_MANUFACTURER)
        .withPrefectures(Prefecture.FUKUSHIMA);
    assertTrue(fukushimaSmes.test(sme));
    assertFalse(fukushimaSmes.test(tokyoSme));
    assertTrue(Eligibility.any().test(tokyoSme));
    assertFalse(Eligibility.any().withSectors(Sector.ACADEMIA).test(sme));
    assertEquals(ImmutableSet.of(OrganizationType.SME_MANUFACTURER), fukushimaSmes.types());
    assertEquals("any", Eligibility.any().toString());
  }
}
