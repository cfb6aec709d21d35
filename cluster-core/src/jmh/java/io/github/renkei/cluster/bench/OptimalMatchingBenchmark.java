package io.github.renkei.cluster.bench;

import com.google.ortools.graph.MinCostFlow;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The benchmarks every maximum-weight instance runs: our optimal and greedy matchers and
 * OR-Tools' {@code MinCostFlow}, on the same instance in the same run.
 *
 * <p>{@code optimal}/{@code greedy}: {@code Matchers.x().match(problem)} with the eligibility graph
 * already built (in setup), result objects included. {@code *Solve}: the reference solver on a
 * model built in setup. {@code *BuildSolve}: model construction from the instance arrays plus
 * solve. Every invocation's total weight is compared, at the end of each iteration, with the
 * total of our optimal matcher computed in setup: a mismatch fails the run.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 2, jvmArgsAppend = {"-Xmx8g"})
@State(Scope.Benchmark)
public abstract class OptimalMatchingBenchmark {

  MatchData data;
  private MatchingProblem problem;
  private MinCostFlow flow;
  private double expected;
  double last = Double.NaN;

  /**
   * Returns the instance of this benchmark.
   *
   * @return the generated instance
   */
  abstract MatchData instance();

  /** Generates the instance and the flow model; computes the expected total with ours. */
  @Setup(Level.Trial)
  public void setup() {
    data = instance();
    problem = data.problem(true);
    if (problem.eligiblePairs() != data.pairs()) {
      throw new AssertionError("eligible pairs " + problem.eligiblePairs() + " != " + data.pairs());
    }
    expected = Matchers.optimal().match(problem).totalScore();
    flow = MatchData.orToolsFlow(data);
    prepareReferences();
  }

  /** Builds further reference models once the instance exists; none by default. */
  void prepareReferences() {}

  /** Fails the run if the last invocation found another total weight. */
  @TearDown(Level.Iteration)
  public void verify() {
    if (!Double.isNaN(last) && last != expected) {
      throw new AssertionError("total weight " + last + " != expected (ours, optimal) " + expected);
    }
    last = Double.NaN;
  }

  /** Releases OR-Tools' native model. */
  @TearDown(Level.Trial)
  public void release() {
    flow.delete();
  }

  @Benchmark
  public MatchResult optimal() {
    MatchResult r = Matchers.optimal().match(problem);
    last = r.totalScore();
    return r;
  }

  /** Greedy, for information (its total is not the optimum and is not checked). */
  @Benchmark
  public MatchResult greedy() {
    return Matchers.greedy().match(problem);
  }

  @Benchmark
  public long orToolsSolve() {
    long w = MatchData.solveOrTools(data, flow);
    last = w;
    return w;
  }

  @Benchmark
  public long orToolsBuildSolve() {
    MinCostFlow f = MatchData.orToolsFlow(data);
    try {
      long w = MatchData.solveOrTools(data, f);
      last = w;
      return w;
    } finally {
      f.delete();
    }
  }
}
