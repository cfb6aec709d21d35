package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Runs the small examples and checks the lines they print, numbers included, so that a change
 * in the library's behaviour shows up here as well as in its own tests.
 */
class ExamplesTest {

  private static String output(Consumer<PrintStream> example) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    example.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  private static void assertPrints(String out, String... lines) {
    for (String line : lines) {
      assertTrue(out.contains(line), () -> "expected\n" + line + "\nin\n" + out);
    }
  }

  @Test
  void embedModelBuildsQueriesAndUpdatesASmallCluster() {
    assertPrints(output(EmbedModel::run),
        "built: Cluster[organizations=7, relationships=6, needs=2, programs=0]",
        "industry: [natori-moulding, sendai-cutting, tokyo-maker, tome-electronics]",
        "healthcare: [sendai-hospital]",
        "cleanroom assembly: [natori-moulding]\n",
        "main-assembly registration: [natori-moulding, tome-electronics]",
        "ties from sendai-support: [sendai-support -[SUPPORT]-> natori-moulding (2015–), "
            + "sendai-support -[SUPPORT]-> sendai-cutting (2015–), sendai-support -[SUPPORT]-> tome-electronics (2016–)]",
        "ties to tome-electronics: [sendai-hospital -[CLINICAL_NEEDS]-> tome-electronics (2018–), "
            + "sendai-support -[SUPPORT]-> tome-electronics (2016–)]",
        "needs of tokyo-maker: 1",
        "updated: Cluster[organizations=7, relationships=7, needs=2, programs=0]",
        "cleanroom assembly after the update: [natori-moulding, sendai-cutting]",
        "ties to tokyo-maker after the update: [natori-moulding -[OEM]-> tokyo-maker (2017–), "
            + "sendai-cutting -[PARTS_SUPPLY]-> tokyo-maker (2019–)]",
        "original unchanged: Cluster[organizations=7, relationships=6, needs=2, programs=0], "
            + "cleanroom assembly [natori-moulding]",
        "refused: UNKNOWN_ORGANIZATION [sendai-cutting, osaka-maker]: ");
  }

  @Test
  void customRulesNarrowTheFukushimaMatchingAndExplainWhatTheyLeft() {
    assertPrints(output(CustomRules::run),
        "standard rules, 9 eligible pairs\nMatchResult[optimal: 4 matched, 1 unmatched, total score 20.625]",
        "  syn-need-04 -> syn-sme-nihonmatsu-medical  6.000 = ",
        "with min-employees and established, 3 eligible pairs\n"
            + "MatchResult[optimal: 3 matched, 2 unmatched, total score 17.333]",
        "  syn-need-02 -> syn-sme-shirakawa-electronics  5.213 = ",
        "+ established 1.275",
        "  syn-need-03 -> syn-sme-soma-devices  6.279 = ",
        "  syn-need-04 -> syn-sme-soma-devices  5.841 = ",
        "  syn-need-01 unmatched: no supplier has PRECISION_CUTTING, has at least 80 employees",
        "  syn-need-05 unmatched: no supplier has PACKAGING and STERILIZATION_EO, in 北海道・東北",
        "infeasibilities: []",
        "why syn-need-01 is unmatched: no supplier has PRECISION_CUTTING, has at least 80 employees",
        "  capabilities         excludes  9 of 11 suppliers",
        "  min-employees        excludes  8 of 11 suppliers",
        "  eligible: 0, full: []");
  }

  @Test
  void experimentInTenLinesComparesRotationPeriods() {
    assertPrints(output(ExperimentInTenLines::run),
        "{rotation-years=2}, registered manufacturers in 2030: 105.58 [104.31, 106.85]",
        "{rotation-years=5}, registered manufacturers in 2030: 109.02 [107.54, 110.50]",
        "rotating every 5 rather than 2 years: +3.44 [+1.83, +5.05] over 100 pairs");
  }

  @Test
  void fukushimaSensitivityRanksTheTenAssumptionsForBothMetrics() {
    List<io.github.renkei.cluster.inference.SobolResult> results = new java.util.ArrayList<>();
    String out = output(o -> results.addAll(FukushimaSensitivity.run(8, 1, 2, o)));
    assertPrints(out, "registered-manufacturers in 2030, Sobol' indices of 10 assumed coefficients",
        "parts-shipments in 2030, Sobol' indices", "entry-hazard in [0.01, 0.03]", "tie-effect in [0.15, 0.45]");
    assertEquals(2, results.size());
    for (io.github.renkei.cluster.inference.SobolResult r : results) {
      assertEquals(10, r.ranking().size());
      assertEquals(8 * 12, r.evaluations());
    }
  }

  @Test
  void fukushimaBacktestFitsOnEachCutoffAndScoresTheLaterFigures() {
    io.github.renkei.cluster.inference.BacktestResult r = FukushimaBacktest.run(20, 8, 2);
    assertEquals(FukushimaBacktest.CUTOFFS, r.cutoffs());
    // 2011: registrations 2014-16, production 2012-14, exhibitors 2013 and 2015, themes 2014 and 2016
    assertEquals(10, r.predictions().stream().filter(p -> p.cutoff().equals("2011")).count());
    for (io.github.renkei.cluster.inference.BacktestResult.Prediction p : r.predictions()) {
      assertTrue(Integer.parseInt(p.target().time()) > Integer.parseInt(p.cutoff()), p.toString());
      assertTrue(p.band90().lower() <= p.band50().lower() && p.band50().upper() <= p.band90().upper(), p.toString());
    }
    assertTrue(r.table().contains("registered-manufacturers"), r.table());
  }
}
