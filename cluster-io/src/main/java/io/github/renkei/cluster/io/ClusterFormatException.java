package io.github.renkei.cluster.io;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Thrown by {@link ClusterJson} and {@link ClusterCsv} when a cluster file is not a valid
 * cluster, and by {@link ProfileJson} when a region profile is not a valid profile. The message names the file, the line (1-based, as an editor counts it), the column
 * of a CSV file or the field of a JSON object, and the id of the row or object when it is
 * known, then what is wrong with the value:
 *
 * <pre>
 * organizations.csv:12: column 'prefecture' (id 'aizu-precision'): unknown Prefecture 'FUKUSIMA' (expected ...)
 * cluster.json:40: field 'to' (id 'nihon-u-ce'): unknown organization 'fmu2'
 * </pre>
 *
 * <p>It is an {@link IllegalArgumentException}, as every content error of this package is.
 */
public final class ClusterFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The file's name. */
  private final String file;
  /** The line, 1-based; 0 if unknown. */
  private final int line;
  /** The column or field, or null. */
  private final String column;
  /** The id of the row or object, or null. */
  private final String id;

  /**
   * Creates the exception for a CSV file: the message calls the place a column.
   *
   * @param file the file's name
   * @param line the line, 1-based, or 0 if unknown
   * @param column the column's name, or null if the problem is not in one column
   * @param id the id of the row, or null if unknown
   * @param problem what is wrong, naming the value
   */
  public ClusterFormatException(String file, int line, String column, String id, String problem) {
    this("column", file, line, column, id, problem, null);
  }

  private ClusterFormatException(
      String place, String file, int line, String column, String id, String problem, Throwable cause) {
    super(message(place, file, line, column, id, problem), cause);
    this.file = file;
    this.line = Math.max(line, 0);
    this.column = column;
    this.id = id;
  }

  /** The same for a JSON file, whose places are fields. */
  static ClusterFormatException inField(String file, int line, String field, String id, String problem) {
    return new ClusterFormatException("field", file, line, field, id, problem, null);
  }

  /** A problem in a column of a CSV file, with its cause. */
  static ClusterFormatException inColumn(
      String file, int line, String column, String id, String problem, Throwable cause) {
    return new ClusterFormatException("column", file, line, column, id, problem, cause);
  }

  private static String message(String place, String file, int line, String column, String id, String problem) {
    StringBuilder s = new StringBuilder(String.valueOf(file));
    if (line > 0) {
      s.append(':').append(line);
    }
    if (column != null) {
      s.append(": ").append(place).append(" '").append(column).append('\'');
    }
    if (id != null) {
      s.append(column == null ? ": " : " ").append("(id '").append(id).append("')");
    }
    return s.append(": ").append(problem).toString();
  }

  /**
   * Returns the file's name.
   *
   * @return the name, as given to the reader
   */
  public String file() {
    return file;
  }

  /**
   * Returns the line.
   *
   * @return the line, 1-based, or empty if the problem is not on one line
   */
  public OptionalInt line() {
    return line == 0 ? OptionalInt.empty() : OptionalInt.of(line);
  }

  /**
   * Returns the column of a CSV file or the field of a JSON object.
   *
   * @return the name, or empty if the problem is not in one place of the line
   */
  public Optional<String> column() {
    return Optional.ofNullable(column);
  }

  /**
   * Returns the id of the row or object with the problem.
   *
   * @return the id (for a relationship, its {@code from} end), or empty if unknown
   */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }
}
