package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterWorld;
import io.github.renkei.cluster.dynamics.FukushimaCalibration;
import io.github.renkei.cluster.dynamics.Observation;
import io.github.renkei.cluster.dynamics.RegionProfile;
import io.github.renkei.cluster.inference.Backtest;
import io.github.renkei.cluster.inference.BacktestResult;
import io.github.renkei.cluster.simulation.Target;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Backtests of the Fukushima scenario on the figures up to FY2016: for each cut-off year Y, the
 * Bayesian calibration ({@link RegionProfile#abc}, the shipped settings of {@link
 * FukushimaCalibration#abc} with fewer particles) sees only the figures of years ≤ Y, and the
 * posterior predictive bands (with the discrepancy estimated from those figures) are compared with
 * the figures of the years after it. Prints, per series, how often the 50 % and 90 % bands held the
 * later figures and the mean absolute percentage error of the predictive median.
 *
 * <pre>
 * java -cp cluster-examples/target/renkei.jar io.github.renkei.cluster.examples.FukushimaBacktest [particles] [draws]
 * </pre>
 */
public final class FukushimaBacktest {

  /** The cut-off years: each leaves figures of at least two series after it. */
  static final List<String> CUTOFFS = List.of("2011", "2012", "2013", "2014");

  private FukushimaBacktest() {}

  /**
   * Runs the backtests on every core.
   *
   * @param args particles per calibration (default 500) and predictive draws (default 200)
   */
  public static void main(String[] args) {
    ExampleMain.run("FukushimaBacktest", () -> {
      int particles = ExampleMain.positive(args, 0, "particles", 500);
      int draws = ExampleMain.positive(args, 1, "draws", 200);
      int threads = Runtime.getRuntime().availableProcessors();
      long start = System.nanoTime();
      BacktestResult r = run(particles, draws, threads);
      System.out.println(r.table());
      System.out.printf(Locale.ROOT, "%d cut-offs, %d particles per calibration, %d predictive draws, %.0f s on %d"
          + " threads%n", CUTOFFS.size(), particles, draws, (System.nanoTime() - start) / 1e9, threads);
    });
  }

  /**
   * Runs the backtests.
   *
   * @param particles particles per calibration
   * @param draws predictive draws per cut-off
   * @param threads threads
   * @return the result
   */
  static BacktestResult run(int particles, int draws, int threads) {
    RegionProfile profile = RegionProfile.fukushima();
    ClusterWorld world = ClusterWorld.fukushima();
    List<Observation> observed = Observation.fukushima();
    List<Target> targets = FukushimaCalibration.targets(observed);
    return Backtest.of(ClusterDynamics.fukushima(), targets)
        .cutoffs(CUTOFFS.toArray(String[]::new))
        .fit(training -> {
          Set<String> seen = training.stream().map(t -> t.metric() + "@" + t.time()).collect(Collectors.toSet());
          List<Observation> known = observed.stream().filter(o -> seen.contains(o.metric() + "@" + o.year())).toList();
          return profile.abc(world, known).particles(particles).minimumEpsilon(FukushimaCalibration.ABC_MINIMUM_EPSILON)
              .maxGenerations(FukushimaCalibration.ABC_GENERATIONS).maxSimulations(FukushimaCalibration.ABC_SIMULATIONS)
              .seed(FukushimaCalibration.ABC_SEED).threads(threads).run();
        })
        .draws(draws).replications(1).discrepancy(true).seed(2016).threads(threads)
        .run();
  }
}
