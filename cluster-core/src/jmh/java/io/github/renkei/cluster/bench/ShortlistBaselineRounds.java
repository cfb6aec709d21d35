package io.github.renkei.cluster.bench;

import java.io.File;
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
 * Issue 18: this build's {@code Shortlists.of(problem, 10)} on the instance (d)
 * ({@link EligibilityData}: 20,000 needs × 5,000 suppliers, the standard constraints and scorer,
 * a parallel problem) against an earlier build's, in paired rounds in one JVM. Each build's
 * {@code cluster-core} classes and benchmark classes ({@code target/classes},
 * {@code target/test-classes}) are loaded in a class loader of their own, with the same
 * third-party jars from this class path; each generates the instance and builds a new problem
 * before every shot, outside the timing, as {@link ShortlistBenchmark} does. Each round times one
 * shot of each build, the order alternating from round to round; the figures are the medians
 * and the median of the per-round ratios of wall and process CPU time, this / earlier. The last
 * shortlists of the two builds must be the same: every need's counts, and every entry's rank,
 * supplier, capacities, score breakdown (each double to the bit), violation and text.
 *
 * <p>Arguments: the earlier build's root (a checkout of that commit built with
 * {@code mvn -B -q -pl cluster-core -am -Pbenchmarks test-compile}), and optionally rounds (9),
 * warm-up rounds (3) and {@code no-gc} to time the shots as JMH does, without a
 * {@code System.gc()} before each.
 */
public final class ShortlistBaselineRounds {

  private ShortlistBaselineRounds() {}

  /** One build, loaded on its own, with its instance. */
  private static final class Build {
    private final String name;
    private final Object data;
    private final Method problem;
    private final Method shortlists;

    Build(String name, URL[] classes, URL[] libraries) throws ReflectiveOperationException {
      this.name = name;
      URL[] urls = new URL[classes.length + libraries.length];
      System.arraycopy(classes, 0, urls, 0, classes.length);
      System.arraycopy(libraries, 0, urls, classes.length, libraries.length);
      ClassLoader loader = new URLClassLoader(name, urls, ClassLoader.getPlatformClassLoader());
      Class<?> instance = loader.loadClass("io.github.renkei.cluster.bench.EligibilityData");
      Method generate = instance.getDeclaredMethod("generate", int.class, int.class, long.class);
      generate.setAccessible(true);
      this.data = generate.invoke(null, EligibilityBenchmark.SUPPLIERS, EligibilityBenchmark.NEEDS,
          EligibilityData.SEED);
      this.problem = instance.getDeclaredMethod("problem", boolean.class);
      problem.setAccessible(true);
      Class<?> problemClass = loader.loadClass("io.github.renkei.cluster.matching.MatchingProblem");
      this.shortlists = loader.loadClass("io.github.renkei.cluster.matching.Shortlists")
          .getMethod("of", problemClass, int.class);
      System.out.printf(Locale.ROOT, "%-8s %s%n", name, Arrays.toString(classes));
    }

    /** A new problem, made before the timing. */
    Object problem() {
      try {
        return problem.invoke(data, true);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(name + ": the problem could not be built", e);
      }
    }

    Object shortlists(Object p) {
      try {
        return shortlists.invoke(null, p, ShortlistBenchmark.K);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(name + ": the shortlists failed", e);
      }
    }
  }

  /**
   * Runs the rounds.
   *
   * @param args the earlier build's root; rounds, warm-up rounds, {@code no-gc}
   * @throws Exception if a build cannot be loaded or run
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: ShortlistBaselineRounds <earlier build's root> [rounds]"
          + " [warm-up rounds] [no-gc]");
    }
    Path root = Path.of(args[0]);
    Path earlierClasses = root.resolve(Path.of("cluster-core", "target", "classes"));
    Path earlierBench = root.resolve(Path.of("cluster-core", "target", "test-classes"));
    if (!Files.isDirectory(earlierClasses) || !Files.isDirectory(earlierBench)) {
      throw new IllegalArgumentException("the earlier build '" + root.toAbsolutePath() + "' has no cluster-core"
          + " target/classes and target/test-classes; build it with mvn -B -q -pl cluster-core -am -Pbenchmarks"
          + " test-compile in a checkout of that commit");
    }
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    boolean gc = !(args.length > 3 && args[3].equals("no-gc"));
    if (rounds < 1 || warmUp < 0 || args.length > 3 && gc) {
      throw new IllegalArgumentException("rounds must be >= 1, warm-up >= 0 and the fourth argument no-gc but were "
          + Arrays.toString(args));
    }
    List<URL> current = new ArrayList<>();
    List<URL> libraries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (p.endsWith(Path.of("target", "classes")) || p.endsWith(Path.of("target", "test-classes"))) {
        current.add(url(p));
      } else if (entry.endsWith(".jar") && !p.getFileName().toString().startsWith("cluster-")) {
        libraries.add(url(p));
      }
    }
    if (current.size() != 2) {
      throw new IllegalStateException("this build's target/classes and target/test-classes are not both on the class"
          + " path: " + System.getProperty("java.class.path"));
    }
    URL[] libs = libraries.toArray(URL[]::new);
    Build earlier = new Build("earlier", new URL[] {url(earlierBench), url(earlierClasses)}, libs);
    Build now = new Build("this", current.toArray(URL[]::new), libs);
    System.out.printf(Locale.ROOT, "%d warm-up + %d rounds, k = %d, %s%n", warmUp, rounds, ShortlistBenchmark.K,
        gc ? "System.gc() before each shot" : "no System.gc() (as in JMH)");
    double[][] wall = new double[2][rounds];
    double[][] cpu = new double[2][rounds];
    double[] ratio = new double[rounds];
    double[] cpuRatio = new double[rounds];
    Object[] last = new Object[2];
    for (int r = -warmUp; r < rounds; r++) {
      boolean earlierFirst = Math.floorMod(r, 2) == 0;
      double[] w = new double[2];
      double[] c = new double[2];
      for (int i = 0; i < 2; i++) {
        int b = earlierFirst ? i : 1 - i;
        Build build = b == 0 ? earlier : now;
        Object p = build.problem();
        if (gc) {
          System.gc();
        }
        long c0 = PairedTiming.processCpuNanos();
        long t0 = System.nanoTime();
        last[b] = build.shortlists(p);
        w[b] = (System.nanoTime() - t0) / 1e9;
        c[b] = (PairedTiming.processCpuNanos() - c0) / 1e9;
      }
      String label = r < 0 ? "warm-up " + (r + warmUp + 1) : "round " + (r + 1);
      System.out.printf(Locale.ROOT, "%-10s earlier %.3f s (cpu %.3f s)  this %.3f s (cpu %.3f s)  this/earlier %.3f"
          + " (cpu %.3f)%s%n", label, w[0], c[0], w[1], c[1], w[1] / w[0], c[1] / c[0],
          earlierFirst ? "" : "  (this first)");
      if (r >= 0) {
        for (int b = 0; b < 2; b++) {
          wall[b][r] = w[b];
          cpu[b][r] = c[b];
        }
        ratio[r] = w[1] / w[0];
        cpuRatio[r] = c[1] / c[0];
      }
    }
    String a = fingerprint(last[0]);
    String b = fingerprint(last[1]);
    if (!a.equals(b)) {
      throw new AssertionError("the builds' shortlists differ (fingerprints of " + a.length() + " and " + b.length()
          + " characters)");
    }
    System.out.printf(Locale.ROOT, "the same shortlists (every entry, every double to the bit, every text: %,d"
        + " characters)%n", a.length());
    for (int i = 0; i < 2; i++) {
      System.out.printf(Locale.ROOT, "median %-7s %.3f s (%.3f–%.3f), cpu %.3f s%n", i == 0 ? "earlier" : "this",
          PairedTiming.median(wall[i]), PairedTiming.min(wall[i]), PairedTiming.max(wall[i]),
          PairedTiming.median(cpu[i]));
    }
    System.out.printf(Locale.ROOT, "this/earlier: median %.3f (range %.3f–%.3f over %d rounds); process cpu: median"
        + " %.3f%n", PairedTiming.median(ratio), PairedTiming.min(ratio), PairedTiming.max(ratio), rounds,
        PairedTiming.median(cpuRatio));
  }

  /** Every need's counts and every entry's fields, doubles as their bits, texts in full. */
  private static String fingerprint(Object lists) throws ReflectiveOperationException {
    StringBuilder s = new StringBuilder();
    for (Object list : (List<?>) call(lists, "all")) {
      s.append(call(list, "need")).append(' ').append(call(list, "eligible")).append(' ')
          .append(call(list, "nearMissCount")).append(' ').append(call(list, "lockedTo")).append('\n');
      for (Object c : (List<?>) call(list, "candidates")) {
        entry(s, c).append('\n');
      }
      for (Object m : (List<?>) call(list, "nearMisses")) {
        Object v = call(m, "violation");
        entry(s, m).append(" | ").append(call(v, "constraint")).append(" | ").append(call(v, "reason")).append('\n');
      }
    }
    return s.toString();
  }

  private static StringBuilder entry(StringBuilder s, Object e) throws ReflectiveOperationException {
    Object score = call(e, "score");
    s.append(call(e, "rank")).append(' ').append(call(e, "supplier")).append(' ').append(call(e, "capacity"))
        .append(' ').append(call(e, "capacityLeft")).append(' ')
        .append(Double.doubleToRawLongBits((Double) call(score, "total")));
    for (Object part : ((java.util.Map<?, ?>) call(score, "components")).entrySet()) {
      java.util.Map.Entry<?, ?> p = (java.util.Map.Entry<?, ?>) part;
      s.append(' ').append(p.getKey()).append('=').append(Double.doubleToRawLongBits((Double) p.getValue()));
    }
    return s.append(" | ").append(e);
  }

  private static Object call(Object o, String method) throws ReflectiveOperationException {
    Method m = o.getClass().getMethod(method);
    m.setAccessible(true);
    return m.invoke(o);
  }

  private static URL url(Path p) throws MalformedURLException {
    return p.toAbsolutePath().toUri().toURL();
  }
}
