package io.github.renkei.cluster.funding;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.renkei.cluster.model.FundingProgram;
import io.github.renkei.cluster.model.FundingPurpose;

/**
 * Two programs of the same purpose active in the same years. Of one level that may be
 * duplication worth checking; across levels it is often the seed's stacking of national and
 * prefectural money for one aim. The years are those within the portfolio's years;
 * {@link #ongoing()} says that the overlap goes on after them.
 *
 * <pre>{@code
 * Overlap o = FundingPortfolio.of(Catalog.nationwide().programs()).overlaps().get(0);
 * o.first().id();    // amed-regional-hub-autonomy (the smaller id comes first)
 * o.years();         // 2021
 * o.ongoing();       // true: neither program has a last year
 * }</pre>
 *
 * @param first the program with the smaller id
 * @param second the program with the larger id
 * @param years the common active years within the portfolio's years
 * @param ongoing whether both programs are still active after those years
 */
public record Overlap(FundingProgram first, FundingProgram second, YearRange years, boolean ongoing) {

  /**
   * Validates the fields.
   *
   * @param first the program with the smaller id
   * @param second the program with the larger id
   * @param years the common years
   * @param ongoing whether the overlap continues
   * @throws IllegalArgumentException naming the programs if they are out of order or their
   *     purposes differ
   */
  public Overlap {
    checkNotNull(first, "first");
    checkNotNull(second, "second");
    checkNotNull(years, "years (overlap of '%s' and '%s')", first.id(), second.id());
    checkArgument(first.id().compareTo(second.id()) < 0,
        "an overlap lists the smaller id first but had '%s' and '%s'", first.id(), second.id());
    checkArgument(first.purpose() == second.purpose(),
        "overlapping programs share a purpose but '%s' is for %s and '%s' for %s",
        first.id(), first.purpose(), second.id(), second.purpose());
  }

  /**
   * Returns the shared purpose.
   *
   * @return the purpose of both programs
   */
  public FundingPurpose purpose() {
    return first.purpose();
  }

  /**
   * Whether both programs come from the same level of government.
   *
   * @return {@code true} if their levels are equal
   */
  public boolean sameLevel() {
    return first.level() == second.level();
  }

  /** Returns for example {@code a & b (NETWORK_BUILDING, NATIONAL/PREFECTURAL): 2014–2015}. */
  @Override
  public String toString() {
    return first.id() + " & " + second.id() + " (" + purpose() + ", " + first.level()
        + (sameLevel() ? "" : "/" + second.level()) + "): " + years + (ongoing ? ", ongoing" : "");
  }
}
