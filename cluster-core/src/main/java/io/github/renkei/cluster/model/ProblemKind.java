package io.github.renkei.cluster.model;

/** What kind of thing is wrong in a {@link Problem}. */
public enum ProblemKind {
  /** A field holds a value outside its domain (a blank name, a lot size of 0, ...). */
  INVALID_VALUE,
  /** A year outside 1 to 9999. */
  YEAR_OUT_OF_RANGE,
  /** A capacity below zero. */
  NEGATIVE_CAPACITY,
  /** A count (employees) below zero. */
  NEGATIVE_COUNT,
  /** A budget below zero. */
  NEGATIVE_BUDGET,
  /** An end year before the start year. */
  END_BEFORE_START,
  /** A budget for a year outside a program's active years. */
  BUDGET_OUTSIDE_ACTIVE_YEARS,
  /** A relationship from an organization to itself. */
  SELF_TIE,
  /** Two organizations, needs or programs with one id. */
  DUPLICATE_ID,
  /** The same relationship twice. */
  DUPLICATE_RELATIONSHIP,
  /** A reference to an organization the cluster does not hold. */
  UNKNOWN_ORGANIZATION,
  /** A need addressed to the organization that raised it. */
  NEED_ADDRESSED_TO_REQUESTER,
  /**
   * A capability, certification or licence code that is not declared in the cluster's
   * {@link Vocabulary} and is close to a built-in code (a likely typo), or a code in a reserved
   * namespace that does not exist.
   */
  UNDECLARED_CODE
}
