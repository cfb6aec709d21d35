package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.matching.MatchChecks;
import io.github.renkei.cluster.matching.MatchResult;
import io.github.renkei.cluster.matching.Matchers;
import io.github.renkei.cluster.matching.MatchingProblem;
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
 * Issue 4 (c): deferred acceptance with needs proposing, 100,000 needs × 10,000 suppliers of
 * capacity 10, preference lists of 100 (100 random eligible suppliers per need, 10,000,000
 * pairs), integer scores 1..1000 (suppliers rank needs by the same score). The eligibility graph
 * is built in setup; measured is {@code Matchers.stable().match(problem)}, which sorts every
 * need's list, runs deferred acceptance and builds the result objects.
 *
 * <p>Setup checks that the result is stable ({@code MatchChecks.blockingPairs} is empty) and
 * feasible. Target: under 1 s.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 2, jvmArgsAppend = {"-Xmx8g"})
@State(Scope.Benchmark)
public class StableMatchingBenchmark {

  static final int NEEDS = 100_000;
  static final int SUPPLIERS = 10_000;
  static final int CAPACITY = 10;
  static final int DEGREE = 100;

  private MatchingProblem problem;

  /** Generates the instance, builds the eligibility graph, checks one result. */
  @Setup(Level.Trial)
  public void setup() {
    MatchData data = MatchData.generate(NEEDS, SUPPLIERS, CAPACITY, DEGREE, MatchData.SEED + 2);
    problem = data.problem(true);
    if (problem.eligiblePairs() != data.pairs()) {
      throw new AssertionError("eligible pairs " + problem.eligiblePairs() + " != " + data.pairs());
    }
    MatchResult r = Matchers.stable().match(problem);
    if (!MatchChecks.blockingPairs(problem, r).isEmpty() || !MatchChecks.isFeasible(problem, r)) {
      throw new AssertionError("stable matcher: not a stable, feasible matching");
    }
  }

  @Benchmark
  public MatchResult stable() {
    return Matchers.stable().match(problem);
  }
}
