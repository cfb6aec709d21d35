package io.github.renkei.cluster.report;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.network.CoverageReport;
import io.github.renkei.cluster.region.Prefecture;
import java.util.Optional;
import java.util.function.Function;

/**
 * Per-prefecture numbers from a {@link CoverageReport}, ready for
 * {@link JapanMap.Builder#choropleth(java.util.Map, String, String)}: how the support network
 * covers Japan "from points to a surface" (点から面へ).
 *
 * <pre>{@code
 * CoverageReport at100 = SupportCoverage.of(Catalog.nationwide()).within(100);
 * Map<Prefecture, Double> within = CoverageValues.supportWithin(at100);   // FUKUSHIMA=…, all 47
 * Map<Prefecture, Double> hubKm = CoverageValues.nearestHubKm(at100);     // 0.0 where a hub stands
 * }</pre>
 *
 * <p>Distances are between prefectural capitals, as in {@link CoverageReport}.
 */
public final class CoverageValues {

  private CoverageValues() {
  }

  /**
   * How many support organizations (hubs included) lie within the report's radius of each
   * prefecture's capital.
   *
   * @param report the coverage report
   * @return a value for each of the 47 prefectures, {@code >= 0}
   */
  public static ImmutableMap<Prefecture, Double> supportWithin(CoverageReport report) {
    return each(report, e -> Optional.of((double) e.supportWithin()));
  }

  /**
   * How many hubs lie within the report's radius of each prefecture's capital.
   *
   * @param report the coverage report
   * @return a value for each of the 47 prefectures, {@code >= 0}
   */
  public static ImmutableMap<Prefecture, Double> hubsWithin(CoverageReport report) {
    return each(report, e -> Optional.of((double) e.hubsWithin()));
  }

  /**
   * The distance from each prefecture's capital to the nearest support organization's, in km
   * (0 where the prefecture has its own).
   *
   * @param report the coverage report
   * @return a value for each prefecture; none at all for a network without organizations
   */
  public static ImmutableMap<Prefecture, Double> nearestSupportKm(CoverageReport report) {
    return each(report, e -> e.nearestSupport().map(CoverageReport.Nearest::distanceKm));
  }

  /**
   * The distance from each prefecture's capital to the nearest hub's, in km (0 where a hub
   * stands in the prefecture).
   *
   * @param report the coverage report
   * @return a value for each prefecture; none at all for a network without hubs
   */
  public static ImmutableMap<Prefecture, Double> nearestHubKm(CoverageReport report) {
    return each(report, e -> e.nearestHub().map(CoverageReport.Nearest::distanceKm));
  }

  private static ImmutableMap<Prefecture, Double> each(CoverageReport report,
      Function<CoverageReport.Entry, Optional<Double>> value) {
    checkNotNull(report, "report");
    ImmutableMap.Builder<Prefecture, Double> values = ImmutableMap.builder();
    for (CoverageReport.Entry e : report.entries()) {
      value.apply(e).ifPresent(v -> values.put(e.prefecture(), v));
    }
    return values.build();
  }
}
