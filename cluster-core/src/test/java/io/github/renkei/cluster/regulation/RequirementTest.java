package io.github.renkei.cluster.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Specification of {@link Requirement}: a conjunction of clauses, each met by any one of its licences. */
class RequirementTest {

  private static final Licence A = Licence.of("a", "licence A");
  private static final Licence B = Licence.of("b", "licence B");
  private static final Licence C = Licence.of("c", "licence C");
  private static final Licence D = Licence.of("d", "licence D");

  @Test
  void noneHasNoClausesAndIsSatisfiedByAnything() {
    assertTrue(Requirement.none().isNone());
    assertEquals(List.of(), Requirement.none().clauses().asList());
    assertTrue(Requirement.none().isSatisfiedBy(Set.of()));
    assertTrue(Requirement.none().isSatisfiedBy(Set.of(A, B)));
    assertEquals(List.of(), Requirement.none().unmet(Set.of()));
  }

  @Test
  void allOfMakesOneSingleLicenceClausePerLicenceInOrder() {
    Requirement r = Requirement.allOf(A, B);
    assertEquals(List.of(Set.of(A), Set.of(B)), r.clauses().asList());
    assertFalse(r.isNone());
  }

  @Test
  void allOfIsSatisfiedOnlyWhenEveryLicenceIsHeld() {
    Requirement r = Requirement.allOf(A, B);
    assertTrue(r.isSatisfiedBy(Set.of(A, B)));
    assertTrue(r.isSatisfiedBy(Set.of(A, B, C)));
    assertFalse(r.isSatisfiedBy(Set.of(A)));
    assertFalse(r.isSatisfiedBy(Set.of(B)));
    assertFalse(r.isSatisfiedBy(Set.of()));
  }

  @Test
  void anyOfMakesOneClauseOfAlternatives() {
    Requirement r = Requirement.anyOf(A, B);
    assertEquals(List.of(Set.of(A, B)), r.clauses().asList());
  }

  @Test
  void anyOfIsSatisfiedByHoldingAnyOneAlternative() {
    Requirement r = Requirement.anyOf(A, B);
    assertTrue(r.isSatisfiedBy(Set.of(A)));
    assertTrue(r.isSatisfiedBy(Set.of(B)));
    assertTrue(r.isSatisfiedBy(Set.of(A, B)));
    assertFalse(r.isSatisfiedBy(Set.of(C)));
    assertFalse(r.isSatisfiedBy(Set.of()));
  }

  @Test
  void andConcatenatesTheClausesOfBoth() {
    Requirement r = Requirement.anyOf(A, B).and(Requirement.allOf(C));
    assertEquals(List.of(Set.of(A, B), Set.of(C)), r.clauses().asList());
    assertTrue(r.isSatisfiedBy(Set.of(B, C)));
    assertFalse(r.isSatisfiedBy(Set.of(A, B)));
    assertFalse(r.isSatisfiedBy(Set.of(C)));
  }

  @Test
  void andWithNoneIsTheOtherRequirement() {
    Requirement r = Requirement.allOf(A);
    assertSame(r, r.and(Requirement.none()));
    assertSame(r, Requirement.none().and(r));
    assertSame(Requirement.none(), Requirement.none().and(Requirement.none()));
  }

  @Test
  void clausesFormASetSoOrderAndRepetitionDoNotMatter() {
    assertEquals(Requirement.allOf(A, B), Requirement.allOf(B, A));
    assertEquals(Requirement.allOf(A, B).hashCode(), Requirement.allOf(B, A).hashCode());
    assertEquals(Requirement.allOf(A), Requirement.allOf(A, A));
    assertEquals("a", Requirement.allOf(A).and(Requirement.allOf(A)).toString());
    assertEquals(Requirement.anyOf(A, B), Requirement.anyOf(B, A));
  }

  @Test
  void allOfEqualsTheConjunctionOfSingleLicenceRequirements() {
    assertEquals(Requirement.allOf(A, B), Requirement.allOf(A).and(Requirement.allOf(B)));
    assertEquals(Requirement.allOf(A), Requirement.anyOf(A));
  }

  @Test
  void unmetListsTheMissingClausesInOrder() {
    Requirement r = Requirement.allOf(A).and(Requirement.anyOf(B, C)).and(Requirement.allOf(D));
    assertEquals(List.of(Set.of(A), Set.of(B, C), Set.of(D)), r.unmet(Set.of()));
    assertEquals(List.of(Set.of(B, C)), r.unmet(Set.of(A, D)));
    assertEquals(List.of(Set.of(A), Set.of(D)), r.unmet(Set.of(C)));
    assertEquals(List.of(), r.unmet(Set.of(A, B, D)));
  }

  @Test
  void unmetNamesWhatADesignManufacturerLacks() {
    Requirement r = JapanPmdAct.get().requirement(Role.DESIGN_MANUFACTURER, DeviceClass.II);
    assertEquals(List.of(Set.of(JapanPmdAct.registration(ManufacturingStep.DESIGN))),
        r.unmet(Set.of(JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY))));
  }

  @Test
  void toStringJoinsClausesWithAndAndAlternativesWithOr() {
    assertEquals("none", Requirement.none().toString());
    assertEquals("a", Requirement.allOf(A).toString());
    assertEquals("a and b", Requirement.allOf(A, B).toString());
    assertEquals("(a or b)", Requirement.anyOf(A, B).toString());
    assertEquals("(a or b) and c", Requirement.anyOf(A, B).and(Requirement.allOf(C)).toString());
    assertEquals("jp.pmd.mfg.design and jp.pmd.mfg.main-assembly",
        JapanPmdAct.get().requirement(Role.DESIGN_MANUFACTURER, DeviceClass.II).toString());
  }

  @Test
  void equalRequirementsHaveEqualClausesAndHashCodes() {
    assertEquals(Requirement.allOf(A, B), Requirement.allOf(A, B));
    assertEquals(Requirement.allOf(A, B).hashCode(), Requirement.allOf(A, B).hashCode());
    assertEquals(Requirement.anyOf(A, B), Requirement.anyOf(B, A));
    assertEquals(Requirement.anyOf(A, B).hashCode(), Requirement.anyOf(B, A).hashCode());
    assertEquals(Requirement.allOf(Licence.of("a", "other label")), Requirement.allOf(A));
  }

  @Test
  void differentRequirementsAreNotEqual() {
    assertNotEquals(Requirement.allOf(A, B), Requirement.anyOf(A, B));
    assertNotEquals(Requirement.allOf(A), Requirement.allOf(B));
    assertNotEquals(Requirement.allOf(A), Requirement.none());
    assertNotEquals(Requirement.none(), null);
    assertNotEquals(Requirement.allOf(A), "a");
  }

  @Test
  void allOfAndAnyOfNeedAtLeastOneLicence() {
    assertThrows(IllegalArgumentException.class, () -> Requirement.allOf());
    assertThrows(IllegalArgumentException.class, () -> Requirement.anyOf());
  }

  @Test
  void nullsAreRejected() {
    assertThrows(NullPointerException.class, () -> Requirement.allOf(A, null));
    assertThrows(NullPointerException.class, () -> Requirement.anyOf(A, null));
    assertThrows(NullPointerException.class, () -> Requirement.allOf((Licence[]) null));
    assertThrows(NullPointerException.class, () -> Requirement.allOf(A).and(null));
    assertThrows(NullPointerException.class, () -> Requirement.allOf(A).isSatisfiedBy(null));
    assertThrows(NullPointerException.class, () -> Requirement.allOf(A).unmet(null));
  }

  // --- properties ----------------------------------------------------------------------------

  @Property
  void satisfiedExactlyWhenNothingIsUnmet(@ForAll("requirements") Requirement r, @ForAll("holdings") Set<Licence> held) {
    assertEquals(r.isSatisfiedBy(held), r.unmet(held).isEmpty());
  }

  @Property
  void unmetClausesAreTheClausesWithNoHeldLicence(
      @ForAll("requirements") Requirement r, @ForAll("holdings") Set<Licence> held) {
    for (Set<Licence> clause : r.clauses()) {
      boolean met = clause.stream().anyMatch(held::contains);
      assertEquals(!met, r.unmet(held).contains(clause), clause + " held " + held);
    }
  }

  @Property
  void theConjunctionIsSatisfiedExactlyWhenBothAre(
      @ForAll("requirements") Requirement r, @ForAll("requirements") Requirement s,
      @ForAll("holdings") Set<Licence> held) {
    assertEquals(r.isSatisfiedBy(held) && s.isSatisfiedBy(held), r.and(s).isSatisfiedBy(held));
  }

  @Property
  void holdingMoreNeverHurts(@ForAll("requirements") Requirement r, @ForAll("holdings") Set<Licence> held,
      @ForAll("holdings") Set<Licence> more) {
    Set<Licence> union = new HashSet<>(held);
    union.addAll(more);
    if (r.isSatisfiedBy(held)) {
      assertTrue(r.isSatisfiedBy(union));
    }
  }

  @Provide
  Arbitrary<Set<Licence>> holdings() {
    return Arbitraries.subsetOf(A, B, C, D);
  }

  @Provide
  Arbitrary<Requirement> requirements() {
    Arbitrary<Requirement> clause = Arbitraries.subsetOf(A, B, C, D).ofMinSize(1)
        .map(set -> Requirement.anyOf(set.toArray(new Licence[0])));
    return clause.list().ofMaxSize(3)
        .map(list -> list.stream().reduce(Requirement.none(), Requirement::and));
  }
}
