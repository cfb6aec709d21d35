package io.github.renkei.cluster.network;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.Relationship;
import java.util.OptionalDouble;

/**
 * The seed's shift from vertical to horizontal (垂直型から水平型へ) as numbers: per year, the
 * active supply ties that are vertical (parts supply, OEM: tiered subcontracting) and horizontal
 * (ODM, co-development: partners that design), and the horizontal share. Immutable.
 *
 * <pre>{@code
 * Verticality v = Verticality.of(cluster, 2005, 2025);
 * v.year(2016).horizontalShare();      // OptionalDouble[0.25]
 * System.out.println(v.table());
 * }</pre>
 */
public final class Verticality {

  /**
   * One year's supply ties.
   *
   * @param year the year
   * @param vertical active vertical supply ties
   * @param horizontal active horizontal supply ties
   */
  public record Year(int year, int vertical, int horizontal) {

    /**
     * Returns the share of horizontal ties.
     *
     * @return horizontal / (vertical + horizontal), or empty if there are no supply ties
     */
    public OptionalDouble horizontalShare() {
      int all = vertical + horizontal;
      return all == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) horizontal / all);
    }

    /**
     * Returns the ratio of vertical to horizontal ties.
     *
     * @return vertical / horizontal, or empty if there are no horizontal ties
     */
    public OptionalDouble verticalPerHorizontal() {
      return horizontal == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) vertical / horizontal);
    }
  }

  private final ImmutableList<Year> years;

  private Verticality(ImmutableList<Year> years) {
    this.years = years;
  }

  /**
   * Counts the supply ties of a cluster year by year.
   *
   * @param cluster the cluster
   * @param firstYear the first year
   * @param lastYear the last year, not before the first, at most 1,000 years later
   * @return the counts
   * @throws IllegalArgumentException naming the years if they are out of range or reversed
   */
  public static Verticality of(Cluster cluster, int firstYear, int lastYear) {
    checkNotNull(cluster, "cluster");
    checkArgument(firstYear >= TieFilter.MIN_YEAR && lastYear <= TieFilter.MAX_YEAR,
        "years %s to %s are outside %s to %s", firstYear, lastYear, TieFilter.MIN_YEAR, TieFilter.MAX_YEAR);
    checkArgument(lastYear >= firstYear, "last year %s is before first year %s", lastYear, firstYear);
    checkArgument(lastYear - firstYear <= 1000, "%s to %s is more than 1,000 years", firstYear, lastYear);
    int span = lastYear - firstYear + 1;
    int[] vertical = new int[span];
    int[] horizontal = new int[span];
    for (Relationship r : cluster.relationships()) {
      if (!r.type().isSupply()) {
        continue;
      }
      int from = Math.max(firstYear, r.startYear());
      int to = Math.min(lastYear, r.endYear().orElse(lastYear));
      for (int y = from; y <= to; y++) {
        if (r.type().isVertical()) {
          vertical[y - firstYear]++;
        } else {
          horizontal[y - firstYear]++;
        }
      }
    }
    ImmutableList.Builder<Year> out = ImmutableList.builderWithExpectedSize(span);
    for (int i = 0; i < span; i++) {
      out.add(new Year(firstYear + i, vertical[i], horizontal[i]));
    }
    return new Verticality(out.build());
  }

  /**
   * Returns every year.
   *
   * @return the years, in order
   */
  public ImmutableList<Year> years() {
    return years;
  }

  /**
   * Returns one year.
   *
   * @param year a year of the range
   * @return its counts
   * @throws IllegalArgumentException naming the year if it is outside the range
   */
  public Year year(int year) {
    int first = years.get(0).year();
    checkArgument(year >= first && year < first + years.size(), "year %s is outside %s to %s", year, first,
        first + years.size() - 1);
    return years.get(year - first);
  }

  /**
   * Returns the years as a table: year, vertical, horizontal, horizontal share.
   *
   * @return the table
   */
  public String table() {
    StringBuilder s = new StringBuilder(String.format("%6s %9s %11s %17s%n", "year", "vertical", "horizontal",
        "horizontal share"));
    for (Year y : years) {
      s.append(String.format("%6d %9d %11d %17s%n", y.year(), y.vertical(), y.horizontal(),
          y.horizontalShare().isPresent() ? String.format("%.1f %%", 100 * y.horizontalShare().getAsDouble()) : "—"));
    }
    return s.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Verticality v && v.years.equals(years);
  }

  @Override
  public int hashCode() {
    return years.hashCode();
  }

  /** Returns the range and the first and last year's horizontal share. */
  @Override
  public String toString() {
    Year a = years.get(0);
    Year b = years.get(years.size() - 1);
    return "Verticality[" + a.year() + "–" + b.year() + ": horizontal share " + share(a) + " → " + share(b) + "]";
  }

  private static String share(Year y) {
    return y.horizontalShare().isPresent() ? String.format("%.1f %%", 100 * y.horizontalShare().getAsDouble()) : "—";
  }
}
