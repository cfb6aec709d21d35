package io.github.renkei.cluster.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.Vocabulary;
import io.github.renkei.cluster.region.Prefecture;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readers refuse what would otherwise be read as something else: typos of built-in codes,
 * misnamed tables, text that is not UTF-8; and the writers refuse what the readers would refuse.
 */
class StrictInputsTest {

  @TempDir
  Path dir;

  private static final String HEADER = "id,name,type,prefecture,capabilities,certifications,licences\r\n";

  private static void assertMentions(Exception e, String... parts) {
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), () -> "expected '" + p + "' in: " + e.getMessage());
    }
  }

  private ClusterFormatException csvFails(String organizations) throws IOException {
    Files.writeString(dir.resolve("organizations.csv"), organizations);
    return assertThrows(ClusterFormatException.class, () -> ClusterCsv.read(dir));
  }

  private static String json(String vocabulary, String capabilities, String licences) {
    return "{\"format\": \"renkei-cluster\", \"version\": 1,\n"
        + (vocabulary == null ? "" : "\"vocabulary\": " + vocabulary + ",\n")
        + "\"organizations\": [\n"
        + "  {\"id\": \"aizu\", \"name\": \"Aizu\", \"type\": \"SME_MANUFACTURER\", \"prefecture\": \"FUKUSHIMA\",\n"
        + "   \"capabilities\": " + capabilities + ", \"licences\": " + licences + "}]}\n";
  }

  // ------------------------------------------------------------------------------- vocabulary

  @Test
  void aTypoOfABuiltInCodeIsAnErrorNamingFileLineFieldAndTheCodeMeant() throws IOException {
    ClusterFormatException e = csvFails(HEADER + "aizu,Aizu,SME_MANUFACTURER,FUKUSHIMA,PRECISION_CUTING,,\r\n");
    assertMentions(e, "organizations.csv:2", "column 'capabilities'", "(id 'aizu')", "'PRECISION_CUTING'",
        "did you mean 'PRECISION_CUTTING'?");

    e = csvFails(HEADER + "aizu,Aizu,SME_MANUFACTURER,FUKUSHIMA,,ISO_13458,\r\n");
    assertMentions(e, "column 'certifications'", "did you mean 'ISO_13485'?");

    e = assertThrows(ClusterFormatException.class,
        () -> ClusterJson.fromJson("c.json", new StringReader(json(null, "[]", "[\"jp.pmd.mfg.main-asembly\"]"))));
    assertMentions(e, "c.json:3", "field 'licences'", "does not exist", "did you mean 'jp.pmd.mfg.main-assembly'?");
  }

  @Test
  void aCodeInThePmdNamespaceThatDoesNotExistIsAnErrorEvenWhenPrefixesAreDeclared() {
    ClusterFormatException e = assertThrows(ClusterFormatException.class,
        () -> ClusterJson.fromJson("c.json", new StringReader(json(null, "[]", "[\"jp.pmd.repair\"]"))));
    assertMentions(e, "licence 'jp.pmd.repair' does not exist", "jp.pmd.mah.1");
    e = assertThrows(ClusterFormatException.class, () -> ClusterJson.fromJson("c.json",
        new StringReader(json("{\"prefixes\": [\"jp.\"]}", "[]", "[]"))));
    assertMentions(e, "field 'vocabulary.prefixes[0]'", "reserved namespace");
  }

  @Test
  void aDeclaredCodeIsAcceptedAndTheVocabularyComesBack() throws IOException {
    String vocabulary = "{\"capabilities\": [\"PRECISION_CUTING\"], \"prefixes\": [\"acme.\"]}";
    Cluster c = ClusterJson.fromJson("c.json", new StringReader(json(vocabulary, "[\"PRECISION_CUTING\"]",
        "[\"acme.licence\"]")));
    assertEquals(Capability.of("PRECISION_CUTING"),
        c.organization(OrganizationId.of("aizu")).orElseThrow().capabilities().first());
    Vocabulary expected = Vocabulary.builder().declare(Vocabulary.Kind.CAPABILITY, "PRECISION_CUTING")
        .prefix("acme.").build();
    assertEquals(expected, c.vocabulary());
    assertEquals(expected, ClusterJson.fromJson("again.json", new StringReader(ClusterJson.toJson(c))).vocabulary());

    ClusterCsv.write(c, dir);
    assertTrue(Files.readString(dir.resolve("vocabulary.csv")).contains("capability,PRECISION_CUTING"));
    Cluster back = ClusterCsv.read(dir);
    assertEquals(c, back);
    assertEquals(expected, back.vocabulary());
  }

  @Test
  void aVocabularyGivenToTheReaderDeclaresCodesForFilesWithoutOne() throws IOException {
    Files.writeString(dir.resolve("organizations.csv"),
        HEADER + "aizu,Aizu,SME_MANUFACTURER,FUKUSHIMA,,ISO_13488,\r\n");
    assertThrows(ClusterFormatException.class, () -> ClusterCsv.read(dir));
    Vocabulary mine = Vocabulary.builder().declare(Vocabulary.Kind.CERTIFICATION, "ISO_13488").build();
    assertEquals(1, ClusterCsv.read(dir, mine).organizations().size());

    Files.writeString(dir.resolve("vocabulary.csv"), "kind,code\r\ncertification,ISO_13488\r\n");
    assertEquals(1, ClusterCsv.read(dir).organizations().size());
    Files.writeString(dir.resolve("vocabulary.csv"), "kind,code\r\nskill,ISO_13488\r\n");
    ClusterFormatException e = assertThrows(ClusterFormatException.class, () -> ClusterCsv.read(dir));
    assertMentions(e, "vocabulary.csv:2", "column 'kind'", "unknown kind 'skill'");
  }

  // ------------------------------------------------------------------------------ folder files

  @Test
  void aMisnamedTableIsAnErrorNamingItAndTheExpectedNames() throws IOException {
    ClusterCsv.write(FukushimaSample.cluster(), dir);
    Files.move(dir.resolve("relationships.csv"), dir.resolve("relationship.csv"));
    ClusterFormatException e = assertThrows(ClusterFormatException.class, () -> ClusterCsv.read(dir));
    assertMentions(e, "relationship.csv", "unknown file", "did you mean relationships.csv?", "organizations.csv",
        "needs.csv", "programs.csv", "vocabulary.csv");
  }

  @Test
  void hiddenFilesReadmesAndSubFoldersAreIgnored() throws IOException {
    Cluster sample = FukushimaSample.cluster();
    ClusterCsv.write(sample, dir);
    Files.writeString(dir.resolve(".DS_Store"), "\0\0\1");
    Files.writeString(dir.resolve("README.md"), "# our cluster");
    Files.writeString(dir.resolve("LICENSE"), "CC BY 4.0");
    Files.createDirectory(dir.resolve("charts"));
    assertEquals(sample, ClusterCsv.read(dir));
  }

  // -------------------------------------------------------------------------------- encodings

  @Test
  void aUtf8ByteOrderMarkBeforeJsonIsSkipped() throws IOException {
    Cluster sample = FukushimaSample.cluster();
    Path file = dir.resolve("bom.json");
    Files.write(file, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        ClusterJson.toJson(sample).getBytes(StandardCharsets.UTF_8)));
    assertEquals(sample, ClusterJson.read(file));
    assertEquals(sample, ClusterJson.fromJson("bom.json", new StringReader("\uFEFF" + ClusterJson.toJson(sample))));
  }

  @Test
  void latin1IsNotUtf8AndTheErrorNamesFileAndLine() throws IOException {
    String text = HEADER + "aizu,Aizu,SME_MANUFACTURER,FUKUSHIMA,,,\r\nbeta,Caf\u00e9,SME_MANUFACTURER,FUKUSHIMA,,,\r\n";
    Files.write(dir.resolve("organizations.csv"), text.getBytes(StandardCharsets.ISO_8859_1));
    ClusterFormatException e = assertThrows(ClusterFormatException.class, () -> ClusterCsv.read(dir));
    assertMentions(e, "organizations.csv:3", "not UTF-8", "E9", "Latin-1");

    Path json = Files.createDirectory(dir.resolve("json")).resolve("latin1.json");
    Files.write(json, json(null, "[]", "[]").replace("Aizu\"", "Caf\u00e9\"").getBytes(StandardCharsets.ISO_8859_1));
    e = assertThrows(ClusterFormatException.class, () -> ClusterJson.read(json));
    assertMentions(e, "latin1.json:3", "not UTF-8", "Latin-1");
  }

  @Test
  void utf16IsNotUtf8WithOrWithoutAByteOrderMark() throws IOException {
    Path withMark = Files.createDirectory(dir.resolve("json")).resolve("utf16.json");
    Files.write(withMark, json(null, "[]", "[]").getBytes(StandardCharsets.UTF_16));
    ClusterFormatException e = assertThrows(ClusterFormatException.class, () -> ClusterJson.read(withMark));
    assertMentions(e, "utf16.json:1", "not UTF-8", "UTF-16");

    Files.write(dir.resolve("organizations.csv"),
        (HEADER + "aizu,Aizu,SME_MANUFACTURER,FUKUSHIMA,,,\r\n").getBytes(StandardCharsets.UTF_16LE));
    e = assertThrows(ClusterFormatException.class, () -> ClusterCsv.read(dir));
    assertMentions(e, "organizations.csv:1", "not UTF-8", "looks like UTF-16");
  }

  @Test
  void aTruncatedUtf8SequenceIsNamed() throws IOException {
    byte[] text = (HEADER + "aizu,会").getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("organizations.csv"), Arrays.copyOf(text, text.length - 1));
    ClusterFormatException e = assertThrows(ClusterFormatException.class, () -> ClusterCsv.read(dir));
    assertMentions(e, "organizations.csv:2", "not UTF-8");
  }

  // ---------------------------------------------------------------------------------- writing

  private static Organization named(String name) {
    return Organization.builder(OrganizationId.of("aizu"), "Aizu", OrganizationType.SME_MANUFACTURER,
        Prefecture.FUKUSHIMA).nativeName(name).build();
  }

  @Test
  void aLoneSurrogateIsRefusedNamingTheOrganizationAndTheField() {
    Cluster c = Cluster.builder().add(named("会津\uD800精密")).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClusterJson.toJson(c));
    assertMentions(e, "organization 'aizu'", "nativeName", "unpaired surrogate U+D800");
    e = assertThrows(IllegalArgumentException.class, () -> ClusterCsv.write(c, dir));
    assertMentions(e, "organization 'aizu'", "nativeName");
    assertEquals(0, dir.toFile().list().length, "nothing is written");
  }

  @Test
  void theWriterRefusesTextTheReaderWouldRefuseAndAcceptsTextAtTheLimit() throws IOException {
    String atLimit = "x".repeat(ClusterJson.MAX_TEXT_LENGTH);
    Cluster ok = Cluster.builder().add(named(atLimit)).build();
    Path file = dir.resolve("long.json");
    ClusterJson.write(ok, file);
    assertEquals(ok, ClusterJson.read(file));

    Cluster tooLong = Cluster.builder().add(named(atLimit + "x")).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClusterJson.toJson(tooLong));
    assertMentions(e, "organization 'aizu'", "nativeName", "10000001 characters", "10000000");
    e = assertThrows(IllegalArgumentException.class, () -> ClusterCsv.write(tooLong, dir.resolve("csv")));
    assertMentions(e, "organization 'aizu'", "nativeName");

    String document = ClusterJson.toJson(ok).replace(atLimit, atLimit + "x");
    ClusterFormatException r = assertThrows(ClusterFormatException.class,
        () -> ClusterJson.fromJson("long.json", new StringReader(document)));
    assertMentions(r, "long.json", "10000000");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
