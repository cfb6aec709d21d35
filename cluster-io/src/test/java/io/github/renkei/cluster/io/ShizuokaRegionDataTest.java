package io.github.renkei.cluster.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.dynamics.Observation;
import io.github.renkei.cluster.model.AttributeKey;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.regulation.Licence;
import io.github.renkei.cluster.regulation.ManufacturingStep;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Shizuoka region's data files (regions/shizuoka: cluster.json, observed.tsv) are what the
 * library reads, and keep the promises SOURCES.md makes: a source for every actor, no observed
 * figure after FY2016, only the metrics the model simulates.
 */
class ShizuokaRegionDataTest {

  private static final String FOLDER = "regions/shizuoka/";
  private static final AttributeKey<String> SOURCE = AttributeKey.of("source", String.class);
  private static final AttributeKey<Boolean> SYNTHETIC = AttributeKey.of("synthetic", Boolean.class);
  private static final Set<String> METRICS = Set.of("production-value", "parts-shipments", "registered-manufacturers");
  private static final int LAST_OBSERVED_YEAR = 2016;

  private static Reader resource(String name) {
    InputStream in = ShizuokaRegionDataTest.class.getResourceAsStream(FOLDER + name);
    assertNotNull(in, FOLDER + name + " is on the class path");
    return new InputStreamReader(in, UTF_8);
  }

  private static Cluster cluster() throws IOException {
    try (Reader r = resource("cluster.json")) {
      return ClusterJson.fromJson(FOLDER + "cluster.json", r);
    }
  }

  private static List<Observation> observed() throws IOException {
    try (Reader r = resource("observed.tsv")) {
      return Observation.read(FOLDER + "observed.tsv", r);
    }
  }

  private static List<Organization> regionalActors(Cluster shizuoka) {
    Cluster catalog = Catalog.nationwide().cluster();
    return shizuoka.organizations().stream().filter(o -> !catalog.contains(o.id())).toList();
  }

  @Test
  void theClusterFileHoldsTheWholeCatalogUnchanged() throws IOException {
    Cluster shizuoka = cluster();
    Cluster catalog = Catalog.nationwide().cluster();
    for (Organization o : catalog.organizations()) {
      assertEquals(o, shizuoka.organization(o.id()).orElse(null), "catalog organization " + o.id());
    }
    assertTrue(shizuoka.relationships().containsAll(catalog.relationships()), "the catalog's relationships");
    assertTrue(shizuoka.programs().containsAll(catalog.programs()), "the catalog's programs");
  }

  @Test
  void theRegionsCoreActorsArePresentWithTheirTypes() throws IOException {
    Cluster shizuoka = cluster();
    assertEquals(OrganizationType.PREFECTURE, type(shizuoka, "shizuoka-prefecture"));
    assertEquals(OrganizationType.SUPPORT_ORGANIZATION, type(shizuoka, "fujinokuni-mcpo"));
    assertEquals(OrganizationType.PUBLIC_RESEARCH_INSTITUTE, type(shizuoka, "shizuoka-iri"));
    assertEquals(OrganizationType.LARGE_HOSPITAL, type(shizuoka, "shizuoka-cancer-center"));
    assertEquals(OrganizationType.MEDICAL_UNIVERSITY, type(shizuoka, "hamamatsu-univ-medicine"));
    assertEquals(OrganizationType.DEVICE_MAKER, type(shizuoka, "terumo-fujinomiya"));
    long makersInShizuoka = shizuoka.organizationsOf(OrganizationType.DEVICE_MAKER).stream()
        .filter(o -> o.prefecture() == Prefecture.SHIZUOKA).count();
    assertTrue(makersInShizuoka >= 3, "device makers with plants in Shizuoka: " + makersInShizuoka);
    assertFalse(shizuoka.organizationsOf(OrganizationType.SME_MANUFACTURER).isEmpty(), "regional manufacturers");
  }

  private static OrganizationType type(Cluster cluster, String id) {
    return cluster.require(OrganizationId.of(id)).type();
  }

  @Test
  void everyRegionalActorIsRealWithAPublicSourceOrAMarkedStandIn() throws IOException {
    List<Organization> actors = regionalActors(cluster());
    int count = (int) actors.stream().filter(o -> !o.attribute(SYNTHETIC).orElse(false)).count();
    assertTrue(count >= 15 && count <= 40, "15 to 40 real regional organizations, but " + count);
    for (Organization o : actors) {
      boolean synthetic = o.attribute(SYNTHETIC).orElse(false);
      assertEquals(synthetic, o.id().value().startsWith("syn-"), o.id() + ": syn- ids are exactly the stand-ins");
      if (!synthetic) {
        String source = o.attribute(SOURCE).orElse("");
        assertTrue(source.startsWith("http://") || source.startsWith("https://"), o.id() + " source: " + source);
      }
    }
  }

  @Test
  void everyEntryStageHoldsTheRegistrationsItNeeds() throws IOException {
    Licence design = JapanPmdAct.registration(ManufacturingStep.DESIGN);
    Licence mainAssembly = JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY);
    Set<Licence> marketing =
        Set.of(JapanPmdAct.MAH_FIRST_CLASS, JapanPmdAct.MAH_SECOND_CLASS, JapanPmdAct.MAH_THIRD_CLASS);
    for (Organization o : cluster().organizations()) {
      EntryStage stage = o.entryStage();
      if (stage.compareTo(EntryStage.OEM) >= 0) {
        assertTrue(o.holds(mainAssembly), o.id() + " at " + stage + " has a main assembly registration");
      }
      if (stage.compareTo(EntryStage.ODM) >= 0) {
        assertTrue(o.holds(design), o.id() + " at " + stage + " has a design registration");
      }
      if (stage == EntryStage.OWN_PRODUCT) {
        assertTrue(marketing.stream().anyMatch(o::holds), o.id() + " at " + stage + " has a marketing licence");
      }
    }
  }

  @Test
  void regionalTiesStartNoLaterThanTheObservedYears() throws IOException {
    Cluster shizuoka = cluster();
    Set<OrganizationId> regional = regionalActors(shizuoka).stream().map(Organization::id).collect(Collectors.toSet());
    for (Relationship r : shizuoka.relationships()) {
      if (regional.contains(r.from()) || regional.contains(r.to())) {
        assertTrue(r.startYear() <= LAST_OBSERVED_YEAR, r + " starts after FY" + LAST_OBSERVED_YEAR);
      }
    }
  }

  @Test
  void observedFiguresStopAtFy2016AndUseOnlyTheModelsMetrics() throws IOException {
    List<Observation> rows = observed();
    for (Observation o : rows) {
      assertTrue(o.year() <= LAST_OBSERVED_YEAR, o.series() + " " + o.year() + " is after FY" + LAST_OBSERVED_YEAR);
      assertTrue(METRICS.contains(o.metric()), o.series() + " " + o.year() + ": unknown metric " + o.metric());
      assertTrue(o.source().startsWith("http://") || o.source().startsWith("https://"),
          o.series() + " " + o.year() + " source: " + o.source());
      assertTrue(o.value() > 0, o.series() + " " + o.year() + ": " + o.value());
    }
    List<Observation> production = rows.stream().filter(o -> o.metric().equals("production-value")).toList();
    assertTrue(production.size() >= 5, "at least five production-value figures, but " + production.size());
    assertTrue(production.stream().allMatch(o -> o.unit().equals("億円")), "production value in 億円");
  }

  @Test
  void theMinistrysMillionYenFiguresAreConvertedTo100MillionYen() throws IOException {
    // MHLW's 第40表 gives 386,540 million yen for 2014: 3,865.40 億円, the prefecture's 3,865億円
    Observation y2014 = observed().stream()
        .filter(o -> o.year() == 2014 && o.source().startsWith("https://www.mhlw.go.jp/")).findFirst().orElseThrow();
    assertEquals(3865.40, y2014.value(), 1e-9);
  }
}
