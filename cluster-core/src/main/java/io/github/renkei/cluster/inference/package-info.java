/**
 * Inference on the simulation engine: what the data say about a scenario's parameters, with
 * the uncertainty kept.
 *
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
 */
package io.github.renkei.cluster.inference;
