package io.github.renkei.cluster.network;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import com.google.common.collect.Maps;
import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.Sector;
import io.github.renkei.cluster.region.Prefecture;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * How far a network of support organizations and its hubs reach across Japan: the seed's call
 * for support organizations to share the work "from points to a surface" (点から面へ), layered
 * around the hubs (地域連携自立化推進拠点) and crossing prefectural borders. This is the entry
 * point; it answers which prefectures and blocks have a support organization or a hub within a
 * radius ({@link #within}), how coverage grew as organizations were founded
 * ({@link #growthByFoundingYear}), what one more organization or hub would change ({@link #with},
 * {@link #withHub(Organization)}, {@link #withHub(OrganizationId)}), and where one more hub would
 * cover most ({@link #hubCandidates}, {@link #greedyHubs}). Immutable and thread-safe.
 *
 * <pre>{@code
 * SupportCoverage network = SupportCoverage.of(Catalog.nationwide());   // 64 organizations, 6 hubs
 * CoverageReport r = network.within(100);
 * r.uncovered();                                   // []: every prefecture has one within 100 km
 * r.hubCovered().size();                           // 23
 * network.hubCandidates(100).get(0);               // 11 埼玉県 Saitama +5 [Ibaraki, Tochigi, ...]
 * network.withHub(OrganizationId.of("saitama-ippc")).within(100).hubCovered().size();   // 28
 * System.out.println(r.table());
 * }</pre>
 *
 * <h2>Distances</h2>
 * The model knows an organization's prefecture, not its address, so an organization is placed
 * at its prefecture's capital (the prefectural office, {@link Prefecture#capital()}) and every
 * distance is the great-circle distance between two capitals ({@link Prefecture#distanceKm}). A
 * prefecture with an organization of its own is therefore at distance 0 from it, and at radius
 * 0 exactly the prefectures with an organization are covered. A prefecture is <em>covered</em>
 * when a support organization (hubs included) lies within the radius of its capital, the radius
 * included, and <em>hub-covered</em> when a hub does. Capital-to-capital distances ignore the size
 * of a prefecture: a firm in 函館 is 150 km from Sapporo, yet 北海道 counts as one point.
 *
 * <h2>The network</h2>
 * A network is a set of support organizations with distinct ids, some of which are hubs. Which
 * organizations are hubs is given to the factory or by {@link #withHub}; the
 * {@link Organization#isHub()} flag is read only by {@link #of(Cluster)} and {@link #of(Catalog)}.
 *
 * <h2>Placing more hubs</h2>
 * {@link #greedyHubs} places hubs one at a time, each in the prefecture that newly hub-covers the
 * most prefectures — the greedy heuristic for the maximal covering location problem (Church and
 * ReVelle, "The maximal covering location problem", Papers of the Regional Science Association 32
 * (1974) 101–118). The number of hub-covered prefectures is a monotone submodular function of the
 * set of hub sites, so the greedy choice of k sites covers at least (1 − 1/e) ≈ 63% of what the
 * best k sites would newly cover (Nemhauser, Wolsey and Fisher, "An analysis of approximations for
 * maximizing submodular set functions — I", Mathematical Programming 14 (1978) 265–294); no
 * polynomial algorithm does better in general unless P = NP (Feige, "A threshold of ln n for
 * approximating set cover", Journal of the ACM 45 (1998) 634–652). With 47 sites every step takes
 * O(47²) distance comparisons.
 *
 * <h2>Bad input</h2>
 * A radius that is negative, NaN or infinite, a duplicate id, a hub that is not one of the
 * support organizations, an unknown id, or years outside 1 to 9999 throw
 * {@link IllegalArgumentException} naming the value and the id; nulls throw
 * {@link NullPointerException}.
 */
public final class SupportCoverage {

  private static final Prefecture[] PREFECTURES = Prefecture.values();
  private static final int N = PREFECTURES.length;
  /**
   * Capital-to-capital distances, computed once: {@code DISTANCE_KM[p][q]} is exactly
   * {@code p.distanceKm(q)}, always read with the covered prefecture first.
   */
  private static final double[][] DISTANCE_KM = distances();

  /** The first and last year the model accepts, as for {@link Organization.Builder#foundedYear}. */
  private static final int MIN_YEAR = 1;
  private static final int MAX_YEAR = 9999;

  private final ImmutableList<Organization> supportOrganizations;
  private final ImmutableList<Organization> hubs;
  private final ImmutableSet<OrganizationId> hubIds;
  private final ImmutableMap<OrganizationId, Organization> byId;

  private SupportCoverage(ImmutableList<Organization> supportOrganizations, ImmutableSet<OrganizationId> hubIds) {
    this.supportOrganizations = supportOrganizations;
    this.hubIds = hubIds;
    this.hubs = supportOrganizations.stream().filter(o -> hubIds.contains(o.id()))
        .collect(ImmutableList.toImmutableList());
    this.byId = Maps.uniqueIndex(supportOrganizations, Organization::id);
  }

  private static double[][] distances() {
    double[][] d = new double[N][N];
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        d[i][j] = PREFECTURES[i].distanceKm(PREFECTURES[j]);
      }
    }
    return d;
  }

  /**
   * Returns the network of the given support organizations, of which the given hubs are hubs.
   * The order of the collections does not matter.
   *
   * @param supportOrganizations the support organizations, hubs included, with distinct ids
   * @param hubs the hubs, each one of the support organizations
   * @return the network
   * @throws IllegalArgumentException naming the id if two support organizations share an id, a
   *     hub is listed twice, or a hub is not one of the support organizations
   * @throws NullPointerException if a collection or an element is null
   */
  public static SupportCoverage of(Collection<Organization> supportOrganizations, Collection<Organization> hubs) {
    checkNotNull(supportOrganizations, "supportOrganizations");
    checkNotNull(hubs, "hubs");
    Map<OrganizationId, Organization> byId = new TreeMap<>();
    for (Organization o : supportOrganizations) {
      checkNotNull(o, "an element of supportOrganizations");
      checkArgument(byId.putIfAbsent(o.id(), o) == null,
          "duplicate support organization id '%s': each organization may appear once", o.id());
    }
    Set<OrganizationId> hubIds = new HashSet<>();
    for (Organization h : hubs) {
      checkNotNull(h, "an element of hubs");
      Organization member = byId.get(h.id());
      checkArgument(member != null, "hub '%s' is not one of the %s support organizations", h.id(), byId.size());
      checkArgument(member.equals(h),
          "hub '%s' differs from the support organization with that id: %s vs %s", h.id(), h, member);
      checkArgument(hubIds.add(h.id()), "hub '%s' is listed twice", h.id());
    }
    return new SupportCoverage(ImmutableList.copyOf(byId.values()), ImmutableSet.copyOf(hubIds));
  }

  /**
   * Returns the network of a catalog: its {@linkplain Catalog#supportOrganizations() support
   * organizations} (the seed's list, whatever their type: the shipped catalog's 64 include
   * prefectural governments, chambers of commerce and 関西広域連合) with its
   * {@linkplain Catalog#hubs() hubs}.
   *
   * @param catalog the catalog
   * @return the network
   * @throws IllegalArgumentException if a hub of the catalog is not on its list
   */
  public static SupportCoverage of(Catalog catalog) {
    checkNotNull(catalog, "catalog");
    return of(catalog.supportOrganizations(), catalog.hubs());
  }

  /**
   * Returns the network of a cluster: its organizations of {@link Sector#SUPPORT} (support
   * organizations and public research institutes) and its {@linkplain Cluster#hubs() hubs},
   * whatever their sector. Other organizations that support firms — a prefectural government,
   * a chamber of commerce that is not a hub — are not counted; to count them, pick the
   * organizations yourself and use {@link #of(Collection, Collection)}. So for the catalog's
   * cluster this network is smaller than {@link #of(Catalog)}: it leaves out, among others,
   * 名古屋商工会議所, the only listed organization in 愛知, and the prefectural governments of
   * 宮崎 and 鹿児島.
   *
   * @param cluster the cluster
   * @return the network
   */
  public static SupportCoverage of(Cluster cluster) {
    checkNotNull(cluster, "cluster");
    Set<Organization> members = new LinkedHashSet<>(cluster.organizationsOf(Sector.SUPPORT));
    members.addAll(cluster.hubs());
    return of(members, cluster.hubs());
  }

  /**
   * Returns the support organizations, hubs included.
   *
   * @return the organizations in id order
   */
  public ImmutableList<Organization> supportOrganizations() {
    return supportOrganizations;
  }

  /**
   * Returns the hubs.
   *
   * @return the hubs in id order
   */
  public ImmutableList<Organization> hubs() {
    return hubs;
  }

  /**
   * Returns a network with one more support organization, not a hub (whatever its
   * {@link Organization#isHub()} flag says).
   *
   * @param organization the new organization
   * @return the larger network; this one is unchanged
   * @throws IllegalArgumentException if the network already has an organization with that id
   */
  public SupportCoverage with(Organization organization) {
    checkNotNull(organization, "organization");
    checkArgument(!byId.containsKey(organization.id()),
        "organization '%s' is already one of the support organizations; use withHub(OrganizationId) to make it a hub",
        organization.id());
    return new SupportCoverage(insert(organization), hubIds);
  }

  /**
   * Returns a network with one more organization, as a hub.
   *
   * @param hub the new hub
   * @return the larger network; this one is unchanged
   * @throws IllegalArgumentException if the network already has an organization with that id
   *     (make it a hub with {@link #withHub(OrganizationId)})
   */
  public SupportCoverage withHub(Organization hub) {
    checkNotNull(hub, "hub");
    checkArgument(!byId.containsKey(hub.id()),
        "organization '%s' is already one of the support organizations; use withHub(OrganizationId) to make it a hub",
        hub.id());
    return new SupportCoverage(insert(hub), ImmutableSet.<OrganizationId>builder().addAll(hubIds).add(hub.id()).build());
  }

  /**
   * Returns a network in which one of the support organizations is made a hub.
   *
   * @param id the organization's id
   * @return the network with one more hub; this one is unchanged
   * @throws IllegalArgumentException if no support organization has that id, or it is a hub
   *     already
   */
  public SupportCoverage withHub(OrganizationId id) {
    checkNotNull(id, "id");
    checkArgument(byId.containsKey(id), "unknown organization '%s': not one of the %s support organizations",
        id, supportOrganizations.size());
    checkArgument(!hubIds.contains(id), "organization '%s' is a hub already", id);
    return new SupportCoverage(supportOrganizations, ImmutableSet.<OrganizationId>builder().addAll(hubIds).add(id).build());
  }

  private ImmutableList<Organization> insert(Organization o) {
    List<Organization> list = new ArrayList<>(supportOrganizations);
    list.add(o);
    list.sort(Comparator.comparing(Organization::id));
    return ImmutableList.copyOf(list);
  }

  /**
   * Returns which prefectures have a support organization or a hub within a radius of their
   * capital.
   *
   * @param radiusKm the radius in kilometres, finite and {@code >= 0}; a prefecture at exactly
   *     this distance is within it
   * @return the report
   * @throws IllegalArgumentException if the radius is negative, NaN or infinite
   */
  public CoverageReport within(double radiusKm) {
    checkRadius(radiusKm);
    return report(supportOrganizations, hubIds, radiusKm);
  }

  private static CoverageReport report(List<Organization> members, Set<OrganizationId> hubIds, double radiusKm) {
    ImmutableList.Builder<CoverageReport.Entry> entries = ImmutableList.builderWithExpectedSize(N);
    int hubCount = (int) members.stream().filter(o -> hubIds.contains(o.id())).count();
    for (int p = 0; p < N; p++) {
      double[] row = DISTANCE_KM[p];
      Organization nearest = null;
      double nearestKm = Double.POSITIVE_INFINITY;
      Organization nearestHub = null;
      double nearestHubKm = Double.POSITIVE_INFINITY;
      int within = 0;
      int hubsWithin = 0;
      // members are in id order, so a strict "<" keeps the smallest id among equally near ones
      for (Organization o : members) {
        double d = row[o.prefecture().ordinal()];
        boolean hub = hubIds.contains(o.id());
        if (d < nearestKm) {
          nearest = o;
          nearestKm = d;
        }
        if (hub && d < nearestHubKm) {
          nearestHub = o;
          nearestHubKm = d;
        }
        if (d <= radiusKm) {
          within++;
          if (hub) {
            hubsWithin++;
          }
        }
      }
      entries.add(new CoverageReport.Entry(PREFECTURES[p],
          nearest == null ? Optional.empty() : Optional.of(new CoverageReport.Nearest(nearest, nearestKm)),
          nearestHub == null ? Optional.empty() : Optional.of(new CoverageReport.Nearest(nearestHub, nearestHubKm)),
          within, hubsWithin));
    }
    return new CoverageReport(radiusKm, members.size(), hubCount, entries.build());
  }

  /**
   * Returns how coverage within a radius grew from the earliest to the latest known founding
   * year of the network's organizations. See {@link CoverageGrowth} for how organizations of
   * unknown founding year are counted.
   *
   * @param radiusKm the radius in kilometres, finite and {@code >= 0}
   * @return the growth; without steps if no organization has a known founding year
   * @throws IllegalArgumentException if the radius is negative, NaN or infinite
   */
  public CoverageGrowth growthByFoundingYear(double radiusKm) {
    checkRadius(radiusKm);
    OptionalInt first = supportOrganizations.stream().map(Organization::foundedYear)
        .filter(OptionalInt::isPresent).mapToInt(OptionalInt::getAsInt).min();
    OptionalInt last = supportOrganizations.stream().map(Organization::foundedYear)
        .filter(OptionalInt::isPresent).mapToInt(OptionalInt::getAsInt).max();
    if (first.isEmpty()) {
      return growth(radiusKm, 1, 0);
    }
    return growth(radiusKm, first.getAsInt(), last.getAsInt());
  }

  /**
   * Returns how coverage within a radius grew over a range of years, one step per year. The
   * first step counts every organization founded in or before {@code fromYear}.
   *
   * @param radiusKm the radius in kilometres, finite and {@code >= 0}
   * @param fromYear the first year, 1 to 9999
   * @param toYear the last year, {@code fromYear} to 9999
   * @return the growth
   * @throws IllegalArgumentException if the radius is negative, NaN or infinite, or a year is out
   *     of range
   */
  public CoverageGrowth growthByFoundingYear(double radiusKm, int fromYear, int toYear) {
    checkRadius(radiusKm);
    checkArgument(fromYear >= MIN_YEAR && fromYear <= MAX_YEAR,
        "fromYear must be in %s..%s but was %s", MIN_YEAR, MAX_YEAR, fromYear);
    checkArgument(toYear >= MIN_YEAR && toYear <= MAX_YEAR,
        "toYear must be in %s..%s but was %s", MIN_YEAR, MAX_YEAR, toYear);
    checkArgument(fromYear <= toYear, "fromYear %s is after toYear %s", fromYear, toYear);
    return growth(radiusKm, fromYear, toYear);
  }

  private CoverageGrowth growth(double radiusKm, int fromYear, int toYear) {
    ImmutableList<Organization> undated = supportOrganizations.stream()
        .filter(o -> o.foundedYear().isEmpty()).collect(ImmutableList.toImmutableList());
    int undatedHubs = (int) undated.stream().filter(o -> hubIds.contains(o.id())).count();
    ImmutableList.Builder<CoverageGrowth.Step> steps = ImmutableList.builder();
    for (int year = fromYear; year <= toYear; year++) {
      int y = year;
      ImmutableList<Organization> dated = supportOrganizations.stream()
          .filter(o -> o.foundedYear().isPresent() && o.foundedYear().getAsInt() <= y)
          .collect(ImmutableList.toImmutableList());
      ImmutableList<Organization> founded = dated.stream()
          .filter(o -> o.foundedYear().getAsInt() == y).collect(ImmutableList.toImmutableList());
      List<Organization> all = new ArrayList<>(dated);
      all.addAll(undated);
      all.sort(Comparator.comparing(Organization::id));
      steps.add(new CoverageGrowth.Step(year, founded,
          report(dated, hubIds, radiusKm), report(all, hubIds, radiusKm)));
    }
    return new CoverageGrowth(radiusKm, supportOrganizations.size(), hubs.size(), undated, undatedHubs, steps.build());
  }

  /**
   * Ranks the prefectures where one more hub would newly hub-cover prefectures within a radius:
   * by how many it would newly cover, most first, ties by JIS code. Every prefecture is a
   * candidate, whether or not the network has an organization there ({@link
   * HubCandidate#supportOrganizations()} says which could be designated).
   *
   * @param radiusKm the radius in kilometres, finite and {@code >= 0}
   * @return the candidates that would newly cover at least one prefecture; empty when every
   *     prefecture is hub-covered already
   * @throws IllegalArgumentException if the radius is negative, NaN or infinite
   */
  public ImmutableList<HubCandidate> hubCandidates(double radiusKm) {
    checkRadius(radiusKm);
    boolean[] covered = hubCoveredFlags(radiusKm);
    List<HubCandidate> candidates = new ArrayList<>();
    for (int c = 0; c < N; c++) {
      HubCandidate candidate = candidate(c, covered, radiusKm);
      if (candidate.gain() > 0) {
        candidates.add(candidate);
      }
    }
    // stable sort: candidates are in JIS order already
    candidates.sort(Comparator.comparingInt(HubCandidate::gain).reversed());
    return ImmutableList.copyOf(candidates);
  }

  /**
   * Places up to {@code k} more hubs greedily: each in the prefecture that newly hub-covers the
   * most prefectures given the hubs placed before it, ties by JIS code. See the class comment for
   * the (1 − 1/e) guarantee. Stops early when no prefecture would add coverage.
   *
   * @param radiusKm the radius in kilometres, finite and {@code >= 0}
   * @param k how many hubs to place, {@code >= 0}
   * @return the picks in order, each with the prefectures it newly covers; at most {@code k}
   * @throws IllegalArgumentException if the radius is negative, NaN or infinite, or {@code k < 0}
   */
  public ImmutableList<HubCandidate> greedyHubs(double radiusKm, int k) {
    checkRadius(radiusKm);
    checkArgument(k >= 0, "k (the number of hubs to place) must be >= 0 but was %s", k);
    boolean[] covered = hubCoveredFlags(radiusKm);
    ImmutableList.Builder<HubCandidate> picks = ImmutableList.builder();
    for (int round = 0; round < k; round++) {
      HubCandidate best = null;
      for (int c = 0; c < N; c++) {
        HubCandidate candidate = candidate(c, covered, radiusKm);
        if (candidate.gain() > 0 && (best == null || candidate.gain() > best.gain())) {
          best = candidate;
        }
      }
      if (best == null) {
        break;
      }
      picks.add(best);
      best.newlyCovered().forEach(p -> covered[p.ordinal()] = true);
    }
    return picks.build();
  }

  private boolean[] hubCoveredFlags(double radiusKm) {
    boolean[] covered = new boolean[N];
    for (int p = 0; p < N; p++) {
      for (Organization h : hubs) {
        if (DISTANCE_KM[p][h.prefecture().ordinal()] <= radiusKm) {
          covered[p] = true;
          break;
        }
      }
    }
    return covered;
  }

  private HubCandidate candidate(int c, boolean[] covered, double radiusKm) {
    ImmutableSortedSet.Builder<Prefecture> newly = ImmutableSortedSet.naturalOrder();
    for (int p = 0; p < N; p++) {
      if (!covered[p] && DISTANCE_KM[p][c] <= radiusKm) {
        newly.add(PREFECTURES[p]);
      }
    }
    Prefecture site = PREFECTURES[c];
    ImmutableList<Organization> there = supportOrganizations.stream()
        .filter(o -> o.prefecture() == site).collect(ImmutableList.toImmutableList());
    return new HubCandidate(site, newly.build(), there);
  }

  private static void checkRadius(double radiusKm) {
    checkArgument(Double.isFinite(radiusKm) && radiusKm >= 0,
        "radiusKm must be finite and >= 0 but was %s", radiusKm);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SupportCoverage)) {
      return false;
    }
    SupportCoverage other = (SupportCoverage) o;
    return supportOrganizations.equals(other.supportOrganizations) && hubIds.equals(other.hubIds);
  }

  @Override
  public int hashCode() {
    return supportOrganizations.hashCode() * 31 + hubIds.hashCode();
  }

  /** Returns for example {@code SupportCoverage[64 support organizations in 46 prefectures, 6 hubs]}. */
  @Override
  public String toString() {
    long prefectures = supportOrganizations.stream().map(Organization::prefecture).distinct().count();
    return "SupportCoverage[" + supportOrganizations.size() + " support organizations in " + prefectures
        + " prefectures, " + hubs.size() + " hubs]";
  }
}
