package io.github.renkei.cluster.dynamics;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.matching.Assignment;
import io.github.renkei.cluster.matching.Constraint;
import io.github.renkei.cluster.matching.Constraints;
import io.github.renkei.cluster.matching.MatchResult;
import io.github.renkei.cluster.matching.Matcher;
import io.github.renkei.cluster.matching.Matchers;
import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.matching.Scorer;
import io.github.renkei.cluster.matching.Scorers;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.regulation.DeviceClass;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.simulation.Mechanism;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.StepContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Mechanism {@value #NAME}: each year requesters raise needs and the lead support organization
 * brokers them through the matcher of {@code io.github.renkei.cluster.matching}.
 *
 * <ol>
 *   <li><b>Needs</b>, in proportion to the region's assets: each device maker raises a Poisson
 *       number with mean {@link #NEEDS_PER_MAKER} × market demand, of a kind drawn by the weights
 *       {@link #WEIGHT_PARTS}, {@link #WEIGHT_OEM}, {@link #WEIGHT_ODM}; each hospital and
 *       university raises {@link #NEEDS_PER_PARTNER} × demand co-development needs; while
 *       municipal health-longevity projects run ({@link Policies#CARE_SHARE} above 0), each care
 *       organization raises {@link #NEEDS_PER_CARE_ORGANIZATION} × intensity co-development needs
 *       for class I or II devices (home care, prevention), paid for by the project, not by the
 *       market. Devices are class II with chance {@link #CLASS_II_SHARE}, otherwise class III
 *       (class I otherwise for care needs); parts and OEM needs ask for one manufacturing
 *       capability.</li>
 *   <li><b>Brokering</b>: a need reaches the round with chance
 *       {@code 1 − exp(−}{@link #BROKERING}{@code  × aimed share × intensity × (0.2 + 0.8 K))},
 *       K the lead's know-how and the aimed share the part of the support effort aimed at the
 *       need: with development share d and care share c, {@code (1 − d)(1 − c)} for parts and OEM
 *       needs, {@code d (1 − c)} for ODM and co-development needs, {@code c} for care needs.</li>
 *   <li><b>Round</b>: {@link Matchers#greedy()} over the brokered needs and every firm in the
 *       field with capacity, under the constraints: not the requester, every required
 *       capability, and the registrations and licences the PMD Act demands for the need's role
 *       and class ({@link JapanPmdAct#requirement}) held at the firm's current stage. Pairs are
 *       scored by the firm's know-how.</li>
 *   <li><b>Deals</b>: a proposed match becomes a tie of the need's kind with chance
 *       {@link #DEAL_RATE} × (0.5 + 0.5 K); the firm learns {@link #TIE_LEARNING} of its gap.</li>
 * </ol>
 */
public final class MatchingRounds implements Mechanism<ClusterState> {

  /** The mechanism's name. */
  public static final String NAME = "matching";

  /**
   * Needs a device maker raises per year at normal demand. Default 17 (Fukushima's assumption: 40
   * needs a year, 85 % from its two device makers).
   */
  public static final Parameter<Double> NEEDS_PER_MAKER = Parameter.real("needs-per-maker", 17.0, 0, 1_000_000);

  /**
   * Co-development needs a hospital or university raises per year at normal demand. Default 1.2
   * (Fukushima's assumption: 15 % of 40 needs from its five hospitals and universities).
   */
  public static final Parameter<Double> NEEDS_PER_PARTNER = Parameter.real("needs-per-partner", 1.2, 0, 1_000_000);

  /**
   * Needs a care organization raises per year while municipal health-longevity projects run at
   * full intensity. Default 2 (assumption: a project a year per centre, each with a couple of
   * product ideas; the seed names these projects as a third way without figures).
   */
  public static final Parameter<Double> NEEDS_PER_CARE_ORGANIZATION =
      Parameter.real("needs-per-care-organization", 2.0, 0, 1_000_000);

  /** Relative weight of parts-supply needs among a maker's. Default 0.45 (assumption: most needs are parts). */
  public static final Parameter<Double> WEIGHT_PARTS = Parameter.real("need-weight-parts", 0.45, 0, 1000);

  /** Relative weight of OEM needs among a maker's. Default 0.3 (assumption). */
  public static final Parameter<Double> WEIGHT_OEM = Parameter.real("need-weight-oem", 0.3, 0, 1000);

  /** Relative weight of ODM needs among a maker's. Default 0.1 (assumption). */
  public static final Parameter<Double> WEIGHT_ODM = Parameter.real("need-weight-odm", 0.1, 0, 1000);

  /** Chance a need is for a class II device rather than class III. Default 0.7 (assumption). */
  public static final Parameter<Double> CLASS_II_SHARE = Parameter.probability("class-ii-share", 0.7);

  /** Brokering rate; see the class comment. Default 3 (assumption). */
  public static final Parameter<Double> BROKERING = Parameter.real("brokering", 3.0, 0, 1000);

  /** Chance a proposed match closes, at full know-how. Default 0.6 (assumption). */
  public static final Parameter<Double> DEAL_RATE = Parameter.probability("deal-rate", 0.6);

  /** Share of its gap a firm closes with each new tie. Default 0.15 (assumption). */
  public static final Parameter<Double> TIE_LEARNING = Parameter.probability("tie-learning", 0.15);

  /** This mechanism's coefficients. */
  public static final ImmutableList<Parameter<?>> PARAMETERS = ImmutableList.of(NEEDS_PER_MAKER, NEEDS_PER_PARTNER,
      NEEDS_PER_CARE_ORGANIZATION, WEIGHT_PARTS, WEIGHT_OEM, WEIGHT_ODM, CLASS_II_SHARE, BROKERING, DEAL_RATE,
      TIE_LEARNING);

  private static final NeedKind[] KINDS = {NeedKind.PARTS_SUPPLY, NeedKind.OEM, NeedKind.ODM};

  private final Matcher matcher = Matchers.greedy();

  /** Creates the mechanism; it keeps no state of its own, so one instance serves every replication. */
  public MatchingRounds() {}

  @Override
  public void step(ClusterState s, StepContext ctx) {
    RandomGenerator random = ctx.random();
    ClusterWorld world = s.world;
    int year = ctx.year();
    double[] weights = {ctx.parameter(WEIGHT_PARTS), ctx.parameter(WEIGHT_OEM), ctx.parameter(WEIGHT_ODM)};
    double total = weights[0] + weights[1] + weights[2];
    double care = ctx.parameter(Policies.CARE_SHARE);
    int careOrganizations = care > 0 ? world.careOrganizations().size() : 0;
    s.careActive = careOrganizations > 0;
    int fromMakers = total > 0 && world.makers.length > 0
        ? Draw.poisson(random, ctx.parameter(NEEDS_PER_MAKER) * world.makers.length * s.demand) : 0;
    int fromPartners = world.partners.length > 0
        ? Draw.poisson(random, ctx.parameter(NEEDS_PER_PARTNER) * world.partners.length * s.demand) : 0;
    int fromCare = careOrganizations > 0
        ? Draw.poisson(random, ctx.parameter(NEEDS_PER_CARE_ORGANIZATION) * careOrganizations * s.supportIntensity)
        : 0;
    int raised = fromMakers + fromPartners + fromCare;
    double know = s.knowHow(s.lead);
    double development = ctx.parameter(Policies.DEVELOPMENT_SHARE);
    double rate = ctx.parameter(BROKERING) * s.supportIntensity * (0.2 + 0.8 * know);
    double brokeredVertical = Draw.chance(rate * (1 - development) * (1 - care));
    double brokeredHorizontal = Draw.chance(rate * development * (1 - care));
    double brokeredCare = Draw.chance(rate * care);
    double classII = ctx.parameter(CLASS_II_SHARE);
    List<Need> needs = new ArrayList<>();
    List<Integer> requesterOf = new ArrayList<>();
    Map<NeedId, Integer> position = new HashMap<>();
    for (int i = 0; i < raised; i++) {
      NeedKind kind;
      int requester;
      DeviceClass deviceClass;
      double brokered;
      if (i < fromMakers) {
        double u = random.nextDouble() * total;
        int k = 0;
        while (k < 2 && u >= weights[k]) {
          u -= weights[k];
          k++;
        }
        kind = KINDS[k];
        requester = world.makers[random.nextInt(world.makers.length)];
        deviceClass = random.nextDouble() < classII ? DeviceClass.II : DeviceClass.III;
        brokered = kind == NeedKind.ODM ? brokeredHorizontal : brokeredVertical;
      } else if (i < fromMakers + fromPartners) {
        kind = NeedKind.CO_DEVELOPMENT;
        requester = world.partners[random.nextInt(world.partners.length)];
        deviceClass = random.nextDouble() < classII ? DeviceClass.II : DeviceClass.III;
        brokered = brokeredHorizontal;
      } else {
        kind = NeedKind.CO_DEVELOPMENT;
        requester = world.requesters().size() + random.nextInt(careOrganizations);
        deviceClass = random.nextDouble() < classII ? DeviceClass.II : DeviceClass.I;
        brokered = brokeredCare;
      }
      Organization from = requester < world.requesters().size() ? world.requesters().get(requester)
          : world.careOrganizations().get(requester - world.requesters().size());
      Need.Builder need = Need.builder(NeedId.of("need-" + year + "-" + i), from.id(), kind).deviceClass(deviceClass);
      if (kind == NeedKind.PARTS_SUPPLY || kind == NeedKind.OEM) {
        need.requiredCapabilities(ClusterWorld.MANUFACTURING.get(random.nextInt(ClusterWorld.MANUFACTURING.size())));
      }
      if (random.nextDouble() < brokered) {
        Need n = need.build();
        position.put(n.id(), needs.size());
        needs.add(n);
        requesterOf.add(requester);
      }
    }
    s.needsRaised = raised;
    s.needsBrokered = needs.size();
    s.needsMatched = 0;
    if (needs.isEmpty()) {
      return;
    }
    MatchingProblem.Builder problem = MatchingProblem.builder().world(world.cluster()).needs(needs)
        .constraints(constraints(s)).scorer(scorer(s)).regulation(JapanPmdAct.get()).year(year);
    int suppliers = 0;
    for (int f = 0; f < s.stage.length; f++) {
      Organization firm = world.firms().get(f);
      if (s.stage[f] > 0 && firm.capacity() > 0) {
        problem.supplier(firm);
        suppliers++;
      }
    }
    if (suppliers == 0) {
      return;
    }
    MatchResult result = matcher.match(problem.build());
    double deal = ctx.parameter(DEAL_RATE) * (0.5 + 0.5 * know);
    double learning = ctx.parameter(TIE_LEARNING);
    for (Assignment a : result.assignments()) {
      if (random.nextDouble() < deal) {
        int firm = world.firmIndex(a.supplier()).orElseThrow(); // an id: assignments name suppliers by id
        int i = position.get(a.need());
        s.addTie(firm, requesterOf.get(i), needs.get(i).kind().relationshipType(), year);
        s.firmKnowHow[firm] += learning * (1 - s.firmKnowHow[firm]);
        s.needsMatched++;
      }
    }
  }

  /** Not the requester; capabilities; the PMD Act's demands met by what the firm's stage holds. */
  private static List<Constraint> constraints(ClusterState s) {
    ClusterWorld world = s.world;
    Constraint registration = Constraints.of("pmd-act-stage",
        "holds, at its current rung, the registrations and licences the PMD Act demands for the need's role and"
            + " class",
        (need, supplier, context) -> Licensing.demanded(need.kind(), need.deviceClass().orElse(DeviceClass.IV))
            .isSatisfiedBy(world.held(world.firmIndexOf(supplier), s.stage[world.firmIndexOf(supplier)])));
    return List.of(Constraints.notRequester(), Constraints.capabilitiesCovered(), registration);
  }

  private static Scorer scorer(ClusterState s) {
    ClusterWorld world = s.world;
    return Scorers.of("firm-know-how",
        (need, supplier, context) -> s.firmKnowHow[world.firmIndexOf(supplier)]);
  }
}
