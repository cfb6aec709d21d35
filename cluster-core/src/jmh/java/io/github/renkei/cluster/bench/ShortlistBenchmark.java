package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.matching.Shortlists;
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
 * Issue 18: shortlists ({@code k = 10}, candidates and near misses) of 20,000 realistic needs ×
 * 5,000 realistic suppliers under {@code Constraints.standard()} (seven constraints) with the
 * standard scorer — the instance (d) of issue 4 ({@link EligibilityData}) — against building the
 * full eligibility graph of the same problem. Each on a new, parallel problem per invocation,
 * built outside the timing (the problem caches its graph and its constraints' supplier sets),
 * so each pays for those caches alike. Target: shortlists under 1 s on 2 threads. {@code shortlistsCandidatesOnly} lists no
 * near misses (it still counts them), for the split. {@link ShortlistBaselineRounds} times the
 * shortlists against an earlier build's in one JVM.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
@State(Scope.Benchmark)
public class ShortlistBenchmark {

  /** The shortlists' length. */
  static final int K = 10;

  private EligibilityData data;
  private MatchingProblem problem;

  /** Generates the organizations and needs, once per fork. */
  @Setup(Level.Trial)
  public void setup() {
    data = EligibilityData.generate(EligibilityBenchmark.SUPPLIERS, EligibilityBenchmark.NEEDS, EligibilityData.SEED);
  }

  /**
   * A new problem before every shot, outside the timing: building the problem (copying 25,000
   * organizations into its world) is not what is measured, and a problem caches its graph and
   * its constraints' supplier sets, which each shot must compute afresh. (Level.Invocation is
   * sound here: a single shot is far longer than the setup's own overhead.)
   */
  @Setup(Level.Invocation)
  public void newProblem() {
    problem = data.problem(true);
  }

  /**
   * The shortlists of every need.
   *
   * @return the shortlists
   */
  @Benchmark
  public Shortlists shortlists() {
    return Shortlists.of(problem, K);
  }

  /**
   * The shortlists of every need with candidates only: near misses counted, not scored.
   *
   * @return the shortlists
   */
  @Benchmark
  public Shortlists shortlistsCandidatesOnly() {
    return Shortlists.of(problem, K, 0);
  }

  /**
   * The full eligibility graph, every eligible pair scored.
   *
   * @return the number of eligible pairs
   */
  @Benchmark
  public long eligibilityGraph() {
    return problem.eligiblePairs();
  }
}
