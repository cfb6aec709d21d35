package io.github.renkei.cluster.funding;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.renkei.cluster.model.FundingLevel;
import io.github.renkei.cluster.model.FundingProgram;
import io.github.renkei.cluster.model.FundingPurpose;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A funding cliff: a program ends (its last year is known) and no other program of the same
 * purpose is active the year after, so the money for that purpose stops. The
 * {@link #successor()} is the program of the same purpose that starts first after the cliff,
 * if any: a late successor, leaving the years between uncovered. Programs without a last year
 * are ongoing and never make a cliff.
 *
 * <pre>{@code
 * // a NETWORK_BUILDING program 2011–2015, the next one from 2017
 * Cliff c = portfolio.cliffs().get(0);
 * c.year();          // 2015, the last funded year
 * c.resumesIn();     // OptionalInt[2017]
 * }</pre>
 *
 * <p>Programs whose first year is not known take no part in the analysis, but one of them may
 * have carried the purpose on: {@link #yearsUnknown()} counts those that would count as a
 * successor, so that a cliff is never more certain than the data.
 *
 * @param program the program that ends
 * @param successor the first program of the same purpose that starts after the cliff, if any
 * @param yearsUnknown how many programs that could succeed it have unknown years
 */
public record Cliff(FundingProgram program, Optional<FundingProgram> successor, int yearsUnknown) {

  /**
   * Validates the fields.
   *
   * @param program the program that ends; its last year must be known
   * @param successor the late successor: same purpose, starting after the year after the cliff
   * @param yearsUnknown the number of possible successors with unknown years, {@code >= 0}
   * @throws IllegalArgumentException naming the programs if the program has no last year, the
   *     successor does not fit or the number is negative
   */
  public Cliff {
    checkNotNull(program, "program");
    checkNotNull(successor, "successor (cliff of '%s')", program.id());
    checkArgument(program.lastYear().isPresent(), "program '%s' has no last year, so it makes no cliff", program.id());
    int last = program.lastYear().getAsInt();
    successor.ifPresent(s -> checkArgument(s.purpose() == program.purpose()
            && s.firstYear().isPresent() && s.firstYear().getAsInt() > last + 1,
        "successor '%s' of '%s' must be for %s and start after %s", s.id(), program.id(), program.purpose(), last + 1));
    checkArgument(yearsUnknown >= 0, "yearsUnknown must be >= 0 but was %s (cliff of '%s')", yearsUnknown, program.id());
  }

  /**
   * Returns the last funded year.
   *
   * @return the program's last year
   */
  public int year() {
    return program.lastYear().getAsInt();
  }

  /**
   * Returns the purpose whose funding stops.
   *
   * @return the program's purpose
   */
  public FundingPurpose purpose() {
    return program.purpose();
  }

  /**
   * Returns the level of the program that ends.
   *
   * @return the program's level
   */
  public FundingLevel level() {
    return program.level();
  }

  /**
   * Returns the year funding for the purpose resumes.
   *
   * @return the successor's first year, or empty if none follows
   */
  public OptionalInt resumesIn() {
    return successor.map(s -> OptionalInt.of(s.firstYear().getAsInt())).orElse(OptionalInt.empty());
  }

  /**
   * Returns for example {@code a ends 2015 (NETWORK_BUILDING, NATIONAL), resumed by b in 2017} or
   * {@code a ends 2012 (PRODUCT_DEVELOPMENT, NATIONAL), no successor; 1 program that could succeed
   * it has unknown years}.
   */
  @Override
  public String toString() {
    return program.id() + " ends " + year() + " (" + purpose() + ", " + level() + "), "
        + successor.map(s -> "resumed by " + s.id() + " in " + s.firstYear().getAsInt()).orElse("no successor")
        + Text.unknownYears(yearsUnknown, "that could succeed it");
  }
}
