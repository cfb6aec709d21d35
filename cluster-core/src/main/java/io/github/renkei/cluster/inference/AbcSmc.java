package io.github.renkei.cluster.inference;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.internal.SplitMix64;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Parameters;
import io.github.renkei.cluster.simulation.Progress;
import io.github.renkei.cluster.simulation.ProgressListener;
import io.github.renkei.cluster.simulation.RandomStreams;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Simulation;
import io.github.renkei.cluster.simulation.SimulationResult;
import io.github.renkei.cluster.simulation.Target;
import io.github.renkei.cluster.simulation.TimeSeries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.ToDoubleBiFunction;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC): a weighted sample from
 * the posterior of a scenario's (or a model's) parameters given observed {@link Target}s, with
 * priors per parameter, without a likelihood — only simulations.
 *
 * <pre>{@code
 * Posterior posterior = AbcSmc.of(scenario)
 *     .prior(Prior.uniform(ENTRY_RATE, 0.01, 0.5))
 *     .prior(Prior.discreteUniform(ROTATION, 1, 6))
 *     .fixed(ImmutableMap.of("council", true))
 *     .targets(Target.series("registered", ImmutableMap.of("2011", 50, "2015", 71, "2016", 74)))
 *     .particles(1000)
 *     .minimumEpsilon(0.05)
 *     .maxSimulations(200_000)
 *     .seed(2005)
 *     .run();
 * posterior.mean("entry-rate");
 * posterior.epsilons();
 * }</pre>
 *
 * A closed-form simulator works the same way through {@link Model}:
 * <pre>{@code
 * Parameter<Double> mu = Parameter.real("mu", 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
 * Posterior p = AbcSmc.of(List.of(mu), AbcSmc.Model.of((theta, random) -> theta[0] + random.nextGaussian()))
 *     .prior(Prior.normal(mu, 0, 2))
 *     .target(Target.of("y", "0", 1.3, 1.0))
 *     .seed(1)
 *     .run();
 * }</pre>
 *
 * <h2>The algorithm</h2>
 * ABC-SMC after Toni, Welch, Strelkowa, Ipsen and Stumpf ("Approximate Bayesian computation
 * scheme for parameter inference and model selection in dynamical systems", J. R. Soc. Interface
 * 6(31), 2009), with the importance weights and adaptive kernel of Beaumont, Cornuet, Marin and
 * Robert ("Adaptive approximate Bayesian computation", Biometrika 96(4), 2009):
 * <ol>
 *   <li>Generation 0 draws {@code N} particles from the prior and accepts every one whose
 *       simulations reach the targets ({@code ε₀ = ∞}); their weights are equal.</li>
 *   <li>Generation {@code t ≥ 1} has the tolerance {@code εₜ}, the {@linkplain
 *       Builder#quantile(double) α-quantile} (default the median) of the previous generation's
 *       distances weighted by its weights — adaptive tolerances in the manner of Del Moral,
 *       Doucet and Jasra ("An adaptive sequential Monte Carlo method for approximate Bayesian
 *       computation", Statistics and Computing 22(5), 2012) and Drovandi and Pettitt ("Estimation
 *       of parameters for macroparasite population evolution using approximate Bayesian
 *       computation", Biometrics 67(1), 2011). Each of its {@code N} particles draws an ancestor
 *       {@code θⱼ} of the previous generation by weight and perturbs it with a normal kernel
 *       {@code K}; a proposal outside the prior's support is redrawn without a simulation, one
 *       whose distance is at most {@code εₜ} is accepted. Its weight is
 *       {@code π(θ) / Σⱼ wⱼ K(θ | θⱼ)}.</li>
 *   <li>The kernel's covariance is twice the weighted covariance of the previous generation:
 *       by default the full matrix (the multivariate normal kernel of Filippi, Barnes, Cornebise
 *       and Stumpf, "On optimality of kernels for approximate Bayesian computation using
 *       sequential Monte Carlo", Stat. Appl. Genet. Mol. Biol. 12(1), 2013), or its diagonal
 *       ({@link Kernel#COMPONENT_WISE_NORMAL}, Beaumont et al. 2009's choice). A generation
 *       whose full matrix is singular — fewer distinct particles than parameters, or a parameter
 *       that is a linear function of others — perturbs with the diagonal instead, and weighs
 *       with it too.</li>
 *   <li>The run stops after the generation whose tolerance reached the {@linkplain
 *       Builder#minimumEpsilon(double) minimum ε} (that generation uses exactly the minimum), after
 *       the {@linkplain Builder#maxGenerations(int) maximum number of generations}, or when the
 *       next round of simulations would exceed the {@linkplain Builder#maxSimulations(long)
 *       simulation budget}; the posterior is the last complete generation.</li>
 * </ol>
 * The perturbations and weights act on the latent values of the priors (see {@link Prior}), so an
 * integer parameter is perturbed as a continuous one and takes the nearest integer.
 *
 * <h2>The distance</h2>
 * A proposal runs {@linkplain Builder#replications(int) R} replications (default 1); for each
 * target, {@code m} is the mean of its metric at its time over the replications that reached that
 * step. The distance is the root mean square of the scaled errors,
 * {@code √(Σₖ ((mₖ − observedₖ) / scaleₖ)² / K)} over the {@code K} targets — the square root of
 * {@link io.github.renkei.cluster.simulation.Calibration}'s distance, so that ε reads as a
 * relative error with the targets' default scales. It is +∞, and the proposal rejected, if no
 * replication reached some target's step. With {@code R = 1} (the default) the accepted particles
 * approach the posterior given the targets as ε shrinks; with {@code R > 1} the model is "the mean
 * of R runs", whose noise is {@code R} times smaller, which narrows the posterior: use it when
 * the observations are themselves such means, or to calibrate against the expected value.
 *
 * <h2>Reproducibility and parallelism</h2>
 * Every random number of a proposal — ancestor, perturbation and the seed of its simulations —
 * comes from a generator seeded by mixing the run's seed, the generation, the particle's index and
 * the attempt (as {@link RandomStreams} mixes its streams), never from a generator shared in
 * thread order. Particles are proposed in rounds: round {@code a} makes attempt {@code a} of every
 * particle not yet accepted, in parallel; results are gathered by index. So the posterior is
 * bit-identical for a seed, whatever the number of threads. A scenario's replication {@code r} of
 * a proposal runs {@link Simulation#run Simulation.run(scenario, parameters, s, r)} with the
 * proposal's seed {@code s}: proposals get independent noise (common random numbers would tie
 * the whole posterior to one draw of the noise). A {@link Model} gets a fresh generator per
 * replication. The budget is checked before each round, which therefore never overruns it.
 *
 * <p>Cost: each generation computes {@code N²} kernel densities for the weights, in parallel.
 * An {@code AbcSmc} is immutable and can be {@linkplain #run() run} more than once, with identical
 * results.
 */
public final class AbcSmc {

  private static final Logger LOG = LoggerFactory.getLogger(AbcSmc.class);

  /** Proposals in a row outside the prior's support after which a particle gives up. */
  static final int MAX_OUTSIDE = 100_000;


  /** Why a run stopped. */
  public enum Stop {
    /** The last generation's tolerance reached the minimum ε. */
    MINIMUM_EPSILON,
    /** The maximum number of generations ran. */
    MAX_GENERATIONS,
    /** The next round of simulations would have exceeded the simulation budget. */
    SIMULATION_BUDGET
  }

  /** The perturbation kernel of generations after the first. */
  public enum Kernel {
    /**
     * A multivariate normal whose covariance is twice the previous generation's weighted
     * covariance (Filippi et al. 2013); follows correlated posteriors.
     */
    MULTIVARIATE_NORMAL,
    /**
     * Independent normals, each with twice the previous generation's weighted variance of its
     * parameter (Beaumont et al. 2009).
     */
    COMPONENT_WISE_NORMAL
  }

  /**
   * A simulator outside the engine, such as a closed-form model: parameter values in, one
   * simulated value per target out.
   */
  @FunctionalInterface
  public interface Model {

    /**
     * Simulates once.
     *
     * @param parameters the values of the parameters, in the order they were declared; an integer
     *     parameter's value is a whole number. The array is the model's to keep or change.
     * @param random the run's generator: the model's only source of randomness
     * @return one finite value per target, in the targets' order
     */
    double[] simulate(double[] parameters, RandomGenerator random);

    /**
     * A model with one output, for one target.
     *
     * <pre>{@code
     * AbcSmc.Model.of((theta, random) -> theta[0] + theta[1] * random.nextGaussian())
     * }</pre>
     *
     * @param output the simulated value from the parameters and a generator
     * @return the model
     */
    static Model of(ToDoubleBiFunction<double[], RandomGenerator> output) {
      checkNotNull(output, "output");
      return (parameters, random) -> new double[] {output.applyAsDouble(parameters, random)};
    }
  }

  /** Simulates a proposal: the mean per target over the replications, or null if a target was never reached. */
  private interface Simulator {
    double[] summaries(double[] values, long seed);
  }

  private final String name;
  private final Simulator simulator;
  private final ImmutableList<Prior> priors;
  private final ImmutableList<Target> targets;
  private final Parameters base;
  private final int particles;
  private final int replications;
  private final double quantile;
  private final double minimumEpsilon;
  private final int maxGenerations;
  private final long maxSimulations;
  private final Kernel kernel;
  private final long seed;
  private final int threads;
  private final ImmutableList<ProgressListener> listeners;

  private AbcSmc(Builder b) {
    this.name = b.name;
    this.priors = b.orderedPriors();
    this.targets = ImmutableList.copyOf(b.targets);
    this.base = b.base;
    this.particles = b.particles;
    this.replications = b.replications;
    this.quantile = b.quantile;
    this.minimumEpsilon = b.minimumEpsilon;
    this.maxGenerations = b.maxGenerations;
    this.maxSimulations = b.maxSimulations;
    this.kernel = b.kernel;
    this.seed = b.seed;
    this.threads = b.threads;
    this.listeners = ImmutableList.copyOf(b.listeners);
    this.simulator = b.scenario != null ? scenarioSimulator(b.scenario) : modelSimulator(b.model);
  }

  /**
   * Starts an ABC-SMC calibration of a scenario. The parameters given a {@linkplain
   * Builder#prior(Prior) prior} are estimated; the others keep their defaults or {@linkplain
   * Builder#fixed(Map) fixed} values.
   *
   * @param scenario the scenario
   * @return a builder
   */
  public static Builder of(Scenario<?> scenario) {
    return new Builder(checkNotNull(scenario, "scenario"), null, null);
  }

  /**
   * Starts an ABC-SMC inference of a model's parameters; every one needs a prior.
   *
   * @param parameters the model's parameters, {@code Double} or {@code Integer}, with distinct
   *     names, in the order the model receives their values
   * @param model the simulator
   * @return a builder
   * @throws IllegalArgumentException naming the parameter if there are none, a name repeats or a
   *     parameter is neither {@code Double} nor {@code Integer}
   */
  public static Builder of(List<? extends Parameter<?>> parameters, Model model) {
    checkNotNull(parameters, "parameters");
    checkNotNull(model, "model");
    checkArgument(!parameters.isEmpty(), "a model needs at least one parameter");
    Set<String> names = new HashSet<>();
    for (Parameter<?> p : parameters) {
      checkNotNull(p, "parameter");
      checkArgument(names.add(p.name()), "parameter '%s' is declared twice", p.name());
      checkArgument(p.type() == Double.class || p.type() == Integer.class,
          "parameter '%s' takes %s values; ABC-SMC estimates Double and Integer parameters", p.name(),
          p.type().getSimpleName());
    }
    return new Builder(null, ImmutableList.copyOf(parameters), model);
  }

  /**
   * Returns the priors, in the order of the posterior's parameters.
   *
   * @return the priors
   */
  public ImmutableList<Prior> priors() {
    return priors;
  }

  /**
   * Returns the targets, in order.
   *
   * @return the targets
   */
  public ImmutableList<Target> targets() {
    return targets;
  }

  private Simulator scenarioSimulator(Scenario<?> scenario) {
    int[] steps = targets.stream().mapToInt(t -> scenario.schedule().indexOf(t.time()).getAsInt()).toArray();
    return (values, simulationSeed) -> {
      Parameters p = base;
      for (int k = 0; k < priors.size(); k++) {
        Prior prior = priors.get(k);
        Object v = prior.integer() ? (Object) (int) values[k] : (Object) values[k];
        p = p.withValue(prior.parameter().name(), v);
      }
      double[] sums = new double[targets.size()];
      int[] counts = new int[targets.size()];
      for (int r = 0; r < replications; r++) {
        SimulationResult result = Simulation.run(scenario, p, simulationSeed, r);
        for (int t = 0; t < steps.length; t++) {
          TimeSeries series = result.series(targets.get(t).metric());
          if (steps[t] < series.size()) {
            sums[t] += series.get(steps[t]);
            counts[t]++;
          }
        }
      }
      for (int t = 0; t < sums.length; t++) {
        if (counts[t] == 0) {
          return null;
        }
        sums[t] /= counts[t];
      }
      return sums;
    };
  }

  private Simulator modelSimulator(Model model) {
    return (values, simulationSeed) -> {
      double[] sums = new double[targets.size()];
      for (int r = 0; r < replications; r++) {
        double[] out = model.simulate(values.clone(), RandomStreams.stream(simulationSeed, r, "model"));
        if (out == null || out.length != targets.size()) {
          throw new IllegalStateException("the model returned " + (out == null ? "null" : out.length + " values")
              + " at " + describe(values) + " but there are " + targets.size() + " targets: " + targets);
        }
        for (int t = 0; t < out.length; t++) {
          if (!Double.isFinite(out[t])) {
            throw new IllegalStateException("the model returned " + out[t] + " for target " + targets.get(t).metric()
                + "@" + targets.get(t).time() + " at " + describe(values) + " (replication " + r + ")");
          }
          sums[t] += out[t];
        }
      }
      for (int t = 0; t < sums.length; t++) {
        sums[t] /= replications;
      }
      return sums;
    };
  }

  private String describe(double[] values) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int k = 0; k < priors.size(); k++) {
      m.put(priors.get(k).parameter().name(), values[k]);
    }
    return m.toString();
  }

  /**
   * Runs ABC-SMC.
   *
   * @return the posterior: the last complete generation, with every generation's diagnostics
   * @throws IllegalStateException if the budget ran out within generation 0, a simulation fails
   *     (naming the generation, particle and parameter values), a particle's perturbations keep
   *     falling outside the prior, or a generation's particles have no spread in a parameter
   * @throws CancellationException if the calling thread is interrupted
   */
  public Posterior run() {
    Run run = new Run();
    AtomicInteger workers = new AtomicInteger();
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
      Thread t = new Thread(r, "renkei-abc-smc-" + workers.incrementAndGet());
      t.setDaemon(true);
      return t;
    }) : null;
    try {
      return run.execute(pool);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /** A population: the accepted particles of one generation. */
  private static final class Population {
    final double[][] latent;
    final double[][] values;
    final double[] distances;
    double[] weights;

    Population(int n) {
      latent = new double[n][];
      values = new double[n][];
      distances = new double[n];
    }
  }

  /** What one attempt of one particle gave. */
  private static final class Proposal {
    double[] latent;
    double[] values;
    double distance;
    int outside;
  }

  /** The perturbation kernel fitted to a population, and the population's cumulative weights. */
  private final class Perturbation {
    final Population previous;
    final double[] cumulative;
    final double total;
    /** Lower-triangular Cholesky factor of the covariance, row by row; diagonal for the component-wise kernel. */
    final double[][] factor;

    Perturbation(Population previous, int generation) {
      this.previous = previous;
      int n = previous.weights.length;
      cumulative = new double[n];
      double c = 0;
      for (int j = 0; j < n; j++) {
        c += previous.weights[j];
        cumulative[j] = c;
      }
      total = c;
      factor = cholesky(covariance(previous), generation);
    }

    private double[][] covariance(Population p) {
      int d = priors.size();
      double[] mean = new double[d];
      for (int j = 0; j < p.latent.length; j++) {
        for (int k = 0; k < d; k++) {
          mean[k] += p.weights[j] * p.latent[j][k];
        }
      }
      double[][] cov = new double[d][d];
      for (int j = 0; j < p.latent.length; j++) {
        for (int k = 0; k < d; k++) {
          double dk = p.latent[j][k] - mean[k];
          for (int l = 0; l <= k; l++) {
            cov[k][l] += p.weights[j] * dk * (p.latent[j][l] - mean[l]);
          }
        }
      }
      for (int k = 0; k < d; k++) {
        for (int l = 0; l <= k; l++) {
          cov[k][l] *= 2;
          cov[l][k] = cov[k][l];
        }
      }
      return cov;
    }

    private double[][] cholesky(double[][] cov, int generation) {
      int d = cov.length;
      double[][] l = new double[d][d];
      for (int k = 0; k < d; k++) {
        if (!(cov[k][k] > 0)) {
          throw new IllegalStateException("the particles of generation " + (generation - 1)
              + " have no spread in parameter '" + priors.get(k).parameter().name() + "' (weighted variance "
              + cov[k][k] / 2 + "), so the kernel cannot perturb it");
        }
      }
      if (kernel == Kernel.COMPONENT_WISE_NORMAL) {
        for (int k = 0; k < d; k++) {
          l[k][k] = Math.sqrt(cov[k][k]);
        }
        return l;
      }
      for (int k = 0; k < d; k++) {
        for (int m = 0; m <= k; m++) {
          double s = cov[k][m];
          for (int q = 0; q < m; q++) {
            s -= l[k][q] * l[m][q];
          }
          if (k == m) {
            // relative to the variance: a pivot this small means the parameter is (numerically)
            // a linear function of those before it
            if (!(s > 1e-12 * cov[k][k])) {
              // singular: parameter k is (numerically) a linear function of those before it, as
              // when a population has fewer distinct particles than parameters; this generation
              // perturbs component-wise, which the weights then use too
              LOG.debug("generation {}: the weighted covariance is singular at parameter '{}'; perturbing"
                  + " component-wise", generation, priors.get(k).parameter().name());
              double[][] diagonal = new double[d][d];
              for (int q = 0; q < d; q++) {
                diagonal[q][q] = Math.sqrt(cov[q][q]);
              }
              return diagonal;
            }
            l[k][k] = Math.sqrt(s);
          } else {
            l[k][m] = s / l[m][m];
          }
        }
      }
      return l;
    }

    /** Draws an ancestor by weight and perturbs its latent value. */
    double[] propose(SplittableRandom random) {
      int j = Posterior.draw(cumulative, random.nextDouble() * total);
      double[] from = previous.latent[j];
      int d = from.length;
      double[] z = new double[d];
      for (int k = 0; k < d; k++) {
        z[k] = random.nextGaussian();
      }
      double[] x = from.clone();
      for (int k = 0; k < d; k++) {
        for (int m = 0; m <= k; m++) {
          x[k] += factor[k][m] * z[m];
        }
      }
      return x;
    }

    /**
     * {@code log Σⱼ wⱼ K(x | θⱼ)} up to a constant shared by every x (the kernel's normalization),
     * by log-sum-exp so that far particles do not underflow.
     */
    double logMixture(double[] x) {
      int n = previous.latent.length;
      int d = x.length;
      double[] diff = new double[d];
      double[] terms = new double[n];
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        double w = previous.weights[j];
        if (w == 0) {
          terms[j] = Double.NEGATIVE_INFINITY;
          continue;
        }
        double[] y = previous.latent[j];
        double q = 0;
        for (int k = 0; k < d; k++) {
          double s = x[k] - y[k];
          for (int m = 0; m < k; m++) {
            s -= factor[k][m] * diff[m];
          }
          diff[k] = s / factor[k][k];
          q += diff[k] * diff[k];
        }
        terms[j] = Math.log(w) - 0.5 * q;
        max = Math.max(max, terms[j]);
      }
      double s = 0;
      for (double t : terms) {
        s += Math.exp(t - max);
      }
      return max + Math.log(s);
    }
  }

  /** One run's mutable state. */
  private final class Run {
    private final long startNanos = System.nanoTime();
    private final List<AbcSmcGeneration> generations = new ArrayList<>();
    private long simulations;
    private long lastGeneration;
    private long abandoned;
    private ExecutorService pool;

    Posterior execute(ExecutorService executor) {
      this.pool = executor;
      Population population = generation(0, Double.POSITIVE_INFINITY, null);
      if (population == null) {
        throw new IllegalStateException("the simulation budget of " + maxSimulations + " ran out in generation 0 of "
            + name + " after " + simulations + " simulations: too few of the prior's particles reach the targets' times"
            + " (their distance is +∞); raise maxSimulations");
      }
      Stop stop = Stop.MAX_GENERATIONS;
      for (int t = 1; t < maxGenerations; t++) {
        double q = weightedQuantile(population.distances, population.weights, quantile);
        boolean last = q <= minimumEpsilon;
        double epsilon = Math.max(q, minimumEpsilon);
        Population next = generation(t, epsilon, new Perturbation(population, t));
        if (next == null) {
          stop = Stop.SIMULATION_BUDGET;
          break;
        }
        population = next;
        if (last) {
          stop = Stop.MINIMUM_EPSILON;
          break;
        }
      }
      report(0, true);
      LOG.debug("ABC-SMC of {} stopped ({}) after {} generations and {} simulations", name, stop, generations.size(),
          simulations);
      return Posterior.of(priors.stream().map(p -> p.parameter().name()).collect(ImmutableList.toImmutableList()),
          particlesOf(population), generations, stop, abandoned);
    }

    private List<Particle> particlesOf(Population p) {
      List<Particle> list = new ArrayList<>(particles);
      for (int i = 0; i < particles; i++) {
        ImmutableMap.Builder<String, Double> values = ImmutableMap.builder();
        for (int k = 0; k < priors.size(); k++) {
          values.put(priors.get(k).parameter().name(), p.values[i][k]);
        }
        list.add(new Particle(values.buildOrThrow(), p.weights[i], p.distances[i]));
      }
      return list;
    }

    /** Runs a generation in rounds; null if the budget ran out before it was complete. */
    private Population generation(int t, double epsilon, Perturbation perturbation) {
      Population population = new Population(particles);
      int[] pending = new int[particles];
      Arrays.setAll(pending, i -> i);
      long proposals = 0;
      long outside = 0;
      long spent = 0;
      for (int attempt = 0; pending.length > 0; attempt++) {
        if (Thread.currentThread().isInterrupted()) {
          throw new CancellationException("ABC-SMC of " + name + " interrupted in generation " + t);
        }
        if (simulations + (long) pending.length * replications > maxSimulations) {
          abandoned = spent;
          LOG.debug("ABC-SMC of {}: the budget of {} simulations ran out in generation {}", name, maxSimulations, t);
          return null;
        }
        Proposal[] round = new Proposal[pending.length];
        int[] current = pending;
        int a = attempt;
        parallel(current.length, k -> round[k] = propose(t, current[k], a, perturbation));
        int[] still = new int[current.length];
        int left = 0;
        for (int k = 0; k < current.length; k++) {
          Proposal p = round[k];
          outside += p.outside;
          if (p.distance <= epsilon && p.distance < Double.POSITIVE_INFINITY) {
            int i = current[k];
            population.latent[i] = p.latent;
            population.values[i] = p.values;
            population.distances[i] = p.distance;
          } else {
            still[left++] = current[k];
          }
        }
        proposals += current.length;
        spent += (long) current.length * replications;
        simulations += (long) current.length * replications;
        pending = Arrays.copyOf(still, left);
        report(spent, false);
      }
      population.weights = weights(t, population, perturbation);
      double ess = Posterior.effectiveSampleSize(population.weights);
      AbcSmcGeneration g = new AbcSmcGeneration(t, epsilon, proposals, outside, spent, (double) particles / proposals,
          ess);
      generations.add(g);
      lastGeneration = spent;
      LOG.debug("ABC-SMC of {}: {}", name, g);
      return population;
    }

    private Proposal propose(int t, int particle, int attempt, Perturbation perturbation) {
      SplittableRandom random = new SplittableRandom(attemptSeed(seed, t, particle, attempt));
      Proposal p = new Proposal();
      int d = priors.size();
      if (perturbation == null) {
        p.latent = new double[d];
        for (int k = 0; k < d; k++) {
          p.latent[k] = priors.get(k).sampleLatent(random);
        }
      } else {
        while (true) {
          double[] x = perturbation.propose(random);
          if (logPrior(x) > Double.NEGATIVE_INFINITY) {
            p.latent = x;
            break;
          }
          if (++p.outside >= MAX_OUTSIDE) {
            throw new IllegalStateException("generation " + t + " of the ABC-SMC of " + name + ": particle " + particle
                + "'s perturbations fell outside the prior's support " + MAX_OUTSIDE + " times in a row; priors: "
                + priors);
          }
        }
      }
      p.values = new double[d];
      for (int k = 0; k < d; k++) {
        p.values[k] = priors.get(k).value(p.latent[k]);
      }
      long simulationSeed = random.nextLong();
      double[] summaries;
      try {
        summaries = simulator.summaries(p.values, simulationSeed);
      } catch (RuntimeException e) {
        throw new IllegalStateException("generation " + t + " of the ABC-SMC of " + name + ", particle " + particle
            + ", attempt " + attempt + ": the simulation at " + describe(p.values) + " failed: " + e.getMessage(), e);
      }
      p.distance = summaries == null ? Double.POSITIVE_INFINITY : distance(summaries);
      return p;
    }

    private double distance(double[] summaries) {
      double s = 0;
      for (int k = 0; k < summaries.length; k++) {
        s += targets.get(k).squaredError(summaries[k]);
      }
      return Math.sqrt(s / summaries.length);
    }

    private double logPrior(double[] x) {
      double s = 0;
      for (int k = 0; k < x.length; k++) {
        s += priors.get(k).logDensity(x[k]);
      }
      return s;
    }

    /** Equal weights for generation 0; Beaumont et al.'s importance weights after it, normalized. */
    private double[] weights(int t, Population population, Perturbation perturbation) {
      double[] w = new double[particles];
      if (perturbation == null) {
        Arrays.fill(w, 1.0 / particles);
        return w;
      }
      double[] log = new double[particles];
      parallel(particles, i -> log[i] = logPrior(population.latent[i]) - perturbation.logMixture(population.latent[i]));
      double max = Double.NEGATIVE_INFINITY;
      for (double l : log) {
        max = Math.max(max, l);
      }
      if (!(max > Double.NEGATIVE_INFINITY && max < Double.POSITIVE_INFINITY)) {
        throw new IllegalStateException("generation " + t + " of the ABC-SMC of " + name
            + " has zero effective sample size: the largest log weight is " + max);
      }
      double sum = 0;
      for (int i = 0; i < particles; i++) {
        w[i] = Math.exp(log[i] - max);
        sum += w[i];
      }
      for (int i = 0; i < particles; i++) {
        w[i] /= sum;
      }
      return w;
    }

    /** Runs task(0 … count − 1) on the caller and the pool; rethrows the failure of the lowest index. */
    private void parallel(int count, IntConsumer task) {
      Throwable[] failures = new Throwable[count];
      AtomicInteger next = new AtomicInteger();
      Runnable worker = () -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          try {
            task.accept(i);
          } catch (RuntimeException | Error e) {
            failures[i] = e;
          }
        }
      };
      List<Future<?>> futures = new ArrayList<>();
      if (pool != null && count > 1) {
        for (int w = 0; w < Math.min(threads - 1, count - 1); w++) {
          futures.add(pool.submit(worker));
        }
      }
      worker.run();
      try {
        for (Future<?> f : futures) {
          f.get();
        }
      } catch (InterruptedException e) {
        futures.forEach(f -> f.cancel(true));
        Thread.currentThread().interrupt();
        throw new CancellationException("ABC-SMC of " + name + " interrupted");
      } catch (ExecutionException e) {
        throw new IllegalStateException("a worker of the ABC-SMC of " + name + " failed", e.getCause());
      }
      for (Throwable f : failures) {
        if (f instanceof RuntimeException) {
          throw (RuntimeException) f;
        }
        if (f instanceof Error) {
          throw (Error) f;
        }
      }
    }

    /**
     * Tells the listeners the simulations so far, of a total that is the budget when one is set
     * and otherwise an estimate: the rest of this generation and every generation left as many
     * as the last complete one took (N × R before there is one).
     */
    private void report(long spentInGeneration, boolean finished) {
      if (listeners.isEmpty()) {
        return;
      }
      long total;
      if (finished) {
        total = simulations;
      } else if (maxSimulations < Long.MAX_VALUE) {
        total = maxSimulations;
      } else {
        long perGeneration = lastGeneration > 0 ? lastGeneration : (long) particles * replications;
        long left = maxGenerations - generations.size() - 1;
        total = simulations + Math.max(perGeneration - spentInGeneration, 0) + perGeneration * Math.max(left, 0);
      }
      Progress p = new Progress(simulations, Math.max(total, simulations), 0,
          Duration.ofNanos(System.nanoTime() - startNanos));
      listeners.forEach(l -> l.onProgress(p));
    }
  }

  /**
   * The α-quantile of distances weighted by the weights: the smallest distance whose cumulative
   * weight reaches α.
   */
  static double weightedQuantile(double[] distances, double[] weights, double alpha) {
    Integer[] order = new Integer[distances.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (x, y) -> Double.compare(distances[x], distances[y]));
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double c = 0;
    for (int i : order) {
      c += weights[i];
      if (c >= alpha * total) {
        return distances[i];
      }
    }
    return distances[order[order.length - 1]];
  }

  /** The seed of one attempt of one particle in one generation (SplitMix64 finalizer, as RandomStreams). */
  static long attemptSeed(long root, int generation, int particle, int attempt) {
    long h = SplitMix64.mix(root + SplitMix64.GOLDEN);
    h = SplitMix64.mix(h ^ (generation + 1L) * SplitMix64.GOLDEN);
    h = SplitMix64.mix(h ^ (particle + 1L) * 0xC2B2AE3D27D4EB4FL);
    return SplitMix64.mix(h ^ (attempt + 1L) * 0x165667B19E3779F9L);
  }


  /** Returns the model or scenario, priors, targets and settings. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "AbcSmc[%s, priors=%s, targets=%s, particles=%d, replications=%d, quantile=%s,"
        + " minimumEpsilon=%s, maxGenerations=%d, maxSimulations=%s, kernel=%s, seed=%d]", name, priors, targets,
        particles, replications, quantile, minimumEpsilon, maxGenerations,
        maxSimulations == Long.MAX_VALUE ? "none" : Long.toString(maxSimulations), kernel, seed);
  }

  /** Builds an {@link AbcSmc}; every setter checks its values at once, {@link #build()} the whole. */
  public static final class Builder {

    private final Scenario<?> scenario;
    private final ImmutableList<Parameter<?>> modelParameters;
    private final Model model;
    private final String name;
    private final Map<String, Prior> priors = new LinkedHashMap<>();
    private final Set<String> fixedNames = new HashSet<>();
    private Parameters base;
    private final List<Target> targets = new ArrayList<>();
    private int particles = 1000;
    private int replications = 1;
    private double quantile = 0.5;
    private double minimumEpsilon;
    private int maxGenerations = 10;
    private long maxSimulations = Long.MAX_VALUE;
    private Kernel kernel = Kernel.MULTIVARIATE_NORMAL;
    private long seed;
    private boolean seedSet;
    private int threads = Runtime.getRuntime().availableProcessors();
    private final List<ProgressListener> listeners = new ArrayList<>();

    private Builder(Scenario<?> scenario, ImmutableList<Parameter<?>> modelParameters, Model model) {
      this.scenario = scenario;
      this.modelParameters = modelParameters;
      this.model = model;
      this.name = scenario != null ? "scenario '" + scenario.name() + "'" : "a model";
      this.base = scenario != null ? scenario.defaults() : null;
    }

    /**
     * Gives a parameter its prior: the parameter is estimated.
     *
     * @param prior the prior of a parameter of the scenario (same name and type) or of the model
     * @return this builder
     * @throws IllegalArgumentException naming the parameter if the scenario or model has no such
     *     parameter, its type differs, or it already has a prior or a fixed value
     */
    public Builder prior(Prior prior) {
      checkNotNull(prior, "prior");
      String p = prior.parameter().name();
      Parameter<?> declared = declared(p);
      checkArgument(declared.type() == prior.parameter().type(), "parameter '%s' is declared with type %s, not %s", p,
          declared.type().getSimpleName(), prior.parameter().type().getSimpleName());
      prior.checkSupportAgainst(declared);
      checkArgument(!priors.containsKey(p), "parameter '%s' already has a prior: %s", p, priors.get(p));
      checkArgument(!fixedNames.contains(p), "parameter '%s' has a fixed value, so it cannot have a prior", p);
      priors.put(p, prior);
      return this;
    }

    private Parameter<?> declared(String parameter) {
      List<? extends Parameter<?>> declared = scenario != null ? scenario.parameters() : modelParameters;
      for (Parameter<?> d : declared) {
        if (d.name().equals(parameter)) {
          return d;
        }
      }
      throw new IllegalArgumentException("parameter '" + parameter + "' is not a parameter of " + name
          + " (parameters: " + declared.stream().map(Parameter::name).collect(Collectors.joining(", ")) + ")");
    }

    /**
     * Holds some of a scenario's parameters at given values; the others without a prior keep
     * their defaults.
     *
     * @param values values by parameter name, of each parameter's type
     * @return this builder
     * @throws IllegalArgumentException naming the parameter if the scenario does not declare it,
     *     does not admit the value, or the parameter has a prior
     * @throws IllegalStateException if this is a model's inference (a model's parameters all have
     *     priors)
     */
    public Builder fixed(Map<String, ?> values) {
      checkNotNull(values, "values");
      if (scenario == null) {
        throw new IllegalStateException("fixed values are for a scenario's parameters; every parameter of a model"
            + " has a prior");
      }
      Parameters p = base;
      for (Map.Entry<String, ?> e : values.entrySet()) {
        String n = declared(checkNotNull(e.getKey(), "parameter name")).name();
        checkArgument(!priors.containsKey(n), "parameter '%s' has a prior, so it cannot have a fixed value", n);
        p = p.withValue(n, e.getValue());
      }
      base = p;
      fixedNames.addAll(values.keySet());
      return this;
    }

    /**
     * Adds a target. For a scenario it is a metric at a time of its schedule; for a model, the
     * metric and time only label the model's output of the same position.
     *
     * @param target the target
     * @return this builder
     * @throws IllegalArgumentException naming the metric or time if the scenario has no such
     *     metric or its schedule no such time, or the same metric and time are already a target
     */
    public Builder target(Target target) {
      checkNotNull(target, "target");
      if (scenario != null) {
        checkArgument(scenario.metricNames().contains(target.metric()),
            "target metric '%s' is not a metric of scenario '%s' (metrics: %s)", target.metric(), scenario.name(),
            scenario.metricNames());
        checkArgument(scenario.schedule().indexOf(target.time()).isPresent(),
            "target time '%s' of metric '%s' is not in the schedule of scenario '%s' (%s)", target.time(),
            target.metric(), scenario.name(), scenario.schedule());
      }
      checkArgument(targets.stream().noneMatch(t -> t.metric().equals(target.metric())
          && t.time().equals(target.time())), "metric '%s' at %s is already a target", target.metric(), target.time());
      targets.add(target);
      return this;
    }

    /**
     * Adds targets, in order.
     *
     * @param targets the targets
     * @return this builder
     * @throws IllegalArgumentException as {@link #target(Target)}
     */
    public Builder targets(List<Target> targets) {
      checkNotNull(targets, "targets");
      targets.forEach(this::target);
      return this;
    }

    /**
     * Sets the number of particles of every generation; default 1,000.
     *
     * @param particles {@code >= 2}
     * @return this builder
     * @throws IllegalArgumentException naming the value if it is less than 2
     */
    public Builder particles(int particles) {
      checkArgument(particles >= 2, "ABC-SMC needs at least 2 particles but was given %s", particles);
      this.particles = particles;
      return this;
    }

    /**
     * Sets the replications per proposal, whose mean the distance compares to the targets;
     * default 1 (see the class documentation on what more replications mean).
     *
     * @param replications {@code >= 1}
     * @return this builder
     * @throws IllegalArgumentException naming the value if it is less than 1
     */
    public Builder replications(int replications) {
      checkArgument(replications >= 1, "replications must be >= 1 but was %s", replications);
      this.replications = replications;
      return this;
    }

    /**
     * Sets α: each generation's tolerance is the α-quantile of the previous generation's weighted
     * distances; default 0.5 (the median). Smaller α shrinks ε faster and accepts less.
     *
     * @param alpha in (0, 1)
     * @return this builder
     * @throws IllegalArgumentException naming the value if it is outside (0, 1)
     */
    public Builder quantile(double alpha) {
      checkArgument(alpha > 0 && alpha < 1, "the tolerance quantile must be in (0, 1) but was %s", alpha);
      this.quantile = alpha;
      return this;
    }

    /**
     * Sets the minimum ε: the run stops after the generation whose tolerance reaches it; default
     * 0 (no such stop).
     *
     * @param epsilon finite and {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException naming the value if it is negative or not finite
     */
    public Builder minimumEpsilon(double epsilon) {
      checkArgument(Double.isFinite(epsilon) && epsilon >= 0, "the minimum epsilon must be finite and >= 0 but was %s",
          epsilon);
      this.minimumEpsilon = epsilon;
      return this;
    }

    /**
     * Sets the most generations, counting generation 0 (the prior sample); default 10.
     *
     * @param generations {@code >= 1}
     * @return this builder
     * @throws IllegalArgumentException naming the value if it is less than 1
     */
    public Builder maxGenerations(int generations) {
      checkArgument(generations >= 1, "the maximum number of generations must be >= 1 but was %s", generations);
      this.maxGenerations = generations;
      return this;
    }

    /**
     * Sets the simulation budget: the most model runs (proposals × replications); a generation
     * that cannot finish within it is abandoned and the previous one is the posterior. Default:
     * none.
     *
     * @param simulations at least particles × replications (checked by {@link #build()})
     * @return this builder
     * @throws IllegalArgumentException naming the value if it is less than 1
     */
    public Builder maxSimulations(long simulations) {
      checkArgument(simulations >= 1, "the simulation budget must be >= 1 but was %s", simulations);
      this.maxSimulations = simulations;
      return this;
    }

    /**
     * Sets the perturbation kernel; default {@link Kernel#MULTIVARIATE_NORMAL}.
     *
     * @param kernel the kernel
     * @return this builder
     */
    public Builder kernel(Kernel kernel) {
      this.kernel = checkNotNull(kernel, "kernel");
      return this;
    }

    /**
     * Sets the root seed of every random number of the run. Required.
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      this.seedSet = true;
      return this;
    }

    /**
     * Sets the threads; default the number of available processors. The result does not depend
     * on it.
     *
     * @param threads {@code >= 1}
     * @return this builder
     * @throws IllegalArgumentException naming the value if it is less than 1
     */
    public Builder threads(int threads) {
      checkArgument(threads >= 1, "threads must be >= 1 but was %s", threads);
      this.threads = threads;
      return this;
    }

    /**
     * Adds a listener that hears the simulations done after every round of proposals, of a total
     * that is the budget if one is set, else an estimate from the generations so far; a last
     * report has {@code done == total}.
     *
     * @param listener the listener, called from the thread that runs the ABC-SMC
     * @return this builder
     */
    public Builder progress(ProgressListener listener) {
      listeners.add(checkNotNull(listener, "listener"));
      return this;
    }

    private ImmutableList<Prior> orderedPriors() {
      if (scenario != null) {
        return ImmutableList.copyOf(priors.values());
      }
      return modelParameters.stream().map(p -> priors.get(p.name())).collect(ImmutableList.toImmutableList());
    }

    /**
     * Checks and builds the ABC-SMC.
     *
     * @return the ABC-SMC
     * @throws IllegalArgumentException naming what is missing: no seed, no prior, no target, a
     *     model's parameter without a prior, or a budget smaller than one generation
     */
    public AbcSmc build() {
      checkArgument(seedSet, "ABC-SMC needs a seed: call seed(long)");
      checkArgument(!priors.isEmpty(), "ABC-SMC of %s needs at least one parameter with a prior: call prior(...)",
          name);
      if (modelParameters != null) {
        for (Parameter<?> p : modelParameters) {
          checkArgument(priors.containsKey(p.name()), "parameter '%s' of the model has no prior", p.name());
        }
      }
      checkArgument(!targets.isEmpty(), "ABC-SMC of %s needs at least one target: call target(...)", name);
      checkArgument(maxSimulations >= (long) particles * replications,
          "the simulation budget of %s is less than one generation: %s particles × %s replications", maxSimulations,
          particles, replications);
      return new AbcSmc(this);
    }

    /**
     * Builds and runs the ABC-SMC.
     *
     * @return the posterior
     * @see AbcSmc#run()
     */
    public Posterior run() {
      return build().run();
    }
  }
}
