package io.github.renkei.cluster.dynamics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.inference.AbcSmc;
import io.github.renkei.cluster.inference.Posterior;
import io.github.renkei.cluster.simulation.Calibration;
import io.github.renkei.cluster.simulation.CalibrationResult;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The calibration of the Fukushima scenario to the observed figures up to FY2016
 * ({@link Observation#fukushima()}): which parameters are free, within which bounds, and the
 * targets. The defaults of those parameters in this library are the values this calibration
 * found (seed {@value #SEED}, {@value #REPLICATIONS} replications per evaluation,
 * {@value #SAMPLES} Latin-hypercube samples, then Nelder–Mead for at most {@value #EVALUATIONS}
 * evaluations); rerun it with the example {@code Calibrate} of {@code cluster-examples}, or:
 *
 * <pre>{@code
 * CalibrationResult fit = FukushimaCalibration.calibration(ClusterDynamics.fukushima(), Observation.fukushima())
 *     .replications(20).seed(2016).latinHypercube(128).nelderMead(800).threads(2)
 *     .run();
 * fit.best();      // the parameters
 * fit.fit();       // per target: observed, simulated mean, 95% CI
 * }</pre>
 *
 * <p>Another region is calibrated through its profile, {@link RegionProfile#calibration}, with
 * its own free parameters and observations (same file format, {@link Observation#read}). Each target's error is
 * scaled by its observed value, so series of different units weigh alike; two sources for the
 * same year are averaged into one target.
 *
 * <p>Only years up to 2016 are used; later years are kept for an out-of-sample check.
 */
public final class FukushimaCalibration {

  /** Seed of the shipped calibration. */
  public static final long SEED = 2016L;
  /** Replications per evaluation of the shipped calibration. */
  public static final int REPLICATIONS = 20;
  /** Latin-hypercube samples of the shipped calibration. */
  public static final int SAMPLES = 128;
  /** Most Nelder–Mead evaluations of the shipped calibration. */
  public static final int EVALUATIONS = 800;

  private FukushimaCalibration() {}

  /**
   * The free parameters with their bounds and the targets, ready to run.
   *
   * @param scenario the Fukushima scenario or a variant declaring the same parameters
   * @param observed the observations; each becomes a target of its metric and year
   * @return a calibration builder; set replications, seed, search budget and threads, then run
   * @throws IllegalArgumentException if an observation names a metric the scenario lacks or a
   *     year outside its schedule (when the calibration is built)
   */
  public static Calibration.Builder calibration(Scenario<ClusterState> scenario, List<Observation> observed) {
    checkNotNull(scenario, "scenario");
    return RegionProfile.calibration(scenario, RegionProfile.fukushima().free(), observed);
  }

  /**
   * The observations as calibration targets: metric, year, observed value, the error scaled by
   * the value. Two sources for the same metric and year (114 and 115 億円 of parts shipments in
   * 2009) become one target at their mean, citing both.
   *
   * @param observed the observations
   * @return the targets, in the order their metric and year first appear
   */
  public static ImmutableList<Target> targets(List<Observation> observed) {
    Map<String, List<Observation>> byKey = new LinkedHashMap<>();
    for (Observation o : observed) {
      byKey.computeIfAbsent(o.metric() + "@" + o.year(), k -> new ArrayList<>()).add(o);
    }
    ImmutableList.Builder<Target> targets = ImmutableList.builder();
    for (List<Observation> same : byKey.values()) {
      Observation first = same.get(0);
      double mean = same.stream().mapToDouble(Observation::value).average().orElseThrow();
      String sources = same.stream().map(Observation::source).distinct().collect(Collectors.joining(" ; "));
      targets.add(Target.of(first.metric(), Integer.toString(first.year()), mean).withSource(sources));
    }
    return targets.build();
  }

  /**
   * Compares a scenario with observed figures it was not calibrated on — the out-of-sample check
   * of later years, or another region's series: runs the scenario with its defaults and reports,
   * per observed figure (two sources for one year averaged), the simulated mean, its 95% CI and
   * the distribution of the runs.
   *
   * <pre>{@code
   * List<Observation> later = Observation.read("later.tsv", reader);   // e.g. FY2017–FY2020
   * for (CalibrationResult.Fit f : FukushimaCalibration.check(ClusterDynamics.fukushima(), later, 200, 2016)) {
   *   System.out.printf("%s %s observed %.0f simulated %.1f%n", f.metric(), f.time(), f.observed(), f.mean());
   * }
   * }</pre>
   *
   * @param scenario the scenario, with the parameters to check as its defaults
   * @param observed the figures; their metrics and years must be the scenario's
   * @param replications replications, at least 2
   * @param seed the seed
   * @return one fit per figure, in the order of {@link #targets}
   * @throws IllegalArgumentException naming the metric or year an observation has that the
   *     scenario lacks, or the replications if below 2
   */
  public static ImmutableList<CalibrationResult.Fit> check(Scenario<ClusterState> scenario,
      List<Observation> observed, int replications, long seed) {
    checkNotNull(scenario, "scenario");
    checkArgument(replications >= 2, "replications must be >= 2 but was %s", replications);
    ImmutableList<Target> targets = targets(observed);
    for (Target t : targets) {
      checkArgument(scenario.metricNames().contains(t.metric()), "observed metric '%s' is not a metric of scenario"
          + " '%s'", t.metric(), scenario.name());
      checkArgument(scenario.schedule().indexOf(t.time()).isPresent(), "observed year %s of '%s' is outside the"
          + " schedule %s", t.time(), t.metric(), scenario.schedule());
    }
    ExperimentResult r = Experiment.of(scenario).replications(replications).seed(seed).run();
    return targets.stream()
        .map(t -> new CalibrationResult.Fit(t, r.summary(scenario.name(), 0, t.metric(), t.time())))
        .collect(ImmutableList.toImmutableList());
  }

  /** Seed of the shipped ABC-SMC posterior. */
  public static final long ABC_SEED = 2017L;
  /** Particles of the shipped ABC-SMC posterior. */
  public static final int ABC_PARTICLES = 1000;
  /** Tolerance at which the shipped ABC-SMC stops: a root-mean-square relative error of this size. */
  public static final double ABC_MINIMUM_EPSILON = 0.04;
  /** Most generations of the shipped ABC-SMC. */
  public static final int ABC_GENERATIONS = 12;
  /** Simulation budget of the shipped ABC-SMC. */
  public static final long ABC_SIMULATIONS = 150_000;
  /** The resource holding the shipped posterior, next to this class. */
  static final String POSTERIOR_RESOURCE = "fukushima-posterior.tsv";

  /**
   * The shipped Bayesian calibration: ABC-SMC ({@link RegionProfile#abc}) of the profile's free
   * parameters, uniform priors over their bounds, {@value #ABC_PARTICLES} particles, one run per
   * proposal, stopping at ε = {@value #ABC_MINIMUM_EPSILON} or after {@value #ABC_GENERATIONS}
   * generations or {@value #ABC_SIMULATIONS} simulations, seed {@value #ABC_SEED}. Its result is
   * {@link #posterior()}; the example {@code FukushimaPosterior} reruns it and rewrites the file.
   *
   * @param threads threads
   * @return the builder, ready to run
   */
  public static AbcSmc.Builder abc(int threads) {
    return RegionProfile.fukushima().abc(ClusterWorld.fukushima(), Observation.fukushima())
        .particles(ABC_PARTICLES).minimumEpsilon(ABC_MINIMUM_EPSILON).maxGenerations(ABC_GENERATIONS)
        .maxSimulations(ABC_SIMULATIONS).seed(ABC_SEED).threads(threads);
  }

  /**
   * The shipped posterior of the Fukushima scenario's free parameters given the observed figures
   * up to FY2016: the particles {@link #abc(int)} found, read from the resource {@value
   * #POSTERIOR_RESOURCE}. Draw projections over it with {@link
   * io.github.renkei.cluster.inference.Predictive}.
   *
   * @return the posterior (its particles and weights; the run's diagnostics are in the file's comments)
   * @throws IllegalStateException if the resource is missing or malformed (a broken build)
   */
  public static Posterior posterior() {
    Posterior p = shippedPosterior;
    if (p == null) {
      try (InputStream in = FukushimaCalibration.class.getResourceAsStream(POSTERIOR_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("resource " + POSTERIOR_RESOURCE + " is missing from the library");
        }
        p = Posterior.readTsv(new InputStreamReader(in, StandardCharsets.UTF_8), POSTERIOR_RESOURCE);
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalStateException("cannot read the shipped posterior " + POSTERIOR_RESOURCE + ": " + e, e);
      }
      shippedPosterior = p;
    }
    return p;
  }

  private static volatile Posterior shippedPosterior;

  /**
   * The shipped calibration, as configured above.
   *
   * @param threads threads per evaluation
   * @return the calibration builder with the shipped seed and budget
   */
  public static Calibration.Builder shipped(int threads) {
    return calibration(ClusterDynamics.fukushima(), Observation.fukushima()).replications(REPLICATIONS).seed(SEED)
        .latinHypercube(SAMPLES).nelderMead(EVALUATIONS).threads(threads);
  }
}
