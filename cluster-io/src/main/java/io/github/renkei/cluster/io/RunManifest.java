package io.github.renkei.cluster.io;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.renkei.cluster.simulation.ResultRow;
import io.github.renkei.cluster.simulation.ResultSink;
import io.github.renkei.cluster.simulation.RunInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * A run's manifest: what the experiment was (run id, seed, scenarios and their parameters, the
 * grid, replications, threads, shard), when it started and finished, whether it completed, how
 * many rows it received and of which metrics, and which Renkei, Java and operating system ran it — one JSON file,
 * written atomically.
 *
 * <pre>{@code
 * Path manifestFile = Path.of("results", "manifest.json");
 * Experiment.of(baseline)
 *     .replications(200)
 *     .seed(42)
 *     .sink(RunManifest.sink(manifestFile))
 *     .run();
 *
 * RunManifest manifest = RunManifest.read(manifestFile);
 * manifest.seed();       // 42
 * manifest.completed();  // true
 * }</pre>
 *
 * <h2>The file</h2>
 * <pre>{@code
 * {
 *   "run" : "run-3f1c...",
 *   "seed" : 42,
 *   "scenarios" : [ "baseline" ],
 *   "defaults" : { "baseline" : { "growth" : 0.5, "council" : false } },
 *   "grid" : [ { "growth" : 0.25 }, { "growth" : 0.5 } ],
 *   "replications" : 200,
 *   "threads" : 8,
 *   "shard" : 0,
 *   "shards" : 1,
 *   "started" : "2026-11-25T09:00:00.123Z",
 *   "finished" : "2026-11-25T09:03:41.456Z",
 *   "completed" : true,
 *   "rows" : 20000,
 *   "metrics" : [ "mean", "max" ],
 *   "library" : { "name" : "renkei", "version" : "0.1.0" },
 *   "java" : { "version" : "17.0.15", "vendor" : "Eclipse Adoptium" },
 *   "os" : { "name" : "Linux", "arch" : "amd64", "availableProcessors" : 8 }
 * }
 * }</pre>
 * Parameter values are written as JSON numbers (integers and finite reals), booleans, or strings
 * (an enum's {@link Enum#name() name}, anything else's {@code toString()}, and a real that is not
 * finite). Times are ISO-8601 instants in UTC. The seed is a JSON number holding the full 64-bit
 * value (JavaScript's numbers cannot hold all of them; Java, Python and R's {@code bit64} can).
 *
 * <h2>When it is written</h2>
 * The {@link #sink(Path) sink} writes the manifest twice, each time atomically: at
 * {@code begin}, with {@code "finished" : null}, {@code "completed" : false} and no rows — which
 * is what a run that dies without ending (a killed JVM, a power cut) leaves behind — and at
 * {@code end}, with the finish time, the row count and whether the experiment completed. A
 * failed run's manifest is written too, with {@code "completed" : false}: it is what is left to
 * diagnose the failure by. Either write replaces any previous manifest at that path — so a
 * killed rerun leaves an incomplete manifest in place of the previous complete one: to keep the
 * previous run whole until the new one is complete, write into a {@link RunFolder}, which also
 * removes what killed runs leave.
 *
 * <h2>What the rows are</h2>
 * {@code "rows"} and {@code "metrics"} describe exactly the rows the sink received (the metrics
 * in the order first seen). Give the manifest the same rows as the file it describes: when a
 * CSV holds only some metrics, filter the rows for both sinks, and the manifest says so. Add the
 * manifest sink after the sinks of the data: a sink whose end fails (a CSV that cannot be
 * committed on a full disk) then reaches the manifest as the failure, and the manifest says
 * {@code "completed" : false}.
 */
public final class RunManifest {

  /** The {@code library.name} every manifest records. */
  public static final String LIBRARY_NAME = "renkei";

  private static final JsonMapper MAPPER = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();
  private static final ObjectWriter WRITER = MAPPER.writerWithDefaultPrettyPrinter();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String VERSION = loadVersion();

  /**
   * A library's name and version.
   *
   * @param name the name
   * @param version the version
   */
  public record Library(String name, String version) {}

  /**
   * The Java runtime.
   *
   * @param version the {@code java.version} system property
   * @param vendor the {@code java.vendor} system property
   */
  public record Java(String version, String vendor) {}

  /**
   * The operating system and machine.
   *
   * @param name the {@code os.name} system property
   * @param arch the {@code os.arch} system property
   * @param availableProcessors the processors available to the JVM
   */
  public record Os(String name, String arch, int availableProcessors) {}

  private final String run;
  private final long seed;
  private final List<String> scenarios;
  private final Map<String, Map<String, Object>> defaults;
  private final List<Map<String, Object>> grid;
  private final int replications;
  private final int threads;
  private final int shard;
  private final int shards;
  private final Instant started;
  private final Instant finished;
  private final boolean completed;
  private final long rows;
  private final List<String> metrics;
  private final Library library;
  private final Java java;
  private final Os os;

  private RunManifest(Fields f) {
    this.run = f.text("run");
    this.seed = f.int64("seed");
    this.scenarios = f.texts("scenarios");
    this.defaults = f.defaults("defaults");
    this.grid = f.points("grid");
    this.replications = f.int32("replications");
    this.threads = f.int32("threads");
    this.shard = f.int32("shard");
    this.shards = f.int32("shards");
    this.started = f.instant("started");
    this.finished = f.optionalInstant("finished");
    this.completed = f.bool("completed");
    this.rows = f.int64("rows");
    this.metrics = f.has("metrics") ? List.copyOf(f.texts("metrics")) : List.of();
    Fields lib = f.object("library");
    this.library = new Library(lib.text("name"), lib.text("version"));
    Fields j = f.object("java");
    this.java = new Java(j.text("version"), j.text("vendor"));
    Fields o = f.object("os");
    this.os = new Os(o.text("name"), o.text("arch"), o.int32("availableProcessors"));
  }

  /**
   * Creates a sink that writes the manifest of a run, with the finish time from the system's UTC
   * clock.
   *
   * <pre>{@code
   * experiment.sink(RunManifest.sink(Path.of("results", "manifest.json")));
   * }</pre>
   *
   * @param file the JSON file; its directory must exist when the experiment begins
   * @return a sink for one run
   * @throws NullPointerException if the file is null
   */
  public static ResultSink sink(Path file) {
    return sink(file, Clock.systemUTC());
  }

  /**
   * Creates a sink that writes the manifest of a run, with the finish time from a clock (the
   * start time is the experiment's, {@link RunInfo#started()}).
   *
   * <pre>{@code
   * Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
   * experiment.clock(clock).sink(RunManifest.sink(Path.of("manifest.json"), clock));
   * }</pre>
   *
   * @param file the JSON file; its directory must exist when the experiment begins
   * @param clock the clock that stamps the finish time
   * @return a sink for one run: it writes the manifest at {@code begin} (throwing
   *     {@link UncheckedIOException} naming the directory if it does not exist, so the experiment
   *     fails before it does any work) and at {@code end}, and throws
   *     {@link IllegalStateException} if it begins a second time
   * @throws NullPointerException naming the argument that is null
   */
  public static ResultSink sink(Path file, Clock clock) {
    return new Sink(requireNonNull(file, "file"), requireNonNull(clock, "clock"));
  }

  /**
   * Reads a manifest.
   *
   * <pre>{@code
   * RunManifest m = RunManifest.read(Path.of("results", "manifest.json"));
   * if (!m.completed()) {
   *   System.err.println("run " + m.run() + " (seed " + m.seed() + ") did not complete");
   * }
   * }</pre>
   *
   * @param file the JSON file
   * @return the manifest
   * @throws NullPointerException if the file is null
   * @throws UncheckedIOException naming the file if it cannot be read
   * @throws IllegalArgumentException naming the file (and the field) if it is not a run
   *     manifest
   */
  public static RunManifest read(Path file) {
    requireNonNull(file, "file");
    JsonNode tree;
    try (InputStream in = Files.newInputStream(file)) {
      tree = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not a run manifest: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " (" + e + ")", e);
    }
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException(file + " is not a run manifest: it holds no JSON object");
    }
    return new RunManifest(new Fields(file, "", tree));
  }

  /**
   * Returns the version of this library, which manifests record.
   *
   * <pre>{@code
   * System.out.println("Renkei " + RunManifest.libraryVersion());  // Renkei 0.1.0
   * }</pre>
   *
   * @return the project version it was built as, or {@code "unknown"} if the build did not
   *     record it
   */
  public static String libraryVersion() {
    return VERSION;
  }

  private static String loadVersion() {
    try (InputStream in = RunManifest.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "").strip();
      // an unfiltered resource (a build that skipped Maven's resource filtering) holds ${...}
      return v.isEmpty() || v.contains("${") ? "unknown" : v;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the version of " + LIBRARY_NAME + " (" + e + ")", e);
    }
  }

  /**
   * Returns the run id.
   *
   * @return the id
   */
  public String run() {
    return run;
  }

  /**
   * Returns the root seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the scenarios' names, in order.
   *
   * @return the names
   */
  public List<String> scenarios() {
    return scenarios;
  }

  /**
   * Returns each scenario's parameter values before the grid applies, by scenario name, then by
   * parameter name in the order the file lists them. Values are {@code Integer} (or
   * {@code Long}, {@code BigInteger} if larger), {@code Double}, {@code Boolean} or
   * {@code String} (enums and other types), as they were written.
   *
   * @return the defaults
   */
  public Map<String, Map<String, Object>> defaults() {
    return defaults;
  }

  /**
   * Returns the parameter values of each grid point, in order; values typed as in
   * {@link #defaults()}.
   *
   * @return the points
   */
  public List<Map<String, Object>> grid() {
    return grid;
  }

  /**
   * Returns the replications per grid point (the maximum, for adaptive experiments).
   *
   * @return the replications
   */
  public int replications() {
    return replications;
  }

  /**
   * Returns the number of threads, 0 if an executor of unknown size ran the experiment.
   *
   * @return the threads
   */
  public int threads() {
    return threads;
  }

  /**
   * Returns the shard this run covered.
   *
   * @return 0 to {@code shards() - 1}
   */
  public int shard() {
    return shard;
  }

  /**
   * Returns the number of shards.
   *
   * @return the shards
   */
  public int shards() {
    return shards;
  }

  /**
   * Returns when the run started.
   *
   * @return the start time
   */
  public Instant started() {
    return started;
  }

  /**
   * Returns when the run ended, or empty if it has not (yet) ended: the manifest is the one
   * written at the start.
   *
   * @return the end time
   */
  public Optional<Instant> finished() {
    return Optional.ofNullable(finished);
  }

  /**
   * Returns whether the run completed; {@code false} if it failed, was interrupted, or has not
   * ended.
   *
   * @return whether it completed
   */
  public boolean completed() {
    return completed;
  }

  /**
   * Returns the number of rows the run produced.
   *
   * @return the rows
   */
  public long rows() {
    return rows;
  }

  /**
   * Returns the metrics of the rows the run produced, in the order first seen; empty for a
   * manifest written before this field existed.
   *
   * @return the metrics
   */
  public List<String> metrics() {
    return metrics;
  }

  /**
   * Returns the library that ran the experiment.
   *
   * @return its name ({@value #LIBRARY_NAME}) and version
   */
  public Library library() {
    return library;
  }

  /**
   * Returns the Java runtime that ran the experiment.
   *
   * @return its version and vendor
   */
  public Java java() {
    return java;
  }

  /**
   * Returns the operating system and machine that ran the experiment.
   *
   * @return its name, architecture and available processors
   */
  public Os os() {
    return os;
  }

  /** Returns the run id, seed, times and whether the run completed. */
  @Override
  public String toString() {
    return "RunManifest[" + run + ", seed " + seed + ", started " + started + ", "
        + (finished == null ? "not finished" : "finished " + finished) + ", " + (completed ? "completed" : "incomplete")
        + ", " + rows + " rows]";
  }

  // ---------------------------------------------------------------------------------------------
  // writing

  static ObjectNode toJson(RunInfo info, Instant finished, boolean completed, long rows,
      Collection<String> metrics) {
    ObjectNode root = NODES.objectNode();
    root.put("run", info.run());
    root.put("seed", info.seed());
    info.scenarios().forEach(root.putArray("scenarios")::add);
    ObjectNode defaults = root.putObject("defaults");
    info.defaults().forEach((scenario, values) -> defaults.set(scenario, values(values)));
    ArrayNode grid = root.putArray("grid");
    info.grid().forEach(point -> grid.add(values(point)));
    root.put("replications", info.replications());
    root.put("threads", info.threads());
    root.put("shard", info.shard());
    root.put("shards", info.shards());
    root.put("started", info.started().toString());
    if (finished == null) {
      root.putNull("finished");
    } else {
      root.put("finished", finished.toString());
    }
    root.put("completed", completed);
    root.put("rows", rows);
    metrics.forEach(root.putArray("metrics")::add);
    ObjectNode lib = root.putObject("library");
    lib.put("name", LIBRARY_NAME);
    lib.put("version", libraryVersion());
    ObjectNode java = root.putObject("java");
    java.put("version", System.getProperty("java.version"));
    java.put("vendor", System.getProperty("java.vendor"));
    ObjectNode os = root.putObject("os");
    os.put("name", System.getProperty("os.name"));
    os.put("arch", System.getProperty("os.arch"));
    os.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    return root;
  }

  private static ObjectNode values(Map<String, Object> values) {
    ObjectNode node = NODES.objectNode();
    values.forEach((name, value) -> node.set(name, value(value)));
    return node;
  }

  private static JsonNode value(Object v) {
    if (v == null) {
      return NODES.nullNode();
    }
    if (v instanceof Boolean) {
      return NODES.booleanNode((Boolean) v);
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return NODES.numberNode(((Number) v).longValue());
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (!Double.isFinite(d)) {
        return NODES.textNode(v.toString());
      }
      return v instanceof Float ? NODES.numberNode((Float) v) : NODES.numberNode(d);
    }
    if (v instanceof BigInteger) {
      return NODES.numberNode((BigInteger) v);
    }
    if (v instanceof BigDecimal) {
      return NODES.numberNode((BigDecimal) v);
    }
    if (v instanceof Enum) {
      return NODES.textNode(((Enum<?>) v).name());
    }
    return NODES.textNode(v.toString());
  }

  static void write(Path file, ObjectNode manifest) {
    AtomicFiles.write(file, out -> {
      WRITER.writeValue(out, manifest);
      out.write(System.lineSeparator());
    });
  }

  /** The sink: writes the manifest at begin and at end, counts the rows in between. */
  private static final class Sink implements ResultSink {

    private final Path file;
    private final Clock clock;
    private RunInfo info;
    private long rows;
    private final Set<String> metrics = new LinkedHashSet<>();
    private boolean ended;

    Sink(Path file, Clock clock) {
      this.file = file;
      this.clock = clock;
    }

    @Override
    public void begin(RunInfo run) {
      requireNonNull(run, "run");
      if (info != null) {
        throw new IllegalStateException("the manifest sink of " + file + " has already begun; a sink is for one run");
      }
      info = run;
      write(file, toJson(run, null, false, 0, List.of()));
    }

    @Override
    public void accept(ResultRow row) {
      if (info == null || ended) {
        throw new IllegalStateException("the manifest sink of " + file + (ended ? " has ended" : " has not begun"));
      }
      rows++;
      metrics.add(row.metric());
    }

    @Override
    public void end(RunInfo run, boolean completed) {
      if (info == null) {
        throw new IllegalStateException("the manifest sink of " + file + " has not begun");
      }
      if (ended) {
        return;
      }
      ended = true;
      write(file, toJson(info, clock.instant(), completed, rows, metrics));
    }

    @Override
    public String toString() {
      return "RunManifest.sink[" + file + ", " + (info == null ? "new" : ended ? "ended" : "open") + "]";
    }
  }

  // ---------------------------------------------------------------------------------------------
  // reading

  /** An object of the manifest, with typed getters that name the file and the field on error. */
  private static final class Fields {
    private final Path file;
    private final String path;
    private final JsonNode node;

    Fields(Path file, String path, JsonNode node) {
      this.file = file;
      this.path = path;
      this.node = node;
    }

    private JsonNode get(String field) {
      JsonNode v = node.get(field);
      if (v == null) {
        throw bad(field, "is missing");
      }
      return v;
    }

    private IllegalArgumentException bad(String field, String problem) {
      return new IllegalArgumentException(file + " is not a run manifest: the field '" + path + field + "' " + problem);
    }

    String text(String field) {
      JsonNode v = get(field);
      if (!v.isTextual()) {
        throw bad(field, "must be a string but is " + v);
      }
      return v.textValue();
    }

    long int64(String field) {
      JsonNode v = get(field);
      if (!v.isIntegralNumber() || !v.canConvertToLong()) {
        throw bad(field, "must be an integer but is " + v);
      }
      return v.longValue();
    }

    int int32(String field) {
      JsonNode v = get(field);
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        throw bad(field, "must be a 32-bit integer but is " + v);
      }
      return v.intValue();
    }

    boolean bool(String field) {
      JsonNode v = get(field);
      if (!v.isBoolean()) {
        throw bad(field, "must be true or false but is " + v);
      }
      return v.booleanValue();
    }

    Instant instant(String field) {
      String text = text(field);
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw bad(field, "must be an ISO-8601 instant but is '" + text + "'");
      }
    }

    Instant optionalInstant(String field) {
      return get(field).isNull() ? null : instant(field);
    }

    Fields object(String field) {
      JsonNode v = get(field);
      if (!v.isObject()) {
        throw bad(field, "must be an object but is " + v);
      }
      return new Fields(file, path + field + ".", v);
    }

    boolean has(String field) {
      return node.has(field);
    }

    List<String> texts(String field) {
      JsonNode v = get(field);
      if (!v.isArray()) {
        throw bad(field, "must be an array but is " + v);
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        if (!v.get(i).isTextual()) {
          throw bad(field + "[" + i + "]", "must be a string but is " + v.get(i));
        }
        out.add(v.get(i).textValue());
      }
      return Collections.unmodifiableList(out);
    }

    List<Map<String, Object>> points(String field) {
      JsonNode v = get(field);
      if (!v.isArray()) {
        throw bad(field, "must be an array but is " + v);
      }
      List<Map<String, Object>> out = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        out.add(valueMap(field + "[" + i + "]", v.get(i)));
      }
      return Collections.unmodifiableList(out);
    }

    Map<String, Map<String, Object>> defaults(String field) {
      Fields d = object(field);
      Map<String, Map<String, Object>> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : d.node.properties()) {
        out.put(e.getKey(), valueMap(field + "." + e.getKey(), e.getValue()));
      }
      return Collections.unmodifiableMap(out);
    }

    private Map<String, Object> valueMap(String field, JsonNode v) {
      if (!v.isObject()) {
        throw bad(field, "must be an object of parameter values but is " + v);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        out.put(e.getKey(), javaValue(field + "." + e.getKey(), e.getValue()));
      }
      return Collections.unmodifiableMap(out);
    }

    private Object javaValue(String field, JsonNode v) {
      if (v.isTextual()) {
        return v.textValue();
      }
      if (v.isBoolean()) {
        return v.booleanValue();
      }
      if (v.isInt()) {
        return v.intValue();
      }
      if (v.isLong()) {
        return v.longValue();
      }
      if (v.isBigInteger()) {
        return v.bigIntegerValue();
      }
      if (v.isNumber()) {
        return v.doubleValue();
      }
      throw bad(field, "must be a number, boolean or string but is " + v.getNodeType().name().toLowerCase(
          Locale.ROOT));
    }
  }
}
