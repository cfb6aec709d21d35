package io.github.renkei.cluster.funding;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.renkei.cluster.model.FundingLevel;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.StringJoiner;

/**
 * How funding splits between the levels of government — national (国費), prefectural (県費)
 * and municipal — over one or more fiscal years, by the number of programs and by known budget.
 *
 * <p>The seed's cluster plan is subtitled 「国費と県費をバランスよく獲得し、戦略的に拠点づくりを展開」
 * ("obtain national and prefectural money in good balance, and build hubs strategically";
 * seed document 000_773182affb2d818d.txt, line 15). It names no target ratio, so this value
 * reports the shares and leaves the judgement to the reader; {@link #isSingleLevel()} flags
 * the plain imbalance of money from one level only.
 *
 * <p>Over several years the counts are <em>program-years</em>: a program running three of the
 * years counts three times, as its budget would. Budget shares are shares of the
 * <em>known</em> budget; when some budgets are unknown ({@link #isBudgetComplete()} is false)
 * they describe only the programs whose budgets are known.
 *
 * <pre>{@code
 * Balance b = FundingPortfolio.of(FukushimaSample.cluster()).balance(2013);
 * b.countShare(FundingLevel.NATIONAL);      // OptionalDouble[0.75]: 3 of 4 programs
 * b.countShare(FundingLevel.PREFECTURAL);   // OptionalDouble[0.25]
 * b.budgetShare(FundingLevel.NATIONAL);     // OptionalDouble[1.0], of the known budget only
 * b.isBudgetComplete();                     // false: 3 budgets unknown
 * }</pre>
 *
 * @param years the fiscal years covered
 * @param byLevel the tallies by level, program-years over the years
 */
public record Balance(YearRange years, ImmutableMap<FundingLevel, Tally> byLevel) {

  /**
   * Validates the fields.
   *
   * @param years the years
   * @param byLevel the tallies by level
   * @throws NullPointerException if a field is null
   */
  public Balance {
    checkNotNull(years, "years");
    checkNotNull(byLevel, "byLevel (years %s)", years);
  }

  /**
   * Returns the tally of a level.
   *
   * @param level the level
   * @return its program-years and known budget, {@link Tally#ZERO} if none
   */
  public Tally level(FundingLevel level) {
    return byLevel.getOrDefault(checkNotNull(level, "level"), Tally.ZERO);
  }

  /**
   * Returns the tally of all levels together.
   *
   * @return the sum
   */
  public Tally total() {
    return Tally.sum(byLevel.values());
  }

  /**
   * Returns a level's share of the program-years.
   *
   * @param level the level
   * @return the share from 0 to 1, or empty if no program is active in the years
   */
  public OptionalDouble countShare(FundingLevel level) {
    int all = total().programs();
    return all == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) level(level).programs() / all);
  }

  /**
   * Returns a level's share of the known budget.
   *
   * @param level the level
   * @return the share from 0 to 1, or empty if no budget is known or every known budget is zero
   */
  public OptionalDouble budgetShare(FundingLevel level) {
    long all = total().knownBudget();
    return all == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) level(level).knownBudget() / all);
  }

  /**
   * Whether every program-year's budget is known, so that the budget shares are the true ones.
   *
   * @return {@code true} if no budget is unknown
   */
  public boolean isBudgetComplete() {
    return total().isBudgetComplete();
  }

  /**
   * Returns the levels that fund anything in the years.
   *
   * @return the levels with at least one program-year, in declaration order
   */
  public ImmutableSet<FundingLevel> levels() {
    return byLevel.entrySet().stream()
        .filter(e -> e.getValue().programs() > 0)
        .map(Map.Entry::getKey)
        .sorted()
        .collect(ImmutableSet.toImmutableSet());
  }

  /**
   * Whether all the money comes from one level of government, the opposite of the seed's
   * balance of 国費 and 県費.
   *
   * @return {@code true} if exactly one level has programs
   */
  public boolean isSingleLevel() {
    return levels().size() == 1;
  }

  /**
   * Returns for example {@code Balance[2013: NATIONAL 75% (3), PREFECTURAL 25% (1), MUNICIPAL 0% (0);
   * known budget ¥13,400M: NATIONAL 100%; 3 of 4 budgets unknown]}.
   */
  @Override
  public String toString() {
    Tally total = total();
    if (total.programs() == 0) {
      return "Balance[" + years + ": no programs]";
    }
    StringJoiner counts = new StringJoiner(", ");
    for (FundingLevel l : FundingLevel.values()) {
      counts.add(l + " " + Text.percent(countShare(l).orElseThrow()) + " (" + level(l).programs() + ")");
    }
    StringBuilder s = new StringBuilder("Balance[").append(years).append(": ").append(counts);
    if (total.knownBudget() > 0) {
      StringJoiner budgets = new StringJoiner(", ");
      for (FundingLevel l : FundingLevel.values()) {
        if (level(l).knownBudget() > 0) {
          budgets.add(l + " " + Text.percent(budgetShare(l).orElseThrow()));
        }
      }
      s.append("; known budget ").append(Text.yen(total.knownBudget())).append(": ").append(budgets);
    }
    if (total.budgetsUnknown() > 0) {
      s.append("; ").append(total.budgetsUnknown()).append(" of ").append(total.programs()).append(" budgets unknown");
    }
    return s.append(']').toString();
  }
}
