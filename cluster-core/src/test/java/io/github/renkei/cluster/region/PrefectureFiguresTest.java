package io.github.renkei.cluster.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.region.PrefectureFigures.MissingFigure;
import io.github.renkei.cluster.region.PrefectureFigures.Weight;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Specification of {@link PrefectureFigures}: the shipped figures against the source page they
 * were copied from, the strict reading of the file, and the split of firms among prefectures.
 */
class PrefectureFiguresTest {

  /**
   * The rows of MHLW's 平成26年薬事工業生産動態統計年報 第40表 as the stored copy of
   * https://www.mhlw.go.jp/topics/yakuji/2014/nenpo/40.html prints them: rank, name, 2014 and
   * 2013 values (million yen), the change and the 2014 share (%). The copy stops in row 34
   * (鳥取 9,027 8,208 820, its share cut off). Copied independently of the TSV so that the test
   * catches a slip in either.
   */
  private static final String PAGE_2014 = String.join("\n",
      "1 静岡 386,540 373,890 12,650 19.43",
      "2 栃木 191,871 189,486 2,384 9.64",
      "3 福島 130,344 124,471 5,873 6.55",
      "4 東京 120,860 105,655 15,205 6.07",
      "5 茨城 118,076 97,860 20,216 5.93",
      "6 埼玉 117,307 110,368 6,939 5.90",
      "7 千葉 99,065 91,754 7,310 4.98",
      "8 大分 96,591 96,434 157 4.86",
      "9 愛知 64,244 57,765 6,479 3.23",
      "10 山梨 54,001 55,225 -1,224 2.71",
      "11 兵庫 53,960 53,137 823 2.71",
      "12 青森 51,220 44,406 6,814 2.57",
      "13 大阪 42,450 28,135 14,316 2.13",
      "14 滋賀 36,678 35,336 1,342 1.84",
      "15 京都 36,469 40,723 -4,254 1.83",
      "16 岐阜 34,830 33,421 1,409 1.75",
      "17 秋田 34,011 35,540 -1,529 1.71",
      "18 神奈川 31,849 31,400 449 1.60",
      "19 群馬 30,328 29,590 739 1.52",
      "20 山形 26,453 23,020 3,433 1.33",
      "21 高知 20,193 19,057 1,136 1.01",
      "22 岩手 19,226 18,567 658 0.97",
      "23 宮城 17,991 18,878 -887 0.90",
      "24 長野 17,922 23,618 -5,696 0.90",
      "25 宮崎 15,401 14,371 1,030 0.77",
      "26 島根 14,204 12,652 1,552 0.71",
      "27 石川 13,875 12,419 1,456 0.70",
      "28 山口 12,737 25,110 -12,373 0.64",
      "29 岡山 11,063 12,693 -1,630 0.56",
      "30 福岡 10,674 11,061 -387 0.54",
      "31 熊本 10,464 14,258 -3,794 0.53",
      "32 広島 10,012 11,021 -1,009 0.50",
      "33 奈良 9,643 8,550 1,094 0.48",
      "34 鳥取 9,027 8,208 820 -");

  /** 全国 on the same page: 1,989,497 million yen in 2014, 1,905,492 in 2013. */
  private static final double NATIONAL_2014 = 1_989_497;

  private static final Set<Prefecture> NOT_READ = EnumSet.of(Prefecture.HOKKAIDO,
      Prefecture.NIIGATA, Prefecture.TOYAMA, Prefecture.FUKUI, Prefecture.MIE, Prefecture.WAKAYAMA,
      Prefecture.TOKUSHIMA, Prefecture.KAGAWA, Prefecture.EHIME, Prefecture.SAGA,
      Prefecture.NAGASAKI, Prefecture.KAGOSHIMA, Prefecture.OKINAWA);

  private static final PrefectureFigures FIGURES = PrefectureFigures.standard();

  // --- the shipped file against its source ---------------------------------------------------

  @Test
  void theStandardFileLoadsWithOneRowPerPrefectureAndTheSources() {
    assertEquals(2014, FIGURES.productionYear());
    assertTrue(FIGURES.productionYear() <= PrefectureFigures.LAST_YEAR);
    assertTrue(FIGURES.establishmentsYear().isEmpty());
    long withFigure = EnumSet.allOf(Prefecture.class).stream()
        .filter(p -> FIGURES.deviceProductionMillionYen(p).isPresent())
        .count();
    assertEquals(34, withFigure);
    for (Prefecture p : Prefecture.values()) {
      assertTrue(FIGURES.manufacturingEstablishments(p).isEmpty(), p.nameJa());
    }
    String sources = FIGURES.sources();
    assertTrue(sources.contains("https://www.mhlw.go.jp/topics/yakuji/2014/nenpo/40.html"), sources);
    assertTrue(sources.contains("第40表 都道府県別医療機器生産金額"), sources);
    assertTrue(sources.contains("政府標準利用規約 (第2.0版)"), sources);
    assertTrue(sources.contains("CC BY 4.0"), sources);
    assertFalse(sources.startsWith("#"), sources);
    assertEquals("PrefectureFigures[device production 2014: 34 of 47 prefectures;"
        + " manufacturing establishments none]", FIGURES.toString());
  }

  @Test
  void standardIsReadOnceAndKept() {
    assertTrue(PrefectureFigures.standard() == PrefectureFigures.standard());
  }

  @Test
  void everyFigureReadIsThePagesRowWithItsShareAndChange() {
    List<String> rows = PAGE_2014.lines().collect(Collectors.toList());
    double previous = Double.MAX_VALUE;
    for (String row : rows) {
      String[] f = row.split(" ");
      Prefecture p = Prefecture.of(f[1]);
      double value = number(f[2]);
      assertEquals(value, FIGURES.deviceProductionMillionYen(p).getAsDouble(), 0, row);
      // the page's own arithmetic: the change is this year's less last year's (each rounded)
      assertEquals(number(f[4]), value - number(f[3]), 1, row);
      // and the share is of the national total, rounded to 0.01 %
      if (!f[5].equals("-")) {
        assertEquals(f[5], String.format("%.2f", value / NATIONAL_2014 * 100), row);
      }
      assertTrue(value <= previous, "the page is sorted by value: " + row);
      previous = value;
    }
    assertEquals(34, rows.size());
  }

  @Test
  void exactlyThe13PrefecturesRanked35To47HaveNoFigure() {
    for (Prefecture p : Prefecture.values()) {
      assertEquals(!NOT_READ.contains(p), FIGURES.deviceProductionMillionYen(p).isPresent(),
          p.nameJa());
    }
  }

  @Test
  void theNationalTotalIsThePagesAndTheRowsReadLeaveARestTheUnreadRowsCanHold() {
    assertEquals(NATIONAL_2014, FIGURES.nationalDeviceProductionMillionYen().getAsDouble(), 0);
    double read = EnumSet.allOf(Prefecture.class).stream()
        .mapToDouble(p -> FIGURES.deviceProductionMillionYen(p).orElse(0))
        .sum();
    assertEquals(1_949_579, read, 0);
    double rest = NATIONAL_2014 - read;
    assertEquals(39_918, rest, 0);
    // each unread prefecture ranks below 鳥取 (9,027), so together they hold at most 13 × 9,027
    assertTrue(rest <= NOT_READ.size() * 9_027, "rest " + rest);
  }

  // --- weights and the documented default ----------------------------------------------------

  @Test
  void aPrefectureWithAFigureIsWeightedByIt() {
    assertEquals(130_344, FIGURES.weight(Weight.DEVICE_PRODUCTION, Prefecture.FUKUSHIMA), 0);
    assertEquals(130_344, FIGURES.weight(Weight.DEVICE_PRODUCTION, Prefecture.FUKUSHIMA,
        MissingFigure.MEDIAN), 0);
  }

  @Test
  void byDefaultAPrefectureWithoutAFigureGetsAnEqualShareOfTheNationalRest() {
    assertEquals(MissingFigure.RESIDUAL_SHARE, PrefectureFigures.DEFAULT_MISSING_FIGURE);
    for (Prefecture p : NOT_READ) {
      assertEquals(39_918.0 / 13, FIGURES.weight(Weight.DEVICE_PRODUCTION, p), 1e-9, p.nameJa());
    }
    // below the smallest figure read, as the page's ordering requires
    assertTrue(FIGURES.weight(Weight.DEVICE_PRODUCTION, Prefecture.HOKKAIDO)
        < FIGURES.weight(Weight.DEVICE_PRODUCTION, Prefecture.TOTTORI));
  }

  @Test
  void theMedianRuleGivesTheMedianOfTheFiguresRead() {
    // 34 figures: the mean of the 17th and 18th largest, 秋田 34,011 and 神奈川 31,849
    assertEquals(32_930, FIGURES.weight(Weight.DEVICE_PRODUCTION, Prefecture.OKINAWA,
        MissingFigure.MEDIAN), 0);
    ImmutableMap<Prefecture, Integer> firms =
        FIGURES.allocate(1_000, Weight.DEVICE_PRODUCTION, MissingFigure.MEDIAN);
    assertEquals(firms.get(Prefecture.OKINAWA), firms.get(Prefecture.HOKKAIDO));
    assertTrue(firms.get(Prefecture.OKINAWA) > firms.get(Prefecture.GUNMA));
  }

  @Test
  void withoutANationalTotalTheResidualRuleFallsBackToTheMedian() {
    String file = fileWith(row -> row.startsWith("00\t") ? "00\t全国\t\t\t\t" : row);
    PrefectureFigures noTotal = PrefectureFigures.read("no-total.tsv", new StringReader(file));
    assertTrue(noTotal.nationalDeviceProductionMillionYen().isEmpty());
    assertEquals(32_930, noTotal.weight(Weight.DEVICE_PRODUCTION, Prefecture.OKINAWA), 0);
  }

  @Test
  void unreadPrefecturesGetTheirFirmsFromTheDefaultWeight() {
    ImmutableMap<Prefecture, Integer> firms = FIGURES.allocate(15_000, Weight.DEVICE_PRODUCTION);
    for (Prefecture p : NOT_READ) {
      assertEquals(firms.get(Prefecture.HOKKAIDO), firms.get(p), p.nameJa());
    }
    assertTrue(firms.get(Prefecture.HOKKAIDO) < firms.get(Prefecture.TOTTORI));
    assertTrue(firms.get(Prefecture.HOKKAIDO) > PrefectureFigures.FLOOR);
  }

  // --- allocation ----------------------------------------------------------------------------

  @Test
  void firmsFollowTheWeightWhenTheTotalIsLarge() {
    int total = 1_000_047;
    ImmutableMap<Prefecture, Integer> firms = FIGURES.allocate(total, Weight.DEVICE_PRODUCTION);
    for (Prefecture p : Prefecture.values()) {
      double exact = 1 + FIGURES.weight(Weight.DEVICE_PRODUCTION, p) / NATIONAL_2014 * 1_000_000;
      assertEquals(exact, firms.get(p), 1.0, p.nameJa());
    }
  }

  @Test
  void theJavadocExampleHolds() {
    ImmutableMap<Prefecture, Integer> firms = FIGURES.allocate(15_000, Weight.DEVICE_PRODUCTION);
    assertEquals(2_906, firms.get(Prefecture.SHIZUOKA));
    assertEquals(981, firms.get(Prefecture.FUKUSHIMA));
    assertEquals(24, firms.get(Prefecture.HOKKAIDO));
  }

  @Test
  void theSmallestTotalGivesEveryPrefectureOneFirm() {
    ImmutableMap<Prefecture, Integer> firms = FIGURES.allocate(47, Weight.DEVICE_PRODUCTION);
    assertTrue(firms.values().stream().allMatch(n -> n == 1), firms.toString());
  }

  @Test
  void fewerThan47FirmsAreRefusedNamingTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FIGURES.allocate(46, Weight.DEVICE_PRODUCTION));
    assertTrue(e.getMessage().contains("46") && e.getMessage().contains("at least 47"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FIGURES.allocate(-5, Weight.DEVICE_PRODUCTION));
  }

  @Test
  void leftoverFirmsGoToTheLargestRemaindersAndEqualRemaindersByJisCode() {
    // 47 equal weights and 3 firms beyond the floor: the three lowest codes get them
    PrefectureFigures equal = PrefectureFigures.read("equal.tsv", new StringReader(
        fileWith(row -> row.startsWith("00\t") ? "00\t全国\t\t\t\t"
            : row.replaceFirst("^(\\d\\d\t[^\t]+)\t[^\t]*\t[^\t]*", "$1\t100\t2014"))));
    ImmutableMap<Prefecture, Integer> firms = equal.allocate(50, Weight.DEVICE_PRODUCTION);
    for (Prefecture p : Prefecture.values()) {
      assertEquals(p.code() <= 3 ? 2 : 1, firms.get(p), p.nameJa());
    }
  }

  @Property
  void allocationAddsUpToTheTotalWithEveryPrefectureAtLeastTheFloor(
      @ForAll @IntRange(min = 47, max = 1_000_000) int total) {
    ImmutableMap<Prefecture, Integer> firms = FIGURES.allocate(total, Weight.DEVICE_PRODUCTION);
    assertEquals(47, firms.size());
    assertEquals(total, firms.values().stream().mapToLong(Integer::longValue).sum());
    assertTrue(firms.values().stream().allMatch(n -> n >= PrefectureFigures.FLOOR));
    assertEquals(firms, FIGURES.allocate(total, Weight.DEVICE_PRODUCTION), "deterministic");
  }

  @Property
  void aLargerWeightNeverGetsFewerFirms(@ForAll @IntRange(min = 47, max = 1_000_000) int total) {
    assertMonotone(FIGURES, FIGURES.allocate(total, Weight.DEVICE_PRODUCTION));
  }

  @Property
  void anyFiguresSplitAnyTotalExactlyAndMonotonically(@ForAll("columns") List<Integer> column,
      @ForAll @IntRange(min = 47, max = 1_000_000) int total) {
    PrefectureFigures figures = PrefectureFigures.read("generated.tsv",
        new StringReader(fileOf(column)));
    ImmutableMap<Prefecture, Integer> firms = figures.allocate(total, Weight.DEVICE_PRODUCTION);
    assertEquals(total, firms.values().stream().mapToLong(Integer::longValue).sum());
    assertTrue(firms.values().stream().allMatch(n -> n >= PrefectureFigures.FLOOR));
    assertMonotone(figures, firms);
  }

  @Provide
  Arbitrary<List<Integer>> columns() {
    // small values make equal weights and equal remainders common; some cells empty
    return Arbitraries.oneOf(Arbitraries.integers().between(0, 5),
            Arbitraries.integers().between(0, 10_000_000))
        .injectNull(0.2)
        .list().ofSize(47)
        .filter(l -> l.stream().anyMatch(v -> v != null && v > 0));
  }

  private static void assertMonotone(PrefectureFigures figures, ImmutableMap<Prefecture, Integer> firms) {
    double[] weights = new double[47];
    for (Prefecture p : Prefecture.values()) {
      weights[p.ordinal()] = figures.weight(Weight.DEVICE_PRODUCTION, p);
    }
    for (Prefecture a : Prefecture.values()) {
      for (Prefecture b : Prefecture.values()) {
        if (weights[a.ordinal()] > weights[b.ordinal()]) {
          assertTrue(firms.get(a) >= firms.get(b), a + " " + firms.get(a) + " < " + b + " "
              + firms.get(b) + " in " + firms);
        }
      }
    }
  }

  // --- strict reading ------------------------------------------------------------------------

  @Test
  void aBrokenShippedFileIsAnIllegalStateNamingTheLineAndField() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> PrefectureFigures.fromResource("broken-prefecture-figures.tsv"));
    assertTrue(e.getMessage().contains("line 5") && e.getMessage().contains("device_production_million_yen")
        && e.getMessage().contains("'X'"), e.getMessage());
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> PrefectureFigures.fromResource("no-such-file.tsv"));
    assertTrue(missing.getMessage().contains("no-such-file.tsv"), missing.getMessage());
  }

  @Test
  void aConfidentialMarkIsRefusedTellingToLeaveTheCellEmpty() {
    assertRefused(row -> row.startsWith("07\t") ? "07\t福島県\tX\t2014\t\t" : row,
        "line 41", "07 福島県", "device_production_million_yen", "'X'", "empty");
    assertRefused(row -> row.startsWith("07\t") ? "07\t福島県\t130,344\t2014\t\t" : row,
        "line 41", "'130,344'");
    assertRefused(row -> row.startsWith("07\t") ? "07\t福島県\t-5\t2014\t\t" : row,
        "line 41", "'-5'");
  }

  @Test
  void aYearAfter2016OrUnlikeTheColumnsOrWithoutItsFigureIsRefused() {
    assertRefused(row -> row.startsWith("07\t") ? "07\t福島県\t130344\t2017\t\t" : row,
        "line 41", "device_production_year", "2016", "2017");
    assertRefused(row -> row.startsWith("07\t") ? "07\t福島県\t130344\t2013\t\t" : row,
        "line 41", "device_production_year", "2013", "2014");
    assertRefused(row -> row.startsWith("07\t") ? "07\t福島県\t130344\t\t\t" : row,
        "line 41", "device_production_year", "together");
    assertRefused(row -> row.startsWith("01\t") ? "01\t北海道\t\t2014\t\t" : row,
        "line 35", "01 北海道", "device_production_million_yen");
    assertRefused(row -> row.startsWith("01\t") ? "01\t北海道\t\t\t5464\t14" : row,
        "line 35", "establishments_year", "'14'");
  }

  @Test
  void namesMustBeThoseOfPrefectureNameJa() {
    assertRefused(row -> row.startsWith("22\t") ? row.replace("静岡県", "静岡") : row,
        "line 56", "field prefecture", "'静岡県'", "'静岡'");
  }

  @Test
  void rowsMustBe00Then01To47InOrderEachOnce() {
    assertRefused(row -> row.startsWith("00\t") ? row.replace("00\t", "99\t") : row,
        "line 34", "00", "全国");
    assertRefused(row -> row.startsWith("03\t") ? row.replace("03\t岩手県", "04\t宮城県") : row,
        "line 37", "field code must be 03");
    assertRefused(row -> row.startsWith("47\t") ? null : row, "ends after 46 prefecture rows",
        "47 沖縄県");
    assertRefused(row -> row.startsWith("47\t") ? row + "\n48\t外国\t\t\t\t" : row, "line 82",
        "'48'", "after the 47th");
    assertRefused(row -> row.startsWith("05\t") ? row + "\t" : row, "line 39", "6",
        "has 7");
  }

  @Test
  void theHeaderMustBeExact() {
    assertRefused(row -> row.startsWith("code\t") ? row.replace("code", "jis") : row, "line 33",
        "header");
    assertRefused(row -> row.startsWith("code\t") ? null : row, "line 33", "header");
  }

  @Test
  void figuresAboveTheNationalTotalAreRefused() {
    assertRefused(row -> row.startsWith("00\t") ? "00\t全国\t1900000\t2014\t\t" : row,
        "device_production_million_yen", "1949579", "1900000");
  }

  @Test
  void aCompleteColumnMustAddUpToItsNationalTotalWithinRounding() {
    // 47 counts of 100 and a national total of 4,700: exact; 4,701 is not (counts are not rounded)
    String complete = fileWith(row -> row.startsWith("00\t") ? "00\t全国\t\t\t4700\t2014"
        : row.matches("^\\d\\d\t.*") ? row.replaceFirst("\t[^\t]*\t[^\t]*$", "\t100\t2014") : row);
    PrefectureFigures figures = PrefectureFigures.read("complete.tsv", new StringReader(complete));
    assertEquals(100, figures.manufacturingEstablishments(Prefecture.OKINAWA).getAsInt());
    assertEquals(2014, figures.establishmentsYear().getAsInt());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PrefectureFigures.read("complete.tsv",
            new StringReader(complete.replace("\t4700\t2014", "\t4701\t2014"))));
    assertTrue(e.getMessage().contains("manufacturing_establishments")
        && e.getMessage().contains("4700") && e.getMessage().contains("4701"), e.getMessage());
    // production values are rounded to a million yen, so each may be half a unit off
    String production = fileWith(row -> row.startsWith("00\t") ? "00\t全国\t4710\t2014\t\t"
        : row.matches("^\\d\\d\t.*") ? row.replaceFirst("^(\\d\\d\t[^\t]+)\t[^\t]*\t[^\t]*",
            "$1\t100\t2014") : row);
    PrefectureFigures.read("rounded.tsv", new StringReader(production));
    assertThrows(IllegalArgumentException.class, () -> PrefectureFigures.read("rounded.tsv",
        new StringReader(production.replace("\t4710\t2014", "\t4730\t2014"))));
  }

  // --- helpers -------------------------------------------------------------------------------

  private static double number(String printed) {
    return Double.parseDouble(printed.replace(",", ""));
  }

  private static String standardText() {
    try (InputStream in = PrefectureFigures.class.getResourceAsStream(PrefectureFigures.RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The standard file with each line passed through {@code edit} (null drops the line). */
  private static String fileWith(java.util.function.UnaryOperator<String> edit) {
    List<String> lines = new ArrayList<>();
    for (String line : standardText().split("\n", -1)) {
      String edited = line.isEmpty() ? line : edit.apply(line);
      if (edited != null) {
        lines.add(edited);
      }
    }
    return String.join("\n", lines);
  }

  /** A file whose production column is {@code column} (null: empty cell), without a total. */
  private static String fileOf(List<Integer> column) {
    StringBuilder b = new StringBuilder(PrefectureFigures.HEADER).append("\n00\t全国\t\t\t\t\n");
    for (Prefecture p : Prefecture.values()) {
      Integer v = column.get(p.ordinal());
      b.append(p.jisCode()).append('\t').append(p.nameJa()).append('\t')
          .append(v == null ? "" : v + "\t2014").append(v == null ? "\t" : "").append("\t\t\n");
    }
    return b.toString();
  }

  private static void assertRefused(java.util.function.UnaryOperator<String> edit,
      String... expected) {
    String file = fileWith(edit);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PrefectureFigures.read("edited.tsv", new StringReader(file)));
    for (String part : expected) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
    }
    assertTrue(e.getMessage().startsWith("edited.tsv"), e.getMessage());
  }
}
