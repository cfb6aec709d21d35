package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.dynamics.Observation;
import io.github.renkei.cluster.dynamics.RegionProfile;
import io.github.renkei.cluster.io.ProfileJson;
import io.github.renkei.cluster.simulation.Calibration;
import io.github.renkei.cluster.simulation.CalibrationResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code renkei calibrate --cluster FILE --profile FILE --observed FILE --out FILE}: fits the
 * profile's free parameters ({@code "free"} in the profile) to a region's observed figures, as
 * {@code RegionProfile.calibration} does — a Latin hypercube of {@code --samples} points, then
 * Nelder–Mead for at most {@code --evaluations} more, each point run {@code --replications}
 * times with the same seed — with progress on standard error. It prints the fit table and the
 * fitted values, and writes the profile with those values (basis {@code ESTIMATED}, the command
 * as their source) to {@code --out}, atomically; {@code renkei simulate} runs it. Bad input is as
 * for {@code renkei simulate}: exit code 2, one line naming the file, the field and the value,
 * nothing written.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = "Fit a region profile's free parameters to observed figures and write the fitted profile.")
final class CalibrateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--cluster", required = true, paramLabel = "PATH",
      description = "The region's cluster: a JSON file (ClusterJson) or a folder of CSV tables (ClusterCsv).")
  Path cluster;

  @Option(names = "--profile", required = true, paramLabel = "FILE",
      description = "The region's profile, as JSON (ProfileJson); its \"free\" parameters are fitted.")
  Path profile;

  @Option(names = "--observed", required = true, paramLabel = "FILE",
      description = "The observed figures (TSV, the Observation format).")
  Path observed;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where the fitted profile goes.")
  Path out;

  @Option(names = "--replications", paramLabel = "N", defaultValue = "10",
      description = "Replications per evaluated point; default ${DEFAULT-VALUE}.")
  int replications;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "20",
      description = "Latin-hypercube points; default ${DEFAULT-VALUE}.")
  int samples;

  @Option(names = "--evaluations", paramLabel = "N", defaultValue = "60",
      description = "Most Nelder-Mead evaluations after the hypercube; default ${DEFAULT-VALUE}.")
  int evaluations;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "2016",
      description = "The seed; default ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--threads", paramLabel = "T", description = "Threads; default: every core.")
  Integer threads;

  @Option(names = "--no-progress", description = "Do not report progress (a bar in a terminal, otherwise a line"
      + " on standard error every few seconds).")
  boolean noProgress;

  @Override
  public Integer call() {
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    RegionFiles.checkCounts(replications, t);
    if (samples < 0 || evaluations < 0 || samples + (long) evaluations == 0) {
      throw new Renkei.BadInputException("--samples and --evaluations must be >= 0 and not both 0 but were "
          + samples + " and " + evaluations);
    }
    if (Files.isDirectory(out)) {
      throw new Renkei.BadInputException("--out " + out + " is a folder; name the file of the fitted profile");
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new Renkei.BadInputException("--out " + out + ": its folder " + parent + " does not exist");
    }
    RegionFiles.Region region = RegionFiles.read(cluster, profile);
    List<Observation> figures = RegionFiles.observed(observed, region);
    RegionProfile p = region.profile();
    Calibration.Builder calibration = RegionFiles.in(profile, () -> p.calibration(region.world(), figures))
        .replications(replications).seed(seed).latinHypercube(samples).nelderMead(evaluations).threads(t);
    RegionFiles.warnUnstated(p, profile, spec.commandLine().getErr());

    CalibrationResult fit;
    try (ConsoleProgress progress = noProgress ? null : ConsoleProgress.start("evaluations",
        (long) samples + evaluations, spec.commandLine().getErr())) {
      if (progress != null) {
        calibration.progress(progress.listener(0));
      }
      fit = calibration.run();
    }
    String source = String.format(Locale.ROOT, "renkei calibrate --seed %d --replications %d --samples %d"
        + " --evaluations %d, to %s", seed, replications, samples, evaluations, observed.getFileName());
    RegionProfile fitted = p.withEstimates(fit, source);

    PrintWriter w = spec.commandLine().getOut();
    w.printf("%s: %d evaluations, %d replications each, seed %d; best #%d, distance %.4g%n", p.name(),
        fit.evaluations(), replications, seed, fit.bestEvaluation().index(), fit.distance());
    w.println("fit at the best point, observed and simulated, mean [95% CI] and 5-95% of the runs:");
    RegionFiles.printFit(w, fit.fit());
    w.println("fitted values (free parameters within their bounds):");
    int width = fit.bestValues().keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Map.Entry<String, Object> e : fit.bestValues().entrySet()) {
      RegionProfile.Free bounds = p.free().stream().filter(f -> f.parameter().equals(e.getKey())).findFirst()
          .orElseThrow();
      w.printf(Locale.ROOT, "  %-" + width + "s  %-10s  in [%s, %s]%n", e.getKey(), value(e.getValue()),
          value(bounds.lower()), value(bounds.upper()));
    }
    Outputs.intoFile(out, writer -> ProfileJson.write(fitted, writer));
    w.println("wrote " + out + " (run it: renkei simulate --cluster " + cluster + " --profile " + out + ")");
    return 0;
  }

  /** Four significant digits, without the trailing zeros that %g leaves ({@code 0.2}, not {@code 0.2000}). */
  private static String value(Object v) {
    if (v instanceof Double d) {
      return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", d)).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(v);
  }
}
