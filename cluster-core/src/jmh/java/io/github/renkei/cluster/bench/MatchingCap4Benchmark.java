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
 * Issue 4 (b): maximum-weight b-matching, 20,000 needs × 5,000 suppliers of capacity 4, 50
 * random eligible suppliers per need (1,000,000 pairs), integer scores 1..1000. Ours against
 * OR-Tools' {@code MinCostFlow} on the same instance, in the same run (JGraphT's bipartite
 * matching has capacity 1 only). Same conventions as {@link MatchingCap1Benchmark}.
 *
 * <p>Target: optimal within 2× of OR-Tools, same total weight.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 2, jvmArgsAppend = {"-Xmx8g"})
@State(Scope.Benchmark)
public class MatchingCap4Benchmark {

  static final int NEEDS = 20_000;
  static final int SUPPLIERS = 5_000;
  static final int CAPACITY = 4;
  static final int DEGREE = 50;

  private MatchData data;
  private MatchingProblem problem;
  private MinCostFlow flow;
  private double expected;
  private double last = Double.NaN;

  /** Generates the instance and the flow model; computes the expected total with ours. */
  @Setup(Level.Trial)
  public void setup() {
    data = MatchData.generate(NEEDS, SUPPLIERS, CAPACITY, DEGREE, MatchData.SEED + 1);
    problem = data.problem(true);
    if (problem.eligiblePairs() != data.pairs()) {
      throw new AssertionError("eligible pairs " + problem.eligiblePairs() + " != " + data.pairs());
    }
    expected = Matchers.optimal().match(problem).totalScore();
    flow = MatchData.orToolsFlow(data);
  }

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
