package io.github.renkei.cluster.io;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * A file being written atomically, a piece at a time: the text goes to a temporary file in the
 * target's directory, and only {@link #commit()} puts it under the target's name — after forcing
 * it to the storage device, by an atomic rename where the file system supports one. Until then a
 * previous file at the target is untouched; {@link #abort()} (or {@link #close()} without a
 * commit) deletes the temporary file.
 *
 * <pre>{@code
 * try (AtomicFile file = AtomicFile.open(Path.of("out.txt"))) {
 *   for (String line : lines) {
 *     file.writer().write(line + "\n");
 *   }
 *   file.commit();
 * } // an exception before commit() leaves out.txt as it was, and no temporary file
 * }</pre>
 *
 * <p>For a file written in one go, {@link AtomicFiles#write(Path, IoWriter)} is shorter. An
 * {@code AtomicFile} may be used by one thread at a time (handing it from thread to thread under
 * a lock is fine). The temporary file is named {@code .NAME.renkei-PID-RANDOM.tmp}, PID being
 * the id of the writing process; on a POSIX file system it gets the permissions of any new file
 * (subject to the umask), not those of a file the target replaces.
 *
 * <h2>After a kill</h2>
 * A process killed while writing leaves its temporary file. {@link #open(Path)} deletes the
 * temporary files of the same target whose process no longer runs on this machine — only names
 * of that exact pattern, never another file. (Files of another machine writing into a shared
 * folder look orphaned; write a shared folder from one machine at a time.)
 */
public final class AtomicFile implements Closeable {

  private enum State {
    OPEN,
    COMMITTED,
    ABORTED
  }

  private final Path target;
  private final Path directory;
  private final Path temporary;
  private final FileChannel channel;
  private final Writer text;
  private final Writer writer;
  private State state = State.OPEN;

  private AtomicFile(Path target, Path directory, Path temporary, FileChannel channel) {
    this.target = target;
    this.directory = directory;
    this.temporary = temporary;
    this.channel = channel;
    // REPORT: text that UTF-8 cannot encode (a lone surrogate) fails instead of turning into '?'.
    // Closing `text` (in commit) encodes a trailing half surrogate pair too, but leaves the channel
    // open for force().
    this.text = new BufferedWriter(new OutputStreamWriter(new KeepChannelOpen(Channels.newOutputStream(channel)),
        StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    this.writer = new KeepOpen(text);
  }

  /**
   * Creates the temporary file next to the target, after deleting the temporary files of the
   * same target that killed processes left.
   *
   * @param target the file to write; its directory must exist
   * @return the open file
   * @throws NullPointerException if the target is null
   * @throws IllegalArgumentException if the target has no file name (a root directory)
   * @throws UncheckedIOException naming the directory if it does not exist or is not a
   *     directory, naming the target if it is a directory, or if the temporary file cannot be
   *     created (the directory is not writable, say)
   */
  public static AtomicFile open(Path target) {
    requireNonNull(target, "target");
    Path absolute = target.toAbsolutePath().normalize();
    Path name = absolute.getFileName();
    Path directory = absolute.getParent();
    if (name == null || directory == null) {
      throw new IllegalArgumentException("cannot write " + target + ": it names no file");
    }
    if (!Files.isDirectory(directory)) {
      if (Files.exists(directory)) {
        throw new UncheckedIOException("cannot write " + target + ": " + directory + " is not a directory",
            new NotDirectoryException(directory.toString()));
      }
      throw new UncheckedIOException("cannot write " + target + ": the directory " + directory + " does not exist",
          new NoSuchFileException(directory.toString()));
    }
    if (Files.isDirectory(absolute)) {
      throw new UncheckedIOException("cannot write " + target + ": it is a directory",
          new FileSystemException(absolute.toString(), null, "is a directory"));
    }
    Path temporary;
    try {
      Leftovers.removeTemporaryFiles(directory, name.toString());
      temporary = Files.createTempFile(directory, Leftovers.prefix(name.toString()), ".tmp",
          newFileAttributes(directory));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": cannot create a temporary file in " + directory
          + " (" + e + ")", e);
    }
    try {
      return new AtomicFile(absolute, directory, temporary, FileChannel.open(temporary, StandardOpenOption.WRITE));
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof RuntimeException) {
        throw (RuntimeException) e;
      }
      throw new UncheckedIOException("cannot write " + target + ": cannot open " + temporary + " (" + e + ")",
          (IOException) e);
    }
  }

  /**
   * The permissions any new file gets: rw for everyone, less the umask (the JDK's default for
   * temporary files is owner-only).
   */
  private static FileAttribute<?>[] newFileAttributes(Path directory) {
    if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-"))};
    }
    return new FileAttribute<?>[0];
  }

  /**
   * Returns the file this writes, as an absolute path.
   *
   * @return the target
   */
  public Path target() {
    return target;
  }

  /**
   * Returns the writer of the temporary file: UTF-8, buffered. Closing it only flushes it; the
   * file is closed by {@link #commit()} or {@link #abort()}.
   *
   * @return the writer
   * @throws IllegalStateException if the file was committed or aborted
   */
  public Writer writer() {
    if (state != State.OPEN) {
      throw new IllegalStateException("the write of " + target + " was already " + state.name().toLowerCase(
          Locale.ROOT));
    }
    return writer;
  }

  /**
   * Writes bytes to the temporary file after any text written so far; for binary files (an
   * image), which the UTF-8 {@link #writer()} cannot carry.
   *
   * @param bytes the bytes
   * @throws IllegalStateException if the file was committed or aborted
   * @throws IOException if writing fails
   */
  void write(byte[] bytes) throws IOException {
    writer().flush();
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /**
   * Puts what was written under the target's name: flushes, forces the temporary file to the
   * storage device, closes it and renames it onto the target (atomically where the file system
   * can; replacing an existing target). Calling it again does nothing.
   *
   * @throws IllegalStateException if the file was aborted
   * @throws UncheckedIOException naming the target if any step fails; the temporary file is
   *     then deleted and the target is as it was
   */
  public void commit() {
    if (state == State.COMMITTED) {
      return;
    }
    if (state == State.ABORTED) {
      throw new IllegalStateException("the write of " + target + " was aborted; it cannot be committed");
    }
    try {
      text.close();
      channel.force(true);
      channel.close();
      move();
      state = State.COMMITTED;
    } catch (IOException e) {
      UncheckedIOException failure = new UncheckedIOException("cannot write " + target + " (" + e + ")", e);
      abortAfter(failure);
      throw failure;
    } catch (RuntimeException | Error e) {
      abortAfter(e);
      throw e;
    }
    syncDirectory(directory);
  }

  private void move() throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Makes the rename itself durable, where a directory can be forced (Linux, macOS); elsewhere
   * the rename is still atomic, only perhaps not yet on disk after a power loss.
   */
  static void syncDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort: not every platform opens directories as channels
    }
  }

  private void abortAfter(Throwable failure) {
    try {
      abort();
    } catch (RuntimeException suppressed) {
      failure.addSuppressed(suppressed);
    }
  }

  /**
   * Gives up: closes and deletes the temporary file; the target stays as it was. Does nothing if
   * the file was already committed or aborted.
   *
   * @throws UncheckedIOException naming the temporary file if it cannot be deleted
   */
  public void abort() {
    if (state != State.OPEN) {
      return;
    }
    state = State.ABORTED;
    IOException failure = null;
    try {
      channel.close();
    } catch (IOException e) {
      failure = e;
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      if (failure != null) {
        e.addSuppressed(failure);
      }
      throw new UncheckedIOException("cannot delete the temporary file " + temporary + " of " + target + " (" + e
          + ")", e);
    }
  }

  /**
   * Aborts unless the file was committed.
   *
   * @throws UncheckedIOException naming the temporary file if it cannot be deleted
   */
  @Override
  public void close() {
    abort();
  }

  /** Returns the target and whether the file is open, committed or aborted. */
  @Override
  public String toString() {
    return "AtomicFile[" + target + ", " + state.name().toLowerCase(Locale.ROOT) + "]";
  }

  /** The channel's stream, which the writer's close() must not close: commit() forces it first. */
  private static final class KeepChannelOpen extends FilterOutputStream {
    KeepChannelOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /** A writer whose close() only flushes: the file is closed by commit() or abort(). */
  private static final class KeepOpen extends FilterWriter {
    KeepOpen(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
