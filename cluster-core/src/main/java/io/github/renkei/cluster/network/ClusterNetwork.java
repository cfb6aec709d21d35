package io.github.renkei.cluster.network;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.graph.GraphBuilder;
import com.google.common.graph.ImmutableGraph;
import com.google.common.graph.ImmutableNetwork;
import com.google.common.graph.ImmutableValueGraph;
import com.google.common.graph.NetworkBuilder;
import com.google.common.graph.ValueGraphBuilder;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.Relationship;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A cluster seen as a network: its organizations as nodes (all of them, in id order, isolated
 * ones included) and the ties a {@link TieFilter} keeps as edges, with the measures the seed
 * argues in — who brokers, who is central, how tiered the supply chain is. Immutable and cheap
 * to query repeatedly; the measures are computed on demand.
 *
 * <pre>{@code
 * ClusterNetwork supply2016 = ClusterNetwork.of(cluster, TieFilter.supply().inYear(2016));
 * supply2016.betweenness().top(5);
 * supply2016.density();
 * supply2016.components();
 * supply2016.brokerage(o -> o.prefecture());   // Gould–Fernandez roles across prefectures
 * ClusterNetwork.of(cluster).supplyTiers();     // depth from the device makers
 * }</pre>
 *
 * <p>The measures that do not depend on direction (degree, betweenness, closeness, clustering,
 * components, density) take the ties as undirected: a tie connects its two organizations for
 * the flow of information, whichever way the goods go. {@link #directed()} gives the directed
 * view for measures of the user's own.
 */
public final class ClusterNetwork {

  private final Cluster cluster;
  private final TieFilter filter;
  private final ImmutableList<Relationship> ties;
  private final ImmutableNetwork<OrganizationId, Relationship> network;
  private final ImmutableGraph<OrganizationId> directed;
  private final ImmutableGraph<OrganizationId> undirected;

  private ClusterNetwork(Cluster cluster, TieFilter filter) {
    this.cluster = cluster;
    this.filter = filter;
    ImmutableList.Builder<Relationship> kept = ImmutableList.builder();
    for (Relationship r : cluster.relationships()) {
      if (filter.test(r)) {
        kept.add(r);
      }
    }
    this.ties = kept.build();
    ImmutableNetwork.Builder<OrganizationId, Relationship> net =
        NetworkBuilder.directed().allowsParallelEdges(true).allowsSelfLoops(false)
            .expectedNodeCount(cluster.organizationCount()).immutable();
    ImmutableGraph.Builder<OrganizationId> dir = GraphBuilder.directed().allowsSelfLoops(false)
        .expectedNodeCount(cluster.organizationCount()).immutable();
    ImmutableGraph.Builder<OrganizationId> und = GraphBuilder.undirected().allowsSelfLoops(false)
        .expectedNodeCount(cluster.organizationCount()).immutable();
    for (Organization o : cluster.organizations()) {
      net.addNode(o.id());
      dir.addNode(o.id());
      und.addNode(o.id());
    }
    for (Relationship r : ties) {
      net.addEdge(r.from(), r.to(), r);
      dir.putEdge(r.from(), r.to());
      und.putEdge(r.from(), r.to());
    }
    this.network = net.build();
    this.directed = dir.build();
    this.undirected = und.build();
  }

  /**
   * The network of every tie of every year.
   *
   * @param cluster the cluster
   * @return the network
   */
  public static ClusterNetwork of(Cluster cluster) {
    return of(cluster, TieFilter.all());
  }

  /**
   * The network of the ties a filter keeps.
   *
   * @param cluster the cluster
   * @param filter which ties
   * @return the network
   */
  public static ClusterNetwork of(Cluster cluster, TieFilter filter) {
    return new ClusterNetwork(checkNotNull(cluster, "cluster"), checkNotNull(filter, "filter"));
  }

  /**
   * Returns the filter.
   *
   * @return which ties this view keeps
   */
  public TieFilter filter() {
    return filter;
  }

  /**
   * Returns the ties kept, in the cluster's order.
   *
   * @return the relationships
   */
  public ImmutableList<Relationship> ties() {
    return ties;
  }

  /**
   * The ties as a Guava network: directed (supplier → buyer, sponsor → recipient), one edge
   * per relationship, parallel edges allowed.
   *
   * @return the network
   */
  public ImmutableNetwork<OrganizationId, Relationship> network() {
    return network;
  }

  /**
   * The directed simple graph: an edge u → v if some kept tie goes from u to v.
   *
   * @return the graph
   */
  public ImmutableGraph<OrganizationId> directed() {
    return directed;
  }

  /**
   * The undirected simple graph: an edge u – v if some kept tie joins them.
   *
   * @return the graph
   */
  public ImmutableGraph<OrganizationId> undirected() {
    return undirected;
  }

  /**
   * The directed graph weighted by the number of kept ties from u to v.
   *
   * @return the value graph
   */
  public ImmutableValueGraph<OrganizationId, Integer> tieCounts() {
    Map<List<OrganizationId>, Integer> counts = new HashMap<>();
    for (Relationship r : ties) {
      counts.merge(List.of(r.from(), r.to()), 1, Integer::sum);
    }
    ImmutableValueGraph.Builder<OrganizationId, Integer> g = ValueGraphBuilder.directed().allowsSelfLoops(false)
        .immutable();
    for (OrganizationId id : directed.nodes()) {
      g.addNode(id);
    }
    for (Relationship r : ties) {
      g.putEdgeValue(r.from(), r.to(), counts.get(List.of(r.from(), r.to())));
    }
    return g.build();
  }

  /**
   * Returns the number of organizations.
   *
   * @return the node count
   */
  public int organizations() {
    return directed.nodes().size();
  }

  /**
   * Degree centrality: distinct partners over {@code n − 1}.
   *
   * @return each organization's degree
   */
  public Centrality<OrganizationId> degree() {
    return GraphMeasures.degree(undirected);
  }

  /**
   * Unweighted betweenness (Brandes 2001) on the undirected graph, not normalized.
   *
   * @return each organization's betweenness
   * @see Betweenness
   */
  public Centrality<OrganizationId> betweenness() {
    return Betweenness.of(undirected).compute();
  }

  /**
   * Closeness on the undirected graph, with the Wasserman–Faust correction.
   *
   * @return each organization's closeness
   * @see GraphMeasures#closeness(com.google.common.graph.Graph)
   */
  public Centrality<OrganizationId> closeness() {
    return GraphMeasures.closeness(undirected);
  }

  /**
   * Local clustering coefficients.
   *
   * @return each organization's clustering coefficient
   */
  public Centrality<OrganizationId> clustering() {
    return GraphMeasures.clustering(undirected);
  }

  /**
   * The density of the undirected graph.
   *
   * @return the share of pairs that are tied
   */
  public double density() {
    return GraphMeasures.density(undirected);
  }

  /**
   * The connected components, largest first.
   *
   * @return the components
   */
  public ImmutableList<ImmutableSet<OrganizationId>> components() {
    return GraphMeasures.components(undirected);
  }

  /**
   * Gould–Fernandez brokerage roles on the directed ties, with groups given by a function of the
   * organization (its prefecture, sector, region block, ...).
   *
   * @param group the group of an organization; never null
   * @return each organization's brokerage counts
   * @see Brokerage
   */
  public Brokerage brokerage(Function<Organization, ?> group) {
    checkNotNull(group, "group");
    List<Object> groups = new ArrayList<>(organizations());
    for (OrganizationId id : directed.nodes()) {
      Object g = group.apply(cluster.require(id));
      checkArgument(g != null, "the group of '%s' is null", id);
      groups.add(g);
    }
    return Brokerage.of(directed, groups);
  }

  /**
   * The supply chain's tiers: device makers at tier 0, their suppliers at 1, the suppliers'
   * suppliers at 2, ... over the supply ties this view keeps.
   *
   * @return the tiers
   * @see SupplyTiers
   */
  public SupplyTiers supplyTiers() {
    return SupplyTiers.of(cluster, ties);
  }

  /**
   * Organizations ranked by betweenness (then degree), with whether each is a declared hub: who
   * actually bridges the network, next to who is designated to.
   *
   * @param k how many, {@code >= 0}
   * @return at most k ranked organizations
   */
  public ImmutableList<HubRank> hubRanking(int k) {
    checkArgument(k >= 0, "k must be >= 0 but was %s", k);
    Centrality<OrganizationId> b = betweenness();
    Centrality<OrganizationId> d = degree();
    List<OrganizationId> ids = new ArrayList<>(directed.nodes());
    ids.sort((x, y) -> {
      int c = Double.compare(b.value(y), b.value(x));
      c = c != 0 ? c : Double.compare(d.value(y), d.value(x));
      return c != 0 ? c : x.compareTo(y);
    });
    ImmutableList.Builder<HubRank> out = ImmutableList.builder();
    for (int i = 0; i < Math.min(k, ids.size()); i++) {
      Organization o = cluster.require(ids.get(i));
      out.add(new HubRank(i + 1, o.id(), o.name(), b.value(o.id()), d.value(o.id()), o.isHub()));
    }
    return out.build();
  }

  /**
   * One line of a hub ranking.
   *
   * @param rank 1 for the most central
   * @param organization the organization
   * @param name its name
   * @param betweenness its betweenness
   * @param degree its degree centrality
   * @param declaredHub whether it is a declared hub (★)
   */
  public record HubRank(int rank, OrganizationId organization, String name, double betweenness, double degree,
      boolean declaredHub) {

    /** Returns for example {@code 1. fmdipo (ふくしま医療機器産業推進機構) ★ betweenness 12.5, degree 0.4}. */
    @Override
    public String toString() {
      return String.format("%d. %s (%s)%s betweenness %.4g, degree %.3g", rank, organization, name,
          declaredHub ? " ★" : "", betweenness, degree);
    }
  }

  /** Returns the filter and the counts. */
  @Override
  public String toString() {
    return "ClusterNetwork[" + filter + ", " + organizations() + " organizations, " + ties.size() + " ties, "
        + undirected.edges().size() + " tied pairs]";
  }
}
