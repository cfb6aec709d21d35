package io.github.renkei.cluster.model;

/**
 * The broad sector of an organization. Industry, academia and government form the 産学官
 * triangle of industry–academia–government collaboration; healthcare is the 医 of 医工連携
 * (medical–engineering collaboration); support organizations and associations are the
 * intermediaries that broker between them.
 */
public enum Sector {
  /** 産: firms, from small manufacturers to device makers and start-ups. */
  INDUSTRY("産業"),
  /** 学: universities and medical universities. */
  ACADEMIA("学術"),
  /** 官: national agencies, prefectures, municipalities. */
  GOVERNMENT("行政"),
  /** 医: hospitals, clinics, health and community care centres. */
  HEALTHCARE("医療"),
  /** Industry support organizations (産業支援機関) and public technology centres. */
  SUPPORT("産業支援"),
  /** Industry associations, chambers of commerce, academic societies. */
  ASSOCIATION("団体");

  private final String nameJa;

  Sector(String nameJa) {
    this.nameJa = nameJa;
  }

  /**
   * Returns a short Japanese name.
   *
   * @return for example {@code 産業}
   */
  public String nameJa() {
    return nameJa;
  }
}
