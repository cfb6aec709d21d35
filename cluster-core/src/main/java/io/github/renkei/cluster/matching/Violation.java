package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.function.Supplier;

/**
 * Why a supplier may not take a need: the constraint that forbids it and the reason in words.
 * An immutable value: two violations are equal when their constraints and their reasons are.
 *
 * <pre>{@code
 * Violation v = Constraints.certificationsHeld().check(need, supplier, context).orElseThrow();
 * v.constraint();   // certifications
 * v.reason();       // lacks ISO_13485
 * v.toString();     // certifications: lacks ISO_13485
 * }</pre>
 *
 * <p>The reason of a near miss on a {@link Shortlist} is worded when it is first read
 * ({@link #reason()}, {@link #toString()}, {@link #equals}, {@link #hashCode()}), not when the
 * shortlist is made: shortlists of a whole problem list hundreds of thousands of near misses,
 * and most of their texts are never printed. The text is the same either way.
 */
public final class Violation {

  private final String constraint;
  /** Words the reason on first read; {@code null} for a violation made with its reason. */
  private final Supplier<String> wording;
  /** The reason; set on first read if {@link #wording} is not null (racy single check: each thread words the same). */
  private volatile String reason;

  /**
   * A violation with its reason.
   *
   * @param constraint the name of the constraint
   * @param reason what is missing or wrong, for example {@code lacks STERILIZATION_EO}
   */
  public Violation(String constraint, String reason) {
    this.constraint = checkNotNull(constraint, "constraint");
    this.reason = checkNotNull(reason, "reason");
    this.wording = null;
  }

  private Violation(String constraint, Supplier<String> wording) {
    this.constraint = checkNotNull(constraint, "constraint");
    this.wording = checkNotNull(wording, "wording");
  }

  /**
   * A violation whose reason is worded when first read. The wording must be a pure function
   * (called at most once per thread that reads the reason first) and must not return
   * {@code null}.
   *
   * @param constraint the name of the constraint
   * @param wording gives the reason
   * @return the violation
   */
  static Violation worded(String constraint, Supplier<String> wording) {
    return new Violation(constraint, wording);
  }

  /**
   * Returns the name of the constraint.
   *
   * @return the constraint's name, for example {@code certifications}
   */
  public String constraint() {
    return constraint;
  }

  /**
   * Returns what is missing or wrong.
   *
   * @return the reason, for example {@code lacks ISO_13485}
   */
  public String reason() {
    String r = reason;
    if (r == null) {
      r = checkNotNull(wording.get(), "the reason of a violation of '%s'", constraint);
      reason = r;
    }
    return r;
  }

  /** Equal constraints and equal reasons, as for a record of the two. */
  @Override
  public boolean equals(Object o) {
    return this == o
        || o instanceof Violation other && constraint.equals(other.constraint) && reason().equals(other.reason());
  }

  /** The hash of the constraint and the reason. */
  @Override
  public int hashCode() {
    return 31 * constraint.hashCode() + reason().hashCode();
  }

  /** Returns {@code constraint: reason}. */
  @Override
  public String toString() {
    return constraint + ": " + reason();
  }
}
