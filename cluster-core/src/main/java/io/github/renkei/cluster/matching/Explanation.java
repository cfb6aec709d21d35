package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.OrganizationId;
import java.util.Optional;

/**
 * Why a need was left unmatched: how many suppliers each constraint excluded (each counted on
 * its own, so a supplier can be excluded by several), how many suppliers passed them all, which
 * of those were full and which needs took them, and a one-line summary such as
 * {@code no supplier has STERILIZATION_EO and PACKAGING in 北海道・東北}. When the need's requester
 * has a {@linkplain MatchingProblem#requesterCapacities() requester capacity} and has as many
 * matched needs as it allows, the explanation names it and the needs that took it, for example
 * {@code its requester h-01 is at capacity 2 (taken by n-01, n-03)}.
 *
 * @param excludedBy the number of candidate suppliers each constraint excluded, by constraint
 *     name, in constraint order
 * @param eligible the number of suppliers that passed every constraint
 * @param full the eligible suppliers, each full, with the needs that took it
 * @param summary the explanation in one line
 * @param fullRequester the need's requester, if it is at its requester capacity
 */
public record Explanation(
    ImmutableMap<String, Integer> excludedBy,
    int eligible,
    ImmutableList<FullSupplier> full,
    String summary,
    Optional<FullRequester> fullRequester) {

  /**
   * Validates the fields.
   *
   * @param excludedBy exclusions by constraint
   * @param eligible eligible suppliers
   * @param full the full suppliers
   * @param summary the summary
   * @param fullRequester the requester at capacity, if any
   */
  public Explanation {
    checkNotNull(excludedBy, "excludedBy");
    checkNotNull(full, "full");
    checkNotNull(summary, "summary");
    checkNotNull(fullRequester, "fullRequester");
  }

  /**
   * An explanation whose requester is not at capacity.
   *
   * @param excludedBy exclusions by constraint
   * @param eligible eligible suppliers
   * @param full the full suppliers
   * @param summary the summary
   */
  public Explanation(ImmutableMap<String, Integer> excludedBy, int eligible, ImmutableList<FullSupplier> full,
      String summary) {
    this(excludedBy, eligible, full, summary, Optional.empty());
  }

  /**
   * A requester that had as many matched needs as its requester capacity allows.
   *
   * @param requester the requester
   * @param capacity its requester capacity
   * @param takenBy its matched needs (locked ones included), in id order
   */
  public record FullRequester(OrganizationId requester, int capacity, ImmutableList<NeedId> takenBy) {

    /**
     * Validates the fields.
     *
     * @param requester the requester
     * @param capacity its capacity
     * @param takenBy its matched needs
     */
    public FullRequester {
      checkNotNull(requester, "requester");
      checkNotNull(takenBy, "takenBy");
    }
  }

  /**
   * An eligible supplier that had no capacity left.
   *
   * @param supplier the supplier
   * @param capacity its capacity
   * @param takenBy the needs assigned to it, in id order
   */
  public record FullSupplier(OrganizationId supplier, int capacity, ImmutableList<NeedId> takenBy) {

    /**
     * Validates the fields.
     *
     * @param supplier the supplier
     * @param capacity its capacity
     * @param takenBy the needs that took it
     */
    public FullSupplier {
      checkNotNull(supplier, "supplier");
      checkNotNull(takenBy, "takenBy");
    }
  }

  /** Returns the summary. */
  @Override
  public String toString() {
    return summary;
  }
}
