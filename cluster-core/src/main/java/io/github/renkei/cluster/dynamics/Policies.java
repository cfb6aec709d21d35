package io.github.renkei.cluster.dynamics;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.simulation.Parameter;

/**
 * The policy levers of the cluster dynamics: the parameters a prefecture or a support
 * organization chooses, as opposed to the coefficients of how the world responds (which live
 * with their mechanisms). Experiments put these on a {@link io.github.renkei.cluster.simulation.Grid}.
 *
 * <pre>{@code
 * Grid grid = Grid.of(Policies.ROTATION_YEARS, 3, 10).and(Policies.COUNCIL, false, true);
 * }</pre>
 */
public final class Policies {

  /**
   * Share of the support effort aimed at product development (ODM, own products, development
   * themes) rather than at parts-supply and OEM matching. Default 0.3. Rationale: the seed
   * describes Fukushima's early support as mostly parts supply and OEM matching, with product
   * development growing later; 0.3 is an assumption, not a measured share.
   */
  public static final Parameter<Double> DEVELOPMENT_SHARE = Parameter.probability("development-share", 0.3);

  /**
   * Share of the support effort put into municipal health-longevity projects (市民の健康寿命延伸,
   * 未病対策) with the region's health centres and community care centres: the seed's third way
   * besides product development and parts-supply/OEM support. The rest of the effort is split by
   * {@link #DEVELOPMENT_SHARE}. Default 0: no such projects ran in Fukushima. It acts only in a
   * region with care organizations ({@link ClusterWorld#careOrganizations()}).
   */
  public static final Parameter<Double> CARE_SHARE = Parameter.probability("care-share", 0.0);

  /**
   * Years between personnel rotations at the support organizations. Default 3. Source: the
   * seed's first problem — prefectural staff rotate every two to three years (数年ごとの人事異動),
   * and the know-how they built leaves with them.
   */
  public static final Parameter<Integer> ROTATION_YEARS = Parameter.integer("rotation-years", 3, 1, 50);

  /**
   * Yearly chance, at full funding, that a support organization hires a specialist (who does
   * not rotate). Default 0.1. Rationale: the seed says specialists (薬事, 知財, 医療現場 experience)
   * are hard to find and hire; assumption: about one hire per decade per organization.
   */
  public static final Parameter<Double> SPECIALIST_HIRING = Parameter.probability("specialist-hiring", 0.1);

  /**
   * Share of the planned support budget expected from national programs; the rest is
   * prefectural and municipal money. National money comes and goes with program terms, so a
   * high share means deep cliffs. Default 0.6 (assumption: the seed's complaint that support
   * stops when a national program ends implies national money dominates).
   */
  public static final Parameter<Double> NATIONAL_SHARE = Parameter.probability("national-share", 0.6);

  /**
   * Whether the region's support organizations belong to a continuing nationwide council that
   * shares know-how through its hubs (★). Default off: the seed proposes such a council as its
   * remedy; historically there was none.
   */
  public static final Parameter<Boolean> COUNCIL = Parameter.flag("council", false);

  /**
   * Whether the annual expo (メディカルクリエーションふくしま) is held. Default on: it has been held
   * every year since FY2005.
   */
  public static final Parameter<Boolean> EXPO = Parameter.flag("expo", true);

  /**
   * Whether the prefecture bridges a national funding cliff: when national money stops, it pays
   * {@link FundingFlows#BRIDGE_SHARE} of it for {@link FundingFlows#BRIDGE_YEARS} years. Default
   * off.
   */
  public static final Parameter<Boolean> PREFECTURAL_BRIDGE = Parameter.flag("prefectural-bridge", false);

  /** Every policy parameter, in the order above. */
  public static final ImmutableList<Parameter<?>> ALL = ImmutableList.of(DEVELOPMENT_SHARE, CARE_SHARE, ROTATION_YEARS,
      SPECIALIST_HIRING, NATIONAL_SHARE, COUNCIL, EXPO, PREFECTURAL_BRIDGE);

  private Policies() {}
}
