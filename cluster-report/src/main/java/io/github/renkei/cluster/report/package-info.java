/**
 * Pictures of Renkei's results as an API: projection charts with observed points, events and
 * labelled bands, forest plots of paired policy effects, the map of Japan with the support
 * organizations and per-prefecture choropleths, and a self-contained HTML report that opens
 * offline. The main job ({@code renkei fukushima}) draws its output with exactly these classes,
 * so a library user gets the same pictures from their own experiments.
 *
 * <ul>
 *   <li>{@link io.github.renkei.cluster.report.ProjectionChart}: a metric over the years, per
 *       grid point the mean, the 95% CI of the mean and the range of runs, with the observed
 *       figures ({@link io.github.renkei.cluster.dynamics.Observation}), the calibration
 *       boundary and {@link io.github.renkei.cluster.report.ChartEvent}s;</li>
 *   <li>{@link io.github.renkei.cluster.report.PredictiveChart}: a posterior predictive fan of a
 *       metric, the median and the central 50% and 90% of the draws, with observed and held-out
 *       figures;</li>
 *   <li>{@link io.github.renkei.cluster.report.StageMixChart}: the entry stages stacked;</li>
 *   <li>{@link io.github.renkei.cluster.report.ForestPlot}: paired effects with their CIs;</li>
 *   <li>{@link io.github.renkei.cluster.report.Report} with
 *       {@link io.github.renkei.cluster.report.Table}s: one HTML file holding every
 *       {@link io.github.renkei.cluster.report.Picture}.</li>
 * </ul>
 *
 * <pre>{@code
 * ProjectionChart chart = ProjectionChart.builder(result, scenario, ClusterDynamics.REGISTERED)
 *     .axisLabel("Registered manufacturers (firms)").observed(Observation.fukushima()).build();
 * Report.builder("My run").figure(chart).build().write(Path.of("report.html"));
 * }</pre>
 *
 * <p>Every picture is an immutable value; drawing happens in {@code png()}, headless (loading
 * the package sets {@code java.awt.headless=true} unless the property is set).
 *
 * <p><b>Why this module has no {@code module-info}.</b> XChart is not a named module: its jar
 * only declares the automatic module name {@code org.knowm.xchart}. A {@code requires
 * org.knowm.xchart} makes javac warn ({@code -Xlint:requires-automatic}, part of the
 * {@code -Xlint:all} the build compiles with), and this API's types expose XChart's
 * ({@link io.github.renkei.cluster.report.ProjectionChart#toXChart()}), which would call for a
 * {@code requires transitive} on an automatic module, another warning. So {@code cluster-report}
 * stays on the class path (it is itself an automatic module, {@code cluster.report}, by its jar's
 * name) until XChart ships a {@code module-info}.
 */
package io.github.renkei.cluster.report;
