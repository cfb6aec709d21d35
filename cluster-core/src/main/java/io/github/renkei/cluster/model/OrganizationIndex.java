package io.github.renkei.cluster.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import io.github.renkei.cluster.region.StandardRegion;
import io.github.renkei.cluster.regulation.Licence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The organizations of a cluster in id order, with every index built once: position by id
 * ({@link IdTable}),
 * and lists by sector, type, prefecture, block, standard region, entry stage, capability,
 * certification and licence. Each list keeps id order. Immutable.
 */
final class OrganizationIndex {

  static final OrganizationIndex EMPTY = new OrganizationIndex(ImmutableList.of());

  final ImmutableList<Organization> list;
  private final IdTable position;
  private final ImmutableList<ImmutableList<Organization>> bySector;
  private final ImmutableList<ImmutableList<Organization>> byType;
  private final ImmutableList<ImmutableList<Organization>> byPrefecture;
  private final ImmutableList<ImmutableList<Organization>> byBlock;
  private final ImmutableList<ImmutableList<Organization>> byStandardRegion;
  private final ImmutableList<ImmutableList<Organization>> byEntryStage;
  private final ImmutableMap<Capability, ImmutableList<Organization>> byCapability;
  private final ImmutableMap<Certification, ImmutableList<Organization>> byCertification;
  private final ImmutableMap<Licence, ImmutableList<Organization>> byLicence;
  private final ImmutableList<Organization> hubs;

  /** @param sorted organizations with distinct ids, in id order */
  OrganizationIndex(ImmutableList<Organization> sorted) {
    this.list = sorted;
    List<List<Organization>> sector = buckets(Sector.values().length);
    List<List<Organization>> type = buckets(OrganizationType.values().length);
    List<List<Organization>> pref = buckets(Prefecture.values().length);
    List<List<Organization>> block = buckets(RegionBlock.values().length);
    List<List<Organization>> region = buckets(StandardRegion.values().length);
    List<List<Organization>> stage = buckets(EntryStage.values().length);
    Map<Capability, ImmutableList.Builder<Organization>> caps = new HashMap<>();
    Map<Certification, ImmutableList.Builder<Organization>> certs = new HashMap<>();
    Map<Licence, ImmutableList.Builder<Organization>> lics = new HashMap<>();
    ImmutableList.Builder<Organization> hubList = ImmutableList.builder();
    for (int i = 0; i < sorted.size(); i++) {
      Organization o = sorted.get(i);
      sector.get(o.sector().ordinal()).add(o);
      type.get(o.type().ordinal()).add(o);
      pref.get(o.prefecture().ordinal()).add(o);
      block.get(o.block().ordinal()).add(o);
      region.get(o.prefecture().standardRegion().ordinal()).add(o);
      stage.get(o.entryStage().ordinal()).add(o);
      for (Capability c : o.capabilities()) {
        caps.computeIfAbsent(c, k -> ImmutableList.builder()).add(o);
      }
      for (Certification c : o.certifications()) {
        certs.computeIfAbsent(c, k -> ImmutableList.builder()).add(o);
      }
      for (Licence l : o.licences()) {
        lics.computeIfAbsent(l, k -> ImmutableList.builder()).add(o);
      }
      if (o.isHub()) {
        hubList.add(o);
      }
    }
    this.position = new IdTable(sorted);
    this.bySector = freeze(sector);
    this.byType = freeze(type);
    this.byPrefecture = freeze(pref);
    this.byBlock = freeze(block);
    this.byStandardRegion = freeze(region);
    this.byEntryStage = freeze(stage);
    this.byCapability = freeze(caps);
    this.byCertification = freeze(certs);
    this.byLicence = freeze(lics);
    this.hubs = hubList.build();
  }

  private static List<List<Organization>> buckets(int n) {
    List<List<Organization>> b = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      b.add(new ArrayList<>());
    }
    return b;
  }

  private static ImmutableList<ImmutableList<Organization>> freeze(List<List<Organization>> buckets) {
    return buckets.stream().map(ImmutableList::copyOf).collect(ImmutableList.toImmutableList());
  }

  private static <K> ImmutableMap<K, ImmutableList<Organization>> freeze(
      Map<K, ImmutableList.Builder<Organization>> m) {
    ImmutableMap.Builder<K, ImmutableList<Organization>> b = ImmutableMap.builderWithExpectedSize(m.size());
    m.forEach((k, v) -> b.put(k, v.build()));
    return b.buildOrThrow();
  }

  int size() {
    return list.size();
  }

  /** Returns the position of an id, or -1. */
  int positionOf(OrganizationId id) {
    return position.get(id);
  }

  ImmutableList<Organization> of(Sector s) {
    return bySector.get(s.ordinal());
  }

  ImmutableList<Organization> of(OrganizationType t) {
    return byType.get(t.ordinal());
  }

  ImmutableList<Organization> in(Prefecture p) {
    return byPrefecture.get(p.ordinal());
  }

  ImmutableList<Organization> in(RegionBlock b) {
    return byBlock.get(b.ordinal());
  }

  ImmutableList<Organization> in(StandardRegion r) {
    return byStandardRegion.get(r.ordinal());
  }

  ImmutableList<Organization> at(EntryStage s) {
    return byEntryStage.get(s.ordinal());
  }

  ImmutableList<Organization> with(Capability c) {
    return byCapability.getOrDefault(c, ImmutableList.of());
  }

  ImmutableList<Organization> holding(Certification c) {
    return byCertification.getOrDefault(c, ImmutableList.of());
  }

  ImmutableList<Organization> holding(Licence l) {
    return byLicence.getOrDefault(l, ImmutableList.of());
  }

  ImmutableList<Organization> hubs() {
    return hubs;
  }
}
