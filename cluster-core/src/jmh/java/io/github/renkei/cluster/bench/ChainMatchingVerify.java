package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.matching.ChainMatchers;
import io.github.renkei.cluster.matching.ChainProblem;
import io.github.renkei.cluster.matching.ChainResult;
import io.github.renkei.cluster.matching.MatchChecks;

/**
 * Solves the instances of {@link ChainMatchingBenchmark} once and prints their size, the
 * results and the independent checks, so the benchmark's numbers can be read against what was
 * computed: {@code java ... ChainMatchingVerify [rounds]}, with that many further timed rounds of
 * the large instance (build and greedy) in the same JVM.
 */
public final class ChainMatchingVerify {

  private ChainMatchingVerify() {}

  private static long processCpuNanos() {
    try {
      return (Long) java.lang.management.ManagementFactory.getPlatformMBeanServer().getAttribute(
          new javax.management.ObjectName(java.lang.management.ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME),
          "ProcessCpuTime");
    } catch (javax.management.JMException e) {
      throw new IllegalStateException("this JVM does not report the process's CPU time", e);
    }
  }

  /**
   * Runs the check.
   *
   * @param args the number of further timed rounds, 0 if absent
   */
  public static void main(String[] args) {
    ChainData data = ChainData.generate(ChainMatchingBenchmark.SUPPLIERS, ChainMatchingBenchmark.CHAINS,
        ChainData.SEED);
    long t0 = System.nanoTime();
    ChainProblem p = data.problem(true);
    long pairs = p.eligiblePairs();
    long t1 = System.nanoTime();
    ChainResult greedy = ChainMatchers.greedy().match(p);
    long t2 = System.nanoTime();
    System.out.printf("large: %s, %,d eligible (role, supplier) pairs; build+eligibility %.0f ms, greedy %.0f ms%n",
        p, pairs, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    System.out.println("  " + greedy + ", checks: " + MatchChecks.problems(p, greedy).size() + " problems");
    greedy.unfilled().stream().limit(3).forEach(u -> System.out.println("  " + u));
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    // wall time, and CPU time: of the process for the parallel build, of this thread for the
    // single-threaded matcher (CPU time is what a shared, overloaded machine distorts least)
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int r = 0; r < rounds; r++) {
      long a = System.nanoTime();
      long ca = processCpuNanos();
      ChainProblem q = data.problem(true);
      q.eligiblePairs();
      long b = System.nanoTime();
      long cb = processCpuNanos();
      long tb = threads.getCurrentThreadCpuTime();
      ChainResult again = ChainMatchers.greedy().match(q);
      long c = System.nanoTime();
      long tc = threads.getCurrentThreadCpuTime();
      System.out.printf("  round %d: build+eligibility %.0f ms (process CPU %.0f ms), greedy %.0f ms"
          + " (thread CPU %.0f ms), same result: %s%n", r + 1, (b - a) / 1e6, (cb - ca) / 1e6, (c - b) / 1e6,
          (tc - tb) / 1e6, again.equals(greedy));
    }
    for (int r = 0; r < rounds; r++) {
      long tb = threads.getCurrentThreadCpuTime();
      long b = System.nanoTime();
      ChainResult again = ChainMatchers.greedy().match(p);
      System.out.printf("  greedy alone %d: %.0f ms (thread CPU %.0f ms), same result: %s%n", r + 1,
          (System.nanoTime() - b) / 1e6, (threads.getCurrentThreadCpuTime() - tb) / 1e6, again.equals(greedy));
    }
    ChainProblem small = ChainData.generate(ChainMatchingBenchmark.SMALL_SUPPLIERS,
        ChainMatchingBenchmark.SMALL_CHAINS, ChainData.SEED).problem(true);
    ChainResult sg = ChainMatchers.greedy().match(small);
    long t3 = System.nanoTime();
    ChainResult so = ChainMatchers.optimal().match(small);
    long t4 = System.nanoTime();
    System.out.printf("small: %s, %,d eligible pairs; optimal %.0f ms%n", small, small.eligiblePairs(),
        (t4 - t3) / 1e6);
    System.out.println("  " + sg + ", checks: " + MatchChecks.problems(small, sg).size() + " problems");
    System.out.println("  " + so + ", checks: " + MatchChecks.problems(small, so).size() + " problems");
  }
}
