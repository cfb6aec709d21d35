/**
 * The seed's cluster dynamics, built from mechanisms of {@link io.github.renkei.cluster.simulation}:
 * firms climbing the entry ladder ({@link io.github.renkei.cluster.dynamics.EntryLadder}),
 * support organizations whose staff rotate and whose know-how is lost unless stocked
 * ({@link io.github.renkei.cluster.dynamics.SupportStaff}), budgets that start and stop with
 * national program terms ({@link io.github.renkei.cluster.dynamics.FundingFlows}), matching
 * rounds run with the matcher of {@link io.github.renkei.cluster.matching}
 * ({@link io.github.renkei.cluster.dynamics.MatchingRounds}), the annual expo
 * ({@link io.github.renkei.cluster.dynamics.Expo}), vertical ties turning horizontal
 * ({@link io.github.renkei.cluster.dynamics.Horizontalization}), the nationwide council
 * ({@link io.github.renkei.cluster.dynamics.NationwideCouncil}) and the seed's events
 * ({@link io.github.renkei.cluster.dynamics.Shocks}).
 *
 * <p>{@link io.github.renkei.cluster.dynamics.ClusterDynamics} assembles them into a
 * {@link io.github.renkei.cluster.simulation.Scenario}. The model is region-neutral: a region
 * enters as a {@link io.github.renkei.cluster.dynamics.ClusterWorld} (its cluster file, from
 * which each firm's stage, licences and ties and each support organization's know-how are read)
 * and a {@link io.github.renkei.cluster.dynamics.RegionProfile} (its years, lead organization,
 * events, program terms and its own coefficients, each labelled observed, estimated or assumed);
 * {@code ClusterDynamics.fukushima()} is the scenario of
 * {@link io.github.renkei.cluster.dynamics.RegionProfile#fukushima()}, 2005–2030.
 * {@link io.github.renkei.cluster.dynamics.NationwideDynamics} runs all 47 prefectures at once — a
 * {@link io.github.renkei.cluster.dynamics.NationwideWorld} of one world per prefecture, joined by
 * the catalog's hubs, a nationwide council and cross-border brokering — into a
 * {@link io.github.renkei.cluster.dynamics.NationalState}.
 * {@link io.github.renkei.cluster.dynamics.Advice} answers the seed's question for any region —
 * product-development support, parts-supply/OEM support or municipal care projects — by paired
 * experiments. {@link io.github.renkei.cluster.dynamics.Policies} holds the
 * policy levers; every other coefficient is a named parameter of its mechanism, with its default
 * and where the default comes from (a published figure, the seed, or "assumption").
 * {@link io.github.renkei.cluster.dynamics.Observation} reads observed series, and
 * {@link io.github.renkei.cluster.dynamics.FukushimaCalibration} fits the free parameters to
 * Fukushima's figures up to FY2016; {@link io.github.renkei.cluster.dynamics.RegionProfile#calibration}
 * fits any region's free parameters to its own series.
 *
 * <p>The model is a stylized account of the seed's mechanisms, not a forecast: most
 * coefficients are assumptions, stated as such, and a calibrated fit to a handful of published
 * figures constrains only a few of them.
 */
package io.github.renkei.cluster.dynamics;
