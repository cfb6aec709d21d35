package io.github.renkei.cluster.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Specification of {@link Licence}: an open value type whose identity is its code. */
class LicenceTest {

  @Test
  void licencesWithTheSameCodeAreEqualWhateverTheirLabels() {
    Licence a = Licence.of("jp.pmd.mah.1", "first-class licence");
    Licence b = Licence.of("jp.pmd.mah.1", "第一種医療機器製造販売業許可");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(JapanPmdAct.MAH_FIRST_CLASS, a);
    assertEquals(1, Set.of(a).size());
    assertTrue(Set.of(a).contains(b));
  }

  @Test
  void licencesWithDifferentCodesDifferEvenWithTheSameLabel() {
    assertNotEquals(Licence.of("x", "same"), Licence.of("y", "same"));
    assertNotEquals(Licence.of("x", "same"), Licence.of("X", "same"));
    assertNotEquals(Licence.of("x", "same"), "x");
  }

  @Test
  void codeAndLabelAreKeptAndTheLabelIsStripped() {
    Licence l = Licence.of("eu.mdr:ce-2_0", "  CE mark  ");
    assertEquals("eu.mdr:ce-2_0", l.code());
    assertEquals("CE mark", l.label());
    assertEquals("eu.mdr:ce-2_0", l.toString());
  }

  @Test
  void licencesOrderByCode() {
    TreeSet<Licence> sorted = new TreeSet<>(Set.of(Licence.of("b", "B"), Licence.of("a", "Z"), Licence.of("c", "A")));
    assertEquals("[a, b, c]", sorted.toString());
  }

  @Test
  void aCodeOf128CharactersIsAccepted() {
    assertEquals(128, Licence.of("a".repeat(128), "long").code().length());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", " jp", "jp ", "-jp", ".jp", "_jp", "jp pmd", "jp/pmd", "日本", "jp\tpmd", "jp,pmd"})
  void malformedCodesAreRejectedNamingTheValue(String code) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Licence.of(code, "label"));
    assertTrue(e.getMessage().contains("'" + code + "'"), e.getMessage());
  }

  @Test
  void aCodeLongerThan128CharactersIsRejectedNamingTheValue() {
    String code = "a".repeat(129);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Licence.of(code, "label"));
    assertTrue(e.getMessage().contains(code), e.getMessage());
  }

  @Test
  void aBlankLabelIsRejectedNamingTheCode() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Licence.of("jp.x", "  "));
    assertTrue(e.getMessage().contains("jp.x"), e.getMessage());
  }

  @Test
  void nullCodeOrLabelIsRejected() {
    assertThrows(NullPointerException.class, () -> Licence.of(null, "label"));
    assertThrows(NullPointerException.class, () -> Licence.of("jp.x", null));
  }
}
