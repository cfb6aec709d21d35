package io.github.renkei.cluster.model;

import io.github.renkei.cluster.regulation.Role;
import java.util.Optional;

/**
 * The kind of a {@link Relationship} and the direction its arrow points.
 *
 * <p>Supply ties point from supplier to buyer (the way goods flow: buyer ← supplier). A supply
 * tie is <em>vertical</em> when it is tiered subcontracting (parts supply, OEM) and
 * <em>horizontal</em> when the partners design together (ODM, co-development): the seed expects
 * the former to turn into the latter (垂直的関係から水平的な新結合へ).
 */
public enum RelationshipType {
  /** Supplier → buyer: parts or materials (部材供給). Vertical. */
  PARTS_SUPPLY(true, Orientation.VERTICAL, Role.PARTS_SUPPLIER),
  /** Contract manufacturer → brand owner: finished devices to the buyer's design (OEM). Vertical. */
  OEM(true, Orientation.VERTICAL, Role.CONTRACT_MANUFACTURER),
  /** Design manufacturer → brand owner: devices designed and made by the supplier (ODM). Horizontal. */
  ODM(true, Orientation.HORIZONTAL, Role.DESIGN_MANUFACTURER),
  /** Developer → partner: joint product development between firms. Horizontal. */
  CO_DEVELOPMENT(true, Orientation.HORIZONTAL, Role.CO_DEVELOPER),
  /** Initiator → partner: joint research, typically with a university (共同研究). */
  JOINT_RESEARCH(false, null, null),
  /** Clinician → firm: clinical needs brought to a firm (臨床ニーズ). */
  CLINICAL_NEEDS(false, null, null),
  /** Supporter → supported: advice, brokering, coordination by a support organization. */
  SUPPORT(false, null, null),
  /** Funder → funded: a grant or subsidy. */
  FUNDING(false, null, null),
  /** Member → body: membership of an association, council or network. */
  MEMBERSHIP(false, null, null);

  /** Whether a supply tie is tiered subcontracting or a partnership of designers. */
  public enum Orientation {
    /** Tiered subcontracting (元請け・下請け): parts supply, OEM. */
    VERTICAL,
    /** Partnership of designers (新結合): ODM, co-development. */
    HORIZONTAL
  }

  private final boolean supply;
  private final Orientation orientation;
  private final Role supplierRole;

  RelationshipType(boolean supply, Orientation orientation, Role supplierRole) {
    this.supply = supply;
    this.orientation = orientation;
    this.supplierRole = supplierRole;
  }

  /**
   * Whether this is a supply tie (from supplier to buyer).
   *
   * @return {@code true} for parts supply, OEM, ODM and co-development
   */
  public boolean isSupply() {
    return supply;
  }

  /**
   * Returns whether a supply tie is vertical or horizontal.
   *
   * @return the orientation, empty for ties that are not supply ties
   */
  public Optional<Orientation> orientation() {
    return Optional.ofNullable(orientation);
  }

  /**
   * Whether this is a vertical supply tie.
   *
   * @return {@code true} for parts supply and OEM
   */
  public boolean isVertical() {
    return orientation == Orientation.VERTICAL;
  }

  /**
   * Whether this is a horizontal supply tie.
   *
   * @return {@code true} for ODM and co-development
   */
  public boolean isHorizontal() {
    return orientation == Orientation.HORIZONTAL;
  }

  /**
   * Returns the regulatory role the supplier ({@code from}) of a supply tie plays.
   *
   * @return the role, empty for ties that are not supply ties
   */
  public Optional<Role> supplierRole() {
    return Optional.ofNullable(supplierRole);
  }
}
