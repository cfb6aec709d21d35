package io.github.renkei.cluster.bench;

/**
 * Issue 4 (b): maximum-weight b-matching, 20,000 needs × 5,000 suppliers of capacity 4, 50
 * random eligible suppliers per need (1,000,000 pairs), integer scores 1..1000. Ours against
 * OR-Tools' {@code MinCostFlow} on the same instance, in the same run (JGraphT's bipartite
 * matching has capacity 1 only). Conventions of {@link OptimalMatchingBenchmark}.
 *
 * <p>Target: optimal within 2× of OR-Tools, same total weight.
 */
public class MatchingCap4Benchmark extends OptimalMatchingBenchmark {

  static final int NEEDS = 20_000;
  static final int SUPPLIERS = 5_000;
  static final int CAPACITY = 4;
  static final int DEGREE = 50;

  @Override
  MatchData instance() {
    return MatchData.generate(NEEDS, SUPPLIERS, CAPACITY, DEGREE, MatchData.SEED + 1);
  }
}
