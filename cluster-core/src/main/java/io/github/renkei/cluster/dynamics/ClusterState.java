package io.github.renkei.cluster.dynamics;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.FundingLevel;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.RelationshipType;
import java.util.Arrays;

/**
 * The mutable state of one replication of the cluster dynamics: each firm's rung on the entry
 * ladder and its know-how, each support organization's staff, specialists and stocked
 * know-how, the council's know-how, the supply ties, this year's funding and the figures the
 * metrics read. Owned by one replication (not thread-safe); organizations are addressed by their
 * index in the {@link ClusterWorld}'s lists. Mechanisms of this package change it; users read it
 * through the public methods, in metrics of their own.
 *
 * <p>Know-how is a number in [0, 1] (0: knows nothing of the medical-device field, 1: knows
 * everything a broker or firm could use). A support organization's know-how combines three
 * holders, each a chance of knowing a thing: its staff's (lost at rotation), its specialists'
 * (kept) and its stock (documents, the expo, the council; kept):
 * {@code 1 − (1 − staff)(1 − specialists)(1 − stock)}.
 */
public final class ClusterState {

  /**
   * The requester of a tie whose requester lies outside the region (a nationwide run's
   * cross-border deal): it counts for the firm's ladder and the ties, not for the network density.
   */
  static final int EXTERNAL_REQUESTER = Integer.MAX_VALUE;

  final ClusterWorld world;

  // firms
  final byte[] stage;
  final double[] firmKnowHow;
  /** Product-development themes a firm holds (funded and not yet finished). */
  final int[] themes;

  // support organizations
  final boolean[] active;
  final int[] activeSince;
  final double[] staffKnowHow;
  final double[] stockedKnowHow;
  final int[] specialists;
  int lead;
  /** Know-how one specialist brings, from {@link SupportStaff#SPECIALIST_KNOW_HOW}. */
  double specialistShare;

  // nationwide council: know-how of each member; members that are also the region's support
  // organizations read and write their stock through supportOfMember
  final double[] councilKnowHow;
  final int[] supportOfMember;
  final boolean[] hub;

  // ties between a firm and a requester
  int[] tieFirm = new int[64];
  int[] tieRequester = new int[64];
  byte[] tieType = new byte[64];
  int[] tieSince = new int[64];
  int ties;

  /** The matching rounds' working arrays, made on the first round. */
  MatchingRounds.Scratch rounds;

  /**
   * The rolling desk's contracts that run past the end of the year just matched (with more than
   * one {@linkplain MatchingRounds#ROUNDS_PER_YEAR round a year}): firm {@code deskFirm[j]} is held
   * until day {@code deskEnd[j]} (≥ 1) of the coming desk year, on which day it is free again.
   * They belong to the replication, like its ties, and so live here rather than in the mechanism,
   * which one instance of serves every replication.
   */
  int[] deskFirm = new int[16];
  int[] deskEnd = new int[16];
  int deskContracts;

  // environment
  boolean oemPathOpen;
  boolean centreOpen;
  /** Whether care organizations raise needs this year (municipal health-longevity projects run). */
  boolean careActive;
  double demand = 1;
  double capacity = 1;
  int crisisYearsLeft;
  int reconstructionFrom = Integer.MAX_VALUE;
  int reconstructionTo = Integer.MIN_VALUE;
  int nationalCutFrom = Integer.MAX_VALUE;
  int bridgeYearsLeft;

  // this year's figures
  final double[] funding = new double[FundingLevel.values().length];
  double reconstructionFunding;
  double supportIntensity;
  int needsRaised;
  int needsBrokered;
  int needsMatched;
  int needsExpired;
  int needsLapsed;
  double meanWaitingDays;
  int exhibitors;
  long rdThemes;
  final int[] atStage = new int[EntryStage.values().length];
  int verticalTies;
  int horizontalTies;
  int linkedPairs;
  double productionValue;
  double partsShipments;
  int registeredOutsideLadder;
  /** Output of the makers' plants at normal demand and capacity, 億円; grows each year. */
  double baseOutput;

  ClusterState(ClusterWorld world) {
    this.world = checkNotNull(world, "world");
    int f = world.firms().size();
    stage = new byte[f];
    firmKnowHow = new double[f];
    themes = new int[f];
    int s = world.supportOrganizations().size();
    active = new boolean[s];
    activeSince = new int[s];
    staffKnowHow = new double[s];
    stockedKnowHow = new double[s];
    specialists = new int[s];
    int c = world.councilMembers().size();
    councilKnowHow = new double[c];
    supportOfMember = new int[c];
    hub = new boolean[c];
    for (int i = 0; i < c; i++) {
      supportOfMember[i] = world.supportIndex(world.councilMembers().get(i).id()).orElse(-1);
      hub[i] = world.councilMembers().get(i).isHub();
    }
  }

  /**
   * Returns the world this state belongs to.
   *
   * @return the world
   */
  public ClusterWorld world() {
    return world;
  }

  /**
   * Returns a firm's stage.
   *
   * @param firm its index in {@link ClusterWorld#firms()}
   * @return the stage
   */
  public EntryStage stage(int firm) {
    return EntryStage.values()[stage[firm]];
  }

  /**
   * Returns a firm's know-how of the medical-device field.
   *
   * @param firm its index in {@link ClusterWorld#firms()}
   * @return in [0, 1]
   */
  public double firmKnowHow(int firm) {
    return firmKnowHow[firm];
  }

  /**
   * Returns the number of firms at a stage, as counted at the end of the last step.
   *
   * @param s the stage
   * @return the count
   */
  public int firmsAt(EntryStage s) {
    return atStage[s.ordinal()];
  }

  /**
   * Returns the registered manufacturers (製造業登録): firms at {@link EntryStage#OEM} or above,
   * which hold the main-assembly registration their stage needs, plus the registered plants
   * outside the ladder (device makers' own plants), as counted at the end of the last step.
   *
   * @return the count
   */
  public int registeredManufacturers() {
    return atStage[EntryStage.OEM.ordinal()] + atStage[EntryStage.ODM.ordinal()]
        + atStage[EntryStage.OWN_PRODUCT.ordinal()] + registeredOutsideLadder;
  }

  /**
   * Returns the active vertical supply ties (parts supply, OEM).
   *
   * @return the count
   */
  public int verticalTies() {
    return verticalTies;
  }

  /**
   * Returns the active horizontal ties (ODM, co-development).
   *
   * @return the count
   */
  public int horizontalTies() {
    return horizontalTies;
  }

  /**
   * Returns this year's needs raised by requesters.
   *
   * @return the count
   */
  public int needsRaised() {
    return needsRaised;
  }

  /**
   * Returns this year's needs a support organization brought to a matching round.
   *
   * @return the count
   */
  public int needsBrokered() {
    return needsBrokered;
  }

  /**
   * Returns this year's needs that became ties.
   *
   * @return the count
   */
  public int needsMatched() {
    return needsMatched;
  }

  /**
   * Returns this year's brokered needs whose deadline passed at the rolling desk before a round
   * committed them; 0 with one round a year.
   *
   * @return the count
   */
  public int needsExpired() {
    return needsExpired;
  }

  /**
   * Returns the share of this year's brokered needs that expired at the rolling desk: {@link
   * #needsExpired()} over {@link #needsBrokered()}, 0 when none was brokered (and with one round
   * a year).
   *
   * @return the share, 0 to 1
   */
  public double expiredShare() {
    return needsBrokered == 0 ? 0.0 : (double) needsExpired / needsBrokered;
  }

  /**
   * Returns this year's brokered needs still waiting at the rolling desk after the year's last
   * round (their deadline not yet passed): they lapse with the year. 0 with one round a year.
   *
   * @return the count
   */
  public int needsLapsed() {
    return needsLapsed;
  }

  /**
   * Returns the mean days from a need's arrival at the rolling desk to the round that committed
   * it, over this year's commitments; 0 when there was none, and with one round a year (the
   * annual round has no calendar).
   *
   * @return days, ≥ 0
   */
  public double meanWaitingDays() {
    return meanWaitingDays;
  }

  /** Carries a rolling desk's contract into the next year: it holds a firm until a day of that year. */
  void carryContract(int firm, int end) {
    if (deskContracts == deskFirm.length) {
      deskFirm = Arrays.copyOf(deskFirm, deskContracts * 2);
      deskEnd = Arrays.copyOf(deskEnd, deskContracts * 2);
    }
    deskFirm[deskContracts] = firm;
    deskEnd[deskContracts] = end;
    deskContracts++;
  }

  /**
   * Returns a support organization's know-how.
   *
   * @param support its index in {@link ClusterWorld#supportOrganizations()}
   * @return in [0, 1]; 0 before it is founded
   */
  public double knowHow(int support) {
    if (!active[support]) {
      return 0;
    }
    return 1 - (1 - staffKnowHow[support]) * (1 - specialistKnowHow(support)) * (1 - stockedKnowHow[support]);
  }

  /**
   * Returns a support organization's know-how, by id.
   *
   * @param id a support organization of the region
   * @return in [0, 1]
   * @throws IllegalArgumentException naming the id if it is not one
   */
  public double knowHow(OrganizationId id) {
    return knowHow(world.requireSupport(id, "knowHow"));
  }

  /**
   * Returns the know-how a support organization keeps through rotations: its specialists' and
   * its stock.
   *
   * @param support its index in {@link ClusterWorld#supportOrganizations()}
   * @return in [0, 1]
   */
  public double stockedKnowHow(int support) {
    return active[support] ? 1 - (1 - specialistKnowHow(support)) * (1 - stockedKnowHow[support]) : 0;
  }

  double specialistKnowHow(int support) {
    return 1 - Math.pow(1 - specialistShare, specialists[support]);
  }

  /**
   * Returns the specialists a support organization employs.
   *
   * @param support its index in {@link ClusterWorld#supportOrganizations()}
   * @return the count
   */
  public int specialists(int support) {
    return specialists[support];
  }

  /**
   * Returns the specialists employed by all of the region's support organizations.
   *
   * @return the count
   */
  public int specialists() {
    int n = 0;
    for (int x : specialists) {
      n += x;
    }
    return n;
  }

  /**
   * Returns whether a support organization has been founded and works.
   *
   * @param support its index in {@link ClusterWorld#supportOrganizations()}
   * @return {@code true} if active
   */
  public boolean isActive(int support) {
    return active[support];
  }

  /**
   * Returns the support organization that runs the matching rounds.
   *
   * @return its index in {@link ClusterWorld#supportOrganizations()}
   */
  public int lead() {
    return lead;
  }

  /**
   * Returns the know-how of the organization that runs the matching rounds.
   *
   * @return in [0, 1]
   */
  public double leadKnowHow() {
    return knowHow(lead);
  }

  /**
   * Returns the mean know-how of the nationwide council's members.
   *
   * @return in [0, 1]
   */
  public double councilKnowHow() {
    double sum = 0;
    for (int i = 0; i < councilKnowHow.length; i++) {
      sum += memberKnowHow(i);
    }
    return councilKnowHow.length == 0 ? 0 : sum / councilKnowHow.length;
  }

  double memberKnowHow(int member) {
    int s = supportOfMember[member];
    return s >= 0 ? knowHow(s) : councilKnowHow[member];
  }

  /**
   * Returns this year's support funding of a level, in 100 million yen (億円).
   *
   * @param level the level
   * @return the amount
   */
  public double funding(FundingLevel level) {
    return funding[level.ordinal()];
  }

  /**
   * Returns this year's support intensity: how much of the support activities the budget pays
   * for, {@code 1 − exp(−budget / scale)}.
   *
   * @return in [0, 1)
   */
  public double supportIntensity() {
    return supportIntensity;
  }

  /**
   * Returns the exhibitors of this year's expo, 0 if none was held.
   *
   * @return the count
   */
  public int exhibitors() {
    return exhibitors;
  }

  /**
   * Returns the product-development themes funded by the reconstruction subsidies so far.
   *
   * @return the cumulative count
   */
  public long rdThemes() {
    return rdThemes;
  }

  /**
   * Returns this year's medical-device production value of the region, in 100 million yen.
   *
   * @return the value
   */
  public double productionValue() {
    return productionValue;
  }

  /**
   * Returns this year's shipments of medical-device parts by the region's firms, in 100
   * million yen.
   *
   * @return the value
   */
  public double partsShipments() {
    return partsShipments;
  }

  /**
   * Returns the market demand relative to normal (1); shocks lower it.
   *
   * @return the demand factor
   */
  public double demand() {
    return demand;
  }

  /**
   * Returns the firms' production capacity relative to normal (1); the earthquake lowers it.
   *
   * @return the capacity factor
   */
  public double capacity() {
    return capacity;
  }

  /**
   * Returns whether OEM production for another firm's brand is open to the region's firms
   * (since the 2005 revision that split marketing authorization from manufacturing).
   *
   * @return {@code true} once open
   */
  public boolean oemPathOpen() {
    return oemPathOpen;
  }

  /**
   * Returns the density of the supply network: the pairs of a firm in the field and a requester
   * (or a care organization, while municipal health-longevity projects run) joined by at least
   * one active tie, over all such pairs, as counted at the end of the last step.
   *
   * @return in [0, 1]
   */
  public double networkDensity() {
    long inField = world.firms().size() - atStage[EntryStage.NONE.ordinal()];
    long pairs = inField * partners();
    return pairs == 0 ? 0 : (double) linkedPairs / pairs;
  }

  /**
   * Returns the number of active ties.
   *
   * @return vertical plus horizontal
   */
  public int ties() {
    return ties;
  }

  /** Partners a firm can be tied to: the requesters, and the care organizations while their projects run. */
  int partners() {
    return world.requesters().size() + (careActive ? world.careOrganizations().size() : 0);
  }

  void addTie(int firm, int requester, RelationshipType type, int year) {
    if (ties == tieFirm.length) {
      int n = ties * 2;
      tieFirm = Arrays.copyOf(tieFirm, n);
      tieRequester = Arrays.copyOf(tieRequester, n);
      tieType = Arrays.copyOf(tieType, n);
      tieSince = Arrays.copyOf(tieSince, n);
    }
    tieFirm[ties] = firm;
    tieRequester[ties] = requester;
    tieType[ties] = (byte) type.ordinal();
    tieSince[ties] = year;
    ties++;
  }

  void removeTie(int t) {
    ties--;
    tieFirm[t] = tieFirm[ties];
    tieRequester[t] = tieRequester[ties];
    tieType[t] = tieType[ties];
    tieSince[t] = tieSince[ties];
  }

  void setStage(int firm, EntryStage s) {
    stage[firm] = (byte) s.ordinal();
  }

  @Override
  public String toString() {
    return String.format("ClusterState[%s firms by stage, %d registered, %d vertical + %d horizontal ties,"
            + " lead know-how %.2f]", Arrays.toString(atStage), registeredManufacturers(), verticalTies,
        horizontalTies, leadKnowHow());
  }
}
