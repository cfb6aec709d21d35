package io.github.renkei.cluster.io;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ProgramTerm;
import io.github.renkei.cluster.dynamics.RegionProfile;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.ProgramId;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.simulation.Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A {@link RegionProfile} as one JSON document, so that a user can state their own region's
 * events, program terms and coefficients in a file, and a calibration can write what it fitted.
 * Reading a written profile gives an equal profile.
 *
 * <pre>{@code
 * ProfileJson.write(RegionProfile.fukushima(), Path.of("my-profile.json"));   // atomically
 * RegionProfile mine = ProfileJson.read(Path.of("my-profile.json"));
 * ClusterWorld world = mine.world(ClusterJson.read(Path.of("my-region.json")));
 * }</pre>
 *
 * <h2>The document</h2>
 * A UTF-8 JSON object (a byte-order mark before it is skipped):
 *
 * <pre>
 * {"name": "fukushima", "region": "FUKUSHIMA", "firstYear": 2005, "lastYear": 2030,
 *  "lead": "fukushima-pref", "syntheticFirms": 290,
 *  "events": [{"name": "earthquake", "year": 2011},
 *             {"name": "promotion-organization-founded", "year": 2013, "organization": "fmdipo"}],
 *  "programs": [{"program": "mext-cluster", "firstYear": 2008, "lastYear": 2012}],
 *  "values": {"production-base": {"value": 643.2, "basis": "ESTIMATED", "source": "..."}},
 *  "free": {"production-base": [500.0, 900.0]}}
 * </pre>
 *
 * <table class="striped">
 *   <caption>Fields of a profile</caption>
 *   <thead><tr><th>Field</th><th>Type</th><th>Required</th><th>Meaning</th></tr></thead>
 *   <tbody>
 *     <tr><td>name</td><td>string: lower case, digits, {@code -}</td><td>yes</td>
 *         <td>the profile's name, which names its scenario</td></tr>
 *     <tr><td>region</td><td>Prefecture constant ({@code "SHIZUOKA"})</td><td>yes</td>
 *         <td>the prefecture whose firms climb the ladder</td></tr>
 *     <tr><td>firstYear</td><td>integer 1900..2200</td><td>yes</td><td>the first simulated year</td></tr>
 *     <tr><td>lastYear</td><td>integer after firstYear, at most 2200</td><td>yes</td>
 *         <td>the last simulated year</td></tr>
 *     <tr><td>lead</td><td>organization id</td><td>yes</td>
 *         <td>the support organization that runs the matching rounds</td></tr>
 *     <tr><td>syntheticFirms</td><td>integer &ge; 0</td><td>no, default 0</td>
 *         <td>small manufacturers added for firms the cluster file does not list</td></tr>
 *     <tr><td>events</td><td>array of events</td><td>no, default []</td>
 *         <td>{@code {"name": ..., "year": ..., "organization": ...}}: name one of
 *         {@link ClusterDynamics#EVENTS}; the organization only (and always) for
 *         {@value ClusterDynamics#ORGANIZATION_FOUNDED} and {@value ClusterDynamics#CENTRE_OPENED}</td></tr>
 *     <tr><td>programs</td><td>array of terms</td><td>no, default []</td>
 *         <td>{@code {"program": id, "firstYear": ..., "lastYear": ...}}: the years a national program
 *         of the cluster pays for the region's support</td></tr>
 *     <tr><td>values</td><td>object: parameter name &rarr; value</td><td>no, default {}</td>
 *         <td>{@code {"value": ..., "basis": "OBSERVED"|"ESTIMATED"|"ASSUMED", "source": "..."}}; the
 *         value a number for a real or integer parameter (a whole number for an integer one),
 *         true/false for a flag, the constant's name for a choice; {@code source} optional, default
 *         ""</td></tr>
 *     <tr><td>free</td><td>object: parameter name &rarr; [lower, upper]</td><td>no, default {}</td>
 *         <td>the parameters a calibration fits, within bounds</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>Parameter names are those of {@link ClusterDynamics#parameters()}. The regional ones
 * ({@link RegionProfile#REGIONAL}) a profile does not state take Fukushima's values; see
 * {@link RegionProfile#unstatedRegional()}. {@code null} counts as absent.
 *
 * <h2>Errors</h2>
 * The reading is strict: malformed JSON, a field given twice, a field the format does not know
 * (with the nearest known name), a value of the wrong JSON type, a missing required field, an
 * unknown prefecture, event, parameter or basis, and every check of {@link RegionProfile.Builder}
 * (years in range and order, values admitted by their parameter, bounds inside its rule) throw a
 * {@link ClusterFormatException} naming the document, the field's path
 * ({@code values.production-base.value}, {@code events[2].year}) and the value. Whether the lead,
 * the events' organizations and the programs belong to a cluster is checked when the profile meets
 * one ({@link RegionProfile#check}). Methods are static and thread-safe.
 */
public final class ProfileJson {

  private static final List<String> FIELDS = List.of("name", "region", "firstYear", "lastYear", "lead",
      "syntheticFirms", "events", "programs", "values", "free");
  private static final List<String> EVENT_FIELDS = List.of("name", "year", "organization");
  private static final List<String> PROGRAM_FIELDS = List.of("program", "firstYear", "lastYear");
  private static final List<String> VALUE_FIELDS = List.of("value", "basis", "source");

  private static final Map<String, Parameter<?>> PARAMETERS = ClusterDynamics.parameters().stream()
      .collect(Collectors.toMap(Parameter::name, p -> p, (a, b) -> a, java.util.LinkedHashMap::new));

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Records.MAX_TEXT_LENGTH).build())
          .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final ObjectWriter WRITER = MAPPER.writerWithDefaultPrettyPrinter();

  private ProfileJson() {}

  /**
   * Returns a profile as JSON text, indented, ending with a line break.
   *
   * @param profile the profile
   * @return the text
   * @throws NullPointerException if the profile is null
   */
  public static String toJson(RegionProfile profile) {
    requireNonNull(profile, "profile");
    ObjectNode root = NODES.objectNode();
    root.put("name", profile.name());
    root.put("region", profile.region().name());
    root.put("firstYear", profile.firstYear());
    root.put("lastYear", profile.lastYear());
    root.put("lead", profile.lead().value());
    root.put("syntheticFirms", profile.syntheticFirms());
    ArrayNode events = root.putArray("events");
    for (RegionProfile.Event e : profile.events()) {
      ObjectNode o = events.addObject().put("name", e.name()).put("year", e.year());
      e.organization().ifPresent(id -> o.put("organization", id.value()));
    }
    ArrayNode programs = root.putArray("programs");
    for (ProgramTerm t : profile.programs()) {
      programs.addObject().put("program", t.program().value()).put("firstYear", t.firstYear())
          .put("lastYear", t.lastYear());
    }
    ObjectNode values = root.putObject("values");
    profile.values().forEach((name, v) -> {
      ObjectNode o = values.putObject(name);
      Object x = v.value();
      if (x instanceof Integer i) {
        o.put("value", i);
      } else if (x instanceof Double d) {
        o.put("value", d);
      } else if (x instanceof Boolean b) {
        o.put("value", b);
      } else if (x instanceof Enum<?> c) {
        o.put("value", c.name());
      } else {
        o.put("value", String.valueOf(x));
      }
      o.put("basis", v.basis().name()).put("source", v.source());
    });
    ObjectNode free = root.putObject("free");
    for (RegionProfile.Free f : profile.free()) {
      ArrayNode bounds = free.putArray(f.parameter());
      if (PARAMETERS.get(f.parameter()).type() == Integer.class) {
        bounds.add((int) f.lower()).add((int) f.upper());
      } else {
        bounds.add(f.lower()).add(f.upper());
      }
    }
    try {
      return WRITER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a JSON tree (" + e + ")", e);
    }
  }

  /**
   * Writes a profile as JSON text. The writer is flushed, not closed.
   *
   * @param profile the profile
   * @param writer where the text goes
   * @throws NullPointerException naming the argument that is null
   * @throws UncheckedIOException if the writer fails
   */
  public static void write(RegionProfile profile, Writer writer) {
    requireNonNull(writer, "writer");
    String text = toJson(profile);
    try {
      writer.write(text);
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write profile '" + profile.name() + "' (" + e + ")", e);
    }
  }

  /**
   * Writes a profile to a file atomically: the file appears complete or not at all.
   *
   * @param profile the profile
   * @param file the file; its directory must exist
   * @throws NullPointerException naming the argument that is null
   * @throws UncheckedIOException naming the file if it cannot be written
   */
  public static void write(RegionProfile profile, Path file) {
    requireNonNull(file, "file");
    String text = toJson(profile);
    AtomicFiles.write(file, out -> out.write(text));
  }

  /**
   * Reads a profile from a UTF-8 file.
   *
   * @param file the file
   * @return the profile
   * @throws NullPointerException if the file is null
   * @throws ClusterFormatException naming the file, the field and the value of the first error,
   *     or the file and line where the bytes are not UTF-8
   * @throws UncheckedIOException naming the file if it cannot be read
   */
  public static RegionProfile read(Path file) {
    requireNonNull(file, "file");
    try (InputStream bytes = Files.newInputStream(file);
        Reader in = new Utf8Input(file.toString(), bytes)) {
      return read(file.toString(), in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " (" + e + ")", e);
    }
  }

  /**
   * Reads a profile from JSON text. The reader is read to the end but not closed; a byte-order
   * mark (U+FEFF) before the document is skipped.
   *
   * @param file the document's name, for messages (a file name)
   * @param reader the text
   * @return the profile
   * @throws NullPointerException naming the argument that is null
   * @throws ClusterFormatException naming the document, the field and the value of the first error
   * @throws UncheckedIOException naming the document if the reader fails
   */
  public static RegionProfile read(String file, Reader reader) {
    requireNonNull(file, "file");
    requireNonNull(reader, "reader");
    JsonNode root;
    try {
      root = MAPPER.readTree(withoutByteOrderMark(reader));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : at.getLineNr();
      String m = e.getOriginalMessage();
      if (m.startsWith("Duplicate field ")) {
        throw ClusterFormatException.inField(file, line, null, null, "field "
            + m.substring("Duplicate field ".length()) + " is given twice; give each field once");
      }
      String where = at == null || at.getColumnNr() < 1 ? "" : " at character " + at.getColumnNr();
      throw ClusterFormatException.inField(file, line, null, null, "malformed JSON" + where + ": " + m);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " (" + e + ")", e);
    }
    return new In(file).profile(root);
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

  /** Reads one document, naming it in every message. */
  private static final class In {
    private final String file;

    In(String file) {
      this.file = file;
    }

    RegionProfile profile(JsonNode root) {
      if (root == null || root.isMissingNode()) {
        throw fail(null, "the file is empty; a profile is a JSON object {\"name\": ..., \"region\": ..., ...}");
      }
      if (!root.isObject()) {
        throw fail(null, "a profile is a JSON object {\"name\": ..., \"region\": ..., ...} but the document is "
            + shorten(root));
      }
      fields(root, "", FIELDS, "a profile");
      String name = text(root, "name");
      Prefecture region = prefecture(root, "region");
      int firstYear = integer(root, "firstYear");
      int lastYear = integer(root, "lastYear");
      OrganizationId lead = at("lead", () -> OrganizationId.of(text(root, "lead")));
      RegionProfile.Builder b = at("name", () -> RegionProfile.builder(name, region, lead, firstYear, lastYear));
      JsonNode synthetic = get(root, "syntheticFirms");
      if (synthetic != null) {
        int count = integer(root, "syntheticFirms");
        at("syntheticFirms", () -> b.syntheticFirms(count));
      }
      List<JsonNode> events = array(root, "events");
      for (int i = 0; i < events.size(); i++) {
        event(b, events.get(i), "events[" + i + "]");
      }
      List<JsonNode> programs = array(root, "programs");
      for (int i = 0; i < programs.size(); i++) {
        String path = "programs[" + i + "]";
        JsonNode p = object(programs.get(i), path);
        fields(p, path + ".", PROGRAM_FIELDS, "a program term");
        ProgramId id = at(path + ".program", () -> ProgramId.of(text(p, "program", path + ".program")));
        int first = integer(p, "firstYear", path + ".firstYear");
        int last = integer(p, "lastYear", path + ".lastYear");
        at(path, () -> b.program(new ProgramTerm(id, first, last)));
      }
      JsonNode values = get(root, "values");
      if (values != null) {
        object(values, "values").properties().forEach(e -> value(b, e.getKey(), e.getValue()));
      }
      JsonNode free = get(root, "free");
      if (free != null) {
        object(free, "free").properties().forEach(e -> free(b, e.getKey(), e.getValue()));
      }
      return at("programs", b::build);
    }

    private void event(RegionProfile.Builder b, JsonNode node, String path) {
      JsonNode e = object(node, path);
      fields(e, path + ".", EVENT_FIELDS, "an event");
      String name = text(e, "name", path + ".name");
      if (!ClusterDynamics.EVENTS.contains(name)) {
        throw fail(path + ".name", "unknown event \"" + name + "\"" + Nearest.suggestion(name, ClusterDynamics.EVENTS)
            + "; the events: " + ClusterDynamics.EVENTS);
      }
      int year = integer(e, "year", path + ".year");
      boolean concerns = name.equals(ClusterDynamics.ORGANIZATION_FOUNDED)
          || name.equals(ClusterDynamics.CENTRE_OPENED);
      JsonNode organization = get(e, "organization");
      if (concerns && organization == null) {
        throw fail(path + ".organization", "is missing; event \"" + name + "\" names the organization it founds or"
            + " opens");
      }
      if (!concerns && organization != null) {
        throw fail(path + ".organization", "event \"" + name + "\" concerns no organization, but "
            + shorten(organization) + " was given");
      }
      if (concerns) {
        OrganizationId id = at(path + ".organization",
            () -> OrganizationId.of(text(e, "organization", path + ".organization")));
        at(path, () -> b.event(name, year, id));
      } else {
        at(path, () -> b.event(name, year));
      }
    }

    private void value(RegionProfile.Builder b, String name, JsonNode node) {
      String path = "values." + name;
      Parameter<?> p = parameter(name, path);
      JsonNode v = object(node, path);
      fields(v, path + ".", VALUE_FIELDS, "a value");
      JsonNode x = get(v, "value");
      if (x == null) {
        throw fail(path + ".value", "is missing; a value is {\"value\": ..., \"basis\": ..., \"source\": ...}");
      }
      Object value = typed(p, x, path + ".value");
      RegionProfile.Basis basis = basis(v, path + ".basis");
      String source = get(v, "source") == null ? "" : text(v, "source", path + ".source");
      at(path, () -> b.value(name, value, basis, source));
    }

    private Object typed(Parameter<?> p, JsonNode x, String path) {
      Class<?> type = p.type();
      if (type == Double.class) {
        if (!x.isNumber()) {
          throw fail(path, "must be a number but is " + shorten(x));
        }
        return x.doubleValue();
      }
      if (type == Integer.class) {
        if (!x.isIntegralNumber() || !x.canConvertToInt()) {
          throw fail(path, "must be a whole number but is " + shorten(x));
        }
        return x.intValue();
      }
      if (type == Boolean.class) {
        if (!x.isBoolean()) {
          throw fail(path, "must be true or false but is " + shorten(x));
        }
        return x.booleanValue();
      }
      if (!x.isTextual()) {
        throw fail(path, "must be a string (" + p.rule() + ") but is " + shorten(x));
      }
      return at(path, () -> p.parse(x.textValue()));
    }

    private RegionProfile.Basis basis(JsonNode v, String path) {
      if (get(v, "basis") == null) {
        throw fail(path, "is missing; say what the value rests on: one of "
            + Arrays.toString(RegionProfile.Basis.values()));
      }
      String text = text(v, "basis", path);
      for (RegionProfile.Basis b : RegionProfile.Basis.values()) {
        if (b.name().equals(text)) {
          return b;
        }
      }
      throw fail(path, "unknown basis \"" + text + "\"" + Nearest.suggestion(text,
          Arrays.stream(RegionProfile.Basis.values()).map(Enum::name).toList()) + "; one of "
          + Arrays.toString(RegionProfile.Basis.values()));
    }

    private void free(RegionProfile.Builder b, String name, JsonNode node) {
      String path = "free." + name;
      parameter(name, path);
      if (!node.isArray() || node.size() != 2 || !node.get(0).isNumber() || !node.get(1).isNumber()) {
        throw fail(path, "must be [lower, upper], two numbers, but is " + shorten(node));
      }
      at(path, () -> b.free(name, node.get(0).doubleValue(), node.get(1).doubleValue()));
    }

    private Parameter<?> parameter(String name, String path) {
      Parameter<?> p = PARAMETERS.get(name);
      if (p == null) {
        throw fail(path, "\"" + name + "\" is not a parameter of the model" + Nearest.suggestion(name,
            PARAMETERS.keySet()) + " (see ClusterDynamics.parameters())");
      }
      return p;
    }

    private Prefecture prefecture(JsonNode root, String field) {
      String text = text(root, field);
      try {
        return Prefecture.valueOf(text);
      } catch (IllegalArgumentException e) {
        throw fail(field, "unknown prefecture \"" + text + "\"" + Nearest.suggestion(text,
            Arrays.stream(Prefecture.values()).map(Enum::name).toList())
            + " (a Prefecture constant, e.g. SHIZUOKA)");
      }
    }

    /** Fails on a field the object should not have, naming the nearest known one. */
    private void fields(JsonNode object, String prefix, List<String> known, String what) {
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        if (!known.contains(e.getKey())) {
          throw fail(prefix + e.getKey(), "unknown field" + Nearest.suggestion(e.getKey(), known) + " (" + what
              + " has the fields " + known + ")");
        }
      }
    }

    private static JsonNode get(JsonNode object, String field) {
      JsonNode v = object.get(field);
      return v == null || v.isNull() ? null : v;
    }

    private String text(JsonNode object, String field) {
      return text(object, field, field);
    }

    private String text(JsonNode object, String field, String path) {
      JsonNode v = get(object, field);
      if (v == null) {
        throw fail(path, "is missing");
      }
      if (!v.isTextual()) {
        throw fail(path, "must be a string but is " + shorten(v));
      }
      return v.textValue();
    }

    private int integer(JsonNode object, String field) {
      return integer(object, field, field);
    }

    private int integer(JsonNode object, String field, String path) {
      JsonNode v = get(object, field);
      if (v == null) {
        throw fail(path, "is missing");
      }
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        throw fail(path, "must be a whole number but is " + shorten(v));
      }
      return v.intValue();
    }

    private JsonNode object(JsonNode v, String path) {
      if (!v.isObject()) {
        throw fail(path, "must be an object but is " + shorten(v));
      }
      return v;
    }

    private List<JsonNode> array(JsonNode object, String field) {
      JsonNode v = get(object, field);
      if (v == null) {
        return List.of();
      }
      if (!v.isArray()) {
        throw fail(field, "must be an array but is " + shorten(v));
      }
      List<JsonNode> out = new java.util.ArrayList<>();
      v.forEach(out::add);
      return out;
    }

    /**
     * Runs a step of {@link RegionProfile}'s builder, naming the file; its messages start with the
     * field they are about, and one that does not is given the field of the step.
     */
    private <T> T at(String path, Supplier<T> step) {
      try {
        return step.get();
      } catch (ClusterFormatException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        String m = String.valueOf(e.getMessage());
        boolean named = FIELDS.stream().anyMatch(f -> m.startsWith(f + ":") || m.startsWith(f + ".")
            || m.startsWith(f + "["));
        throw ClusterFormatException.inColumn(file, 0, null, null, named ? m : path + ": " + m, e);
      }
    }

    private void at(String path, Runnable step) {
      at(path, () -> {
        step.run();
        return null;
      });
    }

    private ClusterFormatException fail(String path, String problem) {
      return ClusterFormatException.inField(file, 0, path, null, problem);
    }

    private static String shorten(JsonNode v) {
      String s = v.toString();
      return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
  }
}
