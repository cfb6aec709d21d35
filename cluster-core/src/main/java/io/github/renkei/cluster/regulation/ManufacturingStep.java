package io.github.renkei.cluster.regulation;

/**
 * The steps of making a medical device that a regulator may tie to registered sites. In Japan
 * these are the steps whose sites need a manufacturer registration (製造業登録) under Article
 * 23-2-3 of the PMD Act and Article 114-8 of its Enforcement Regulations; see
 * {@link JapanPmdAct#registrationRequired(ManufacturingStep, DeviceClass)}.
 */
public enum ManufacturingStep {
  /** Design (設計): the site responsible for design and development. */
  DESIGN("設計"),
  /** Main assembly (主たる組立て) and other main manufacturing steps. */
  MAIN_ASSEMBLY("主たる組立て"),
  /** Sterilization (滅菌), for devices delivered sterile. */
  STERILIZATION("滅菌"),
  /** Storage of the final product before release to the domestic market (最終製品の保管). */
  FINAL_STORAGE("最終製品の保管");

  private final String nameJa;

  ManufacturingStep(String nameJa) {
    this.nameJa = nameJa;
  }

  /**
   * Returns the Japanese term.
   *
   * @return for example {@code 設計}
   */
  public String nameJa() {
    return nameJa;
  }
}
