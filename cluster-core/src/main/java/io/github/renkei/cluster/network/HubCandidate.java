package io.github.renkei.cluster.network;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.region.Prefecture;
import java.util.stream.Collectors;

/**
 * A prefecture where one more hub would newly hub-cover prefectures, as
 * {@link SupportCoverage#hubCandidates(double)} ranks them and
 * {@link SupportCoverage#greedyHubs(double, int)} picks them.
 *
 * <pre>{@code
 * HubCandidate best = SupportCoverage.of(Catalog.nationwide()).hubCandidates(100).get(0);
 * best.prefecture();     // SAITAMA
 * best.gain();           // 5: 茨城, 栃木, 千葉, 東京, 神奈川 get a hub within 100 km
 * }</pre>
 *
 * @param prefecture where the hub would be (its location is the prefecture's capital)
 * @param newlyCovered the prefectures that have no hub within the radius yet and would have one,
 *     in JIS code order
 * @param supportOrganizations the support organizations of the network in that prefecture, in id
 *     order: those that could be designated as the hub; empty where the network has none
 */
public record HubCandidate(
    Prefecture prefecture,
    ImmutableSortedSet<Prefecture> newlyCovered,
    ImmutableList<Organization> supportOrganizations) {

  /**
   * Validates the fields.
   *
   * @param prefecture where the hub would be
   * @param newlyCovered the prefectures it would newly hub-cover
   * @param supportOrganizations the support organizations there
   * @throws NullPointerException if a field is null
   */
  public HubCandidate {
    checkNotNull(prefecture, "prefecture");
    checkNotNull(newlyCovered, "newlyCovered (candidate %s)", prefecture);
    checkNotNull(supportOrganizations, "supportOrganizations (candidate %s)", prefecture);
  }

  /**
   * Returns how many prefectures the hub would newly hub-cover.
   *
   * @return the size of {@link #newlyCovered()}
   */
  public int gain() {
    return newlyCovered.size();
  }

  /**
   * Returns for example {@code 11 埼玉県 Saitama +5 [Ibaraki, Tochigi, Chiba, Tokyo, Kanagawa]
   * (saitama-city-icf, saitama-ippc)}.
   */
  @Override
  public String toString() {
    String members = supportOrganizations.isEmpty()
        ? "no support organization there"
        : supportOrganizations.stream().map(o -> o.id().value()).collect(Collectors.joining(", "));
    return prefecture.jisCode() + " " + prefecture.nameJa() + " " + prefecture.nameEn()
        + " +" + gain() + " " + newlyCovered.stream().map(Prefecture::nameEn).collect(Collectors.joining(", ", "[", "]"))
        + " (" + members + ")";
  }
}
