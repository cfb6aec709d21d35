package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium for tests that look at the HTML report as a browser does. If
 * {@code /usr/bin/chromium} is missing and the tests run as root, the first use installs Debian's
 * {@code chromium} package ({@code apt-get update} once, then {@code apt-get install -y chromium});
 * otherwise, or if the installation fails, the calling test is skipped with a message saying why.
 */
final class Chromium {

  static final Path BINARY = Path.of("/usr/bin/chromium");

  /** What a run printed. */
  record Output(int code, String out, String err) {}

  private static String unavailable;

  private Chromium() {}

  /** Skips the calling test, naming why, unless Chromium is installed or can be installed now. */
  static synchronized void require() {
    if (Files.isExecutable(BINARY)) {
      return;
    }
    if (unavailable == null) {
      unavailable = install();
    }
    Assumptions.assumeTrue(unavailable.isEmpty() && Files.isExecutable(BINARY),
        () -> "skipped: headless Chromium is needed to render the report and " + unavailable);
  }

  /** Installs Debian's package; an empty string when it worked, else why not. */
  private static String install() {
    Output uid = exec(List.of("id", "-u"), 30);
    if (uid.code() != 0 || !uid.out().strip().equals("0")) {
      return BINARY + " is missing and the tests do not run as root (uid " + uid.out().strip()
          + "), so they cannot install Debian's chromium package; install it with: apt-get install chromium";
    }
    if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
      return BINARY + " is missing and there is no apt-get to install Debian's chromium package";
    }
    Output update = exec(List.of("apt-get", "update"), 600);
    if (update.code() != 0) {
      return "'apt-get update' failed (exit " + update.code() + "): " + tail(update.err());
    }
    Output install = exec(List.of("apt-get", "install", "-y", "--no-install-recommends", "chromium"), 900);
    if (install.code() != 0) {
      return "'apt-get install -y chromium' failed (exit " + install.code() + "): " + tail(install.err());
    }
    return Files.isExecutable(BINARY) ? "" : "Debian's chromium package installed no " + BINARY;
  }

  private static String tail(String text) {
    List<String> lines = text.lines().toList();
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
  }

  /**
   * Runs headless Chromium on a page with a fresh profile, offline-minded: no background
   * networking, no component updates, no sync, no QUIC.
   *
   * @param page the HTML file
   * @param actions what to do: {@code --dump-dom}, {@code --screenshot=...}, {@code --window-size=...}
   * @return what it printed (the DOM, for {@code --dump-dom})
   */
  static Output open(Path page, String... actions) {
    Path profile;
    try {
      profile = Files.createTempDirectory("renkei-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--virtual-time-budget=10000",
          "--user-data-dir=" + profile));
      cmd.addAll(List.of(actions));
      cmd.add(page.toUri().toString());
      return exec(cmd, 180);
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a profile left in the temporary directory is harmless
      }
    }
  }

  private static Output exec(List<String> cmd, int seconds) {
    ProcessBuilder b = new ProcessBuilder(cmd);
    b.environment().put("DEBIAN_FRONTEND", "noninteractive");
    try {
      Process p = b.start();
      p.getOutputStream().close();
      CompletableFuture<String> out = RenkeiProcess.drain(p.getInputStream());
      CompletableFuture<String> err = RenkeiProcess.drain(p.getErrorStream());
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(cmd + " did not end within " + seconds + " s");
      }
      return new Output(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      return new Output(-1, "", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
