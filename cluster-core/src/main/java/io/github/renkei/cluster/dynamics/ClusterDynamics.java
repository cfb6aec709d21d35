package io.github.renkei.cluster.dynamics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.github.renkei.cluster.model.AttributeKey;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.FundingLevel;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.ProgramId;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.model.RelationshipType;
import io.github.renkei.cluster.simulation.Mechanism;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Parameters;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Schedule;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The seed's cluster dynamics as a {@link Scenario} of the simulation engine: firms climbing the
 * entry ladder, support organizations whose staff rotate, budgets that start and stop, matching
 * rounds, the expo, ties turning horizontal, the nationwide council, and the seed's events.
 *
 * <pre>{@code
 * Scenario<ClusterState> fukushima = ClusterDynamics.fukushima();     // 2005–2030, yearly
 * ExperimentResult r = Experiment.of(fukushima)
 *     .grid(Grid.of(Policies.COUNCIL, false, true))
 *     .replications(200).seed(2005).run();
 * r.summary("fukushima", 1, ClusterDynamics.REGISTERED, "2030").mean();
 *
 * Scenario<ClusterState> noExpo = ClusterDynamics.fukushimaBuilder()
 *     .withoutMechanism(Expo.NAME)                 // every mechanism can be switched off
 *     .withoutEvent(ClusterDynamics.EARTHQUAKE)    // and every event removed or moved
 *     .build();
 * }</pre>
 *
 * <h2>Each year, in this order</h2>
 * events of the year; then {@value Shocks#MARKET} ({@link Shocks}), {@value FundingFlows#NAME}
 * ({@link FundingFlows}), {@value SupportStaff#NAME} ({@link SupportStaff}), {@value
 * NationwideCouncil#NAME} ({@link NationwideCouncil}), {@value Expo#NAME} ({@link Expo}), {@value
 * MatchingRounds#NAME} ({@link MatchingRounds}), {@value Horizontalization#NAME} ({@link
 * Horizontalization}), {@value EntryLadder#NAME} ({@link EntryLadder}) and {@value Accounts#NAME}
 * ({@link Accounts}); then the metrics.
 *
 * <h2>The Fukushima scenario</h2>
 * {@link #fukushima()}: the {@linkplain ClusterWorld#fukushima() Fukushima world} from 2005 to
 * 2030; the prefectural government leads until the promotion organization (fmdipo) is founded
 * in 2013; events: {@value #PMD_ACT_REVISION} 2005, {@value #FINANCIAL_CRISIS} 2008, {@value
 * #EARTHQUAKE} 2011, {@value #ORGANIZATION_FOUNDED} 2013 (fmdipo), {@value #CENTRE_OPENED} 2016
 * (fmddsc); national program terms from the world's national programs with a known first year
 * (a term without a stated last year is taken as {@value #DEFAULT_TERM} years, the usual length of
 * MEXT and METI cluster programs — an assumption), except construction grants, whose effect is
 * the centre's opening. All of this is {@link RegionProfile#fukushima()}, one profile among
 * others: {@code profile.scenario(profile.world(cluster))} runs any region.
 *
 * <h2>The initial state comes from the cluster</h2>
 * Each firm starts at its own {@linkplain Organization#entryStage() entry stage} with its own
 * licences (which count towards the next rung's PMD Act requirement), capabilities and capacity;
 * relationships active in the first year that join a firm and a requester or care organization
 * (parts supply, OEM, ODM, co-development, clinical needs) are the initial ties; support
 * organizations' staff know-how, stocked know-how and specialists come from the attributes
 * {@link #KNOW_HOW}, {@link #STOCKED_KNOW_HOW} and {@link #SPECIALISTS_EMPLOYED}, with the
 * documented defaults where absent. Nothing is drawn from Fukushima's counts unless asked:
 * {@link #INITIAL_PARTS} and its siblings (default 0) put firms listed at NONE on a rung, for a
 * file that lists only some of the region's firms, and synthetic firms come only from
 * {@link ClusterWorld#withSyntheticFirms} or a profile's {@link RegionProfile#syntheticFirms()}.
 *
 * <h2>Validation</h2>
 * Parameters are checked by the engine before any step (probabilities in [0, 1], periods ≥ 1,
 * …). The builder fails at once, naming the id, on an organization that is not one of the
 * region's support organizations, a program the world does not have, or a lead that does not
 * exist at the start; the initial state fails before the first step if the initial rungs ask for
 * more firms than the world lists at NONE, or an organization's attribute is out of range (naming
 * the organization and the attribute).
 */
public final class ClusterDynamics {

  /** Years a national program runs when its last year is not known. */
  public static final int DEFAULT_TERM = 5;

  /** Event: the 2005 revision opens OEM production ({@link Shocks#pmdActRevision()}). */
  public static final String PMD_ACT_REVISION = "pmd-act-revision";
  /** Event: the 2008 financial crisis ({@link Shocks#financialCrisis()}). */
  public static final String FINANCIAL_CRISIS = "financial-crisis";
  /** Event: the 2011 earthquake ({@link Shocks#earthquake()}). */
  public static final String EARTHQUAKE = "earthquake";
  /** Event: the promotion organization is founded ({@link Shocks#organizationFounded(int)}). */
  public static final String ORGANIZATION_FOUNDED = "promotion-organization-founded";
  /** Event: the development centre opens ({@link Shocks#centreOpened(int)}). */
  public static final String CENTRE_OPENED = "development-centre-opened";

  /** Every event a scenario of the cluster dynamics can schedule, in the order above. */
  public static final ImmutableList<String> EVENTS = ImmutableList.of(PMD_ACT_REVISION, FINANCIAL_CRISIS, EARTHQUAKE,
      ORGANIZATION_FOUNDED, CENTRE_OPENED);

  /**
   * Attribute of a firm or a support organization: its know-how of the medical-device field in
   * the first year, a number in [0, 1]. Absent: {@link #INITIAL_FIRM_KNOW_HOW} for a firm in the
   * field (a sixth of it outside), {@link #INITIAL_STAFF_KNOW_HOW} for a support organization's
   * staff.
   */
  public static final AttributeKey<Double> KNOW_HOW = AttributeKey.of("renkei.know-how", Double.class);
  /**
   * Attribute of a support organization: the know-how it keeps in documents and practice in the
   * first year, in [0, 1]. Absent: {@link #INITIAL_STOCK}.
   */
  public static final AttributeKey<Double> STOCKED_KNOW_HOW = AttributeKey.of("renkei.stocked-know-how", Double.class);
  /**
   * Attribute of a support organization: the specialists (薬事, 知財, clinical experience) it
   * employs in the first year, a whole number ≥ 0. Absent: none.
   */
  public static final AttributeKey<Integer> SPECIALISTS_EMPLOYED = AttributeKey.of("renkei.specialists", Integer.class);

  /** Metric: firms not in the medical field. */
  public static final String FIRMS_NONE = "firms-none";
  /** Metric: firms supplying parts. */
  public static final String FIRMS_PARTS_SUPPLY = "firms-parts-supply";
  /** Metric: firms doing OEM production. */
  public static final String FIRMS_OEM = "firms-oem";
  /** Metric: firms doing ODM production. */
  public static final String FIRMS_ODM = "firms-odm";
  /** Metric: firms with their own product. */
  public static final String FIRMS_OWN_PRODUCT = "firms-own-product";
  /** Metric: registered manufacturers ({@link ClusterState#registeredManufacturers()}). */
  public static final String REGISTERED = "registered-manufacturers";
  /** Metric: active vertical ties. */
  public static final String TIES_VERTICAL = "ties-vertical";
  /** Metric: active horizontal ties. */
  public static final String TIES_HORIZONTAL = "ties-horizontal";
  /** Metric: needs raised this year. */
  public static final String NEEDS_RAISED = "needs-raised";
  /** Metric: needs brought to a matching round this year. */
  public static final String NEEDS_BROKERED = "needs-brokered";
  /** Metric: needs matched into ties this year. */
  public static final String NEEDS_MATCHED = "needs-matched";
  /**
   * Metric of the rolling desk: brokered needs whose deadline passed before a round committed
   * them this year ({@link ClusterState#needsExpired()}). Registered with the other desk metrics
   * when the scenario's {@link MatchingRounds#ROUNDS_PER_YEAR} is above 1 or the builder asks
   * ({@link Builder#deskMetrics()}); 0 in a year of one annual round.
   */
  public static final String NEEDS_EXPIRED = "needs-expired";
  /**
   * Metric of the rolling desk: the share of this year's brokered needs that expired
   * ({@link ClusterState#expiredShare()}), 0 when none was brokered; see {@link #NEEDS_EXPIRED}.
   */
  public static final String NEEDS_EXPIRED_SHARE = "needs-expired-share";
  /**
   * Metric of the rolling desk: brokered needs still waiting after the year's last round, which
   * lapse with the year ({@link ClusterState#needsLapsed()}); see {@link #NEEDS_EXPIRED}.
   */
  public static final String NEEDS_LAPSED = "needs-lapsed";
  /**
   * Metric of the rolling desk: mean days from arrival to commitment over this year's commitments
   * ({@link ClusterState#meanWaitingDays()}), 0 when there was none; see {@link #NEEDS_EXPIRED}.
   */
  public static final String WAITING_DAYS = "needs-waiting-days";
  /** The rolling desk's metrics, in the order registered (after {@link #NEEDS_MATCHED}). */
  public static final ImmutableList<String> DESK_METRICS = ImmutableList.of(NEEDS_EXPIRED, NEEDS_EXPIRED_SHARE,
      NEEDS_LAPSED, WAITING_DAYS);
  /** Metric: the lead support organization's know-how. */
  public static final String KNOW_HOW_LEAD = "know-how-lead";
  /** Metric: the council members' mean know-how. */
  public static final String KNOW_HOW_COUNCIL = "know-how-council";
  /** Metric prefix: {@code know-how:<id>} for each of the region's support organizations. */
  public static final String KNOW_HOW_PREFIX = "know-how:";
  /** Metric: specialists employed in the region's support organizations. */
  public static final String SPECIALISTS = "specialists";
  /** Metric: national support funding, 億円 (reconstruction money included). */
  public static final String FUNDING_NATIONAL = "funding-national";
  /** Metric: prefectural support funding, 億円. */
  public static final String FUNDING_PREFECTURAL = "funding-prefectural";
  /** Metric: municipal support funding, 億円. */
  public static final String FUNDING_MUNICIPAL = "funding-municipal";
  /** Metric: density of the supply network ({@link ClusterState#networkDensity()}). */
  public static final String NETWORK_DENSITY = "network-density";
  /** Metric: medical-device production value, 億円. */
  public static final String PRODUCTION_VALUE = "production-value";
  /** Metric: parts shipments, 億円. */
  public static final String PARTS_SHIPMENTS = "parts-shipments";
  /** Metric: exhibitors at the expo. */
  public static final String EXHIBITORS = "exhibitors";
  /** Metric: cumulative development themes funded by reconstruction subsidies. */
  public static final String RD_THEMES = "rd-themes";

  /**
   * Firms listed at {@link EntryStage#NONE} that nonetheless start at parts supply, drawn at
   * random in each replication: for a cluster file that lists only some of the region's firms in
   * the field (the Fukushima sample lists ten of them). Default 0: every firm starts at its own
   * entry stage.
   */
  public static final Parameter<Integer> INITIAL_PARTS = Parameter.integer("initial-parts-suppliers", 0, 0, 10_000_000);
  /** Firms listed at NONE that start at OEM, drawn at random; see {@link #INITIAL_PARTS}. Default 0. */
  public static final Parameter<Integer> INITIAL_OEM = Parameter.integer("initial-oem", 0, 0, 10_000_000);
  /** Firms listed at NONE that start at ODM, drawn at random; see {@link #INITIAL_PARTS}. Default 0. */
  public static final Parameter<Integer> INITIAL_ODM = Parameter.integer("initial-odm", 0, 0, 10_000_000);
  /** Firms listed at NONE that start with their own product; see {@link #INITIAL_PARTS}. Default 0. */
  public static final Parameter<Integer> INITIAL_OWN_PRODUCT = Parameter.integer("initial-own-product", 0, 0,
      10_000_000);
  /**
   * Registered manufacturing sites outside the ladder (device makers' own plants). Default 0; a
   * scenario's default is the number of the region's organizations outside the ladder that hold a
   * manufacturing registration ({@link ClusterWorld#registeredPlantsOutsideLadder()}). Fukushima's
   * profile states 27, calibrated ({@link FukushimaCalibration}); with the 15 ladder firms
   * registered at the start that is 42 registrations in 2005, more than the 35 that the governor's
   * "doubled over the past ten years" (71 in FY2015; 日経 2016-08-23) would imply — the
   * calibration trades this for the 2011–2016 counts.
   */
  public static final Parameter<Integer> REGISTERED_OUTSIDE = Parameter.integer("registered-outside-ladder", 0, 0,
      10_000_000);
  /** Know-how of a firm in the field at the start (firms outside it: a sixth of this). Default 0.3. */
  public static final Parameter<Double> INITIAL_FIRM_KNOW_HOW = Parameter.probability("initial-firm-know-how", 0.3);
  /** Staff know-how of a support organization at the start. Default 0.3 (assumption). */
  public static final Parameter<Double> INITIAL_STAFF_KNOW_HOW = Parameter.probability("initial-staff-know-how", 0.3);
  /** Stocked know-how of a support organization at the start. Default 0.1 (assumption). */
  public static final Parameter<Double> INITIAL_STOCK = Parameter.probability("initial-stock", 0.1);

  /** The initial-state parameters. */
  public static final ImmutableList<Parameter<?>> INITIAL_PARAMETERS = ImmutableList.of(INITIAL_PARTS, INITIAL_OEM,
      INITIAL_ODM, INITIAL_OWN_PRODUCT, REGISTERED_OUTSIDE, INITIAL_FIRM_KNOW_HOW, INITIAL_STAFF_KNOW_HOW,
      INITIAL_STOCK);

  /**
   * Programs of the Fukushima world that pay for buildings, not for support activities: the
   * national grant for the development centre (134 億円, FY2013). Its effect on the dynamics is
   * the centre's opening ({@value #CENTRE_OPENED}), not a year of support money.
   */
  public static final ImmutableSet<ProgramId> CAPITAL_GRANTS = ImmutableSet.of(ProgramId.of("fmddsc-construction"));

  private ClusterDynamics() {}

  /**
   * Every parameter of the model: policies, initial state, and each mechanism's coefficients.
   *
   * @return the parameters, policies first
   */
  public static ImmutableList<Parameter<?>> parameters() {
    return ImmutableList.<Parameter<?>>builder().addAll(Policies.ALL).addAll(INITIAL_PARAMETERS)
        .addAll(Shocks.PARAMETERS).addAll(FundingFlows.PARAMETERS).addAll(SupportStaff.PARAMETERS)
        .addAll(NationwideCouncil.PARAMETERS).addAll(Expo.PARAMETERS).addAll(MatchingRounds.PARAMETERS)
        .addAll(Horizontalization.PARAMETERS).addAll(EntryLadder.PARAMETERS).addAll(Accounts.PARAMETERS).build();
  }

  /**
   * The Fukushima scenario with its defaults, 2005–2030.
   *
   * @return the scenario, named {@code fukushima}
   */
  public static Scenario<ClusterState> fukushima() {
    return fukushimaBuilder().build();
  }

  /**
   * A builder holding the Fukushima scenario, to change before building.
   *
   * @return the builder
   */
  public static Builder fukushimaBuilder() {
    return fukushimaBuilder(ClusterWorld.fukushima());
  }

  /**
   * A builder holding the Fukushima scenario on another Fukushima world (for example
   * {@link ClusterWorld#fukushima(int)} with 1,000 organizations).
   *
   * @param world a world holding the Fukushima sample's organizations
   * @return the builder
   * @throws IllegalArgumentException naming the id if the world lacks the prefecture, the
   *     promotion organization or the development centre
   */
  public static Builder fukushimaBuilder(ClusterWorld world) {
    return fukushimaBuilder(world, 2030);
  }

  /**
   * A builder holding the Fukushima scenario on a Fukushima world, from 2005 to another last
   * year.
   *
   * @param world a world holding the Fukushima sample's organizations
   * @param lastYear the last year, at least 2016 (the year of the last scheduled event)
   * @return the builder
   * @throws IllegalArgumentException naming the year if it is before 2016 or after 2200, or the
   *     id if the world lacks one of the sample's organizations the scenario names
   */
  public static Builder fukushimaBuilder(ClusterWorld world, int lastYear) {
    checkArgument(lastYear >= 2016 && lastYear <= 2200,
        "the Fukushima scenario's last year must be in 2016..2200 (its events run to 2016) but was %s", lastYear);
    RegionProfile profile = lastYear == RegionProfile.fukushima().lastYear() ? RegionProfile.fukushima()
        : RegionProfile.buildFukushima(lastYear);
    return profile.builder(world);
  }

  /**
   * A builder of a scenario on any world: no events and no national programs until added.
   *
   * @param world the world
   * @param firstYear the first year
   * @param lastYear the last year
   * @return the builder
   * @throws IllegalArgumentException if the years are out of order
   */
  public static Builder builder(ClusterWorld world, int firstYear, int lastYear) {
    return new Builder(checkNotNull(world, "world"), firstYear, lastYear);
  }

  /** Builds a scenario of the cluster dynamics. */
  public static final class Builder {

    private final ClusterWorld world;
    private final Schedule schedule;
    private final int firstYear;
    private String name = "cluster-dynamics";
    private OrganizationId lead;
    private final Map<String, Integer> shockYears = new LinkedHashMap<>();
    private final Map<String, OrganizationId> organizationEvents = new LinkedHashMap<>();
    private final Map<ProgramId, ProgramTerm> terms = new LinkedHashMap<>();
    private final Set<String> removedMechanisms = new LinkedHashSet<>();
    /** How matching rounds are computed; every way gives the same results (tests compare them). */
    private MatchingRounds.Round round = MatchingRounds.Round.SHORTLISTS;
    private MatchingRounds.DeskObserver deskObserver;
    private boolean deskMetrics;
    private final Map<Parameter<?>, Object> values = new LinkedHashMap<>();

    private Builder(ClusterWorld world, int firstYear, int lastYear) {
      this.world = world;
      this.schedule = Schedule.years(firstYear, lastYear);
      this.firstYear = firstYear;
      values.put(REGISTERED_OUTSIDE, world.registeredPlantsOutsideLadder());
    }

    /**
     * Sets a parameter's default in this scenario: how a region states its own value of a
     * coefficient ({@link RegionProfile#values()}). Experiments may still vary it.
     *
     * @param parameter one of {@link ClusterDynamics#parameters()}
     * @param value its value, admitted by its rule
     * @return this builder
     * @throws IllegalArgumentException naming the parameter and value if the parameter is not the
     *     model's or the value is not admitted
     */
    public Builder value(Parameter<?> parameter, Object value) {
      checkNotNull(parameter, "parameter");
      checkArgument(parameters().contains(parameter), "'%s' is not a parameter of the cluster dynamics",
          parameter.name());
      values.put(parameter, parameter.checkValue(value));
      return this;
    }

    /**
     * Names the scenario.
     *
     * @param scenarioName the name
     * @return this builder
     */
    public Builder name(String scenarioName) {
      this.name = checkNotNull(scenarioName, "name");
      return this;
    }

    /**
     * Sets the support organization that runs the matching rounds from the start.
     *
     * @param id one of the world's support organizations
     * @return this builder
     * @throws IllegalArgumentException naming the id if it is not one
     */
    public Builder lead(OrganizationId id) {
      world.requireSupport(id, "lead");
      this.lead = id;
      return this;
    }

    /**
     * Schedules (or moves) one of the shocks {@value ClusterDynamics#PMD_ACT_REVISION},
     * {@value ClusterDynamics#FINANCIAL_CRISIS}, {@value ClusterDynamics#EARTHQUAKE}.
     *
     * @param eventName the event
     * @param year its year, inside the schedule
     * @return this builder
     * @throws IllegalArgumentException naming the event or the year if either is unknown
     */
    public Builder event(String eventName, int year) {
      checkArgument(eventName.equals(PMD_ACT_REVISION) || eventName.equals(FINANCIAL_CRISIS)
              || eventName.equals(EARTHQUAKE),
          "unknown shock '%s'; known: %s, %s, %s (organizations: organizationFounded, centreOpened)", eventName,
          PMD_ACT_REVISION, FINANCIAL_CRISIS, EARTHQUAKE);
      checkYear(eventName, year);
      shockYears.put(eventName, year);
      return this;
    }

    private void checkYear(String what, int year) {
      checkArgument(schedule.indexOf(Integer.toString(year)).isPresent(), "%s: year %s is outside the schedule %s",
          what, year, schedule);
    }

    /**
     * Schedules (or moves) the founding of a support organization that then leads; it is
     * inactive before.
     *
     * @param id one of the world's support organizations
     * @param year the year, inside the schedule
     * @return this builder
     * @throws IllegalArgumentException naming the id or the year if either is unknown
     */
    public Builder organizationFounded(OrganizationId id, int year) {
      world.requireSupport(id, ORGANIZATION_FOUNDED);
      checkYear(ORGANIZATION_FOUNDED, year);
      shockYears.put(ORGANIZATION_FOUNDED, year);
      organizationEvents.put(ORGANIZATION_FOUNDED, id);
      return this;
    }

    /**
     * Schedules (or moves) the opening of the development centre; it is inactive before.
     *
     * @param id one of the world's support organizations
     * @param year the year, inside the schedule
     * @return this builder
     * @throws IllegalArgumentException naming the id or the year if either is unknown
     */
    public Builder centreOpened(OrganizationId id, int year) {
      world.requireSupport(id, CENTRE_OPENED);
      checkYear(CENTRE_OPENED, year);
      shockYears.put(CENTRE_OPENED, year);
      organizationEvents.put(CENTRE_OPENED, id);
      return this;
    }

    /**
     * Removes an event.
     *
     * @param eventName one of the scheduled events
     * @return this builder
     * @throws IllegalArgumentException naming it if it is not scheduled
     */
    public Builder withoutEvent(String eventName) {
      checkArgument(shockYears.remove(eventName) != null, "no event '%s' is scheduled; scheduled: %s", eventName,
          shockYears.keySet());
      organizationEvents.remove(eventName);
      return this;
    }

    /**
     * Adds (or replaces) a national program term.
     *
     * @param term the term
     * @return this builder
     */
    public Builder nationalProgram(ProgramTerm term) {
      terms.put(checkNotNull(term, "term").program(), term);
      return this;
    }

    /**
     * Ends a national program early: a funding cliff.
     *
     * @param program a program with a term
     * @param lastYear its new last year
     * @return this builder
     * @throws IllegalArgumentException naming the program if it has no term, or the year if it
     *     is before the program's first year
     */
    public Builder programEnds(ProgramId program, int lastYear) {
      ProgramTerm t = terms.get(checkNotNull(program, "program"));
      checkArgument(t != null, "no national program '%s' in the scenario; known: %s", program, terms.keySet());
      terms.put(program, t.endingIn(lastYear));
      return this;
    }

    /**
     * Removes every national program term.
     *
     * @return this builder
     */
    public Builder withoutNationalPrograms() {
      terms.clear();
      return this;
    }

    /**
     * Switches a mechanism off.
     *
     * @param mechanismName one of the mechanisms except {@value Accounts#NAME}
     * @return this builder
     * @throws IllegalArgumentException naming it if there is no such mechanism or it is the
     *     accounts the metrics read
     */
    public Builder withoutMechanism(String mechanismName) {
      checkArgument(MECHANISMS.contains(mechanismName) && !mechanismName.equals(Accounts.NAME),
          "cannot switch off mechanism '%s'; switchable: %s", mechanismName,
          MECHANISMS.subList(0, MECHANISMS.size() - 1));
      removedMechanisms.add(mechanismName);
      return this;
    }

    /**
     * Returns the national program terms so far.
     *
     * @return the terms
     */
    public ImmutableList<ProgramTerm> nationalPrograms() {
      return ImmutableList.copyOf(terms.values());
    }

    /**
     * Registers the rolling desk's metrics ({@link ClusterDynamics#DESK_METRICS}) even if the
     * scenario's own {@link MatchingRounds#ROUNDS_PER_YEAR} is 1: for an experiment whose grid
     * compares the annual round with a rolling desk. They are registered anyway when that value
     * is above 1 ({@link #value}, a region's profile).
     *
     * <pre>{@code
     * Scenario<ClusterState> s = ClusterDynamics.fukushimaBuilder().deskMetrics().build();
     * Experiment.of(s).grid(Grid.of(MatchingRounds.ROUNDS_PER_YEAR, 1, 52)) ...
     * }</pre>
     *
     * @return this builder
     */
    public Builder deskMetrics() {
      this.deskMetrics = true;
      return this;
    }

    /** Sets how matching rounds are computed; the results are the same. */
    Builder matchingRound(MatchingRounds.Round how) {
      this.round = checkNotNull(how, "how");
      return this;
    }

    /** Sets an observer of the rolling desk's years; for tests. */
    Builder deskObserver(MatchingRounds.DeskObserver observer) {
      this.deskObserver = checkNotNull(observer, "observer");
      return this;
    }

    /**
     * Builds the scenario.
     *
     * @return the scenario
     * @throws IllegalArgumentException if no lead is set, or the lead is founded by an event
     */
    public Scenario<ClusterState> build() {
      return scenario().build();
    }

    /**
     * Returns the engine's builder holding this scenario, to add metrics, panels or events of
     * one's own before building.
     *
     * @return the engine's builder
     * @throws IllegalArgumentException if no lead is set, or the lead is founded by an event
     */
    public Scenario.Builder<ClusterState> scenario() {
      checkArgument(lead != null, "no lead support organization; call lead(id)");
      checkArgument(!organizationEvents.containsValue(lead),
          "lead '%s' is founded by an event, so it does not exist at the start; lead with another organization",
          lead);
      int leadIndex = world.requireSupport(lead, "lead");
      Set<Integer> later = new LinkedHashSet<>();
      organizationEvents.values().forEach(id -> later.add(world.requireSupport(id, "event")));
      boolean oemPathClosed = shockYears.containsKey(PMD_ACT_REVISION);
      ClusterWorld w = world;
      int first = firstYear;
      Scenario.Builder<ClusterState> b = Scenario.builder(name, schedule,
          (Parameters p, RandomGenerator random) -> initial(w, first, p, random, leadIndex, later, !oemPathClosed));
      for (Parameter<?> p : parameters()) {
        b.parameter(values.containsKey(p) ? p.withDefault(values.get(p)) : p);
      }
      Map<String, Mechanism<ClusterState>> mechanisms = new LinkedHashMap<>();
      mechanisms.put(Shocks.MARKET, new Shocks());
      mechanisms.put(FundingFlows.NAME, new FundingFlows(ImmutableList.copyOf(terms.values())));
      mechanisms.put(SupportStaff.NAME, new SupportStaff());
      mechanisms.put(NationwideCouncil.NAME, new NationwideCouncil());
      mechanisms.put(Expo.NAME, new Expo());
      mechanisms.put(MatchingRounds.NAME, new MatchingRounds(round, deskObserver));
      mechanisms.put(Horizontalization.NAME, new Horizontalization());
      mechanisms.put(EntryLadder.NAME, new EntryLadder());
      mechanisms.put(Accounts.NAME, new Accounts());
      mechanisms.forEach((n, m) -> {
        if (!removedMechanisms.contains(n)) {
          b.mechanism(n, m);
        }
      });
      shockYears.forEach((event, year) -> b.event(event, Integer.toString(year), eventAction(event)));
      metrics(b);
      return b;
    }

    private Mechanism<ClusterState> eventAction(String event) {
      return switch (event) {
        case PMD_ACT_REVISION -> Shocks.pmdActRevision();
        case FINANCIAL_CRISIS -> Shocks.financialCrisis();
        case EARTHQUAKE -> Shocks.earthquake();
        case ORGANIZATION_FOUNDED -> Shocks.organizationFounded(
            world.requireSupport(organizationEvents.get(event), event));
        case CENTRE_OPENED -> Shocks.centreOpened(world.requireSupport(organizationEvents.get(event), event));
        default -> throw new AssertionError(event);
      };
    }

    private void metrics(Scenario.Builder<ClusterState> b) {
      b.metric(FIRMS_NONE, s -> s.firmsAt(EntryStage.NONE))
          .metric(FIRMS_PARTS_SUPPLY, s -> s.firmsAt(EntryStage.PARTS_SUPPLY))
          .metric(FIRMS_OEM, s -> s.firmsAt(EntryStage.OEM))
          .metric(FIRMS_ODM, s -> s.firmsAt(EntryStage.ODM))
          .metric(FIRMS_OWN_PRODUCT, s -> s.firmsAt(EntryStage.OWN_PRODUCT))
          .metric(REGISTERED, ClusterState::registeredManufacturers)
          .metric(TIES_VERTICAL, ClusterState::verticalTies)
          .metric(TIES_HORIZONTAL, ClusterState::horizontalTies)
          .metric(NEEDS_RAISED, ClusterState::needsRaised)
          .metric(NEEDS_BROKERED, ClusterState::needsBrokered)
          .metric(NEEDS_MATCHED, ClusterState::needsMatched);
      Object perYear = values.getOrDefault(MatchingRounds.ROUNDS_PER_YEAR,
          MatchingRounds.ROUNDS_PER_YEAR.defaultValue());
      if (deskMetrics || (Integer) perYear > 1) {
        b.metric(NEEDS_EXPIRED, ClusterState::needsExpired)
            .metric(NEEDS_EXPIRED_SHARE, ClusterState::expiredShare)
            .metric(NEEDS_LAPSED, ClusterState::needsLapsed)
            .metric(WAITING_DAYS, ClusterState::meanWaitingDays);
      }
      b.metric(KNOW_HOW_LEAD, ClusterState::leadKnowHow)
          .metric(KNOW_HOW_COUNCIL, ClusterState::councilKnowHow);
      List<Organization> support = world.supportOrganizations();
      for (int i = 0; i < support.size(); i++) {
        int index = i;
        b.metric(KNOW_HOW_PREFIX + support.get(i).id().value(), s -> s.knowHow(index));
      }
      b.metric(SPECIALISTS, ClusterState::specialists)
          .metric(FUNDING_NATIONAL, s -> s.funding(FundingLevel.NATIONAL))
          .metric(FUNDING_PREFECTURAL, s -> s.funding(FundingLevel.PREFECTURAL))
          .metric(FUNDING_MUNICIPAL, s -> s.funding(FundingLevel.MUNICIPAL))
          .metric(NETWORK_DENSITY, ClusterState::networkDensity)
          .metric(PRODUCTION_VALUE, ClusterState::productionValue)
          .metric(PARTS_SHIPMENTS, ClusterState::partsShipments)
          .metric(EXHIBITORS, ClusterState::exhibitors)
          .metric(RD_THEMES, ClusterState::rdThemes);
    }
  }

  /** The mechanisms in the order they run. */
  static final ImmutableList<String> MECHANISMS = ImmutableList.of(Shocks.MARKET, FundingFlows.NAME,
      SupportStaff.NAME, NationwideCouncil.NAME, Expo.NAME, MatchingRounds.NAME, Horizontalization.NAME,
      EntryLadder.NAME, Accounts.NAME);

  private static ClusterState initial(ClusterWorld world, int firstYear, Parameters p, RandomGenerator random,
      int lead, Set<Integer> foundedLater, boolean oemPathOpen) {
    int[] counts = {
      p.get(INITIAL_PARTS), p.get(INITIAL_OEM), p.get(INITIAL_ODM), p.get(INITIAL_OWN_PRODUCT)
    };
    return initial(world, firstYear, p, random, lead, foundedLater, oemPathOpen, counts, p.get(REGISTERED_OUTSIDE),
        p.get(Accounts.PRODUCTION_BASE));
  }

  /**
   * A region's first state, with the initial-rung top-ups, the registered plants outside the
   * ladder and the production base given rather than read from the parameters (a nationwide run
   * takes them from each prefecture's world).
   */
  static ClusterState initial(ClusterWorld world, int firstYear, Parameters p, RandomGenerator random,
      int lead, Set<Integer> foundedLater, boolean oemPathOpen, int[] counts, int registeredOutside,
      double baseOutput) {
    ClusterState s = new ClusterState(world);
    int firms = world.firms().size();
    double know = p.get(INITIAL_FIRM_KNOW_HOW);
    int[] outside = new int[firms];
    int none = 0;
    for (int f = 0; f < firms; f++) {
      Organization o = world.firms().get(f);
      s.stage[f] = (byte) o.entryStage().ordinal();
      if (s.stage[f] == 0) {
        outside[none++] = f;
      }
    }
    long topUp = (long) counts[0] + counts[1] + counts[2] + counts[3];
    if (topUp > none) {
      throw new IllegalArgumentException(String.format("initial rungs ask for %d more firms in the field (%s %d, %s %d,"
              + " %s %d, %s %d) but the world has %d firms at NONE to draw them from (of %d firms)", topUp,
          INITIAL_PARTS.name(), counts[0], INITIAL_OEM.name(), counts[1], INITIAL_ODM.name(), counts[2],
          INITIAL_OWN_PRODUCT.name(), counts[3], none, firms));
    }
    if (topUp > 0) {
      for (int i = none - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = outside[i];
        outside[i] = outside[j];
        outside[j] = t;
      }
      int next = 0;
      for (int rung = 1; rung <= 4; rung++) {
        for (int k = 0; k < counts[rung - 1]; k++) {
          s.stage[outside[next++]] = (byte) rung;
        }
      }
    }
    for (int f = 0; f < firms; f++) {
      Organization o = world.firms().get(f);
      double fallback = s.stage[f] > 0 ? know : know / 6;
      s.firmKnowHow[f] = fraction(o, KNOW_HOW, fallback);
    }
    for (Relationship r : world.cluster().relationships()) {
      if (r.isActiveIn(firstYear) && TIE_TYPES.contains(r.type())) {
        // a tie joins a firm and a partner, whichever way the file points it
        Optional<Integer> from = world.firmIndex(r.from());
        Optional<Integer> firm = from.isPresent() ? from : world.firmIndex(r.to());
        int partner = world.partnerIndex(from.isPresent() ? r.to() : r.from());
        if (firm.isPresent() && partner >= 0) {
          s.addTie(firm.get(), partner, r.type(), r.startYear());
        }
      }
    }
    double staff = p.get(INITIAL_STAFF_KNOW_HOW);
    double stock = p.get(INITIAL_STOCK);
    for (int i = 0; i < s.active.length; i++) {
      Organization o = world.supportOrganizations().get(i);
      s.staffKnowHow[i] = fraction(o, KNOW_HOW, staff);
      s.stockedKnowHow[i] = fraction(o, STOCKED_KNOW_HOW, stock);
      s.specialists[i] = count(o, SPECIALISTS_EMPLOYED);
      s.active[i] = !foundedLater.contains(i);
      s.activeSince[i] = firstYear;
    }
    s.lead = lead;
    s.specialistShare = p.get(SupportStaff.SPECIALIST_KNOW_HOW);
    double hubKnow = p.get(NationwideCouncil.HUB_KNOW_HOW);
    double memberKnow = p.get(NationwideCouncil.MEMBER_KNOW_HOW);
    for (int i = 0; i < s.councilKnowHow.length; i++) {
      s.councilKnowHow[i] = s.hub[i] ? hubKnow : memberKnow;
    }
    s.oemPathOpen = oemPathOpen;
    s.registeredOutsideLadder = registeredOutside;
    s.baseOutput = baseOutput;
    Accounts.count(s);
    return s;
  }

  /** Relationships that are ties of the dynamics when they join a firm and a requester or care organization. */
  private static final ImmutableSet<RelationshipType> TIE_TYPES = ImmutableSet.of(RelationshipType.PARTS_SUPPLY,
      RelationshipType.OEM, RelationshipType.ODM, RelationshipType.CO_DEVELOPMENT, RelationshipType.CLINICAL_NEEDS);

  /** An attribute in [0, 1], read from any number a file gave (a JSON 1 is an Integer). */
  private static double fraction(Organization o, AttributeKey<?> key, double fallback) {
    Object v = attribute(o, key);
    if (v == null) {
      return fallback;
    }
    double d = v instanceof Number n ? n.doubleValue() : Double.NaN;
    checkArgument(v instanceof Number && d >= 0 && d <= 1, "organization '%s': attribute %s must be a number in [0, 1]"
        + " but was %s", o.id(), key.name(), v);
    return d;
  }

  private static int count(Organization o, AttributeKey<?> key) {
    Object v = attribute(o, key);
    if (v == null) {
      return 0;
    }
    boolean whole = v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= 0
        && n.doubleValue() <= 1_000_000;
    checkArgument(whole, "organization '%s': attribute %s must be a whole number in 0..1000000 but was %s", o.id(),
        key.name(), v);
    return ((Number) v).intValue();
  }

  private static Object attribute(Organization o, AttributeKey<?> key) {
    for (Map.Entry<AttributeKey<?>, Object> e : o.attributes().asMap().entrySet()) {
      if (e.getKey().name().equals(key.name())) {
        return e.getValue();
      }
    }
    return null;
  }
}
