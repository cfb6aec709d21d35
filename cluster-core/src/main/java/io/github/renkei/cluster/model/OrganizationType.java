package io.github.renkei.cluster.model;

/**
 * The kind of an organization, finer than its {@link Sector}; each type belongs to exactly one
 * sector, so an organization's sector follows from its type.
 */
public enum OrganizationType {
  /** A small or medium-sized manufacturer (中小企業, 町工場), the firms the seed wants in the field. */
  SME_MANUFACTURER("中小製造業", Sector.INDUSTRY),
  /** A medical-device maker or its factory (医療機器メーカー/工場). */
  DEVICE_MAKER("医療機器メーカー", Sector.INDUSTRY),
  /** A start-up or academic venture (アカデミア発ベンチャー, スタートアップ). */
  STARTUP("スタートアップ", Sector.INDUSTRY),
  /** A university or its faculty (大学), for example 日本大学工学部. */
  UNIVERSITY("大学", Sector.ACADEMIA),
  /** A medical university (医科大学), for example 福島県立医科大学. */
  MEDICAL_UNIVERSITY("医科大学", Sector.ACADEMIA),
  /** A large, often university or core hospital (大病院). */
  LARGE_HOSPITAL("大病院", Sector.HEALTHCARE),
  /** A municipal or city hospital (市民病院). */
  CITY_HOSPITAL("市民病院", Sector.HEALTHCARE),
  /** A clinic (クリニック, 診療所). */
  CLINIC("クリニック", Sector.HEALTHCARE),
  /** A municipal health centre (保健センター). */
  HEALTH_CENTRE("保健センター", Sector.HEALTHCARE),
  /** A community comprehensive care centre (地域包括支援センター, the seed's 地域包括ケアセンター). */
  COMMUNITY_CARE_CENTRE("地域包括ケアセンター", Sector.HEALTHCARE),
  /** A prefectural government (都道府県). */
  PREFECTURE("都道府県", Sector.GOVERNMENT),
  /** A city, ward, town or village (市区町村). */
  MUNICIPALITY("市区町村", Sector.GOVERNMENT),
  /** A union of local governments (広域連合), for example 関西広域連合. */
  REGIONAL_UNION("広域連合", Sector.GOVERNMENT),
  /** A national ministry or agency (MEXT, METI, MHLW, AMED, PMDA). */
  NATIONAL_AGENCY("国の機関", Sector.GOVERNMENT),
  /** An industry support organization (産業支援機関), typically a prefectural foundation. */
  SUPPORT_ORGANIZATION("産業支援機関", Sector.SUPPORT),
  /** A public research and technology centre serving local firms (公設試験研究機関). */
  PUBLIC_RESEARCH_INSTITUTE("公設試験研究機関", Sector.SUPPORT),
  /** An industry association (医機連, 薬事工業協会, ...). */
  INDUSTRY_ASSOCIATION("業界団体", Sector.ASSOCIATION),
  /** A chamber of commerce and industry (商工会議所). */
  CHAMBER_OF_COMMERCE("商工会議所", Sector.ASSOCIATION),
  /** An academic society (学会). */
  ACADEMIC_SOCIETY("学会", Sector.ASSOCIATION);

  private final String nameJa;
  private final Sector sector;

  OrganizationType(String nameJa, Sector sector) {
    this.nameJa = nameJa;
    this.sector = sector;
  }

  /**
   * Returns a short Japanese name.
   *
   * @return for example {@code 中小製造業}
   */
  public String nameJa() {
    return nameJa;
  }

  /**
   * Returns the sector of this type.
   *
   * @return the sector
   */
  public Sector sector() {
    return sector;
  }
}
