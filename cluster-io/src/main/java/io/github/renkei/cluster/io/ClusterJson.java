package io.github.renkei.cluster.io;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.renkei.cluster.model.AttributeKey;
import io.github.renkei.cluster.model.Attributes;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * A cluster as one JSON document: every organization, relationship, need and funding program
 * with every field, so that reading a written cluster gives an equal cluster.
 *
 * <pre>{@code
 * ClusterJson.write(FukushimaSample.cluster(), Path.of("fukushima.json"));   // atomically
 * Cluster back = ClusterJson.read(Path.of("fukushima.json"));
 * String text = ClusterJson.toJson(cluster);
 * Cluster parsed = ClusterJson.fromJson("inline", new StringReader(text));
 * }</pre>
 *
 * <h2>The document</h2>
 * A UTF-8 JSON object (a byte-order mark before it is skipped): {@code {"format":
 * "renkei-cluster", "version": 1, "vocabulary": {...}, "organizations": [...], "relationships":
 * [...], "needs": [...], "programs": [...]}}. {@code format} and {@code version} are required; a
 * missing vocabulary or array means none. The vocabulary ({@code "capabilities"},
 * {@code "certifications"}, {@code "licences"}: arrays of codes; {@code "prefixes"}: an array of
 * owned prefixes) declares the cluster's own codes; see {@link Vocabulary}. A code that is
 * neither built in nor declared and is close to a built-in code fails as a likely typo, naming
 * the line and field. Strings are at most {@link #MAX_TEXT_LENGTH} characters and attribute
 * names {@link #MAX_NAME_LENGTH}, when writing as when reading; text that has no UTF-8 form (an
 * unpaired surrogate) is refused when writing, naming the element and field. Elements are written in the
 * cluster's order (organizations, needs and programs by id, relationships in canonical order)
 * but may be read in any. Optional fields are left out when absent; sets are arrays in their
 * natural order (codes by code, enum constants by declaration). A field or member the format
 * does not know is an error, as is a field given twice. {@code null} counts as absent. The
 * same schema, with examples, is in {@code cluster-io/CLUSTER-FORMAT.md}.
 *
 * <p>Enum fields hold the constant's name ({@code SME_MANUFACTURER}); a prefecture is its
 * constant name ({@code FUKUSHIMA}) or, on reading, also its two-digit JIS X 0401 code
 * ({@code "07"}). A capability, certification or licence is its code ({@code "ISO_13485"}); a
 * value whose label is not the one its code gives (the standard label, or the code itself for
 * a code outside the standard list) is an object {@code {"code": "X-RAY", "label": "X-ray
 * inspection"}}.
 *
 * <h2>organizations</h2>
 * <table class="striped">
 *   <caption>Fields of an organization</caption>
 *   <thead><tr><th>Field</th><th>Type</th><th>Required</th><th>Example</th></tr></thead>
 *   <tbody>
 *     <tr><td>id</td><td>string (organization id)</td><td>yes</td><td>"aizu-precision"</td></tr>
 *     <tr><td>name</td><td>string, not blank</td><td>yes</td><td>"Aizu Precision"</td></tr>
 *     <tr><td>nativeName</td><td>string, not blank</td><td>no</td><td>"会津精密"</td></tr>
 *     <tr><td>type</td><td>OrganizationType</td><td>yes</td><td>"SME_MANUFACTURER"</td></tr>
 *     <tr><td>prefecture</td><td>Prefecture</td><td>yes</td><td>"FUKUSHIMA"</td></tr>
 *     <tr><td>capabilities</td><td>array of capability codes</td><td>no, default []</td>
 *         <td>["PRECISION_CUTTING"]</td></tr>
 *     <tr><td>certifications</td><td>array of certification codes</td><td>no, default []</td>
 *         <td>["ISO_13485"]</td></tr>
 *     <tr><td>licences</td><td>array of licence codes</td><td>no, default []</td>
 *         <td>["jp.pmd.mfg.main-assembly"]</td></tr>
 *     <tr><td>capacity</td><td>integer &ge; 0</td><td>no, default 0</td><td>3</td></tr>
 *     <tr><td>minLotSize</td><td>integer &ge; 1, with maxLotSize</td><td>no</td><td>10</td></tr>
 *     <tr><td>maxLotSize</td><td>integer &ge; minLotSize</td><td>no</td><td>5000</td></tr>
 *     <tr><td>employees</td><td>integer &ge; 0</td><td>no</td><td>48</td></tr>
 *     <tr><td>foundedYear</td><td>integer 1 to 9999</td><td>no</td><td>1972</td></tr>
 *     <tr><td>entryStage</td><td>EntryStage</td><td>no, default "NONE"</td><td>"OEM"</td></tr>
 *     <tr><td>hub</td><td>boolean</td><td>no, default false</td><td>false</td></tr>
 *     <tr><td>attributes</td><td>object: name &rarr; value</td><td>no, default {}</td>
 *         <td>{"crm.id": "C-1042", "sample.synthetic": true}</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>An attribute's type follows from its JSON value: a string is a {@code String}, a boolean
 * a {@code Boolean}, a whole number (no point, no exponent) an {@code Integer} (a {@code Long}
 * beyond the int range) and any other number a {@code Double}. A {@code Long}, and a
 * {@code Double} that is not finite, are written as {@code {"type": "Long", "value": 7}} and
 * {@code {"type": "Double", "value": "NaN"}}; that form is read for any of the five types.
 * Attributes of other types cannot be written, nor two attributes of one name.
 *
 * <h2>relationships</h2>
 * <table class="striped">
 *   <caption>Fields of a relationship</caption>
 *   <thead><tr><th>Field</th><th>Type</th><th>Required</th><th>Example</th></tr></thead>
 *   <tbody>
 *     <tr><td>from</td><td>organization id</td><td>yes</td><td>"aizu-precision"</td></tr>
 *     <tr><td>type</td><td>RelationshipType</td><td>yes</td><td>"PARTS_SUPPLY"</td></tr>
 *     <tr><td>to</td><td>organization id</td><td>yes</td><td>"terumo"</td></tr>
 *     <tr><td>startYear</td><td>integer 1 to 9999</td><td>yes</td><td>2008</td></tr>
 *     <tr><td>endYear</td><td>integer &ge; startYear</td><td>no</td><td>2012</td></tr>
 *   </tbody>
 * </table>
 *
 * <h2>needs</h2>
 * <table class="striped">
 *   <caption>Fields of a need</caption>
 *   <thead><tr><th>Field</th><th>Type</th><th>Required</th><th>Example</th></tr></thead>
 *   <tbody>
 *     <tr><td>id</td><td>string (need id)</td><td>yes</td><td>"n-catheter"</td></tr>
 *     <tr><td>requester</td><td>organization id</td><td>yes</td><td>"terumo"</td></tr>
 *     <tr><td>kind</td><td>NeedKind</td><td>yes</td><td>"OEM"</td></tr>
 *     <tr><td>description</td><td>string, not blank</td><td>no</td><td>"catheter hubs"</td></tr>
 *     <tr><td>requiredCapabilities</td><td>array of capability codes</td><td>no, default []</td>
 *         <td>["INJECTION_MOULDING"]</td></tr>
 *     <tr><td>requiredCertifications</td><td>array of certification codes</td><td>no, default []</td>
 *         <td>["ISO_13485"]</td></tr>
 *     <tr><td>deviceClass</td><td>DeviceClass</td><td>no</td><td>"II"</td></tr>
 *     <tr><td>lotSize</td><td>integer &ge; 1</td><td>no</td><td>500</td></tr>
 *     <tr><td>preferredPrefecture</td><td>Prefecture</td><td>no</td><td>"FUKUSHIMA"</td></tr>
 *     <tr><td>preferredBlock</td><td>RegionBlock</td><td>no</td><td>"HOKKAIDO_TOHOKU"</td></tr>
 *     <tr><td>deadline</td><td>ISO-8601 date</td><td>no</td><td>"2026-03-31"</td></tr>
 *     <tr><td>addressedTo</td><td>organization id, not the requester</td><td>no</td>
 *         <td>"aizu-precision"</td></tr>
 *   </tbody>
 * </table>
 *
 * <h2>programs</h2>
 * <table class="striped">
 *   <caption>Fields of a funding program</caption>
 *   <thead><tr><th>Field</th><th>Type</th><th>Required</th><th>Example</th></tr></thead>
 *   <tbody>
 *     <tr><td>id</td><td>string (program id)</td><td>yes</td><td>"mext-cluster"</td></tr>
 *     <tr><td>name</td><td>string, not blank</td><td>yes</td><td>"Regional Innovation Cluster Program"</td></tr>
 *     <tr><td>nativeName</td><td>string, not blank</td><td>no</td><td>"地域イノベーションクラスタープログラム"</td></tr>
 *     <tr><td>sponsor</td><td>organization id</td><td>yes</td><td>"mext"</td></tr>
 *     <tr><td>level</td><td>FundingLevel</td><td>yes</td><td>"NATIONAL"</td></tr>
 *     <tr><td>purpose</td><td>FundingPurpose</td><td>yes</td><td>"NETWORK_BUILDING"</td></tr>
 *     <tr><td>firstYear</td><td>integer 1 to 9999</td><td>no</td><td>2010</td></tr>
 *     <tr><td>lastYear</td><td>integer &ge; firstYear</td><td>no</td><td>2012</td></tr>
 *     <tr><td>budgets</td><td>object: year &rarr; yen (integer &ge; 0), years within the active years</td>
 *         <td>no, default {}</td><td>{"2010": 200000000}</td></tr>
 *     <tr><td>eligibleSectors</td><td>array of Sector</td><td>no, default [] (any)</td><td>["INDUSTRY"]</td></tr>
 *     <tr><td>eligibleTypes</td><td>array of OrganizationType</td><td>no, default [] (any)</td>
 *         <td>["SME_MANUFACTURER"]</td></tr>
 *     <tr><td>eligiblePrefectures</td><td>array of Prefecture</td><td>no, default [] (any)</td>
 *         <td>["FUKUSHIMA"]</td></tr>
 *     <tr><td>source</td><td>string, not blank</td><td>no</td><td>"https://www.mext.go.jp/"</td></tr>
 *   </tbody>
 * </table>
 *
 * <h2>Errors</h2>
 * Reading throws {@link ClusterFormatException} at the first error, naming the document, the
 * line the offending object starts on (or, for malformed JSON, the line and character of the
 * syntax error), the field and the id of the object: unknown fields, values of the wrong JSON
 * type, unknown enum constants, numbers out of range, ids used twice, relationships listed
 * twice, references to unknown organizations and the model's own checks (a self-tie, an end
 * before the start). Methods are static and thread-safe.
 */
public final class ClusterJson {

  /** The value of the document's {@code format} field. */
  public static final String FORMAT = "renkei-cluster";

  /** The version of the format this class writes and reads. */
  public static final int VERSION = 1;

  private static final List<String> TOP_LEVEL =
      List.of("format", "version", "vocabulary", "organizations", "relationships", "needs", "programs");

  /** The members of the vocabulary object and the kind each declares (prefixes: null). */
  private static final Map<String, Vocabulary.Kind> VOCABULARY_MEMBERS = vocabularyMembers();

  private static Map<String, Vocabulary.Kind> vocabularyMembers() {
    Map<String, Vocabulary.Kind> m = new LinkedHashMap<>();
    m.put("capabilities", Vocabulary.Kind.CAPABILITY);
    m.put("certifications", Vocabulary.Kind.CERTIFICATION);
    m.put("licences", Vocabulary.Kind.LICENCE);
    m.put("prefixes", null);
    return m;
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** The longest string value read or written, in characters: a name, label, description or attribute. */
  public static final int MAX_TEXT_LENGTH = Records.MAX_TEXT_LENGTH;

  /** The longest attribute name (an object key) read or written, in characters. */
  public static final int MAX_NAME_LENGTH = Records.MAX_NAME_LENGTH;

  // the limits are set here rather than left to Jackson's defaults, which change between
  // versions: what the writer checks is what the reader accepts
  private static final ObjectMapper MAPPER = new ObjectMapper(
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxStringLength(MAX_TEXT_LENGTH)
              .maxNameLength(MAX_NAME_LENGTH)
              .build())
          .build());
  private static final ObjectWriter WRITER = MAPPER.writerWithDefaultPrettyPrinter();

  private ClusterJson() {}

  /**
   * Writes a cluster to a file atomically: the file appears complete or not at all, and a
   * previous file stays as it was if the cluster cannot be written.
   *
   * @param cluster the cluster
   * @param file the file; its directory must exist
   * @throws NullPointerException naming the argument that is null
   * @throws IllegalArgumentException naming the organization and the key if an attribute's
   *     value is not a String, Integer, Long, Double or Boolean
   * @throws UncheckedIOException naming the file if it cannot be written
   */
  public static void write(Cluster cluster, Path file) {
    requireNonNull(cluster, "cluster");
    requireNonNull(file, "file");
    String text = toJson(cluster);
    AtomicFiles.write(file, out -> out.write(text));
  }

  /**
   * Returns a cluster as JSON text, indented, ending with a line break.
   *
   * @param cluster the cluster
   * @return the text
   * @throws NullPointerException if the cluster is null
   * @throws IllegalArgumentException naming the organization and the key if an attribute's
   *     value is not a String, Integer, Long, Double or Boolean
   */
  public static String toJson(Cluster cluster) {
    requireNonNull(cluster, "cluster");
    ObjectNode root = NODES.objectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    Vocabulary v = cluster.vocabulary();
    if (!v.isEmpty()) {
      ObjectNode vocabulary = root.putObject("vocabulary");
      VOCABULARY_MEMBERS.forEach((member, kind) -> {
        ArrayNode codes = vocabulary.putArray(member);
        (kind == null ? v.prefixes() : v.declared(kind)).forEach(codes::add);
      });
    }
    array(root, "organizations", cluster.organizations(), Records::write);
    array(root, "relationships", cluster.relationships(), Records::write);
    array(root, "needs", cluster.needs(), Records::write);
    array(root, "programs", cluster.programs(), Records::write);
    try {
      return WRITER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a JSON tree (" + e + ")", e);
    }
  }

  private static <T> void array(ObjectNode root, String field, Collection<T> values, BiConsumer<T, Records.Out> write) {
    ArrayNode a = root.putArray(field);
    for (T v : values) {
      JsonOut out = new JsonOut();
      write.accept(v, out);
      a.add(out.node);
    }
  }

  /**
   * Reads a cluster from a UTF-8 file (a UTF-8 byte-order mark before the document is skipped).
   *
   * @param file the file
   * @return the cluster
   * @throws NullPointerException if the file is null
   * @throws ClusterFormatException naming the file, line, field and id of the first error, or
   *     the file and line where the bytes are not UTF-8
   * @throws UncheckedIOException naming the file if it cannot be read
   */
  public static Cluster read(Path file) {
    return read(file, Vocabulary.standard());
  }

  /**
   * Reads a cluster from a UTF-8 file, accepting the codes a vocabulary declares in addition to
   * those of the document's own {@code vocabulary}.
   *
   * @param file the file
   * @param vocabulary codes the caller declares; {@link Vocabulary#standard()} for none
   * @return the cluster, whose {@link Cluster#vocabulary()} is the union of both vocabularies
   * @throws NullPointerException naming the argument that is null
   * @throws ClusterFormatException naming the file, line, field and id of the first error, or
   *     the file and line where the bytes are not UTF-8
   * @throws UncheckedIOException naming the file if it cannot be read
   */
  public static Cluster read(Path file, Vocabulary vocabulary) {
    requireNonNull(file, "file");
    requireNonNull(vocabulary, "vocabulary");
    try (InputStream bytes = Files.newInputStream(file);
        Reader in = new Utf8Input(file.toString(), bytes)) {
      return fromJson(file.toString(), in, vocabulary);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " (" + e + ")", e);
    }
  }

  /**
   * Reads a cluster from JSON text. The reader is read to the end but not closed; a byte-order
   * mark (U+FEFF) before the document is skipped.
   *
   * @param name the document's name, for messages (a file name)
   * @param reader the text
   * @return the cluster
   * @throws NullPointerException naming the argument that is null
   * @throws ClusterFormatException naming the document, line, field and id of the first error
   * @throws UncheckedIOException naming the document if the reader fails
   */
  public static Cluster fromJson(String name, Reader reader) {
    return fromJson(name, reader, Vocabulary.standard());
  }

  /**
   * Reads a cluster from JSON text, accepting the codes a vocabulary declares in addition to
   * those of the document's own {@code vocabulary}. The reader is read to the end but not
   * closed; a byte-order mark (U+FEFF) before the document is skipped.
   *
   * @param name the document's name, for messages (a file name)
   * @param reader the text
   * @param vocabulary codes the caller declares; {@link Vocabulary#standard()} for none
   * @return the cluster, whose {@link Cluster#vocabulary()} is the union of both vocabularies
   * @throws NullPointerException naming the argument that is null
   * @throws ClusterFormatException naming the document, line, field and id of the first error
   * @throws UncheckedIOException naming the document if the reader fails
   */
  public static Cluster fromJson(String name, Reader reader, Vocabulary vocabulary) {
    requireNonNull(name, "name");
    requireNonNull(reader, "reader");
    requireNonNull(vocabulary, "vocabulary");
    Vocabulary.Builder declared = Vocabulary.builder().addAll(vocabulary);
    Map<String, List<Located>> arrays = new LinkedHashMap<>();
    try (JsonParser p = MAPPER.createParser(withoutByteOrderMark(reader))) {
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        throw ClusterFormatException.inField(name, Math.max(1, p.currentTokenLocation().getLineNr()), null, null,
            "a cluster document is a JSON object {\"format\": \"" + FORMAT + "\", ...} but it starts with "
                + (t == null ? "nothing" : t.asString() == null ? t.name() : "'" + t.asString() + "'"));
      }
      boolean formatSeen = false;
      boolean versionSeen = false;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        int line = p.currentTokenLocation().getLineNr();
        p.nextToken();
        switch (field) {
          case "format" -> {
            JsonNode v = MAPPER.readTree(p);
            if (!v.isTextual() || !v.textValue().equals(FORMAT)) {
              throw ClusterFormatException.inField(name, line, field, null,
                  "must be \"" + FORMAT + "\" but is " + v);
            }
            formatSeen = true;
          }
          case "version" -> {
            JsonNode v = MAPPER.readTree(p);
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() != VERSION) {
              throw ClusterFormatException.inField(name, line, field, null,
                  "this library reads version " + VERSION + " but the document has " + v);
            }
            versionSeen = true;
          }
          case "vocabulary" -> declare(name, line, MAPPER.readTree(p), declared);
          case "organizations", "relationships", "needs", "programs" -> arrays.put(field, elements(name, p, field, line));
          default -> throw ClusterFormatException.inField(name, line, field, null,
              "unknown field (a cluster document has the fields " + TOP_LEVEL + ")");
        }
      }
      if (p.nextToken() != null) {
        throw ClusterFormatException.inField(name, p.currentTokenLocation().getLineNr(), null, null,
            "unexpected content after the cluster object");
      }
      if (!formatSeen || !versionSeen) {
        throw ClusterFormatException.inField(name, 1, formatSeen ? "version" : "format", null,
            "is missing; a cluster document starts {\"format\": \"" + FORMAT + "\", \"version\": " + VERSION + ", ...}");
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : at.getLineNr();
      String where = at == null || at.getColumnNr() < 1 ? "" : " at character " + at.getColumnNr();
      throw ClusterFormatException.inField(name, line, null, null,
          "malformed JSON" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + " (" + e + ")", e);
    }

    Vocabulary v = declared.build();
    Assembly assembly = new Assembly(name, v);
    for (Located e : arrays.getOrDefault("organizations", List.of())) {
      JsonIn in = new JsonIn(name, e, Records.ORGANIZATION, "id");
      assembly.add(Records.organization(in, v), in);
    }
    for (Located e : arrays.getOrDefault("relationships", List.of())) {
      JsonIn in = new JsonIn(name, e, Records.RELATIONSHIP, "from");
      assembly.add(Records.relationship(in), in);
    }
    for (Located e : arrays.getOrDefault("needs", List.of())) {
      JsonIn in = new JsonIn(name, e, Records.NEED, "id");
      assembly.add(Records.need(in, v), in);
    }
    for (Located e : arrays.getOrDefault("programs", List.of())) {
      JsonIn in = new JsonIn(name, e, Records.PROGRAM, "id");
      assembly.add(Records.program(in), in);
    }
    return assembly.build();
  }

  private static Reader withoutByteOrderMark(Reader reader) throws IOException {
    if (reader instanceof Utf8Input) {
      return reader; // it skips the mark itself
    }
    PushbackReader in = new PushbackReader(reader, 1);
    int first = in.read();
    if (first >= 0 && first != '\uFEFF') {
      in.unread(first);
    }
    return in;
  }

  /** Adds the document's vocabulary to what the caller declared. */
  private static void declare(String name, int line, JsonNode v, Vocabulary.Builder declared) {
    if (v.isNull()) {
      return;
    }
    if (!v.isObject()) {
      throw ClusterFormatException.inField(name, line, "vocabulary", null,
          "must be an object {\"capabilities\": [...], \"certifications\": [...], \"licences\": [...], "
              + "\"prefixes\": [...]} but is " + v);
    }
    for (Map.Entry<String, JsonNode> member : v.properties()) {
      String field = "vocabulary." + member.getKey();
      if (!VOCABULARY_MEMBERS.containsKey(member.getKey())) {
        throw ClusterFormatException.inField(name, line, field, null,
            "unknown field (the vocabulary has the fields " + VOCABULARY_MEMBERS.keySet() + ")");
      }
      Vocabulary.Kind kind = VOCABULARY_MEMBERS.get(member.getKey());
      JsonNode codes = member.getValue();
      if (!codes.isArray()) {
        throw ClusterFormatException.inField(name, line, field, null, "must be an array of codes but is " + codes);
      }
      for (int i = 0; i < codes.size(); i++) {
        JsonNode c = codes.get(i);
        if (!c.isTextual()) {
          throw ClusterFormatException.inField(name, line, field + "[" + i + "]", null, "must be a string but is " + c);
        }
        try {
          if (kind == null) {
            declared.prefix(c.textValue());
          } else {
            declared.declare(kind, c.textValue());
          }
        } catch (IllegalArgumentException e) {
          throw ClusterFormatException.inField(name, line, field + "[" + i + "]", null, e.getMessage());
        }
      }
    }
  }

  /** One element of an array and the line it starts on. */
  private record Located(String array, JsonNode node, int line) {}

  private static List<Located> elements(String name, JsonParser p, String field, int line) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw ClusterFormatException.inField(name, line, field, null, "must be an array but is " + MAPPER.readTree(p));
    }
    List<Located> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      int at = p.currentTokenLocation().getLineNr();
      out.add(new Located(field, MAPPER.readTree(p), at));
    }
    return out;
  }

  // ------------------------------------------------------------------------------ the records

  /** Builds one object of the document. */
  private static final class JsonOut implements Records.Out {
    final ObjectNode node = NODES.objectNode();

    @Override
    public void text(String field, String value) {
      node.put(field, value);
    }

    @Override
    public void integer(String field, int value) {
      node.put(field, value);
    }

    @Override
    public void bool(String field, boolean value) {
      node.put(field, value);
    }

    @Override
    public void names(String field, List<String> values) {
      ArrayNode a = node.putArray(field);
      values.forEach(a::add);
    }

    @Override
    public void codes(String field, List<Records.Coded> values) {
      ArrayNode a = node.putArray(field);
      for (Records.Coded c : values) {
        if (c.label() == null) {
          a.add(c.code());
        } else {
          a.addObject().put("code", c.code()).put("label", c.label());
        }
      }
    }

    @Override
    public void budgets(String field, Map<Integer, Long> yenByYear) {
      ObjectNode o = node.putObject(field);
      yenByYear.forEach((year, yen) -> o.put(Integer.toString(year), yen));
    }

    @Override
    public void attributes(String field, Attributes attributes, String organization) {
      ObjectNode o = node.putObject(field);
      for (Map.Entry<AttributeKey<?>, Object> e : attributes.asMap().entrySet()) {
        String key = e.getKey().name();
        Object v = e.getValue();
        String type = Records.attributeType(organization, e.getKey(), v);
        if (o.has(key)) {
          throw new IllegalArgumentException("cannot write organization '" + organization + "': it has two attributes"
              + " named '" + key + "' (of types " + o.get(key) + " and " + type + "); a JSON object holds one");
        }
        switch (type) {
          case "String" -> o.put(key, (String) v);
          case "Boolean" -> o.put(key, (Boolean) v);
          case "Integer" -> o.put(key, (Integer) v);
          case "Double" -> {
            double d = (Double) v;
            if (Double.isFinite(d)) {
              o.put(key, d);
            } else {
              o.putObject(key).put("type", "Double").put("value", Double.toString(d));
            }
          }
          default -> o.putObject(key).put("type", "Long").put("value", (Long) v);
        }
      }
    }
  }

  /** Reads one object of the document. */
  private static final class JsonIn implements Records.In {
    private final String file;
    private final int line;
    private final JsonNode node;
    private final String id;

    JsonIn(String file, Located element, List<String> fields, String idField) {
      this.file = file;
      this.line = element.line();
      this.node = element.node();
      JsonNode idNode = node.get(idField);
      this.id = idNode != null && idNode.isTextual() ? idNode.textValue() : null;
      String what = element.array().substring(0, element.array().length() - 1);
      if (!node.isObject()) {
        throw fail(null, "an element of '" + element.array() + "' must be an object but is " + node);
      }
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String f = names.next();
        if (!fields.contains(f)) {
          throw fail(f, "unknown field (a " + what + " has the fields " + fields + ")");
        }
      }
    }

    @Override
    public int line() {
      return line;
    }

    @Override
    public ClusterFormatException fail(String field, String problem) {
      return ClusterFormatException.inField(file, line, field, id, problem);
    }

    private Optional<JsonNode> get(String field) {
      JsonNode v = node.get(field);
      return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    @Override
    public Optional<String> text(String field) {
      return get(field).map(v -> {
        if (!v.isTextual()) {
          throw fail(field, "must be a string but is " + v);
        }
        return v.textValue();
      }).filter(s -> !s.isEmpty());
    }

    @Override
    public OptionalInt integer(String field, int min, int max) {
      Optional<JsonNode> v = get(field);
      if (v.isEmpty()) {
        return OptionalInt.empty();
      }
      JsonNode n = v.get();
      if (!n.isIntegralNumber() || !n.canConvertToInt()) {
        throw fail(field, "must be a whole number between " + min + " and " + max + " but is " + n);
      }
      if (n.intValue() < min || n.intValue() > max) {
        throw fail(field, "must be between " + min + " and " + max + " but is " + n.intValue());
      }
      return OptionalInt.of(n.intValue());
    }

    @Override
    public Optional<Boolean> bool(String field) {
      return get(field).map(v -> {
        if (!v.isBoolean()) {
          throw fail(field, "must be true or false but is " + v);
        }
        return v.booleanValue();
      });
    }

    private List<JsonNode> array(String field) {
      Optional<JsonNode> v = get(field);
      if (v.isEmpty()) {
        return List.of();
      }
      if (!v.get().isArray()) {
        throw fail(field, "must be an array but is " + v.get());
      }
      List<JsonNode> out = new ArrayList<>();
      v.get().forEach(out::add);
      return out;
    }

    @Override
    public List<String> names(String field) {
      List<String> out = new ArrayList<>();
      List<JsonNode> a = array(field);
      for (int i = 0; i < a.size(); i++) {
        if (!a.get(i).isTextual()) {
          throw fail(field + "[" + i + "]", "must be a string but is " + a.get(i));
        }
        out.add(a.get(i).textValue());
      }
      return out;
    }

    @Override
    public List<Records.Coded> codes(String field) {
      List<Records.Coded> out = new ArrayList<>();
      List<JsonNode> a = array(field);
      for (int i = 0; i < a.size(); i++) {
        JsonNode e = a.get(i);
        if (e.isTextual()) {
          out.add(new Records.Coded(e.textValue().strip(), null));
        } else if (e.isObject() && e.size() == 2 && e.path("code").isTextual() && e.path("label").isTextual()) {
          out.add(new Records.Coded(e.get("code").textValue().strip(), e.get("label").textValue()));
        } else {
          throw fail(field + "[" + i + "]", "must be a code or {\"code\": ..., \"label\": ...} but is " + e);
        }
      }
      return out;
    }

    @Override
    public Map<Integer, Long> budgets(String field) {
      Optional<JsonNode> v = get(field);
      Map<Integer, Long> out = new TreeMap<>();
      if (v.isEmpty()) {
        return out;
      }
      if (!v.get().isObject()) {
        throw fail(field, "must be an object of year: yen but is " + v.get());
      }
      for (Map.Entry<String, JsonNode> e : v.get().properties()) {
        int year;
        try {
          year = Integer.parseInt(e.getKey());
        } catch (NumberFormatException x) {
          throw fail(field, "a year must be a whole number but is '" + e.getKey() + "'");
        }
        JsonNode yen = e.getValue();
        if (!yen.isIntegralNumber() || !yen.canConvertToLong()) {
          throw fail(field, "the budget of " + year + " must be a whole number of yen but is " + yen);
        }
        out.put(year, yen.longValue());
      }
      return out;
    }

    @Override
    public Attributes attributes(String field) {
      Optional<JsonNode> v = get(field);
      Attributes out = Attributes.empty();
      if (v.isEmpty()) {
        return out;
      }
      if (!v.get().isObject()) {
        throw fail(field, "must be an object of name: value but is " + v.get());
      }
      for (Map.Entry<String, JsonNode> e : v.get().properties()) {
        String key = e.getKey();
        JsonNode value = e.getValue();
        try {
          out = attribute(out, key, value);
        } catch (IllegalArgumentException x) {
          throw fail(field + "." + key, x.getMessage());
        }
      }
      return out;
    }

    private static Attributes attribute(Attributes out, String key, JsonNode value) {
      if (value.isTextual()) {
        return Records.withAttribute(out, key, "String", value.textValue());
      }
      if (value.isBoolean()) {
        return Records.withAttribute(out, key, "Boolean", value.asText());
      }
      if (value.isInt()) {
        return Records.withAttribute(out, key, "Integer", value.asText());
      }
      if (value.isIntegralNumber() && value.canConvertToLong()) {
        return Records.withAttribute(out, key, "Long", value.asText());
      }
      if (value.isFloatingPointNumber()) {
        return Records.withAttribute(out, key, "Double", Double.toString(value.doubleValue()));
      }
      JsonNode type = value.get("type");
      JsonNode typed = value.get("value");
      if (value.isObject() && value.size() == 2 && type != null && type.isTextual() && typed != null
          && typed.isValueNode() && !typed.isNull()) {
        return Records.withAttribute(out, key, type.textValue(), typed.asText());
      }
      throw new IllegalArgumentException("must be a string, boolean, number or {\"type\": ..., \"value\": ...} but is "
          + value);
    }
  }
}
