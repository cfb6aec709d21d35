package io.github.renkei.cluster.funding;

import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A run of fiscal years, both ends inclusive.
 *
 * <pre>{@code
 * YearRange r = YearRange.of(2011, 2015);
 * r.length();                        // 5
 * r.contains(2016);                  // false
 * r.intersection(YearRange.of(2014, 2020));   // Optional[2014–2015]
 * }</pre>
 *
 * @param first the first year
 * @param last the last year, not before the first
 */
public record YearRange(int first, int last) {

  /**
   * Validates the ends.
   *
   * @param first the first year
   * @param last the last year
   * @throws IllegalArgumentException naming both years if the last is before the first
   */
  public YearRange {
    if (last < first) {
      throw new IllegalArgumentException("a year range must not end before it starts but was " + first + "–" + last);
    }
  }

  /**
   * Returns the years from one to another.
   *
   * @param first the first year
   * @param last the last year, not before the first
   * @return the range
   * @throws IllegalArgumentException naming both years if the last is before the first
   */
  public static YearRange of(int first, int last) {
    return new YearRange(first, last);
  }

  /**
   * Returns a single year.
   *
   * @param year the year
   * @return the range of that year alone
   */
  public static YearRange of(int year) {
    return new YearRange(year, year);
  }

  /**
   * Returns the number of years.
   *
   * @return {@code last - first + 1}
   */
  public int length() {
    return last - first + 1;
  }

  /**
   * Whether a year lies in the range.
   *
   * @param year the year
   * @return {@code true} if {@code first <= year <= last}
   */
  public boolean contains(int year) {
    return first <= year && year <= last;
  }

  /**
   * Returns the years both ranges contain.
   *
   * @param other the other range
   * @return the common years, or empty if the ranges are disjoint
   */
  public Optional<YearRange> intersection(YearRange other) {
    int from = Math.max(first, other.first);
    int to = Math.min(last, other.last);
    return from <= to ? Optional.of(new YearRange(from, to)) : Optional.empty();
  }

  /**
   * Returns the years in order.
   *
   * @return {@code first, first + 1, ..., last}
   */
  public IntStream stream() {
    return IntStream.rangeClosed(first, last);
  }

  /** Returns for example {@code 2011–2015}, or {@code 2016} for a single year. */
  @Override
  public String toString() {
    return first == last ? Integer.toString(first) : first + "–" + last;
  }
}
