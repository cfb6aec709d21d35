package io.github.renkei.cluster.model;

/**
 * What a {@link FundingProgram} pays for. The seed contrasts support for product development
 * (製品開発支援) with support for parts supply and OEM production (部材供給・OEM生産のための
 * マッチング支援), and names network building and specialist staff as what support
 * organizations lack.
 */
public enum FundingPurpose {
  /** Research and development of devices, usually industry–academia–government (製品開発). */
  PRODUCT_DEVELOPMENT("製品開発"),
  /** Entry of local firms through parts supply and OEM production, and matching for it. */
  PARTS_SUPPLY_OEM("部材供給・OEM生産"),
  /** Building networks and hubs (拠点づくり, ネットワーク). */
  NETWORK_BUILDING("拠点・ネットワーク"),
  /** Hiring and training specialists and coordinators (人材). */
  HUMAN_RESOURCES("人材");

  private final String nameJa;

  FundingPurpose(String nameJa) {
    this.nameJa = nameJa;
  }

  /**
   * Returns the Japanese name.
   *
   * @return for example {@code 製品開発}
   */
  public String nameJa() {
    return nameJa;
  }
}
