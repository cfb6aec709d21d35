package io.github.renkei.cluster.dynamics;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.matching.Assignment;
import io.github.renkei.cluster.matching.Constraint;
import io.github.renkei.cluster.matching.Constraints;
import io.github.renkei.cluster.matching.MatchResult;
import io.github.renkei.cluster.matching.Matcher;
import io.github.renkei.cluster.matching.Matchers;
import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.matching.Scorer;
import io.github.renkei.cluster.matching.Scorers;
import io.github.renkei.cluster.matching.MatchContext;
import io.github.renkei.cluster.matching.RollingMatcher;
import io.github.renkei.cluster.matching.RollingResult;
import io.github.renkei.cluster.matching.TimedNeed;
import io.github.renkei.cluster.matching.TimedQueue;
import io.github.renkei.cluster.matching.Violation;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.regulation.DeviceClass;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.simulation.Mechanism;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.StepContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Mechanism {@value #NAME}: each year requesters raise needs and the lead support organization
 * brokers them through the matcher of {@code io.github.renkei.cluster.matching}.
 *
 * <ol>
 *   <li><b>Needs</b>, in proportion to the region's assets: each device maker raises a Poisson
 *       number with mean {@link #NEEDS_PER_MAKER} × market demand, of a kind drawn by the weights
 *       {@link #WEIGHT_PARTS}, {@link #WEIGHT_OEM}, {@link #WEIGHT_ODM}; each hospital and
 *       university raises {@link #NEEDS_PER_PARTNER} × demand co-development needs; while
 *       municipal health-longevity projects run ({@link Policies#CARE_SHARE} above 0), each care
 *       organization raises {@link #NEEDS_PER_CARE_ORGANIZATION} × intensity co-development needs
 *       for class I or II devices (home care, prevention), paid for by the project, not by the
 *       market. Devices are class II with chance {@link #CLASS_II_SHARE}, otherwise class III
 *       (class I otherwise for care needs); parts and OEM needs ask for one manufacturing
 *       capability.</li>
 *   <li><b>Brokering</b>: a need reaches the round with chance
 *       {@code 1 − exp(−}{@link #BROKERING}{@code  × aimed share × intensity × (0.2 + 0.8 K))},
 *       K the lead's know-how and the aimed share the part of the support effort aimed at the
 *       need: with development share d and care share c, {@code (1 − d)(1 − c)} for parts and OEM
 *       needs, {@code d (1 − c)} for ODM and co-development needs, {@code c} for care needs.</li>
 *   <li><b>Round</b>: {@link Matchers#greedy()} over the brokered needs and every firm in the
 *       field with capacity, under the constraints: not the requester, every required
 *       capability, and the registrations and licences the PMD Act demands for the need's role
 *       and class ({@link JapanPmdAct#requirement}) held at the firm's current stage. Pairs are
 *       scored by the firm's know-how.</li>
 *   <li><b>Deals</b>: a proposed match becomes a tie of the need's kind with chance
 *       {@link #DEAL_RATE} × (0.5 + 0.5 K); the firm learns {@link #TIE_LEARNING} of its gap.</li>
 * </ol>
 *
 * <p><b>How a round is computed.</b> The broker works from shortlists. With n brokered needs
 * and c the smallest capacity of a firm in the field, each need's shortlist is its k = ⌈n / c⌉
 * best eligible firms by know-how (ties: the smaller id), the rule of
 * {@link MatchingProblem.Builder#shortlist(int)}; the greedy rule of {@link Matchers#greedy()}
 * then runs on the shortlists in the replication's own arrays (no problem, graph or result
 * objects, no hashing of ids). The result is exactly that of the round over every firm in the
 * field. Greedy takes each need's pairs best first and passes a firm only when it is full; a
 * need's k best firms can take at least k × c ≥ n needs and only the n − 1 other needs can fill
 * them, so one of them always has room when the need's turn comes: no need ever goes beyond its
 * shortlist, and the pairs left out are pairs greedy would never take. {@code MatchingRoundsTest}
 * checks, replication by replication and to the last bit, that this equals the library's greedy
 * matcher on a problem of every firm in the field, and on a problem of the shortlisted firms
 * with {@code shortlist(k)}. A round's cost grows with needs × k, not with needs × firms.
 *
 * <p><b>A rolling desk.</b> With {@link #ROUNDS_PER_YEAR} R above 1 (default 1: the annual
 * round above), the year's brokering is what {@link RollingMatcher} with {@link Matchers#greedy()}
 * does over a {@link TimedQueue}: the desk's year has R periods of c = ⌊365 / R⌋ days (364 days for
 * weekly rounds, R = 52; 360 for monthly ones, R = 12), and a round closes each period, on days
 * c − 1, 2c − 1, …, Rc − 1. Each brokered need arrives on a day drawn uniformly from 0 to Rc − 1
 * (from the replication's stream, in the order the needs were raised, after the needs), and its
 * deadline is arrival + {@link #PATIENCE_DAYS}. At each round, contracts that end on or before the
 * day release their firm, needs whose deadline is before the day expire, and the needs that have
 * arrived and wait are matched by the greedy rule, by the firm's know-how, with every active
 * contract counted against its firm's capacity; a need committed on day d holds its firm for
 * {@link #CONTRACT_DAYS} days, up to day d + contract − 1. Commitments are kept; the deals are
 * then drawn for them, in need id order, as in the annual round. Needs still waiting after the
 * last round lapse with the year (they are not carried: next year's needs are drawn afresh).
 * Contracts that run past the year's end keep holding their firm into the next year: they are
 * carried in the replication's {@link ClusterState}, with their end counted from the next desk
 * year's day 0. Know-how and rungs do not change within the year (deals come after the rounds,
 * the ladder after the mechanism), so the rules and scores are the same in every round.
 *
 * <p>The desk runs in the replication's arrays, without a problem per round: since a pair's
 * score is its firm's know-how, greedy — pairs by score, ties by need id, then firm id — gives
 * exactly what each waiting need, in id order, taking its best eligible firm with room gives
 * (a firm's pairs come in need id order, so when greedy reaches need i at firm f, the needs that
 * f already holds are those before i), and the firms are ranked once a year.
 * {@code RollingDeskTest} checks, replication by replication and to the last bit, that this
 * equals {@link RollingMatcher} itself on the year's {@link TimedQueue}, whose calendar starts the
 * day before day 0 so that its rounds fall on the same days; the carried contracts enter it as
 * needs of that first day that only their firm may take, for the days they have left. The
 * desk's figures are the metrics {@link ClusterDynamics#DESK_METRICS}: expired needs (count and
 * share of the brokered), lapsed needs, and the mean days from arrival to commitment.
 */
public final class MatchingRounds implements Mechanism<ClusterState> {

  /** The mechanism's name. */
  public static final String NAME = "matching";

  /**
   * Needs a device maker raises per year at normal demand. Default 17 (Fukushima's assumption: 40
   * needs a year, 85 % from its two device makers).
   */
  public static final Parameter<Double> NEEDS_PER_MAKER = Parameter.real("needs-per-maker", 17.0, 0, 1_000_000);

  /**
   * Co-development needs a hospital or university raises per year at normal demand. Default 1.2
   * (Fukushima's assumption: 15 % of 40 needs from its five hospitals and universities).
   */
  public static final Parameter<Double> NEEDS_PER_PARTNER = Parameter.real("needs-per-partner", 1.2, 0, 1_000_000);

  /**
   * Needs a care organization raises per year while municipal health-longevity projects run at
   * full intensity. Default 2 (assumption: a project a year per centre, each with a couple of
   * product ideas; the seed names these projects as a third way without figures).
   */
  public static final Parameter<Double> NEEDS_PER_CARE_ORGANIZATION =
      Parameter.real("needs-per-care-organization", 2.0, 0, 1_000_000);

  /** Relative weight of parts-supply needs among a maker's. Default 0.45 (assumption: most needs are parts). */
  public static final Parameter<Double> WEIGHT_PARTS = Parameter.real("need-weight-parts", 0.45, 0, 1000);

  /** Relative weight of OEM needs among a maker's. Default 0.3 (assumption). */
  public static final Parameter<Double> WEIGHT_OEM = Parameter.real("need-weight-oem", 0.3, 0, 1000);

  /** Relative weight of ODM needs among a maker's. Default 0.1 (assumption). */
  public static final Parameter<Double> WEIGHT_ODM = Parameter.real("need-weight-odm", 0.1, 0, 1000);

  /** Chance a need is for a class II device rather than class III. Default 0.7 (assumption). */
  public static final Parameter<Double> CLASS_II_SHARE = Parameter.probability("class-ii-share", 0.7);

  /** Brokering rate; see the class comment. Default 3 (assumption). */
  public static final Parameter<Double> BROKERING = Parameter.real("brokering", 3.0, 0, 1000);

  /** Chance a proposed match closes, at full know-how. Default 0.6 (assumption). */
  public static final Parameter<Double> DEAL_RATE = Parameter.probability("deal-rate", 0.6);

  /** Share of its gap a firm closes with each new tie. Default 0.15 (assumption). */
  public static final Parameter<Double> TIE_LEARNING = Parameter.probability("tie-learning", 0.15);

  /**
   * Matching rounds a year, 1 to 365. Default 1: one annual round with every brokered need, the
   * model as calibrated. More than 1 runs the year as a rolling desk (see the class comment):
   * rounds every ⌊365 / rounds⌋ days, 52 for weekly rounds, 12 for monthly ones.
   */
  public static final Parameter<Integer> ROUNDS_PER_YEAR = Parameter.integer("desk-rounds-per-year", 1, 1, 365);

  /**
   * Days a need waits at the rolling desk after its arrival: its deadline is arrival + patience,
   * the last day a round may commit it. Default 90 (assumption: a quarter). Unused with one round
   * a year.
   */
  public static final Parameter<Integer> PATIENCE_DAYS = Parameter.integer("desk-patience-days", 90, 0, 3650);

  /**
   * Days a contract committed at the rolling desk holds its firm's capacity. Default
   * {@value RollingMatcher#DEFAULT_CONTRACT_DAYS} ({@link RollingMatcher#DEFAULT_CONTRACT_DAYS}).
   * Unused with one round a year.
   */
  public static final Parameter<Integer> CONTRACT_DAYS = Parameter.integer("desk-contract-days",
      RollingMatcher.DEFAULT_CONTRACT_DAYS, 1, 3650);

  /** The rolling desk's parameters. */
  public static final ImmutableList<Parameter<?>> DESK_PARAMETERS = ImmutableList.of(ROUNDS_PER_YEAR, PATIENCE_DAYS,
      CONTRACT_DAYS);

  /** This mechanism's coefficients, the rolling desk's last. */
  public static final ImmutableList<Parameter<?>> PARAMETERS = ImmutableList.of(NEEDS_PER_MAKER, NEEDS_PER_PARTNER,
      NEEDS_PER_CARE_ORGANIZATION, WEIGHT_PARTS, WEIGHT_OEM, WEIGHT_ODM, CLASS_II_SHARE, BROKERING, DEAL_RATE,
      TIE_LEARNING, ROUNDS_PER_YEAR, PATIENCE_DAYS, CONTRACT_DAYS);

  /** Days of the year over which the rolling desk spreads its rounds. */
  static final int YEAR_DAYS = 365;

  private static final NeedKind[] KINDS = {NeedKind.PARTS_SUPPLY, NeedKind.OEM, NeedKind.ODM};

  /**
   * How a round is computed; every way gives the same result (see the class comment). With a
   * rolling desk, {@link #SHORTLISTS} is the desk in the replication's arrays and the two others
   * are {@link RollingMatcher} over every firm in the field.
   */
  enum Round {
    /** The greedy rule on the shortlists, in the replication's arrays: the default. */
    SHORTLISTS,
    /** The library's greedy matcher on a problem of the shortlisted firms, with the problem's shortlist. */
    LIBRARY_SHORTLISTS,
    /** The library's greedy matcher on a problem of every firm in the field: the definition. */
    LIBRARY_EVERY_FIRM
  }

  /** Sees each rolling year's commitments, for tests that compare ways of computing the desk. */
  interface DeskObserver {
    /**
     * Called after a rolling year's rounds, before the deals.
     *
     * @param year the year
     * @param scratch the replication's arrays: needs, arrivals, assignments, commitment days, expiries
     */
    void rolled(int year, Scratch scratch);
  }

  private final Matcher matcher = Matchers.greedy();
  private final Round round;
  private final DeskObserver observer;

  /**
   * Creates the mechanism; it keeps no state of its own (a replication's working arrays live in
   * its {@link ClusterState}), so one instance serves every replication.
   */
  public MatchingRounds() {
    this(Round.SHORTLISTS);
  }

  /** A mechanism whose rounds are computed one way; tests compare the ways. */
  MatchingRounds(Round round) {
    this(round, null);
  }

  /** A mechanism whose rounds are computed one way and whose rolling years are observed; for tests. */
  MatchingRounds(Round round, DeskObserver observer) {
    this.round = round;
    this.observer = observer;
  }

  @Override
  public void step(ClusterState s, StepContext ctx) {
    RandomGenerator random = ctx.random();
    ClusterWorld world = s.world;
    Scratch scratch = s.rounds == null ? s.rounds = new Scratch(s) : s.rounds;
    int year = ctx.year();
    double[] weights = {ctx.parameter(WEIGHT_PARTS), ctx.parameter(WEIGHT_OEM), ctx.parameter(WEIGHT_ODM)};
    double total = weights[0] + weights[1] + weights[2];
    double care = ctx.parameter(Policies.CARE_SHARE);
    int careOrganizations = care > 0 ? world.careOrganizations().size() : 0;
    s.careActive = careOrganizations > 0;
    int fromMakers = total > 0 && world.makers.length > 0
        ? Draw.poisson(random, ctx.parameter(NEEDS_PER_MAKER) * world.makers.length * s.demand) : 0;
    int fromPartners = world.partners.length > 0
        ? Draw.poisson(random, ctx.parameter(NEEDS_PER_PARTNER) * world.partners.length * s.demand) : 0;
    int fromCare = careOrganizations > 0
        ? Draw.poisson(random, ctx.parameter(NEEDS_PER_CARE_ORGANIZATION) * careOrganizations * s.supportIntensity)
        : 0;
    int raised = fromMakers + fromPartners + fromCare;
    double know = s.knowHow(s.lead);
    double development = ctx.parameter(Policies.DEVELOPMENT_SHARE);
    double rate = ctx.parameter(BROKERING) * s.supportIntensity * (0.2 + 0.8 * know);
    double brokeredVertical = Draw.chance(rate * (1 - development) * (1 - care));
    double brokeredHorizontal = Draw.chance(rate * development * (1 - care));
    double brokeredCare = Draw.chance(rate * care);
    double classII = ctx.parameter(CLASS_II_SHARE);
    scratch.clearNeeds();
    for (int i = 0; i < raised; i++) {
      NeedKind kind;
      int requester;
      DeviceClass deviceClass;
      double brokered;
      if (i < fromMakers) {
        double u = random.nextDouble() * total;
        int k = 0;
        while (k < 2 && u >= weights[k]) {
          u -= weights[k];
          k++;
        }
        kind = KINDS[k];
        requester = world.makers[random.nextInt(world.makers.length)];
        deviceClass = random.nextDouble() < classII ? DeviceClass.II : DeviceClass.III;
        brokered = kind == NeedKind.ODM ? brokeredHorizontal : brokeredVertical;
      } else if (i < fromMakers + fromPartners) {
        kind = NeedKind.CO_DEVELOPMENT;
        requester = world.partners[random.nextInt(world.partners.length)];
        deviceClass = random.nextDouble() < classII ? DeviceClass.II : DeviceClass.III;
        brokered = brokeredHorizontal;
      } else {
        kind = NeedKind.CO_DEVELOPMENT;
        requester = world.requesters().size() + random.nextInt(careOrganizations);
        deviceClass = random.nextDouble() < classII ? DeviceClass.II : DeviceClass.I;
        brokered = brokeredCare;
      }
      int capability = kind == NeedKind.PARTS_SUPPLY || kind == NeedKind.OEM
          ? random.nextInt(ClusterWorld.MANUFACTURING.size()) : -1;
      if (random.nextDouble() < brokered) {
        scratch.addNeed(requester, kind, deviceClass, capability, i);
      }
    }
    s.needsRaised = raised;
    s.needsBrokered = scratch.needs;
    s.needsMatched = 0;
    s.needsExpired = 0;
    s.needsLapsed = 0;
    s.meanWaitingDays = 0;
    int perYear = ctx.parameter(ROUNDS_PER_YEAR);
    if (perYear > 1) {
      rollingYear(s, scratch, ctx, year, perYear, know);
      return;
    }
    if (scratch.needs == 0) {
      return;
    }
    if (scratch.collectFirmsInField() == 0) {
      scratch.orderNeedsById(); // none is assigned; a nationwide run offers them elsewhere in id order
      return;
    }
    int n = scratch.needs;
    // needs are matched, and deals drawn, in the order of their ids "need-<year>-<i>"
    scratch.orderNeedsById();
    // k firms can take k × c >= n needs (see the class comment)
    int c = scratch.smallestCapacity;
    int k = Math.min(n, (n - 1) / c + 1);
    switch (round) {
      case SHORTLISTS -> {
        scratch.shortlist(k);
        scratch.greedy();
      }
      case LIBRARY_SHORTLISTS -> {
        scratch.shortlist(k);
        libraryRound(scratch, year, k);
      }
      case LIBRARY_EVERY_FIRM -> {
        scratch.everyFirm();
        libraryRound(scratch, year, 0);
      }
      default -> throw new AssertionError(round);
    }
    deals(s, scratch, ctx, year, know);
  }

  /** Deals: each proposed match, in need id order, becomes a tie with the deal rate's chance. */
  private static void deals(ClusterState s, Scratch scratch, StepContext ctx, int year, double know) {
    RandomGenerator random = ctx.random();
    double deal = ctx.parameter(DEAL_RATE) * (0.5 + 0.5 * know);
    double learning = ctx.parameter(TIE_LEARNING);
    for (int x = 0; x < scratch.needs; x++) {
      int i = scratch.byId[x];
      int firm = scratch.assigned[i];
      if (firm >= 0 && random.nextDouble() < deal) {
        s.addTie(firm, scratch.requester[i], scratch.kind[i].relationshipType(), year);
        s.firmKnowHow[firm] += learning * (1 - s.firmKnowHow[firm]);
        s.needsMatched++;
      }
    }
  }

  /**
   * The year as a rolling desk (see the class comment): arrival days drawn in the order the
   * needs were raised, the rounds, the desk's figures, the contracts carried into next year, then
   * the deals as in the annual round.
   */
  private void rollingYear(ClusterState s, Scratch scratch, StepContext ctx, int year, int perYear, double know) {
    int cadence = YEAR_DAYS / perYear;
    int days = perYear * cadence;
    int patience = ctx.parameter(PATIENCE_DAYS);
    int contract = ctx.parameter(CONTRACT_DAYS);
    RandomGenerator random = ctx.random();
    for (int i = 0; i < scratch.needs; i++) {
      scratch.arrival[i] = random.nextInt(days);
    }
    scratch.collectFirmsInField();
    scratch.orderNeedsById();
    if (round == Round.SHORTLISTS) {
      scratch.rollingDesk(perYear, cadence, patience, contract);
    } else {
      scratch.everyFirm();
      libraryDesk(scratch, year, perYear, cadence, patience, contract);
    }
    int expired = 0;
    int lapsed = 0;
    int committed = 0;
    long waited = 0;
    for (int i = 0; i < scratch.needs; i++) {
      if (scratch.assigned[i] >= 0) {
        committed++;
        waited += scratch.committedOn[i] - scratch.arrival[i];
      } else if (scratch.expired[i]) {
        expired++;
      } else {
        lapsed++;
      }
    }
    s.needsExpired = expired;
    s.needsLapsed = lapsed;
    s.meanWaitingDays = committed == 0 ? 0 : (double) waited / committed;
    if (observer != null) {
      observer.rolled(year, scratch);
    }
    if (scratch.needs > 0) {
      deals(s, scratch, ctx, year, know);
    }
  }

  /**
   * The rolling year run by the library: {@link RollingMatcher} with {@link Matchers#greedy()}
   * on a {@link TimedQueue} of the brokered needs over every firm in the field. Day {@code d} of
   * the desk is {@code April 1 of the year + d}; the calendar starts the day before day 0, so
   * that its rounds, every {@code cadence} days, fall on days {@code cadence − 1, 2 cadence − 1,
   * …}; on that first day each contract carried from last year is committed as a need of its
   * own ({@code carried-<n>}) that only its firm may take, for the days it has left. The
   * commitments go to the scratch's arrays and the contracts left at the year's end to the
   * state, as {@link Scratch#rollingDesk} leaves them.
   */
  private void libraryDesk(Scratch scratch, int year, int perYear, int cadence, int patience, int contract) {
    ClusterState s = scratch.s;
    ClusterWorld world = scratch.world;
    int days = perYear * cadence;
    LocalDate day0 = LocalDate.of(year, 4, 1);
    Map<NeedId, Integer> carriedFirm = new HashMap<>();
    List<Integer> outsideFirm = new ArrayList<>();
    List<Integer> outsideEnd = new ArrayList<>();
    List<Organization> suppliers = new ArrayList<>();
    for (int x = 0; x < scratch.suppliers; x++) {
      suppliers.add(world.firms().get(scratch.supplierFirm[x]));
    }
    List<Constraint> constraints = new ArrayList<>();
    for (Constraint c : scratch.constraints) {
      constraints.add(new ExceptCarried(c, carriedFirm));
    }
    constraints.add(new CarriedAtItsFirm(carriedFirm, world));
    MatchingProblem.Builder base = MatchingProblem.builder().world(world.cluster()).constraints(constraints)
        .scorer(scratch.scorer).regulation(JapanPmdAct.get()).year(year).parallel(false);
    suppliers.forEach(base::supplier);
    MatchingProblem baseProblem = base.build();
    TimedQueue.Builder queue = TimedQueue.builder(baseProblem, day0.minusDays(1), day0.plusDays(days - 1L));
    for (int j = 0; j < s.deskContracts; j++) {
      int f = s.deskFirm[j];
      if (s.stage[f] > 0 && world.firmCapacity[f] > 0) {
        NeedId id = NeedId.of("carried-" + j);
        carriedFirm.put(id, f);
        // a contract was committed for a need, so the world has a requester or a care organization
        Organization anyRequester = world.requesters().isEmpty() ? world.careOrganizations().get(0)
            : world.requesters().get(0);
        Need need = Need.builder(id, anyRequester.id(), NeedKind.PARTS_SUPPLY).build();
        queue.need(TimedNeed.of(need, day0.minusDays(1)).withContractDays(s.deskEnd[j] + 1));
      } else {
        outsideFirm.add(f);
        outsideEnd.add(s.deskEnd[j]);
      }
    }
    List<Need> needs = scratch.needsOfYear(year);
    for (int i = 0; i < scratch.needs; i++) {
      LocalDate arrival = day0.plusDays(scratch.arrival[i]);
      queue.need(TimedNeed.of(needs.get(i), arrival).withDeadline(arrival.plusDays(patience)));
    }
    RollingResult result = RollingMatcher.weekly(matcher).withCadenceDays(cadence).withContractDays(contract)
        .run(queue.build());
    Map<NeedId, Integer> index = new HashMap<>();
    for (int i = 0; i < scratch.needs; i++) {
      index.put(needs.get(i).id(), i);
      scratch.assigned[i] = -1;
      scratch.expired[i] = false;
    }
    s.deskContracts = 0;
    LocalDate nextYear = day0.plusDays(days);
    for (RollingResult.Commitment c : result.commitments()) {
      if (c.contractEnd().isAfter(nextYear)) {
        s.carryContract(world.firmIndex(c.supplier()).orElseThrow(),
            (int) ChronoUnit.DAYS.between(nextYear, c.contractEnd()));
      }
      Integer i = index.get(c.need());
      if (i != null) {
        scratch.assigned[i] = world.firmIndex(c.supplier()).orElseThrow();
        scratch.committedOn[i] = (int) ChronoUnit.DAYS.between(day0, c.date());
      }
    }
    for (int x = 0; x < outsideFirm.size(); x++) {
      if (outsideEnd.get(x) > days) {
        s.carryContract(outsideFirm.get(x), outsideEnd.get(x) - days);
      }
    }
    for (RollingResult.Unserved u : result.expired()) {
      scratch.expired[index.get(u.need())] = true;
    }
  }

  /**
   * The round run by the library: {@link Matchers#greedy()} on a {@link MatchingProblem} of the
   * brokered needs and the scratch's suppliers, with a shortlist of {@code k} if {@code k > 0};
   * the assignments go to {@code scratch.assigned}.
   */
  private void libraryRound(Scratch scratch, int year, int k) {
    ClusterWorld world = scratch.world;
    List<Need> needs = scratch.needsOfYear(year);
    MatchingProblem.Builder problem = MatchingProblem.builder().world(world.cluster()).needs(needs)
        .constraints(scratch.constraints).scorer(scratch.scorer).regulation(JapanPmdAct.get()).year(year)
        .parallel(false);
    if (k > 0) {
      problem.shortlist(k);
    }
    for (int x = 0; x < scratch.suppliers; x++) {
      problem.supplier(world.firms().get(scratch.supplierFirm[x]));
    }
    MatchResult result = matcher.match(problem.build());
    Arrays.fill(scratch.assigned, 0, scratch.needs, -1);
    int next = 0;
    for (Assignment a : result.assignments()) {
      // assignments come in need id order, a subsequence of byId
      while (!needs.get(scratch.byId[next]).id().equals(a.need())) {
        next++;
      }
      scratch.assigned[scratch.byId[next]] = world.firmIndex(a.supplier()).orElseThrow();
    }
  }

  /**
   * A replication's working arrays for the rounds, reused every year: the brokered needs' facts,
   * the firms in the field, the shortlists and the round's suppliers, and the round's constraints
   * and scorer (which read the replication's state). Owned by one {@link ClusterState}.
   */
  static final class Scratch {
    final ClusterState s;
    final ClusterWorld world;
    final List<Constraint> constraints;
    final Scorer scorer;

    // the brokered needs, in the order raised
    int needs;
    int[] requester = new int[64];
    NeedKind[] kind = new NeedKind[64];
    DeviceClass[] deviceClass = new DeviceClass[64];
    /** Index in {@link ClusterWorld#MANUFACTURING} of the capability a need requires, or -1. */
    int[] capability = new int[64];
    /** The need's number among the year's raised needs: its id is "need-<year>-<number>". */
    int[] raisedAs = new int[64];
    /** The firm a need is assigned to in the round, or -1. */
    int[] assigned = new int[64];
    /** The needs in id order. */
    int[] byId = new int[64];
    /** Rolling desk: the day of the desk's year a need arrives, 0 to the year's days − 1. */
    int[] arrival = new int[64];
    /** Rolling desk: the day of the round that committed the need (valid if it is assigned). */
    int[] committedOn = new int[64];
    /** Rolling desk: whether the need's deadline passed unserved. */
    boolean[] expired = new boolean[64];
    /** Each need's shortlist, best first: need i's firms are {@code shortFirm[i × k ..]}, {@code shortCount[i]} of them. */
    private int[] shortFirm = new int[256];
    private int[] shortCount = new int[64];
    /** The round's pairs (need i, its t-th firm) as {@code i × k + t}, and a buffer to sort them. */
    private int[] pairs = new int[256];
    private int[] pairBuffer = new int[256];
    /** The position of each need in id order. */
    private int[] idRank = new int[64];
    /** Capacity left per firm in the round; valid for firms stamped in this round. */
    private final int[] left;
    /** Rolling desk: contracts holding each firm's capacity. */
    private final int[] held;
    /** Rolling desk: the active contracts, firm and the day each ends (the day it releases the firm). */
    private int[] activeFirm = new int[64];
    private int[] activeEnd = new int[64];
    private int active;

    // the firms in the field with capacity, ascending (id order), and their smallest capacity
    private final int[] firmsInField;
    private int inField;
    int smallestCapacity;

    /** The round's suppliers, ascending (id order): the problem's supplier j is firm supplierFirm[j]. */
    final int[] supplierFirm;
    int suppliers;
    /** The shortlist size of the round. */
    int k;

    /** The problem whose suppliers were last checked to be this round's firms, and its admitted sets. */
    private MatchContext checkedContext;
    private final BitSet[] admitted = new BitSet[NeedKind.values().length * DeviceClass.values().length];

    /** The firms in the field, best first (see {@link #rankFirmsInField}), and the merge sort's buffer. */
    private int[] ranked;
    private int[] mergeBuffer;
    private final int[] stamp;
    private int round;

    Scratch(ClusterState s) {
      this.s = s;
      this.world = s.world;
      this.constraints = List.of(Constraints.notRequester(), Constraints.capabilitiesCovered(),
          new StageRegistration(this));
      this.scorer = MatchingRounds.scorer(s);
      int firms = world.firms().size();
      firmsInField = new int[firms];
      supplierFirm = new int[firms];
      ranked = new int[firms];
      mergeBuffer = new int[firms];
      stamp = new int[firms];
      left = new int[firms];
      held = new int[firms];
    }

    /** The brokered needs as the library's needs, in the order raised, ids {@code need-<year>-<number>}. */
    List<Need> needsOfYear(int year) {
      List<Need> list = new ArrayList<>(needs);
      for (int i = 0; i < needs; i++) {
        int r = requester[i];
        Organization from = r < world.requesters().size() ? world.requesters().get(r)
            : world.careOrganizations().get(r - world.requesters().size());
        Need.Builder need = Need.builder(NeedId.of("need-" + year + "-" + raisedAs[i]), from.id(), kind[i])
            .deviceClass(deviceClass[i]);
        if (capability[i] >= 0) {
          need.requiredCapabilities(ClusterWorld.MANUFACTURING.get(capability[i]));
        }
        list.add(need.build());
      }
      return list;
    }

    /**
     * The rolling desk on the replication's arrays: {@code perYear} rounds on days
     * {@code cadence − 1, 2 cadence − 1, …}; at each, contracts ending on or before the day
     * release their firm, needs whose deadline (arrival + patience) is before the day expire, and
     * the waiting needs that have arrived are matched by the greedy rule with the active
     * contracts counted against capacity. With scores that depend on the firm only, greedy is
     * each need in id order taking its best eligible firm with room (see the class comment), so
     * each waiting need scans the firms ranked once a year. The contracts carried from last year
     * ({@link ClusterState#deskFirm}) hold their firms from the start; those that run past the
     * year's end are carried into the next, their end counted from its day 0.
     */
    void rollingDesk(int perYear, int cadence, int patience, int contract) {
      int days = perYear * cadence;
      Arrays.fill(held, 0);
      if (activeFirm.length < s.deskContracts) {
        activeFirm = new int[s.deskContracts * 2];
        activeEnd = new int[s.deskContracts * 2];
      }
      active = 0;
      for (int j = 0; j < s.deskContracts; j++) {
        addActive(s.deskFirm[j], s.deskEnd[j]);
      }
      for (int i = 0; i < needs; i++) {
        assigned[i] = -1;
        expired[i] = false;
      }
      rankFirmsInField();
      int[] capacityOf = world.firmCapacity;
      for (int m = 1; m <= perYear; m++) {
        int day = m * cadence - 1;
        int kept = 0;
        for (int a = 0; a < active; a++) {
          if (activeEnd[a] <= day) {
            held[activeFirm[a]]--;
          } else {
            activeFirm[kept] = activeFirm[a];
            activeEnd[kept] = activeEnd[a];
            kept++;
          }
        }
        active = kept;
        for (int x = 0; x < needs; x++) {
          int i = byId[x];
          if (assigned[i] >= 0 || expired[i] || arrival[i] > day) {
            continue;
          }
          if (arrival[i] + patience < day) {
            expired[i] = true;
            continue;
          }
          for (int y = 0; y < inField; y++) {
            int f = ranked[y];
            if (held[f] < capacityOf[f] && eligible(i, f)) {
              assigned[i] = f;
              committedOn[i] = day;
              addActive(f, day + contract);
              break;
            }
          }
        }
      }
      s.deskContracts = 0;
      for (int a = 0; a < active; a++) {
        if (activeEnd[a] > days) {
          s.carryContract(activeFirm[a], activeEnd[a] - days);
        }
      }
    }

    private void addActive(int firm, int end) {
      if (active == activeFirm.length) {
        activeFirm = Arrays.copyOf(activeFirm, active * 2);
        activeEnd = Arrays.copyOf(activeEnd, active * 2);
      }
      activeFirm[active] = firm;
      activeEnd[active] = end;
      active++;
      held[firm]++;
    }

    void clearNeeds() {
      needs = 0;
    }

    void addNeed(int requesterIndex, NeedKind needKind, DeviceClass needClass, int capabilityIndex, int number) {
      if (needs == requester.length) {
        int m = needs * 2;
        requester = Arrays.copyOf(requester, m);
        kind = Arrays.copyOf(kind, m);
        deviceClass = Arrays.copyOf(deviceClass, m);
        capability = Arrays.copyOf(capability, m);
        raisedAs = Arrays.copyOf(raisedAs, m);
        assigned = Arrays.copyOf(assigned, m);
        byId = Arrays.copyOf(byId, m);
        shortCount = Arrays.copyOf(shortCount, m);
        idRank = Arrays.copyOf(idRank, m);
        arrival = Arrays.copyOf(arrival, m);
        committedOn = Arrays.copyOf(committedOn, m);
        expired = Arrays.copyOf(expired, m);
      }
      requester[needs] = requesterIndex;
      kind[needs] = needKind;
      deviceClass[needs] = needClass;
      capability[needs] = capabilityIndex;
      raisedAs[needs] = number;
      assigned[needs] = -1;
      needs++;
    }

    /**
     * Puts the needs in the order of their ids into {@link #byId}: the ids share the prefix
     * "need-<year>-", so the order is that of the numbers' decimal strings (10 before 2).
     */
    void orderNeedsById() {
      for (int i = 0; i < needs; i++) {
        int x = i;
        while (x > 0 && compareDecimal(raisedAs[byId[x - 1]], raisedAs[i]) > 0) {
          byId[x] = byId[x - 1];
          x--;
        }
        byId[x] = i;
      }
      for (int x = 0; x < needs; x++) {
        idRank[byId[x]] = x;
      }
    }

    /** Compares two non-negative numbers as their decimal strings compare. */
    static int compareDecimal(int a, int b) {
      int da = digits(a);
      int db = digits(b);
      if (da == db) {
        return Integer.compare(a, b);
      }
      // the shorter number, padded with zeros to the longer one's digits, compares as its string
      // does; equal after padding, the shorter string is a prefix of the longer and comes first
      long pa = da < db ? a * POWERS[db - da] : a;
      long pb = db < da ? b * POWERS[da - db] : b;
      int c = Long.compare(pa, pb);
      return c != 0 ? c : Integer.compare(da, db);
    }

    private static final long[] POWERS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L, 10_000_000_000L};

    private static int digits(int a) {
      int d = 1;
      while (a >= 10) {
        a /= 10;
        d++;
      }
      return d;
    }

    /**
     * The greedy rule of {@link Matchers#greedy()} on the shortlists: the pairs from the highest
     * score (the firm's know-how) down, ties to the need with the smaller id, then the firm with
     * the smaller id; a pair is taken when its need is free and its firm has room.
     */
    void greedy() {
      int p = 0;
      for (int i = 0; i < needs; i++) {
        assigned[i] = -1;
        for (int t = 0; t < shortCount[i]; t++) {
          int f = shortFirm[i * k + t];
          left[f] = world.firmCapacity[f];
          pairs[p++] = i * k + t;
        }
      }
      int[] sorted = mergeSort(pairs, pairBuffer, p, this::pairBefore);
      for (int x = 0; x < p; x++) {
        int i = sorted[x] / k;
        int f = shortFirm[sorted[x]];
        if (assigned[i] < 0 && left[f] > 0) {
          assigned[i] = f;
          left[f]--;
        }
      }
    }

    /** Whether pair a goes before pair b: higher score, then the need's id, then the firm's. */
    private boolean pairBefore(int a, int b) {
      int fa = shortFirm[a];
      int fb = shortFirm[b];
      int c = Double.compare(s.firmKnowHow[fb], s.firmKnowHow[fa]);
      if (c != 0) {
        return c < 0;
      }
      int ra = idRank[a / k];
      int rb = idRank[b / k];
      return ra != rb ? ra < rb : fa < fb;
    }

    /** Collects the firms in the field with capacity and their smallest capacity; returns how many. */
    int collectFirmsInField() {
      int m = 0;
      int smallest = Integer.MAX_VALUE;
      for (int f = 0; f < s.stage.length; f++) {
        int c = world.firmCapacity[f];
        if (s.stage[f] > 0 && c > 0) {
          firmsInField[m++] = f;
          smallest = Math.min(smallest, c);
        }
      }
      inField = m;
      smallestCapacity = smallest;
      return m;
    }

    /** Every firm in the field is a supplier. */
    void everyFirm() {
      System.arraycopy(firmsInField, 0, supplierFirm, 0, inField);
      suppliers = inField;
      k = 0;
    }

    /** Whether firm f may take need i: the round's constraints, read from the world's tables. */
    private boolean eligible(int i, int f) {
      int c = capability[i];
      return (c < 0 || (world.manufacturing[f] >>> c & 1) != 0)
          && world.meetsDemand(f, s.stage[f], kind[i], deviceClass[i]);
    }

    /** Whether firm a ranks before firm b on a shortlist: more know-how, or as much and a smaller id. */
    private boolean before(int a, int b) {
      int c = Double.compare(s.firmKnowHow[b], s.firmKnowHow[a]);
      return c < 0 || c == 0 && a < b;
    }

    /** The suppliers are the union of every need's {@code size} best eligible firms. */
    void shortlist(int size) {
      k = size;
      round++;
      if (shortFirm.length < needs * size) {
        shortFirm = new int[needs * size * 2];
        pairs = new int[needs * size * 2];
        pairBuffer = new int[needs * size * 2];
      }
      rankFirmsInField();
      int u = 0;
      for (int i = 0; i < needs; i++) {
        int taken = 0;
        for (int x = 0; x < inField && taken < size; x++) {
          int f = ranked[x];
          if (eligible(i, f)) {
            shortFirm[i * size + taken] = f;
            taken++;
            if (stamp[f] != round) {
              stamp[f] = round;
              supplierFirm[u++] = f;
            }
          }
        }
        shortCount[i] = taken;
      }
      Arrays.sort(supplierFirm, 0, u);
      suppliers = u;
    }

    /** Sorts the firms in the field into {@link #ranked}: more know-how first, as much and the smaller id first. */
    private void rankFirmsInField() {
      System.arraycopy(firmsInField, 0, ranked, 0, inField);
      int[] sorted = mergeSort(ranked, mergeBuffer, inField, this::before);
      if (sorted != ranked) {
        mergeBuffer = ranked;
        ranked = sorted;
      }
    }

    /** A strict order of ints. */
    private interface IntOrder {
      boolean before(int a, int b);
    }

    /**
     * Sorts {@code a[0 .. n)} by an order, bottom-up merge sort, stable; returns the array that
     * holds the result ({@code a} or {@code buffer}).
     */
    private static int[] mergeSort(int[] a, int[] buffer, int n, IntOrder order) {
      int[] from = a;
      int[] to = buffer;
      for (int width = 1; width < n; width *= 2) {
        for (int lo = 0; lo < n; lo += 2 * width) {
          int mid = Math.min(lo + width, n);
          int hi = Math.min(lo + 2 * width, n);
          int p = lo;
          int q = mid;
          for (int x = lo; x < hi; x++) {
            // the right run's element goes first only if it comes strictly before
            to[x] = q < hi && (p >= mid || order.before(from[q], from[p])) ? from[q++] : from[p++];
          }
        }
        int[] t = from;
        from = to;
        to = t;
      }
      return from;
    }

    /**
     * The suppliers of this round's problem that hold what the PMD Act demands for a kind and
     * class, computed once per round and combination; {@code null} if the context is not this
     * round's problem (its suppliers are not this round's firms).
     */
    BitSet admitted(MatchContext context, NeedKind needKind, DeviceClass needClass) {
      if (context != checkedContext) {
        List<Organization> candidates = context.suppliers();
        boolean ours = candidates.size() == suppliers;
        for (int j = 0; ours && j < suppliers; j++) {
          ours = candidates.get(j) == world.firms().get(supplierFirm[j]);
        }
        if (!ours) {
          return null;
        }
        checkedContext = context;
        Arrays.fill(admitted, null);
      }
      int key = needKind.ordinal() * DeviceClass.values().length + needClass.ordinal();
      BitSet set = admitted[key];
      if (set == null) {
        set = new BitSet(suppliers);
        for (int j = 0; j < suppliers; j++) {
          int f = supplierFirm[j];
          if (world.meetsDemand(f, s.stage[f], needKind, needClass)) {
            set.set(j);
          }
        }
        admitted[key] = set;
      }
      return set;
    }

  }

  /**
   * The firm holds, at its current rung, the registrations and licences the PMD Act demands for
   * the need's role and class: {@link Licensing#demanded} met by {@link ClusterWorld#held}, read
   * from the world's table. Restricting a round's candidates finds each firm by its position.
   */
  static final class StageRegistration implements Constraint {
    private static final String NAME = "pmd-act-stage";
    private static final String REQUIREMENT = "holds, at its current rung, the registrations and licences the PMD Act"
        + " demands for the need's role and class";
    private final Scratch scratch;

    StageRegistration(Scratch scratch) {
      this.scratch = scratch;
    }

    @Override
    public String name() {
      return NAME;
    }

    private boolean admits(Need need, int firm) {
      return scratch.world.meetsDemand(firm, scratch.s.stage[firm], need.kind(),
          need.deviceClass().orElse(DeviceClass.IV));
    }

    @Override
    public Optional<Violation> check(Need need, Organization supplier, MatchContext context) {
      return admits(need, scratch.world.firmIndexOf(supplier)) ? Optional.empty()
          : Optional.of(new Violation(NAME, "is not one that " + REQUIREMENT));
    }

    @Override
    public void restrict(Need need, MatchContext context, BitSet candidates) {
      BitSet admitted = scratch.admitted(context, need.kind(), need.deviceClass().orElse(DeviceClass.IV));
      if (admitted != null) {
        candidates.and(admitted);
        return;
      }
      for (int j = candidates.nextSetBit(0); j >= 0; j = candidates.nextSetBit(j + 1)) {
        if (!admits(need, scratch.world.firmIndexOf(context.suppliers().get(j)))) {
          candidates.clear(j);
        }
      }
    }

    @Override
    public String requirement(Need need, MatchContext context) {
      return REQUIREMENT;
    }

    @Override
    public String toString() {
      return NAME;
    }
  }

  /** A rule of the rounds that does not apply to the needs standing for carried contracts. */
  private static final class ExceptCarried implements Constraint {
    private final Constraint rule;
    private final Map<NeedId, Integer> carried;

    ExceptCarried(Constraint rule, Map<NeedId, Integer> carried) {
      this.rule = rule;
      this.carried = carried;
    }

    @Override
    public String name() {
      return rule.name();
    }

    @Override
    public Optional<Violation> check(Need need, Organization supplier, MatchContext context) {
      return carried.containsKey(need.id()) ? Optional.empty() : rule.check(need, supplier, context);
    }

    @Override
    public void restrict(Need need, MatchContext context, BitSet candidates) {
      if (!carried.containsKey(need.id())) {
        rule.restrict(need, context, candidates);
      }
    }

    @Override
    public String requirement(Need need, MatchContext context) {
      return rule.requirement(need, context);
    }
  }

  /** A need standing for a carried contract may be taken only by the contract's firm. */
  private static final class CarriedAtItsFirm implements Constraint {
    private static final String NAME = "carried-contract";
    private final Map<NeedId, Integer> carried;
    private final ClusterWorld world;

    CarriedAtItsFirm(Map<NeedId, Integer> carried, ClusterWorld world) {
      this.carried = carried;
      this.world = world;
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public Optional<Violation> check(Need need, Organization supplier, MatchContext context) {
      Integer firm = carried.get(need.id());
      return firm == null || world.firmIndexOf(supplier) == firm ? Optional.empty()
          : Optional.of(new Violation(NAME, "is not the firm of the carried contract"));
    }

    @Override
    public String requirement(Need need, MatchContext context) {
      return "is the firm of the carried contract";
    }
  }

  private static Scorer scorer(ClusterState s) {
    ClusterWorld world = s.world;
    return Scorers.of("firm-know-how",
        (need, supplier, context) -> s.firmKnowHow[world.firmIndexOf(supplier)]);
  }
}
