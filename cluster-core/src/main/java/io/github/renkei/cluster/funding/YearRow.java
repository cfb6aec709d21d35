package io.github.renkei.cluster.funding;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.model.FundingLevel;
import io.github.renkei.cluster.model.FundingProgram;
import io.github.renkei.cluster.model.FundingPurpose;
import java.util.stream.Collectors;

/**
 * One fiscal year of a {@link FundingPortfolio}: the programs active in it and their
 * {@link Tally tallies} by level of government and by purpose. Levels and purposes without
 * programs have the tally {@link Tally#ZERO}.
 *
 * <pre>{@code
 * YearRow row = portfolio.row(2013);
 * row.active();                                        // the programs running in FY2013, in id order
 * row.level(FundingLevel.PREFECTURAL).programs();      // 1
 * row.purpose(FundingPurpose.NETWORK_BUILDING);        // 1 (budget unknown)
 * row.total().budgetsUnknown();                        // 3
 * }</pre>
 *
 * @param year the fiscal year
 * @param active the programs active in the year, in id order
 * @param byLevel the tallies by level, one per level
 * @param byPurpose the tallies by purpose, one per purpose
 */
public record YearRow(
    int year,
    ImmutableList<FundingProgram> active,
    ImmutableMap<FundingLevel, Tally> byLevel,
    ImmutableMap<FundingPurpose, Tally> byPurpose) {

  /**
   * Validates the fields.
   *
   * @param year the fiscal year
   * @param active the active programs
   * @param byLevel the tallies by level
   * @param byPurpose the tallies by purpose
   * @throws NullPointerException if a field is null
   */
  public YearRow {
    checkNotNull(active, "active (year %s)", year);
    checkNotNull(byLevel, "byLevel (year %s)", year);
    checkNotNull(byPurpose, "byPurpose (year %s)", year);
  }

  /**
   * Returns the tally of a level.
   *
   * @param level the level
   * @return its tally, {@link Tally#ZERO} if it has no program this year
   */
  public Tally level(FundingLevel level) {
    return byLevel.getOrDefault(checkNotNull(level, "level"), Tally.ZERO);
  }

  /**
   * Returns the tally of a purpose.
   *
   * @param purpose the purpose
   * @return its tally, {@link Tally#ZERO} if it has no program this year
   */
  public Tally purpose(FundingPurpose purpose) {
    return byPurpose.getOrDefault(checkNotNull(purpose, "purpose"), Tally.ZERO);
  }

  /**
   * Returns the tally of every active program.
   *
   * @return the sum over the levels
   */
  public Tally total() {
    return Tally.sum(byLevel.values());
  }

  /** Returns for example {@code 2013: 4 (¥13,400M known, 3 unknown) [fmddsc-construction, ...]}. */
  @Override
  public String toString() {
    return year + ": " + total() + " "
        + active.stream().map(p -> p.id().value()).collect(Collectors.joining(", ", "[", "]"));
  }
}
