package io.github.renkei.cluster.bench;

import com.google.common.graph.ImmutableGraph;
import com.google.common.graph.ImmutableValueGraph;
import io.github.renkei.cluster.network.Betweenness;
import io.github.renkei.cluster.network.Centrality;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;

/**
 * Computes betweenness on every benchmark graph of {@link BetweennessBenchmark} (both shapes,
 * unweighted and weighted) with JGraphT's {@code BetweennessCentrality} and with ours on 1 and
 * 2 threads, once each, and checks every node: ours equal to JGraphT's within 1e-9 relative
 * ({@code |a - b| <= 1e-9 * max(1, |a|)}), and 1 and 2 threads bit for bit. Prints the largest
 * differences and rough single-run times (the numbers in BENCHMARKS.md come from JMH; this is
 * the correctness record). Exits with status 1 on any mismatch. Run:
 * {@code exec:exec@betweenness-verify}, the graphs chosen by {@code -Dbetweenness.graphs}
 * (default {@code uniform,uniform-weighted,preferential,preferential-weighted}; {@code nodes=N} and
 * {@code edges=M} change the size).
 */
public final class BetweennessVerify {

  static final double TOLERANCE = 1e-9;

  private static final List<String> FAILURES = new ArrayList<>();

  private BetweennessVerify() {}

  public static void main(String[] args) {
    System.out.println("java " + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version")
        + ", " + Runtime.getRuntime().availableProcessors() + " processors, max heap "
        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
    // arguments: words separated by commas or spaces; graphs "uniform", "preferential",
    // "uniform-weighted", "preferential-weighted" (default: all four), and "nodes=N", "edges=M"
    int nodes = BetweennessData.NODES;
    int edges = BetweennessData.EDGES;
    List<String> graphs = new ArrayList<>();
    for (String arg : args) {
      for (String word : arg.split("[,\\s]+")) {
        if (word.startsWith("nodes=")) {
          nodes = Integer.parseInt(word.substring(6));
        } else if (word.startsWith("edges=")) {
          edges = Integer.parseInt(word.substring(6));
        } else if (!word.isEmpty()) {
          graphs.add(word);
        }
      }
    }
    if (graphs.isEmpty()) {
      graphs = List.of("uniform", "uniform-weighted", "preferential", "preferential-weighted");
    }
    BetweennessData d = null;
    for (String graph : graphs) {
      boolean weighted = graph.endsWith("-weighted");
      String shape = weighted ? graph.substring(0, graph.length() - "-weighted".length()) : graph;
      if (d == null || !d.shape.equals(shape)) {
        long t = System.nanoTime();
        d = BetweennessData.generate(shape, nodes, edges, BetweennessData.SEED);
        System.out.printf("%s (generated in %.0f ms)%n", d, ms(t));
      }
      check(d, weighted);
    }
    if (FAILURES.isEmpty()) {
      System.out.println("ALL SCORES AGREE");
    } else {
      FAILURES.forEach(f -> System.out.println("FAILURE: " + f));
      System.exit(1);
    }
  }

  private static double ms(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  private static void check(BetweennessData d, boolean weighted) {
    String label = d.shape + (weighted ? " weighted" : " unweighted");
    System.out.println("  " + label);
    long t = System.nanoTime();
    Graph<Integer, ?> jg = weighted ? d.jgraphtWeighted() : d.jgrapht();
    double jgBuild = ms(t);
    t = System.nanoTime();
    ImmutableGraph<Integer> plain = weighted ? null : d.guava();
    ImmutableValueGraph<Integer, Double> lengths = weighted ? d.guavaWeighted() : null;
    Supplier<Betweenness<Integer>> ours = weighted
        ? () -> Betweenness.ofLengths(lengths)
        : () -> Betweenness.of(plain);
    System.out.printf("    graphs built: JGraphT %.0f ms, Guava %.0f ms%n", jgBuild, ms(t));
    t = System.nanoTime();
    Map<Integer, Double> reference = new BetweennessCentrality<>(jg, false).getScores();
    System.out.printf("    JGraphT BetweennessCentrality: %.0f ms%n", ms(t));
    Centrality<Integer> one = timed("ours, 1 thread", () -> ours.get().threads(1).compute());
    Centrality<Integer> two = timed("ours, 2 threads", () -> ours.get().threads(2).compute());

    if (reference.size() != d.n || one.size() != d.n) {
      FAILURES.add(label + ": " + reference.size() + " JGraphT scores, " + one.size() + " ours, " + d.n + " nodes");
      return;
    }
    double maxAbs = 0;
    double maxRel = 0;
    int worst = 0;
    int mismatches = 0;
    int differentBits = 0;
    double sum = 0;
    for (int v = 0; v < d.n; v++) {
      double a = one.value(v);
      double b = reference.get(v);
      double diff = Math.abs(a - b);
      double rel = diff / Math.max(1, Math.abs(a));
      if (diff > maxAbs) {
        maxAbs = diff;
      }
      if (rel > maxRel) {
        maxRel = rel;
        worst = v;
      }
      if (!(rel <= TOLERANCE)) {
        mismatches++;
      }
      if (Double.doubleToRawLongBits(a) != Double.doubleToRawLongBits(two.value(v))) {
        differentBits++;
      }
      sum += a;
    }
    System.out.printf("    sum of scores %.6f, max %.6f%n", sum, one.max());
    System.out.printf("    ours vs JGraphT: max |a-b| %.3e, max |a-b|/max(1,|a|) %.3e (node %d: %.17g vs %.17g), "
        + "%d of %,d nodes beyond %.0e -> %s%n", maxAbs, maxRel, worst, one.value(worst), reference.get(worst),
        mismatches, d.n, TOLERANCE, mismatches == 0 ? "equal" : "DIFFERENT");
    System.out.printf("    ours 1 vs 2 threads: %d of %,d nodes differ in any bit -> %s%n", differentBits, d.n,
        differentBits == 0 && one.equals(two) ? "bit-identical" : "DIFFERENT");
    if (mismatches > 0) {
      FAILURES.add(label + ": " + mismatches + " nodes differ from JGraphT by more than " + TOLERANCE);
    }
    if (differentBits > 0 || !one.equals(two)) {
      FAILURES.add(label + ": 1 and 2 threads differ at " + differentBits + " nodes");
    }
  }

  private static Centrality<Integer> timed(String what, Supplier<Centrality<Integer>> run) {
    long t = System.nanoTime();
    Centrality<Integer> c = run.get();
    System.out.printf("    %s (graph + scores): %.0f ms%n", what, ms(t));
    return c;
  }
}
