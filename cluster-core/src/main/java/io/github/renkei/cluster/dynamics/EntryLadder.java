package io.github.renkei.cluster.dynamics;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.RelationshipType;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.simulation.Mechanism;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.StepContext;
import java.util.random.RandomGenerator;

/**
 * Mechanism {@value #NAME}: firms climb NONE → PARTS_SUPPLY → OEM → ODM → OWN_PRODUCT, one rung
 * at most per year, with chance {@code 1 − exp(−h)} where the hazard is
 *
 * <pre>
 * h = base(rung) × {@link #CLIMB_SCALE}
 *     × (1 + {@link #SUPPORT_EFFECT} × aimed share × intensity × K)   support received
 *     × (0.5 + firm know-how)                                          the firm's know-how
 *     × (1 + {@link #THEME_EFFECT} × themes held)                     funding (development themes)
 *     × (1 + {@link #TIE_EFFECT} × ties at its rung)                  experience with customers
 *     × {@link #LICENCE_HURDLE}^(clauses unmet)                       regulation
 *     × capacity × (centre effect) × (crisis diversification)
 * </pre>
 *
 * <p>The aimed share is 1 − {@link Policies#DEVELOPMENT_SHARE} for the lower rungs (into parts
 * supply and OEM) and the development share for the upper ones (ODM, own product), both times
 * 1 − {@link Policies#CARE_SHARE} (the effort spent on municipal care projects); K is the lead
 * support organization's know-how. The regulation: the next rung's role needs registrations or a
 * licence under the PMD Act ({@link JapanPmdAct#requirement}: main assembly for OEM, design too
 * for ODM, a marketing authorization licence for an own product); each requirement clause the
 * firm does not yet meet — with the licences its rung brings and those it holds itself, as its
 * cluster file lists them — multiplies the hazard by the hurdle. OEM work for another firm's brand
 * is closed until the 2005 revision opens it. Once the development centre is open, the upper
 * rungs' hazards are multiplied by {@link #CENTRE_EFFECT}; during a crisis, firms outside the
 * field diversify into it ({@link Shocks#CRISIS_DIVERSIFICATION}).
 *
 * <p>Firms in the field fall back one rung with chance {@code 1 − exp(−}{@link #EXIT_HAZARD}
 * {@code  / demand)}; firms in the field learn from support ({@link #SUPPORT_LEARNING}); themes
 * finish with chance {@link #THEME_END} each a year, and a firm that launches its own product
 * uses up its themes.
 */
public final class EntryLadder implements Mechanism<ClusterState> {

  /** The mechanism's name. */
  public static final String NAME = "entry-ladder";

  /** Base yearly hazard of entering the field (parts supply). Default 0.02 (assumption). */
  public static final Parameter<Double> ENTRY_HAZARD = Parameter.real("entry-hazard", 0.02, 0, 100);

  /** Base yearly hazard of parts supply → OEM. Default 0.08 (assumption). */
  public static final Parameter<Double> OEM_HAZARD = Parameter.real("oem-hazard", 0.08, 0, 100);

  /** Base yearly hazard of OEM → ODM. Default 0.04 (assumption). */
  public static final Parameter<Double> ODM_HAZARD = Parameter.real("odm-hazard", 0.04, 0, 100);

  /** Base yearly hazard of ODM → own product. Default 0.04 (assumption). */
  public static final Parameter<Double> OWN_PRODUCT_HAZARD = Parameter.real("own-product-hazard", 0.04, 0, 100);

  /** Multiplier of every base hazard. Default 0.6757, calibrated ({@link FukushimaCalibration}). */
  public static final Parameter<Double> CLIMB_SCALE = Parameter.real("climb-scale", 0.6757, 0, 1000);

  /**
   * Effect of full, well-informed support aimed at a rung. Default 1.627, calibrated
   * ({@link FukushimaCalibration}).
   */
  public static final Parameter<Double> SUPPORT_EFFECT = Parameter.real("support-effect", 1.627, 0, 1000);

  /** Effect of each development theme a firm holds. Default 0.5 (assumption). */
  public static final Parameter<Double> THEME_EFFECT = Parameter.real("theme-effect", 0.5, 0, 1000);

  /** Effect of each tie the firm has at its rung. Default 0.3 (assumption). */
  public static final Parameter<Double> TIE_EFFECT = Parameter.real("tie-effect", 0.3, 0, 1000);

  /**
   * Factor per PMD Act requirement clause the firm has not met for the next rung's role.
   * Default 0.5 (assumption: half of the firms ready for a step also manage the QMS system,
   * the responsible engineer and the paperwork of a registration or licence).
   */
  public static final Parameter<Double> LICENCE_HURDLE = Parameter.probability("licence-hurdle", 0.5);

  /** Effect of the open development centre on the upper rungs. Default 1.5 (assumption). */
  public static final Parameter<Double> CENTRE_EFFECT = Parameter.real("centre-effect", 1.5, 0, 1000);

  /** Yearly hazard of falling back one rung at normal demand. Default 0.02 (assumption). */
  public static final Parameter<Double> EXIT_HAZARD = Parameter.real("exit-hazard", 0.02, 0, 100);

  /** Share of its gap a firm in the field closes per year at full, well-informed support. Default 0.1. */
  public static final Parameter<Double> SUPPORT_LEARNING = Parameter.probability("support-learning", 0.1);

  /** Yearly chance that a development theme finishes. Default 0.33 (assumption: three-year themes). */
  public static final Parameter<Double> THEME_END = Parameter.probability("theme-end", 0.33);

  /** This mechanism's coefficients. */
  public static final ImmutableList<Parameter<?>> PARAMETERS = ImmutableList.of(ENTRY_HAZARD, OEM_HAZARD, ODM_HAZARD,
      OWN_PRODUCT_HAZARD, CLIMB_SCALE, SUPPORT_EFFECT, THEME_EFFECT, TIE_EFFECT, LICENCE_HURDLE, CENTRE_EFFECT,
      EXIT_HAZARD, SUPPORT_LEARNING, THEME_END);

  private static final int TOP = EntryStage.OWN_PRODUCT.ordinal();
  private static final RelationshipType[] TYPES = RelationshipType.values();
  private static final EntryStage[] STAGES = EntryStage.values();
  private static final int PARTS = EntryStage.PARTS_SUPPLY.ordinal();

  /** Creates the mechanism; it keeps no state of its own, so one instance serves every replication. */
  public EntryLadder() {}

  @Override
  public void step(ClusterState s, StepContext ctx) {
    RandomGenerator random = ctx.random();
    double scale = ctx.parameter(CLIMB_SCALE);
    double[] base = {
      ctx.parameter(ENTRY_HAZARD) * scale, ctx.parameter(OEM_HAZARD) * scale, ctx.parameter(ODM_HAZARD) * scale,
      ctx.parameter(OWN_PRODUCT_HAZARD) * scale
    };
    double know = s.knowHow(s.lead);
    double development = ctx.parameter(Policies.DEVELOPMENT_SHARE);
    // effort put into municipal care projects is not aimed at the ladder itself
    double support = ctx.parameter(SUPPORT_EFFECT) * s.supportIntensity * know * (1 - ctx.parameter(Policies.CARE_SHARE));
    double[] factor = new double[TOP];
    double hurdle = ctx.parameter(LICENCE_HURDLE);
    double centre = s.centreOpen ? ctx.parameter(CENTRE_EFFECT) : 1;
    for (int r = 0; r < TOP; r++) {
      boolean upper = r >= EntryStage.OEM.ordinal();
      factor[r] = base[r] * (1 + support * (upper ? development : 1 - development)) * s.capacity
          * (upper ? centre : 1);
    }
    factor[0] *= s.crisisYearsLeft > 0 ? ctx.parameter(Shocks.CRISIS_DIVERSIFICATION) : 1;
    if (!s.oemPathOpen) {
      factor[PARTS] = 0;
    }
    double[] hurdlePower = new double[8];
    for (int m = 0; m < hurdlePower.length; m++) {
      hurdlePower[m] = Math.pow(hurdle, m);
    }
    ClusterWorld world = s.world;
    double themeEffect = ctx.parameter(THEME_EFFECT);
    double tieEffect = ctx.parameter(TIE_EFFECT);
    double exit = Draw.chance(ctx.parameter(EXIT_HAZARD) / s.demand);
    double learning = ctx.parameter(SUPPORT_LEARNING) * s.supportIntensity * know;
    double themeEnd = ctx.parameter(THEME_END);
    int[] tiesAtRung = tiesAtRung(s);
    for (int f = 0; f < s.stage.length; f++) {
      int r = s.stage[f];
      double k = s.firmKnowHow[f];
      if (r > 0) {
        s.firmKnowHow[f] = k + learning * (1 - k);
      }
      if (r < TOP) {
        int missing = world.missingForNext(f, r);
        double h = factor[r] * (missing < hurdlePower.length ? hurdlePower[missing] : Math.pow(hurdle, missing)) * (0.5 + k) * (1 + themeEffect * s.themes[f])
            * (1 + tieEffect * tiesAtRung[f]);
        if (random.nextDouble() < Draw.chance(h)) {
          s.setStage(f, STAGES[r + 1]);
          if (r + 1 == TOP) {
            s.themes[f] = 0;
          }
          continue;
        }
      }
      if (r > 0 && random.nextDouble() < exit) {
        s.setStage(f, STAGES[r - 1]);
        continue;
      }
      for (int t = s.themes[f]; t > 0; t--) {
        if (random.nextDouble() < themeEnd) {
          s.themes[f]--;
        }
      }
    }
  }

  /**
   * Per firm, the active ties of the kind its rung works in: ODM and clinical-needs ties count
   * for the upper rungs, co-development (with a hospital, a university or a care organization)
   * for every rung in the field.
   */
  private static int[] tiesAtRung(ClusterState s) {
    int[] n = new int[s.stage.length];
    for (int t = 0; t < s.ties; t++) {
      int f = s.tieFirm[t];
      RelationshipType type = TYPES[s.tieType[t]];
      int r = s.stage[f];
      boolean counts = switch (type) {
        case PARTS_SUPPLY -> r == PARTS;
        case OEM -> r == EntryStage.OEM.ordinal();
        case ODM, CLINICAL_NEEDS -> r >= EntryStage.OEM.ordinal();
        case CO_DEVELOPMENT -> r >= PARTS;
        default -> false;
      };
      if (counts) {
        n[f]++;
      }
    }
    return n;
  }
}
