package io.github.renkei.cluster.examples;

/**
 * How many columns a text takes in a terminal, for tables that mix Japanese and Latin text.
 * {@code String.format("%-20s")} pads by {@code char}s, so a column of kanji ends up twice as wide
 * as one of letters of the same length and everything after it shifts.
 *
 * <p>A code point is two columns wide when its East Asian Width property is Wide (W) or Fullwidth
 * (F) — Unicode Standard Annex #11, "East Asian Width", and its data file EastAsianWidth.txt
 * (https://www.unicode.org/reports/tr11/). The ranges below are those of the scripts and symbols
 * in organization names and tables: CJK ideographs and their extensions, kana, Hangul, CJK
 * punctuation and symbols, fullwidth forms, and the emoji blocks, whose pictographs are mostly
 * Wide; they are a subset of the data file, not a copy of it. Ambiguous characters (★, ○, Greek)
 * count one column, as terminals outside East Asian locales draw them. Combining marks and
 * format characters (zero-width joiners, the voiced-sound combining marks of kana) count zero.
 */
final class DisplayWidth {

  /** Inclusive ranges of Wide and Fullwidth code points, in increasing order. */
  private static final int[][] WIDE = {
      {0x1100, 0x115F},   // Hangul Jamo initial consonants
      {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0}, {0x23F3, 0x23F3},
      {0x25FD, 0x25FE}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693},
      {0x26A1, 0x26A1}, {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE},
      {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5}, {0x26FA, 0x26FA},
      {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728}, {0x274C, 0x274C},
      {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0},
      {0x27BF, 0x27BF}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55},
      {0x2E80, 0x303E},   // CJK radicals, Kangxi radicals, ideographic description, CJK symbols (　。「」)
      {0x3041, 0x33FF},   // hiragana, katakana, bopomofo, Hangul compatibility jamo, kanbun, CJK compatibility
      {0x3400, 0x4DBF},   // CJK unified ideographs extension A
      {0x4E00, 0x9FFF},   // CJK unified ideographs
      {0xA000, 0xA4CF},   // Yi
      {0xA960, 0xA97F},   // Hangul Jamo extended A
      {0xAC00, 0xD7A3},   // Hangul syllables
      {0xF900, 0xFAFF},   // CJK compatibility ideographs
      {0xFE10, 0xFE19},   // vertical forms
      {0xFE30, 0xFE6F},   // CJK compatibility forms, small form variants
      {0xFF00, 0xFF60},   // fullwidth ASCII variants (ＡＢＣ１２３)
      {0xFFE0, 0xFFE6},   // fullwidth signs (￥)
      {0x16FE0, 0x16FE4}, {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF},   // Tangut, kana supplement and extensions
      {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A},
      {0x1F200, 0x1F251},   // enclosed ideographic supplement (🈁)
      {0x1F300, 0x1F64F},   // pictographs and emoticons
      {0x1F680, 0x1F6FF},   // transport and map symbols
      {0x1F900, 0x1F9FF},   // supplemental symbols and pictographs
      {0x20000, 0x2FFFD},   // CJK extensions B–F, compatibility supplement
      {0x30000, 0x3FFFD},   // CJK extensions G–H
  };

  private DisplayWidth() {}

  /**
   * The columns a code point takes: 0, 1 or 2.
   *
   * @param codePoint the code point
   * @return its width in terminal columns
   */
  static int of(int codePoint) {
    int type = Character.getType(codePoint);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
        || type == Character.CONTROL) {
      return 0;
    }
    int lo = 0;
    int hi = WIDE.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (codePoint < WIDE[mid][0]) {
        hi = mid - 1;
      } else if (codePoint > WIDE[mid][1]) {
        lo = mid + 1;
      } else {
        return 2;
      }
    }
    return 1;
  }

  /**
   * The columns a text takes.
   *
   * @param text the text
   * @return the sum of its code points' widths
   */
  static int of(String text) {
    return text.codePoints().map(DisplayWidth::of).sum();
  }

  /**
   * The text followed by spaces up to a width, for a left-aligned column; a text already as wide or
   * wider is returned unchanged, never cut.
   *
   * @param text the text
   * @param width the column's width in terminal columns
   * @return the padded text
   */
  static String padRight(String text, int width) {
    int missing = width - of(text);
    return missing <= 0 ? text : text + " ".repeat(missing);
  }
}
