package io.github.renkei.cluster.network;

import static io.github.renkei.cluster.region.Prefecture.AICHI;
import static io.github.renkei.cluster.region.Prefecture.FUKUOKA;
import static io.github.renkei.cluster.region.Prefecture.FUKUSHIMA;
import static io.github.renkei.cluster.region.Prefecture.HOKKAIDO;
import static io.github.renkei.cluster.region.Prefecture.ISHIKAWA;
import static io.github.renkei.cluster.region.Prefecture.IWATE;
import static io.github.renkei.cluster.region.Prefecture.KAGOSHIMA;
import static io.github.renkei.cluster.region.Prefecture.MIYAZAKI;
import static io.github.renkei.cluster.region.Prefecture.NAGASAKI;
import static io.github.renkei.cluster.region.Prefecture.OITA;
import static io.github.renkei.cluster.region.Prefecture.OKAYAMA;
import static io.github.renkei.cluster.region.Prefecture.OKINAWA;
import static io.github.renkei.cluster.region.Prefecture.OSAKA;
import static io.github.renkei.cluster.region.Prefecture.SAGA;
import static io.github.renkei.cluster.region.Prefecture.SAITAMA;
import static io.github.renkei.cluster.region.Prefecture.TOKYO;
import static io.github.renkei.cluster.region.Prefecture.TOYAMA;
import static io.github.renkei.cluster.region.Prefecture.YAMANASHI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableSortedSet;
import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The nationwide catalog's coverage, pinned. Each number was checked by reasoning from the
 * catalog (64 organizations in 46 prefectures — none in 長崎 — and hubs in 岩手, 福島, 山梨, 大阪,
 * 岡山, 福岡) and the capital-to-capital distances given in the comments, and against an
 * independent computation.
 */
class CoverageCatalogTest {

  private static final Catalog CATALOG = Catalog.nationwide();
  private static final SupportCoverage NETWORK = SupportCoverage.of(CATALOG);

  private static Set<Prefecture> allBut(Prefecture... excluded) {
    EnumSet<Prefecture> s = EnumSet.allOf(Prefecture.class);
    s.removeAll(Arrays.asList(excluded));
    return s;
  }

  private static List<Prefecture> prefectures(List<HubCandidate> candidates) {
    return candidates.stream().map(HubCandidate::prefecture).toList();
  }

  @Test
  void theNetworkIsTheSeedsListWithItsSixHubs() {
    assertEquals(64, NETWORK.supportOrganizations().size());
    assertEquals(6, NETWORK.hubs().size());
    assertEquals("SupportCoverage[64 support organizations in 46 prefectures, 6 hubs]", NETWORK.toString());
  }

  @Test
  void atRadiusZeroTheCoveredPrefecturesAreExactlyThoseWithAnOrganization() {
    CoverageReport r = NETWORK.within(0);
    Set<Prefecture> withAnOrganization = CATALOG.supportOrganizations().stream()
        .map(Organization::prefecture).collect(Collectors.toSet());
    assertEquals(withAnOrganization, r.covered());
    assertEquals(ImmutableSortedSet.of(NAGASAKI), r.uncovered(), "the seed lists no organization in 長崎");
    assertEquals(ImmutableSortedSet.of(IWATE, FUKUSHIMA, YAMANASHI, OSAKA, OKAYAMA, FUKUOKA), r.hubCovered());
    assertEquals(7, r.block(RegionBlock.KYUSHU).covered());
    assertEquals(8, r.block(RegionBlock.KYUSHU).prefectures());
  }

  @Test
  void at50KmNagasakiIsStillUncoveredAndTwelvePrefecturesHaveAHub() {
    CoverageReport r = NETWORK.within(50);
    // 長崎's nearest organizations: 佐賀 68.7 km, 熊本 81.3 km
    assertEquals(ImmutableSortedSet.of(NAGASAKI), r.uncovered());
    assertEquals("saga-risc", r.entry(NAGASAKI).nearestSupport().orElseThrow().organization().id().value());
    assertEquals(68.7, r.entry(NAGASAKI).nearestSupport().orElseThrow().distanceKm(), 0.05);
    // the six hub prefectures, plus 滋賀 47.6, 京都 43.0, 兵庫 30.8, 奈良 28.6 km from 大阪,
    // 香川 37.1 km from 岡山 and 佐賀 41.2 km from 福岡
    assertEquals(ImmutableSortedSet.of(IWATE, FUKUSHIMA, YAMANASHI, Prefecture.SHIGA, Prefecture.KYOTO, OSAKA,
        Prefecture.HYOGO, Prefecture.NARA, OKAYAMA, Prefecture.KAGAWA, FUKUOKA, SAGA), r.hubCovered());
    assertEquals(7.0 / 8, r.block(RegionBlock.KYUSHU).share(), 1e-12);
    assertEquals(5, r.block(RegionBlock.KINKI).hubCovered(), "all of 近畿 but 福井 (166 km) and 和歌山 (60.5 km)");
  }

  @Test
  void at100KmEveryPrefectureIsCoveredAndAboutHalfHaveAHub() {
    CoverageReport r = NETWORK.within(100);
    assertTrue(r.uncovered().isEmpty());
    assertEquals(2, r.entry(NAGASAKI).supportWithin(), "佐賀 68.7 and 熊本 81.3 km away");
    assertEquals(23, r.hubCovered().size());
    assertEquals(ImmutableSortedSet.copyOf(Arrays.asList(Prefecture.values())).stream()
            .filter(p -> !r.hubCovered().contains(p)).map(Prefecture::nameEn).toList(),
        List.of("Hokkaido", "Aomori", "Ibaraki", "Tochigi", "Chiba", "Tokyo", "Kanagawa", "Niigata", "Toyama",
            "Ishikawa", "Fukui", "Nagano", "Gifu", "Aichi", "Shimane", "Hiroshima", "Yamaguchi", "Ehime", "Kochi",
            "Nagasaki", "Oita", "Miyazaki", "Kagoshima", "Okinawa"));
    // 東京 is 101.5 km from the 山梨 hub: just outside
    assertEquals(101.5, r.entry(TOKYO).nearestHub().orElseThrow().distanceKm(), 0.05);
  }

  @Test
  void at200KmFivePrefecturesLackAHub() {
    CoverageReport r = NETWORK.within(200);
    // 北海道 374 km from 岩手, 石川 202.8 from 山梨, 宮崎 210.7 and 鹿児島 227.9 from 福岡, 沖縄 863 from 福岡
    assertEquals(ImmutableSortedSet.of(HOKKAIDO, ISHIKAWA, MIYAZAKI, KAGOSHIMA, OKINAWA), r.hubUncovered());
    assertEquals(202.8, r.entry(ISHIKAWA).nearestHub().orElseThrow().distanceKm(), 0.05);
  }

  @Test
  void theBestPlacesForOneMoreHub() {
    // at 0 km every hub covers only its own prefecture: a tie of 41, by JIS code
    List<HubCandidate> at0 = NETWORK.hubCandidates(0);
    assertEquals(41, at0.size());
    assertEquals(List.of(HOKKAIDO, Prefecture.AOMORI), prefectures(at0.subList(0, 2)));
    // at 50 km a hub in 東京 or 神奈川 would cover 埼玉, 千葉, 東京, 神奈川
    assertEquals(List.of(TOKYO, Prefecture.KANAGAWA), prefectures(NETWORK.hubCandidates(50).subList(0, 2)));
    assertEquals(4, NETWORK.hubCandidates(50).get(0).gain());
    // at 100 km 埼玉 and 東京 would each add 茨城, 栃木, 千葉, 東京, 神奈川
    HubCandidate saitama = NETWORK.hubCandidates(100).get(0);
    assertEquals(SAITAMA, saitama.prefecture());
    assertEquals("11 埼玉県 Saitama +5 [Ibaraki, Tochigi, Chiba, Tokyo, Kanagawa] (saitama-city-icf, saitama-ippc)",
        saitama.toString());
    // at 200 km a hub in 佐賀 (or 長崎, 熊本, 宮崎) reaches both 宮崎 and 鹿児島
    HubCandidate saga = NETWORK.hubCandidates(200).get(0);
    assertEquals(SAGA, saga.prefecture());
    assertEquals(ImmutableSortedSet.of(MIYAZAKI, KAGOSHIMA), saga.newlyCovered());
    assertEquals(NAGASAKI, NETWORK.hubCandidates(200).get(1).prefecture());
    assertTrue(NETWORK.hubCandidates(200).get(1).supportOrganizations().isEmpty());
  }

  @Test
  void fourGreedyHubsCompleteTheHubCoverageAt200Km() {
    List<HubCandidate> picks = NETWORK.greedyHubs(200, 10);
    assertEquals(List.of(SAGA, HOKKAIDO, TOYAMA, OKINAWA), prefectures(picks));
    assertEquals(List.of(2, 1, 1, 1), picks.stream().map(HubCandidate::gain).toList());
  }

  @Test
  void promotingTheSaitamaFoundationToAHubAddsFivePrefecturesAt100Km() {
    SupportCoverage promoted = NETWORK.withHub(OrganizationId.of("saitama-ippc"));
    assertEquals(28, promoted.within(100).hubCovered().size());
  }

  @Test
  void growthByFoundingYearCountsTheUndatedBothWays() {
    CoverageGrowth g = NETWORK.growthByFoundingYear(100);
    // dated: kawasaki-ipf 1988, ehime-toyo-icc 1990, fbri-kobe 2000, sendai-fwbc 2005, fmdipo and hamiq 2013,
    // tokyo-ikou-hub 2015, fujinokuni-mcpo 2017
    assertEquals(56, g.undated().size());
    assertEquals(1988, g.steps().get(0).year());
    assertEquals(2017, g.steps().get(g.steps().size() - 1).year());
    CoverageGrowth.Step s2013 = g.step(2013).orElseThrow();
    assertEquals(List.of("fmdipo", "hamiq"), s2013.founded().stream().map(o -> o.id().value()).toList());
    assertEquals(0, g.step(2012).orElseThrow().datedOnly().hubCovered().size());
    assertEquals(6, s2013.datedOnly().hubCovered().size());   // 福島 with 宮城, 山形; 福岡 with 佐賀, 熊本
    assertEquals(ImmutableSortedSet.of(Prefecture.MIYAGI, Prefecture.YAMAGATA, FUKUSHIMA, FUKUOKA, SAGA,
        Prefecture.KUMAMOTO), s2013.datedOnly().hubCovered());
    // the four undated hubs cover 17 prefectures within 100 km from the start
    assertEquals(17, g.step(1988).orElseThrow().withUndated().hubCovered().size());
    assertEquals(NETWORK.within(100), g.step(2017).orElseThrow().withUndated());
    assertEquals(25, g.step(2017).orElseThrow().datedOnly().covered().size());
  }

  @Test
  void aClusterCountsItsSupportSectorAndHubsOnly() {
    SupportCoverage fromCluster = SupportCoverage.of(CATALOG.cluster());
    // left out: 宮城県, 名古屋商工会議所, 福岡県, 大分県, 宮崎県, 鹿児島県, 関西広域連合, 八尾市, 姫路商工会議所
    assertEquals(55, fromCluster.supportOrganizations().size());
    assertEquals(NETWORK.hubs(), fromCluster.hubs());
    assertEquals(ImmutableSortedSet.of(AICHI, NAGASAKI, OITA, MIYAZAKI, KAGOSHIMA), fromCluster.within(0).uncovered());
  }

  @Test
  void theFukushimaSampleAddsTheDevelopmentCentreOf2016() {
    SupportCoverage sample = SupportCoverage.of(FukushimaSample.cluster());
    assertEquals(56, sample.supportOrganizations().size());
    CoverageGrowth g = sample.growthByFoundingYear(100);
    assertEquals(List.of(FukushimaSample.DEVELOPMENT_CENTRE),
        g.step(2016).orElseThrow().founded().stream().map(Organization::id).toList());
    // 福島 had a support organization within 0 km from 2013 (fmdipo); the centre adds a second one
    assertEquals(0, sample.growthByFoundingYear(0).step(2012).orElseThrow().datedOnly().entry(FUKUSHIMA).supportWithin());
    assertEquals(1, sample.growthByFoundingYear(0).step(2013).orElseThrow().datedOnly().entry(FUKUSHIMA).supportWithin());
    assertEquals(2, sample.within(0).entry(FUKUSHIMA).supportWithin());
    assertEquals(allBut(AICHI, NAGASAKI, OITA, MIYAZAKI, KAGOSHIMA), sample.within(0).covered());
  }
}
