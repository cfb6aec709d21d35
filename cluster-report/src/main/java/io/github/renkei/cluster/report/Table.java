package io.github.renkei.cluster.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A table of a {@link Report}: a caption, a header row and rows of text cells, all rows as wide as
 * the header. Cells that read as numbers are right-aligned in the report.
 *
 * <pre>{@code
 * Table t = Table.of("Policy effects", List.of("policy", "effect"),
 *     List.of(List.of("council", "+1.2 [+0.4, +2.0]")));
 * }</pre>
 *
 * @param caption what the table shows
 * @param header the column names
 * @param rows the rows, each as many cells as the header
 */
public record Table(String caption, ImmutableList<String> header, ImmutableList<ImmutableList<String>> rows) {

  /**
   * Checks and copies the table.
   *
   * @param caption what the table shows
   * @param header the column names
   * @param rows the rows
   * @throws IllegalArgumentException naming the caption and the row if the header is empty or a
   *     row's width differs from the header's
   */
  public Table {
    ChartStyle.checkText(caption, "table caption");
    header = ImmutableList.copyOf(checkNotNull(header, "header"));
    checkArgument(!header.isEmpty(), "table '%s' has no column", caption);
    ImmutableList.Builder<ImmutableList<String>> copy = ImmutableList.builder();
    int index = 0;
    for (List<String> row : checkNotNull(rows, "rows")) {
      checkArgument(row.size() == header.size(), "table '%s' row %s has %s cells but the header has %s: %s", caption,
          index, row.size(), header.size(), row);
      copy.add(ImmutableList.copyOf(row));
      index++;
    }
    rows = copy.build();
  }

  /**
   * A table.
   *
   * @param caption what the table shows
   * @param header the column names
   * @param rows the rows, each as many cells as the header
   * @return the table
   * @throws IllegalArgumentException naming the caption and the row if a row's width differs from
   *     the header's
   */
  public static Table of(String caption, List<String> header, List<? extends List<String>> rows) {
    ImmutableList.Builder<ImmutableList<String>> r = ImmutableList.builder();
    checkNotNull(rows, "rows").forEach(row -> r.add(ImmutableList.copyOf(row)));
    return new Table(caption, ImmutableList.copyOf(checkNotNull(header, "header")), r.build());
  }
}
