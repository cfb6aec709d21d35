package io.github.renkei.cluster.network;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.model.Organization;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a support network's coverage grew, year by year, as its organizations were founded: the
 * "point → surface" (点から面へ) of the seed as a time series. Made by
 * {@link SupportCoverage#growthByFoundingYear(double)}. Immutable.
 *
 * <pre>{@code
 * CoverageGrowth g = SupportCoverage.of(Catalog.nationwide()).growthByFoundingYear(100);
 * g.undated().size();                            // 56 of the 64 have no known founding year
 * g.step(2013).get().datedOnly().covered();      // what the dated organizations covered by 2013
 * System.out.println(g.table());
 * }</pre>
 *
 * <h2>Organizations of unknown founding year</h2>
 * They are never dropped: {@link #undated()} lists them, and every {@link Step} reports the
 * coverage twice. {@link Step#datedOnly()} counts only the organizations founded in or before
 * the year, as if the undated ones did not exist yet: a lower bound. {@link Step#withUndated()}
 * also counts every undated organization, as if it had existed from the start: an upper bound.
 * Coverage only grows when organizations are added, so the network's real coverage in a year
 * lies between the two — provided no organization closed, which the model does not record.
 * An organization counts from its founding year on, and a hub counts as a hub from its founding
 * year; when it was designated a hub is not modelled.
 */
public final class CoverageGrowth {

  /**
   * The coverage at the end of one year.
   *
   * @param year the year
   * @param founded the organizations founded in that year, in id order
   * @param datedOnly the coverage of the organizations founded in or before the year
   * @param withUndated the coverage of those and of every organization of unknown founding year
   */
  public record Step(int year, ImmutableList<Organization> founded, CoverageReport datedOnly,
      CoverageReport withUndated) {

    /**
     * Validates the fields.
     *
     * @param year the year
     * @param founded the organizations founded that year
     * @param datedOnly the lower bound
     * @param withUndated the upper bound
     * @throws NullPointerException if a field is null
     */
    public Step {
      checkNotNull(founded, "founded (year %s)", year);
      checkNotNull(datedOnly, "datedOnly (year %s)", year);
      checkNotNull(withUndated, "withUndated (year %s)", year);
    }

    /** Returns for example {@code 2013 +[fmdipo, hamiq]: dated only 4/47 covered, 2/47 hub-covered; with undated ...}. */
    @Override
    public String toString() {
      return year + " +" + founded.stream().map(o -> o.id().value()).collect(Collectors.joining(", ", "[", "]"))
          + ": dated only " + datedOnly.covered().size() + "/47 covered, " + datedOnly.hubCovered().size()
          + "/47 hub-covered; with undated " + withUndated.covered().size() + "/47 covered, "
          + withUndated.hubCovered().size() + "/47 hub-covered";
    }
  }

  private final double radiusKm;
  private final int supportCount;
  private final int hubCount;
  private final ImmutableList<Organization> undated;
  private final int undatedHubs;
  private final ImmutableList<Step> steps;

  CoverageGrowth(double radiusKm, int supportCount, int hubCount, ImmutableList<Organization> undated,
      int undatedHubs, ImmutableList<Step> steps) {
    for (int i = 1; i < steps.size(); i++) {
      checkArgument(steps.get(i).year() == steps.get(i - 1).year() + 1, "consecutive years");
    }
    this.radiusKm = radiusKm;
    this.supportCount = supportCount;
    this.hubCount = hubCount;
    this.undated = undated;
    this.undatedHubs = undatedHubs;
    this.steps = steps;
  }

  /**
   * Returns the radius.
   *
   * @return the radius in kilometres
   */
  public double radiusKm() {
    return radiusKm;
  }

  /**
   * Returns the support organizations without a known founding year, hubs included.
   *
   * @return the organizations in id order
   */
  public ImmutableList<Organization> undated() {
    return undated;
  }

  /**
   * Returns one step per year, consecutive.
   *
   * @return the steps in year order; empty if no organization has a known founding year and no
   *     years were asked for
   */
  public ImmutableList<Step> steps() {
    return steps;
  }

  /**
   * Returns the step of a year.
   *
   * @param year the year
   * @return the step, or empty if the year is outside the range
   */
  public Optional<Step> step(int year) {
    if (steps.isEmpty() || year < steps.get(0).year() || year > steps.get(steps.size() - 1).year()) {
      return Optional.empty();
    }
    return Optional.of(steps.get(year - steps.get(0).year()));
  }

  /**
   * Returns a table: one line per year with the organizations founded in it and the covered and
   * hub-covered prefectures counted both ways (see the class comment).
   *
   * @return the table, lines separated by {@code \n}
   */
  public String table() {
    StringBuilder s = new StringBuilder(toString()).append('\n');
    s.append("dated only: organizations founded by the year; with undated: also the ").append(undated.size())
        .append(" of unknown founding year\n");
    s.append(String.format(Locale.ROOT, "%-4s  %-32s %21s %21s%n", "", "", "dated only", "with undated"));
    s.append(String.format(Locale.ROOT, "%-4s  %-32s %10s %10s %10s %10s%n",
        "year", "founded", "covered", "hubs", "covered", "hubs"));
    for (Step step : steps) {
      String founded = step.founded().stream().map(o -> o.id().value()).collect(Collectors.joining(", "));
      s.append(String.format(Locale.ROOT, "%4d  %-32s %10d %10d %10d %10d%n", step.year(), founded,
          step.datedOnly().covered().size(), step.datedOnly().hubCovered().size(),
          step.withUndated().covered().size(), step.withUndated().hubCovered().size()));
    }
    return s.toString();
  }

  /**
   * Returns the summary, for example {@code Coverage growth within 100 km, 1988–2017: 8 of 64
   * support organizations dated (2 of 6 hubs), 56 of unknown founding year}.
   */
  @Override
  public String toString() {
    String years = steps.isEmpty()
        ? "no years"
        : steps.get(0).year() + "–" + steps.get(steps.size() - 1).year();
    return "Coverage growth within " + CoverageReport.radius(radiusKm) + " km, " + years + ": "
        + (supportCount - undated.size()) + " of " + supportCount + " support organizations dated ("
        + (hubCount - undatedHubs) + " of " + hubCount + " hubs), " + undated.size() + " of unknown founding year";
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CoverageGrowth)) {
      return false;
    }
    CoverageGrowth other = (CoverageGrowth) o;
    return Double.compare(radiusKm, other.radiusKm) == 0
        && supportCount == other.supportCount
        && hubCount == other.hubCount
        && undated.equals(other.undated)
        && steps.equals(other.steps);
  }

  @Override
  public int hashCode() {
    return (Double.hashCode(radiusKm) * 31 + undated.hashCode()) * 31 + steps.hashCode();
  }
}
