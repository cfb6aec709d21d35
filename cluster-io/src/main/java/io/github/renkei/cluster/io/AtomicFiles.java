package io.github.renkei.cluster.io;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes a file atomically: a reader, or whatever is left after a crash, sees either the
 * previous file or the complete new one, never a part.
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("summary.txt"), out -> {
 *   out.write("replications: " + n + "\n");
 *   out.write("mean: " + mean + "\n");
 * });
 * }</pre>
 *
 * <p>The body writes to a temporary file in the target's directory, which is forced to the
 * storage device and then renamed onto the target — atomically where the file system supports
 * it, otherwise by an ordinary replacing move. {@link #writeBytes(Path, byte[])} does the same
 * for a binary file (an image). To write a file piece by piece over a longer time, use
 * {@link AtomicFile}.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /**
   * Writes a file atomically, replacing any file of that name.
   *
   * @param target the file; its directory must exist
   * @param body writes the text (UTF-8)
   * @throws NullPointerException naming the argument that is null
   * @throws UncheckedIOException naming the target (or its directory, if that does not exist)
   *     if the file cannot be written or the body throws an {@link IOException}
   * @throws RuntimeException whatever else the body throws
   */
  public static void write(Path target, IoWriter body) {
    requireNonNull(target, "target");
    requireNonNull(body, "body");
    try (AtomicFile file = AtomicFile.open(target)) {
      body.write(file.writer());
      file.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + " (" + e + ")", e);
    }
  }

  /**
   * Writes a binary file atomically, replacing any file of that name.
   *
   * <pre>{@code
   * AtomicFiles.writeBytes(Path.of("chart.png"), BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG));
   * }</pre>
   *
   * @param target the file; its directory must exist
   * @param bytes the file's content
   * @throws NullPointerException naming the argument that is null
   * @throws UncheckedIOException naming the target (or its directory, if that does not exist)
   *     if the file cannot be written
   */
  public static void writeBytes(Path target, byte[] bytes) {
    requireNonNull(target, "target");
    requireNonNull(bytes, "bytes");
    try (AtomicFile file = AtomicFile.open(target)) {
      file.write(bytes);
      file.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + " (" + e + ")", e);
    }
  }
}
