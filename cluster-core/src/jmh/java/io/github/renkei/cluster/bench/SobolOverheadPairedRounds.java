package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.inference.SobolResult;
import io.github.renkei.cluster.simulation.Statistics;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Issue 14's overhead measured in paired rounds: in one JVM, the Sobol' engine and the bare loop
 * over the same design points ({@link SobolOverheadBenchmark}, same model, same threads)
 * alternate, each round timing one run of each, so that the VM's drifting speed hits both
 * alike; the figure is the median of the per-round ratios engine / bare, of the wall time and of
 * the process's CPU time. The order within a round alternates (engine first in even rounds, bare
 * first in odd ones), so neither always follows the other's garbage.
 *
 * <p>Arguments, all optional: rounds (7), warm-up rounds (2), bootstrap resamples (1000),
 * threads (2), the scenario's last year (2016), base samples N (1024). Prints each round's times
 * and ratios, the medians and ranges, and checks that the engine's mean of {@code f(A)} and
 * {@code f(B)} equals the bare loop's mean of the same points, which shows both ran the same
 * model at the same points.
 */
public final class SobolOverheadPairedRounds {

  private SobolOverheadPairedRounds() {}

  /**
   * Runs the rounds.
   *
   * @param args rounds, warm-up rounds, bootstrap resamples, threads, last year, base samples
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int resamples = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    int lastYear = args.length > 4 ? Integer.parseInt(args[4]) : 2016;
    int n = args.length > 5 ? Integer.parseInt(args[5]) : SobolOverheadBenchmark.BASE_SAMPLES;
    if (rounds < 1 || warmUp < 0 || resamples < 1 || threads < 1 || lastYear < 2016 || lastYear > 2030 || n < 8) {
      throw new IllegalArgumentException("rounds, resamples and threads must be >= 1, warm-up >= 0, last year in "
          + "2016..2030 and N >= 8 but were " + Arrays.toString(args));
    }
    SobolOverheadBenchmark.Work work = SobolOverheadBenchmark.Work.of(lastYear, n);
    ExecutorService pool = SobolOverheadBenchmark.Work.pool(threads);
    System.out.printf(Locale.ROOT, "model: %s%n", work.model);
    System.out.printf(Locale.ROOT, "N=%d, %d factors, %d evaluations, bootstrap %d, %d threads, "
        + "%d warm-up + %d rounds%n", n, work.names.length, work.design.length, resamples, threads, warmUp, rounds);

    double[] engine = new double[rounds];
    double[] bare = new double[rounds];
    double[] ratio = new double[rounds];
    double[] cpuEngine = new double[rounds];
    double[] cpuBare = new double[rounds];
    double[] cpuRatio = new double[rounds];
    for (int r = -warmUp; r < rounds; r++) {
      boolean engineFirst = Math.floorMod(r, 2) == 0;
      Supplier<Object> e = () -> work.engine(resamples, threads);
      Supplier<Object> b = () -> work.bare(pool, threads);
      Timed first = time(engineFirst ? e : b);
      Timed second = time(engineFirst ? b : e);
      Timed te = engineFirst ? first : second;
      Timed tb = engineFirst ? second : first;
      check((SobolResult) te.result(), (double[]) tb.result(), n);
      String label = r < 0 ? "warm-up " + (r + warmUp + 1) : "round " + (r + 1);
      System.out.printf(Locale.ROOT, "%-10s wall: engine %.3f s  bare %.3f s  ratio %.3f   cpu: engine %.3f s"
          + "  bare %.3f s  ratio %.3f%s%n", label, te.seconds(), tb.seconds(), te.seconds() / tb.seconds(),
          te.cpuSeconds(), tb.cpuSeconds(), te.cpuSeconds() / tb.cpuSeconds(), engineFirst ? "" : "  (bare first)");
      if (r >= 0) {
        engine[r] = te.seconds();
        bare[r] = tb.seconds();
        ratio[r] = te.seconds() / tb.seconds();
        cpuEngine[r] = te.cpuSeconds();
        cpuBare[r] = tb.cpuSeconds();
        cpuRatio[r] = te.cpuSeconds() / tb.cpuSeconds();
      }
    }
    pool.shutdownNow();
    System.out.printf(Locale.ROOT, "wall: median engine %.3f s (%.3f–%.3f), median bare %.3f s (%.3f–%.3f)%n",
        median(engine), min(engine), max(engine), median(bare), min(bare), max(bare));
    System.out.printf(Locale.ROOT, "wall: median ratio engine/bare %.3f (range %.3f–%.3f over %d rounds)%n",
        median(ratio), min(ratio), max(ratio), rounds);
    System.out.printf(Locale.ROOT, "cpu:  median engine %.3f s (%.3f–%.3f), median bare %.3f s (%.3f–%.3f)%n",
        median(cpuEngine), min(cpuEngine), max(cpuEngine), median(cpuBare), min(cpuBare), max(cpuBare));
    System.out.printf(Locale.ROOT, "cpu:  median ratio engine/bare %.3f (range %.3f–%.3f over %d rounds)%n",
        median(cpuRatio), min(cpuRatio), max(cpuRatio), rounds);
    System.out.printf(Locale.ROOT, "per evaluation (median wall × threads / evaluations): engine %.3f ms, "
        + "bare %.3f ms%n", median(engine) * threads / work.design.length * 1e3,
        median(bare) * threads / work.design.length * 1e3);
  }

  /** Fails unless the engine's mean of f(A) and f(B) is the bare loop's mean of the same 2N points. */
  private static void check(SobolResult engine, double[] bare, int n) {
    double mean = Statistics.of(Arrays.copyOf(bare, 2 * n)).mean();
    if (Double.compare(mean, engine.mean()) != 0) {
      throw new IllegalStateException("the engine's mean of f(A) and f(B) is " + engine.mean()
          + " but the bare loop's is " + mean + ": they did not run the same model at the same points");
    }
  }

  /**
   * A run's result, kept so that the work cannot be optimized away, its wall time and the CPU
   * time the whole process spent meanwhile (JIT and GC threads included).
   */
  private record Timed(Object result, double seconds, double cpuSeconds) {}

  /** The platform's process CPU time, read as a JMX attribute: com.sun.management is not readable from this module. */
  private static long processCpuNanos() {
    try {
      return (Long) ManagementFactory.getPlatformMBeanServer()
          .getAttribute(new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME), "ProcessCpuTime");
    } catch (JMException e) {
      throw new IllegalStateException("this JVM does not report the process's CPU time", e);
    }
  }

  private static Timed time(Supplier<Object> run) {
    // a full collection before each run, so that neither run pays for the other's garbage
    System.gc();
    long c0 = processCpuNanos();
    long t0 = System.nanoTime();
    Object result = run.get();
    long t1 = System.nanoTime();
    long c1 = processCpuNanos();
    return new Timed(result, (t1 - t0) / 1e9, (c1 - c0) / 1e9);
  }

  private static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static double min(double[] x) {
    return Arrays.stream(x).min().orElseThrow();
  }

  private static double max(double[] x) {
    return Arrays.stream(x).max().orElseThrow();
  }
}
