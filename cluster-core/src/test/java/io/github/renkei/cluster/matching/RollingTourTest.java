package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.region.RegionBlock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's tour step "a year of needs in weekly rounds", run as written; its printed lines are pinned. */
class RollingTourTest {

  static RollingResult tour(StringBuilder out) {
    Cluster cluster = FukushimaSample.cluster();
    MatchingProblem desk = MatchingProblem.from(cluster).withoutNeeds().year(2026).build();  // suppliers, rules
    LocalDate april = LocalDate.of(2026, 4, 6);                       // a Monday
    TimedQueue.Builder queue = TimedQueue.builder(desk, april, april.plusDays(363));   // 52 weeks
    OrganizationId maker = OrganizationId.of("syn-maker-fukushima");
    for (int w = 0; w < 52; w++) {                                    // every Wednesday, precision-cut parts
      Need parts = Need.builder(NeedId.of(String.format("cut-%02d", w + 1)), maker, NeedKind.PARTS_SUPPLY)
          .requiredCapabilities(Capability.PRECISION_CUTTING).build();
      queue.need(TimedNeed.of(parts, april.plusDays(7 * w + 2)).withDeadline(april.plusDays(7 * w + 30)));
      if (w % 13 == 0) {                                              // each quarter, sterilized packs
        Need packs = Need.builder(NeedId.of(String.format("eo-%02d", w + 1)), maker, NeedKind.PARTS_SUPPLY)
            .requiredCapabilities(Capability.STERILIZATION_EO, Capability.PACKAGING)
            .preferredBlock(RegionBlock.HOKKAIDO_TOHOKU).build();
        queue.need(TimedNeed.of(packs, april.plusDays(7 * w + 2)).withDeadline(april.plusDays(7 * w + 44)));
      }
    }
    RollingResult year = RollingMatcher.weekly(Matchers.optimal()).withContractDays(60).run(queue.build());
    out.append(year).append('\n');
    out.append(year.waitingTimes().orElseThrow()).append('\n');
    year.expired().stream().limit(3).forEach(u -> out.append(u.summary()).append('\n'));
    out.append(MatchChecks.rollingProblems(year)).append('\n');
    return year;
  }

  @Test
  void theTourPrintsWhatTheReadmeShows() {
    StringBuilder out = new StringBuilder();
    RollingResult year = tour(out);
    assertEquals(List.of(
        "RollingResult[optimal every 7 days, 2026-04-06 .. 2027-04-04: 52 rounds, 56 needs, 24 committed, 28 expired,"
            + " 4 waiting]",
        "24 commitments: mean 22.5 days, median 26, p90 26, max 26",
        "eo-01 passed its deadline 2026-05-20 (arrived 2026-04-08, 6 rounds): no supplier has PACKAGING and"
            + " STERILIZATION_EO, in 北海道・東北",
        "cut-05 passed its deadline 2026-06-03 (arrived 2026-05-06, 4 rounds): all 2 eligible suppliers are full:"
            + " syn-sme-aizu-cutting (taken by cut-03, cut-04); syn-sme-date-precision (taken by cut-01, cut-02)",
        "cut-06 passed its deadline 2026-06-10 (arrived 2026-05-13, 4 rounds): all 2 eligible suppliers are full:"
            + " syn-sme-aizu-cutting (taken by cut-03, cut-04); syn-sme-date-precision (taken by cut-01, cut-02)",
        "[]"), out.toString().lines().toList());
    // the two precision-cutting shops (capacity 2 each) hold 4 contracts of 60 days from May on
    assertEquals(4, year.rounds().get(10).activeContracts());
    assertEquals(28, year.rounds().get(0).capacity());
  }
}
