package io.github.renkei.cluster.inference;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.simulation.Schedule;
import io.github.renkei.cluster.simulation.Statistics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a {@link Predictive} produced: the posterior predictive sample of each metric at each
 * time of the schedule, with and without the discrepancy term, the particles drawn, the estimate
 * of an estimated discrepancy, and bands that say which uncertainty they carry. Immutable.
 *
 * <pre>{@code
 * PredictiveResult p = Predictive.of(scenario, posterior).discrepancy(Discrepancy.fixed(0.1)).seed(1).run();
 * Band b = p.band("registered", "2030", 0.9);      // with the term: where an observation falls
 * Band m = p.bandWithoutDiscrepancy("registered", "2030", 0.9);  // where the model's output falls
 * b.kind().label();                                  // "posterior-predictive+discrepancy"
 * p.statistics("registered", "2030").mean();
 * try (Writer w = Files.newBufferedWriter(path)) {
 *   p.toCsv(w);                                      // 50 % and 90 % bands of every metric and time
 * }
 * }</pre>
 *
 * <h2>Samples and bands</h2>
 * {@link #values(String, String)} is the predictive sample at a metric and time: one value per
 * draw and replication that reached the time, draw-major, with the discrepancy term if there is
 * one; {@link #valuesWithoutDiscrepancy} the same runs' simulated values. A band of level
 * {@code ℓ} is the sample's central interval, its {@code (1 − ℓ)/2} and {@code (1 + ℓ)/2}
 * quantiles (type 7, as {@link Statistics#quantile}), with the sample's median; its {@linkplain
 * Band#kind() kind} is {@link Band.Kind#POSTERIOR_PREDICTIVE} without a term and {@link
 * Band.Kind#POSTERIOR_PREDICTIVE_WITH_DISCREPANCY} with one. A time that no run reached (a stop
 * condition ended them all before it) has an empty sample; {@link #statistics} and the bands
 * refuse it, and {@link #rows} leaves it out.
 */
public final class PredictiveResult {

  /** The levels of the bands {@link #rows()} and {@link #toCsv(Appendable)} write. */
  public static final ImmutableList<Double> DEFAULT_LEVELS = ImmutableList.of(0.5, 0.9);

  /** The header {@link #toCsv} writes. */
  public static final String CSV_HEADER = "metric,time,band,level,lower,median,upper";

  private final ImmutableList<String> metrics;
  private final ImmutableList<String> times;
  private final ImmutableList<Particle> particles;
  private final int replications;
  /** [metric][step][sample]: the simulated values. */
  private final double[][][] simulated;
  /** [metric][step][sample]: with the discrepancy term; null without one. */
  private final double[][][] observed;
  private final Discrepancy discrepancy;
  private final Discrepancy.Estimate estimate;

  PredictiveResult(Schedule schedule, List<String> metrics, ImmutableList<Particle> particles, int replications,
      double[][][] simulated, double[][][] observed, Discrepancy discrepancy, Discrepancy.Estimate estimate) {
    this.metrics = ImmutableList.copyOf(metrics);
    ImmutableList.Builder<String> t = ImmutableList.builder();
    for (int i = 0; i < schedule.size(); i++) {
      t.add(schedule.label(i));
    }
    this.times = t.build();
    this.particles = particles;
    this.replications = replications;
    this.simulated = simulated;
    this.observed = observed;
    this.discrepancy = discrepancy;
    this.estimate = estimate;
  }

  /**
   * Returns the metrics, in the order given to the predictive.
   *
   * @return the metric names
   */
  public ImmutableList<String> metrics() {
    return metrics;
  }

  /**
   * Returns the time labels of the schedule, in order.
   *
   * @return the labels
   */
  public ImmutableList<String> times() {
    return times;
  }

  /**
   * Returns the number of parameter draws.
   *
   * @return {@code D}
   */
  public int draws() {
    return particles.size();
  }

  /**
   * Returns the replications run at each draw.
   *
   * @return {@code R}
   */
  public int replications() {
    return replications;
  }

  /**
   * Returns the particles drawn from the posterior, draw {@code i} at index {@code i}.
   *
   * @return the particles
   */
  public ImmutableList<Particle> particles() {
    return particles;
  }

  /**
   * Returns the discrepancy term the predictive ran with.
   *
   * @return the term; {@link Discrepancy#none()} for none
   */
  public Discrepancy discrepancyTerm() {
    return discrepancy;
  }

  /**
   * Returns the estimate of an estimated discrepancy term.
   *
   * @return the estimate; empty for no term or a fixed one
   */
  public Optional<Discrepancy.Estimate> discrepancy() {
    return Optional.ofNullable(estimate);
  }

  /**
   * Returns the kind of the bands {@link #band} reads.
   *
   * @return {@link Band.Kind#POSTERIOR_PREDICTIVE}, or {@link
   *     Band.Kind#POSTERIOR_PREDICTIVE_WITH_DISCREPANCY} if there is a discrepancy term
   */
  public Band.Kind bandKind() {
    return observed == null ? Band.Kind.POSTERIOR_PREDICTIVE : Band.Kind.POSTERIOR_PREDICTIVE_WITH_DISCREPANCY;
  }

  /**
   * Returns the predictive sample at a metric and time, with the discrepancy term if there is
   * one.
   *
   * @param metric the metric
   * @param time a time label of the schedule
   * @return one value per draw and replication that reached the time, draw-major; empty if none
   *     did
   * @throws IllegalArgumentException naming the metric or time if the result has no such metric
   *     or time
   */
  public double[] values(String metric, String time) {
    return (observed == null ? simulated : observed)[metric(metric)][time(time)].clone();
  }

  /**
   * Returns the simulated values at a metric and time: parameter uncertainty and replication
   * noise only. Without a discrepancy term equal to {@link #values}.
   *
   * @param metric the metric
   * @param time a time label of the schedule
   * @return one value per draw and replication that reached the time, draw-major
   * @throws IllegalArgumentException naming the metric or time if the result has no such metric
   *     or time
   */
  public double[] valuesWithoutDiscrepancy(String metric, String time) {
    return simulated[metric(metric)][time(time)].clone();
  }

  /**
   * Summarizes the predictive sample at a metric and time.
   *
   * @param metric the metric
   * @param time a time label of the schedule
   * @return the statistics of {@link #values}
   * @throws IllegalArgumentException naming the metric and time if the result has no such metric
   *     or time, or no run reached the time
   */
  public Statistics statistics(String metric, String time) {
    return summary(observed == null ? simulated : observed, metric, time);
  }

  /**
   * Summarizes the simulated values at a metric and time, without the discrepancy term.
   *
   * @param metric the metric
   * @param time a time label of the schedule
   * @return the statistics of {@link #valuesWithoutDiscrepancy}
   * @throws IllegalArgumentException naming the metric and time if the result has no such metric
   *     or time, or no run reached the time
   */
  public Statistics withoutDiscrepancy(String metric, String time) {
    return summary(simulated, metric, time);
  }

  /**
   * Returns the central predictive band at a metric and time.
   *
   * @param metric the metric
   * @param time a time label of the schedule
   * @param level the probability inside, in (0, 1), such as 0.9
   * @return the band, of {@linkplain #bandKind() this result's kind}
   * @throws IllegalArgumentException naming the value if the level is outside (0, 1), or as
   *     {@link #statistics}
   */
  public Band band(String metric, String time, double level) {
    checkLevel(level);
    return Band.of(bandKind(), level, statistics(metric, time));
  }

  /**
   * Returns the central band of the simulated values at a metric and time, without the
   * discrepancy term.
   *
   * @param metric the metric
   * @param time a time label of the schedule
   * @param level the probability inside, in (0, 1)
   * @return the band, of kind {@link Band.Kind#POSTERIOR_PREDICTIVE}
   * @throws IllegalArgumentException as {@link #band}
   */
  public Band bandWithoutDiscrepancy(String metric, String time, double level) {
    checkLevel(level);
    return Band.of(Band.Kind.POSTERIOR_PREDICTIVE, level, withoutDiscrepancy(metric, time));
  }

  /**
   * Returns the bands at the {@linkplain #DEFAULT_LEVELS default levels} (50 % and 90 %) for
   * every metric and every time some run reached; see {@link #rows(double...)}.
   *
   * @return the rows
   */
  public ImmutableList<Row> rows() {
    return rows(DEFAULT_LEVELS.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * Returns bands for a table or a CSV file: for every metric, every time some run reached and
   * every level, the band of {@linkplain #bandKind() this result's kind} and, if there is a
   * discrepancy term, the band without it after it.
   *
   * @param levels the levels, each in (0, 1), at least one
   * @return the rows, by metric, then time, then level
   * @throws IllegalArgumentException naming the level if one is outside (0, 1), or if none is
   *     given
   */
  public ImmutableList<Row> rows(double... levels) {
    checkNotNull(levels, "levels");
    checkArgument(levels.length > 0, "rows need at least one level");
    for (double l : levels) {
      checkLevel(l);
    }
    ImmutableList.Builder<Row> rows = ImmutableList.builder();
    for (String m : metrics) {
      for (int t = 0; t < times.size(); t++) {
        if (simulated[metric(m)][t].length == 0) {
          continue;
        }
        String time = times.get(t);
        Statistics with = statistics(m, time);
        Statistics without = observed == null ? null : withoutDiscrepancy(m, time);
        for (double l : levels) {
          rows.add(new Row(m, time, Band.of(bandKind(), l, with)));
          if (without != null) {
            rows.add(new Row(m, time, Band.of(Band.Kind.POSTERIOR_PREDICTIVE, l, without)));
          }
        }
      }
    }
    return rows.build();
  }

  /**
   * Writes the {@linkplain #rows() rows at the default levels} as CSV with the header
   * {@value #CSV_HEADER}; numbers as {@link Double#toString(double)} writes them (a point as the
   * decimal separator, whatever the locale).
   *
   * @param out where to write
   * @throws UncheckedIOException if writing fails
   */
  public void toCsv(Appendable out) {
    toCsv(out, DEFAULT_LEVELS.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * Writes the {@linkplain #rows(double...) rows at some levels} as CSV with the header
   * {@value #CSV_HEADER}.
   *
   * @param out where to write
   * @param levels the levels, each in (0, 1)
   * @throws UncheckedIOException if writing fails
   * @throws IllegalArgumentException as {@link #rows(double...)}
   */
  public void toCsv(Appendable out, double... levels) {
    checkNotNull(out, "out");
    ImmutableList<Row> rows = rows(levels);
    try {
      out.append(CSV_HEADER).append('\n');
      for (Row r : rows) {
        out.append(r.toCsv()).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing the predictive's CSV failed", e);
    }
  }

  private Statistics summary(double[][][] values, String metric, String time) {
    double[] v = values[metric(metric)][time(time)];
    checkArgument(v.length > 0, "no predictive run reached metric '%s' at %s (a stop condition ended them all"
        + " before it)", metric, time);
    return Statistics.of(v);
  }

  private int metric(String metric) {
    checkNotNull(metric, "metric");
    int m = metrics.indexOf(metric);
    checkArgument(m >= 0, "the predictive has no metric '%s' (metrics: %s)", metric, metrics);
    return m;
  }

  private int time(String time) {
    checkNotNull(time, "time");
    int t = times.indexOf(time);
    checkArgument(t >= 0, "the predictive has no time '%s' (times: %s to %s)", time, times.get(0),
        times.get(times.size() - 1));
    return t;
  }

  private static void checkLevel(double level) {
    checkArgument(level > 0 && level < 1, "band level must be in (0, 1) but was %s", level);
  }

  /** Returns the size and, per metric, the median and 90 % band at the last time some run reached. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "PredictiveResult[%d draws × %d replications, %s%s]",
        draws(), replications, discrepancy, estimate == null ? "" : " " + estimate));
    for (String m : metrics) {
      for (int t = times.size() - 1; t >= 0; t--) {
        if (simulated[metric(m)][t].length > 0) {
          Band b = band(m, times.get(t), 0.9);
          s.append(String.format(Locale.ROOT, "%n  %s@%s: %.5g [%.5g, %.5g] (%s 90 %%)", m, times.get(t), b.median(),
              b.lower(), b.upper(), b.kind().label()));
          break;
        }
      }
    }
    return s.toString();
  }

  /**
   * One line of the predictive's table: a band at a metric and time.
   *
   * @param metric the metric
   * @param time the time label
   * @param band the band
   */
  public record Row(String metric, String time, Band band) {

    /**
     * Validates the fields.
     *
     * @param metric the metric
     * @param time the time
     * @param band the band
     */
    public Row {
      checkNotNull(metric, "metric");
      checkNotNull(time, "time");
      checkNotNull(band, "band");
    }

    /**
     * Returns the row as a CSV line without its line end, in the columns of {@value
     * PredictiveResult#CSV_HEADER}: metric, time, band label, level, lower, median, upper; a field with a comma,
     * quote or line break is quoted (RFC 4180).
     *
     * @return the line
     */
    public String toCsv() {
      return quote(metric) + "," + quote(time) + "," + band.kind().label() + "," + band.level() + "," + band.lower()
          + "," + band.median() + "," + band.upper();
    }

    private static String quote(String field) {
      if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
        return field;
      }
      return '"' + field.replace("\"", "\"\"") + '"';
    }
  }
}
