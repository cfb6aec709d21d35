package io.github.renkei.cluster.io;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.ResultRow;
import io.github.renkei.cluster.simulation.ResultSink;
import io.github.renkei.cluster.simulation.RunInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams an experiment's rows to a CSV file, which appears under its name only when the
 * experiment completed.
 *
 * <pre>{@code
 * Experiment.of(baseline)
 *     .grid(Grid.of(ROTATION, 2, 3, 5))
 *     .replications(200)
 *     .seed(42)
 *     .sink(CsvSink.to(Path.of("results", "rows.csv")))
 *     .run();
 * }</pre>
 *
 * <h2>The file</h2>
 * UTF-8, RFC 4180 (comma-separated, CRLF line ends, fields quoted only where needed), with a
 * header row. The columns are {@link #COLUMNS} — {@code run, scenario, point, replication, step,
 * time, metric, value} — followed by one column per parameter of the grid, named after it, in the
 * grid's order, holding the row's value of that parameter. Numbers of type {@code Double}
 * (the values and real parameters) are written with {@link Double#toString(double)}, which reads
 * back to the identical double; enum parameters are written as their {@link Enum#name() name};
 * other parameter values with {@code toString()}. Parameters outside the grid are not written:
 * they have their scenario's default value, which the {@link RunManifest run manifest} records.
 *
 * <h2>Atomicity</h2>
 * {@link #begin} opens a temporary file beside the target (see {@link AtomicFile}) — so a
 * directory that does not exist or cannot be written fails the experiment before it does any
 * work. The rows are buffered, not flushed one by one. If the experiment completes, {@link #end}
 * forces the file to disk and renames it onto the target, replacing any previous file; if it
 * does not, {@code end} deletes the temporary file and leaves a previous file at the target
 * untouched.
 *
 * <p>A sink is for one run: create a new one for each {@link
 * io.github.renkei.cluster.simulation.Experiment#run() run}. {@link #read(Path, Collection)}
 * loads a file back.
 */
public final class CsvSink implements ResultSink {

  /** The columns every file starts with, in order; the grid's parameters follow them. */
  public static final List<String> COLUMNS =
      List.of("run", "scenario", "point", "replication", "step", "time", "metric", "value");

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().get();

  private enum State {
    NEW,
    OPEN,
    ENDED
  }

  private final Path file;
  private State state = State.NEW;
  private AtomicFile out;
  private CSVPrinter printer;
  private String[] axes;

  private CsvSink(Path file) {
    this.file = file;
  }

  /**
   * Creates a sink that writes to a file. Nothing is touched until the experiment begins.
   *
   * <pre>{@code
   * ResultSink csv = CsvSink.to(Path.of("results", "rows.csv"));
   * }</pre>
   *
   * @param file the CSV file; its directory must exist when the experiment begins
   * @return the sink
   * @throws NullPointerException if the file is null
   */
  public static CsvSink to(Path file) {
    return new CsvSink(requireNonNull(file, "file"));
  }

  /**
   * Returns the file this sink writes.
   *
   * @return the file, as given
   */
  public Path file() {
    return file;
  }

  /**
   * Opens the temporary file and writes the header.
   *
   * @param run the experiment; the parameters of its first grid point name the extra columns
   * @throws IllegalStateException if this sink has already begun
   * @throws IllegalArgumentException if a grid parameter has the name of one of the
   *     {@link #COLUMNS}
   * @throws UncheckedIOException naming the directory if it does not exist, or naming the file if
   *     the temporary file cannot be created or written
   */
  @Override
  public void begin(RunInfo run) {
    requireNonNull(run, "run");
    if (state != State.NEW) {
      throw new IllegalStateException("the CSV sink of " + file + " has already begun; a sink is for one run");
    }
    List<String> names = run.grid().isEmpty() ? List.of() : List.copyOf(run.grid().get(0).keySet());
    for (String name : names) {
      if (COLUMNS.contains(name)) {
        throw new IllegalArgumentException("cannot write " + file + ": the grid parameter '" + name
            + "' has the name of one of the CSV's columns " + COLUMNS + "; rename the parameter");
      }
    }
    state = State.ENDED; // until the file is open: a failed begin leaves nothing to end
    axes = names.toArray(new String[0]);
    out = AtomicFile.open(file);
    try {
      printer = new CSVPrinter(out.writer(), FORMAT);
      List<String> header = new ArrayList<>(COLUMNS);
      header.addAll(names);
      printer.printRecord(header);
    } catch (IOException e) {
      UncheckedIOException failure = new UncheckedIOException("cannot write " + file + " (" + e + ")", e);
      abortAfter(failure);
      throw failure;
    } catch (RuntimeException | Error e) {
      abortAfter(e);
      throw e;
    }
    state = State.OPEN;
  }

  private void abortAfter(Throwable failure) {
    try {
      out.abort();
    } catch (RuntimeException suppressed) {
      failure.addSuppressed(suppressed);
    }
  }

  /**
   * Writes a row (buffered).
   *
   * @param row the row
   * @throws IllegalStateException if the sink has not begun or has ended
   * @throws IllegalArgumentException if the row has no value for a grid parameter
   * @throws UncheckedIOException naming the file if writing fails
   */
  @Override
  public void accept(ResultRow row) {
    requireNonNull(row, "row");
    if (state != State.OPEN) {
      throw new IllegalStateException("the CSV sink of " + file + (state == State.NEW ? " has not begun" : " has ended"));
    }
    try {
      printer.print(row.run());
      printer.print(row.scenario());
      printer.print(Integer.toString(row.point()));
      printer.print(Integer.toString(row.replication()));
      printer.print(Integer.toString(row.step()));
      printer.print(row.time());
      printer.print(row.metric());
      printer.print(Double.toString(row.value()));
      for (String axis : axes) {
        Object v = row.parameters().get(axis);
        if (v == null) {
          throw new IllegalArgumentException("cannot write " + file + ": the row " + row
              + " has no value of the grid parameter '" + axis + "'");
        }
        printer.print(format(v));
      }
      printer.println();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + " (" + e + ")", e);
    }
  }

  private static String format(Object value) {
    if (value instanceof Double) {
      return Double.toString((Double) value);
    }
    if (value instanceof Enum) {
      return ((Enum<?>) value).name();
    }
    return value.toString();
  }

  /**
   * Finishes the file: if the experiment completed, forces it to disk and renames it onto the
   * target; otherwise deletes the temporary file and leaves the target as it was. Calling it
   * again does nothing.
   *
   * @param run the experiment
   * @param completed whether the experiment completed
   * @throws IllegalStateException if the sink has not begun
   * @throws UncheckedIOException naming the file if it cannot be finished (the target is then as
   *     it was)
   */
  @Override
  public void end(RunInfo run, boolean completed) {
    if (state == State.NEW) {
      throw new IllegalStateException("the CSV sink of " + file + " has not begun");
    }
    if (state == State.ENDED) {
      return;
    }
    state = State.ENDED;
    if (!completed) {
      out.abort();
      return;
    }
    try {
      printer.flush();
    } catch (IOException e) {
      UncheckedIOException failure = new UncheckedIOException("cannot write " + file + " (" + e + ")", e);
      abortAfter(failure);
      throw failure;
    }
    out.commit();
  }

  /**
   * Reads a file this sink wrote; the grid parameters' values come back as the strings in the
   * file. To get them typed, use {@link #read(Path, Collection)}.
   *
   * <pre>{@code
   * for (ResultRow row : CsvSink.read(Path.of("results", "rows.csv"))) {
   *   String rotation = (String) row.parameters().get("rotation");
   * }
   * }</pre>
   *
   * @param file the CSV file
   * @return its rows, in file order; each row's {@link ResultRow#parameters() parameters} hold
   *     the grid's parameters only, as {@code String}s
   * @throws NullPointerException if the file is null
   * @throws UncheckedIOException naming the file if it cannot be read
   * @throws IllegalArgumentException naming the file and the record if the content is not such a
   *     CSV
   */
  public static List<ResultRow> read(Path file) {
    return read(file, null);
  }

  /**
   * Reads a file this sink wrote, parsing the grid parameters' values with the parameters'
   * {@link Parameter#parse(String) parse} — which gives back the values written for the
   * parameters {@link Parameter#real real}, {@link Parameter#integer integer},
   * {@link Parameter#flag flag} and {@link Parameter#choice choice}, and for a custom
   * {@link Parameter#of parameter} whose parser reads what its values' {@code toString()} writes.
   *
   * <pre>{@code
   * List<ResultRow> rows = CsvSink.read(Path.of("results", "rows.csv"), grid.axes());
   * int rotation = (Integer) rows.get(0).parameters().get("rotation");
   * }</pre>
   *
   * @param file the CSV file
   * @param parameters the parameters of the grid (more are fine: a scenario's
   *     {@link io.github.renkei.cluster.simulation.Scenario#parameters() parameters}, say)
   * @return its rows, in file order; each row's {@link ResultRow#parameters() parameters} hold
   *     the grid's parameters only
   * @throws NullPointerException naming the argument that is null
   * @throws UncheckedIOException naming the file if it cannot be read
   * @throws IllegalArgumentException naming the file and the record if the content is not such a
   *     CSV, a column names none of the parameters, or a value is not one the parameter admits
   */
  public static List<ResultRow> read(Path file, Collection<? extends Parameter<?>> parameters) {
    requireNonNull(file, "file");
    Map<String, Parameter<?>> byName = null;
    if (parameters != null) {
      byName = new LinkedHashMap<>();
      for (Parameter<?> p : parameters) {
        byName.put(requireNonNull(p, "parameter").name(), p);
      }
    }
    List<ResultRow> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, FORMAT)) {
      List<String> axes = null;
      Parameter<?>[] typed = null;
      for (CSVRecord record : parser) {
        if (axes == null) {
          axes = header(file, record);
          typed = new Parameter<?>[axes.size()];
          for (int a = 0; a < axes.size() && byName != null; a++) {
            typed[a] = byName.get(axes.get(a));
            if (typed[a] == null) {
              throw new IllegalArgumentException(file + ": the column '" + axes.get(a)
                  + "' names none of the parameters " + byName.keySet());
            }
          }
          continue;
        }
        rows.add(row(file, record, axes, typed));
      }
      if (axes == null) {
        throw new IllegalArgumentException(file + " is empty: it has no header " + COLUMNS);
      }
    } catch (CSVException e) {
      throw notCsv(file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " (" + e + ")", e);
    } catch (UncheckedIOException e) {
      // while iterating, Commons CSV wraps what goes wrong: a malformed record, or a read error
      if (e.getCause() instanceof CSVException) {
        throw notCsv(file, e.getCause());
      }
      throw new UncheckedIOException("cannot read " + file + " (" + e.getCause() + ")", e.getCause());
    }
    return Collections.unmodifiableList(rows);
  }

  private static IllegalArgumentException notCsv(Path file, Throwable e) {
    return new IllegalArgumentException(file + " is not a CSV file of results: " + e.getMessage(), e);
  }

  private static List<String> header(Path file, CSVRecord record) {
    List<String> header = record.toList();
    if (header.size() < COLUMNS.size() || !header.subList(0, COLUMNS.size()).equals(COLUMNS)) {
      throw new IllegalArgumentException(file + " is not a CSV file of results: its header is " + header
          + " but must start with " + COLUMNS);
    }
    return List.copyOf(header.subList(COLUMNS.size(), header.size()));
  }

  private static ResultRow row(Path file, CSVRecord record, List<String> axes, Parameter<?>[] typed) {
    int columns = COLUMNS.size() + axes.size();
    if (record.size() != columns) {
      throw new IllegalArgumentException(file + ", record " + record.getRecordNumber() + ": " + record.size()
          + " fields but the header has " + columns);
    }
    ImmutableMap.Builder<String, Object> parameters = ImmutableMap.builderWithExpectedSize(axes.size());
    for (int a = 0; a < axes.size(); a++) {
      String text = record.get(COLUMNS.size() + a);
      Object value = text;
      if (typed[a] != null) {
        try {
          value = typed[a].parse(text);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ", record " + record.getRecordNumber() + ": " + e.getMessage(), e);
        }
      }
      parameters.put(axes.get(a), value);
    }
    double value = number(file, record, 7);
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(file + ", record " + record.getRecordNumber() + ": the value "
          + record.get(7) + " is not finite");
    }
    return new ResultRow(record.get(0), record.get(1), integer(file, record, 2), parameters.buildOrThrow(),
        integer(file, record, 3), integer(file, record, 4), record.get(5), record.get(6), value);
  }

  private static int integer(Path file, CSVRecord record, int column) {
    try {
      return Integer.parseInt(record.get(column));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + ", record " + record.getRecordNumber() + ": the "
          + COLUMNS.get(column) + " '" + record.get(column) + "' is not an integer", e);
    }
  }

  private static double number(Path file, CSVRecord record, int column) {
    try {
      return Double.parseDouble(record.get(column));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + ", record " + record.getRecordNumber() + ": the "
          + COLUMNS.get(column) + " '" + record.get(column) + "' is not a number", e);
    }
  }

  /** Returns the file and whether the sink is new, open or ended. */
  @Override
  public String toString() {
    return "CsvSink[" + file + ", " + state.name().toLowerCase(Locale.ROOT) + "]";
  }
}
