package io.github.renkei.cluster.bench;

import com.google.common.graph.ImmutableGraph;
import com.google.common.graph.ImmutableValueGraph;
import io.github.renkei.cluster.network.Betweenness;
import io.github.renkei.cluster.network.Centrality;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 6: betweenness centrality of every node of a 10,000-node, 100,000-edge undirected graph
 * ({@link BetweennessData}, {@code shape} uniform or preferential), ours against JGraphT 1.5.3's
 * {@code BetweennessCentrality} in the same run. One operation is the whole computation, from the
 * library's graph (built in setup) to the scores:
 *
 * <ul>
 *   <li>{@code jgrapht}: {@code new BetweennessCentrality<>(simpleGraph, false).getScores()};</li>
 *   <li>{@code ours}: {@code Betweenness.of(immutableGraph).threads(threads).compute()}, packing
 *       the Guava graph into arrays included, {@code threads} = 1 or 2;</li>
 *   <li>{@code jgraphtWeighted}, {@code oursWeighted}: the same with integer edge lengths 1..4
 *       ({@code SimpleWeightedGraph}, {@code Betweenness.ofLengths(immutableValueGraph)}).</li>
 * </ul>
 *
 * <p>{@code Mode.SingleShotTime}, seconds. JGraphT takes minutes per operation on this graph
 * (about 50 ms per source: boxed hash maps and a predecessor list per node, rebuilt for each of
 * the 10,000 sources), so it runs 1 fork with no warm-up and 1 measured shot; the JIT is done
 * within the first second of it. Ours runs 2 warm-up and 5 measured shots. Command-line
 * {@code -wi}/{@code -i} override both: pass them only when running ours alone.
 *
 * <p>Checks: the last JGraphT scores of a trial are compared node by node with ours (2 threads)
 * at the end of the trial, within {@code 1e-9·max(1,|a|)}; every result of ours is compared bit
 * for bit with the trial's first. A mismatch fails the run. {@link BetweennessVerify} is the
 * full record (1 against 2 threads, largest differences).
 *
 * <p>Target: ours at least as fast as JGraphT on 1 thread, faster on 2, equal values to 1e-9.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class BetweennessBenchmark {

  /** The graphs of one shape, in both libraries, unweighted and weighted; built once per trial. */
  @State(Scope.Benchmark)
  public static class Graphs {

    /** {@code uniform} (random tree plus uniform edges) or {@code preferential} (Barabási–Albert). */
    @Param({"uniform", "preferential"})
    public String shape;

    /** Nodes; the size by default. */
    @Param({"10000"})
    public int nodes;

    /** Distinct edges; the size by default. */
    @Param({"100000"})
    public int edges;

    ImmutableGraph<Integer> guava;
    ImmutableValueGraph<Integer, Double> guavaWeighted;
    SimpleGraph<Integer, DefaultEdge> jgrapht;
    SimpleWeightedGraph<Integer, DefaultWeightedEdge> jgraphtWeighted;

    /** JGraphT's last scores of this trial, checked against ours at its end. */
    Map<Integer, Double> jgraphtScores;
    boolean jgraphtScoresWeighted;
    /** Our first result of this trial; every later one must equal it. */
    Centrality<Integer> first;

    /** Generates the graph and builds it in both libraries. */
    @Setup(Level.Trial)
    public void setup() {
      BetweennessData d = BetweennessData.generate(shape, nodes, edges, BetweennessData.SEED);
      guava = d.guava();
      guavaWeighted = d.guavaWeighted();
      jgrapht = d.jgrapht();
      jgraphtWeighted = d.jgraphtWeighted();
      if (guava.edges().size() != edges || jgrapht.edgeSet().size() != edges
          || guavaWeighted.edges().size() != edges || jgraphtWeighted.edgeSet().size() != edges) {
        throw new AssertionError("edge counts differ: " + d);
      }
      jgraphtScores = null;
      first = null;
    }

    /** Remembers our first result and fails if a later one differs from it. */
    void ours(Centrality<Integer> c) {
      if (first == null) {
        first = c;
      } else if (!first.equals(c)) {
        throw new AssertionError("ours is not deterministic on " + shape);
      }
    }

    /** Compares JGraphT's last scores with ours (2 threads), node by node. */
    @TearDown(Level.Trial)
    public void verify() {
      if (jgraphtScores == null) {
        return;
      }
      Centrality<Integer> c = jgraphtScoresWeighted
          ? Betweenness.ofLengths(guavaWeighted).threads(2).compute()
          : Betweenness.of(guava).threads(2).compute();
      double worst = 0;
      for (int v = 0; v < nodes; v++) {
        double a = c.value(v);
        double b = jgraphtScores.get(v);
        double rel = Math.abs(a - b) / Math.max(1, Math.abs(a));
        if (!(rel <= BetweennessVerify.TOLERANCE)) {
          throw new AssertionError("node " + v + ": ours " + a + ", JGraphT " + b);
        }
        worst = Math.max(worst, rel);
      }
      System.out.printf("%nJGraphT's scores equal ours (2 threads) at all %,d nodes; largest |a-b|/max(1,|a|) %.2e%n",
          nodes, worst);
    }
  }

  /** Threads of ours. */
  @State(Scope.Benchmark)
  public static class Threads {

    /** 1 or 2. */
    @Param({"1", "2"})
    public int threads;
  }

  /**
   * JGraphT, unweighted.
   *
   * @param g the graphs
   * @return the scores
   */
  @Benchmark
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public Map<Integer, Double> jgrapht(Graphs g) {
    Map<Integer, Double> scores = new BetweennessCentrality<>(g.jgrapht, false).getScores();
    g.jgraphtScores = scores;
    g.jgraphtScoresWeighted = false;
    return scores;
  }

  /**
   * Ours, unweighted.
   *
   * @param g the graphs
   * @param t the threads
   * @return the scores
   */
  @Benchmark
  public Centrality<Integer> ours(Graphs g, Threads t) {
    Centrality<Integer> c = Betweenness.of(g.guava).threads(t.threads).compute();
    g.ours(c);
    return c;
  }

  /**
   * JGraphT, edge lengths 1..4.
   *
   * @param g the graphs
   * @return the scores
   */
  @Benchmark
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public Map<Integer, Double> jgraphtWeighted(Graphs g) {
    Map<Integer, Double> scores = new BetweennessCentrality<>(g.jgraphtWeighted, false).getScores();
    g.jgraphtScores = scores;
    g.jgraphtScoresWeighted = true;
    return scores;
  }

  /**
   * Ours, edge lengths 1..4.
   *
   * @param g the graphs
   * @param t the threads
   * @return the scores
   */
  @Benchmark
  public Centrality<Integer> oursWeighted(Graphs g, Threads t) {
    Centrality<Integer> c = Betweenness.ofLengths(g.guavaWeighted).threads(t.threads).compute();
    g.ours(c);
    return c;
  }
}
