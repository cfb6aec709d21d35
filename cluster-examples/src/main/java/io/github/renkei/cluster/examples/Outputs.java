package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.io.AtomicFiles;
import io.github.renkei.cluster.io.IoWriter;
import io.github.renkei.cluster.io.RunFolder;
import io.github.renkei.cluster.simulation.ResultRow;
import io.github.renkei.cluster.simulation.ResultSink;
import io.github.renkei.cluster.simulation.RunInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How the commands write their output: a folder as one {@link RunFolder} run (the old complete
 * run or the new complete one, never a mix), a single file atomically; and what they say when the
 * disk is full or the files cannot be written — one line naming the file and what the folder
 * still holds, exit code {@link Renkei#CANNOT_WRITE}.
 */
final class Outputs {

  private Outputs() {}

  /** The output could not be written; the message is the one line the user reads. */
  static final class CannotWriteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CannotWriteException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * A sink that passes on the rows a command writes ({@code keep}), and the run's begin and its
   * end with its cause.
   *
   * @param keep which rows to write
   * @param sink where they go
   * @return the filtering sink
   */
  static ResultSink where(Predicate<ResultRow> keep, ResultSink sink) {
    return new ResultSink() {
      @Override
      public void begin(RunInfo run) {
        sink.begin(run);
      }

      @Override
      public void accept(ResultRow row) {
        if (keep.test(row)) {
          sink.accept(row);
        }
      }

      @Override
      public void end(RunInfo run, Optional<Throwable> failure) {
        sink.end(run, failure);
      }
    };
  }

  /**
   * Runs a command's work into a folder and switches it in when the work returns.
   *
   * @param out the output folder
   * @param work writes the files under {@code run.path()} and returns the command's result
   * @return what the work returned
   * @throws CannotWriteException if a file cannot be written (a full disk); the folder then holds
   *     what it held before
   */
  static <T> T intoFolder(Path out, Function<RunFolder, T> work) {
    boolean existed = Files.isRegularFile(out.resolve(RunFolder.MARKER));
    RunFolder run = null;
    try {
      run = RunFolder.begin(out);
      T result = work.apply(run);
      run.commit();
      return result;
    } catch (RuntimeException e) {
      IOException io = ioCause(e);
      if (io == null || e instanceof Renkei.BadInputException) {
        throw e;
      }
      if (run == null && !isFull(io)) {
        throw e; // the folder itself is unusable (a file, or holds a user's files): bad input
      }
      throw new CannotWriteException(describe(e, io, run, out) + (existed ? "; " + out + " still holds the previous run"
          : "; nothing of this run was kept"), e);
    } finally {
      if (run != null) {
        try {
          run.abort();
        } catch (UncheckedIOException suppressed) {
          // the next run deletes the staging folder
        }
      }
    }
  }

  /** Writes one file atomically: the previous file or the complete new one. */
  static void intoFile(Path file, IoWriter body) {
    boolean existed = Files.isRegularFile(file);
    try {
      AtomicFiles.write(file, body);
    } catch (RuntimeException e) {
      IOException io = ioCause(e);
      if (io == null || !isFull(io)) {
        throw e;
      }
      throw new CannotWriteException(describe(e, io, null, file) + (existed ? "; " + file + " is as it was" : "; nothing was written"), e);
    }
  }

  /**
   * Writes one file atomically with a writer of its own (a binary file), saying what a full disk
   * leaves as {@link #intoFile(Path, IoWriter)} does.
   */
  static void intoFile(Path file, Runnable write) {
    boolean existed = Files.isRegularFile(file);
    try {
      write.run();
    } catch (RuntimeException e) {
      IOException io = ioCause(e);
      if (io == null || !isFull(io)) {
        throw e;
      }
      throw new CannotWriteException(describe(e, io, null, file) + (existed ? "; " + file + " is as it was" : "; nothing was written"), e);
    }
  }

  private static IOException ioCause(Throwable e) {
    IOException found = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        found = io;
      }
    }
    return found;
  }

  private static boolean isFull(IOException io) {
    String m = String.valueOf(io.getMessage());
    return m.contains("No space left") || m.contains("Disk quota exceeded") || m.contains("not enough space");
  }

  /**
   * What went wrong — the file (with the staging folder shown as the output folder) and why — as
   * one line.
   */
  private static String describe(RuntimeException e, IOException io, RunFolder run, Path target) {
    String where = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
    int cut = where.indexOf(" (");
    if (cut > 0) {
      where = where.substring(0, cut);
    }
    if (run != null) {
      where = where.replace(run.path().toString(), run.folder().toString());
    }
    if (!where.startsWith("cannot write")) {
      where = "cannot write " + target;
    }
    String why = io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage();
    if (io instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      why = fs.getReason();
    }
    return where + ": " + (isFull(io) ? "the disk is full (" + why + ")" : why);
  }
}
