package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.FukushimaCalibration;
import io.github.renkei.cluster.dynamics.Observation;
import io.github.renkei.cluster.simulation.CalibrationResult;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The out-of-sample check: compares the calibrated Fukushima scenario with observed figures in
 * the {@link Observation} file format — the years after FY2016 the calibration never saw, or the
 * shipped figures when no file is given — and prints observed, simulated mean, 95% CI, the range
 * of 90% of the runs and the relative error.
 *
 * <pre>
 * java -cp cluster-examples/target/renkei.jar io.github.renkei.cluster.examples.CheckObserved later.tsv
 * </pre>
 */
public final class CheckObserved {

  private CheckObserved() {}

  /**
   * Runs the check. A missing or malformed file, or a replication count that is not a positive
   * whole number, is one line on standard error and exit code 2.
   *
   * @param args the observations file (default: the shipped figures up to FY2016), optionally
   *     the replications (default 200)
   */
  public static void main(String[] args) {
    ExampleMain.run("CheckObserved", () -> {
      int replications = ExampleMain.positive(args, 1, "replications", 200);
      List<Observation> observed;
      if (args.length > 0) {
        try (Reader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
          observed = Observation.read(args[0], r);
        }
      } else {
        observed = Observation.fukushima();
      }
      run(observed, replications, System.out);
    });
  }

  /**
   * Compares and prints.
   *
   * @param observed the figures
   * @param replications replications
   * @param out where the table goes
   * @return the fits
   */
  static List<CalibrationResult.Fit> run(List<Observation> observed, int replications, PrintStream out) {
    List<CalibrationResult.Fit> fits = FukushimaCalibration.check(ClusterDynamics.fukushima(), observed,
        replications, 2016);
    out.printf("%-26s %-5s %9s %10s %-22s %-13s %s%n", "metric", "year", "observed", "simulated", "95% CI",
        "90% of runs", "error");
    for (CalibrationResult.Fit f : fits) {
      out.printf("%-26s %-5s %9.2f %10.1f [%8.1f, %8.1f]  %5.0f–%-6.0f %+6.1f %%%n", f.metric(), f.time(),
          f.observed(), f.mean(), f.lower(), f.upper(), f.simulated().quantile(0.05), f.simulated().quantile(0.95),
          100 * (f.mean() - f.observed()) / f.observed());
    }
    return fits;
  }
}
