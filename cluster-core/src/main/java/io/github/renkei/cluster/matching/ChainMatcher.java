package io.github.renkei.cluster.matching;

/**
 * An algorithm that fills chain needs as teams: each chain gets an eligible supplier for every
 * role or none at all, and no supplier's roles use more than its capacity. Implementations are
 * deterministic, immutable and thread-safe; {@link ChainMatchers} has the built-in ones.
 *
 * <pre>{@code
 * ChainResult r = ChainMatchers.greedy().match(problem);
 * r.unfilled().forEach(u -> System.out.println(u));   // chain-07: sterilization: no supplier holds ...
 * }</pre>
 */
public interface ChainMatcher {

  /**
   * Returns the matcher's name, as results report it.
   *
   * @return for example {@code chain-greedy}
   */
  String name();

  /**
   * Matches a problem.
   *
   * @param problem the problem
   * @return the result, with an explanation for every chain left unfilled
   * @throws IllegalArgumentException if a scorer returns NaN, a negative or an infinite score
   *     (naming the scorer, the role's need and the supplier), or if a matcher's size limit is
   *     exceeded (naming the limit)
   */
  ChainResult match(ChainProblem problem);
}
