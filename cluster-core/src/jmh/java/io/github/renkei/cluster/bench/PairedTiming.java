package io.github.renkei.cluster.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.ObjectName;

/** Timing for paired rounds: wall and process CPU time of one run, medians and ranges. */
final class PairedTiming {

  private PairedTiming() {}

  /**
   * A run's result, kept so that the work cannot be optimized away, its wall time and the CPU
   * time the whole process spent meanwhile (JIT and GC threads included).
   *
   * @param <T> the result's type
   */
  record Timed<T>(T result, double seconds, double cpuSeconds) {}

  /** Times a run after a full collection, so that no run pays for another's garbage. */
  static <T> Timed<T> time(Supplier<T> run) {
    System.gc();
    long c0 = processCpuNanos();
    long t0 = System.nanoTime();
    T result = run.get();
    long t1 = System.nanoTime();
    long c1 = processCpuNanos();
    return new Timed<>(result, (t1 - t0) / 1e9, (c1 - c0) / 1e9);
  }

  /** The process CPU time, read as a JMX attribute: com.sun.management is not readable from this module. */
  static long processCpuNanos() {
    try {
      return (Long) ManagementFactory.getPlatformMBeanServer()
          .getAttribute(new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME), "ProcessCpuTime");
    } catch (JMException e) {
      throw new IllegalStateException("this JVM does not report the process's CPU time", e);
    }
  }

  static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  static double min(double[] x) {
    return Arrays.stream(x).min().orElseThrow();
  }

  static double max(double[] x) {
    return Arrays.stream(x).max().orElseThrow();
  }
}
