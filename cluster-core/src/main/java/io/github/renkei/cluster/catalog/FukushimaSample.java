package io.github.renkei.cluster.catalog;

import io.github.renkei.cluster.model.AttributeKey;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Certification;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.FundingLevel;
import io.github.renkei.cluster.model.FundingProgram;
import io.github.renkei.cluster.model.FundingPurpose;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.ProgramId;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.model.RelationshipType;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import io.github.renkei.cluster.regulation.DeviceClass;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.regulation.ManufacturingStep;

/**
 * A ready cluster of the Fukushima medical-device cluster as the seed describes it, on top of
 * the nationwide {@link Catalog}: the actors the seed names and a synthetic population of
 * firms, hospitals and needs to experiment with.
 *
 * <pre>{@code
 * Cluster fukushima = FukushimaSample.cluster();
 * fukushima.organizationsIn(Prefecture.FUKUSHIMA);
 * fukushima.organizationsAt(EntryStage.OEM);
 * fukushima.organization(FukushimaSample.PROMOTION_ORGANIZATION);   // ふくしま医療機器産業推進機構
 * }</pre>
 *
 * <h2>Real actors (from the seed and public sources)</h2>
 * <ul>
 *   <li>ふくしま医療機器産業推進機構, the promotion organization founded 2013 (from the catalog);
 *   <li>福島県, whose own-budget project for medical-device industry (うつくしま, later
 *       ふくしま次世代医療産業集積プロジェクト) started in FY2005
 *       (<a href="https://fmddsc.jp/next-project/">fmddsc.jp</a>);
 *   <li>日本大学工学部 and 福島県立医科大学, the seed's 医工連携 pair, both in the hub
 *       「ふくしま次世代医療産業集積クラスター」 selected on 2009-06-12
 *       (<a href="https://nubic.jp/07eventseminar/03topics20090623.html">NUBIC</a>);
 *   <li>ふくしま医療機器開発支援センター, the development and safety evaluation centre in
 *       Koriyama opened in November 2016 and built with a FY2013 national grant of 134億円
 *       (<a href="https://adeac.jp/koriyama-city/texthtml/d100020/ct00000002/ht001370">郡山市史</a>);
 *   <li>MEXT's 地域イノベーションクラスタープログラム (グローバル型), which selected ふくしま地域 in
 *       June 2010 for about ¥200M a year for three years
 *       (<a href="http://www.mext.go.jp/b_menu/houdou/22/06/1295030.htm">MEXT</a>).
 * </ul>
 *
 * <h2>Synthetic actors</h2>
 * Every other organization, tie and need is invented to make the sample useful: hospitals,
 * clinics, a health centre, a community care centre, two device makers, an industry
 * association, a start-up and small manufacturers at every {@link EntryStage}. Each carries
 * {@link #SYNTHETIC} = {@code true}, an id starting with {@code syn-} and a name starting with
 * "Synthetic" (「架空」 in Japanese). Their numbers are illustrations, not observations.
 */
public final class FukushimaSample {

  /** Marks organizations invented for the sample. */
  public static final AttributeKey<Boolean> SYNTHETIC = AttributeKey.of("sample.synthetic", Boolean.class);

  /** ふくしま医療機器産業推進機構 (Fukushima Medical Device Industry Promotion Organization). */
  public static final OrganizationId PROMOTION_ORGANIZATION = OrganizationId.of("fmdipo");
  /** 福島県 (Fukushima Prefectural Government). */
  public static final OrganizationId PREFECTURE = OrganizationId.of("fukushima-pref");
  /** 日本大学工学部 (Nihon University College of Engineering, Koriyama). */
  public static final OrganizationId NIHON_UNIVERSITY_ENGINEERING = OrganizationId.of("nihon-u-ce");
  /** 福島県立医科大学 (Fukushima Medical University). */
  public static final OrganizationId MEDICAL_UNIVERSITY = OrganizationId.of("fmu");
  /** ふくしま医療機器開発支援センター (the development and safety evaluation centre, opened 2016). */
  public static final OrganizationId DEVELOPMENT_CENTRE = OrganizationId.of("fmddsc");
  /** 日本国政府, the sponsor of the centre's construction grant. */
  public static final OrganizationId GOVERNMENT_OF_JAPAN = OrganizationId.of("japan-gov");

  private static final Cluster CLUSTER = build();

  private FukushimaSample() {}

  /**
   * Returns the sample cluster: the nationwide catalog plus the Fukushima actors, their ties,
   * programs and needs.
   *
   * @return the cluster, built once
   */
  public static Cluster cluster() {
    return CLUSTER;
  }

  private static OrganizationId id(String s) {
    return OrganizationId.of(s);
  }

  private static Organization.Builder synthetic(String id, String name, String nameJa, OrganizationType type,
      Prefecture prefecture) {
    return Organization.builder(id(id), "Synthetic " + name, type, prefecture)
        .nativeName("架空" + nameJa)
        .attribute(SYNTHETIC, true);
  }

  private static Cluster build() {
    Cluster.Builder b = Cluster.builder().addAll(Catalog.nationwide().cluster());
    Prefecture f = Prefecture.FUKUSHIMA;

    // real actors
    b.add(Organization.builder(PREFECTURE, "Fukushima Prefectural Government", OrganizationType.PREFECTURE, f)
        .nativeName("福島県"));
    b.add(Organization.builder(NIHON_UNIVERSITY_ENGINEERING, "Nihon University College of Engineering",
            OrganizationType.UNIVERSITY, f)
        .nativeName("日本大学工学部")
        .capabilities(Capability.DESIGN_DEVELOPMENT));
    b.add(Organization.builder(MEDICAL_UNIVERSITY, "Fukushima Medical University", OrganizationType.MEDICAL_UNIVERSITY, f)
        .nativeName("福島県立医科大学"));
    b.add(Organization.builder(DEVELOPMENT_CENTRE, "Fukushima Medical Device Development Support Centre",
            OrganizationType.SUPPORT_ORGANIZATION, f)
        .nativeName("ふくしま医療機器開発支援センター")
        .foundedYear(2016)
        .capabilities(Capability.DESIGN_DEVELOPMENT, Capability.STERILIZATION_GAMMA));
    b.add(Organization.builder(GOVERNMENT_OF_JAPAN, "Government of Japan", OrganizationType.NATIONAL_AGENCY, Prefecture.TOKYO)
        .nativeName("日本国政府"));

    // synthetic healthcare (the seed's 大病院, 市民病院, クリニック, 保健センター, 地域包括ケアセンター)
    b.add(synthetic("syn-hospital-large", "Large Hospital", "大病院", OrganizationType.LARGE_HOSPITAL, f));
    b.add(synthetic("syn-hospital-city", "City Hospital", "市民病院", OrganizationType.CITY_HOSPITAL, f));
    b.add(synthetic("syn-clinic", "Clinic", "クリニック", OrganizationType.CLINIC, f));
    b.add(synthetic("syn-health-centre", "Health Centre", "保健センター", OrganizationType.HEALTH_CENTRE, f));
    b.add(synthetic("syn-care-centre", "Community Care Centre", "地域包括ケアセンター",
        OrganizationType.COMMUNITY_CARE_CENTRE, f));

    // synthetic industry: device makers, association, start-up, SMEs at every stage
    b.add(synthetic("syn-maker-fukushima", "Device Maker Fukushima Plant", "医療機器メーカー福島工場",
            OrganizationType.DEVICE_MAKER, f)
        .licences(JapanPmdAct.MAH_FIRST_CLASS,
            JapanPmdAct.registration(ManufacturingStep.DESIGN),
            JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY),
            JapanPmdAct.registration(ManufacturingStep.FINAL_STORAGE))
        .certifications(Certification.ISO_13485)
        .entryStage(EntryStage.OWN_PRODUCT)
        .employees(800));
    b.add(synthetic("syn-maker-tokyo", "Device Maker Tokyo", "医療機器メーカー東京", OrganizationType.DEVICE_MAKER,
            Prefecture.TOKYO)
        .licences(JapanPmdAct.MAH_FIRST_CLASS, JapanPmdAct.registration(ManufacturingStep.DESIGN))
        .certifications(Certification.ISO_13485)
        .entryStage(EntryStage.OWN_PRODUCT)
        .employees(2500));
    b.add(synthetic("syn-association", "Medical Device Industry Association", "医療機器薬事工業協会",
        OrganizationType.INDUSTRY_ASSOCIATION, f));
    b.add(synthetic("syn-startup-fmu", "FMU Venture", "医大発ベンチャー", OrganizationType.STARTUP, f)
        .capabilities(Capability.SOFTWARE, Capability.DESIGN_DEVELOPMENT)
        .entryStage(EntryStage.NONE)
        .capacity(1)
        .employees(6)
        .foundedYear(2018));

    b.add(sme("syn-sme-aizu-cutting", "Aizu Cutting Works", "会津切削", 40, 1968, EntryStage.NONE, 2)
        .capabilities(Capability.MACHINING, Capability.PRECISION_CUTTING));
    b.add(sme("syn-sme-iwaki-press", "Iwaki Press", "いわきプレス", 25, 1975, EntryStage.NONE, 1)
        .capabilities(Capability.PRESS_WORKING, Capability.WELDING));
    b.add(sme("syn-sme-koriyama-plating", "Koriyama Plating", "郡山めっき", 30, 1981, EntryStage.PARTS_SUPPLY, 3)
        .capabilities(Capability.SURFACE_TREATMENT)
        .certifications(Certification.ISO_9001));
    b.add(sme("syn-sme-sukagawa-mould", "Sukagawa Moulding", "須賀川成形", 55, 1979, EntryStage.PARTS_SUPPLY, 3)
        .capabilities(Capability.INJECTION_MOULDING, Capability.PACKAGING)
        .certifications(Certification.ISO_9001));
    b.add(sme("syn-sme-date-precision", "Date Precision", "伊達精密", 70, 1964, EntryStage.OEM, 2)
        .capabilities(Capability.PRECISION_CUTTING, Capability.CLEANROOM_ASSEMBLY, Capability.WELDING)
        .certifications(Certification.ISO_13485, Certification.ISO_9001)
        .licences(JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY)));
    b.add(sme("syn-sme-shirakawa-electronics", "Shirakawa Electronics", "白河電子", 120, 1972, EntryStage.OEM, 3)
        .capabilities(Capability.ELECTRONICS_ASSEMBLY, Capability.CLEANROOM_ASSEMBLY)
        .certifications(Certification.ISO_13485)
        .licences(JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY)));
    b.add(sme("syn-sme-soma-devices", "Soma Devices", "相馬デバイス", 90, 1986, EntryStage.ODM, 2)
        .capabilities(Capability.DESIGN_DEVELOPMENT, Capability.ELECTRONICS_ASSEMBLY, Capability.SOFTWARE)
        .certifications(Certification.ISO_13485)
        .licences(JapanPmdAct.registration(ManufacturingStep.DESIGN),
            JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY)));
    b.add(sme("syn-sme-nihonmatsu-medical", "Nihonmatsu Medical", "二本松メディカル", 60, 1990, EntryStage.OWN_PRODUCT, 2)
        .capabilities(Capability.DESIGN_DEVELOPMENT, Capability.INJECTION_MOULDING, Capability.CLEANROOM_ASSEMBLY)
        .certifications(Certification.ISO_13485)
        .licences(JapanPmdAct.MAH_SECOND_CLASS,
            JapanPmdAct.registration(ManufacturingStep.DESIGN),
            JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY),
            JapanPmdAct.registration(ManufacturingStep.FINAL_STORAGE)));
    b.add(sme("syn-sme-kitakata-steril", "Kitakata Sterilization", "喜多方滅菌", 35, 1993, EntryStage.PARTS_SUPPLY, 4)
        .capabilities(Capability.STERILIZATION_GAMMA, Capability.PACKAGING)
        .certifications(Certification.ISO_13485, Certification.ISO_11137)
        .licences(JapanPmdAct.registration(ManufacturingStep.STERILIZATION)));

    // a sterilizer outside the block: an EO need in 北海道・東北 cannot use it
    b.add(synthetic("syn-sterilizer-ibaraki", "Ibaraki Sterilization Services", "茨城滅菌サービス",
            OrganizationType.SME_MANUFACTURER, Prefecture.IBARAKI)
        .capabilities(Capability.STERILIZATION_EO, Capability.PACKAGING)
        .certifications(Certification.ISO_13485, Certification.ISO_11135)
        .licences(JapanPmdAct.registration(ManufacturingStep.STERILIZATION))
        .entryStage(EntryStage.PARTS_SUPPLY)
        .capacity(5)
        .employees(140)
        .foundedYear(1984));

    // programs
    b.add(FundingProgram.builder(ProgramId.of("fukushima-next-gen-medical"),
            "Fukushima Next-Generation Medical Industry Agglomeration Project", PREFECTURE,
            FundingLevel.PREFECTURAL, FundingPurpose.PARTS_SUPPLY_OEM)
        .nativeName("ふくしま次世代医療産業集積プロジェクト")
        .firstYear(2005)
        .source("https://fmddsc.jp/next-project/"));
    b.add(FundingProgram.builder(ProgramId.of("fmddsc-construction"),
            "Construction grant for the medical-device development and safety evaluation centre",
            GOVERNMENT_OF_JAPAN, FundingLevel.NATIONAL, FundingPurpose.PRODUCT_DEVELOPMENT)
        .nativeName("県医療機器開発・安全性評価センター(仮称)整備事業")
        .firstYear(2013)
        .lastYear(2013)
        .budget(2013, 13_400_000_000L)
        .source("https://adeac.jp/koriyama-city/texthtml/d100020/ct00000002/ht001370"));

    // real ties
    b.add(Relationship.of(NIHON_UNIVERSITY_ENGINEERING, RelationshipType.JOINT_RESEARCH, MEDICAL_UNIVERSITY, 2009));
    b.add(Relationship.of(id("mext"), RelationshipType.FUNDING, PREFECTURE, 2010, 2012));
    b.add(Relationship.of(PREFECTURE, RelationshipType.FUNDING, PROMOTION_ORGANIZATION, 2013));
    b.add(Relationship.of(GOVERNMENT_OF_JAPAN, RelationshipType.FUNDING, DEVELOPMENT_CENTRE, 2013, 2013));
    b.add(Relationship.of(PROMOTION_ORGANIZATION, RelationshipType.SUPPORT, DEVELOPMENT_CENTRE, 2016));

    // synthetic ties
    String[] smes = {
      "syn-sme-aizu-cutting", "syn-sme-iwaki-press", "syn-sme-koriyama-plating", "syn-sme-sukagawa-mould",
      "syn-sme-date-precision", "syn-sme-shirakawa-electronics", "syn-sme-soma-devices",
      "syn-sme-nihonmatsu-medical"
    };
    for (String s : smes) {
      b.add(Relationship.of(PREFECTURE, RelationshipType.SUPPORT, id(s), 2005));
      b.add(Relationship.of(PROMOTION_ORGANIZATION, RelationshipType.SUPPORT, id(s), 2013));
      b.add(Relationship.of(id(s), RelationshipType.MEMBERSHIP, id("syn-association"), 2006));
    }
    b.add(Relationship.of(id("syn-sme-koriyama-plating"), RelationshipType.PARTS_SUPPLY, id("syn-maker-fukushima"), 2007));
    b.add(Relationship.of(id("syn-sme-sukagawa-mould"), RelationshipType.PARTS_SUPPLY, id("syn-maker-fukushima"), 2008));
    b.add(Relationship.of(id("syn-sme-date-precision"), RelationshipType.PARTS_SUPPLY, id("syn-maker-fukushima"), 2006, 2010));
    b.add(Relationship.of(id("syn-sme-date-precision"), RelationshipType.OEM, id("syn-maker-fukushima"), 2011));
    b.add(Relationship.of(id("syn-sme-shirakawa-electronics"), RelationshipType.OEM, id("syn-maker-tokyo"), 2012));
    b.add(Relationship.of(id("syn-sme-soma-devices"), RelationshipType.OEM, id("syn-maker-tokyo"), 2009, 2014));
    b.add(Relationship.of(id("syn-sme-soma-devices"), RelationshipType.ODM, id("syn-maker-tokyo"), 2015));
    b.add(Relationship.of(id("syn-sme-kitakata-steril"), RelationshipType.PARTS_SUPPLY, id("syn-sme-nihonmatsu-medical"), 2017));
    b.add(Relationship.of(id("syn-hospital-large"), RelationshipType.CLINICAL_NEEDS, id("syn-sme-nihonmatsu-medical"), 2010));
    b.add(Relationship.of(id("syn-hospital-city"), RelationshipType.CLINICAL_NEEDS, id("syn-sme-soma-devices"), 2014));
    b.add(Relationship.of(MEDICAL_UNIVERSITY, RelationshipType.JOINT_RESEARCH, id("syn-startup-fmu"), 2018));
    b.add(Relationship.of(DEVELOPMENT_CENTRE, RelationshipType.SUPPORT, id("syn-sme-soma-devices"), 2017));
    b.add(Relationship.of(id("syn-sme-nihonmatsu-medical"), RelationshipType.CO_DEVELOPMENT, NIHON_UNIVERSITY_ENGINEERING, 2016));

    // synthetic needs, one of each kind, and one no supplier in the block can meet
    b.add(Need.builder(NeedId.of("syn-need-01"), id("syn-maker-fukushima"), NeedKind.PARTS_SUPPLY)
        .description("precision-cut stainless parts for a class II surgical instrument")
        .requiredCapabilities(Capability.PRECISION_CUTTING)
        .deviceClass(DeviceClass.II)
        .lotSize(10_000)
        .preferredBlock(RegionBlock.HOKKAIDO_TOHOKU));
    b.add(Need.builder(NeedId.of("syn-need-02"), id("syn-maker-tokyo"), NeedKind.OEM)
        .description("cleanroom assembly of a class II infusion device")
        .requiredCapabilities(Capability.CLEANROOM_ASSEMBLY)
        .requiredCertifications(Certification.ISO_13485)
        .deviceClass(DeviceClass.II)
        .lotSize(2_000));
    b.add(Need.builder(NeedId.of("syn-need-03"), id("syn-maker-tokyo"), NeedKind.ODM)
        .description("design and manufacture of a class III monitoring unit")
        .requiredCapabilities(Capability.DESIGN_DEVELOPMENT, Capability.ELECTRONICS_ASSEMBLY)
        .requiredCertifications(Certification.ISO_13485)
        .deviceClass(DeviceClass.III)
        .lotSize(500));
    b.add(Need.builder(NeedId.of("syn-need-04"), id("syn-hospital-large"), NeedKind.CO_DEVELOPMENT)
        .description("co-development of a rehabilitation aid from a clinical need")
        .requiredCapabilities(Capability.DESIGN_DEVELOPMENT)
        .deviceClass(DeviceClass.I)
        .preferredPrefecture(f));
    b.add(Need.builder(NeedId.of("syn-need-05"), id("syn-hospital-city"), NeedKind.PARTS_SUPPLY)
        .description("ethylene-oxide sterilized packs of procedure parts")
        .requiredCapabilities(Capability.STERILIZATION_EO, Capability.PACKAGING)
        .deviceClass(DeviceClass.II)
        .preferredBlock(RegionBlock.HOKKAIDO_TOHOKU));
    return b.build();
  }

  private static Organization.Builder sme(
      String id, String name, String nameJa, int employees, int founded, EntryStage stage, int capacity) {
    return synthetic(id, name, nameJa, OrganizationType.SME_MANUFACTURER, Prefecture.FUKUSHIMA)
        .employees(employees)
        .foundedYear(founded)
        .entryStage(stage)
        .capacity(capacity);
  }
}
