package io.github.renkei.cluster.io;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes a file's text; the body of {@link AtomicFiles#write(java.nio.file.Path, IoWriter)}.
 *
 * <pre>{@code
 * IoWriter greeting = out -> out.write("hello\n");
 * AtomicFiles.write(Path.of("greeting.txt"), greeting);
 * }</pre>
 */
@FunctionalInterface
public interface IoWriter {

  /**
   * Writes the text. The writer encodes UTF-8 and is buffered; closing it only flushes it, so
   * a library that closes what it writes to may be handed it.
   *
   * @param out where to write
   * @throws IOException if writing fails; the file is then left as it was
   */
  void write(Writer out) throws IOException;
}
