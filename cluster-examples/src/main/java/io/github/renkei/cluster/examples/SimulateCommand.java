package io.github.renkei.cluster.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.ClusterWorld;
import io.github.renkei.cluster.dynamics.MatchingRounds;
import io.github.renkei.cluster.dynamics.Observation;
import io.github.renkei.cluster.dynamics.RegionProfile;
import io.github.renkei.cluster.io.ClusterJson;
import io.github.renkei.cluster.io.CsvSink;
import io.github.renkei.cluster.io.ProfileJson;
import io.github.renkei.cluster.io.RunManifest;
import io.github.renkei.cluster.io.ShardFiles;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Grid;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Statistics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code renkei simulate --cluster FILE --profile FILE}: runs any region, a cluster (a JSON file
 * or a folder of CSV tables) with its profile (cluster-io's {@code ProfileJson}), each firm
 * starting at the stage, with the licences and ties its file gives. Replications, seed and
 * threads are flags; with {@code --observed FILE} (the {@code Observation} format) it also prints
 * a fit table: per observed figure, the simulated mean, its 95% CI and the range of 90% of the
 * runs. When the profile states no value of some regional coefficient, a line on standard error
 * names them (Fukushima's values stand in). A bad cluster, profile or observed file — an unknown
 * organization, program or event, a firm whose stage contradicts its licences, a year out of
 * range, a metric the model lacks — is bad input: exit code 2, one line naming the file, the
 * field and the value, nothing written.
 *
 * <p>{@code renkei simulate --config <file>}: an experiment of the Fukushima scenario described in a
 * JSON file, streamed to {@code results.csv} with {@code manifest.json} in an output folder, which
 * is replaced as a whole when the run is complete (cluster-io's {@code RunFolder}); the progress
 * goes to standard error, and every metric's mean and 95% confidence interval in the last year is
 * printed per grid point ({@code --metrics} selects which).
 *
 * <pre>{@code
 * {
 *   "scenario": "fukushima",            // the built-in scenario (the only one so far)
 *   "lastYear": 2030,                   // optional, 2016..2200
 *   "organizations": 1000,              // optional: a world of this many organizations
 *   "parameters": {"rotation-years": 3, "council": true},   // fixed values, by name
 *   "grid": {"development-share": [0.1, 0.7]},             // axes of the grid, by name
 *   "replications": 200,
 *   "seed": 2005,
 *   "threads": 2                        // optional, default: every core
 * }
 * }</pre>
 *
 * <p>Every parameter of {@code ClusterDynamics.parameters()} may appear, by name, with a value
 * of its type (numbers, true/false, or the text its parser reads). A config that names one of
 * the rolling desk's parameters ({@code desk-rounds-per-year}, {@code desk-patience-days},
 * {@code desk-contract-days}) also gets the desk's metrics ({@code ClusterDynamics.DESK_METRICS}). The reading is strict: an
 * unknown or repeated key, scenario or parameter, a value of the wrong type (a seed of 1.5,
 * parameters given as an array), a value out of range, or malformed JSON is bad input: exit code
 * 2, one line naming the file, the field and the value, nothing written. The config may come from
 * a pipe or from standard input ({@code --config -}).
 *
 * <p>{@code --shard I/N --out DIR}, with either form: runs only shard I of N (from 0, so that a
 * Slurm array {@code --array=0-(N-1)} gives {@code --shard $SLURM_ARRAY_TASK_ID/N}; replication
 * r is in shard {@code r % N}) and writes one shard file (cluster-io's {@code ShardFiles}) into
 * DIR, atomically, named after the run and the shard; {@link MergeCommand renkei merge DIR} joins
 * the N files into the unsharded run's output. The shard file records what rebuilds the
 * experiment — the config's canonical JSON, or the region's cluster and profile as JSON with the
 * replications, seed and threads — and its SHA-256, so shards of different inputs never merge.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Run a region (--cluster and --profile) or an experiment of the Fukushima scenario (--config)"
        + " to CSV and a run manifest; print every metric's mean and 95%% CI in the last year.",
        "--config cannot be combined with --cluster, --profile, --observed, --replications, --seed or --threads:"
            + " the config states its own."})
final class SimulateCommand implements Callable<Integer> {

  private static final Set<String> KEYS =
      Set.of("scenario", "lastYear", "organizations", "parameters", "grid", "replications", "seed", "threads");

  /** Duplicate keys are errors, not "the last one wins". */
  private static final ObjectMapper STRICT = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  @Spec
  CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE",
      description = "The experiment, as JSON (a file, a pipe, or - for standard input).")
  Path config;

  @Option(names = "--cluster", paramLabel = "PATH",
      description = "The region's cluster: a JSON file (ClusterJson; also a pipe, or - for standard input) or a"
          + " folder of CSV tables (ClusterCsv); with --profile.")
  Path cluster;

  @Option(names = "--profile", paramLabel = "FILE", description = "The region's profile, as JSON (ProfileJson).")
  Path profile;

  @Option(names = "--observed", paramLabel = "FILE",
      description = "Observed figures (TSV, the Observation format) to compare the run with.")
  Path observed;

  @Option(names = "--replications", paramLabel = "N", description = "Replications, 1..1000000; default 100.")
  Integer replications;

  @Option(names = "--seed", paramLabel = "S", description = "The root seed; default 2005.")
  Long seed;

  @Option(names = "--threads", paramLabel = "T", description = "Threads; default: every core.")
  Integer threads;

  /** The output folder when {@code --out} is not given (except with {@code --shard}, which needs it). */
  static final Path DEFAULT_OUT = Path.of("renkei-simulate");

  @Option(names = "--out", paramLabel = "FOLDER",
      description = "Where results.csv and manifest.json go (created if missing); default renkei-simulate. With"
          + " --shard (required): the folder of the shard files, which every shard of the experiment shares.")
  Path out;

  @Option(names = "--metrics", paramLabel = "METRIC", split = ",",
      description = "The metrics to print, comma-separated (results.csv holds them all); default: every metric"
          + " of the scenario.")
  List<String> metrics;

  @Option(names = "--shard", paramLabel = "I/N",
      description = {"Run only shard I of N (I from 0 to N-1: replication r is in shard r %% N) and write it as one"
          + " shard file into the --out folder, for renkei merge; with --config, or --cluster and --profile. Under"
          + " Slurm:"
          + " --shard $SLURM_ARRAY_TASK_ID/N with #SBATCH --array=0-(N-1)."})
  String shard;

  @Option(names = "--no-progress", description = "Do not report progress (a bar in a terminal, otherwise a line"
      + " on standard error every few seconds).")
  boolean noProgress;

  @Override
  public Integer call() throws IOException {
    if (config == null) {
      return region();
    }
    List<String> combined = new ArrayList<>();
    String[] flags = {"--cluster", "--profile", "--observed", "--replications", "--seed", "--threads"};
    Object[] given = {cluster, profile, observed, replications, seed, threads};
    for (int i = 0; i < flags.length; i++) {
      if (given[i] != null) {
        combined.add(flags[i]);
      }
    }
    if (!combined.isEmpty()) {
      throw new Renkei.BadInputException("--config cannot be combined with " + String.join(", ", combined)
          + ": the config states the experiment; give --cluster and --profile without --config to run a region");
    }
    if (shard != null && out == null) {
      throw new Renkei.BadInputException(NEEDS_OUT);
    }
    out = out == null ? DEFAULT_OUT : out;
    Renkei.checkOutputFolder("--out", out);
    JsonNode root = Renkei.reading(config, this::parse);
    Config c = define(root);
    Experiment.Builder experiment = c.experiment();
    if (shard != null) {
      return shard(c, DEFINITION_KIND, canonical(root));
    }
    run(c.scenario(), experiment, c.grid(), c.replications(), c.seed(), metrics(c.scenario()));
    return 0;
  }

  /** What a config describes, as read. */
  record Config(Scenario<ClusterState> scenario, Grid grid, int replications, long seed, int threads) {
    /** The experiment, unsharded, without sinks. */
    Experiment.Builder experiment() {
      return Experiment.of(scenario).grid(grid).replications(replications).threads(threads).seed(seed);
    }
  }

  /** The kind of definition a shard file of {@code renkei simulate --config} records. */
  static final String DEFINITION_KIND = "renkei-simulate-config/1";

  /**
   * The kind of definition a shard file of {@code renkei simulate --cluster --profile} records:
   * {@code {"cluster": ClusterJson, "profile": ProfileJson, "replications", "seed", "threads"}}.
   */
  static final String REGION_KIND = "renkei-simulate-region/1";

  private static final String NEEDS_OUT = "--shard needs --out FOLDER: the folder where every shard of the"
      + " experiment writes its file, and which renkei merge reads";

  /** A region's run as a shard file records it: the cluster and profile as JSON, the counts and the seed. */
  private static String regionDefinition(RegionFiles.Region region, int replications, long seed, int threads) {
    try {
      ObjectNode d = STRICT.createObjectNode();
      d.set("cluster", STRICT.readTree(ClusterJson.toJson(region.cluster())));
      d.set("profile", STRICT.readTree(ProfileJson.toJson(region.profile())));
      d.put("replications", replications);
      d.put("seed", seed);
      d.put("threads", threads);
      return STRICT.writeValueAsString(d);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the library's own JSON is read back", e);
    }
  }

  /**
   * Reads the experiment a shard file's definition describes (for {@code renkei merge}), errors
   * naming the shard file.
   */
  static Config define(Path shardFile, String kind, String definition) {
    if (kind.equals(DEFINITION_KIND)) {
      return define(shardFile, definition);
    }
    if (!kind.equals(REGION_KIND)) {
      throw new Renkei.BadInputException(shardFile + ": an experiment of kind '" + kind + "', which renkei merge"
          + " cannot rebuild (it merges the shards of renkei simulate, kinds '" + DEFINITION_KIND + "' and '"
          + REGION_KIND + "')");
    }
    try {
      JsonNode d = STRICT.readTree(definition);
      String name = shardFile + " (its cluster)";
      Cluster c = RegionFiles.in(shardFile,
          () -> ClusterJson.fromJson(name, new StringReader(d.get("cluster").toString())));
      RegionProfile p = RegionFiles.in(shardFile,
          () -> ProfileJson.read(shardFile + " (its profile)", new StringReader(d.get("profile").toString())));
      ClusterWorld world = RegionFiles.in(shardFile, () -> p.world(c));
      Scenario<ClusterState> scenario = RegionFiles.in(shardFile, () -> p.scenario(world));
      return new Config(scenario, Grid.single(), d.get("replications").intValue(), d.get("seed").longValue(),
          d.get("threads").intValue());
    } catch (JsonProcessingException | RuntimeException e) {
      if (e instanceof Renkei.BadInputException b) {
        throw b;
      }
      throw new Renkei.BadInputException(shardFile + ": the region it records cannot be read back: " + e, e);
    }
  }

  /**
   * The config as a shard file records it: compact JSON in the file's key order (the order of
   * the grid's axes orders its points), whatever the file's spacing.
   */
  static String canonical(JsonNode root) {
    try {
      return STRICT.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed tree is written back", e);
    }
  }

  /**
   * Reads the experiment a shard file's definition describes (for {@code renkei merge}): as a
   * config file, errors naming the shard file.
   */
  static Config define(Path shardFile, String definition) {
    SimulateCommand reader = new SimulateCommand();
    reader.config = shardFile;
    JsonNode root;
    try {
      root = STRICT.readTree(definition);
    } catch (JsonProcessingException e) {
      throw reader.bad("the experiment's definition is not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw reader.bad("the experiment's definition is not a JSON object");
    }
    return reader.define(root);
  }

  /** Runs one shard and writes its shard file into the output folder. */
  private int shard(Config c, String kind, String definition) {
    if (metrics != null) {
      throw new Renkei.BadInputException("--metrics has no effect with --shard: a shard prints nothing; give it to"
          + " renkei merge");
    }
    Matcher m = Pattern.compile("(\\d{1,9})/(\\d{1,9})").matcher(shard);
    if (!m.matches()) {
      throw new Renkei.BadInputException("--shard: give I/N, the shard's index from 0 and the number of shards, e.g."
          + " --shard 0/10 (under Slurm --shard $SLURM_ARRAY_TASK_ID/10), but was '" + shard + "'");
    }
    int index = Integer.parseInt(m.group(1));
    int count = Integer.parseInt(m.group(2));
    Experiment.Builder builder = c.experiment();
    Renkei.flag("--shard", () -> builder.shard(index, count));
    if (count > c.replications()) {
      throw new Renkei.BadInputException("--shard " + shard + ": " + count + " shards of " + c.replications()
          + " replications would leave shards empty; use at most " + c.replications() + " shards");
    }
    Experiment experiment = builder.build();
    ShardFiles.Identity id = ShardFiles.Identity.of(experiment, kind, definition);
    Path file = out.resolve(ShardFiles.fileName(id, index));
    ExperimentResult result;
    try (ConsoleProgress progress = noProgress ? null : ConsoleProgress.start("replications",
        experiment.plannedReplications(), spec.commandLine().getErr())) {
      Experiment.Builder b = builder;
      if (progress != null) {
        b = b.progress(progress.listener(0));
      }
      result = b.run();
    }
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the folder " + out + " (" + e + ")", e);
    }
    Outputs.intoFile(file, () -> ShardFiles.write(file, id, result.data()));
    spec.commandLine().getOut().printf("wrote %s: shard %d of %d (%d replications), run %s, seed %d; when all %d are"
        + " written, renkei merge %s%n", file, index, count, experiment.plannedReplications(), id.run(), c.seed(),
        count, out);
    return 0;
  }

  /** Reads a config's experiment; every error names the config and the field. */
  private Config define(JsonNode root) {
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!KEYS.contains(key)) {
        throw bad("unknown key '" + key + "'; known: " + KEYS);
      }
    }
    String scenarioName = text(root, "scenario", "fukushima");
    if (!scenarioName.equals("fukushima")) {
      throw bad("unknown scenario '" + scenarioName + "'; known: fukushima");
    }
    int lastYear = integer(root, "lastYear", 2030);
    ClusterWorld world = root.has("organizations")
        ? field("organizations", () -> ClusterWorld.fukushima(integer(root, "organizations", 0)))
        : ClusterWorld.fukushima();
    boolean desk = namesADeskParameter(root.path("parameters")) || namesADeskParameter(root.path("grid"));
    Scenario<ClusterState> scenario = field("lastYear", () -> {
      ClusterDynamics.Builder b = ClusterDynamics.fukushimaBuilder(world, lastYear);
      return (desk ? b.deskMetrics() : b).build();
    });

    Grid grid = Grid.single();
    for (Map.Entry<String, JsonNode> e : object(root, "parameters").properties()) {
      grid = axis(grid, parameter(scenario, "parameters", e.getKey()), List.of(e.getValue()), "parameters");
    }
    for (Map.Entry<String, JsonNode> e : object(root, "grid").properties()) {
      if (!e.getValue().isArray() || e.getValue().isEmpty()) {
        throw bad("grid." + e.getKey() + " must be a non-empty array but was " + e.getValue());
      }
      List<JsonNode> values = new ArrayList<>();
      e.getValue().forEach(values::add);
      grid = axis(grid, parameter(scenario, "grid", e.getKey()), values, "grid");
    }
    int replications = integer(root, "replications", 100);
    long seed = seed(root);
    int threads = integer(root, "threads", Runtime.getRuntime().availableProcessors());
    Experiment.Builder experiment = Experiment.of(scenario).grid(grid);
    field("replications", () -> experiment.replications(replications));
    field("threads", () -> experiment.threads(threads));
    return new Config(scenario, grid, replications, seed, threads);
  }

  /** Runs a region's cluster with its profile, and compares the run with observed figures if given. */
  private int region() {
    if (cluster == null || profile == null) {
      throw new Renkei.BadInputException("give --cluster FILE and --profile FILE to run a region (renkei sample"
          + " fukushima --out my-region.json --profile my-profile.json writes a pair to start from), or --config"
          + " FILE for an experiment of the Fukushima scenario");
    }
    if (shard != null && out == null) {
      throw new Renkei.BadInputException(NEEDS_OUT);
    }
    if (shard != null && observed != null) {
      throw new Renkei.BadInputException("--observed has no effect with --shard: a shard prints nothing; run the"
          + " region whole to compare it with observed figures");
    }
    out = out == null ? DEFAULT_OUT : out;
    Renkei.checkOutputFolder("--out", out);
    int n = replications == null ? 100 : replications;
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    RegionFiles.checkCounts(n, t);
    RegionFiles.Region region = RegionFiles.read(cluster, profile);
    List<Observation> figures = observed == null ? List.of() : RegionFiles.observed(observed, region);
    List<String> printed = metrics(region.scenario());
    Experiment.Builder experiment = Experiment.of(region.scenario());
    Renkei.flag("--replications", () -> experiment.replications(n));
    Renkei.flag("--threads", () -> experiment.threads(t));
    RegionFiles.warnUnstated(region.profile(), profile, spec.commandLine().getErr());
    long s = seed == null ? 2005L : seed;
    if (shard != null) {
      return shard(new Config(region.scenario(), Grid.single(), n, s, t), REGION_KIND, regionDefinition(region, n, s,
          t));
    }
    ExperimentResult result = run(region.scenario(), experiment, Grid.single(), n, s, printed);
    if (!figures.isEmpty()) {
      PrintWriter w = spec.commandLine().getOut();
      w.printf("observed (%s) and simulated, mean [95%% CI] and 5-95%% of the %d runs:%n", observed, n);
      RegionFiles.printFit(w, RegionFiles.fit(result, region.scenario(), figures));
    }
    return 0;
  }

  /** Runs the experiment into the output folder, with progress, and prints the last year's metrics. */
  private ExperimentResult run(Scenario<ClusterState> scenario, Experiment.Builder experiment, Grid grid,
      int replications, long seed, List<String> printed) {
    PrintWriter w = spec.commandLine().getOut();

    ExperimentResult result;
    try (ConsoleProgress progress = noProgress ? null : ConsoleProgress.start("replications",
        (long) grid.size() * replications, spec.commandLine().getErr())) {
      if (progress != null) {
        experiment.progress(progress.listener(0));
      }
      result = Outputs.intoFolder(out, run -> experiment.seed(seed).sink(CsvSink.to(run.resolve("results.csv")))
          .sink(RunManifest.sink(run.resolve("manifest.json"))).run());
    }
    print(w, scenario, grid, replications, seed, printed, result, out);
    return result;
  }

  /**
   * Prints every chosen metric's mean (and 95% CI) in the last step per grid point, and the files
   * written: what {@code renkei simulate} and {@code renkei merge} print.
   */
  static void print(PrintWriter w, Scenario<?> scenario, Grid grid, int replications, long seed,
      List<String> printed, ExperimentResult result, Path out) {
    String last = scenario.schedule().label(scenario.schedule().size() - 1);
    w.printf("%s, %d grid point(s) × %d replications, seed %d; in %s, mean%s:%n", scenario.name(), grid.size(),
        replications, seed, last, replications > 1 ? " [95% CI]" : "");
    int width = printed.stream().mapToInt(String::length).max().orElse(0);
    for (int point = 0; point < grid.size(); point++) {
      if (!grid.point(point).isEmpty()) { // a run without a grid has one point and nothing to name
        w.printf("  %s%n", grid.point(point));
      }
      for (String metric : printed) {
        Statistics s = result.summary(scenario.name(), point, metric, last);
        w.printf("    %-" + width + "s  %s%n", metric,
            s.count() > 1 ? PolicyExperiments.interval(s) : String.format("%.2f", s.mean()));
      }
    }
    w.println("wrote " + out.resolve("results.csv") + " and " + out.resolve("manifest.json"));
  }

  /**
   * Whether a section of the config names one of the rolling desk's parameters: then the desk's
   * metrics are registered, printed and written ({@code MatchingRounds.DESK_PARAMETERS}).
   */
  private static boolean namesADeskParameter(JsonNode section) {
    if (!section.isObject()) {
      return false;
    }
    for (Parameter<?> p : MatchingRounds.DESK_PARAMETERS) {
      if (section.has(p.name())) {
        return true;
      }
    }
    return false;
  }

  /** The metrics to print: those of {@code --metrics}, each one the scenario's, or all. */
  private List<String> metrics(Scenario<?> scenario) {
    return metrics(scenario, metrics);
  }

  /** The metrics to print: those given, each one the scenario's, or all. */
  static List<String> metrics(Scenario<?> scenario, List<String> metrics) {
    List<String> known = scenario.metricNames();
    if (metrics == null) {
      return known;
    }
    for (String m : metrics) {
      if (!known.contains(m)) {
        throw new Renkei.BadInputException("--metrics: '" + m + "' is not a metric of the scenario; its metrics: "
            + String.join(", ", known));
      }
    }
    return List.copyOf(new LinkedHashSet<>(metrics));
  }

  private JsonNode parse() {
    try {
      String text = config.toString().equals("-")
          ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
          : Files.readString(config);
      JsonNode root = STRICT.readTree(text);
      if (root == null || root.isMissingNode()) {
        throw bad("the config must be a JSON object but the file is empty");
      }
      if (!root.isObject()) {
        throw bad("the config must be a JSON object but was " + root.getNodeType() + " " + root);
      }
      return root;
    } catch (NoSuchFileException e) {
      throw new Renkei.BadInputException("no such file: " + config, e);
    } catch (JsonProcessingException e) {
      if (e.getOriginalMessage().startsWith("Duplicate field")) {
        throw bad("a key appears twice (" + e.getOriginalMessage().substring("Duplicate field ".length())
            + " at line " + e.getLocation().getLineNr() + "); give each key once", e);
      }
      throw bad("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw bad("cannot be read: " + e, e);
    }
  }

  /** An error in the config, naming the file. */
  private Renkei.BadInputException bad(String message) {
    return new Renkei.BadInputException(configName() + ": " + message);
  }

  private Renkei.BadInputException bad(String message, Throwable cause) {
    return new Renkei.BadInputException(configName() + ": " + message, cause);
  }

  private String configName() {
    return config.toString().equals("-") ? "standard input (--config -)" : config.toString();
  }

  /** Runs a step the library checks, naming the file and the field if it refuses the value. */
  private <T> T field(String key, Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw bad(key + ": " + e.getMessage(), e);
    }
  }

  private JsonNode object(JsonNode root, String key) {
    JsonNode n = root.path(key);
    if (!n.isMissingNode() && !n.isObject()) {
      throw bad(key + " must be an object {\"name\": value, ...} but was " + n);
    }
    return n;
  }

  private long seed(JsonNode root) {
    JsonNode n = root.get("seed");
    if (n == null) {
      return 2005L;
    }
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw bad("seed must be an integer (64 bits) but was " + n);
    }
    return n.longValue();
  }

  private Parameter<?> parameter(Scenario<?> scenario, String section, String name) {
    for (Parameter<?> p : scenario.parameters()) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw bad(section + "." + name + " is not a parameter of the scenario (see ClusterDynamics.parameters();"
        + " e.g. rotation-years, council, development-share)");
  }

  private <T> Grid axis(Grid grid, Parameter<T> p, List<JsonNode> nodes, String section) {
    List<T> values = new ArrayList<>();
    for (JsonNode n : nodes) {
      if (!n.isValueNode()) {
        throw bad(section + "." + p.name() + " must be a number, true/false or text but was " + n);
      }
      try {
        values.add(p.parse(n.asText()));
      } catch (IllegalArgumentException e) {
        throw bad(section + "." + p.name() + ": " + e.getMessage(), e);
      }
    }
    return grid.and(p, values);
  }

  private String text(JsonNode root, String key, String otherwise) {
    JsonNode n = root.get(key);
    if (n == null) {
      return otherwise;
    }
    if (!n.isTextual()) {
      throw bad(key + " must be text but was " + n);
    }
    return n.asText();
  }

  private int integer(JsonNode root, String key, int otherwise) {
    JsonNode n = root.get(key);
    if (n == null) {
      return otherwise;
    }
    if (!n.canConvertToInt() || !n.isIntegralNumber()) {
      throw bad(key + " must be an integer but was " + n);
    }
    return n.asInt();
  }
}
