/**
 * Reference data shipped with the library: the nationwide list of medical–engineering
 * support organizations from the seed document (64 organizations in seven blocks, six of them
 * hubs), the national agencies and the national programs it names, and a ready Fukushima
 * sample cluster.
 *
 * <pre>{@code
 * Catalog catalog = Catalog.nationwide();
 * catalog.supportOrganizations().size();       // 64
 * catalog.hubs();                              // the six ★ hubs
 * Cluster fukushima = FukushimaSample.cluster();
 * }</pre>
 */
package io.github.renkei.cluster.catalog;
