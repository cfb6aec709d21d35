package io.github.renkei.cluster.model;

import static io.github.renkei.cluster.model.Fixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.regulation.Role;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RelationshipTest {

  @Test
  void isActiveFromItsStartToItsEndInclusive() {
    Relationship r = Relationship.of(id("a"), RelationshipType.OEM, id("b"), 2010, 2012);
    assertFalse(r.isActiveIn(2009));
    assertTrue(r.isActiveIn(2010));
    assertTrue(r.isActiveIn(2012));
    assertFalse(r.isActiveIn(2013));
    Relationship open = Relationship.of(id("a"), RelationshipType.OEM, id("b"), 2010);
    assertEquals(OptionalInt.empty(), open.endYear());
    assertTrue(open.isActiveIn(3000));
    assertEquals("a -[OEM]-> b (2010–2012)", r.toString());
    assertEquals("a -[OEM]-> b (2010–)", open.toString());
  }

  @Test
  void aSingleYearTieIsValid() {
    assertEquals(OptionalInt.of(2011), Relationship.of(id("a"), RelationshipType.FUNDING, id("b"), 2011, 2011).endYear());
  }

  @Test
  void selfTieAndEndBeforeStartAreReportedTogether() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> Relationship.builder(id("a"), RelationshipType.ODM, id("a")).startYear(2015).endYear(2014).build());
    assertEquals(List.of(ProblemKind.SELF_TIE, ProblemKind.END_BEFORE_START),
        e.problems().stream().map(Problem::kind).toList());
    assertTrue(e.getMessage().contains("end year 2014 is before start year 2015"), e.getMessage());
  }

  @Test
  void missingOrImpossibleYearsAreProblems() {
    ValidationException missing = assertThrows(ValidationException.class,
        () -> Relationship.builder(id("a"), RelationshipType.SUPPORT, id("b")).build());
    assertTrue(missing.getMessage().contains("start year is not set"), missing.getMessage());
    ValidationException zero = assertThrows(ValidationException.class,
        () -> Relationship.of(id("a"), RelationshipType.SUPPORT, id("b"), 0));
    assertEquals(ProblemKind.YEAR_OUT_OF_RANGE, zero.problems().get(0).kind());
    assertTrue(zero.getMessage().contains("but was 0"), zero.getMessage());
  }

  @Test
  void equalityCoversAllFiveFields() {
    Relationship r = Relationship.of(id("a"), RelationshipType.OEM, id("b"), 2010);
    assertEquals(r, Relationship.of(OrganizationId.of("a"), RelationshipType.OEM, OrganizationId.of("b"), 2010));
    assertEquals(r.hashCode(), Relationship.of(id("a"), RelationshipType.OEM, id("b"), 2010).hashCode());
    assertNotEquals(r, Relationship.of(id("b"), RelationshipType.OEM, id("a"), 2010));
    assertNotEquals(r, Relationship.of(id("a"), RelationshipType.ODM, id("b"), 2010));
    assertNotEquals(r, Relationship.of(id("a"), RelationshipType.OEM, id("b"), 2011));
    assertNotEquals(r, Relationship.of(id("a"), RelationshipType.OEM, id("b"), 2010, 2010));
  }

  @Test
  void supplyTiesAreVerticalOrHorizontalAndNameTheSuppliersRole() {
    assertTrue(RelationshipType.PARTS_SUPPLY.isVertical());
    assertTrue(RelationshipType.OEM.isVertical());
    assertTrue(RelationshipType.ODM.isHorizontal());
    assertTrue(RelationshipType.CO_DEVELOPMENT.isHorizontal());
    for (RelationshipType t : RelationshipType.values()) {
      assertEquals(t.isSupply(), t.orientation().isPresent(), t.name());
      assertEquals(t.isSupply(), t.supplierRole().isPresent(), t.name());
    }
    assertEquals(Optional.of(Role.CONTRACT_MANUFACTURER), RelationshipType.OEM.supplierRole());
    for (NeedKind k : NeedKind.values()) {
      assertEquals(k.relationshipType().supplierRole(), Optional.of(k.supplierRole()), k.name());
    }
  }
}
