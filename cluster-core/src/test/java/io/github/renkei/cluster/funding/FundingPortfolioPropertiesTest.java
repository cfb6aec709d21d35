package io.github.renkei.cluster.funding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.model.FundingLevel;
import io.github.renkei.cluster.model.FundingProgram;
import io.github.renkei.cluster.model.FundingPurpose;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.ProgramId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of {@link FundingPortfolio} over generated programs. */
class FundingPortfolioPropertiesTest {

  private static final double EPSILON = 1e-9;

  /** What a generated program is made of; null first year = unknown, null length = ongoing, null budget = unknown. */
  record Spec(FundingLevel level, FundingPurpose purpose, Integer first, Integer length, Long budget) {

    FundingProgram build(String id) {
      FundingProgram.Builder b = FundingProgram.builder(ProgramId.of(id), "Program " + id,
          OrganizationId.of("sponsor-" + level.name().toLowerCase(java.util.Locale.ROOT)), level, purpose);
      if (first != null) {
        b.firstYear(first);
        int budgetTo = first + (length == null ? 2 : length);
        if (length != null) {
          b.lastYear(first + length);
        }
        if (budget != null) {
          for (int y = first; y <= budgetTo; y++) {
            b.budget(y, budget + y % 3);
          }
        }
      }
      return b.build();
    }
  }

  @Provide
  Arbitrary<Spec> specs() {
    return Combinators.combine(
            Arbitraries.of(FundingLevel.class),
            Arbitraries.of(FundingPurpose.class),
            Arbitraries.integers().between(2000, 2020).injectNull(0.1),
            Arbitraries.integers().between(0, 8).injectNull(0.3),
            Arbitraries.longs().between(0, 1_000_000_000_000L).injectNull(0.5))
        .as(Spec::new);
  }

  @Provide
  Arbitrary<List<FundingProgram>> programs() {
    return specs().list().ofMaxSize(12).map(specs -> {
      List<FundingProgram> list = new ArrayList<>();
      for (int i = 0; i < specs.size(); i++) {
        list.add(specs.get(i).build(String.format("p%02d", i)));
      }
      return list;
    });
  }

  @Property
  void levelSharesSumToOneWhenAnyProgramRunsAndBudgetSharesWhenAnyBudgetIsKnown(
      @ForAll("programs") List<FundingProgram> programs) {
    FundingPortfolio p = FundingPortfolio.of(programs);
    List<Balance> balances = new ArrayList<>();
    p.rows().forEach(r -> balances.add(p.balance(r.year())));
    p.years().ifPresent(y -> balances.add(p.balance()));
    for (Balance b : balances) {
      double counts = 0;
      double budgets = 0;
      for (FundingLevel l : FundingLevel.values()) {
        counts += b.countShare(l).orElse(0);
        budgets += b.budgetShare(l).orElse(0);
      }
      assertEquals(b.total().programs() > 0 ? 1.0 : 0.0, counts, EPSILON, b.toString());
      assertEquals(b.total().knownBudget() > 0 ? 1.0 : 0.0, budgets, EPSILON, b.toString());
    }
  }

  @Property
  void addingAProgramNeverAddsAYearWithoutFunding(
      @ForAll("programs") List<FundingProgram> programs, @ForAll("specs") Spec extra) {
    FundingPortfolio before = FundingPortfolio.of(programs).over(1995, 2035);
    FundingPortfolio after = before.withProgram(extra.build("extra"));
    for (FundingPurpose purpose : FundingPurpose.values()) {
      Set<Integer> was = gapYears(before, purpose);
      Set<Integer> is = gapYears(after, purpose);
      assertTrue(was.containsAll(is), purpose + ": " + is + " not within " + was);
    }
  }

  private static Set<Integer> gapYears(FundingPortfolio p, FundingPurpose purpose) {
    return p.gaps().stream().filter(g -> g.purpose() == purpose)
        .flatMap(g -> g.years().stream().boxed())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Property
  void theOrderOfProgramsDoesNotChangeTheResult(@ForAll("programs") List<FundingProgram> programs, @ForAll Random random) {
    List<FundingProgram> shuffled = new ArrayList<>(programs);
    Collections.shuffle(shuffled, random);
    FundingPortfolio a = FundingPortfolio.of(programs);
    FundingPortfolio b = FundingPortfolio.of(shuffled);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(a.rows(), b.rows());
    assertEquals(a.gaps(), b.gaps());
    assertEquals(a.cliffs(), b.cliffs());
    assertEquals(a.overlaps(), b.overlaps());
    assertEquals(a.dependence(), b.dependence());
    assertEquals(a.table(), b.table());
  }

  @Property
  void rowsAgreeWithTheProgramsAndNeverDropOne(@ForAll("programs") List<FundingProgram> programs) {
    FundingPortfolio p = FundingPortfolio.of(programs);
    assertEquals(programs.size(), p.programs().size());
    for (FundingProgram g : programs) {
      assertEquals(g.firstYear().isEmpty(), p.yearsUnknown().contains(g), g.toString());
    }
    for (YearRow r : p.rows()) {
      List<FundingProgram> active = programs.stream().filter(g -> g.isActiveIn(r.year()))
          .sorted((x, y) -> x.id().compareTo(y.id())).toList();
      assertEquals(active, r.active());
      int byLevel = 0;
      int byPurpose = 0;
      for (FundingLevel l : FundingLevel.values()) {
        byLevel += r.level(l).programs();
      }
      for (FundingPurpose u : FundingPurpose.values()) {
        byPurpose += r.purpose(u).programs();
      }
      assertEquals(active.size(), byLevel);
      assertEquals(active.size(), byPurpose);
      assertEquals(active.stream().filter(g -> g.budgetIn(r.year()).isPresent()).count(), r.total().budgetsKnown());
      assertEquals(active.stream().mapToLong(g -> g.budgetIn(r.year()).orElse(0)).sum(), r.total().knownBudget());
    }
  }

  @Property
  void gapsAreExactlyTheMaximalRunsOfYearsWithoutAProgramOfThePurpose(@ForAll("programs") List<FundingProgram> programs) {
    FundingPortfolio p = FundingPortfolio.of(programs).over(1998, 2032);
    Map<FundingPurpose, Integer> lastEnd = new EnumMap<>(FundingPurpose.class);
    for (Gap g : p.gaps()) {
      Integer previous = lastEnd.put(g.purpose(), g.years().last());
      assertTrue(previous == null || previous + 1 < g.years().first(), "gaps must be maximal: " + p.gaps());
    }
    for (FundingPurpose purpose : FundingPurpose.values()) {
      Set<Integer> uncovered = new TreeSet<>();
      for (int y = 1998; y <= 2032; y++) {
        final int year = y;
        if (programs.stream().noneMatch(g -> g.purpose() == purpose && g.isActiveIn(year))) {
          uncovered.add(y);
        }
      }
      assertEquals(uncovered, gapYears(p, purpose), purpose.toString());
    }
  }

  @Property
  void aCliffIsExactlyAnEndWithNothingOfThePurposeTheYearAfter(@ForAll("programs") List<FundingProgram> programs) {
    FundingPortfolio p = FundingPortfolio.of(programs);
    Set<ProgramId> cliffs = p.cliffs().stream().map(c -> c.program().id()).collect(Collectors.toSet());
    for (FundingProgram g : programs) {
      if (g.firstYear().isEmpty() || g.lastYear().isEmpty()) {
        assertFalse(cliffs.contains(g.id()), g.toString());
        continue;
      }
      int next = g.lastYear().getAsInt() + 1;
      boolean continued = programs.stream().anyMatch(q -> q != g && q.purpose() == g.purpose() && q.isActiveIn(next));
      assertEquals(!continued, cliffs.contains(g.id()), g.toString());
    }
    for (Cliff c : p.cliffs()) {
      Optional<FundingProgram> earliest = programs.stream()
          .filter(q -> q.purpose() == c.purpose() && q.firstYear().isPresent() && q.firstYear().getAsInt() > c.year() + 1)
          .min((x, y) -> x.firstYear().getAsInt() != y.firstYear().getAsInt()
              ? Integer.compare(x.firstYear().getAsInt(), y.firstYear().getAsInt()) : x.id().compareTo(y.id()));
      assertEquals(earliest, c.successor());
    }
  }

  @Property
  void overlapsAreExactlyTheSamePurposePairsActiveTogether(@ForAll("programs") List<FundingProgram> programs) {
    FundingPortfolio p = FundingPortfolio.of(programs);
    if (p.years().isEmpty()) {
      assertTrue(p.overlaps().isEmpty());
      return;
    }
    YearRange years = p.years().orElseThrow();
    for (FundingProgram a : p.programs()) {
      for (FundingProgram b : p.programs()) {
        if (a.id().compareTo(b.id()) >= 0) {
          continue;
        }
        Optional<Overlap> o = p.overlaps().stream()
            .filter(x -> x.first().equals(a) && x.second().equals(b)).findFirst();
        for (int y = years.first(); y <= years.last(); y++) {
          boolean together = a.purpose() == b.purpose() && a.isActiveIn(y) && b.isActiveIn(y);
          final int year = y;
          assertEquals(together, o.filter(x -> x.years().contains(year)).isPresent(), a.id() + " & " + b.id() + " in " + y);
        }
        o.ifPresent(x -> assertEquals(a.isActiveIn(years.last() + 1) && b.isActiveIn(years.last() + 1), x.ongoing()));
      }
    }
  }

  @Property
  void dependenceSharesAreConsistent(@ForAll("programs") List<FundingProgram> programs) {
    FundingPortfolio p = FundingPortfolio.of(programs);
    for (Dependence d : p.dependence()) {
      int n = d.shares().size();
      assertEquals(p.activeIn(d.year()).size(), n);
      if (n == 0) {
        assertFalse(d.dependsOnOneProgram());
        continue;
      }
      assertEquals(1.0, d.shares().values().stream().mapToDouble(Double::doubleValue).sum(), EPSILON);
      double largest = d.largestShare();
      assertTrue(d.hhi() >= largest * largest - EPSILON && d.hhi() <= largest + EPSILON, d.toString());
      assertTrue(d.hhi() >= 1.0 / n - EPSILON, d.toString());
      assertEquals(largest > 0.5, d.dependsOnOneProgram());
      YearRow r = p.row(d.year());
      assertEquals(r.total().isBudgetComplete() && r.total().knownBudget() > 0,
          d.basis() == Dependence.Basis.BUDGET, d.toString());
    }
  }

  @Property
  void removingAnAddedProgramGivesTheSamePortfolio(
      @ForAll("programs") List<FundingProgram> programs, @ForAll("specs") Spec extra) {
    FundingPortfolio p = FundingPortfolio.of(programs);
    FundingProgram added = extra.build("extra");
    assertEquals(p, p.withProgram(added).withoutProgram(added.id()));
  }
}
