package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code renkei.jar} run as its user runs it: {@code java -jar renkei.jar ARGS} in a separate process,
 * with what it wrote to standard output and standard error and its exit code. Used by the {@code *IT}
 * tests, which Failsafe runs after {@code package} has built the jar (system property
 * {@code renkei.jar}).
 */
final class RenkeiProcess {

  /** What one process printed and returned. */
  record Result(int code, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }

    List<String> errLines() {
      return err.lines().toList();
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
  }

  private final List<String> args = new ArrayList<>();
  private Path directory = Paths.get(".");
  private Duration timeout = Duration.ofMinutes(5);
  private byte[] stdin = new byte[0];
  private final List<String> jvmOptions = new ArrayList<>();
  private final Map<String, String> environment = new java.util.LinkedHashMap<>();

  private RenkeiProcess(List<String> args) {
    this.args.addAll(args);
  }

  /** The jar under test. */
  static Path jar() {
    String p = System.getProperty("renkei.jar");
    if (p == null) {
      fail("system property renkei.jar is not set: run this test with Failsafe (mvn verify)");
    }
    Path jar = Paths.get(p);
    assertTrue(Files.isRegularFile(jar), "no jar at " + jar + ": run mvn package first");
    return jar;
  }

  /** A run of {@code java -jar renkei.jar args}. */
  static RenkeiProcess renkei(String... args) {
    return new RenkeiProcess(List.of(args));
  }

  /** A run of another main class on the jar's class path: {@code java -cp renkei.jar main args}. */
  static RenkeiProcess main(Class<?> main, String... args) {
    RenkeiProcess p = new RenkeiProcess(List.of(args));
    p.mainClass = main.getName();
    return p;
  }

  private String mainClass;

  RenkeiProcess in(Path dir) {
    this.directory = dir;
    return this;
  }

  RenkeiProcess timeout(Duration d) {
    this.timeout = d;
    return this;
  }

  RenkeiProcess stdin(String text) {
    this.stdin = text.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  RenkeiProcess jvm(String... options) {
    jvmOptions.addAll(List.of(options));
    return this;
  }

  RenkeiProcess env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** The command line this run starts. */
  List<String> command() {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    if (mainClass == null) {
      cmd.add("-jar");
      cmd.add(jar().toString());
    } else {
      cmd.add("-cp");
      cmd.add(jar().toString());
      cmd.add(mainClass);
    }
    cmd.addAll(args);
    return cmd;
  }

  /** Starts the process without waiting (for tests that kill it). */
  Process start() {
    ProcessBuilder b = new ProcessBuilder(command()).directory(directory.toFile());
    b.environment().putAll(environment);
    try {
      return b.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the process to its end (or the timeout, which fails the test) and returns what it did. */
  Result run() {
    Process p = start();
    CompletableFuture<String> out = drain(p.getInputStream());
    CompletableFuture<String> err = drain(p.getErrorStream());
    try {
      try (var in = p.getOutputStream()) {
        in.write(stdin);
      }
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        fail("renkei " + args + " did not end within " + timeout);
      }
      return new Result(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Reads a process's stream to its end on another thread, so that a full pipe never blocks it. */
  static CompletableFuture<String> drain(InputStream s) {
    return CompletableFuture.supplyAsync(() -> {
      try (s) {
        return new String(s.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
