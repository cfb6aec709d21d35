package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Multimaps;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.OrganizationId;
import java.util.Optional;

/**
 * What a {@link Matcher} decided: the assignments with their score breakdowns, every unmatched
 * need with an {@link Explanation}, and totals. Immutable; equal results have equal
 * assignments and unmatched needs. Check it independently with {@link MatchChecks}.
 *
 * <pre>{@code
 * MatchResult r = Matchers.optimal().match(problem);
 * r.totalScore();
 * r.assignments().forEach(a -> System.out.println(a + "  " + a.score()));
 * r.unmatched().forEach(u -> System.out.println(u.need() + ": " + u.explanation().summary()));
 * }</pre>
 */
public final class MatchResult {

  private final String matcher;
  private final ImmutableList<Assignment> assignments;
  private final ImmutableList<Unmatched> unmatched;
  private final double totalScore;
  private final ImmutableMap<NeedId, Assignment> byNeed;
  private final ImmutableListMultimap<OrganizationId, Assignment> bySupplier;

  MatchResult(String matcher, ImmutableList<Assignment> assignments, ImmutableList<Unmatched> unmatched) {
    this.matcher = checkNotNull(matcher, "matcher");
    this.assignments = assignments;
    this.unmatched = unmatched;
    double total = 0;
    for (Assignment a : assignments) {
      double score = a.score().total();
      double sum = total + score;
      // each score is finite, so only the sum can overflow; clamping or returning infinity
      // would hide it from every comparison of totals
      checkArgument(sum != Double.POSITIVE_INFINITY, "the total score of %s's assignments exceeds Double.MAX_VALUE:"
          + " adding the score %s of need '%s' and supplier '%s' to %s, the sum of the assignments before it, overflows;"
          + " scale the scores down", matcher, score, a.need(), a.supplier(), total);
      total = sum;
    }
    this.totalScore = total;
    this.byNeed = assignments.stream().collect(ImmutableMap.toImmutableMap(Assignment::need, a -> a));
    this.bySupplier = Multimaps.index(assignments, Assignment::supplier);
  }

  /**
   * Returns the name of the matcher that produced the result.
   *
   * @return for example {@code optimal}
   */
  public String matcher() {
    return matcher;
  }

  /**
   * Returns the assignments in need id order, locked ones included.
   *
   * @return the assignments
   */
  public ImmutableList<Assignment> assignments() {
    return assignments;
  }

  /**
   * Returns the unmatched needs in id order, each with its explanation.
   *
   * @return the unmatched needs
   */
  public ImmutableList<Unmatched> unmatched() {
    return unmatched;
  }

  /**
   * Returns the sum of the assignments' scores, added in need id order. Every score is finite,
   * but their sum need not be: a result whose sum would pass {@link Double#MAX_VALUE} is never
   * made; the matcher throws an {@link IllegalArgumentException} naming the score, the need and
   * the supplier at which it did, rather than report a total of infinity.
   *
   * @return the total score, finite and {@code >= 0}
   */
  public double totalScore() {
    return totalScore;
  }

  /**
   * Returns the number of needs assigned.
   *
   * @return the number of assignments
   */
  public int matchedCount() {
    return assignments.size();
  }

  /**
   * Returns the assignment of a need.
   *
   * @param need the need's id
   * @return its assignment, or empty if it is unmatched or unknown
   */
  public Optional<Assignment> assignmentOf(NeedId need) {
    return Optional.ofNullable(byNeed.get(checkNotNull(need, "need")));
  }

  /**
   * Returns the assignments of a supplier.
   *
   * @param supplier the supplier's id
   * @return its assignments, in need id order
   */
  public ImmutableList<Assignment> assignedTo(OrganizationId supplier) {
    return bySupplier.get(checkNotNull(supplier, "supplier"));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MatchResult)) {
      return false;
    }
    MatchResult r = (MatchResult) o;
    return assignments.equals(r.assignments) && unmatched.equals(r.unmatched);
  }

  @Override
  public int hashCode() {
    return assignments.hashCode() * 31 + unmatched.hashCode();
  }

  /**
   * Returns a table of the result: one line per assignment and per unmatched need.
   *
   * @return the table, lines separated by {@code \n}
   */
  public String table() {
    StringBuilder s = new StringBuilder(toString()).append('\n');
    for (Assignment a : assignments) {
      s.append("  ").append(a.need()).append(" -> ").append(a.supplier())
          .append(a.locked() ? " (locked)" : "").append("  ").append(a.score()).append('\n');
    }
    for (Unmatched u : unmatched) {
      s.append("  ").append(u.need()).append(" unmatched: ").append(u.explanation().summary()).append('\n');
    }
    return s.toString();
  }

  /** Returns the matcher, the counts and the total score. */
  @Override
  public String toString() {
    return String.format("MatchResult[%s: %d matched, %d unmatched, total score %.3f]",
        matcher, assignments.size(), unmatched.size(), totalScore);
  }
}
