package io.github.renkei.cluster.report;

import io.github.renkei.cluster.io.AtomicFiles;
import java.nio.file.Path;

/**
 * An image with the words that go with it: what {@link Report} shows as a figure and what the
 * charts of this package are. Any picture can join a report, the charts of this package as well
 * as a map or a user's own drawing.
 *
 * <pre>{@code
 * Picture chart = ProjectionChart.builder(result, scenario, "registered-manufacturers")
 *     .axisLabel("Registered manufacturers (firms)").build();
 * chart.writePng(Path.of("registered.png"));
 * Report.builder("My run").figure(chart).build().write(Path.of("report.html"));
 * }</pre>
 */
public interface Picture {

  /**
   * Returns the picture's title, as drawn on it.
   *
   * @return the title, not blank
   */
  String title();

  /**
   * Returns the caption a report prints under the picture: what is drawn and where the data
   * come from.
   *
   * @return the caption, possibly empty
   */
  String caption();

  /**
   * Draws the picture as a PNG image.
   *
   * @return the PNG file's bytes
   * @throws java.io.UncheckedIOException if the image cannot be encoded
   */
  byte[] png();

  /**
   * Writes the PNG image atomically ({@link AtomicFiles#writeBytes(Path, byte[])}): a reader sees
   * the previous file or the complete new one.
   *
   * @param file where to write; its directory must exist; the name need not end in {@code .png}
   * @return {@code file}
   * @throws java.io.UncheckedIOException if the file cannot be written
   */
  default Path writePng(Path file) {
    AtomicFiles.writeBytes(file, png());
    return file;
  }
}
