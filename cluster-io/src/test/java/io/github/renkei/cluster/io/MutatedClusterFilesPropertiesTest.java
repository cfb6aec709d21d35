package io.github.renkei.cluster.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.FundingProgram;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.testing.ClusterArbitraries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Damaged cluster files — bytes flipped, lines cut or repeated, cells swapped, letters changed,
 * bytes inserted, the text re-encoded, a table renamed — are either refused with a
 * {@link ClusterFormatException} that names the damaged file, or read as exactly what they say:
 * every organization, relationship, need and program row of the damaged input is in the cluster
 * (counted, and the ids compared, by an independent lenient parse of the same bytes), and the
 * cluster writes and reads back equal in both formats. Never another exception, never a hang.
 *
 * <p>Tries come from {@code jqwik.tries.default}: 200 in the default run, 10,000 with
 * {@code -Pproperties}.
 */
class MutatedClusterFilesPropertiesTest {

  private static final Duration HANG = Duration.ofSeconds(20);
  private static Path base;

  @BeforeContainer
  static void createBase() throws IOException {
    // a RAM disk where there is one: every try writes files, and the writer forces each to disk
    Path shm = Path.of("/dev/shm");
    base = Files.isDirectory(shm) && Files.isWritable(shm)
        ? Files.createTempDirectory(shm, "renkei-fuzz") : Files.createTempDirectory("renkei-fuzz");
  }

  @AfterContainer
  static void deleteBase() throws IOException {
    delete(base);
  }

  /** What is done to the bytes of a file. */
  enum Kind {
    FLIP_BYTE, CHANGE_LETTER, DELETE_LINES, DUPLICATE_LINE, SWAP_CELLS, TRUNCATE, INSERT_BYTES, REENCODE, ADD_BOM,
    RENAME_FILE
  }

  /** One mutation, its positions drawn as plain numbers and reduced to the file at hand. */
  record Mutation(Kind kind, int a, int b, int c) {}

  @Provide
  Arbitrary<Cluster> clusters() {
    return ClusterArbitraries.clusters().withOrganizations(1, 6).withRelationships(0, 6).withNeeds(0, 3)
        .withPrograms(0, 2);
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Integer> n = Arbitraries.integers().between(0, Integer.MAX_VALUE);
    // weighted towards damage that may still read, so that the oracle of a successful read is exercised
    Arbitrary<Kind> kinds = Arbitraries.frequency(
        Tuple.of(3, Kind.DELETE_LINES), Tuple.of(3, Kind.CHANGE_LETTER), Tuple.of(2, Kind.ADD_BOM),
        Tuple.of(2, Kind.DUPLICATE_LINE), Tuple.of(2, Kind.SWAP_CELLS), Tuple.of(2, Kind.FLIP_BYTE),
        Tuple.of(2, Kind.INSERT_BYTES), Tuple.of(2, Kind.REENCODE), Tuple.of(1, Kind.TRUNCATE),
        Tuple.of(1, Kind.RENAME_FILE));
    return Combinators.combine(kinds, n, n, n).as(Mutation::new).list().ofMinSize(1).ofMaxSize(3);
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void aMutatedJsonFileIsRefusedNamingItOrReadAsWhatItSays(
      @ForAll("clusters") Cluster cluster, @ForAll("mutations") List<Mutation> mutations) throws IOException {
    byte[] bytes = ClusterJson.toJson(cluster).getBytes(StandardCharsets.UTF_8);
    for (Mutation m : mutations) {
      bytes = apply(bytes, m);
    }
    Path file = base.resolve("fuzz.json");
    Files.write(file, bytes);
    Cluster read = assertTimeoutPreemptively(HANG, () -> {
      try {
        return ClusterJson.read(file);
      } catch (ClusterFormatException e) {
        assertEquals(file.toString(), e.file(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return null;
      }
    });
    Statistics.collect(read == null ? "refused" : "read");
    if (read != null) {
      assertEveryJsonElementIsIn(bytes, read);
      assertRoundTrips(read);
    }
    // the oracle must be exercised: some damaged documents still say something readable
    Statistics.coverage(c -> c.check("read").percentage(p -> p >= 1));
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void aMutatedCsvFolderIsRefusedNamingTheFileOrReadAsWhatItSays(
      @ForAll("clusters") Cluster cluster, @ForAll("mutations") List<Mutation> mutations,
      @ForAll("fileIndexes") List<Integer> files) throws IOException {
    Path folder = Files.createTempDirectory(base, "csv");
    try {
      ClusterCsv.write(cluster, folder);
      for (int i = 0; i < mutations.size(); i++) {
        Mutation m = mutations.get(i);
        Path target = folder.resolve(ClusterCsv.FILES.get(files.get(i % files.size()) % ClusterCsv.FILES.size()));
        if (!Files.exists(target)) {
          continue;
        }
        if (m.kind() == Kind.RENAME_FILE) {
          String name = target.getFileName().toString();
          Files.move(target, folder.resolve(name.replace("s.csv", ".csv").replace("y.csv", "ies.csv")));
        } else {
          Files.write(target, apply(Files.readAllBytes(target), m));
        }
      }
      Cluster read = assertTimeoutPreemptively(HANG, () -> {
        try {
          return ClusterCsv.read(folder);
        } catch (ClusterFormatException e) {
          assertTrue(e.file().startsWith(folder.toString()) && !e.file().equals(folder.toString()),
              () -> "the error names a file of the folder: " + e.getMessage());
          assertTrue(e.getMessage().startsWith(e.file()), e.getMessage());
          return null;
        }
      });
      Statistics.collect(read == null ? "refused" : "read");
      if (read != null) {
        assertEveryCsvRowIsIn(folder, read);
        assertRoundTrips(read);
      }
      Statistics.coverage(c -> c.check("read").percentage(p -> p >= 1));
    } finally {
      delete(folder);
    }
  }

  @Provide
  Arbitrary<List<Integer>> fileIndexes() {
    return Arbitraries.integers().between(0, 3).list().ofMinSize(1).ofMaxSize(3);
  }

  // ---------------------------------------------------------------------------------- oracles

  private static void assertEveryJsonElementIsIn(byte[] bytes, Cluster read) throws IOException {
    String text = new String(bytes, StandardCharsets.UTF_8);
    JsonNode root = new ObjectMapper().readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    assertEquals(ids(root.path("organizations")), read.organizations().stream().map(o -> o.id().value())
        .collect(Collectors.toSet()));
    assertEquals(root.path("organizations").size(), read.organizations().size());
    assertEquals(root.path("relationships").size(), read.relationships().size());
    assertEquals(ids(root.path("needs")), read.needs().stream().map(n -> n.id().value()).collect(Collectors.toSet()));
    assertEquals(root.path("needs").size(), read.needs().size());
    assertEquals(ids(root.path("programs")),
        read.programs().stream().map(p -> p.id().value()).collect(Collectors.toSet()));
    assertEquals(root.path("programs").size(), read.programs().size());
  }

  private static Set<String> ids(JsonNode array) {
    Set<String> out = new HashSet<>();
    array.forEach(e -> out.add(e.path("id").asText()));
    return out;
  }

  private static void assertEveryCsvRowIsIn(Path folder, Cluster read) throws IOException {
    Map<String, List<String>> idsByFile = new TreeMap<>();
    Map<String, Integer> rowsByFile = new TreeMap<>();
    for (String name : List.of(ClusterCsv.ORGANIZATIONS, ClusterCsv.RELATIONSHIPS, ClusterCsv.NEEDS,
        ClusterCsv.PROGRAMS)) {
      Path file = folder.resolve(name);
      List<String> ids = new ArrayList<>();
      int rows = 0;
      if (Files.exists(file)) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try (CSVParser p = CSVParser.parse(text.startsWith("\uFEFF") ? text.substring(1) : text,
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get())) {
          List<CSVRecord> records = p.getRecords();
          int idAt = Arrays.asList(records.get(0).values()).stream().map(String::strip).toList().indexOf("id");
          for (CSVRecord r : records.subList(1, records.size())) {
            rows++;
            if (idAt >= 0) {
              ids.add(r.get(idAt));
            }
          }
        }
      }
      idsByFile.put(name, ids);
      rowsByFile.put(name, rows);
    }
    assertEquals(rowsByFile.get(ClusterCsv.ORGANIZATIONS), read.organizations().size());
    assertEquals(Set.copyOf(idsByFile.get(ClusterCsv.ORGANIZATIONS)),
        read.organizations().stream().map(o -> o.id().value()).collect(Collectors.toSet()));
    assertEquals(rowsByFile.get(ClusterCsv.RELATIONSHIPS), read.relationships().size());
    assertEquals(rowsByFile.get(ClusterCsv.NEEDS), read.needs().size());
    assertEquals(Set.copyOf(idsByFile.get(ClusterCsv.NEEDS)),
        read.needs().stream().map(n -> n.id().value()).collect(Collectors.toSet()));
    assertEquals(rowsByFile.get(ClusterCsv.PROGRAMS), read.programs().size());
    assertEquals(Set.copyOf(idsByFile.get(ClusterCsv.PROGRAMS)),
        read.programs().stream().map(p -> p.id().value()).collect(Collectors.toSet()));
  }

  /** What was read is a cluster the library writes and reads back equal, in both formats. */
  private static void assertRoundTrips(Cluster read) throws IOException {
    assertEquals(read, ClusterJson.fromJson("again.json", new StringReader(ClusterJson.toJson(read))));
    Path again = Files.createTempDirectory(base, "again");
    try {
      ClusterCsv.write(read, again);
      assertEquals(read, ClusterCsv.read(again));
    } finally {
      delete(again);
    }
    // the organizations, needs and programs hold what the ids say: nothing was mixed up between rows
    for (Organization o : read.organizations()) {
      assertEquals(o, read.organization(o.id()).orElseThrow());
    }
    for (Need n : read.needs()) {
      assertTrue(read.organization(n.requester()).isPresent());
    }
    for (FundingProgram p : read.programs()) {
      assertTrue(read.organization(p.sponsor()).isPresent());
    }
  }

  // -------------------------------------------------------------------------------- mutations

  private static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE,
      StandardCharsets.ISO_8859_1, Charset.forName("Shift_JIS"), Charset.forName("windows-1252"));

  static byte[] apply(byte[] bytes, Mutation m) {
    int len = bytes.length;
    switch (m.kind()) {
      case FLIP_BYTE -> {
        if (len == 0) {
          return bytes;
        }
        byte[] out = bytes.clone();
        out[m.a() % len] ^= (byte) (m.b() % 255 + 1);
        return out;
      }
      case CHANGE_LETTER -> {
        byte[] out = bytes.clone();
        for (int i = 0; i < len; i++) {
          int at = (m.a() + i) % len;
          if (Character.isLetter(out[at])) {
            out[at] = (byte) ((Character.isUpperCase(out[at]) ? 'A' : 'a') + m.b() % 26);
            return out;
          }
        }
        return out;
      }
      case DELETE_LINES -> {
        List<byte[]> lines = lines(bytes);
        int from = m.a() % lines.size();
        int to = Math.min(lines.size(), from + 1 + m.b() % 3);
        lines.subList(from, to).clear();
        return join(lines);
      }
      case DUPLICATE_LINE -> {
        List<byte[]> lines = lines(bytes);
        int at = m.a() % lines.size();
        lines.add(at, lines.get(at));
        return join(lines);
      }
      case SWAP_CELLS -> {
        List<byte[]> lines = lines(bytes);
        int at = m.a() % lines.size();
        List<byte[]> cells = split(lines.get(at), (byte) ',');
        if (cells.size() >= 2) {
          int i = m.b() % cells.size();
          int j = m.c() % cells.size();
          byte[] t = cells.get(i);
          cells.set(i, cells.get(j));
          cells.set(j, t);
          lines.set(at, joinWith(cells, (byte) ','));
        } else {
          int other = m.b() % lines.size();
          byte[] t = lines.get(at);
          lines.set(at, lines.get(other));
          lines.set(other, t);
        }
        return join(lines);
      }
      case TRUNCATE -> {
        return Arrays.copyOf(bytes, len == 0 ? 0 : m.a() % len);
      }
      case INSERT_BYTES -> {
        int at = len == 0 ? 0 : m.a() % (len + 1);
        byte[] inserted = {(byte) m.b(), (byte) (m.b() >> 8), (byte) m.c()};
        byte[] some = Arrays.copyOf(inserted, 1 + m.c() % 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(some);
        out.write(bytes, at, len - at);
        return out.toByteArray();
      }
      case REENCODE -> {
        return new String(bytes, StandardCharsets.UTF_8).getBytes(ENCODINGS.get(m.a() % ENCODINGS.size()));
      }
      case ADD_BOM -> {
        byte[] out = new byte[len + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(bytes, 0, out, 3, len);
        return out;
      }
      default -> {
        // a renamed file, in the CSV property; in one JSON document, the last line goes instead
        List<byte[]> lines = lines(bytes);
        lines.remove(lines.size() - 1);
        return join(lines);
      }
    }
  }

  /** The lines with their line ends; at least one (possibly empty). */
  private static List<byte[]> lines(byte[] bytes) {
    List<byte[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        out.add(Arrays.copyOfRange(bytes, start, i + 1));
        start = i + 1;
      }
    }
    if (start < bytes.length || out.isEmpty()) {
      out.add(Arrays.copyOfRange(bytes, start, bytes.length));
    }
    return out;
  }

  private static byte[] join(List<byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    parts.forEach(out::writeBytes);
    return out.toByteArray();
  }

  private static List<byte[]> split(byte[] line, byte separator) {
    List<byte[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < line.length; i++) {
      if (line[i] == separator) {
        out.add(Arrays.copyOfRange(line, start, i));
        start = i + 1;
      }
    }
    out.add(Arrays.copyOfRange(line, start, line.length));
    return out;
  }

  private static byte[] joinWith(List<byte[]> parts, byte separator) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        out.write(separator);
      }
      out.writeBytes(parts.get(i));
    }
    return out.toByteArray();
  }

  private static void delete(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
