package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.io.CsvSink;
import io.github.renkei.cluster.io.RunManifest;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Grid;
import io.github.renkei.cluster.simulation.PairedComparison;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Schedule;
import io.github.renkei.cluster.simulation.Statistics;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The simulation engine at work on a deliberately small model of firms climbing the entry ladder
 * (parts supply → OEM → ODM → own product) with the help of a support organization whose staff
 * rotate. <b>Illustrative, not calibrated</b>: its coefficients are round numbers chosen to make
 * the mechanics visible; the seed's calibrated dynamics are a later issue.
 *
 * <p>It runs a policy grid (support focus × rotation period × council membership) with 200
 * replications per point on every core, reports progress, streams every observation to
 * {@code results.csv} and records {@code manifest.json} (both written atomically), then prints
 * confidence intervals and a paired comparison of council membership over common random
 * numbers.
 *
 * <pre>
 * java -cp cluster-examples/target/renkei.jar io.github.renkei.cluster.examples.LadderExperiment target/ladder
 * </pre>
 */
public final class LadderExperiment {

  /** Where a support organization aims its help. */
  public enum Focus {
    /** Help firms into parts supply and OEM work (the lower rungs). */
    PARTS_SUPPLY,
    /** Help firms develop products (ODM and own products, the upper rungs). */
    PRODUCT_DEVELOPMENT
  }

  /** Firms in the model. */
  public static final Parameter<Integer> FIRMS = Parameter.integer("firms", 60, 1, 100_000);
  /** A firm's yearly chance to climb one rung without support. */
  public static final Parameter<Double> CLIMB = Parameter.probability("climb", 0.06);
  /** How much fully stocked know-how multiplies the chance of a rung the support aims at. */
  public static final Parameter<Double> BOOST = Parameter.real("support-boost", 1.5, 0, 10);
  /** Years between staff rotations at the support organization. */
  public static final Parameter<Integer> ROTATION = Parameter.integer("rotation-years", 3, 1, 30);
  /** Share of know-how lost at a rotation. */
  public static final Parameter<Double> LOSS = Parameter.probability("rotation-loss", 0.6);
  /** Whether the organization belongs to a nationwide council that keeps shared know-how. */
  public static final Parameter<Boolean> COUNCIL = Parameter.flag("council", false);
  /** Where support is aimed. */
  public static final Parameter<Focus> FOCUS = Parameter.choice("focus", Focus.class, Focus.PARTS_SUPPLY);

  /** The model's state: each firm's rung and the support organization's know-how. */
  static final class Ladder {
    final int[] rung;
    double knowHow;

    Ladder(int firms) {
      rung = new int[firms];
    }

    long at(EntryStage stage) {
      int r = stage.ordinal();
      long n = 0;
      for (int x : rung) {
        n += x == r ? 1 : 0;
      }
      return n;
    }

    double meanRung() {
      long sum = 0;
      for (int x : rung) {
        sum += x;
      }
      return (double) sum / rung.length;
    }
  }

  private static final int TOP = EntryStage.OWN_PRODUCT.ordinal();

  private LadderExperiment() {}

  /**
   * The scenario: 2005 to 2025, learning, rotation and climbing each year, and the 2011
   * earthquake knocking a fifth of the firms down one rung.
   *
   * @return the scenario
   */
  public static Scenario<Ladder> scenario() {
    return Scenario.<Ladder>builder("entry-ladder", Schedule.years(2005, 2025), (p, random) -> new Ladder(p.get(FIRMS)))
        .parameters(FIRMS, CLIMB, BOOST, ROTATION, LOSS, COUNCIL, FOCUS)
        .mechanism("learning", (s, ctx) -> s.knowHow += 0.25 * (1 - s.knowHow))
        .mechanism("rotation", (s, ctx) -> {
          if (ctx.step() > 0 && ctx.step() % ctx.parameter(ROTATION) == 0) {
            double loss = ctx.parameter(LOSS) * (ctx.parameter(COUNCIL) ? 0.5 : 1.0);
            s.knowHow *= 1 - loss;
          }
        })
        .mechanism("climbing", (s, ctx) -> {
          RandomGenerator random = ctx.random();
          double base = ctx.parameter(CLIMB);
          double boosted = Math.min(1, base * (1 + ctx.parameter(BOOST) * s.knowHow));
          boolean upper = ctx.parameter(FOCUS) == Focus.PRODUCT_DEVELOPMENT;
          for (int i = 0; i < s.rung.length; i++) {
            if (s.rung[i] < TOP) {
              boolean aimed = upper == (s.rung[i] >= EntryStage.OEM.ordinal());
              if (random.nextDouble() < (aimed ? boosted : base)) {
                s.rung[i]++;
              }
            }
          }
        })
        .event("earthquake", "2011", (s, ctx) -> {
          RandomGenerator random = ctx.random();
          for (int i = 0; i < s.rung.length; i++) {
            if (s.rung[i] > 0 && random.nextDouble() < 0.2) {
              s.rung[i]--;
            }
          }
        })
        .metric("own-products", s -> s.at(EntryStage.OWN_PRODUCT))
        .metric("mean-rung", Ladder::meanRung)
        .metric("know-how", s -> s.knowHow)
        .build();
  }

  /**
   * Runs the example.
   *
   * @param args the output directory (default {@code target/ladder}), optionally the number of
   *     replications per grid point (default 200)
   */
  public static void main(String[] args) {
    ExampleMain.run("LadderExperiment", () -> {
      Path out = Path.of(args.length > 0 ? args[0] : "target/ladder");
      int replications = ExampleMain.positive(args, 1, "replications", 200);
      Renkei.checkOutputFolder("the output folder", out);
      run(out, replications, System.out, true);
    });
  }

  /**
   * Runs the experiment, writes {@code results.csv} and {@code manifest.json} under a directory
   * and prints the summary.
   *
   * @param out the directory, created if missing
   * @param replications replications per grid point
   * @param print where the summary goes
   * @param bar whether to report progress on standard error (a bar in a terminal, plain lines otherwise)
   * @return the result
   * @throws Exception if the output cannot be written
   */
  static ExperimentResult run(Path out, int replications, PrintStream print, boolean bar) throws Exception {
    Files.createDirectories(out);
    Scenario<Ladder> ladder = scenario();
    Grid grid = Grid.of(FOCUS, Focus.values()).and(ROTATION, 2, 3, 5).and(COUNCIL, false, true);
    Experiment.Builder experiment = Experiment.of(ladder)
        .grid(grid)
        .replications(replications)
        .seed(20_110_311L)
        .sink(CsvSink.to(out.resolve("results.csv")))
        .sink(RunManifest.sink(out.resolve("manifest.json")));
    ExperimentResult result;
    if (bar) {
      try (ConsoleProgress progress = ConsoleProgress.start("replications", (long) grid.size() * replications,
          new PrintWriter(System.err, true))) {
        result = experiment.progress(progress.listener(0)).run();
      }
    } else {
      result = experiment.run();
    }
    print.printf("%s%n%d grid points × %d replications, seed %d; rows in %s, manifest in %s%n%n", result,
        grid.size(), replications, result.seed(), out.resolve("results.csv"), out.resolve("manifest.json"));
    print.println("firms with their own product in 2025 (mean ± 95% CI half-width):");
    for (int point = 0; point < grid.size(); point++) {
      Map<String, Object> p = grid.point(point);
      Statistics s = result.summary(ladder.name(), point, "own-products", "2025");
      print.printf("  %-19s rotation %s  council %-5s  %5.2f ± %.2f   (median %.0f, 90%% of runs ≤ %.0f)%n",
          p.get("focus"), p.get("rotation-years"), p.get("council"), s.mean(),
          s.confidenceInterval95().orElseThrow().halfWidth(), s.median(), s.quantile(0.9));
    }
    print.println();
    print.println("joining the council (paired over common random numbers, rotation every 3 years):");
    for (Focus f : Focus.values()) {
      int without = pointOf(grid, f, 3, false);
      int with = pointOf(grid, f, 3, true);
      PairedComparison d = result.compare(ladder.name(), without, ladder.name(), with, "own-products",
          ladder.schedule().size() - 1);
      print.printf("  %-19s %+.2f firms, 95%% CI [%+.2f, %+.2f] over %d pairs%n", f, d.meanDifference(),
          d.confidenceInterval95().orElseThrow().lower(), d.confidenceInterval95().orElseThrow().upper(), d.pairs());
    }
    return result;
  }

  private static int pointOf(Grid grid, Focus focus, int rotation, boolean council) {
    for (int i = 0; i < grid.size(); i++) {
      Map<String, Object> p = grid.point(i);
      if (p.get("focus") == focus && p.get("rotation-years").equals(rotation) && p.get("council").equals(council)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no grid point " + focus + "/" + rotation + "/" + council);
  }

}
