package io.github.renkei.cluster.dynamics;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.RelationshipType;
import io.github.renkei.cluster.simulation.Mechanism;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.StepContext;
import java.util.Arrays;

/**
 * Mechanism {@value #NAME}, always last: counts what the metrics report — firms per rung,
 * vertical and horizontal ties — and values the year's output in 100 million yen (億円):
 *
 * <ul>
 *   <li><b>production value</b> (薬事工業生産動態統計 measures it): the output of device makers'
 *       plants, {@link #PRODUCTION_BASE} in the first year, growing with the market by
 *       {@link #PRODUCTION_GROWTH} a year — a rate that itself varies from year to year with
 *       standard deviation {@link #PRODUCTION_GROWTH_SD} (default 0), so that runs disagree about
 *       the plants' future as much as the data allow — and by {@link #SITING_ADDITION} more each year while
 *       reconstruction funding runs — new and larger plants built with the post-quake siting
 *       subsidies (about 80 firms by 2016, 福島民友 2016-07-10) add capacity once, so the addition
 *       is a level per year, not a rate that would compound — not touched by the shocks, since
 *       the prefecture's production value rose through the 2008 crisis (801 億円 in 2009, 911 in
 *       2010) and the earthquake year (976 in 2011); plus the firms' own output,
 *       {@link #VALUE_OEM}, {@link #VALUE_ODM} or {@link #VALUE_OWN_PRODUCT} a year per firm at
 *       those rungs, times demand and capacity;</li>
 *   <li><b>parts shipments</b> (工業統計 measures them): what the demand for parts buys — the
 *       region's own device production, {@link #PARTS_SHARE} of the production value above
 *       (makers' plants, and the firms' OEM, ODM and own products), which grows with the plants;
 *       plus {@link #PARTS_VALUE} per firm in the field times demand and capacity, the parts they
 *       sell to makers elsewhere. So the series follows the plants and the ladder, and is not
 *       capped by the number of firms.</li>
 * </ul>
 */
public final class Accounts implements Mechanism<ClusterState> {

  /** The mechanism's name. */
  public static final String NAME = "accounts";

  /**
   * Makers' plant output in the first year, 億円. Default 643.2, calibrated
   * ({@link FukushimaCalibration}) to the production values 801 (2009) … 1,303 (2014) of
   * 薬事工業生産動態統計.
   */
  public static final Parameter<Double> PRODUCTION_BASE = Parameter.real("production-base", 643.2, 0, 1_000_000);

  /**
   * Yearly growth of the plants' output. Default 0.06199, calibrated within 0..0.12 (the observed
   * value grew about 10 % a year from 2009 to 2014). The model carries this growth on to the last
   * year without saturation: a trend, not a forecast.
   */
  public static final Parameter<Double> PRODUCTION_GROWTH = Parameter.real("production-growth", 0.06199, -0.5, 1);

  /**
   * Output added to the plants each year while reconstruction funding runs, 億円 a year. Default
   * 60.69, calibrated within 0..200.
   */
  public static final Parameter<Double> SITING_ADDITION = Parameter.real("siting-addition", 60.69, -10_000, 10_000);

  /** Yearly output of a firm at OEM, 億円. Default 1.0 (assumption). */
  public static final Parameter<Double> VALUE_OEM = Parameter.real("value-oem", 1.0, 0, 100_000);

  /** Yearly output of a firm at ODM, 億円. Default 2.0 (assumption). */
  public static final Parameter<Double> VALUE_ODM = Parameter.real("value-odm", 2.0, 0, 100_000);

  /** Yearly output of a firm with its own product, 億円. Default 3.0 (assumption). */
  public static final Parameter<Double> VALUE_OWN_PRODUCT = Parameter.real("value-own-product", 3.0, 0, 100_000);

  /**
   * Yearly parts shipments per firm in the field, 億円. Default 1.392, calibrated to 工業統計's
   * 114/115 (2009) and 124 (2010).
   */
  public static final Parameter<Double> PARTS_VALUE = Parameter.real("parts-value", 1.392, 0, 100_000);

  /**
   * Share of the region's production value bought as parts from the region's firms. Default 0
   * (the point calibration of issue 7, which fitted {@link #PARTS_VALUE} alone); the posterior of
   * {@link RegionProfile#fukushima()} estimates it within 0..0.15.
   */
  public static final Parameter<Double> PARTS_SHARE = Parameter.real("parts-share", 0.0, 0, 1);

  /**
   * Standard deviation of the plants' yearly growth around {@link #PRODUCTION_GROWTH}: each year
   * of each run draws its own rate. Default 0 (every run grows alike); the posterior of {@link
   * RegionProfile#fukushima()} estimates it within 0..0.08.
   */
  public static final Parameter<Double> PRODUCTION_GROWTH_SD = Parameter.real("production-growth-sd", 0.0, 0, 1);

  /** This mechanism's coefficients. */
  public static final ImmutableList<Parameter<?>> PARAMETERS = ImmutableList.of(PRODUCTION_BASE, PRODUCTION_GROWTH,
      PRODUCTION_GROWTH_SD, SITING_ADDITION, VALUE_OEM, VALUE_ODM, VALUE_OWN_PRODUCT, PARTS_VALUE, PARTS_SHARE);

  /** Creates the mechanism; it keeps no state of its own, so one instance serves every replication. */
  public Accounts() {}

  @Override
  public void step(ClusterState s, StepContext ctx) {
    int year = ctx.year();
    if (ctx.step() > 0) {
      boolean reconstruction = year >= s.reconstructionFrom && year <= s.reconstructionTo;
      double sd = ctx.parameter(PRODUCTION_GROWTH_SD);
      double growth = ctx.parameter(PRODUCTION_GROWTH) + (sd > 0 ? sd * ctx.random().nextGaussian() : 0);
      s.baseOutput = s.baseOutput * (1 + growth) + (reconstruction ? ctx.parameter(SITING_ADDITION) : 0);
    }
    count(s);
    double market = s.demand * s.capacity;
    int[] n = s.atStage;
    s.productionValue = s.baseOutput + market * (n[EntryStage.OEM.ordinal()] * ctx.parameter(VALUE_OEM)
        + n[EntryStage.ODM.ordinal()] * ctx.parameter(VALUE_ODM)
        + n[EntryStage.OWN_PRODUCT.ordinal()] * ctx.parameter(VALUE_OWN_PRODUCT));
    s.partsShipments = ctx.parameter(PARTS_SHARE) * s.productionValue
        + (s.stage.length - n[EntryStage.NONE.ordinal()]) * ctx.parameter(PARTS_VALUE) * market;
  }

  /** Counts firms per rung and ties by orientation. */
  static void count(ClusterState s) {
    Arrays.fill(s.atStage, 0);
    for (byte r : s.stage) {
      s.atStage[r]++;
    }
    int vertical = 0;
    for (int t = 0; t < s.ties; t++) {
      int type = s.tieType[t];
      if (type == RelationshipType.PARTS_SUPPLY.ordinal() || type == RelationshipType.OEM.ordinal()) {
        vertical++;
      }
    }
    s.verticalTies = vertical;
    s.horizontalTies = s.ties - vertical;
    long[] pairs = new long[s.ties];
    int partners = s.partners();
    int n = 0;
    int requesters = s.world.requesters().size() + s.world.careOrganizations().size();
    for (int t = 0; t < s.ties; t++) {
      if (s.stage[s.tieFirm[t]] > 0 && s.tieRequester[t] < partners) {
        pairs[n++] = (long) s.tieFirm[t] * requesters + s.tieRequester[t];
      }
    }
    Arrays.sort(pairs, 0, n);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || pairs[i] != pairs[i - 1]) {
        distinct++;
      }
    }
    s.linkedPairs = distinct;
  }
}
