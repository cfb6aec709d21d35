package io.github.renkei.cluster.dynamics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.internal.Suggestions;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.Sector;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.regulation.DeviceClass;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.regulation.Licence;
import io.github.renkei.cluster.regulation.ManufacturingStep;
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
 *       and universities (clinical needs and co-development); no requester at all is allowed (then
 *       nobody raises needs);</li>
 *   <li><b>care organizations</b>: the region's health centres and community care centres,
 *       which raise needs only while municipal health-longevity projects run;</li>
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
  private final ImmutableList<Organization> careOrganizations;
  private final int registeredPlants;
  private final ImmutableList<Organization> supportOrganizations;
  private final ImmutableList<Organization> councilMembers;
  private final ImmutableMap<OrganizationId, Integer> supportIndex;
  private final ImmutableMap<OrganizationId, Integer> firmIndex;
  /** Requesters, then care organizations, by id: the partner index of a tie. */
  private final ImmutableMap<OrganizationId, Integer> partnerIndex;
  /** The firms' indices by instance: the matching rounds ask for every eligible pair. Never changed. */
  private final IdentityHashMap<Organization, Integer> firmOf = new IdentityHashMap<>();
  /** Indices of the requesters that are device makers (they raise parts, OEM and ODM needs). */
  final int[] makers;
  /** Indices of the requesters that are hospitals and universities (they raise co-development needs). */
  final int[] partners;
  /** Per firm and stage, the licences it holds: its own and those its stage brings. Never changed. */
  private final ImmutableSet<Licence>[] held;
  /** Per firm and stage, the PMD Act clauses it has yet to meet for the next stage's role. */
  private final byte[] missingForNext;
  /** Per firm, its capacity (contracts at a time). Never changed. */
  final int[] firmCapacity;
  /** Per firm, bit {@code c} set if it has {@code MANUFACTURING.get(c)}. Never changed. */
  final int[] manufacturing;
  /**
   * Per firm and stage, bit {@code kind × classes + class} set if what it holds at the stage meets
   * what the PMD Act demands of the supplier of a need of that kind and device class. Never changed.
   */
  private final int[] demandsMet;

  private ClusterWorld(Cluster cluster, Prefecture region) {
    this.cluster = cluster;
    this.region = region;
    List<Organization> f = new ArrayList<>();
    List<Organization> r = new ArrayList<>();
    List<Organization> care = new ArrayList<>();
    List<Organization> s = new ArrayList<>();
    List<Organization> c = new ArrayList<>();
    int plants = 0;
    for (Organization o : cluster.organizations()) {
      boolean local = o.prefecture() == region;
      OrganizationType t = o.type();
      if (local && isFirm(o)) {
        checkStage(o);
        f.add(o);
      } else if (local && holdsManufacturingRegistration(o)) {
        plants++;
      }
      if (t == OrganizationType.DEVICE_MAKER
          || local && (o.sector() == Sector.HEALTHCARE && !CARE.contains(t) || o.sector() == Sector.ACADEMIA)) {
        r.add(o);
      } else if (local && CARE.contains(t)) {
        care.add(o);
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
    checkArgument(!s.isEmpty(), "the world has no support organization or prefectural government in %s", region);
    this.firms = ImmutableList.copyOf(f);
    this.requesters = ImmutableList.copyOf(r);
    this.careOrganizations = ImmutableList.copyOf(care);
    this.supportOrganizations = ImmutableList.copyOf(s);
    this.councilMembers = ImmutableList.copyOf(c);
    this.supportIndex = index(supportOrganizations);
    this.firmIndex = index(firms);
    this.registeredPlants = plants;
    ImmutableMap.Builder<OrganizationId, Integer> partnersById = ImmutableMap.builder();
    for (int i = 0; i < requesters.size(); i++) {
      partnersById.put(requesters.get(i).id(), i);
    }
    for (int j = 0; j < careOrganizations.size(); j++) {
      partnersById.put(careOrganizations.get(j).id(), requesters.size() + j);
    }
    this.partnerIndex = partnersById.buildOrThrow();
    for (int i = 0; i < firms.size(); i++) {
      firmOf.put(firms.get(i), i);
    }
    this.makers = java.util.stream.IntStream.range(0, requesters.size())
        .filter(i -> requesters.get(i).type() == OrganizationType.DEVICE_MAKER).toArray();
    this.partners = java.util.stream.IntStream.range(0, requesters.size())
        .filter(i -> requesters.get(i).type() != OrganizationType.DEVICE_MAKER).toArray();
    int stages = EntryStage.values().length;
    @SuppressWarnings("unchecked") // an array of a generic type; only ImmutableSet<Licence> is stored
    ImmutableSet<Licence>[] h0 = (ImmutableSet<Licence>[]) new ImmutableSet<?>[firms.size() * stages];
    this.held = h0;
    this.missingForNext = new byte[firms.size() * stages];
    for (int i = 0; i < firms.size(); i++) {
      ImmutableSet<Licence> own = firms.get(i).licences();
      for (int st = 0; st < stages; st++) {
        ImmutableSet<Licence> h = own.isEmpty() ? Licensing.held(st)
            : ImmutableSet.<Licence>builder().addAll(Licensing.held(st)).addAll(own).build();
        held[i * stages + st] = h;
        missingForNext[i * stages + st] = (byte) Licensing.missingForNext(st, h);
      }
    }
    this.firmCapacity = new int[firms.size()];
    this.manufacturing = new int[firms.size()];
    this.demandsMet = new int[firms.size() * stages];
    // most firms share the few licence sets of their stages: compute each distinct set once
    IdentityHashMap<ImmutableSet<Licence>, Integer> met = new IdentityHashMap<>();
    for (int i = 0; i < firms.size(); i++) {
      Organization firm = firms.get(i);
      firmCapacity[i] = firm.capacity();
      for (int m = 0; m < MANUFACTURING.size(); m++) {
        if (firm.capabilities().contains(MANUFACTURING.get(m))) {
          manufacturing[i] |= 1 << m;
        }
      }
      for (int st = 0; st < stages; st++) {
        demandsMet[i * stages + st] = met.computeIfAbsent(held[i * stages + st], ClusterWorld::demandsMet);
      }
    }
  }

  private static final int CLASSES = DeviceClass.values().length;

  private static int demandsMet(ImmutableSet<Licence> held) {
    int bits = 0;
    for (NeedKind kind : NeedKind.values()) {
      for (DeviceClass c : DeviceClass.values()) {
        if (Licensing.demanded(kind, c).isSatisfiedBy(held)) {
          bits |= 1 << (kind.ordinal() * CLASSES + c.ordinal());
        }
      }
    }
    return bits;
  }

  /**
   * Whether a firm at a stage holds what the PMD Act demands of the supplier of a need of a kind
   * and device class: {@code Licensing.demanded(kind, deviceClass).isSatisfiedBy(held(firm, stage))},
   * from a table.
   */
  boolean meetsDemand(int firm, int stage, NeedKind kind, DeviceClass deviceClass) {
    return (demandsMet[firm * STAGES + stage] >>> (kind.ordinal() * CLASSES + deviceClass.ordinal()) & 1) != 0;
  }

  /** Types of the local care organizations that municipal health-longevity projects work with. */
  static final ImmutableSet<OrganizationType> CARE = ImmutableSet.of(OrganizationType.HEALTH_CENTRE,
      OrganizationType.COMMUNITY_CARE_CENTRE);

  /** Whether an organization climbs the entry ladder when it is in the region. */
  static boolean isFirm(Organization o) {
    return o.type() == OrganizationType.SME_MANUFACTURER || o.type() == OrganizationType.STARTUP;
  }

  private static boolean holdsManufacturingRegistration(Organization o) {
    for (ManufacturingStep step : ManufacturingStep.values()) {
      if (o.holds(JapanPmdAct.registration(step))) {
        return true;
      }
    }
    return false;
  }

  /** A firm's stage must rest on the registrations and licences the PMD Act demands for its role. */
  private static void checkStage(Organization o) {
    o.entryStage().role().ifPresent(role -> {
      var unmet = JapanPmdAct.get().requirement(role, Optional.of(Licensing.LADDER_CLASS)).unmet(o.licences());
      checkArgument(unmet.isEmpty(), "organization '%s': entryStage %s needs, under the PMD Act, %s for a class %s"
          + " device, but its licences are %s; add them or lower its entryStage", o.id(), o.entryStage(),
          unmet.stream().map(c -> c.size() == 1 ? c.iterator().next().toString() : "one of " + c)
              .collect(java.util.stream.Collectors.joining(" and ")), Licensing.LADDER_CLASS, o.licences());
    });
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
    return RegionProfile.fukushima().world(FukushimaSample.cluster());
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
   * @throws IllegalArgumentException if the region has no firm or no support organization, or a
   *     firm's entry stage lacks the registrations and licences the PMD Act demands for it (naming
   *     the firm, the stage and what is missing)
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

  static int countFirms(Cluster cluster, Prefecture region) {
    return (int) cluster.organizationsIn(region).stream().filter(ClusterWorld::isFirm).count();
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
   * Returns the region's care organizations: health centres and community care centres (the
   * seed's 保健センター and 地域包括ケアセンター), which raise needs when municipal health-longevity
   * projects run ({@link Policies#CARE_SHARE}). In ties they follow the requesters: care
   * organization {@code j} is partner {@code requesters().size() + j}.
   *
   * @return the care organizations, in cluster order
   */
  public ImmutableList<Organization> careOrganizations() {
    return careOrganizations;
  }

  /**
   * Returns the region's organizations outside the ladder that hold a manufacturing
   * registration: device makers' plants and the like, the default of
   * {@link ClusterDynamics#REGISTERED_OUTSIDE}.
   *
   * @return the count
   */
  public int registeredPlantsOutsideLadder() {
    return registeredPlants;
  }

  /** A requester's or care organization's index as a tie's partner, or -1. */
  int partnerIndex(OrganizationId id) {
    return partnerIndex.getOrDefault(id, -1);
  }

  /** The licences a firm holds at a stage: its own and those the stage brings. */
  ImmutableSet<Licence> held(int firm, int stage) {
    return held[firm * STAGES + stage];
  }

  /** The PMD Act clauses a firm at a stage has yet to meet for the next stage's role. */
  int missingForNext(int firm, int stage) {
    return missingForNext[firm * STAGES + stage];
  }

  private static final int STAGES = EntryStage.values().length;

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
          + Suggestions.suggestion(id.value(), supportIndex.keySet().stream().map(OrganizationId::value).toList())
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
    return String.format("ClusterWorld[%s: %d organizations, %d firms, %d requesters (%d device makers), %d care"
            + " organizations, %d support organizations, %d council members]", region, cluster.organizationCount(),
        firms.size(), requesters.size(), makers.length, careOrganizations.size(), supportOrganizations.size(),
        councilMembers.size());
  }
}
