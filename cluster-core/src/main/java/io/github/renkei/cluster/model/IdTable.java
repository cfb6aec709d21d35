package io.github.renkei.cluster.model;

import java.util.List;

/**
 * Position of each organization id in a cluster's id-ordered list: an open-addressing hash
 * table with linear probing over two parallel arrays, so that a lookup touches one slot of
 * each array and the id it compares, instead of an entry object and a boxed integer. Sized to
 * at most half full. Immutable once built.
 */
final class IdTable {

  private final OrganizationId[] keys;
  private final int[] positions;
  private final int shift;

  IdTable(List<Organization> organizations) {
    int bits = 1;
    while ((1 << bits) < 2 * organizations.size()) {
      bits++;
    }
    keys = new OrganizationId[1 << bits];
    positions = new int[1 << bits];
    shift = 32 - bits;
    int mask = keys.length - 1;
    for (int p = 0; p < organizations.size(); p++) {
      OrganizationId id = organizations.get(p).id();
      int i = slot(id);
      while (keys[i] != null) {
        if (keys[i].equals(id)) {
          throw new IllegalStateException("duplicate id " + id);
        }
        i = (i + 1) & mask;
      }
      keys[i] = id;
      positions[i] = p;
    }
  }

  /** Fibonacci hashing of the id's (cached) string hash: the top bits of the product. */
  private int slot(OrganizationId id) {
    return (id.value().hashCode() * 0x9E3779B9) >>> shift;
  }

  /** Returns the position of an id, or -1. */
  int get(OrganizationId id) {
    int mask = keys.length - 1;
    for (int i = slot(id); ; i = (i + 1) & mask) {
      OrganizationId k = keys[i];
      if (k == null) {
        return -1;
      }
      if (k == id || k.value().equals(id.value())) {
        return positions[i];
      }
    }
  }
}
