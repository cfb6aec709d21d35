package io.github.renkei.cluster.dynamics;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.FundingLevel;
import io.github.renkei.cluster.simulation.Mechanism;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.StepContext;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Mechanism {@value #NAME}: where the support money comes from each fiscal year and what it pays
 * for. Amounts are in 100 million yen (億円) per year.
 *
 * <ul>
 *   <li><b>National</b>: {@link Policies#NATIONAL_SHARE} × {@link #SUPPORT_BUDGET}, but only
 *       in years a national {@linkplain ProgramTerm program term} covers. When the last term
 *       ends without a successor, national money stops (a cliff) and with it the activities
 *       it paid for.</li>
 *   <li><b>Prefectural and municipal</b>: the rest of the planned budget, split by
 *       {@link #MUNICIPAL_SHARE}; with {@link Policies#PREFECTURAL_BRIDGE}, the prefecture
 *       also pays {@link #BRIDGE_SHARE} of the lost national money for {@link #BRIDGE_YEARS}
 *       years after a cliff.</li>
 *   <li><b>Reconstruction</b> (national, after the earthquake): {@link #RECONSTRUCTION_BUDGET}
 *       a year for product-development themes (ふくしま医療福祉機器開発事業費補助金 and related
 *       subsidies), each theme costing {@link #THEME_COST}; these are the themes counted by
 *       {@link ClusterState#rdThemes()}.</li>
 * </ul>
 *
 * <p>The support budget (national, prefectural, municipal, without reconstruction) sets the
 * support intensity {@code 1 − exp(−budget / }{@link #BUDGET_SCALE}{@code )}: the share of the
 * support activities (brokering, staff time, specialist hiring) that can run. The
 * product-development part of it ({@link Policies#DEVELOPMENT_SHARE}) also funds themes of its
 * own. Themes go to firms in the field, the better-informed of two drawn at random.
 */
public final class FundingFlows implements Mechanism<ClusterState> {

  /** The mechanism's name. */
  public static final String NAME = "funding";

  /**
   * Planned yearly support budget of the region, 億円. Default 3. Assumption: the order of the
   * prefecture's yearly budget lines for the medical-device industry before the earthquake
   * (several 億円), not a published total.
   */
  public static final Parameter<Double> SUPPORT_BUDGET = Parameter.real("support-budget", 3.0, 0, 10_000);

  /** Share of the local (non-national) budget paid by municipalities. Default 0.15 (assumption). */
  public static final Parameter<Double> MUNICIPAL_SHARE = Parameter.probability("municipal-share", 0.15);

  /**
   * Budget at which the support intensity reaches 1 − 1/e (63 %), 億円. Default 2 (assumption:
   * a budget of the planned size pays for most, not all, of the activities).
   */
  public static final Parameter<Double> BUDGET_SCALE = Parameter.real("budget-scale", 2.0, 1e-6, 10_000);

  /**
   * Yearly reconstruction money for product-development themes, 億円, while reconstruction
   * funding runs. Default 43.01: the R&amp;D subsidies (ふくしま医療福祉機器開発事業費補助金 and two
   * others) paid about 142 億円 for 53 projects up to FY2014 (JST 産学官連携ジャーナル, 2014-11),
   * some 47 億円 a year over FY2012–FY2014; calibrated ({@link FukushimaCalibration})
   * against the 53 (FY2014) and about 70 (FY2016, 福島民友 2016-07-10) themes.
   */
  public static final Parameter<Double> RECONSTRUCTION_BUDGET =
      Parameter.real("reconstruction-budget", 43.01, 0, 10_000);

  /**
   * Cost of one development theme, 億円. Default 2.7: 142 億円 for 53 subsidized projects up to
   * FY2014 (JST 産学官連携ジャーナル, 2014-11).
   */
  public static final Parameter<Double> THEME_COST = Parameter.real("theme-cost", 2.7, 1e-6, 10_000);

  /** Years the prefecture bridges a national cliff, with {@link Policies#PREFECTURAL_BRIDGE}. Default 3. */
  public static final Parameter<Integer> BRIDGE_YEARS = Parameter.integer("bridge-years", 3, 1, 50);

  /** Share of the lost national money the prefecture pays while bridging. Default 0.5. */
  public static final Parameter<Double> BRIDGE_SHARE = Parameter.probability("bridge-share", 0.5);

  /** This mechanism's coefficients. */
  public static final ImmutableList<Parameter<?>> PARAMETERS = ImmutableList.of(SUPPORT_BUDGET, MUNICIPAL_SHARE,
      BUDGET_SCALE, RECONSTRUCTION_BUDGET, THEME_COST, BRIDGE_YEARS, BRIDGE_SHARE);

  private final ImmutableList<ProgramTerm> terms;

  /**
   * The mechanism over the given national program terms.
   *
   * @param terms the terms; empty means no national money at all
   */
  public FundingFlows(List<ProgramTerm> terms) {
    this.terms = ImmutableList.copyOf(checkNotNull(terms, "terms"));
  }

  /**
   * Returns the national program terms.
   *
   * @return the terms
   */
  public ImmutableList<ProgramTerm> terms() {
    return terms;
  }

  private boolean nationalIn(int year) {
    for (ProgramTerm t : terms) {
      if (t.covers(year)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void step(ClusterState s, StepContext ctx) {
    int year = ctx.year();
    double planned = ctx.parameter(SUPPORT_BUDGET);
    double nationalPlanned = ctx.parameter(Policies.NATIONAL_SHARE) * planned;
    boolean national = nationalIn(year);
    if (!national && nationalIn(year - 1) && ctx.parameter(Policies.PREFECTURAL_BRIDGE)) {
      s.bridgeYearsLeft = ctx.parameter(BRIDGE_YEARS);
    }
    if (national) {
      s.bridgeYearsLeft = 0;
    }
    double local = planned - nationalPlanned;
    double municipal = local * ctx.parameter(MUNICIPAL_SHARE);
    double prefectural = local - municipal;
    if (s.bridgeYearsLeft > 0) {
      prefectural += ctx.parameter(BRIDGE_SHARE) * nationalPlanned;
      s.bridgeYearsLeft--;
    }
    double nationalSupport = national ? nationalPlanned : 0;
    s.reconstructionFunding = year >= s.reconstructionFrom && year <= s.reconstructionTo
        ? ctx.parameter(RECONSTRUCTION_BUDGET) : 0;
    s.funding[FundingLevel.NATIONAL.ordinal()] = nationalSupport + s.reconstructionFunding;
    s.funding[FundingLevel.PREFECTURAL.ordinal()] = prefectural;
    s.funding[FundingLevel.MUNICIPAL.ordinal()] = municipal;
    double support = nationalSupport + prefectural + municipal;
    s.supportIntensity = Draw.chance(support / ctx.parameter(BUDGET_SCALE));

    RandomGenerator random = ctx.random();
    double cost = ctx.parameter(THEME_COST);
    int reconstructionThemes = Draw.poisson(random, s.reconstructionFunding / cost);
    int ownThemes = Draw.poisson(random, ctx.parameter(Policies.DEVELOPMENT_SHARE) * support / cost);
    s.rdThemes += award(s, random, reconstructionThemes);
    award(s, random, ownThemes);
  }

  /** Gives themes to firms in the field; returns how many found a firm. */
  private static int award(ClusterState s, RandomGenerator random, int themes) {
    int inField = 0;
    for (byte r : s.stage) {
      inField += r > 0 ? 1 : 0;
    }
    if (themes == 0 || inField == 0) {
      return 0;
    }
    for (int i = 0; i < themes; i++) {
      int a = pickInField(s, random);
      int b = pickInField(s, random);
      s.themes[s.firmKnowHow[b] > s.firmKnowHow[a] ? b : a]++;
    }
    return themes;
  }

  private static int pickInField(ClusterState s, RandomGenerator random) {
    int f;
    do {
      f = random.nextInt(s.stage.length);
    } while (s.stage[f] == 0);
    return f;
  }
}
