package io.github.renkei.cluster.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.HashBasedTable;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Table;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.ValidationException;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.regulation.DeviceClass;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.regulation.Licence;
import io.github.renkei.cluster.regulation.ManufacturingStep;
import io.github.renkei.cluster.regulation.RegulatoryProfile;
import io.github.renkei.cluster.regulation.Requirement;
import io.github.renkei.cluster.regulation.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Hand-made chains with known answers, their explanations, and bad input. */
class ChainMatchingExamplesTest {

  private static final OrganizationId MAKER = OrganizationId.of("maker");
  private static final ManufacturingStep DESIGN = ManufacturingStep.DESIGN;
  private static final ManufacturingStep ASSEMBLY = ManufacturingStep.MAIN_ASSEMBLY;
  private static final ManufacturingStep STERILIZATION = ManufacturingStep.STERILIZATION;
  private static final ManufacturingStep STORAGE = ManufacturingStep.FINAL_STORAGE;

  static Organization supplier(String id, int capacity, ManufacturingStep... registeredFor) {
    return Organization.builder(OrganizationId.of(id), "Supplier " + id, OrganizationType.SME_MANUFACTURER,
        Prefecture.FUKUSHIMA).licences(JapanPmdAct.registrations(registeredFor)).capacity(capacity).build();
  }

  static ChainNeed chain(String id, ManufacturingStep... steps) {
    ChainNeed.Builder b = ChainNeed.builder(NeedId.of(id), MAKER).deviceClass(DeviceClass.II);
    for (ManufacturingStep s : steps) {
      b.role(ChainRole.of(s));
    }
    return b.build();
  }

  /** Scores from "chain STEP supplier score" quadruples; unlisted pairs score 0. */
  static Scorer scores(Object... quads) {
    Table<NeedId, OrganizationId, Double> t = HashBasedTable.create();
    for (int k = 0; k < quads.length; k += 4) {
      t.put(ChainNeed.roleNeedId(NeedId.of((String) quads[k]), (ManufacturingStep) quads[k + 1]),
          OrganizationId.of((String) quads[k + 2]), ((Number) quads[k + 3]).doubleValue());
    }
    return Scorers.table("table", t);
  }

  static ChainProblem.Builder problem(List<Organization> suppliers, List<ChainNeed> chains) {
    ChainProblem.Builder b = ChainProblem.builder()
        .organization(Organization.builder(MAKER, "Maker", OrganizationType.DEVICE_MAKER, Prefecture.TOKYO).build());
    suppliers.forEach(b::supplier);
    return b.chains(chains);
  }

  static Map<String, String> teams(ChainResult r) {
    Map<String, String> m = new TreeMap<>();
    r.assignments().forEach(a -> a.roles().forEach(x -> m.put(a.need() + "/" + x.step(), x.supplier().value())));
    return m;
  }

  static void assertChecked(ChainProblem p, ChainResult r) {
    assertEquals(List.of(), MatchChecks.problems(p, r));
    assertEquals(List.of(), MatchChecks.fillableChains(p, r));
  }

  @Test
  void greedyTakesTheBestTeamFirstAndOptimalRearranges() {
    // a alone at x scores 10, but x is the only sterilizer: a at y (9) + b at x (8) = 17
    ChainProblem p = problem(
        List.of(supplier("x", 1, ASSEMBLY, STERILIZATION), supplier("y", 1, ASSEMBLY)),
        List.of(chain("a", ASSEMBLY), chain("b", STERILIZATION)))
        .scorer(scores("a", ASSEMBLY, "x", 10, "a", ASSEMBLY, "y", 9, "b", STERILIZATION, "x", 8))
        .build();
    ChainResult greedy = ChainMatchers.greedy().match(p);
    ChainResult optimal = ChainMatchers.optimal().match(p);
    assertEquals(Map.of("a/MAIN_ASSEMBLY", "x"), teams(greedy));
    assertEquals(10.0, greedy.totalScore());
    assertEquals(Map.of("a/MAIN_ASSEMBLY", "y", "b/STERILIZATION", "x"), teams(optimal));
    assertEquals(17.0, optimal.totalScore());
    assertEquals("sterilization: the only eligible supplier is at capacity: x (0 of 1 left, taken by a)",
        greedy.unfilled().get(0).explanation().summary());
    assertEquals(List.of(STERILIZATION), greedy.unfilled().get(0).explanation().blockingRoles());
    assertChecked(p, greedy);
    assertChecked(p, optimal);
  }

  @Test
  void aChainIsFilledAsATeamOrNotAtAll() {
    // the design site is missing, so the chain takes neither the assembler nor the sterilizer
    ChainProblem p = problem(
        List.of(supplier("asm", 3, ASSEMBLY), supplier("ster", 3, STERILIZATION)),
        List.of(chain("c", DESIGN, ASSEMBLY, STERILIZATION), chain("d", ASSEMBLY, STERILIZATION)))
        .build();
    for (ChainMatcher m : List.of(ChainMatchers.greedy(), ChainMatchers.optimal())) {
      ChainResult r = m.match(p);
      assertEquals(Map.of("d/MAIN_ASSEMBLY", "asm", "d/STERILIZATION", "ster"), teams(r), m.name());
      assertEquals(1, r.unfilled().size());
      UnfilledChain u = r.unfilled().get(0);
      assertEquals("c", u.need().value());
      assertEquals("design: no supplier holds 医療機器製造業登録 (設計)", u.explanation().summary());
      assertEquals(List.of(DESIGN), u.explanation().blockingRoles());
      assertEquals(2, u.explanation().roles().get(DESIGN).excludedBy().get(ChainProblem.REGISTRATION));
      assertEquals(1, u.explanation().roles().get(ASSEMBLY).eligible());
      assertChecked(p, r);
    }
  }

  @Test
  void aSiteRegisteredForTwoStepsMayDoBothWhenItsCapacityCoversThem() {
    ChainNeed c = chain("c", ASSEMBLY, STORAGE);
    ChainProblem roomy = problem(List.of(supplier("z", 2, ASSEMBLY, STORAGE)), List.of(c)).build();
    assertEquals(Map.of("c/MAIN_ASSEMBLY", "z", "c/FINAL_STORAGE", "z"), teams(ChainMatchers.greedy().match(roomy)));
    assertEquals(List.of("c/FINAL_STORAGE", "c/MAIN_ASSEMBLY"),
        ChainMatchers.optimal().match(roomy).rolesOf(OrganizationId.of("z")).stream().map(NeedId::value).sorted()
            .toList());
    ChainProblem tight = problem(List.of(supplier("z", 1, ASSEMBLY, STORAGE)), List.of(c)).build();
    for (ChainMatcher m : List.of(ChainMatchers.greedy(), ChainMatchers.optimal())) {
      ChainResult r = m.match(tight);
      assertEquals(0, r.filledCount());
      ChainExplanation e = r.unfilled().get(0).explanation();
      assertEquals(List.of(), e.blockingRoles());
      assertEquals("every role has an eligible supplier with room, but no team fits at once: the roles share"
          + " z (1 left) for main assembly and final storage", e.summary());
      assertChecked(tight, r);
    }
  }

  @Test
  void capacityUseCountsUnitsOfTheSuppliersCapacity() {
    ChainNeed big = ChainNeed.builder(NeedId.of("big"), MAKER).deviceClass(DeviceClass.III)
        .role(ChainRole.of(STERILIZATION).withCapabilities(Capability.STERILIZATION_EO).withCapacityUse(3))
        .build();
    Organization ster = Organization.builder(OrganizationId.of("ster"), "Ster", OrganizationType.SME_MANUFACTURER,
        Prefecture.MIYAGI).capabilities(Capability.STERILIZATION_EO)
        .licences(JapanPmdAct.registration(STERILIZATION)).capacity(2).build();
    ChainProblem p = problem(List.of(ster), List.of(big)).build();
    ChainResult r = ChainMatchers.greedy().match(p);
    assertEquals("sterilization: the only eligible supplier is without 3 units of capacity left: ster (2 of 2 left)",
        r.unfilled().get(0).explanation().summary());
    ChainProblem enough = problem(List.of(ster.toBuilder().capacity(3).build()), List.of(big)).build();
    assertEquals(1, ChainMatchers.optimal().match(enough).filledCount());
  }

  @Test
  void designOfClassIDevicesNeedsNoRegistration() {
    Organization studio = supplier("studio", 1);
    ChainNeed classI = ChainNeed.builder(NeedId.of("c1"), MAKER).deviceClass(DeviceClass.I)
        .role(ChainRole.of(DESIGN)).build();
    ChainNeed classII = ChainNeed.builder(NeedId.of("c2"), MAKER).deviceClass(DeviceClass.II)
        .role(ChainRole.of(DESIGN)).build();
    ChainNeed unknown = ChainNeed.builder(NeedId.of("c3"), MAKER).role(ChainRole.of(DESIGN)).build();
    ChainProblem p = problem(List.of(studio.toBuilder().capacity(3).build()), List.of(classI, classII, unknown)).build();
    ChainResult r = ChainMatchers.optimal().match(p);
    assertEquals(Map.of("c1/DESIGN", "studio"), teams(r));
    assertEquals(List.of("c2", "c3"), r.unfilled().stream().map(u -> u.need().value()).toList());
    assertChecked(p, r);
  }

  @Test
  void theExplanationNamesTheCapabilitiesAndTheRegistrationThatNoSupplierHasTogether() {
    Organization unregistered = Organization.builder(OrganizationId.of("eo"), "EO", OrganizationType.SME_MANUFACTURER,
        Prefecture.FUKUSHIMA).capabilities(Capability.STERILIZATION_EO).capacity(5).build();
    Organization gamma = supplier("gamma", 5, STERILIZATION).toBuilder()
        .capabilities(Capability.STERILIZATION_GAMMA).build();
    ChainNeed c = ChainNeed.builder(NeedId.of("c"), MAKER).deviceClass(DeviceClass.II)
        .role(ChainRole.of(STERILIZATION).withCapabilities(Capability.STERILIZATION_EO)).build();
    ChainResult r = ChainMatchers.greedy().match(problem(List.of(unregistered, gamma), List.of(c)).build());
    assertEquals("sterilization: no supplier holds 医療機器製造業登録 (滅菌), has STERILIZATION_EO",
        r.unfilled().get(0).explanation().summary());
  }

  @Test
  void resultsDoNotDependOnTheOrderOfInput() {
    List<Organization> suppliers = List.of(supplier("x", 1, ASSEMBLY, STERILIZATION), supplier("y", 1, ASSEMBLY),
        supplier("w", 2, STERILIZATION, STORAGE));
    List<ChainNeed> chains = List.of(chain("a", ASSEMBLY, STERILIZATION), chain("b", STERILIZATION, STORAGE),
        chain("c", ASSEMBLY, STORAGE));
    ChainProblem one = problem(suppliers, chains).build();
    ChainProblem two = problem(List.of(suppliers.get(2), suppliers.get(0), suppliers.get(1)),
        List.of(chains.get(1), chains.get(2), chains.get(0))).build();
    for (ChainMatcher m : List.of(ChainMatchers.greedy(), ChainMatchers.optimal())) {
      assertEquals(m.match(one), m.match(two));
      assertChecked(one, m.match(one));
    }
  }

  // ------------------------------------------------------------------ bad input

  @Test
  void aChainWithoutRolesIsRejectedNamingTheNeed() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> ChainNeed.builder(NeedId.of("empty"), MAKER).build());
    assertTrue(e.getMessage().contains("chain need 'empty' has no roles"), e.getMessage());
  }

  @Test
  void aDuplicateRoleAndANegativeCapacityUseAreReportedTogetherNamingTheNeedAndTheRole() {
    ValidationException e = assertThrows(ValidationException.class, () -> ChainNeed.builder(NeedId.of("c-9"), MAKER)
        .role(ChainRole.of(STERILIZATION))
        .role(ChainRole.of(ASSEMBLY).withCapacityUse(-2))
        .role(ChainRole.of(STERILIZATION))
        .build());
    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("chain need 'c-9', role STERILIZATION: the step appears more than once"),
        e.getMessage());
    assertTrue(e.getMessage().contains("chain need 'c-9', role MAIN_ASSEMBLY: capacity use must be >= 0 but was -2"),
        e.getMessage());
    assertEquals(List.of("c-9", "MAIN_ASSEMBLY"), e.problems().get(0).ids());
  }

  @Test
  void aLotSizeBelowOneIsRejected() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> ChainNeed.builder(NeedId.of("c"), MAKER).lotSize(0).role(ChainRole.of(DESIGN)).build());
    assertTrue(e.getMessage().contains("chain need 'c': lot size must be >= 1 but was 0"), e.getMessage());
  }

  /** A profile that knows every step but final storage. */
  private static final class NoStorage implements RegulatoryProfile {
    @Override
    public String jurisdiction() {
      return "XX";
    }

    @Override
    public String name() {
      return "no-storage";
    }

    @Override
    public ImmutableSet<Licence> licences() {
      return JapanPmdAct.get().licences();
    }

    @Override
    public Requirement requirement(Role role, Optional<DeviceClass> deviceClass) {
      return JapanPmdAct.get().requirement(role, deviceClass);
    }

    @Override
    public Optional<Requirement> stepRequirement(ManufacturingStep step, Optional<DeviceClass> deviceClass) {
      return step == STORAGE ? Optional.empty() : JapanPmdAct.get().stepRequirement(step, deviceClass);
    }
  }

  @Test
  void aRoleTheRegulatoryProfileDoesNotKnowIsRejectedNamingTheNeedAndTheRole() {
    ValidationException e = assertThrows(ValidationException.class, () ->
        problem(List.of(supplier("z", 1, STORAGE)), List.of(chain("c-1", ASSEMBLY, STORAGE)))
            .regulation(new NoStorage()).build());
    assertTrue(e.getMessage().contains("chain need 'c-1', role FINAL_STORAGE: the regulatory profile no-storage knows"
        + " no such step"), e.getMessage());
    assertEquals(1, e.problems().size());
  }

  @Test
  void aProfileWrittenBeforeChainsKnowsNoStep() {
    RegulatoryProfile old = new RegulatoryProfile() {
      @Override
      public String jurisdiction() {
        return "XX";
      }

      @Override
      public String name() {
        return "old";
      }

      @Override
      public ImmutableSet<Licence> licences() {
        return ImmutableSet.of();
      }

      @Override
      public Requirement requirement(Role role, Optional<DeviceClass> deviceClass) {
        return Requirement.none();
      }
    };
    ValidationException e = assertThrows(ValidationException.class, () ->
        problem(List.of(), List.of(chain("c-1", DESIGN, ASSEMBLY))).regulation(old).build());
    assertEquals(2, e.problems().size(), e.getMessage());
  }

  @Test
  void theNeedKindRegulatoryConstraintIsRefusedForChains() {
    ValidationException e = assertThrows(ValidationException.class, () ->
        problem(List.of(), List.of(chain("c", ASSEMBLY))).constraint(Constraints.regulatoryRole()).build());
    assertTrue(e.getMessage().contains("judges a need's kind, not a chain role's step"), e.getMessage());
  }

  @Test
  void anUnknownRequesterAndADuplicateIdAreReportedTogether() {
    ChainNeed stranger = ChainNeed.builder(NeedId.of("c"), OrganizationId.of("stranger")).role(ChainRole.of(DESIGN))
        .build();
    ValidationException e = assertThrows(ValidationException.class, () -> ChainProblem.builder()
        .chain(stranger).chain(chain("c", ASSEMBLY)).build());
    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("chain need id 'c' is used 2 times with different content"), e.getMessage());
    assertTrue(e.getMessage().contains("chain need 'c': requester 'stranger' is not in the world"), e.getMessage());
  }

  @Test
  void aNegativeSupplierCapacityIsRejectedNamingTheSupplier() {
    ValidationException e = assertThrows(ValidationException.class, () ->
        problem(List.of(), List.of(chain("c", ASSEMBLY))).supplier(supplier("z", 1, ASSEMBLY), -1).build());
    assertTrue(e.getMessage().contains("supplier 'z': capacity must be >= 0 but was -1"), e.getMessage());
  }

  @Test
  void theOptimalMatchersLimitsAreNamedWhenExceeded() {
    // greedy's 10 is not optimal (17), so the search cannot stop at its root
    ChainProblem p = problem(
        List.of(supplier("x", 1, ASSEMBLY, STERILIZATION), supplier("y", 1, ASSEMBLY)),
        List.of(chain("a", ASSEMBLY), chain("b", STERILIZATION)))
        .scorer(scores("a", ASSEMBLY, "x", 10, "a", ASSEMBLY, "y", 9, "b", STERILIZATION, "x", 8))
        .build();
    IllegalArgumentException groups = assertThrows(IllegalArgumentException.class,
        () -> ChainMatchers.optimal(1, 1_000).match(p));
    assertTrue(groups.getMessage().contains("exact for groups of at most 1 chain needs that compete for suppliers,"
        + " but 2 compete here (a, b)"), groups.getMessage());
    IllegalArgumentException nodes = assertThrows(IllegalArgumentException.class,
        () -> ChainMatchers.optimal(10, 1).match(p));
    assertTrue(nodes.getMessage().contains("gave up after its limit of 1 search nodes on a group of 2 chain needs"),
        nodes.getMessage());
    assertEquals(17.0, ChainMatchers.optimal(2, 100).match(p).totalScore());
    // chains that compete for nothing are solved one by one, whatever the limit
    ChainProblem apart = problem(List.of(supplier("x", 1, ASSEMBLY), supplier("y", 1, STERILIZATION)),
        List.of(chain("a", ASSEMBLY), chain("b", STERILIZATION))).build();
    assertEquals(2, ChainMatchers.optimal(1, 1).match(apart).filledCount());
    assertThrows(IllegalArgumentException.class, () -> ChainMatchers.optimal(0, 10));
    assertThrows(IllegalArgumentException.class, () -> ChainMatchers.optimal(1, 0));
  }

  @Test
  void aScorerReturningNaNIsRejectedNamingTheRoleAndTheSupplier() {
    ChainProblem p = problem(List.of(supplier("x", 1, ASSEMBLY)), List.of(chain("a", ASSEMBLY)))
        .scorer(Scorers.of("broken", (n, s, c) -> Double.NaN)).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChainMatchers.greedy().match(p));
    assertTrue(e.getMessage().contains("scorer 'broken' returned NaN for need 'a/MAIN_ASSEMBLY' and supplier 'x'"),
        e.getMessage());
  }

  // ------------------------------------------------------------------ the checks catch broken results

  @Test
  void theChecksCatchPartialChainsLicenceGapsAndOverUse() {
    ChainProblem p = problem(List.of(supplier("x", 1, ASSEMBLY), supplier("y", 1)),
        List.of(chain("a", ASSEMBLY, STERILIZATION), chain("b", ASSEMBLY))).build();
    ScoreBreakdown zero = ScoreBreakdown.of("standard", 0);
    ChainResult broken = new ChainResult("broken", com.google.common.collect.ImmutableList.of(
        new ChainAssignment(NeedId.of("a"), com.google.common.collect.ImmutableList.of(
            new RoleAssignment(ASSEMBLY, OrganizationId.of("x"), zero))),
        new ChainAssignment(NeedId.of("b"), com.google.common.collect.ImmutableList.of(
            new RoleAssignment(ASSEMBLY, OrganizationId.of("y"), zero)))),
        com.google.common.collect.ImmutableList.of());
    List<String> problems = MatchChecks.problems(p, broken);
    assertTrue(problems.contains("chain a is partial: role STERILIZATION has no supplier"), problems.toString());
    assertTrue(problems.stream().anyMatch(s -> s.startsWith("chain b, role MAIN_ASSEMBLY -> y lacks")),
        problems.toString());
    assertEquals(List.of("chain b, role MAIN_ASSEMBLY -> y lacks [[jp.pmd.mfg.main-assembly]]"),
        MatchChecks.licenceGaps(p, broken));
    ChainResult overUsed = new ChainResult("over", com.google.common.collect.ImmutableList.of(
        new ChainAssignment(NeedId.of("b"), com.google.common.collect.ImmutableList.of(
            new RoleAssignment(ASSEMBLY, OrganizationId.of("x"), zero))),
        new ChainAssignment(NeedId.of("a"), com.google.common.collect.ImmutableList.of(
            new RoleAssignment(ASSEMBLY, OrganizationId.of("x"), zero),
            new RoleAssignment(STERILIZATION, OrganizationId.of("x"), zero)))),
        com.google.common.collect.ImmutableList.of());
    assertEquals(List.of("supplier x has roles using 3 units but capacity 1"), MatchChecks.capacityViolations(p, overUsed));
    ChainResult lazy = new ChainResult("lazy", com.google.common.collect.ImmutableList.of(),
        com.google.common.collect.ImmutableList.of(new UnfilledChain(NeedId.of("b"),
            new ChainExplanation(com.google.common.collect.ImmutableList.of(),
                com.google.common.collect.ImmutableMap.of(), "none"))));
    assertTrue(MatchChecks.problems(p, lazy).contains("chain a is neither filled nor explained"));
    assertEquals(List.of(NeedId.of("b")), MatchChecks.fillableChains(p, lazy));
  }
}
