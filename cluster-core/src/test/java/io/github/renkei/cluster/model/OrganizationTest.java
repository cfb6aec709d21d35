package io.github.renkei.cluster.model;

import static io.github.renkei.cluster.model.Fixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.regulation.ManufacturingStep;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class OrganizationTest {

  private static Organization.Builder firm() {
    return Organization.builder(id("aizu"), "Aizu Precision", OrganizationType.SME_MANUFACTURER, Prefecture.FUKUSHIMA);
  }

  @Test
  void defaultsAreExplicitAndAbsentValuesAreEmpty() {
    Organization o = firm().build();
    assertEquals(0, o.capacity());
    assertEquals(EntryStage.NONE, o.entryStage());
    assertEquals(OptionalInt.empty(), o.employees());
    assertEquals(OptionalInt.empty(), o.foundedYear());
    assertEquals(Optional.empty(), o.nativeName());
    assertTrue(o.capabilities().isEmpty());
    assertFalse(o.isHub());
    assertTrue(o.attributes().isEmpty());
  }

  @Test
  void sectorAndBlockFollowFromTypeAndPrefecture() {
    Organization o = firm().build();
    assertEquals(Sector.INDUSTRY, o.sector());
    assertEquals(RegionBlock.HOKKAIDO_TOHOKU, o.block());
    assertEquals(Sector.ACADEMIA, Organization.builder(id("fmu"), "FMU", OrganizationType.MEDICAL_UNIVERSITY,
        Prefecture.FUKUSHIMA).build().sector());
  }

  @Test
  void buildReportsEveryProblemOfTheOrganizationAtOnce() {
    ValidationException e = assertThrows(ValidationException.class, () -> Organization.builder(
            id("bad"), " ", OrganizationType.CLINIC, Prefecture.AICHI)
        .capacity(-2)
        .employees(-5)
        .foundedYear(0)
        .nativeName("")
        .build());
    List<ProblemKind> kinds = e.problems().stream().map(Problem::kind).toList();
    assertEquals(List.of(ProblemKind.INVALID_VALUE, ProblemKind.INVALID_VALUE, ProblemKind.NEGATIVE_CAPACITY,
        ProblemKind.NEGATIVE_COUNT, ProblemKind.YEAR_OUT_OF_RANGE), kinds);
    assertTrue(e.getMessage().contains("capacity must be >= 0 but was -2"), e.getMessage());
    assertTrue(e.getMessage().contains("employees must be >= 0 but was -5"), e.getMessage());
    assertTrue(e.problems().stream().allMatch(p -> p.ids().get(0).equals("bad")));
  }

  @Test
  void aLotSizeRangeBoundsTheOrdersTaken() {
    Organization any = firm().build();
    assertTrue(any.takesLotSize(1) && any.takesLotSize(1_000_000));
    Organization mid = firm().lotSizes(100, 5_000).build();
    assertFalse(mid.takesLotSize(99));
    assertTrue(mid.takesLotSize(100) && mid.takesLotSize(5_000));
    assertFalse(mid.takesLotSize(5_001));
    assertEquals(OptionalInt.of(100), mid.minLotSize());
    assertEquals(mid, mid.toBuilder().build());
    ValidationException e = assertThrows(ValidationException.class, () -> firm().lotSizes(10, 5).build());
    assertTrue(e.getMessage().contains("[10, 5]"), e.getMessage());
    assertThrows(ValidationException.class, () -> firm().lotSizes(0, 5).build());
  }

  @Test
  void nullArgumentsAreRejectedNamingTheParameter() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> Organization.builder(id("x"), "X", null, Prefecture.AICHI));
    assertTrue(e.getMessage().contains("type"), e.getMessage());
    assertTrue(e.getMessage().contains("'x'"), e.getMessage());
    NullPointerException caps = assertThrows(NullPointerException.class,
        () -> firm().capabilities(Capability.MACHINING, null));
    assertTrue(caps.getMessage().contains("capabilities"), caps.getMessage());
    assertThrows(NullPointerException.class, () -> Organization.builder(null, "X", OrganizationType.CLINIC, Prefecture.AICHI));
  }

  @Test
  void equalFieldsMakeEqualOrganizationsAndSetsIgnoreOrder() {
    Organization a = firm().capabilities(Capability.WELDING, Capability.MACHINING).capacity(3).build();
    Organization b = firm().capabilities(Capability.MACHINING, Capability.WELDING).capacity(3).build();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(List.of(Capability.MACHINING, Capability.WELDING), a.capabilities().asList());
    assertNotEquals(a, firm().capabilities(Capability.MACHINING).capacity(3).build());
    assertNotEquals(a, a.toBuilder().hub(true).build());
  }

  @Test
  void toBuilderRoundTripsEveryField() {
    AttributeKey<String> crm = AttributeKey.of("crm.id", String.class);
    Organization o = firm()
        .nativeName("会津精密")
        .capabilities(Capability.PRECISION_CUTTING)
        .certifications(Certification.ISO_13485)
        .licences(JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY))
        .capacity(3)
        .lotSizes(10, 10_000)
        .employees(48)
        .foundedYear(1972)
        .entryStage(EntryStage.OEM)
        .hub(true)
        .attribute(crm, "C-1042")
        .build();
    assertEquals(o, o.toBuilder().build());
    assertEquals(Optional.of("C-1042"), o.attribute(crm));
    assertTrue(o.holds(Certification.ISO_13485));
    assertTrue(o.holds(JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY)));
    assertTrue(o.has(Capability.PRECISION_CUTTING));
    assertTrue(o.toString().contains("aizu") && o.toString().contains("OEM"), o.toString());
  }

  @Test
  void attributesAreTypedAndCheckedAgainstTheirKey() {
    AttributeKey<Integer> score = AttributeKey.of("score", Integer.class);
    @SuppressWarnings({"unchecked", "rawtypes"})
    AttributeKey<Object> raw = (AttributeKey) score;
    ClassCastException e = assertThrows(ClassCastException.class, () -> firm().attribute(raw, "high"));
    assertTrue(e.getMessage().contains("score") && e.getMessage().contains("java.lang.String"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AttributeKey.of("n", int.class));
    assertEquals(Optional.empty(), firm().build().attribute(score));
    assertNotEquals(AttributeKey.of("score", Integer.class), AttributeKey.of("score", Long.class));
  }

  @Test
  void idsRejectBlankPaddedAndControlText() {
    for (String bad : new String[] {"", " ", " a", "a ", "a\tb", "a\nb"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrganizationId.of(bad));
      assertTrue(e.getMessage().startsWith("organization id"), e.getMessage());
    }
    assertThrows(NullPointerException.class, () -> OrganizationId.of(null));
    assertThrows(IllegalArgumentException.class, () -> OrganizationId.of("x".repeat(257)));
    assertEquals("ふくしま-1", OrganizationId.of("ふくしま-1").toString());
    assertTrue(NeedId.of("n1").compareTo(NeedId.of("n2")) < 0);
  }

  @Test
  void openValueTypesAreEqualByCodeAndKnowTheirStandardCatalogue() {
    assertEquals(Capability.MACHINING, Capability.of("MACHINING", "切削加工"));
    assertEquals("machining", Capability.of("MACHINING").label());
    assertEquals("LASER", Capability.of("LASER").label());
    assertEquals(13, Capability.standard().size());
    assertEquals(Optional.of(Certification.ISO_13485), Certification.standard("ISO_13485"));
    assertEquals(Optional.empty(), Certification.standard("ISO_99999"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Capability.of("bad code", "x"));
    assertTrue(e.getMessage().contains("'bad code'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Certification.of("X", " "));
  }

  @Test
  void entryStagesFormALadder() {
    assertEquals(Optional.of(EntryStage.OEM), EntryStage.PARTS_SUPPLY.next());
    assertEquals(Optional.empty(), EntryStage.OWN_PRODUCT.next());
    assertTrue(EntryStage.ODM.isAtLeast(EntryStage.OEM));
    assertFalse(EntryStage.PARTS_SUPPLY.isAtLeast(EntryStage.OEM));
    assertEquals(Optional.empty(), EntryStage.NONE.role());
  }
}
