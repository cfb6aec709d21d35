package io.github.renkei.cluster.model;

import java.util.List;

/**
 * Thrown by {@link Cluster.Builder#build()} and the {@code with…} methods of {@link Cluster}
 * when the input is not a valid cluster. It lists every problem: of each element (a negative
 * capacity, a self-tie, an end before the start) and between elements (a duplicate id, an
 * unknown organization, a need addressed to its own requester).
 *
 * <pre>{@code
 * try {
 *   cluster = builder.build();
 * } catch (ClusterValidationException e) {
 *   for (Problem p : e.problems()) {
 *     log.warn("{} {}: {}", p.kind(), p.ids(), p.message());
 *   }
 * }
 * }</pre>
 */
public final class ClusterValidationException extends ValidationException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param problems the problems, at least one
   */
  public ClusterValidationException(List<Problem> problems) {
    super("cluster", problems);
  }
}
