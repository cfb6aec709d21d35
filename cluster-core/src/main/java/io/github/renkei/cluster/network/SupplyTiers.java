package io.github.renkei.cluster.network;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.Relationship;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tiers of a supply chain, the seed's 垂直型 (vertical, tiered subcontracting) structure
 * made measurable: device makers ({@link OrganizationType#DEVICE_MAKER}) are tier 0; an
 * organization that supplies (parts supply, OEM, ODM, co-development) a tier-k organization and
 * no nearer one is tier k + 1. Suppliers that reach no device maker are listed apart. Immutable.
 *
 * <pre>{@code
 * SupplyTiers t = ClusterNetwork.of(cluster, TieFilter.supply().inYear(2016)).supplyTiers();
 * t.tier(OrganizationId.of("aizu-precision"));   // OptionalInt[1]
 * t.counts();                                      // {0=3, 1=12, 2=5}
 * t.depth();                                       // 2
 * }</pre>
 */
public final class SupplyTiers {

  private final ImmutableSortedMap<OrganizationId, Integer> tiers;
  private final ImmutableSortedSet<OrganizationId> unanchored;

  private SupplyTiers(ImmutableSortedMap<OrganizationId, Integer> tiers,
      ImmutableSortedSet<OrganizationId> unanchored) {
    this.tiers = tiers;
    this.unanchored = unanchored;
  }

  static SupplyTiers of(Cluster cluster, List<Relationship> ties) {
    checkNotNull(cluster, "cluster");
    Map<OrganizationId, List<OrganizationId>> suppliersOf = new HashMap<>();
    TreeSet<OrganizationId> suppliers = new TreeSet<>();
    for (Relationship r : ties) {
      if (r.type().isSupply()) {
        suppliersOf.computeIfAbsent(r.to(), k -> new ArrayList<>()).add(r.from());
        suppliers.add(r.from());
      }
    }
    TreeMap<OrganizationId, Integer> tier = new TreeMap<>();
    ArrayDeque<OrganizationId> queue = new ArrayDeque<>();
    for (Organization o : cluster.organizationsOf(OrganizationType.DEVICE_MAKER)) {
      tier.put(o.id(), 0);
      queue.add(o.id());
    }
    while (!queue.isEmpty()) {
      OrganizationId buyer = queue.poll();
      int next = tier.get(buyer) + 1;
      for (OrganizationId s : suppliersOf.getOrDefault(buyer, List.of())) {
        if (!tier.containsKey(s)) {
          tier.put(s, next);
          queue.add(s);
        }
      }
    }
    suppliers.removeAll(tier.keySet());
    return new SupplyTiers(ImmutableSortedMap.copyOf(tier), ImmutableSortedSet.copyOf(suppliers));
  }

  /**
   * Returns an organization's tier.
   *
   * @param id the organization
   * @return its tier, or empty if it is neither a device maker nor linked to one by supply ties
   */
  public OptionalInt tier(OrganizationId id) {
    Integer t = tiers.get(checkNotNull(id, "id"));
    return t == null ? OptionalInt.empty() : OptionalInt.of(t);
  }

  /**
   * Returns every tiered organization's tier.
   *
   * @return id → tier, in id order
   */
  public ImmutableSortedMap<OrganizationId, Integer> tiers() {
    return tiers;
  }

  /**
   * Returns how many organizations each tier holds.
   *
   * @return tier → count, from 0
   */
  public ImmutableSortedMap<Integer, Integer> counts() {
    TreeMap<Integer, Integer> c = new TreeMap<>();
    tiers.values().forEach(t -> c.merge(t, 1, Integer::sum));
    return ImmutableSortedMap.copyOf(c);
  }

  /**
   * Returns the deepest tier.
   *
   * @return the depth, or empty if there is no device maker
   */
  public OptionalInt depth() {
    return tiers.values().stream().mapToInt(Integer::intValue).max();
  }

  /**
   * Returns the organizations at a tier.
   *
   * @param tier the tier, 0 for device makers
   * @return their ids, in order
   */
  public ImmutableList<OrganizationId> at(int tier) {
    return tiers.entrySet().stream().filter(e -> e.getValue() == tier).map(Map.Entry::getKey)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the suppliers whose supply ties reach no device maker.
   *
   * @return their ids, in order
   */
  public ImmutableSortedSet<OrganizationId> unanchored() {
    return unanchored;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SupplyTiers t && t.tiers.equals(tiers) && t.unanchored.equals(unanchored);
  }

  @Override
  public int hashCode() {
    return tiers.hashCode() * 31 + unanchored.hashCode();
  }

  /** Returns for example {@code SupplyTiers[tier 0: 3, tier 1: 12, tier 2: 5; unanchored: 2]}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("SupplyTiers[");
    counts().forEach((t, c) -> s.append(t == 0 ? "" : ", ").append("tier ").append(t).append(": ").append(c));
    return s.append("; unanchored: ").append(unanchored.size()).append(']').toString();
  }
}
