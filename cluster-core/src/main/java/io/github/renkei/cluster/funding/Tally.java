package io.github.renkei.cluster.funding;

import java.util.OptionalLong;

/**
 * How many programs there are in a cell of a funding table and what is known of their budgets:
 * the number of programs (program-years when summed over several years), how many of them have
 * a known budget, and the sum of those known budgets. An unknown budget is counted as unknown,
 * never added as zero, so {@link #knownBudget()} is a lower bound and {@link #budget()} is
 * present only when nothing is missing.
 *
 * <pre>{@code
 * Tally t = portfolio.row(2013).level(FundingLevel.NATIONAL);
 * t.programs();          // 3
 * t.knownBudget();       // 13_400_000_000: the one grant whose budget a source states
 * t.budgetsUnknown();    // 2
 * t.budget();            // OptionalLong.empty(): the total is not known
 * }</pre>
 *
 * @param programs the number of programs (or program-years)
 * @param budgetsKnown how many of them have a known budget
 * @param knownBudget the sum of the known budgets, in yen
 */
public record Tally(int programs, int budgetsKnown, long knownBudget) {

  /** No programs. */
  public static final Tally ZERO = new Tally(0, 0, 0);

  /**
   * Validates the counts.
   *
   * @param programs the number of programs, {@code >= 0}
   * @param budgetsKnown how many have a known budget, from 0 to {@code programs}
   * @param knownBudget the sum of the known budgets, {@code >= 0}, and 0 if none is known
   * @throws IllegalArgumentException naming the values if they are inconsistent
   */
  public Tally {
    if (programs < 0 || budgetsKnown < 0 || budgetsKnown > programs) {
      throw new IllegalArgumentException("a tally needs 0 <= budgetsKnown <= programs but had programs="
          + programs + ", budgetsKnown=" + budgetsKnown);
    }
    if (knownBudget < 0 || (budgetsKnown == 0 && knownBudget != 0)) {
      throw new IllegalArgumentException("a tally's known budget must be >= 0, and 0 when no budget is known, but was "
          + knownBudget + " with " + budgetsKnown + " known");
    }
  }

  /**
   * Returns the tally of one program in one year.
   *
   * @param budget its budget that year, or empty if not known
   * @return the tally of one program
   */
  public static Tally of(OptionalLong budget) {
    return budget.isPresent() ? new Tally(1, 1, budget.getAsLong()) : new Tally(1, 0, 0);
  }

  /** The sum of tallies. */
  static Tally sum(Iterable<Tally> tallies) {
    Tally t = ZERO;
    for (Tally x : tallies) {
      t = t.plus(x);
    }
    return t;
  }

  /**
   * Returns the sum of two tallies.
   *
   * @param other the other tally
   * @return the sum
   * @throws ArithmeticException if a sum overflows
   */
  public Tally plus(Tally other) {
    return new Tally(Math.addExact(programs, other.programs), Math.addExact(budgetsKnown, other.budgetsKnown),
        Math.addExact(knownBudget, other.knownBudget));
  }

  /**
   * Returns how many programs have no known budget.
   *
   * @return {@code programs - budgetsKnown}
   */
  public int budgetsUnknown() {
    return programs - budgetsKnown;
  }

  /**
   * Whether every program's budget is known (vacuously true without programs).
   *
   * @return {@code true} if no budget is unknown
   */
  public boolean isBudgetComplete() {
    return budgetsKnown == programs;
  }

  /**
   * Returns the total budget if it is known.
   *
   * @return the sum in yen when every budget is known (0 without programs), else empty
   */
  public OptionalLong budget() {
    return isBudgetComplete() ? OptionalLong.of(knownBudget) : OptionalLong.empty();
  }

  /** Returns for example {@code 3 (¥13,400M known, 2 unknown)}, {@code 1 (¥200M)} or {@code 2 (budgets unknown)}. */
  @Override
  public String toString() {
    if (programs == 0) {
      return "0";
    }
    if (budgetsKnown == 0) {
      return programs + " (budget" + (programs == 1 ? "" : "s") + " unknown)";
    }
    if (isBudgetComplete()) {
      return programs + " (" + Text.yen(knownBudget) + ")";
    }
    return programs + " (" + Text.yen(knownBudget) + " known, " + budgetsUnknown() + " unknown)";
  }
}
