package io.github.renkei.cluster.funding;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.renkei.cluster.model.FundingPurpose;

/**
 * A run of fiscal years in which no program of a purpose is active, within the years of a
 * {@link FundingPortfolio}. Its {@link Kind} says where the run lies relative to the
 * purpose's programs, so that "not started yet" is not mistaken for "stopped": only
 * {@link Kind#BETWEEN} and {@link Kind#AFTER_LAST} {@linkplain #breaksContinuity() break
 * continuity}, the seed's 「予算を継続して確保しにくい」 ("budgets are hard to secure
 * continuously", seed line 109).
 *
 * <pre>{@code
 * // NETWORK_BUILDING funded 2011–2015 and again from 2017
 * portfolio.gaps();   // [NETWORK_BUILDING 2016 (BETWEEN), ...]
 * }</pre>
 *
 * <p>Programs whose first year is not known take no part in the analysis, but they may have
 * run in the gap: {@link #yearsUnknown()} counts those of the gap's purpose, so that a gap is
 * never more certain than the data.
 *
 * @param purpose the purpose without funding
 * @param years the years without an active program of the purpose
 * @param kind where the run lies relative to the purpose's programs
 * @param yearsUnknown how many programs of the purpose have unknown years and might fill the gap
 */
public record Gap(FundingPurpose purpose, YearRange years, Kind kind, int yearsUnknown) {

  /** Where a gap lies relative to the programs of its purpose (all of them, also outside the portfolio's years). */
  public enum Kind {
    /** Before the first program of the purpose: funding has not started yet. */
    BEFORE_FIRST,
    /** Between programs of the purpose: funding stopped and started again. */
    BETWEEN,
    /** After the last program of the purpose ended: funding stopped. */
    AFTER_LAST,
    /** The purpose has no program with known years at all. */
    NEVER_FUNDED
  }

  /**
   * Validates the fields.
   *
   * @param purpose the purpose
   * @param years the years
   * @param kind the kind
   * @param yearsUnknown the number of programs of the purpose with unknown years, {@code >= 0}
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException naming the value if the number is negative
   */
  public Gap {
    checkNotNull(purpose, "purpose");
    checkNotNull(years, "years (gap of %s)", purpose);
    checkNotNull(kind, "kind (gap of %s %s)", purpose, years);
    checkArgument(yearsUnknown >= 0, "yearsUnknown must be >= 0 but was %s (gap of %s %s)", yearsUnknown, purpose, years);
  }

  /**
   * Whether funding for the purpose stopped: the gap follows a program of the purpose.
   *
   * @return {@code true} for {@link Kind#BETWEEN} and {@link Kind#AFTER_LAST}
   */
  public boolean breaksContinuity() {
    return kind == Kind.BETWEEN || kind == Kind.AFTER_LAST;
  }

  /**
   * Returns for example {@code NETWORK_BUILDING 2016 (BETWEEN)} or
   * {@code NETWORK_BUILDING 2002–2008 (BEFORE_FIRST; 1 program of the purpose has unknown years)}.
   */
  @Override
  public String toString() {
    return purpose + " " + years + " (" + kind + Text.unknownYears(yearsUnknown, "of the purpose") + ")";
  }
}
