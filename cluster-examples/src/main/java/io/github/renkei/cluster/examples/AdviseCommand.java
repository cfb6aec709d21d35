package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.dynamics.Advice;
import io.github.renkei.cluster.simulation.PairedComparison;
import io.github.renkei.cluster.simulation.Statistics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code renkei advise --cluster FILE --profile FILE}: the seed's question for a region —
 * product-development support (製品開発支援), parts-supply/OEM support (部材供給・OEM生産支援) or
 * municipal health-longevity projects with local care organizations — answered by
 * {@link Advice}: the three strategies run as paired experiments (common random numbers) on the
 * region's own world, and per outcome the table shows each strategy's mean and 95% CI in the
 * chosen year, the winner (when its paired lead over every other strategy has a 95% CI above 0)
 * and why, from the region's assets. Progress goes to standard error. Bad input is as for
 * {@code renkei simulate}: exit code 2, one line naming the file, the field and the value.
 */
@Command(name = "advise", mixinStandardHelpOptions = true,
    description = "Compare product-development support, parts-supply/OEM support and municipal care projects on a"
        + " region: paired experiments, the winner per outcome with 95%% CIs, and why.")
final class AdviseCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--cluster", required = true, paramLabel = "PATH",
      description = "The region's cluster: a JSON file (ClusterJson) or a folder of CSV tables (ClusterCsv).")
  Path cluster;

  @Option(names = "--profile", required = true, paramLabel = "FILE",
      description = "The region's profile, as JSON (ProfileJson).")
  Path profile;

  @Option(names = "--replications", paramLabel = "N", defaultValue = "100",
      description = "Replications per strategy, at least 2; default ${DEFAULT-VALUE}.")
  int replications;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "2005", description = "The seed; default ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--threads", paramLabel = "T", description = "Threads; default: every core.")
  Integer threads;

  @Option(names = "--year", paramLabel = "YEAR", description = "The year compared; default: the profile's last year.")
  Integer year;

  @Option(names = "--metrics", paramLabel = "METRIC", split = ",",
      description = "The outcomes compared, comma-separated; default: registered manufacturers, own products, parts"
          + " shipments, production value, vertical and horizontal ties.")
  List<String> metrics;

  @Option(names = "--no-progress", description = "Do not report progress (a bar in a terminal, otherwise a line"
      + " on standard error every few seconds).")
  boolean noProgress;

  @Override
  public Integer call() {
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    RegionFiles.checkCounts(replications, t);
    if (replications < 2) {
      throw new Renkei.BadInputException("--replications must be at least 2 for confidence intervals but was "
          + replications);
    }
    RegionFiles.Region region = RegionFiles.read(cluster, profile);
    Advice.Builder advice = Advice.of(region.profile(), region.world()).replications(replications).seed(seed)
        .threads(t);
    if (year != null) {
      Renkei.flag("--year", () -> advice.year(year));
    }
    if (metrics != null) {
      Renkei.flag("--metrics", () -> advice.outcomes(List.copyOf(new LinkedHashSet<>(metrics))));
    }
    RegionFiles.warnUnstated(region.profile(), profile, spec.commandLine().getErr());
    Advice result;
    try (ConsoleProgress progress = noProgress ? null : ConsoleProgress.start("replications",
        (long) Advice.Strategy.values().length * replications, spec.commandLine().getErr())) {
      if (progress != null) {
        advice.progress(progress.listener(0));
      }
      result = advice.run();
    }
    print(result, spec.commandLine().getOut());
    return 0;
  }

  static void print(Advice a, PrintWriter w) {
    w.printf(Locale.ROOT, "%s: %s%n", a.profile().name(), a.assets());
    w.printf(Locale.ROOT, "strategies, %d paired replications each, seed %d; mean [95%% CI] in %d:%n",
        a.replications(), a.seed(), a.outcomes().get(0).year());
    for (Advice.Strategy s : Advice.Strategy.values()) {
      w.printf("  %-19s %s%n", s.id(), s.label());
    }
    int width = Math.max("outcome".length(), a.outcomes().stream().mapToInt(o -> o.metric().length()).max()
        .orElse(0));
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s", "outcome"));
    for (Advice.Strategy s : Advice.Strategy.values()) {
      header.append(String.format(Locale.ROOT, "  %-26s", s.id()));
    }
    w.println(header.append("  winner (lead over the runner-up)").toString().stripTrailing());
    for (Advice.Outcome o : a.outcomes()) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s", o.metric()));
      for (Advice.Strategy s : Advice.Strategy.values()) {
        line.append(String.format(Locale.ROOT, "  %-26s", PolicyExperiments.interval(o.byStrategy().get(s))));
      }
      line.append("  ").append(o.winner().map(Advice.Strategy::id).orElse("none clear")).append(" (")
          .append(lead(o.lead())).append(')');
      w.println(line);
    }
    w.println("why:");
    for (Advice.Outcome o : a.outcomes()) {
      w.printf("  %s: %s%n", o.metric(), o.reason());
    }
  }

  private static String lead(PairedComparison d) {
    Statistics s = d.difference();
    return d.confidenceInterval95().map(ci -> String.format(Locale.ROOT, "%+.2f [%+.2f, %+.2f]", s.mean(), ci.lower(),
        ci.upper())).orElse(String.format(Locale.ROOT, "%+.2f", s.mean()));
  }
}
