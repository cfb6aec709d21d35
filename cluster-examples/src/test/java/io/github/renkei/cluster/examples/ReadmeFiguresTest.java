package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every measured figure the README's opening paragraphs quote is backed by BENCHMARKS.md, where
 * its command, machine and JVM are given: each number with a unit or a ratio there ("26×",
 * "333 ms", "77 MiB", "3 %", "1.3 billion") must appear in BENCHMARKS.md with the same unit,
 * exactly or as a more precise value that rounds to it ("13.90 s" backs "13.9 s").
 *
 * <p>Surefire runs in the module directory, so both files are one level up.
 */
class ReadmeFiguresTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path BENCHMARKS = Path.of("..", "BENCHMARKS.md");
  private static final String OPENING_END = "## Quick start";

  /**
   * A figure: a number not glued to a preceding digit, separator or letter (so "3 %" is not found
   * inside "13 %" and "FY2016" is no figure), blanks of any width, and a unit not followed by a
   * letter or digit (so "7.0 s" is not found in "7.0 steps"). A "×" followed by a number is a
   * dimension ("5,000 × 5,000"), not a ratio.
   */
  private static final Pattern FIGURE = Pattern.compile(
      "(?<![\\p{L}\\d.,])(\\d[\\d,]*(?:\\.\\d+)?)[ \\u00A0\\u2009\\u202F]*"
          + "(×(?![ \\u00A0\\u2009\\u202F]*\\d)|%|ns|µs|ms|s|KiB|MiB|GiB|KB|MB|GB|thousand|million|billion)"
          + "(?![\\p{L}\\d])");

  /** A number with its unit, as written: its digits after the point are its precision. */
  record Figure(String number, String unit) {

    BigDecimal value() {
      return new BigDecimal(number.replace(",", ""));
    }

    /** Whether {@code measured}, rounded to this figure's precision, is this figure. */
    boolean backedBy(Figure measured) {
      BigDecimal quoted = value();
      return unit.equals(measured.unit)
          && measured.value().scale() >= quoted.scale()
          && measured.value().setScale(quoted.scale(), RoundingMode.HALF_UP).equals(quoted);
    }

    @Override
    public String toString() {
      return number + unit;
    }
  }

  @Test
  void everyFigureOfTheReadmeOpeningAppearsInBenchmarks() throws IOException {
    List<Figure> quoted = figures(opening(Files.readString(README, StandardCharsets.UTF_8)));
    List<Figure> measured = figures(Files.readString(BENCHMARKS, StandardCharsets.UTF_8));
    assertFalse(quoted.isEmpty(), "the opening paragraphs of " + README + " quote no figure");

    Set<String> missing = new LinkedHashSet<>();
    for (Figure figure : quoted) {
      if (measured.stream().noneMatch(figure::backedBy)) {
        missing.add(figure.toString());
      }
    }
    assertTrue(missing.isEmpty(), "figures quoted in " + README + " before \"" + OPENING_END
        + "\" that " + BENCHMARKS + " does not contain, exactly or more precisely (measure them"
        + " there with their command, or correct the README): " + missing);
  }

  @Test
  void figuresAreReadWithTheirUnitWhateverTheBlankBetween() {
    assertEquals(List.of("26×", "1.6×", "333ms", "77MiB", "3%", "1.3billion", "13.9s", "1,335ms"),
        written("26× and 1.6 × in 333 ms, 77\u00A0MiB, within 3 % at 1.3 billion; 13.9 s, 1,335 ms"));
  }

  @Test
  void aFigureIsNotFoundInsideALongerNumberOrWordNorInADimension() {
    assertEquals(List.of("13%", "17.0s"), written("13 % of 17.0 s, 7.0 steps, FY2016 ms, 2 sectors"));
    assertEquals(List.of(), written("issue 3, 47 prefectures, 5,000 × 5,000, 2005 to 2030, 1e-14"));
  }

  @Test
  void aMorePreciseMeasurementBacksARoundedQuoteButNotTheOtherWayRound() {
    Figure quoted = figures("13.9 s").get(0);
    assertTrue(quoted.backedBy(figures("13.90 s").get(0)));
    assertTrue(quoted.backedBy(figures("13.94 s").get(0)));
    assertFalse(quoted.backedBy(figures("13.95 s").get(0)));
    assertFalse(quoted.backedBy(figures("13.9 ms").get(0)));
    assertFalse(figures("13.90 s").get(0).backedBy(quoted));
    assertTrue(figures("1.6×").get(0).backedBy(figures("1.55 ×").get(0)));
    assertTrue(figures("475 s").get(0).backedBy(figures("475.4 s").get(0)));
  }

  @Test
  void theOpeningEndsAtQuickStart() {
    assertEquals("intro 26×\n", opening("intro 26×\n## Quick start\n 5 ms"));
  }

  private static String opening(String readme) {
    int end = readme.indexOf(OPENING_END);
    assertTrue(end > 0, README + " has no \"" + OPENING_END + "\" heading to end its opening paragraphs");
    return readme.substring(0, end);
  }

  private static List<Figure> figures(String text) {
    List<Figure> figures = new ArrayList<>();
    Matcher m = FIGURE.matcher(text);
    while (m.find()) {
      figures.add(new Figure(m.group(1), m.group(2)));
    }
    return figures;
  }

  private static List<String> written(String text) {
    return figures(text).stream().map(Figure::toString).toList();
  }
}
