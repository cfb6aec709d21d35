package io.github.renkei.cluster.io;

import static java.util.Objects.requireNonNull;

import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.ShardData;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Shard files: one shard of an {@link Experiment}, run in its own process (a batch scheduler's
 * array task), written as a checked binary file, and read back — every shard of one folder or
 * several — to be merged into the result of the whole experiment.
 *
 * <pre>{@code
 * // array task i of n
 * Experiment part = Experiment.of(scenario).grid(grid).replications(1000).seed(7).shard(i, n).build();
 * ShardFiles.Identity id = ShardFiles.Identity.of(part, "my-study/1", definitionText);
 * ShardFiles.write(dir.resolve(ShardFiles.fileName(id, i)), id, part.run().data());
 * // the merge job
 * ShardFiles.Shards all = ShardFiles.collect(List.of(dir));   // one experiment, every shard once
 * }</pre>
 *
 * <h2>The file, byte by byte</h2>
 * Integers are big-endian two's complement ({@code int32}: 4 bytes, {@code int64}: 8); a
 * {@code string} is an {@code int32} byte count and that many bytes of UTF-8; a {@code float64}
 * is the 8 bytes of the IEEE 754 value's raw bits (so NaNs and signed zeros survive).
 * <pre>
 * offset      size  field
 * 0           8     magic: 89 52 4B 53 48 0D 0A 1A  ("\x89RKSH\r\n\x1a", which a text-mode copy breaks)
 * 8           4     int32 format version, {@value #VERSION}
 * 12          8     int64 L, the length of the body
 * 20          L     the body (below)
 * 20 + L      32    SHA-256 of bytes 0 to 20 + L − 1 (magic, version, length and body)
 * </pre>
 * The body: first the identity of the experiment, which every shard of it shares, then the shard.
 * <pre>
 * string   library: the Renkei version that wrote it
 * string   run id
 * int64    root seed
 * int32    replications per scenario and grid point (of the whole experiment)
 * int32    n, the number of shards
 * int32    grid points
 * int32    S, scenarios; per scenario: string name, int32 steps, int32 M metrics, M strings (names)
 * string   definition kind (what the definition is, e.g. "renkei-simulate-config/1")
 * string   definition: what rebuilds the experiment, e.g. a config file's canonical JSON
 * 32 bytes fingerprint: SHA-256 of the definition's UTF-8 bytes
 * int32    K, shards held (1 in a shard file); K int32 shard indices, 0 to n − 1
 * int32    C, replications run; per replication:
 *            int32 scenario index, int32 grid point, int32 replication, int32 steps run,
 *            int32 M metrics, int32 T steps, M × T float64 values (metric by metric)
 * int32    F, replications failed; per failure:
 *            string scenario name, int32 grid point, int32 replication, int64 seed,
 *            string the exception's class, string its message (empty if none), string its stack trace
 * </pre>
 * Nothing follows the last failure. Readers of version {@value #VERSION} refuse any other
 * version: a later layout is read by a later Renkei.
 *
 * <h2>What {@link #read} checks</h2>
 * In this order, each failure a {@link ShardFileException} naming the file and the reason: the
 * magic (not a shard file), the version, the length (a truncated file), the SHA-256 (a corrupted
 * byte anywhere), the fingerprint, then the content: every replication's scenario, grid point,
 * metric count and step count fit the identity, its index belongs to a shard held
 * ({@code r % n} is one of them), none appears twice, and every replication of the shards held
 * is there, run or failed.
 *
 * <h2>What {@link #collect} checks</h2>
 * That each folder holds a shard file ({@code *}{@value #EXTENSION}; other files, and hidden
 * ones such as a killed writer's temporary file, are not read), that every file reads, that all
 * have the same identity (the first difference is named), that no shard appears twice, and
 * that none of the n is missing (naming which).
 */
public final class ShardFiles {

  /** The extension of shard files; {@link #collect} reads the files of a folder that end in it. */
  public static final String EXTENSION = ".renkei-shard";

  /** The format version this class writes and reads. */
  public static final int VERSION = 1;

  private static final byte[] MAGIC = {(byte) 0x89, 'R', 'K', 'S', 'H', '\r', '\n', 0x1a};
  private static final int HEADER = 20;
  private static final int DIGEST = 32;

  private ShardFiles() {}

  /**
   * A shard file that cannot be used: not a shard file, corrupted, truncated, of another version
   * or another experiment, a repeated or missing shard. The message names the file (or the
   * folders) and the reason.
   */
  public static final class ShardFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The file, or the first folder when no one file is at fault. */
    private final transient Path file;

    /**
     * Creates the exception.
     *
     * @param file the file at fault
     * @param reason why it cannot be used
     */
    public ShardFileException(Path file, String reason) {
      super(file + ": " + reason);
      this.file = file;
    }

    /**
     * Returns the file at fault (or the folder, for a missing shard or an empty folder).
     *
     * @return the path
     */
    public Path file() {
      return file;
    }
  }

  /**
   * A scenario's shape as a shard records it.
   *
   * @param name the scenario's name
   * @param steps its schedule's steps
   * @param metrics its metrics, in order
   */
  public record ScenarioShape(String name, int steps, List<String> metrics) {
    /**
     * Checks and copies.
     *
     * @param name the name
     * @param steps the steps
     * @param metrics the metrics
     */
    public ScenarioShape {
      requireNonNull(name, "name");
      if (steps < 0) {
        throw new IllegalArgumentException("steps must be >= 0 but was " + steps);
      }
      metrics = List.copyOf(metrics);
    }
  }

  /**
   * What every shard of one experiment shares: the facts that make two shards parts of the same
   * experiment, and the definition that rebuilds it.
   *
   * @param library the Renkei version that ran it
   * @param run the run id
   * @param seed the root seed
   * @param replications replications per scenario and grid point of the whole experiment
   * @param shards the number of shards
   * @param gridPoints the grid's points
   * @param scenarios the scenarios' shapes, in order
   * @param definitionKind what the definition is (for the reader that rebuilds the experiment)
   * @param definition the text that rebuilds the experiment (a config's canonical JSON)
   */
  public record Identity(String library, String run, long seed, int replications, int shards, int gridPoints,
      List<ScenarioShape> scenarios, String definitionKind, String definition) {

    /**
     * Checks and copies.
     *
     * @param library the version
     * @param run the run id
     * @param seed the seed
     * @param replications the replications
     * @param shards the shards
     * @param gridPoints the grid points
     * @param scenarios the scenarios
     * @param definitionKind the definition's kind
     * @param definition the definition
     */
    public Identity {
      requireNonNull(library, "library");
      requireNonNull(run, "run");
      requireNonNull(definitionKind, "definitionKind");
      requireNonNull(definition, "definition");
      if (replications < 1 || shards < 1 || gridPoints < 1) {
        throw new IllegalArgumentException("replications, shards and grid points must be >= 1 but were "
            + replications + ", " + shards + ", " + gridPoints);
      }
      scenarios = List.copyOf(scenarios);
      if (scenarios.isEmpty()) {
        throw new IllegalArgumentException("an experiment has at least one scenario");
      }
    }

    /**
     * The identity of an experiment (or one of its shards), with the definition that rebuilds it.
     *
     * @param experiment the experiment
     * @param definitionKind what the definition is, e.g. {@code "renkei-simulate-config/1"}
     * @param definition the text that rebuilds it
     * @return the identity, with this library's version
     */
    public static Identity of(Experiment experiment, String definitionKind, String definition) {
      List<ScenarioShape> shapes = new ArrayList<>();
      for (Scenario<?> s : experiment.scenarios()) {
        shapes.add(new ScenarioShape(s.name(), s.schedule().size(), s.metricNames()));
      }
      return new Identity(RunManifest.libraryVersion(), experiment.runId(), experiment.seed(),
          experiment.replications(), experiment.shardCount(), experiment.grid().size(), shapes, definitionKind,
          definition);
    }

    /**
     * Returns the SHA-256 of the definition, which the file records.
     *
     * @return 32 bytes
     */
    public byte[] fingerprint() {
      return sha256(definition.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the first 12 hexadecimal digits of the {@link #fingerprint()}, for messages.
     *
     * @return the digits
     */
    public String shortFingerprint() {
      return HexFormat.of().formatHex(fingerprint()).substring(0, 12);
    }

    /** The first difference from another identity, or null if there is none. */
    String difference(Identity o) {
      if (!library.equals(o.library)) {
        return "written by Renkei " + library + ", the others by " + o.library;
      }
      if (seed != o.seed) {
        return "of seed " + seed + ", the others of seed " + o.seed;
      }
      if (replications != o.replications) {
        return "of " + replications + " replications, the others of " + o.replications;
      }
      if (shards != o.shards) {
        return "one of " + shards + " shards, the others of " + o.shards;
      }
      if (gridPoints != o.gridPoints) {
        return "of " + gridPoints + " grid points, the others of " + o.gridPoints;
      }
      if (!scenarios.equals(o.scenarios)) {
        return "of scenarios " + scenarios + ", the others of " + o.scenarios;
      }
      if (!definitionKind.equals(o.definitionKind) || !definition.equals(o.definition)) {
        return "of definition " + shortFingerprint() + ", the others of " + o.shortFingerprint()
            + " (SHA-256 of the experiment's definition)";
      }
      if (!run.equals(o.run)) {
        return "of run " + run + ", the others of run " + o.run;
      }
      return null;
    }
  }

  /**
   * One shard file as read.
   *
   * @param file where it was read
   * @param identity the experiment it belongs to
   * @param data its replications
   */
  public record Shard(Path file, Identity identity, ShardData data) {}

  /**
   * Every shard of one experiment, checked.
   *
   * @param identity the experiment
   * @param shards the shards, by shard index
   */
  public record Shards(Identity identity, List<Shard> shards) {
    /**
     * Copies.
     *
     * @param identity the experiment
     * @param shards the shards
     */
    public Shards {
      requireNonNull(identity, "identity");
      shards = List.copyOf(shards);
    }
  }

  /**
   * The file name of a shard: the run id, the shard index (zero-padded, so that names sort by
   * index) and the count, e.g. {@code run-3f1c0a9e5b7d2c41-shard-03-of-10.renkei-shard}.
   *
   * @param identity the experiment
   * @param shard the shard index, 0 to {@code identity.shards() - 1}
   * @return the name
   */
  public static String fileName(Identity identity, int shard) {
    checkIndex(shard, identity.shards());
    int width = String.valueOf(identity.shards() - 1).length();
    return String.format("%s-shard-%0" + width + "d-of-%d%s", identity.run().replaceAll("[^A-Za-z0-9._-]", "_"),
        shard, identity.shards(), EXTENSION);
  }

  private static void checkIndex(int shard, int shards) {
    if (shard < 0 || shard >= shards) {
      throw new IllegalArgumentException("shard index must be in 0.." + (shards - 1) + " but was " + shard);
    }
  }

  /**
   * Writes a shard file atomically (a temporary file renamed onto the target, see
   * {@link AtomicFiles}), replacing any file of that name.
   *
   * @param file the file; its directory must exist
   * @param identity the experiment
   * @param data the shard's replications; its run, seed, replications and shard count must be
   *     the identity's
   * @throws IllegalArgumentException naming the value if the data do not fit the identity
   * @throws UncheckedIOException naming the file if it cannot be written
   */
  public static void write(Path file, Identity identity, ShardData data) {
    requireNonNull(file, "file");
    AtomicFiles.writeBytes(file, toBytes(identity, data));
  }

  /**
   * Encodes a shard in the wire form described above.
   *
   * @param identity the experiment
   * @param data the shard's replications
   * @return the bytes of the file
   * @throws IllegalArgumentException naming the value if the data do not fit the identity
   */
  public static byte[] toBytes(Identity identity, ShardData data) {
    requireNonNull(identity, "identity");
    requireNonNull(data, "data");
    if (!data.run().equals(identity.run()) || data.seed() != identity.seed()
        || data.replications() != identity.replications() || data.shards() != identity.shards()) {
      throw new IllegalArgumentException("the data " + data + " are not of the experiment of run " + identity.run()
          + ", seed " + identity.seed() + ", " + identity.replications() + " replications in " + identity.shards()
          + " shards");
    }
    for (int s : data.covered()) {
      checkIndex(s, identity.shards());
    }
    try {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(body);
      string(out, identity.library());
      string(out, identity.run());
      out.writeLong(identity.seed());
      out.writeInt(identity.replications());
      out.writeInt(identity.shards());
      out.writeInt(identity.gridPoints());
      out.writeInt(identity.scenarios().size());
      for (ScenarioShape s : identity.scenarios()) {
        string(out, s.name());
        out.writeInt(s.steps());
        out.writeInt(s.metrics().size());
        for (String m : s.metrics()) {
          string(out, m);
        }
      }
      string(out, identity.definitionKind());
      string(out, identity.definition());
      out.write(identity.fingerprint());
      out.writeInt(data.covered().size());
      for (int s : data.covered()) {
        out.writeInt(s);
      }
      out.writeInt(data.cells().size());
      for (ShardData.Cell c : data.cells()) {
        String where = "replication " + c.replication() + " of scenario " + c.scenario() + " at grid point "
            + c.point();
        if (c.scenario() >= identity.scenarios().size() || c.point() >= identity.gridPoints()) {
          throw new IllegalArgumentException(where + " is outside the experiment (" + identity.scenarios().size()
              + " scenarios, " + identity.gridPoints() + " grid points)");
        }
        ScenarioShape shape = identity.scenarios().get(c.scenario());
        double[][] v = c.values();
        int steps = shape.steps();
        if (v.length != shape.metrics().size() || c.stepsRun() > steps) {
          throw new IllegalArgumentException(where + " has " + v.length + " metrics and " + c.stepsRun()
              + " steps run; scenario '" + shape.name() + "' has " + shape.metrics().size() + " and " + steps);
        }
        out.writeInt(c.scenario());
        out.writeInt(c.point());
        out.writeInt(c.replication());
        out.writeInt(c.stepsRun());
        out.writeInt(v.length);
        out.writeInt(steps);
        for (double[] row : v) {
          if (row.length != steps) {
            throw new IllegalArgumentException(where + " has a metric of " + row.length + " steps; scenario '"
                + shape.name() + "' has " + steps);
          }
          for (double x : row) {
            out.writeLong(Double.doubleToRawLongBits(x));
          }
        }
      }
      out.writeInt(data.failures().size());
      for (ShardData.Failure f : data.failures()) {
        string(out, f.scenario());
        out.writeInt(f.point());
        out.writeInt(f.replication());
        out.writeLong(f.seed());
        Throwable cause = f.cause();
        string(out, cause instanceof RemoteFailure r ? r.className() : cause.getClass().getName());
        string(out, cause instanceof RemoteFailure r ? r.originalMessage()
            : cause.getMessage() == null ? "" : cause.getMessage());
        string(out, cause instanceof RemoteFailure r ? r.trace() : trace(cause));
      }
      out.flush();
      byte[] b = body.toByteArray();
      ByteBuffer file = ByteBuffer.allocate(HEADER + b.length + DIGEST);
      file.put(MAGIC).putInt(VERSION).putLong(b.length).put(b);
      file.put(sha256(file.array(), HEADER + b.length));
      return file.array();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
    }
  }

  /**
   * The exception of a replication that failed in another process, as a shard file records it:
   * its class's name, its message and its stack trace, as text.
   */
  public static final class RemoteFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The original exception's class name. */
    private final String className;
    /** The original exception's message, empty if it had none. */
    private final String originalMessage;
    /** The original stack trace, as printed. */
    private final String trace;

    /**
     * Creates it.
     *
     * @param className the original exception's class name
     * @param message its message (empty if it had none)
     * @param trace its stack trace as printed
     */
    public RemoteFailure(String className, String message, String trace) {
      super(className + (message.isEmpty() ? "" : ": " + message));
      this.className = className;
      this.originalMessage = message;
      this.trace = trace;
    }

    /**
     * Returns the original exception's class name.
     *
     * @return the name
     */
    public String className() {
      return className;
    }

    /**
     * Returns the original exception's message.
     *
     * @return the message, empty if it had none
     */
    public String originalMessage() {
      return originalMessage;
    }

    /**
     * Returns the original stack trace.
     *
     * @return the trace, as {@link Throwable#printStackTrace()} prints it
     */
    public String trace() {
      return trace;
    }
  }

  private static String trace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  /**
   * Reads and checks a shard file (see the class comment for what is checked).
   *
   * @param file the file
   * @return the shard
   * @throws ShardFileException naming the file and the reason if it is not a sound shard file
   * @throws UncheckedIOException naming the file if it cannot be read
   */
  public static Shard read(Path file) {
    requireNonNull(file, "file");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ShardFileException(file, "no such file");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " (" + e + ")", e);
    }
    return fromBytes(file, bytes);
  }

  /**
   * Decodes and checks a shard file's bytes.
   *
   * @param file the file's name, for messages
   * @param bytes its content
   * @return the shard
   * @throws ShardFileException naming the file and the reason if the bytes are not a sound shard
   */
  public static Shard fromBytes(Path file, byte[] bytes) {
    requireNonNull(file, "file");
    requireNonNull(bytes, "bytes");
    if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new ShardFileException(file, "not a Renkei shard file (it does not start with the shard magic bytes"
          + " 89 52 4B 53 48 0D 0A 1A)");
    }
    if (bytes.length < HEADER) {
      throw new ShardFileException(file, "truncated: " + bytes.length + " bytes, shorter than the header");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    in.position(MAGIC.length);
    int version = in.getInt();
    if (version != VERSION) {
      throw new ShardFileException(file, "format version " + version + ", but this Renkei reads version " + VERSION
          + " only: merge with the Renkei that wrote it");
    }
    long length = in.getLong();
    long expected = HEADER + length + DIGEST;
    if (length < 0 || bytes.length < expected) {
      throw new ShardFileException(file, "truncated: " + bytes.length + " bytes, but its header says "
          + (length < 0 ? "a negative length " + length : expected));
    }
    if (bytes.length > expected) {
      throw new ShardFileException(file, "corrupted: " + bytes.length + " bytes, but its header says " + expected);
    }
    int end = (int) (HEADER + length);
    byte[] digest = sha256(bytes, end);
    if (!Arrays.equals(bytes, end, end + DIGEST, digest, 0, DIGEST)) {
      throw new ShardFileException(file, "corrupted: its SHA-256 does not match its content (a changed byte)");
    }
    in.limit(end);
    try {
      return decode(file, in);
    } catch (BufferUnderflowException e) {
      throw new ShardFileException(file, "corrupted: the body ends inside a field");
    }
  }

  private static Shard decode(Path file, ByteBuffer in) {
    String library = string(file, in);
    String run = string(file, in);
    long seed = in.getLong();
    int replications = in.getInt();
    int shards = in.getInt();
    int points = in.getInt();
    int scenarioCount = count(file, in, "scenarios");
    List<ScenarioShape> scenarios = new ArrayList<>();
    for (int i = 0; i < scenarioCount; i++) {
      String name = string(file, in);
      int steps = in.getInt();
      int metricCount = count(file, in, "metrics");
      List<String> metrics = new ArrayList<>();
      for (int m = 0; m < metricCount; m++) {
        metrics.add(string(file, in));
      }
      scenarios.add(new ScenarioShape(name, steps, metrics));
    }
    String kind = string(file, in);
    String definition = string(file, in);
    byte[] fingerprint = new byte[DIGEST];
    in.get(fingerprint);
    Identity identity;
    try {
      identity = new Identity(library, run, seed, replications, shards, points, scenarios, kind, definition);
    } catch (IllegalArgumentException e) {
      throw new ShardFileException(file, "corrupted: " + e.getMessage());
    }
    if (!Arrays.equals(fingerprint, identity.fingerprint())) {
      throw new ShardFileException(file, "corrupted: the fingerprint does not match the experiment's definition");
    }
    int coveredCount = count(file, in, "shards held");
    TreeSet<Integer> covered = new TreeSet<>();
    for (int i = 0; i < coveredCount; i++) {
      int s = in.getInt();
      if (s < 0 || s >= shards || !covered.add(s)) {
        throw new ShardFileException(file, "corrupted: holds shard " + s + " of " + shards
            + (s >= 0 && s < shards ? " twice" : ""));
      }
    }
    int cellCount = count(file, in, "replications");
    Set<List<Integer>> seen = new HashSet<>();
    List<ShardData.Cell> cells = new ArrayList<>(cellCount);
    for (int i = 0; i < cellCount; i++) {
      int scenario = in.getInt();
      int point = in.getInt();
      int replication = in.getInt();
      int stepsRun = in.getInt();
      int metrics = count(file, in, "metrics");
      int steps = count(file, in, "steps");
      String where = "replication " + replication + " of scenario " + scenario + " at grid point " + point;
      if (scenario < 0 || scenario >= scenarioCount || point < 0 || point >= points) {
        throw new ShardFileException(file, "corrupted: " + where + " is outside the experiment (" + scenarioCount
            + " scenarios, " + points + " grid points)");
      }
      ScenarioShape shape = scenarios.get(scenario);
      if (metrics != shape.metrics().size() || steps != shape.steps() || stepsRun < 0 || stepsRun > steps) {
        throw new ShardFileException(file, "corrupted: " + where + " has " + metrics + " metrics, " + steps
            + " steps and " + stepsRun + " run; scenario '" + shape.name() + "' has " + shape.metrics().size()
            + " metrics and " + shape.steps() + " steps");
      }
      checkReplication(file, where, replication, replications, shards, covered);
      if (!seen.add(List.of(scenario, point, replication))) {
        throw new ShardFileException(file, "corrupted: " + where + " appears twice");
      }
      if ((long) metrics * steps * Double.BYTES > in.remaining()) {
        throw new ShardFileException(file, "corrupted: the body ends inside " + where);
      }
      double[][] values = new double[metrics][steps];
      for (double[] row : values) {
        for (int t = 0; t < steps; t++) {
          row[t] = Double.longBitsToDouble(in.getLong());
        }
      }
      cells.add(new ShardData.Cell(scenario, point, replication, stepsRun, values));
    }
    int failureCount = count(file, in, "failures");
    Map<String, Integer> byName = new HashMap<>();
    for (int s = 0; s < scenarioCount; s++) {
      byName.put(scenarios.get(s).name(), s);
    }
    List<ShardData.Failure> failures = new ArrayList<>();
    for (int i = 0; i < failureCount; i++) {
      String scenario = string(file, in);
      int point = in.getInt();
      int replication = in.getInt();
      long failureSeed = in.getLong();
      String className = string(file, in);
      String message = string(file, in);
      String trace = string(file, in);
      String where = "failed replication " + replication + " of scenario '" + scenario + "' at grid point " + point;
      Integer s = byName.get(scenario);
      if (s == null || point < 0 || point >= points) {
        throw new ShardFileException(file, "corrupted: " + where + " is outside the experiment");
      }
      checkReplication(file, where, replication, replications, shards, covered);
      if (!seen.add(List.of(s, point, replication))) {
        throw new ShardFileException(file, "corrupted: " + where + " appears twice");
      }
      failures.add(new ShardData.Failure(scenario, point, replication, failureSeed,
          new RemoteFailure(className, message, trace)));
    }
    if (in.hasRemaining()) {
      throw new ShardFileException(file, "corrupted: " + in.remaining() + " bytes follow the last failure");
    }
    long perCell = 0;
    for (int r = 0; r < replications; r++) {
      if (covered.contains(r % shards)) {
        perCell++;
      }
    }
    long want = perCell * scenarioCount * points;
    if (seen.size() != want) {
      throw new ShardFileException(file, "incomplete: it holds " + seen.size() + " replications, run or failed, of"
          + " the " + want + " of shard(s) " + covered + " of " + shards);
    }
    ShardData data = new ShardData(run, seed, replications, shards, List.copyOf(covered), cells, failures);
    return new Shard(file, identity, data);
  }

  private static void checkReplication(Path file, String where, int replication, int replications, int shards,
      Set<Integer> covered) {
    if (replication < 0 || replication >= replications) {
      throw new ShardFileException(file, "corrupted: " + where + " is outside the experiment's " + replications
          + " replications");
    }
    if (!covered.contains(replication % shards)) {
      throw new ShardFileException(file, "corrupted: " + where + " belongs to shard " + replication % shards
          + ", not to the shard(s) " + covered + " it holds");
    }
  }

  private static int count(Path file, ByteBuffer in, String what) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new ShardFileException(file, "corrupted: a count of " + what + " of " + n);
    }
    return n;
  }

  private static String string(Path file, ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new ShardFileException(file, "corrupted: a text of " + n + " bytes");
    }
    byte[] b = new byte[n];
    in.get(b);
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      throw new ShardFileException(file, "corrupted: a text that is not UTF-8");
    }
  }

  /**
   * Reads every shard file of some folders and checks that they are exactly the shards of one
   * experiment (see the class comment). A path that is a file is read as a shard file whatever
   * its name.
   *
   * @param paths folders holding shard files, or shard files
   * @return the experiment's identity and its shards, by index
   * @throws ShardFileException naming the file (or folder) and the reason: a folder without shard
   *     files, a file that does not read, a shard of another experiment, a repeated shard, a
   *     missing shard
   * @throws UncheckedIOException naming the folder or file if it cannot be read
   */
  public static Shards collect(List<Path> paths) {
    requireNonNull(paths, "paths");
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("no folder of shard files given");
    }
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isRegularFile(p)) {
        files.add(p);
      } else if (Files.isDirectory(p)) {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(p, f -> isShardName(f) && Files.isRegularFile(f))) {
          dir.forEach(found::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the folder " + p + " (" + e + ")", e);
        }
        if (found.isEmpty()) {
          throw new ShardFileException(p, "no shard files (*" + EXTENSION + ") in this folder");
        }
        found.sort(null);
        files.addAll(found);
      } else {
        throw new ShardFileException(p, "no such file or folder");
      }
    }
    Shard first = null;
    TreeMap<Integer, Shard> byIndex = new TreeMap<>();
    for (Path f : files) {
      Shard s = read(f);
      if (first == null) {
        first = s;
      } else {
        String difference = s.identity().difference(first.identity());
        if (difference != null) {
          throw new ShardFileException(f, "a shard of another experiment: " + difference + " (" + first.file()
              + ")");
        }
      }
      for (int i : s.data().covered()) {
        Shard before = byIndex.put(i, s);
        if (before != null) {
          throw new ShardFileException(f, "repeats shard " + i + " of " + s.identity().shards() + ", already in "
              + before.file());
        }
      }
    }
    int n = first.identity().shards();
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!byIndex.containsKey(i)) {
        missing.add(i);
      }
    }
    if (!missing.isEmpty()) {
      throw new ShardFileException(paths.get(0), "missing shard" + (missing.size() > 1 ? "s " : " ")
          + abbreviate(missing) + " of " + n + " (indices from 0) of run " + first.identity().run() + " in "
          + paths);
    }
    return new Shards(first.identity(), new ArrayList<>(new LinkedHashSet<>(byIndex.values())));
  }

  private static boolean isShardName(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(EXTENSION) && !name.startsWith(".");
  }

  private static String abbreviate(List<Integer> indices) {
    if (indices.size() <= 20) {
      return indices.toString().replaceAll("[\\[\\]]", "");
    }
    return indices.subList(0, 20).toString().replaceAll("[\\[\\]]", "") + " and " + (indices.size() - 20) + " more";
  }

  private static byte[] sha256(byte[] bytes) {
    return sha256(bytes, bytes.length);
  }

  /** The SHA-256 of the first {@code length} bytes. */
  private static byte[] sha256(byte[] bytes, int length) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(bytes, 0, length);
      return d.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
