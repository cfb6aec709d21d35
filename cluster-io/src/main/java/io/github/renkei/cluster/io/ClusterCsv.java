package io.github.renkei.cluster.io;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.model.AttributeKey;
import io.github.renkei.cluster.model.Attributes;
import io.github.renkei.cluster.model.Cluster;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.model.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Consumer;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A cluster as a folder of CSV files (RFC 4180, UTF-8, a header row, CRLF line ends):
 * {@value #ORGANIZATIONS}, {@value #RELATIONSHIPS}, {@value #NEEDS}, {@value #PROGRAMS} and
 * {@value #VOCABULARY}. Reading a written cluster gives an equal cluster.
 *
 * <pre>{@code
 * ClusterCsv.write(FukushimaSample.cluster(), Path.of("fukushima"));   // each file atomically
 * Cluster back = ClusterCsv.read(Path.of("fukushima"));
 * }</pre>
 *
 * <h2>Files</h2>
 * Each file starts with a header row naming its columns; columns may come in any order, and an
 * optional column may be left out (its value is then absent or its default). A column the
 * format does not know, a column named twice, a missing required column and a row with more or
 * fewer cells than the header are errors. Empty lines are skipped. {@value #ORGANIZATIONS} must
 * exist; a missing {@value #RELATIONSHIPS}, {@value #NEEDS}, {@value #PROGRAMS} or
 * {@value #VOCABULARY} means none. Any other file in the folder is an error naming it and the
 * expected names, so that a misnamed table ({@code relationship.csv}) is not skipped without a
 * word; ignored are hidden files (names starting with {@code .}: {@code .DS_Store}, temporary
 * files), files named {@code README*}, {@code LICENSE*}, {@code LICENCE*}, {@code NOTICE*},
 * {@code Thumbs.db} and {@code desktop.ini}, and sub-folders. {@link #write} always writes all
 * five files with every column, rows in the cluster's order.
 *
 * <h2>Codes, encoding, limits, memory</h2>
 * Codes are checked against the cluster's {@link Vocabulary} (the one given to
 * {@link #read(Path, Vocabulary)} together with {@value #VOCABULARY}) as each row is read, so
 * that a likely typo of a built-in code fails naming the file, line and column. Files are
 * strict UTF-8; a byte-order mark is skipped, and anything else fails naming the file, the line
 * and what the bytes look like (UTF-16, Latin-1, Shift_JIS). A cell holds at most
 * {@link ClusterJson#MAX_TEXT_LENGTH} characters, when writing as when reading. Rows are
 * streamed: memory holds the cluster being built, not the file.
 * The columns are the fields of {@link ClusterJson} in snake case; the same schema, with
 * examples, is in {@code cluster-io/CLUSTER-FORMAT.md}.
 *
 * <h2>Cells</h2>
 * An empty cell is an absent value. Enum cells hold the constant's name; a prefecture is its
 * constant name ({@code FUKUSHIMA}) or, on reading, also its JIS X 0401 code ({@code 07}).
 * Text cells (names, descriptions, sources) are taken as they are; other cells are stripped of
 * surrounding white space. A cell of several values joins them with {@code ;}, as the catalog's
 * files do. A capability, certification or licence is its code, or {@code CODE=label} when its
 * label is not the one the code gives. Budgets are {@code year=yen} pairs. Attributes are
 * {@code name=Type:value} entries with {@code Type} one of {@code String}, {@code Integer},
 * {@code Long}, {@code Double} ({@code NaN}, {@code Infinity} allowed) and {@code Boolean}; a
 * {@code Double} is written as {@link Double#toString(double)} does. In labels and attribute
 * names and values, {@code %}, {@code ;} and {@code =} are written {@code %25}, {@code %3B}
 * and {@code %3D}.
 *
 * <h2>{@value #ORGANIZATIONS}</h2>
 * <table class="striped">
 *   <caption>Columns of an organization</caption>
 *   <thead><tr><th>Column</th><th>Type</th><th>Required</th><th>Example</th></tr></thead>
 *   <tbody>
 *     <tr><td>id</td><td>organization id</td><td>yes</td><td>aizu-precision</td></tr>
 *     <tr><td>name</td><td>text, not blank</td><td>yes</td><td>Aizu Precision</td></tr>
 *     <tr><td>native_name</td><td>text, not blank</td><td>no</td><td>会津精密</td></tr>
 *     <tr><td>type</td><td>OrganizationType</td><td>yes</td><td>SME_MANUFACTURER</td></tr>
 *     <tr><td>prefecture</td><td>Prefecture</td><td>yes</td><td>FUKUSHIMA</td></tr>
 *     <tr><td>capabilities</td><td>capability codes</td><td>no</td><td>PRECISION_CUTTING;SURFACE_TREATMENT</td></tr>
 *     <tr><td>certifications</td><td>certification codes</td><td>no</td><td>ISO_13485</td></tr>
 *     <tr><td>licences</td><td>licence codes</td><td>no</td><td>jp.pmd.mfg.main-assembly</td></tr>
 *     <tr><td>capacity</td><td>integer &ge; 0</td><td>no, default 0</td><td>3</td></tr>
 *     <tr><td>min_lot_size</td><td>integer &ge; 1, with max_lot_size</td><td>no</td><td>10</td></tr>
 *     <tr><td>max_lot_size</td><td>integer &ge; min_lot_size</td><td>no</td><td>5000</td></tr>
 *     <tr><td>employees</td><td>integer &ge; 0</td><td>no</td><td>48</td></tr>
 *     <tr><td>founded_year</td><td>integer 1 to 9999</td><td>no</td><td>1972</td></tr>
 *     <tr><td>entry_stage</td><td>EntryStage</td><td>no, default NONE</td><td>OEM</td></tr>
 *     <tr><td>hub</td><td>true or false</td><td>no, default false</td><td>false</td></tr>
 *     <tr><td>attributes</td><td>name=Type:value entries</td><td>no</td>
 *         <td>crm.id=String:C-1042;sample.synthetic=Boolean:true</td></tr>
 *   </tbody>
 * </table>
 *
 * <h2>{@value #RELATIONSHIPS}</h2>
 * <table class="striped">
 *   <caption>Columns of a relationship</caption>
 *   <thead><tr><th>Column</th><th>Type</th><th>Required</th><th>Example</th></tr></thead>
 *   <tbody>
 *     <tr><td>from</td><td>organization id</td><td>yes</td><td>aizu-precision</td></tr>
 *     <tr><td>type</td><td>RelationshipType</td><td>yes</td><td>PARTS_SUPPLY</td></tr>
 *     <tr><td>to</td><td>organization id</td><td>yes</td><td>terumo</td></tr>
 *     <tr><td>start_year</td><td>integer 1 to 9999</td><td>yes</td><td>2008</td></tr>
 *     <tr><td>end_year</td><td>integer &ge; start_year</td><td>no</td><td>2012</td></tr>
 *   </tbody>
 * </table>
 *
 * <h2>{@value #NEEDS}</h2>
 * <table class="striped">
 *   <caption>Columns of a need</caption>
 *   <thead><tr><th>Column</th><th>Type</th><th>Required</th><th>Example</th></tr></thead>
 *   <tbody>
 *     <tr><td>id</td><td>need id</td><td>yes</td><td>n-catheter</td></tr>
 *     <tr><td>requester</td><td>organization id</td><td>yes</td><td>terumo</td></tr>
 *     <tr><td>kind</td><td>NeedKind</td><td>yes</td><td>OEM</td></tr>
 *     <tr><td>description</td><td>text, not blank</td><td>no</td><td>catheter hubs</td></tr>
 *     <tr><td>required_capabilities</td><td>capability codes</td><td>no</td><td>INJECTION_MOULDING</td></tr>
 *     <tr><td>required_certifications</td><td>certification codes</td><td>no</td><td>ISO_13485</td></tr>
 *     <tr><td>device_class</td><td>DeviceClass</td><td>no</td><td>II</td></tr>
 *     <tr><td>lot_size</td><td>integer &ge; 1</td><td>no</td><td>500</td></tr>
 *     <tr><td>preferred_prefecture</td><td>Prefecture</td><td>no</td><td>FUKUSHIMA</td></tr>
 *     <tr><td>preferred_block</td><td>RegionBlock</td><td>no</td><td>HOKKAIDO_TOHOKU</td></tr>
 *     <tr><td>deadline</td><td>ISO-8601 date</td><td>no</td><td>2026-03-31</td></tr>
 *     <tr><td>addressed_to</td><td>organization id, not the requester</td><td>no</td><td>aizu-precision</td></tr>
 *   </tbody>
 * </table>
 *
 * <h2>{@value #PROGRAMS}</h2>
 * <table class="striped">
 *   <caption>Columns of a funding program</caption>
 *   <thead><tr><th>Column</th><th>Type</th><th>Required</th><th>Example</th></tr></thead>
 *   <tbody>
 *     <tr><td>id</td><td>program id</td><td>yes</td><td>mext-cluster</td></tr>
 *     <tr><td>name</td><td>text, not blank</td><td>yes</td><td>Regional Innovation Cluster Program</td></tr>
 *     <tr><td>native_name</td><td>text, not blank</td><td>no</td><td>地域イノベーションクラスタープログラム</td></tr>
 *     <tr><td>sponsor</td><td>organization id</td><td>yes</td><td>mext</td></tr>
 *     <tr><td>level</td><td>FundingLevel</td><td>yes</td><td>NATIONAL</td></tr>
 *     <tr><td>purpose</td><td>FundingPurpose</td><td>yes</td><td>NETWORK_BUILDING</td></tr>
 *     <tr><td>first_year</td><td>integer 1 to 9999</td><td>no</td><td>2010</td></tr>
 *     <tr><td>last_year</td><td>integer &ge; first_year</td><td>no</td><td>2012</td></tr>
 *     <tr><td>budgets</td><td>year=yen pairs, yen &ge; 0</td><td>no</td><td>2010=200000000;2011=200000000</td></tr>
 *     <tr><td>eligible_sectors</td><td>Sector names (none: any)</td><td>no</td><td>INDUSTRY</td></tr>
 *     <tr><td>eligible_types</td><td>OrganizationType names (none: any)</td><td>no</td><td>SME_MANUFACTURER</td></tr>
 *     <tr><td>eligible_prefectures</td><td>Prefecture names (none: any)</td><td>no</td><td>FUKUSHIMA;MIYAGI</td></tr>
 *     <tr><td>source</td><td>text, not blank</td><td>no</td><td>https://www.mext.go.jp/</td></tr>
 *   </tbody>
 * </table>
 *
 * <h2>Errors</h2>
 * Reading throws {@link ClusterFormatException} at the first error, naming the file, the line
 * (1-based, as an editor counts it, also when a quoted cell spans lines), the column and the id
 * of the row (for a relationship, its {@code from}). Writing renders all four files before
 * writing any, so an attribute that cannot be written leaves the folder as it was; each file is
 * then written atomically, so no file is ever half-written under its final name. Methods are
 * static and thread-safe.
 */
public final class ClusterCsv {

  /** The file of organizations; required. */
  public static final String ORGANIZATIONS = "organizations.csv";
  /** The file of relationships; optional. */
  public static final String RELATIONSHIPS = "relationships.csv";
  /** The file of needs; optional. */
  public static final String NEEDS = "needs.csv";
  /** The file of funding programs; optional. */
  public static final String PROGRAMS = "programs.csv";
  /**
   * The file of the codes the cluster declares as its own (see {@link Vocabulary}); optional.
   * Columns {@code kind} ({@code capability}, {@code certification}, {@code licence} or
   * {@code prefix}) and {@code code}.
   */
  public static final String VOCABULARY = "vocabulary.csv";

  /** Every file a cluster folder may hold, in the order written. */
  public static final ImmutableList<String> FILES =
      ImmutableList.of(ORGANIZATIONS, RELATIONSHIPS, NEEDS, PROGRAMS, VOCABULARY);

  /** The columns of {@value #VOCABULARY}. */
  private static final ImmutableList<String> VOCABULARY_FIELDS = ImmutableList.of("kind", "code");
  private static final ImmutableMap<String, Vocabulary.Kind> VOCABULARY_KINDS = ImmutableMap.of(
      "capability", Vocabulary.Kind.CAPABILITY, "certification", Vocabulary.Kind.CERTIFICATION,
      "licence", Vocabulary.Kind.LICENCE);

  /** The columns of {@value #ORGANIZATIONS}, in the order written. */
  public static final ImmutableList<String> ORGANIZATION_COLUMNS = columns(Records.ORGANIZATION);
  /** The columns of {@value #RELATIONSHIPS}, in the order written. */
  public static final ImmutableList<String> RELATIONSHIP_COLUMNS = columns(Records.RELATIONSHIP);
  /** The columns of {@value #NEEDS}, in the order written. */
  public static final ImmutableList<String> NEED_COLUMNS = columns(Records.NEED);
  /** The columns of {@value #PROGRAMS}, in the order written. */
  public static final ImmutableList<String> PROGRAM_COLUMNS = columns(Records.PROGRAM);

  private static final CSVFormat WRITE_FORMAT = CSVFormat.RFC4180.builder().get();
  private static final CSVFormat READ_FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  private ClusterCsv() {}

  private static ImmutableList<String> columns(List<String> fields) {
    return fields.stream().map(Records::column).collect(ImmutableList.toImmutableList());
  }

  // ------------------------------------------------------------------------------------ writing

  /**
   * Writes a cluster as four CSV files in a folder, replacing files of those names. All four
   * are rendered first; then each is written atomically.
   *
   * @param cluster the cluster
   * @param folder the folder; created with its parents if it does not exist
   * @throws NullPointerException naming the argument that is null
   * @throws IllegalArgumentException naming the organization and the key if an attribute's
   *     value is not a String, Integer, Long, Double or Boolean; no file is then written
   * @throws UncheckedIOException naming the file or folder that cannot be written
   */
  public static void write(Cluster cluster, Path folder) {
    requireNonNull(cluster, "cluster");
    requireNonNull(folder, "folder");
    Map<String, String> files = new LinkedHashMap<>();
    files.put(ORGANIZATIONS, render(Records.ORGANIZATION, cluster.organizations(), Records::write));
    files.put(RELATIONSHIPS, render(Records.RELATIONSHIP, cluster.relationships(), Records::write));
    files.put(NEEDS, render(Records.NEED, cluster.needs(), Records::write));
    files.put(PROGRAMS, render(Records.PROGRAM, cluster.programs(), Records::write));
    files.put(VOCABULARY, vocabulary(cluster.vocabulary()));
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the folder " + folder + " (" + e + ")", e);
    }
    files.forEach((name, text) -> AtomicFiles.write(folder.resolve(name), out -> out.write(text)));
  }

  private static String vocabulary(Vocabulary v) {
    List<List<String>> rows = new ArrayList<>();
    VOCABULARY_KINDS.forEach((word, kind) -> v.declared(kind).forEach(code -> rows.add(List.of(word, code))));
    v.prefixes().forEach(p -> rows.add(List.of("prefix", p)));
    return render(VOCABULARY_FIELDS, rows, (row, out) -> {
      out.text("kind", row.get(0));
      out.text("code", row.get(1));
    });
  }

  private static <T> String render(List<String> fields, Collection<T> values, BiConsumer<T, Records.Out> write) {
    StringBuilder text = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(text, WRITE_FORMAT)) {
      printer.printRecord(columns(fields));
      for (T v : values) {
        CsvOut out = new CsvOut();
        write.accept(v, out);
        List<String> row = new ArrayList<>(fields.size());
        for (String f : fields) {
          String cell = out.cells.getOrDefault(f, "");
          if (cell.length() > Records.MAX_TEXT_LENGTH) {
            String id = out.cells.getOrDefault("id", out.cells.get("from"));
            throw new IllegalArgumentException("cannot write '" + id + "': its column '" + Records.column(f) + "' has "
                + cell.length() + " characters, more than the " + Records.MAX_TEXT_LENGTH
                + " the cluster files allow");
          }
          row.add(cell);
        }
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render CSV (" + e + ")", e);
    }
    return text.toString();
  }

  /** Escapes the characters that separate entries and their parts. */
  static String escape(String s) {
    if (s.indexOf('%') < 0 && s.indexOf(';') < 0 && s.indexOf('=') < 0) {
      return s;
    }
    return s.replace("%", "%25").replace(";", "%3B").replace("=", "%3D");
  }

  /** Undoes {@link #escape}; any other use of {@code %} is an error. */
  static String unescape(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      String code = i + 3 <= s.length() ? s.substring(i + 1, i + 3).toUpperCase(java.util.Locale.ROOT) : "";
      switch (code) {
        case "25" -> out.append('%');
        case "3B" -> out.append(';');
        case "3D" -> out.append('=');
        default -> throw new IllegalArgumentException(
            "'%' must start %25, %3B or %3D but '" + s.substring(i, Math.min(s.length(), i + 3)) + "' does not");
      }
      i += 2;
    }
    return out.toString();
  }

  /** Collects the cells of one row, by field. */
  private static final class CsvOut implements Records.Out {
    final Map<String, String> cells = new HashMap<>();

    @Override
    public void text(String field, String value) {
      cells.put(field, value);
    }

    @Override
    public void integer(String field, int value) {
      cells.put(field, Integer.toString(value));
    }

    @Override
    public void bool(String field, boolean value) {
      cells.put(field, Boolean.toString(value));
    }

    @Override
    public void names(String field, List<String> values) {
      cells.put(field, String.join(";", values));
    }

    @Override
    public void codes(String field, List<Records.Coded> values) {
      List<String> parts = new ArrayList<>(values.size());
      for (Records.Coded c : values) {
        parts.add(c.label() == null ? c.code() : c.code() + "=" + escape(c.label()));
      }
      cells.put(field, String.join(";", parts));
    }

    @Override
    public void budgets(String field, Map<Integer, Long> yenByYear) {
      List<String> parts = new ArrayList<>(yenByYear.size());
      yenByYear.forEach((year, yen) -> parts.add(year + "=" + yen));
      cells.put(field, String.join(";", parts));
    }

    @Override
    public void attributes(String field, Attributes attributes, String organization) {
      List<String> parts = new ArrayList<>(attributes.asMap().size());
      for (Map.Entry<AttributeKey<?>, Object> e : attributes.asMap().entrySet()) {
        String type = Records.attributeType(organization, e.getKey(), e.getValue());
        parts.add(escape(e.getKey().name()) + "=" + type + ":" + escape(e.getValue().toString()));
      }
      cells.put(field, String.join(";", parts));
    }
  }

  // ------------------------------------------------------------------------------------ reading

  /**
   * Reads a cluster from a folder of CSV files, with the vocabulary of {@value #VOCABULARY} if
   * the folder has one.
   *
   * @param folder the folder
   * @return the cluster
   * @throws NullPointerException if the folder is null
   * @throws ClusterFormatException naming the file, line, column and id of the first error,
   *     naming {@value #ORGANIZATIONS} if it is missing, or naming a file the folder should not
   *     hold
   * @throws UncheckedIOException naming the file that cannot be read
   */
  public static Cluster read(Path folder) {
    return read(folder, Vocabulary.standard());
  }

  /**
   * Reads a cluster from a folder of CSV files, accepting the codes a vocabulary declares in
   * addition to those of {@value #VOCABULARY}.
   *
   * @param folder the folder
   * @param vocabulary codes the caller declares (for example one vocabulary shared by many
   *     cluster folders); {@link Vocabulary#standard()} for none
   * @return the cluster, whose {@link Cluster#vocabulary()} is the union of both vocabularies
   * @throws NullPointerException naming the argument that is null
   * @throws ClusterFormatException naming the file, line, column and id of the first error,
   *     naming {@value #ORGANIZATIONS} if it is missing, or naming a file the folder should not
   *     hold
   * @throws UncheckedIOException naming the file that cannot be read
   */
  public static Cluster read(Path folder, Vocabulary vocabulary) {
    requireNonNull(folder, "folder");
    requireNonNull(vocabulary, "vocabulary");
    Path organizations = folder.resolve(ORGANIZATIONS);
    if (!Files.exists(organizations)) {
      throw new ClusterFormatException(organizations.toString(), 0, null, null,
          "the file is missing; a cluster folder holds at least " + ORGANIZATIONS
              + (Files.isDirectory(folder) ? "" : " (and " + folder + " is not a folder)"));
    }
    checkNoStrangers(folder);
    Vocabulary.Builder declared = Vocabulary.builder().addAll(vocabulary);
    Table.readIfExists(folder.resolve(VOCABULARY), VOCABULARY_FIELDS, Set.copyOf(VOCABULARY_FIELDS), "code",
        in -> declare(declared, in));
    Vocabulary v = declared.build();
    Assembly assembly = new Assembly(folder.toString(), v);
    Table.read(organizations, Records.ORGANIZATION, Records.ORGANIZATION_REQUIRED, "id",
        in -> assembly.add(Records.organization(in, v), in));
    Table.readIfExists(folder.resolve(RELATIONSHIPS), Records.RELATIONSHIP, Records.RELATIONSHIP_REQUIRED, "from",
        in -> assembly.add(Records.relationship(in), in));
    Table.readIfExists(folder.resolve(NEEDS), Records.NEED, Records.NEED_REQUIRED, "id",
        in -> assembly.add(Records.need(in, v), in));
    Table.readIfExists(folder.resolve(PROGRAMS), Records.PROGRAM, Records.PROGRAM_REQUIRED, "id",
        in -> assembly.add(Records.program(in), in));
    return assembly.build();
  }

  private static void declare(Vocabulary.Builder declared, CsvIn in) {
    String kind = in.required("kind").strip();
    String code = in.required("code").strip();
    try {
      if (kind.equals("prefix")) {
        declared.prefix(code);
      } else {
        Vocabulary.Kind k = VOCABULARY_KINDS.get(kind);
        if (k == null) {
          throw in.fail("kind", "unknown kind '" + kind + "' (expected one of " + VOCABULARY_KINDS.keySet()
              + " or prefix)");
        }
        declared.declare(k, code);
      }
    } catch (IllegalArgumentException e) {
      if (e instanceof ClusterFormatException f) {
        throw f;
      }
      throw in.fail("code", e.getMessage());
    }
  }

  /**
   * Fails on a file the folder should not hold: a misnamed table ({@code relationship.csv})
   * would otherwise be skipped without a word, leaving a cluster without its ties.
   */
  private static void checkNoStrangers(Path folder) {
    List<Path> strangers = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (!FILES.contains(name) && !ignored(name) && !Files.isDirectory(p)) {
          strangers.add(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the folder " + folder + " (" + e + ")", e);
    }
    if (strangers.isEmpty()) {
      return;
    }
    strangers.sort(Comparator.comparing(p -> p.getFileName().toString()));
    Path first = strangers.get(0);
    String name = first.getFileName().toString();
    String guess = FILES.stream()
        .filter(f -> commonPrefix(f, name.toLowerCase(Locale.ROOT)) >= 4)
        .max(Comparator.comparingInt(f -> commonPrefix(f, name.toLowerCase(Locale.ROOT))))
        .map(f -> "did you mean " + f + "? ")
        .orElse("");
    throw new ClusterFormatException(first.toString(), 0, null, null, "unknown file in a cluster folder; " + guess
        + "a cluster folder holds " + FILES + " (files whose names start with '.', README, LICENSE or NOTICE, "
        + "and sub-folders, are ignored)" + (strangers.size() > 1 ? "; other unknown files: "
            + strangers.subList(1, strangers.size()).stream().map(p -> p.getFileName().toString()).toList() : ""));
  }

  private static int commonPrefix(String a, String b) {
    int n = 0;
    while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
      n++;
    }
    return n;
  }

  /** Hidden files (.DS_Store, editors' and atomic writes' temporary files), and a folder's own documentation. */
  private static boolean ignored(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return name.startsWith(".") || upper.startsWith("README") || upper.startsWith("LICENSE")
        || upper.startsWith("LICENCE") || upper.startsWith("NOTICE") || upper.equals("THUMBS.DB")
        || upper.equals("DESKTOP.INI");
  }

  /** Reads a file's rows one at a time, checking the header and the number of cells. */
  private static final class Table {

    private Table() {}

    static void readIfExists(Path file, List<String> fields, Set<String> required, String idField,
        Consumer<CsvIn> rows) {
      if (Files.exists(file)) {
        read(file, fields, required, idField, rows);
      }
    }

    /**
     * Streams the rows to a consumer: no row is kept after it is handed over, so reading a file
     * of a million rows needs memory for the cluster, not for the file's text.
     */
    static void read(Path file, List<String> fields, Set<String> required, String idField, Consumer<CsvIn> rows) {
      String name = file.toString();
      Map<String, String> fieldOfColumn = new HashMap<>();
      for (String f : fields) {
        fieldOfColumn.put(Records.column(f), f);
      }
      InputStream bytes;
      try {
        bytes = Files.newInputStream(file);
      } catch (NoSuchFileException e) {
        throw new ClusterFormatException(name, 0, null, null, "the file is missing");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + " (" + e + ")", e);
      }
      try (Utf8Input text = new Utf8Input(name, bytes);
          CSVParser parser = CSVParser.parse(text, READ_FORMAT)) {
        List<String> header = null;
        for (CSVRecord record : parser) {
          int line = text.lineOf(record.getCharacterPosition());
          if (header == null) {
            header = header(name, line, record, fields, fieldOfColumn, required);
            continue;
          }
          String[] cells = record.values();
          int idAt = header.indexOf(idField);
          String id = idAt >= 0 && idAt < cells.length && !cells[idAt].isEmpty() ? cells[idAt] : null;
          if (cells.length != header.size()) {
            throw new ClusterFormatException(name, line, null, id, "expected " + header.size()
                + " cells as in the header but found " + cells.length
                + (cells.length > header.size() ? " (a cell beyond the last column '"
                    + Records.column(header.get(header.size() - 1)) + "')" : ""));
          }
          Map<String, String> byField = new HashMap<>();
          for (int i = 0; i < cells.length; i++) {
            if (cells[i].length() > Records.MAX_TEXT_LENGTH) {
              throw new ClusterFormatException(name, line, Records.column(header.get(i)), id, "the cell has "
                  + cells[i].length() + " characters, more than the " + Records.MAX_TEXT_LENGTH
                  + " the cluster files allow");
            }
            byField.put(header.get(i), cells[i]);
          }
          rows.accept(new CsvIn(name, line, byField, idField));
        }
        if (header == null) {
          throw new ClusterFormatException(name, 1, null, null,
              "the file has no header row (expected the columns " + columns(fields) + ")");
        }
      } catch (UncheckedIOException | IOException e) {
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        throw ClusterFormatException.inColumn(name, 0, null, null, "malformed CSV: " + cause.getMessage(), e);
      }
    }

    /** Checks the header and returns the field of each column. */
    private static List<String> header(String file, int line, CSVRecord record, List<String> fields,
        Map<String, String> fieldOfColumn, Set<String> required) {
      List<String> header = new ArrayList<>();
      for (String cell : record.values()) {
        String column = cell.strip();
        String field = fieldOfColumn.get(column);
        if (field == null) {
          throw new ClusterFormatException(file, line, column, null,
              "unknown column (the file has the columns " + columns(fields) + ")");
        }
        if (header.contains(field)) {
          throw new ClusterFormatException(file, line, column, null, "the column is named twice in the header");
        }
        header.add(field);
      }
      for (String r : required) {
        if (!header.contains(r)) {
          throw new ClusterFormatException(file, line, Records.column(r), null,
              "the required column is missing from the header " + Arrays.toString(record.values()));
        }
      }
      return header;
    }
  }

  /** One row of a file. */
  private static final class CsvIn implements Records.In {
    private final String file;
    private final int line;
    private final Map<String, String> cells;
    private final String id;

    CsvIn(String file, int line, Map<String, String> cells, String idField) {
      this.file = file;
      this.line = line;
      this.cells = cells;
      String raw = cells.get(idField);
      this.id = raw == null || raw.isEmpty() ? null : raw;
    }

    @Override
    public int line() {
      return line;
    }

    @Override
    public ClusterFormatException fail(String field, String problem) {
      return new ClusterFormatException(file, line, field == null ? null : Records.column(field), id, problem);
    }

    @Override
    public Optional<String> text(String field) {
      String v = cells.get(field);
      return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private Optional<String> stripped(String field) {
      return text(field).map(String::strip).filter(s -> !s.isEmpty());
    }

    @Override
    public OptionalInt integer(String field, int min, int max) {
      Optional<String> v = stripped(field);
      if (v.isEmpty()) {
        return OptionalInt.empty();
      }
      int n;
      try {
        n = Integer.parseInt(v.get());
      } catch (NumberFormatException e) {
        throw fail(field, "not a whole number: '" + v.get() + "'");
      }
      if (n < min || n > max) {
        throw fail(field, "must be between " + min + " and " + max + " but was " + n);
      }
      return OptionalInt.of(n);
    }

    @Override
    public Optional<Boolean> bool(String field) {
      return stripped(field).map(v -> switch (v) {
        case "true" -> true;
        case "false" -> false;
        default -> throw fail(field, "must be true or false but was '" + v + "'");
      });
    }

    private List<String> entries(String field) {
      List<String> out = new ArrayList<>();
      text(field).ifPresent(v -> {
        for (String e : v.split(";", -1)) {
          if (!e.isBlank()) {
            out.add(e);
          }
        }
      });
      return out;
    }

    @Override
    public List<String> names(String field) {
      return entries(field).stream().map(String::strip).toList();
    }

    @Override
    public List<Records.Coded> codes(String field) {
      List<Records.Coded> out = new ArrayList<>();
      for (String e : entries(field)) {
        int eq = e.indexOf('=');
        try {
          out.add(eq < 0 ? new Records.Coded(e.strip(), null)
              : new Records.Coded(e.substring(0, eq).strip(), unescape(e.substring(eq + 1))));
        } catch (IllegalArgumentException x) {
          throw fail(field, x.getMessage());
        }
      }
      return out;
    }

    @Override
    public Map<Integer, Long> budgets(String field) {
      Map<Integer, Long> out = new TreeMap<>();
      for (String e : entries(field)) {
        String[] kv = e.strip().split("=", -1);
        if (kv.length != 2) {
          throw fail(field, "expected year=yen pairs separated by ';' but found '" + e.strip() + "'");
        }
        int year;
        long yen;
        try {
          year = Integer.parseInt(kv[0].strip());
          yen = Long.parseLong(kv[1].strip());
        } catch (NumberFormatException x) {
          throw fail(field, "not a whole number in '" + e.strip() + "'");
        }
        if (out.put(year, yen) != null) {
          throw fail(field, "the budget of " + year + " is listed more than once");
        }
      }
      return out;
    }

    @Override
    public Attributes attributes(String field) {
      Attributes out = Attributes.empty();
      for (String e : entries(field)) {
        int eq = e.indexOf('=');
        int colon = eq < 0 ? -1 : e.indexOf(':', eq);
        if (colon < 0) {
          throw fail(field, "expected name=Type:value but found '" + e + "'");
        }
        try {
          out = Records.withAttribute(out, unescape(e.substring(0, eq).strip()), e.substring(eq + 1, colon).strip(),
              unescape(e.substring(colon + 1)));
        } catch (IllegalArgumentException x) {
          throw fail(field, x.getMessage());
        }
      }
      return out;
    }
  }
}
