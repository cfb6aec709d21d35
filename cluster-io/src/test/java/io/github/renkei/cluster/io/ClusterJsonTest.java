package io.github.renkei.cluster.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.model.AttributeKey;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.region.Prefecture;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterJsonTest {

  @TempDir
  Path dir;

  private static Cluster parse(String json) {
    return ClusterJson.fromJson("test.json", new StringReader(json));
  }

  private static ClusterFormatException fails(String json) {
    return assertThrows(ClusterFormatException.class, () -> parse(json));
  }

  private static void assertMentions(Exception e, String... parts) {
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), () -> "expected '" + p + "' in: " + e.getMessage());
    }
  }

  private static String doc(String organizations, String relationships) {
    return "{\n\"format\": \"renkei-cluster\",\n\"version\": 1,\n\"organizations\": [\n" + organizations
        + "\n],\n\"relationships\": [\n" + relationships + "\n]\n}\n";
  }

  private static final String AIZU =
      "{\"id\": \"aizu\", \"name\": \"Aizu Precision\", \"type\": \"SME_MANUFACTURER\", \"prefecture\": \"FUKUSHIMA\"}";
  private static final String FMU =
      "{\"id\": \"fmu\", \"name\": \"Fukushima Medical University\", \"type\": \"MEDICAL_UNIVERSITY\",\n"
          + " \"prefecture\": \"07\"}";

  @Test
  void theFukushimaSampleComesBackEqual() throws IOException {
    Cluster sample = FukushimaSample.cluster();
    Path file = dir.resolve("fukushima.json");
    ClusterJson.write(sample, file);
    assertEquals(sample, ClusterJson.read(file));
    assertEquals(List.of(), Toy.temporaryFiles(dir));
    // the sample's attributes are Strings (from the catalog) and Booleans (synthetic marks)
    String text = Files.readString(file);
    assertTrue(text.startsWith("{\n  \"format\" : \"renkei-cluster\",\n  \"version\" : 1,"), text.substring(0, 80));
    assertTrue(text.contains("\"sample.synthetic\" : true"));
    assertTrue(text.contains("\"catalog.seedName\" : \""));
  }

  @Test
  void aSmallDocumentReadsWithDefaultsAndOptionalFieldsAbsent() {
    Cluster c = parse(doc(AIZU + ",\n" + FMU,
        "{\"from\": \"aizu\", \"type\": \"JOINT_RESEARCH\", \"to\": \"fmu\", \"startYear\": 2009}"));
    Organization aizu = c.require(OrganizationId.of("aizu"));
    assertEquals(0, aizu.capacity());
    assertTrue(aizu.nativeName().isEmpty() && aizu.capabilities().isEmpty() && !aizu.isHub());
    assertEquals(Prefecture.FUKUSHIMA, c.require(OrganizationId.of("fmu")).prefecture());
    assertEquals(1, c.relationshipCount());
    assertEquals(Cluster.builder().addAll(c).build(), c);
  }

  @Test
  void typedAttributesKeepTheirTypes() {
    Organization o = Organization.builder(OrganizationId.of("a"), "A", OrganizationType.STARTUP, Prefecture.MIYAGI)
        .attribute(AttributeKey.of("i", Integer.class), 7)
        .attribute(AttributeKey.of("l", Long.class), 7L)
        .attribute(AttributeKey.of("d", Double.class), 7.0)
        .attribute(AttributeKey.of("nan", Double.class), Double.NaN)
        .attribute(AttributeKey.of("s", String.class), "7")
        .attribute(AttributeKey.of("b", Boolean.class), false)
        .build();
    Cluster c = Cluster.builder().add(o).build();
    String json = ClusterJson.toJson(c);
    assertTrue(json.contains("\"l\" : {\n") && json.contains("\"type\" : \"Long\""), json);
    assertEquals(c, parse(json));
  }

  @Test
  void malformedJsonNamesTheLineAndCharacter() {
    ClusterFormatException e = fails("{\n\"format\": \"renkei-cluster\",\n\"version\": 1,\n\"organizations\": [\n"
        + AIZU + ",\n{\"id\": \"x\" \"name\": \"X\"}\n]\n}");
    assertMentions(e, "test.json:6", "malformed JSON at character");
    assertEquals(6, e.line().getAsInt());
  }

  @Test
  void anUnknownEnumValueNamesTheLineFieldAndId() {
    ClusterFormatException e = fails(doc(AIZU + ",\n" + FMU.replace("MEDICAL_UNIVERSITY", "MEDICAL_SCHOOL"), ""));
    assertMentions(e, "test.json:6", "field 'type'", "(id 'fmu')", "unknown OrganizationType 'MEDICAL_SCHOOL'",
        "MEDICAL_UNIVERSITY");
    assertEquals("type", e.column().orElseThrow());
    assertEquals("fmu", e.id().orElseThrow());
  }

  @Test
  void aBadIntegerNamesTheField() {
    ClusterFormatException e = fails(doc(AIZU.replace("}", ", \"capacity\": \"three\"}"), ""));
    assertMentions(e, "test.json:5", "field 'capacity'", "(id 'aizu')", "\"three\"");
    ClusterFormatException range = fails(doc(AIZU.replace("}", ", \"capacity\": -1}"), ""));
    assertMentions(range, "test.json:5", "field 'capacity'", "(id 'aizu')", "-1");
  }

  @Test
  void aMissingRequiredFieldOrAnUnknownFieldIsAnError() {
    assertMentions(fails(doc(AIZU.replace("\"prefecture\": \"FUKUSHIMA\"", "\"hub\": true"), "")),
        "test.json:5", "field 'prefecture'", "(id 'aizu')", "required");
    assertMentions(fails(doc(AIZU.replace("}", ", \"colour\": \"red\"}"), "")),
        "test.json:5", "field 'colour'", "(id 'aizu')", "unknown field");
    assertMentions(fails("{\"format\": \"renkei-cluster\", \"version\": 1, \"orgs\": []}"),
        "test.json:1", "field 'orgs'", "unknown field");
    assertMentions(fails("{\"format\": \"renkei-cluster\", \"version\": 2}"), "field 'version'", "version 1");
    assertMentions(fails("{\"version\": 1}"), "field 'format'", "missing");
  }

  @Test
  void aDuplicateOrganizationIdNamesBothLines() {
    ClusterFormatException e = fails(doc(AIZU + ",\n" + FMU + ",\n" + AIZU, ""));
    assertMentions(e, "test.json:8", "field 'id'", "(id 'aizu')", "more than once", "first on line 5");
  }

  @Test
  void aRelationshipToAnUnknownOrganizationNamesItsLine() {
    ClusterFormatException e = fails(doc(AIZU + ",\n" + FMU,
        "{\"from\": \"aizu\", \"type\": \"JOINT_RESEARCH\", \"to\": \"fmu\", \"startYear\": 2009},\n"
            + "{\"from\": \"aizu\", \"type\": \"OEM\", \"to\": \"nobody\", \"startYear\": 2010}"));
    assertMentions(e, "test.json:11", "field 'to'", "(id 'aizu')", "unknown organization 'nobody'");
  }

  @Test
  void theModelsOwnChecksNameTheField() {
    ClusterFormatException e = fails(doc(AIZU + ",\n" + FMU,
        "{\"from\": \"aizu\", \"type\": \"OEM\", \"to\": \"fmu\", \"startYear\": 2010, \"endYear\": 2001}"));
    assertMentions(e, "test.json:10", "field 'endYear'", "(id 'aizu')", "before start year 2010");
  }

  @Test
  void anAttributeOfAnotherTypeFailsTheWriteAndLeavesThePreviousFile() throws IOException {
    Path file = dir.resolve("cluster.json");
    ClusterJson.write(FukushimaSample.cluster(), file);
    byte[] before = Files.readAllBytes(file);
    Cluster bad = Cluster.builder().add(Organization.builder(OrganizationId.of("odd"), "Odd",
            OrganizationType.STARTUP, Prefecture.TOKYO)
        .attribute(AttributeKey.of("since", LocalDate.class), LocalDate.of(2020, 1, 1)).build()).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClusterJson.write(bad, file));
    assertMentions(e, "organization 'odd'", "attribute 'since'", "java.time.LocalDate");
    assertArrayEquals(before, Files.readAllBytes(file));
    assertEquals(List.of(), Toy.temporaryFiles(dir));
  }
}
