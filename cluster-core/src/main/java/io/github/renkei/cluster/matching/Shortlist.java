package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.OrganizationId;
import java.util.Locale;
import java.util.Optional;

/**
 * A coordinator's shortlist for one need: the best eligible suppliers, ranked, each with its
 * score breakdown, and the near misses — suppliers that fail exactly one constraint — with the
 * constraint they fail and why, ranked by the score they would have had. Made by
 * {@link Shortlists}; immutable.
 *
 * <pre>{@code
 * Shortlist s = Shortlists.of(problem, NeedId.of("syn-need-03"), 5);
 * s.candidates().get(0);     // 1. syn-sme-soma-devices 5.188 = capability-fit 0.333 + proximity 0.604 + ...
 * s.nearMisses().get(0);     // 1. syn-sme-aizu 4.900, certifications: lacks ISO_13485
 * System.out.println(s.table());
 * }</pre>
 *
 * <p>A shortlist lists <em>eligibility</em>, not availability: a supplier whose capacity is
 * taken by locked assignments is still listed, and each entry says how much of its capacity
 * locks leave ({@link Candidate#capacityLeft()}), so the coordinator sees who is busy. The
 * requester itself is never listed, neither as a candidate nor as a near miss.
 *
 * @param need the need
 * @param k the most candidates listed
 * @param nearMissLimit the most near misses listed ({@code 0}: none, only counted)
 * @param eligible how many suppliers pass every constraint (the candidates are the best
 *     {@code min(k, eligible)} of them)
 * @param nearMissCount how many suppliers other than the requester fail exactly one constraint
 *     (the near misses are the best {@code min(nearMissLimit, nearMissCount)} of them)
 * @param lockedTo the supplier the problem locks the need to, if any
 * @param candidates the candidates, best first: score descending, ties by supplier id
 * @param nearMisses the near misses, best first: the score they would have had descending, ties
 *     by supplier id
 */
public record Shortlist(NeedId need, int k, int nearMissLimit, int eligible, int nearMissCount,
    Optional<OrganizationId> lockedTo, ImmutableList<Candidate> candidates, ImmutableList<NearMiss> nearMisses) {

  /**
   * Validates the fields.
   *
   * @param need the need
   * @param k the limit of candidates
   * @param nearMissLimit the limit of near misses
   * @param eligible eligible suppliers
   * @param nearMissCount suppliers failing exactly one constraint
   * @param lockedTo the locked supplier
   * @param candidates the candidates
   * @param nearMisses the near misses
   */
  public Shortlist {
    checkNotNull(need, "need");
    checkNotNull(lockedTo, "lockedTo");
    checkNotNull(candidates, "candidates");
    checkNotNull(nearMisses, "nearMisses");
    checkArgument(k >= 1, "need '%s': k must be >= 1 but was %s", need, k);
    checkArgument(candidates.size() == Math.min(k, eligible), "need '%s': %s candidates listed but min(k %s,"
        + " eligible %s) expected", need, candidates.size(), k, eligible);
    checkArgument(nearMissLimit >= 0, "need '%s': the near-miss limit must be >= 0 but was %s", need, nearMissLimit);
    checkArgument(nearMisses.size() == Math.min(nearMissLimit, nearMissCount), "need '%s': %s near misses listed but"
        + " min(limit %s, near misses %s) expected", need, nearMisses.size(), nearMissLimit, nearMissCount);
  }

  /**
   * An eligible supplier on a shortlist.
   *
   * @param rank 1 for the best
   * @param supplier the supplier
   * @param score its score for the need, with the components
   * @param capacity its capacity in the problem
   * @param capacityLeft its capacity minus the needs locked to it (0 when locks fill it)
   */
  public record Candidate(int rank, OrganizationId supplier, ScoreBreakdown score, int capacity, int capacityLeft) {

    /**
     * Validates the fields.
     *
     * @param rank the rank
     * @param supplier the supplier
     * @param score the score
     * @param capacity the capacity
     * @param capacityLeft the capacity left
     */
    public Candidate {
      checkArgument(rank >= 1, "rank must be >= 1 but was %s", rank);
      checkNotNull(supplier, "supplier");
      checkNotNull(score, "score");
    }

    /** Returns for example {@code 1. syn-sme-soma-devices 5.188 = proximity 2.000 + ... (2 of 3 free)}. */
    @Override
    public String toString() {
      return rank + ". " + supplier + " " + score + " (" + capacityText(capacity, capacityLeft) + ")";
    }
  }

  /**
   * A supplier that fails exactly one constraint of a need: what it lacks, and the score it
   * would have had.
   *
   * @param rank 1 for the near miss with the highest score it would have had
   * @param supplier the supplier
   * @param violation the one constraint it fails and the reason, for example
   *     {@code certifications: lacks ISO_13485}; the reason is worded when first read
   * @param score the score it would have had, with the components
   * @param capacity its capacity in the problem
   * @param capacityLeft its capacity minus the needs locked to it
   */
  public record NearMiss(int rank, OrganizationId supplier, Violation violation, ScoreBreakdown score, int capacity,
      int capacityLeft) {

    /**
     * Validates the fields.
     *
     * @param rank the rank
     * @param supplier the supplier
     * @param violation the violation
     * @param score the score
     * @param capacity the capacity
     * @param capacityLeft the capacity left
     */
    public NearMiss {
      checkArgument(rank >= 1, "rank must be >= 1 but was %s", rank);
      checkNotNull(supplier, "supplier");
      checkNotNull(violation, "violation");
      checkNotNull(score, "score");
    }

    /** Returns for example {@code 1. syn-sme-aizu (4.900) almost: certifications: lacks ISO_13485}. */
    @Override
    public String toString() {
      return rank + ". " + supplier + String.format(Locale.ROOT, " (%.3f)", score.total()) + " almost: " + violation;
    }
  }

  /**
   * Whether no supplier is eligible.
   *
   * @return {@code true} if there are no candidates
   */
  public boolean isEmpty() {
    return candidates.isEmpty();
  }

  /**
   * Returns the shortlist as lines: a heading with the counts, the candidates with their
   * breakdowns, the near misses with what they lack.
   *
   * @return the table, lines separated by {@code \n}
   */
  public String table() {
    StringBuilder s = new StringBuilder(toString()).append('\n');
    for (Candidate c : candidates) {
      s.append("  ").append(c).append('\n');
    }
    if (!nearMisses.isEmpty()) {
      s.append("  near misses (").append(nearMisses.size()).append(" of ").append(nearMissCount).append("):\n");
      for (NearMiss m : nearMisses) {
        s.append("    ").append(m).append('\n');
      }
    }
    return s.toString();
  }

  static String capacityText(int capacity, int capacityLeft) {
    return capacityLeft + " of " + capacity + " free";
  }

  /** Returns for example {@code syn-need-03: top 5 of 12 eligible, 5 of 31 near misses}. */
  @Override
  public String toString() {
    return need + ": top " + candidates.size() + " of " + eligible + " eligible, " + nearMisses.size() + " of "
        + nearMissCount + " near misses" + lockedTo.map(s -> ", locked to " + s).orElse("");
  }
}
