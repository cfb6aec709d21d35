package io.github.renkei.cluster.funding;

import static io.github.renkei.cluster.funding.Programs.ids;
import static io.github.renkei.cluster.funding.Programs.pid;
import static io.github.renkei.cluster.model.FundingLevel.NATIONAL;
import static io.github.renkei.cluster.model.FundingLevel.PREFECTURAL;
import static io.github.renkei.cluster.model.FundingPurpose.HUMAN_RESOURCES;
import static io.github.renkei.cluster.model.FundingPurpose.NETWORK_BUILDING;
import static io.github.renkei.cluster.model.FundingPurpose.PARTS_SUPPLY_OEM;
import static io.github.renkei.cluster.model.FundingPurpose.PRODUCT_DEVELOPMENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.OrganizationId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The Fukushima sample: the catalog's six national programs plus the prefecture's own-budget
 * project (ふくしま次世代医療産業集積プロジェクト, PREFECTURAL, PARTS_SUPPLY_OEM, from FY2005) and the
 * national construction grant for the development centre (PRODUCT_DEVELOPMENT, FY2013 only,
 * ¥13.4bn); FUNDING ties mext → prefecture 2010–2012, prefecture → promotion organization
 * from 2013, government → centre 2013, and AMED → promotion organization from 2021.
 */
class FukushimaPortfolioTest {

  private static final Cluster SAMPLE = FukushimaSample.cluster();
  private static final FundingPortfolio ALL = FundingPortfolio.of(SAMPLE);

  @Test
  void theSampleAddsThePrefecturalProjectAndTheConstructionGrantWithinTheCatalogsYears() {
    assertEquals("FundingPortfolio[8 programs, years 2002–2021, 2 with years unknown]", ALL.toString());
    assertEquals(List.of("fmddsc-construction", "fukushima-next-gen-medical", "mext-regional-core-hub",
        "mext-regional-innovation-cluster"), ids(ALL.activeIn(2013)));
  }

  @Test
  void in2013ThreeProgramsAreNationalOneIsPrefecturalAndOnlyTheGrantsBudgetIsKnown() {
    YearRow row = ALL.row(2013);
    assertEquals(3, row.level(NATIONAL).programs());
    assertEquals(1, row.level(PREFECTURAL).programs());
    assertEquals(new Tally(4, 1, 13_400_000_000L), row.total());
    assertEquals(OptionalLong.empty(), row.total().budget());
    assertEquals(new Tally(2, 1, 13_400_000_000L), row.purpose(PRODUCT_DEVELOPMENT));
    assertEquals("4 (¥13,400M known, 3 unknown)", row.total().toString());

    Balance b = ALL.balance(2013);
    assertEquals(OptionalDouble.of(0.75), b.countShare(NATIONAL));
    assertEquals(OptionalDouble.of(0.25), b.countShare(PREFECTURAL));
    assertEquals(OptionalDouble.of(1.0), b.budgetShare(NATIONAL));
    assertEquals(OptionalDouble.of(0.0), b.budgetShare(PREFECTURAL));
    assertFalse(b.isBudgetComplete());
    assertEquals("Balance[2013: NATIONAL 75% (3), PREFECTURAL 25% (1), MUNICIPAL 0% (0); known budget ¥13,400M: "
        + "NATIONAL 100%; 3 of 4 budgets unknown]", b.toString());
  }

  @Test
  void beforeThePrefecturalProjectAllMoneyWasNationalAfterwardsBothLevelsFund() {
    assertTrue(ALL.balance(2002, 2004).isSingleLevel());
    assertFalse(ALL.balance(2005, 2021).isSingleLevel());
    Balance all = ALL.balance();
    // national: the catalog's 34 program-years + the grant's 1; prefectural: 2005–2021
    assertEquals(35, all.level(NATIONAL).programs());
    assertEquals(17, all.level(PREFECTURAL).programs());
  }

  @Test
  void theGrantEndingIn2013IsNoCliffBecauseTheClusterProgrammeRunsOn() {
    assertEquals(List.of(), ALL.cliffs());
    assertEquals(List.of(), ALL.cliffsWithinLevel());
    assertEquals(List.of(
        new Gap(PARTS_SUPPLY_OEM, YearRange.of(2002, 2004), Gap.Kind.BEFORE_FIRST, 0),
        new Gap(NETWORK_BUILDING, YearRange.of(2002, 2008), Gap.Kind.BEFORE_FIRST, 1),
        new Gap(HUMAN_RESOURCES, YearRange.of(2002, 2021), Gap.Kind.NEVER_FUNDED, 0)), ALL.gaps());
    assertEquals(List.of(
            "fmddsc-construction & mext-regional-innovation-cluster (PRODUCT_DEVELOPMENT, NATIONAL): 2013",
            "amed-regional-hub-autonomy & mext-regional-core-hub (NETWORK_BUILDING, NATIONAL): 2021, ongoing"),
        ALL.overlaps().stream().map(Overlap::toString).toList());
  }

  @Test
  void withUnknownBudgetsDependenceIsByCount() {
    Dependence d = ALL.dependence(2013);
    assertEquals(Dependence.Basis.COUNT, d.basis());
    assertEquals(0.25, d.largestShare());
    assertFalse(d.dependsOnOneProgram());
    assertEquals("Dependence[2013: 4 programs, 0.25 each by COUNT, HHI 0.25]", d.toString());
  }

  @Test
  void thePrefectureSponsorsItsOwnProject() {
    FundingPortfolio pref = FundingPortfolio.sponsoredBy(SAMPLE, FukushimaSample.PREFECTURE);
    assertEquals(List.of("fukushima-next-gen-medical"), ids(pref.programs()));
    assertEquals(YearRange.of(2005, 2005), pref.years().orElseThrow());
    FundingPortfolio none = FundingPortfolio.sponsoredBy(SAMPLE, OrganizationId.of("syn-clinic"));
    assertEquals(List.of(), none.programs());
    assertEquals(Optional.empty(), none.years());
  }

  @Test
  void mextsMoneyReachingThePrefectureStopsIn2012ForBothPurposes() {
    FundingPortfolio p = FundingPortfolio.reaching(SAMPLE, FukushimaSample.PREFECTURE).over(2010, 2016);
    // the tie runs 2010–2012; the city area programme (–2009) does not reach it
    assertEquals(List.of("mext-regional-core-hub", "mext-regional-innovation-cluster"), ids(p.programs()));
    assertTrue(p.programs().stream().allMatch(g -> g.firstYear().equals(OptionalInt.of(2010))
        && g.lastYear().equals(OptionalInt.of(2012))));
    assertEquals(List.of("mext-regional-innovation-cluster ends 2012 (PRODUCT_DEVELOPMENT, NATIONAL), no successor",
            "mext-regional-core-hub ends 2012 (NETWORK_BUILDING, NATIONAL), no successor"),
        p.cliffs().stream().map(Cliff::toString).toList());
    assertEquals(List.of(Gap.Kind.AFTER_LAST, Gap.Kind.AFTER_LAST), p.gaps().stream()
        .filter(g -> g.purpose() == PRODUCT_DEVELOPMENT || g.purpose() == NETWORK_BUILDING).map(Gap::kind).toList());
  }

  @Test
  void thePromotionOrganizationLivedOnPrefecturalMoneyUntilAmedsHubProgrammeIn2021() {
    FundingPortfolio p = FundingPortfolio.reaching(SAMPLE, FukushimaSample.PROMOTION_ORGANIZATION);
    assertEquals(List.of("amed-ikou-innovation", "amed-regional-hub-autonomy", "fukushima-next-gen-medical"),
        ids(p.programs()));
    // the prefecture's project from 2005, reaching the organization from its founding year 2013
    assertEquals(OptionalInt.of(2013), p.require(pid("fukushima-next-gen-medical")).firstYear());
    assertEquals(List.of("amed-ikou-innovation"), ids(p.yearsUnknown()));
    assertEquals(YearRange.of(2013, 2021), p.years().orElseThrow());
    assertEquals(OptionalDouble.of(0.5), p.balance(2021).countShare(NATIONAL));
    assertEquals(OptionalDouble.of(0.1), p.balance().countShare(NATIONAL));
    assertEquals(OptionalDouble.of(0.9), p.balance().countShare(PREFECTURAL));
    assertTrue(p.dependence(2020).dependsOnOneProgram());
    assertFalse(p.dependence(2021).dependsOnOneProgram());
  }

  @Test
  void theDevelopmentCentreDependedEntirelyOnItsConstructionGrant() {
    FundingPortfolio p = FundingPortfolio.reaching(SAMPLE, FukushimaSample.DEVELOPMENT_CENTRE);
    Dependence d = p.dependence(2013);
    assertEquals(Dependence.Basis.BUDGET, d.basis());
    assertEquals(Optional.of(pid("fmddsc-construction")), d.largest());
    assertEquals(1.0, d.largestShare());
    assertEquals(1.0, d.hhi());
    assertTrue(d.dependsOnOneProgram());
    assertEquals("Dependence[2013: largest fmddsc-construction 1.00 by BUDGET, HHI 1.00, depends on one program]",
        d.toString());
    assertEquals(OptionalLong.of(13_400_000_000L), p.row(2013).total().budget());
  }

  @Test
  void anOrganizationNoFundingTieReachesHasAnEmptyPortfolio() {
    FundingPortfolio p = FundingPortfolio.reaching(SAMPLE, OrganizationId.of("syn-clinic"));
    assertEquals(List.of(), p.programs());
    assertEquals("FundingPortfolio[0 programs, no known years]", p.toString());
    assertEquals("FundingPortfolio[0 programs, no known years]\nno known years\n", p.table());
  }
}
