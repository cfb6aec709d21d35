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
 * Evaluates a model at the points of a design, or any indexed tasks, in parallel. Each value lands at its point's
 * index, so the values are identical whatever the number of threads. If points fail, the one
 * with the lowest index is reported, whatever the threads: workers take indices in increasing
 * order and skip only those above a failure already seen, so every point below the lowest
 * failure is evaluated.
 */
final class Evaluations {

  private Evaluations() {}

  static double[] run(SensitivityModel model, double[][] unit, int threads, ImmutableList<ProgressListener> listeners) {
    double[] values = new double[unit.length];
    forEach(unit.length, threads, listeners, i -> values[i] = model.value(unit[i]), (f, e) -> {
      if (e instanceof IllegalArgumentException) {
        return new IllegalArgumentException("design point " + f + ": " + e.getMessage(), e);
      }
      return new IllegalStateException("the model failed at design point " + f + " "
          + model.describe(model.values(unit[f])) + ": " + e, e);
    }, "the sensitivity analysis");
    return values;
  }

  /**
   * Runs {@code task} for every index below {@code n} on up to {@code threads} threads. If tasks
   * fail, {@code failure} turns the one of the lowest index into the exception thrown.
   */
  static void forEach(int n, int threads, ImmutableList<ProgressListener> listeners, java.util.function.IntConsumer task,
      java.util.function.BiFunction<Integer, RuntimeException, RuntimeException> failure, String what) {
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
          task.accept(i);
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
      runInParallel(worker, Math.min(threads, n), what);
    }
    int f = firstFailure.get();
    if (f != Integer.MAX_VALUE) {
      throw failure.apply(f, failures[f]);
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException(what + " was interrupted");
    }
  }

  private static void runInParallel(Runnable worker, int threads, String what) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "renkei-inference-" + count.incrementAndGet());
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
          throw new CancellationException(what + " was interrupted");
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
