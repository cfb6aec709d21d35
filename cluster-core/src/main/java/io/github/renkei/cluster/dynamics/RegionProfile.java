package io.github.renkei.cluster.dynamics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.FundingLevel;
import io.github.renkei.cluster.model.FundingProgram;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.ProgramId;
import io.github.renkei.cluster.inference.AbcSmc;
import io.github.renkei.cluster.inference.Prior;
import io.github.renkei.cluster.internal.Suggestions;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.simulation.Calibration;
import io.github.renkei.cluster.simulation.CalibrationResult;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the cluster dynamics need to know about a region beyond its organizations: its years, the
 * organization that leads the matching rounds, its events, the terms of its national programs,
 * its own values of the model's coefficients (each labelled observed, estimated or assumed, with
 * its source), the parameters a calibration may fit, and how many synthetic firms, if any, stand
 * in for firms its cluster file does not list. Together with a {@link Cluster} it makes a
 * scenario of that region; Fukushima's is {@link #fukushima()}, one profile among others.
 *
 * <pre>{@code
 * RegionProfile profile = RegionProfile.builder("shizuoka", Prefecture.SHIZUOKA, lead, 2005, 2030)
 *     .event(ClusterDynamics.FINANCIAL_CRISIS, 2008)
 *     .value(Accounts.PRODUCTION_BASE, 3_700.0, Basis.OBSERVED, "薬事工業生産動態統計 2005")
 *     .free(Accounts.PRODUCTION_GROWTH, 0.0, 0.12)
 *     .build();
 * ClusterWorld world = profile.world(cluster);          // the cluster, as its file says
 * Scenario<ClusterState> scenario = profile.scenario(world);
 * }</pre>
 *
 * <p>A profile is checked twice: on its own when built (years in order and in 1900..2200,
 * parameters known and of the right type and range, bounds of free parameters inside the
 * parameter's rule) and against a world in {@link #check(ClusterWorld)} and {@link #scenario}
 * (the lead, the organizations its events name and the programs it names must be the world's).
 * Every message starts with the field it is about, as a JSON profile spells it ({@code lead},
 * {@code events[2].organization}, {@code values.production-base}), so a reader of a file can
 * prefix the file's name.
 *
 * <p>A coefficient the profile does not state takes the library's default, which is Fukushima's
 * calibrated or assumed value; {@link #unstatedRegional()} lists those of {@link #REGIONAL} so a
 * caller can say so (the command line does, on standard error). Two are taken from the cluster
 * when not stated: {@link ClusterDynamics#REGISTERED_OUTSIDE} is the number of the region's
 * organizations outside the ladder that hold a manufacturing registration, and the
 * initial-rung top-ups ({@link ClusterDynamics#INITIAL_PARTS} …) are 0.
 */
public final class RegionProfile {

  /** The coefficients that describe a region rather than how firms and organizations behave. */
  public static final ImmutableList<Parameter<?>> REGIONAL = ImmutableList.of(Accounts.PRODUCTION_BASE,
      Accounts.PRODUCTION_GROWTH, Accounts.SITING_ADDITION, Accounts.PARTS_VALUE, Accounts.PARTS_SHARE,
      MatchingRounds.NEEDS_PER_MAKER,
      MatchingRounds.NEEDS_PER_PARTNER, Expo.OUTSIDE_EXHIBITORS, FundingFlows.SUPPORT_BUDGET,
      FundingFlows.RECONSTRUCTION_BUDGET);

  /** What a stated value rests on. */
  public enum Basis {
    /** A source states it. */
    OBSERVED,
    /** A calibration fitted it to observed series. */
    ESTIMATED,
    /** Nobody measured it; a judgement, with its reason in the source text. */
    ASSUMED
  }

  /**
   * One of the region's events.
   *
   * @param name one of {@link ClusterDynamics#EVENTS}
   * @param year its year
   * @param organization the support organization founded or opened, for
   *     {@value ClusterDynamics#ORGANIZATION_FOUNDED} and {@value ClusterDynamics#CENTRE_OPENED};
   *     empty for the others
   */
  public record Event(String name, int year, Optional<OrganizationId> organization) {

    /**
     * Checks the event.
     *
     * @param name the event
     * @param year its year
     * @param organization the organization, for the two organization events only
     * @throws IllegalArgumentException naming the event if it is unknown, or if it needs an
     *     organization and has none or has one it does not take
     */
    public Event {
      checkNotNull(name, "name");
      checkNotNull(organization, "organization");
      checkArgument(ClusterDynamics.EVENTS.contains(name), "unknown event '%s'%s; known: %s", name,
          Suggestions.suggestion(name, ClusterDynamics.EVENTS), ClusterDynamics.EVENTS);
      boolean needs = name.equals(ClusterDynamics.ORGANIZATION_FOUNDED) || name.equals(ClusterDynamics.CENTRE_OPENED);
      checkArgument(needs == organization.isPresent(), needs ? "event '%s' needs the organization it concerns"
          : "event '%s' concerns no organization, but one was given", name);
    }
  }

  /**
   * A stated value of a coefficient.
   *
   * @param value the value, of the parameter's type
   * @param basis what it rests on
   * @param source where it comes from, or the reason for an assumption; may be empty
   */
  public record Value(Object value, Basis basis, String source) {

    /**
     * Checks the value.
     *
     * @param value the value
     * @param basis the basis
     * @param source the source
     */
    public Value {
      checkNotNull(value, "value");
      checkNotNull(basis, "basis");
      checkNotNull(source, "source");
    }
  }

  /**
   * A parameter a calibration may fit, with its bounds.
   *
   * @param parameter the parameter's name, a real or integer parameter of the model
   * @param lower the lower bound
   * @param upper the upper bound, above the lower
   */
  public record Free(String parameter, double lower, double upper) {

    /**
     * Checks the bounds.
     *
     * @param parameter the name
     * @param lower the lower bound
     * @param upper the upper bound
     * @throws IllegalArgumentException naming the parameter if the bounds are not finite or not
     *     in order
     */
    public Free {
      checkNotNull(parameter, "parameter");
      checkArgument(Double.isFinite(lower) && Double.isFinite(upper) && lower < upper,
          "free.%s: bounds must be finite with lower < upper but were [%s, %s]", parameter, lower, upper);
    }
  }

  private static final ImmutableMap<String, Parameter<?>> PARAMETERS = ClusterDynamics.parameters().stream()
      .collect(ImmutableMap.toImmutableMap(Parameter::name, p -> p));

  private final String name;
  private final Prefecture region;
  private final int firstYear;
  private final int lastYear;
  private final OrganizationId lead;
  private final int syntheticFirms;
  private final ImmutableList<Event> events;
  private final ImmutableList<ProgramTerm> programs;
  private final ImmutableMap<String, Value> values;
  private final ImmutableList<Free> free;

  private RegionProfile(Builder b) {
    this.name = b.name;
    this.region = b.region;
    this.firstYear = b.firstYear;
    this.lastYear = b.lastYear;
    this.lead = b.lead;
    this.syntheticFirms = b.syntheticFirms;
    this.events = ImmutableList.copyOf(b.events);
    this.programs = ImmutableList.copyOf(b.programs.values());
    this.values = ImmutableMap.copyOf(b.values);
    this.free = ImmutableList.copyOf(b.free.values());
  }

  /**
   * Starts a profile.
   *
   * @param name the profile's name, which names its scenario (lower case, digits, {@code -})
   * @param region the prefecture whose firms climb the ladder
   * @param lead the support organization that runs the matching rounds from the first year
   * @param firstYear the first simulated year, 1900..2200
   * @param lastYear the last simulated year, after the first and at most 2200
   * @return the builder
   * @throws IllegalArgumentException naming the year if the years are out of range or order
   */
  public static Builder builder(String name, Prefecture region, OrganizationId lead, int firstYear, int lastYear) {
    return new Builder(name, region, lead, firstYear, lastYear);
  }

  /**
   * Fukushima's profile: 2005–2030, led by the prefectural government, the seed's five events,
   * the national programs of the Fukushima sample with a known first year (a term without a
   * stated last year taken as {@value ClusterDynamics#DEFAULT_TERM} years; construction grants
   * excluded, their effect being the centre's opening), the calibrated coefficients of
   * {@link FukushimaCalibration} and the free parameters it fits. The sample lists ten of the
   * prefecture's firms; {@value ClusterWorld#DEFAULT_FIRMS} firms in all, the rest synthetic
   * (stated in the profile, {@link #syntheticFirms()}), and 60/12/2/1 firms at parts supply, OEM,
   * ODM and own product in 2005 with the sample's own firms counted (an assumption).
   *
   * @return the profile, the same every time
   */
  public static RegionProfile fukushima() {
    return FUKUSHIMA;
  }

  private static final RegionProfile FUKUSHIMA = buildFukushima(2030);

  static RegionProfile buildFukushima(int lastYear) {
    Cluster sample = FukushimaSample.cluster();
    Builder b = builder("fukushima", Prefecture.FUKUSHIMA, FukushimaSample.PREFECTURE, 2005, lastYear)
        .syntheticFirms(ClusterWorld.DEFAULT_FIRMS - ClusterWorld.countFirms(sample, Prefecture.FUKUSHIMA))
        .event(ClusterDynamics.PMD_ACT_REVISION, 2005)
        .event(ClusterDynamics.FINANCIAL_CRISIS, 2008)
        .event(ClusterDynamics.EARTHQUAKE, 2011)
        .event(ClusterDynamics.ORGANIZATION_FOUNDED, 2013, FukushimaSample.PROMOTION_ORGANIZATION)
        .event(ClusterDynamics.CENTRE_OPENED, 2016, FukushimaSample.DEVELOPMENT_CENTRE);
    for (FundingProgram p : sample.programs()) {
      if (p.level() == FundingLevel.NATIONAL && p.firstYear().isPresent()
          && !ClusterDynamics.CAPITAL_GRANTS.contains(p.id())) {
        int first = p.firstYear().getAsInt();
        ProgramTerm term = new ProgramTerm(p.id(), first, p.lastYear().orElse(first + ClusterDynamics.DEFAULT_TERM - 1));
        if (term.firstYear() <= lastYear && term.lastYear() >= 2005) { // a term outside the years pays nothing
          b.program(term);
        }
      }
    }
    int[] own = new int[EntryStage.values().length];
    for (Organization o : sample.organizationsIn(Prefecture.FUKUSHIMA)) {
      if (ClusterWorld.isFirm(o)) {
        own[o.entryStage().ordinal()]++;
      }
    }
    String rungs = "60/12/2/1 firms at parts supply/OEM/ODM/own product in 2005 (assumption), less the sample's"
        + " own firms at that stage";
    b.value(ClusterDynamics.INITIAL_PARTS, 60 - own[1], Basis.ASSUMED, rungs)
        .value(ClusterDynamics.INITIAL_OEM, 12 - own[2], Basis.ASSUMED, rungs)
        .value(ClusterDynamics.INITIAL_ODM, 2 - own[3], Basis.ASSUMED, rungs)
        .value(ClusterDynamics.INITIAL_OWN_PRODUCT, Math.max(0, 1 - own[4]), Basis.ASSUMED, rungs);
    String fit = "FukushimaCalibration (seed " + FukushimaCalibration.SEED + ") to Observation.fukushima(), FY2005-2016";
    b.value(ClusterDynamics.REGISTERED_OUTSIDE, 27, Basis.ESTIMATED, fit);
    // the library's defaults of these coefficients are the calibration's values
    for (Parameter<?> p : List.of(EntryLadder.CLIMB_SCALE, EntryLadder.SUPPORT_EFFECT, Accounts.PRODUCTION_BASE,
        Accounts.PRODUCTION_GROWTH, Accounts.SITING_ADDITION, Accounts.PARTS_VALUE, Expo.OUTSIDE_EXHIBITORS,
        FundingFlows.RECONSTRUCTION_BUDGET)) {
      b.value(p.name(), p.defaultValue(), Basis.ESTIMATED, fit);
    }
    b.value(MatchingRounds.NEEDS_PER_MAKER, 17.0, Basis.ASSUMED,
            "40 needs a year in the prefecture, 85% of them parts, OEM and ODM work, over the sample's 2 device makers")
        .value(MatchingRounds.NEEDS_PER_PARTNER, 1.2, Basis.ASSUMED,
            "40 needs a year in the prefecture, 15% co-development, over the sample's 5 hospitals and universities")
        .value(FundingFlows.SUPPORT_BUDGET, FundingFlows.SUPPORT_BUDGET.defaultValue(), Basis.ASSUMED,
            "see FundingFlows.SUPPORT_BUDGET")
        .value(Accounts.PARTS_SHARE, 0.0, Basis.ASSUMED, "0 in the point calibration, which fitted parts-value"
            + " alone; FukushimaCalibration.posterior() estimates it");
    b.free(EntryLadder.CLIMB_SCALE, 0.2, 3.0)
        .free(EntryLadder.SUPPORT_EFFECT, 0.0, 6.0)
        .free(ClusterDynamics.REGISTERED_OUTSIDE, 5, 35)
        .free(Accounts.PRODUCTION_BASE, 500.0, 900.0)
        .free(Accounts.PRODUCTION_GROWTH, 0.0, 0.12)
        .free(Accounts.SITING_ADDITION, 0.0, 200.0)
        .free(Accounts.PARTS_VALUE, 0.0, 3.0)
        .free(Accounts.PARTS_SHARE, 0.0, 0.15)
        .free(Accounts.PRODUCTION_GROWTH_SD, 0.0, 0.08)
        .free(Expo.OUTSIDE_EXHIBITORS, 50, 250)
        .free(FundingFlows.RECONSTRUCTION_BUDGET, 10.0, 80.0);
    return b.build();
  }

  /**
   * Returns the profile's name.
   *
   * @return the name of its scenarios
   */
  public String name() {
    return name;
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
   * Returns the first simulated year.
   *
   * @return the year
   */
  public int firstYear() {
    return firstYear;
  }

  /**
   * Returns the last simulated year.
   *
   * @return the year
   */
  public int lastYear() {
    return lastYear;
  }

  /**
   * Returns the support organization that leads the matching rounds from the first year.
   *
   * @return its id
   */
  public OrganizationId lead() {
    return lead;
  }

  /**
   * Returns how many synthetic small manufacturers {@link #world(Cluster)} adds to the cluster
   * ({@link ClusterWorld#withSyntheticFirms}); 0 unless the profile says otherwise.
   *
   * @return the count
   */
  public int syntheticFirms() {
    return syntheticFirms;
  }

  /**
   * Returns the events, in the order given.
   *
   * @return the events
   */
  public ImmutableList<Event> events() {
    return events;
  }

  /**
   * Returns the national program terms.
   *
   * @return the terms, in the order given
   */
  public ImmutableList<ProgramTerm> programs() {
    return programs;
  }

  /**
   * Returns the stated values, by parameter name.
   *
   * @return the values, in the order given
   */
  public ImmutableMap<String, Value> values() {
    return values;
  }

  /**
   * Returns the parameters a calibration fits, with their bounds.
   *
   * @return the free parameters, in the order given
   */
  public ImmutableList<Free> free() {
    return free;
  }

  /**
   * Returns the regional coefficients ({@link #REGIONAL}) this profile does not state, so that
   * the library's defaults (Fukushima's) stand in for them.
   *
   * @return their names, in the order of {@link #REGIONAL}
   */
  public ImmutableList<String> unstatedRegional() {
    return REGIONAL.stream().map(Parameter::name).filter(n -> !values.containsKey(n))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * The world of this region: the cluster with the profile's synthetic firms, if any.
   *
   * @param cluster the region's cluster
   * @return the world
   * @throws IllegalArgumentException as {@link ClusterWorld#of} does
   */
  public ClusterWorld world(Cluster cluster) {
    checkNotNull(cluster, "cluster");
    Cluster c = syntheticFirms == 0 ? cluster : ClusterWorld.withSyntheticFirms(cluster, region, syntheticFirms);
    return ClusterWorld.of(c, region);
  }

  /**
   * Checks the profile against a world: its region, lead, the organizations of its events and the
   * programs of its terms.
   *
   * @param world the world
   * @throws IllegalArgumentException naming the field and the value that does not fit
   */
  public void check(ClusterWorld world) {
    builder(world);
  }

  /**
   * A builder of the cluster dynamics holding this profile on a world, to change before building
   * (switch mechanisms off, move events, end programs).
   *
   * @param world the world, usually {@link #world(Cluster)}
   * @return the builder
   * @throws IllegalArgumentException naming the field and the value that does not fit the world
   */
  public ClusterDynamics.Builder builder(ClusterWorld world) {
    checkNotNull(world, "world");
    checkArgument(world.region() == region, "region: the profile is for %s but the world is of %s", region,
        world.region());
    ClusterDynamics.Builder b = ClusterDynamics.builder(world, firstYear, lastYear).name(name);
    b.lead(lead); // its message starts with "lead:"
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      String f = "events[" + i + "]";
      if (e.organization().isPresent()) {
        OrganizationId id = e.organization().get();
        field(f + ".organization", () -> {
          if (e.name().equals(ClusterDynamics.ORGANIZATION_FOUNDED)) {
            b.organizationFounded(id, e.year());
          } else {
            b.centreOpened(id, e.year());
          }
        });
      } else {
        field(f + ".year", () -> b.event(e.name(), e.year()));
      }
    }
    ImmutableSet<ProgramId> known = world.cluster().programs().stream().map(FundingProgram::id)
        .collect(ImmutableSet.toImmutableSet());
    for (int i = 0; i < programs.size(); i++) {
      ProgramTerm t = programs.get(i);
      checkArgument(known.contains(t.program()), "programs[%s].program: '%s' is not a program of the cluster%s;"
          + " known: %s", i, t.program(), Suggestions.suggestion(t.program().value(),
              known.stream().map(ProgramId::value).toList()), known);
      b.nationalProgram(t);
    }
    if (!values.containsKey(ClusterDynamics.REGISTERED_OUTSIDE.name())) {
      b.value(ClusterDynamics.REGISTERED_OUTSIDE, world.registeredPlantsOutsideLadder());
    }
    values.forEach((n, v) -> b.value(PARAMETERS.get(n), v.value()));
    return b;
  }

  /**
   * The scenario of this profile on a world.
   *
   * @param world the world, usually {@link #world(Cluster)}
   * @return the scenario, named after the profile
   * @throws IllegalArgumentException naming the field and the value that does not fit the world
   */
  public Scenario<ClusterState> scenario(ClusterWorld world) {
    return builder(world).build();
  }

  /**
   * A calibration of this profile's free parameters to a region's observed series, on a world.
   *
   * @param world the world
   * @param observed the observations; each becomes a target of its metric and year
   *     ({@link FukushimaCalibration#targets})
   * @return the calibration builder; set replications, seed, budget and threads, then run
   * @throws IllegalArgumentException if the profile has no free parameter, an observation names a
   *     metric the scenario lacks (naming the series, year and metric) or a year outside the
   *     schedule
   */
  public Calibration.Builder calibration(ClusterWorld world, List<Observation> observed) {
    checkNotNull(observed, "observed");
    Scenario<ClusterState> scenario = scenario(world);
    for (Observation o : observed) {
      checkArgument(scenario.metricNames().contains(o.metric()), "observed %s %s: metric '%s' is not one the model"
          + " has%s; its metrics: %s", o.series(), o.year(), o.metric(),
          Suggestions.suggestion(o.metric(), scenario.metricNames()), scenario.metricNames());
      checkArgument(o.year() >= firstYear && o.year() <= lastYear, "observed %s: year %s is outside the profile's"
          + " years %s..%s", o.series(), o.year(), firstYear, lastYear);
    }
    checkArgument(!free.isEmpty(), "free: profile '%s' names no parameter to fit", name);
    return calibration(scenario, free, observed);
  }

  /**
   * A Bayesian calibration of this profile's free parameters by ABC-SMC ({@link AbcSmc}): a
   * uniform prior over each free parameter's bounds (discrete for an integer parameter), one
   * target per observed metric and year ({@link FukushimaCalibration#targets}, two sources of a
   * year averaged), and the scenario run only to the last observed year or the last event,
   * whichever is later ({@link #until}) — those years run exactly as in the whole scenario, so the
   * posterior applies to {@link #scenario(ClusterWorld)} as it is.
   *
   * <pre>{@code
   * Posterior posterior = profile.abc(world, observed)
   *     .particles(1000).minimumEpsilon(0.05).maxSimulations(200_000).seed(2016).threads(2)
   *     .run();
   * }</pre>
   *
   * @param world the world
   * @param observed the observations
   * @return the ABC-SMC builder; set the particles, tolerance, budget, seed and threads, then run
   * @throws IllegalArgumentException as {@link #calibration(ClusterWorld, List)}, or if there is no
   *     observation
   */
  public AbcSmc.Builder abc(ClusterWorld world, List<Observation> observed) {
    checkNotNull(observed, "observed");
    checkArgument(!observed.isEmpty(), "observed: ABC-SMC of profile '%s' needs at least one observation", name);
    calibration(world, observed); // checks every observation and the free parameters
    int last = observed.stream().mapToInt(Observation::year).max().getAsInt();
    for (Event e : events) {
      last = Math.max(last, e.year());
    }
    Scenario<ClusterState> scenario = until(Math.max(last, firstYear + 1)).scenario(world);
    AbcSmc.Builder abc = AbcSmc.of(scenario);
    for (Free f : free) {
      Parameter<?> p = PARAMETERS.get(f.parameter());
      if (p.type() == Integer.class) {
        @SuppressWarnings("unchecked") // the type was just checked
        Parameter<Integer> integer = (Parameter<Integer>) p;
        abc.prior(Prior.discreteUniform(integer, (int) f.lower(), (int) f.upper()));
      } else {
        abc.prior(Prior.uniform(p, f.lower(), f.upper()));
      }
    }
    return abc.targets(FukushimaCalibration.targets(observed));
  }

  /**
   * This profile ending in an earlier year: events after it are dropped, everything else is kept.
   * When no event is dropped, a run of it is exactly the longer run's first years (the mechanisms
   * do not look ahead). A dropped event changes the world from the start (an organization that
   * is founded later is still listed from the first year), so the shorter run is then another
   * draw of those years, not the same one.
   *
   * @param year the new last year
   * @return the shorter profile, or this one if {@code year} is its last year
   * @throws IllegalArgumentException naming the year if it is not after the first year or is
   *     after the last
   */
  public RegionProfile until(int year) {
    checkArgument(year > firstYear && year <= lastYear, "until: the year must be in %s..%s but was %s",
        firstYear + 1, lastYear, year);
    if (year == lastYear) {
      return this;
    }
    Builder b = new Builder(name, region, lead, firstYear, year).syntheticFirms(syntheticFirms);
    events.stream().filter(e -> e.year() <= year).forEach(b.events::add);
    programs.stream().filter(t -> t.firstYear() <= year).forEach(b::program);
    values.forEach((n, v) -> b.value(n, v.value(), v.basis(), v.source()));
    free.forEach(f -> b.free.put(f.parameter(), f));
    return b.build();
  }

  /** A calibration of a scenario's free parameters to observations, the bounds as a profile states them. */
  static Calibration.Builder calibration(Scenario<ClusterState> scenario, List<Free> free, List<Observation> observed) {
    Calibration.Builder c = Calibration.of(scenario);
    for (Free f : free) {
      Parameter<?> p = PARAMETERS.get(f.parameter());
      if (p.type() == Integer.class) {
        @SuppressWarnings("unchecked") // the type was just checked
        Parameter<Integer> integer = (Parameter<Integer>) p;
        c.free(integer, (int) f.lower(), (int) f.upper());
      } else {
        @SuppressWarnings("unchecked") // the builder admits only Integer and Double free parameters
        Parameter<Double> real = (Parameter<Double>) p;
        c.free(real, f.lower(), f.upper());
      }
    }
    return c.targets(FukushimaCalibration.targets(observed));
  }

  /**
   * This profile with the values a calibration found, each labelled {@link Basis#ESTIMATED}
   * with the given source.
   *
   * @param fit the calibration's result
   * @param source how the values were found, for example the command that fitted them
   * @return the fitted profile
   * @throws IllegalArgumentException naming the parameter if the fit holds a value the profile
   *     cannot take
   */
  public RegionProfile withEstimates(CalibrationResult fit, String source) {
    checkNotNull(fit, "fit");
    checkNotNull(source, "source");
    Builder b = toBuilder();
    for (Free f : free) {
      Object v = fit.bestValues().get(f.parameter());
      checkArgument(v != null, "the fit has no value of free parameter '%s'", f.parameter());
      b.value(f.parameter(), v, Basis.ESTIMATED, source);
    }
    return b.build();
  }

  /**
   * A builder holding this profile, to change.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(name, region, lead, firstYear, lastYear).syntheticFirms(syntheticFirms);
    b.events.addAll(events);
    programs.forEach(b::program);
    values.forEach((n, v) -> b.value(n, v.value(), v.basis(), v.source()));
    free.forEach(f -> b.free.put(f.parameter(), f));
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegionProfile p && name.equals(p.name) && region == p.region && firstYear == p.firstYear
        && lastYear == p.lastYear && lead.equals(p.lead) && syntheticFirms == p.syntheticFirms
        && events.equals(p.events) && programs.equals(p.programs) && values.equals(p.values) && free.equals(p.free);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(name, region, firstYear, lastYear, lead, events, programs, values, free);
  }

  @Override
  public String toString() {
    return String.format("RegionProfile[%s: %s %d-%d, lead %s, %d events, %d programs, %d values, %d free]", name,
        region, firstYear, lastYear, lead, events.size(), programs.size(), values.size(), free.size());
  }

  private static <T> T field(String field, java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
    }
  }

  private static void field(String field, Runnable action) {
    field(field, () -> {
      action.run();
      return null;
    });
  }

  /** Builds a profile. */
  public static final class Builder {

    private final String name;
    private final Prefecture region;
    private final OrganizationId lead;
    private final int firstYear;
    private final int lastYear;
    private int syntheticFirms;
    private final List<Event> events = new ArrayList<>();
    private final Map<ProgramId, ProgramTerm> programs = new LinkedHashMap<>();
    private final Map<String, Value> values = new LinkedHashMap<>();
    private final Map<String, Free> free = new LinkedHashMap<>();

    private Builder(String name, Prefecture region, OrganizationId lead, int firstYear, int lastYear) {
      this.name = io.github.renkei.cluster.internal.Ids.check(name, "profile name");
      this.region = checkNotNull(region, "region");
      this.lead = checkNotNull(lead, "lead");
      checkArgument(firstYear >= 1900 && firstYear <= 2200, "firstYear: must be in 1900..2200 but was %s", firstYear);
      checkArgument(lastYear > firstYear && lastYear <= 2200, "lastYear: must be after firstYear %s and at most 2200"
          + " but was %s", firstYear, lastYear);
      this.firstYear = firstYear;
      this.lastYear = lastYear;
    }

    /**
     * Sets how many synthetic firms stand in for firms the cluster does not list.
     *
     * @param count at least 0
     * @return this builder
     * @throws IllegalArgumentException naming the count if negative
     */
    public Builder syntheticFirms(int count) {
      checkArgument(count >= 0 && count <= 10_000_000, "syntheticFirms: must be in 0..10000000 but was %s", count);
      this.syntheticFirms = count;
      return this;
    }

    /**
     * Adds an event that concerns no organization.
     *
     * @param event one of {@value ClusterDynamics#PMD_ACT_REVISION},
     *     {@value ClusterDynamics#FINANCIAL_CRISIS}, {@value ClusterDynamics#EARTHQUAKE}
     * @param year its year, within the profile's years
     * @return this builder
     * @throws IllegalArgumentException naming the event or the year
     */
    public Builder event(String event, int year) {
      return add(new Event(event, year, Optional.empty()));
    }

    /**
     * Adds an event that founds or opens a support organization.
     *
     * @param event {@value ClusterDynamics#ORGANIZATION_FOUNDED} or
     *     {@value ClusterDynamics#CENTRE_OPENED}
     * @param year its year, within the profile's years
     * @param organization the support organization
     * @return this builder
     * @throws IllegalArgumentException naming the event or the year
     */
    public Builder event(String event, int year, OrganizationId organization) {
      return add(new Event(event, year, Optional.of(checkNotNull(organization, "organization"))));
    }

    private Builder add(Event e) {
      String f = "events[" + events.size() + "]";
      checkArgument(e.year() >= firstYear && e.year() <= lastYear, "%s.year: %s (%s) is outside the profile's years"
          + " %s..%s", f, e.year(), e.name(), firstYear, lastYear);
      for (Event other : events) {
        checkArgument(!other.name().equals(e.name()), "%s.name: event '%s' is given twice", f, e.name());
      }
      events.add(e);
      return this;
    }

    /**
     * Adds a national program's term.
     *
     * @param term the term; its years within the profile's years
     * @return this builder
     * @throws IllegalArgumentException naming the program if it is given twice
     */
    public Builder program(ProgramTerm term) {
      checkNotNull(term, "term");
      checkArgument(!programs.containsKey(term.program()), "programs[%s].program: '%s' is given twice",
          programs.size(), term.program());
      programs.put(term.program(), term);
      return this;
    }

    /**
     * States a coefficient's value.
     *
     * @param parameter a parameter of the model ({@link ClusterDynamics#parameters()})
     * @param value its value
     * @param basis what it rests on
     * @param source its source, or the reason for an assumption
     * @param <T> the parameter's type
     * @return this builder
     * @throws IllegalArgumentException naming the parameter and the value if the parameter's
     *     rule does not admit it
     */
    public <T> Builder value(Parameter<T> parameter, T value, Basis basis, String source) {
      return value(checkNotNull(parameter, "parameter").name(), value, basis, source);
    }

    /**
     * States a coefficient's value by the parameter's name, as a file does.
     *
     * @param parameter the name of a parameter of the model
     * @param value its value, of the parameter's type (an {@code Integer} parameter also takes a
     *     whole {@code Long} or {@code Double} in its range)
     * @param basis what it rests on
     * @param source its source, or the reason for an assumption
     * @return this builder
     * @throws IllegalArgumentException naming the parameter and the value if the name is
     *     unknown or the value not admitted
     */
    public Builder value(String parameter, Object value, Basis basis, String source) {
      Parameter<?> p = known(parameter, "values");
      Object v;
      try {
        v = p.checkValue(coerce(p, checkNotNull(value, "value of %s", parameter)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("values." + parameter + ": " + e.getMessage(), e);
      }
      values.put(parameter, new Value(v, basis, source));
      return this;
    }

    /**
     * Declares a parameter the calibration fits, within bounds.
     *
     * @param parameter a real or integer parameter of the model
     * @param lower the lower bound, admitted by the parameter's rule
     * @param upper the upper bound, admitted by the parameter's rule and above the lower
     * @return this builder
     * @throws IllegalArgumentException naming the parameter if it is unknown, not a number, or
     *     a bound is out of its rule
     */
    public Builder free(Parameter<?> parameter, double lower, double upper) {
      return free(checkNotNull(parameter, "parameter").name(), lower, upper);
    }

    /**
     * Declares a parameter the calibration fits, by name.
     *
     * @param parameter the name of a real or integer parameter of the model
     * @param lower the lower bound
     * @param upper the upper bound
     * @return this builder
     * @throws IllegalArgumentException naming the parameter if it is unknown, not a number, or
     *     a bound is out of its rule
     */
    public Builder free(String parameter, double lower, double upper) {
      Parameter<?> p = known(parameter, "free");
      checkArgument(p.type() == Double.class || p.type() == Integer.class, "free.%s: only real and integer"
          + " parameters can be fitted, but it takes %s values", parameter, p.type().getSimpleName());
      Free f = new Free(parameter, lower, upper);
      for (double bound : new double[] {lower, upper}) {
        try {
          p.checkValue(coerce(p, bound));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("free." + parameter + ": bound " + bound + " is not admitted: "
              + e.getMessage(), e);
        }
      }
      checkArgument(!free.containsKey(parameter), "free.%s: given twice", parameter);
      free.put(parameter, f);
      return this;
    }

    private static Parameter<?> known(String parameter, String field) {
      checkNotNull(parameter, "parameter");
      Parameter<?> p = PARAMETERS.get(parameter);
      checkArgument(p != null, "%s.%s: not a parameter of the model%s", field, parameter,
          Suggestions.suggestion(parameter, PARAMETERS.keySet()));
      return p;
    }

    /** Whole numbers read from a file may arrive as Long or Double; an integer parameter takes them in range. */
    private static Object coerce(Parameter<?> p, Object value) {
      if (p.type() == Integer.class && value instanceof Number n && !(value instanceof Integer)) {
        double d = n.doubleValue();
        if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
          return (int) d;
        }
      }
      if (p.type() == Double.class && value instanceof Number n && !(value instanceof Double)) {
        return n.doubleValue();
      }
      return value;
    }

    /**
     * Builds the profile.
     *
     * @return the profile
     * @throws IllegalArgumentException naming the program if a term falls outside the years
     */
    public RegionProfile build() {
      for (ProgramTerm t : programs.values()) {
        checkArgument(t.lastYear() >= firstYear && t.firstYear() <= lastYear, "programs.%s: term %s..%s lies outside"
            + " the profile's years %s..%s", t.program(), t.firstYear(), t.lastYear(), firstYear, lastYear);
      }
      return new RegionProfile(this);
    }
  }
}
