/**
 * Graph views of a {@link io.github.renkei.cluster.model.Cluster} and the measures the seed
 * argues in: vertical subcontracting turning horizontal, a support network growing "from points
 * to a surface" (点から面へ) around its hubs, who brokers between regions and sectors.
 *
 * <ul>
 *   <li>{@link io.github.renkei.cluster.network.ClusterNetwork}: a cluster's ties (all, supply,
 *       support, one year's) as Guava {@code Network}/{@code Graph}/{@code ValueGraph} views, with
 *       degree, betweenness, closeness, clustering, density, components, brokerage, supply
 *       tiers and a hub ranking.</li>
 *   <li>{@link io.github.renkei.cluster.network.Betweenness} (Brandes 2001, weighted or not,
 *       parallel, deterministic) and {@link io.github.renkei.cluster.network.GraphMeasures} work
 *       on any Guava graph.</li>
 *   <li>{@link io.github.renkei.cluster.network.Verticality}: vertical and horizontal supply
 *       ties year by year.</li>
 *   <li>{@link io.github.renkei.cluster.network.SupportCoverage}: which prefectures have support
 *       or a hub within reach, and where one more hub would cover most.</li>
 * </ul>
 */
package io.github.renkei.cluster.network;
