package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.HashBasedTable;
import com.google.common.collect.Table;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.model.RelationshipType;
import io.github.renkei.cluster.region.Prefecture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The built-in scorers, each on [0, 1], and the weighted composite. */
class ScorersTest {

  private static final OrganizationId HOSPITAL = OrganizationId.of("hospital");
  private static final Organization REQUESTER =
      Organization.builder(HOSPITAL, "Hospital", OrganizationType.CITY_HOSPITAL, Prefecture.FUKUSHIMA).build();
  private static final Need PARTS = Need.builder(NeedId.of("n1"), HOSPITAL, NeedKind.PARTS_SUPPLY).build();

  private static Organization.Builder supplier(String id, Prefecture p) {
    return Organization.builder(OrganizationId.of(id), "Supplier " + id, OrganizationType.SME_MANUFACTURER, p)
        .capacity(1);
  }

  private static MatchContext context(List<Organization> suppliers, List<Relationship> ties, Organization... others) {
    MatchingProblem.Builder b = MatchingProblem.builder().organization(REQUESTER).year(2015);
    for (Organization o : others) {
      b.organization(o);
    }
    suppliers.forEach(b::supplier);
    ties.forEach(b::relationship);
    return b.build().context();
  }

  private static double score(Scorer s, Need n, Organization supplier, MatchContext ctx) {
    return s.score(n, supplier, ctx);
  }

  @Test
  void proximityIsOneWithinAPrefectureAndDecaysExponentiallyWithA200KmScale() {
    Organization local = supplier("local", Prefecture.FUKUSHIMA).build();
    Organization tokyo = supplier("tokyo", Prefecture.TOKYO).build();
    Organization osaka = supplier("osaka", Prefecture.OSAKA).build();
    MatchContext ctx = context(List.of(local, tokyo, osaka), List.of());
    Scorer p = Scorers.proximity();
    assertEquals("proximity", p.name());
    assertEquals(1.0, score(p, PARTS, local, ctx));
    double d = Prefecture.FUKUSHIMA.distanceKm(Prefecture.TOKYO);
    assertEquals(Math.exp(-d / 200), score(p, PARTS, tokyo, ctx), 1e-12);
    assertEquals(0.30, score(p, PARTS, tokyo, ctx), 0.005, "Fukushima–Tokyo (239 km)");
    assertEquals(0.06, score(p, PARTS, osaka, ctx), 0.005, "Fukushima–Osaka (about 560 km)");
    assertEquals(Math.exp(-d / 100), score(Scorers.proximity(100), PARTS, tokyo, ctx), 1e-12);
  }

  @Test
  void proximityRejectsAScaleThatIsNotPositiveAndFinite() {
    for (double bad : new double[] {0, -5, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThrows(IllegalArgumentException.class, () -> Scorers.proximity(bad), String.valueOf(bad));
    }
  }

  @Test
  void experienceClimbsTheEntryLadderInEqualSteps() {
    Map<EntryStage, Double> expected = Map.of(EntryStage.NONE, 0.0, EntryStage.PARTS_SUPPLY, 0.25, EntryStage.OEM, 0.5,
        EntryStage.ODM, 0.75, EntryStage.OWN_PRODUCT, 1.0);
    expected.forEach((stage, value) -> {
      Organization s = supplier("s", Prefecture.FUKUSHIMA).entryStage(stage).build();
      assertEquals(value, score(Scorers.experience(), PARTS, s, context(List.of(s), List.of())), stage.toString());
    });
  }

  @Test
  void priorRelationshipIsOneForASupplyTieHalfForAnyOtherTieAndZeroWithout() {
    Organization supplied = supplier("supplied", Prefecture.FUKUSHIMA).build();
    Organization researched = supplier("researched", Prefecture.FUKUSHIMA).build();
    Organization stranger = supplier("stranger", Prefecture.FUKUSHIMA).build();
    Organization late = supplier("late", Prefecture.FUKUSHIMA).build();
    MatchContext ctx = context(List.of(supplied, researched, stranger, late), List.of(
        Relationship.of(supplied.id(), RelationshipType.OEM, HOSPITAL, 2010),
        Relationship.of(HOSPITAL, RelationshipType.JOINT_RESEARCH, supplied.id(), 2011),
        Relationship.of(HOSPITAL, RelationshipType.JOINT_RESEARCH, researched.id(), 2012),
        Relationship.of(late.id(), RelationshipType.PARTS_SUPPLY, HOSPITAL, 2016)));  // after 2015
    Scorer s = Scorers.priorRelationship();
    assertEquals(1.0, score(s, PARTS, supplied, ctx), "the best tie counts");
    assertEquals(0.5, score(s, PARTS, researched, ctx));
    assertEquals(0.0, score(s, PARTS, stranger, ctx));
    assertEquals(0.0, score(s, PARTS, late, ctx), "a tie that starts after the year is not prior");
  }

  @Test
  void hubRecommendationIsOneForAHubOrASupplierAHubSupports() {
    Organization hub = Organization.builder(OrganizationId.of("hub"), "Hub", OrganizationType.SUPPORT_ORGANIZATION,
        Prefecture.FUKUSHIMA).hub(true).capacity(1).build();
    Organization helper = Organization.builder(OrganizationId.of("helper"), "Helper",
        OrganizationType.SUPPORT_ORGANIZATION, Prefecture.FUKUSHIMA).build();
    Organization backed = supplier("backed", Prefecture.FUKUSHIMA).build();
    Organization helped = supplier("helped", Prefecture.FUKUSHIMA).build();
    Organization later = supplier("later", Prefecture.FUKUSHIMA).build();
    MatchContext ctx = context(List.of(hub, backed, helped, later), List.of(
        Relationship.of(hub.id(), RelationshipType.SUPPORT, backed.id(), 2013),
        Relationship.of(helper.id(), RelationshipType.SUPPORT, helped.id(), 2013),
        Relationship.of(hub.id(), RelationshipType.SUPPORT, later.id(), 2017)), helper);
    Scorer s = Scorers.hubRecommendation();
    assertEquals(1.0, score(s, PARTS, hub, ctx));
    assertEquals(1.0, score(s, PARTS, backed, ctx));
    assertEquals(0.0, score(s, PARTS, helped, ctx), "support from an organization that is not a hub");
    assertEquals(0.0, score(s, PARTS, later, ctx), "support that starts after the year");
  }

  @Test
  void horizontalPartnershipRewardsDesignExperienceOnlyForOdmAndCoDevelopmentNeeds() {
    Organization odm = supplier("odm", Prefecture.FUKUSHIMA).entryStage(EntryStage.ODM).build();
    Organization codev = supplier("codev", Prefecture.FUKUSHIMA).entryStage(EntryStage.PARTS_SUPPLY).build();
    Organization oem = supplier("oem", Prefecture.FUKUSHIMA).entryStage(EntryStage.OEM).build();
    Organization partner = Organization.builder(OrganizationId.of("partner"), "Partner", OrganizationType.DEVICE_MAKER,
        Prefecture.TOKYO).build();
    MatchContext ctx = context(List.of(odm, codev, oem), List.of(
        Relationship.of(codev.id(), RelationshipType.CO_DEVELOPMENT, partner.id(), 2014),
        Relationship.of(oem.id(), RelationshipType.OEM, partner.id(), 2014)), partner);
    Scorer s = Scorers.horizontalPartnership();
    Need odmNeed = Need.builder(NeedId.of("n2"), HOSPITAL, NeedKind.ODM).build();
    Need coDevelopment = Need.builder(NeedId.of("n3"), HOSPITAL, NeedKind.CO_DEVELOPMENT).build();
    Need oemNeed = Need.builder(NeedId.of("n4"), HOSPITAL, NeedKind.OEM).build();
    assertEquals(1.0, score(s, odmNeed, odm, ctx), "an ODM-stage supplier");
    assertEquals(1.0, score(s, coDevelopment, codev, ctx), "a supplier with a co-development tie");
    assertEquals(0.0, score(s, odmNeed, oem, ctx), "OEM ties are vertical");
    assertEquals(0.0, score(s, PARTS, odm, ctx), "parts supply never scores");
    assertEquals(0.0, score(s, oemNeed, odm, ctx), "OEM needs never score");
  }

  @Test
  void capabilityFitIsExtraOverExtraPlusTwo() {
    Need needsCutting = Need.builder(NeedId.of("n2"), HOSPITAL, NeedKind.PARTS_SUPPLY)
        .requiredCapabilities(Capability.PRECISION_CUTTING).build();
    Organization only = supplier("only", Prefecture.FUKUSHIMA).capabilities(Capability.PRECISION_CUTTING).build();
    Organization one = supplier("one", Prefecture.FUKUSHIMA)
        .capabilities(Capability.PRECISION_CUTTING, Capability.WELDING).build();
    Organization two = supplier("two", Prefecture.FUKUSHIMA)
        .capabilities(Capability.PRECISION_CUTTING, Capability.WELDING, Capability.MACHINING).build();
    Organization six = supplier("six", Prefecture.FUKUSHIMA).capabilities(Capability.PRECISION_CUTTING,
        Capability.WELDING, Capability.MACHINING, Capability.PACKAGING, Capability.SOFTWARE, Capability.PRESS_WORKING,
        Capability.SURFACE_TREATMENT).build();
    MatchContext ctx = context(List.of(only, one, two, six), List.of());
    Scorer s = Scorers.capabilityFit();
    assertEquals(0.0, score(s, needsCutting, only, ctx), "a supplier that can do only what is asked");
    assertEquals(1.0 / 3, score(s, needsCutting, one, ctx), 1e-15);
    assertEquals(0.5, score(s, needsCutting, two, ctx));
    assertEquals(0.75, score(s, needsCutting, six, ctx));
    assertEquals(2.0 / 4, score(s, PARTS, one, ctx), "with nothing required, every capability is extra");
  }

  @Test
  void aTableScoresListedPairsAndZeroForTheRest() {
    Organization a = supplier("a", Prefecture.FUKUSHIMA).build();
    Organization b = supplier("b", Prefecture.FUKUSHIMA).build();
    Table<NeedId, OrganizationId, Double> t = HashBasedTable.create();
    t.put(PARTS.id(), a.id(), 4.5);
    Scorer s = Scorers.table("quotes", t);
    t.put(PARTS.id(), b.id(), 9.0);   // the scorer keeps a copy
    MatchContext ctx = context(List.of(a, b), List.of());
    assertEquals("quotes", s.name());
    assertEquals(4.5, score(s, PARTS, a, ctx));
    assertEquals(0.0, score(s, PARTS, b, ctx));
  }

  @Test
  void theStandardScorerWeighsItsSixComponentsAsDocumented() {
    Map<String, Double> expected = new LinkedHashMap<>();
    expected.put("capability-fit", 1.0);
    expected.put("proximity", 2.0);
    expected.put("prior-relationship", 2.0);
    expected.put("experience", 1.0);
    expected.put("hub-recommendation", 0.5);
    expected.put("horizontal-partnership", 1.0);
    WeightedScorer standard = Scorers.standard();
    assertEquals(List.copyOf(expected.entrySet()), List.copyOf(standard.weights().entrySet()), "names, weights, order");
    assertEquals(List.copyOf(expected.keySet()), standard.components().stream().map(Scorer::name).toList());
    assertEquals("weighted", standard.name());
  }

  @Test
  void withWeightReturnsACopyWithOneWeightChanged() {
    WeightedScorer standard = Scorers.standard();
    WeightedScorer local = standard.withWeight("proximity", 4.0);
    assertNotSame(standard, local);
    assertEquals(4.0, local.weights().get("proximity"));
    assertEquals(2.0, standard.weights().get("proximity"), "the original is unchanged");
    assertEquals(standard.weights().keySet(), local.weights().keySet());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> standard.withWeight("price", 1));
    assertTrue(e.getMessage().contains("price"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> standard.withWeight("proximity", -1));
    assertThrows(IllegalArgumentException.class, () -> standard.withWeight("proximity", Double.NaN));
  }

  @Test
  void aWeightedScorerRejectsBadWeightsAndDuplicateComponentNames() {
    assertThrows(IllegalArgumentException.class, () -> Scorers.weighted().add(-0.5, Scorers.experience()));
    assertThrows(IllegalArgumentException.class, () -> Scorers.weighted().add(Double.POSITIVE_INFINITY, Scorers.experience()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Scorers.weighted().add(1, Scorers.experience()).add(2, Scorers.experience()));
    assertTrue(e.getMessage().contains("experience"), e.getMessage());
  }

  @Test
  void aWeightedScoreIsTheWeightedSumAndItsBreakdownListsEachWeightedComponent() {
    Organization s = supplier("s", Prefecture.TOKYO).entryStage(EntryStage.OEM).build();
    MatchContext ctx = context(List.of(s), List.of());
    WeightedScorer w = Scorers.weighted().add(3, Scorers.proximity()).add(0.5, Scorers.experience())
        .add(2, Scorers.of("constant", (n, o, c) -> 0.25)).build();
    double proximity = Scorers.proximity().score(PARTS, s, ctx);
    double expected = 3 * proximity + 0.5 * 0.5 + 2 * 0.25;
    assertEquals(expected, w.score(PARTS, s, ctx), 1e-12);
    ScoreBreakdown b = w.explain(PARTS, s, ctx);
    assertEquals(List.of("proximity", "experience", "constant"), List.copyOf(b.components().keySet()));
    assertEquals(3 * proximity, b.components().get("proximity"), 1e-12);
    assertEquals(0.25, b.components().get("experience"));
    assertEquals(0.5, b.components().get("constant"));
    assertEquals(w.score(PARTS, s, ctx), b.total());
    assertEquals(b.components().values().stream().mapToDouble(Double::doubleValue).sum(), b.total(), 1e-12);
  }

  @Test
  void aComponentWithWeightZeroIsListedAsZeroAndNeverEvaluated() {
    AtomicInteger calls = new AtomicInteger();
    Scorer counting = Scorers.of("counting", (n, o, c) -> {
      calls.incrementAndGet();
      return Double.NaN;
    });
    Organization s = supplier("s", Prefecture.FUKUSHIMA).build();
    MatchContext ctx = context(List.of(s), List.of());
    WeightedScorer w = Scorers.weighted().add(1, Scorers.proximity()).add(0, counting).build();
    assertEquals(1.0, w.score(PARTS, s, ctx));
    assertEquals(0.0, w.explain(PARTS, s, ctx).components().get("counting"));
    assertEquals(0, calls.get());
  }

  @Test
  void aSimpleScorersBreakdownIsItself() {
    Organization s = supplier("s", Prefecture.FUKUSHIMA).entryStage(EntryStage.ODM).build();
    ScoreBreakdown b = Scorers.experience().explain(PARTS, s, context(List.of(s), List.of()));
    assertEquals(ScoreBreakdown.of("experience", 0.75), b);
    assertEquals(Map.of("experience", 0.75), b.components());
  }
}
