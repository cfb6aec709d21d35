package io.github.renkei.cluster.dynamics;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.simulation.Mechanism;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.StepContext;
import java.util.random.RandomGenerator;

/**
 * The seed's events and shocks, as one-shot events a scenario schedules (and a user can move,
 * replace or remove with {@link io.github.renkei.cluster.simulation.Scenario.Builder#remove}),
 * and the mechanism {@value #MARKET} through which their effects fade.
 *
 * <ul>
 *   <li>{@link #pmdActRevision()} — 2005: the revised Pharmaceutical Affairs Law (in force
 *       1 April 2005, {@link io.github.renkei.cluster.regulation.JapanPmdAct#MAH_MANUFACTURER_SPLIT})
 *       split marketing authorization (製造販売業) from manufacturing (製造業), so a brand could
 *       contract out all manufacturing: the OEM path opens.</li>
 *   <li>{@link #financialCrisis()} — 2008: demand falls by {@link #CRISIS_DEMAND_DROP}, and for
 *       {@link #CRISIS_YEARS} years firms whose other markets collapsed diversify into medical
 *       devices ({@link #CRISIS_DIVERSIFICATION} on their entry hazard).</li>
 *   <li>{@link #earthquake()} — 2011: capacity falls by {@link #QUAKE_CAPACITY_LOSS}, each firm
 *       in the field falls back a rung with chance {@link #QUAKE_SETBACK}; reconstruction
 *       funding runs from the next year for {@link #RECONSTRUCTION_YEARS} years.</li>
 *   <li>{@link #organizationFounded(int)} — 2013: the promotion organization
 *       (ふくしま医療機器産業推進機構) starts with {@link #FOUNDING_SPECIALISTS} specialists, takes
 *       over the stock of the organization that led until then, and leads the matching.</li>
 *   <li>{@link #centreOpened(int)} — 2016: the development and safety evaluation centre
 *       (ふくしま医療機器開発支援センター) opens: it becomes active and the upper rungs gain
 *       {@link EntryLadder#CENTRE_EFFECT}.</li>
 * </ul>
 *
 * <p>The mechanism {@value #MARKET} runs every year: demand and capacity recover
 * {@link #RECOVERY} of their gap to normal, and the crisis years count down.
 */
public final class Shocks implements Mechanism<ClusterState> {

  /** The recovery mechanism's name. */
  public static final String MARKET = "market";

  /**
   * Fall of demand in the crisis. Default 0.25 (assumption; Japan's industrial production fell
   * by about a fifth from 2008 to 2009, while medical devices fell less).
   */
  public static final Parameter<Double> CRISIS_DEMAND_DROP = Parameter.probability("crisis-demand-drop", 0.25);

  /** Years firms diversify after the crisis. Default 3 (assumption). */
  public static final Parameter<Integer> CRISIS_YEARS = Parameter.integer("crisis-years", 3, 0, 50);

  /**
   * Factor on the entry hazard while firms diversify. Default 2 (assumption: the seed notes that
   * the crisis pushed automotive and electronics subcontractors to look for medical work).
   */
  public static final Parameter<Double> CRISIS_DIVERSIFICATION = Parameter.real("crisis-diversification", 2.0, 0,
      1000);

  /** Capacity lost in the earthquake. Default 0.3 (assumption). */
  public static final Parameter<Double> QUAKE_CAPACITY_LOSS = Parameter.probability("quake-capacity-loss", 0.3);

  /** Chance a firm in the field falls back a rung in the earthquake. Default 0.1 (assumption). */
  public static final Parameter<Double> QUAKE_SETBACK = Parameter.probability("quake-setback", 0.1);

  /**
   * Years of reconstruction funding after the earthquake. Default 9 (FY2012–FY2020: the
   * government's ten-year reconstruction period 2011–2020, 復興・創生期間 ending FY2020).
   */
  public static final Parameter<Integer> RECONSTRUCTION_YEARS = Parameter.integer("reconstruction-years", 9, 0, 100);

  /** Specialists a newly founded organization starts with. Default 1 (assumption). */
  public static final Parameter<Integer> FOUNDING_SPECIALISTS = Parameter.integer("founding-specialists", 1, 0, 1000);

  /** Share of its gap to normal that demand and capacity recover per year. Default 0.3 (assumption). */
  public static final Parameter<Double> RECOVERY = Parameter.probability("recovery", 0.3);

  /** These coefficients. */
  public static final ImmutableList<Parameter<?>> PARAMETERS = ImmutableList.of(CRISIS_DEMAND_DROP, CRISIS_YEARS,
      CRISIS_DIVERSIFICATION, QUAKE_CAPACITY_LOSS, QUAKE_SETBACK, RECONSTRUCTION_YEARS, FOUNDING_SPECIALISTS,
      RECOVERY);

  /** Creates the mechanism; it keeps no state of its own, so one instance serves every replication. */
  public Shocks() {}

  @Override
  public void step(ClusterState s, StepContext ctx) {
    double r = ctx.parameter(RECOVERY);
    s.demand += r * (1 - s.demand);
    s.capacity += r * (1 - s.capacity);
    if (s.crisisYearsLeft > 0) {
      s.crisisYearsLeft--;
    }
  }

  /**
   * The 2005 revision: OEM production for another firm's brand opens.
   *
   * @return the event
   */
  public static Mechanism<ClusterState> pmdActRevision() {
    return (s, ctx) -> s.oemPathOpen = true;
  }

  /**
   * The 2008 financial crisis.
   *
   * @return the event
   */
  public static Mechanism<ClusterState> financialCrisis() {
    return (s, ctx) -> {
      s.demand *= 1 - ctx.parameter(CRISIS_DEMAND_DROP);
      s.crisisYearsLeft = ctx.parameter(CRISIS_YEARS) + 1;
    };
  }

  /**
   * The 2011 earthquake.
   *
   * @return the event
   */
  public static Mechanism<ClusterState> earthquake() {
    return (s, ctx) -> {
      RandomGenerator random = ctx.random();
      s.capacity *= 1 - ctx.parameter(QUAKE_CAPACITY_LOSS);
      double setback = ctx.parameter(QUAKE_SETBACK);
      for (int f = 0; f < s.stage.length; f++) {
        if (s.stage[f] > 0 && random.nextDouble() < setback) {
          s.setStage(f, EntryStage.values()[s.stage[f] - 1]);
        }
      }
      int years = ctx.parameter(RECONSTRUCTION_YEARS);
      if (years > 0) {
        s.reconstructionFrom = ctx.year() + 1;
        s.reconstructionTo = ctx.year() + years;
      }
    };
  }

  /**
   * A support organization is founded and takes over the lead.
   *
   * @param support its index in {@link ClusterWorld#supportOrganizations()}
   * @return the event
   */
  public static Mechanism<ClusterState> organizationFounded(int support) {
    checkArgument(support >= 0, "support index must be >= 0 but was %s", support);
    return (s, ctx) -> {
      activate(s, support, ctx.year());
      s.specialists[support] += ctx.parameter(FOUNDING_SPECIALISTS);
      s.stockedKnowHow[support] += s.stockedKnowHow[s.lead] * (1 - s.stockedKnowHow[support]);
      s.lead = support;
    };
  }

  /**
   * The development centre opens.
   *
   * @param support its index in {@link ClusterWorld#supportOrganizations()}
   * @return the event
   */
  public static Mechanism<ClusterState> centreOpened(int support) {
    checkArgument(support >= 0, "support index must be >= 0 but was %s", support);
    return (s, ctx) -> {
      activate(s, support, ctx.year());
      s.centreOpen = true;
    };
  }

  private static void activate(ClusterState s, int support, int year) {
    if (!s.active[support]) {
      s.active[support] = true;
      s.activeSince[support] = year;
    }
  }
}
