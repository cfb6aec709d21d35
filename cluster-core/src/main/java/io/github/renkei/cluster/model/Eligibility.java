package io.github.renkei.cluster.model;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import io.github.renkei.cluster.region.Prefecture;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Who may receive money from a {@link FundingProgram}: organizations of the listed sectors,
 * types and prefectures. An empty list places no restriction on that field; all fields must
 * match. A value, so programs stay comparable and printable.
 *
 * <pre>{@code
 * Eligibility smesInFukushima = Eligibility.any()
 *     .withTypes(OrganizationType.SME_MANUFACTURER)
 *     .withPrefectures(Prefecture.FUKUSHIMA);
 * smesInFukushima.test(firm);
 * }</pre>
 *
 * @param sectors the eligible sectors, empty for any
 * @param types the eligible types, empty for any
 * @param prefectures the eligible prefectures, empty for any
 */
public record Eligibility(
    ImmutableSet<Sector> sectors,
    ImmutableSet<OrganizationType> types,
    ImmutableSet<Prefecture> prefectures) implements Predicate<Organization> {

  private static final Eligibility ANY = new Eligibility(ImmutableSet.of(), ImmutableSet.of(), ImmutableSet.of());

  /**
   * Validates the fields.
   *
   * @param sectors the eligible sectors, empty for any
   * @param types the eligible types, empty for any
   * @param prefectures the eligible prefectures, empty for any
   * @throws NullPointerException if a field is null
   */
  public Eligibility {
    checkNotNull(sectors, "sectors");
    checkNotNull(types, "types");
    checkNotNull(prefectures, "prefectures");
  }

  /**
   * Returns the eligibility that admits every organization.
   *
   * @return no restriction
   */
  public static Eligibility any() {
    return ANY;
  }

  /**
   * Returns a copy restricted to some sectors.
   *
   * @param sectors the sectors
   * @return the new eligibility
   */
  public Eligibility withSectors(Sector... sectors) {
    return new Eligibility(Sets.immutableEnumSet(Arrays.asList(sectors)), types, prefectures);
  }

  /**
   * Returns a copy restricted to some types.
   *
   * @param types the types
   * @return the new eligibility
   */
  public Eligibility withTypes(OrganizationType... types) {
    return new Eligibility(sectors, Sets.immutableEnumSet(Arrays.asList(types)), prefectures);
  }

  /**
   * Returns a copy restricted to some prefectures.
   *
   * @param prefectures the prefectures
   * @return the new eligibility
   */
  public Eligibility withPrefectures(Prefecture... prefectures) {
    return new Eligibility(sectors, types, Sets.immutableEnumSet(Arrays.asList(prefectures)));
  }

  /**
   * Whether an organization is eligible.
   *
   * @param organization the organization
   * @return {@code true} if it matches every restriction
   */
  @Override
  public boolean test(Organization organization) {
    checkNotNull(organization, "organization");
    return (sectors.isEmpty() || sectors.contains(organization.sector()))
        && (types.isEmpty() || types.contains(organization.type()))
        && (prefectures.isEmpty() || prefectures.contains(organization.prefecture()));
  }

  /** Returns {@code any} or the restrictions. */
  @Override
  public String toString() {
    if (this.equals(ANY)) {
      return "any";
    }
    StringBuilder s = new StringBuilder();
    if (!sectors.isEmpty()) {
      s.append("sectors=").append(sectors);
    }
    if (!types.isEmpty()) {
      s.append(s.length() > 0 ? ", " : "").append("types=").append(types);
    }
    if (!prefectures.isEmpty()) {
      s.append(s.length() > 0 ? ", " : "").append("prefectures=").append(prefectures);
    }
    return s.toString();
  }
}
