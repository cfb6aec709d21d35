package io.github.renkei.cluster.catalog;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.region.Prefecture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * A strict reader of the catalog's tab-separated files: '#' comment lines and blank lines are
 * skipped, the first other line is a header that must equal the expected columns, and every
 * row must have exactly as many fields. Every error names the file, the line and the field.
 */
final class Tsv {

  private Tsv() {}

  /** One data row with its line number. */
  static final class Row {
    private final String file;
    private final int line;
    private final List<String> columns;
    private final String[] values;

    private Row(String file, int line, List<String> columns, String[] values) {
      this.file = file;
      this.line = line;
      this.columns = columns;
      this.values = values;
    }

    int line() {
      return line;
    }

    CatalogFormatException fail(String column, String problem) {
      return new CatalogFormatException(file, line, column, problem);
    }

    /** The stripped value, possibly empty. */
    String text(String column) {
      int i = columns.indexOf(column);
      if (i < 0) {
        throw new IllegalStateException("no column " + column);
      }
      return values[i].strip();
    }

    String required(String column) {
      String v = text(column);
      if (v.isEmpty()) {
        throw fail(column, "must not be empty");
      }
      return v;
    }

    Optional<String> optional(String column) {
      String v = text(column);
      return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    <T> T parse(String column, Function<String, T> parser) {
      String v = required(column);
      try {
        return parser.apply(v);
      } catch (IllegalArgumentException e) {
        throw fail(column, e.getMessage());
      }
    }

    <E extends Enum<E>> E enumValue(String column, Class<E> type) {
      String v = required(column);
      try {
        return Enum.valueOf(type, v);
      } catch (IllegalArgumentException e) {
        List<String> names = new ArrayList<>();
        for (E c : type.getEnumConstants()) {
          names.add(c.name());
        }
        throw fail(column, "unknown " + type.getSimpleName() + " '" + v + "' (expected one of " + names + ")");
      }
    }

    boolean bool(String column) {
      String v = required(column).toLowerCase(Locale.ROOT);
      if (v.equals("true")) {
        return true;
      }
      if (v.equals("false")) {
        return false;
      }
      throw fail(column, "expected true or false but was '" + text(column) + "'");
    }

    OptionalInt year(String column) {
      String v = text(column);
      if (v.isEmpty()) {
        return OptionalInt.empty();
      }
      return OptionalInt.of(integer(column, v, 1, 9999));
    }

    int requiredYear(String column) {
      return integer(column, required(column), 1, 9999);
    }

    long nonNegativeLong(String column, String v) {
      try {
        long n = Long.parseLong(v);
        if (n < 0) {
          throw fail(column, "must be >= 0 but was " + v);
        }
        return n;
      } catch (NumberFormatException e) {
        throw fail(column, "not a whole number: '" + v + "'");
      }
    }

    int integer(String column, String v, int min, int max) {
      try {
        int n = Integer.parseInt(v);
        if (n < min || n > max) {
          throw fail(column, "must be between " + min + " and " + max + " but was " + v);
        }
        return n;
      } catch (NumberFormatException e) {
        throw fail(column, "not a whole number: '" + v + "'");
      }
    }

    Prefecture prefecture(String column) {
      return parse(column, Prefecture::ofCode);
    }
  }

  static ImmutableList<Row> read(String file, Reader reader, List<String> columns) {
    checkNotNull(file, "file");
    checkNotNull(reader, "reader");
    ImmutableList.Builder<Row> rows = ImmutableList.builder();
    boolean headerSeen = false;
    int lineNo = 0;
    try (BufferedReader in = new BufferedReader(reader)) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (lineNo == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        if (!headerSeen) {
          List<String> header = new ArrayList<>();
          for (String f : fields) {
            header.add(f.strip());
          }
          if (!header.equals(columns)) {
            throw new CatalogFormatException(file, lineNo, "header",
                "expected the columns " + columns + " but found " + header);
          }
          headerSeen = true;
          continue;
        }
        if (fields.length != columns.size()) {
          throw new CatalogFormatException(file, lineNo, "line",
              "expected " + columns.size() + " tab-separated fields but found " + fields.length);
        }
        rows.add(new Row(file, lineNo, columns, fields));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (!headerSeen) {
      throw new CatalogFormatException(file, Math.max(lineNo, 1), "header", "the file has no header line");
    }
    return rows.build();
  }
}
