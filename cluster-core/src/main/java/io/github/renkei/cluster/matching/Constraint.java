package io.github.renkei.cluster.matching;

import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.Organization;
import java.util.BitSet;
import java.util.Optional;

/**
 * A hard rule of matching: whether a supplier may take a need at all. Constraints are checked
 * before any scoring; a pair that violates one is never assigned. Users add their own by
 * implementing {@link #name()} and {@link #check}; the built-in ones are in {@link Constraints}.
 *
 * <pre>{@code
 * Constraint noCompetitors = Constraints.of("no-competitors", "is not a competitor of the requester",
 *     (need, supplier, context) -> !competitors.contains(supplier.id()));
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe: a matcher may evaluate many needs in
 * parallel.
 */
public interface Constraint {

  /**
   * Returns the constraint's name, used in violations and explanations.
   *
   * @return a short name such as {@code capabilities}
   */
  String name();

  /**
   * Checks one pair.
   *
   * @param need the need
   * @param supplier the candidate supplier
   * @param context the problem's context (requesters, ties, regulation)
   * @return the violation, or empty if the supplier may take the need
   */
  Optional<Violation> check(Need need, Organization supplier, MatchContext context);

  /**
   * Removes from {@code candidates} (bits are indices into {@link MatchContext#suppliers()})
   * every supplier that may not take the need. Must agree with {@link #check}; the default calls
   * it for each candidate. Built-in constraints override it with index lookups, which is what
   * makes eligibility of millions of pairs cheap.
   *
   * @param need the need
   * @param context the context
   * @param candidates the suppliers still admitted, narrowed in place
   */
  default void restrict(Need need, MatchContext context, BitSet candidates) {
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      if (check(need, context.suppliers().get(i), context).isPresent()) {
        candidates.clear(i);
      }
    }
  }

  /**
   * Says what a supplier must be to satisfy this constraint for a need, as a phrase that
   * completes "no supplier …", for example {@code has STERILIZATION_EO} or {@code in 北海道・東北}.
   *
   * @param need the need
   * @param context the context
   * @return the phrase; by default "satisfies" and the name
   */
  default String requirement(Need need, MatchContext context) {
    return "satisfies " + name();
  }
}
