package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.HashBasedTable;
import com.google.common.collect.Table;
import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.matching.Scorers;
import io.github.renkei.cluster.matching.Shortlist;
import io.github.renkei.cluster.matching.Shortlists;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Certification;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.region.Prefecture;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shortlist command's tables: what they say, and columns aligned by display width. */
class ShortlistTableTest {

  private static final OrganizationId HOSPITAL = OrganizationId.of("hospital");

  private static Organization firm(String id, String nativeName, Prefecture p, boolean iso) {
    Organization.Builder b = Organization.builder(OrganizationId.of(id), "Firm " + id,
        OrganizationType.SME_MANUFACTURER, p).capabilities(Capability.PRECISION_CUTTING).capacity(2);
    if (nativeName != null) {
      b.nativeName(nativeName);
    }
    if (iso) {
      b.certifications(Certification.ISO_13485);
    }
    return b.build();
  }

  /** n1 wants cutting and ISO 13485: a and bb qualify; c and dd lack ISO 13485; n2 is locked to a. */
  private static MatchingProblem problem() {
    Table<NeedId, OrganizationId, Double> t = HashBasedTable.create();
    String[] ids = {"a", "bb", "c", "dd"};
    double[] scores = {1.5, 2.25, 3, 0.5};
    for (int i = 0; i < ids.length; i++) {
      t.put(NeedId.of("n1"), OrganizationId.of(ids[i]), scores[i]);
      t.put(NeedId.of("n2"), OrganizationId.of(ids[i]), scores[i]);
    }
    return MatchingProblem.builder()
        .organization(Organization.builder(HOSPITAL, "Hospital", OrganizationType.CITY_HOSPITAL, Prefecture.FUKUSHIMA)
            .build())
        .supplier(firm("a", "架空会津精密", Prefecture.FUKUSHIMA, true))
        .supplier(firm("bb", null, Prefecture.MIYAGI, true))
        .supplier(firm("c", "架空相馬", Prefecture.FUKUSHIMA, false))
        .supplier(firm("dd", "Dd Works", Prefecture.TOKYO, false))
        .need(Need.builder(NeedId.of("n1"), HOSPITAL, NeedKind.OEM).requiredCapabilities(Capability.PRECISION_CUTTING)
            .requiredCertifications(Certification.ISO_13485).build())
        .need(Need.builder(NeedId.of("n2"), HOSPITAL, NeedKind.PARTS_SUPPLY).build())
        .lock(NeedId.of("n2"), OrganizationId.of("a"))
        .constraints(List.of(io.github.renkei.cluster.matching.Constraints.notRequester(),
            io.github.renkei.cluster.matching.Constraints.capabilitiesCovered(),
            io.github.renkei.cluster.matching.Constraints.certificationsHeld()))
        .scorer(Scorers.weighted().add(1.0, Scorers.table("table", t)).add(2.0, Scorers.experience()).build())
        .build();
  }

  @Test
  void candidatesAndNearMissesWithTheirBreakdownsAndWhatTheNearMissesLack() {
    MatchingProblem p = problem();
    String text = ShortlistTable.format(p, Shortlists.of(p, NeedId.of("n1"), 10));
    assertEquals("""
        n1: OEM, for hospital (福島県); needs PRECISION_CUTTING; certified ISO_13485
        all 2 eligible suppliers, best first:
          rank  supplier  name          prefecture  free  score  table  experience
             1  bb        Firm bb       宮城県       2/2  2.250  2.250       0.000
             2  a         架空会津精密  福島県       1/2  1.500  1.500       0.000
        near misses, failing exactly one constraint — all 2, by the score they would have:
          rank  supplier  name      prefecture  free  score  table  experience  fails
             1  c         架空相馬  福島県       2/2  3.000  3.000       0.000  certifications: lacks ISO_13485
             2  dd        Dd Works  東京都       2/2  0.500  0.500       0.000  certifications: lacks ISO_13485
        """, text);
  }

  @Test
  void everyColumnStartsAtTheSameTerminalColumnOnEveryRow() {
    MatchingProblem p = problem();
    String text = ShortlistTable.format(p, Shortlists.of(p, NeedId.of("n1"), 10));
    List<String> table = text.lines().filter(l -> l.startsWith("  ")).toList().subList(0, 3);
    // the prefecture and the free column start at the same display column on the header and each row
    Set<Integer> prefectureStarts = new HashSet<>();
    for (String row : table) {
      int at = row.contains("prefecture") ? row.indexOf("prefecture") : Math.max(row.indexOf("宮城県"),
          row.indexOf("福島県"));
      prefectureStarts.add(DisplayWidth.of(row.substring(0, at)));
    }
    assertEquals(1, prefectureStarts.size(), text);
    assertEquals(1, table.stream().map(DisplayWidth::of).distinct().count(), "rows end together:\n" + text);
  }

  @Test
  void saysWhenNoSupplierIsEligibleWhenTheNeedIsLockedAndWhenThereIsOnlyOne() {
    MatchingProblem p = problem();
    Shortlist n2 = Shortlists.of(p, NeedId.of("n2"), 1);
    String text = ShortlistTable.format(p, n2);
    assertTrue(text.contains("\nlocked to a in this problem\n"), text);
    assertTrue(text.contains("\nthe best 1 of 4 eligible suppliers:\n"), text);
    assertTrue(text.contains("\nno near misses: every other supplier fails two constraints or more\n"), text);

    MatchingProblem none = p.toBuilder().removeSupplier(OrganizationId.of("a")).removeSupplier(OrganizationId.of("bb"))
        .removeSupplier(OrganizationId.of("dd")).build();
    String empty = ShortlistTable.format(none, Shortlists.of(none, NeedId.of("n1"), 10));
    assertTrue(empty.contains("\nno supplier is eligible\none near miss, failing exactly one constraint:\n"), empty);
    assertTrue(empty.endsWith("certifications: lacks ISO_13485\n"), empty);

    String counted = ShortlistTable.format(p, Shortlists.of(p, NeedId.of("n1"), 1, 0));
    assertTrue(counted.contains("\nthe best 1 of 2 eligible suppliers:\n"), counted);
    assertTrue(counted.endsWith("\n2 near misses (suppliers failing exactly one constraint), none listed\n"), counted);
  }
}
