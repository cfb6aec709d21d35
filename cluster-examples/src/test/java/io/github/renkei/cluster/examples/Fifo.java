package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Named pipes (mkfifo) for tests of commands that read a pipe as a shell's {@code <(...)} gives it. */
final class Fifo {

  private Fifo() {}

  /** Makes a named pipe with the system's mkfifo; skips the test where there is none (not POSIX). */
  static Path make(Path path) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    } catch (IOException e) {
      assumeTrue(false, "no mkfifo on this system: " + e.getMessage());
      throw e;
    }
    assertEquals(0, p.waitFor(), "mkfifo " + path);
    assumeTrue(Files.exists(path) && !Files.isRegularFile(path), "mkfifo made no pipe at " + path);
    return path;
  }

  /** Writes text into the pipe in the background; the writer blocks until a reader opens it. */
  static CompletableFuture<Void> write(Path fifo, String text) {
    return CompletableFuture.runAsync(() -> {
      try (OutputStream out = Files.newOutputStream(fifo)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Waits until the background writer has written everything (a reader took it). */
  static void written(CompletableFuture<Void> writer) throws Exception {
    writer.get(30, TimeUnit.SECONDS);
  }
}
