package io.github.renkei.cluster.bench;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.ClusterWorld;
import io.github.renkei.cluster.dynamics.EntryLadder;
import io.github.renkei.cluster.dynamics.MatchingRounds;
import io.github.renkei.cluster.dynamics.SupportStaff;
import io.github.renkei.cluster.inference.Factor;
import io.github.renkei.cluster.inference.SensitivityModel;
import io.github.renkei.cluster.inference.Sobol;
import io.github.renkei.cluster.inference.SobolResult;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Parameters;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 14: the Sobol' engine's overhead over the model's own run time (target: ratio ≤ 1.1 for
 * 10 factors at N = 1,024). Two benchmarks do the same work:
 *
 * <ul>
 *   <li>{@code engine}: {@code Sobol.of(model).baseSamples(1024).bootstrap(B).seed(2030)
 *       .threads(t).run()}, design, evaluations, estimates and bootstrap included;</li>
 *   <li>{@code bare}: the same {@code N · (k + 2) = 12,288} design points, taken from the engine
 *       once in the setup (see {@link Work}), each run as the model runs it (the ten parameters
 *       set on the scenario's defaults, {@code Simulation.run(scenario, parameters, 2005, 0)},
 *       the metric read at the last year) by {@code t} threads of a plain executor that take the
 *       points in turn, and the values summed.</li>
 * </ul>
 *
 * <p>The model is the Fukushima scenario, its ten assumed coefficients (those of the example
 * {@code FukushimaSensitivity}) each over {@code [0.5, 1.5] ×} its default (at most 1 for the
 * two probabilities), the metric {@code registered-manufacturers} at the last year, one
 * replication per point, seed 2005. To keep a shot short the horizon is 2005–{@code lastYear}
 * (default 2016, the year of the last event; {@code ClusterDynamics.fukushimaBuilder(
 * ClusterWorld.fukushima(), lastYear)}): a shorter model makes the engine's fixed costs weigh
 * more, so the ratio is if anything larger than at 2030. The bootstrap cannot be switched off
 * ({@code bootstrap(int)} takes at least 1): {@code B = 1} is the engine without it, {@code B =
 * 1000} is the builder's default (the example uses 500). {@code Mode.SingleShotTime}, seconds;
 * 2 warm-up and 5 measured shots in one fork. On a VM whose speed drifts,
 * {@link SobolOverheadPairedRounds} gives the ratio that counts.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class SobolOverheadBenchmark {

  /** The base samples N of the target. */
  static final int BASE_SAMPLES = 1024;

  /** The seed of the simulations (the model's seed). */
  static final long MODEL_SEED = 2005;

  /** The seed of the bootstrap. */
  static final long BOOTSTRAP_SEED = 2030;

  /** The ten assumed coefficients varied, as in the example {@code FukushimaSensitivity}. */
  static final ImmutableList<Parameter<Double>> ASSUMED = ImmutableList.of(EntryLadder.ENTRY_HAZARD,
      EntryLadder.OEM_HAZARD, EntryLadder.EXIT_HAZARD, EntryLadder.LICENCE_HURDLE, EntryLadder.TIE_EFFECT,
      EntryLadder.THEME_EFFECT, MatchingRounds.BROKERING, MatchingRounds.DEAL_RATE, MatchingRounds.NEEDS_PER_MAKER,
      SupportStaff.STAFF_LEARNING);

  /** Threads of both runs. */
  @Param({"2"})
  public int threads;

  /** The last year of the scenario, whose value of the metric is the model's output. */
  @Param({"2016"})
  public int lastYear;

  Work work;
  ExecutorService pool;

  /** Builds the model, takes its design from the engine and starts the bare loop's threads. */
  @Setup(Level.Trial)
  public void setup() {
    work = Work.of(lastYear, BASE_SAMPLES);
    pool = Work.pool(threads);
  }

  /** Stops the bare loop's threads. */
  @TearDown(Level.Trial)
  public void tearDown() {
    pool.shutdownNow();
  }

  /** The engine's bootstrap resamples; a state of its own, so that {@code bare} runs once. */
  @State(Scope.Benchmark)
  public static class Bootstrap {
    /** Bootstrap resamples: 1 (the least the engine takes) and 1000 (its default). */
    @Param({"1", "1000"})
    public int resamples;
  }

  /**
   * The Sobol' analysis.
   *
   * @param bootstrap the resamples
   * @return its indices
   */
  @Benchmark
  public SobolResult engine(Bootstrap bootstrap) {
    return work.engine(bootstrap.resamples, threads);
  }

  /**
   * The same design points, run without the engine.
   *
   * @return the sum of the model's values
   */
  @Benchmark
  public double bare() {
    double sum = 0;
    for (double y : work.bare(pool, threads)) {
      sum += y;
    }
    return sum;
  }

  /**
   * The model, and its design as the engine draws it: the factors' values at each of the
   * {@code N · (k + 2)} points, in the engine's order. They are taken by running the engine once
   * on one thread with a function of the same factors that records what it is called with, so
   * that the bare loop runs exactly the points the engine runs, without copying the engine's
   * sequence or design code.
   */
  static final class Work {
    final Scenario<ClusterState> scenario;
    final SensitivityModel model;
    final int baseSamples;
    final String time;
    final int step;
    final Parameters fixed;
    final String[] names;
    final double[][] design;

    private Work(Scenario<ClusterState> scenario, SensitivityModel model, int baseSamples, String time,
        double[][] design) {
      this.scenario = scenario;
      this.model = model;
      this.baseSamples = baseSamples;
      this.time = time;
      this.step = scenario.schedule().indexOf(time).orElseThrow();
      this.fixed = scenario.defaults();
      this.names = model.factorNames().toArray(new String[0]);
      this.design = design;
    }

    /** Six decimals: 1.5 × 0.3 is 0.45, as in the example's table. */
    private static double round(double x) {
      return Math.round(x * 1e6) / 1e6;
    }

    /**
     * Builds the model on the Fukushima scenario up to a last year and takes its design.
     *
     * @param lastYear the scenario's last year, 2016 to 2030
     * @param baseSamples N
     * @return the work
     */
    static Work of(int lastYear, int baseSamples) {
      Scenario<ClusterState> scenario = lastYear == 2030 ? ClusterDynamics.fukushima()
          : ClusterDynamics.fukushimaBuilder(ClusterWorld.fukushima(), lastYear).build();
      String time = Integer.toString(lastYear);
      SensitivityModel.Builder b = SensitivityModel.of(scenario, ClusterDynamics.REGISTERED, time).replications(1)
          .seed(MODEL_SEED);
      for (Parameter<Double> p : ASSUMED) {
        double d = p.defaultValue();
        boolean probability = p.name().equals(EntryLadder.LICENCE_HURDLE.name())
            || p.name().equals(MatchingRounds.DEAL_RATE.name());
        b.factor(p.name(), round(0.5 * d), round(probability ? Math.min(1.0, 1.5 * d) : 1.5 * d));
      }
      SensitivityModel model = b.build();
      List<double[]> points = new ArrayList<>();
      List<Factor> factors = model.factors();
      SensitivityModel recorder = SensitivityModel.of(x -> {
        points.add(x.clone());
        return x[0];
      }, factors);
      Sobol recording = Sobol.of(recorder).baseSamples(baseSamples).bootstrap(1).threads(1).build();
      recording.run();
      if (points.size() != recording.evaluations()) {
        throw new IllegalStateException("recorded " + points.size() + " design points but the engine makes "
            + recording.evaluations());
      }
      return new Work(scenario, model, baseSamples, time, points.toArray(new double[0][]));
    }

    /**
     * A pool for the bare loop, of daemon threads.
     *
     * @param threads its size
     * @return the pool
     */
    static ExecutorService pool(int threads) {
      AtomicInteger count = new AtomicInteger();
      return Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "bare-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
    }

    /**
     * Runs the engine.
     *
     * @param resamples bootstrap resamples
     * @param threads threads
     * @return the indices
     */
    SobolResult engine(int resamples, int threads) {
      return Sobol.of(model).baseSamples(baseSamples).bootstrap(resamples).seed(BOOTSTRAP_SEED).threads(threads)
          .run();
    }

    /** The model's value at one design point, computed as the model computes it. */
    private double value(int point) {
      double[] x = design[point];
      Parameters p = fixed;
      for (int i = 0; i < x.length; i++) {
        p = p.withValue(names[i], x[i]);
      }
      return Simulation.run(scenario, p, MODEL_SEED, 0).series(ClusterDynamics.REGISTERED).get(step);
    }

    /**
     * Runs every design point on the threads of a pool (on the caller if one thread), each
     * thread taking the next point not yet taken.
     *
     * @param pool a pool of at least {@code threads} threads
     * @param threads threads
     * @return the values, by design point
     */
    double[] bare(ExecutorService pool, int threads) {
      double[] y = new double[design.length];
      AtomicInteger next = new AtomicInteger();
      Runnable worker = () -> {
        for (int i = next.getAndIncrement(); i < y.length; i = next.getAndIncrement()) {
          y[i] = value(i);
        }
      };
      if (threads == 1) {
        worker.run();
        return y;
      }
      List<Future<?>> futures = new ArrayList<>(threads);
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(worker));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        }
      }
      return y;
    }
  }
}
