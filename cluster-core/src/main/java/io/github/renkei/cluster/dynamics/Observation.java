package io.github.renkei.cluster.dynamics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.github.renkei.cluster.internal.Suggestions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/**
 * One observed figure of a region, as a source states it, with the scenario metric it is
 * compared with: for example 50 registered manufacturers in Fukushima in FY2011.
 *
 * <pre>{@code
 * List<Observation> observed = Observation.fukushima();        // up to FY2016, with sources
 * List<Observation> mine = Observation.read("mine.tsv", reader); // the same format, your region
 * }</pre>
 *
 * <p>The file format: UTF-8, tab-separated, {@code #} comment lines and blank lines skipped,
 * the header {@code series metric year value unit as_of source note}, then one row per figure.
 *
 * @param series the source's series name ({@code md_manufacturer_registrations})
 * @param metric the scenario metric it is compared with ({@code registered-manufacturers})
 * @param year the year of the figure
 * @param value the figure, finite
 * @param unit its unit
 * @param asOf {@code end} for a year's figure, or the date the source gives
 * @param source where it is published
 * @param note what else the source says
 */
public record Observation(String series, String metric, int year, double value, String unit, String asOf,
    String source, String note) {

  /** The columns of the file format. */
  public static final ImmutableList<String> COLUMNS =
      ImmutableList.of("series", "metric", "year", "value", "unit", "as_of", "source", "note");

  private static final String FUKUSHIMA = "fukushima-observed.tsv";

  /**
   * Checks the figure.
   *
   * @param series the source's series name
   * @param metric the scenario metric it is compared with
   * @param year the year of the figure
   * @param value the figure, finite
   * @param unit its unit
   * @param asOf {@code end} for a year's figure, or the date the source gives
   * @param source where it is published
   * @param note what else the source says
   * @throws IllegalArgumentException naming the series and year if the value is not finite or a
   *     name is blank
   */
  public Observation {
    checkNotNull(series, "series");
    checkNotNull(metric, "metric");
    checkNotNull(unit, "unit");
    checkNotNull(asOf, "asOf");
    checkNotNull(source, "source");
    checkNotNull(note, "note");
    checkArgument(!series.isBlank() && !metric.isBlank(), "series and metric must not be blank: '%s', '%s'", series,
        metric);
    checkArgument(Double.isFinite(value), "%s %s: value must be finite but was %s", series, year, value);
  }

  /**
   * The observed Fukushima figures up to FY2016 shipped with the library (the series the
   * Fukushima scenario simulates; the project's shared data has more). Where two sources
   * disagree both rows are kept.
   *
   * @return the observations, in file order
   */
  public static ImmutableList<Observation> fukushima() {
    InputStream in = Observation.class.getResourceAsStream(FUKUSHIMA);
    if (in == null) {
      throw new IllegalStateException("resource " + FUKUSHIMA + " is missing from the library");
    }
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return read(FUKUSHIMA, r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads observations in the file format above.
   *
   * @param file the file's name, for messages
   * @param reader the text
   * @return the observations, in file order
   * @throws IllegalArgumentException naming the file, the line and the field on a wrong header,
   *     a wrong number of fields, a year or value that is not a number
   * @throws UncheckedIOException if reading fails
   */
  public static ImmutableList<Observation> read(String file, Reader reader) {
    return readRows(file, reader, null);
  }

  /**
   * Reads observations in the file format above, each of a metric the caller's model has: a
   * region's file checked against the metrics of its scenario
   * ({@code Observation.read("mine.tsv", reader, scenario.metricNames())}).
   *
   * @param file the file's name, for messages
   * @param reader the text
   * @param metrics the metrics an observation may name
   * @return the observations, in file order
   * @throws IllegalArgumentException naming the file, the line and the field as
   *     {@link #read(String, Reader)} does, and on a metric that is not one of {@code metrics}
   *     (naming the file, the line, the field {@code metric}, the value and the nearest metric)
   * @throws UncheckedIOException if reading fails
   */
  public static ImmutableList<Observation> read(String file, Reader reader, Collection<String> metrics) {
    return readRows(file, reader, ImmutableSet.copyOf(checkNotNull(metrics, "metrics")));
  }

  private static ImmutableList<Observation> readRows(String file, Reader reader, ImmutableSet<String> metrics) {
    checkNotNull(file, "file");
    ImmutableList.Builder<Observation> rows = ImmutableList.builder();
    BufferedReader in = new BufferedReader(checkNotNull(reader, "reader"));
    boolean header = true;
    int line = 0;
    try {
      for (String text = in.readLine(); text != null; text = in.readLine()) {
        line++;
        if (text.isBlank() || text.startsWith("#")) {
          continue;
        }
        List<String> fields = List.of(text.split("\t", -1));
        if (header) {
          checkArgument(fields.equals(COLUMNS), "%s line %s: header must be %s but was %s", file, line,
              String.join("\\t", COLUMNS), text);
          header = false;
          continue;
        }
        checkArgument(fields.size() == COLUMNS.size(), "%s line %s: %s fields, expected %s", file, line,
            fields.size(), COLUMNS.size());
        String metric = fields.get(1);
        if (metrics != null && !metrics.contains(metric)) {
          throw new IllegalArgumentException(file + " line " + line + ": metric '" + metric + "' is not a metric of"
              + " the model" + Suggestions.suggestion(metric, metrics) + "; its metrics: " + String.join(", ", metrics));
        }
        rows.add(new Observation(fields.get(0), metric, number(file, line, "year", fields.get(2), true).intValue(),
            number(file, line, "value", fields.get(3), false).doubleValue(), fields.get(4), fields.get(5),
            fields.get(6), fields.get(7)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    checkArgument(!header, "%s: no header line", file);
    return rows.build();
  }

  private static Number number(String file, int line, String field, String text, boolean integer) {
    try {
      return integer ? Integer.valueOf(text) : Double.valueOf(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + " line " + line + ": " + field + " '" + text + "' is not "
          + (integer ? "an integer" : "a number"), e);
    }
  }
}
