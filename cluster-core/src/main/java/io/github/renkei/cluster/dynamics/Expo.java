package io.github.renkei.cluster.dynamics;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.model.RelationshipType;
import io.github.renkei.cluster.simulation.Mechanism;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.StepContext;
import java.util.random.RandomGenerator;

/**
 * Mechanism {@value #NAME}: the annual fair, the seed's メディカルクリエーションふくしま, held from
 * {@link #FIRST_YEAR} while {@link Policies#EXPO} is on. Each year it is held:
 *
 * <ul>
 *   <li>each firm in the field exhibits with chance {@link #FIRM_SHARE}; exhibitors are these
 *       firms, the active support organizations and {@link #OUTSIDE_EXHIBITORS} from outside
 *       the region (makers, trading houses, foreign clusters);</li>
 *   <li>an exhibiting firm gains a parts-supply tie with a device maker with chance
 *       {@link #TIE_CHANCE};</li>
 *   <li>firms not yet in the field visit and learn ({@link #VISIT_LEARNING} of their gap);</li>
 *   <li>the lead support organization writes {@link #STOCKING} of its staff's know-how into
 *       its stock (exhibitor lists, case studies, contacts outlive the staff).</li>
 * </ul>
 */
public final class Expo implements Mechanism<ClusterState> {

  /** The mechanism's name. */
  public static final String NAME = "expo";

  /**
   * First year of the fair. Default 2005: FY2013's fair was the 9th (JST 産学官連携ジャーナル,
   * 2014-11), so the first was in FY2005.
   */
  public static final Parameter<Integer> FIRST_YEAR = Parameter.integer("expo-first-year", 2005, 1900, 2200);

  /**
   * Exhibitors from outside the region. Default 176, calibrated to the exhibitor counts (221 in
   * FY2013, 235 in FY2015).
   */
  public static final Parameter<Integer> OUTSIDE_EXHIBITORS = Parameter.integer("expo-outside-exhibitors", 176, 0,
      100_000);

  /** Chance that a firm in the field exhibits. Default 0.5 (assumption). */
  public static final Parameter<Double> FIRM_SHARE = Parameter.probability("expo-firm-share", 0.5);

  /** Chance that an exhibiting firm gains a parts-supply tie. Default 0.08 (assumption). */
  public static final Parameter<Double> TIE_CHANCE = Parameter.probability("expo-tie-chance", 0.08);

  /** Share of their gap visiting firms outside the field close. Default 0.05 (assumption). */
  public static final Parameter<Double> VISIT_LEARNING = Parameter.probability("expo-visit-learning", 0.05);

  /** Share of the lead's staff know-how the fair stocks. Default 0.1 (assumption). */
  public static final Parameter<Double> STOCKING = Parameter.probability("expo-stocking", 0.1);

  /** This mechanism's coefficients. */
  public static final ImmutableList<Parameter<?>> PARAMETERS =
      ImmutableList.of(FIRST_YEAR, OUTSIDE_EXHIBITORS, FIRM_SHARE, TIE_CHANCE, VISIT_LEARNING, STOCKING);

  /** Creates the mechanism; it keeps no state of its own, so one instance serves every replication. */
  public Expo() {}

  @Override
  public void step(ClusterState s, StepContext ctx) {
    if (!ctx.parameter(Policies.EXPO) || ctx.year() < ctx.parameter(FIRST_YEAR)) {
      s.exhibitors = 0;
      return;
    }
    RandomGenerator random = ctx.random();
    double share = ctx.parameter(FIRM_SHARE);
    double tie = ctx.parameter(TIE_CHANCE);
    double visit = ctx.parameter(VISIT_LEARNING);
    int[] makers = s.world.makers;
    int exhibiting = 0;
    for (int f = 0; f < s.stage.length; f++) {
      if (s.stage[f] == 0) {
        s.firmKnowHow[f] += visit * (1 - s.firmKnowHow[f]);
      } else if (random.nextDouble() < share) {
        exhibiting++;
        // a region without device makers meets none at the expo
        if (random.nextDouble() < tie && makers.length > 0) {
          s.addTie(f, makers[random.nextInt(makers.length)], RelationshipType.PARTS_SUPPLY, ctx.year());
        }
      }
    }
    int supporters = 0;
    for (boolean a : s.active) {
      supporters += a ? 1 : 0;
    }
    s.exhibitors = ctx.parameter(OUTSIDE_EXHIBITORS) + exhibiting + supporters;
    int lead = s.lead;
    s.stockedKnowHow[lead] += ctx.parameter(STOCKING) * s.staffKnowHow[lead] * (1 - s.stockedKnowHow[lead]);
  }
}
