package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableSetMultimap;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Certification;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.model.RelationshipType;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import io.github.renkei.cluster.regulation.DeviceClass;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.regulation.ManufacturingStep;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each built-in constraint on a small hand-built example, with its violation text. */
class ConstraintsTest {

  private static final OrganizationId HOSPITAL = OrganizationId.of("hospital");
  private static final Organization REQUESTER =
      Organization.builder(HOSPITAL, "Hospital", OrganizationType.CITY_HOSPITAL, Prefecture.FUKUSHIMA).capacity(1).build();
  private static final Organization LOCAL = supplier("local", Prefecture.FUKUSHIMA).build();
  private static final Organization SENDAI = supplier("sendai", Prefecture.MIYAGI).build();
  private static final Organization TOKYO = supplier("tokyo", Prefecture.TOKYO).build();
  private static final Organization OSAKA = supplier("osaka", Prefecture.OSAKA).build();

  private static Organization.Builder supplier(String id, Prefecture p) {
    return Organization.builder(OrganizationId.of(id), "Supplier " + id, OrganizationType.SME_MANUFACTURER, p)
        .capacity(1);
  }

  private static Need.Builder need(NeedKind kind) {
    return Need.builder(NeedId.of("n1"), HOSPITAL, kind);
  }

  /** A context with the requester, the given suppliers and ties, counting ties up to 2015. */
  private static MatchContext context(List<Organization> suppliers, Relationship... ties) {
    MatchingProblem.Builder b = MatchingProblem.builder().organization(REQUESTER).year(2015);
    suppliers.forEach(b::supplier);
    for (Relationship t : ties) {
      b.relationship(t);
    }
    return b.build().context();
  }

  private static MatchContext context(Organization... suppliers) {
    return context(List.of(suppliers));
  }

  private static Optional<String> violation(Constraint c, Need need, Organization supplier, MatchContext ctx) {
    return c.check(need, supplier, ctx).map(v -> {
      assertEquals(c.name(), v.constraint());
      return v.toString();
    });
  }

  @Test
  void theStandardConstraintsAreTheBrokersDefaultsInOrder() {
    assertEquals(List.of("not-requester", "addressee", "capabilities", "certifications", "regulation", "lot-size",
        "preferred-region"), Constraints.standard().stream().map(Constraint::name).toList());
  }

  @Test
  void notRequesterForbidsAnOrganizationToServeItsOwnNeed() {
    MatchContext ctx = context(REQUESTER, LOCAL);
    Need n = need(NeedKind.PARTS_SUPPLY).build();
    assertEquals(Optional.of("not-requester: is the requester"), violation(Constraints.notRequester(), n, REQUESTER, ctx));
    assertEquals(Optional.empty(), violation(Constraints.notRequester(), n, LOCAL, ctx));
    assertEquals("other than the requester hospital", Constraints.notRequester().requirement(n, ctx));
  }

  @Test
  void addresseeAdmitsOnlyTheOrganizationANeedIsAddressedTo() {
    MatchContext ctx = context(LOCAL, SENDAI);
    Need addressed = need(NeedKind.PARTS_SUPPLY).addressedTo(SENDAI.id()).build();
    assertEquals(Optional.of("addressee: is not the addressee sendai"),
        violation(Constraints.addressee(), addressed, LOCAL, ctx));
    assertEquals(Optional.empty(), violation(Constraints.addressee(), addressed, SENDAI, ctx));
    assertEquals(Optional.empty(), violation(Constraints.addressee(), need(NeedKind.PARTS_SUPPLY).build(), LOCAL, ctx));
  }

  @Test
  void capabilitiesCoveredNamesEveryMissingCapability() {
    Organization packer = supplier("packer", Prefecture.FUKUSHIMA).capabilities(Capability.PACKAGING).build();
    Organization sterilizer = supplier("sterilizer", Prefecture.FUKUSHIMA)
        .capabilities(Capability.PACKAGING, Capability.STERILIZATION_EO, Capability.MACHINING).build();
    MatchContext ctx = context(LOCAL, packer, sterilizer);
    Need n = need(NeedKind.PARTS_SUPPLY).requiredCapabilities(Capability.STERILIZATION_EO, Capability.PACKAGING).build();
    Constraint c = Constraints.capabilitiesCovered();
    assertEquals(Optional.of("capabilities: lacks PACKAGING and STERILIZATION_EO"), violation(c, n, LOCAL, ctx));
    assertEquals(Optional.of("capabilities: lacks STERILIZATION_EO"), violation(c, n, packer, ctx));
    assertEquals(Optional.empty(), violation(c, n, sterilizer, ctx));
    assertEquals("has PACKAGING and STERILIZATION_EO", c.requirement(n, ctx));
  }

  @Test
  void certificationsHeldNamesTheMissingCertification() {
    Organization certified = supplier("certified", Prefecture.FUKUSHIMA)
        .certifications(Certification.ISO_13485, Certification.ISO_9001).build();
    MatchContext ctx = context(LOCAL, certified);
    Need n = need(NeedKind.PARTS_SUPPLY).requiredCertifications(Certification.ISO_13485).build();
    Constraint c = Constraints.certificationsHeld();
    assertEquals(Optional.of("certifications: lacks ISO_13485"), violation(c, n, LOCAL, ctx));
    assertEquals(Optional.empty(), violation(c, n, certified, ctx));
  }

  @Test
  void regulatoryRoleOemForAClassIIDeviceRequiresManufacturerRegistration() {
    // PMD Act: a contract manufacturer (OEM) of a class II device must be registered for main assembly
    Organization registered = supplier("registered", Prefecture.FUKUSHIMA)
        .licences(JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY)).build();
    MatchContext ctx = context(LOCAL, registered);
    Need oem = need(NeedKind.OEM).deviceClass(DeviceClass.II).build();
    Constraint c = Constraints.regulatoryRole();
    assertEquals(Optional.of("regulation: lacks jp.pmd.mfg.main-assembly (OEM, class II)"), violation(c, oem, LOCAL, ctx));
    assertEquals(Optional.empty(), violation(c, oem, registered, ctx));
    assertEquals("holds jp.pmd.mfg.main-assembly (OEM, class II)", c.requirement(oem, ctx));
  }

  @Test
  void regulatoryRoleOdmOfAClassIIIDeviceRequiresDesignAndMainAssemblyButClassIOnlyMainAssembly() {
    Organization assembler = supplier("assembler", Prefecture.FUKUSHIMA)
        .licences(JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY)).build();
    Organization designer = supplier("designer", Prefecture.FUKUSHIMA)
        .licences(JapanPmdAct.registrations(ManufacturingStep.DESIGN, ManufacturingStep.MAIN_ASSEMBLY)).build();
    MatchContext ctx = context(LOCAL, assembler, designer);
    Constraint c = Constraints.regulatoryRole();
    Need classIII = need(NeedKind.ODM).deviceClass(DeviceClass.III).build();
    assertEquals(Optional.of("regulation: lacks jp.pmd.mfg.design and jp.pmd.mfg.main-assembly (ODM, class III)"),
        violation(c, classIII, LOCAL, ctx));
    assertEquals(Optional.of("regulation: lacks jp.pmd.mfg.design (ODM, class III)"), violation(c, classIII, assembler, ctx));
    assertEquals(Optional.empty(), violation(c, classIII, designer, ctx));
    Need classI = need(NeedKind.ODM).deviceClass(DeviceClass.I).build();
    assertEquals(Optional.empty(), violation(c, classI, assembler, ctx), "class I design sites need no registration");
  }

  @Test
  void regulatoryRoleTreatsAnUnknownClassAsTheStrictestAndPartsAsFree() {
    Organization assembler = supplier("assembler", Prefecture.FUKUSHIMA)
        .licences(JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY)).build();
    MatchContext ctx = context(LOCAL, assembler);
    Constraint c = Constraints.regulatoryRole();
    assertEquals(Optional.of("regulation: lacks jp.pmd.mfg.design (ODM, class unknown)"),
        violation(c, need(NeedKind.ODM).build(), assembler, ctx));
    assertEquals(Optional.empty(), violation(c, need(NeedKind.PARTS_SUPPLY).deviceClass(DeviceClass.IV).build(), LOCAL, ctx));
    assertEquals(Optional.empty(), violation(c, need(NeedKind.CO_DEVELOPMENT).deviceClass(DeviceClass.IV).build(), LOCAL, ctx));
  }

  @Test
  void lotSizeAdmitsSuppliersWhoseRangeHoldsTheLotAndThoseWithoutARange() {
    Organization smallLots = supplier("small-lots", Prefecture.FUKUSHIMA).lotSizes(10, 1000).build();
    MatchContext ctx = context(LOCAL, smallLots);
    Constraint c = Constraints.lotSize();
    Need big = need(NeedKind.PARTS_SUPPLY).lotSize(5000).build();
    assertEquals(Optional.of("lot-size: takes lots of 10–1000, not 5000"), violation(c, big, smallLots, ctx));
    assertEquals(Optional.empty(), violation(c, big, LOCAL, ctx));
    assertEquals(Optional.empty(), violation(c, need(NeedKind.PARTS_SUPPLY).lotSize(1000).build(), smallLots, ctx));
    assertEquals(Optional.empty(), violation(c, need(NeedKind.PARTS_SUPPLY).build(), smallLots, ctx));
  }

  @Test
  void preferredRegionRestrictsToThePreferredPrefectureAndBlock() {
    MatchContext ctx = context(LOCAL, SENDAI, TOKYO);
    Constraint c = Constraints.preferredRegion();
    Need inFukushima = need(NeedKind.PARTS_SUPPLY).preferredPrefecture(Prefecture.FUKUSHIMA).build();
    assertEquals(Optional.of("preferred-region: is in 宮城県, not 福島県"), violation(c, inFukushima, SENDAI, ctx));
    assertEquals(Optional.empty(), violation(c, inFukushima, LOCAL, ctx));
    Need inTohoku = need(NeedKind.PARTS_SUPPLY).preferredBlock(RegionBlock.HOKKAIDO_TOHOKU).build();
    assertEquals(Optional.of("preferred-region: is in 関東, not 北海道・東北"), violation(c, inTohoku, TOKYO, ctx));
    assertEquals(Optional.empty(), violation(c, inTohoku, SENDAI, ctx));
    assertEquals("in 北海道・東北", c.requirement(inTohoku, ctx));
    assertEquals(Optional.empty(), violation(c, need(NeedKind.PARTS_SUPPLY).build(), TOKYO, ctx));
  }

  @Test
  void samePrefectureAndSameBlockCompareWithTheRequestersLocation() {
    MatchContext ctx = context(LOCAL, SENDAI, TOKYO);
    Need n = need(NeedKind.PARTS_SUPPLY).build();
    assertEquals(Optional.empty(), violation(Constraints.samePrefecture(), n, LOCAL, ctx));
    assertEquals(Optional.of("same-prefecture: is in 宮城県, not 福島県"), violation(Constraints.samePrefecture(), n, SENDAI, ctx));
    assertEquals(Optional.empty(), violation(Constraints.sameBlock(), n, SENDAI, ctx));
    assertEquals(Optional.of("same-block: is in 関東, not 北海道・東北"), violation(Constraints.sameBlock(), n, TOKYO, ctx));
    assertEquals("in 福島県", Constraints.samePrefecture().requirement(n, ctx));
  }

  @Test
  void withinKmMeasuresBetweenPrefecturalOffices() {
    MatchContext ctx = context(LOCAL, SENDAI, TOKYO, OSAKA);
    Need n = need(NeedKind.PARTS_SUPPLY).build();
    Constraint c = Constraints.withinKm(100);
    assertEquals("within-100-km", c.name());
    assertEquals(Optional.empty(), violation(c, n, LOCAL, ctx));
    assertEquals(Optional.empty(), violation(c, n, SENDAI, ctx), "Fukushima–Sendai is about 68 km");
    assertEquals(Optional.of("within-100-km: is 239 km away"), violation(c, n, TOKYO, ctx));
    assertEquals(Optional.empty(), violation(Constraints.withinKm(240), n, TOKYO, ctx));
    assertEquals(Optional.of("within-0-km: is 68 km away"), violation(Constraints.withinKm(0), n, SENDAI, ctx));
    assertEquals("within-0.5-km", Constraints.withinKm(0.5).name());
    assertEquals("within 100 km of 福島県", c.requirement(n, ctx));
  }

  @Test
  void withinKmRejectsANegativeOrNonFiniteDistance() {
    for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Constraints.withinKm(bad));
      assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
    }
  }

  @Test
  void excludedPairsForbidsTheListedSuppliersForTheirRequesterOnly() {
    OrganizationId other = OrganizationId.of("other-hospital");
    MatchingProblem p = MatchingProblem.builder().organization(REQUESTER)
        .organization(Organization.builder(other, "Other", OrganizationType.CLINIC, Prefecture.FUKUSHIMA).build())
        .supplier(LOCAL).supplier(SENDAI).build();
    Constraint c = Constraints.excludedPairs(ImmutableSetMultimap.of(HOSPITAL, LOCAL.id()));
    Need mine = need(NeedKind.PARTS_SUPPLY).build();
    Need theirs = Need.builder(NeedId.of("n2"), other, NeedKind.PARTS_SUPPLY).build();
    assertEquals(Optional.of("excluded-pairs: is excluded for requester hospital"), violation(c, mine, LOCAL, p.context()));
    assertEquals(Optional.empty(), violation(c, mine, SENDAI, p.context()));
    assertEquals(Optional.empty(), violation(c, theirs, LOCAL, p.context()));
  }

  @Test
  void priorRelationshipRequiredAdmitsOnlySuppliersWithATieThatCountsByTheYear() {
    MatchContext ctx = context(List.of(LOCAL, SENDAI, TOKYO),
        Relationship.of(LOCAL.id(), RelationshipType.PARTS_SUPPLY, HOSPITAL, 2010),   // supplier -> requester
        Relationship.of(HOSPITAL, RelationshipType.CLINICAL_NEEDS, SENDAI.id(), 2012), // requester -> supplier
        Relationship.of(TOKYO.id(), RelationshipType.OEM, HOSPITAL, 2020));           // after the year 2015
    Need n = need(NeedKind.PARTS_SUPPLY).build();
    Constraint any = Constraints.priorRelationshipRequired();
    assertEquals(Optional.empty(), violation(any, n, LOCAL, ctx));
    assertEquals(Optional.empty(), violation(any, n, SENDAI, ctx), "a tie in either direction counts");
    assertEquals(Optional.of("prior-relationship-required: has no prior tie with hospital"), violation(any, n, TOKYO, ctx));
    Constraint supply = Constraints.priorRelationshipRequired(RelationshipType.PARTS_SUPPLY, RelationshipType.OEM);
    assertEquals(Optional.empty(), violation(supply, n, LOCAL, ctx));
    assertEquals(Optional.of("prior-relationship-required: has no prior tie with hospital"), violation(supply, n, SENDAI, ctx));
    assertEquals("has worked with hospital", any.requirement(n, ctx));
  }

  @Test
  void priorRelationshipForbiddenAdmitsOnlyNewcomers() {
    MatchContext ctx = context(List.of(LOCAL, SENDAI),
        Relationship.of(LOCAL.id(), RelationshipType.PARTS_SUPPLY, HOSPITAL, 2010),
        Relationship.of(HOSPITAL, RelationshipType.SUPPORT, SENDAI.id(), 2012));
    Need n = need(NeedKind.PARTS_SUPPLY).build();
    Constraint forbidden = Constraints.priorRelationshipForbidden();
    assertEquals(Optional.of("prior-relationship-forbidden: already has a tie with hospital"),
        violation(forbidden, n, LOCAL, ctx));
    assertEquals(Optional.of("prior-relationship-forbidden: already has a tie with hospital"),
        violation(forbidden, n, SENDAI, ctx));
    Constraint noSupply = Constraints.priorRelationshipForbidden(RelationshipType.PARTS_SUPPLY);
    assertEquals(Optional.empty(), violation(noSupply, n, SENDAI, ctx), "only supply ties count for this one");
    assertEquals(Optional.of("prior-relationship-forbidden: already has a tie with hospital"),
        violation(noSupply, n, LOCAL, ctx));
  }

  @Test
  void aCustomConstraintReportsItsRequirement() {
    Constraint c = Constraints.of("no-tokyo", "is outside Tokyo", (need, s, ctx) -> s.prefecture() != Prefecture.TOKYO);
    MatchContext ctx = context(LOCAL, TOKYO);
    Need n = need(NeedKind.PARTS_SUPPLY).build();
    assertEquals("no-tokyo", c.name());
    assertEquals(Optional.of("no-tokyo: is not one that is outside Tokyo"), violation(c, n, TOKYO, ctx));
    assertEquals(Optional.empty(), violation(c, n, LOCAL, ctx));
    assertEquals("is outside Tokyo", c.requirement(n, ctx));
  }

  @Test
  void aConstraintAddedToAProblemDecidesEligibilityAndShowsInTheExplanation() {
    Need n = need(NeedKind.PARTS_SUPPLY).build();
    MatchingProblem p = MatchingProblem.builder().organization(REQUESTER).supplier(TOKYO).supplier(OSAKA).need(n)
        .constraint(Constraints.sameBlock()).build();
    MatchResult r = Matchers.optimal().match(p);
    assertEquals(0, r.matchedCount());
    Explanation e = r.unmatched().get(0).explanation();
    assertEquals(2, e.excludedBy().get("same-block"));
    assertEquals("no supplier in 北海道・東北", e.summary());
  }
}
