package io.github.renkei.cluster.dynamics;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;

/**
 * One replication's state of a {@link NationwideDynamics} run: the 47 prefectures' states, the
 * council's members and hubs, and the year's cross-border work. Mutable, owned by one replication;
 * read it from metrics and tests.
 */
public final class NationalState {

  final NationwideWorld world;
  /** The prefectures' states, in JIS code order. */
  final ClusterState[] regions;
  /** The council's members: the catalog's support organizations, then hubs placed by the plan. */
  final ImmutableList<Organization> members;
  /** Per member, its prefecture's index (code − 1). */
  final int[] memberRegion;
  /** Per member, its index among its prefecture's support organizations, or −1 if it is not one. */
  final int[] memberSupport;
  /** Per member, its know-how when it is not one of its prefecture's support organizations. */
  final double[] ownKnowHow;
  /** Per member, whether it is a hub. */
  final boolean[] hub;
  /** The members that are hubs, in member order. */
  final int[] hubs;

  // the year's cross-border work
  int crossWithinBlock;
  int crossBlocks;
  int unserved;
  int offered;
  final int[] hubLoad;
  final boolean[] covered;
  double coverageSum;
  int coverageYears;
  final int[] crossIn;
  final int[] crossOut;
  /** The cross-border step's working arrays, made by its first step and reused every year. */
  NationwideDynamics.Rooms rooms;

  NationalState(NationwideWorld world, ClusterState[] regions, ImmutableList<Organization> members, int[] memberRegion,
      int[] memberSupport, boolean[] hub) {
    this.world = checkNotNull(world, "world");
    this.regions = regions;
    this.members = members;
    this.memberRegion = memberRegion;
    this.memberSupport = memberSupport;
    this.ownKnowHow = new double[members.size()];
    this.hub = hub;
    int n = 0;
    for (boolean h : hub) {
      n += h ? 1 : 0;
    }
    this.hubs = new int[n];
    for (int i = 0, k = 0; i < hub.length; i++) {
      if (hub[i]) {
        hubs[k++] = i;
      }
    }
    this.hubLoad = new int[n];
    this.covered = new boolean[regions.length];
    this.crossIn = new int[regions.length];
    this.crossOut = new int[regions.length];
  }

  /**
   * Returns the world.
   *
   * @return the world
   */
  public NationwideWorld world() {
    return world;
  }

  /**
   * Returns a prefecture's state.
   *
   * @param prefecture the prefecture
   * @return its state, as a single region's run would have it
   */
  public ClusterState region(Prefecture prefecture) {
    return regions[checkNotNull(prefecture, "prefecture").ordinal()];
  }

  /**
   * Returns the council's members: the catalog's support organizations, then any hub the
   * {@linkplain NationwideDynamics#HUB_PLAN hub plan} placed in a prefecture without one.
   *
   * @return the members
   */
  public ImmutableList<Organization> councilMembers() {
    return members;
  }

  /**
   * Returns the hubs of this run (those of the world and those the hub plan added).
   *
   * @return the hubs, in member order
   */
  public ImmutableList<Organization> hubs() {
    ImmutableList.Builder<Organization> b = ImmutableList.builder();
    for (int h : hubs) {
      b.add(members.get(h));
    }
    return b.build();
  }

  /**
   * Returns a council member's know-how.
   *
   * @param member its index in {@link #councilMembers()}
   * @return in [0, 1]
   */
  public double memberKnowHow(int member) {
    int s = memberSupport[member];
    return s >= 0 ? regions[memberRegion[member]].knowHow(s) : ownKnowHow[member];
  }

  /**
   * Returns the council members' mean know-how.
   *
   * @return in [0, 1]
   */
  public double councilKnowHow() {
    double sum = 0;
    for (int i = 0; i < members.size(); i++) {
      sum += memberKnowHow(i);
    }
    return members.isEmpty() ? 0 : sum / members.size();
  }

  /**
   * Returns the hubs' mean know-how, or the members' if there is no hub.
   *
   * @return in [0, 1]
   */
  public double hubKnowHow() {
    if (hubs.length == 0) {
      return councilKnowHow();
    }
    double sum = 0;
    for (int h : hubs) {
      sum += memberKnowHow(h);
    }
    return sum / hubs.length;
  }

  /**
   * Returns the registered manufacturers of every prefecture.
   *
   * @return the sum of {@link ClusterState#registeredManufacturers()}
   */
  public int registeredManufacturers() {
    int n = 0;
    for (ClusterState s : regions) {
      n += s.registeredManufacturers();
    }
    return n;
  }

  /**
   * Returns the firms in the medical field (any rung above NONE) in every prefecture.
   *
   * @return the number of firms
   */
  public int firmsInField() {
    int n = 0;
    for (ClusterState s : regions) {
      n += s.stage.length - s.firmsAt(EntryStage.NONE);
    }
    return n;
  }

  /**
   * Returns a prefecture's share of its firms in the medical field.
   *
   * @param prefecture the prefecture
   * @return in [0, 1]
   */
  public double fieldShare(Prefecture prefecture) {
    ClusterState s = region(prefecture);
    return (double) (s.stage.length - s.firmsAt(EntryStage.NONE)) / s.stage.length;
  }

  /**
   * Returns the spread between prefectures: the population standard deviation, over the 47
   * prefectures, of the share of their firms in the medical field, in percentage points.
   *
   * @return at least 0
   */
  public double fieldShareSpread() {
    int n = regions.length;
    double mean = 0;
    double[] share = new double[n];
    for (int r = 0; r < n; r++) {
      ClusterState s = regions[r];
      share[r] = 100.0 * (s.stage.length - s.firmsAt(EntryStage.NONE)) / s.stage.length;
      mean += share[r];
    }
    mean /= n;
    double ss = 0;
    for (double x : share) {
      ss += (x - mean) * (x - mean);
    }
    return Math.sqrt(ss / n);
  }

  /**
   * Returns this year's brokered needs matched within their own prefecture, in every prefecture.
   *
   * @return the number of needs
   */
  public int needsMatched() {
    int n = 0;
    for (ClusterState s : regions) {
      n += s.needsMatched;
    }
    return n;
  }

  /**
   * Returns this year's brokered needs, in every prefecture.
   *
   * @return the number of needs
   */
  public int needsBrokered() {
    int n = 0;
    for (ClusterState s : regions) {
      n += s.needsBrokered;
    }
    return n;
  }

  /**
   * Returns this year's needs that no firm of their prefecture could take and that a hub or the
   * council offered elsewhere.
   *
   * @return the number of needs
   */
  public int needsOffered() {
    return offered;
  }

  /**
   * Returns this year's deals with a firm in another prefecture of the need's block.
   *
   * @return the number of deals
   */
  public int crossBorderWithinBlock() {
    return crossWithinBlock;
  }

  /**
   * Returns this year's deals with a firm in another block.
   *
   * @return the number of deals
   */
  public int crossBlockMatches() {
    return crossBlocks;
  }

  /**
   * Returns this year's needs that no firm of their prefecture could take and that found none
   * elsewhere either (no route, no eligible firm with room, or no deal).
   *
   * @return the number of needs
   */
  public int needsUnserved() {
    return unserved;
  }

  /**
   * Returns this year's needs brokered across borders by each hub.
   *
   * @param hub its index in {@link #hubs()}
   * @return the number of needs
   */
  public int hubLoad(int hub) {
    return hubLoad[hub];
  }

  /**
   * Returns the mean of {@link #hubLoad(int)} over the hubs, 0 without hubs.
   *
   * @return the mean load
   */
  public double hubLoadMean() {
    if (hubLoad.length == 0) {
      return 0;
    }
    double sum = 0;
    for (int l : hubLoad) {
      sum += l;
    }
    return sum / hubLoad.length;
  }

  /**
   * Returns the largest {@link #hubLoad(int)}, 0 without hubs.
   *
   * @return the largest load
   */
  public int hubLoadMax() {
    int max = 0;
    for (int l : hubLoad) {
      max = Math.max(max, l);
    }
    return max;
  }

  /**
   * Returns whether a prefecture's firms could reach a competent support organization this year
   * (see {@link NationwideDynamics#COMPETENCE}).
   *
   * @param prefecture the prefecture
   * @return whether it is covered
   */
  public boolean covered(Prefecture prefecture) {
    return covered[checkNotNull(prefecture, "prefecture").ordinal()];
  }

  /**
   * Returns the share of prefectures covered this year ({@link #covered(Prefecture)}).
   *
   * @return in [0, 1]
   */
  public double coverage() {
    int n = 0;
    for (boolean c : covered) {
      n += c ? 1 : 0;
    }
    return (double) n / covered.length;
  }

  /**
   * Returns the mean of {@link #coverage()} over the years run so far, this one included.
   *
   * @return in [0, 1]; this year's coverage before the first year has ended
   */
  public double coverageToDate() {
    return coverageYears == 0 ? coverage() : coverageSum / coverageYears;
  }

  /**
   * Returns the share of a block's prefectures covered this year.
   *
   * @param block the block
   * @return in [0, 1]
   */
  public double coverage(RegionBlock block) {
    int n = 0;
    int of = 0;
    for (Prefecture p : block.prefectures()) {
      of++;
      n += covered[p.ordinal()] ? 1 : 0;
    }
    return of == 0 ? 0 : (double) n / of;
  }

  /**
   * Returns this year's deals in which a prefecture's firm served a need from another prefecture.
   *
   * @param prefecture the supplier's prefecture
   * @return the number of deals
   */
  public int crossBorderSupplied(Prefecture prefecture) {
    return crossIn[checkNotNull(prefecture, "prefecture").ordinal()];
  }

  /**
   * Returns this year's deals in which a need of a prefecture was served by a firm elsewhere.
   *
   * @param prefecture the need's prefecture
   * @return the number of deals
   */
  public int crossBorderServed(Prefecture prefecture) {
    return crossOut[checkNotNull(prefecture, "prefecture").ordinal()];
  }

  /**
   * Returns the medical-device production value of every prefecture, 億円.
   *
   * @return the sum of {@link ClusterState#productionValue()}
   */
  public double productionValue() {
    double v = 0;
    for (ClusterState s : regions) {
      v += s.productionValue();
    }
    return v;
  }

  @Override
  public String toString() {
    return "NationalState[" + registeredManufacturers() + " registered, coverage " + coverage() + "]";
  }
}
