package io.github.renkei.cluster.model;

/** The level of government that funds a {@link FundingProgram}: the seed's 国費 and 県費, and municipal money. */
public enum FundingLevel {
  /** National (国費): ministries and their agencies (MEXT, METI, MHLW, AMED). */
  NATIONAL("国"),
  /** Prefectural (県費), for example a 県単独予算 project. */
  PREFECTURAL("都道府県"),
  /** Municipal (市区町村). */
  MUNICIPAL("市区町村");

  private final String nameJa;

  FundingLevel(String nameJa) {
    this.nameJa = nameJa;
  }

  /**
   * Returns the Japanese name.
   *
   * @return for example {@code 都道府県}
   */
  public String nameJa() {
    return nameJa;
  }
}
