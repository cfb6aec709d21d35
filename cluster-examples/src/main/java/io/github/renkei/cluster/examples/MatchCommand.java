package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.io.ClusterCsv;
import io.github.renkei.cluster.io.ClusterJson;
import io.github.renkei.cluster.matching.Assignment;
import io.github.renkei.cluster.matching.MatchResult;
import io.github.renkei.cluster.matching.Matcher;
import io.github.renkei.cluster.matching.Matchers;
import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.matching.Unmatched;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.OrganizationId;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code renkei match --cluster <file-or-folder>}: matches the needs of a user's cluster (a JSON
 * file or a folder of CSV tables, see cluster-io's CLUSTER-FORMAT.md) to its suppliers under the
 * standard constraints (the PMD Act among them) and prints, optionally writes, the result with
 * an explanation for every need left unmatched. The JSON may also come from a pipe
 * ({@code --cluster <(gunzip -c c.json.gz)}) or standard input ({@code --cluster -}): it is read
 * once, from start to end. {@code --requester-capacity ID=N} (repeatable) limits a requester to N
 * matched needs, as {@code MatchingProblem.Builder.requesterCapacity} does.
 */
@Command(name = "match", mixinStandardHelpOptions = true,
    description = "Match the needs of your own cluster (a JSON file or a folder of CSV tables) to its suppliers.")
final class MatchCommand implements Callable<Integer> {

  /** Which matcher. */
  enum Algorithm {
    /** Highest scores first. */
    greedy,
    /** The largest total score (min-cost flow). */
    optimal,
    /** Stable, needs proposing (Gale–Shapley). */
    stable
  }

  @Spec
  CommandSpec spec;

  /** The years {@code --year} accepts. */
  static final int FIRST_YEAR = 1900;

  /** The last year {@code --year} accepts, the last year a Fukushima scenario can simulate. */
  static final int LAST_YEAR = 2200;

  @Option(names = "--cluster", required = true, paramLabel = "PATH",
      description = "The cluster: a JSON file (ClusterJson; also a pipe, or - for standard input) or a folder of"
          + " CSV tables (ClusterCsv).")
  Path cluster;

  @Option(names = "--matcher", paramLabel = "NAME", defaultValue = "optimal",
      description = "${COMPLETION-CANDIDATES} (any case); default ${DEFAULT-VALUE}.")
  Algorithm algorithm;

  @Option(names = "--year", paramLabel = "YEAR",
      description = "Ties active up to this year count as prior relationships; " + FIRST_YEAR + ".." + LAST_YEAR
          + ".")
  Integer year;

  @Option(names = "--requester-capacity", paramLabel = "ID=N",
      description = "At most N of this requester's needs are matched (a hospital that can take only so many"
          + " proposals; 0 allowed); repeat for several requesters. Without it a requester is unlimited.")
  List<String> requesterCapacities = new ArrayList<>();

  @Option(names = "--out", paramLabel = "FILE",
      description = "Also write the result as CSV: need, status, supplier, score, explanation.")
  Path out;

  @Override
  public Integer call() {
    if (year != null && (year < FIRST_YEAR || year > LAST_YEAR)) {
      throw new Renkei.BadInputException("--year must be a year in " + FIRST_YEAR + ".." + LAST_YEAR + " but was "
          + year);
    }
    PrintWriter w = spec.commandLine().getOut();
    Cluster c = read(cluster);
    MatchingProblem.Builder b = MatchingProblem.from(c);
    if (year != null) {
      b.year(year);
    }
    for (String entry : requesterCapacities) {
      int eq = entry.lastIndexOf('=');
      String id = eq < 0 ? "" : entry.substring(0, eq).strip();
      String n = eq < 0 ? "" : entry.substring(eq + 1).strip();
      if (id.isEmpty() || !n.matches("-?[0-9]{1,9}")) {
        throw new Renkei.BadInputException("--requester-capacity must be ID=N with N a whole number but was '"
            + entry + "'");
      }
      OrganizationId requester = OrganizationId.of(id);
      if (c.organization(requester).isEmpty()) {
        throw new Renkei.BadInputException("--requester-capacity " + entry + ": no organization '" + id + "' in "
            + cluster);
      }
      int q = Integer.parseInt(n);
      if (q < 0) {
        throw new Renkei.BadInputException("--requester-capacity " + entry + ": requester '" + id
            + "' must have a capacity >= 0 but was " + q);
      }
      b.requesterCapacity(requester, q);
    }
    MatchingProblem problem = b.build();
    Matcher matcher = switch (algorithm) {
      case greedy -> Matchers.greedy();
      case optimal -> Matchers.optimal();
      case stable -> Matchers.stable();
    };
    MatchResult result = matcher.match(problem);
    w.printf("%s: %d organizations, %d needs, %d suppliers%n", cluster, c.organizationCount(), problem.needs().size(),
        problem.suppliers().size());
    w.print(result.table());
    if (out != null) {
      write(result, out);
      w.println("wrote " + out);
    }
    return 0;
  }

  /**
   * Reads a cluster from a JSON file, a pipe or standard input ({@code -}), or a CSV folder. A
   * heap too small for the file is one message naming it (see {@link Renkei#reading}).
   */
  static Cluster read(Path path) {
    if (path.toString().equals("-")) {
      Reader stdin = new InputStreamReader(System.in, StandardCharsets.UTF_8);
      return Renkei.reading(path, () -> ClusterJson.fromJson("standard input", stdin));
    }
    if (Files.isDirectory(path)) {
      return Renkei.reading(path, () -> ClusterCsv.read(path));
    }
    // not only regular files: a named pipe or /dev/fd/N from the shell's <(...) is read once, to its end
    if (!Files.exists(path)) {
      throw new Renkei.BadInputException("no such file or folder: " + path);
    }
    if (!Files.isReadable(path)) {
      throw new Renkei.BadInputException("cannot read " + path + ": permission denied");
    }
    return Renkei.reading(path, () -> ClusterJson.read(path));
  }

  private static void write(MatchResult result, Path file) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new Renkei.BadInputException("the folder of --out does not exist: " + parent);
    }
    // One file is its own run: the atomic rename leaves the previous file or the complete new one,
    // and the next write of it deletes what a killed write left (AtomicFile).
    Outputs.intoFile(file, writer -> {
      CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader("need", "status", "supplier", "score", "explanation")
          .get().print(writer);
      for (Assignment a : result.assignments()) {
        csv.printRecord(a.need(), "matched", a.supplier(), a.score().total(), a.score());
      }
      for (Unmatched u : result.unmatched()) {
        csv.printRecord(u.need(), "unmatched", "", "", u.explanation().summary());
      }
      csv.flush();
    });
  }
}
