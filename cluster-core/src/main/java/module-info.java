/**
 * Renkei: a regional industry cluster as an immutable model — organizations, relationships,
 * needs and funding programs — with Japan's PMD Act profile, the nationwide catalog of
 * medical–engineering support organizations, supplier matching, a seeded parallel simulation
 * engine, and jqwik generators for property tests.
 *
 * <p>jqwik is an optional dependency: only {@code io.github.renkei.cluster.testing} uses it,
 * and only tests need it on the module path.
 */
module io.github.renkei.cluster {
  requires transitive com.google.common;
  requires org.slf4j;
  // the testing package's API returns jqwik types; jqwik is optional, so a module that uses the
  // testing package requires net.jqwik.api itself (not "static transitive": javac would then
  // demand jqwik of every module that reads this one)
  requires static net.jqwik.api;

  exports io.github.renkei.cluster.model;
  exports io.github.renkei.cluster.region;
  exports io.github.renkei.cluster.regulation;
  exports io.github.renkei.cluster.catalog;
  exports io.github.renkei.cluster.matching;
  exports io.github.renkei.cluster.network;
  exports io.github.renkei.cluster.funding;
  exports io.github.renkei.cluster.simulation;
  exports io.github.renkei.cluster.inference;
  exports io.github.renkei.cluster.dynamics;
  exports io.github.renkei.cluster.testing;
}
