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
 *   <li><b>Needs</b>: a Poisson number with mean {@link #NEEDS_PER_YEAR} × market demand, each of
 *       a kind drawn by the weights {@link #WEIGHT_PARTS}, {@link #WEIGHT_OEM},
 *       {@link #WEIGHT_ODM}, {@link #WEIGHT_CO_DEVELOPMENT}; parts, OEM and ODM needs come from
 *       device makers, co-development needs from any requester (hospitals and universities
 *       too). Devices are class II with chance {@link #CLASS_II_SHARE}, otherwise class III;
 *       parts and OEM needs ask for one manufacturing capability.</li>
 *   <li><b>Brokering</b>: a need reaches the round with chance
 *       {@code 1 − exp(−}{@link #BROKERING}{@code  × (1 − development share) × intensity × (0.2 + 0.8 K))},
 *       K the lead's know-how: parts and OEM matching is the part of the support not aimed at
 *       product development, and a broker who knows the field finds more needs.</li>
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

  /** Needs raised per year in the region at normal demand. Default 40 (assumption). */
  public static final Parameter<Double> NEEDS_PER_YEAR = Parameter.real("needs-per-year", 40.0, 0, 1_000_000);

  /** Relative weight of parts-supply needs. Default 0.45 (assumption: most needs are parts). */
  public static final Parameter<Double> WEIGHT_PARTS = Parameter.real("need-weight-parts", 0.45, 0, 1000);

  /** Relative weight of OEM needs. Default 0.3 (assumption). */
  public static final Parameter<Double> WEIGHT_OEM = Parameter.real("need-weight-oem", 0.3, 0, 1000);

  /** Relative weight of ODM needs. Default 0.1 (assumption). */
  public static final Parameter<Double> WEIGHT_ODM = Parameter.real("need-weight-odm", 0.1, 0, 1000);

  /** Relative weight of co-development needs. Default 0.15 (assumption). */
  public static final Parameter<Double> WEIGHT_CO_DEVELOPMENT =
      Parameter.real("need-weight-co-development", 0.15, 0, 1000);

  /** Chance a need is for a class II device rather than class III. Default 0.7 (assumption). */
  public static final Parameter<Double> CLASS_II_SHARE = Parameter.probability("class-ii-share", 0.7);

  /** Brokering rate; see the class comment. Default 3 (assumption). */
  public static final Parameter<Double> BROKERING = Parameter.real("brokering", 3.0, 0, 1000);

  /** Chance a proposed match closes, at full know-how. Default 0.6 (assumption). */
  public static final Parameter<Double> DEAL_RATE = Parameter.probability("deal-rate", 0.6);

  /** Share of its gap a firm closes with each new tie. Default 0.15 (assumption). */
  public static final Parameter<Double> TIE_LEARNING = Parameter.probability("tie-learning", 0.15);

  /** This mechanism's coefficients. */
  public static final ImmutableList<Parameter<?>> PARAMETERS = ImmutableList.of(NEEDS_PER_YEAR, WEIGHT_PARTS,
      WEIGHT_OEM, WEIGHT_ODM, WEIGHT_CO_DEVELOPMENT, CLASS_II_SHARE, BROKERING, DEAL_RATE, TIE_LEARNING);

  private static final NeedKind[] KINDS = {
    NeedKind.PARTS_SUPPLY, NeedKind.OEM, NeedKind.ODM, NeedKind.CO_DEVELOPMENT
  };

  private final Matcher matcher = Matchers.greedy();

  /** Creates the mechanism; it keeps no state of its own, so one instance serves every replication. */
  public MatchingRounds() {}

  @Override
  public void step(ClusterState s, StepContext ctx) {
    RandomGenerator random = ctx.random();
    ClusterWorld world = s.world;
    int year = ctx.year();
    double[] weights = {
      ctx.parameter(WEIGHT_PARTS), ctx.parameter(WEIGHT_OEM), ctx.parameter(WEIGHT_ODM),
      ctx.parameter(WEIGHT_CO_DEVELOPMENT)
    };
    double total = weights[0] + weights[1] + weights[2] + weights[3];
    int raised = total > 0 ? Draw.poisson(random, ctx.parameter(NEEDS_PER_YEAR) * s.demand) : 0;
    double know = s.knowHow(s.lead);
    double brokered = Draw.chance(ctx.parameter(BROKERING) * (1 - ctx.parameter(Policies.DEVELOPMENT_SHARE))
        * s.supportIntensity * (0.2 + 0.8 * know));
    double classII = ctx.parameter(CLASS_II_SHARE);
    List<Need> needs = new ArrayList<>();
    List<Integer> requesterOf = new ArrayList<>();
    Map<NeedId, Integer> position = new HashMap<>();
    for (int i = 0; i < raised; i++) {
      double u = random.nextDouble() * total;
      int k = 0;
      while (k < 3 && u >= weights[k]) {
        u -= weights[k];
        k++;
      }
      NeedKind kind = KINDS[k];
      int requester = kind == NeedKind.CO_DEVELOPMENT
          ? random.nextInt(world.requesters().size())
          : world.makers[random.nextInt(world.makers.length)];
      DeviceClass deviceClass = random.nextDouble() < classII ? DeviceClass.II : DeviceClass.III;
      Need.Builder need = Need.builder(NeedId.of("need-" + year + "-" + i), world.requesters().get(requester).id(),
          kind).deviceClass(deviceClass);
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
            .isSatisfiedBy(Licensing.held(s.stage[world.firmIndexOf(supplier)])));
    return List.of(Constraints.notRequester(), Constraints.capabilitiesCovered(), registration);
  }

  private static Scorer scorer(ClusterState s) {
    ClusterWorld world = s.world;
    return Scorers.of("firm-know-how",
        (need, supplier, context) -> s.firmKnowHow[world.firmIndexOf(supplier)]);
  }
}
