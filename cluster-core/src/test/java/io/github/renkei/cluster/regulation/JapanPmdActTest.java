package io.github.renkei.cluster.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Specification of Japan's PMD Act profile. Each rule cites the entry of the project's
 * research notes (facts.md) and the source given there.
 */
class JapanPmdActTest {

  private static final JapanPmdAct LAW = JapanPmdAct.get();

  private static final Licence FIRST = JapanPmdAct.MAH_FIRST_CLASS;
  private static final Licence SECOND = JapanPmdAct.MAH_SECOND_CLASS;
  private static final Licence THIRD = JapanPmdAct.MAH_THIRD_CLASS;
  private static final Licence DESIGN = JapanPmdAct.registration(ManufacturingStep.DESIGN);
  private static final Licence MAIN_ASSEMBLY = JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY);
  private static final Licence STERILIZATION = JapanPmdAct.registration(ManufacturingStep.STERILIZATION);
  private static final Licence FINAL_STORAGE = JapanPmdAct.registration(ManufacturingStep.FINAL_STORAGE);

  @Test
  void isASingletonProfileForJapan() {
    assertSame(LAW, JapanPmdAct.get());
    assertEquals("JP", LAW.jurisdiction());
    assertTrue(LAW.name().contains("薬機法"), LAW.name());
  }

  @Test
  void keyDatesAreTheEnforcementOfThe2002AmendmentAndOfThePmdAct() {
    // facts.md A5: the 2002 amendment (平成14年法律第96号) took effect 2005-04-01 (MHLW notice
    // 薬食発第0709004号; MAFF notice t0000833), splitting 製造販売業 from 製造業
    assertEquals(LocalDate.of(2005, 4, 1), JapanPmdAct.MAH_MANUFACTURER_SPLIT);
    // facts.md A (law number): renamed from 薬事法 and registrations introduced on 2014-11-25
    // (http://www.eilconsulting.com/iryoukikitouhou.html)
    assertEquals(LocalDate.of(2014, 11, 25), JapanPmdAct.PMD_ACT_IN_FORCE);
  }

  @Nested
  class Categories {

    // facts.md A1: Art. 2(5) 高度管理医療機器 = class III and IV, Art. 2(6) 管理医療機器 = class II,
    // Art. 2(7) 一般医療機器 = class I (https://ellman.co.jp/glossary/class,
    // https://mtj.jiho.jp/glossary/detail/81)

    @Test
    void classIIsAGeneralMedicalDevice() {
      assertEquals(JapanDeviceCategory.GENERAL, LAW.category(DeviceClass.I));
      assertEquals("一般医療機器", JapanDeviceCategory.GENERAL.nameJa());
    }

    @Test
    void classIIIsAControlledMedicalDevice() {
      assertEquals(JapanDeviceCategory.CONTROLLED, LAW.category(DeviceClass.II));
      assertEquals("管理医療機器", JapanDeviceCategory.CONTROLLED.nameJa());
    }

    @Test
    void classesIIIAndIVAreSpeciallyControlledMedicalDevices() {
      assertEquals(JapanDeviceCategory.SPECIALLY_CONTROLLED, LAW.category(DeviceClass.III));
      assertEquals(JapanDeviceCategory.SPECIALLY_CONTROLLED, LAW.category(DeviceClass.IV));
      assertEquals("高度管理医療機器", JapanDeviceCategory.SPECIALLY_CONTROLLED.nameJa());
    }

    @Test
    void categoriesListExactlyTheClassesThatMapToThem() {
      assertEquals(Set.of(DeviceClass.I), JapanDeviceCategory.GENERAL.classes());
      assertEquals(Set.of(DeviceClass.II), JapanDeviceCategory.CONTROLLED.classes());
      assertEquals(Set.of(DeviceClass.III, DeviceClass.IV), JapanDeviceCategory.SPECIALLY_CONTROLLED.classes());
      for (DeviceClass c : DeviceClass.values()) {
        assertTrue(LAW.category(c).classes().contains(c), c.name());
      }
    }
  }

  @Nested
  class MarketingLicences {

    // facts.md A2: Art. 23-2(1) table — 高度管理 → 第一種, 管理 → 第二種, 一般 → 第三種
    // (MHLW law database, dataId=81004000; https://www.pref.osaka.lg.jp/yakumu/kaiseiho-kiki/seizou-seihan.html)

    @Test
    void classIIsMarketedUnderTheThirdClassLicence() {
      assertEquals(THIRD, LAW.marketingLicenceFor(DeviceClass.I));
    }

    @Test
    void classIIIsMarketedUnderTheSecondClassLicence() {
      assertEquals(SECOND, LAW.marketingLicenceFor(DeviceClass.II));
    }

    @Test
    void classesIIIAndIVAreMarketedUnderTheFirstClassLicence() {
      assertEquals(FIRST, LAW.marketingLicenceFor(DeviceClass.III));
      assertEquals(FIRST, LAW.marketingLicenceFor(DeviceClass.IV));
    }

    // facts.md A2: a higher licence covers the lower classes (https://iryoukiki-kyoka.com/start/about/
    // 「第1種…クラス3〜4…クラス1〜2も扱える」「第2種…クラス1〜2」「第3種…クラス1のみ」)

    @Test
    void firstClassLicenceCoversClassesIToIV() {
      assertEquals(EnumSet.allOf(DeviceClass.class), LAW.classesCoveredBy(FIRST));
    }

    @Test
    void secondClassLicenceCoversClassesIAndII() {
      assertEquals(EnumSet.of(DeviceClass.I, DeviceClass.II), LAW.classesCoveredBy(SECOND));
    }

    @Test
    void thirdClassLicenceCoversClassIOnly() {
      assertEquals(EnumSet.of(DeviceClass.I), LAW.classesCoveredBy(THIRD));
    }

    @Test
    void theLicenceForAClassCoversThatClass() {
      for (DeviceClass c : DeviceClass.values()) {
        assertTrue(LAW.classesCoveredBy(LAW.marketingLicenceFor(c)).contains(c), c.name());
      }
    }

    @Test
    void licenceIdentityIsTheCodeSoAnEqualCodeWithAnotherLabelCoversTheSame() {
      assertEquals(EnumSet.of(DeviceClass.I, DeviceClass.II),
          LAW.classesCoveredBy(Licence.of("jp.pmd.mah.2", "another label")));
    }

    @Test
    void aRegistrationIsNotAMarketingLicenceAndIsRejectedByCode() {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> LAW.classesCoveredBy(MAIN_ASSEMBLY));
      assertTrue(e.getMessage().contains("jp.pmd.mfg.main-assembly"), e.getMessage());
    }

    @Test
    void aForeignLicenceIsRejectedByCode() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> LAW.classesCoveredBy(Licence.of("eu.mdr.notified-body", "EU notified body certificate")));
      assertTrue(e.getMessage().contains("eu.mdr.notified-body"), e.getMessage());
    }

    @Test
    void licenceCodesAreStable() {
      assertEquals("jp.pmd.mah.1", FIRST.code());
      assertEquals("jp.pmd.mah.2", SECOND.code());
      assertEquals("jp.pmd.mah.3", THIRD.code());
      assertEquals("jp.pmd.mfg.design", DESIGN.code());
      assertEquals("jp.pmd.mfg.main-assembly", MAIN_ASSEMBLY.code());
      assertEquals("jp.pmd.mfg.sterilization", STERILIZATION.code());
      assertEquals("jp.pmd.mfg.final-storage", FINAL_STORAGE.code());
    }
  }

  @Nested
  class Registrations {

    // facts.md A3: Art. 23-2-3 and 施行規則 Art. 114-8 — registered sites for design, main assembly,
    // sterilization and domestic final-product storage; item 3 (一般医療機器) lists no design step
    // (https://www.fmc.co.jp/medicine/manufacture.html; http://j-mdc.com/licence/production.php;
    // https://www.iyakuhin.info/seizotouroku/ 「一般医療機器についてのみ設計開発を行う施設については登録の必要はありません」)

    @Test
    void designOfClassIDevicesNeedsNoRegistration() {
      assertFalse(LAW.registrationRequired(ManufacturingStep.DESIGN, DeviceClass.I));
    }

    @ParameterizedTest
    @EnumSource(value = DeviceClass.class, names = {"II", "III", "IV"})
    void designOfClassIIAndAboveNeedsARegistration(DeviceClass c) {
      assertTrue(LAW.registrationRequired(ManufacturingStep.DESIGN, c));
    }

    @ParameterizedTest
    @EnumSource(DeviceClass.class)
    void mainAssemblySterilizationAndFinalStorageNeedARegistrationForEveryClass(DeviceClass c) {
      assertTrue(LAW.registrationRequired(ManufacturingStep.MAIN_ASSEMBLY, c));
      assertTrue(LAW.registrationRequired(ManufacturingStep.STERILIZATION, c));
      assertTrue(LAW.registrationRequired(ManufacturingStep.FINAL_STORAGE, c));
    }

    @Test
    void stepsRequiringRegistrationForClassIAreAllButDesignInStepOrder() {
      assertEquals(
          List.of(ManufacturingStep.MAIN_ASSEMBLY, ManufacturingStep.STERILIZATION, ManufacturingStep.FINAL_STORAGE),
          List.copyOf(LAW.stepsRequiringRegistration(DeviceClass.I)));
    }

    @ParameterizedTest
    @EnumSource(value = DeviceClass.class, names = {"II", "III", "IV"})
    void stepsRequiringRegistrationForClassIIAndAboveAreAllFourInStepOrder(DeviceClass c) {
      assertEquals(List.of(ManufacturingStep.values()), List.copyOf(LAW.stepsRequiringRegistration(c)));
    }

    @Property
    void stepsRequiringRegistrationAgreeWithRegistrationRequired(@ForAll DeviceClass c, @ForAll ManufacturingStep s) {
      assertEquals(LAW.registrationRequired(s, c), LAW.stepsRequiringRegistration(c).contains(s));
    }

    @Test
    void registrationsReturnsOneLicencePerStepInTheOrderGiven() {
      assertEquals(List.of(MAIN_ASSEMBLY, DESIGN),
          List.copyOf(JapanPmdAct.registrations(ManufacturingStep.MAIN_ASSEMBLY, ManufacturingStep.DESIGN)));
    }

    @Test
    void everyStepHasADistinctRegistration() {
      Set<Licence> distinct = ImmutableSet.copyOf(JapanPmdAct.registrations(ManufacturingStep.values()));
      assertEquals(ManufacturingStep.values().length, distinct.size());
    }
  }

  @Nested
  class RoutesToMarket {

    // facts.md A4: class I 製造販売届出 (Art. 23-2-12); class II/III 認証 by a registered body when a
    // certification standard exists (Art. 23-2-23; class III since 2014-11-25), else 承認; class IV
    // 承認 (Art. 23-2-5) (https://www.pref.osaka.lg.jp/yakumu/kaiseiho-kiki/seizou-seihan.html;
    // http://t-r-m.info/concept4.html)

    @Test
    void classIIsNotifiedWhetherOrNotAStandardExists() {
      assertEquals(MarketRoute.NOTIFICATION, LAW.routeToMarket(DeviceClass.I, true));
      assertEquals(MarketRoute.NOTIFICATION, LAW.routeToMarket(DeviceClass.I, false));
    }

    @ParameterizedTest
    @EnumSource(value = DeviceClass.class, names = {"II", "III"})
    void classesIIAndIIIAreCertifiedWithAStandardAndApprovedWithout(DeviceClass c) {
      assertEquals(MarketRoute.CERTIFICATION, LAW.routeToMarket(c, true));
      assertEquals(MarketRoute.APPROVAL, LAW.routeToMarket(c, false));
    }

    @Test
    void classIVIsAlwaysApproved() {
      assertEquals(MarketRoute.APPROVAL, LAW.routeToMarket(DeviceClass.IV, true));
      assertEquals(MarketRoute.APPROVAL, LAW.routeToMarket(DeviceClass.IV, false));
    }

    @Test
    void routesCarryTheirJapaneseTerms() {
      assertEquals("届出", MarketRoute.NOTIFICATION.nameJa());
      assertEquals("認証", MarketRoute.CERTIFICATION.nameJa());
      assertEquals("承認", MarketRoute.APPROVAL.nameJa());
    }
  }

  @Nested
  class RequirementsByRole {

    // facts.md A6: parts are not 医療機器 and parts manufacture is not a step of 施行規則 114-8
    // (indirect; Nikkei Tech-On 2013) — parts suppliers need nothing.
    @ParameterizedTest
    @EnumSource(DeviceClass.class)
    void partsSupplierNeedsNothing(DeviceClass c) {
      assertEquals(Requirement.none(), LAW.requirement(Role.PARTS_SUPPLIER, c));
      assertTrue(LAW.requirement(Role.PARTS_SUPPLIER, c).isNone());
    }

    // Design assumption of the profile (JapanPmdAct javadoc): the partner that markets the device
    // answers for its design; the co-developer is not the registered design site.
    @ParameterizedTest
    @EnumSource(DeviceClass.class)
    void coDeveloperNeedsNothing(DeviceClass c) {
      assertEquals(Requirement.none(), LAW.requirement(Role.CO_DEVELOPER, c));
    }

    // facts.md A3: the site doing 主たる組立て must be registered for every class (施行規則 114-8
    // items 3 and 5).
    @ParameterizedTest
    @EnumSource(DeviceClass.class)
    void contractManufacturerNeedsTheMainAssemblyRegistration(DeviceClass c) {
      assertEquals(Requirement.allOf(MAIN_ASSEMBLY), LAW.requirement(Role.CONTRACT_MANUFACTURER, c));
    }

    // facts.md A3: design sites of class I devices are exempt (iyakuhin.info), so an ODM of class I
    // needs only the main-assembly registration.
    @Test
    void designManufacturerOfClassINeedsOnlyTheMainAssemblyRegistration() {
      assertEquals(Requirement.allOf(MAIN_ASSEMBLY), LAW.requirement(Role.DESIGN_MANUFACTURER, DeviceClass.I));
    }

    @ParameterizedTest
    @EnumSource(value = DeviceClass.class, names = {"II", "III", "IV"})
    void designManufacturerOfClassIIAndAboveNeedsDesignAndMainAssemblyRegistrations(DeviceClass c) {
      Requirement r = LAW.requirement(Role.DESIGN_MANUFACTURER, c);
      assertEquals(Requirement.allOf(DESIGN, MAIN_ASSEMBLY), r);
      assertEquals("jp.pmd.mfg.design and jp.pmd.mfg.main-assembly", r.toString());
    }

    // facts.md A2: 第三種 covers class I, 第二種 classes I–II, 第一種 every class.
    @Test
    void marketingAuthorizationHolderOfClassINeedsAnyOfTheThreeLicences() {
      assertEquals(Requirement.anyOf(FIRST, SECOND, THIRD),
          LAW.requirement(Role.MARKETING_AUTHORIZATION_HOLDER, DeviceClass.I));
    }

    @Test
    void marketingAuthorizationHolderOfClassIINeedsTheFirstOrSecondClassLicence() {
      assertEquals(Requirement.anyOf(FIRST, SECOND),
          LAW.requirement(Role.MARKETING_AUTHORIZATION_HOLDER, DeviceClass.II));
    }

    @ParameterizedTest
    @EnumSource(value = DeviceClass.class, names = {"III", "IV"})
    void marketingAuthorizationHolderOfClassIIIAndIVNeedsTheFirstClassLicence(DeviceClass c) {
      assertEquals(Requirement.anyOf(FIRST), LAW.requirement(Role.MARKETING_AUTHORIZATION_HOLDER, c));
      assertEquals(Requirement.allOf(FIRST), LAW.requirement(Role.MARKETING_AUTHORIZATION_HOLDER, c));
    }

    @Property
    void anMahLicencePermitsMarketingExactlyTheClassesItCovers(
        @ForAll("mahLicences") Licence licence, @ForAll DeviceClass c) {
      assertEquals(LAW.classesCoveredBy(licence).contains(c),
          LAW.permits(Set.of(licence), Role.MARKETING_AUTHORIZATION_HOLDER, Optional.of(c)));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Licence> mahLicences() {
      return net.jqwik.api.Arbitraries.of(FIRST, SECOND, THIRD);
    }

    // JapanPmdAct javadoc: an unknown class is treated as class IV, so the profile never admits a
    // pair the law might forbid.
    @ParameterizedTest
    @EnumSource(Role.class)
    void anUnknownClassIsTreatedAsClassIV(Role role) {
      assertEquals(LAW.requirement(role, DeviceClass.IV), LAW.requirement(role, Optional.empty()));
    }

    @Test
    void anUnknownClassDeniesTheSecondClassLicenceMarketing() {
      assertFalse(LAW.permits(Set.of(SECOND), Role.MARKETING_AUTHORIZATION_HOLDER, Optional.empty()));
      assertTrue(LAW.permits(Set.of(FIRST), Role.MARKETING_AUTHORIZATION_HOLDER, Optional.empty()));
      assertFalse(LAW.permits(Set.of(MAIN_ASSEMBLY), Role.DESIGN_MANUFACTURER, Optional.empty()));
    }

    @Test
    void whateverPermitsARoleForAHigherClassPermitsItForEveryLowerClass() {
      List<Licence> all = List.copyOf(LAW.licences());
      for (int mask = 0; mask < 1 << all.size(); mask++) {
        Set<Licence> held = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
          if ((mask & 1 << i) != 0) {
            held.add(all.get(i));
          }
        }
        for (Role role : Role.values()) {
          for (DeviceClass higher : DeviceClass.values()) {
            for (DeviceClass lower : DeviceClass.values()) {
              if (higher.isAtLeast(lower) && LAW.requirement(role, higher).isSatisfiedBy(held)) {
                assertTrue(LAW.requirement(role, lower).isSatisfiedBy(held), role + " " + lower + " " + held);
              }
            }
          }
        }
      }
    }

    @Test
    void nullArgumentsAreRejected() {
      assertThrows(NullPointerException.class, () -> LAW.requirement(null, DeviceClass.I));
      assertThrows(NullPointerException.class, () -> LAW.requirement(Role.PARTS_SUPPLIER, (Optional<DeviceClass>) null));
      assertThrows(NullPointerException.class, () -> LAW.requirement(Role.PARTS_SUPPLIER, (DeviceClass) null));
    }
  }

  @Nested
  class RolesAllowed {

    @Test
    void aFirmWithOnlyAMainAssemblyRegistrationMaySupplyCoDevelopAndContractManufactureClassII() {
      assertEquals(
          List.of(Role.PARTS_SUPPLIER, Role.CONTRACT_MANUFACTURER, Role.CO_DEVELOPER),
          List.copyOf(LAW.rolesAllowed(Set.of(MAIN_ASSEMBLY), DeviceClass.II)));
    }

    @Test
    void aFirmWithOnlyAMainAssemblyRegistrationMayNotBeDesignManufacturerOrMahForClassII() {
      Set<Role> allowed = LAW.rolesAllowed(Set.of(MAIN_ASSEMBLY), DeviceClass.II);
      assertFalse(allowed.contains(Role.DESIGN_MANUFACTURER));
      assertFalse(allowed.contains(Role.MARKETING_AUTHORIZATION_HOLDER));
    }

    @Test
    void aFirmWithOnlyAMainAssemblyRegistrationMayBeDesignManufacturerForClassI() {
      assertTrue(LAW.rolesAllowed(Set.of(MAIN_ASSEMBLY), DeviceClass.I).contains(Role.DESIGN_MANUFACTURER));
    }

    @Test
    void aFirmWithNothingMayOnlySupplyPartsOrCoDevelop() {
      for (DeviceClass c : DeviceClass.values()) {
        assertEquals(List.of(Role.PARTS_SUPPLIER, Role.CO_DEVELOPER), List.copyOf(LAW.rolesAllowed(Set.of(), c)));
      }
    }

    @Test
    void aFirmHoldingEveryLicenceMayPlayEveryRoleForEveryClass() {
      for (DeviceClass c : DeviceClass.values()) {
        assertEquals(List.of(Role.values()), List.copyOf(LAW.rolesAllowed(LAW.licences(), c)));
      }
    }

    @Test
    void aSecondClassMahWithDesignAndAssemblyMayPlayEveryRoleForClassIIButNotMarketClassIII() {
      Set<Licence> held = Set.of(SECOND, DESIGN, MAIN_ASSEMBLY);
      assertEquals(List.of(Role.values()), List.copyOf(LAW.rolesAllowed(held, DeviceClass.II)));
      assertFalse(LAW.rolesAllowed(held, DeviceClass.III).contains(Role.MARKETING_AUTHORIZATION_HOLDER));
      assertTrue(LAW.rolesAllowed(held, DeviceClass.III).contains(Role.DESIGN_MANUFACTURER));
    }

    @Property
    void rolesAllowedAgreesWithPermits(@ForAll("holdings") Set<Licence> held, @ForAll DeviceClass c, @ForAll Role role) {
      assertEquals(LAW.permits(held, role, Optional.of(c)), LAW.rolesAllowed(held, c).contains(role));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Set<Licence>> holdings() {
      return net.jqwik.api.Arbitraries.subsetOf(LAW.licences());
    }
  }

  @Test
  void licencesAreTheThreeMahLicencesAndTheFourRegistrations() {
    assertEquals(List.of(FIRST, SECOND, THIRD, DESIGN, MAIN_ASSEMBLY, STERILIZATION, FINAL_STORAGE),
        List.copyOf(LAW.licences()));
    for (Licence l : LAW.licences()) {
      assertFalse(l.label().isBlank(), l.code());
    }
  }

  @Test
  void everyRequirementOnlyNamesLicencesOfTheProfile() {
    for (Role role : Role.values()) {
      for (DeviceClass c : DeviceClass.values()) {
        LAW.requirement(role, c).clauses()
            .forEach(clause -> assertTrue(LAW.licences().containsAll(clause), role + " " + c));
      }
    }
  }
}
