package io.github.renkei.cluster.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.renkei.cluster.model.AttributeKey;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Certification;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.Eligibility;
import io.github.renkei.cluster.model.FundingProgram;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.Sector;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.regulation.Licence;
import io.github.renkei.cluster.testing.ClusterArbitraries;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever valid cluster is written, in either format, reading it gives an equal cluster —
 * including what the generators of the test kit leave out: attributes of every supported type
 * with awkward names and values, labels that are not the standard ones, deadlines and
 * eligibility rules.
 */
class ClusterFilesPropertiesTest {

  /** Text with the characters the formats must quote or escape, and some beyond ASCII. */
  private static Arbitrary<String> awkward() {
    return Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\r', '\t', 'é', '連', '携', '福')
        .ofMinLength(0).ofMaxLength(10);
  }

  private static Arbitrary<Object> attributeValues() {
    return Arbitraries.oneOf(
        awkward().map(s -> (Object) s),
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE,
            Double.MAX_VALUE).map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b));
  }

  private static Arbitrary<String> attributeNames() {
    return Arbitraries.strings().withCharRange('a', 'z').withChars('.', '=', ';', '%', ':', ' ', '連')
        .ofMinLength(1).ofMaxLength(8)
        .filter(s -> !s.isBlank() && s.equals(s.strip()));
  }

  /** An organization with attributes (one per name: JSON objects hold one value per name) and labelled codes. */
  private static Organization enrich(Organization o, List<String> names, List<Object> values, boolean labels) {
    Organization.Builder b = o.toBuilder();
    for (int i = 0; i < Math.min(names.size(), values.size()); i++) {
      b.attribute(key(names.get(i), values.get(i)), values.get(i));
    }
    if (labels) {
      b.capabilities(Stream.concat(o.capabilities().stream(), Stream.of(Capability.of("X-RAY", "X-ray; =50% off")))
          .toList());
      b.certifications(Certification.of("ISO_13485", "ISO 13485:2016 (renamed)"));
      b.licences(Licence.of("own.licence", "Own licence"), Licence.of("bare", "bare"));
    }
    return b.build();
  }

  @SuppressWarnings("unchecked")
  private static <T> AttributeKey<T> key(String name, Object value) {
    return AttributeKey.of(name, (Class<T>) value.getClass());
  }

  @Provide
  Arbitrary<Cluster> clusters() {
    Arbitrary<List<String>> names = attributeNames().list().uniqueElements().ofMaxSize(4);
    Arbitrary<List<Object>> values = attributeValues().list().ofMinSize(4).ofMaxSize(4);
    return Combinators.combine(ClusterArbitraries.clusters().withOrganizations(1, 8).withRelationships(0, 12),
            names, values, Arbitraries.of(false, true), Arbitraries.integers().between(1, 9999))
        .as((cluster, n, v, labels, dayOffset) -> {
          Cluster.Builder b = Cluster.builder();
          Organization first = cluster.organizations().get(0);
          for (Organization o : cluster.organizations()) {
            b.add(o == first ? enrich(o, n, v, labels) : o);
          }
          b.addRelationships(cluster.relationships());
          for (Need need : cluster.needs()) {
            b.add(need.toBuilder().deadline(LocalDate.of(2000, 1, 1).plusDays(dayOffset)).build());
          }
          for (FundingProgram p : cluster.programs()) {
            b.add(p.toBuilder()
                .eligibility(Eligibility.any().withSectors(Sector.INDUSTRY, Sector.ACADEMIA)
                    .withTypes(OrganizationType.SME_MANUFACTURER).withPrefectures(Prefecture.FUKUSHIMA))
                .nativeName("事業 " + n)
                .source("https://example.org/" + dayOffset)
                .build());
          }
          return b.build();
        });
  }

  @Property(tries = 200)
  void jsonGivesBackAnEqualCluster(@ForAll("clusters") Cluster cluster) {
    String json = ClusterJson.toJson(cluster);
    Cluster back = ClusterJson.fromJson("property.json", new StringReader(json));
    assertEquals(cluster, back);
    assertEquals(labels(cluster), labels(back));
    assertEquals(json, ClusterJson.toJson(back));
  }

  @Property(tries = 60)
  void csvGivesBackAnEqualCluster(@ForAll("clusters") Cluster cluster) throws IOException {
    Path dir = Files.createTempDirectory("cluster-csv-property");
    try {
      ClusterCsv.write(cluster, dir);
      Cluster back = ClusterCsv.read(dir);
      assertEquals(cluster, back);
      assertEquals(labels(cluster), labels(back));
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** Labels are not part of equality; compare them apart. */
  private static List<String> labels(Cluster c) {
    return c.organizations().stream()
        .flatMap(o -> Stream.of(
            o.capabilities().stream().map(x -> x.code() + "=" + x.label()),
            o.certifications().stream().map(x -> x.code() + "=" + x.label()),
            o.licences().stream().map(x -> x.code() + "=" + x.label())))
        .flatMap(s -> s)
        .toList();
  }
}
