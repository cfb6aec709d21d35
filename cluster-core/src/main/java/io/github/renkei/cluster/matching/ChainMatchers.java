package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The built-in {@link ChainMatcher}s: greedy, and an exact branch and bound for small groups of
 * competing chains.
 *
 * <table>
 *   <caption>Built-in chain matchers</caption>
 *   <tr><th>matcher</th><th>finds</th><th>limit</th></tr>
 *   <tr><td>{@link #greedy()}</td><td>best complete team first, until no chain fits</td><td>none</td></tr>
 *   <tr><td>{@link #optimal()}</td><td>the maximum total score of complete chains</td>
 *       <td>{@value #DEFAULT_MAX_CHAINS} competing chains, {@value #DEFAULT_MAX_NODES} search nodes</td></tr>
 * </table>
 *
 * <h2>Greedy</h2>
 * Repeatedly fills the chain whose best complete team, in the capacity left, scores highest
 * (ties: the smaller chain id), until no unfilled chain has a team that fits. A chain's best team
 * is found exactly by a depth-first search over its roles (suppliers best first, bounded by the
 * roles' best scores), which handles one supplier filling two roles of a chain. Keys are kept in
 * a lazy priority queue: a chain's best only falls as capacity is used, so a chain is
 * re-examined only when it reaches the top. The result is maximal: every unfilled chain has no
 * team that fits in what is left.
 *
 * <h2>Optimal</h2>
 * Chain matching is a set packing problem with capacities — NP-hard in general (Garey and
 * Johnson, <i>Computers and Intractability</i>, 1979, problem SP3) — so no polynomial flow model
 * exists for it. The optimal matcher is exact by search: it splits the chains into groups that
 * compete for some supplier (a supplier competes when the uses of every role it is eligible for
 * exceed its capacity; chains linked only by suppliers with room for all never interact), takes
 * the greedy solution as the incumbent, and runs a depth-first branch and bound per group
 * (Land and Doig, "An automatic method of solving discrete programming problems",
 * <i>Econometrica</i> 28 (1960)): chains in order of their best score alone, each filled role by
 * role (suppliers best first) or left unfilled; a node is cut when its score plus, for every open
 * chain, the sum of its roles' best scores among suppliers with room does not beat the
 * incumbent, or when a Lagrangian bound (Fisher, "The Lagrangian relaxation method for solving
 * integer programming problems", <i>Management Science</i> 27 (1981)) with prices on the
 * suppliers' capacity, fitted by subgradient steps at the root, does not. Finally any chain that still fits is filled (at score 0, so the total stays
 * optimal and the result maximal). Scores are compared as longs: integral scores up to
 * 2<sup>30</sup> as they are, others quantized to 2<sup>-30</sup> of the largest, as
 * {@link OptimalMatcher} does; the optimum is then exact for the quantized scores.
 *
 * <p>The search is exponential in the worst case, so it has a stated limit: a group of more than
 * {@code maxChains} competing chains, or a search of more than {@code maxNodes} nodes, throws an
 * {@link IllegalArgumentException} that names the limit and the chains; use {@link #greedy()}
 * for those.
 */
public final class ChainMatchers {

  /** The default limit on the chain needs in one group of competing chains: {@value}. */
  public static final int DEFAULT_MAX_CHAINS = 60;

  /** The default limit on the nodes of one search: {@value}. */
  public static final long DEFAULT_MAX_NODES = 20_000_000L;

  private static final ChainMatcher GREEDY = new Greedy();
  private static final ChainMatcher OPTIMAL = new Optimal(DEFAULT_MAX_CHAINS, DEFAULT_MAX_NODES);

  private ChainMatchers() {}

  /**
   * Returns the greedy chain matcher.
   *
   * @return the matcher, named {@code chain-greedy}
   */
  public static ChainMatcher greedy() {
    return GREEDY;
  }

  /**
   * Returns the exact chain matcher with the default limits.
   *
   * @return the matcher, named {@code chain-optimal}
   */
  public static ChainMatcher optimal() {
    return OPTIMAL;
  }

  /**
   * Returns the exact chain matcher with other limits.
   *
   * @param maxChains the most chain needs in one group of competing chains, {@code >= 1}
   * @param maxNodes the most search nodes per group, {@code >= 1}
   * @return the matcher, named {@code chain-optimal}
   */
  public static ChainMatcher optimal(int maxChains, long maxNodes) {
    checkArgument(maxChains >= 1, "maxChains must be >= 1 but was %s", maxChains);
    checkArgument(maxNodes >= 1, "maxNodes must be >= 1 but was %s", maxNodes);
    return new Optimal(maxChains, maxNodes);
  }

  private static final class Greedy implements ChainMatcher {
    @Override
    public String name() {
      return "chain-greedy";
    }

    @Override
    public ChainResult match(ChainProblem problem) {
      ChainSolver s = new ChainSolver(problem);
      return s.result(name(), s.greedy());
    }

    @Override
    public String toString() {
      return name();
    }
  }

  private static final class Optimal implements ChainMatcher {
    private final int maxChains;
    private final long maxNodes;

    Optimal(int maxChains, long maxNodes) {
      this.maxChains = maxChains;
      this.maxNodes = maxNodes;
    }

    @Override
    public String name() {
      return "chain-optimal";
    }

    @Override
    public ChainResult match(ChainProblem problem) {
      ChainSolver s = new ChainSolver(problem);
      return s.result(name(), s.optimal(maxChains, maxNodes));
    }

    @Override
    public String toString() {
      return name() + "[maxChains=" + maxChains + ", maxNodes=" + maxNodes + "]";
    }
  }
}
