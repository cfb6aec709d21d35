package io.github.renkei.cluster.funding;

import static io.github.renkei.cluster.funding.Programs.ids;
import static io.github.renkei.cluster.funding.Programs.ongoing;
import static io.github.renkei.cluster.funding.Programs.program;
import static io.github.renkei.cluster.funding.Programs.seed;
import static io.github.renkei.cluster.funding.Programs.seedFrom;
import static io.github.renkei.cluster.model.FundingLevel.NATIONAL;
import static io.github.renkei.cluster.model.FundingLevel.PREFECTURAL;
import static io.github.renkei.cluster.model.FundingPurpose.HUMAN_RESOURCES;
import static io.github.renkei.cluster.model.FundingPurpose.NETWORK_BUILDING;
import static io.github.renkei.cluster.model.FundingPurpose.PARTS_SUPPLY_OEM;
import static io.github.renkei.cluster.model.FundingPurpose.PRODUCT_DEVELOPMENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.model.FundingProgram;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Gaps and cliffs, built by hand from the seed's national programs (国レベル, seed lines 24–40)
 * with explicit years, so that every case is exact. Where the years are not the catalog's they
 * are hypothetical and say so: the catalog leaves unknown what no source states.
 */
class ContinuityTest {

  private static final FundingProgram WIDE_AREA_2011_2015 = seed("meti-wide-area-network-hub", 2011, 2015);

  @Test
  void aNetworkProgramEndingIn2015WithTheNextFrom2017LeavesAGapIn2016AndACliffIn2015() {
    // hypothetical years: 広域的新事業支援ネットワーク拠点重点強化事業 2011–2015, 地域連携拠点自立化推進事業 from 2017
    FundingPortfolio p = FundingPortfolio.of(List.of(WIDE_AREA_2011_2015, seedFrom("amed-regional-hub-autonomy", 2017)));
    Gap gap = new Gap(NETWORK_BUILDING, YearRange.of(2016), Gap.Kind.BETWEEN, 0);
    assertEquals(List.of(gap), p.gaps().stream().filter(g -> g.purpose() == NETWORK_BUILDING).toList());
    assertTrue(gap.breaksContinuity());
    Cliff cliff = p.cliffs().get(0);
    assertEquals(1, p.cliffs().size());
    assertEquals("meti-wide-area-network-hub", cliff.program().id().value());
    assertEquals(2015, cliff.year());
    assertEquals(NETWORK_BUILDING, cliff.purpose());
    assertEquals(NATIONAL, cliff.level());
    assertEquals(Optional.of(seedFrom("amed-regional-hub-autonomy", 2017)), cliff.successor());
    assertEquals(OptionalInt.of(2017), cliff.resumesIn());
    assertEquals("meti-wide-area-network-hub ends 2015 (NETWORK_BUILDING, NATIONAL), resumed by "
        + "amed-regional-hub-autonomy in 2017", cliff.toString());
  }

  @Test
  void aSuccessorStartingTheYearAfterMeansNoCliffAndNoGap() {
    FundingPortfolio p = FundingPortfolio.of(List.of(WIDE_AREA_2011_2015, seedFrom("amed-regional-hub-autonomy", 2016)));
    assertEquals(List.of(), p.cliffs());
    assertTrue(p.gaps().stream().noneMatch(g -> g.purpose() == NETWORK_BUILDING), p.gaps().toString());
    assertEquals(YearRange.of(2011, 2016), p.years().orElseThrow());
  }

  @Test
  void aSuccessorThatStartsBeforeTheEndOverlapsInsteadOfLeavingACliff() {
    // 地域中核産学官連携拠点 supported hubs for about ten years (catalog note): 2009–2018, hypothetically
    // followed by the hub autonomy programme from 2017
    FundingPortfolio p = FundingPortfolio.of(List.of(
        seed("mext-regional-core-hub", 2009, 2018), seedFrom("amed-regional-hub-autonomy", 2017)));
    assertEquals(List.of(), p.cliffs());
    Overlap o = p.overlaps().get(0);
    assertEquals(List.of("amed-regional-hub-autonomy", "mext-regional-core-hub"),
        List.of(o.first().id().value(), o.second().id().value()));
    assertEquals(YearRange.of(2017, 2018), o.years());
    assertFalse(o.ongoing());
    assertTrue(o.sameLevel());
  }

  @Test
  void theRegionalCoreHubsEndingAfterTenYearsLeaveTwoYearsWithoutNationalNetworkMoneyBeforeTheHubProgramme() {
    // 地域中核産学官連携拠点 2009–2018 (about ten years), 地域連携拠点自立化推進事業 from FY2021 (catalog)
    FundingPortfolio p = FundingPortfolio.of(List.of(
        seed("mext-regional-core-hub", 2009, 2018), seed("amed-regional-hub-autonomy")));
    assertEquals(List.of(new Gap(NETWORK_BUILDING, YearRange.of(2019, 2020), Gap.Kind.BETWEEN, 0)),
        p.gaps().stream().filter(g -> g.purpose() == NETWORK_BUILDING).toList());
    assertEquals(1, p.cliffs().size());
    assertEquals(OptionalInt.of(2021), p.cliffs().get(0).resumesIn());
  }

  @Test
  void theSeedsProductDevelopmentChainHasOneCliffWhereTheGlobalTermEnds() {
    // 都市エリア 2002–2009 (catalog), 地域イノベーションクラスター「グローバル型」 for its three years
    // 2010–2012 (MEXT's term), 医工連携イノベーション推進事業 hypothetically from 2021 (the seed's "AMED 2021～")
    FundingPortfolio p = FundingPortfolio.of(List.of(
        seed("mext-city-area"),
        seed("mext-regional-innovation-cluster", 2010, 2012),
        seedFrom("amed-ikou-innovation", 2021)));
    assertEquals(1, p.cliffs().size(), p.cliffs().toString());
    Cliff c = p.cliffs().get(0);
    assertEquals("mext-regional-innovation-cluster", c.program().id().value());
    assertEquals(2012, c.year());
    assertEquals(OptionalInt.of(2021), c.resumesIn());
    assertEquals(List.of(new Gap(PRODUCT_DEVELOPMENT, YearRange.of(2013, 2020), Gap.Kind.BETWEEN, 0)),
        p.gaps().stream().filter(g -> g.purpose() == PRODUCT_DEVELOPMENT).toList());
  }

  @Test
  void aPrefectureTakingOverIsContinuityForThePurposeButACliffWithinTheNationalLevel() {
    FundingProgram national = seed("mext-regional-innovation-cluster", 2010, 2012);
    FundingProgram prefectural = ongoing("pref-dev", PREFECTURAL, PRODUCT_DEVELOPMENT, 2013);
    FundingPortfolio p = FundingPortfolio.of(List.of(national, prefectural));
    assertEquals(List.of(), p.cliffs());
    assertEquals(List.of(new Cliff(national, Optional.empty(), 0)), p.cliffsWithinLevel());
    assertEquals("mext-regional-innovation-cluster ends 2012 (PRODUCT_DEVELOPMENT, NATIONAL), no successor",
        p.cliffsWithinLevel().get(0).toString());
  }

  @Test
  void withinTheLevelALaterNationalProgramIsTheSuccessorEvenIfAPrefecturalOneCameFirst() {
    FundingProgram national = seed("mext-regional-innovation-cluster", 2010, 2012);
    FundingProgram prefectural = program("pref-dev", PREFECTURAL, PRODUCT_DEVELOPMENT, 2014, 2016);
    FundingProgram later = seedFrom("amed-ikou-innovation", 2021);
    FundingPortfolio p = FundingPortfolio.of(List.of(national, prefectural, later));
    assertEquals(List.of(new Cliff(national, Optional.of(prefectural), 0), new Cliff(prefectural, Optional.of(later), 0)),
        p.cliffs());
    assertEquals(List.of(new Cliff(national, Optional.of(later), 0), new Cliff(prefectural, Optional.empty(), 0)),
        p.cliffsWithinLevel());
  }

  @Test
  void anOngoingProgramIsNeverACliff() {
    FundingPortfolio p = FundingPortfolio.of(List.of(seed("mext-regional-core-hub"))).over(2009, 2030);
    assertEquals(List.of(), p.cliffs());
    assertTrue(p.gaps().stream().noneMatch(g -> g.purpose() == NETWORK_BUILDING));
  }

  @Test
  void aProgramEndingAtTheLastKnownYearIsACliffAndWiderYearsShowTheStop() {
    FundingPortfolio alone = FundingPortfolio.of(List.of(WIDE_AREA_2011_2015));
    assertEquals(1, alone.cliffs().size());
    assertTrue(alone.gaps().stream().noneMatch(g -> g.purpose() == NETWORK_BUILDING));
    FundingPortfolio wider = alone.over(2011, 2018);
    assertEquals(new Gap(NETWORK_BUILDING, YearRange.of(2016, 2018), Gap.Kind.AFTER_LAST, 0),
        wider.gaps().stream().filter(g -> g.purpose() == NETWORK_BUILDING).findFirst().orElseThrow());
  }

  @Test
  void twoProgramsEndingTogetherAreTwoCliffs() {
    FundingPortfolio p = FundingPortfolio.of(List.of(
        WIDE_AREA_2011_2015, program("pref-net", PREFECTURAL, NETWORK_BUILDING, 2013, 2015)));
    assertEquals(List.of("meti-wide-area-network-hub", "pref-net"),
        p.cliffs().stream().map(c -> c.program().id().value()).toList());
  }

  @Test
  void cliffsOutsideSetYearsAreNotReported() {
    FundingPortfolio p = FundingPortfolio.of(List.of(seed("mext-city-area"))).over(2010, 2020);
    assertEquals(List.of(), p.cliffs());
    assertEquals(List.of(new Gap(PRODUCT_DEVELOPMENT, YearRange.of(2010, 2020), Gap.Kind.AFTER_LAST, 0)),
        p.gaps().stream().filter(g -> g.purpose() == PRODUCT_DEVELOPMENT).toList());
  }

  @Test
  void gapsSayWhetherFundingHadNotStartedHadStoppedOrNeverCame() {
    FundingPortfolio p = FundingPortfolio.of(List.of(
        program("dev", NATIONAL, PRODUCT_DEVELOPMENT, 2012, 2013),
        program("oem-a", PREFECTURAL, PARTS_SUPPLY_OEM, 2010, 2011),
        program("oem-b", PREFECTURAL, PARTS_SUPPLY_OEM, 2014, 2015)));
    assertEquals(List.of(
        new Gap(PRODUCT_DEVELOPMENT, YearRange.of(2010, 2011), Gap.Kind.BEFORE_FIRST, 0),
        new Gap(PRODUCT_DEVELOPMENT, YearRange.of(2014, 2015), Gap.Kind.AFTER_LAST, 0),
        new Gap(PARTS_SUPPLY_OEM, YearRange.of(2012, 2013), Gap.Kind.BETWEEN, 0),
        new Gap(NETWORK_BUILDING, YearRange.of(2010, 2015), Gap.Kind.NEVER_FUNDED, 0),
        new Gap(HUMAN_RESOURCES, YearRange.of(2010, 2015), Gap.Kind.NEVER_FUNDED, 0)), p.gaps());
    assertEquals(List.of(false, true, true, false, false), p.gaps().stream().map(Gap::breaksContinuity).toList());
  }

  @Test
  void aGapBeforeSetYearsStillKnowsThatFundingHadStartedEarlier() {
    FundingPortfolio p = FundingPortfolio.of(List.of(
        program("a", NATIONAL, PRODUCT_DEVELOPMENT, 2005, 2008),
        program("b", NATIONAL, PRODUCT_DEVELOPMENT, 2015, 2016))).over(2010, 2020);
    assertEquals(List.of(
            new Gap(PRODUCT_DEVELOPMENT, YearRange.of(2010, 2014), Gap.Kind.BETWEEN, 0),
            new Gap(PRODUCT_DEVELOPMENT, YearRange.of(2017, 2020), Gap.Kind.AFTER_LAST, 0)),
        p.gaps().stream().filter(g -> g.purpose() == PRODUCT_DEVELOPMENT).toList());
  }

  @Test
  void programsWithUnknownYearsMakeGapsAndCliffsUncertainButAreNotGuessedIn() {
    // 医工連携イノベーション推進事業: first year not stated by the catalog's sources
    FundingPortfolio p = FundingPortfolio.of(List.of(
        seed("mext-regional-innovation-cluster", 2010, 2012), seed("amed-ikou-innovation"))).over(2010, 2014);
    Cliff c = p.cliffs().get(0);
    assertEquals(1, c.yearsUnknown());
    assertEquals(Optional.empty(), c.successor());
    assertTrue(c.toString().endsWith("no successor; 1 program that could succeed it has unknown years"), c.toString());
    Gap g = p.gaps().get(0);
    assertEquals(new Gap(PRODUCT_DEVELOPMENT, YearRange.of(2013, 2014), Gap.Kind.AFTER_LAST, 1), g);
    assertEquals("PRODUCT_DEVELOPMENT 2013–2014 (AFTER_LAST; 1 program of the purpose has unknown years)", g.toString());
    assertEquals(List.of("amed-ikou-innovation"), ids(p.yearsUnknown()));
  }

  @Test
  void anUndatedProgramKnownToHaveEndedBeforeCannotFillTheGap() {
    FundingProgram endedLongAgo = program("old", NATIONAL, PRODUCT_DEVELOPMENT).lastYear(2005).build();
    FundingPortfolio p = FundingPortfolio.of(List.of(
        seed("mext-regional-innovation-cluster", 2010, 2012), endedLongAgo)).over(2010, 2014);
    assertEquals(0, p.cliffs().get(0).yearsUnknown());
    assertEquals(0, p.gaps().get(0).yearsUnknown());
  }
}
