package io.github.renkei.cluster.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Specification of {@link Prefecture}, {@link RegionBlock} and {@link StandardRegion}.
 *
 * <p>Block membership follows the seed's nationwide list (全国各地の医工連携・支援機関一覧), which
 * groups prefectures by the areas of METI's regional bureaus (facts.md B1: 関東経済産業局 =
 * 1都10県 incl. 新潟・山梨・長野・静岡; 中部 = 愛知・岐阜・三重・富山・石川; 近畿 = 福井 + 2府4県;
 * Hokkaido and Tohoku merged, 沖縄 with 九州). The standard regions follow the 八地方区分
 * (facts.md B2).
 */
class PrefectureTest {

  private static List<Prefecture> codes(int... codes) {
    return Arrays.stream(codes).mapToObj(Prefecture::ofCode).collect(Collectors.toList());
  }

  private static int[] range(int fromInclusive, int toInclusive) {
    return IntStream.rangeClosed(fromInclusive, toInclusive).toArray();
  }

  @Nested
  class Codes {

    @Test
    void thereAreExactly47PrefecturesWithCodes1To47InDeclarationOrder() {
      Prefecture[] all = Prefecture.values();
      assertEquals(47, all.length);
      for (int i = 0; i < all.length; i++) {
        assertEquals(i + 1, all[i].code(), all[i].name());
        assertEquals(all[i], Prefecture.ofCode(i + 1));
      }
    }

    @Test
    void jisCodeIsTheCodeWrittenWithTwoDigits() {
      assertEquals("01", Prefecture.HOKKAIDO.jisCode());
      assertEquals("07", Prefecture.FUKUSHIMA.jisCode());
      assertEquals("13", Prefecture.TOKYO.jisCode());
      assertEquals("47", Prefecture.OKINAWA.jisCode());
      for (Prefecture p : Prefecture.values()) {
        assertEquals(String.format("%02d", p.code()), p.jisCode());
      }
    }

    @Test
    void ofCodeAcceptsAnIntegerCode() {
      assertEquals(Prefecture.HOKKAIDO, Prefecture.ofCode(1));
      assertEquals(Prefecture.FUKUSHIMA, Prefecture.ofCode(7));
      assertEquals(Prefecture.TOKYO, Prefecture.ofCode(13));
      assertEquals(Prefecture.OKINAWA, Prefecture.ofCode(47));
    }

    @Test
    void ofCodeAcceptsTextWithOrWithoutLeadingZero() {
      assertEquals(Prefecture.FUKUSHIMA, Prefecture.ofCode("07"));
      assertEquals(Prefecture.FUKUSHIMA, Prefecture.ofCode("7"));
      assertEquals(Prefecture.OKINAWA, Prefecture.ofCode("47"));
      for (Prefecture p : Prefecture.values()) {
        assertEquals(p, Prefecture.ofCode(p.jisCode()));
        assertEquals(p, Prefecture.ofCode(Integer.toString(p.code())));
      }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 48, -1, 99, Integer.MIN_VALUE})
    void ofCodeRejectsAnIntegerOutside1To47NamingTheValue(int code) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Prefecture.ofCode(code));
      assertTrue(e.getMessage().contains(Integer.toString(code)), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "48", "ab", "", "123", "4a", "-7", "+7", "７"})
    void ofCodeRejectsTextThatIsNotACode1To47NamingTheValue(String code) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Prefecture.ofCode(code));
      assertTrue(e.getMessage().contains(code), e.getMessage());
    }

    @Test
    void ofCodeQuotesTheEmptyTextSoTheMessageShowsIt() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Prefecture.ofCode(""));
      assertTrue(e.getMessage().contains("''"), e.getMessage());
    }

    @Test
    void ofCodeRejectsDoubleZeroNamingTheTextAsWritten() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Prefecture.ofCode("00"));
      assertTrue(e.getMessage().contains("'00'"), e.getMessage());
    }

    @Test
    void ofCodeRejectsNullText() {
      assertThrows(NullPointerException.class, () -> Prefecture.ofCode((String) null));
    }
  }

  @Nested
  class Names {

    @ParameterizedTest
    @ValueSource(strings = {"福島県", "福島", "Fukushima", "fukushima", "FUKUSHIMA", "07", " 福島県 "})
    void findsFukushimaByEveryDocumentedSpelling(String name) {
      assertEquals(Optional.of(Prefecture.FUKUSHIMA), Prefecture.find(name));
      assertEquals(Prefecture.FUKUSHIMA, Prefecture.of(name));
    }

    @Test
    void findsEveryPrefectureByJapaneseNameEnglishNameConstantAndJisCode() {
      for (Prefecture p : Prefecture.values()) {
        assertEquals(Optional.of(p), Prefecture.find(p.nameJa()), p.nameJa());
        assertEquals(Optional.of(p), Prefecture.find(p.nameEn()), p.nameEn());
        assertEquals(Optional.of(p), Prefecture.find(p.name()), p.name());
        assertEquals(Optional.of(p), Prefecture.find(p.jisCode()), p.jisCode());
      }
    }

    @Test
    void findsTheMetropolisAndUrbanPrefecturesWithoutTheirSuffix() {
      assertEquals(Optional.of(Prefecture.TOKYO), Prefecture.find("東京"));
      assertEquals(Optional.of(Prefecture.TOKYO), Prefecture.find("東京都"));
      assertEquals(Optional.of(Prefecture.OSAKA), Prefecture.find("大阪"));
      assertEquals(Optional.of(Prefecture.KYOTO), Prefecture.find("京都"));
      assertEquals(Optional.of(Prefecture.KYOTO), Prefecture.find("京都府"));
    }

    @Test
    void hokkaidoIsFoundOnlyByItsFullNameBecauseDoIsPartOfTheName() {
      assertEquals(Optional.of(Prefecture.HOKKAIDO), Prefecture.find("北海道"));
      assertEquals(Optional.empty(), Prefecture.find("北海"));
      assertEquals("北海道", Prefecture.HOKKAIDO.nameJa());
    }

    @Test
    void japaneseNamesEndInTheirSuffix() {
      for (Prefecture p : Prefecture.values()) {
        String suffix = p.nameJa().substring(p.nameJa().length() - 1);
        Set<String> expected = p == Prefecture.HOKKAIDO ? Set.of("道")
            : p == Prefecture.TOKYO ? Set.of("都")
            : p == Prefecture.OSAKA || p == Prefecture.KYOTO ? Set.of("府")
            : Set.of("県");
        assertTrue(expected.contains(suffix), p.nameJa());
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Atlantis", "福", "", "48", "北海"})
    void findReturnsEmptyForAnUnknownName(String name) {
      assertEquals(Optional.empty(), Prefecture.find(name));
    }

    @Test
    void ofRejectsAnUnknownNameNamingIt() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Prefecture.of("Atlantis"));
      assertTrue(e.getMessage().contains("'Atlantis'"), e.getMessage());
    }
  }

  @Nested
  class Blocks {

    @Test
    void hokkaidoTohokuBlockIsCodes01To07() {
      assertEquals(codes(range(1, 7)), RegionBlock.HOKKAIDO_TOHOKU.prefectures());
    }

    @Test
    void kantoBlockIsTheKantoBureauArea_08To15With19_20And22() {
      // facts.md B1: 関東経済産業局 = 茨城・栃木・群馬・埼玉・千葉・東京・神奈川・新潟・山梨・長野・静岡
      assertEquals(codes(8, 9, 10, 11, 12, 13, 14, 15, 19, 20, 22), RegionBlock.KANTO.prefectures());
    }

    @Test
    void chubuBlockIsTheChubuBureauArea_16_17_21_23_24() {
      // facts.md B1: 中部経済産業局 = 愛知・岐阜・三重・富山・石川
      assertEquals(codes(16, 17, 21, 23, 24), RegionBlock.CHUBU.prefectures());
    }

    @Test
    void kinkiBlockIsFukuiWith25To30() {
      // facts.md B1: 近畿経済産業局 = 福井・滋賀・京都・大阪・兵庫・奈良・和歌山
      assertEquals(codes(18, 25, 26, 27, 28, 29, 30), RegionBlock.KINKI.prefectures());
    }

    @Test
    void chugokuBlockIs31To35() {
      assertEquals(codes(range(31, 35)), RegionBlock.CHUGOKU.prefectures());
    }

    @Test
    void shikokuBlockIs36To39() {
      assertEquals(codes(range(36, 39)), RegionBlock.SHIKOKU.prefectures());
    }

    @Test
    void kyushuBlockIs40To47IncludingOkinawa() {
      assertEquals(codes(range(40, 47)), RegionBlock.KYUSHU.prefectures());
    }

    @Test
    void blocksPartitionThe47Prefectures() {
      int total = 0;
      Set<Prefecture> seen = EnumSet.noneOf(Prefecture.class);
      for (RegionBlock b : RegionBlock.values()) {
        total += b.prefectures().size();
        seen.addAll(b.prefectures());
      }
      assertEquals(47, total);
      assertEquals(EnumSet.allOf(Prefecture.class), seen);
    }

    @Test
    void shizuokaIsInKantoBlockButChubuRegion() {
      assertEquals(RegionBlock.KANTO, Prefecture.SHIZUOKA.block());
      assertEquals(StandardRegion.CHUBU, Prefecture.SHIZUOKA.standardRegion());
    }

    @Test
    void fukuiIsInKinkiBlockButChubuRegion() {
      assertEquals(RegionBlock.KINKI, Prefecture.FUKUI.block());
      assertEquals(StandardRegion.CHUBU, Prefecture.FUKUI.standardRegion());
    }

    @Test
    void mieIsInChubuBlockButKinkiRegion() {
      assertEquals(RegionBlock.CHUBU, Prefecture.MIE.block());
      assertEquals(StandardRegion.KINKI, Prefecture.MIE.standardRegion());
    }

    @Test
    void blockNamesAreTheSeedsSectionNames() {
      assertEquals("北海道・東北", RegionBlock.HOKKAIDO_TOHOKU.nameJa());
      assertEquals("関東", RegionBlock.KANTO.nameJa());
      assertEquals("中部", RegionBlock.CHUBU.nameJa());
      assertEquals("近畿", RegionBlock.KINKI.nameJa());
      assertEquals("中国", RegionBlock.CHUGOKU.nameJa());
      assertEquals("四国", RegionBlock.SHIKOKU.nameJa());
      assertEquals("九州", RegionBlock.KYUSHU.nameJa());
    }
  }

  @Nested
  class StandardRegions {

    @Test
    void thereAreEightStandardRegions() {
      assertEquals(8, StandardRegion.values().length);
    }

    @Test
    void hokkaidoRegionIsHokkaidoAlone() {
      assertEquals(codes(1), StandardRegion.HOKKAIDO.prefectures());
    }

    @Test
    void tohokuRegionIs02To07() {
      assertEquals(codes(range(2, 7)), StandardRegion.TOHOKU.prefectures());
    }

    @Test
    void kantoRegionIsTheSevenPrefecturesIbarakiToKanagawa() {
      assertEquals(codes(range(8, 14)), StandardRegion.KANTO.prefectures());
    }

    @Test
    void chubuRegionIsTheNinePrefecturesNiigataToAichi() {
      assertEquals(codes(range(15, 23)), StandardRegion.CHUBU.prefectures());
    }

    @Test
    void kinkiRegionIsMieToWakayama() {
      assertEquals(codes(range(24, 30)), StandardRegion.KINKI.prefectures());
    }

    @Test
    void chugokuShikokuAndKyushuRegionsEqualTheirBlocks() {
      assertEquals(codes(range(31, 35)), StandardRegion.CHUGOKU.prefectures());
      assertEquals(codes(range(36, 39)), StandardRegion.SHIKOKU.prefectures());
      assertEquals(codes(range(40, 47)), StandardRegion.KYUSHU.prefectures());
    }
  }
}
