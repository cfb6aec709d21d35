package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.FukushimaCalibration;
import io.github.renkei.cluster.dynamics.Observation;
import io.github.renkei.cluster.inference.Band;
import io.github.renkei.cluster.inference.Discrepancy;
import io.github.renkei.cluster.inference.Posterior;
import io.github.renkei.cluster.inference.PosteriorEffects;
import io.github.renkei.cluster.inference.Predictive;
import io.github.renkei.cluster.inference.PredictiveResult;
import io.github.renkei.cluster.io.AtomicFiles;
import io.github.renkei.cluster.simulation.ProgressListener;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Statistics;
import io.github.renkei.cluster.simulation.Target;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.IntFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The main job's projections and policy effects over the shipped posterior ({@link
 * FukushimaCalibration#posterior()}): posterior predictive bands of the headline metrics — the
 * parameters' uncertainty, the runs' noise and a model discrepancy estimated from the calibration
 * targets — and each policy lever's effect drawn over the posterior with common random numbers.
 */
final class PosteriorProjections {

  /** Metrics projected, with their units. */
  static final Map<String, String> PROJECTED = orderedUnits();

  private static Map<String, String> orderedUnits() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(ClusterDynamics.PRODUCTION_VALUE, "億円");
    m.put(ClusterDynamics.PARTS_SHIPMENTS, "億円");
    m.put(ClusterDynamics.REGISTERED, "firms");
    m.put(ClusterDynamics.EXHIBITORS, "exhibitors");
    return m;
  }

  /**
   * Paired replications per posterior draw of a policy comparison: a draw's effect is their mean,
   * so that the run-to-run noise mostly averages out and the spread over draws is the posterior's.
   */
  static final int EFFECT_REPLICATIONS = 10;

  /** The predictive result, the estimate of the discrepancy and the effects, as computed. */
  record Run(PredictiveResult predictive, List<Effect> effects, int draws, int effectDraws) {}

  /** One policy effect over the posterior at a metric and year. */
  record Effect(PolicyExperiments.Lever<?> lever, String metric, String year, PosteriorEffects.Effect effect) {}

  private PosteriorProjections() {}

  /**
   * Draws the projections and the effects.
   *
   * @param scenario the Fukushima scenario
   * @param draws predictive draws from the posterior
   * @param effectDraws draws per policy comparison
   * @param seed the seed
   * @param threads threads
   * @param progress the listener of phase k: 0 the predictive draws, 1.. each policy's comparison
   * @return the run
   */
  static Run run(Scenario<ClusterState> scenario, int draws, int effectDraws, long seed, int threads,
      IntFunction<ProgressListener> progress) {
    Posterior posterior = FukushimaCalibration.posterior();
    List<Target> targets = FukushimaCalibration.targets(Observation.fukushima());
    PredictiveResult predictive = Predictive.of(scenario, posterior).draws(draws).replications(1)
        .metrics(PROJECTED.keySet().toArray(String[]::new))
        .discrepancy(Discrepancy.estimated(targets)).seed(seed).threads(threads).progress(progress.apply(0)).run();
    List<Effect> effects = new ArrayList<>();
    String last = scenario.schedule().label(scenario.schedule().size() - 1);
    String middle = scenario.schedule().indexOf("2020").isPresent() ? "2020" : last;
    for (int k = 0; k < PolicyExperiments.LEVERS.size(); k++) {
      PolicyExperiments.Lever<?> lever = PolicyExperiments.LEVERS.get(k);
      PosteriorEffects.Result r = PosteriorEffects.of(scenario, posterior)
          .policies(Map.of(lever.parameter().name(), lever.a()), Map.of(lever.parameter().name(), lever.b()))
          .metrics(PolicyExperiments.REPORTED.toArray(String[]::new))
          .draws(effectDraws).replications(EFFECT_REPLICATIONS).seed(seed).threads(threads).progress(progress.apply(k + 1)).run();
      for (String metric : PolicyExperiments.REPORTED) {
        String year = metric.equals(ClusterDynamics.KNOW_HOW_LEAD) || metric.equals(ClusterDynamics.REGISTERED)
            ? middle : last;
        effects.add(new Effect(lever, metric, year, r.effect(metric, year)));
      }
    }
    return new Run(predictive, effects, draws, effectDraws);
  }

  /** The years a table shows: 2010, 2016 and every fifth year after, and the last. */
  static List<String> years(Scenario<ClusterState> scenario) {
    List<String> years = new ArrayList<>();
    int last = scenario.schedule().year(scenario.schedule().size() - 1);
    for (int y : new int[] {2010, 2016, 2020, 2025, 2030}) {
      if (y <= last) {
        years.add(Integer.toString(y));
      }
    }
    if (!years.contains(Integer.toString(last))) {
      years.add(Integer.toString(last));
    }
    return years;
  }

  /** Prints both tables. */
  static void print(Run run, Scenario<ClusterState> scenario, PrintWriter w) {
    Posterior posterior = FukushimaCalibration.posterior();
    w.printf(Locale.ROOT, "Projections over the posterior (FukushimaCalibration.posterior(): %d particles from ABC-SMC"
        + " on the FY2009-FY2016 figures; ESS %.0f).%n", posterior.size(), posterior.effectiveSampleSize());
    run.predictive().discrepancy().ifPresent(d -> w.printf(Locale.ROOT, "Model discrepancy estimated from %d"
        + " calibration targets: σ = %.3f (90%% interval %.3f–%.3f), a relative error of the model against the"
        + " figures.%n", d.targets(), d.sigmaMedian(), d.sigma90().lower(), d.sigma90().upper()));
    w.printf(Locale.ROOT, "%d draws, one run each; bands are posterior predictive: the median, then the central 50%%"
        + " and 90%% of the draws (not CIs of a mean).%n", run.draws());
    w.printf("  %-36s %-6s %10s %-22s %-22s %s%n", "metric (unit)", "year", "median", "50% band", "90% band",
        "observed");
    for (Map.Entry<String, String> m : PROJECTED.entrySet()) {
      for (String year : years(scenario)) {
        Band b50 = run.predictive().band(m.getKey(), year, 0.5);
        Band b90 = run.predictive().band(m.getKey(), year, 0.9);
        OptionalDouble observed = observed(m.getKey(), year);
        // padded by display width: 億円 takes four terminal columns, not two
        w.printf(Locale.ROOT, "  %s %-6s %10.1f %-22s %-22s %s%n",
            DisplayWidth.padRight(m.getKey() + " (" + m.getValue() + ")", 36), year,
            b50.median(), range(b50), range(b90), observed.isPresent() ? String.format(Locale.ROOT, "%.0f",
                observed.getAsDouble()) : "");
      }
    }
    w.println();
    w.printf(Locale.ROOT, "Policy effects over the posterior: %d draws, each the mean of %d paired runs of both policies"
        + " on common random numbers;%nmedian effect (second − first), the central 90%% of the draws, and the share"
        + " of draws with an effect above 0%n", run.effectDraws(), EFFECT_REPLICATIONS);
    PolicyExperiments.Lever<?> current = null;
    for (Effect e : run.effects()) {
      if (e.lever() != current) {
        current = e.lever();
        w.printf("%n%s: %s − %s%n", current.title(), current.labelB(), current.labelA());
        w.printf("  %-34s %8s  %-20s %s%n", "metric (year)", "median", "90% of draws", "share > 0");
      }
      Statistics.Interval i = e.effect().interval(0.9);
      w.printf(Locale.ROOT, "  %-34s %+8.2f  %-20s %8.0f%%%n", e.metric() + " (" + e.year() + ")",
          e.effect().median(), String.format(Locale.ROOT, "[%+.2f, %+.2f]", i.lower(), i.upper()),
          100 * e.effect().shareAbove(0));
    }
  }

  private static String range(Band b) {
    return String.format(Locale.ROOT, "[%.1f, %.1f]", b.lower(), b.upper());
  }

  /** The observed figure of a metric in a year, two sources averaged. */
  static OptionalDouble observed(String metric, String year) {
    return Observation.fukushima().stream().filter(o -> o.metric().equals(metric)
        && Integer.toString(o.year()).equals(year)).mapToDouble(Observation::value).average();
  }

  /** Writes {@code projections.csv}: every metric, year and band, labelled. */
  static Path writeProjections(Run run, Scenario<ClusterState> scenario, Path file) {
    AtomicFiles.write(file, writer -> {
      CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader("metric", "year", "band", "level", "lower", "median",
          "upper", "observed").get().print(writer);
      for (String metric : PROJECTED.keySet()) {
        for (int t = 0; t < scenario.schedule().size(); t++) {
          String year = scenario.schedule().label(t);
          OptionalDouble observed = observed(metric, year);
          for (double level : new double[] {0.5, 0.9}) {
            Band b = run.predictive().band(metric, year, level);
            csv.printRecord(metric, year, b.kind().label(), level, b.lower(), b.median(), b.upper(),
                observed.isPresent() ? observed.getAsDouble() : "");
          }
        }
      }
      csv.flush();
    });
    return file;
  }

  /** Writes {@code posterior-effects.csv}: per lever, metric and year the effects over the draws. */
  static Path writeEffects(Run run, Path file) {
    AtomicFiles.write(file, writer -> {
      CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader("experiment", "metric", "year", "policy_a", "policy_b",
          "draws", "median_effect", "draws90_lower", "draws90_upper", "share_above_zero").get().print(writer);
      for (Effect e : run.effects()) {
        Statistics.Interval i = e.effect().interval(0.9);
        csv.printRecord(e.lever().slug(), e.metric(), e.year(), e.lever().labelA(), e.lever().labelB(),
            e.effect().perDraw().size(), e.effect().median(), i.lower(), i.upper(), e.effect().shareAbove(0));
      }
      csv.flush();
    });
    return file;
  }
}
