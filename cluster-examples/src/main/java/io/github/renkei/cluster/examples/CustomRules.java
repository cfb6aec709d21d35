package io.github.renkei.cluster.examples;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.matching.Constraint;
import io.github.renkei.cluster.matching.Constraints;
import io.github.renkei.cluster.matching.Explanation;
import io.github.renkei.cluster.matching.MatchChecks;
import io.github.renkei.cluster.matching.MatchResult;
import io.github.renkei.cluster.matching.Matchers;
import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.matching.Scorer;
import io.github.renkei.cluster.matching.Scorers;
import io.github.renkei.cluster.matching.Unmatched;
import io.github.renkei.cluster.matching.WeightedScorer;
import io.github.renkei.cluster.model.Cluster;
import java.io.PrintStream;

/**
 * Writes a broker's own rules and adds them to the standard ones: a {@link Constraint} that
 * admits only suppliers with at least 80 employees, and a {@link Scorer}
 * that prefers suppliers founded long ago. Both are one-liners through
 * {@link Constraints#of} and {@link Scorers#of}. The program matches the Fukushima sample's
 * needs with {@link Matchers#optimal()} under the standard rules and under the extended ones,
 * prints both result tables, and then explains in full a need the size rule left unmatched.
 *
 * <pre>
 * java -cp cluster-examples/target/renkei.jar io.github.renkei.cluster.examples.CustomRules
 * </pre>
 */
public final class CustomRules {

  /** The fewest employees a supplier must have under the custom constraint. */
  static final int MIN_EMPLOYEES = 80;

  /** The year the matching takes place: ties up to it count as prior, firms' age is taken in it. */
  static final int YEAR = 2016;

  private CustomRules() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Matches the sample under the standard and the extended rules and prints both tables and the
   * explanation of a need the size rule left unmatched.
   *
   * @param out where to print
   */
  static void run(PrintStream out) {
    // An organization that does not state its head count is not admitted: a broker who asks for
    // a size wants evidence of it.
    Constraint bigEnough = Constraints.of("min-employees", "has at least " + MIN_EMPLOYEES + " employees",
        (need, supplier, context) -> supplier.employees().orElse(0) >= MIN_EMPLOYEES);

    // Age a / (a + 25) on [0, 1): 25 years old scores 0.5, and the score saturates, so that a firm
    // founded in 1900 does not outweigh everything else. Unknown founding years score 0.
    Scorer established = Scorers.of("established", (need, supplier, context) -> {
      int age = context.year().orElse(YEAR) - supplier.foundedYear().orElse(Integer.MAX_VALUE);
      return age <= 0 ? 0.0 : age / (age + 25.0);
    });

    // The standard components with their standard weights, then ours.
    WeightedScorer standard = Scorers.standard();
    WeightedScorer.Builder weighted = Scorers.weighted();
    standard.components().forEach(c -> weighted.add(standard.weights().get(c.name()), c));
    WeightedScorer scorer = weighted.add(2.0, established).build();

    Cluster sample = FukushimaSample.cluster();
    MatchingProblem before = MatchingProblem.from(sample).year(YEAR).build();
    MatchingProblem after = MatchingProblem.from(sample)
        .constraints(ImmutableList.<Constraint>builder().addAll(Constraints.standard()).add(bigEnough).build())
        .scorer(scorer)
        .year(YEAR)
        .build();

    out.println("standard rules, " + before.eligiblePairs() + " eligible pairs");
    out.print(Matchers.optimal().match(before).table());
    MatchResult result = Matchers.optimal().match(after);
    out.println("with min-employees and established, " + after.eligiblePairs() + " eligible pairs");
    out.print(result.table());
    out.println("infeasibilities: " + MatchChecks.problems(after, result));

    Unmatched unmatched = result.unmatched().stream()
        .filter(u -> u.explanation().excludedBy().getOrDefault(bigEnough.name(), 0) > 0
            && u.explanation().eligible() == 0)
        .findFirst().orElseThrow();
    Explanation why = unmatched.explanation();
    out.println("why " + unmatched.need() + " is unmatched: " + why.summary());
    out.println("  " + sample.need(unmatched.need()).orElseThrow());
    why.excludedBy().forEach((constraint, n) -> out.printf("  %-20s excludes %2d of %d suppliers%n", constraint, n,
        after.suppliers().size()));
    out.println("  eligible: " + why.eligible() + ", full: " + why.full());
  }
}
