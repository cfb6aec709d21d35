package io.github.renkei.cluster.regulation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an organization must hold to play a role: a conjunction of clauses, each satisfied by
 * any one of its licences. "A design registration and a main-assembly registration" is two
 * clauses of one licence each; "a first- or second-class marketing licence" is one clause of
 * two licences. Requirements are values: equal when their clauses are equal as sets.
 *
 * <pre>{@code
 * Requirement r = JapanPmdAct.get().requirement(Role.DESIGN_MANUFACTURER, DeviceClass.II);
 * r.isSatisfiedBy(supplier.licences());   // false if the design registration is missing
 * r.unmet(supplier.licences());           // the clauses it misses, for explanations
 * }</pre>
 */
public final class Requirement {

  private static final Requirement NONE = new Requirement(ImmutableSet.of());

  private final ImmutableSet<ImmutableSet<Licence>> clauses;

  private Requirement(ImmutableSet<ImmutableSet<Licence>> clauses) {
    this.clauses = clauses;
  }

  /**
   * Returns the requirement that everyone satisfies.
   *
   * @return the empty requirement
   */
  public static Requirement none() {
    return NONE;
  }

  /**
   * Returns a requirement to hold every one of the given licences.
   *
   * @param licences the licences, at least one
   * @return the requirement
   */
  public static Requirement allOf(Licence... licences) {
    checkNotNull(licences, "licences");
    checkArgument(licences.length > 0, "allOf needs at least one licence");
    return new Requirement(
        Arrays.stream(licences)
            .map(l -> ImmutableSet.of(checkNotNull(l, "licence")))
            .collect(ImmutableSet.toImmutableSet()));
  }

  /**
   * Returns a requirement to hold at least one of the given licences.
   *
   * @param licences the alternatives, at least one
   * @return the requirement
   */
  public static Requirement anyOf(Licence... licences) {
    checkNotNull(licences, "licences");
    checkArgument(licences.length > 0, "anyOf needs at least one licence");
    for (Licence l : licences) {
      checkNotNull(l, "licence");
    }
    return new Requirement(ImmutableSet.of(ImmutableSet.copyOf(licences)));
  }

  /**
   * Returns the requirement to satisfy both this and another.
   *
   * @param other the other requirement
   * @return the conjunction
   */
  public Requirement and(Requirement other) {
    checkNotNull(other, "other");
    if (other.clauses.isEmpty()) {
      return this;
    }
    if (clauses.isEmpty()) {
      return other;
    }
    return new Requirement(
        ImmutableSet.<ImmutableSet<Licence>>builder().addAll(clauses).addAll(other.clauses).build());
  }

  /**
   * Returns the clauses: each must be met by holding one of its licences. Clauses are a set:
   * the same clause twice counts once, and their order does not matter for equality.
   *
   * @return the clauses in the order they were given, empty for {@link #none()}
   */
  public ImmutableSet<ImmutableSet<Licence>> clauses() {
    return clauses;
  }

  /**
   * Whether nothing is required.
   *
   * @return {@code true} for the empty requirement
   */
  public boolean isNone() {
    return clauses.isEmpty();
  }

  /**
   * Whether the given licences meet every clause.
   *
   * @param held the licences an organization holds
   * @return {@code true} if every clause has a licence in {@code held}
   */
  public boolean isSatisfiedBy(Set<Licence> held) {
    checkNotNull(held, "held");
    for (ImmutableSet<Licence> clause : clauses) {
      if (!meets(clause, held)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the clauses the given licences do not meet, in order.
   *
   * @param held the licences an organization holds
   * @return the unmet clauses, empty if the requirement is satisfied
   */
  public ImmutableList<ImmutableSet<Licence>> unmet(Set<Licence> held) {
    checkNotNull(held, "held");
    return clauses.stream().filter(c -> !meets(c, held)).collect(ImmutableList.toImmutableList());
  }

  private static boolean meets(Set<Licence> clause, Set<Licence> held) {
    for (Licence l : clause) {
      if (held.contains(l)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Requirement && ((Requirement) o).clauses.equals(clauses);
  }

  @Override
  public int hashCode() {
    return clauses.hashCode();
  }

  /**
   * Returns the clauses joined by "and", alternatives by "or", for example
   * {@code jp.pmd.mfg.design and jp.pmd.mfg.main-assembly}; {@code none} if empty.
   */
  @Override
  public String toString() {
    if (clauses.isEmpty()) {
      return "none";
    }
    return clauses.stream()
        .map(c -> c.size() == 1
            ? c.iterator().next().code()
            : c.stream().map(Licence::code).collect(Collectors.joining(" or ", "(", ")")))
        .collect(Collectors.joining(" and "));
  }
}
