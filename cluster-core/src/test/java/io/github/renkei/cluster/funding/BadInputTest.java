package io.github.renkei.cluster.funding;

import static io.github.renkei.cluster.funding.Programs.pid;
import static io.github.renkei.cluster.funding.Programs.program;
import static io.github.renkei.cluster.model.FundingLevel.NATIONAL;
import static io.github.renkei.cluster.model.FundingPurpose.PRODUCT_DEVELOPMENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.model.FundingProgram;
import io.github.renkei.cluster.model.FundingPurpose;
import io.github.renkei.cluster.model.OrganizationId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input fails fast with an IllegalArgumentException that names the value. */
class BadInputTest {

  private static final FundingPortfolio CATALOG = FundingPortfolio.of(Catalog.nationwide().programs());

  private static void fails(Executable call, String... fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' should contain '" + f + "'");
    }
  }

  @Test
  void aDuplicateProgramIdIsNamed() {
    FundingProgram a = program("p", NATIONAL, PRODUCT_DEVELOPMENT, 2010, 2011);
    fails(() -> FundingPortfolio.of(List.of(a, a)), "duplicate program id 'p'");
  }

  @Test
  void aProgramYearOutsideTheSaneRangeIsNamedWithItsProgram() {
    fails(() -> FundingPortfolio.of(List.of(program("meiji-minus", NATIONAL, PRODUCT_DEVELOPMENT, 1850, 1870))),
        "program 'meiji-minus'", "first year 1850", "1868–2200");
    fails(() -> FundingPortfolio.of(List.of(program("typo", NATIONAL, PRODUCT_DEVELOPMENT, 2015, 3015))),
        "program 'typo'", "last year 3015");
    FundingProgram undatedFarBudget = program("far", NATIONAL, PRODUCT_DEVELOPMENT).budget(2300, 1).build();
    fails(() -> FundingPortfolio.of(List.of(undatedFarBudget)), "program 'far'", "budget year 2300");
    fails(() -> CATALOG.withProgram(program("late", NATIONAL, PRODUCT_DEVELOPMENT, 2199, 2201)), "last year 2201");
  }

  @Test
  void setYearsMustBeInOrderAndInRange() {
    fails(() -> CATALOG.over(2020, 2010), "the first year 2020 is after the last year 2010");
    fails(() -> CATALOG.over(1800, 1900), "first year 1800", "1868–2200");
    fails(() -> CATALOG.over(2000, 2201), "last year 2201");
    assertEquals(YearRange.of(1868, 2200), CATALOG.over(1868, 2200).years().orElseThrow());
  }

  @Test
  void aYearOutsideThePortfoliosYearsIsNamedWithTheYears() {
    fails(() -> CATALOG.row(2030), "year 2030", "2002–2021", "over(first, last)");
    fails(() -> CATALOG.activeIn(2001), "year 2001");
    fails(() -> CATALOG.balance(2001), "year 2001");
    fails(() -> CATALOG.balance(2010, 2022), "year 2022");
    fails(() -> CATALOG.balance(2012, 2010), "the first year 2012 is after the last year 2010");
    fails(() -> CATALOG.dependence(1999), "year 1999");
  }

  @Test
  void aPortfolioWithoutKnownYearsSaysSoForAnyYear() {
    FundingPortfolio undated = FundingPortfolio.of(List.of(program("u", NATIONAL, PRODUCT_DEVELOPMENT).build()));
    fails(() -> undated.row(2010), "year 2010", "no program has a known first year", "1 with years unknown");
    fails(undated::balance, "no program has a known first year");
    assertEquals(List.of(), undated.gaps());
    assertEquals(List.of(), undated.cliffs());
    assertEquals(List.of(), undated.overlaps());
    assertEquals(List.of(), undated.dependence());
    assertTrue(undated.table().contains("years unknown, in no row: u"), undated.table());
    assertEquals(1, undated.over(2010, 2012).gaps().stream().filter(g -> g.yearsUnknown() == 1).count());
  }

  @Test
  void anUnknownProgramIdIsNamed() {
    fails(() -> CATALOG.require(pid("nope")), "unknown program 'nope'");
    fails(() -> CATALOG.withoutProgram(pid("nope")), "unknown program 'nope'");
    assertEquals(Optional.empty(), CATALOG.program(pid("nope")));
  }

  @Test
  void anUnknownOrganizationIsNamed() {
    fails(() -> FundingPortfolio.reaching(FukushimaSample.cluster(), OrganizationId.of("nobody")),
        "unknown organization 'nobody'");
    fails(() -> FundingPortfolio.sponsoredBy(FukushimaSample.cluster(), OrganizationId.of("nobody")),
        "unknown organization 'nobody'");
  }

  @Test
  void aThresholdOutsideZeroToOneIsNamed() {
    for (double t : new double[] {0, -0.1, 1.5, Double.NaN}) {
      fails(() -> CATALOG.dependence(2010, t), "threshold", "but was " + t);
    }
    assertEquals(1.0, CATALOG.dependence(2010, 1).threshold());
  }

  @Test
  void budgetsThatOverflowAreReportedNotWrapped() {
    FundingProgram a = program("a", NATIONAL, PRODUCT_DEVELOPMENT).firstYear(2010).lastYear(2010)
        .budget(2010, Long.MAX_VALUE / 2 + 1).build();
    FundingProgram b = program("b", NATIONAL, PRODUCT_DEVELOPMENT).firstYear(2010).lastYear(2010)
        .budget(2010, Long.MAX_VALUE / 2 + 1).build();
    fails(() -> FundingPortfolio.of(List.of(a, b)), "the known budgets of 2010 sum to more than");
  }

  @Test
  void nullsAreRejected() {
    assertThrows(NullPointerException.class, () -> FundingPortfolio.of((Iterable<FundingProgram>) null));
    assertThrows(NullPointerException.class, () -> FundingPortfolio.of(Arrays.asList((FundingProgram) null)));
    assertThrows(NullPointerException.class, () -> CATALOG.filter(null));
    assertThrows(NullPointerException.class, () -> CATALOG.withProgram(null));
  }

  @Test
  void resultValuesRejectInconsistentFields() {
    fails(() -> YearRange.of(2015, 2011), "2015–2011");
    fails(() -> new Tally(1, 2, 0), "budgetsKnown=2");
    fails(() -> new Tally(1, 0, 5), "known budget");
    fails(() -> new Gap(PRODUCT_DEVELOPMENT, YearRange.of(2010), Gap.Kind.BETWEEN, -1), "-1");
    FundingProgram ongoing = program("o", NATIONAL, PRODUCT_DEVELOPMENT).firstYear(2010).build();
    fails(() -> new Cliff(ongoing, Optional.empty(), 0), "program 'o' has no last year");
    FundingProgram ended = program("e", NATIONAL, PRODUCT_DEVELOPMENT, 2010, 2012);
    fails(() -> new Cliff(ended, Optional.of(program("s", NATIONAL, PRODUCT_DEVELOPMENT, 2013, 2014)), 0),
        "successor 's' of 'e'");
    fails(() -> new Overlap(ongoing, ended, YearRange.of(2010), false), "smaller id first");
    FundingProgram people = program("p", NATIONAL, FundingPurpose.HUMAN_RESOURCES, 2010, 2012);
    fails(() -> new Overlap(ended, people, YearRange.of(2010), false), "share a purpose");
  }
}
