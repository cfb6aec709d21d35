package io.github.renkei.cluster.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.ClusterWorld;
import io.github.renkei.cluster.io.CsvSink;
import io.github.renkei.cluster.io.RunManifest;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Grid;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Statistics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code renkei simulate --config <file>}: an experiment of the Fukushima scenario described in a
 * JSON file, streamed to {@code results.csv} with {@code manifest.json} in an output folder, which
 * is replaced as a whole when the run is complete (cluster-io's {@code RunFolder}).
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
 * of its type (numbers, true/false, or the text its parser reads). An unknown key, scenario or
 * parameter, a value out of range, or malformed JSON is bad input: exit code 2, one line naming
 * it, nothing written.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Run an experiment of the Fukushima scenario from a JSON config to CSV and a run manifest.")
final class SimulateCommand implements Callable<Integer> {

  private static final Set<String> KEYS =
      Set.of("scenario", "lastYear", "organizations", "parameters", "grid", "replications", "seed", "threads");

  @Spec
  CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "The experiment, as JSON.")
  Path config;

  @Option(names = "--out", paramLabel = "FOLDER", defaultValue = "renkei-simulate",
      description = "Where results.csv and manifest.json go (created if missing); default ${DEFAULT-VALUE}.")
  Path out;

  @Override
  public Integer call() throws IOException {
    PrintWriter w = spec.commandLine().getOut();
    JsonNode root = parse(config);
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!KEYS.contains(key)) {
        throw new Renkei.BadInputException(config + ": unknown key '" + key + "'; known: " + KEYS);
      }
    }
    String scenarioName = text(root, "scenario", "fukushima");
    if (!scenarioName.equals("fukushima")) {
      throw new Renkei.BadInputException(config + ": unknown scenario '" + scenarioName + "'; known: fukushima");
    }
    int lastYear = integer(root, "lastYear", 2030);
    ClusterWorld world = root.has("organizations")
        ? ClusterWorld.fukushima(integer(root, "organizations", 0)) : ClusterWorld.fukushima();
    Scenario<ClusterState> scenario = ClusterDynamics.fukushimaBuilder(world, lastYear).build();

    Grid grid = Grid.single();
    JsonNode fixed = root.path("parameters");
    for (Map.Entry<String, JsonNode> e : fixed.properties()) {
      grid = axis(grid, parameter(scenario, "parameters", e.getKey()), List.of(e.getValue()), "parameters");
    }
    JsonNode axes = root.path("grid");
    for (Map.Entry<String, JsonNode> e : axes.properties()) {
      if (!e.getValue().isArray() || e.getValue().isEmpty()) {
        throw new Renkei.BadInputException(config + ": grid." + e.getKey() + " must be a non-empty array");
      }
      List<JsonNode> values = new ArrayList<>();
      e.getValue().forEach(values::add);
      grid = axis(grid, parameter(scenario, "grid", e.getKey()), values, "grid");
    }
    int replications = integer(root, "replications", 100);
    long seed = root.has("seed") ? root.get("seed").asLong() : 2005L;
    if (root.has("seed") && !root.get("seed").canConvertToLong()) {
      throw new Renkei.BadInputException(config + ": seed must be an integer but was " + root.get("seed"));
    }
    int threads = integer(root, "threads", Runtime.getRuntime().availableProcessors());

    Grid points = grid;
    ExperimentResult result = Outputs.intoFolder(out, run -> Experiment.of(scenario).grid(points)
        .replications(replications).seed(seed).threads(threads).sink(CsvSink.to(run.resolve("results.csv")))
        .sink(RunManifest.sink(run.resolve("manifest.json"))).run());
    String last = scenario.schedule().label(scenario.schedule().size() - 1);
    w.printf("%s, %d grid point(s) × %d replications, seed %d%n", scenario.name(), grid.size(), replications, seed);
    for (int point = 0; point < grid.size(); point++) {
      Statistics s = result.summary(scenario.name(), point, ClusterDynamics.REGISTERED, last);
      w.printf("  %s: registered manufacturers in %s %s%n", grid.point(point), last,
          s.count() > 1 ? PolicyExperiments.interval(s) : String.format("%.2f", s.mean()));
    }
    w.println("wrote " + out.resolve("results.csv") + " and " + out.resolve("manifest.json"));
    return 0;
  }

  private JsonNode parse(Path file) throws IOException {
    try {
      JsonNode root = new ObjectMapper().readTree(Files.readString(file));
      if (root == null || !root.isObject()) {
        throw new Renkei.BadInputException(file + ": the config must be a JSON object");
      }
      return root;
    } catch (NoSuchFileException e) {
      throw new Renkei.BadInputException("no such file: " + file, e);
    } catch (JsonProcessingException e) {
      throw new Renkei.BadInputException(file + ": malformed JSON at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
    }
  }

  private Parameter<?> parameter(Scenario<?> scenario, String section, String name) {
    for (Parameter<?> p : scenario.parameters()) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new Renkei.BadInputException(config + ": " + section + "." + name + " is not a parameter of the scenario"
        + " (see ClusterDynamics.parameters(); e.g. rotation-years, council, development-share)");
  }

  private <T> Grid axis(Grid grid, Parameter<T> p, List<JsonNode> nodes, String section) {
    List<T> values = new ArrayList<>();
    for (JsonNode n : nodes) {
      if (!n.isValueNode()) {
        throw new Renkei.BadInputException(config + ": " + section + "." + p.name() + " must be a number, true/false"
            + " or text but was " + n);
      }
      try {
        values.add(p.parse(n.asText()));
      } catch (IllegalArgumentException e) {
        throw new Renkei.BadInputException(config + ": " + section + "." + p.name() + ": " + e.getMessage(), e);
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
      throw new Renkei.BadInputException(config + ": " + key + " must be text but was " + n);
    }
    return n.asText();
  }

  private int integer(JsonNode root, String key, int otherwise) {
    JsonNode n = root.get(key);
    if (n == null) {
      return otherwise;
    }
    if (!n.canConvertToInt() || !n.isIntegralNumber()) {
      throw new Renkei.BadInputException(config + ": " + key + " must be an integer but was " + n);
    }
    return n.asInt();
  }
}
