/**
 * Analysis of a funding portfolio over fiscal years: which programs run in each year by level
 * of government (national, prefectural, municipal) and by purpose; the balance of national and
 * prefectural money that the seed asks for (国費と県費をバランスよく); gaps and cliffs where
 * funding for a purpose stops; dependence on one program; and programs that overlap. Reads the
 * model only; every result is an immutable value with a readable text form.
 *
 * <pre>{@code
 * FundingPortfolio portfolio = FundingPortfolio.of(FukushimaSample.cluster());
 * System.out.println(portfolio.table());
 * portfolio.balance(2013);      // Balance[2013: NATIONAL 75% (3), PREFECTURAL 25% (1), MUNICIPAL 0% (0); ...]
 * portfolio.cliffs();           // programs that end with nothing of their purpose the year after
 * portfolio.dependence(2013);   // the largest program's share and the Herfindahl–Hirschman index
 * }</pre>
 *
 * <p>Unknown is never zero: programs whose first year is not known are listed, not dropped,
 * and budgets that no source states are counted as unknown, not added as zero.
 */
package io.github.renkei.cluster.funding;
