package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.OrganizationId;
import java.util.Optional;

/**
 * What a {@link ChainMatcher} decided: the filled chains with every role's supplier and score,
 * every unfilled chain with a {@link ChainExplanation}, and totals. Immutable. Check it
 * independently with {@link MatchChecks#problems(ChainProblem, ChainResult)}.
 *
 * <pre>{@code
 * ChainResult r = ChainMatchers.optimal().match(problem);
 * System.out.println(r.table());
 * }</pre>
 */
public final class ChainResult {

  private final String matcher;
  private final ImmutableList<ChainAssignment> assignments;
  private final ImmutableList<UnfilledChain> unfilled;
  private final double totalScore;
  private final ImmutableMap<NeedId, ChainAssignment> byNeed;

  ChainResult(String matcher, ImmutableList<ChainAssignment> assignments, ImmutableList<UnfilledChain> unfilled) {
    this.matcher = checkNotNull(matcher, "matcher");
    this.assignments = checkNotNull(assignments, "assignments");
    this.unfilled = checkNotNull(unfilled, "unfilled");
    double total = 0;
    for (ChainAssignment a : assignments) {
      for (RoleAssignment r : a.roles()) {
        double sum = total + r.score().total();
        checkArgument(sum != Double.POSITIVE_INFINITY, "the total score of %s's chains exceeds Double.MAX_VALUE:"
            + " adding the score %s of chain need '%s', role %s, supplier '%s' to %s overflows; scale the scores down",
            matcher, r.score().total(), a.need(), r.step(), r.supplier(), total);
        total = sum;
      }
    }
    this.totalScore = total;
    this.byNeed = assignments.stream().collect(ImmutableMap.toImmutableMap(ChainAssignment::need, a -> a, (a, b) -> a));
  }

  /**
   * Returns the name of the matcher that produced the result.
   *
   * @return for example {@code chain-optimal}
   */
  public String matcher() {
    return matcher;
  }

  /**
   * Returns the filled chains in need id order.
   *
   * @return the chain assignments
   */
  public ImmutableList<ChainAssignment> assignments() {
    return assignments;
  }

  /**
   * Returns the unfilled chains in need id order, each with its explanation.
   *
   * @return the unfilled chains
   */
  public ImmutableList<UnfilledChain> unfilled() {
    return unfilled;
  }

  /**
   * Returns the sum of every filled role's score, added in need id and chain order; finite (a
   * sum past {@link Double#MAX_VALUE} is rejected when the result is made).
   *
   * @return the total score
   */
  public double totalScore() {
    return totalScore;
  }

  /**
   * Returns the number of chains filled.
   *
   * @return the number of chain assignments
   */
  public int filledCount() {
    return assignments.size();
  }

  /**
   * Returns the assignment of a chain need.
   *
   * @param need the chain need's id
   * @return its assignment, or empty if it is unfilled or unknown
   */
  public Optional<ChainAssignment> assignmentOf(NeedId need) {
    return Optional.ofNullable(byNeed.get(checkNotNull(need, "need")));
  }

  /**
   * Returns the roles a supplier fills.
   *
   * @param supplier the supplier's id
   * @return the chains and roles, in need id and chain order, as {@code <chain>/<STEP>} ids
   */
  public ImmutableList<NeedId> rolesOf(OrganizationId supplier) {
    checkNotNull(supplier, "supplier");
    ImmutableList.Builder<NeedId> out = ImmutableList.builder();
    for (ChainAssignment a : assignments) {
      for (RoleAssignment r : a.roles()) {
        if (r.supplier().equals(supplier)) {
          out.add(ChainNeed.roleNeedId(a.need(), r.step()));
        }
      }
    }
    return out.build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChainResult r && assignments.equals(r.assignments) && unfilled.equals(r.unfilled);
  }

  @Override
  public int hashCode() {
    return assignments.hashCode() * 31 + unfilled.hashCode();
  }

  /**
   * Returns a table of the result: per filled chain a line and a line per role with its score
   * breakdown; per unfilled chain a line with its explanation.
   *
   * @return the table, lines separated by {@code \n}
   */
  public String table() {
    StringBuilder s = new StringBuilder(toString()).append('\n');
    for (ChainAssignment a : assignments) {
      s.append("  ").append(a.need()).append(String.format(" filled, score %.3f", a.score())).append('\n');
      for (RoleAssignment r : a.roles()) {
        s.append("    ").append(ChainRole.nameOf(r.step())).append(" -> ").append(r.supplier()).append("  ")
            .append(r.score()).append('\n');
      }
    }
    for (UnfilledChain u : unfilled) {
      s.append("  ").append(u.need()).append(" unfilled: ").append(u.explanation().summary()).append('\n');
    }
    return s.toString();
  }

  /** Returns the matcher, the counts and the total score. */
  @Override
  public String toString() {
    return String.format("ChainResult[%s: %d filled, %d unfilled, total score %.3f]",
        matcher, assignments.size(), unfilled.size(), totalScore);
  }
}
