package io.github.renkei.cluster.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.graph.GraphBuilder;
import com.google.common.graph.ImmutableGraph;
import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.model.RelationshipType;
import io.github.renkei.cluster.region.Prefecture;
import java.util.Map;
import java.util.OptionalInt;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ClusterNetworkTest {

  private static Organization org(String id, OrganizationType type, Prefecture p) {
    return Organization.builder(OrganizationId.of(id), id, type, p).build();
  }

  private static OrganizationId id(String id) {
    return OrganizationId.of(id);
  }

  /** A maker, two tiers of suppliers, an ODM partner, a support organization, one isolate. */
  static Cluster chain() {
    return Cluster.builder()
        .add(org("maker", OrganizationType.DEVICE_MAKER, Prefecture.TOKYO))
        .add(org("t1", OrganizationType.SME_MANUFACTURER, Prefecture.FUKUSHIMA))
        .add(org("t2", OrganizationType.SME_MANUFACTURER, Prefecture.FUKUSHIMA))
        .add(org("odm", OrganizationType.SME_MANUFACTURER, Prefecture.MIYAGI))
        .add(org("loner", OrganizationType.SME_MANUFACTURER, Prefecture.YAMAGATA))
        .add(org("lone-buyer", OrganizationType.SME_MANUFACTURER, Prefecture.YAMAGATA))
        .add(org("support", OrganizationType.SUPPORT_ORGANIZATION, Prefecture.FUKUSHIMA))
        .add(org("isolate", OrganizationType.UNIVERSITY, Prefecture.AKITA))
        .add(Relationship.of(id("t1"), RelationshipType.PARTS_SUPPLY, id("maker"), 2005))
        .add(Relationship.of(id("t2"), RelationshipType.PARTS_SUPPLY, id("t1"), 2008, 2012))
        .add(Relationship.of(id("odm"), RelationshipType.ODM, id("maker"), 2014))
        .add(Relationship.of(id("loner"), RelationshipType.OEM, id("lone-buyer"), 2010))
        .add(Relationship.of(id("support"), RelationshipType.SUPPORT, id("t1"), 2006))
        .add(Relationship.of(id("support"), RelationshipType.SUPPORT, id("t2"), 2006))
        .build();
  }

  @Test
  void viewsKeepTheFilteredTies() {
    Cluster c = chain();
    ClusterNetwork all = ClusterNetwork.of(c);
    assertEquals(8, all.organizations());
    assertEquals(6, all.ties().size());
    assertEquals(6, all.network().edges().size());
    assertTrue(all.directed().hasEdgeConnecting(id("t1"), id("maker")));
    assertTrue(all.undirected().hasEdgeConnecting(id("maker"), id("t1")));
    ClusterNetwork supply2013 = ClusterNetwork.of(c, TieFilter.supply().inYear(2013));
    assertEquals(2, supply2013.ties().size());   // t1→maker, loner→lone-buyer; t2 ended 2012, odm from 2014
    assertEquals(3, ClusterNetwork.of(c, TieFilter.support().inYear(2010)).components().stream()
        .filter(comp -> comp.size() > 1).findFirst().orElseThrow().size());
    assertEquals(1, all.tieCounts().edgeValueOrDefault(id("t1"), id("maker"), 0));
    assertEquals(ImmutableList.of(id("isolate")), ImmutableList.copyOf(all.components().get(2)));
    assertThrows(IllegalArgumentException.class, () -> TieFilter.supply().inYear(0));
    assertThrows(IllegalArgumentException.class, () -> TieFilter.of());
  }

  @Test
  void supplyTiersCountFromTheDeviceMakers() {
    SupplyTiers tiers = ClusterNetwork.of(chain(), TieFilter.supply().inYear(2010)).supplyTiers();
    assertEquals(OptionalInt.of(0), tiers.tier(id("maker")));
    assertEquals(OptionalInt.of(1), tiers.tier(id("t1")));
    assertEquals(OptionalInt.of(2), tiers.tier(id("t2")));
    assertEquals(OptionalInt.empty(), tiers.tier(id("odm")));   // its tie starts in 2014
    assertEquals(Map.of(0, 1, 1, 1, 2, 1), tiers.counts());
    assertEquals(OptionalInt.of(2), tiers.depth());
    assertEquals(ImmutableList.of(id("loner")), tiers.unanchored().asList());
    assertEquals(OptionalInt.of(1),
        ClusterNetwork.of(chain(), TieFilter.supply().inYear(2015)).supplyTiers().tier(id("odm")));
  }

  @Test
  void verticalityFollowsTheYears() {
    Verticality v = Verticality.of(chain(), 2004, 2016);
    assertEquals(0, v.year(2004).vertical());
    assertTrue(v.year(2004).horizontalShare().isEmpty());
    assertEquals(3, v.year(2010).vertical());     // t1, t2, loner
    assertEquals(0, v.year(2010).horizontal());
    assertEquals(2, v.year(2014).vertical());
    assertEquals(1, v.year(2014).horizontal());
    assertEquals(1 / 3.0, v.year(2014).horizontalShare().getAsDouble(), 1e-12);
    assertEquals(2.0, v.year(2014).verticalPerHorizontal().getAsDouble());
    assertTrue(v.table().contains("2014"));
    assertThrows(IllegalArgumentException.class, () -> Verticality.of(chain(), 2016, 2004));
    assertThrows(IllegalArgumentException.class, () -> Verticality.of(chain(), 0, 2004));
    assertThrows(IllegalArgumentException.class, () -> v.year(2020));
  }

  @Test
  void brokerageRolesFollowGouldAndFernandez() {
    // a → b → c for every combination of groups, with a closed triad that does not count
    ImmutableGraph<String> g = GraphBuilder.directed().<String>immutable()
        .putEdge("x1", "b").putEdge("b", "x2")      // x1, b, x2 all in X: coordinator
        .putEdge("y1", "b").putEdge("b", "y2")      // Y → b → Y: itinerant
        .putEdge("y1", "x2")                          // closes y1 → b → x2? no: y1 → x2 exists, so not brokered
        .putEdge("b", "z1")                           // X → b → Z: representative (x1 → b → z1)
        .build();
    Map<String, String> group = Map.of("x1", "X", "x2", "X", "b", "X", "y1", "Y", "y2", "Y", "z1", "Z");
    Brokerage.Roles r = Brokerage.of(g, group::get).roles("b");
    // paths through b: x1→b→x2 (coordinator), x1→b→y2 (representative), x1→b→z1 (representative),
    // y1→b→x2 (closed by y1→x2: not counted), y1→b→y2 (itinerant), y1→b→z1 (liaison)
    assertEquals(1, r.coordinator());
    assertEquals(1, r.itinerant());
    assertEquals(0, r.gatekeeper());
    assertEquals(2, r.representative());
    assertEquals(1, r.liaison());
    assertEquals(5, r.total());
    ImmutableGraph<String> gate = GraphBuilder.directed().<String>immutable().putEdge("y", "b").putEdge("b", "x")
        .build();
    assertEquals(1, Brokerage.of(gate, Map.of("y", "Y", "b", "X", "x", "X")::get).roles("b").gatekeeper());
    assertThrows(IllegalArgumentException.class, () -> Brokerage.of(KnownGraphs.path(3), v -> "g"));
    Brokerage byPrefecture = ClusterNetwork.of(chain()).brokerage(Organization::prefecture);
    // support → t1 → maker and t2 → t1 → maker (Fukushima, Fukushima, Tokyo): t1 represents Fukushima
    assertEquals(2, byPrefecture.roles(id("t1")).representative());
    assertEquals(2, byPrefecture.roles(id("t1")).total());
  }

  @Test
  void theFukushimaSampleHasACentralPromotionOrganization() {
    ClusterNetwork n = ClusterNetwork.of(FukushimaSample.cluster());
    ImmutableList<ClusterNetwork.HubRank> top = n.hubRanking(3);
    assertEquals(1, top.get(0).rank());
    assertTrue(top.stream().anyMatch(h -> h.organization().equals(FukushimaSample.PROMOTION_ORGANIZATION)), top
        .toString());
    assertTrue(n.betweenness().value(FukushimaSample.PROMOTION_ORGANIZATION) > 0);
    assertTrue(n.toString().contains("organizations"));
  }

  @Property(tries = 100)
  void measuresAreWellFormedOnAnyCluster(@ForAll Cluster cluster) {
    ClusterNetwork n = ClusterNetwork.of(cluster);
    assertEquals(cluster.organizationCount(), n.organizations());
    assertEquals(cluster.organizationCount(), n.components().stream().mapToInt(java.util.Set::size).sum());
    double d = n.density();
    assertTrue(d >= 0 && d <= 1, "density " + d);
    for (double b : n.betweenness().asMap().values()) {
      assertTrue(b >= 0 && Double.isFinite(b));
    }
    SupplyTiers t = n.supplyTiers();
    for (Relationship r : n.ties()) {
      if (r.type().isSupply() && t.tier(r.to()).isPresent()) {
        // a supplier of a tier-k buyer is at most at tier k + 1
        assertTrue(t.tier(r.from()).isPresent());
        assertTrue(t.tier(r.from()).getAsInt() <= t.tier(r.to()).getAsInt() + 1);
      }
    }
  }
}
