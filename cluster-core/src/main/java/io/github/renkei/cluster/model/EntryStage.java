package io.github.renkei.cluster.model;

import io.github.renkei.cluster.regulation.Role;
import java.util.Optional;

/**
 * How far a firm has entered the medical-device field, on the ladder the seed describes:
 * none, then parts supply (部材供給), OEM production, ODM production, and finally its own
 * product on the market (自社製品上市). Stages are ordered; {@link #compareTo} compares them.
 */
public enum EntryStage {
  /** Not in the medical field. */
  NONE("未参入", null),
  /** Supplies parts or materials to device makers. */
  PARTS_SUPPLY("部材供給", Role.PARTS_SUPPLIER),
  /** Manufactures finished devices for another company's brand. */
  OEM("OEM生産", Role.CONTRACT_MANUFACTURER),
  /** Designs and manufactures devices for another company's brand. */
  ODM("ODM生産", Role.DESIGN_MANUFACTURER),
  /** Markets its own product as marketing authorization holder. */
  OWN_PRODUCT("自社製品上市", Role.MARKETING_AUTHORIZATION_HOLDER);

  private final String nameJa;
  private final Role role;

  EntryStage(String nameJa, Role role) {
    this.nameJa = nameJa;
    this.role = role;
  }

  /**
   * Returns the Japanese term.
   *
   * @return for example {@code 部材供給}
   */
  public String nameJa() {
    return nameJa;
  }

  /**
   * Returns the regulatory role a firm at this stage plays.
   *
   * @return the role, empty for {@link #NONE}
   */
  public Optional<Role> role() {
    return Optional.ofNullable(role);
  }

  /**
   * Returns the next stage up the ladder.
   *
   * @return the next stage, empty for {@link #OWN_PRODUCT}
   */
  public Optional<EntryStage> next() {
    EntryStage[] all = values();
    return ordinal() + 1 < all.length ? Optional.of(all[ordinal() + 1]) : Optional.empty();
  }

  /**
   * Whether this stage is the given one or further up.
   *
   * @param other the other stage
   * @return {@code true} if this stage is at least {@code other}
   */
  public boolean isAtLeast(EntryStage other) {
    return compareTo(other) >= 0;
  }
}
