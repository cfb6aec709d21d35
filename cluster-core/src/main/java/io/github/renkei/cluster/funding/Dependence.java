package io.github.renkei.cluster.funding;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.model.ProgramId;
import java.util.Map;
import java.util.Optional;

/**
 * How much one fiscal year's funding rests on single programs: each active program's share,
 * the largest share and the Herfindahl–Hirschman index (HHI), with a flag for dependence on one
 * program. When a program that carries most of the money ends, the support it paid for ends
 * with it — the seed's 「予算を継続して確保しにくい」 (seed line 109).
 *
 * <p>Shares are by budget when every active program's budget for the year is known and their
 * sum is positive ({@link Basis#BUDGET}). Otherwise they are by count, every program weighing
 * the same ({@link Basis#COUNT}): shares of a partly known budget would overstate the programs
 * whose budgets happen to be known.
 *
 * <p>The HHI is the sum of the squared shares on the 0–1 scale (multiply by 10,000 for the
 * antitrust convention): 1 when one program carries everything, {@code 1/n} for {@code n}
 * equal programs; {@link #equivalentPrograms()} is its inverse, the number of equal programs
 * that would give the same concentration.
 *
 * <pre>{@code
 * Dependence d = portfolio.dependence(2013);         // threshold 0.5
 * d.basis();                                          // COUNT: some budgets are unknown
 * d.largestShare();                                   // 0.25
 * d.dependsOnOneProgram();                            // false
 * }</pre>
 *
 * @param year the fiscal year
 * @param shares each active program's share, largest first, ties in id order
 * @param basis whether the shares are by budget or by count
 * @param threshold the share above which the year depends on one program
 */
public record Dependence(int year, ImmutableMap<ProgramId, Double> shares, Basis basis, double threshold) {

  /** What the shares of a {@link Dependence} measure. */
  public enum Basis {
    /** Shares of the year's budget, every active program's budget being known. */
    BUDGET,
    /** Shares of the number of active programs, each weighing the same. */
    COUNT
  }

  /**
   * Validates the fields.
   *
   * @param year the fiscal year
   * @param shares the shares, each from 0 to 1
   * @param basis the basis
   * @param threshold the threshold, above 0 and at most 1
   * @throws IllegalArgumentException naming the value if a share or the threshold is out of range
   */
  public Dependence {
    checkNotNull(shares, "shares (year %s)", year);
    checkNotNull(basis, "basis (year %s)", year);
    checkThreshold(threshold);
    for (Map.Entry<ProgramId, Double> e : shares.entrySet()) {
      double s = e.getValue();
      checkArgument(s >= 0 && s <= 1, "the share of '%s' in %s must be from 0 to 1 but was %s", e.getKey(), year, s);
    }
  }

  static void checkThreshold(double threshold) {
    checkArgument(threshold > 0 && threshold <= 1,
        "the dependence threshold must be above 0 and at most 1 but was %s", threshold);
  }

  /**
   * Returns the program with the largest share.
   *
   * @return its id (the smallest id among equal shares, as all shares are by {@link Basis#COUNT}),
   *     or empty if no program is active
   */
  public Optional<ProgramId> largest() {
    return shares.keySet().stream().findFirst();
  }

  /**
   * Returns the largest share.
   *
   * @return the share from 0 to 1, or 0 if no program is active
   */
  public double largestShare() {
    return shares.values().stream().findFirst().orElse(0.0);
  }

  /**
   * Returns the Herfindahl–Hirschman index of the shares.
   *
   * @return the sum of the squared shares, from {@code 1/n} to 1, or 0 if no program is active
   */
  public double hhi() {
    double h = 0;
    for (double s : shares.values()) {
      h += s * s;
    }
    return h;
  }

  /**
   * Returns the number of equal programs that would be as concentrated.
   *
   * @return {@code 1 / hhi()}, or 0 if no program is active
   */
  public double equivalentPrograms() {
    double h = hhi();
    return h == 0 ? 0 : 1 / h;
  }

  /**
   * Whether the year depends on one program: its largest share is above the threshold.
   *
   * @return {@code true} if {@code largestShare() > threshold()}
   */
  public boolean dependsOnOneProgram() {
    return largestShare() > threshold;
  }

  /**
   * Returns for example {@code Dependence[2013: fmddsc-construction 1.00 by BUDGET, HHI 1.00, depends on one
   * program]}, or {@code Dependence[2013: 4 programs, 0.25 each by COUNT, HHI 0.25]}.
   */
  @Override
  public String toString() {
    if (shares.isEmpty()) {
      return "Dependence[" + year + ": no programs]";
    }
    String largest = basis == Basis.COUNT && shares.size() > 1
        ? shares.size() + " programs, " + Text.share(largestShare()) + " each"
        : "largest " + largest().orElseThrow() + " " + Text.share(largestShare());
    return "Dependence[" + year + ": " + largest + " by " + basis + ", HHI " + Text.share(hhi())
        + (dependsOnOneProgram() ? ", depends on one program" : "") + "]";
  }
}
