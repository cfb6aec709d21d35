package io.github.renkei.cluster.dynamics;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.RelationshipType;
import io.github.renkei.cluster.simulation.Mechanism;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.StepContext;
import java.util.random.RandomGenerator;

/**
 * Mechanism {@value #NAME}: ties age. Every tie ends with chance {@link #TIE_END} a year; an OEM
 * tie at least {@link #AFTER_YEARS} old turns horizontal with chance {@link #CHANCE} × the
 * firm's know-how — into an ODM partnership if the firm holds the design registration (it is
 * at {@link EntryStage#ODM} or above), otherwise into co-development, which needs no
 * registration. The seed's observation: repeated subcontracting builds the trust and skill
 * for a partnership of equals (垂直型から水平型へ).
 */
public final class Horizontalization implements Mechanism<ClusterState> {

  /** The mechanism's name. */
  public static final String NAME = "vertical-to-horizontal";

  /** Years an OEM tie must last before it can turn horizontal. Default 3 (assumption). */
  public static final Parameter<Integer> AFTER_YEARS = Parameter.integer("horizontal-after-years", 3, 0, 100);

  /** Yearly chance, at full know-how, that an old enough OEM tie turns. Default 0.2 (assumption). */
  public static final Parameter<Double> CHANCE = Parameter.probability("horizontal-chance", 0.2);

  /** Yearly chance that a tie ends. Default 0.1 (assumption: ties last ten years on average). */
  public static final Parameter<Double> TIE_END = Parameter.probability("tie-end", 0.1);

  /** This mechanism's coefficients. */
  public static final ImmutableList<Parameter<?>> PARAMETERS = ImmutableList.of(AFTER_YEARS, CHANCE, TIE_END);

  private static final byte OEM = (byte) RelationshipType.OEM.ordinal();

  /** Creates the mechanism; it keeps no state of its own, so one instance serves every replication. */
  public Horizontalization() {}

  @Override
  public void step(ClusterState s, StepContext ctx) {
    RandomGenerator random = ctx.random();
    double end = ctx.parameter(TIE_END);
    double chance = ctx.parameter(CHANCE);
    int after = ctx.parameter(AFTER_YEARS);
    int year = ctx.year();
    int t = 0;
    while (t < s.ties) {
      if (random.nextDouble() < end) {
        s.removeTie(t);
        continue;
      }
      int firm = s.tieFirm[t];
      if (s.tieType[t] == OEM && year - s.tieSince[t] >= after
          && random.nextDouble() < chance * s.firmKnowHow[firm]) {
        RelationshipType to = s.stage[firm] >= EntryStage.ODM.ordinal()
            ? RelationshipType.ODM : RelationshipType.CO_DEVELOPMENT;
        s.tieType[t] = (byte) to.ordinal();
        s.tieSince[t] = year;
      }
      t++;
    }
  }
}
