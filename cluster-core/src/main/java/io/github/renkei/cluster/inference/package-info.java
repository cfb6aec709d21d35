/**
 * Generic inference on the simulation engine: what a model's output says about its inputs, and
 * what observed data say about its parameters, with the uncertainty kept.
 * Like the {@code simulation} package it knows no organizations; it works on any
 * {@link io.github.renkei.cluster.simulation.Scenario} or on a plain function.
 *
 * <p>Calibration with uncertainty:
 * <ul>
 *   <li>{@link io.github.renkei.cluster.inference.Prior}: a prior per parameter (uniform,
 *       discrete uniform, normal, log-normal, truncated normal), checked against the values the
 *       parameter admits.</li>
 *   <li>{@link io.github.renkei.cluster.inference.AbcSmc}: approximate Bayesian computation by
 *       sequential Monte Carlo (Toni et al. 2009; Beaumont et al. 2009) over a
 *       {@link io.github.renkei.cluster.simulation.Scenario}'s parameters or a closed-form
 *       {@link io.github.renkei.cluster.inference.AbcSmc.Model}, with adaptive tolerances, a
 *       distance over {@link io.github.renkei.cluster.simulation.Target}s, a simulation budget,
 *       progress, and results bit-identical for a seed whatever the number of threads.</li>
 *   <li>{@link io.github.renkei.cluster.inference.Posterior}: the weighted sample of
 *       {@link io.github.renkei.cluster.inference.Particle}s, its effective sample size, weighted
 *       means, standard deviations and quantiles, the run's diagnostics per generation
 *       ({@link io.github.renkei.cluster.inference.AbcSmcGeneration}), and resampling for
 *       posterior predictive runs.</li>
 * </ul>
 *
 * <pre>{@code
 * Posterior posterior = AbcSmc.of(scenario)
 *     .prior(Prior.uniform(ENTRY_RATE, 0.01, 0.5))
 *     .targets(Target.series("registered", ImmutableMap.of("2011", 50, "2015", 71, "2016", 74)))
 *     .particles(1000)
 *     .minimumEpsilon(0.05)
 *     .seed(2005)
 *     .run();
 * System.out.println(posterior);   // mean, sd and quantiles per parameter
 * }</pre>
 *
 * <p>Projections with their uncertainty: {@link io.github.renkei.cluster.inference.Predictive}
 * runs a scenario over a posterior's draws and replications, optionally with a relative
 * {@link io.github.renkei.cluster.inference.Discrepancy} term (Kennedy and O'Hagan 2001) of fixed
 * or estimated size; its {@link io.github.renkei.cluster.inference.PredictiveResult} reads
 * {@link io.github.renkei.cluster.inference.Band}s that say which uncertainty they carry (mean CI,
 * run range, posterior predictive with or without the term) and writes them as CSV.
 *
 * <pre>{@code
 * PredictiveResult p = Predictive.of(scenario, posterior).draws(500)
 *     .discrepancy(Discrepancy.estimated(targets)).seed(2016).run();
 * p.band("registered", "2030", 0.9);   // kind POSTERIOR_PREDICTIVE_WITH_DISCREPANCY
 * }</pre>
 *
 * <p>{@link io.github.renkei.cluster.inference.Backtest} checks them on the data: fit on the
 * targets up to each cutoff, predict the later ones, and report per series the coverage of the
 * 50 % and 90 % bands and the mean absolute percentage error
 * ({@link io.github.renkei.cluster.inference.BacktestResult}).
 *
 * <p>{@link io.github.renkei.cluster.inference.PosteriorEffects} asks whether a policy's effect
 * keeps its sign across what the data allow: each posterior draw runs both policies on common
 * random numbers, and the result gives the median effect, a central interval over the draws and
 * the share of draws with an effect above a threshold.
 *
 * <p>Global sensitivity analysis, as a pipeline of small steps in the manner of SALib (a problem
 * of named factors with bounds, a design, the model's runs, the analysis):
 * <ul>
 *   <li>a {@link io.github.renkei.cluster.inference.SensitivityModel} is the problem: named
 *       {@link io.github.renkei.cluster.inference.Factor}s with bounds and a function of them,
 *       or a scenario's metric at a time averaged over replications, its numeric parameters
 *       being the factors;</li>
 *   <li>{@link io.github.renkei.cluster.inference.Morris} screens factors by elementary effects
 *       (Morris 1991; μ* of Campolongo et al. 2007) on trajectories or on the radial design of
 *       Campolongo et al. 2011, in {@code r · (k + 1)} runs;</li>
 *   <li>{@link io.github.renkei.cluster.inference.Sobol} estimates first-order and total
 *       variance-based indices (Saltelli et al. 2010) from a Sobol' sequence with Joe–Kuo
 *       direction numbers in {@code N · (k + 2)} runs;</li>
 *   <li>both give immutable results with bootstrap percentile intervals, a ranking of the
 *       factors and a printable table; runs are reproducible for a seed and identical whatever
 *       the number of threads.</li>
 * </ul>
 *
 * <pre>{@code
 * SensitivityModel model = SensitivityModel.of(scenario, "registered", "2030")
 *     .factor("entry-rate", 0.01, 0.5).factor("rotation-years", 1, 6).factor("fair-effect", 0, 0.2)
 *     .replications(5).seed(2005).build();
 * MorrisResult screening = Morris.of(model).trajectories(20).seed(1).run();
 * SobolResult indices = Sobol.of(model).baseSamples(1024).bootstrap(1000).seed(1).run();
 * System.out.println(indices);      // the table, factors ranked by total index
 * }</pre>
 */
package io.github.renkei.cluster.inference;
