package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.dynamics.Observation;
import io.github.renkei.cluster.dynamics.RegionProfile;
import io.github.renkei.cluster.io.ClusterCsv;
import io.github.renkei.cluster.io.ClusterJson;
import io.github.renkei.cluster.io.ProfileJson;
import io.github.renkei.cluster.io.Regions;
import io.github.renkei.cluster.model.Cluster;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code renkei sample NAME --out FILE|FOLDER [--profile FILE] [--observed FILE]}: writes a shipped
 * region ({@code Regions.names()}, Fukushima first) as files to start your own from — its cluster
 * as one JSON file (when {@code --out} ends in {@code .json}) or a folder of CSV tables, its
 * profile as JSON ({@code ProfileJson}) and its observed figures as TSV (the {@code Observation}
 * format). Each file is written atomically; a CSV folder is replaced as a whole and must not hold
 * other files. Every check is made before anything is written.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
    description = "Write a shipped region's cluster (JSON or CSV folder), profile and observed figures, to edit"
        + " and run with simulate and calibrate.")
final class SampleCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", completionCandidates = ShippedRegions.class,
      description = "The region: one of the shipped regions (${COMPLETION-CANDIDATES}).")
  String name;

  @Option(names = "--out", required = true, paramLabel = "FILE|FOLDER",
      description = "Where the cluster goes: a .json file (ClusterJson), or otherwise a folder of CSV tables"
          + " (ClusterCsv).")
  Path out;

  @Option(names = "--profile", paramLabel = "FILE", description = "Also write the region's profile as JSON.")
  Path profile;

  @Option(names = "--observed", paramLabel = "FILE",
      description = "Also write the region's observed figures as TSV (the Observation format).")
  Path observed;

  @Override
  public Integer call() {
    RegionProfile region = Renkei.flag("NAME", () -> Regions.profile(name));
    boolean json = out.getFileName() != null && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    List<Path> files = new ArrayList<>();
    if (json) {
      checkFile("--out", out);
    } else {
      Renkei.checkOutputFolder("--out", out);
    }
    files.add(out);
    if (profile != null) {
      checkFile("--profile", profile);
      files.add(profile);
    }
    if (observed != null) {
      checkFile("--observed", observed);
      files.add(observed);
    }
    if (files.stream().map(p -> p.toAbsolutePath().normalize()).distinct().count() < files.size()) {
      throw new Renkei.BadInputException("--out, --profile and --observed must name different files but were "
          + files);
    }
    Cluster cluster = Regions.cluster(name);
    List<Observation> rows = Regions.observed(name);

    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      Outputs.intoFile(out, writer -> writer.write(ClusterJson.toJson(cluster)));
    } else {
      Outputs.intoFolder(out, run -> {
        ClusterCsv.write(cluster, run.path());
        return null;
      });
    }
    w.printf("wrote %s: %d organizations, %d relationships, %d programs of region %s%n", out,
        cluster.organizationCount(), cluster.relationships().size(), cluster.programs().size(), name);
    if (profile != null) {
      Outputs.intoFile(profile, writer -> ProfileJson.write(region, writer));
      w.printf("wrote %s: profile %s, %d-%d, %d events, %d programs, %d values, %d free parameters%n", profile,
          region.name(), region.firstYear(), region.lastYear(), region.events().size(), region.programs().size(),
          region.values().size(), region.free().size());
    }
    if (observed != null) {
      Outputs.intoFile(observed, writer -> RegionFiles.writeObserved(rows, "observed figures of region " + name
          + ", written by renkei sample " + name + "; each row cites its source", writer));
      w.printf("wrote %s: %d observed figures%n", observed, rows.size());
    }
    return 0;
  }

  /** A file to write: its folder must exist, and it must not be a folder. */
  private static void checkFile(String flag, Path file) {
    if (Files.isDirectory(file)) {
      throw new Renkei.BadInputException(flag + " " + file + " is a folder; name a file");
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new Renkei.BadInputException(flag + " " + file + ": its folder " + parent + " does not exist");
    }
  }

  /** The shipped regions' names, for the help. */
  static final class ShippedRegions implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Regions.names().iterator();
    }
  }
}
