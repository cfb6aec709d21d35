package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.HashBasedTable;
import com.google.common.collect.Table;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.Problem;
import io.github.renkei.cluster.model.ProblemKind;
import io.github.renkei.cluster.model.ValidationException;
import io.github.renkei.cluster.region.Prefecture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Building problems: what is rejected and how, locks, and incremental changes. */
class MatchingProblemTest {

  private static final List<Matcher> ALL = List.of(Matchers.greedy(), Matchers.optimal(),
      Matchers.optimalMaximizingMatches(), Matchers.stable(), Matchers.stableSuppliersProposing());

  private static final OrganizationId HOSPITAL = OrganizationId.of("hospital");
  private static final Organization REQUESTER =
      Organization.builder(HOSPITAL, "Hospital", OrganizationType.CITY_HOSPITAL, Prefecture.FUKUSHIMA).build();
  private static final Organization A = supplier("a", 1, Capability.MACHINING);
  private static final Organization B = supplier("b", 1, Capability.MACHINING);
  private static final Organization C = supplier("c", 2, Capability.PACKAGING);
  private static final Need N1 = need("n1", Capability.MACHINING);
  private static final Need N2 = need("n2", Capability.MACHINING);
  private static final Need N3 = need("n3", Capability.PACKAGING);

  private static Organization supplier(String id, int capacity, Capability... capabilities) {
    return Organization.builder(OrganizationId.of(id), "Supplier " + id, OrganizationType.SME_MANUFACTURER,
        Prefecture.FUKUSHIMA).capabilities(capabilities).capacity(capacity).build();
  }

  private static Need need(String id, Capability... capabilities) {
    return Need.builder(NeedId.of(id), HOSPITAL, NeedKind.PARTS_SUPPLY).requiredCapabilities(capabilities).build();
  }

  /**
   * n1 and n2 need machining (a, b: one slot each), n3 packaging (c: two slots); from a table,
   * n1 scores a 5 and b 4, n2 scores a 1 and b 3, n3 scores c 2.
   */
  private static MatchingProblem.Builder base() {
    Table<NeedId, OrganizationId, Double> t = HashBasedTable.create();
    t.put(N1.id(), A.id(), 5.0);
    t.put(N1.id(), B.id(), 4.0);
    t.put(N2.id(), A.id(), 1.0);
    t.put(N2.id(), B.id(), 3.0);
    t.put(N3.id(), C.id(), 2.0);
    return MatchingProblem.builder().organization(REQUESTER).supplier(A).supplier(B).supplier(C)
        .need(N1).need(N2).need(N3).scorer(Scorers.table("table", t));
  }

  private static ValidationException invalid(MatchingProblem.Builder b) {
    return assertThrows(ValidationException.class, b::build);
  }

  private static List<String> messages(ValidationException e) {
    return e.problems().stream().map(Problem::message).toList();
  }

  // ------------------------------------------------------------------ bad input

  @Test
  void aNegativeCapacityIsRejectedNamingTheSupplier() {
    ValidationException e = invalid(base().supplier(A, -1));
    assertEquals(List.of("supplier 'a': capacity must be >= 0 but was -1"), messages(e));
    assertEquals(ProblemKind.NEGATIVE_CAPACITY, e.problems().get(0).kind());
    assertTrue(e instanceof IllegalArgumentException);
    assertTrue(e.getMessage().contains("supplier 'a'"), e.getMessage());
  }

  @Test
  void aCapacityOfZeroIsAllowedAndTakesNothing() {
    MatchingProblem p = base().supplier(A, 0).build();
    assertEquals(0, p.capacity(A.id()));
    for (Matcher m : ALL) {
      assertTrue(m.match(p).assignedTo(A.id()).isEmpty(), m.name());
    }
  }

  @Test
  void aNeedIdUsedTwiceWithDifferentContentIsRejectedButTheSameNeedTwiceIsOne() {
    Need other = need("n1", Capability.WELDING);
    ValidationException e = invalid(base().need(other));
    assertEquals(List.of("need id 'n1' is used 2 times with different content"), messages(e));
    assertEquals(ProblemKind.DUPLICATE_ID, e.problems().get(0).kind());
    assertEquals(3, base().need(N1).build().needs().size());
  }

  @Test
  void aRequesterNotInTheWorldIsRejectedNamingTheNeedAndTheRequester() {
    Need orphan = Need.builder(NeedId.of("n9"), OrganizationId.of("ghost"), NeedKind.PARTS_SUPPLY).build();
    ValidationException e = invalid(base().need(orphan));
    assertEquals(1, e.problems().size());
    assertEquals(ProblemKind.UNKNOWN_ORGANIZATION, e.problems().get(0).kind());
    assertTrue(messages(e).get(0).startsWith("need 'n9': requester 'ghost' is not in the world"), messages(e).get(0));
  }

  @Test
  void everyProblemIsReportedTogether() {
    Need orphan = Need.builder(NeedId.of("n9"), OrganizationId.of("ghost"), NeedKind.PARTS_SUPPLY).build();
    ValidationException e = invalid(base().supplier(A, -2).need(need("n1", Capability.WELDING)).need(orphan));
    assertEquals(3, e.problems().size(), e.getMessage());
  }

  @Test
  void aSupplierThatDiffersFromTheWorldsOrganizationOfItsIdIsRejected() {
    MatchingProblem p = base().build();
    Organization changed = A.toBuilder().capabilities(Capability.WELDING).build();
    MatchingProblem.Builder b = MatchingProblem.builder().world(p.world()).supplier(changed);
    assertEquals(List.of("supplier 'a' differs from the world's organization with that id"), messages(invalid(b)));
  }

  @Test
  void aSupplierThatDiffersFromAnOrganizationAddedWithTheSameIdIsRejected() {
    Organization changed = A.toBuilder().capabilities(Capability.WELDING).build();
    MatchingProblem.Builder b = MatchingProblem.builder().organization(REQUESTER).organization(A).supplier(changed);
    invalid(b);
  }

  private static MatchingProblem scoring(double bad) {
    return base().scorer(Scorers.of("broken", (n, s, c) -> n.id().equals(N2.id()) && s.id().equals(B.id()) ? bad : 1.0))
        .build();
  }

  @Test
  void aScoreThatIsNanNegativeOrInfiniteFailsTheMatchNamingNeedSupplierAndScorer() {
    for (double bad : new double[] {Double.NaN, -1, Double.POSITIVE_INFINITY}) {
      for (Matcher m : ALL) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.match(scoring(bad)),
            m.name() + " " + bad);
        String msg = e.getMessage();
        assertTrue(msg.contains("'n2'") && msg.contains("'b'") && msg.contains("'broken'") && msg.contains(String.valueOf(bad)),
            m.name() + ": " + msg);
      }
      assertThrows(IllegalArgumentException.class, () -> scoring(bad).eligiblePairs());
    }
  }

  @Test
  void aBadSupplierScoreNamesTheSuppliersScorer() {
    MatchingProblem p = base().supplierScorer(Scorers.of("suppliers-view",
        (n, s, c) -> n.id().equals(N1.id()) && s.id().equals(A.id()) ? -0.5 : 1.0)).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Matchers.stable().match(p));
    assertTrue(e.getMessage().contains("'suppliers-view'") && e.getMessage().contains("'n1'")
        && e.getMessage().contains("'a'"), e.getMessage());
  }

  @Test
  void aBadComponentOfAWeightedScorerIsNamedByItsOwnName() {
    MatchingProblem p = base().scorer(Scorers.weighted().add(1, Scorers.experience())
        .add(2, Scorers.of("price", (n, s, c) -> Double.NaN)).build()).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Matchers.greedy().match(p));
    assertTrue(e.getMessage().contains("'price'"), e.getMessage());
  }

  @Test
  void aBadScoreOfALockedPairFailsTheMatchToo() {
    MatchingProblem p = MatchingProblem.builder().organization(REQUESTER).supplier(A).need(N1)
        .scorer(Scorers.of("broken", (n, s, c) -> Double.NaN)).lock(N1.id(), A.id()).build();
    for (Matcher m : ALL) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.match(p), m.name());
      assertTrue(e.getMessage().contains("'broken'"), e.getMessage());
    }
  }

  // ------------------------------------------------------------------ locks

  @Test
  void everyMatcherKeepsALockEvenWhereItWouldChooseOtherwise() {
    // unlocked, every matcher gives n1 supplier a and n2 supplier b (each its best); lock n2 to a instead
    MatchingProblem p = base().lock(N2.id(), A.id()).build();
    for (Matcher m : ALL) {
      MatchResult r = m.match(p);
      Assignment locked = r.assignmentOf(N2.id()).orElseThrow();
      assertEquals(A.id(), locked.supplier(), m.name());
      assertTrue(locked.locked(), m.name());
      assertEquals(Optional.of(B.id()), r.assignmentOf(N1.id()).map(Assignment::supplier), m.name() + ": a is full");
      assertFalse(r.assignmentOf(N1.id()).orElseThrow().locked());
      assertEquals(List.of(), MatchChecks.problems(p, r), m.name());
    }
    assertEquals(Optional.of(A.id()),
        Matchers.optimal().match(base().build()).assignmentOf(N1.id()).map(Assignment::supplier));
  }

  @Test
  void aLockThatViolatesAConstraintIsRejectedNamingTheIds() {
    ValidationException e = invalid(base().lock(N3.id(), A.id()));
    assertEquals(List.of("locked assignment n3 -> a violates capabilities: lacks PACKAGING"), messages(e));
    assertEquals(List.of("n3", "a"), e.problems().get(0).ids());
  }

  @Test
  void locksBeyondASuppliersCapacityAreRejected() {
    ValidationException e = invalid(base().lock(N1.id(), A.id()).lock(N2.id(), A.id()));
    assertEquals(List.of("supplier 'a' has 2 locked assignments but capacity 1"), messages(e));
  }

  @Test
  void locksOnUnknownNeedsOrSuppliersAreRejected() {
    ValidationException e = invalid(base().lock(NeedId.of("n7"), A.id()).lock(N1.id(), OrganizationId.of("z")));
    assertEquals(List.of("locked assignment n1 -> z: 'z' is not a candidate supplier",
        "locked assignment n7 -> a: unknown need 'n7'"), messages(e));
    // the requester is in the world but not a candidate supplier
    assertEquals(List.of("locked assignment n1 -> hospital: 'hospital' is not a candidate supplier"),
        messages(invalid(base().lock(N1.id(), HOSPITAL))));
  }

  @Test
  void aLockedNeedTakesPartInNoBlockingPair() {
    MatchingProblem p = base().lock(N2.id(), A.id()).build();
    // n1 and a would block (both prefer each other), but n2 is locked to a
    assertEquals(List.of(), MatchChecks.blockingPairs(p, Matchers.stable().match(p)));
  }

  // ------------------------------------------------------------------ incremental use

  private static MatchingProblem lockAll(MatchingProblem.Builder b, MatchResult earlier) {
    MatchingProblem draft = b.build();
    for (Assignment a : earlier.assignments()) {
      if (draft.need(a.need()).isPresent() && draft.suppliers().stream().anyMatch(s -> s.id().equals(a.supplier()))) {
        b.lock(a);
      }
    }
    return b.build();
  }

  @Test
  void addingANeedAndRematchingWithEarlierAssignmentsLockedKeepsThem() {
    MatchingProblem before = base().build();
    for (Matcher m : ALL) {
      MatchResult earlier = m.match(before);
      Need n4 = need("n4", Capability.PACKAGING);
      MatchingProblem after = lockAll(before.toBuilder().need(n4), earlier);
      MatchResult r = m.match(after);
      for (Assignment a : earlier.assignments()) {
        Assignment kept = r.assignmentOf(a.need()).orElseThrow();
        assertEquals(a.supplier(), kept.supplier(), m.name());
        assertTrue(kept.locked());
        assertEquals(a.score(), kept.score());
      }
      assertEquals(Optional.of(C.id()), r.assignmentOf(n4.id()).map(Assignment::supplier), m.name() + ": c has room");
      assertEquals(List.of(), MatchChecks.problems(after, r));
    }
  }

  @Test
  void afterRemovingANeedAndASupplierAndAddingANeedTheSurvivingAssignmentsStayLocked() {
    MatchingProblem before = base().build();
    MatchResult earlier = Matchers.optimal().match(before);
    assertEquals(Optional.of(A.id()), earlier.assignmentOf(N1.id()).map(Assignment::supplier));
    assertEquals(Optional.of(B.id()), earlier.assignmentOf(N2.id()).map(Assignment::supplier));
    Need n4 = need("n4", Capability.PACKAGING);
    MatchingProblem after = lockAll(before.toBuilder().removeNeed(N3.id()).removeSupplier(B.id()).need(n4), earlier);
    assertEquals(List.of(N1.id()), List.copyOf(after.locks().keySet()), "only n1 -> a survives");
    for (Matcher m : ALL) {
      MatchResult r = m.match(after);
      assertEquals(Optional.of(A.id()), r.assignmentOf(N1.id()).map(Assignment::supplier), m.name());
      assertTrue(r.assignmentOf(N1.id()).orElseThrow().locked(), m.name());
      assertEquals(Optional.of(C.id()), r.assignmentOf(n4.id()).map(Assignment::supplier), m.name());
      assertEquals(List.of(N2.id()), r.unmatched().stream().map(Unmatched::need).toList(), m.name());
      assertEquals("the only eligible supplier is full: a (taken by n1)", r.unmatched().get(0).explanation().summary());
      assertEquals(List.of(), MatchChecks.problems(after, r), m.name());
    }
  }

  @Test
  void removingASupplierDropsItsLocksAndFreesItsNeedsForOthers() {
    MatchingProblem locked = base().lock(N1.id(), A.id()).lock(N3.id(), C.id()).build();
    MatchingProblem without = locked.toBuilder().removeSupplier(A.id()).build();
    assertEquals(List.of(N3.id()), List.copyOf(without.locks().keySet()));
    for (Matcher m : ALL) {
      MatchResult r = m.match(without);
      assertEquals(Optional.of(C.id()), r.assignmentOf(N3.id()).map(Assignment::supplier), m.name());
      assertTrue(r.assignmentOf(N3.id()).orElseThrow().locked());
      assertEquals(Optional.of(B.id()), r.assignmentOf(N1.id()).map(Assignment::supplier), m.name());
      assertEquals(List.of(), MatchChecks.problems(without, r));
    }
  }

  @Test
  void removingANeedDropsItsLockAndItsSuppliersCapacityReturns() {
    MatchingProblem locked = base().lock(N2.id(), A.id()).build();
    MatchingProblem without = locked.toBuilder().removeNeed(N2.id()).build();
    assertTrue(without.locks().isEmpty());
    assertTrue(without.need(N2.id()).isEmpty());
    for (Matcher m : ALL) {
      assertEquals(Optional.of(A.id()), m.match(without).assignmentOf(N1.id()).map(Assignment::supplier), m.name());
    }
  }

  @Test
  void removingSomethingUnknownIsRejectedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> base().build().toBuilder().removeNeed(NeedId.of("n8")));
    assertTrue(e.getMessage().contains("n8"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> base().build().toBuilder().removeSupplier(OrganizationId.of("q")));
    assertTrue(e.getMessage().contains("q"), e.getMessage());
  }

  @Test
  void toBuilderKeepsEverythingAboutTheProblem() {
    MatchingProblem p = base().supplierScorer(Scorers.experience()).year(2012).parallel(false)
        .lock(N3.id(), C.id()).supplier(B, 0).build();
    MatchingProblem copy = p.toBuilder().build();
    assertEquals(p.needs(), copy.needs());
    assertEquals(p.suppliers(), copy.suppliers());
    assertEquals(0, copy.capacity(B.id()));
    assertEquals(p.constraints(), copy.constraints());
    assertEquals(p.scorer(), copy.scorer());
    assertEquals(p.supplierScorer(), copy.supplierScorer());
    assertEquals(p.year(), copy.year());
    assertEquals(p.locks(), copy.locks());
    assertEquals(p.isParallel(), copy.isParallel());
    assertEquals(p.world(), copy.world());
  }

  @Test
  void unlockAllForgetsEveryLock() {
    MatchingProblem p = base().lock(N2.id(), A.id()).build().toBuilder().unlockAll().build();
    assertTrue(p.locks().isEmpty());
    assertEquals(Optional.of(A.id()), Matchers.optimal().match(p).assignmentOf(N1.id()).map(Assignment::supplier));
  }

  @Test
  void capacityOfSomethingThatIsNotASupplierIsRejectedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> base().build().capacity(HOSPITAL));
    assertTrue(e.getMessage().contains("hospital"), e.getMessage());
  }
}
