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
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.providers.ArbitraryProvider;
import net.jqwik.api.providers.TypeUsage;

/**
 * The default jqwik provider for the model's types, registered in
 * {@code META-INF/services/net.jqwik.api.providers.ArbitraryProvider}: with the library and
 * jqwik on the test class path, {@code @ForAll Cluster cluster} works without further set-up.
 * Supplies the same arbitraries as {@link RenkeiDomain}.
 */
public final class RenkeiArbitraryProvider implements ArbitraryProvider {

  private static final Map<Class<?>, Supplier<Arbitrary<?>>> ARBITRARIES = Map.of(
      Cluster.class, ClusterArbitraries::clusters,
      Organization.class, ClusterArbitraries::organizations,
      OrganizationId.class, ClusterArbitraries::organizationIds,
      Relationship.class, () -> ClusterArbitraries.relationships(RenkeiDomain.STANDALONE_IDS),
      Need.class, () -> ClusterArbitraries.needs(RenkeiDomain.STANDALONE_IDS),
      FundingProgram.class, () -> ClusterArbitraries.programs(RenkeiDomain.STANDALONE_IDS),
      MatchingProblem.class, MatchingArbitraries::problems,
      ChainProblem.class, MatchingArbitraries::chainProblems,
      TimedQueue.class, MatchingArbitraries::timedQueues);

  /** Creates the provider; jqwik's service loader instantiates it. */
  public RenkeiArbitraryProvider() {}

  @Override
  public boolean canProvideFor(TypeUsage targetType) {
    return ARBITRARIES.keySet().stream().anyMatch(targetType::isOfType);
  }

  @Override
  public Set<Arbitrary<?>> provideFor(TypeUsage targetType, SubtypeProvider subtypeProvider) {
    return ARBITRARIES.entrySet().stream()
        .filter(e -> targetType.isOfType(e.getKey()))
        .map(e -> e.getValue().get())
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }
}
