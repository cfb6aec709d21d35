package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The bad inputs of issue 13 for {@code renkei simulate --cluster --profile [--observed]}, each
 * made from the exported Fukushima files by one edit a user could make: each case is
 * {cluster, profile, observed or null, what the error line starts with after the command's name,
 * fragments it must also hold (the field and the value)}.
 */
final class RegionBadInputs {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RegionBadInputs() {}

  static List<String[]> cases(Path dir, Path cluster, Path profile, Path observed) throws IOException {
    Path stage = edit(cluster, dir.resolve("stage.json"), c -> {
      for (JsonNode o : c.get("organizations")) {
        if (o.get("id").asText().equals("syn-sme-aizu-cutting")) {
          ((ObjectNode) o).put("entryStage", "OEM");
        }
      }
    });
    Path lead = edit(profile, dir.resolve("lead.json"), p -> ((ObjectNode) p).put("lead", "nobody"));
    Path program = edit(profile, dir.resolve("program.json"),
        p -> ((ObjectNode) p.get("programs").get(0)).put("program", "mext-nothing"));
    Path event = edit(profile, dir.resolve("event.json"),
        p -> ((ObjectNode) p.get("events").get(2)).put("name", "earthqake"));
    Path organization = edit(profile, dir.resolve("organization.json"),
        p -> ((ObjectNode) p.get("events").get(3)).put("organization", "fmdipoo"));
    Path years = edit(profile, dir.resolve("years.json"), p -> ((ObjectNode) p).put("lastYear", 2300));
    Path eventYear = edit(profile, dir.resolve("event-year.json"),
        p -> ((ObjectNode) p.get("events").get(2)).put("year", 2040));
    Path value = edit(profile, dir.resolve("value.json"),
        p -> ((ObjectNode) p.get("values").get("production-base")).put("value", "lots"));
    String tsv = Files.readString(observed);
    Path metric = Files.writeString(dir.resolve("metric.tsv"),
        tsv.replace("\tregistered-manufacturers\t2014", "\tregistered-manufacturer\t2014"));
    Path observedYear = Files.writeString(dir.resolve("year.tsv"),
        tsv.replace("\tregistered-manufacturers\t2014", "\tregistered-manufacturers\t2031"));
    Path malformedCluster = Files.writeString(dir.resolve("malformed.json"), Files.readString(cluster)
        .substring(0, 400));
    Path malformedProfile = Files.writeString(dir.resolve("twice.json"), Files.readString(profile)
        .replaceFirst("\"firstYear\" : 2005,", "\"firstYear\" : 2005, \"firstYear\" : 2006,"));
    Path malformedObserved = Files.writeString(dir.resolve("short.tsv"), tsv + "a\tb\t2011\n");

    String c = cluster.toString();
    String p = profile.toString();
    return List.of(
        new String[] {stage.toString(), p, null, stage + ": ", "syn-sme-aizu-cutting", "entryStage OEM"},
        new String[] {c, lead.toString(), null, lead + ": ", "lead", "'nobody'"},
        new String[] {c, program.toString(), null, program + ": ", "programs[0].program", "'mext-nothing'"},
        new String[] {c, event.toString(), null, event + ": ", "events[2].name", "earthqake",
            "did you mean 'earthquake'?"},
        new String[] {c, organization.toString(), null, organization + ": ", "events[3].organization", "'fmdipoo'"},
        new String[] {c, years.toString(), null, years + ": ", "lastYear", "2300"},
        new String[] {c, eventYear.toString(), null, eventYear + ": ", "events[2].year", "2040"},
        new String[] {c, value.toString(), null, value + ": ", "values.production-base.value", "\"lots\""},
        new String[] {c, p, metric.toString(), metric + " line 5: ", "metric 'registered-manufacturer'",
            "did you mean 'registered-manufacturers'?"},
        new String[] {c, p, observedYear.toString(), observedYear + ": ", "year 2031", "2005..2030"},
        new String[] {malformedCluster.toString(), p, null, malformedCluster + ":", "malformed JSON"},
        new String[] {c, malformedProfile.toString(), null, malformedProfile + ":", "'firstYear'", "twice"},
        new String[] {c, p, malformedObserved.toString(), malformedObserved + " line ", "3 fields"});
  }

  /** The arguments of {@code renkei simulate} for a case. */
  static String[] simulate(String[] k, Path out) {
    List<String> args = new ArrayList<>(List.of("simulate", "--cluster", k[0], "--profile", k[1], "--replications",
        "2", "--threads", "2", "--out", out.toString()));
    if (k[2] != null) {
      args.addAll(List.of("--observed", k[2]));
    }
    return args.toArray(String[]::new);
  }

  /** The error line names the file first, then the field and the value. */
  static void assertNames(String[] k, String err) {
    assertTrue(err.startsWith("renkei simulate: " + k[3]), "'" + k[3] + "' first in\n" + err);
    for (int i = 4; i < k.length; i++) {
      assertTrue(err.contains(k[i]), "'" + k[i] + "' not in\n" + err);
    }
  }

  /** A copy of a JSON file with an edit, as a user makes it in an editor. */
  static Path edit(Path from, Path to, Consumer<JsonNode> change) throws IOException {
    JsonNode root = JSON.readTree(from.toFile());
    change.accept(root);
    JSON.writerWithDefaultPrettyPrinter().writeValue(to.toFile(), root);
    return to;
  }
}
