package io.github.renkei.cluster.inference;

import static io.github.renkei.cluster.inference.PredictiveTest.line;
import static io.github.renkei.cluster.inference.PredictiveTest.pointSlope;
import static io.github.renkei.cluster.inference.PredictiveTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.simulation.Statistics;
import io.github.renkei.cluster.simulation.Target;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The discrepancy term on a deterministic toy ({@code y = 2t}, no replication noise, one
 * particle), where the only spread is the term's: its size fixed, or estimated from residuals
 * known by construction and checked against the exact inverse-gamma posterior.
 */
class DiscrepancyTest {

  /** {@code P(χ²_k ≤ x)} for even k: {@code 1 − e^{−x/2} Σ_{j<k/2} (x/2)^j / j!}. */
  private static double chiSquaredCdfEven(int k, double x) {
    double term = 1;
    double sum = 1;
    for (int j = 1; j < k / 2; j++) {
      term *= x / 2 / j;
      sum += term;
    }
    return 1 - Math.exp(-x / 2) * sum;
  }

  private static double chiSquaredQuantileEven(int k, double p) {
    double lo = 0;
    double hi = 1000;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if (chiSquaredCdfEven(k, mid) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  @Test
  void chiSquaredQuantilesMatchTables() {
    assertEquals(3.841459, ChiSquared.quantile(1, 0.95), 1e-6);
    assertEquals(0.003932, ChiSquared.quantile(1, 0.05), 1e-6);
    assertEquals(3.356694, ChiSquared.quantile(4, 0.5), 1e-6);
    assertEquals(3.940299, ChiSquared.quantile(10, 0.05), 1e-6);
    assertEquals(18.307038, ChiSquared.quantile(10, 0.95), 1e-6);
    assertEquals(124.342113, ChiSquared.quantile(100, 0.95), 1e-5);
    for (int k : new int[] {2, 4, 6, 30}) {
      for (double p : new double[] {0.01, 0.05, 0.5, 0.95, 0.99}) {
        assertEquals(chiSquaredQuantileEven(k, p), ChiSquared.quantile(k, p), 1e-9, "k=" + k + " p=" + p);
      }
    }
  }

  @Test
  void fixedSigmaWidensADeterministicBandByExpOfZSigma() {
    double sigma = 0.2;
    PredictiveResult p = Predictive.of(line(), pointSlope(2)).metrics("y").draws(20_000)
        .discrepancy(Discrepancy.fixed(sigma)).seed(4).threads(2).run();
    for (String time : List.of("0", "4", "9")) {
      double y = 2 * (Integer.parseInt(time) + 1);
      Band without = p.bandWithoutDiscrepancy("y", time, 0.9);
      assertEquals(y, without.lower());
      assertEquals(y, without.upper());
      assertEquals(Band.Kind.POSTERIOR_PREDICTIVE, without.kind());
      Band with = p.band("y", time, 0.9);
      assertEquals(Band.Kind.POSTERIOR_PREDICTIVE_WITH_DISCREPANCY, with.kind());
      // the 90 % band of exp(σz) is [exp(−1.645σ), exp(1.645σ)]
      assertEquals(Math.exp(-PredictiveTest.Z95 * sigma), with.lower() / y, 0.02, "lower at " + time);
      assertEquals(Math.exp(PredictiveTest.Z95 * sigma), with.upper() / y, 0.02, "upper at " + time);
      assertEquals(1, with.median() / y, 0.01);
      Band half = p.band("y", time, 0.5);
      assertEquals(Math.exp(PredictiveTest.Z75 * sigma), half.upper() / y, 0.02);
    }
    assertTrue(p.discrepancy().isEmpty(), "a fixed term has no estimate");
    assertEquals(sigma, p.discrepancyTerm().sigma().orElseThrow());
  }

  /** Observed values {@code y_t · exp(eₜ)} with chosen eₜ: the residuals are eₜ exactly. */
  private static List<Target> targetsWithResiduals(double[] residuals, int[] times) {
    List<Target> targets = new ArrayList<>();
    for (int k = 0; k < residuals.length; k++) {
      double y = 2 * (times[k] + 1);
      targets.add(Target.of("y", Integer.toString(times[k]), y * Math.exp(residuals[k])));
    }
    return targets;
  }

  @Test
  void estimatedSigmaIsTheExactInverseGammaPosterior() {
    double[] e = {0.1, -0.05, 0.2, -0.15};
    List<Target> targets = targetsWithResiduals(e, new int[] {1, 3, 5, 7});
    PredictiveResult p = Predictive.of(line(), pointSlope(2)).metrics("y").draws(20_000)
        .discrepancy(Discrepancy.estimated(targets)).seed(8).threads(2).run();
    Discrepancy.Estimate est = p.discrepancy().orElseThrow();
    double s = 0;
    for (double x : e) {
      s += x * x;
    }
    assertEquals(4, est.targets());
    assertEquals(s, est.sumOfSquares(), 1e-9);
    for (int k = 0; k < e.length; k++) {
      assertEquals(targets.get(k), est.residuals().get(k).target());
      assertEquals(e[k], est.residuals().get(k).residual(), 1e-9);  // the mean of 20,000 logs
    }
    // σ² | e ~ Inv-Gamma(K/2, S/2): σ = √(S / χ²_K), so its median is √(S / χ²_{K,0.5})
    assertEquals(Math.sqrt(s / chiSquaredQuantileEven(4, 0.5)), est.sigmaMedian(), 1e-9);
    assertEquals(Math.sqrt(s / chiSquaredQuantileEven(4, 0.95)), est.sigma90().lower(), 1e-9);
    assertEquals(Math.sqrt(s / chiSquaredQuantileEven(4, 0.05)), est.sigma90().upper(), 1e-9);
    assertEquals(Math.sqrt(s / 4), est.rootMeanSquare(), 1e-9);
    assertTrue(est.sigma90().contains(est.rootMeanSquare()));
    // each draw's σᵢ = √(S / χ²_K) times z: log(observed / simulated) is √(S/K) times Student's t(K)
    double t4 = 2.1318467863266495;
    double[] v = p.values("y", "4");
    double[] logs = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      logs[i] = Math.log(v[i] / 10);
    }
    Statistics l = Statistics.of(logs);
    assertEquals(Math.sqrt(s / 4) * t4, l.quantile(0.95), 0.05 * Math.sqrt(s / 4) * t4);
    assertEquals(-Math.sqrt(s / 4) * t4, l.quantile(0.05), 0.05 * Math.sqrt(s / 4) * t4);
    // wider than a normal with the same σ: the term carries the uncertainty of its size
    assertTrue(l.quantile(0.95) > 1.1 * Math.sqrt(s / 4) * PredictiveTest.Z95);
  }

  @Test
  void residualsAreTakenFromTheMeanLogOverTheDraws() {
    // two particles, slopes 1 and 4 equally weighted: the mean log of y at t is log(t) + log(2)
    Posterior two = Posterior.of(List.of("slope"), List.of(
        new Particle(ImmutableMap.of("slope", 1.0), 1, 0),
        new Particle(ImmutableMap.of("slope", 4.0), 1, 0)));
    PredictiveResult p = Predictive.of(line(), two).metrics("t").draws(2000)
        .discrepancy(Discrepancy.estimated(List.of(Target.of("y", "4", 10)))).seed(2).threads(2).run();
    Discrepancy.Residual r = p.discrepancy().orElseThrow().residuals().get(0);
    long ones = p.particles().stream().filter(x -> x.value("slope") == 1).count();
    double meanLog = (ones * Math.log(5) + (2000 - ones) * Math.log(20)) / 2000;
    assertEquals(meanLog, r.meanLogSimulated(), 1e-9);
    assertEquals(Math.log(10) - meanLog, r.residual(), 1e-9);
    // the target's metric need not be among the predictive's metrics
    assertEquals(List.of("t"), p.metrics());
  }

  @Test
  void zeroResidualsGiveNoSpread() {
    List<Target> exact = targetsWithResiduals(new double[] {0, 0}, new int[] {0, 9});
    PredictiveResult p = Predictive.of(line(), pointSlope(2)).metrics("y").draws(10)
        .discrepancy(Discrepancy.estimated(exact)).seed(8).threads(1).run();
    assertEquals(0, p.discrepancy().orElseThrow().sigmaMedian());
    Band b = p.band("y", "4", 0.9);
    assertEquals(10, b.lower());
    assertEquals(10, b.upper());
  }

  @Test
  void badInputIsRefusedNamingTheValue() {
    refused(() -> Discrepancy.fixed(-0.1), "sigma", "-0.1");
    refused(() -> Discrepancy.fixed(Double.NaN), "sigma", "NaN");
    refused(() -> Discrepancy.fixed(Double.POSITIVE_INFINITY), "sigma", "Infinity");
    refused(() -> Discrepancy.estimated(List.of()), "at least 1 target");
    refused(() -> Discrepancy.estimated(List.of(Target.of("y", "3", 0))), "'y' at 3", "0.0");
    refused(() -> Discrepancy.estimated(List.of(Target.of("y", "3", -2))), "'y' at 3", "-2.0");
    refused(() -> Discrepancy.estimated(List.of(Target.of("y", "3", 2), Target.of("y", "3", 3))), "'y' at 3",
        "twice");
    refused(() -> Predictive.of(line(), pointSlope(2)).discrepancy(Discrepancy.estimated(
        List.of(Target.of("z", "3", 2)))), "metric 'z'", "line");
    refused(() -> Predictive.of(line(), pointSlope(2)).discrepancy(Discrepancy.estimated(
        List.of(Target.of("y", "2031", 2)))), "time '2031'", "'y'");
    // slope 0: y is 0, whose log is undefined
    refused(() -> Predictive.of(line(), pointSlope(0)).draws(2).discrepancy(Discrepancy.estimated(
        List.of(Target.of("y", "3", 2)))).seed(1).threads(1).run(), "'y' at 3", "simulated value 0.0");
    refused(() -> Predictive.of(line(), pointSlope(-1)).draws(2).discrepancy(Discrepancy.estimated(
        List.of(Target.of("y", "3", 2)))).seed(1).threads(1).run(), "'y' at 3", "-4.0");
  }
}
