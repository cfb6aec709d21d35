package io.github.renkei.cluster.funding;

import static io.github.renkei.cluster.funding.Programs.ids;
import static io.github.renkei.cluster.funding.Programs.pid;
import static io.github.renkei.cluster.funding.Programs.program;
import static io.github.renkei.cluster.funding.Programs.seed;
import static io.github.renkei.cluster.model.FundingLevel.MUNICIPAL;
import static io.github.renkei.cluster.model.FundingLevel.NATIONAL;
import static io.github.renkei.cluster.model.FundingLevel.PREFECTURAL;
import static io.github.renkei.cluster.model.FundingPurpose.NETWORK_BUILDING;
import static io.github.renkei.cluster.model.FundingPurpose.PARTS_SUPPLY_OEM;
import static io.github.renkei.cluster.model.FundingPurpose.PRODUCT_DEVELOPMENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.model.FundingProgram;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Budgets, balance and dependence on hand-made programs with budgets (the catalog states none). */
class BudgetsAndDependenceTest {

  // hypothetical budgets in yen: a national cluster programme at ¥200M a year (the グローバル型 rate
  // per region), a prefectural project at ¥50M, a municipal one whose budget is not known
  private static final FundingProgram NATIONAL_200 = seed("mext-regional-innovation-cluster").toBuilder()
      .lastYear(2012).budgets(Map.of(2010, 200_000_000L, 2011, 200_000_000L, 2012, 200_000_000L)).build();
  private static final FundingProgram PREFECTURAL_50 = program("pref-oem", PREFECTURAL, PARTS_SUPPLY_OEM)
      .firstYear(2011).lastYear(2013).budgets(Map.of(2011, 50_000_000L, 2012, 50_000_000L, 2013, 50_000_000L)).build();
  private static final FundingProgram MUNICIPAL_UNKNOWN = program("city-net", MUNICIPAL, NETWORK_BUILDING, 2012, 2013);

  private static final FundingPortfolio P = FundingPortfolio.of(List.of(NATIONAL_200, PREFECTURAL_50, MUNICIPAL_UNKNOWN));

  @Test
  void aYearWithEveryBudgetKnownHasAnExactTotal() {
    YearRow r = P.row(2011);
    assertEquals(new Tally(2, 2, 250_000_000L), r.total());
    assertEquals(OptionalLong.of(250_000_000L), r.total().budget());
    assertEquals("2 (¥250M)", r.total().toString());
    assertEquals("2011: 2 (¥250M) [mext-regional-innovation-cluster, pref-oem]", r.toString());
  }

  @Test
  void anUnknownBudgetIsCountedAsUnknownNeverAsZero() {
    YearRow r = P.row(2013);
    assertEquals(new Tally(2, 1, 50_000_000L), r.total());
    assertEquals(OptionalLong.empty(), r.total().budget());
    assertEquals(new Tally(1, 0, 0), r.level(MUNICIPAL));
    assertEquals("1 (budget unknown)", r.level(MUNICIPAL).toString());
    assertEquals(Tally.ZERO, r.level(NATIONAL));
    assertEquals(OptionalLong.of(0), Tally.ZERO.budget());
  }

  @Test
  void theBalanceSharesCountsAndKnownBudgets() {
    Balance b = P.balance(2010, 2013);
    // program-years: national 3, prefectural 3, municipal 2; known budget ¥600M + ¥150M
    assertEquals(OptionalDouble.of(3.0 / 8), b.countShare(NATIONAL));
    assertEquals(OptionalDouble.of(2.0 / 8), b.countShare(MUNICIPAL));
    assertEquals(OptionalDouble.of(0.8), b.budgetShare(NATIONAL));
    assertEquals(OptionalDouble.of(0.2), b.budgetShare(PREFECTURAL));
    assertEquals(OptionalDouble.of(0.0), b.budgetShare(MUNICIPAL));
    assertFalse(b.isBudgetComplete());
    assertEquals(List.of(NATIONAL, PREFECTURAL, MUNICIPAL), b.levels().asList());
    assertEquals("Balance[2010–2013: NATIONAL 38% (3), PREFECTURAL 38% (3), MUNICIPAL 25% (2); known budget ¥750M: "
        + "NATIONAL 80%, PREFECTURAL 20%; 2 of 8 budgets unknown]", b.toString());
    assertTrue(P.balance(2011).isBudgetComplete());
  }

  @Test
  void dependenceIsByBudgetWhenEveryBudgetIsKnown() {
    Dependence d = P.dependence(2011);
    assertEquals(Dependence.Basis.BUDGET, d.basis());
    assertEquals(List.of(pid("mext-regional-innovation-cluster"), pid("pref-oem")), d.shares().keySet().asList());
    assertEquals(0.8, d.largestShare(), 1e-12);
    assertEquals(0.8 * 0.8 + 0.2 * 0.2, d.hhi(), 1e-12);
    assertTrue(d.dependsOnOneProgram());
    assertFalse(P.dependence(2011, 0.8).dependsOnOneProgram());   // "more than", not "at least"
    assertTrue(P.dependence(2011, 0.79).dependsOnOneProgram());
  }

  @Test
  void dependenceFallsBackToCountsWhenABudgetIsUnknown() {
    Dependence d = P.dependence(2012);
    assertEquals(Dependence.Basis.COUNT, d.basis());
    assertEquals(3, d.shares().size());
    assertEquals(1.0 / 3, d.largestShare(), 1e-12);
    assertEquals(3.0, d.equivalentPrograms(), 1e-9);
    assertFalse(d.dependsOnOneProgram());
  }

  @Test
  void zeroBudgetsGiveNoBudgetShares() {
    FundingProgram zero = program("z", NATIONAL, PRODUCT_DEVELOPMENT).firstYear(2010).lastYear(2010).budget(2010, 0).build();
    FundingPortfolio p = FundingPortfolio.of(List.of(zero));
    assertEquals(OptionalDouble.empty(), p.balance(2010).budgetShare(NATIONAL));
    assertEquals(Dependence.Basis.COUNT, p.dependence(2010).basis());
    assertEquals(OptionalLong.of(0), p.row(2010).total().budget());
    assertEquals("0", Tally.ZERO.toString());
  }

  @Test
  void aYearWithoutProgramsHasNoDependenceAndNoShares() {
    FundingPortfolio p = P.over(2008, 2013);
    Dependence d = p.dependence(2008);
    assertEquals(0, d.shares().size());
    assertEquals(0.0, d.hhi());
    assertEquals(0.0, d.equivalentPrograms());
    assertFalse(d.dependsOnOneProgram());
    assertEquals("Dependence[2008: no programs]", d.toString());
    assertEquals(OptionalDouble.empty(), p.balance(2008, 2009).countShare(NATIONAL));
    assertEquals("Balance[2008–2009: no programs]", p.balance(2008, 2009).toString());
    assertFalse(p.balance(2008, 2009).isSingleLevel());
  }

  @Test
  void budgetYearsExtendThePortfoliosYearsOfAnOngoingProgram() {
    FundingProgram p = seed("amed-regional-hub-autonomy").toBuilder().budget(2024, 25_000_000L).build();
    assertEquals(YearRange.of(2021, 2024), FundingPortfolio.of(List.of(p)).years().orElseThrow());
  }

  @Test
  void theTableShowsKnownBudgetsAndCountsTheUnknown() {
    List<String> lines = P.table().lines().toList();
    assertEquals("2011      2    1    1    0     1      1       0      0         ¥250M       0  0.80 budget !", lines.get(3));
    assertEquals("2013      2    0    1    1     0      1       1      0          ¥50M       1  0.50 count", lines.get(5));
  }

  @Test
  void whatIfQuestionsReplaceOrRemoveAProgram() {
    FundingPortfolio longer = P.withProgram(PREFECTURAL_50.toBuilder().lastYear(2015).build());
    assertEquals(YearRange.of(2010, 2015), longer.years().orElseThrow());
    assertEquals(3, longer.programs().size());
    FundingPortfolio without = P.withoutProgram(pid("city-net"));
    assertEquals(List.of("mext-regional-innovation-cluster", "pref-oem"), ids(without.programs()));
    assertEquals(P, without.withProgram(MUNICIPAL_UNKNOWN));
    assertEquals(P.hashCode(), without.withProgram(MUNICIPAL_UNKNOWN).hashCode());
    FundingPortfolio nationalOnly = P.over(2005, 2015).filter(g -> g.level() == NATIONAL);
    assertEquals(YearRange.of(2005, 2015), nationalOnly.years().orElseThrow());
    assertEquals(List.of("mext-regional-innovation-cluster"), ids(nationalOnly.programs()));
  }
}
