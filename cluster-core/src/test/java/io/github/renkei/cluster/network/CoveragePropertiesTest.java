package io.github.renkei.cluster.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.Sets;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.region.Prefecture;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of {@link SupportCoverage} over generated networks: coverage grows with the radius
 * and with every organization or hub added, agrees with a brute-force computation, does not
 * depend on input order; hub candidates predict exactly what a new hub adds; the greedy placement
 * is never worse than the best single candidate and keeps the Nemhauser–Wolsey–Fisher bound.
 */
class CoveragePropertiesTest {

  /** One generated organization: where it is, whether it is a hub, when it was founded. */
  record Site(Prefecture prefecture, boolean hub, Optional<Integer> founded) {}

  /** A generated network: its organizations (ids s-00, s-01, …) and which of them are hubs. */
  record Network(List<Organization> organizations, List<Organization> hubs) {
    SupportCoverage coverage() {
      return SupportCoverage.of(organizations, hubs);
    }
  }

  @Provide
  Arbitrary<Site> sites() {
    return Combinators.combine(
            Arbitraries.of(Prefecture.class),
            Arbitraries.integers().between(0, 3).map(i -> i == 0),
            Arbitraries.integers().between(1980, 2020).optional(0.7))
        .as(Site::new);
  }

  @Provide
  Arbitrary<Network> networks() {
    return sites().list().ofMaxSize(25).map(CoveragePropertiesTest::network);
  }

  @Provide
  Arbitrary<Double> radii() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(0, 1500),
        Arbitraries.of(0.0, 50.0, 100.0, 200.0),
        // exactly a capital-to-capital distance: the boundary is inclusive
        Combinators.combine(Arbitraries.of(Prefecture.class), Arbitraries.of(Prefecture.class)).as(Prefecture::distanceKm));
  }

  static Network network(List<Site> sites) {
    List<Organization> orgs = new ArrayList<>();
    List<Organization> hubs = new ArrayList<>();
    for (int i = 0; i < sites.size(); i++) {
      Site s = sites.get(i);
      Organization.Builder b = Organization.builder(OrganizationId.of(String.format("s-%02d", i)), "Site " + i,
          OrganizationType.SUPPORT_ORGANIZATION, s.prefecture());
      s.founded().ifPresent(b::foundedYear);
      Organization o = b.build();
      orgs.add(o);
      if (s.hub()) {
        hubs.add(o);
      }
    }
    return new Network(orgs, hubs);
  }

  private static Organization extra(String id, Prefecture p) {
    return Organization.builder(OrganizationId.of(id), "Extra", OrganizationType.SUPPORT_ORGANIZATION, p).build();
  }

  // ---------------------------------------------------------------- monotonicity

  @Property
  void coverageGrowsWithTheRadius(
      @ForAll("networks") Network net, @ForAll("radii") double r1, @ForAll("radii") double r2) {
    SupportCoverage c = net.coverage();
    CoverageReport small = c.within(Math.min(r1, r2));
    CoverageReport large = c.within(Math.max(r1, r2));
    assertTrue(large.covered().containsAll(small.covered()));
    assertTrue(large.hubCovered().containsAll(small.hubCovered()));
    for (Prefecture p : Prefecture.values()) {
      assertTrue(large.entry(p).supportWithin() >= small.entry(p).supportWithin());
      assertTrue(large.entry(p).hubsWithin() >= small.entry(p).hubsWithin());
    }
  }

  @Property
  void addingAnOrganizationNeverUncoversAPrefectureAndLeavesHubCoverageAlone(
      @ForAll("networks") Network net, @ForAll Prefecture where, @ForAll("radii") double r) {
    SupportCoverage before = net.coverage();
    SupportCoverage after = before.with(extra("x-new", where));
    CoverageReport b = before.within(r);
    CoverageReport a = after.within(r);
    assertTrue(a.covered().containsAll(b.covered()));
    assertTrue(a.covered().contains(where));
    assertEquals(b.hubCovered(), a.hubCovered());
  }

  @Property
  void addingAHubNeverUncoversAndAddsExactlyWhatItsCandidateSaid(
      @ForAll("networks") Network net, @ForAll Prefecture where, @ForAll("radii") double r) {
    SupportCoverage before = net.coverage();
    CoverageReport b = before.within(r);
    CoverageReport a = before.withHub(extra("x-hub", where)).within(r);
    assertTrue(a.covered().containsAll(b.covered()));
    assertTrue(a.hubCovered().containsAll(b.hubCovered()));
    Set<Prefecture> predicted = before.hubCandidates(r).stream()
        .filter(c -> c.prefecture() == where).findFirst()
        .<Set<Prefecture>>map(HubCandidate::newlyCovered).orElse(Set.of());
    assertEquals(Sets.union(b.hubCovered(), predicted), a.hubCovered());
  }

  @Property
  void promotingAMemberToAHubOnlyAddsHubCoverage(
      @ForAll("networks") Network net, @ForAll("radii") double r, @ForAll Random random) {
    SupportCoverage before = net.coverage();
    List<Organization> plain = before.supportOrganizations().stream()
        .filter(o -> !before.hubs().contains(o)).toList();
    if (plain.isEmpty()) {
      return;
    }
    Organization o = plain.get(random.nextInt(plain.size()));
    CoverageReport b = before.within(r);
    CoverageReport a = before.withHub(o.id()).within(r);
    assertEquals(b.covered(), a.covered());
    assertTrue(a.hubCovered().containsAll(b.hubCovered()));
    assertTrue(a.hubCovered().contains(o.prefecture()));
  }

  @Property
  void coverageGrowsYearByYearAndTheDatedOnlyCountNeverExceedsTheWithUndatedOne(
      @ForAll("networks") Network net, @ForAll("radii") double r) {
    CoverageGrowth g = net.coverage().growthByFoundingYear(r, 1975, 2025);
    CoverageGrowth.Step previous = null;
    for (CoverageGrowth.Step s : g.steps()) {
      assertTrue(s.withUndated().covered().containsAll(s.datedOnly().covered()));
      assertTrue(s.withUndated().hubCovered().containsAll(s.datedOnly().hubCovered()));
      if (previous != null) {
        assertTrue(s.datedOnly().covered().containsAll(previous.datedOnly().covered()));
        assertTrue(s.withUndated().hubCovered().containsAll(previous.withUndated().hubCovered()));
      }
      previous = s;
    }
    // by 2025 every dated organization exists: "with undated" is the whole network
    assertEquals(net.coverage().within(r), g.steps().get(g.steps().size() - 1).withUndated());
    // nothing is dropped: every organization is undated or founded in exactly one step
    assertEquals(net.organizations().size(),
        g.undated().size() + g.steps().stream().mapToInt(s -> s.founded().size()).sum());
  }

  // ---------------------------------------------------------------- agreement with brute force

  @Property
  void everyEntryAgreesWithABruteForceScan(@ForAll("networks") Network net, @ForAll("radii") double r) {
    CoverageReport report = net.coverage().within(r);
    Set<OrganizationId> hubIds = net.hubs().stream().map(Organization::id).collect(Collectors.toSet());
    for (Prefecture p : Prefecture.values()) {
      CoverageReport.Entry e = report.entry(p);
      Comparator<Organization> byDistance = Comparator.<Organization>comparingDouble(o -> p.distanceKm(o.prefecture()))
          .thenComparing(Organization::id);
      Optional<Organization> nearest = net.organizations().stream().min(byDistance);
      Optional<Organization> nearestHub = net.hubs().stream().min(byDistance);
      assertEquals(nearest, e.nearestSupport().map(CoverageReport.Nearest::organization));
      assertEquals(nearestHub, e.nearestHub().map(CoverageReport.Nearest::organization));
      e.nearestSupport().ifPresent(n -> assertEquals(p.distanceKm(n.organization().prefecture()), n.distanceKm(), 1e-9));
      assertEquals(net.organizations().stream().filter(o -> p.distanceKm(o.prefecture()) <= r).count(),
          e.supportWithin());
      assertEquals(net.organizations().stream()
              .filter(o -> hubIds.contains(o.id()) && p.distanceKm(o.prefecture()) <= r).count(),
          e.hubsWithin());
    }
    int sum = report.blocks().stream().mapToInt(CoverageReport.BlockShare::covered).sum();
    assertEquals(report.covered().size(), sum);
    assertEquals(Prefecture.values().length, report.covered().size() + report.uncovered().size());
  }

  @Property
  void atRadiusZeroExactlyThePrefecturesWithAnOrganizationAreCovered(@ForAll("networks") Network net) {
    CoverageReport r = net.coverage().within(0);
    Set<Prefecture> own = EnumSet.noneOf(Prefecture.class);
    net.organizations().forEach(o -> own.add(o.prefecture()));
    Set<Prefecture> ownHub = EnumSet.noneOf(Prefecture.class);
    net.hubs().forEach(o -> ownHub.add(o.prefecture()));
    assertEquals(own, r.covered());
    assertEquals(ownHub, r.hubCovered());
  }

  @Property
  void theResultDoesNotDependOnInputOrder(
      @ForAll("networks") Network net, @ForAll("radii") double r, @ForAll Random random) {
    List<Organization> orgs = new ArrayList<>(net.organizations());
    List<Organization> hubs = new ArrayList<>(net.hubs());
    Collections.shuffle(orgs, random);
    Collections.shuffle(hubs, random);
    SupportCoverage original = net.coverage();
    SupportCoverage shuffled = SupportCoverage.of(orgs, hubs);
    assertEquals(original, shuffled);
    assertEquals(original.within(r), shuffled.within(r));
    assertEquals(original.within(r).table(), shuffled.within(r).table());
    assertEquals(original.hubCandidates(r), shuffled.hubCandidates(r));
    assertEquals(original.greedyHubs(r, 3), shuffled.greedyHubs(r, 3));
    assertEquals(original.growthByFoundingYear(r), shuffled.growthByFoundingYear(r));
  }

  // ---------------------------------------------------------------- hub placement

  @Property
  void candidatesAreRankedByGainThenJisCode(@ForAll("networks") Network net, @ForAll("radii") double r) {
    List<HubCandidate> ranking = net.coverage().hubCandidates(r);
    for (int i = 1; i < ranking.size(); i++) {
      HubCandidate a = ranking.get(i - 1);
      HubCandidate b = ranking.get(i);
      assertTrue(a.gain() > b.gain() || (a.gain() == b.gain() && a.prefecture().code() < b.prefecture().code()));
    }
    CoverageReport report = net.coverage().within(r);
    for (HubCandidate c : ranking) {
      assertTrue(c.gain() > 0);
      assertTrue(Collections.disjoint(c.newlyCovered(), report.hubCovered()));
    }
  }

  @Property
  void greedyNeverCoversLessThanTheBestSingleCandidate(
      @ForAll("networks") Network net, @ForAll("radii") double r, @ForAll @IntRange(min = 1, max = 6) int k) {
    SupportCoverage c = net.coverage();
    List<HubCandidate> picks = c.greedyHubs(r, k);
    List<HubCandidate> ranking = c.hubCandidates(r);
    assertTrue(picks.size() <= k);
    assertEquals(ranking.isEmpty(), picks.isEmpty());
    if (!ranking.isEmpty()) {
      assertEquals(ranking.get(0), picks.get(0));
      assertTrue(picks.stream().mapToInt(HubCandidate::gain).sum() >= ranking.get(0).gain());
    }
    // gains never increase (submodularity), picks cover disjoint sets
    Set<Prefecture> seen = EnumSet.noneOf(Prefecture.class);
    for (int i = 0; i < picks.size(); i++) {
      if (i > 0) {
        assertTrue(picks.get(i).gain() <= picks.get(i - 1).gain());
      }
      assertTrue(Collections.disjoint(seen, picks.get(i).newlyCovered()));
      seen.addAll(picks.get(i).newlyCovered());
    }
    // placing hubs at the picks gives exactly the predicted hub coverage
    SupportCoverage placed = c;
    for (int i = 0; i < picks.size(); i++) {
      placed = placed.withHub(extra("x-greedy-" + i, picks.get(i).prefecture()));
    }
    assertEquals(Sets.union(c.within(r).hubCovered(), seen), placed.within(r).hubCovered());
  }

  @Property(tries = 50)
  void twoGreedyHubsCoverAtLeastOneMinusOneOverEOfTheBestPair(
      @ForAll("networks") Network net, @ForAll @DoubleRange(min = 0, max = 600) double r) {
    SupportCoverage c = net.coverage();
    int greedy = c.greedyHubs(r, 2).stream().mapToInt(HubCandidate::gain).sum();
    Set<Prefecture> covered = c.within(r).hubCovered();
    Prefecture[] all = Prefecture.values();
    int best = IntStream.range(0, all.length).flatMap(i -> IntStream.range(i, all.length).map(j -> {
      int gain = 0;
      for (Prefecture p : all) {
        if (!covered.contains(p) && (p.distanceKm(all[i]) <= r || p.distanceKm(all[j]) <= r)) {
          gain++;
        }
      }
      return gain;
    })).max().orElse(0);
    assertTrue(greedy <= best);
    assertTrue(greedy >= (1 - 1 / Math.E) * best, () -> "greedy " + greedy + " vs best pair " + best);
  }
}
