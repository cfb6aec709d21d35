package io.github.renkei.cluster.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.model.FundingLevel;
import io.github.renkei.cluster.model.FundingProgram;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.ProgramId;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.model.RelationshipType;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Specification of the nationwide {@link Catalog} and of its file format.
 *
 * <p>The seed's list (全国各地の医工連携・支援機関一覧, seed document 000_773182affb2d818d.txt lines
 * 150–201) is embedded below verbatim so that the test runs on a fresh clone.
 */
class CatalogTest {

  /** The seed's list of support organizations, verbatim (★ = hub, ○ and 、 separate names). */
  static final String SEED_LIST = """
      # 全国各地の医工連携・支援機関一覧について

      (★ 地域連携自立化推進拠点)

      ## 【北海道・東北地区】

      - ノーステック財団 ○21あおもり産業総合支援センター
      - ★いわて産業振興センター ○宮城県、仙台市フィンランド健康福祉センター ○あきた企業活性化センター
      - 山形県産業技術振興機構 ★ふくしま医療機器産業推進機構

      ## 【中部地区】

      - 富山県新世紀産業機構 ○石川県産業創出支援機構
      - 岐阜県産業経済振興センター ○名古屋商工会議所
      - 三重県産業支援センター

      ## 【中国地区】

      - 鳥取県産業振興機構
      - しまね産業振興財団
      - ★倉敷中央振興機構
      - 岡山県産業振興財団
      - ひろしま産業振興機構
      - 山口県産業技術センター

      ## 【九州地区】

      - ★九州ヘルスケア産業推進協議会、福岡県
      - 佐賀県地域産業支援センター
      - くまもと産業支援財団 ○大分県
      - 宮崎県 ○鹿児島県
      - 沖縄県産業振興公社

      ## 【関東地区】

      - つくば研究支援センター ○栃木県産業振興センター
      - 群馬県産業支援機構 ○埼玉県産業振興公社、さいたま市産業創造財団 ○千葉県産業振興センター
      - 東京都医工連携ハブ機構、東京都中小企業振興公社、大田区産業振興協会 ○神奈川県立産業技術総合研究所
      - 横浜企業経営支援財団、川崎市産業支援財団、相模原市産業振興財団 ○にいがた産業創造機構、新潟市産業振興財団 ★やまなし産業支援機構
      - 長野県テクノ財団 ○静岡県産業振興協会、ふじのくに医療城下町推進機構

      ## 【近畿地区】

      - ふくい産業支援センター ○滋賀県産業支援プラザ ○京都産業21、京都高度技術研究所、京都リサーチパーク
      - ★大阪商工会議所、堺市産業振興センター、関西広域連合、八尾市、東大阪市産業創造勤労者支援機構
      - 神戸医療産業都市推進機構、姫路商工会議所
      - 奈良県地域産業振興センター ○わかやま産業振興財団

      ## 【四国地区】

      - とくしま産業振興機構 ○かかわ産業支援財団
      - えひめ東予産業創造センター ○高知県産業振興センター
      """;

  /** The names of the seed's list by block, in the seed's order, parsed from {@link #SEED_LIST}. */
  static Map<String, RegionBlock> seedNamesByBlock() {
    Map<String, RegionBlock> names = new LinkedHashMap<>();
    RegionBlock block = null;
    for (String line : SEED_LIST.split("\n")) {
      if (line.startsWith("## 【")) {
        String blockName = line.substring("## 【".length(), line.indexOf("地区】"));
        block = null;
        for (RegionBlock b : RegionBlock.values()) {
          if (b.nameJa().equals(blockName)) {
            block = b;
          }
        }
        assertTrue(block != null, "no block named " + blockName);
      } else if (line.startsWith("- ")) {
        for (String name : line.substring(2).split("[\\s○、★]+")) {
          if (!name.isEmpty()) {
            assertEquals(null, names.put(name, block), "seed name listed twice: " + name);
          }
        }
      }
    }
    return names;
  }

  /** Looked up per test, so that the file-format tests do not depend on the bundled catalog loading. */
  private static Catalog catalog() {
    return Catalog.nationwide();
  }

  private static Organization org(String id) {
    return catalog().organization(OrganizationId.of(id)).orElseThrow(() -> new AssertionError("no organization " + id));
  }

  private static FundingProgram program(String id) {
    return catalog().cluster().program(ProgramId.of(id)).orElseThrow(() -> new AssertionError("no program " + id));
  }

  private static boolean isJapanese(int codePoint) {
    Character.UnicodeScript s = Character.UnicodeScript.of(codePoint);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA;
  }

  @Nested
  class SupportOrganizations {

    @Test
    void theSeedListsExactly64NamesAndTheEmbeddedCopyParses() {
      assertEquals(64, seedNamesByBlock().size());
    }

    @Test
    void thereAreExactly64SupportOrganizations() {
      assertEquals(64, catalog().supportOrganizations().size());
    }

    @Test
    void nationwideIsLoadedOnce() {
      assertSame(Catalog.nationwide(), Catalog.nationwide());
    }

    @Test
    void perBlockCountsAreThoseOfTheSeed() {
      Map<RegionBlock, Integer> expected = Map.of(
          RegionBlock.HOKKAIDO_TOHOKU, 8,
          RegionBlock.KANTO, 19,
          RegionBlock.CHUBU, 5,
          RegionBlock.KINKI, 14,
          RegionBlock.CHUGOKU, 6,
          RegionBlock.SHIKOKU, 4,
          RegionBlock.KYUSHU, 8);
      for (RegionBlock b : RegionBlock.values()) {
        assertEquals(expected.get(b), catalog().supportOrganizationsIn(b).size(), b.name());
      }
    }

    @Test
    void theSeedNamesAreExactlyTheNamesOfTheSeedsList() {
      Set<String> catalogNames = catalog().supportOrganizations().stream()
          .map(o -> o.attribute(Catalog.SEED_NAME).orElseThrow())
          .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(new TreeSet<>(seedNamesByBlock().keySet()), catalogNames);
    }

    @Test
    void everySeedNameAppearsVerbatimInTheSeed() {
      for (Organization o : catalog().supportOrganizations()) {
        String seedName = o.attribute(Catalog.SEED_NAME).orElseThrow();
        assertTrue(SEED_LIST.contains(seedName), o.id() + ": " + seedName);
      }
    }

    @Test
    void everySupportOrganizationIsInTheBlockUnderWhichTheSeedListsIt() {
      Map<String, RegionBlock> seed = seedNamesByBlock();
      for (Organization o : catalog().supportOrganizations()) {
        String seedName = o.attribute(Catalog.SEED_NAME).orElseThrow();
        assertEquals(seed.get(seedName), o.block(), o.id() + ": " + seedName);
      }
    }

    @Test
    void everyOrganizationsBlockIsItsPrefecturesBlock() {
      for (Organization o : catalog().organizations()) {
        assertEquals(o.prefecture().block(), o.block(), o.id().toString());
      }
    }

    @Test
    void theSeedsBlocksFollowTheMetiBureauConvention() {
      assertEquals(RegionBlock.KANTO, org("shizuoka-if").block());
      assertEquals(Prefecture.SHIZUOKA, org("fujinokuni-mcpo").prefecture());
      assertEquals(RegionBlock.KANTO, org("niigata-nico").block());
      assertEquals(RegionBlock.KANTO, org("yamanashi-iso").block());
      assertEquals(RegionBlock.KANTO, org("nagano-techno").block());
      assertEquals(RegionBlock.KINKI, org("fukui-isc").block());
      assertEquals(RegionBlock.CHUBU, org("mie-isc").block());
      assertEquals(RegionBlock.KYUSHU, org("okinawa-ipc").block());
    }

    @Test
    void exactlySixHubsWhichAreTheStarredOrganizations() {
      assertEquals(
          List.of("fmdipo", "hamiq", "iwate-ipc", "kurashiki-chuo", "osaka-cci", "yamanashi-iso"),
          catalog().hubs().stream().map(o -> o.id().toString()).sorted().collect(Collectors.toList()));
      for (Organization o : catalog().organizations()) {
        Optional<String> seedName = o.attribute(Catalog.SEED_NAME);
        boolean starred = seedName.isPresent() && SEED_LIST.contains("★" + seedName.get());
        assertEquals(starred, o.isHub(), o.id().toString());
      }
    }

    @Test
    void kagawaIsCorrectedInTheNativeNameButKeptAsTheSeedWroteItInTheSeedName() {
      Organization kagawa = org("kagawa-isf");
      assertEquals(Optional.of("かがわ産業支援財団"), kagawa.nativeName());
      assertEquals(Optional.of("かかわ産業支援財団"), kagawa.attribute(Catalog.SEED_NAME));
      assertEquals(Prefecture.KAGAWA, kagawa.prefecture());
      assertTrue(SEED_LIST.contains("かかわ産業支援財団"));
      assertFalse(SEED_LIST.contains("かがわ産業支援財団"));
    }

    @Test
    void theNativeNameIsTheSeedNameForEveryOtherSupportOrganization() {
      for (Organization o : catalog().supportOrganizations()) {
        if (!o.id().equals(OrganizationId.of("kagawa-isf"))) {
          assertEquals(o.attribute(Catalog.SEED_NAME), o.nativeName(), o.id().toString());
        }
      }
    }

    @Test
    void everyOrganizationHasAnEnglishNameWithoutJapaneseScript() {
      for (Organization o : catalog().organizations()) {
        assertFalse(o.name().isBlank(), o.id().toString());
        assertTrue(o.name().codePoints().noneMatch(CatalogTest::isJapanese), o.id() + ": " + o.name());
        assertTrue(o.nativeName().isPresent(), o.id().toString());
        assertTrue(o.nativeName().get().codePoints().anyMatch(CatalogTest::isJapanese), o.id().toString());
      }
    }

    @Test
    void officialNamesRecordTheCorrectionsOfFactsD() {
      // facts.md D: 川崎市産業振興財団 and 静岡県産業振興財団 are the official names
      assertEquals(Optional.of("公益財団法人川崎市産業振興財団"), org("kawasaki-ipf").attribute(Catalog.OFFICIAL_NAME_JA));
      assertEquals(Optional.of("公益財団法人静岡県産業振興財団"), org("shizuoka-if").attribute(Catalog.OFFICIAL_NAME_JA));
      assertEquals(Optional.of("公益財団法人かがわ産業支援財団"), org("kagawa-isf").attribute(Catalog.OFFICIAL_NAME_JA));
    }

    @Test
    void foundingYearsAreThoseOfThePublicSourcesAndAlwaysCarryASource() {
      Map<String, Integer> expected = new TreeMap<>(Map.of(
          "fmdipo", 2013, // facts.md C7 (郡山市史): 一般財団法人 founded 2013-06
          "hamiq", 2013, // facts.md D #20: founded 2013-07-04
          "sendai-fwbc", 2005, // facts.md D #5: opened 平成17年
          "tokyo-ikou-hub", 2015, // facts.md D #34: launched 2015-07
          "kawasaki-ipf", 1988, // facts.md D #39: 昭和63年4月2日
          "fujinokuni-mcpo", 2017, // facts.md D #46: 平成29年8月1日
          "fbri-kobe", 2000, // facts.md D #57: est. 2000-03
          "ehime-toyo-icc", 1990)); // facts.md D #63: 平成2年
      Map<String, Integer> actual = new TreeMap<>();
      for (Organization o : catalog().organizations()) {
        if (o.foundedYear().isPresent()) {
          actual.put(o.id().toString(), o.foundedYear().getAsInt());
          assertTrue(o.attribute(Catalog.SOURCE).isPresent(), o.id() + " has a founding year but no source");
        }
      }
      assertEquals(expected, actual);
    }

    @Test
    void theNationalAgenciesAreInTheCatalogButNotSupportOrganizations() {
      for (String id : List.of("mext", "meti", "mhlw", "amed")) {
        Organization o = org(id);
        assertEquals(OrganizationType.NATIONAL_AGENCY, o.type(), id);
        assertEquals(Optional.empty(), o.attribute(Catalog.SEED_NAME), id);
        assertFalse(catalog().supportOrganizations().contains(o), id);
      }
      assertEquals(68, catalog().organizations().size());
    }
  }

  @Nested
  class Programs {

    @Test
    void thereAreTheSixNationalProgramsOfTheSeed() {
      Map<String, String> sponsorById = new TreeMap<>();
      for (FundingProgram p : catalog().programs()) {
        sponsorById.put(p.id().toString(), p.sponsor().toString());
        assertEquals(FundingLevel.NATIONAL, p.level(), p.id().toString());
      }
      assertEquals(new TreeMap<>(Map.of(
          "mext-city-area", "mext",
          "mext-regional-innovation-cluster", "mext",
          "mext-regional-core-hub", "mext",
          "amed-ikou-innovation", "amed",
          "amed-regional-hub-autonomy", "amed",
          "meti-wide-area-network-hub", "meti")), sponsorById);
    }

    @Test
    void firstYearsAreGivenOnlyWhereASourceStatesThem() {
      // facts.md C1: 都市エリア from FY2002 (mext.go.jp/a_menu/hyouka/kekka/1289810.htm)
      assertEquals(OptionalInt.of(2002), program("mext-city-area").firstYear());
      // facts.md C2: 地域イノベーションクラスタープログラム created FY2010 (kotobank; MEXT 1295030)
      assertEquals(OptionalInt.of(2010), program("mext-regional-innovation-cluster").firstYear());
      // facts.md C3: 地域中核産学官連携拠点 selected 2009-06-12 (nubic.jp)
      assertEquals(OptionalInt.of(2009), program("mext-regional-core-hub").firstYear());
      // facts.md C4: 地域連携拠点自立化推進事業 from 令和3年度 (wic-net.com mirror of MHLW 資料2-1)
      assertEquals(OptionalInt.of(2021), program("amed-regional-hub-autonomy").firstYear());
      // facts.md C4/C5: no source states the first year of these two
      assertEquals(OptionalInt.empty(), program("amed-ikou-innovation").firstYear());
      assertEquals(OptionalInt.empty(), program("meti-wide-area-network-hub").firstYear());
    }

    @Test
    void onlyTheCityAreaProgramHasALastYear() {
      // facts.md C1: last new selections FY2009, merged into the cluster programme in FY2010
      assertEquals(OptionalInt.of(2009), program("mext-city-area").lastYear());
      for (FundingProgram p : catalog().programs()) {
        if (!p.id().equals(ProgramId.of("mext-city-area"))) {
          assertEquals(OptionalInt.empty(), p.lastYear(), p.id().toString());
        }
      }
    }

    @Test
    void noProgramHasABudgetBecauseNoSourceStatesOne() {
      for (FundingProgram p : catalog().programs()) {
        assertTrue(p.budgets().isEmpty(), p.id().toString());
      }
    }

    @Test
    void everyProgramHasANativeNameAndASource() {
      for (FundingProgram p : catalog().programs()) {
        assertTrue(p.nativeName().isPresent(), p.id().toString());
        assertTrue(p.source().isPresent(), p.id().toString());
      }
    }

    @Test
    void everySponsorIsANationalAgencyOfTheCatalog() {
      for (FundingProgram p : catalog().programs()) {
        assertEquals(OrganizationType.NATIONAL_AGENCY, org(p.sponsor().toString()).type(), p.id().toString());
      }
    }
  }

  @Nested
  class Relationships {

    @Test
    void amedFundsTheFourHubsWhoseFirstYearAmedsEvaluationPagesGive() {
      // facts.md C4: FY2021–2022 cohort (007_chiiki_r4_jigo) and FY2023–2024 cohort (007_chiiki_r6_jigo)
      List<String> ties = catalog().relationships().stream()
          .map(r -> r.from() + " " + r.type() + " " + r.to() + " " + r.startYear() + "-"
              + (r.endYear().isPresent() ? r.endYear().getAsInt() : ""))
          .sorted()
          .collect(Collectors.toList());
      assertEquals(List.of(
          "amed FUNDING fmdipo 2021-",
          "amed FUNDING hamiq 2021-",
          "amed FUNDING osaka-cci 2021-",
          "amed FUNDING yamanashi-iso 2023-"), ties);
    }

    @Test
    void theHubsWithoutASourcedYearHaveNoFundingTie() {
      for (String id : List.of("iwate-ipc", "kurashiki-chuo")) {
        assertTrue(catalog().cluster().tiesTo(OrganizationId.of(id)).isEmpty(), id);
      }
    }
  }

  // ============================================================================================
  // The file format

  private static final String ORG_HEADER = "id\tname_ja\tname_en\ttype\tprefecture\tblock\thub\tseed_name"
      + "\tofficial_name_ja\tfounded\tsource\tnote";
  private static final String PROGRAM_HEADER = "id\tname_ja\tname_en\tsponsor\tlevel\tpurpose\tfirst_year"
      + "\tlast_year\tbudgets\tseed_name\tsource\tnote";
  private static final String TIE_HEADER = "from\ttype\tto\tstart_year\tend_year\tsource";

  /** An organization row; fields in {@link Catalog#ORGANIZATION_COLUMNS} order. */
  private static String orgRow(String id, String type, String prefecture, String block, String hub, String founded) {
    return String.join("\t", id, "名前" + id, "Name " + id, type, prefecture, block, hub, "名前" + id, "", founded,
        "", "");
  }

  private static String orgRow(String id) {
    return orgRow(id, "SUPPORT_ORGANIZATION", "07", "HOKKAIDO_TOHOKU", "false", "");
  }

  private static String programRow(String id, String sponsor, String first, String last, String budgets) {
    return String.join("\t", id, "事業" + id, "Program " + id, sponsor, "NATIONAL", "PRODUCT_DEVELOPMENT", first,
        last, budgets, "", "", "");
  }

  private static String tieRow(String from, String type, String to, String start, String end) {
    return String.join("\t", from, type, to, start, end, "");
  }

  /** Two comment lines, the header on line 3, then the rows from line 4. */
  private static String file(String header, String... rows) {
    List<String> lines = new ArrayList<>(List.of("# a comment", "# another comment", header));
    lines.addAll(List.of(rows));
    return String.join("\n", lines) + "\n";
  }

  private static final String GOOD_ORGS = file(ORG_HEADER, orgRow("sponsor-agency"), orgRow("hub-a"));
  private static final String GOOD_PROGRAMS = file(PROGRAM_HEADER);
  private static final String GOOD_TIES = file(TIE_HEADER);

  private static Catalog read(String orgs, String programs, String ties) {
    return Catalog.read("orgs.tsv", new StringReader(orgs), "programs.tsv", new StringReader(programs),
        "ties.tsv", new StringReader(ties));
  }

  private static CatalogFormatException fails(String orgs, String programs, String ties) {
    return assertThrows(CatalogFormatException.class, () -> read(orgs, programs, ties));
  }

  private static void assertAt(CatalogFormatException e, String file, int line, String field, String value) {
    assertEquals(file, e.file(), e.getMessage());
    assertEquals(line, e.line(), e.getMessage());
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().startsWith(file + ":" + line + ": field '" + field + "': "), e.getMessage());
    assertTrue(e.getMessage().contains(value), e.getMessage());
  }

  @Nested
  class FileFormat {

    @Test
    void theColumnsAreFixed() {
      assertEquals(List.of(ORG_HEADER.split("\t")), Catalog.ORGANIZATION_COLUMNS);
      assertEquals(List.of(PROGRAM_HEADER.split("\t")), Catalog.PROGRAM_COLUMNS);
      assertEquals(List.of(TIE_HEADER.split("\t")), Catalog.RELATIONSHIP_COLUMNS);
    }

    @Test
    void aWellFormedCatalogIsRead() {
      String orgs = file(ORG_HEADER,
          orgRow("agency", "NATIONAL_AGENCY", "13", "KANTO", "false", ""),
          "",
          orgRow("hub-a", "SUPPORT_ORGANIZATION", "07", "HOKKAIDO_TOHOKU", "TRUE", "2013"));
      String programs = file(PROGRAM_HEADER, programRow("p", "agency", "2010", "2012", "2010=5; 2011=0"));
      String ties = file(TIE_HEADER, tieRow("agency", "FUNDING", "hub-a", "2021", ""));
      Catalog c = read("\uFEFF" + orgs, programs, ties);
      assertEquals(2, c.organizations().size());
      assertEquals(2, c.supportOrganizations().size());
      Organization hub = c.organization(OrganizationId.of("hub-a")).orElseThrow();
      assertTrue(hub.isHub());
      assertEquals(OptionalInt.of(2013), hub.foundedYear());
      assertEquals(Optional.of("名前hub-a"), hub.nativeName());
      assertEquals("Name hub-a", hub.name());
      assertEquals(Optional.empty(), hub.attribute(Catalog.OFFICIAL_NAME_JA));
      FundingProgram p = c.programs().get(0);
      assertEquals(Map.of(2010, 5L, 2011, 0L), p.budgets());
      assertEquals(List.of(Relationship.of(OrganizationId.of("agency"), RelationshipType.FUNDING,
          OrganizationId.of("hub-a"), 2021)), c.relationships());
    }

    @Test
    void aWrongHeaderIsReportedOnItsLine() {
      String orgs = file(ORG_HEADER.replace("name_ja", "name"), orgRow("a"));
      assertAt(fails(orgs, GOOD_PROGRAMS, GOOD_TIES), "orgs.tsv", 3, "header", "name");
    }

    @Test
    void aFileWithoutHeaderIsReported() {
      assertAt(fails(GOOD_ORGS, "# only a comment\n# and another\n", GOOD_TIES),
          "programs.tsv", 2, "header", "no header");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsReportedAsALineProblem() {
      String shortRow = orgRow("b").substring(0, orgRow("b").lastIndexOf('\t'));
      String orgs = file(ORG_HEADER, orgRow("a"), shortRow);
      assertAt(fails(orgs, GOOD_PROGRAMS, GOOD_TIES), "orgs.tsv", 5, "line", "11");
    }

    @Test
    void anUnknownPrefectureCodeIsReportedNamingIt() {
      String orgs = file(ORG_HEADER, orgRow("a"), orgRow("b", "SUPPORT_ORGANIZATION", "48", "KYUSHU", "false", ""));
      assertAt(fails(orgs, GOOD_PROGRAMS, GOOD_TIES), "orgs.tsv", 5, "prefecture", "48");
    }

    @Test
    void anUnknownPrefectureCodeIsReportedWithTheDocumentedMessage() {
      String orgs = file(ORG_HEADER, orgRow("a"), orgRow("b", "SUPPORT_ORGANIZATION", "48", "KYUSHU", "false", ""));
      assertEquals("orgs.tsv:5: field 'prefecture': unknown prefecture code '48' (JIS X 0401 codes are 01 to 47)",
          fails(orgs, GOOD_PROGRAMS, GOOD_TIES).getMessage());
    }

    @Test
    void aBlockThatDoesNotMatchThePrefectureIsReported() {
      // 静岡県 (22) is in the KANTO block, not CHUBU
      String orgs = file(ORG_HEADER, orgRow("a", "SUPPORT_ORGANIZATION", "22", "CHUBU", "false", ""));
      assertAt(fails(orgs, GOOD_PROGRAMS, GOOD_TIES), "orgs.tsv", 4, "block", "CHUBU");
    }

    @Test
    void anUnknownTypeIsReportedNamingIt() {
      String orgs = file(ORG_HEADER, orgRow("a", "GUILD", "07", "HOKKAIDO_TOHOKU", "false", ""));
      assertAt(fails(orgs, GOOD_PROGRAMS, GOOD_TIES), "orgs.tsv", 4, "type", "'GUILD'");
    }

    @Test
    void aHubValueOtherThanTrueOrFalseIsReportedNamingIt() {
      String orgs = file(ORG_HEADER, orgRow("a", "SUPPORT_ORGANIZATION", "07", "HOKKAIDO_TOHOKU", "yes", ""));
      assertAt(fails(orgs, GOOD_PROGRAMS, GOOD_TIES), "orgs.tsv", 4, "hub", "'yes'");
    }

    @Test
    void aFoundedYearThatIsNotANumberIsReportedNamingIt() {
      String orgs = file(ORG_HEADER, orgRow("a", "SUPPORT_ORGANIZATION", "07", "HOKKAIDO_TOHOKU", "false", "20x5"));
      assertAt(fails(orgs, GOOD_PROGRAMS, GOOD_TIES), "orgs.tsv", 4, "founded", "'20x5'");
    }

    @Test
    void aFoundedYearOutOfRangeIsReportedNamingIt() {
      String orgs = file(ORG_HEADER, orgRow("a", "SUPPORT_ORGANIZATION", "07", "HOKKAIDO_TOHOKU", "false", "0"));
      assertAt(fails(orgs, GOOD_PROGRAMS, GOOD_TIES), "orgs.tsv", 4, "founded", "0");
    }

    @Test
    void anEmptyRequiredFieldIsReported() {
      String row = orgRow("a").replace("Name a", " ");
      assertAt(fails(file(ORG_HEADER, row), GOOD_PROGRAMS, GOOD_TIES), "orgs.tsv", 4, "name_en", "empty");
    }

    @Test
    void aDuplicateIdIsReportedOnTheSecondLineNamingTheFirst() {
      // blank lines count too: a on line 4, blank line 5, a again on line 6
      String orgs = file(ORG_HEADER, orgRow("a"), "", orgRow("a"));
      assertAt(fails(orgs, GOOD_PROGRAMS, GOOD_TIES), "orgs.tsv", 6, "id", "line 4");
    }

    @Test
    void anUnknownSponsorIsReportedInTheProgramsFile() {
      String programs = file(PROGRAM_HEADER, programRow("p", "jsps", "", "", ""));
      assertAt(fails(GOOD_ORGS, programs, GOOD_TIES), "programs.tsv", 4, "sponsor", "'jsps'");
    }

    @Test
    void budgetsThatAreNotYearEqualsYenPairsAreReported() {
      String programs = file(PROGRAM_HEADER, programRow("p", "sponsor-agency", "", "", "2010:5"));
      assertAt(fails(GOOD_ORGS, programs, GOOD_TIES), "programs.tsv", 4, "budgets", "'2010:5'");
    }

    @Test
    void aNegativeBudgetIsReported() {
      String programs = file(PROGRAM_HEADER, programRow("p", "sponsor-agency", "", "", "2010=-5"));
      assertAt(fails(GOOD_ORGS, programs, GOOD_TIES), "programs.tsv", 4, "budgets", "-5");
    }

    @Test
    void aBudgetYearListedTwiceIsReported() {
      String programs = file(PROGRAM_HEADER, programRow("p", "sponsor-agency", "", "", "2010=5;2010=6"));
      assertAt(fails(GOOD_ORGS, programs, GOOD_TIES), "programs.tsv", 4, "budgets", "2010");
    }

    @Test
    void aBudgetOutsideTheActiveYearsIsReportedAsALineProblem() {
      String programs = file(PROGRAM_HEADER, programRow("p", "sponsor-agency", "2010", "2011", "2012=5"));
      assertAt(fails(GOOD_ORGS, programs, GOOD_TIES), "programs.tsv", 4, "line", "2012");
    }

    @Test
    void aDuplicateProgramIdIsReported() {
      String programs = file(PROGRAM_HEADER, programRow("p", "sponsor-agency", "", "", ""),
          programRow("p", "sponsor-agency", "", "", ""));
      assertAt(fails(GOOD_ORGS, programs, GOOD_TIES), "programs.tsv", 5, "id", "line 4");
    }

    @Test
    void aRelationshipToAnUnknownOrganizationIsReported() {
      String ties = file(TIE_HEADER, tieRow("sponsor-agency", "FUNDING", "nobody", "2021", ""));
      assertAt(fails(GOOD_ORGS, GOOD_PROGRAMS, ties), "ties.tsv", 4, "to", "'nobody'");
    }

    @Test
    void aRelationshipFromAnUnknownOrganizationIsReported() {
      String ties = file(TIE_HEADER, tieRow("nobody", "FUNDING", "hub-a", "2021", ""));
      assertAt(fails(GOOD_ORGS, GOOD_PROGRAMS, ties), "ties.tsv", 4, "from", "'nobody'");
    }

    @Test
    void aRelationshipEndingBeforeItStartsIsReportedAsALineProblem() {
      String ties = file(TIE_HEADER, tieRow("sponsor-agency", "FUNDING", "hub-a", "2015", "2010"));
      assertAt(fails(GOOD_ORGS, GOOD_PROGRAMS, ties), "ties.tsv", 4, "line", "2010");
    }

    @Test
    void aDuplicateRelationshipIsReported() {
      String ties = file(TIE_HEADER, tieRow("sponsor-agency", "FUNDING", "hub-a", "2021", ""),
          tieRow("sponsor-agency", "FUNDING", "hub-a", "2021", ""));
      assertAt(fails(GOOD_ORGS, GOOD_PROGRAMS, ties), "ties.tsv", 5, "line", "line 4");
    }

    @Test
    void aRelationshipWithoutStartYearIsReported() {
      String ties = file(TIE_HEADER, tieRow("sponsor-agency", "FUNDING", "hub-a", "", ""));
      assertAt(fails(GOOD_ORGS, GOOD_PROGRAMS, ties), "ties.tsv", 4, "start_year", "empty");
    }
  }
}
