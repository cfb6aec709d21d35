package io.github.renkei.cluster.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.FundingProgram;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.model.RelationshipType;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.regulation.DeviceClass;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.regulation.Requirement;
import io.github.renkei.cluster.regulation.Role;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Specification of {@link FukushimaSample}: the seed's Fukushima cluster on top of the catalog. */
class FukushimaSampleTest {

  private static final Cluster SAMPLE = FukushimaSample.cluster();

  private static Organization org(OrganizationId id) {
    return SAMPLE.organization(id).orElseThrow(() -> new AssertionError("no organization " + id));
  }

  private static boolean isSynthetic(Organization o) {
    return o.attribute(FukushimaSample.SYNTHETIC).orElse(false);
  }

  @Test
  void theSampleIsBuiltOnce() {
    assertSame(SAMPLE, FukushimaSample.cluster());
  }

  @Test
  void thePrefectureIsTheRealPrefecturalGovernment() {
    Organization o = org(FukushimaSample.PREFECTURE);
    assertEquals(Optional.of("福島県"), o.nativeName());
    assertEquals(OrganizationType.PREFECTURE, o.type());
    assertEquals(Prefecture.FUKUSHIMA, o.prefecture());
    assertFalse(isSynthetic(o));
  }

  @Test
  void theSeedsMedicalEngineeringPairIsNihonUniversityCollegeOfEngineeringAndFukushimaMedicalUniversity() {
    // seed: 「地元日大工と県立医大との医工連携」
    Organization nihon = org(FukushimaSample.NIHON_UNIVERSITY_ENGINEERING);
    Organization fmu = org(FukushimaSample.MEDICAL_UNIVERSITY);
    assertEquals(Optional.of("日本大学工学部"), nihon.nativeName());
    assertEquals(Optional.of("福島県立医科大学"), fmu.nativeName());
    assertEquals(OrganizationType.UNIVERSITY, nihon.type());
    assertEquals(OrganizationType.MEDICAL_UNIVERSITY, fmu.type());
    assertTrue(SAMPLE.tiesFrom(nihon.id()).stream()
        .anyMatch(r -> r.type() == RelationshipType.JOINT_RESEARCH && r.to().equals(fmu.id())));
  }

  @Test
  void theDevelopmentSupportCentreOpenedIn2016() {
    // facts.md C7: ふくしま医療機器開発支援センター opened 2016-11 in Koriyama (郡山市史; 河北新報)
    Organization o = org(FukushimaSample.DEVELOPMENT_CENTRE);
    assertEquals(Optional.of("ふくしま医療機器開発支援センター"), o.nativeName());
    assertEquals(OptionalInt.of(2016), o.foundedYear());
    assertFalse(isSynthetic(o));
  }

  @Test
  void thePromotionOrganizationWasFoundedIn2013AndIsTheCatalogsHub() {
    // facts.md C7: 一般財団法人ふくしま医療機器産業推進機構 founded 2013-06 (郡山市史); seed: 2013.5 設立
    Organization o = org(FukushimaSample.PROMOTION_ORGANIZATION);
    assertEquals(Optional.of("ふくしま医療機器産業推進機構"), o.nativeName());
    assertEquals(OptionalInt.of(2013), o.foundedYear());
    assertTrue(o.isHub());
    assertEquals(Catalog.nationwide().organization(FukushimaSample.PROMOTION_ORGANIZATION), Optional.of(o));
  }

  @Test
  void theRealActorsAreInFukushimaExceptTheGovernmentOfJapan() {
    for (OrganizationId id : Set.of(FukushimaSample.PREFECTURE, FukushimaSample.NIHON_UNIVERSITY_ENGINEERING,
        FukushimaSample.MEDICAL_UNIVERSITY, FukushimaSample.DEVELOPMENT_CENTRE,
        FukushimaSample.PROMOTION_ORGANIZATION)) {
      assertEquals(Prefecture.FUKUSHIMA, org(id).prefecture(), id.toString());
    }
    assertEquals(Optional.of("日本国政府"), org(FukushimaSample.GOVERNMENT_OF_JAPAN).nativeName());
  }

  @Test
  void theCentresConstructionGrantIs134BillionYenInFy2013() {
    // facts.md C7: 「2013(平成25)年度政府予算に134億円の…整備事業費交付」
    FundingProgram grant = SAMPLE.programs().stream()
        .filter(p -> p.sponsor().equals(FukushimaSample.GOVERNMENT_OF_JAPAN))
        .findFirst().orElseThrow();
    assertEquals(java.util.Map.of(2013, 13_400_000_000L), grant.budgets());
  }

  @Test
  void thePrefecturalProjectStartedInFy2005() {
    // facts.md C6: 平成17年度から「うつくしま次世代医療産業集積プロジェクト」 (fmddsc.jp); seed: 2005～
    FundingProgram project = SAMPLE.programs().stream()
        .filter(p -> p.sponsor().equals(FukushimaSample.PREFECTURE))
        .findFirst().orElseThrow();
    assertEquals(OptionalInt.of(2005), project.firstYear());
  }

  @Test
  void smeManufacturersAreAtEveryEntryStage() {
    Set<EntryStage> stages = SAMPLE.organizationsOf(OrganizationType.SME_MANUFACTURER).stream()
        .map(Organization::entryStage)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(EntryStage.class)));
    assertEquals(EnumSet.allOf(EntryStage.class), stages);
  }

  @Test
  void anOrganizationIsSyntheticExactlyWhenItsIdStartsWithSyn() {
    for (Organization o : SAMPLE.organizations()) {
      boolean syn = o.id().toString().startsWith("syn-");
      assertEquals(syn, isSynthetic(o), o.id().toString());
      assertEquals(syn, o.name().startsWith("Synthetic"), o.id() + ": " + o.name());
      assertEquals(syn, o.nativeName().orElse("").startsWith("架空"), o.id() + ": " + o.nativeName());
      if (!syn) {
        assertEquals(Optional.empty(), o.attribute(FukushimaSample.SYNTHETIC), o.id().toString());
      }
    }
  }

  @Test
  void thereAreSyntheticOrganizations() {
    assertTrue(SAMPLE.organizations().stream().filter(FukushimaSampleTest::isSynthetic).count() >= 10);
  }

  @Test
  void everySmeAtOemOrAboveHoldsWhatThePmdActRequiresOfItsRoleForClassII() {
    JapanPmdAct law = JapanPmdAct.get();
    int checked = 0;
    for (Organization o : SAMPLE.organizationsOf(OrganizationType.SME_MANUFACTURER)) {
      if (o.entryStage().isAtLeast(EntryStage.OEM)) {
        Role role = o.entryStage().role().orElseThrow();
        Requirement r = law.requirement(role, DeviceClass.II);
        assertTrue(r.isSatisfiedBy(o.licences()), o.id() + " at " + o.entryStage() + " lacks " + r.unmet(o.licences()));
        checked++;
      }
    }
    assertTrue(checked >= 3, "OEM, ODM and own-product SMEs are checked");
  }

  @Test
  void everyFirmWithAnEntryStageHoldsWhatItsRoleRequiresForClassII() {
    JapanPmdAct law = JapanPmdAct.get();
    for (Organization o : SAMPLE.organizations()) {
      o.entryStage().role().ifPresent(role ->
          assertTrue(law.permits(o.licences(), role, Optional.of(DeviceClass.II)), o.id() + " as " + role));
    }
  }

  @Test
  void everySupplyTieIsOneTheSupplierMayPlayForClassII() {
    JapanPmdAct law = JapanPmdAct.get();
    for (Relationship r : SAMPLE.relationships()) {
      r.type().supplierRole().ifPresent(role ->
          assertTrue(law.permits(org(r.from()).licences(), role, Optional.of(DeviceClass.II)), r.toString()));
    }
  }

  @Test
  void theSampleContainsTheWholeCatalog() {
    Catalog catalog = Catalog.nationwide();
    for (Organization o : catalog.organizations()) {
      assertEquals(Optional.of(o), SAMPLE.organization(o.id()), o.id().toString());
    }
    for (FundingProgram p : catalog.programs()) {
      assertEquals(Optional.of(p), SAMPLE.program(p.id()), p.id().toString());
    }
    assertTrue(SAMPLE.relationships().containsAll(catalog.relationships()));
    assertTrue(SAMPLE.organizations().size() > catalog.organizations().size());
  }
}
