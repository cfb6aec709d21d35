package io.github.renkei.cluster.network;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which prefectures a support network covers within a radius: for every prefecture the nearest
 * support organization and the nearest hub with their distances and how many lie within the
 * radius; the covered and uncovered prefectures; the share covered in every {@link RegionBlock};
 * totals. Made by {@link SupportCoverage#within(double)}. Immutable; two reports are equal when
 * their radius, network sizes and entries are equal.
 *
 * <pre>{@code
 * CoverageReport r = SupportCoverage.of(Catalog.nationwide()).within(50);
 * r.uncovered();                              // [NAGASAKI]: no support organization within 50 km
 * r.hubCovered().size();                      // 12
 * r.block(RegionBlock.KYUSHU).share();        // 0.875
 * r.entry(Prefecture.NAGASAKI).nearestSupport();   // saga-risc at 68.7 km
 * System.out.println(r.table());
 * }</pre>
 *
 * <p>A prefecture is <em>covered</em> when at least one support organization lies within the
 * radius of its capital (inclusive), and <em>hub-covered</em> when a hub does; distances are
 * between prefectural capitals (see {@link SupportCoverage}).
 */
public final class CoverageReport {

  /**
   * A support organization and its distance from a prefecture's capital.
   *
   * @param organization the organization
   * @param distanceKm the distance between the two prefectural capitals, in kilometres
   */
  public record Nearest(Organization organization, double distanceKm) {

    /**
     * Validates the fields.
     *
     * @param organization the organization
     * @param distanceKm the distance, finite and {@code >= 0}
     * @throws IllegalArgumentException if the distance is negative, NaN or infinite
     */
    public Nearest {
      checkNotNull(organization, "organization");
      checkArgument(Double.isFinite(distanceKm) && distanceKm >= 0,
          "distanceKm must be finite and >= 0 but was %s (organization '%s')", distanceKm, organization.id());
    }

    /** Returns for example {@code saga-risc 68.7 km}. */
    @Override
    public String toString() {
      return organization.id() + " " + km(distanceKm) + " km";
    }
  }

  /**
   * How one prefecture is covered.
   *
   * @param prefecture the prefecture
   * @param nearestSupport the nearest support organization (hubs included), at whatever distance;
   *     empty only for an empty network; ties go to the smallest id
   * @param nearestHub the nearest hub, at whatever distance; empty if the network has no hub
   * @param supportWithin how many support organizations (hubs included) lie within the radius
   * @param hubsWithin how many hubs lie within the radius
   */
  public record Entry(
      Prefecture prefecture,
      Optional<Nearest> nearestSupport,
      Optional<Nearest> nearestHub,
      int supportWithin,
      int hubsWithin) {

    /**
     * Validates the fields.
     *
     * @param prefecture the prefecture
     * @param nearestSupport the nearest support organization
     * @param nearestHub the nearest hub
     * @param supportWithin support organizations within the radius, {@code >= hubsWithin}
     * @param hubsWithin hubs within the radius, {@code >= 0}
     * @throws IllegalArgumentException if the counts are negative or contradict the nearest ones
     */
    public Entry {
      checkNotNull(prefecture, "prefecture");
      checkNotNull(nearestSupport, "nearestSupport (%s)", prefecture);
      checkNotNull(nearestHub, "nearestHub (%s)", prefecture);
      checkArgument(hubsWithin >= 0 && supportWithin >= hubsWithin,
          "counts must satisfy 0 <= hubsWithin <= supportWithin but were hubsWithin=%s, supportWithin=%s (%s)",
          hubsWithin, supportWithin, prefecture);
      checkArgument(supportWithin == 0 || nearestSupport.isPresent(),
          "%s support organizations within the radius but no nearest one (%s)", supportWithin, prefecture);
      checkArgument(hubsWithin == 0 || nearestHub.isPresent(),
          "%s hubs within the radius but no nearest one (%s)", hubsWithin, prefecture);
      checkArgument(nearestHub.isEmpty() || nearestSupport.isPresent(),
          "a nearest hub but no nearest support organization (%s)", prefecture);
    }

    /**
     * Whether a support organization lies within the radius.
     *
     * @return {@code supportWithin() > 0}
     */
    public boolean covered() {
      return supportWithin > 0;
    }

    /**
     * Whether a hub lies within the radius.
     *
     * @return {@code hubsWithin() > 0}
     */
    public boolean hubCovered() {
      return hubsWithin > 0;
    }

    /** Returns for example {@code 長崎県 Nagasaki: 0 within, nearest saga-risc 68.7 km; 0 hubs within, nearest hamiq 108.4 km}. */
    @Override
    public String toString() {
      return prefecture.nameJa() + " " + prefecture.nameEn()
          + ": " + supportWithin + " within, nearest " + nearestSupport.map(Nearest::toString).orElse("none")
          + "; " + hubsWithin + " hubs within, nearest " + nearestHub.map(Nearest::toString).orElse("none");
    }
  }

  /**
   * How much of a region block is covered.
   *
   * @param block the block
   * @param prefectures how many prefectures the block has
   * @param covered how many of them are covered
   * @param hubCovered how many of them are hub-covered
   */
  public record BlockShare(RegionBlock block, int prefectures, int covered, int hubCovered) {

    /**
     * Validates the fields.
     *
     * @param block the block
     * @param prefectures the block's prefectures, {@code > 0}
     * @param covered covered ones, in [0, prefectures]
     * @param hubCovered hub-covered ones, in [0, covered]
     * @throws IllegalArgumentException if the counts are out of range
     */
    public BlockShare {
      checkNotNull(block, "block");
      checkArgument(prefectures > 0 && covered >= 0 && covered <= prefectures && hubCovered >= 0 && hubCovered <= covered,
          "counts must satisfy 0 <= hubCovered <= covered <= prefectures > 0 but were %s, %s, %s (block %s)",
          hubCovered, covered, prefectures, block);
    }

    /**
     * Returns the share of the block's prefectures that are covered.
     *
     * @return {@code covered / prefectures}, in [0, 1]
     */
    public double share() {
      return (double) covered / prefectures;
    }

    /**
     * Returns the share of the block's prefectures that are hub-covered.
     *
     * @return {@code hubCovered / prefectures}, in [0, 1]
     */
    public double hubShare() {
      return (double) hubCovered / prefectures;
    }

    /** Returns for example {@code Kyushu 7/8 covered, 2/8 hub-covered}. */
    @Override
    public String toString() {
      return block.nameEn() + " " + covered + "/" + prefectures + " covered, " + hubCovered + "/" + prefectures
          + " hub-covered";
    }
  }

  private final double radiusKm;
  private final int supportCount;
  private final int hubCount;
  private final ImmutableList<Entry> entries;
  private final ImmutableSortedSet<Prefecture> covered;
  private final ImmutableSortedSet<Prefecture> hubCovered;
  private final ImmutableList<BlockShare> blocks;

  CoverageReport(double radiusKm, int supportCount, int hubCount, ImmutableList<Entry> entries) {
    checkArgument(entries.size() == Prefecture.values().length, "one entry per prefecture");
    for (int i = 0; i < entries.size(); i++) {
      checkArgument(entries.get(i).prefecture().ordinal() == i, "entries in JIS code order");
    }
    this.radiusKm = radiusKm;
    this.supportCount = supportCount;
    this.hubCount = hubCount;
    this.entries = entries;
    this.covered = entries.stream().filter(Entry::covered).map(Entry::prefecture)
        .collect(ImmutableSortedSet.toImmutableSortedSet(Comparator.naturalOrder()));
    this.hubCovered = entries.stream().filter(Entry::hubCovered).map(Entry::prefecture)
        .collect(ImmutableSortedSet.toImmutableSortedSet(Comparator.naturalOrder()));
    ImmutableList.Builder<BlockShare> b = ImmutableList.builder();
    for (RegionBlock block : RegionBlock.values()) {
      ImmutableList<Prefecture> ps = block.prefectures();
      int c = (int) ps.stream().filter(covered::contains).count();
      int h = (int) ps.stream().filter(hubCovered::contains).count();
      b.add(new BlockShare(block, ps.size(), c, h));
    }
    this.blocks = b.build();
  }

  /**
   * Returns the radius.
   *
   * @return the radius in kilometres, finite and {@code >= 0}
   */
  public double radiusKm() {
    return radiusKm;
  }

  /**
   * Returns how many support organizations (hubs included) the network has.
   *
   * @return the network's size
   */
  public int supportOrganizationCount() {
    return supportCount;
  }

  /**
   * Returns how many hubs the network has.
   *
   * @return the number of hubs
   */
  public int hubCount() {
    return hubCount;
  }

  /**
   * Returns one entry per prefecture.
   *
   * @return 47 entries in JIS code order
   */
  public ImmutableList<Entry> entries() {
    return entries;
  }

  /**
   * Returns the entry of a prefecture.
   *
   * @param prefecture the prefecture
   * @return its entry
   */
  public Entry entry(Prefecture prefecture) {
    return entries.get(checkNotNull(prefecture, "prefecture").ordinal());
  }

  /**
   * Returns the prefectures with a support organization within the radius.
   *
   * @return the covered prefectures in JIS code order
   */
  public ImmutableSortedSet<Prefecture> covered() {
    return covered;
  }

  /**
   * Returns the prefectures without a support organization within the radius.
   *
   * @return the uncovered prefectures in JIS code order
   */
  public ImmutableSortedSet<Prefecture> uncovered() {
    return complement(covered);
  }

  /**
   * Returns the prefectures with a hub within the radius.
   *
   * @return the hub-covered prefectures in JIS code order
   */
  public ImmutableSortedSet<Prefecture> hubCovered() {
    return hubCovered;
  }

  /**
   * Returns the prefectures without a hub within the radius.
   *
   * @return the prefectures in JIS code order
   */
  public ImmutableSortedSet<Prefecture> hubUncovered() {
    return complement(hubCovered);
  }

  /**
   * Returns the share of the 47 prefectures that are covered.
   *
   * @return in [0, 1]
   */
  public double coveredShare() {
    return (double) covered.size() / entries.size();
  }

  /**
   * Returns the share of the 47 prefectures that are hub-covered.
   *
   * @return in [0, 1]
   */
  public double hubCoveredShare() {
    return (double) hubCovered.size() / entries.size();
  }

  /**
   * Returns the coverage of every region block.
   *
   * @return one share per {@link RegionBlock}, in the enum's order
   */
  public ImmutableList<BlockShare> blocks() {
    return blocks;
  }

  /**
   * Returns the coverage of a region block.
   *
   * @param block the block
   * @return its share
   */
  public BlockShare block(RegionBlock block) {
    return blocks.get(checkNotNull(block, "block").ordinal());
  }

  private static ImmutableSortedSet<Prefecture> complement(Set<Prefecture> set) {
    ImmutableSortedSet.Builder<Prefecture> b = ImmutableSortedSet.naturalOrder();
    for (Prefecture p : Prefecture.values()) {
      if (!set.contains(p)) {
        b.add(p);
      }
    }
    return b.build();
  }

  /**
   * Returns a table: the summary line, the blocks, one line per prefecture (support organizations
   * and hubs within the radius, the nearest of each with its distance in km) and the lists of
   * uncovered and hub-uncovered prefectures. Japanese names close each line so that the columns
   * stay aligned in a terminal.
   *
   * @return the table, lines separated by {@code \n}
   */
  public String table() {
    StringBuilder s = new StringBuilder(summary()).append('\n');
    s.append(String.format(Locale.ROOT, "%-17s %4s %15s %15s%n", "block", "pref", "covered", "hub-covered"));
    for (BlockShare b : blocks) {
      s.append(String.format(Locale.ROOT, "%-17s %4d %15s %15s   %s%n", b.block().nameEn(), b.prefectures(),
          share(b.covered(), b.prefectures()), share(b.hubCovered(), b.prefectures()), b.block().nameJa()));
    }
    s.append(String.format(Locale.ROOT, "%-17s %4d %15s %15s%n", "all", entries.size(),
        share(covered.size(), entries.size()), share(hubCovered.size(), entries.size())));
    s.append(String.format(Locale.ROOT, "%-13s %6s  %-20s %7s %5s  %-20s %7s%n",
        "prefecture", "within", "nearest", "km", "hubs", "nearest hub", "km"));
    for (Entry e : entries) {
      Prefecture p = e.prefecture();
      s.append(String.format(Locale.ROOT, "%s %-10s %6d  %-20s %7s %5d  %-20s %7s   %s%n",
          p.jisCode(), p.nameEn(), e.supportWithin(),
          e.nearestSupport().map(n -> n.organization().id().value()).orElse("-"),
          e.nearestSupport().map(n -> km(n.distanceKm())).orElse("-"),
          e.hubsWithin(),
          e.nearestHub().map(n -> n.organization().id().value()).orElse("-"),
          e.nearestHub().map(n -> km(n.distanceKm())).orElse("-"),
          p.nameJa()));
    }
    s.append("uncovered (").append(entries.size() - covered.size()).append("): ")
        .append(names(uncovered())).append('\n');
    s.append("hub-uncovered (").append(entries.size() - hubCovered.size()).append("): ")
        .append(names(hubUncovered())).append('\n');
    return s.toString();
  }

  private String summary() {
    return "Support coverage within " + radius(radiusKm) + " km of the prefectural capitals: "
        + covered.size() + "/" + entries.size() + " prefectures covered, "
        + hubCovered.size() + "/" + entries.size() + " hub-covered ("
        + supportCount + " support organizations, " + hubCount + " hubs)";
  }

  private static String share(int part, int whole) {
    return String.format(Locale.ROOT, "%d (%5.1f%%)", part, 100.0 * part / whole);
  }

  private static String names(Set<Prefecture> prefectures) {
    return prefectures.isEmpty()
        ? "none"
        : prefectures.stream().map(p -> p.nameJa() + " " + p.nameEn()).collect(Collectors.joining(", "));
  }

  /** Formats a distance with one decimal. */
  static String km(double km) {
    return String.format(Locale.ROOT, "%.1f", km);
  }

  /** Formats a radius without a trailing {@code .0}. */
  static String radius(double km) {
    return km == Math.rint(km) && Math.abs(km) < 1e15 ? Long.toString((long) km) : Double.toString(km);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CoverageReport)) {
      return false;
    }
    CoverageReport other = (CoverageReport) o;
    return Double.compare(radiusKm, other.radiusKm) == 0
        && supportCount == other.supportCount
        && hubCount == other.hubCount
        && entries.equals(other.entries);
  }

  @Override
  public int hashCode() {
    return (Double.hashCode(radiusKm) * 31 + supportCount * 7 + hubCount) * 31 + entries.hashCode();
  }

  /**
   * Returns the summary, for example {@code Support coverage within 50 km of the prefectural
   * capitals: 46/47 prefectures covered, 12/47 hub-covered (64 support organizations, 6 hubs)}.
   */
  @Override
  public String toString() {
    return summary();
  }
}
