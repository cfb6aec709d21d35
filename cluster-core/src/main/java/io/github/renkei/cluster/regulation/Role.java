package io.github.renkei.cluster.regulation;

/**
 * The part an organization plays for a medical device, from the regulator's point of view. A
 * {@link RegulatoryProfile} says which {@link Licence}s each role demands for a device class.
 *
 * <p>The roles follow the ladder by which small manufacturers enter the medical field in the
 * seed: parts supply (部材供給), OEM production (OEM生産), ODM production (ODM生産),
 * co-development, and their own products placed on the market (自社製品上市).
 */
public enum Role {
  /** Supplies parts or materials (部品・部材) to a device manufacturer. */
  PARTS_SUPPLIER,
  /** Manufactures finished devices to another company's design and brand (OEM). */
  CONTRACT_MANUFACTURER,
  /** Designs and manufactures devices that another company markets under its brand (ODM). */
  DESIGN_MANUFACTURER,
  /** Develops a device jointly with a partner that carries the regulatory responsibility. */
  CO_DEVELOPER,
  /** Places devices on the market under its own name (製造販売業者, the marketing authorization holder). */
  MARKETING_AUTHORIZATION_HOLDER
}
