package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.ClusterWorld;
import io.github.renkei.cluster.dynamics.FukushimaCalibration;
import io.github.renkei.cluster.dynamics.Observation;
import io.github.renkei.cluster.dynamics.RegionProfile;
import io.github.renkei.cluster.io.ProfileJson;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.simulation.CalibrationResult;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A user's region as the commands read it: a cluster (JSON file or CSV folder), a profile (JSON)
 * and observed figures (TSV, the {@link Observation} format), made into a world and a scenario.
 * Every error is bad input whose one line starts with the file it is about, then the field and
 * the value, as the library's messages name them.
 */
final class RegionFiles {

  /** The region's world and scenario, and the files they came from. */
  record Region(Path clusterFile, Path profileFile, RegionProfile profile, ClusterWorld world,
      Scenario<ClusterState> scenario, Cluster cluster) {}

  private RegionFiles() {}

  /**
   * Reads the cluster and the profile and builds the world and the scenario, naming the file of
   * every error: the cluster's for a firm whose stage contradicts its licences, the profile's for
   * a lead, organization or program the cluster does not have.
   */
  static Region read(Path clusterFile, Path profileFile) {
    Cluster cluster = MatchCommand.read(clusterFile);
    RegionProfile profile = profile(profileFile);
    ClusterWorld world = in(clusterFile, () -> profile.world(cluster));
    Scenario<ClusterState> scenario = in(profileFile, () -> profile.scenario(world));
    return new Region(clusterFile, profileFile, profile, world, scenario, cluster);
  }

  /** Reads a profile, as {@link ProfileJson#read(Path)} does, with a plain word for a missing file. */
  static RegionProfile profile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new Renkei.BadInputException(Files.exists(file) ? file + " is not a file; --profile names a JSON file"
          : "no such file: " + file);
    }
    return Renkei.reading(file, () -> ProfileJson.read(file));
  }

  /**
   * Reads observed figures, each of a metric of the scenario and a year of the profile, naming
   * the file, the line or series, the field and the value of the first that is not.
   */
  static List<Observation> observed(Path file, Region region) {
    List<Observation> rows;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      rows = Observation.read(file.toString(), r, region.scenario().metricNames());
    } catch (NoSuchFileException e) {
      throw new Renkei.BadInputException("no such file: " + file, e);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw new Renkei.BadInputException(file + ": not UTF-8 text (" + e.getCause() + ")", e);
      }
      throw new Renkei.BadInputException(file + ": cannot be read (" + e.getCause() + ")", e);
    } catch (IOException e) {
      throw new Renkei.BadInputException(file + ": cannot be read (" + e + ")", e);
    }
    RegionProfile p = region.profile();
    for (Observation o : rows) {
      if (o.year() < p.firstYear() || o.year() > p.lastYear()) {
        throw new Renkei.BadInputException(file + ": year " + o.year() + " of series " + o.series() + " ("
            + o.metric() + ") is outside the profile's years " + p.firstYear() + ".." + p.lastYear() + " ("
            + region.profileFile() + ")");
      }
    }
    if (rows.isEmpty()) {
      throw new Renkei.BadInputException(file + ": no observed figure, only the header");
    }
    return rows;
  }

  /** Checks {@code --replications} and {@code --threads} before any file is read. */
  static void checkCounts(int replications, int threads) {
    if (replications < 1 || replications > 1_000_000) {
      throw new Renkei.BadInputException("--replications must be in 1..1000000 but was " + replications);
    }
    if (threads < 1 || threads > 1024) {
      throw new Renkei.BadInputException("--threads must be in 1..1024 but was " + threads);
    }
  }

  /** Runs a step, prefixing the message of what it refuses with the file it is about. */
  static <T> T in(Path file, Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw new Renkei.BadInputException(file + ": " + e.getMessage(), e);
    }
  }

  /** One line on standard error when the library's (Fukushima's) values stand in for regional ones. */
  static void warnUnstated(RegionProfile profile, Path file, PrintWriter err) {
    List<String> unstated = profile.unstatedRegional();
    if (!unstated.isEmpty()) {
      err.printf("renkei: %s states no value of %s; Fukushima's values stand in; fit them with renkei calibrate%n",
          file, String.join(", ", unstated));
    }
  }

  /** The simulated figure of each observed one (two sources of one year averaged), from a run. */
  static List<CalibrationResult.Fit> fit(ExperimentResult result, Scenario<?> scenario, List<Observation> observed) {
    List<CalibrationResult.Fit> fits = new ArrayList<>();
    for (Target t : FukushimaCalibration.targets(observed)) {
      fits.add(new CalibrationResult.Fit(t, result.summary(scenario.name(), 0, t.metric(), t.time())));
    }
    return fits;
  }

  /** The fit table: per observed figure, observed, simulated mean, its 95% CI and the range of 90% of the runs. */
  static void printFit(PrintWriter w, List<CalibrationResult.Fit> fits) {
    int width = Math.max("metric".length(), fits.stream().mapToInt(f -> f.metric().length()).max().orElse(0));
    w.printf(Locale.ROOT, "  %-" + width + "s  %-4s  %10s  %10s  %-22s  %s%n", "metric", "year", "observed",
        "simulated", "95% CI", "5-95% of runs");
    for (CalibrationResult.Fit f : fits) {
      String ci = f.confidenceInterval95().map(i -> String.format(Locale.ROOT, "[%.1f, %.1f]", i.lower(), i.upper()))
          .orElse("n/a");
      w.printf(Locale.ROOT, "  %-" + width + "s  %-4s  %10.2f  %10.2f  %-22s  %.1f-%.1f%n", f.metric(), f.time(),
          f.observed(), f.mean(), ci, f.simulated().quantile(0.05), f.simulated().quantile(0.95));
    }
  }

  /** Writes observed figures in the {@link Observation} format, under a comment saying where they come from. */
  static void writeObserved(List<Observation> rows, String comment, Writer out) throws IOException {
    out.write("# " + comment + "\n");
    out.write("# format: Observation (cluster-core): tab-separated, # comments; value a number, year an integer\n");
    out.write(String.join("\t", Observation.COLUMNS) + "\n");
    for (Observation o : rows) {
      List<String> fields = List.of(o.series(), o.metric(), Integer.toString(o.year()), number(o.value()), o.unit(),
          o.asOf(), o.source(), o.note());
      for (String f : fields) {
        if (f.indexOf('\t') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
          throw new IllegalStateException("observation " + o.series() + " " + o.year() + " has a tab or line break"
              + " in a field, which the format cannot hold: '" + f + "'");
        }
      }
      out.write(String.join("\t", fields) + "\n");
    }
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
