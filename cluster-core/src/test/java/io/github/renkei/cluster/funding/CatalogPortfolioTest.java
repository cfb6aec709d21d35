package io.github.renkei.cluster.funding;

import static io.github.renkei.cluster.funding.Programs.ids;
import static io.github.renkei.cluster.model.FundingPurpose.HUMAN_RESOURCES;
import static io.github.renkei.cluster.model.FundingPurpose.NETWORK_BUILDING;
import static io.github.renkei.cluster.model.FundingPurpose.PARTS_SUPPLY_OEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.model.FundingLevel;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The portfolio of the catalog's six national programs, checked against programs.tsv rather
 * than copied from the output:
 *
 * <pre>
 * mext-city-area                    PRODUCT_DEVELOPMENT  2002–2009
 * mext-regional-innovation-cluster  PRODUCT_DEVELOPMENT  2010–
 * mext-regional-core-hub            NETWORK_BUILDING     2009–
 * amed-ikou-innovation              PRODUCT_DEVELOPMENT  years not stated
 * amed-regional-hub-autonomy        NETWORK_BUILDING     2021–
 * meti-wide-area-network-hub        NETWORK_BUILDING     years not stated
 * </pre>
 *
 * No budget is stated for any of them.
 */
class CatalogPortfolioTest {

  private static final FundingPortfolio CATALOG = FundingPortfolio.of(Catalog.nationwide().programs());

  @Test
  void theYearsRunFromTheCityAreaProgramsFirstYearToTheHubProgrammesFirstYear() {
    // earliest first year: 2002; latest known year: max(2009, 2010, 2009, 2021) = 2021
    assertEquals(YearRange.of(2002, 2021), CATALOG.years().orElseThrow());
    assertEquals(20, CATALOG.rows().size());
    assertEquals("FundingPortfolio[6 programs, years 2002–2021, 2 with years unknown]", CATALOG.toString());
  }

  @Test
  void theTwoProgramsWhoseYearsNoSourceStatesAreListedNotDropped() {
    assertEquals(List.of("amed-ikou-innovation", "meti-wide-area-network-hub"), ids(CATALOG.yearsUnknown()));
    assertEquals(6, CATALOG.programs().size());
    assertTrue(CATALOG.rows().stream().allMatch(r -> r.active().stream().allMatch(p -> p.firstYear().isPresent())));
    assertTrue(CATALOG.table().contains("years unknown, in no row: amed-ikou-innovation, meti-wide-area-network-hub"));
  }

  @Test
  void theActiveProgramsFollowTheTsvYears() {
    assertEquals(List.of("mext-city-area"), ids(CATALOG.activeIn(2002)));
    assertEquals(List.of("mext-city-area"), ids(CATALOG.activeIn(2008)));
    assertEquals(List.of("mext-city-area", "mext-regional-core-hub"), ids(CATALOG.activeIn(2009)));
    assertEquals(List.of("mext-regional-core-hub", "mext-regional-innovation-cluster"), ids(CATALOG.activeIn(2010)));
    assertEquals(List.of("mext-regional-core-hub", "mext-regional-innovation-cluster"), ids(CATALOG.activeIn(2020)));
    assertEquals(List.of("amed-regional-hub-autonomy", "mext-regional-core-hub", "mext-regional-innovation-cluster"),
        ids(CATALOG.activeIn(2021)));
  }

  @Test
  void everyProgramYearIsNationalAndNoBudgetIsKnown() {
    for (YearRow r : CATALOG.rows()) {
      assertEquals(r.active().size(), r.level(FundingLevel.NATIONAL).programs(), r.toString());
      assertEquals(0, r.total().budgetsKnown(), r.toString());
      assertEquals(r.active().size(), r.total().budgetsUnknown(), r.toString());
    }
    Balance b = CATALOG.balance();
    // program-years: city area 8 (2002–2009) + core hubs 13 (2009–2021) + cluster 12 (2010–2021) + hub autonomy 1
    assertEquals(34, b.total().programs());
    assertEquals(OptionalDouble.of(1.0), b.countShare(FundingLevel.NATIONAL));
    assertEquals(OptionalDouble.of(0.0), b.countShare(FundingLevel.PREFECTURAL));
    assertEquals(OptionalDouble.empty(), b.budgetShare(FundingLevel.NATIONAL));
    assertTrue(b.isSingleLevel());
    assertFalse(b.isBudgetComplete());
  }

  @Test
  void noCliffBecauseTheClusterProgramFollowedTheCityAreaProgramTheNextYear() {
    // the only last year is the city area's 2009; the cluster programme starts in 2010
    assertEquals(List.of(), CATALOG.cliffs());
    assertEquals(List.of(), CATALOG.cliffsWithinLevel());
  }

  @Test
  void networkBuildingStartsIn2009AndNoProgramPaysForPartsSupplyOrPeople() {
    assertEquals(List.of(
        new Gap(PARTS_SUPPLY_OEM, YearRange.of(2002, 2021), Gap.Kind.NEVER_FUNDED, 0),
        // 広域的新事業支援ネットワーク拠点重点強化事業 had a FY2005 round but no stated years: it may fill this
        new Gap(NETWORK_BUILDING, YearRange.of(2002, 2008), Gap.Kind.BEFORE_FIRST, 1),
        new Gap(HUMAN_RESOURCES, YearRange.of(2002, 2021), Gap.Kind.NEVER_FUNDED, 0)), CATALOG.gaps());
  }

  @Test
  void theCoreHubsAndTheHubProgrammeOverlapFrom2021On() {
    assertEquals(1, CATALOG.overlaps().size());
    assertEquals("amed-regional-hub-autonomy & mext-regional-core-hub (NETWORK_BUILDING, NATIONAL): 2021, ongoing",
        CATALOG.overlaps().get(0).toString());
  }

  @Test
  void from2002To2008NationalSupportRestedOnOneProgram() {
    List<Integer> dependent = CATALOG.dependence().stream()
        .filter(Dependence::dependsOnOneProgram).map(Dependence::year).toList();
    assertEquals(IntStream.rangeClosed(2002, 2008).boxed().toList(), dependent);
    Dependence d2009 = CATALOG.dependence(2009);
    assertEquals(Dependence.Basis.COUNT, d2009.basis());
    assertEquals(0.5, d2009.largestShare());
    assertEquals(0.5, d2009.hhi());
    assertEquals(2.0, d2009.equivalentPrograms());
  }

  @Test
  void hadTheClusterProgrammeEndedIn2012ItsCliffWouldBeUncertainBecauseTheAmedProgrammesYearsAreUnknown() {
    FundingPortfolio whatIf = CATALOG.withProgram(
        CATALOG.require(Programs.pid("mext-regional-innovation-cluster")).toBuilder().lastYear(2012).build());
    assertEquals(List.of("mext-regional-innovation-cluster ends 2012 (PRODUCT_DEVELOPMENT, NATIONAL), no successor; "
        + "1 program that could succeed it has unknown years"), whatIf.cliffs().stream().map(Cliff::toString).toList());
  }

  @Test
  void theTableShowsOneLinePerYear() {
    String table = CATALOG.table();
    List<String> lines = table.lines().toList();
    assertEquals("FundingPortfolio[6 programs, years 2002–2021, 2 with years unknown]", lines.get(0));
    assertEquals("year  progs  nat pref  mun   dev supply network people  known budget unknown  largest share",
        lines.get(1));
    assertEquals("2002      1    1    0    0     1      0       0      0             —       1  1.00 count !",
        lines.get(2));
    assertEquals("2021      3    3    0    0     1      0       2      0             —       3  0.33 count",
        lines.get(21));
    assertTrue(table.contains("cliffs (a program ends and nothing of its purpose runs the next year): none\n"));
    assertTrue(table.contains("balance: Balance[2002–2021: NATIONAL 100% (34), PREFECTURAL 0% (0), MUNICIPAL 0% (0); "
        + "34 of 34 budgets unknown]\n"));
  }
}
