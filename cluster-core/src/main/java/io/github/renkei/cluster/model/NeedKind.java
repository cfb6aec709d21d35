package io.github.renkei.cluster.model;

import io.github.renkei.cluster.regulation.Role;

/**
 * What a {@link Need} asks a supplier to do. Each kind maps to the regulatory {@link Role} the
 * supplier would play and to the {@link RelationshipType} a match creates.
 */
public enum NeedKind {
  /** Supply parts or materials (部材供給). */
  PARTS_SUPPLY(Role.PARTS_SUPPLIER, RelationshipType.PARTS_SUPPLY),
  /** Manufacture finished devices to the requester's design (OEM生産). */
  OEM(Role.CONTRACT_MANUFACTURER, RelationshipType.OEM),
  /** Design and manufacture devices for the requester's brand (ODM生産). */
  ODM(Role.DESIGN_MANUFACTURER, RelationshipType.ODM),
  /** Develop a product together (共同開発). */
  CO_DEVELOPMENT(Role.CO_DEVELOPER, RelationshipType.CO_DEVELOPMENT);

  private final Role supplierRole;
  private final RelationshipType relationshipType;

  NeedKind(Role supplierRole, RelationshipType relationshipType) {
    this.supplierRole = supplierRole;
    this.relationshipType = relationshipType;
  }

  /**
   * Returns the role a supplier plays when it takes such a need.
   *
   * @return the role, which a {@link io.github.renkei.cluster.regulation.RegulatoryProfile}
   *     maps to the licences required
   */
  public Role supplierRole() {
    return supplierRole;
  }

  /**
   * Returns the kind of tie a match creates, from supplier to requester.
   *
   * @return the relationship type
   */
  public RelationshipType relationshipType() {
    return relationshipType;
  }
}
