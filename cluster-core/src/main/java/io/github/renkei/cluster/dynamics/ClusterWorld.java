package io.github.renkei.cluster.dynamics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.Sector;
import io.github.renkei.cluster.region.Prefecture;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The fixed part of a cluster-dynamics run: the organizations and who plays which part. Built
 * once and shared, read-only, by every replication; the {@link ClusterState} of a replication
 * refers to the world's organizations by their index in the lists below.
 *
 * <ul>
 *   <li><b>firms</b>: the region's small manufacturers and start-ups, the ones that climb the
 *       entry ladder ({@link OrganizationType#SME_MANUFACTURER}, {@link OrganizationType#STARTUP}
 *       in the region's prefecture), followed by any synthetic firms added to reach a population
 *       size;</li>
 *   <li><b>requesters</b>: the organizations that raise needs: device makers anywhere in the
 *       cluster (OEM work comes from Tokyo as much as from the region), and the region's hospitals
 *       and universities (clinical needs and co-development);</li>
 *   <li><b>support organizations</b>: the region's own support organizations, public research
 *       institutes and its prefectural government, whose staff broker matches;</li>
 *   <li><b>council members</b>: the support organizations of the seed's nationwide list
 *       ({@link Catalog#supportOrganizations()}) that are in the cluster, plus the region's
 *       support organizations (its prefectural government included); the members of a nationwide council when there is one; {@linkplain
 *       Organization#isHub() hubs} (★) among them spread know-how.</li>
 * </ul>
 *
 * <pre>{@code
 * ClusterWorld world = ClusterWorld.fukushima();           // the catalog, the sample, 300 firms
 * ClusterWorld big = ClusterWorld.fukushima(1_000);        // exactly 1,000 organizations
 * }</pre>
 */
public final class ClusterWorld {

  /**
   * Firms of the default Fukushima world: the sample's small manufacturers plus synthetic ones
   * up to this number. Assumption: the prefecture has some 150 smaller medical supplier firms in
   * 2015 (FiercePharma, 2015, citing Nikkei) out of a larger pool of manufacturers that could
   * enter; 300 potential entrants leaves room for the pool to matter.
   */
  public static final int DEFAULT_FIRMS = 300;

  /** Seed of the synthetic firms' capabilities; fixed so the world is always the same. */
  private static final long SYNTHETIC_SEED = 0x5EED_2005L;

  /** Capabilities of manufacturing firms, from which synthetic firms draw two each. */
  static final ImmutableList<Capability> MANUFACTURING = ImmutableList.of(
      Capability.MACHINING, Capability.PRECISION_CUTTING, Capability.INJECTION_MOULDING,
      Capability.PRESS_WORKING, Capability.WELDING, Capability.SURFACE_TREATMENT,
      Capability.CLEANROOM_ASSEMBLY, Capability.ELECTRONICS_ASSEMBLY);

  /** The 64 support organizations of the seed's list. */
  private static final ImmutableSet<OrganizationId> CATALOG_SUPPORT = Catalog.nationwide().supportOrganizations()
      .stream().map(Organization::id).collect(ImmutableSet.toImmutableSet());

  private final Cluster cluster;
  private final Prefecture region;
  private final ImmutableList<Organization> firms;
  private final ImmutableList<Organization> requesters;
  private final ImmutableList<Organization> supportOrganizations;
  private final ImmutableList<Organization> councilMembers;
  private final ImmutableMap<OrganizationId, Integer> supportIndex;
  private final ImmutableMap<OrganizationId, Integer> firmIndex;
  /** The firms' indices by instance: the matching rounds ask for every eligible pair. Never changed. */
  private final IdentityHashMap<Organization, Integer> firmOf = new IdentityHashMap<>();
  /** Indices of the requesters that are device makers (they raise parts, OEM and ODM needs). */
  final int[] makers;

  private ClusterWorld(Cluster cluster, Prefecture region) {
    this.cluster = cluster;
    this.region = region;
    List<Organization> f = new ArrayList<>();
    List<Organization> r = new ArrayList<>();
    List<Organization> s = new ArrayList<>();
    List<Organization> c = new ArrayList<>();
    for (Organization o : cluster.organizations()) {
      boolean local = o.prefecture() == region;
      OrganizationType t = o.type();
      if (local && (t == OrganizationType.SME_MANUFACTURER || t == OrganizationType.STARTUP)) {
        f.add(o);
      }
      if (t == OrganizationType.DEVICE_MAKER
          || local && (o.sector() == Sector.HEALTHCARE && t != OrganizationType.HEALTH_CENTRE
              && t != OrganizationType.COMMUNITY_CARE_CENTRE || o.sector() == Sector.ACADEMIA)) {
        r.add(o);
      }
      boolean regional = local && (o.sector() == Sector.SUPPORT || t == OrganizationType.PREFECTURE);
      if (regional) {
        s.add(o);
      }
      if (regional || CATALOG_SUPPORT.contains(o.id())) {
        c.add(o);
      }
    }
    checkArgument(!f.isEmpty(), "the world has no small manufacturer or start-up in %s", region);
    checkArgument(!r.isEmpty(), "the world has no device maker, hospital or university to raise needs");
    checkArgument(!s.isEmpty(), "the world has no support organization or prefectural government in %s", region);
    this.firms = ImmutableList.copyOf(f);
    this.requesters = ImmutableList.copyOf(r);
    this.supportOrganizations = ImmutableList.copyOf(s);
    this.councilMembers = ImmutableList.copyOf(c);
    this.supportIndex = index(supportOrganizations);
    this.firmIndex = index(firms);
    for (int i = 0; i < firms.size(); i++) {
      firmOf.put(firms.get(i), i);
    }
    this.makers = java.util.stream.IntStream.range(0, requesters.size())
        .filter(i -> requesters.get(i).type() == OrganizationType.DEVICE_MAKER).toArray();
    checkArgument(makers.length > 0, "the world has no device maker to raise parts, OEM and ODM needs");
  }

  private static ImmutableMap<OrganizationId, Integer> index(List<Organization> list) {
    ImmutableMap.Builder<OrganizationId, Integer> b = ImmutableMap.builder();
    for (int i = 0; i < list.size(); i++) {
      b.put(list.get(i).id(), i);
    }
    return b.buildOrThrow();
  }

  /**
   * The default Fukushima world: the nationwide catalog, the Fukushima sample and synthetic
   * small manufacturers up to {@value #DEFAULT_FIRMS} firms.
   *
   * @return the world, the same every time
   */
  public static ClusterWorld fukushima() {
    return of(withSyntheticFirms(FukushimaSample.cluster(), Prefecture.FUKUSHIMA,
        DEFAULT_FIRMS - countFirms(FukushimaSample.cluster(), Prefecture.FUKUSHIMA)), Prefecture.FUKUSHIMA);
  }

  /**
   * A Fukushima world with exactly the given number of organizations, the difference to the
   * sample made up by synthetic small manufacturers (the size of the benchmark is
   * 1,000).
   *
   * @param organizations the total number of organizations, at least the sample's
   * @return the world
   * @throws IllegalArgumentException if {@code organizations} is below the sample's count
   */
  public static ClusterWorld fukushima(int organizations) {
    Cluster sample = FukushimaSample.cluster();
    checkArgument(organizations >= sample.organizationCount(),
        "organizations must be at least the sample's %s but was %s", sample.organizationCount(), organizations);
    return of(withSyntheticFirms(sample, Prefecture.FUKUSHIMA, organizations - sample.organizationCount()),
        Prefecture.FUKUSHIMA);
  }

  /**
   * A world of any cluster and region: firms, requesters and support organizations are read
   * from the cluster as described above.
   *
   * @param cluster the organizations
   * @param region the prefecture whose firms climb the ladder
   * @return the world
   * @throws IllegalArgumentException if the region has no firm or no support organization, or
   *     the cluster no requester
   */
  public static ClusterWorld of(Cluster cluster, Prefecture region) {
    return new ClusterWorld(checkNotNull(cluster, "cluster"), checkNotNull(region, "region"));
  }

  /**
   * Adds synthetic small manufacturers ({@code sim-firm-0001}, …) to a cluster, each with two
   * manufacturing capabilities drawn with a fixed seed, so that the same call always gives the
   * same cluster.
   *
   * @param cluster the cluster
   * @param region the firms' prefecture
   * @param count how many to add, at least 0
   * @return the larger cluster
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public static Cluster withSyntheticFirms(Cluster cluster, Prefecture region, int count) {
    checkNotNull(cluster, "cluster");
    checkNotNull(region, "region");
    checkArgument(count >= 0, "count of synthetic firms must be >= 0 but was %s", count);
    Cluster.Builder b = cluster.toBuilder();
    SplittableRandom random = new SplittableRandom(SYNTHETIC_SEED);
    for (int i = 1; i <= count; i++) {
      Capability first = MANUFACTURING.get(random.nextInt(MANUFACTURING.size()));
      Capability second = MANUFACTURING.get(random.nextInt(MANUFACTURING.size()));
      b.add(Organization.builder(OrganizationId.of(String.format("sim-firm-%04d", i)),
              String.format("Simulated firm %d", i), OrganizationType.SME_MANUFACTURER, region)
          .capabilities(first, second)
          .capacity(2));
    }
    return b.build();
  }

  private static int countFirms(Cluster cluster, Prefecture region) {
    int n = 0;
    for (Organization o : cluster.organizationsIn(region)) {
      if (o.type() == OrganizationType.SME_MANUFACTURER || o.type() == OrganizationType.STARTUP) {
        n++;
      }
    }
    return n;
  }

  /**
   * Returns the cluster.
   *
   * @return every organization, with the ties and programs it came with
   */
  public Cluster cluster() {
    return cluster;
  }

  /**
   * Returns the region.
   *
   * @return the prefecture whose firms climb the ladder
   */
  public Prefecture region() {
    return region;
  }

  /**
   * Returns the firms, in cluster order; a firm's position is its index in the state.
   *
   * @return the firms
   */
  public ImmutableList<Organization> firms() {
    return firms;
  }

  /**
   * Returns the organizations that raise needs.
   *
   * @return device makers, the region's hospitals and universities
   */
  public ImmutableList<Organization> requesters() {
    return requesters;
  }

  /**
   * Returns the region's support organizations, its prefectural government included.
   *
   * @return the support organizations, in cluster order
   */
  public ImmutableList<Organization> supportOrganizations() {
    return supportOrganizations;
  }

  /**
   * Returns the members of a nationwide council: the catalog's support organizations and the
   * region's.
   *
   * @return the council members, in cluster order
   */
  public ImmutableList<Organization> councilMembers() {
    return councilMembers;
  }

  /**
   * Returns the index of a support organization of the region.
   *
   * @param id the organization
   * @return its index in {@link #supportOrganizations()}, or empty
   */
  public Optional<Integer> supportIndex(OrganizationId id) {
    return Optional.ofNullable(supportIndex.get(id));
  }

  /**
   * Returns the index of a support organization, or fails naming the id.
   *
   * @param id the organization
   * @param role what the scenario wants it for, for the message
   * @return its index in {@link #supportOrganizations()}
   * @throws IllegalArgumentException if the id is not one of the region's support organizations
   */
  int requireSupport(OrganizationId id, String role) {
    Integer i = supportIndex.get(checkNotNull(id, "id"));
    if (i == null) {
      throw new IllegalArgumentException(role + ": '" + id + "' is not a support organization of " + region
          + (cluster.contains(id) ? " (it is in the cluster, but of type " + cluster.require(id).type() + ")"
              : " (no organization has this id)")
          + "; known: " + supportIndex.keySet());
    }
    return i;
  }

  /**
   * Returns the index of a firm.
   *
   * @param id the organization
   * @return its index in {@link #firms()}, or empty
   */
  public Optional<Integer> firmIndex(OrganizationId id) {
    return Optional.ofNullable(firmIndex.get(id));
  }

  /** The index of a firm of this world, found by instance first (the common case) and by id otherwise. */
  int firmIndexOf(Organization firm) {
    Integer i = firmOf.get(firm);
    return i != null ? i : firmIndex(firm.id())
        .orElseThrow(() -> new IllegalArgumentException("'" + firm.id() + "' is not a firm of " + this));
  }

  @Override
  public String toString() {
    return String.format("ClusterWorld[%s: %d organizations, %d firms, %d requesters, %d support organizations,"
            + " %d council members]", region, cluster.organizationCount(), firms.size(), requesters.size(),
        supportOrganizations.size(), councilMembers.size());
  }
}
