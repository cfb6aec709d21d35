package io.github.renkei.cluster.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 4 (a): maximum-weight matching with capacity 1, 5,000 needs × 5,000 suppliers, 50 random
 * eligible suppliers per need (250,000 pairs), integer scores 1..1000. Ours against JGraphT's
 * {@code MaximumWeightBipartiteMatching} and OR-Tools' {@code MinCostFlow} on the same instance,
 * in the same run.
 *
 * <p>Conventions of {@link OptimalMatchingBenchmark}. JGraphT takes about 4–6 s per solve, so it
 * runs 2 warm-up and 5 measured shots in 1 fork.
 *
 * <p>Target: optimal ≥ 20× faster than JGraphT, within 2× of OR-Tools, same total weight.
 */
public class MatchingCap1Benchmark extends OptimalMatchingBenchmark {

  static final int NEEDS = 5_000;
  static final int SUPPLIERS = 5_000;
  static final int CAPACITY = 1;
  static final int DEGREE = 50;

  private MatchData.JGraphTModel jgrapht;

  @Override
  MatchData instance() {
    return MatchData.generate(NEEDS, SUPPLIERS, CAPACITY, DEGREE, MatchData.SEED);
  }

  /** Builds JGraphT's graph of the instance. */
  @Override
  void prepareReferences() {
    jgrapht = new MatchData.JGraphTModel(data);
  }

  @Benchmark
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
  public double jgraphtSolve() {
    double w = jgrapht.solve();
    last = w;
    return w;
  }

  @Benchmark
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
  public double jgraphtBuildSolve() {
    double w = new MatchData.JGraphTModel(data).solve();
    last = w;
    return w;
  }
}
