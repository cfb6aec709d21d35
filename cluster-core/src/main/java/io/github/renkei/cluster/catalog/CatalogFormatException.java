package io.github.renkei.cluster.catalog;

/**
 * Thrown when a catalog file is malformed. Says which file, which line (1-based, counting
 * comments) and which field, and what was wrong with the value.
 *
 * <pre>
 * organizations.tsv:12: field 'prefecture': unknown prefecture code '48' (JIS X 0401 codes are 01 to 47)
 * </pre>
 */
public final class CatalogFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The file's name. */
  private final String file;
  /** The line number, 1-based. */
  private final int line;
  /** The field's column name. */
  private final String field;

  /**
   * Creates the exception.
   *
   * @param file the file's name
   * @param line the line number, 1-based
   * @param field the field's column name, or {@code "line"} for a problem of the whole line
   * @param problem what is wrong, naming the value
   */
  public CatalogFormatException(String file, int line, String field, String problem) {
    super(file + ":" + line + ": field '" + field + "': " + problem);
    this.file = file;
    this.line = line;
    this.field = field;
  }

  /**
   * Returns the file's name.
   *
   * @return the name
   */
  public String file() {
    return file;
  }

  /**
   * Returns the line number.
   *
   * @return the line, 1-based
   */
  public int line() {
    return line;
  }

  /**
   * Returns the field's column name.
   *
   * @return the column, or {@code "line"}
   */
  public String field() {
    return field;
  }
}
