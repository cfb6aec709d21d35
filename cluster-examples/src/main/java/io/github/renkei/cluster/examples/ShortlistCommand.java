package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.matching.Shortlist;
import io.github.renkei.cluster.matching.Shortlists;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code renkei shortlist --cluster <file-or-folder> --need <id> [-k 10]}: a coordinator's ranked
 * shortlist for one need of a cluster (read as {@code match} reads it: JSON, a pipe, {@code -}
 * for standard input, or a folder of CSV tables) under the standard constraints (the PMD Act
 * among them) and the standard scorer: the {@code k} best eligible suppliers with their score
 * breakdowns, and the near misses — suppliers that fail exactly one constraint — with what they
 * lack. A shortlist lists eligibility, not availability: the {@code free} column shows the
 * capacity each supplier has.
 */
@Command(name = "shortlist", mixinStandardHelpOptions = true,
    description = "A coordinator's ranked shortlist for one need: the best eligible suppliers with their score"
        + " breakdowns, and the near misses (suppliers failing exactly one constraint) with what they lack.")
final class ShortlistCommand implements Callable<Integer> {

  /** How many needs the message about an unknown need names. */
  private static final int NAMED = 8;

  @Spec
  CommandSpec spec;

  @Option(names = "--cluster", required = true, paramLabel = "PATH",
      description = "The cluster: a JSON file (ClusterJson; also a pipe, or - for standard input) or a folder of"
          + " CSV tables (ClusterCsv).")
  Path cluster;

  @Option(names = "--need", required = true, paramLabel = "ID", description = "The need's id.")
  String need;

  @Option(names = "-k", paramLabel = "N", defaultValue = "10",
      description = "How many candidates and how many near misses to list, >= 1; default ${DEFAULT-VALUE}.")
  int k;

  @Option(names = "--year", paramLabel = "YEAR",
      description = "Ties active up to this year count as prior relationships; " + MatchCommand.FIRST_YEAR + ".."
          + MatchCommand.LAST_YEAR + ".")
  Integer year;

  @Override
  public Integer call() {
    if (k < 1) {
      throw new Renkei.BadInputException("-k must be >= 1 but was " + k + " (need " + need + ")");
    }
    if (year != null && (year < MatchCommand.FIRST_YEAR || year > MatchCommand.LAST_YEAR)) {
      throw new Renkei.BadInputException("--year must be a year in " + MatchCommand.FIRST_YEAR + ".."
          + MatchCommand.LAST_YEAR + " but was " + year);
    }
    NeedId id = Renkei.flag("--need", () -> NeedId.of(need));
    Cluster c = MatchCommand.read(cluster);
    MatchingProblem.Builder b = MatchingProblem.from(c);
    if (year != null) {
      b.year(year);
    }
    MatchingProblem problem = b.build();
    if (problem.need(id).isEmpty()) {
      List<Need> needs = problem.needs();
      String named = needs.stream().limit(NAMED).map(n -> n.id().value()).collect(Collectors.joining(", "));
      throw new Renkei.BadInputException("--need: no need '" + need + "' in " + cluster + (needs.isEmpty()
          ? ", which has no needs"
          : "; its " + needs.size() + " needs are " + named + (needs.size() > NAMED ? ", …" : "")));
    }
    Shortlist shortlist = Shortlists.of(problem, id, k);
    PrintWriter w = spec.commandLine().getOut();
    w.printf("%s: %d organizations, %d needs, %d suppliers%s%n", cluster, c.organizationCount(),
        problem.needs().size(), problem.suppliers().size(), year == null ? "" : ", ties up to " + year);
    w.print(ShortlistTable.format(problem, shortlist));
    return 0;
  }
}
