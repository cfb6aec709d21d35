package io.github.renkei.cluster.matching;

/**
 * The front door to the built-in matchers.
 *
 * <table>
 *   <caption>Built-in matchers</caption>
 *   <tr><th>matcher</th><th>finds</th><th>time</th></tr>
 *   <tr><td>{@link #greedy()}</td><td>a maximal matching, best pairs first (at least half the optimum)</td>
 *       <td>O(P log P)</td></tr>
 *   <tr><td>{@link #optimal()}</td><td>the maximum total score</td><td>O(L · P log V) worst case</td></tr>
 *   <tr><td>{@link #optimalMaximizingMatches()}</td><td>the most needs served, then the maximum score</td>
 *       <td>same</td></tr>
 *   <tr><td>{@link #stable()}</td><td>the needs-optimal stable matching</td><td>O(P log b)</td></tr>
 *   <tr><td>{@link #stableSuppliersProposing()}</td><td>the suppliers-optimal stable matching</td>
 *       <td>O(P)</td></tr>
 * </table>
 * P is the number of eligible pairs, L of needs, V of needs and suppliers, b the largest capacity.
 *
 * <p>Every matcher respects {@linkplain MatchingProblem#requesterCapacities() requester
 * capacities}: with them, the optimal matchers solve a min-cost flow with a requester layer by
 * successive shortest paths (O(L · (P + V) log V)) and the stable matchers run their
 * many-to-many forms (O(P log P)); see {@link OptimalMatcher} and {@link StableMatcher}.
 */
public final class Matchers {

  private Matchers() {}

  /**
   * Returns the greedy matcher.
   *
   * @return a {@link GreedyMatcher}
   */
  public static Matcher greedy() {
    return GreedyMatcher.INSTANCE;
  }

  /**
   * Returns the matcher of maximum total score (exact for integer scores up to 2<sup>30</sup>,
   * otherwise for the scores quantized to 2<sup>-30</sup> of the largest; see
   * {@link OptimalMatcher}).
   *
   * @return an {@link OptimalMatcher}
   */
  public static Matcher optimal() {
    return OptimalMatcher.maximizingScore();
  }

  /**
   * Returns the matcher that serves as many needs as possible, then maximizes the total score.
   *
   * @return an {@link OptimalMatcher}
   */
  public static Matcher optimalMaximizingMatches() {
    return OptimalMatcher.maximizingMatchesThenScore();
  }

  /**
   * Returns deferred acceptance with needs proposing.
   *
   * @return a {@link StableMatcher}
   */
  public static Matcher stable() {
    return StableMatcher.needsProposing();
  }

  /**
   * Returns deferred acceptance with suppliers proposing.
   *
   * @return a {@link StableMatcher}
   */
  public static Matcher stableSuppliersProposing() {
    return StableMatcher.suppliersProposing();
  }
}
