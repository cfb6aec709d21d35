package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.io.CsvSink;
import io.github.renkei.cluster.io.RunManifest;
import io.github.renkei.cluster.io.ShardFiles;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code renkei merge DIR... [--out FOLDER]}: joins the shard files that
 * {@code renkei simulate --config FILE --shard I/N --out DIR} (or {@code --cluster FILE --profile
 * FILE --shard I/N --out DIR}) wrote, one per batch job (e.g. a Slurm array task), into the output
 * of the unsharded run: the same {@code results.csv}, byte for
 * byte, and a {@code manifest.json} that differs only in the times and the machine, written as
 * one run folder (cluster-io's {@code RunFolder}), and the same table on standard output.
 *
 * <p>It reads every {@code *.renkei-shard} file of the folders (cluster-io's {@code ShardFiles},
 * which describes the format) and refuses, with exit code 2, one line naming the file and the
 * reason, and nothing written: a folder without shard files, a file that is not a shard file, is
 * truncated, has a changed byte or another format version, a shard of another experiment (a
 * different config, cluster, profile, seed or Renkei version), a shard given twice, a missing
 * shard (naming which). The experiment is rebuilt from the definition the shard files carry (the
 * config, or the cluster and profile), so those files are not needed.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = {"Merge the shard files of renkei simulate ... --shard I/N into the results of the whole"
        + " experiment: the same results.csv and manifest.json as the unsharded run, and the same table.",
        "Refuses (exit code 2, nothing written) shards of another experiment, a corrupted, truncated, repeated or"
            + " missing shard, another format version, a folder without shard files."})
final class MergeCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR",
      description = "Folders holding the shard files (*.renkei-shard), or shard files.")
  List<Path> folders;

  @Option(names = "--out", paramLabel = "FOLDER", defaultValue = "renkei-simulate",
      description = "Where results.csv and manifest.json go (created if missing); default ${DEFAULT-VALUE}.")
  Path out;

  @Option(names = "--metrics", paramLabel = "METRIC", split = ",",
      description = "The metrics to print, comma-separated (results.csv holds them all); default: every metric"
          + " of the scenario.")
  List<String> metrics;

  @Override
  public Integer call() {
    Renkei.checkOutputFolder("--out", out);
    ShardFiles.Shards shards = ShardFiles.collect(folders);
    ShardFiles.Identity id = shards.identity();
    Path first = shards.shards().get(0).file();
    if (!id.library().equals(RunManifest.libraryVersion())) {
      throw new Renkei.BadInputException(first + ": written by Renkei " + id.library() + ", but this is Renkei "
          + RunManifest.libraryVersion() + ": merge with the Renkei that ran the shards");
    }
    SimulateCommand.Config c = SimulateCommand.define(first, id.definitionKind(), id.definition());
    List<String> printed = SimulateCommand.metrics(c.scenario(), metrics);
    Experiment whole = c.experiment().build();
    ShardFiles.Identity rebuilt = ShardFiles.Identity.of(whole, id.definitionKind(), id.definition());
    rebuilt = new ShardFiles.Identity(rebuilt.library(), rebuilt.run(), rebuilt.seed(), rebuilt.replications(),
        id.shards(), rebuilt.gridPoints(), rebuilt.scenarios(), rebuilt.definitionKind(), rebuilt.definition());
    if (!rebuilt.equals(id)) {
      throw new Renkei.BadInputException(first + ": its config does not give the experiment it records ("
          + rebuilt.run() + ", " + rebuilt.scenarios() + " against " + id.run() + ", " + id.scenarios() + ")");
    }
    List<ExperimentResult> parts = new ArrayList<>();
    for (ShardFiles.Shard s : shards.shards()) {
      try {
        parts.add(ExperimentResult.fromData(whole, s.data()));
      } catch (IllegalArgumentException e) {
        throw new Renkei.BadInputException(s.file() + ": " + e.getMessage(), e);
      }
    }
    ExperimentResult merged = ExperimentResult.merge(parts);
    Outputs.intoFolder(out, run -> c.experiment().sink(CsvSink.to(run.resolve("results.csv")))
        .sink(RunManifest.sink(run.resolve("manifest.json"))).build().replay(merged));
    SimulateCommand.print(spec.commandLine().getOut(), c.scenario(), c.grid(), c.replications(), c.seed(), printed,
        merged, out);
    return 0;
  }
}
