package io.github.renkei.cluster.model;

import io.github.renkei.cluster.region.Prefecture;

/** Small hand-made organizations for tests. */
final class Fixtures {

  private Fixtures() {}

  static OrganizationId id(String s) {
    return OrganizationId.of(s);
  }

  static Organization.Builder org(String id, OrganizationType type, Prefecture prefecture) {
    return Organization.builder(id(id), "Org " + id, type, prefecture);
  }

  static Organization sme(String id, Prefecture prefecture, Capability... capabilities) {
    return org(id, OrganizationType.SME_MANUFACTURER, prefecture).capabilities(capabilities).capacity(2).build();
  }

  static Relationship tie(String from, RelationshipType type, String to, int start) {
    return Relationship.of(id(from), type, id(to), start);
  }
}
