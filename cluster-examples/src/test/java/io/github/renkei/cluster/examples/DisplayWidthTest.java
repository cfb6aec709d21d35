package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Terminal columns of mixed Japanese and Latin text (Unicode UAX #11 Wide and Fullwidth count two). */
class DisplayWidthTest {

  @Test
  void latinLettersDigitsAndSpacesTakeOneColumnEach() {
    assertEquals(0, DisplayWidth.of(""));
    assertEquals(11, DisplayWidth.of("Fukushima 1"));
  }

  @Test
  void kanjiKanaAndFullwidthFormsTakeTwoColumns() {
    assertEquals(6, DisplayWidth.of("福島県"));
    assertEquals(8, DisplayWidth.of("ふくしま"));
    assertEquals(8, DisplayWidth.of("カタカナ"));
    assertEquals(4, DisplayWidth.of("ＡＢ"));
    assertEquals(2, DisplayWidth.of("・"));   // the katakana middle dot of 北海道・東北
    assertEquals(2, DisplayWidth.of("　"));   // the ideographic space
    assertEquals(4, DisplayWidth.of("한국"));
  }

  @Test
  void mixedTextAddsUp() {
    assertEquals(2 + 2 * 14, DisplayWidth.of("21あおもり産業総合支援センター"));
    assertEquals(2 * 6 + 1 + 5, DisplayWidth.of("北海道・東北 Kanto"));
  }

  @Test
  void ideographsBeyondTheBasicPlaneTakeTwoColumns() {
    assertEquals(2, DisplayWidth.of("𠀋"));   // U+2000B, CJK extension B: a surrogate pair, one code point
  }

  @Test
  void ambiguousSymbolsTakeOneAndCombiningMarksNone() {
    assertEquals(1, DisplayWidth.of("★"));
    assertEquals(2, DisplayWidth.of("か\u3099"));   // か + combining voiced sound mark draws as が
    assertEquals(1, DisplayWidth.of("e\u0301"));    // e + combining acute accent
    assertEquals(0, DisplayWidth.of("\u200B"));     // zero-width space
  }

  @Test
  void padRightFillsToTheColumnAndNeverCuts() {
    assertEquals("福島県  |", DisplayWidth.padRight("福島県", 8) + "|");
    assertEquals("Aizu    |", DisplayWidth.padRight("Aizu", 8) + "|");
    assertEquals(DisplayWidth.of(DisplayWidth.padRight("ふくしま医療機器", 40)),
        DisplayWidth.of(DisplayWidth.padRight("Fukushima", 40)));
    assertEquals("福島県福島県", DisplayWidth.padRight("福島県福島県", 4));
  }
}
