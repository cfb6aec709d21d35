package io.github.renkei.cluster.dynamics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.renkei.cluster.model.ProgramId;

/**
 * The fiscal years a national program pays for the region's support activities, first and last
 * inclusive. When the last year passes and no other term covers the next, the activities it paid
 * for lose that money: the seed's budget-continuity problem.
 *
 * @param program the program
 * @param firstYear its first fiscal year
 * @param lastYear its last fiscal year, at least {@code firstYear}
 */
public record ProgramTerm(ProgramId program, int firstYear, int lastYear) {

  /**
   * Checks the term.
   *
   * @param program the program
   * @param firstYear its first fiscal year
   * @param lastYear its last fiscal year
   * @throws IllegalArgumentException naming the program if {@code lastYear < firstYear} or a
   *     year is outside 1900..2200
   */
  public ProgramTerm {
    checkNotNull(program, "program");
    checkArgument(firstYear >= 1900 && firstYear <= 2200, "program '%s': first year %s outside 1900..2200",
        program, firstYear);
    checkArgument(lastYear >= firstYear && lastYear <= 2200,
        "program '%s': last year %s must be in %s..2200", program, lastYear, firstYear);
  }

  /**
   * Whether the term covers a year.
   *
   * @param year the fiscal year
   * @return {@code true} if {@code firstYear <= year <= lastYear}
   */
  public boolean covers(int year) {
    return year >= firstYear && year <= lastYear;
  }

  /**
   * The same program ending earlier.
   *
   * @param year the new last year, at least the first year
   * @return the shorter term
   */
  public ProgramTerm endingIn(int year) {
    return new ProgramTerm(program, firstYear, year);
  }

  @Override
  public String toString() {
    return program + " " + firstYear + "–" + lastYear;
  }
}
