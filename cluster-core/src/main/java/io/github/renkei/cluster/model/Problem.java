package io.github.renkei.cluster.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * One thing wrong with the input to a cluster or one of its elements: what kind of problem,
 * the ids of everything involved, and a message that names the offending value.
 *
 * @param kind the kind of problem
 * @param ids the ids involved, the element with the problem first (for a relationship: its two
 *     ends); never empty
 * @param message what is wrong, with the offending value and ids
 */
public record Problem(ProblemKind kind, ImmutableList<String> ids, String message) {

  /**
   * Validates the fields.
   *
   * @param kind the kind of problem
   * @param ids the ids involved, never empty
   * @param message what is wrong
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException if there are no ids or the message is blank
   */
  public Problem {
    checkNotNull(kind, "kind");
    checkNotNull(ids, "ids");
    checkNotNull(message, "message");
    checkArgument(!ids.isEmpty(), "a problem names at least one id: %s", message);
    checkArgument(!message.isBlank(), "a problem needs a message");
  }

  /**
   * Returns a problem.
   *
   * @param kind the kind
   * @param ids the ids involved
   * @param message the message
   * @return the problem
   */
  public static Problem of(ProblemKind kind, List<String> ids, String message) {
    return new Problem(kind, ImmutableList.copyOf(ids), message);
  }

  /** Returns the kind and the message. */
  @Override
  public String toString() {
    return kind + ": " + message;
  }
}
