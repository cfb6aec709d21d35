package io.github.renkei.cluster.dynamics;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.simulation.Mechanism;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.StepContext;

/**
 * Mechanism {@value #NAME}: know-how moving between the support organizations of the nationwide
 * catalog. Every member learns from the hubs (★), closing {@code rate × hub mean} of its gap each
 * year, and hubs also gain from their own experience ({@link #HUB_LEARNING}); the rate is
 * {@link #COUNCIL_SHARING} with a continuing council ({@link Policies#COUNCIL}, the seed's
 * proposal) and {@link #ADHOC_SHARING} without one (occasional visits and seminars). The
 * region's own members learn into their stock, which rotation does not erase. Without hubs in
 * the world, the members' mean stands in for the hubs'.
 */
public final class NationwideCouncil implements Mechanism<ClusterState> {

  /** The mechanism's name. */
  public static final String NAME = "council";

  /** Yearly learning rate from the hubs with a continuing council. Default 0.2 (assumption). */
  public static final Parameter<Double> COUNCIL_SHARING = Parameter.probability("council-sharing", 0.2);

  /** Yearly learning rate from the hubs without one. Default 0.03 (assumption). */
  public static final Parameter<Double> ADHOC_SHARING = Parameter.probability("adhoc-sharing", 0.03);

  /** Share of their gap hubs close per year from their own work. Default 0.05 (assumption). */
  public static final Parameter<Double> HUB_LEARNING = Parameter.probability("hub-learning", 0.05);

  /** Know-how of a hub at the start. Default 0.6 (assumption: hubs are chosen for what they know). */
  public static final Parameter<Double> HUB_KNOW_HOW = Parameter.probability("hub-know-how", 0.6);

  /** Know-how of any other catalog member at the start. Default 0.3 (assumption). */
  public static final Parameter<Double> MEMBER_KNOW_HOW = Parameter.probability("member-know-how", 0.3);

  /** This mechanism's coefficients. */
  public static final ImmutableList<Parameter<?>> PARAMETERS =
      ImmutableList.of(COUNCIL_SHARING, ADHOC_SHARING, HUB_LEARNING, HUB_KNOW_HOW, MEMBER_KNOW_HOW);

  /** Creates the mechanism; it keeps no state of its own, so one instance serves every replication. */
  public NationwideCouncil() {}

  @Override
  public void step(ClusterState s, StepContext ctx) {
    int n = s.councilKnowHow.length;
    if (n == 0) {
      return;
    }
    double hubSum = 0;
    int hubs = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double k = s.memberKnowHow(i);
      sum += k;
      if (s.hub[i]) {
        hubSum += k;
        hubs++;
      }
    }
    double source = hubs > 0 ? hubSum / hubs : sum / n;
    double rate = (ctx.parameter(Policies.COUNCIL) ? ctx.parameter(COUNCIL_SHARING) : ctx.parameter(ADHOC_SHARING))
        * source;
    double hubLearning = ctx.parameter(HUB_LEARNING);
    for (int i = 0; i < n; i++) {
      double r = s.hub[i] ? 1 - (1 - rate) * (1 - hubLearning) : rate;
      int support = s.supportOfMember[i];
      if (support >= 0) {
        if (s.active[support]) {
          s.stockedKnowHow[support] += r * (1 - s.stockedKnowHow[support]);
        }
      } else {
        s.councilKnowHow[i] += r * (1 - s.councilKnowHow[i]);
      }
    }
  }
}
