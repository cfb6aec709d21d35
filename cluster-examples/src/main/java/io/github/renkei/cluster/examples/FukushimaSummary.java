package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.matching.MatchChecks;
import io.github.renkei.cluster.matching.MatchResult;
import io.github.renkei.cluster.matching.Matcher;
import io.github.renkei.cluster.matching.Matchers;
import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.ClusterValidationException;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.FundingProgram;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.Problem;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.model.RelationshipType;
import io.github.renkei.cluster.model.Sector;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.regulation.Requirement;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The main job for now: loads the nationwide catalog, builds the Fukushima sample cluster (which
 * validates it), and prints a summary — the support network by block with its hubs, the
 * Fukushima cluster by sector and entry stage, its supply ties vertical and horizontal, a
 * matching round of its open needs (what the PMD Act demands of each supplier, the optimal
 * assignment with its score breakdown, an explanation for each unmatched need, and how greedy,
 * optimal and stable matching compare), and the funding programs with the years their sources
 * state. Ends by showing what validation reports for a broken cluster.
 *
 * <pre>
 * java -jar cluster-examples/target/renkei.jar
 * </pre>
 */
public final class FukushimaSummary {

  private FukushimaSummary() {}

  /**
   * Prints the summary to standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    print(System.out);
  }

  /**
   * Prints the summary.
   *
   * @param out where to print
   */
  public static void print(PrintStream out) {
    Catalog catalog = Catalog.nationwide();
    Cluster cluster = FukushimaSample.cluster();

    out.println("Renkei — the Fukushima medical-device cluster (医工連携)");
    out.println();
    out.printf("Nationwide support network (seed list): %d organizations, %d hubs (★)%n",
        catalog.supportOrganizations().size(), catalog.hubs().size());
    for (RegionBlock block : RegionBlock.values()) {
      List<Organization> orgs = catalog.supportOrganizationsIn(block);
      String hubs = orgs.stream().filter(Organization::isHub)
          .map(o -> "★" + o.nativeName().orElse(o.name())).collect(Collectors.joining(", "));
      out.printf("  %-14s %-8s %3d  %s%n", block.nameEn(), block.nameJa(), orgs.size(), hubs);
    }
    out.println();

    out.printf("Fukushima sample: %s (valid)%n", cluster);
    List<Organization> local = cluster.organizationsIn(Prefecture.FUKUSHIMA);
    out.printf("  in 福島県: %d organizations%n", local.size());
    for (Sector s : Sector.values()) {
      long n = local.stream().filter(o -> o.sector() == s).count();
      if (n > 0) {
        out.printf("    %-11s %-6s %3d%n", s, s.nameJa(), n);
      }
    }
    out.println("  small manufacturers by entry stage:");
    for (EntryStage stage : EntryStage.values()) {
      List<String> firms = cluster.organizationsAt(stage).stream()
          .filter(o -> o.type() == OrganizationType.SME_MANUFACTURER)
          .map(o -> o.id().value()).collect(Collectors.toList());
      out.printf("    %-12s %-8s %d  %s%n", stage, stage.nameJa(), firms.size(), String.join(", ", firms));
    }
    long vertical = cluster.relationships().stream().filter(r -> r.type().isVertical()).count();
    long horizontal = cluster.relationships().stream().filter(r -> r.type().isHorizontal()).count();
    out.printf("  supply ties: %d vertical (parts supply, OEM), %d horizontal (ODM, co-development)%n",
        vertical, horizontal);
    for (RelationshipType t : RelationshipType.values()) {
      if (!cluster.relationshipsOf(t).isEmpty()) {
        out.printf("    %-15s %3d%n", t, cluster.relationshipsOf(t).size());
      }
    }
    out.println();

    out.println("A matching round (optimal, ties up to 2016 count as prior relationships):");
    JapanPmdAct law = JapanPmdAct.get();
    MatchingProblem problem = MatchingProblem.from(cluster).year(2016).build();
    MatchResult result = Matchers.optimal().match(problem);
    for (Need need : problem.needs()) {
      Requirement r = law.requirement(need.kind().supplierRole(), need.deviceClass());
      out.printf("  %s  %-14s class %-3s from %s; the PMD Act requires %s%n", need.id(), need.kind(),
          need.deviceClass().map(Enum::name).orElse("?"), need.requester(), r);
      result.assignmentOf(need.id()).ifPresentOrElse(
          a -> out.printf("      -> %s  score %s%n", a.supplier(), a.score()),
          () -> result.unmatched().stream().filter(u -> u.need().equals(need.id())).findFirst()
              .ifPresent(u -> out.printf("      unmatched: %s (excluded by %s)%n", u.explanation().summary(),
                  u.explanation().excludedBy())));
    }
    for (Matcher m : List.of(Matchers.greedy(), Matchers.optimal(), Matchers.stable())) {
      MatchResult other = m.match(problem);
      out.printf("  %-24s matched %d, total score %.3f, blocking pairs %d%n", m.name(), other.matchedCount(),
          other.totalScore(), MatchChecks.blockingPairs(problem, other).size());
    }
    out.println();

    out.println("Funding programs (years only where a public source states them):");
    for (FundingProgram p : cluster.programs()) {
      String years = p.firstYear().isPresent()
          ? p.firstYear().getAsInt() + "–" + (p.lastYear().isPresent() ? p.lastYear().getAsInt() : "")
          : "years not stated";
      out.printf("  %-10s %-16s %-19s %s  %s%n", p.level(), p.sponsor(), p.purpose(), years,
          p.nativeName().orElse(p.name()));
    }
    out.println();

    out.println("Validation lists every problem at once; a broken copy of the sample reports:");
    Organization firm = cluster.require(FukushimaSample.PROMOTION_ORGANIZATION);
    try {
      cluster.toBuilder()
          .add(firm)
          .add(Relationship.builder(firm.id(), RelationshipType.SUPPORT, firm.id()).startYear(2020))
          .add(Relationship.builder(firm.id(), RelationshipType.SUPPORT,
              io.github.renkei.cluster.model.OrganizationId.of("unknown-firm")).startYear(2021).endYear(2019))
          .build();
    } catch (ClusterValidationException e) {
      for (Problem p : e.problems()) {
        out.printf("  %-22s %s%n", p.kind(), p.message());
      }
    }
  }
}
