package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.matching.ChainMatchers;
import io.github.renkei.cluster.matching.ChainProblem;
import io.github.renkei.cluster.matching.ChainResult;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 18: chain matching of 1,000 three-role chain needs over 2,000 suppliers
 * ({@link ChainData}), standard chain constraints (registration, not-requester, addressee,
 * capabilities, certifications, lot size, preferred region) and the standard scorer. Target for
 * greedy: under 1 s.
 *
 * <ul>
 *   <li>{@code greedyBuildAndMatch}: a new problem (eligibility of the 3,000 roles × 2,000
 *       suppliers on the common pool, scores) and the greedy matcher: what a caller pays;
 *   <li>{@code greedyMatch}: the greedy matcher on a problem whose eligibility is computed;
 *   <li>{@code optimalSmallMatch} and {@code greedySmallMatch}: 40 chains over 400 suppliers
 *       of the same generator (the exact search's size), eligibility computed.
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@State(Scope.Benchmark)
public class ChainMatchingBenchmark {

  static final int CHAINS = 1_000;
  static final int SUPPLIERS = 2_000;
  static final int SMALL_CHAINS = 40;
  static final int SMALL_SUPPLIERS = 400;

  private ChainData data;
  private ChainProblem built;
  private ChainProblem small;

  /** Generates the data and computes the eligibility of the prebuilt problems, once per fork. */
  @Setup(Level.Trial)
  public void setup() {
    data = ChainData.generate(SUPPLIERS, CHAINS, ChainData.SEED);
    built = data.problem(true);
    built.eligiblePairs();
    small = ChainData.generate(SMALL_SUPPLIERS, SMALL_CHAINS, ChainData.SEED).problem(true);
    small.eligiblePairs();
  }

  @Benchmark
  public ChainResult greedyBuildAndMatch() {
    return ChainMatchers.greedy().match(data.problem(true));
  }

  @Benchmark
  public ChainResult greedyMatch() {
    return ChainMatchers.greedy().match(built);
  }

  @Benchmark
  public ChainResult optimalSmallMatch() {
    return ChainMatchers.optimal().match(small);
  }

  @Benchmark
  public ChainResult greedySmallMatch() {
    return ChainMatchers.greedy().match(small);
  }
}
