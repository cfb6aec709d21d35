package io.github.renkei.cluster.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A dated event marked on a projection chart by a dashed vertical line with its label: a shock
 * (the 2011 earthquake), an institution founded, a program that ends (a funding cliff).
 *
 * <pre>{@code
 * ChartEvent quake = ChartEvent.of(2011, "Great East Japan Earthquake");
 * }</pre>
 *
 * @param year the year the event happens; the line is drawn at its start
 * @param label what happened, a few words
 */
public record ChartEvent(int year, String label) {

  /**
   * Checks the event.
   *
   * @param year the year
   * @param label what happened
   * @throws IllegalArgumentException naming the year if the label is blank
   */
  public ChartEvent {
    checkNotNull(label, "label");
    checkArgument(!label.isBlank(), "the label of the event of %s must not be blank", year);
  }

  /**
   * An event.
   *
   * @param year the year
   * @param label what happened
   * @return the event
   * @throws IllegalArgumentException naming the year if the label is blank
   */
  public static ChartEvent of(int year, String label) {
    return new ChartEvent(year, label);
  }
}
