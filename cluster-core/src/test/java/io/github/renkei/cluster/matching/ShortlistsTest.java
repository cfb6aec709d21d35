package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.HashBasedTable;
import com.google.common.collect.Table;
import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Certification;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.region.Prefecture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Shortlists on hand-made problems with known answers, and their bad inputs. */
class ShortlistsTest {

  private static final OrganizationId HOSPITAL = OrganizationId.of("hospital");
  private static final NeedId N1 = NeedId.of("n1");
  private static final NeedId N2 = NeedId.of("n2");

  private static Organization firm(String id, Prefecture p, int capacity, boolean cutting, boolean iso) {
    Organization.Builder b = Organization.builder(OrganizationId.of(id), "Firm " + id, OrganizationType.SME_MANUFACTURER,
        p).capacity(capacity);
    if (cutting) {
      b.capabilities(Capability.PRECISION_CUTTING);
    }
    if (iso) {
      b.certifications(Certification.ISO_13485);
    }
    return b.build();
  }

  /**
   * n1 wants precision cutting, ISO 13485 and a supplier in Fukushima. a, b, c qualify (scores 3,
   * 5, 3); d lacks ISO 13485 (9); e is in Miyagi (4); f lacks both (10); the hospital itself
   * qualifies but is the requester (100). n2 (no requirements) is locked to b.
   */
  static MatchingProblem problem(Scorer scorer) {
    MatchingProblem.Builder b = MatchingProblem.builder()
        .supplier(Organization.builder(HOSPITAL, "Hospital", OrganizationType.CITY_HOSPITAL, Prefecture.FUKUSHIMA)
            .capabilities(Capability.PRECISION_CUTTING).certifications(Certification.ISO_13485).capacity(1).build())
        .supplier(firm("a", Prefecture.FUKUSHIMA, 1, true, true))
        .supplier(firm("b", Prefecture.FUKUSHIMA, 2, true, true))
        .supplier(firm("c", Prefecture.FUKUSHIMA, 1, true, true))
        .supplier(firm("d", Prefecture.FUKUSHIMA, 1, true, false))
        .supplier(firm("e", Prefecture.MIYAGI, 3, true, true))
        .supplier(firm("f", Prefecture.FUKUSHIMA, 1, false, false))
        .need(Need.builder(N1, HOSPITAL, NeedKind.PARTS_SUPPLY).requiredCapabilities(Capability.PRECISION_CUTTING)
            .requiredCertifications(Certification.ISO_13485).preferredPrefecture(Prefecture.FUKUSHIMA).build())
        .need(Need.builder(N2, HOSPITAL, NeedKind.PARTS_SUPPLY).build())
        .lock(N2, OrganizationId.of("b"));
    return b.scorer(scorer).build();
  }

  static Scorer table() {
    Table<NeedId, OrganizationId, Double> t = HashBasedTable.create();
    String[] ids = {"hospital", "a", "b", "c", "d", "e", "f"};
    double[] scores = {100, 3, 5, 3, 9, 4, 10};
    for (int i = 0; i < ids.length; i++) {
      t.put(N1, OrganizationId.of(ids[i]), scores[i]);
      t.put(N2, OrganizationId.of(ids[i]), scores[i]);
    }
    return Scorers.table("table", t);
  }

  private static List<String> suppliers(List<? extends Record> entries) {
    return entries.stream().map(e -> e instanceof Shortlist.Candidate c ? c.supplier().value()
        : ((Shortlist.NearMiss) e).supplier().value()).toList();
  }

  @Test
  void ranksTheEligibleByScoreWithTiesToTheSmallerIdAndNamesWhatEachNearMissLacks() {
    MatchingProblem p = problem(table());
    Shortlist s = Shortlists.of(p, N1, 2);
    assertEquals(List.of("b", "a"), suppliers(s.candidates()));
    assertEquals(List.of(1, 2), s.candidates().stream().map(Shortlist.Candidate::rank).toList());
    assertEquals(5.0, s.candidates().get(0).score().total());
    assertEquals(3, s.eligible());
    // d lacks the certification, e is outside Fukushima; f fails two constraints; the hospital is the requester
    assertEquals(List.of("d", "e"), suppliers(s.nearMisses()));
    assertEquals(2, s.nearMissCount());
    assertEquals(new Violation("certifications", "lacks ISO_13485"), s.nearMisses().get(0).violation());
    assertEquals("preferred-region", s.nearMisses().get(1).violation().constraint());
    assertEquals("is in 宮城県, not 福島県", s.nearMisses().get(1).violation().reason());
    assertEquals(9.0, s.nearMisses().get(0).score().total());
    assertEquals(List.of(), MatchChecks.shortlistProblems(p, s));

    Shortlist all = Shortlists.of(p, N1, 10);
    assertEquals(List.of("b", "a", "c"), suppliers(all.candidates()), "a and c tie at 3: a first");
    assertEquals(List.of(), MatchChecks.shortlistProblems(p, all));
  }

  @Test
  void listsEligibilityNotAvailabilityAndShowsTheCapacityLocksLeave() {
    MatchingProblem p = problem(table());
    Shortlist s = Shortlists.of(p, N1, 1);
    Shortlist.Candidate b = s.candidates().get(0);
    assertEquals("b", b.supplier().value());
    assertEquals(2, b.capacity());
    assertEquals(1, b.capacityLeft(), "n2 is locked to b");
    Shortlist n2 = Shortlists.of(p, N2, 3);
    assertEquals(Optional.of(OrganizationId.of("b")), n2.lockedTo());
    // n2 has no requirements: everyone but the requester; f scores 10 and leads
    assertEquals(List.of("f", "d", "b"), suppliers(n2.candidates()));
    assertEquals(6, n2.eligible());
    assertEquals(0, n2.nearMissCount(), "the requester fails only not-requester but is never a near miss");
  }

  @Test
  void allNeedsAtOnceEqualEachNeedAloneOnOneThreadOrSeveral() {
    MatchingProblem p = problem(table());
    Shortlists lists = Shortlists.of(p, 2);
    assertEquals(List.of(N1, N2), lists.all().stream().map(Shortlist::need).toList());
    assertEquals(Shortlists.of(p, N1, 2), lists.get(N1));
    assertEquals(Shortlists.of(p, N2, 2), lists.get(N2));
    assertEquals(lists, Shortlists.of(p.toBuilder().parallel(false).build(), 2));
    assertEquals(List.of(), MatchChecks.shortlistProblems(p, lists));
  }

  @Test
  void printsRanksBreakdownsAndWhatTheNearMissesLack() {
    Shortlist s = Shortlists.of(problem(table()), N1, 2);
    assertEquals("""
        n1: top 2 of 3 eligible, 2 of 2 near misses
          1. b 5.000 = table 5.000 (1 of 2 free)
          2. a 3.000 = table 3.000 (1 of 1 free)
          near misses (2 of 2):
            1. d (9.000) almost: certifications: lacks ISO_13485
            2. e (4.000) almost: preferred-region: is in 宮城県, not 福島県
        """, s.table());
    assertEquals("Shortlists[k=2, 2 needs, 2 with candidates]", Shortlists.of(problem(table()), 2).toString());
  }

  @Test
  void theStandardScorersBreakdownIsKeptAndTheFukushimaSampleChecksOut() {
    MatchingProblem p = MatchingProblem.from(FukushimaSample.cluster()).year(2016).build();
    Shortlists lists = Shortlists.of(p, 3);
    assertEquals(List.of(), MatchChecks.shortlistProblems(p, lists));
    for (Shortlist s : lists.all()) {
      for (Shortlist.Candidate c : s.candidates()) {
        assertEquals(Scorers.standard().weights().keySet(), c.score().components().keySet());
      }
    }
    assertTrue(lists.all().stream().anyMatch(s -> !s.nearMisses().isEmpty()), lists.table());
  }

  @Test
  void aSeparateNearMissLimitOfZeroOnlyCountsThem() {
    MatchingProblem p = problem(table());
    Shortlist s = Shortlists.of(p, N1, 1, 0);
    assertEquals(List.of("b"), suppliers(s.candidates()));
    assertEquals(List.of(), s.nearMisses());
    assertEquals(2, s.nearMissCount());
    assertEquals(List.of(), MatchChecks.shortlistProblems(p, s));
    Shortlists lists = Shortlists.of(p, 1, 3);
    assertEquals(List.of("d", "e"), suppliers(lists.get(N1).nearMisses()));
    assertEquals(List.of(), MatchChecks.shortlistProblems(p, lists));
    assertEquals("Shortlists[k=1, near misses 3, 2 needs, 2 with candidates]", lists.toString());
  }

  @Test
  void badInputIsRejectedNamingTheValueAndTheNeed() {
    IllegalArgumentException limit = assertThrows(IllegalArgumentException.class,
        () -> Shortlists.of(problem(table()), N2, 3, -1));
    assertEquals("need 'n2': the near-miss limit must be >= 0 but was -1", limit.getMessage());
    IllegalArgumentException allLimit = assertThrows(IllegalArgumentException.class,
        () -> Shortlists.of(problem(table()), 3, -2));
    assertEquals("the near-miss limit must be >= 0 but was -2 (the shortlists of all 2 needs)", allLimit.getMessage());
    MatchingProblem p = problem(table());
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> Shortlists.of(p, N1, 0));
    assertEquals("need 'n1': k must be >= 1 but was 0", zero.getMessage());
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> Shortlists.of(p, -3));
    assertEquals("k must be >= 1 but was -3 (the shortlists of all 2 needs)", negative.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> Shortlists.of(p, NeedId.of("n9"), 5));
    assertEquals("unknown need 'n9': the problem's 2 needs are n1, n2", unknown.getMessage());
    IllegalArgumentException notListed = assertThrows(IllegalArgumentException.class,
        () -> Shortlists.of(p, 5).get(NeedId.of("n9")));
    assertTrue(notListed.getMessage().contains("'n9'"), notListed.getMessage());
  }

  @Test
  void aNaNScoreOfANearMissFailsNamingTheNeedSupplierAndScorer() {
    Scorer broken = Scorers.of("broken", (need, supplier, context) -> supplier.id().value().equals("d") ? Double.NaN
        : 1.0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Shortlists.of(problem(broken), 3));
    assertTrue(e.getMessage().contains("'broken'") && e.getMessage().contains("'n1'") && e.getMessage().contains("'d'"),
        e.getMessage());
  }

  /** A custom constraint whose restrict() drops d but whose check() admits every pair. */
  private static Constraint disagreeing() {
    return new Constraint() {
      @Override
      public String name() {
        return "no-d";
      }

      @Override
      public Optional<Violation> check(Need need, Organization supplier, MatchContext context) {
        return Optional.empty();
      }

      @Override
      public void restrict(Need need, MatchContext context, java.util.BitSet candidates) {
        context.supplierIndex(OrganizationId.of("d")).ifPresent(candidates::clear);
      }
    };
  }

  @Test
  void aCustomConstraintWhoseRestrictDisagreesWithItsCheckFailsWhenTheShortlistIsMadeNotWhenRead() {
    // built-in texts are worded when read; a custom constraint's is checked at once
    MatchingProblem p = problem(table()).toBuilder().constraint(disagreeing()).build();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Shortlists.of(p, N2, 3));
    assertEquals("constraint 'no-d' excluded supplier 'd' from need 'n2' in restrict() but its check() admits the"
        + " pair; the two must agree", e.getMessage());
    assertThrows(IllegalStateException.class, () -> Shortlists.of(p, 3));
  }

  @Test
  void theChecksFindAWrongShortlist() {
    MatchingProblem p = problem(table());
    Shortlist right = Shortlists.of(p, N1, 2);
    // a instead of b at the top: out of order, and b, which ranks before a, is left out
    Shortlist.Candidate a = right.candidates().get(1);
    Shortlist wrong = new Shortlist(N1, 2, 2, 3, 2, Optional.empty(), com.google.common.collect.ImmutableList.of(
        new Shortlist.Candidate(1, a.supplier(), a.score(), 1, 1),
        new Shortlist.Candidate(2, OrganizationId.of("c"), a.score(), 1, 1)), right.nearMisses());
    List<String> problems = MatchChecks.shortlistProblems(p, wrong);
    assertTrue(problems.stream().anyMatch(l -> l.contains("candidate b (5.0) is left out")), problems.toString());
    // a near miss said to fail something else
    Shortlist.NearMiss d = right.nearMisses().get(0);
    Shortlist lying = new Shortlist(N1, 2, 2, 3, 2, Optional.empty(), right.candidates(),
        com.google.common.collect.ImmutableList.of(new Shortlist.NearMiss(1, d.supplier(),
            new Violation("capabilities", "lacks PRECISION_CUTTING"), d.score(), 1, 1), right.nearMisses().get(1)));
    assertTrue(MatchChecks.shortlistProblems(p, lying).stream().anyMatch(l -> l.contains("near miss d is said to fail"
        + " only capabilities")), MatchChecks.shortlistProblems(p, lying).toString());
    // an ineligible candidate
    Shortlist ineligible = new Shortlist(N1, 1, 1, 3, 2, Optional.empty(), com.google.common.collect.ImmutableList.of(
        new Shortlist.Candidate(1, OrganizationId.of("f"), ScoreBreakdown.of("table", 10.0), 1, 1)),
        right.nearMisses().subList(0, 1));
    assertTrue(MatchChecks.shortlistProblems(p, ineligible).stream().anyMatch(l -> l.contains("candidate f violates")),
        MatchChecks.shortlistProblems(p, ineligible).toString());
  }
}
