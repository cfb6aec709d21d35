package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.YearMonth;
import java.util.OptionalInt;

/**
 * The steps a simulation runs: how many, and what time each stands for — years, quarters,
 * months, or plain step numbers. Step {@code i} is the {@code i}-th period from the start.
 *
 * <pre>{@code
 * Schedule years = Schedule.years(2005, 2030);          // 26 steps, labelled 2005 … 2030
 * Schedule months = Schedule.months(YearMonth.of(2011, 3), 24);
 * years.indexOf("2011");                                // 6
 * }</pre>
 */
public final class Schedule {

  /** The length of a step. */
  public enum Unit {
    /** A plain step without calendar meaning. */
    STEP,
    /** A calendar (or fiscal) year. */
    YEAR,
    /** A quarter of a year. */
    QUARTER,
    /** A month. */
    MONTH
  }

  private final Unit unit;
  private final YearMonth start;
  private final int size;

  private Schedule(Unit unit, YearMonth start, int size) {
    checkArgument(size >= 1, "a schedule needs at least one step but got %s", size);
    this.unit = unit;
    this.start = start;
    this.size = size;
  }

  /**
   * Plain steps 0 to {@code size - 1}.
   *
   * @param size the number of steps, at least 1
   * @return the schedule
   */
  public static Schedule steps(int size) {
    return new Schedule(Unit.STEP, YearMonth.of(1, 1), size);
  }

  /**
   * Yearly steps from one year to another, both included.
   *
   * @param first the first year
   * @param last the last year, not before the first
   * @return the schedule
   */
  public static Schedule years(int first, int last) {
    checkArgument(last >= first, "last year %s is before first year %s", last, first);
    return new Schedule(Unit.YEAR, YearMonth.of(first, 1), last - first + 1);
  }

  /**
   * Quarterly steps.
   *
   * @param start the first month of the first quarter
   * @param size the number of quarters
   * @return the schedule
   */
  public static Schedule quarters(YearMonth start, int size) {
    checkNotNull(start, "start");
    checkArgument((start.getMonthValue() - 1) % 3 == 0, "a quarter starts in January, April, July or October, not %s",
        start);
    return new Schedule(Unit.QUARTER, start, size);
  }

  /**
   * Monthly steps.
   *
   * @param start the first month
   * @param size the number of months
   * @return the schedule
   */
  public static Schedule months(YearMonth start, int size) {
    return new Schedule(Unit.MONTH, checkNotNull(start, "start"), size);
  }

  /**
   * Returns the unit.
   *
   * @return the length of a step
   */
  public Unit unit() {
    return unit;
  }

  /**
   * Returns the number of steps.
   *
   * @return at least 1
   */
  public int size() {
    return size;
  }

  /**
   * Returns the label of a step: {@code 2011}, {@code 2011-Q2}, {@code 2011-04} or {@code 6}.
   *
   * @param step the step index, 0 to {@code size() - 1}
   * @return the label
   */
  public String label(int step) {
    checkStep(step);
    switch (unit) {
      case YEAR:
        return Integer.toString(start.getYear() + step);
      case QUARTER: {
        YearMonth m = start.plusMonths(3L * step);
        return m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1);
      }
      case MONTH:
        return start.plusMonths(step).toString();
      default:
        return Integer.toString(step);
    }
  }

  /**
   * Returns the calendar year of a step (for plain steps, the step index).
   *
   * @param step the step index
   * @return the year the step falls in
   */
  public int year(int step) {
    checkStep(step);
    switch (unit) {
      case YEAR:
        return start.getYear() + step;
      case QUARTER:
        return start.plusMonths(3L * step).getYear();
      case MONTH:
        return start.plusMonths(step).getYear();
      default:
        return step;
    }
  }

  /**
   * Returns the step with a label.
   *
   * @param label a label as {@link #label(int)} gives it
   * @return its index, or empty if no step has that label
   */
  public OptionalInt indexOf(String label) {
    checkNotNull(label, "label");
    for (int i = 0; i < size; i++) {
      if (label(i).equals(label)) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  private void checkStep(int step) {
    if (step < 0 || step >= size) {
      throw new IndexOutOfBoundsException("step " + step + " is outside the schedule's 0 to " + (size - 1));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schedule && ((Schedule) o).unit == unit && ((Schedule) o).start.equals(start)
        && ((Schedule) o).size == size;
  }

  @Override
  public int hashCode() {
    return (unit.hashCode() * 31 + start.hashCode()) * 31 + size;
  }

  /** Returns for example {@code YEAR 2005 … 2030 (26 steps)}. */
  @Override
  public String toString() {
    return unit + " " + label(0) + " … " + label(size - 1) + " (" + size + " steps)";
  }
}
