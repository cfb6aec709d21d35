package io.github.renkei.cluster.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A directed tie between two organizations, active from a start year to an optional end year
 * (both inclusive). Immutable; equal when all five fields are equal. See
 * {@link RelationshipType} for what {@code from} and {@code to} mean for each kind of tie.
 *
 * <pre>{@code
 * Relationship supply = Relationship.of(smeId, RelationshipType.PARTS_SUPPLY, makerId, 2008);
 * Relationship ended  = Relationship.of(metiId, RelationshipType.FUNDING, orgId, 2005, 2007);
 * supply.isActiveIn(2010);   // true
 * }</pre>
 */
public final class Relationship {

  private static final int OPEN = 0;

  private final OrganizationId from;
  private final OrganizationId to;
  private final RelationshipType type;
  private final int startYear;
  private final int endYear;

  private Relationship(
      OrganizationId from, RelationshipType type, OrganizationId to, int startYear, int endYear) {
    this.from = from;
    this.to = to;
    this.type = type;
    this.startYear = startYear;
    this.endYear = endYear;
  }

  /**
   * Returns an open-ended relationship.
   *
   * @param from the source (for supply ties, the supplier)
   * @param type the kind of tie
   * @param to the target (for supply ties, the buyer)
   * @param startYear the first active year
   * @return the relationship
   * @throws ValidationException if it is a self-tie or the year is out of range
   */
  public static Relationship of(
      OrganizationId from, RelationshipType type, OrganizationId to, int startYear) {
    return builder(from, type, to).startYear(startYear).build();
  }

  /**
   * Returns a relationship that ended.
   *
   * @param from the source
   * @param type the kind of tie
   * @param to the target
   * @param startYear the first active year
   * @param endYear the last active year, {@code >= startYear}
   * @return the relationship
   * @throws ValidationException if it is a self-tie, ends before it starts or a year is out
   *     of range
   */
  public static Relationship of(
      OrganizationId from, RelationshipType type, OrganizationId to, int startYear, int endYear) {
    return builder(from, type, to).startYear(startYear).endYear(endYear).build();
  }

  /**
   * Starts a builder. The start year must be set.
   *
   * @param from the source
   * @param type the kind of tie
   * @param to the target
   * @return a builder
   */
  public static Builder builder(OrganizationId from, RelationshipType type, OrganizationId to) {
    return new Builder(from, type, to);
  }

  /** Same relationship with the ends replaced by equal ids (used to share id instances). */
  Relationship withIds(OrganizationId newFrom, OrganizationId newTo) {
    return new Relationship(newFrom, type, newTo, startYear, endYear);
  }

  /**
   * Returns the source.
   *
   * @return the id of the organization the tie starts at
   */
  public OrganizationId from() {
    return from;
  }

  /**
   * Returns the target.
   *
   * @return the id of the organization the tie points to
   */
  public OrganizationId to() {
    return to;
  }

  /**
   * Returns the kind of tie.
   *
   * @return the type
   */
  public RelationshipType type() {
    return type;
  }

  /**
   * Returns the first active year.
   *
   * @return the year
   */
  public int startYear() {
    return startYear;
  }

  /**
   * Returns the last active year.
   *
   * @return the year, or empty if the tie has not ended
   */
  public OptionalInt endYear() {
    return endYear == OPEN ? OptionalInt.empty() : OptionalInt.of(endYear);
  }

  /**
   * Whether the tie is active in a year.
   *
   * @param year the year
   * @return {@code true} if {@code startYear <= year} and the tie has not ended before it
   */
  public boolean isActiveIn(int year) {
    return startYear <= year && (endYear == OPEN || year <= endYear);
  }

  /**
   * Whether the tie touches an organization at either end.
   *
   * @param id the organization
   * @return {@code true} if it is {@code from} or {@code to}
   */
  public boolean involves(OrganizationId id) {
    return from.equals(id) || to.equals(id);
  }

  int endYearOrZero() {
    return endYear;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Relationship)) {
      return false;
    }
    Relationship r = (Relationship) o;
    return startYear == r.startYear && endYear == r.endYear && type == r.type
        && from.equals(r.from) && to.equals(r.to);
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, to, type, startYear, endYear);
  }

  /** Returns for example {@code aizu-precision -[PARTS_SUPPLY]-> maker (2008–)}. */
  @Override
  public String toString() {
    return from + " -[" + type + "]-> " + to + " (" + startYear + "–"
        + (endYear == OPEN ? "" : Integer.toString(endYear)) + ")";
  }

  /**
   * Builds a {@link Relationship}; {@link #build()} reports every problem together, and the
   * builder can be handed unbuilt to {@link Cluster.Builder#add(Builder)}.
   */
  public static final class Builder {
    private final OrganizationId from;
    private final RelationshipType type;
    private final OrganizationId to;
    private Integer startYear;
    private int endYear = OPEN;
    private boolean endSet;

    private Builder(OrganizationId from, RelationshipType type, OrganizationId to) {
      this.from = checkNotNull(from, "from");
      this.type = checkNotNull(type, "type");
      this.to = checkNotNull(to, "to");
    }

    /**
     * Sets the first active year.
     *
     * @param year the year, 1 to 9999
     * @return this builder
     */
    public Builder startYear(int year) {
      this.startYear = year;
      return this;
    }

    /**
     * Sets the last active year.
     *
     * @param year the year, not before the start year
     * @return this builder
     */
    public Builder endYear(int year) {
      this.endYear = year;
      this.endSet = true;
      return this;
    }

    OrganizationId from() {
      return from;
    }

    OrganizationId to() {
      return to;
    }

    String describe() {
      return "relationship " + from + " -[" + type + "]-> " + to + " ("
          + (startYear == null ? "?" : startYear) + "–" + (endSet ? Integer.toString(endYear) : "") + ")";
    }

    List<Problem> problems() {
      Problems p = new Problems();
      String me = describe();
      String a = from.value();
      String b = to.value();
      if (from.equals(to)) {
        p.add(ProblemKind.SELF_TIE, me + ": a tie from an organization to itself", a);
      }
      if (startYear == null) {
        p.add(ProblemKind.INVALID_VALUE, me + ": start year is not set", a, b);
      } else {
        p.year(startYear, "start year", me, a, b);
      }
      if (endSet) {
        p.year(endYear, "end year", me, a, b);
        if (startYear != null && endYear >= 1 && endYear < startYear) {
          p.add(ProblemKind.END_BEFORE_START,
              me + ": end year " + endYear + " is before start year " + startYear, a, b);
        }
      }
      return p.list();
    }

    /**
     * Builds the relationship.
     *
     * @return the relationship
     * @throws ValidationException listing every problem (self-tie, missing or out-of-range
     *     year, end before start)
     */
    public Relationship build() {
      Problems.throwIfAny(describe(), problems());
      return new Relationship(from, type, to, startYear, endSet ? endYear : OPEN);
    }
  }
}
