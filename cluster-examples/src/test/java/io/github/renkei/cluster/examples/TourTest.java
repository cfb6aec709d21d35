package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the README's tour and checks the values the README states. */
class TourTest {

  @Test
  void theReadmeTourPrintsWhatTheReadmeSays() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Tour.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("NEGATIVE_CAPACITY [x]"), out);
    assertTrue(out.contains("SELF_TIE [aizu-precision]"), out);
    assertTrue(out.contains("class III: SPECIALLY_CONTROLLED"), out);
    assertTrue(out.contains("class II with a standard: CERTIFICATION"), out);
    assertTrue(out.contains("ODM class II satisfied: false"), out);
    assertTrue(out.contains("ODM class II unmet: [[jp.pmd.mfg.design]]"), out);
    assertTrue(out.contains("roles allowed for class II: [PARTS_SUPPLIER, CONTRACT_MANUFACTURER, CO_DEVELOPER]"), out);
    assertTrue(out.contains("support organizations: 64"), out);
    assertTrue(out.contains("hubs: 6"), out);
    assertTrue(out.contains("in Shikoku: 4"), out);
    assertTrue(out.contains("national programs: 6"), out);
    assertTrue(out.contains("at ODM after the update: 2"), out);
    assertTrue(out.contains("syn-need-05: no supplier has PACKAGING and STERILIZATION_EO, in 北海道・東北"), out);
    assertTrue(out.contains("infeasibilities: []"), out);
    assertTrue(out.contains("blocking pairs of the stable matching: []"), out);
    assertTrue(out.contains("n-100 kept: n-100 -> syn-sme-nihonmatsu-medical"), out);
    assertTrue(out.contains("locked"), out);
    assertTrue(out.contains("syn-need-01 now: syn-need-01 -> aizu-precision"), out);
    assertTrue(out.contains("most between: [#1 fmdipo=144.3, #2 syn-sme-nihonmatsu-medical=107.9, #3 amed=69.00]"),
        out);
    assertTrue(out.contains("hub ranking: [1. fmdipo (Fukushima Medical Device Industry Promotion Organization) ★"),
        out);
    assertTrue(out.contains("brokers across sectors: [fmdipo=Roles[coordinator=0, itinerant=0, gatekeeper=2, "
        + "representative=0, liaison=8]]"), out);
    assertTrue(out.contains("supply tiers 2020: SupplyTiers[tier 0: 2, tier 1: 5; unanchored: 2]"), out);
    assertTrue(out.contains("vertical → horizontal: Verticality[2006–2025: horizontal share 0.0 % → 28.6 %]"), out);
    assertTrue(out.contains("uncovered at 0 km: [NAGASAKI]"), out);
    assertTrue(out.contains("hub-covered within 100 km: 23/47"), out);
    assertTrue(out.contains("best next hub: 11 埼玉県 Saitama +5 [Ibaraki, Tochigi, Chiba, Tokyo, Kanagawa]"), out);
    assertTrue(out.contains("greedy hubs within 200 km: [41 佐賀県 Saga +2 [Miyazaki, Kagoshima]"), out);
    assertTrue(out.contains("years unknown: 2"), out);
    assertTrue(out.contains("2005 depends on one program: true"), out);
    assertTrue(out.contains("balance 2013: Balance[2013: NATIONAL 75% (3), PREFECTURAL 25% (1), MUNICIPAL 0% (0); "
        + "known budget ¥13,400M: NATIONAL 100%; 3 of 4 budgets unknown]"), out);
    assertTrue(out.contains("prefecture's cliffs: 2"), out);
    assertTrue(out.contains("total in 2020: 500.7 ± 0.81 (n=500"), out);
    assertTrue(out.contains("95% CI contains 500: true"), out);
    assertTrue(out.contains("subsidy effect: 100.000000 over 500 pairs"), out);
    assertTrue(out.contains("same with one thread: true"), out);
    assertTrue(out.contains("replications done: 1000, files: true true"), out);
    assertTrue(out.contains("council, lead's know-how in 2020: +0.10 [+0.10, +0.11]"), out);
    assertTrue(out.contains("variant: false [pmd-act-revision@2005, financial-crisis@2008, earthquake@2012,"), out);
    assertTrue(out.contains("registered manufacturers 2016: 68.3 (observed 74)"), out);
    assertTrue(out.contains("ClusterWorld[FUKUSHIMA: 1000 organizations, 918 firms, 7 requesters (2 device makers), 2 care organizations,"
        + " 3 support organizations,"),
        out);
  }
}
