package io.github.renkei.cluster.dynamics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.network.CoverageReport;
import io.github.renkei.cluster.network.HubCandidate;
import io.github.renkei.cluster.network.SupportCoverage;
import io.github.renkei.cluster.regulation.DeviceClass;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import io.github.renkei.cluster.simulation.Mechanism;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Parameters;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Schedule;
import io.github.renkei.cluster.simulation.StepContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * All 47 prefectures in one simulation: the seed's closing proposal, support organizations layered
 * around the hubs (地域連携自立化推進拠点), crossing borders, with a continuing nationwide council —
 * "from points to a surface" (点から面へ). Each prefecture runs the mechanisms of
 * {@link ClusterDynamics} on its own {@link ClusterState}; the council, the hubs and the
 * cross-border brokering join them.
 *
 * <pre>{@code
 * Scenario<NationalState> japan = NationwideDynamics.scenario(NationwideWorld.japan());   // 2005–2030
 * ExperimentResult r = Experiment.of(japan)
 *     .grid(Grid.of(Policies.COUNCIL, false, true))
 *     .replications(200).seed(2005).run();
 * r.summary(japan.name(), 1, NationwideDynamics.CROSS_BLOCK, "2030").mean();
 * }</pre>
 *
 * <h2>Each year, in this order</h2>
 * <ol>
 *   <li>the events of the year: {@value ClusterDynamics#PMD_ACT_REVISION} (2005) and
 *       {@value ClusterDynamics#FINANCIAL_CRISIS} (2008) in every prefecture,
 *       {@value ClusterDynamics#EARTHQUAKE} (2011) in {@link #EARTHQUAKE_PREFECTURES} (岩手, 宮城,
 *       福島: the three prefectures the Reconstruction Agency's programs centre on);</li>
 *   <li>in every prefecture, in JIS code order: {@value Shocks#MARKET}, {@value FundingFlows#NAME}
 *       (every prefecture on the world's {@linkplain NationwideWorld#nationalPrograms() national
 *       program terms}) and {@value SupportStaff#NAME};</li>
 *   <li>{@value NationwideCouncil#NAME}, once for the nation: every council member (the catalog's
 *       support organizations, and any hub the {@link #HUB_PLAN} adds) learns from the hubs with
 *       {@link NationwideCouncil}'s rule and coefficients — a member that is one of its
 *       prefecture's support organizations learns into that organization's stock of know-how;</li>
 *   <li>{@value MatchingRounds#NAME} in every prefecture, with its own lead;</li>
 *   <li>{@value #CROSS_BORDER}, once for the nation (below);</li>
 *   <li>in every prefecture: {@value Horizontalization#NAME}, {@value EntryLadder#NAME} and
 *       {@value Accounts#NAME}; then the nation's coverage (below) and the metrics.</li>
 * </ol>
 * The expo ({@link Expo}) is Fukushima's and is not run. Every prefecture uses the scenario's
 * coefficients (the library's defaults, which are Fukushima's calibrated or assumed values);
 * what differs between prefectures is their world: firms, makers, support organizations, lead and
 * production base ({@link NationwideWorld}). Each mechanism has one random stream per replication,
 * drawn by the prefectures in JIS order, so results are the same for any number of threads.
 *
 * <h2>Cross-border brokering</h2>
 * After every prefecture's round, each need that no firm of its prefecture took (no eligible firm
 * with room) is offered elsewhere, prefecture by prefecture in JIS order and need by need in id
 * order:
 * <ol>
 *   <li><b>the block</b>: if a hub lies within {@link #HUB_REACH_KM} of the need's prefecture (its
 *       capital to the hub's prefecture's capital; the nearest hub, ties by member order), that hub
 *       offers the need to the other prefectures of the need's {@link RegionBlock}, nearest first
 *       (ties by JIS code): the first with an eligible firm with room proposes its best one (most
 *       know-how, ties by index). The need counts towards the hub's load.</li>
 *   <li><b>the nation</b>: with a continuing council ({@link Policies#COUNCIL}) and no firm found in
 *       the block, the council offers it to the prefectures of the other blocks the same way, if
 *       the need's prefecture reached a hub or has a council member of its own.</li>
 * </ol>
 * A proposal becomes a deal with chance {@code deal rate × (0.5 + 0.5 K) × exp(−d / }
 * {@link #TRUST_DISTANCE_KM}{@code )}: {@link MatchingRounds#DEAL_RATE}, K the broker's know-how
 * (the hub's, or the hubs' mean for the council), d the distance between the two capitals. A deal
 * is a tie of the need's kind for the supplying firm (its requester lies outside its prefecture, so
 * the tie counts for the firm's ladder and the vertical and horizontal ties but not for its
 * prefecture's network density) and the firm learns as from a deal at home. A firm's room is its
 * capacity less the needs it took in its own prefecture's round this year and the deals it made
 * across borders; a need is offered once a year and not carried.
 *
 * <h2>Coverage</h2>
 * A prefecture is <em>covered</em> in a year when a council member of its own (one of the catalog's
 * medical–engineering support organizations there, or a hub the plan placed there), or a hub
 * within {@link #HUB_REACH_KM}, has know-how of at least {@link #COMPETENCE}: its firms can reach a
 * competent support organization. {@link #COVERAGE} is the share of the 47 covered. A prefectural
 * government that is not on the catalog's list leads its prefecture's rounds but does not cover it.
 *
 * <h2>Hub plans</h2>
 * {@link #HUB_PLAN} chooses the hubs: the world's ({@link HubPlan#CATALOG}, the catalog's six), one
 * more in the least covered block ({@link HubPlan#LEAST_COVERED_BLOCK}, by the analytics'
 * {@link SupportCoverage#hubCandidates}) or up to six more placed greedily
 * ({@link HubPlan#TWELVE}, {@link SupportCoverage#greedyHubs}), with {@link #HUB_REACH_KM} as the
 * radius. A hub placed in a prefecture is its first catalog support organization there that is not
 * a hub yet (by id), otherwise the prefecture's lead, which then joins the council.
 *
 * <p>Everything here that is not a catalog fact or a published figure is an assumption: the reach,
 * the trust distance, the competence threshold, the routes and the shared coefficients.
 */
public final class NationwideDynamics {

  /** The cross-border mechanism's name. */
  public static final String CROSS_BORDER = "cross-border";

  /** The prefectures hit by the 2011 earthquake in a nationwide run. */
  public static final ImmutableSet<Prefecture> EARTHQUAKE_PREFECTURES =
      ImmutableSet.of(Prefecture.IWATE, Prefecture.MIYAGI, Prefecture.FUKUSHIMA);

  /** How the hubs are chosen (see the class comment). */
  public enum HubPlan {
    /** The world's hubs: the catalog's six. */
    CATALOG,
    /** The world's hubs and one more in the block with the smallest share of hub-covered prefectures. */
    LEAST_COVERED_BLOCK,
    /** The world's hubs and up to six more, placed greedily for coverage. */
    TWELVE
  }

  /** Which hubs the run has. Default {@link HubPlan#CATALOG}. */
  public static final Parameter<HubPlan> HUB_PLAN = Parameter.choice("hub-plan", HubPlan.class, HubPlan.CATALOG);

  /**
   * How far a hub reaches, km between capitals. Default 200 (assumption: a day's return trip to the
   * hub's prefecture).
   */
  public static final Parameter<Double> HUB_REACH_KM = Parameter.real("hub-reach-km", 200.0, 0, 5_000);

  /**
   * Distance at which the chance of a cross-border deal has fallen to 1/e, km. Default 400
   * (assumption: trust and the cost of visits fall with distance).
   */
  public static final Parameter<Double> TRUST_DISTANCE_KM = Parameter.real("trust-distance-km", 400.0, 1, 100_000);

  /**
   * Know-how from which a support organization counts as competent for {@link #COVERAGE}. Default
   * 0.6, the know-how a hub starts with ({@link NationwideCouncil#HUB_KNOW_HOW}; assumption: hubs
   * were chosen for what they knew).
   */
  public static final Parameter<Double> COMPETENCE = Parameter.probability("competence", 0.6);

  /** The nationwide parameters, besides the cluster dynamics'. */
  public static final ImmutableList<Parameter<?>> PARAMETERS =
      ImmutableList.of(HUB_PLAN, HUB_REACH_KM, TRUST_DISTANCE_KM, COMPETENCE);

  /** Metric: firms in the medical field, all prefectures. */
  public static final String FIRMS_IN_FIELD = "firms-in-field";
  /** Metric: registered manufacturers, all prefectures. */
  public static final String REGISTERED = ClusterDynamics.REGISTERED;
  /** Metric: needs brokered this year, all prefectures. */
  public static final String NEEDS_BROKERED = ClusterDynamics.NEEDS_BROKERED;
  /** Metric: needs matched into ties within their prefecture this year. */
  public static final String NEEDS_MATCHED = ClusterDynamics.NEEDS_MATCHED;
  /** Metric: needs offered across borders this year ({@link NationalState#needsOffered()}). */
  public static final String NEEDS_OFFERED = "needs-offered";
  /** Metric: deals across prefectural borders this year, within and across blocks. */
  public static final String CROSS_BORDER_MATCHES = "cross-border-matches";
  /** Metric: deals across blocks this year. */
  public static final String CROSS_BLOCK = "cross-block-matches";
  /** Metric: needs no firm anywhere took this year ({@link NationalState#needsUnserved()}). */
  public static final String NEEDS_UNSERVED = "needs-unserved";
  /** Metric: mean needs a hub brokered across borders this year. */
  public static final String HUB_LOAD_MEAN = "hub-load-mean";
  /** Metric: most needs one hub brokered across borders this year. */
  public static final String HUB_LOAD_MAX = "hub-load-max";
  /** Metric: the hubs of the run ({@link #HUB_PLAN}). */
  public static final String HUBS = "hubs";
  /** Metric: share of prefectures covered ({@link NationalState#coverage()}). */
  public static final String COVERAGE = "coverage";
  /**
   * Metric: the mean of {@link #COVERAGE} over the years from the first to this one
   * ({@link NationalState#coverageToDate()}): how much of the country was covered for how long,
   * which a single year's coverage, rising and falling with staff rotation, does not show.
   */
  public static final String COVERAGE_TO_DATE = "coverage-to-date";
  /** Metric: spread between prefectures ({@link NationalState#fieldShareSpread()}), percentage points. */
  public static final String SPREAD = "field-share-spread";
  /** Metric: the council members' mean know-how. */
  public static final String KNOW_HOW_COUNCIL = ClusterDynamics.KNOW_HOW_COUNCIL;
  /** Metric: medical-device production value, all prefectures, 億円. */
  public static final String PRODUCTION_VALUE = ClusterDynamics.PRODUCTION_VALUE;
  /** Metric prefix per prefecture ({@link #prefectureMetric}): registered manufacturers. */
  public static final String REGISTERED_PREFIX = "registered:";
  /** Metric prefix per prefecture: share of firms in the field, percent. */
  public static final String FIELD_SHARE_PREFIX = "field-share:";
  /** Metric prefix per prefecture: 1 when covered, else 0. */
  public static final String COVERED_PREFIX = "covered:";
  /** Metric prefix per prefecture: deals in which its firms served needs from elsewhere. */
  public static final String SUPPLIED_PREFIX = "cross-border-supplied:";

  /** Metric prefix per prefecture: deals in which its needs were served by firms elsewhere. */
  public static final String SERVED_PREFIX = "cross-border-served:";

  /** The nationwide metrics, in the order registered (the per-prefecture ones follow). */
  public static final ImmutableList<String> METRICS = ImmutableList.of(FIRMS_IN_FIELD, REGISTERED, NEEDS_BROKERED,
      NEEDS_MATCHED, NEEDS_OFFERED, CROSS_BORDER_MATCHES, CROSS_BLOCK, NEEDS_UNSERVED, HUBS, HUB_LOAD_MEAN,
      HUB_LOAD_MAX, COVERAGE, COVERAGE_TO_DATE, SPREAD, KNOW_HOW_COUNCIL, PRODUCTION_VALUE);

  private static final int CLASSES = DeviceClass.values().length;
  private static final int KEYS = NeedKind.values().length * CLASSES * (ClusterWorld.MANUFACTURING.size() + 1);
  private static final int N = Prefecture.values().length;
  private static final double[][] DISTANCE = new double[N][N];
  private static final int[][] BLOCK_ORDER = new int[N][];
  private static final int[][] NATION_ORDER = new int[N][];

  static {
    Prefecture[] all = Prefecture.values();
    for (int a = 0; a < N; a++) {
      for (int b = 0; b < N; b++) {
        DISTANCE[a][b] = a == b ? 0 : all[a].distanceKm(all[b]);
      }
    }
    for (int a = 0; a < N; a++) {
      int from = a;
      List<Integer> block = new ArrayList<>();
      List<Integer> nation = new ArrayList<>();
      for (int b = 0; b < N; b++) {
        if (b != a) {
          (all[b].block() == all[a].block() ? block : nation).add(b);
        }
      }
      Comparator<Integer> nearest = Comparator.<Integer>comparingDouble(b -> DISTANCE[from][b]).thenComparing(b -> b);
      block.sort(nearest);
      nation.sort(nearest);
      BLOCK_ORDER[a] = block.stream().mapToInt(Integer::intValue).toArray();
      NATION_ORDER[a] = nation.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private NationwideDynamics() {}

  /**
   * Returns the metric of a prefecture: a prefix of this class and its English name in lower
   * case, for example {@code registered:fukushima}.
   *
   * @param prefix one of the {@code *_PREFIX} constants
   * @param prefecture the prefecture
   * @return the metric's name
   */
  public static String prefectureMetric(String prefix, Prefecture prefecture) {
    return checkNotNull(prefix, "prefix") + checkNotNull(prefecture, "prefecture").nameEn().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns every parameter of a nationwide scenario: the cluster dynamics' parameters but those a
   * prefecture's world sets (the initial-rung top-ups, {@link ClusterDynamics#REGISTERED_OUTSIDE},
   * {@link Accounts#PRODUCTION_BASE}) and the expo's, then {@link #PARAMETERS}.
   *
   * @return the parameters
   */
  public static ImmutableList<Parameter<?>> parameters() {
    Set<Parameter<?>> fromWorld = ImmutableSet.<Parameter<?>>builder().add(ClusterDynamics.INITIAL_PARTS,
        ClusterDynamics.INITIAL_OEM, ClusterDynamics.INITIAL_ODM, ClusterDynamics.INITIAL_OWN_PRODUCT,
        ClusterDynamics.REGISTERED_OUTSIDE, Accounts.PRODUCTION_BASE, Policies.EXPO).addAll(Expo.PARAMETERS).build();
    ImmutableList.Builder<Parameter<?>> b = ImmutableList.builder();
    for (Parameter<?> p : ClusterDynamics.parameters()) {
      if (!fromWorld.contains(p)) {
        b.add(p);
      }
    }
    return b.addAll(PARAMETERS).build();
  }

  /**
   * Returns the nationwide scenario from 2005 to 2030.
   *
   * @param world the world
   * @return the scenario, named {@code nationwide}
   */
  public static Scenario<NationalState> scenario(NationwideWorld world) {
    return scenario(world, 2005, 2030);
  }

  /**
   * Returns the nationwide scenario over the given years; the events fall in the years they have
   * (2005, 2008, 2011) when the schedule holds them.
   *
   * @param world the world
   * @param firstYear the first year
   * @param lastYear the last year, at least the first
   * @return the scenario, named {@code nationwide}
   * @throws IllegalArgumentException naming the years if they are out of order or outside 1900..2200
   */
  public static Scenario<NationalState> scenario(NationwideWorld world, int firstYear, int lastYear) {
    checkNotNull(world, "world");
    checkArgument(firstYear >= 1900 && lastYear <= 2200 && firstYear <= lastYear,
        "years must be in order within 1900..2200 but were %s..%s", firstYear, lastYear);
    Schedule schedule = Schedule.years(firstYear, lastYear);
    boolean revision = firstYear <= 2005 && lastYear >= 2005;
    Map<List<Object>, Members> plans = new ConcurrentHashMap<>();
    Scenario.Builder<NationalState> b = Scenario.builder("nationwide", schedule,
        (Parameters p, RandomGenerator random) -> initial(world, firstYear, p, random, !revision, plans));
    parameters().forEach(b::parameter);
    FundingFlows funding = new FundingFlows(world.nationalPrograms());
    Mechanism<NationalState> accounts = each(new Accounts());
    b.mechanism(Shocks.MARKET, each(new Shocks()))
        .mechanism(FundingFlows.NAME, each(funding))
        .mechanism(SupportStaff.NAME, each(new SupportStaff()))
        .mechanism(NationwideCouncil.NAME, NationwideDynamics::council)
        .mechanism(MatchingRounds.NAME, each(new MatchingRounds()))
        .mechanism(CROSS_BORDER, NationwideDynamics::crossBorder)
        .mechanism(Horizontalization.NAME, each(new Horizontalization()))
        .mechanism(EntryLadder.NAME, each(new EntryLadder()))
        .mechanism(Accounts.NAME, (s, ctx) -> {
          accounts.step(s, ctx);
          coverage(s, ctx);
        });
    if (revision) {
      b.event(ClusterDynamics.PMD_ACT_REVISION, "2005", each(Shocks.pmdActRevision()));
    }
    if (firstYear <= 2008 && lastYear >= 2008) {
      b.event(ClusterDynamics.FINANCIAL_CRISIS, "2008", each(Shocks.financialCrisis()));
    }
    if (firstYear <= 2011 && lastYear >= 2011) {
      Mechanism<ClusterState> quake = Shocks.earthquake();
      b.event(ClusterDynamics.EARTHQUAKE, "2011", (s, ctx) -> {
        for (Prefecture p : EARTHQUAKE_PREFECTURES) {
          quake.step(s.regions[p.ordinal()], ctx);
        }
      });
    }
    b.metric(FIRMS_IN_FIELD, NationalState::firmsInField)
        .metric(REGISTERED, NationalState::registeredManufacturers)
        .metric(NEEDS_BROKERED, NationalState::needsBrokered)
        .metric(NEEDS_MATCHED, NationalState::needsMatched)
        .metric(NEEDS_OFFERED, NationalState::needsOffered)
        .metric(CROSS_BORDER_MATCHES, s -> s.crossWithinBlock + s.crossBlocks)
        .metric(CROSS_BLOCK, NationalState::crossBlockMatches)
        .metric(NEEDS_UNSERVED, NationalState::needsUnserved)
        .metric(HUBS, s -> s.hubs.length)
        .metric(HUB_LOAD_MEAN, NationalState::hubLoadMean)
        .metric(HUB_LOAD_MAX, NationalState::hubLoadMax)
        .metric(COVERAGE, NationalState::coverage)
        .metric(COVERAGE_TO_DATE, NationalState::coverageToDate)
        .metric(SPREAD, NationalState::fieldShareSpread)
        .metric(KNOW_HOW_COUNCIL, NationalState::councilKnowHow)
        .metric(PRODUCTION_VALUE, NationalState::productionValue);
    for (Prefecture p : Prefecture.values()) {
      int r = p.ordinal();
      b.metric(prefectureMetric(REGISTERED_PREFIX, p), s -> s.regions[r].registeredManufacturers())
          .metric(prefectureMetric(FIELD_SHARE_PREFIX, p), s -> 100 * s.fieldShare(p))
          .metric(prefectureMetric(COVERED_PREFIX, p), s -> s.covered[r] ? 1 : 0)
          .metric(prefectureMetric(SUPPLIED_PREFIX, p), s -> s.crossIn[r])
          .metric(prefectureMetric(SERVED_PREFIX, p), s -> s.crossOut[r]);
    }
    return b.build();
  }

  /** A regional mechanism run in every prefecture, in JIS code order, on the mechanism's stream. */
  private static Mechanism<NationalState> each(Mechanism<ClusterState> m) {
    return (s, ctx) -> {
      for (ClusterState r : s.regions) {
        m.step(r, ctx);
      }
    };
  }

  /** The council's members and hubs for a hub plan and reach. */
  private record Members(ImmutableList<Organization> members, int[] region, int[] support, boolean[] hub) {}

  private static NationalState initial(NationwideWorld world, int firstYear, Parameters p, RandomGenerator random,
      boolean oemPathOpen, Map<List<Object>, Members> plans) {
    HubPlan plan = p.get(HUB_PLAN);
    double reach = p.get(HUB_REACH_KM);
    Members m = plans.computeIfAbsent(List.of(plan, reach), k -> members(world, plan, reach));
    ClusterState[] regions = new ClusterState[N];
    for (Prefecture pref : Prefecture.values()) {
      ClusterWorld w = world.region(pref);
      int lead = w.requireSupport(world.lead(pref), "lead");
      regions[pref.ordinal()] = ClusterDynamics.initial(w, firstYear, p, random, lead, Set.of(), oemPathOpen,
          world.topUps(pref),
          world.registeredOutsideLadder(pref), world.productionBase(pref));
    }
    NationalState s = new NationalState(world, regions, m.members(), m.region(), m.support(), m.hub().clone());
    double hubKnow = p.get(NationwideCouncil.HUB_KNOW_HOW);
    double memberKnow = p.get(NationwideCouncil.MEMBER_KNOW_HOW);
    for (int i = 0; i < s.ownKnowHow.length; i++) {
      s.ownKnowHow[i] = s.hub[i] ? hubKnow : memberKnow;
    }
    coverage(s, p.get(COMPETENCE), reach);
    return s;
  }

  private static Members members(NationwideWorld world, HubPlan plan, double reach) {
    List<Organization> members = new ArrayList<>(world.catalog().supportOrganizations());
    List<Organization> hubs = new ArrayList<>(world.hubs());
    SupportCoverage network = SupportCoverage.of(members, hubs);
    List<HubCandidate> picks = switch (plan) {
      case CATALOG -> List.of();
      case TWELVE -> network.greedyHubs(reach, 6);
      case LEAST_COVERED_BLOCK -> {
        RegionBlock least = network.within(reach).blocks().stream()
            .min(Comparator.comparingDouble(CoverageReport.BlockShare::hubShare)).orElseThrow().block();
        List<HubCandidate> best = network.hubCandidates(reach).stream()
            .filter(c -> c.prefecture().block() == least).limit(1).toList();
        yield best.isEmpty() ? List.of(firstWithoutHub(least, members, hubs)) : best;
      }
    };
    for (HubCandidate c : picks) {
      Organization chosen = c.supportOrganizations().stream().filter(o -> !hubs.contains(o)).findFirst()
          .orElseGet(() -> world.region(c.prefecture()).supportOrganizations()
              .get(world.region(c.prefecture()).requireSupport(world.lead(c.prefecture()), "lead")));
      if (!members.contains(chosen)) {
        members.add(chosen);
      }
      hubs.add(chosen);
    }
    int n = members.size();
    int[] region = new int[n];
    int[] support = new int[n];
    boolean[] hub = new boolean[n];
    for (int i = 0; i < n; i++) {
      Organization o = members.get(i);
      region[i] = o.prefecture().ordinal();
      support[i] = world.region(o.prefecture()).supportIndex(o.id()).orElse(-1);
      hub[i] = hubs.contains(o);
    }
    return new Members(ImmutableList.copyOf(members), region, support, hub);
  }

  /** The block's first prefecture (JIS order) without a hub, as a candidate that covers nothing new. */
  private static HubCandidate firstWithoutHub(RegionBlock block, List<Organization> members, List<Organization> hubs) {
    Prefecture site = block.prefectures().stream().filter(p -> hubs.stream().noneMatch(h -> h.prefecture() == p))
        .findFirst().orElse(block.prefectures().get(0));
    return new HubCandidate(site, ImmutableSortedSet.of(), members.stream().filter(o -> o.prefecture() == site)
        .sorted(Comparator.comparing((Organization o) -> o.id().value())).collect(ImmutableList.toImmutableList()));
  }

  /** The council, once for the nation, with {@link NationwideCouncil}'s rule. */
  private static void council(NationalState s, StepContext ctx) {
    int n = s.members.size();
    if (n == 0) {
      return;
    }
    double source = s.hubKnowHow();
    double rate = (ctx.parameter(Policies.COUNCIL) ? ctx.parameter(NationwideCouncil.COUNCIL_SHARING)
        : ctx.parameter(NationwideCouncil.ADHOC_SHARING)) * source;
    double hubLearning = ctx.parameter(NationwideCouncil.HUB_LEARNING);
    for (int i = 0; i < n; i++) {
      double r = s.hub[i] ? 1 - (1 - rate) * (1 - hubLearning) : rate;
      int support = s.memberSupport[i];
      if (support >= 0) {
        ClusterState region = s.regions[s.memberRegion[i]];
        if (region.active[support]) {
          region.stockedKnowHow[support] += r * (1 - region.stockedKnowHow[support]);
        }
      } else {
        s.ownKnowHow[i] += r * (1 - s.ownKnowHow[i]);
      }
    }
  }

  private static void coverage(NationalState s, StepContext ctx) {
    coverage(s, ctx.parameter(COMPETENCE), ctx.parameter(HUB_REACH_KM));
    s.coverageSum += s.coverage();
    s.coverageYears++;
  }

  private static void coverage(NationalState s, double competence, double reach) {
    double[] best = new double[N];
    Arrays.fill(best, -1);
    for (int m = 0; m < s.memberRegion.length; m++) {
      best[s.memberRegion[m]] = Math.max(best[s.memberRegion[m]], s.memberKnowHow(m));
    }
    for (int r = 0; r < N; r++) {
      boolean c = best[r] >= competence;
      for (int h = 0; h < s.hubs.length && !c; h++) {
        int at = s.memberRegion[s.hubs[h]];
        c = DISTANCE[r][at] <= reach && s.memberKnowHow(s.hubs[h]) >= competence;
      }
      s.covered[r] = c;
    }
  }

  /** The year's cross-border brokering (see the class comment). */
  private static void crossBorder(NationalState s, StepContext ctx) {
    s.crossWithinBlock = 0;
    s.crossBlocks = 0;
    s.unserved = 0;
    s.offered = 0;
    Arrays.fill(s.hubLoad, 0);
    Arrays.fill(s.crossIn, 0);
    Arrays.fill(s.crossOut, 0);
    RandomGenerator random = ctx.random();
    double reach = ctx.parameter(HUB_REACH_KM);
    double trust = ctx.parameter(TRUST_DISTANCE_KM);
    boolean council = ctx.parameter(Policies.COUNCIL);
    double deal = ctx.parameter(MatchingRounds.DEAL_RATE);
    double learning = ctx.parameter(MatchingRounds.TIE_LEARNING);
    double councilKnowHow = s.hubKnowHow();
    int year = ctx.year();
    if (s.rooms == null) {
      s.rooms = new Rooms(s);
    }
    Rooms rooms = s.rooms;
    rooms.newYear();
    boolean[] hasMember = rooms.hasMember;
    for (int r = 0; r < N; r++) {
      MatchingRounds.Scratch round = s.regions[r].rounds;
      if (round == null) {
        continue;
      }
      int nearest = -1;
      double nearestKm = Double.POSITIVE_INFINITY;
      for (int h = 0; h < s.hubs.length; h++) {
        double d = DISTANCE[r][s.memberRegion[s.hubs[h]]];
        if (d <= reach && d < nearestKm) {
          nearest = h;
          nearestKm = d;
        }
      }
      for (int x = 0; x < round.needs; x++) {
        int i = round.byId[x];
        if (round.assigned[i] >= 0) {
          continue;
        }
        int key = (round.kind[i].ordinal() * CLASSES + round.deviceClass[i].ordinal())
            * (ClusterWorld.MANUFACTURING.size() + 1) + round.capability[i] + 1;
        long found = -1;
        double know = 0;
        boolean acrossBlocks = false;
        if (nearest >= 0) {
          s.hubLoad[nearest]++;
          found = rooms.best(BLOCK_ORDER[r], key, round, i);
          know = s.memberKnowHow(s.hubs[nearest]);
        }
        if (found < 0 && council && (nearest >= 0 || hasMember[r])) {
          found = rooms.best(NATION_ORDER[r], key, round, i);
          know = councilKnowHow;
          acrossBlocks = true;
        }
        if (found < 0) {
          s.unserved++;
          continue;
        }
        s.offered++;
        int q = (int) (found >>> 32);
        int f = (int) found;
        double chance = deal * (0.5 + 0.5 * know) * Math.exp(-DISTANCE[r][q] / trust);
        if (random.nextDouble() < chance) {
          ClusterState supplier = s.regions[q];
          supplier.addTie(f, ClusterState.EXTERNAL_REQUESTER, round.kind[i].relationshipType(), year);
          supplier.firmKnowHow[f] += learning * (1 - supplier.firmKnowHow[f]);
          rooms.take(q, f);
          s.crossIn[q]++;
          s.crossOut[r]++;
          if (acrossBlocks) {
            s.crossBlocks++;
          } else {
            s.crossWithinBlock++;
          }
        } else {
          s.unserved++;
        }
      }
    }
  }

  /**
   * The firms' room across borders this year, computed for a prefecture the first time it is
   * asked, with a memo of the needs' keys a prefecture has no eligible firm with room for. One per
   * replication ({@link NationalState#rooms}, made by the first cross-border step): its arrays are
   * reused from year to year, and {@link #newYear} forgets the last year's.
   */
  static final class Rooms {
    private final NationalState s;
    /** Per prefecture, whether one of the council's members is there (fixed for the replication). */
    final boolean[] hasMember = new boolean[N];
    private final int[][] used = new int[N][];
    private final int[][] field = new int[N][];
    private final int[] inField = new int[N];
    private final boolean[] prepared = new boolean[N];
    private final boolean[] none = new boolean[N * KEYS];

    Rooms(NationalState s) {
      this.s = s;
      for (int r : s.memberRegion) {
        hasMember[r] = true;
      }
    }

    /** Forgets the last year's rooms and memo. */
    void newYear() {
      Arrays.fill(prepared, false);
      Arrays.fill(none, false);
    }

    private void prepare(int q) {
      ClusterState region = s.regions[q];
      ClusterWorld w = region.world;
      int firms = region.stage.length;
      int[] load = used[q];
      if (load == null) {
        load = new int[firms];
        used[q] = load;
        field[q] = new int[firms];
      } else {
        Arrays.fill(load, 0);
      }
      MatchingRounds.Scratch round = region.rounds;
      if (round != null) {
        for (int i = 0; i < round.needs; i++) {
          if (round.assigned[i] >= 0) {
            load[round.assigned[i]]++;
          }
        }
      }
      int[] list = field[q];
      int m = 0;
      for (int f = 0; f < firms; f++) {
        if (region.stage[f] > 0 && w.firmCapacity[f] > load[f]) {
          list[m++] = f;
        }
      }
      inField[q] = m;
      prepared[q] = true;
    }

    /** The first prefecture of {@code order} with an eligible firm with room, as (prefecture << 32 | firm), or −1. */
    long best(int[] order, int key, MatchingRounds.Scratch round, int need) {
      NeedKind kind = round.kind[need];
      DeviceClass deviceClass = round.deviceClass[need];
      int capability = round.capability[need];
      for (int q : order) {
        if (none[q * KEYS + key]) {
          continue;
        }
        if (!prepared[q]) {
          prepare(q);
        }
        ClusterState region = s.regions[q];
        ClusterWorld w = region.world;
        int best = -1;
        int[] list = field[q];
        for (int x = 0; x < inField[q]; x++) {
          int f = list[x];
          if (used[q][f] < w.firmCapacity[f]
              && (capability < 0 || (w.manufacturing[f] >>> capability & 1) != 0)
              && w.meetsDemand(f, region.stage[f], kind, deviceClass)
              && (best < 0 || region.firmKnowHow[f] > region.firmKnowHow[best])) {
            best = f;
          }
        }
        if (best >= 0) {
          return (long) q << 32 | best;
        }
        none[q * KEYS + key] = true;
      }
      return -1;
    }

    void take(int q, int f) {
      used[q][f]++;
    }
  }
}
