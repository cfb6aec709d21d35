package io.github.renkei.cluster.network;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.Sets;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.model.RelationshipType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which ties a {@link ClusterNetwork} view keeps: some relationship types, optionally only those
 * active in one year. Immutable.
 *
 * <pre>{@code
 * TieFilter.supply().inYear(2016);             // parts supply, OEM, ODM, co-development active in 2016
 * TieFilter.of(RelationshipType.SUPPORT, RelationshipType.MEMBERSHIP);
 * }</pre>
 */
public final class TieFilter implements Predicate<Relationship> {

  /** The first year a filter accepts, as the model does. */
  public static final int MIN_YEAR = 1;
  /** The last year a filter accepts, as the model does. */
  public static final int MAX_YEAR = 9999;

  private final Set<RelationshipType> types;
  private final int year;

  private TieFilter(Set<RelationshipType> types, int year) {
    this.types = Sets.immutableEnumSet(types);
    this.year = year;
  }

  /**
   * Every tie of every year.
   *
   * @return the filter
   */
  public static TieFilter all() {
    return new TieFilter(EnumSet.allOf(RelationshipType.class), 0);
  }

  /**
   * Supply ties: parts supply, OEM, ODM and co-development.
   *
   * @return the filter
   */
  public static TieFilter supply() {
    EnumSet<RelationshipType> s = EnumSet.noneOf(RelationshipType.class);
    for (RelationshipType t : RelationshipType.values()) {
      if (t.isSupply()) {
        s.add(t);
      }
    }
    return new TieFilter(s, 0);
  }

  /**
   * Support ties: support, funding and membership (the support network and its council).
   *
   * @return the filter
   */
  public static TieFilter support() {
    return of(RelationshipType.SUPPORT, RelationshipType.FUNDING, RelationshipType.MEMBERSHIP);
  }

  /**
   * Ties of the given types.
   *
   * @param types at least one type
   * @return the filter
   */
  public static TieFilter of(RelationshipType... types) {
    checkArgument(types.length > 0, "a tie filter needs at least one relationship type");
    for (RelationshipType t : types) {
      checkNotNull(t, "type");
    }
    return new TieFilter(EnumSet.copyOf(Arrays.asList(types)), 0);
  }

  /**
   * Keeps only ties active in a year.
   *
   * @param year a year from {@link #MIN_YEAR} to {@link #MAX_YEAR}
   * @return the narrower filter
   * @throws IllegalArgumentException naming the year if it is out of range
   */
  public TieFilter inYear(int year) {
    checkArgument(year >= MIN_YEAR && year <= MAX_YEAR, "year %s is outside %s to %s", year, MIN_YEAR, MAX_YEAR);
    return new TieFilter(types, year);
  }

  /**
   * Returns the relationship types kept.
   *
   * @return the types
   */
  public Set<RelationshipType> types() {
    return types;
  }

  /**
   * Returns the year, if the filter keeps one year's ties only.
   *
   * @return the year
   */
  public OptionalInt year() {
    return year == 0 ? OptionalInt.empty() : OptionalInt.of(year);
  }

  @Override
  public boolean test(Relationship r) {
    return types.contains(r.type()) && (year == 0 || r.isActiveIn(year));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TieFilter f && f.types.equals(types) && f.year == year;
  }

  @Override
  public int hashCode() {
    return types.hashCode() * 31 + year;
  }

  /** Returns for example {@code supply ties in 2016} or {@code ties [SUPPORT, MEMBERSHIP]}. */
  @Override
  public String toString() {
    String which = types.size() == RelationshipType.values().length ? "all ties"
        : types.equals(supply().types) ? "supply ties" : "ties " + types;
    return which + Optional.of(year).filter(y -> y != 0).map(y -> " in " + y).orElse("");
  }
}
