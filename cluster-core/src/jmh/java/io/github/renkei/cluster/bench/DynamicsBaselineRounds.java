package io.github.renkei.cluster.bench;

import java.io.File;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Issue 16: this build's {@link DynamicsBenchmark} experiment against an earlier build's, in
 * paired rounds in one JVM. Each build's {@code cluster-core} (this one's
 * {@code target/classes}, the other one's jar) is loaded in a class loader of its own, with the
 * same third-party jars (Guava, SLF4J) from this class path, and driven through the same
 * reflective calls: {@code ClusterWorld.fukushima(1000)},
 * {@code ClusterDynamics.fukushimaBuilder(world).build()},
 * {@code Experiment.of(scenario).replications(n).seed(2005).threads(t).run()}. Each round runs
 * one experiment of each build, the order alternating from round to round; the figure is the
 * median of the per-round ratios of wall time, earlier / this. The two builds' means of every
 * metric in 2030 are compared and must be equal to the last bit.
 *
 * <p>Arguments: the earlier build's {@code cluster-core} jar, and optionally rounds (7), warm-up
 * rounds (2), replications (1000), threads (1). Run with
 * {@code exec:exec@dynamics-baseline -Ddynamics.baseline.args="../../h2-baseline/cluster-core/target/cluster-core-0.1.0-SNAPSHOT.jar 7 2 1000 1"}
 * in the {@code benchmarks} profile.
 */
public final class DynamicsBaselineRounds {

  private DynamicsBaselineRounds() {}

  /** One build, loaded on its own, ready to run the experiment. */
  private static final class Build {
    private final String name;
    private final Object scenario;
    private final Method of;
    /** The varargs array of {@code Experiment.of}: the scenario. */
    private final Object scenarios;
    private final Method summary;
    private final List<String> metrics;

    Build(String name, URL core, URL[] libraries) throws ReflectiveOperationException {
      this.name = name;
      URL[] urls = new URL[libraries.length + 1];
      urls[0] = core;
      System.arraycopy(libraries, 0, urls, 1, libraries.length);
      ClassLoader loader = new URLClassLoader(name, urls, ClassLoader.getPlatformClassLoader());
      Class<?> world = loader.loadClass("io.github.renkei.cluster.dynamics.ClusterWorld");
      Class<?> dynamics = loader.loadClass("io.github.renkei.cluster.dynamics.ClusterDynamics");
      Object w = world.getMethod("fukushima", int.class).invoke(null, 1_000);
      Object builder = dynamics.getMethod("fukushimaBuilder", world).invoke(null, w);
      this.scenario = builder.getClass().getMethod("build").invoke(builder);
      Class<?> scenarioClass = loader.loadClass("io.github.renkei.cluster.simulation.Scenario");
      Class<?> experiment = loader.loadClass("io.github.renkei.cluster.simulation.Experiment");
      this.of = experiment.getMethod("of", scenarioClass.arrayType());
      this.scenarios = Array.newInstance(scenarioClass, 1);
      Array.set(scenarios, 0, scenario);
      Class<?> result = loader.loadClass("io.github.renkei.cluster.simulation.ExperimentResult");
      this.summary = result.getMethod("summary", String.class, int.class, String.class, String.class);
      @SuppressWarnings("unchecked") // Scenario.metricNames() returns ImmutableList<String>
      List<String> names = (List<String>) scenarioClass.getMethod("metricNames").invoke(scenario);
      this.metrics = names;
      System.out.printf(Locale.ROOT, "%-8s %s (%s)%n", name, w, core);
    }

    Object run(int replications, int threads) {
      try {
        Object e = of.invoke(null, scenarios);
        e = e.getClass().getMethod("replications", int.class).invoke(e, replications);
        e = e.getClass().getMethod("seed", long.class).invoke(e, 2005L);
        e = e.getClass().getMethod("threads", int.class).invoke(e, threads);
        return e.getClass().getMethod("run").invoke(e);
      } catch (ReflectiveOperationException ex) {
        throw new IllegalStateException(name + ": the experiment failed", ex);
      }
    }

    /** The mean of every metric in 2030, in the scenario's order. */
    double[] means2030(Object result) throws ReflectiveOperationException {
      String scenarioName = (String) scenario.getClass().getMethod("name").invoke(scenario);
      double[] m = new double[metrics.size()];
      for (int i = 0; i < m.length; i++) {
        Object statistics = summary.invoke(result, scenarioName, 0, metrics.get(i), "2030");
        m[i] = (Double) statistics.getClass().getMethod("mean").invoke(statistics);
      }
      return m;
    }
  }

  /**
   * Runs the rounds.
   *
   * @param args the earlier build's jar; rounds, warm-up rounds, replications, threads
   * @throws Exception if a build cannot be loaded or run
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: DynamicsBaselineRounds <earlier cluster-core jar> [rounds]"
          + " [warm-up rounds] [replications] [threads]");
    }
    Path jar = Path.of(args[0]);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("the earlier build's jar '" + jar.toAbsolutePath() + "' does not exist;"
          + " build it with mvn -B -q -DskipTests package in a worktree of that commit");
    }
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int replications = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
    int threads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    if (rounds < 1 || warmUp < 0 || replications < 1 || threads < 1) {
      throw new IllegalArgumentException("rounds, replications and threads must be >= 1 and warm-up >= 0 but were "
          + Arrays.toString(args));
    }
    URL current = null;
    List<URL> libraries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (p.endsWith(Path.of("target", "classes"))) {
        current = url(p);
      } else if (entry.endsWith(".jar") && !p.getFileName().toString().startsWith("cluster-core")) {
        libraries.add(url(p));
      }
    }
    if (current == null) {
      throw new IllegalStateException("no target/classes on the class path: " + System.getProperty("java.class.path"));
    }
    URL[] libs = libraries.toArray(URL[]::new);
    Build earlier = new Build("earlier", url(jar), libs);
    Build now = new Build("this", current, libs);
    System.out.printf(Locale.ROOT, "%d warm-up + %d rounds, %d replications, %d threads, seed 2005%n", warmUp, rounds,
        replications, threads);
    double[] a = new double[rounds];
    double[] b = new double[rounds];
    double[] ratio = new double[rounds];
    double[] cpuRatio = new double[rounds];
    for (int r = -warmUp; r < rounds; r++) {
      boolean earlierFirst = Math.floorMod(r, 2) == 0;
      PairedTiming.Timed<Object> first = PairedTiming.time(() -> (earlierFirst ? earlier : now).run(replications,
          threads));
      PairedTiming.Timed<Object> second = PairedTiming.time(() -> (earlierFirst ? now : earlier).run(replications,
          threads));
      PairedTiming.Timed<Object> te = earlierFirst ? first : second;
      PairedTiming.Timed<Object> tn = earlierFirst ? second : first;
      double[] me = earlier.means2030(te.result());
      double[] mn = now.means2030(tn.result());
      if (!Arrays.equals(me, mn)) {
        throw new AssertionError("the builds' results differ: means in 2030 " + Arrays.toString(me) + " against "
            + Arrays.toString(mn) + " for " + earlier.metrics);
      }
      String label = r < 0 ? "warm-up " + (r + warmUp + 1) : "round " + (r + 1);
      System.out.printf(Locale.ROOT, "%-10s earlier %.3f s (cpu %.3f s)  this %.3f s (cpu %.3f s)  speed-up %.3f"
          + " (cpu %.3f)%s%n", label, te.seconds(), te.cpuSeconds(), tn.seconds(), tn.cpuSeconds(),
          te.seconds() / tn.seconds(), te.cpuSeconds() / tn.cpuSeconds(), earlierFirst ? "" : "  (this first)");
      if (r >= 0) {
        a[r] = te.seconds();
        b[r] = tn.seconds();
        ratio[r] = te.seconds() / tn.seconds();
        cpuRatio[r] = te.cpuSeconds() / tn.cpuSeconds();
      }
    }
    System.out.printf(Locale.ROOT, "results equal in every round (means of %d metrics in 2030)%n",
        earlier.metrics.size());
    System.out.printf(Locale.ROOT, "median earlier %.3f s (%.3f–%.3f), this %.3f s (%.3f–%.3f)%n",
        PairedTiming.median(a), PairedTiming.min(a), PairedTiming.max(a), PairedTiming.median(b), PairedTiming.min(b),
        PairedTiming.max(b));
    System.out.printf(Locale.ROOT, "speed-up earlier/this: median %.3f (range %.3f–%.3f over %d rounds);"
        + " process cpu: median %.3f%n", PairedTiming.median(ratio), PairedTiming.min(ratio), PairedTiming.max(ratio),
        rounds, PairedTiming.median(cpuRatio));
  }

  private static URL url(Path p) throws MalformedURLException {
    return p.toAbsolutePath().toUri().toURL();
  }
}
