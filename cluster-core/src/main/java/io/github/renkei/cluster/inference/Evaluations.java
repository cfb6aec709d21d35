package io.github.renkei.cluster.inference;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.simulation.Progress;
import io.github.renkei.cluster.simulation.ProgressListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Evaluates a model at the points of a design, in parallel. Each value lands at its point's
 * index, so the values are identical whatever the number of threads. If points fail, the one
 * with the lowest index is reported, whatever the threads: workers take indices in increasing
 * order and skip only those above a failure already seen, so every point below the lowest
 * failure is evaluated.
 */
final class Evaluations {

  private Evaluations() {}

  static double[] run(SensitivityModel model, double[][] unit, int threads, ImmutableList<ProgressListener> listeners) {
    int n = unit.length;
    double[] values = new double[n];
    RuntimeException[] failures = new RuntimeException[n];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);
    AtomicInteger done = new AtomicInteger();
    ReentrantLock reporting = new ReentrantLock();
    long start = System.nanoTime();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
        if (i > firstFailure.get() || Thread.currentThread().isInterrupted()) {
          continue;
        }
        try {
          values[i] = model.value(unit[i]);
        } catch (RuntimeException e) {
          failures[i] = e;
          firstFailure.accumulateAndGet(i, Math::min);
        }
        if (!listeners.isEmpty()) {
          // counted under the lock, so that listeners hear the counts in increasing order
          reporting.lock();
          try {
            Progress p = new Progress(done.incrementAndGet(), n, 0, Duration.ofNanos(System.nanoTime() - start));
            listeners.forEach(l -> l.onProgress(p));
          } finally {
            reporting.unlock();
          }
        }
      }
    };
    if (threads == 1 || n < 2) {
      worker.run();
    } else {
      runInParallel(worker, Math.min(threads, n));
    }
    int f = firstFailure.get();
    if (f != Integer.MAX_VALUE) {
      RuntimeException e = failures[f];
      if (e instanceof IllegalArgumentException) {
        throw new IllegalArgumentException("design point " + f + ": " + e.getMessage(), e);
      }
      throw new IllegalStateException("the model failed at design point " + f + " "
          + model.describe(model.values(unit[f])) + ": " + e, e);
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("the sensitivity analysis was interrupted");
    }
    return values;
  }

  private static void runInParallel(Runnable worker, int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "renkei-sensitivity-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    ExecutorService pool = Executors.newFixedThreadPool(threads, factory);
    try {
      List<Future<?>> futures = new ArrayList<>(threads);
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(worker));
      }
      for (Future<?> future : futures) {
        try {
          future.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CancellationException("the sensitivity analysis was interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
          // the worker catches the model's exceptions; anything else is an Error or a bug
          Throwable cause = e.getCause();
          if (cause instanceof Error) {
            throw (Error) cause;
          }
          throw new IllegalStateException(cause);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
