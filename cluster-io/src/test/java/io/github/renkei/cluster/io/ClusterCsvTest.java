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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCsvTest {

  @TempDir
  Path dir;

  private static final String HEADER = "id,name,type,prefecture,capacity\r\n";

  private Cluster read(String organizations, String relationships) throws IOException {
    Files.writeString(dir.resolve("organizations.csv"), organizations);
    if (relationships != null) {
      Files.writeString(dir.resolve("relationships.csv"), relationships);
    }
    return ClusterCsv.read(dir);
  }

  private ClusterFormatException fails(String organizations, String relationships) {
    return assertThrows(ClusterFormatException.class, () -> read(organizations, relationships));
  }

  private static void assertMentions(Exception e, String... parts) {
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), () -> "expected '" + p + "' in: " + e.getMessage());
    }
  }

  @Test
  void theFukushimaSampleComesBackEqual() throws IOException {
    Cluster sample = FukushimaSample.cluster();
    ClusterCsv.write(sample, dir);
    assertEquals(sample, ClusterCsv.read(dir));
    assertEquals(List.of(), Toy.temporaryFiles(dir));
    String orgs = Files.readString(dir.resolve("organizations.csv"));
    assertTrue(orgs.startsWith(String.join(",", ClusterCsv.ORGANIZATION_COLUMNS) + "\r\n"));
    assertTrue(orgs.contains("sample.synthetic=Boolean:true"));
    assertTrue(orgs.contains("catalog.source=String:http"));
  }

  @Test
  void aFolderWithOnlyOrganizationsHasNoTies() throws IOException {
    Cluster c = read(HEADER + "aizu,Aizu Precision,SME_MANUFACTURER,FUKUSHIMA,3\r\n"
        + "\r\n" + "fmu,\"Fukushima Medical University, \"\"FMU\"\"\",MEDICAL_UNIVERSITY,07,\r\n", null);
    assertEquals(2, c.organizationCount());
    assertEquals(0, c.relationshipCount());
    assertEquals(3, c.require(OrganizationId.of("aizu")).capacity());
    assertEquals("Fukushima Medical University, \"FMU\"", c.require(OrganizationId.of("fmu")).name());
  }

  @Test
  void attributeEntriesEscapeTheirSeparators() throws IOException {
    Organization o = Organization.builder(OrganizationId.of("a"), "A", OrganizationType.STARTUP, Prefecture.MIYAGI)
        .attribute(AttributeKey.of("x=y;z", String.class), "50% = half; really\nyes")
        .attribute(AttributeKey.of("n", Long.class), Long.MIN_VALUE)
        .build();
    Cluster c = Cluster.builder().add(o).build();
    ClusterCsv.write(c, dir);
    String text = Files.readString(dir.resolve("organizations.csv"));
    assertTrue(text.contains("x%3Dy%3Bz=String:50%25 %3D half%3B really\nyes"), text);
    assertEquals(c, ClusterCsv.read(dir));
  }

  @Test
  void aMissingOrganizationsFileIsAnError() throws IOException {
    Files.writeString(dir.resolve("relationships.csv"), "from,type,to,start_year\r\n");
    ClusterFormatException e = assertThrows(ClusterFormatException.class, () -> ClusterCsv.read(dir));
    assertMentions(e, "organizations.csv", "missing");
  }

  @Test
  void anUnknownEnumValueNamesTheLineColumnAndId() {
    ClusterFormatException e = fails(HEADER + "aizu,Aizu Precision,SME_MANUFACTURER,FUKUSHIMA,3\r\n"
        + "fmu,Fukushima Medical University,MEDICAL_UNIVERSITY,FUKUSIMA,\r\n", null);
    assertMentions(e, "organizations.csv:3", "column 'prefecture'", "(id 'fmu')", "unknown Prefecture 'FUKUSIMA'");
    assertEquals(3, e.line().getAsInt());
    assertEquals("prefecture", e.column().orElseThrow());
    assertEquals("fmu", e.id().orElseThrow());
  }

  @Test
  void aBadIntegerNamesTheLineColumnAndId() {
    ClusterFormatException e = fails(HEADER + "aizu,Aizu Precision,SME_MANUFACTURER,FUKUSHIMA,three\r\n", null);
    assertMentions(e, "organizations.csv:2", "column 'capacity'", "(id 'aizu')", "not a whole number: 'three'");
  }

  @Test
  void linesCountTheLinesOfQuotedCells() {
    ClusterFormatException e = fails(HEADER + "aizu,\"Aizu\nPrecision\",SME_MANUFACTURER,FUKUSHIMA,3\r\n"
        + "fmu,FMU,MEDICAL_UNIVERSITY,FUKUSHIMA,x\r\n", null);
    assertMentions(e, "organizations.csv:4", "column 'capacity'", "(id 'fmu')");
  }

  @Test
  void aMissingRequiredColumnIsAnError() {
    ClusterFormatException e = fails("id,name,type\r\naizu,Aizu Precision,SME_MANUFACTURER\r\n", null);
    assertMentions(e, "organizations.csv:1", "column 'prefecture'", "required column is missing");
  }

  @Test
  void anUnknownColumnOrAnExtraCellIsAnError() {
    assertMentions(fails("id,name,type,prefecture,colour\r\n", null),
        "organizations.csv:1", "column 'colour'", "unknown column");
    assertMentions(fails(HEADER + "aizu,Aizu Precision,SME_MANUFACTURER,FUKUSHIMA,3,extra\r\n", null),
        "organizations.csv:2", "(id 'aizu')", "expected 5 cells as in the header but found 6", "'capacity'");
    assertMentions(fails("id,name,type,prefecture,id\r\n", null), "organizations.csv:1", "column 'id'", "twice");
  }

  @Test
  void aDuplicateOrganizationIdNamesBothLines() {
    ClusterFormatException e = fails(HEADER + "aizu,Aizu Precision,SME_MANUFACTURER,FUKUSHIMA,3\r\n"
        + "fmu,FMU,MEDICAL_UNIVERSITY,FUKUSHIMA,\r\n" + "aizu,Aizu again,SME_MANUFACTURER,FUKUSHIMA,3\r\n", null);
    assertMentions(e, "organizations.csv:4", "column 'id'", "(id 'aizu')", "more than once", "first on line 2");
  }

  @Test
  void aRelationshipToAnUnknownOrganizationNamesItsLine() {
    ClusterFormatException e = fails(HEADER + "aizu,Aizu Precision,SME_MANUFACTURER,FUKUSHIMA,3\r\n"
            + "fmu,FMU,MEDICAL_UNIVERSITY,FUKUSHIMA,\r\n",
        "from,type,to,start_year,end_year\r\naizu,JOINT_RESEARCH,fmu,2009,\r\naizu,OEM,nobody,2010,\r\n");
    assertMentions(e, "relationships.csv:3", "column 'to'", "(id 'aizu')", "unknown organization 'nobody'");
  }

  @Test
  void theModelsOwnChecksNameTheColumn() {
    ClusterFormatException e = fails(HEADER + "aizu,Aizu Precision,SME_MANUFACTURER,FUKUSHIMA,3\r\n",
        "from,type,to,start_year\r\naizu,OEM,aizu,2010\r\n");
    assertMentions(e, "relationships.csv:2", "column 'to'", "(id 'aizu')", "to itself");
  }

  @Test
  void anAttributeOfAnotherTypeFailsTheWriteAndLeavesEveryFileAsItWas() throws IOException {
    ClusterCsv.write(FukushimaSample.cluster(), dir);
    Map<String, byte[]> before = new TreeMap<>();
    for (String f : List.of("organizations.csv", "relationships.csv", "needs.csv", "programs.csv")) {
      before.put(f, Files.readAllBytes(dir.resolve(f)));
    }
    Cluster bad = Cluster.builder().add(Organization.builder(OrganizationId.of("odd"), "Odd",
            OrganizationType.STARTUP, Prefecture.TOKYO)
        .attribute(AttributeKey.of("since", java.time.LocalDate.class), java.time.LocalDate.of(2020, 1, 1))
        .build()).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClusterCsv.write(bad, dir));
    assertMentions(e, "organization 'odd'", "attribute 'since'");
    for (Map.Entry<String, byte[]> f : before.entrySet()) {
      assertArrayEquals(f.getValue(), Files.readAllBytes(dir.resolve(f.getKey())), f.getKey());
    }
    assertEquals(List.of(), Toy.temporaryFiles(dir));
  }
}
