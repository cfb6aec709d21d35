/**
 * Matching needs to suppliers: {@link io.github.renkei.cluster.matching.MatchingProblem}s with
 * hard {@link io.github.renkei.cluster.matching.Constraint}s (including the regulatory role a
 * need's kind and device class demand) and soft {@link io.github.renkei.cluster.matching.Scorer}s;
 * greedy, optimal and stable {@link io.github.renkei.cluster.matching.Matcher}s; results that
 * explain every unmatched need; ranked {@link io.github.renkei.cluster.matching.Shortlists} for a
 * coordinator, with the near misses that fail exactly one constraint; and independent
 * {@link io.github.renkei.cluster.matching.MatchChecks}. Over time, a
 * {@link io.github.renkei.cluster.matching.RollingMatcher} matches a
 * {@link io.github.renkei.cluster.matching.TimedQueue} of needs with arrival days and deadlines
 * in weekly rounds, keeping earlier commitments and releasing capacity when contracts end, and
 * reports waiting times and expired needs in a {@link io.github.renkei.cluster.matching.RollingResult}.
 *
 * <pre>{@code
 * MatchingProblem problem = MatchingProblem.from(FukushimaSample.cluster()).year(2016).build();
 * MatchResult result = Matchers.optimal().match(problem);
 * System.out.println(result.table());
 * // syn-need-05 unmatched: no supplier has STERILIZATION_EO and PACKAGING, in 北海道・東北
 * }</pre>
 *
 * <p>A need is served by at most one supplier and a supplier serves at most its capacity, so an
 * optimal matching is a maximum-weight b-matching, solved as a min-cost flow: exactly for
 * integer scores up to 2<sup>30</sup>, otherwise exactly for the scores quantized to 2<sup>-30</sup>
 * of the largest (see {@link io.github.renkei.cluster.matching.OptimalMatcher}). A result whose
 * total score would pass {@link java.lang.Double#MAX_VALUE} is rejected, never reported as
 * infinity.
 *
 * <p>A requester may be limited too
 * ({@link io.github.renkei.cluster.matching.MatchingProblem.Builder#requesterCapacity}: a
 * hospital that can take only two proposals). Requesters and suppliers are then matched
 * many-to-many through the needs: the optimal matchers solve a min-cost flow with a requester
 * layer, greedy skips pairs of full requesters, the stable matchers run many-to-many deferred
 * acceptance, and {@link io.github.renkei.cluster.matching.MatchChecks} checks both capacities
 * and pairwise stability.
 *
 * <p><b>Chains.</b> A {@link io.github.renkei.cluster.matching.ChainNeed} needs several registered
 * sites — design, main assembly, sterilization, final storage — and is filled as a team or not at
 * all: a separate, harder problem ({@link io.github.renkei.cluster.matching.ChainProblem}), never
 * smuggled into the flow model. {@link io.github.renkei.cluster.matching.ChainMatchers} has a
 * greedy matcher and an exact branch and bound with a stated size limit; a
 * {@link io.github.renkei.cluster.matching.ChainResult} names, for every unfilled chain, the
 * roles that could not be filled and why.
 *
 * <pre>{@code
 * ChainProblem chains = ChainProblem.from(cluster).chain(catheter).build();
 * System.out.println(ChainMatchers.greedy().match(chains).table());
 * // chain-07 unfilled: sterilization: no supplier holds 医療機器製造業登録 (滅菌), has STERILIZATION_EO
 * }</pre>
 */
package io.github.renkei.cluster.matching;
