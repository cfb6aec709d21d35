package io.github.renkei.cluster.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.io.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A self-contained HTML report: headings, paragraphs, tables, figures and preformatted text (run
 * manifests, the command that reproduces the run) in one file that opens offline. Figures are
 * embedded as {@code data:image/png;base64} images and the style sheet is inline, so the file
 * refers to nothing outside itself: no script, no font, no stylesheet, no image by URL. Sources
 * cited in captions are printed as text, never as links that would load anything.
 *
 * <pre>{@code
 * Report report = Report.builder("Council or not: 200 runs")
 *     .heading("Summary")
 *     .paragraph("A continuing council keeps the lead's know-how higher.")
 *     .table(Table.of("Effects", List.of("metric", "effect"), rows))
 *     .figure(projectionChart)                      // any Picture: charts, a map
 *     .heading("How to reproduce")
 *     .preformatted("renkei fukushima --seed 2005")
 *     .build();
 * report.write(Path.of("report.html"));
 * }</pre>
 *
 * <p>Instances are immutable; the HTML is produced by {@link #html()}. Every text is escaped.
 */
public final class Report {

  /** One block of the report, in order. */
  private sealed interface Block permits Heading, Paragraph, TableBlock, Figure, Preformatted {}

  private record Heading(String text, String id) implements Block {}

  private record Paragraph(String text) implements Block {}

  private record TableBlock(Table table) implements Block {}

  private record Figure(String title, String caption, byte[] png) implements Block {}

  private record Preformatted(String caption, String text) implements Block {}

  private static final Pattern NUMBER = Pattern.compile("[-+−]?[0-9][0-9,]*(\\.[0-9]+)?( \\[.*\\])?%?");
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private final String title;
  private final ImmutableList<Block> blocks;

  private Report(String title, ImmutableList<Block> blocks) {
    this.title = title;
    this.blocks = blocks;
  }

  /**
   * Starts a report.
   *
   * @param title the report's title, its first heading and the page's title
   * @return a builder
   * @throws IllegalArgumentException if the title is blank
   */
  public static Builder builder(String title) {
    ChartStyle.checkText(title, "report title");
    return new Builder(title);
  }

  /**
   * Returns the title.
   *
   * @return the title
   */
  public String title() {
    return title;
  }

  /**
   * Returns the number of figures.
   *
   * @return the figures
   */
  public int figures() {
    return (int) blocks.stream().filter(Figure.class::isInstance).count();
  }

  /**
   * Returns the number of tables.
   *
   * @return the tables
   */
  public int tables() {
    return (int) blocks.stream().filter(TableBlock.class::isInstance).count();
  }

  /**
   * Returns the report as one HTML5 document, UTF-8, with a table of contents of its headings.
   *
   * @return the document
   */
  public String html() {
    StringBuilder h = new StringBuilder(1 << 16);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n")
        .append("</head>\n<body>\n<main>\n<h1>").append(escape(title)).append("</h1>\n");
    List<Heading> headings = blocks.stream().filter(Heading.class::isInstance).map(Heading.class::cast).toList();
    if (headings.size() > 1) {
      h.append("<nav><ol>\n");
      headings.forEach(x -> h.append("<li><a href=\"#").append(x.id()).append("\">").append(escape(x.text()))
          .append("</a></li>\n"));
      h.append("</ol></nav>\n");
    }
    int figure = 0;
    int table = 0;
    for (Block b : blocks) {
      if (b instanceof Heading x) {
        h.append("<h2 id=\"").append(x.id()).append("\">").append(escape(x.text())).append("</h2>\n");
      } else if (b instanceof Paragraph x) {
        h.append("<p>").append(escape(x.text())).append("</p>\n");
      } else if (b instanceof Preformatted x) {
        if (!x.caption().isEmpty()) {
          h.append("<p class=\"pre-caption\">").append(escape(x.caption())).append("</p>\n");
        }
        h.append("<pre>").append(escape(x.text())).append("</pre>\n");
      } else if (b instanceof TableBlock x) {
        table++;
        Table t = x.table();
        h.append("<div class=\"table\"><table id=\"table-").append(table).append("\">\n<caption>Table ").append(table)
            .append(". ").append(escape(t.caption())).append("</caption>\n<thead><tr>");
        t.header().forEach(c -> h.append("<th>").append(escape(c)).append("</th>"));
        h.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
          h.append("<tr>");
          row.forEach(c -> h.append(NUMBER.matcher(c.strip()).matches() ? "<td class=\"num\">" : "<td>")
              .append(escape(c)).append("</td>"));
          h.append("</tr>\n");
        }
        h.append("</tbody>\n</table></div>\n");
      } else if (b instanceof Figure x) {
        figure++;
        h.append("<figure id=\"figure-").append(figure).append("\">\n<img class=\"chart\" alt=\"")
            .append(escape(x.title())).append("\" src=\"data:image/png;base64,")
            .append(Base64.getEncoder().encodeToString(x.png())).append("\">\n<figcaption><b>Figure ").append(figure)
            .append(". ").append(escape(x.title())).append(".</b> ").append(escape(x.caption()))
            .append("</figcaption>\n</figure>\n");
      }
    }
    h.append("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  /**
   * Writes the report atomically ({@link AtomicFiles#writeBytes(Path, byte[])}), UTF-8.
   *
   * @param file where to write; its directory must exist
   * @return {@code file}
   * @throws java.io.UncheckedIOException if it cannot be written
   */
  public Path write(Path file) {
    AtomicFiles.writeBytes(checkNotNull(file, "file"), html().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return file;
  }

  @Override
  public String toString() {
    return "Report[" + title + ", " + blocks.size() + " blocks, " + figures() + " figures, " + tables() + " tables]";
  }

  static String escape(String text) {
    StringBuilder s = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        default -> s.append(c);
      }
    }
    return s.toString();
  }

  private static final String STYLE = """
      body { margin: 0; background: #f6f6f4; color: #222; font: 15px/1.5 system-ui, -apple-system, "Segoe UI",
        "DejaVu Sans", sans-serif; }
      main { max-width: 1160px; margin: 0 auto; padding: 24px 32px 64px; background: #fff; }
      h1 { font-size: 26px; margin: 8px 0 16px; }
      h2 { font-size: 20px; margin: 36px 0 8px; padding-top: 8px; border-top: 1px solid #ddd; }
      nav ol { columns: 2; margin: 0 0 16px; }
      nav a { color: #0b5a8f; text-decoration: none; }
      figure { margin: 16px 0 28px; }
      figure img { display: block; max-width: 100%; height: auto; border: 1px solid #e2e2e2; }
      figcaption { font-size: 13px; color: #444; margin-top: 6px; overflow-wrap: anywhere; }
      div.table { overflow-x: auto; margin: 12px 0 24px; }
      table { border-collapse: collapse; font-size: 13px; }
      caption { text-align: left; font-weight: 600; padding-bottom: 6px; }
      th, td { border-bottom: 1px solid #e4e4e4; padding: 4px 10px; text-align: left; vertical-align: top; }
      th { background: #f2f2f2; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      pre { background: #f4f4f4; padding: 10px 12px; overflow-x: auto; font-size: 12px; line-height: 1.4; }
      .pre-caption { margin-bottom: 4px; font-weight: 600; }
      """;

  /** Builds a {@link Report}; blocks appear in the order added. */
  public static final class Builder {
    private final String title;
    private final List<Block> blocks = new ArrayList<>();
    private final Set<String> ids = new LinkedHashSet<>();

    private Builder(String title) {
      this.title = title;
    }

    /**
     * Starts a section; the table of contents lists every section.
     *
     * @param text the section's title
     * @return this builder
     * @throws IllegalArgumentException if it is blank
     */
    public Builder heading(String text) {
      ChartStyle.checkText(text, "heading");
      String base = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
      String id = base.isEmpty() ? "section" : base;
      for (int k = 2; !ids.add(id); k++) {
        id = (base.isEmpty() ? "section" : base) + "-" + k;
      }
      blocks.add(new Heading(text, id));
      return this;
    }

    /**
     * Adds a paragraph of plain text.
     *
     * @param text the text
     * @return this builder
     * @throws IllegalArgumentException if it is blank
     */
    public Builder paragraph(String text) {
      ChartStyle.checkText(text, "paragraph");
      blocks.add(new Paragraph(text));
      return this;
    }

    /**
     * Adds a table.
     *
     * @param table the table
     * @return this builder
     */
    public Builder table(Table table) {
      blocks.add(new TableBlock(checkNotNull(table, "table")));
      return this;
    }

    /**
     * Adds a picture as a figure: its PNG inline, its title and caption under it.
     *
     * @param picture any picture: a chart of this package, a map, a user's own
     * @return this builder
     * @throws IllegalArgumentException naming the title if the picture's bytes are not a PNG
     */
    public Builder figure(Picture picture) {
      checkNotNull(picture, "picture");
      return figure(picture.title(), picture.caption(), picture.png());
    }

    /**
     * Adds a PNG image as a figure.
     *
     * @param figureTitle the figure's title, also the image's alternative text
     * @param caption the caption, possibly empty
     * @param png the PNG file's bytes
     * @return this builder
     * @throws IllegalArgumentException naming the title if it is blank or the bytes are not a PNG
     */
    public Builder figure(String figureTitle, String caption, byte[] png) {
      ChartStyle.checkText(figureTitle, "figure title");
      checkNotNull(caption, "caption");
      checkNotNull(png, "png");
      checkArgument(png.length > PNG_SIGNATURE.length
              && java.util.Arrays.equals(java.util.Arrays.copyOf(png, PNG_SIGNATURE.length), PNG_SIGNATURE),
          "figure '%s': the image is not a PNG (%s bytes without the PNG signature)", figureTitle, png.length);
      blocks.add(new Figure(figureTitle, caption, png.clone()));
      return this;
    }

    /**
     * Adds preformatted text: a command, a manifest, a log.
     *
     * @param text the text, shown as it is in a monospaced font
     * @return this builder
     * @throws IllegalArgumentException if it is blank
     */
    public Builder preformatted(String text) {
      return preformatted("", text);
    }

    /**
     * Adds preformatted text under a short caption.
     *
     * @param caption the caption, possibly empty
     * @param text the text
     * @return this builder
     * @throws IllegalArgumentException if the text is blank
     */
    public Builder preformatted(String caption, String text) {
      checkNotNull(caption, "caption");
      ChartStyle.checkText(text, "preformatted text");
      blocks.add(new Preformatted(caption, text));
      return this;
    }

    /**
     * Builds the report.
     *
     * @return the report
     * @throws IllegalArgumentException naming the title if nothing was added
     */
    public Report build() {
      checkArgument(!blocks.isEmpty(), "report '%s' is empty: add a heading, a paragraph, a table or a figure", title);
      return new Report(title, ImmutableList.copyOf(blocks));
    }
  }
}
