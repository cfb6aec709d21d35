package io.github.renkei.cluster.testing;

import io.github.renkei.cluster.matching.ChainProblem;
import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.matching.TimedQueue;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.FundingProgram;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.Relationship;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.DomainContextBase;

/**
 * A jqwik domain that supplies the model's types with their default arbitraries, so that a
 * property can declare {@code @ForAll Cluster cluster}. On the class path the same arbitraries
 * are also registered as a default jqwik provider; on the module path (where service files in
 * {@code META-INF} are ignored) use the domain explicitly:
 *
 * <pre>{@code
 * @Domain(RenkeiDomain.class)
 * class MyProperties {
 *   @Property
 *   void everyNeedHasAKnownRequester(@ForAll Cluster cluster) {
 *     cluster.needs().forEach(n -> assertTrue(cluster.contains(n.requester())));
 *   }
 * }
 * }</pre>
 *
 * Relationships, needs and programs generated on their own refer to three fixed ids
 * ({@code a}, {@code b}, {@code c}); to fit them into a cluster use
 * {@link ClusterArbitraries#relationships(List)} and its siblings with the cluster's ids.
 */
public class RenkeiDomain extends DomainContextBase {

  static final List<OrganizationId> STANDALONE_IDS =
      List.of(OrganizationId.of("a"), OrganizationId.of("b"), OrganizationId.of("c"));

  /** Creates the domain; jqwik instantiates it. */
  public RenkeiDomain() {}

  @Provide
  Arbitrary<Cluster> clusters() {
    return ClusterArbitraries.clusters();
  }

  @Provide
  Arbitrary<MatchingProblem> matchingProblems() {
    return MatchingArbitraries.problems();
  }

  @Provide
  Arbitrary<ChainProblem> chainProblems() {
    return MatchingArbitraries.chainProblems();
  }

  @Provide
  Arbitrary<TimedQueue> timedQueues() {
    return MatchingArbitraries.timedQueues();
  }

  @Provide
  Arbitrary<Organization> organizations() {
    return ClusterArbitraries.organizations();
  }

  @Provide
  Arbitrary<OrganizationId> organizationIds() {
    return ClusterArbitraries.organizationIds();
  }

  @Provide
  Arbitrary<Relationship> relationships() {
    return ClusterArbitraries.relationships(STANDALONE_IDS);
  }

  @Provide
  Arbitrary<Need> needs() {
    return ClusterArbitraries.needs(STANDALONE_IDS);
  }

  @Provide
  Arbitrary<FundingProgram> programs() {
    return ClusterArbitraries.programs(STANDALONE_IDS);
  }
}
