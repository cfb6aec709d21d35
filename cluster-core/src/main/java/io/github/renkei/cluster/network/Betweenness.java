package io.github.renkei.cluster.network;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.graph.Graph;
import com.google.common.graph.ValueGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Betweenness centrality by Brandes' algorithm (U. Brandes, "A faster algorithm for betweenness
 * centrality", Journal of Mathematical Sociology 25 (2001) 163–177): breadth-first search from
 * every node for unweighted graphs, Dijkstra's algorithm for weighted ones, then the dependency
 * accumulation in reverse order. O(nm) time unweighted, O(nm + n² log n) weighted; O(n + m)
 * memory per thread.
 *
 * <p>The score of v is the sum over pairs s ≠ v ≠ t of the share of shortest s–t paths through
 * v. For an undirected graph each unordered pair counts once (the directed sum halved), as in
 * Brandes (2001), networkx and JGraphT. {@link #normalized() Normalized} scores divide by the
 * number of pairs, (n−1)(n−2) directed, (n−1)(n−2)/2 undirected. Self-loops and parallel edges
 * do not change shortest paths and are ignored.
 *
 * <p>Scores are bit-identical whatever the number of threads: sources are cut into fixed blocks
 * (their number depends only on n), each block is summed in source order, and blocks are added
 * in block order.
 *
 * <pre>{@code
 * Centrality<String> b = Betweenness.of(graph).threads(2).compute();          // unweighted
 * Centrality<String> w = Betweenness.ofLengths(roads).normalized().compute(); // edge values = lengths
 * }</pre>
 *
 * @param <N> the node type
 */
public final class Betweenness<N> {

  /** Blocks of sources: enough for load balance, few enough to keep partial sums small. */
  static final int MAX_BLOCKS = 64;

  private final IndexedGraph<N> graph;
  private boolean normalized;
  private int threads = 1;

  private Betweenness(IndexedGraph<N> graph) {
    this.graph = graph;
  }

  /**
   * Betweenness on an unweighted graph (every edge has length 1), directed or not.
   *
   * @param graph the graph
   * @param <N> the node type
   * @return a configurable computation
   */
  public static <N> Betweenness<N> of(Graph<N> graph) {
    return new Betweenness<>(IndexedGraph.of(checkNotNull(graph, "graph")));
  }

  /**
   * Betweenness on a weighted graph whose edge values are lengths (distances, costs).
   *
   * @param graph the graph; every edge value finite and {@code > 0}
   * @param <N> the node type
   * @return a configurable computation
   * @throws IllegalArgumentException naming the edge if a length is not finite and positive
   */
  public static <N> Betweenness<N> ofLengths(ValueGraph<N, ? extends Number> graph) {
    return new Betweenness<>(IndexedGraph.of(checkNotNull(graph, "graph")));
  }

  static <N> Betweenness<N> of(IndexedGraph<N> graph) {
    return new Betweenness<>(graph);
  }

  /**
   * Divides the scores by the number of pairs of other nodes.
   *
   * @return this computation
   */
  public Betweenness<N> normalized() {
    this.normalized = true;
    return this;
  }

  /**
   * Uses this many threads: the calling thread and {@code threads - 1} it starts; default 1.
   *
   * @param threads {@code >= 1}
   * @return this computation
   */
  public Betweenness<N> threads(int threads) {
    checkArgument(threads >= 1, "threads must be >= 1 but was %s", threads);
    this.threads = threads;
    return this;
  }

  /**
   * Computes the scores.
   *
   * @return the betweenness of every node
   */
  public Centrality<N> compute() {
    int n = graph.n;
    double[] total = new double[n];
    if (n > 0) {
      accumulate(total);
    }
    double scale = graph.directed ? 1.0 : 0.5;
    if (normalized) {
      scale = n > 2 ? 1.0 / ((double) (n - 1) * (n - 2)) : 0.0;
    }
    for (int v = 0; v < n; v++) {
      total[v] *= scale;
    }
    return new Centrality<>(normalized ? "betweenness (normalized)" : "betweenness", graph.nodes, graph.index, total);
  }

  private void accumulate(double[] total) {
    int n = graph.n;
    int blocks = Math.min(n, MAX_BLOCKS);
    AtomicInteger next = new AtomicInteger();
    Merger merger = new Merger(total, blocks);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker = () -> {
      try {
        Scratch s = new Scratch(n, graph.weighted);
        int b;
        while ((b = next.getAndIncrement()) < blocks && failure.get() == null) {
          double[] partial = merger.borrow();
          int from = (int) ((long) n * b / blocks);
          int to = (int) ((long) n * (b + 1) / blocks);
          for (int source = from; source < to; source++) {
            if (graph.weighted) {
              s.dijkstra(graph, source, partial);
            } else {
              s.bfs(graph, source, partial);
            }
          }
          merger.put(b, partial);
        }
      } catch (RuntimeException | Error e) {
        failure.compareAndSet(null, e);
      }
    };
    int helpers = Math.min(threads, blocks) - 1;
    List<Thread> started = new ArrayList<>(helpers);
    for (int i = 0; i < helpers; i++) {
      Thread t = new Thread(worker, "renkei-betweenness-" + i);
      t.setDaemon(true);
      t.start();
      started.add(t);
    }
    worker.run();
    boolean interrupted = false;
    for (Thread t : started) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable f = failure.get();
    if (f instanceof RuntimeException re) {
      throw re;
    } else if (f instanceof Error er) {
      throw er;
    }
  }

  /** Adds block partial sums into the total in block order, whatever order they finish in. */
  private static final class Merger {
    private final double[] total;
    private final double[][] pending;
    private final List<double[]> spare = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private int nextBlock;

    Merger(double[] total, int blocks) {
      this.total = total;
      this.pending = new double[blocks][];
    }

    double[] borrow() {
      lock.lock();
      try {
        return spare.isEmpty() ? new double[total.length] : spare.remove(spare.size() - 1);
      } finally {
        lock.unlock();
      }
    }

    void put(int block, double[] partial) {
      lock.lock();
      try {
        pending[block] = partial;
        while (nextBlock < pending.length && pending[nextBlock] != null) {
          double[] p = pending[nextBlock];
          for (int v = 0; v < total.length; v++) {
            total[v] += p[v];
          }
          Arrays.fill(p, 0.0);
          spare.add(p);
          pending[nextBlock++] = null;
        }
      } finally {
        lock.unlock();
      }
    }
  }

  /** One thread's work arrays, reset after each source by touching only what it visited. */
  private static final class Scratch {
    final int[] order;
    final double[] sigma;
    final double[] delta;
    final int[] hops;
    final double[] dist;
    final MinHeap heap;

    Scratch(int n, boolean weighted) {
      order = new int[n];
      sigma = new double[n];
      delta = new double[n];
      hops = weighted ? null : filled(n);
      dist = weighted ? new double[n] : null;
      if (weighted) {
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
      }
      heap = weighted ? new MinHeap(n, dist) : null;
    }

    private static int[] filled(int n) {
      int[] a = new int[n];
      Arrays.fill(a, -1);
      return a;
    }

    void bfs(IndexedGraph<?> g, int s, double[] bc) {
      int[] start = g.outStart;
      int[] target = g.outTarget;
      int tail = 0;
      order[tail++] = s;
      hops[s] = 0;
      sigma[s] = 1;
      for (int head = 0; head < tail; head++) {
        int v = order[head];
        int dv = hops[v] + 1;
        double sv = sigma[v];
        for (int e = start[v], end = start[v + 1]; e < end; e++) {
          int w = target[e];
          if (hops[w] < 0) {
            hops[w] = dv;
            order[tail++] = w;
          }
          if (hops[w] == dv) {
            sigma[w] += sv;
          }
        }
      }
      int[] inStart = g.inStart;
      int[] source = g.inSource;
      for (int i = tail - 1; i > 0; i--) {
        int w = order[i];
        double coefficient = (1 + delta[w]) / sigma[w];
        int dw = hops[w] - 1;
        for (int e = inStart[w], end = inStart[w + 1]; e < end; e++) {
          int v = source[e];
          if (hops[v] == dw) {
            delta[v] += sigma[v] * coefficient;
          }
        }
        bc[w] += delta[w];
      }
      for (int i = 0; i < tail; i++) {
        int v = order[i];
        hops[v] = -1;
        sigma[v] = 0;
        delta[v] = 0;
      }
    }

    void dijkstra(IndexedGraph<?> g, int s, double[] bc) {
      int[] start = g.outStart;
      int[] target = g.outTarget;
      double[] length = g.outLength;
      int settled = 0;
      dist[s] = 0;
      sigma[s] = 1;
      heap.push(s);
      while (!heap.isEmpty()) {
        int v = heap.pop();
        order[settled++] = v;
        double dv = dist[v];
        double sv = sigma[v];
        for (int e = start[v], end = start[v + 1]; e < end; e++) {
          int w = target[e];
          double alt = dv + length[e];
          if (alt < dist[w]) {
            boolean fresh = dist[w] == Double.POSITIVE_INFINITY;
            dist[w] = alt;
            sigma[w] = sv;
            if (fresh) {
              heap.push(w);
            } else {
              heap.decreased(w);
            }
          } else if (alt == dist[w]) {
            sigma[w] += sv;
          }
        }
      }
      int[] inStart = g.inStart;
      int[] source = g.inSource;
      double[] inLength = g.inLength;
      for (int i = settled - 1; i > 0; i--) {
        int w = order[i];
        double coefficient = (1 + delta[w]) / sigma[w];
        double dw = dist[w];
        for (int e = inStart[w], end = inStart[w + 1]; e < end; e++) {
          int v = source[e];
          if (dist[v] + inLength[e] == dw) {
            delta[v] += sigma[v] * coefficient;
          }
        }
        bc[w] += delta[w];
      }
      for (int i = 0; i < settled; i++) {
        int v = order[i];
        dist[v] = Double.POSITIVE_INFINITY;
        sigma[v] = 0;
        delta[v] = 0;
      }
    }
  }
}
