package io.github.renkei.cluster.bench;

import com.google.ortools.graph.MinCostFlow;
import io.github.renkei.cluster.matching.MatchChecks;
import io.github.renkei.cluster.matching.MatchResult;
import io.github.renkei.cluster.matching.Matchers;
import io.github.renkei.cluster.matching.MatchingProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Solves every matching benchmark instance once with every solver and compares the total
 * weights (exactly: the scores are integers), with rough single-run timings. Not JMH: the
 * numbers in BENCHMARKS.md come from the JMH benchmarks; this is the correctness record.
 * Exits with status 1 on any discrepancy. Run:
 * {@code exec:exec@matching-verify}.
 */
public final class MatchingVerify {

  private static final List<String> FAILURES = new ArrayList<>();

  private MatchingVerify() {}

  public static void main(String[] args) {
    System.out.println("java " + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version")
        + ", " + Runtime.getRuntime().availableProcessors() + " processors, max heap "
        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
    long t0 = System.nanoTime();
    MatchData.loadOrTools();
    System.out.printf("OR-Tools native library loaded in %.0f ms%n", ms(t0));

    optimalInstance("(a)", MatchData.generate(MatchingCap1Benchmark.NEEDS, MatchingCap1Benchmark.SUPPLIERS,
        MatchingCap1Benchmark.CAPACITY, MatchingCap1Benchmark.DEGREE, MatchData.SEED), true);
    optimalInstance("(b)", MatchData.generate(MatchingCap4Benchmark.NEEDS, MatchingCap4Benchmark.SUPPLIERS,
        MatchingCap4Benchmark.CAPACITY, MatchingCap4Benchmark.DEGREE, MatchData.SEED + 1), false);
    stableInstance();
    eligibility();

    if (FAILURES.isEmpty()) {
      System.out.println("ALL TOTALS AGREE");
    } else {
      FAILURES.forEach(f -> System.out.println("FAILURE: " + f));
      System.exit(1);
    }
  }

  private static double ms(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  private static void optimalInstance(String label, MatchData d, boolean jgrapht) {
    System.out.println(label + " " + d);
    long t = System.nanoTime();
    MatchingProblem p = d.problem(true);
    long pairs = p.eligiblePairs();
    System.out.printf("  problem + eligibility graph: %.0f ms, %,d eligible pairs%n", ms(t), pairs);
    check(label + " eligible pairs", pairs, d.pairs());
    MatchResult ours = null;
    for (int i = 0; i < 5; i++) {
      t = System.nanoTime();
      ours = Matchers.optimal().match(p);
      System.out.printf("  ours optimal run %d: %.0f ms%n", i, ms(t));
    }
    System.out.printf("  ours optimal: total %.0f, %,d matched, %,d unmatched, feasible %s%n",
        ours.totalScore(), ours.matchedCount(), ours.unmatched().size(), MatchChecks.isFeasible(p, ours));
    if (!MatchChecks.isFeasible(p, ours)) {
      FAILURES.add(label + " optimal result infeasible: " + MatchChecks.problems(p, ours));
    }
    MatchResult greedy = Matchers.greedy().match(p);
    System.out.printf("  ours greedy: total %.0f (%.4f of optimal)%n", greedy.totalScore(),
        greedy.totalScore() / ours.totalScore());
    long w = 0;
    for (int i = 0; i < 3; i++) {
      t = System.nanoTime();
      MinCostFlow f = MatchData.orToolsFlow(d);
      double build = ms(t);
      t = System.nanoTime();
      w = MatchData.solveOrTools(d, f);
      System.out.printf("  OR-Tools run %d: build %.0f ms, solve %.0f ms, total %d%n", i, build, ms(t), w);
      f.delete();
    }
    check(label + " ours vs OR-Tools", (long) ours.totalScore(), w);
    if (jgrapht) {
      t = System.nanoTime();
      MatchData.JGraphTModel m = new MatchData.JGraphTModel(d);
      double build = ms(t);
      t = System.nanoTime();
      double jw = m.solve();
      System.out.printf("  JGraphT: build %.0f ms, solve %.0f ms, total %.0f%n", build, ms(t), jw);
      check(label + " ours vs JGraphT", (long) ours.totalScore(), (long) jw);
      if (jw != Math.rint(jw)) {
        FAILURES.add(label + " JGraphT total not integral: " + jw);
      }
    }
  }

  private static void stableInstance() {
    MatchData d = MatchData.generate(StableMatchingBenchmark.NEEDS, StableMatchingBenchmark.SUPPLIERS,
        StableMatchingBenchmark.CAPACITY, StableMatchingBenchmark.DEGREE, MatchData.SEED + 2);
    System.out.println("(c) " + d);
    long t = System.nanoTime();
    MatchingProblem p = d.problem(true);
    long pairs = p.eligiblePairs();
    System.out.printf("  problem + eligibility graph: %.0f ms, %,d eligible pairs%n", ms(t), pairs);
    check("(c) eligible pairs", pairs, d.pairs());
    MatchResult r = null;
    for (int i = 0; i < 5; i++) {
      t = System.nanoTime();
      r = Matchers.stable().match(p);
      System.out.printf("  stable run %d: %.0f ms%n", i, ms(t));
    }
    int blocking = MatchChecks.blockingPairs(p, r).size();
    System.out.printf("  stable: total %.0f, %,d matched, %,d unmatched, blocking pairs %d, feasible %s%n",
        r.totalScore(), r.matchedCount(), r.unmatched().size(), blocking, MatchChecks.isFeasible(p, r));
    if (blocking != 0 || !MatchChecks.isFeasible(p, r)) {
      FAILURES.add("(c) stable result not stable or infeasible");
    }
  }

  private static void eligibility() {
    EligibilityData d = EligibilityData.generate(EligibilityBenchmark.SUPPLIERS, EligibilityBenchmark.NEEDS,
        EligibilityData.SEED);
    System.out.printf("(d) %,d suppliers x %,d needs%n", d.suppliers.size(), d.needs.size());
    for (boolean parallel : new boolean[] {true, false}) {
      long pairs = 0;
      for (int i = 0; i < 3; i++) {
        long t = System.nanoTime();
        MatchingProblem p = d.problem(parallel);
        double build = ms(t);
        t = System.nanoTime();
        pairs = p.eligiblePairs();
        System.out.printf("  parallel=%s run %d: build %.0f ms, eligibility %.0f ms%n", parallel, i, build, ms(t));
      }
      System.out.printf("  parallel=%s: %,d eligible pairs (%.2f %% of %,d; %.0f per need)%n", parallel, pairs,
          100.0 * pairs / ((long) d.suppliers.size() * d.needs.size()), (long) d.suppliers.size() * d.needs.size(),
          (double) pairs / d.needs.size());
    }
  }

  private static void check(String what, long a, long b) {
    System.out.printf("  CHECK %s: %,d vs %,d -> %s%n", what, a, b, a == b ? "equal" : "DIFFERENT");
    if (a != b) {
      FAILURES.add(what + ": " + a + " != " + b);
    }
  }
}
