package io.github.renkei.cluster.dynamics;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.simulation.Mechanism;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.StepContext;
import java.util.random.RandomGenerator;

/**
 * Mechanism {@value #NAME}: the people of the region's support organizations, and what they
 * know. Each year, at every active organization:
 *
 * <ol>
 *   <li>staff learn: their know-how closes {@link #STAFF_LEARNING} of the gap to 1, scaled by
 *       the support intensity (no budget, no activities to learn from);</li>
 *   <li>a share {@link #STOCKING} of the staff's know-how is written down into the stock
 *       (manuals, case files), and the stock loses {@link #STOCK_DECAY} as it goes stale;</li>
 *   <li>every {@link Policies#ROTATION_YEARS} years after the organization started, the staff
 *       rotate out and only {@link #ROTATION_RETAINED} of their know-how stays (the seed's first
 *       problem: 担当者が数年で異動し、ノウハウが蓄積されない);</li>
 *   <li>specialists leave with chance {@link #SPECIALIST_TURNOVER} each, and one may be hired
 *       with chance {@link Policies#SPECIALIST_HIRING} × support intensity, up to
 *       {@link #SPECIALISTS_MAX}. Specialists do not rotate; each brings
 *       {@link #SPECIALIST_KNOW_HOW}.</li>
 * </ol>
 */
public final class SupportStaff implements Mechanism<ClusterState> {

  /** The mechanism's name. */
  public static final String NAME = "support-staff";

  /**
   * Share of the gap to full know-how staff close per year at full intensity. Default 0.3.
   * Assumption: a newly assigned officer needs about three years to know the field, the
   * rotation period the seed describes — which is why rotation hurts.
   */
  public static final Parameter<Double> STAFF_LEARNING = Parameter.probability("staff-learning", 0.3);

  /**
   * Share of staff know-how that survives a rotation (hand-over notes, a colleague who stays).
   * Default 0.2 (assumption).
   */
  public static final Parameter<Double> ROTATION_RETAINED = Parameter.probability("rotation-retained", 0.2);

  /** Share of staff know-how written into the stock per year. Default 0.05 (assumption). */
  public static final Parameter<Double> STOCKING = Parameter.probability("stocking", 0.05);

  /** Share of the stock that goes stale per year. Default 0.03 (assumption). */
  public static final Parameter<Double> STOCK_DECAY = Parameter.probability("stock-decay", 0.03);

  /**
   * Know-how one specialist brings; n specialists bring {@code 1 − (1 − x)^n}. Default 0.35
   * (assumption: one specialist in regulatory affairs covers about a third of what a broker
   * needs to know).
   */
  public static final Parameter<Double> SPECIALIST_KNOW_HOW = Parameter.probability("specialist-know-how", 0.35);

  /** Most specialists an organization employs. Default 3 (assumption). */
  public static final Parameter<Integer> SPECIALISTS_MAX = Parameter.integer("specialists-max", 3, 0, 1000);

  /** Yearly chance that a specialist leaves. Default 0.1 (assumption: ten-year tenures). */
  public static final Parameter<Double> SPECIALIST_TURNOVER = Parameter.probability("specialist-turnover", 0.1);

  /** This mechanism's coefficients. */
  public static final ImmutableList<Parameter<?>> PARAMETERS = ImmutableList.of(STAFF_LEARNING, ROTATION_RETAINED,
      STOCKING, STOCK_DECAY, SPECIALIST_KNOW_HOW, SPECIALISTS_MAX, SPECIALIST_TURNOVER);

  /** Creates the mechanism; it keeps no state of its own, so one instance serves every replication. */
  public SupportStaff() {}

  @Override
  public void step(ClusterState s, StepContext ctx) {
    RandomGenerator random = ctx.random();
    double learning = ctx.parameter(STAFF_LEARNING) * s.supportIntensity;
    double retained = ctx.parameter(ROTATION_RETAINED);
    double stocking = ctx.parameter(STOCKING);
    double decay = ctx.parameter(STOCK_DECAY);
    int rotation = ctx.parameter(Policies.ROTATION_YEARS);
    double hiring = ctx.parameter(Policies.SPECIALIST_HIRING) * s.supportIntensity;
    int max = ctx.parameter(SPECIALISTS_MAX);
    double turnover = ctx.parameter(SPECIALIST_TURNOVER);
    int year = ctx.year();
    for (int i = 0; i < s.active.length; i++) {
      if (!s.active[i]) {
        continue;
      }
      s.staffKnowHow[i] += learning * (1 - s.staffKnowHow[i]);
      s.stockedKnowHow[i] = s.stockedKnowHow[i] * (1 - decay)
          + stocking * s.staffKnowHow[i] * (1 - s.stockedKnowHow[i]);
      int served = year - s.activeSince[i];
      if (served > 0 && served % rotation == 0) {
        s.staffKnowHow[i] *= retained;
      }
      int leaving = 0;
      for (int k = 0; k < s.specialists[i]; k++) {
        if (random.nextDouble() < turnover) {
          leaving++;
        }
      }
      s.specialists[i] -= leaving;
      if (s.specialists[i] < max && random.nextDouble() < hiring) {
        s.specialists[i]++;
      }
    }
  }
}
