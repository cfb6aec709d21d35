package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.simulation.ProgressListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of a long run on standard error, drawn as its reader will see it: a progress bar
 * redrawn in place when a person watches a terminal, and otherwise — output redirected to a file
 * or a pipe, a batch job's log — a plain line every few seconds and one at the end, because a bar
 * redraws itself with thousands of carriage returns that a log keeps as one endless line.
 *
 * <pre>{@code
 * try (ConsoleProgress progress = ConsoleProgress.start("replications", total, err)) {
 *   experiment.progress(progress.listener(0)).run();
 * }
 * }</pre>
 */
final class ConsoleProgress implements AutoCloseable {

  /** How often a plain line is printed when nobody watches a terminal. */
  static final Duration LINE_INTERVAL = Duration.ofSeconds(5);

  private final String task;
  private final long total;
  private final ProgressBar bar;
  private final PrintWriter lines;
  private final LongSupplier nanoTime;
  private final long intervalNanos;
  private final long startNanos;
  private long lastLineNanos;
  private long done;

  private ConsoleProgress(String task, long total, ProgressBar bar, PrintWriter lines, LongSupplier nanoTime,
      Duration interval) {
    this.task = task;
    this.total = total;
    this.bar = bar;
    this.lines = lines;
    this.nanoTime = nanoTime;
    this.intervalNanos = interval.toNanos();
    this.startNanos = nanoTime.getAsLong();
    this.lastLineNanos = startNanos;
  }

  /**
   * Starts reporting: a bar when the process runs in a terminal ({@link System#console()} is not
   * null, which on Java 17 means that neither standard input nor standard output is redirected),
   * plain lines on {@code err} otherwise.
   *
   * @param task what is counted, e.g. "replications"
   * @param total how many there will be
   * @param err standard error, for the plain lines
   * @return the report, to close at the end
   */
  static ConsoleProgress start(String task, long total, PrintWriter err) {
    if (System.console() != null) {
      ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
          .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).build();
      return new ConsoleProgress(task, total, bar, null, System::nanoTime, LINE_INTERVAL);
    }
    return lines(task, total, err, System::nanoTime, LINE_INTERVAL);
  }

  /**
   * Reports in plain lines only: at most one per interval, and one when closed after the last step.
   *
   * @param task what is counted
   * @param total how many there will be
   * @param out where the lines go
   * @param nanoTime the clock
   * @param interval the least time between two lines
   * @return the report
   */
  static ConsoleProgress lines(String task, long total, PrintWriter out, LongSupplier nanoTime, Duration interval) {
    return new ConsoleProgress(task, total, null, out, nanoTime, interval);
  }

  /**
   * A listener for one experiment of several run one after the other.
   *
   * @param before how many were done by the experiments before this one
   * @return the listener
   */
  ProgressListener listener(long before) {
    return p -> stepTo(before + p.done());
  }

  /**
   * Sets how many are done.
   *
   * @param count the count so far
   */
  synchronized void stepTo(long count) {
    done = count;
    if (bar != null) {
      bar.stepTo(count);
      return;
    }
    long now = nanoTime.getAsLong();
    if (now - lastLineNanos >= intervalNanos) {
      lastLineNanos = now;
      lines.println(line(now, false));
    }
  }

  private String line(long now, boolean end) {
    double seconds = (now - startNanos) / 1e9;
    String head = String.format(Locale.ROOT, "%s %d/%d (%.0f%%)", task, done, total,
        total == 0 ? 100.0 : 100.0 * done / total);
    if (end) {
      return String.format(Locale.ROOT, "%s in %.1f s", head, seconds);
    }
    String left = done == 0 ? "" : String.format(Locale.ROOT, ", about %.0f s left", seconds * (total - done) / done);
    return String.format(Locale.ROOT, "%s, %.0f s elapsed%s", head, seconds, left);
  }

  /**
   * Draws the bar complete, or prints the last line when every step is done. A run that stopped
   * early prints no last line: the command's one error line on standard error says why, alone.
   */
  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
    } else if (done >= total) {
      lines.println(line(nanoTime.getAsLong(), true));
      lines.flush();
    }
  }
}
