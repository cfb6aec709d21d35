package io.github.renkei.cluster.spark.cluster;

import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Statistics;
import java.util.List;
import java.util.OptionalDouble;

/**
 * An experiment result as text that two results share if and only if they agree bit for bit in
 * every summary and every replication's value: one line per summary (scenario, grid point,
 * metric, step) with its count, mean, standard deviation, minimum and maximum, then the values of
 * the replications, each double as the hexadecimal of its bits.
 *
 * <p>It runs in a Spark driver on {@code renkei-spark.jar}, where Guava is relocated, as well as
 * in the test JVM: it calls no method whose signature names a Guava type except through
 * reflection.
 */
public final class ResultDump {

  private ResultDump() {}

  /**
   * Dumps a result.
   *
   * @param result the result
   * @return one line for the run, then one per summary
   */
  public static String of(ExperimentResult result) {
    StringBuilder b = new StringBuilder();
    b.append("run ").append(result.run()).append(" seed ").append(result.seed()).append('\n');
    for (Object o : summaries(result)) {
      ExperimentResult.Summary s = (ExperimentResult.Summary) o;
      Statistics st = s.statistics();
      OptionalDouble sd = st.standardDeviation();
      b.append(s.scenario()).append(' ').append(s.point()).append(' ').append(s.metric()).append(' ')
          .append(s.step()).append(' ').append(s.time()).append(" n=").append(st.count())
          .append(" mean=").append(bits(st.mean()))
          .append(" sd=").append(sd.isPresent() ? bits(sd.getAsDouble()) : "-")
          .append(" min=").append(bits(st.min())).append(" max=").append(bits(st.max())).append(" values=");
      for (double v : result.values(s.scenario(), s.point(), s.metric(), s.step())) {
        b.append(bits(v)).append(',');
      }
      b.append('\n');
    }
    return b.toString();
  }

  private static List<?> summaries(ExperimentResult result) {
    try {
      return (List<?>) ExperimentResult.class.getMethod("summaries").invoke(result);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("ExperimentResult.summaries()", e);
    }
  }

  private static String bits(double v) {
    return Long.toHexString(Double.doubleToRawLongBits(v));
  }
}
