package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.dynamics.FukushimaCalibration;
import io.github.renkei.cluster.simulation.CalibrationResult;
import java.io.PrintStream;

/**
 * Reruns the shipped calibration of the Fukushima scenario ({@link FukushimaCalibration}) and
 * prints the best parameters and the fit per observed figure (observed, simulated mean, 95%
 * confidence interval). The library's defaults of the free parameters are the values it prints.
 *
 * <pre>
 * java -cp cluster-examples/target/renkei.jar io.github.renkei.cluster.examples.Calibrate
 * </pre>
 */
public final class Calibrate {

  private Calibrate() {}

  /**
   * Runs the calibration on every core.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    run(Runtime.getRuntime().availableProcessors(), System.out);
  }

  /**
   * Runs the shipped calibration and prints it.
   *
   * @param threads threads per evaluation
   * @param out where the report goes
   * @return the result
   */
  static CalibrationResult run(int threads, PrintStream out) {
    CalibrationResult result = FukushimaCalibration.shipped(threads).run();
    out.println(result);
    return result;
  }
}
