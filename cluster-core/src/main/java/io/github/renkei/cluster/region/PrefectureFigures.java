package io.github.renkei.cluster.region;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Public prefecture-level figures up to 2016 for building a nationwide world, and the split of a
 * number of synthetic firms among the 47 prefectures in proportion to one of them.
 *
 * <pre>{@code
 * PrefectureFigures figures = PrefectureFigures.standard();
 * figures.deviceProductionMillionYen(Prefecture.FUKUSHIMA);  // 130,344 (million yen, 2014)
 * figures.deviceProductionMillionYen(Prefecture.HOKKAIDO);   // empty: not read from the source
 * ImmutableMap<Prefecture, Integer> firms =
 *     figures.allocate(15_000, PrefectureFigures.Weight.DEVICE_PRODUCTION);
 * firms.get(Prefecture.SHIZUOKA);                            // 2,906
 * firms.get(Prefecture.FUKUSHIMA);                           // 981
 * firms.get(Prefecture.HOKKAIDO);                            // 24 (the documented default weight)
 * }</pre>
 *
 * <h2>Sources</h2>
 *
 * <p>The {@linkplain #standard() standard figures} are the library's file {@code
 * prefecture-figures.tsv}, whose header ({@link #sources()}) names each source with its URL and
 * terms of use:
 *
 * <ul>
 *   <li>Medical-device production value (医療機器生産金額, million yen) by prefecture for the calendar
 *       year 2014: 厚生労働省, 平成26年薬事工業生産動態統計年報, 第40表 都道府県別医療機器生産金額,
 *       <a href="https://www.mhlw.go.jp/topics/yakuji/2014/nenpo/40.html">mhlw.go.jp</a>, under
 *       terms that follow the 政府標準利用規約 (第2.0版), compatible with CC BY 4.0. The 34
 *       prefectures ranked 1 to 34 were read; the 13 ranked 35 to 47 (北海道, 新潟, 富山, 福井, 三重,
 *       和歌山, 徳島, 香川, 愛媛, 佐賀, 長崎, 鹿児島, 沖縄) were not, and have no figure. Together they
 *       make the national total less the rows read: 39,918 of 1,989,497 million yen.
 *   <li>Manufacturing establishments: no figure in the standard file (no full public table was
 *       read), so {@link Weight} has no constant for them yet; {@link
 *       #manufacturingEstablishments(Prefecture)} is empty for every prefecture.
 * </ul>
 *
 * <h2>Caveats</h2>
 *
 * <ul>
 *   <li>Production value is counted where finished devices are made (the 製造所), not where their
 *       parts and materials are made nor where the maker has its head office: a prefecture of
 *       parts suppliers (Fukushima's cluster is one) looks smaller than its supply chain is.
 *   <li>Establishment counts, where a file has them, are of all manufacturing, not of medical
 *       devices.
 *   <li>One year's figures stand for the whole period a model simulates.
 * </ul>
 *
 * <h2>The file</h2>
 *
 * <p>UTF-8, tab-separated: {@code #} comment lines (the sources), the header {@value #HEADER},
 * the row {@code 00 全国} (the national totals as the sources print them, or empty cells), then
 * one row per prefecture in JIS X 0401 order 01 to 47, each named exactly as {@link
 * Prefecture#nameJa()} (full names with 都, 道, 府 or 県: the sources' short names are mapped
 * once, in the file, so a reader sees which prefecture a number belongs to). A figure is a
 * number without sign or separators, or an empty cell where the source gives none or marks it
 * confidential ({@code X}, {@code -}, {@code …}): an empty cell is never read as zero. A year
 * accompanies each figure, one year per column, never after {@value #LAST_YEAR}. Where a
 * column has a national total, the prefectures' figures may not exceed it by more than
 * rounding, and must equal it within rounding when none is missing (production values are
 * printed rounded to a million yen, so each may be half a unit off; counts are exact).
 *
 * <h2>Prefectures without a figure</h2>
 *
 * <p>{@link #allocate(int, Weight)} gives a prefecture without a figure a weight by the
 * documented default {@link #DEFAULT_MISSING_FIGURE}: an equal share of what the national
 * total leaves after the figures read ({@link MissingFigure#RESIDUAL_SHARE}), or, in a column
 * without a national total, the median of the figures read ({@link MissingFigure#MEDIAN}). For
 * the standard production figures the residual share is 39,918 / 13 = 3,070.6 million yen,
 * below the smallest figure read (9,027), as the source's ordering requires; the median (32,930)
 * would give each of the 13 more weight than 17 prefectures the source ranks above them.
 * {@link #allocate(int, Weight, MissingFigure)} takes the rule explicitly.
 */
public final class PrefectureFigures {

  /** The last year a figure may be of: observed series stop at 2016. */
  public static final int LAST_YEAR = 2016;

  /** Every prefecture gets at least this many firms from {@link #allocate(int, Weight)}. */
  public static final int FLOOR = 1;

  /** How a prefecture without a figure is weighted unless the caller says otherwise. */
  public static final MissingFigure DEFAULT_MISSING_FIGURE = MissingFigure.RESIDUAL_SHARE;

  /** The file's header line (its fields separated by tabs). */
  public static final String HEADER =
      "code\tprefecture\tdevice_production_million_yen\tdevice_production_year"
          + "\tmanufacturing_establishments\testablishments_year";

  /** The standard file, next to this class. */
  static final String RESOURCE = "prefecture-figures.tsv";

  private static final String NATIONAL_CODE = "00";
  private static final String NATIONAL_NAME = "全国";
  private static final int FIRST_YEAR = 1900;
  private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");
  private static final Pattern WHOLE = Pattern.compile("[0-9]+");
  private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
  private static final int PREFECTURES = Prefecture.values().length;

  private static final Supplier<PrefectureFigures> STANDARD =
      Suppliers.memoize(() -> fromResource(RESOURCE));

  /** A figure that {@link #allocate(int, Weight)} can split firms by. */
  public enum Weight {
    /** Medical-device production value (million yen) by prefecture. */
    DEVICE_PRODUCTION
  }

  /** How a prefecture without a figure is weighted in {@link #allocate(int, Weight, MissingFigure)}. */
  public enum MissingFigure {
    /**
     * An equal share of the national total less the figures read, when the column has a national
     * total (a remainder a little below zero from rounding counts as zero); the median of the
     * figures read, like {@link #MEDIAN}, when it has none.
     */
    RESIDUAL_SHARE,
    /**
     * The median of the figures read (the mean of the two middle ones when their number is
     * even).
     */
    MEDIAN
  }

  private final Column production;
  private final Column establishments;
  private final String sources;

  private PrefectureFigures(Column production, Column establishments, String sources) {
    this.production = production;
    this.establishments = establishments;
    this.sources = sources;
  }

  /**
   * The figures shipped with the library ({@code prefecture-figures.tsv}), read once and kept.
   *
   * @return the standard figures
   * @throws IllegalStateException naming the line and the field if the shipped file is missing or
   *     broken
   */
  public static PrefectureFigures standard() {
    return STANDARD.get();
  }

  /** Reads a file next to this class; a broken one is the library's fault, not the caller's. */
  static PrefectureFigures fromResource(String name) {
    InputStream in = PrefectureFigures.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("resource " + name + " is missing from the library");
    }
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return read(name, r);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads figures in the file format described above.
   *
   * @param file the file's name, for messages
   * @param reader the text
   * @return the figures
   * @throws IllegalArgumentException naming the file, the line and the field on a wrong header,
   *     a missing, extra or misplaced row, a wrong code or name, a figure that is not a number
   *     (a sign, a separator or a confidentiality mark), a figure without a year or a year
   *     without a figure, a year after {@value #LAST_YEAR} or unlike the column's other years,
   *     or prefectures' figures that do not add up to the national total
   * @throws UncheckedIOException if reading fails
   */
  public static PrefectureFigures read(String file, Reader reader) {
    checkNotNull(file, "file");
    BufferedReader in = new BufferedReader(checkNotNull(reader, "reader"));
    StringBuilder sources = new StringBuilder();
    ColumnReader production = new ColumnReader(file, "device_production_million_yen",
        "device_production_year", false, 0.5);
    ColumnReader establishments = new ColumnReader(file, "manufacturing_establishments",
        "establishments_year", true, 0);
    int lineNumber = 0;
    boolean header = false;
    int row = 0;
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (!header) {
          if (line.startsWith("#")) {
            if (sources.length() > 0) {
              sources.append('\n');
            }
            sources.append(line.substring(line.startsWith("# ") ? 2 : 1));
            continue;
          }
          if (!line.equals(HEADER)) {
            throw new IllegalArgumentException(String.format(
                "%s line %d: the header must be '%s' but was '%s'", file, lineNumber,
                HEADER.replace("\t", "<tab>"), line.replace("\t", "<tab>")));
          }
          header = true;
          continue;
        }
        String[] fields = line.split("\t", -1);
        if (fields.length != 6) {
          throw new IllegalArgumentException(String.format(
              "%s line %d: a row has 6 tab-separated fields but this one has %d: '%s'", file,
              lineNumber, fields.length, line.replace("\t", "<tab>")));
        }
        Optional<Prefecture> prefecture = rowPrefecture(file, lineNumber, row, fields[0], fields[1]);
        production.add(lineNumber, prefecture, fields[2], fields[3]);
        establishments.add(lineNumber, prefecture, fields[4], fields[5]);
        row++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!header) {
      throw new IllegalArgumentException(String.format(
          "%s: no header line '%s'", file, HEADER.replace("\t", "<tab>")));
    }
    if (row < PREFECTURES + 1) {
      String expected = row == 0
          ? NATIONAL_CODE + " " + NATIONAL_NAME
          : Prefecture.ofCode(row).jisCode() + " " + Prefecture.ofCode(row).nameJa();
      throw new IllegalArgumentException(String.format(
          "%s line %d: the file ends after %d prefecture rows; the next row must be %s (rows"
              + " 00 %s, then 01 to 47)", file, lineNumber, Math.max(0, row - 1), expected,
          NATIONAL_NAME));
    }
    return new PrefectureFigures(production.finish(lineNumber), establishments.finish(lineNumber),
        sources.toString());
  }

  /** The prefecture a row stands for (empty for the national row), checked against its place. */
  private static Optional<Prefecture> rowPrefecture(String file, int line, int row, String code, String name) {
    if (row == 0) {
      if (!code.equals(NATIONAL_CODE) || !name.equals(NATIONAL_NAME)) {
        throw new IllegalArgumentException(String.format(
            "%s line %d: the first row must be '%s<tab>%s' (the national totals) but was"
                + " code '%s', prefecture '%s'", file, line, NATIONAL_CODE, NATIONAL_NAME, code,
            name));
      }
      return Optional.empty();
    }
    if (row > PREFECTURES) {
      throw new IllegalArgumentException(String.format(
          "%s line %d: code '%s' after the 47th prefecture; the file has rows 00 and 01 to 47"
              + " only", file, line, code));
    }
    Prefecture expected = Prefecture.ofCode(row);
    if (!code.equals(expected.jisCode())) {
      throw new IllegalArgumentException(String.format(
          "%s line %d: field code must be %s (%s; rows in JIS order 01 to 47, each once) but"
              + " was '%s'", file, line, expected.jisCode(), expected.nameJa(), code));
    }
    if (!name.equals(expected.nameJa())) {
      throw new IllegalArgumentException(String.format(
          "%s line %d: field prefecture of code %s must be '%s' (Prefecture#nameJa) but was"
              + " '%s'", file, line, code, expected.nameJa(), name));
    }
    return Optional.of(expected);
  }

  /**
   * Returns the medical-device production value of a prefecture, in million yen.
   *
   * @param prefecture the prefecture
   * @return the value for {@link #productionYear()}, or empty where no figure was read
   */
  public OptionalDouble deviceProductionMillionYen(Prefecture prefecture) {
    return production.figure(checkNotNull(prefecture, "prefecture"));
  }

  /**
   * Returns the national medical-device production value, in million yen, as the source prints
   * it (not the sum of the prefectures' figures).
   *
   * @return the national total, or empty if the file gives none
   */
  public OptionalDouble nationalDeviceProductionMillionYen() {
    return production.national;
  }

  /**
   * Returns the number of manufacturing establishments (all manufacturing) in a prefecture.
   *
   * @param prefecture the prefecture
   * @return the count for {@link #establishmentsYear()}, or empty where no figure was read (every
   *     prefecture in the standard file)
   */
  public OptionalInt manufacturingEstablishments(Prefecture prefecture) {
    OptionalDouble figure = establishments.figure(checkNotNull(prefecture, "prefecture"));
    return figure.isPresent() ? OptionalInt.of((int) figure.getAsDouble()) : OptionalInt.empty();
  }

  /**
   * Returns the year of the production figures.
   *
   * @return the calendar year, at most {@value #LAST_YEAR} (2014 in the standard file)
   * @throws IllegalStateException if the file has no production figure
   */
  public int productionYear() {
    if (production.year.isEmpty()) {
      throw new IllegalStateException("the figures have no device production value, so no year");
    }
    return production.year.getAsInt();
  }

  /**
   * Returns the year of the establishment counts.
   *
   * @return the calendar year, at most {@value #LAST_YEAR}, or empty if the file has no count (the
   *     standard file has none)
   */
  public OptionalInt establishmentsYear() {
    return establishments.year;
  }

  /**
   * Returns the sources as the file's header comment states them: titles, publishers, tables,
   * years, URLs, terms of use and what was not read.
   *
   * @return the comment text, one line per comment line, without the leading {@code #}
   */
  public String sources() {
    return sources;
  }

  /**
   * Returns the figure a weight stands for, or the default weight of a prefecture without one.
   *
   * @param weight the weight
   * @param prefecture the prefecture
   * @param missing how a prefecture without a figure is weighted
   * @return the weight, at least zero
   * @throws IllegalStateException if the prefecture has no figure and the column has no figure
   *     at all to take a default from
   */
  public double weight(Weight weight, Prefecture prefecture, MissingFigure missing) {
    Column column = column(weight);
    OptionalDouble figure = column.figure(checkNotNull(prefecture, "prefecture"));
    return figure.isPresent() ? figure.getAsDouble() : column.missingWeight(missing);
  }

  /**
   * Like {@link #weight(Weight, Prefecture, MissingFigure)} with {@link #DEFAULT_MISSING_FIGURE}.
   *
   * @param weight the weight
   * @param prefecture the prefecture
   * @return the weight, at least zero
   */
  public double weight(Weight weight, Prefecture prefecture) {
    return weight(weight, prefecture, DEFAULT_MISSING_FIGURE);
  }

  /**
   * Splits {@code total} firms among the 47 prefectures in proportion to a weight, with
   * {@link #DEFAULT_MISSING_FIGURE} for prefectures without a figure.
   *
   * @param total the number of firms, at least 47
   * @param weight what to split by
   * @return firms by prefecture, in JIS order, each at least {@value #FLOOR}, summing to {@code
   *     total}
   * @throws IllegalArgumentException naming the value if {@code total} is below 47
   * @see #allocate(int, Weight, MissingFigure)
   */
  public ImmutableMap<Prefecture, Integer> allocate(int total, Weight weight) {
    return allocate(total, weight, DEFAULT_MISSING_FIGURE);
  }

  /**
   * Splits {@code total} firms among the 47 prefectures in proportion to a weight. Each
   * prefecture first gets {@value #FLOOR} firm; the other {@code total - 47} are shared by the
   * largest-remainder (Hamilton) method: each prefecture gets the whole part of its exact quota
   * {@code weight / sum of weights * (total - 47)}, and the firms left over go one each to the
   * largest fractional parts, equal parts by JIS code. Quotas are computed exactly (in decimal,
   * from the weights' binary values), so a prefecture with a larger weight never gets fewer
   * firms, and the result is the same on every machine.
   *
   * @param total the number of firms, at least 47
   * @param weight what to split by
   * @param missing how a prefecture without a figure is weighted
   * @return firms by prefecture, in JIS order, each at least {@value #FLOOR}, summing to {@code
   *     total}
   * @throws IllegalArgumentException naming the value if {@code total} is below 47
   * @throws IllegalStateException if the weight has no figure at all, or every weight is zero
   */
  public ImmutableMap<Prefecture, Integer> allocate(int total, Weight weight, MissingFigure missing) {
    checkNotNull(weight, "weight");
    checkNotNull(missing, "missing");
    checkArgument(total >= FLOOR * PREFECTURES,
        "total must be at least %s (%s firm for each of the 47 prefectures) but was %s",
        FLOOR * PREFECTURES, FLOOR, total);
    Prefecture[] all = Prefecture.values();
    BigDecimal[] weights = new BigDecimal[all.length];
    BigDecimal sum = BigDecimal.ZERO;
    for (Prefecture p : all) {
      weights[p.ordinal()] = new BigDecimal(weight(weight, p, missing));
      sum = sum.add(weights[p.ordinal()]);
    }
    if (sum.signum() == 0) {
      throw new IllegalStateException("every prefecture's " + weight + " weight is zero");
    }
    BigDecimal rest = BigDecimal.valueOf((long) total - (long) FLOOR * PREFECTURES);
    int[] firms = new int[all.length];
    BigDecimal[] remainders = new BigDecimal[all.length];
    long handedOut = 0;
    for (Prefecture p : all) {
      BigDecimal[] quotient = weights[p.ordinal()].multiply(rest).divideAndRemainder(sum);
      firms[p.ordinal()] = quotient[0].intValueExact();
      remainders[p.ordinal()] = quotient[1];
      handedOut += firms[p.ordinal()];
    }
    List<Prefecture> byRemainder = new ArrayList<>(Arrays.asList(all));
    byRemainder.sort(Comparator.comparing((Prefecture p) -> remainders[p.ordinal()])
        .reversed()
        .thenComparingInt(Prefecture::code));
    long left = rest.longValueExact() - handedOut;
    for (int i = 0; i < left; i++) {
      firms[byRemainder.get(i).ordinal()]++;
    }
    EnumMap<Prefecture, Integer> result = new EnumMap<>(Prefecture.class);
    for (Prefecture p : all) {
      result.put(p, FLOOR + firms[p.ordinal()]);
    }
    return Maps.immutableEnumMap(result);
  }

  private Column column(Weight weight) {
    switch (checkNotNull(weight, "weight")) {
      case DEVICE_PRODUCTION:
        return production;
      default:
        throw new AssertionError(weight);
    }
  }

  /**
   * Returns a short summary: the years and how many prefectures have each figure.
   *
   * @return the summary
   */
  @Override
  public String toString() {
    return "PrefectureFigures[device production " + production.summary() + "; manufacturing"
        + " establishments " + establishments.summary() + "]";
  }

  /** One figure's values by prefecture, its national total and its year. */
  private static final class Column {
    final String name;
    final ImmutableMap<Prefecture, Double> figures;
    final OptionalDouble national;
    final OptionalInt year;

    Column(String name, ImmutableMap<Prefecture, Double> figures, OptionalDouble national,
        OptionalInt year) {
      this.name = name;
      this.figures = figures;
      this.national = national;
      this.year = year;
    }

    OptionalDouble figure(Prefecture p) {
      Double v = figures.get(p);
      return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    double missingWeight(MissingFigure missing) {
      if (figures.isEmpty()) {
        throw new IllegalStateException("no prefecture has a " + name + " figure to take a"
            + " default weight from");
      }
      if (missing == MissingFigure.RESIDUAL_SHARE && national.isPresent()) {
        double known = figures.values().stream().mapToDouble(Double::doubleValue).sum();
        return Math.max(0, national.getAsDouble() - known) / (PREFECTURES - figures.size());
      }
      double[] sorted = figures.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
      int n = sorted.length;
      return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    String summary() {
      return year.isPresent()
          ? year.getAsInt() + ": " + figures.size() + " of 47 prefectures"
          : "none";
    }
  }

  /** Collects one figure's column while the rows are read, checking each cell. */
  private static final class ColumnReader {
    final String file;
    final String field;
    final String yearField;
    final boolean whole;
    final double roundingPerFigure;
    final Map<Prefecture, Double> figures = new EnumMap<>(Prefecture.class);
    OptionalDouble national = OptionalDouble.empty();
    OptionalInt year = OptionalInt.empty();
    int yearLine;

    ColumnReader(String file, String field, String yearField, boolean whole,
        double roundingPerFigure) {
      this.file = file;
      this.field = field;
      this.yearField = yearField;
      this.whole = whole;
      this.roundingPerFigure = roundingPerFigure;
    }

    void add(int line, Optional<Prefecture> prefecture, String value, String yearText) {
      String where = prefecture.map(p -> p.jisCode() + " " + p.nameJa())
          .orElse(NATIONAL_CODE + " " + NATIONAL_NAME);
      if (value.isEmpty() != yearText.isEmpty()) {
        throw new IllegalArgumentException(String.format(
            "%s line %d (%s): field %s is '%s' but field %s is '%s'; a figure and its year are"
                + " given together or both left empty", file, line, where, field, value,
            yearField, yearText));
      }
      if (value.isEmpty()) {
        return;
      }
      if (!(whole ? WHOLE : DECIMAL).matcher(value).matches()) {
        throw new IllegalArgumentException(String.format(
            "%s line %d (%s): field %s must be %s without sign or separators, or empty where the"
                + " source gives no figure or marks it confidential, but was '%s'", file, line,
            where, field, whole ? "a whole number" : "a number", value));
      }
      double v = Double.parseDouble(value);
      if (whole && v > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(String.format(
            "%s line %d (%s): field %s is too large: '%s'", file, line, where, field, value));
      }
      if (!YEAR.matcher(yearText).matches()) {
        throw new IllegalArgumentException(String.format(
            "%s line %d (%s): field %s must be a four-digit year but was '%s'", file, line,
            where, yearField, yearText));
      }
      int y = Integer.parseInt(yearText);
      if (y > LAST_YEAR || y < FIRST_YEAR) {
        throw new IllegalArgumentException(String.format(
            "%s line %d (%s): field %s must be from %d to %d (observed series stop at %d) but"
                + " was %d", file, line, where, yearField, FIRST_YEAR, LAST_YEAR, LAST_YEAR, y));
      }
      if (year.isPresent() && year.getAsInt() != y) {
        throw new IllegalArgumentException(String.format(
            "%s line %d (%s): field %s is %d but line %d has %d; a column holds one year's"
                + " figures", file, line, where, yearField, y, yearLine, year.getAsInt()));
      }
      year = OptionalInt.of(y);
      yearLine = line;
      if (prefecture.isPresent()) {
        figures.put(prefecture.get(), v);
      } else {
        national = OptionalDouble.of(v);
      }
    }

    Column finish(int lastLine) {
      if (national.isPresent()) {
        double sum = figures.values().stream().mapToDouble(Double::doubleValue).sum();
        double tolerance = roundingPerFigure * (figures.size() + 1);
        double total = national.getAsDouble();
        if (sum > total + tolerance
            || (figures.size() == PREFECTURES && Math.abs(sum - total) > tolerance)) {
          throw new IllegalArgumentException(String.format(
              "%s line %d: field %s of the %d prefectures with a figure adds up to %s but the"
                  + " national total (row 00) is %s; they may differ by rounding only (%s)%s",
              file, lastLine, field, figures.size(), plain(sum), plain(total), plain(tolerance),
              figures.size() == PREFECTURES ? "" : ", and the prefectures without a figure"
                  + " cannot make up a negative rest"));
        }
      }
      return new Column(field, Maps.immutableEnumMap(figures), national, year);
    }

    private static String plain(double v) {
      return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
  }
}
