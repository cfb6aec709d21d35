package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.HashBasedTable;
import com.google.common.collect.Table;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.region.Prefecture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Stable matching on examples from the literature. Residents (men, suitors) are needs,
 * hospitals (women, reviewers) are suppliers; each side's rank order becomes a score table
 * (first choice highest), and a pair is acceptable only if each lists the other. Which results
 * are published and which are computed from the published data is said at each example; the
 * data and quotes are collected in research/matching-examples.md.
 */
class LiteratureExamplesTest {

  private static final OrganizationId REQUESTER = OrganizationId.of("requester");

  /** A problem from rank-order lists: needs' lists of suppliers and suppliers' lists of needs. */
  private static MatchingProblem ranks(Map<String, List<String>> needLists, Map<String, List<String>> supplierLists,
      int capacity) {
    Table<NeedId, OrganizationId, Double> needScores = HashBasedTable.create();
    Table<NeedId, OrganizationId, Double> supplierScores = HashBasedTable.create();
    needLists.forEach((n, list) -> {
      for (int k = 0; k < list.size(); k++) {
        needScores.put(NeedId.of(n), OrganizationId.of(list.get(k)), (double) (list.size() - k));
      }
    });
    supplierLists.forEach((s, list) -> {
      for (int k = 0; k < list.size(); k++) {
        supplierScores.put(NeedId.of(list.get(k)), OrganizationId.of(s), (double) (list.size() - k));
      }
    });
    MatchingProblem.Builder b = MatchingProblem.builder()
        .organization(Organization.builder(REQUESTER, "Requester", OrganizationType.LARGE_HOSPITAL,
            Prefecture.FUKUSHIMA).build());
    supplierLists.keySet().forEach(s -> b.supplier(Organization.builder(OrganizationId.of(s), s,
        OrganizationType.SME_MANUFACTURER, Prefecture.FUKUSHIMA).build(), capacity));
    needLists.keySet().forEach(n -> b.need(Need.builder(NeedId.of(n), REQUESTER, NeedKind.PARTS_SUPPLY).build()));
    return b.constraints(List.of(Constraints.of("mutually-acceptable", "each lists the other",
            (need, supplier, context) -> needScores.contains(need.id(), supplier.id())
                && supplierScores.contains(need.id(), supplier.id()))))
        .scorer(Scorers.table("need-rank", needScores))
        .supplierScorer(Scorers.table("supplier-rank", supplierScores))
        .build();
  }

  private static Map<String, List<String>> lists(String... entries) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (String e : entries) {
      String[] parts = e.split(":");
      m.put(parts[0].trim(), List.of(parts[1].trim().split(" +")));
    }
    return m;
  }

  /** A result as "need-supplier" pairs, sorted. */
  private static Set<String> pairs(MatchResult r) {
    Set<String> out = new TreeSet<>();
    r.assignments().forEach(a -> out.add(a.need() + "-" + a.supplier()));
    return out;
  }

  /** Each supplier's needs, in id order; suppliers without needs are left out. */
  private static Map<String, List<String>> bySupplier(MatchResult r) {
    Map<String, List<String>> out = new TreeMap<>();
    r.assignments().forEach(a -> out.computeIfAbsent(a.supplier().value(), k -> new ArrayList<>()).add(a.need().value()));
    return out;
  }

  private static Set<Set<String>> allStable(MatchingProblem p) {
    BruteForce bf = BruteForce.of(p);
    Set<Set<String>> out = new java.util.HashSet<>();
    for (int[] m : bf.stableMatchings()) {
      Set<String> s = new TreeSet<>();
      for (int i = 0; i < m.length; i++) {
        if (m[i] >= 0) {
          s.add(bf.needs.get(i).id() + "-" + bf.suppliers.get(m[i]).id());
        }
      }
      out.add(s);
    }
    return out;
  }

  private static void assertStable(MatchingProblem p, MatchResult r) {
    assertEquals(List.of(), MatchChecks.problems(p, r));
    assertEquals(List.of(), MatchChecks.blockingPairs(p, r));
  }

  // Gale, D. and Shapley, L. S. (1962), "College Admissions and the Stability of Marriage",
  // American Mathematical Monthly 69(1), 9–15, Example 1. Ranking matrix PUBLISHED (quoted in
  // https://hsalbert.blogspot.com/2018 from the paper): α: A B C, β: B C A, γ: C A B;
  // A: β γ α, B: γ α β, C: α β γ. "There are six possible sets of marriages; of these three are
  // stable." The three matchings named below are from secondary sources (Schottmüller's slides,
  // a review) and agree with brute force.
  private static final MatchingProblem GALE_SHAPLEY_1 = ranks(
      lists("α: A B C", "β: B C A", "γ: C A B"),
      lists("A: β γ α", "B: γ α β", "C: α β γ"), 1);

  @Test
  void galeShapleyExample1NeedsProposingGivesEachManHisFirstChoice() {
    MatchResult r = Matchers.stable().match(GALE_SHAPLEY_1);
    assertEquals(Set.of("α-A", "β-B", "γ-C"), pairs(r));
    assertStable(GALE_SHAPLEY_1, r);
  }

  @Test
  void galeShapleyExample1SuppliersProposingGivesEachWomanHerFirstChoice() {
    MatchResult r = Matchers.stableSuppliersProposing().match(GALE_SHAPLEY_1);
    assertEquals(Set.of("α-C", "β-A", "γ-B"), pairs(r));
    assertStable(GALE_SHAPLEY_1, r);
  }

  @Test
  void galeShapleyExample1HasExactlyThreeStableMatchingsAmongSix() {
    assertEquals(Set.of(
            Set.of("α-A", "β-B", "γ-C"),
            Set.of("α-C", "β-A", "γ-B"),
            Set.of("α-B", "β-C", "γ-A")),   // everyone's second choice
        allStable(GALE_SHAPLEY_1));
  }

  // Gale and Shapley (1962), Example 2. Matrix and result PUBLISHED in secondary sources
  // (Schottmüller, https://github.com/schottmueller/mechdes/files/262793/stable_matching.pdf:
  // "The only stable matching in this example is γ − A, δ − B, α − C, β − D"); the paper itself
  // was not retrieved.
  private static final MatchingProblem GALE_SHAPLEY_2 = ranks(
      lists("α: A B C D", "β: A D C B", "γ: B A C D", "δ: D B C A"),
      lists("A: δ γ α β", "B: β δ α γ", "C: δ α β γ", "D: γ β α δ"), 1);

  @Test
  void galeShapleyExample2HasTheUniqueStableMatchingInWhichNobodyGetsAFirstChoice() {
    Set<String> unique = Set.of("α-C", "β-D", "γ-A", "δ-B");
    assertEquals(unique, pairs(Matchers.stable().match(GALE_SHAPLEY_2)));
    assertEquals(unique, pairs(Matchers.stableSuppliersProposing().match(GALE_SHAPLEY_2)));
    assertEquals(Set.of(unique), allStable(GALE_SHAPLEY_2));
  }

  @Test
  void galeShapleyExample2TheDiagonalMatchingIsBlockedByGammaAndA() {
    // Schottmüller: "α−A, β−B, γ−C, δ−D is not stable as, for example, γ − A want to run off together."
    MatchingProblem locked = GALE_SHAPLEY_2.toBuilder()
        .lock(NeedId.of("α"), OrganizationId.of("A")).lock(NeedId.of("β"), OrganizationId.of("B"))
        .lock(NeedId.of("γ"), OrganizationId.of("C")).lock(NeedId.of("δ"), OrganizationId.of("D")).build();
    MatchResult r = Matchers.greedy().match(locked);
    BruteForce bf = BruteForce.of(GALE_SHAPLEY_2);
    List<String> blocking = bf.blockingPairs(bf.matchingOf(r)).stream()
        .map(b -> bf.needs.get(b[0]).id() + "-" + bf.suppliers.get(b[1]).id()).toList();
    assertTrue(blocking.contains("γ-A"), blocking.toString());
    // the same result checked against the unlocked problem, where every need takes part
    assertTrue(MatchChecks.blockingPairs(GALE_SHAPLEY_2, r)
        .contains(new MatchChecks.BlockingPair(NeedId.of("γ"), OrganizationId.of("A"))));
  }

  // The `matching` Python library (daffidwilde/matching), docs/discussion/hospital_resident/
  // example.rst and the figure source docs/assets/discussion/tex/hr_stable.tex. Data and result
  // PUBLISHED: "City: Ada, Dani; Mercy: Sam, Luc; General: Jo", "both resident- and
  // hospital-optimal".
  private static final MatchingProblem MATCHING_LIBRARY_HR = ranks(
      lists("Ada: City", "Sam: City Mercy", "Dani: City Mercy General", "Jo: City General Mercy",
          "Luc: Mercy City General"),
      lists("Mercy: Dani Luc Sam Jo", "City: Dani Ada Sam Luc Jo", "General: Dani Jo Luc"), 2);

  @Test
  void matchingLibraryHospitalResidentExampleGivesThePublishedMatchingFromBothSides() {
    Map<String, List<String>> published = Map.of(
        "City", List.of("Ada", "Dani"), "Mercy", List.of("Luc", "Sam"), "General", List.of("Jo"));
    for (Matcher m : List.of(Matchers.stable(), Matchers.stableSuppliersProposing())) {
      MatchResult r = m.match(MATCHING_LIBRARY_HR);
      assertEquals(published, bySupplier(r), m.name());
      assertStable(MATCHING_LIBRARY_HR, r);
    }
    assertEquals(1, allStable(MATCHING_LIBRARY_HR).size());
  }

  // The `matching` library how-to "Choose party-optimality" (docs/how-to/choose_optimality.ipynb),
  // outputs PUBLISHED in the notebook: suitor-optimal {A: X, B: Z, C: Y}, reviewer-optimal
  // {A: Y, B: Z, C: X}.
  private static final MatchingProblem MATCHING_LIBRARY_SM = ranks(
      lists("A: X Y Z", "B: Y Z X", "C: Y X Z"),
      lists("X: B C A", "Y: A C B", "Z: A B C"), 1);

  @Test
  void matchingLibraryPartyOptimalityExampleGivesThePublishedSuitorAndReviewerOptimalMatchings() {
    assertEquals(Set.of("A-X", "B-Z", "C-Y"), pairs(Matchers.stable().match(MATCHING_LIBRARY_SM)));
    assertEquals(Set.of("A-Y", "B-Z", "C-X"), pairs(Matchers.stableSuppliersProposing().match(MATCHING_LIBRARY_SM)));
    assertEquals(2, allStable(MATCHING_LIBRARY_SM).size());
  }

  // Manlove, "The Hospitals / Residents Problem and Some Extensions" (lecture slides, University
  // of Glasgow, https://paperzz.com/doc/7029456/). Hospital lists PUBLISHED; the resident lists
  // are read from a column-wise text extraction. The two stable matchings below are COMPUTED
  // from that data (by both proposing directions and brute force), not quoted: the slides that
  // show them were not retrieved.
  private static final MatchingProblem MANLOVE = ranks(
      lists("r1: h2 h1", "r2: h1 h2", "r3: h1 h3", "r4: h2 h3", "r5: h2 h1", "r6: h1 h2"),
      lists("h1: r1 r3 r2 r5 r6", "h2: r2 r6 r1 r4 r5", "h3: r4 r3"), 2);

  @Test
  void manloveExampleResidentOptimalDiffersFromHospitalOptimal() {
    MatchResult residents = Matchers.stable().match(MANLOVE);
    MatchResult hospitals = Matchers.stableSuppliersProposing().match(MANLOVE);
    assertEquals(Map.of("h1", List.of("r2", "r3"), "h2", List.of("r1", "r6"), "h3", List.of("r4")),
        bySupplier(residents));
    assertEquals(Map.of("h1", List.of("r1", "r3"), "h2", List.of("r2", "r6"), "h3", List.of("r4")),
        bySupplier(hospitals));
    assertEquals(List.of(NeedId.of("r5")), residents.unmatched().stream().map(Unmatched::need).toList());
    assertEquals(List.of(NeedId.of("r5")), hospitals.unmatched().stream().map(Unmatched::need).toList());
    assertStable(MANLOVE, residents);
    assertStable(MANLOVE, hospitals);
    assertEquals(Set.of(pairs(residents), pairs(hospitals)), allStable(MANLOVE));
  }

  @Test
  void manloveExampleExplainsThatEveryHospitalResidentFiveFindsAcceptableIsFull() {
    Explanation e = Matchers.stable().match(MANLOVE).unmatched().get(0).explanation();
    assertEquals(2, e.eligible());
    assertEquals("all 2 eligible suppliers are full: h1 (taken by r2, r3); h2 (taken by r1, r6)", e.summary());
    assertEquals(Map.of("mutually-acceptable", 1), e.excludedBy());
  }

  // NRMP, "How the Matching Algorithm Works" (8 applicants, 4 programs, 2 positions each). Rank
  // order lists PUBLISHED (as transcribed in a port of https://gist.github.com/sandro-pasquali/4122813
  // and cross-checked with http://www-personal.umich.edu/~jeffshuo/nrmpcouples.html). NRMP's
  // final table was not retrieved: the unique stable matching below is COMPUTED from the lists.
  private static final MatchingProblem NRMP = ranks(
      lists("Anderson: City", "Brown: City Mercy", "Chen: City Mercy", "Davis: Mercy City General State",
          "Eastman: City Mercy State General", "Ford: City General Mercy State",
          "Garcia: City Mercy State General", "Hassan: State City Mercy General"),
      lists("Mercy: Chen Garcia", "City: Garcia Hassan Eastman Anderson Brown Chen Davis Ford",
          "General: Brown Eastman Hassan Anderson Chen Davis Garcia",
          "State: Brown Eastman Anderson Chen Hassan Ford Davis Garcia"), 2);

  @Test
  void nrmpExampleHasAUniqueStableMatchingWithAndersonAndBrownUnmatched() {
    Map<String, List<String>> computed = Map.of(
        "Mercy", List.of("Chen"),
        "City", List.of("Eastman", "Garcia"),
        "General", List.of("Davis"),
        "State", List.of("Ford", "Hassan"));
    for (Matcher m : List.of(Matchers.stable(), Matchers.stableSuppliersProposing())) {
      MatchResult r = m.match(NRMP);
      assertEquals(computed, bySupplier(r), m.name());
      assertEquals(List.of(NeedId.of("Anderson"), NeedId.of("Brown")),
          r.unmatched().stream().map(Unmatched::need).toList(), m.name());
      assertStable(NRMP, r);
    }
    assertEquals(1, allStable(NRMP).size());
  }

  @Test
  void nrmpExampleExplainsWhyAndersonIsUnmatched() {
    Unmatched anderson = Matchers.stable().match(NRMP).unmatched().get(0);
    assertEquals(NeedId.of("Anderson"), anderson.need());
    assertEquals(1, anderson.explanation().eligible());
    assertEquals("the only eligible supplier is full: City (taken by Eastman, Garcia)", anderson.explanation().summary());
    assertEquals(List.of(new Explanation.FullSupplier(OrganizationId.of("City"), 2,
        com.google.common.collect.ImmutableList.of(NeedId.of("Eastman"), NeedId.of("Garcia")))),
        anderson.explanation().full());
  }
}
