package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.OrganizationId;

/**
 * Why a need was left unmatched: how many suppliers each constraint excluded (each counted on
 * its own, so a supplier can be excluded by several), how many suppliers passed them all, which
 * of those were full and which needs took them, and a one-line summary such as
 * {@code no supplier has STERILIZATION_EO and PACKAGING in 北海道・東北}.
 *
 * @param excludedBy the number of candidate suppliers each constraint excluded, by constraint
 *     name, in constraint order
 * @param eligible the number of suppliers that passed every constraint
 * @param full the eligible suppliers, each full, with the needs that took it
 * @param summary the explanation in one line
 */
public record Explanation(
    ImmutableMap<String, Integer> excludedBy,
    int eligible,
    ImmutableList<FullSupplier> full,
    String summary) {

  /**
   * Validates the fields.
   *
   * @param excludedBy exclusions by constraint
   * @param eligible eligible suppliers
   * @param full the full suppliers
   * @param summary the summary
   */
  public Explanation {
    checkNotNull(excludedBy, "excludedBy");
    checkNotNull(full, "full");
    checkNotNull(summary, "summary");
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
