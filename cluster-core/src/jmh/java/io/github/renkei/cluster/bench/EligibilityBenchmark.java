package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.matching.MatchingProblem;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 4 (d): eligibility of 20,000 realistic needs × 5,000 realistic suppliers (100M pairs)
 * under {@code Constraints.standard()}, with the standard scorer scoring every eligible pair
 * ({@link EligibilityData}). A new problem per invocation, because the eligibility graph is cached
 * in the problem. {@code buildAndEligibility}: {@code MatchingProblem.builder()...build().eligiblePairs()};
 * {@code buildOnly}: the builder alone, for the split. Target: under 1 s.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 2, jvmArgsAppend = {"-Xmx8g"})
@State(Scope.Benchmark)
public class EligibilityBenchmark {

  static final int NEEDS = 20_000;
  static final int SUPPLIERS = 5_000;

  /** Whether eligibility is computed on the common fork-join pool. */
  @Param({"true", "false"})
  public boolean parallel;

  private EligibilityData data;

  /** Generates the organizations and needs, once per fork. */
  @Setup(Level.Trial)
  public void setup() {
    data = EligibilityData.generate(SUPPLIERS, NEEDS, EligibilityData.SEED);
  }

  @Benchmark
  public long buildAndEligibility() {
    return data.problem(parallel).eligiblePairs();
  }

  @Benchmark
  public MatchingProblem buildOnly() {
    return data.problem(parallel);
  }
}
