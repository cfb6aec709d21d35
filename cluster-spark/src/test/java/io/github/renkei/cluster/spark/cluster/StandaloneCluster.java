package io.github.renkei.cluster.spark.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster on this machine for the integration tests: a master and
 * workers, each a separate JVM bound to 127.0.0.1 on ports the operating system chooses, started
 * from the build's own Spark jars and stopped, with every process they started, by
 * {@link #close()}.
 *
 * <p>Spark's launcher builds an executor's class path from {@code $SPARK_HOME/jars}, so the
 * cluster lays out a {@code SPARK_HOME} whose {@code jars/} links the jars Maven resolved for this
 * module ({@code target/spark.classpath}); {@code SPARK_SCALA_VERSION} spares the launcher its
 * search for a source build. Every JVM runs under {@link ExitWithParent}: when the test JVM dies,
 * the cluster dies with it. Executors carry a marker system property, so that a test finds its
 * own executors among the machine's processes ({@link #executors()}).
 */
public final class StandaloneCluster implements AutoCloseable {

  /** The main class of Spark's executor JVMs. */
  public static final String EXECUTOR_MAIN = "org.apache.spark.executor.CoarseGrainedExecutorBackend";

  private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://[^\\s]+)");

  private final Path home;
  private final String javaOptions;
  private final String marker = "renkei-it-" + UUID.randomUUID();
  private final List<Process> processes = new ArrayList<>();
  private final List<Process> workers = new ArrayList<>();
  private final Thread hook = new Thread(this::destroyAll, "stop-spark-cluster");
  private String masterUrl;

  private StandaloneCluster(Path home, String javaOptions) {
    this.home = home;
    this.javaOptions = javaOptions;
  }

  /**
   * Lays out a {@code SPARK_HOME} under a directory and starts a master and workers of one core
   * each, waiting until every worker has registered with the master.
   *
   * @param dir a directory for the cluster's home, logs and work; emptied first
   * @param sparkClasspath Spark's jars, as in {@code target/spark.classpath}
   * @param javaOptions the JVM options Spark needs on Java 17 (space-separated)
   * @param workerCount the number of workers
   * @param timeout how long to wait for the master and the workers
   * @return the running cluster
   * @throws IllegalStateException with the logs' tail if a process ends or does not register in time
   */
  public static StandaloneCluster start(Path dir, String sparkClasspath, String javaOptions, int workerCount,
      Duration timeout) {
    StandaloneCluster cluster = new StandaloneCluster(dir.toAbsolutePath(), javaOptions);
    Runtime.getRuntime().addShutdownHook(cluster.hook);
    try {
      cluster.layOut(sparkClasspath);
      cluster.startAll(workerCount, timeout);
      return cluster;
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  /** The master's URL, {@code spark://127.0.0.1:PORT}. */
  public String masterUrl() {
    return masterUrl;
  }

  /** The {@code SPARK_HOME} the cluster runs from. */
  public Path home() {
    return home;
  }

  /** The value of the system property {@code renkei.it.cluster} on this cluster's executors. */
  public String marker() {
    return marker;
  }

  /** The JVM option that marks an executor as this cluster's. */
  public String executorMarkerOption() {
    return "-Drenkei.it.cluster=" + marker;
  }

  /**
   * Returns this cluster's live executor JVMs: the processes whose main class is
   * {@link #EXECUTOR_MAIN} and whose command line carries the marker.
   *
   * @return the executors, by process id
   */
  public List<ProcessHandle> executors() {
    return executors(null);
  }

  /**
   * Returns this cluster's live executor JVMs of one application: {@link #executors()} with
   * {@code --app-id APP} on the command line.
   *
   * @param app the application id, {@code app-…}; null for every application
   * @return the executors, by process id
   */
  public List<ProcessHandle> executors(String app) {
    return ProcessHandle.allProcesses().filter(p -> {
      List<String> args = Arrays.asList(p.info().arguments().orElse(new String[0]));
      int at = args.indexOf("--app-id");
      return p.isAlive() && args.contains(EXECUTOR_MAIN) && args.contains(executorMarkerOption())
          && (app == null || at >= 0 && at + 1 < args.size() && args.get(at + 1).equals(app));
    }).toList();
  }

  /**
   * The command line of a JVM on the cluster's class path: Java 17 options, the {@code jars/} of
   * {@code SPARK_HOME} and {@link ExitWithParent}, then the main class and its arguments.
   *
   * @param heap the maximum heap, e.g. {@code 512m}
   * @param main the main class
   * @param args its arguments
   * @return the command
   */
  public List<String> javaCommand(String heap, String main, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + heap);
    cmd.addAll(Arrays.asList(javaOptions.trim().split("\\s+")));
    cmd.add("-cp");
    cmd.add(home.resolve("jars") + "/*:" + home.resolve("watch"));
    cmd.add(ExitWithParent.class.getName());
    cmd.add(main);
    cmd.addAll(args);
    return cmd;
  }

  /**
   * Starts a process with the cluster's environment ({@code SPARK_HOME}, loopback only), its
   * output into a log file; {@link #close()} stops it with the cluster.
   *
   * @param command the command
   * @param log the file for standard output and standard error
   * @return the process
   */
  public synchronized Process launch(List<String> command, Path log) {
    ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).directory(home.toFile());
    Map<String, String> env = b.environment();
    env.put("SPARK_HOME", home.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("SPARK_LOCAL_DIRS", home.resolve("local").toString());
    env.remove("SPARK_CONF_DIR");
    try {
      Process p = b.start();
      processes.add(p);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /**
   * Deletes a file or a directory with everything in it, if it exists.
   *
   * @param path the file or directory
   */
  public static void delete(Path path) {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(path)) {
      for (Path p : all.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }

  /**
   * Puts the classes of the packages of some classes, from the class path's directories, into a
   * jar for {@code spark-submit --jars}.
   *
   * @param jar the jar to write
   * @param classes a class of each package
   * @return the jar
   */
  public static Path jar(Path jar, Class<?>... classes) {
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
      for (Class<?> c : classes) {
        Path root = Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        String pkg = c.getPackageName().replace('.', '/');
        try (Stream<Path> all = Files.list(root.resolve(pkg))) {
          for (Path f : all.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
            out.putNextEntry(new JarEntry(pkg + "/" + f.getFileName()));
            Files.copy(f, out);
            out.closeEntry();
          }
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + jar, e);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private void layOut(String sparkClasspath) {
    try {
      delete(home);
      Path jars = Files.createDirectories(home.resolve("jars"));
      for (String jar : sparkClasspath.trim().split(java.io.File.pathSeparator)) {
        Path source = Paths.get(jar);
        if (!Files.isRegularFile(source)) {
          throw new IllegalStateException("no jar at " + source + " (from spark.classpath)");
        }
        Files.createSymbolicLink(jars.resolve(source.getFileName()), source);
      }
      Files.createDirectories(home.resolve("logs"));
      Files.createDirectories(home.resolve("work"));
      Files.createDirectories(home.resolve("local"));
      String watch = ExitWithParent.class.getName().replace('.', '/') + ".class";
      Path target = home.resolve("watch").resolve(watch);
      Files.createDirectories(target.getParent());
      try (var in = ExitWithParent.class.getClassLoader().getResourceAsStream(watch)) {
        Files.copy(in, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lay out SPARK_HOME in " + home, e);
    }
  }

  private void startAll(int workerCount, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Path masterLog = home.resolve("logs/master.log");
    Process master = launch(javaCommand("256m", "org.apache.spark.deploy.master.Master",
        List.of("--host", "127.0.0.1", "--port", "0", "--webui-port", "0")), masterLog);
    masterUrl = awaitLine(master, masterLog, MASTER_URL, deadline).group(1);
    List<Path> logs = new ArrayList<>();
    for (int i = 0; i < workerCount; i++) {
      Path log = home.resolve("logs/worker-" + i + ".log");
      Process w = launch(javaCommand("256m", "org.apache.spark.deploy.worker.Worker",
          List.of("--host", "127.0.0.1", "--port", "0", "--webui-port", "0", "--cores", "1", "--memory", "1g",
              "--work-dir", home.resolve("work").toString(), masterUrl)), log);
      workers.add(w);
      logs.add(log);
    }
    for (int i = 0; i < workerCount; i++) {
      awaitLine(workers.get(i), logs.get(i), Pattern.compile("Successfully registered with master"), deadline);
    }
  }

  private static Matcher awaitLine(Process p, Path log, Pattern pattern, long deadline) {
    while (true) {
      Optional<Matcher> m = find(log, pattern);
      if (m.isPresent()) {
        return m.get();
      }
      if (!p.isAlive()) {
        throw new IllegalStateException("process " + p.pid() + " ended with status " + p.exitValue()
            + " before its log said '" + pattern + "':\n" + tail(log));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no '" + pattern + "' in " + log + " in time:\n" + tail(log));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting the cluster", e);
      }
    }
  }

  private static Optional<Matcher> find(Path log, Pattern pattern) {
    try {
      if (!Files.exists(log)) {
        return Optional.empty();
      }
      Matcher m = pattern.matcher(Files.readString(log, StandardCharsets.UTF_8));
      return m.find() ? Optional.of(m) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The last lines of a log file, for failure messages.
   *
   * @param log the file
   * @return its last 40 lines
   */
  public static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /**
   * Stops every process the cluster started, last started first, with the processes they started
   * (executors): a normal termination first, then, after 10 seconds, a forced one.
   */
  @Override
  public void close() {
    destroyAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down; the hook runs or ran
    }
  }

  private synchronized void destroyAll() {
    List<ProcessHandle> all = new ArrayList<>();
    for (int i = processes.size() - 1; i >= 0; i--) {
      ProcessHandle p = processes.get(i).toHandle();
      p.descendants().forEach(all::add);
      all.add(p);
    }
    all.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    for (ProcessHandle p : all) {
      try {
        long left = Math.max(1, deadline - System.nanoTime());
        p.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        p.destroyForcibly();
      } catch (java.util.concurrent.ExecutionException e) {
        p.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        all.forEach(ProcessHandle::destroyForcibly);
        return;
      }
    }
    processes.clear();
  }
}
