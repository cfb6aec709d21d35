package io.github.renkei.cluster.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Specification of {@link DeviceClass}: the four GHTF/IMDRF risk classes as Japan numbers them. */
class DeviceClassTest {

  @Test
  void thereAreFourClassesOrderedByRisk() {
    assertEquals(4, DeviceClass.values().length);
    assertTrue(DeviceClass.IV.isAtLeast(DeviceClass.III));
    assertTrue(DeviceClass.II.isAtLeast(DeviceClass.II));
    assertFalse(DeviceClass.I.isAtLeast(DeviceClass.II));
  }

  @ParameterizedTest
  @ValueSource(strings = {"II", "2", "class II", "Class II", "CLASS 2", "クラスII", "クラスⅡ", "クラス 2", " II ", "Ⅱ"})
  void parseAcceptsClassTwoInEveryDocumentedSpelling(String text) {
    assertEquals(DeviceClass.II, DeviceClass.parse(text));
  }

  @Test
  void parseAcceptsEveryClassAsRomanArabicAndUnicodeRomanNumeral() {
    assertEquals(DeviceClass.I, DeviceClass.parse("I"));
    assertEquals(DeviceClass.I, DeviceClass.parse("1"));
    assertEquals(DeviceClass.I, DeviceClass.parse("クラスⅠ"));
    assertEquals(DeviceClass.III, DeviceClass.parse("III"));
    assertEquals(DeviceClass.III, DeviceClass.parse("3"));
    assertEquals(DeviceClass.III, DeviceClass.parse("class Ⅲ"));
    assertEquals(DeviceClass.IV, DeviceClass.parse("IV"));
    assertEquals(DeviceClass.IV, DeviceClass.parse("4"));
    assertEquals(DeviceClass.IV, DeviceClass.parse("クラスⅣ"));
  }

  @Property
  void parseInvertsName(@ForAll DeviceClass c) {
    assertEquals(c, DeviceClass.parse(c.name()));
    assertEquals(c, DeviceClass.parse("class " + c.name()));
    assertEquals(c, DeviceClass.parse("クラス" + (c.ordinal() + 1)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"V", "5", "0", "", "class", "クラス", "IIa", "class V", "A", "IIII"})
  void parseRejectsTextThatIsNotAClassNamingIt(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceClass.parse(text));
    assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
  }

  @Test
  void parseRejectsNull() {
    assertThrows(NullPointerException.class, () -> DeviceClass.parse(null));
  }
}
