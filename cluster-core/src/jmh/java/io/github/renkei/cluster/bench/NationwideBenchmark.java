package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.ClusterWorld;
import io.github.renkei.cluster.dynamics.NationalState;
import io.github.renkei.cluster.dynamics.NationwideDynamics;
import io.github.renkei.cluster.dynamics.NationwideWorld;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Scenario;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 20: the nationwide run at the size, and the single-region Fukushima run with as
 * many firm-years, in one JVM.
 *
 * <ul>
 *   <li>{@link #nationwide200}: {@code NationwideDynamics.scenario(NationwideWorld.japan())}, 47
 *       prefectures, 15,000 firms, 2005–2030 (26 years), default parameters, 200 replications on
 *       2 threads: 78,000,000 firm-years. Target: under 60 s in a 4 GiB heap.</li>
 *   <li>{@link #fukushima10000}: {@code ClusterDynamics.fukushima()} (300 firms, 2005–2030),
 *       10,000 replications on 2 threads: also 78,000,000 firm-years, so the ratio of the two
 *       times is the ratio of the costs per firm-year. Target: nationwide within 1.5× of it.</li>
 * </ul>
 * One operation is the whole experiment, statistics included:
 * {@code Experiment.of(scenario).replications(n).seed(2005).threads(2).run()}. Each benchmark's
 * world and scenario are built once, in {@code @Setup(Level.Trial)}, and that setup is timed and
 * printed (a user waits for it too); at the end of the trial the heap pools' peak usage is
 * printed ({@link MemoryPoolMXBean#getPeakUsage}, summed over the heap pools: an upper bound of
 * the live heap, as it includes garbage not yet collected). {@code Mode.SingleShotTime}, seconds;
 * 1 warm-up and 5 measured shots in one fork with {@code -Xms4g -Xmx4g}.
 * Paired rounds of the same two runs: {@link NationwidePairedRounds}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class NationwideBenchmark {

  /** Replications of the nationwide run. */
  public static final int NATIONWIDE_REPLICATIONS = 200;

  /** Replications of the Fukushima run: as many firm-years as the nationwide run's (300 × 10,000 = 15,000 × 200). */
  public static final int FUKUSHIMA_REPLICATIONS = 10_000;

  /** Threads of both experiments. */
  public static final int THREADS = 2;

  /** The seed of both experiments. */
  public static final long SEED = 2005;

  /** The nationwide scenario, built once per trial. */
  @State(Scope.Benchmark)
  public static class Nationwide {
    Scenario<NationalState> scenario;

    /** Builds the world and the scenario, timed. */
    @Setup(Level.Trial)
    public void setup() {
      long t0 = System.nanoTime();
      NationwideWorld world = NationwideWorld.japan();
      long t1 = System.nanoTime();
      scenario = NationwideDynamics.scenario(world);
      long t2 = System.nanoTime();
      if (world.firms() != NationwideWorld.DEFAULT_FIRMS || world.regions().size() != 47) {
        throw new AssertionError(world);
      }
      System.out.printf(Locale.ROOT, "%n[setup] %s: world %.3f s, scenario %.3f s%n", world, (t1 - t0) / 1e9,
          (t2 - t1) / 1e9);
    }

    /** Prints the heap's peak usage. */
    @TearDown(Level.Trial)
    public void peak() {
      printPeakHeap();
    }
  }

  /** The Fukushima scenario, built once per trial. */
  @State(Scope.Benchmark)
  public static class Fukushima {
    Scenario<ClusterState> scenario;

    /** Builds the world and the scenario, timed. */
    @Setup(Level.Trial)
    public void setup() {
      long t0 = System.nanoTime();
      ClusterWorld world = ClusterWorld.fukushima();
      scenario = ClusterDynamics.fukushima();
      long t1 = System.nanoTime();
      if (world.firms().size() * FUKUSHIMA_REPLICATIONS != NationwideWorld.DEFAULT_FIRMS * NATIONWIDE_REPLICATIONS) {
        throw new AssertionError(world);
      }
      System.out.printf(Locale.ROOT, "%n[setup] %s: world and scenario %.3f s%n", world, (t1 - t0) / 1e9);
    }

    /** Prints the heap's peak usage. */
    @TearDown(Level.Trial)
    public void peak() {
      printPeakHeap();
    }
  }

  /**
   * The nationwide experiment.
   *
   * @param n the scenario
   * @return its result
   */
  @Benchmark
  public ExperimentResult nationwide200(Nationwide n) {
    return Experiment.of(n.scenario).replications(NATIONWIDE_REPLICATIONS).seed(SEED).threads(THREADS).run();
  }

  /**
   * The Fukushima experiment of as many firm-years.
   *
   * @param f the scenario
   * @return its result
   */
  @Benchmark
  public ExperimentResult fukushima10000(Fukushima f) {
    return Experiment.of(f.scenario).replications(FUKUSHIMA_REPLICATIONS).seed(SEED).threads(THREADS).run();
  }

  /** Prints the sum of the heap pools' peak usage since the JVM started, and the maximum heap. */
  static void printPeakHeap() {
    long peak = 0;
    StringBuilder pools = new StringBuilder();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        long used = pool.getPeakUsage().getUsed();
        peak += used;
        pools.append(String.format(Locale.ROOT, "  %s %.0f MiB", pool.getName(), used / 1048576.0));
      }
    }
    System.out.printf(Locale.ROOT, "%n[heap] peak %.0f MiB (sum of pool peaks:%s), max heap %.0f MiB%n",
        peak / 1048576.0, pools, Runtime.getRuntime().maxMemory() / 1048576.0);
  }
}
