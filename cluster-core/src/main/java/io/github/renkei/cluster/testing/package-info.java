/**
 * jqwik arbitraries for property tests of code that uses the library: ids, organizations,
 * relationships, needs, programs and whole clusters, valid by construction, sized by
 * configuration, shrinking towards small clusters; and matching problems
 * ({@link io.github.renkei.cluster.testing.MatchingArbitraries}), chain problems among them, and timed
 * queues of needs ({@link io.github.renkei.cluster.testing.TimedQueueArbitrary}) to check matchers with, together
 * with the invariant checkers of {@link io.github.renkei.cluster.matching.MatchChecks}. Needs
 * jqwik on the test class path (the library declares it optional).
 *
 * <pre>{@code
 * @Property
 * void everyClusterHasItsOwnTies(@ForAll Cluster cluster) { ... }          // default provider
 *
 * @Property
 * void bigger(@ForAll("clusters") Cluster cluster) { ... }
 * @Provide
 * Arbitrary<Cluster> clusters() {
 *   return ClusterArbitraries.clusters().withOrganizations(20, 200).withRelationships(0, 2_000);
 * }
 * }</pre>
 */
package io.github.renkei.cluster.testing;
