package io.github.renkei.cluster.model;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one validation pass. */
final class Problems {

  private final List<Problem> list = new ArrayList<>();

  void add(ProblemKind kind, String message, String... ids) {
    list.add(Problem.of(kind, List.of(ids), message));
  }

  void addAll(List<Problem> problems) {
    list.addAll(problems);
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  List<Problem> list() {
    return list;
  }

  /** Checks a year field; years are 1 to 9999. */
  void year(int year, String field, String element, String... ids) {
    if (year < 1 || year > 9999) {
      add(ProblemKind.YEAR_OUT_OF_RANGE,
          element + ": " + field + " must be between 1 and 9999 but was " + year, ids);
    }
  }

  /** Throws the problems of one element, if there are any, as a {@link ValidationException}. */
  static void throwIfAny(String what, List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new ValidationException(what, problems);
    }
  }
}
