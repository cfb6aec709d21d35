package io.github.renkei.cluster.matching;

/**
 * An algorithm that assigns needs to suppliers: each need to at most one supplier that passes
 * every constraint, each supplier at most its capacity, locked assignments kept. Implementations
 * are deterministic — the same problem gives the same result, whatever the order its needs and
 * suppliers were added in — immutable and thread-safe.
 *
 * <pre>{@code
 * for (Matcher m : List.of(Matchers.greedy(), Matchers.optimal(), Matchers.stable())) {
 *   System.out.println(m.match(problem));
 * }
 * }</pre>
 */
public interface Matcher {

  /**
   * Returns the matcher's name, as results report it.
   *
   * @return for example {@code optimal}
   */
  String name();

  /**
   * Matches a problem.
   *
   * @param problem the problem
   * @return the result, with an explanation for every unmatched need
   * @throws IllegalArgumentException if a scorer returns NaN, a negative or an infinite score
   *     (the message names the scorer, the need and the supplier), or if the scores of the
   *     assignments chosen add up past {@link Double#MAX_VALUE} (see {@link MatchResult#totalScore()})
   */
  MatchResult match(MatchingProblem problem);
}
