package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
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
 * Issue 5: {@value #REPLICATIONS} replications of the {@link ToyModel} (10,000 agents, 100 steps,
 * 1 metric; 16,000,000 agent-steps) per operation, on {@code threads} threads.
 *
 * <ul>
 *   <li>{@code experiment}: {@code Experiment.of(toy).replications(16).seed(..).threads(threads)},
 *       built once, {@code run()} per operation. With 1 thread the replications run on the
 *       calling thread; with 2 the run creates a pool of 2 threads, runs them, shuts it down
 *       (included), while the calling thread waits.</li>
 *   <li>{@code experimentOnPool}: the same on a caller's pool of {@code threads} threads created
 *       once per fork ({@code executor(pool, threads)}), so without the pool's creation.</li>
 *   <li>{@code handLoops}: the 16 {@link ToyModel#handLoop hand loops}, taken from a shared
 *       counter by {@code threads} workers on that pool (on the calling thread for 1): the
 *       machine's own scaling, the ceiling for the engine's.</li>
 *   <li>{@code handLoopsNewPool}: the same on a pool created and shut down in every operation, as
 *       {@code experiment} does: what starting threads per run costs without the engine.</li>
 * </ul>
 *
 * <p>Target: speed-up time(1 thread) / time(2 threads) ≥ 1.8 for {@code experiment}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ReplicationScalingBenchmark {

  /** Replications per operation. */
  static final int REPLICATIONS = 16;

  /** Worker threads. */
  @Param({"1", "2"})
  public int threads;

  private Experiment experiment;
  private Experiment experimentOnPool;
  private ExecutorService pool;

  /** Checks the engine against the hand loop, builds the experiments and the pool, once per fork. */
  @Setup(Level.Trial)
  public void setup() {
    ToyModel.check(ToyModel.AGENTS, ToyModel.STEPS, 1, ToyModel.SEED, 0);
    pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "bench-worker");
      t.setDaemon(true);
      return t;
    });
    experiment = Experiment.of(ToyModel.scenario(ToyModel.AGENTS, ToyModel.STEPS, 1))
        .replications(REPLICATIONS).seed(ToyModel.SEED).threads(threads).build();
    experimentOnPool = Experiment.of(ToyModel.scenario(ToyModel.AGENTS, ToyModel.STEPS, 1))
        .replications(REPLICATIONS).seed(ToyModel.SEED).executor(pool, threads).build();
  }

  /** Stops the pool. */
  @TearDown(Level.Trial)
  public void stop() {
    pool.shutdownNow();
  }

  /**
   * Runs every replication; the experiment makes its own pool.
   *
   * @return the result
   */
  @Benchmark
  public ExperimentResult experiment() {
    return experiment.run();
  }

  /**
   * Runs every replication on the benchmark's pool.
   *
   * @return the result
   */
  @Benchmark
  public ExperimentResult experimentOnPool() {
    return experimentOnPool.run();
  }

  /**
   * Runs the hand loop of every replication.
   *
   * @return the final wealth of each replication
   * @throws InterruptedException if interrupted while waiting for the workers
   */
  @Benchmark
  public AtomicReferenceArray<double[]> handLoops() throws InterruptedException {
    return handLoops(pool);
  }

  /**
   * Runs the hand loop of every replication on a pool created for this operation, as
   * {@code experiment} does.
   *
   * @return the final wealth of each replication
   * @throws InterruptedException if interrupted while waiting for the workers
   */
  @Benchmark
  public AtomicReferenceArray<double[]> handLoopsNewPool() throws InterruptedException {
    if (threads == 1) {
      return handLoops(null);
    }
    ExecutorService own = Executors.newFixedThreadPool(threads);
    try {
      return handLoops(own);
    } finally {
      own.shutdown();
    }
  }

  private AtomicReferenceArray<double[]> handLoops(ExecutorService on) throws InterruptedException {
    AtomicReferenceArray<double[]> results = new AtomicReferenceArray<>(REPLICATIONS);
    AtomicInteger next = new AtomicInteger();
    Runnable work = () -> {
      for (int r = next.getAndIncrement(); r < REPLICATIONS; r = next.getAndIncrement()) {
        results.set(r, ToyModel.handLoop(ToyModel.AGENTS, ToyModel.STEPS, ToyModel.SEED, r));
      }
    };
    if (threads == 1) {
      work.run();
    } else {
      CountDownLatch done = new CountDownLatch(threads);
      for (int w = 0; w < threads; w++) {
        on.execute(() -> {
          try {
            work.run();
          } finally {
            done.countDown();
          }
        });
      }
      done.await();
    }
    return results;
  }
}
