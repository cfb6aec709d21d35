package io.github.renkei.cluster.bench;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import io.github.renkei.cluster.matching.Constraint;
import io.github.renkei.cluster.matching.MatchContext;
import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.matching.Scorer;
import io.github.renkei.cluster.matching.Violation;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.region.Prefecture;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.jgrapht.Graph;
import org.jgrapht.alg.matching.MaximumWeightBipartiteMatching;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * Random b-matching instances of the matching benchmarks (issue 4), the same for every run: L
 * needs, R suppliers of one capacity, for each need {@code degree} distinct eligible suppliers
 * drawn uniformly at random, each pair with an integer score 1..{@value #MAX_SCORE}. The same
 * instance is turned into a {@link MatchingProblem} (one custom constraint that admits exactly
 * the drawn pairs, one custom scorer that returns the drawn scores), a JGraphT
 * {@link SimpleWeightedGraph} and an OR-Tools {@link MinCostFlow}.
 */
final class MatchData {

  static final int MAX_SCORE = 1000;
  static final long SEED = 20_260_401L;
  /** Requesters shared by the needs (need {@code n} is raised by requester {@code n % 10}). */
  static final int REQUESTERS = 10;

  final int needs;
  final int suppliers;
  final int capacity;
  final int degree;
  /** Per need, its eligible suppliers in increasing index order. */
  final int[][] eligible;
  /** Per need, the scores aligned with {@link #eligible}. */
  final int[][] score;

  private MatchData(int needs, int suppliers, int capacity, int degree, int[][] eligible, int[][] score) {
    this.needs = needs;
    this.suppliers = suppliers;
    this.capacity = capacity;
    this.degree = degree;
    this.eligible = eligible;
    this.score = score;
  }

  /** Draws an instance; the same arguments always give the same instance. */
  static MatchData generate(int needs, int suppliers, int capacity, int degree, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[][] eligible = new int[needs][];
    int[][] score = new int[needs][];
    boolean[] taken = new boolean[suppliers];
    for (int n = 0; n < needs; n++) {
      int[] row = new int[degree];
      for (int k = 0; k < degree; k++) {
        int j;
        do {
          j = rnd.nextInt(suppliers);
        } while (taken[j]);
        taken[j] = true;
        row[k] = j;
      }
      for (int j : row) {
        taken[j] = false;
      }
      Arrays.sort(row);
      int[] s = new int[degree];
      for (int k = 0; k < degree; k++) {
        s[k] = 1 + rnd.nextInt(MAX_SCORE);
      }
      eligible[n] = row;
      score[n] = s;
    }
    return new MatchData(needs, suppliers, capacity, degree, eligible, score);
  }

  long pairs() {
    return (long) needs * degree;
  }

  @Override
  public String toString() {
    return String.format("L=%,d R=%,d capacity=%d degree=%d pairs=%,d", needs, suppliers, capacity, degree, pairs());
  }

  // ---------------------------------------------------------------- ids

  static String needId(int n) {
    return String.format("n-%07d", n + 1);
  }

  static String supplierId(int j) {
    return String.format("s-%07d", j + 1);
  }

  /** Parses the index out of {@code n-0000001} or {@code s-0000001}. */
  static int indexOf(String id) {
    int v = 0;
    for (int i = 2; i < id.length(); i++) {
      v = v * 10 + (id.charAt(i) - '0');
    }
    return v - 1;
  }

  // ---------------------------------------------------------------- our problem

  /**
   * The instance as a matching problem: suppliers {@code s-0000001...} (SME manufacturers with
   * the instance's capacity), needs {@code n-0000001...} (PARTS_SUPPLY, no requirements) raised
   * by ten shared requesters, the constraint {@link Drawn} alone and the scorer
   * {@link DrawnScore}. Ids are zero-padded, so the problem's supplier index {@code j} is the
   * instance's supplier {@code j} and its need index {@code n} the instance's need {@code n}.
   */
  MatchingProblem problem(boolean parallel) {
    MatchingProblem.Builder b = MatchingProblem.builder();
    for (int q = 0; q < REQUESTERS; q++) {
      b.organization(Organization.builder(new OrganizationId(String.format("r-%02d", q)), "Requester " + q,
          OrganizationType.DEVICE_MAKER, Prefecture.values()[q]).build());
    }
    Prefecture[] prefectures = Prefecture.values();
    for (int j = 0; j < suppliers; j++) {
      b.supplier(Organization.builder(new OrganizationId(supplierId(j)), "Supplier " + (j + 1),
          OrganizationType.SME_MANUFACTURER, prefectures[j % prefectures.length]).capacity(capacity).build());
    }
    for (int n = 0; n < needs; n++) {
      b.need(Need.builder(new NeedId(needId(n)), new OrganizationId(String.format("r-%02d", n % REQUESTERS)),
          NeedKind.PARTS_SUPPLY).build());
    }
    return b.constraints(List.of(new Drawn(this))).scorer(new DrawnScore(this)).parallel(parallel).build();
  }

  /**
   * Admits exactly the drawn pairs. {@link #restrict} ANDs with a precomputed bit set per need,
   * so building the eligibility graph costs a few word operations per need and supplier block.
   */
  static final class Drawn implements Constraint {
    private final BitSet[] admitted;

    Drawn(MatchData d) {
      admitted = new BitSet[d.needs];
      for (int n = 0; n < d.needs; n++) {
        BitSet s = new BitSet(d.suppliers);
        for (int j : d.eligible[n]) {
          s.set(j);
        }
        admitted[n] = s;
      }
    }

    @Override
    public String name() {
      return "drawn";
    }

    @Override
    public Optional<Violation> check(Need need, Organization supplier, MatchContext context) {
      return admitted[indexOf(need.id().value())].get(indexOf(supplier.id().value()))
          ? Optional.empty()
          : Optional.of(new Violation(name(), "was not drawn for the need"));
    }

    @Override
    public void restrict(Need need, MatchContext context, BitSet candidates) {
      candidates.and(admitted[indexOf(need.id().value())]);
    }
  }

  /** The drawn integer score of a pair, 0 for a pair that was not drawn. */
  static final class DrawnScore implements Scorer {
    private final MatchData d;

    DrawnScore(MatchData d) {
      this.d = d;
    }

    @Override
    public String name() {
      return "drawn-score";
    }

    @Override
    public double score(Need need, Organization supplier, MatchContext context) {
      int n = indexOf(need.id().value());
      int k = Arrays.binarySearch(d.eligible[n], indexOf(supplier.id().value()));
      return k >= 0 ? d.score[n][k] : 0;
    }
  }

  // ---------------------------------------------------------------- JGraphT

  /** Vertices 0..L-1 are the needs, L..L+R-1 the suppliers; edge weight = score. Capacity 1 only. */
  static final class JGraphTModel {
    final Graph<Integer, DefaultWeightedEdge> graph;
    final Set<Integer> needSide;
    final Set<Integer> supplierSide;

    JGraphTModel(MatchData d) {
      if (d.capacity != 1) {
        throw new IllegalArgumentException("JGraphT's bipartite matching has capacity 1 only");
      }
      graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
      needSide = new HashSet<>();
      supplierSide = new HashSet<>();
      for (int n = 0; n < d.needs; n++) {
        graph.addVertex(n);
        needSide.add(n);
      }
      for (int j = 0; j < d.suppliers; j++) {
        graph.addVertex(d.needs + j);
        supplierSide.add(d.needs + j);
      }
      for (int n = 0; n < d.needs; n++) {
        for (int k = 0; k < d.degree; k++) {
          DefaultWeightedEdge e = graph.addEdge(n, d.needs + d.eligible[n][k]);
          graph.setEdgeWeight(e, d.score[n][k]);
        }
      }
    }

    /** Solves; returns the total weight of the maximum-weight matching. */
    double solve() {
      return new MaximumWeightBipartiteMatching<>(graph, needSide, supplierSide).getMatching().getWeight();
    }
  }

  // ---------------------------------------------------------------- OR-Tools

  private static volatile boolean loaded;

  /** Loads OR-Tools' native library once per JVM. */
  static synchronized void loadOrTools() {
    if (!loaded) {
      Loader.loadNativeLibraries();
      loaded = true;
    }
  }

  /**
   * The b-matching as a min-cost flow with non-negative costs. Nodes: source 0, need n = 1 + n,
   * supplier j = 1 + L + j, sink 1 + L + R. Arcs: source → need (capacity 1, cost 0), need →
   * supplier (capacity 1, cost {@code MAX_SCORE - score}), need → sink, the "unmatched" bypass
   * (capacity 1, cost {@code MAX_SCORE}), supplier → sink (capacity the supplier's, cost 0).
   * Supply L at the source, demand L at the sink. Every need sends its unit either through a
   * supplier or through the bypass, so cost = L · MAX_SCORE − total score, and the minimum cost
   * is the maximum total score.
   */
  static MinCostFlow orToolsFlow(MatchData d) {
    loadOrTools();
    int source = 0;
    int sink = 1 + d.needs + d.suppliers;
    MinCostFlow f = new MinCostFlow(sink + 1, (int) (d.pairs() + 2L * d.needs + d.suppliers));
    for (int n = 0; n < d.needs; n++) {
      f.addArcWithCapacityAndUnitCost(source, 1 + n, 1, 0);
    }
    for (int n = 0; n < d.needs; n++) {
      int[] row = d.eligible[n];
      int[] s = d.score[n];
      for (int k = 0; k < row.length; k++) {
        f.addArcWithCapacityAndUnitCost(1 + n, 1 + d.needs + row[k], 1, MAX_SCORE - s[k]);
      }
      f.addArcWithCapacityAndUnitCost(1 + n, sink, 1, MAX_SCORE);
    }
    for (int j = 0; j < d.suppliers; j++) {
      f.addArcWithCapacityAndUnitCost(1 + d.needs + j, sink, d.capacity, 0);
    }
    f.setNodeSupply(source, d.needs);
    f.setNodeSupply(sink, -d.needs);
    return f;
  }

  /** Solves a flow of {@link #orToolsFlow} and returns the maximum total score. */
  static long solveOrTools(MatchData d, MinCostFlow f) {
    MinCostFlowBase.Status status = f.solve();
    if (status != MinCostFlowBase.Status.OPTIMAL) {
      throw new IllegalStateException("OR-Tools MinCostFlow: " + status);
    }
    return (long) d.needs * MAX_SCORE - f.getOptimalCost();
  }
}
