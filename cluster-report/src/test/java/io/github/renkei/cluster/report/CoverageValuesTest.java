package io.github.renkei.cluster.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.network.CoverageReport;
import io.github.renkei.cluster.network.SupportCoverage;
import io.github.renkei.cluster.region.Prefecture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageValuesTest {

  private static final SupportCoverage NATIONWIDE = SupportCoverage.of(Catalog.nationwide());

  @Test
  void atZeroKmOnlyNagasakiHasNoOrganizationOfItsOwn() {
    Map<Prefecture, Double> own = CoverageValues.supportWithin(NATIONWIDE.within(0));
    assertEquals(47, own.size());
    assertEquals(0.0, own.get(Prefecture.NAGASAKI));
    // at 0 km a prefecture counts exactly the catalog's organizations standing in it
    for (Prefecture p : Prefecture.values()) {
      long inCatalog = Catalog.nationwide().supportOrganizations().stream().filter(o -> o.prefecture() == p).count();
      assertEquals((double) inCatalog, own.get(p), p.toString());
      assertTrue(p == Prefecture.NAGASAKI || inCatalog >= 1, p.toString());
    }
  }

  @Test
  void valuesAgreeWithTheReportEntries() {
    CoverageReport at100 = NATIONWIDE.within(100);
    Map<Prefecture, Double> support = CoverageValues.supportWithin(at100);
    Map<Prefecture, Double> hubs = CoverageValues.hubsWithin(at100);
    Map<Prefecture, Double> nearestSupport = CoverageValues.nearestSupportKm(at100);
    Map<Prefecture, Double> nearestHub = CoverageValues.nearestHubKm(at100);
    for (CoverageReport.Entry e : at100.entries()) {
      assertEquals(e.supportWithin(), support.get(e.prefecture()));
      assertEquals(e.hubsWithin(), hubs.get(e.prefecture()));
      assertEquals(e.nearestSupport().orElseThrow().distanceKm(), nearestSupport.get(e.prefecture()));
      assertEquals(e.nearestHub().orElseThrow().distanceKm(), nearestHub.get(e.prefecture()));
    }
    // the hubs' own prefectures are at 0 km from a hub
    for (Prefecture p : List.of(Prefecture.IWATE, Prefecture.FUKUSHIMA, Prefecture.OSAKA, Prefecture.FUKUOKA)) {
      assertEquals(0.0, nearestHub.get(p), p.toString());
    }
    assertEquals(at100.hubCovered().size(), hubs.values().stream().filter(n -> n > 0).count());
  }

  @Test
  void aNetworkWithoutHubsHasNoNearestHubValues() {
    SupportCoverage noHubs = SupportCoverage.of(Catalog.nationwide().supportOrganizations(), List.of());
    assertTrue(CoverageValues.nearestHubKm(noHubs.within(50)).isEmpty());
    assertEquals(47, CoverageValues.nearestSupportKm(noHubs.within(50)).size());
  }
}
