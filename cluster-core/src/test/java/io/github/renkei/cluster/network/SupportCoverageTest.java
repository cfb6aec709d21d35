package io.github.renkei.cluster.network;

import static io.github.renkei.cluster.region.Prefecture.CHIBA;
import static io.github.renkei.cluster.region.Prefecture.FUKUSHIMA;
import static io.github.renkei.cluster.region.Prefecture.HYOGO;
import static io.github.renkei.cluster.region.Prefecture.IBARAKI;
import static io.github.renkei.cluster.region.Prefecture.KANAGAWA;
import static io.github.renkei.cluster.region.Prefecture.KYOTO;
import static io.github.renkei.cluster.region.Prefecture.MIYAGI;
import static io.github.renkei.cluster.region.Prefecture.NARA;
import static io.github.renkei.cluster.region.Prefecture.OSAKA;
import static io.github.renkei.cluster.region.Prefecture.SAITAMA;
import static io.github.renkei.cluster.region.Prefecture.SHIGA;
import static io.github.renkei.cluster.region.Prefecture.TOKYO;
import static io.github.renkei.cluster.region.Prefecture.YAMAGATA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableSortedSet;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Specification of {@link SupportCoverage} on small networks whose answers follow from a few
 * capital-to-capital distances, and of its answers to bad input.
 *
 * <p>The distances the examples rely on, as {@link Prefecture#distanceKm} computes them and as a
 * published table of straight-line distances between prefectural offices measured on Mapion's
 * map (mdai.jp, 「都道府県庁の所在地の距離」) gives them: 東京–埼玉 19.0 (19.1), 東京–神奈川 27.2
 * (27.3), 大阪–奈良 28.6 (28.6), 大阪–兵庫 30.8 (30.8), 東京–千葉 40.1 (40.3), 大阪–京都 43.0
 * (43.0), 宮城–山形 44.5 (44.4); and 福島–山形 55.3, 福島–宮城 67.7, 大阪–滋賀 47.6, 東京–茨城 99.3.
 */
class SupportCoverageTest {

  static Organization org(String id, Prefecture prefecture) {
    return Organization.builder(OrganizationId.of(id), "Org " + id, OrganizationType.SUPPORT_ORGANIZATION, prefecture)
        .build();
  }

  static Organization org(String id, Prefecture prefecture, int founded) {
    return Organization.builder(OrganizationId.of(id), "Org " + id, OrganizationType.SUPPORT_ORGANIZATION, prefecture)
        .foundedYear(founded)
        .build();
  }

  /** A hub in 福島, support organizations in 宮城 and 東京. */
  private static final Organization A = org("a-fukushima", FUKUSHIMA);
  private static final Organization B = org("b-miyagi", MIYAGI);
  private static final Organization C = org("c-tokyo", TOKYO);
  private static final SupportCoverage SMALL = SupportCoverage.of(List.of(A, B, C), List.of(A));

  @Nested
  class Distances {

    @Test
    void tokyoToOsakaCapitalsIsAbout400KmAsPublished() {
      // "東京と大阪の直線距離は約400キロメートル"; the offices (新宿区, 大阪市中央区) are 395 km apart
      assertEquals(400.0, TOKYO.distanceKm(OSAKA), 8.0);
    }

    @Test
    void theExamplesDistancesAgreeWithAPublishedTableOfOfficeToOfficeDistances() {
      assertEquals(19.1, TOKYO.distanceKm(SAITAMA), 0.3);
      assertEquals(27.3, TOKYO.distanceKm(KANAGAWA), 0.3);
      assertEquals(28.6, OSAKA.distanceKm(NARA), 0.3);
      assertEquals(30.8, OSAKA.distanceKm(HYOGO), 0.3);
      assertEquals(40.3, TOKYO.distanceKm(CHIBA), 0.3);
      assertEquals(43.0, OSAKA.distanceKm(KYOTO), 0.3);
      assertEquals(44.4, MIYAGI.distanceKm(YAMAGATA), 0.3);
    }

    @Test
    void theOtherDistancesTheExamplesUse() {
      assertEquals(55.3, FUKUSHIMA.distanceKm(YAMAGATA), 0.05);
      assertEquals(67.7, FUKUSHIMA.distanceKm(MIYAGI), 0.05);
      assertEquals(47.6, OSAKA.distanceKm(SHIGA), 0.05);
      assertEquals(99.3, TOKYO.distanceKm(IBARAKI), 0.05);
    }
  }

  @Nested
  class Within {

    @Test
    void atRadiusZeroExactlyThePrefecturesWithAnOrganizationAreCovered() {
      CoverageReport r = SMALL.within(0);
      assertEquals(ImmutableSortedSet.of(MIYAGI, FUKUSHIMA, TOKYO), r.covered());
      assertEquals(ImmutableSortedSet.of(FUKUSHIMA), r.hubCovered());
      assertEquals(44, r.uncovered().size());
      assertEquals(0.0, r.entry(TOKYO).nearestSupport().orElseThrow().distanceKm(), 0.0);
    }

    @Test
    void at50KmYamagataIsCoveredFromMiyagiAndTheTokyoOrganizationCoversItsNeighbours() {
      CoverageReport r = SMALL.within(50);
      // 山形 is 44.5 km from 宮城, 55.3 from 福島; 埼玉, 千葉, 神奈川 are 19–40 km from 東京; 茨城 is 99 km
      assertEquals(ImmutableSortedSet.of(MIYAGI, YAMAGATA, FUKUSHIMA, SAITAMA, CHIBA, TOKYO, KANAGAWA), r.covered());
      assertEquals(ImmutableSortedSet.of(FUKUSHIMA), r.hubCovered());

      CoverageReport.Entry yamagata = r.entry(YAMAGATA);
      assertEquals(1, yamagata.supportWithin());
      assertEquals(B, yamagata.nearestSupport().orElseThrow().organization());
      assertEquals(MIYAGI.distanceKm(YAMAGATA), yamagata.nearestSupport().orElseThrow().distanceKm(), 0.0);
      assertEquals(A, yamagata.nearestHub().orElseThrow().organization());
      assertEquals(55.3, yamagata.nearestHub().orElseThrow().distanceKm(), 0.05);
      assertFalse(yamagata.hubCovered());
    }

    @Test
    void at60KmTheHubReachesYamagataButNotMiyagi() {
      CoverageReport r = SMALL.within(60);
      assertEquals(ImmutableSortedSet.of(YAMAGATA, FUKUSHIMA), r.hubCovered());
      assertEquals(2, r.entry(YAMAGATA).supportWithin());
      assertEquals(1, r.entry(YAMAGATA).hubsWithin());
    }

    @Test
    void theRadiusIsInclusive() {
      double d = FUKUSHIMA.distanceKm(MIYAGI);
      assertTrue(SMALL.within(d).entry(MIYAGI).hubCovered());
      assertFalse(SMALL.within(Math.nextDown(d)).entry(MIYAGI).hubCovered());
    }

    @Test
    void blockSharesCountThePrefecturesOfEachBlock() {
      CoverageReport r = SMALL.within(50);
      CoverageReport.BlockShare tohoku = r.block(RegionBlock.HOKKAIDO_TOHOKU);
      assertEquals(7, tohoku.prefectures());
      assertEquals(3, tohoku.covered());            // 宮城, 山形, 福島
      assertEquals(1, tohoku.hubCovered());
      assertEquals(3.0 / 7, tohoku.share(), 1e-12);
      CoverageReport.BlockShare kanto = r.block(RegionBlock.KANTO);
      assertEquals(11, kanto.prefectures());        // 茨城 … 神奈川 with 新潟, 山梨, 長野, 静岡
      assertEquals(4, kanto.covered());
      assertEquals(0, r.block(RegionBlock.KYUSHU).covered());
      assertEquals(7.0 / 47, r.coveredShare(), 1e-12);
      assertEquals(RegionBlock.values().length, r.blocks().size());
    }

    @Test
    void nearestTiesGoToTheSmallestId() {
      Organization z = org("z-tokyo", TOKYO);
      Organization m = org("m-tokyo", TOKYO);
      CoverageReport r = SupportCoverage.of(List.of(z, m), List.of()).within(10);
      assertEquals(m, r.entry(TOKYO).nearestSupport().orElseThrow().organization());
      assertEquals(2, r.entry(TOKYO).supportWithin());
      assertTrue(r.entry(TOKYO).nearestHub().isEmpty());
    }

    @Test
    void anEmptyNetworkCoversNothing() {
      CoverageReport r = SupportCoverage.of(List.of(), List.of()).within(3000);
      assertTrue(r.covered().isEmpty());
      assertEquals(47, r.uncovered().size());
      assertTrue(r.entry(TOKYO).nearestSupport().isEmpty());
      assertTrue(r.table().contains("uncovered (47)"));
    }

    @Test
    void theTableListsBlocksPrefecturesAndTheUncovered() {
      String table = SMALL.within(50).table();
      assertTrue(table.startsWith("Support coverage within 50 km of the prefectural capitals: 7/47 prefectures covered,"
          + " 1/47 hub-covered (3 support organizations, 1 hubs)\n"), table);
      String words = table.replaceAll("[ ]+", " ");
      assertTrue(words.contains("\nHokkaido–Tohoku 7 3 ( 42.9%) 1 ( 14.3%) 北海道・東北\n"), table);
      assertTrue(words.contains("\n06 Yamagata 1 b-miyagi 44.5 0 a-fukushima 55.3 山形県\n"), table);
      assertTrue(words.contains("\nuncovered (40): 北海道 Hokkaido, 青森県 Aomori, 岩手県 Iwate, 秋田県 Akita, 茨城県 Ibaraki,"),
          table);
      assertTrue(table.contains("hub-uncovered (46): 北海道 Hokkaido, 青森県 Aomori,"), table);
      assertEquals(SMALL.within(50).toString(), table.lines().findFirst().orElseThrow());
    }
  }

  @Nested
  class WhatIf {

    @Test
    void addingAnOrganizationCoversItsPrefectureAndLeavesTheHubsAlone() {
      Organization osaka = org("d-osaka", OSAKA);
      SupportCoverage more = SMALL.with(osaka);
      assertEquals(4, more.supportOrganizations().size());
      assertEquals(List.of(A), more.hubs());
      assertTrue(more.within(0).covered().contains(OSAKA));
      assertEquals(SMALL.within(100).hubCovered(), more.within(100).hubCovered());
      assertEquals(3, SMALL.supportOrganizations().size(), "the original is unchanged");
    }

    @Test
    void withIgnoresTheHubFlagAndWithHubSetsTheRole() {
      Organization flagged = org("d-osaka", OSAKA).toBuilder().hub(true).build();
      assertEquals(List.of(A), SMALL.with(flagged).hubs());
      assertEquals(List.of(A, flagged), SMALL.withHub(flagged).hubs());
    }

    @Test
    void makingTheTokyoOrganizationAHubHubCoversItsNeighbours() {
      SupportCoverage promoted = SMALL.withHub(C.id());
      assertEquals(ImmutableSortedSet.of(FUKUSHIMA, SAITAMA, CHIBA, TOKYO, KANAGAWA), promoted.within(50).hubCovered());
      assertEquals(SMALL.within(50).covered(), promoted.within(50).covered());
      assertEquals(SMALL.supportOrganizations(), promoted.supportOrganizations());
    }

    @Test
    void theBestPlaceForOneMoreHubAt50KmIsOsakaThenTokyo() {
      List<HubCandidate> ranking = SMALL.hubCandidates(50);
      HubCandidate best = ranking.get(0);
      assertEquals(OSAKA, best.prefecture());
      // 滋賀 47.6, 京都 43.0, 兵庫 30.8, 奈良 28.6 km from 大阪; 和歌山 is 60.5
      assertEquals(ImmutableSortedSet.of(SHIGA, KYOTO, OSAKA, HYOGO, NARA), best.newlyCovered());
      assertTrue(best.supportOrganizations().isEmpty());
      HubCandidate tokyo = ranking.get(1);
      assertEquals(TOKYO, tokyo.prefecture());
      assertEquals(4, tokyo.gain());
      assertEquals(List.of(C), tokyo.supportOrganizations());
      assertEquals(KANAGAWA, ranking.get(2).prefecture(), "a tie of 4 goes to the smaller JIS code");
      assertTrue(ranking.stream().noneMatch(c -> c.prefecture() == FUKUSHIMA), "a hub's prefecture gains nothing");
      assertEquals("13 東京都 Tokyo +4 [Saitama, Chiba, Tokyo, Kanagawa] (c-tokyo)", tokyo.toString());
    }

    @Test
    void greedyPlacesOsakaThenTokyoAndStopsWhenNothingIsLeft() {
      List<HubCandidate> picks = SMALL.greedyHubs(50, 2);
      assertEquals(List.of(OSAKA, TOKYO), picks.stream().map(HubCandidate::prefecture).toList());
      assertEquals(9, picks.stream().mapToInt(HubCandidate::gain).sum());
      assertTrue(SMALL.greedyHubs(50, 0).isEmpty());
      // far enough, one hub covers Japan: no second pick
      assertEquals(0, SMALL.greedyHubs(3000, 5).size());
      List<HubCandidate> one = SupportCoverage.of(List.of(B), List.of()).greedyHubs(3000, 5);
      assertEquals(1, one.size());
      assertEquals(47, one.get(0).gain());
    }
  }

  @Nested
  class Growth {

    private final Organization old = org("old-tokyo", TOKYO, 1990);
    private final Organization newer = org("new-fukushima", FUKUSHIMA, 2013);
    private final Organization undated = org("undated-osaka", OSAKA);
    private final SupportCoverage network = SupportCoverage.of(List.of(old, newer, undated), List.of(newer));

    @Test
    void stepsRunFromTheFirstToTheLastFoundingYear() {
      CoverageGrowth g = network.growthByFoundingYear(0);
      assertEquals(1990, g.steps().get(0).year());
      assertEquals(2013, g.steps().get(g.steps().size() - 1).year());
      assertEquals(24, g.steps().size());
      assertEquals(List.of(old), g.step(1990).orElseThrow().founded());
      assertTrue(g.step(1991).orElseThrow().founded().isEmpty());
      assertTrue(g.step(1989).isEmpty());
    }

    @Test
    void undatedOrganizationsAreListedAndCountedAsBothBounds() {
      CoverageGrowth g = network.growthByFoundingYear(0);
      assertEquals(List.of(undated), g.undated());
      CoverageGrowth.Step s2000 = g.step(2000).orElseThrow();
      assertEquals(ImmutableSortedSet.of(TOKYO), s2000.datedOnly().covered());
      assertEquals(ImmutableSortedSet.of(TOKYO, OSAKA), s2000.withUndated().covered());
      CoverageGrowth.Step s2013 = g.step(2013).orElseThrow();
      assertEquals(ImmutableSortedSet.of(FUKUSHIMA), s2013.datedOnly().hubCovered());
      assertEquals(network.within(0), s2013.withUndated());
    }

    @Test
    void anExplicitRangeStartsWithEverythingFoundedBefore() {
      CoverageGrowth g = network.growthByFoundingYear(0, 2010, 2020);
      assertEquals(11, g.steps().size());
      assertEquals(ImmutableSortedSet.of(TOKYO), g.steps().get(0).datedOnly().covered());
      assertEquals(g.step(2013).orElseThrow().datedOnly(), g.step(2020).orElseThrow().datedOnly());
    }

    @Test
    void withoutFoundingYearsThereAreNoSteps() {
      CoverageGrowth g = SupportCoverage.of(List.of(undated), List.of()).growthByFoundingYear(50);
      assertTrue(g.steps().isEmpty());
      assertEquals(List.of(undated), g.undated());
      assertTrue(g.toString().contains("no years"), g.toString());
    }

    @Test
    void theTableHasOneLinePerYear() {
      String table = network.growthByFoundingYear(0).table();
      assertTrue(table.startsWith("Coverage growth within 0 km, 1990–2013: 2 of 3 support organizations dated "
          + "(1 of 1 hubs), 1 of unknown founding year\n"), table);
      assertTrue(table.replaceAll("[ ]+", " ").contains("\n2013 new-fukushima 2 1 3 1\n"), table);
      assertEquals(2 + 2 + 24, table.lines().count());
    }
  }

  @Nested
  class BadInput {

    private void assertRejected(String expectedInMessage, Executable call) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
      assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.0, -0.001, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void everyMethodWithARadiusRejectsNegativeNanAndInfiniteRadii(double radius) {
      String value = "but was " + radius;
      assertRejected(value, () -> SMALL.within(radius));
      assertRejected(value, () -> SMALL.hubCandidates(radius));
      assertRejected(value, () -> SMALL.greedyHubs(radius, 1));
      assertRejected(value, () -> SMALL.growthByFoundingYear(radius));
      assertRejected(value, () -> SMALL.growthByFoundingYear(radius, 2000, 2010));
    }

    @Test
    void aNegativeNumberOfHubsIsRejected() {
      assertRejected("must be >= 0 but was -1", () -> SMALL.greedyHubs(50, -1));
    }

    @Test
    void duplicateIdsAreRejectedNamingTheId() {
      Organization twin = org("a-fukushima", TOKYO);
      assertRejected("duplicate support organization id 'a-fukushima'",
          () -> SupportCoverage.of(List.of(A, B, twin), List.of()));
      assertRejected("duplicate support organization id 'a-fukushima'",
          () -> SupportCoverage.of(List.of(A, A), List.of()));
    }

    @Test
    void hubsMustBeAmongTheSupportOrganizations() {
      assertRejected("hub 'c-tokyo' is not one of the 2 support organizations",
          () -> SupportCoverage.of(List.of(A, B), List.of(C)));
      Organization changed = A.toBuilder().capacity(3).build();
      assertRejected("hub 'a-fukushima' differs from the support organization with that id",
          () -> SupportCoverage.of(List.of(A, B), List.of(changed)));
      assertRejected("hub 'a-fukushima' is listed twice", () -> SupportCoverage.of(List.of(A, B), List.of(A, A)));
    }

    @Test
    void unknownOrAlreadyPresentOrganizationsAreRejected() {
      assertRejected("unknown organization 'nobody': not one of the 3 support organizations",
          () -> SMALL.withHub(OrganizationId.of("nobody")));
      assertRejected("organization 'a-fukushima' is a hub already", () -> SMALL.withHub(A.id()));
      assertRejected("organization 'b-miyagi' is already one of the support organizations", () -> SMALL.with(B));
      assertRejected("organization 'b-miyagi' is already one of the support organizations", () -> SMALL.withHub(B));
    }

    @Test
    void yearsOutsideTheModelsRangeAreRejected() {
      assertRejected("fromYear must be in 1..9999 but was 0", () -> SMALL.growthByFoundingYear(50, 0, 2000));
      assertRejected("toYear must be in 1..9999 but was 10000", () -> SMALL.growthByFoundingYear(50, 2000, 10000));
      assertRejected("fromYear must be in 1..9999 but was -5", () -> SMALL.growthByFoundingYear(50, -5, 2000));
      assertRejected("fromYear 2020 is after toYear 2010", () -> SMALL.growthByFoundingYear(50, 2020, 2010));
    }

    @Test
    void nullsAreRejected() {
      assertThrows(NullPointerException.class, () -> SupportCoverage.of(null, List.of()));
      assertThrows(NullPointerException.class, () -> SupportCoverage.of(Arrays.asList(A, null), List.of()));
      assertThrows(NullPointerException.class, () -> SMALL.with(null));
      assertThrows(NullPointerException.class, () -> SMALL.withHub((OrganizationId) null));
      assertThrows(NullPointerException.class, () -> SMALL.within(0).entry(null));
    }
  }

  @Nested
  class Values {

    @Test
    void equalNetworksAreEqualWhateverTheInputOrder() {
      SupportCoverage reordered = SupportCoverage.of(List.of(C, A, B), List.of(A));
      assertEquals(SMALL, reordered);
      assertEquals(SMALL.hashCode(), reordered.hashCode());
      assertEquals(SMALL.within(80), reordered.within(80));
      assertNotEquals(SMALL, SMALL.withHub(B.id()));
      assertEquals(List.of(A, B, C), SMALL.supportOrganizations());
    }

    @Test
    void toStringSummarizes() {
      assertEquals("SupportCoverage[3 support organizations in 3 prefectures, 1 hubs]", SMALL.toString());
      assertEquals("a-fukushima 55.3 km", SMALL.within(0).entry(YAMAGATA).nearestHub().orElseThrow().toString());
    }

    @Test
    void reportValuesRejectInconsistentCounts() {
      assertThrows(IllegalArgumentException.class,
          () -> new CoverageReport.Entry(TOKYO, java.util.Optional.empty(), java.util.Optional.empty(), 1, 0));
      assertThrows(IllegalArgumentException.class, () -> new CoverageReport.Nearest(A, -1));
      assertThrows(IllegalArgumentException.class, () -> new CoverageReport.BlockShare(RegionBlock.KANTO, 11, 12, 0));
    }
  }
}
