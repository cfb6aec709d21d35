package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.ClusterWorld;
import io.github.renkei.cluster.dynamics.Expo;
import io.github.renkei.cluster.dynamics.Policies;
import io.github.renkei.cluster.funding.FundingPortfolio;
import io.github.renkei.cluster.matching.Constraint;
import io.github.renkei.cluster.matching.Constraints;
import io.github.renkei.cluster.matching.MatchChecks;
import io.github.renkei.cluster.matching.MatchResult;
import io.github.renkei.cluster.matching.Matchers;
import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.matching.Scorer;
import io.github.renkei.cluster.matching.Scorers;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Certification;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.ClusterValidationException;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.ProgramId;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.model.RelationshipType;
import io.github.renkei.cluster.model.Sector;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import io.github.renkei.cluster.regulation.DeviceClass;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.regulation.ManufacturingStep;
import io.github.renkei.cluster.regulation.Requirement;
import io.github.renkei.cluster.regulation.Role;
import io.github.renkei.cluster.network.ClusterNetwork;
import io.github.renkei.cluster.network.CoverageReport;
import io.github.renkei.cluster.network.SupportCoverage;
import io.github.renkei.cluster.network.TieFilter;
import io.github.renkei.cluster.network.Verticality;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Grid;
import io.github.renkei.cluster.simulation.PairedComparison;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Schedule;
import io.github.renkei.cluster.simulation.Statistics;
import io.github.renkei.cluster.io.CsvSink;
import io.github.renkei.cluster.io.RunManifest;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The README's five-minute tour as one program, so that the README's code is compiled and run
 * by the build.
 */
public final class Tour {

  private Tour() {}

  /**
   * Runs the tour.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Runs the tour, printing what each step returns.
   *
   * @param out where to print
   */
  public static void run(PrintStream out) {
    // Organizations and a cluster
    OrganizationId firmId = OrganizationId.of("aizu-precision");
    Organization firm = Organization.builder(firmId, "Aizu Precision",
            OrganizationType.SME_MANUFACTURER, Prefecture.FUKUSHIMA)
        .nativeName("会津精密")
        .capabilities(Capability.PRECISION_CUTTING, Capability.CLEANROOM_ASSEMBLY)
        .certifications(Certification.ISO_13485)
        .licences(JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY))
        .entryStage(EntryStage.OEM)
        .capacity(3)
        .build();

    Cluster cluster = Cluster.builder()
        .addAll(FukushimaSample.cluster())
        .add(firm)
        .add(Relationship.of(firmId, RelationshipType.OEM, OrganizationId.of("syn-maker-tokyo"), 2016))
        .add(Need.builder(NeedId.of("n-100"), OrganizationId.of("syn-hospital-large"), NeedKind.OEM)
            .requiredCapabilities(Capability.CLEANROOM_ASSEMBLY)
            .deviceClass(DeviceClass.II))
        .build();
    out.println("cluster: " + cluster);

    try {
      Cluster.builder()
          .add(Organization.builder(OrganizationId.of("x"), "X", OrganizationType.CLINIC, Prefecture.AICHI).capacity(-1))
          .add(Relationship.builder(firmId, RelationshipType.ODM, firmId).startYear(2012))
          .build();
    } catch (ClusterValidationException e) {
      e.problems().forEach(p -> out.println(p.kind() + " " + p.ids() + ": " + p.message()));
    }

    // Indexed queries and persistent updates
    out.println("Hokkaido–Tohoku: " + cluster.organizationsIn(RegionBlock.HOKKAIDO_TOHOKU).size());
    out.println("academia: " + cluster.organizationsOf(Sector.ACADEMIA).size());
    out.println("precision cutting: " + cluster.organizationsWith(Capability.PRECISION_CUTTING).size());
    out.println("ISO 13485: " + cluster.organizationsHolding(Certification.ISO_13485).size());
    out.println("at OEM: " + cluster.organizationsAt(EntryStage.OEM).size());
    out.println("ties from the firm: " + cluster.tiesFrom(firmId));
    Cluster next = cluster.withOrganization(firm.toBuilder().entryStage(EntryStage.ODM).build());
    out.println("at ODM after the update: " + next.organizationsAt(EntryStage.ODM).size());

    // The PMD Act
    JapanPmdAct law = JapanPmdAct.get();
    out.println("class III: " + law.category(DeviceClass.III));
    out.println("class II with a standard: " + law.routeToMarket(DeviceClass.II, true));
    Requirement odm = law.requirement(Role.DESIGN_MANUFACTURER, DeviceClass.II);
    out.println("ODM class II satisfied: " + odm.isSatisfiedBy(firm.licences()));
    out.println("ODM class II unmet: " + odm.unmet(firm.licences()));
    out.println("roles allowed for class II: " + law.rolesAllowed(firm.licences(), DeviceClass.II));

    // Matching
    MatchingProblem problem = MatchingProblem.from(cluster)
        .constraint(Constraints.withinKm(300))
        .year(2016)
        .build();
    MatchResult result = Matchers.optimal().match(problem);
    result.assignments().forEach(a -> out.println(a + "  " + a.score()));
    result.unmatched().forEach(u -> out.println(u));
    out.println("infeasibilities: " + MatchChecks.problems(problem, result));
    out.println("blocking pairs of the stable matching: "
        + MatchChecks.blockingPairs(problem, Matchers.stable().match(problem)));

    Constraint noCompetitor = Constraints.of("no-competitor", "is not a competitor of the requester",
        (need, supplier, context) -> !supplier.id().equals(OrganizationId.of("syn-sme-date-precision")));
    Scorer localFirst = Scorers.standard().withWeight("proximity", 4.0);
    MatchingProblem revised = problem.toBuilder()
        .constraint(noCompetitor)
        .scorer(localFirst)
        .lock(result.assignmentOf(NeedId.of("n-100")).orElseThrow())
        .build();
    MatchResult again = Matchers.optimal().match(revised);
    out.println("n-100 kept: " + again.assignmentOf(NeedId.of("n-100")).orElseThrow());
    out.println("syn-need-01 now: " + again.assignmentOf(NeedId.of("syn-need-01")).orElseThrow());

    // The catalog and the Fukushima sample
    Catalog catalog = Catalog.nationwide();
    out.println("support organizations: " + catalog.supportOrganizations().size());
    out.println("hubs: " + catalog.hubs().size());
    out.println("in Shikoku: " + catalog.supportOrganizationsIn(RegionBlock.SHIKOKU).size());
    out.println("national programs: " + catalog.programs().size());

    // Networks
    Cluster sample = FukushimaSample.cluster();
    ClusterNetwork network = ClusterNetwork.of(sample);                // all ties, every year
    out.println("most between: " + network.betweenness().top(3));
    out.println("hub ranking: " + network.hubRanking(1));
    out.println("brokers across sectors: " + network.brokerage(Organization::sector).top(1));
    ClusterNetwork supply = ClusterNetwork.of(sample, TieFilter.supply().inYear(2020));
    out.println("supply tiers 2020: " + supply.supplyTiers());
    out.println("vertical → horizontal: " + Verticality.of(sample, 2006, 2025));

    // Coverage: from points to a surface
    SupportCoverage coverage = SupportCoverage.of(Catalog.nationwide());   // 64 organizations, 6 hubs
    out.println("uncovered at 0 km: " + coverage.within(0).uncovered());
    CoverageReport at100 = coverage.within(100);
    out.println("hub-covered within 100 km: " + at100.hubCovered().size() + "/47");
    out.println("best next hub: " + coverage.hubCandidates(100).get(0));
    out.println("greedy hubs within 200 km: " + coverage.greedyHubs(200, 4));

    // Funding portfolios
    FundingPortfolio national = FundingPortfolio.of(Catalog.nationwide().programs());
    out.println("years unknown: " + national.yearsUnknown().size());
    out.println("2005 depends on one program: " + national.dependence(2005).dependsOnOneProgram());
    FundingPortfolio fukushima = FundingPortfolio.of(sample);
    out.println("balance 2013: " + fukushima.balance(2013));
    out.println("prefecture's cliffs: "
        + FundingPortfolio.reaching(sample, FukushimaSample.PREFECTURE).over(2010, 2016).cliffs().size());

    // Simulation experiments
    Path dir = temporaryDirectory();
    AtomicLong done = new AtomicLong();
    Parameter<Double> subsidy = Parameter.real("subsidy", 0.0, 0, 1);
    Scenario<double[]> town = Scenario.<double[]>builder("town", Schedule.years(2011, 2020),
            (params, random) -> new double[100])                    // 100 firms' revenue
        .parameter(subsidy)
        .mechanism("income", (revenue, ctx) -> {
          RandomGenerator random = ctx.random();                    // this mechanism's own stream
          double extra = ctx.parameter(subsidy);
          for (int i = 0; i < revenue.length; i++) {
            revenue[i] += random.nextDouble() + extra;
          }
        })
        .metric("total", revenue -> Arrays.stream(revenue).sum())
        .build();
    ExperimentResult experiment = Experiment.of(town)
        .grid(Grid.of(subsidy, 0.0, 0.1))
        .replications(500)
        .seed(42)
        .threads(4)                                                 // same numbers with 1 or 64
        .sink(CsvSink.to(dir.resolve("results.csv")))              // rows stream out while it runs
        .sink(RunManifest.sink(dir.resolve("manifest.json")))       // seed, grid, version, times, threads
        .progress(p -> done.set(p.done()))                          // done/total, p.remaining() is the ETA
        .run();
    Statistics total = experiment.summary("town", 0, "total", "2020");  // mean, sd, 95% CI, quantiles
    PairedComparison effect = experiment.compareFinal("town", 0, "town", 1, "total");
    out.println("total in 2020: " + total);
    out.println("95% CI contains 500: " + total.confidenceInterval95().orElseThrow().contains(500));
    out.printf("subsidy effect: %.6f over %d pairs, CI half-width %.1e%n", effect.meanDifference(), effect.pairs(),
        effect.confidenceInterval95().orElseThrow().halfWidth());
    out.println("replications done: " + done.get() + ", files: " + dir.resolve("results.csv").toFile().isFile() + " "
        + RunManifest.read(dir.resolve("manifest.json")).completed());
    out.println("same with one thread: "
        + experiment.equals(Experiment.of(town).grid(Grid.of(subsidy, 0.0, 0.1)).replications(500).seed(42).threads(1).run()));
    dynamics(out);
  }

  private static void dynamics(PrintStream out) {
    // Cluster dynamics
    Scenario<ClusterState> fukushima = ClusterDynamics.fukushima();      // 2005–2030, calibrated defaults
    ExperimentResult r = Experiment.of(fukushima)
        .grid(Grid.of(Policies.COUNCIL, false, true))                   // policies are parameters
        .replications(400).seed(2005).run();
    PairedComparison council = r.compare("fukushima", 0, "fukushima", 1, ClusterDynamics.KNOW_HOW_LEAD, 15);
    Scenario<ClusterState> variant = ClusterDynamics.fukushimaBuilder()
        .withoutMechanism(Expo.NAME)                                    // switch a mechanism off
        .event(ClusterDynamics.EARTHQUAKE, 2012)                        // move an event
        .programEnds(ProgramId.of("mext-regional-innovation-cluster"), 2012)   // a funding cliff
        .build();
    out.printf("council, lead's know-how in 2020: %+.2f [%+.2f, %+.2f]%n", council.meanDifference(),
        council.confidenceInterval95().orElseThrow().lower(), council.confidenceInterval95().orElseThrow().upper());
    out.println("variant: " + variant.mechanismNames().contains(Expo.NAME) + " " + variant.eventNames());
    ClusterWorld big = ClusterWorld.fukushima(1_000);                   // a 1,000-organization world
    out.println(big + " " + ClusterDynamics.fukushimaBuilder(big).build().name());
    out.printf("registered manufacturers 2016: %.1f (observed 74)%n",
        r.summary("fukushima", 0, ClusterDynamics.REGISTERED, "2016").mean());
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("renkei-tour");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
