package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.EntryLadder;
import io.github.renkei.cluster.dynamics.MatchingRounds;
import io.github.renkei.cluster.dynamics.SupportStaff;
import io.github.renkei.cluster.inference.SensitivityModel;
import io.github.renkei.cluster.inference.Sobol;
import io.github.renkei.cluster.inference.SobolResult;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Scenario;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Which assumptions move the Fukushima scenario's registrations and parts shipments in 2030
 * most: Sobol' first-order and total indices (package {@code inference}) of ten coefficients the
 * library marks as assumptions, each varied from half to one and a half times its default.
 *
 * <pre>
 * java -cp cluster-examples/target/renkei.jar io.github.renkei.cluster.examples.FukushimaSensitivity [N] [replications]
 * </pre>
 */
public final class FukushimaSensitivity {

  /** The assumed coefficients varied, each over [0.5, 1.5] × its default. */
  static final List<Parameter<Double>> ASSUMED = List.of(EntryLadder.ENTRY_HAZARD, EntryLadder.OEM_HAZARD,
      EntryLadder.EXIT_HAZARD, EntryLadder.LICENCE_HURDLE, EntryLadder.TIE_EFFECT, EntryLadder.THEME_EFFECT,
      MatchingRounds.BROKERING, MatchingRounds.DEAL_RATE, MatchingRounds.NEEDS_PER_MAKER, SupportStaff.STAFF_LEARNING);

  private FukushimaSensitivity() {}

  /** Six decimals: 1.5 × 0.3 is 0.45 in the table, not 0.44999999999999996. */
  private static double round(double x) {
    return Math.round(x * 1e6) / 1e6;
  }

  /**
   * Runs the analysis on every core.
   *
   * @param args the base samples N (default 128) and the replications per point (default 2)
   */
  public static void main(String[] args) {
    ExampleMain.run("FukushimaSensitivity", () -> {
      int n = ExampleMain.positive(args, 0, "base samples", 128);
      int replications = ExampleMain.positive(args, 1, "replications", 2);
      run(n, replications, Runtime.getRuntime().availableProcessors(), System.out);
    });
  }

  /**
   * Runs the analysis of both metrics and prints the tables.
   *
   * @param n base samples
   * @param replications replications per design point
   * @param threads threads
   * @param out where the tables go
   * @return the results, registrations first
   */
  static List<SobolResult> run(int n, int replications, int threads, PrintStream out) {
    Scenario<ClusterState> fukushima = ClusterDynamics.fukushima();
    List<SobolResult> results = new java.util.ArrayList<>();
    for (String metric : List.of(ClusterDynamics.REGISTERED, ClusterDynamics.PARTS_SHIPMENTS)) {
      SensitivityModel.Builder model = SensitivityModel.of(fukushima, metric, "2030").replications(replications)
          .seed(2005);
      for (Parameter<Double> p : ASSUMED) {
        double d = p.defaultValue();
        double upper = p.name().equals(EntryLadder.LICENCE_HURDLE.name()) || p.name().equals(MatchingRounds.DEAL_RATE
            .name()) ? Math.min(1.0, 1.5 * d) : 1.5 * d;
        model.factor(p.name(), round(0.5 * d), round(upper));
      }
      long start = System.nanoTime();
      SobolResult r = Sobol.of(model.build()).baseSamples(n).bootstrap(500).seed(2030).threads(threads).run();
      out.printf(Locale.ROOT, "%s in 2030, Sobol' indices of 10 assumed coefficients (each 0.5-1.5x its default),"
          + " N=%d, %d replications per point, %d runs, %.0f s:%n", metric, n, replications,
          r.evaluations() * replications, (System.nanoTime() - start) / 1e9);
      out.println(r);
      results.add(r);
    }
    return results;
  }
}
