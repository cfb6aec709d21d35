package io.github.renkei.cluster.regulation;

/**
 * How a device reaches the market: the kind of pre-market procedure. In Japan: notification
 * (製造販売届出), third-party certification (製造販売認証) or ministerial approval
 * (製造販売承認); see {@link JapanPmdAct#routeToMarket(DeviceClass, boolean)}.
 */
public enum MarketRoute {
  /** Notification by the marketing authorization holder, no review (届出). */
  NOTIFICATION("届出"),
  /** Certification by a registered third-party certification body against a standard (認証). */
  CERTIFICATION("認証"),
  /** Approval by the minister after review by the regulator (承認; PMDA review in Japan). */
  APPROVAL("承認");

  private final String nameJa;

  MarketRoute(String nameJa) {
    this.nameJa = nameJa;
  }

  /**
   * Returns the Japanese term.
   *
   * @return for example {@code 認証}
   */
  public String nameJa() {
    return nameJa;
  }
}
