package io.github.renkei.cluster.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * Thrown when input fails validation; lists every {@link Problem} found, not only the first.
 * The message shows the first {@value #MESSAGE_LIMIT} problems; {@link #problems()} has all.
 */
public class ValidationException extends IllegalArgumentException {

  /** How many problems the message spells out. */
  public static final int MESSAGE_LIMIT = 50;

  private static final long serialVersionUID = 1L;

  /** The problems; an ImmutableList, which is serializable. */
  private final ImmutableList<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param what what was being validated, for the message ("cluster", "organization 'x'")
   * @param problems the problems, at least one
   */
  public ValidationException(String what, List<Problem> problems) {
    super(message(what, problems));
    this.problems = ImmutableList.copyOf(problems);
  }

  private static String message(String what, List<Problem> problems) {
    checkArgument(!problems.isEmpty(), "a validation exception needs at least one problem");
    StringBuilder sb = new StringBuilder("invalid ").append(what).append(": ");
    sb.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
    int shown = Math.min(problems.size(), MESSAGE_LIMIT);
    for (int i = 0; i < shown; i++) {
      sb.append(System.lineSeparator()).append("  - ").append(problems.get(i));
    }
    if (shown < problems.size()) {
      sb.append(System.lineSeparator()).append("  ... and ").append(problems.size() - shown).append(" more");
    }
    return sb.toString();
  }

  /**
   * Returns every problem found, in a deterministic order.
   *
   * @return the problems, never empty
   */
  public ImmutableList<Problem> problems() {
    return problems;
  }
}
