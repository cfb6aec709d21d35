/**
 * A small, fast, generic discrete-time simulation engine that is statistics-first and
 * bit-reproducible. It knows nothing of organizations: the cluster's dynamics are mechanisms
 * written on top of it.
 *
 * <ul>
 *   <li>A {@link io.github.renkei.cluster.simulation.Scenario} is an initial state, named and
 *       typed {@link io.github.renkei.cluster.simulation.Parameter}s, a
 *       {@link io.github.renkei.cluster.simulation.Schedule} of steps (years, quarters, months),
 *       {@link io.github.renkei.cluster.simulation.Mechanism}s stepped in declared order,
 *       one-shot events, {@link io.github.renkei.cluster.simulation.Metric}s and an optional
 *       stop condition.</li>
 *   <li>Randomness comes only from the engine: one root seed, and an independent stream per
 *       replication and per mechanism ({@link io.github.renkei.cluster.simulation.RandomStreams}),
 *       so adding a mechanism leaves the others' draws unchanged.</li>
 *   <li>{@link io.github.renkei.cluster.simulation.Simulation} runs one replication;
 *       {@link io.github.renkei.cluster.simulation.Experiment} runs scenarios × a
 *       {@link io.github.renkei.cluster.simulation.Grid} × replications in parallel, streams
 *       rows to {@link io.github.renkei.cluster.simulation.ResultSink}s, reports
 *       {@link io.github.renkei.cluster.simulation.Progress}, runs shards, and gives
 *       {@link io.github.renkei.cluster.simulation.Statistics} with Student-t confidence
 *       intervals and {@link io.github.renkei.cluster.simulation.PairedComparison}s over common
 *       random numbers. Results are bit-identical with any number of threads or shards.</li>
 *   <li>{@link io.github.renkei.cluster.simulation.Calibration} fits a scenario's free
 *       parameters to observed values ({@link io.github.renkei.cluster.simulation.Target}s, such
 *       as yearly registry counts) by a Latin hypercube and Nelder–Mead over common random
 *       numbers, and reports the fit with confidence intervals in a
 *       {@link io.github.renkei.cluster.simulation.CalibrationResult}.</li>
 * </ul>
 *
 * <pre>{@code
 * record Town(double[] wealth) {}
 * Parameter<Double> GROWTH = Parameter.real("growth", 0.01, 0, 1);
 * Scenario<Town> town = Scenario.builder("town", Schedule.years(2010, 2030),
 *         (params, random) -> new Town(new double[100]))
 *     .parameter(GROWTH)
 *     .mechanism("income", (s, ctx) -> {
 *       for (int i = 0; i < s.wealth().length; i++) {
 *         s.wealth()[i] += ctx.parameter(GROWTH) * ctx.random().nextDouble();
 *       }
 *     })
 *     .metric("total", s -> Arrays.stream(s.wealth()).sum())
 *     .build();
 * ExperimentResult r = Experiment.of(town).grid(Grid.of(GROWTH, 0.01, 0.02)).replications(100).seed(7).run();
 * r.summary("town", 1, "total", "2030").confidenceInterval95();
 * }</pre>
 */
package io.github.renkei.cluster.simulation;
