package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.dynamics.FukushimaCalibration;
import io.github.renkei.cluster.inference.Posterior;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 14: the shipped Bayesian calibration of the Fukushima scenario, {@code
 * FukushimaCalibration.abc(threads).run()} — ABC-SMC with 1,000 particles over the eleven free
 * parameters and the sixteen targets up to FY2016 — under 10 minutes on 2 cores. One operation is
 * the whole run. {@code Mode.SingleShotTime}, seconds; no warm-up shot (one run is about 110,000
 * simulations, so the JIT is warm within its first seconds) and 3 measured shots in one fork.
 * The tear-down prints the simulations used, which the posterior records.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class FukushimaAbcBenchmark {

  /** Threads of the run. */
  @Param({"2"})
  public int threads;

  private Posterior last;

  /**
   * The shipped ABC-SMC.
   *
   * @return the posterior
   */
  @Benchmark
  public Posterior abc() {
    last = FukushimaCalibration.abc(threads).run();
    return last;
  }

  /** Prints what the last run used. */
  @TearDown
  public void report() {
    if (last != null) {
      System.out.printf("%nABC-SMC: %d particles, ESS %.0f, %d generations, %d simulations, stopped: %s, final ε %s%n",
          last.size(), last.effectiveSampleSize(), last.generations().size(), last.simulations(),
          last.stopReason().orElseThrow(), last.epsilons().get(last.epsilons().size() - 1));
    }
  }
}
