package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.Problem;
import io.github.renkei.cluster.model.ProblemKind;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.model.ValidationException;
import io.github.renkei.cluster.regulation.DeviceClass;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.regulation.Licence;
import io.github.renkei.cluster.regulation.ManufacturingStep;
import io.github.renkei.cluster.regulation.RegulatoryProfile;
import io.github.renkei.cluster.regulation.Requirement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A chain matching problem: {@link ChainNeed}s, candidate suppliers with capacities, and the
 * constraints, scorer and regulatory profile of single needs applied to every role. A chain is
 * filled as a team — every role by an eligible supplier — or not at all; a supplier's roles
 * across all chains use at most its capacity. Immutable and thread-safe.
 *
 * <pre>{@code
 * ChainProblem problem = ChainProblem.from(cluster)       // suppliers: organizations with capacity > 0
 *     .chain(catheter)
 *     .year(2016)
 *     .build();
 * ChainResult result = ChainMatchers.greedy().match(problem);
 * }</pre>
 *
 * <h2>Eligibility of a role</h2>
 * A supplier may fill a role when it holds what the regulatory profile demands for the role's
 * step and the chain's device class ({@link RegulatoryProfile#stepRequirement}; under the PMD
 * Act the step's 製造業登録, except design of class I) — always checked, it cannot be turned off
 * — and when it passes every constraint of the problem for the role's
 * {@linkplain ChainNeed#roleNeed need}. The default constraints are those of single needs
 * without {@link Constraints#regulatoryRole()}, which judges a need's kind rather than a step
 * (see {@link #standardConstraints()}); the default scorer is {@link Scorers#standard()}.
 *
 * <h2>One supplier, several roles</h2>
 * One supplier may fill several roles of one chain — the PMD Act registers sites per step, and a
 * site registered for main assembly and for final storage may do both (a common set-up) — as
 * long as it is eligible for each and its capacity covers the sum of their
 * {@linkplain ChainRole#capacityUse() uses}.
 */
public final class ChainProblem {

  /** The name of the always-on regulatory constraint of every role. */
  public static final String REGISTRATION = "registration";

  private final ImmutableList<ChainNeed> chains;
  private final ImmutableMap<NeedId, ChainNeed> byId;
  private final ImmutableList<Constraint> constraints;
  private final MatchingProblem roles;

  private ChainProblem(ImmutableList<ChainNeed> chains, ImmutableList<Constraint> constraints, MatchingProblem roles) {
    this.chains = chains;
    this.byId = chains.stream().collect(ImmutableMap.toImmutableMap(ChainNeed::id, c -> c));
    this.constraints = constraints;
    this.roles = roles;
  }

  /**
   * The constraints of single needs that make sense for a role: not the requester, the
   * addressee, capabilities, certifications, lot size, preferred region — {@link
   * Constraints#standard()} without the need-kind regulatory role, whose place the step's
   * registration takes.
   *
   * @return the constraints, in that order
   */
  public static ImmutableList<Constraint> standardConstraints() {
    return Constraints.standard().stream()
        .filter(c -> c != Constraints.regulatoryRole())
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Starts a problem over a cluster: the cluster is the world; every organization with a
   * capacity above zero is a candidate supplier; the constraints are
   * {@link #standardConstraints()}, the scorer {@link Scorers#standard()}, the regulation
   * {@link JapanPmdAct}. Chain needs are added to the builder (a cluster holds only single needs).
   *
   * @param cluster the cluster
   * @return a builder
   */
  public static Builder from(Cluster cluster) {
    checkNotNull(cluster, "cluster");
    Builder b = new Builder().world(cluster);
    for (Organization o : cluster.organizations()) {
      if (o.capacity() > 0) {
        b.supplier(o);
      }
    }
    return b;
  }

  /**
   * Starts an empty problem.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the chain needs in id order.
   *
   * @return the chain needs
   */
  public ImmutableList<ChainNeed> chains() {
    return chains;
  }

  /**
   * Returns the chain need with an id.
   *
   * @param id the id
   * @return the chain need, or empty
   */
  public Optional<ChainNeed> chain(NeedId id) {
    return Optional.ofNullable(byId.get(checkNotNull(id, "id")));
  }

  /**
   * Returns the candidate suppliers in id order.
   *
   * @return the suppliers
   */
  public ImmutableList<Organization> suppliers() {
    return roles.suppliers();
  }

  /**
   * Returns a supplier's capacity in this problem: the units its roles may use in all.
   *
   * @param supplier the supplier's id
   * @return its capacity
   * @throws IllegalArgumentException naming the id if it is not a candidate supplier
   */
  public int capacity(OrganizationId supplier) {
    return roles.capacity(supplier);
  }

  /**
   * Returns the problem's constraints, applied to every role after the step's registration.
   *
   * @return the constraints, in order
   */
  public ImmutableList<Constraint> constraints() {
    return constraints;
  }

  /**
   * Returns the scorer of a role's need and a supplier; a chain's score is the sum over its roles.
   *
   * @return the scorer
   */
  public Scorer scorer() {
    return roles.scorer();
  }

  /**
   * Returns the regulatory profile.
   *
   * @return the profile
   */
  public RegulatoryProfile regulation() {
    return roles.regulation();
  }

  /**
   * Returns the world: every organization and tie constraints and scorers may consult.
   *
   * @return the cluster
   */
  public Cluster world() {
    return roles.world();
  }

  /**
   * Returns the context constraints and scorers see.
   *
   * @return the context
   */
  public MatchContext context() {
    return roles.context();
  }

  /**
   * Returns what a supplier must hold to fill a role of a chain.
   *
   * @param chain the chain need
   * @param step one of its steps
   * @return the profile's requirement for the step and the chain's class
   */
  public Requirement requirement(ChainNeed chain, ManufacturingStep step) {
    checkNotNull(chain, "chain");
    return regulation().stepRequirement(step, chain.deviceClass()).orElseThrow(() ->
        new IllegalArgumentException("chain need '" + chain.id() + "', role " + step + ": the regulatory profile "
            + regulation().name() + " knows no such step"));
  }

  /**
   * Whether a supplier may fill a role: it holds the step's registration and passes every
   * constraint, checked pair by pair.
   *
   * @param chain the chain need
   * @param step one of its steps
   * @param supplier the supplier
   * @return the violations, empty if it may
   */
  public ImmutableList<Violation> violations(ChainNeed chain, ManufacturingStep step, Organization supplier) {
    checkNotNull(supplier, "supplier");
    Need need = chain.roleNeed(step);
    ImmutableList.Builder<Violation> out = ImmutableList.builder();
    for (Constraint c : roles.constraints()) {
      c.check(need, supplier, context()).ifPresent(out::add);
    }
    return out.build();
  }

  /** The problem of the roles as single needs, whose eligibility graph the matchers use. */
  MatchingProblem roleProblem() {
    return roles;
  }

  /**
   * Returns the number of (role, supplier) pairs that pass every constraint, computing
   * eligibility if it has not been.
   *
   * @return the number of eligible pairs
   */
  public long eligiblePairs() {
    return roles.eligiblePairs();
  }

  @Override
  public String toString() {
    return "ChainProblem[chains=" + chains.size() + ", roles=" + roles.needs().size() + ", suppliers="
        + suppliers().size() + ", constraints=" + constraints.stream().map(Constraint::name).toList()
        + ", scorer=" + scorer().name() + "]";
  }

  /** The step's registration, checked for every role; the step comes from the role need's id. */
  static final class Registration implements Constraint {
    private final ImmutableMap<NeedId, ManufacturingStep> stepOf;

    Registration(ImmutableMap<NeedId, ManufacturingStep> stepOf) {
      this.stepOf = stepOf;
    }

    @Override
    public String name() {
      return REGISTRATION;
    }

    private Optional<Requirement> requirementOf(Need need, MatchContext context) {
      ManufacturingStep step = stepOf.get(need.id());
      return step == null ? Optional.empty() : context.regulation().stepRequirement(step, need.deviceClass());
    }

    @Override
    public Optional<Violation> check(Need need, Organization supplier, MatchContext context) {
      Optional<Requirement> r = requirementOf(need, context);
      if (r.isEmpty() || r.get().isSatisfiedBy(supplier.licences())) {
        return Optional.empty();
      }
      return Optional.of(new Violation(REGISTRATION, "lacks " + r.get().unmet(supplier.licences()).stream()
          .map(ChainProblem::clauseText).collect(Collectors.joining(" and ")) + " (" + roleText(need) + ")"));
    }

    @Override
    public void restrict(Need need, MatchContext context, BitSet candidates) {
      Optional<Requirement> r = requirementOf(need, context);
      if (r.isPresent() && !r.get().isNone()) {
        Requirement req = r.get();
        candidates.and(context.suppliersWhere(new StepKey(stepOf.get(need.id()), need.deviceClass()),
            o -> req.isSatisfiedBy(o.licences())));
      }
    }

    @Override
    public String requirement(Need need, MatchContext context) {
      Optional<Requirement> r = requirementOf(need, context);
      if (r.isEmpty() || r.get().isNone()) {
        return "needs no registration (" + roleText(need) + ")";
      }
      return "holds " + r.get().clauses().stream().map(ChainProblem::clauseText).collect(Collectors.joining(" and "));
    }

    private String roleText(Need need) {
      ManufacturingStep step = stepOf.get(need.id());
      return (step == null ? need.kind().toString() : ChainRole.nameOf(step))
          + need.deviceClass().map(c -> ", class " + c).orElse(", class unknown");
    }

    @Override
    public String toString() {
      return REGISTRATION;
    }
  }

  /** Cache key of the suppliers registered for a step and class. */
  private record StepKey(ManufacturingStep step, Optional<DeviceClass> deviceClass) {}

  /** A clause as people read it: the Japanese name of the registration, alternatives by "or". */
  static String clauseText(Set<Licence> clause) {
    return clause.stream().map(ChainProblem::licenceText).collect(Collectors.joining(" or "));
  }

  /** A licence's label up to its English gloss: {@code 医療機器製造業登録 (滅菌)}. */
  private static String licenceText(Licence l) {
    String label = l.label();
    int gloss = label.lastIndexOf(" (");
    boolean japanese = label.codePoints().anyMatch(cp -> cp > 0x2E80);
    return japanese && gloss > 0 && label.endsWith(")") ? label.substring(0, gloss) : label;
  }

  /**
   * Builds a {@link ChainProblem}; {@link #build()} checks everything and reports every problem
   * together. Not thread-safe.
   */
  public static final class Builder {
    private final MatchingProblem.Builder roles = MatchingProblem.builder();
    private Cluster world = Cluster.empty();
    private final Map<NeedId, List<ChainNeed>> chains = new TreeMap<>();
    private final Set<OrganizationId> organizations = new HashSet<>();
    private List<Constraint> constraints = new ArrayList<>(standardConstraints());
    private RegulatoryProfile regulation = JapanPmdAct.get();

    private Builder() {}

    /**
     * Sets the world: the organizations and ties constraints and scorers consult. Requesters
     * must be in it (or added); suppliers not in it are added to it.
     *
     * @param world the cluster
     * @return this builder
     */
    public Builder world(Cluster world) {
      this.world = checkNotNull(world, "world");
      roles.world(world);
      return this;
    }

    /**
     * Adds an organization to the world (a requester) without making it a supplier.
     *
     * @param organization the organization
     * @return this builder
     */
    public Builder organization(Organization organization) {
      roles.organization(organization);
      organizations.add(organization.id());
      return this;
    }

    /**
     * Adds a tie to the world.
     *
     * @param relationship the tie
     * @return this builder
     */
    public Builder relationship(Relationship relationship) {
      roles.relationship(relationship);
      return this;
    }

    /**
     * Adds a chain need.
     *
     * @param chain the chain need; its requester must be in the world
     * @return this builder
     */
    public Builder chain(ChainNeed chain) {
      checkNotNull(chain, "chain");
      chains.computeIfAbsent(chain.id(), k -> new ArrayList<>()).add(chain);
      return this;
    }

    /**
     * Adds chain needs.
     *
     * @param chains the chain needs
     * @return this builder
     */
    public Builder chains(Iterable<ChainNeed> chains) {
      checkNotNull(chains, "chains").forEach(this::chain);
      return this;
    }

    /**
     * Adds a candidate supplier with its own capacity.
     *
     * @param supplier the supplier
     * @return this builder
     */
    public Builder supplier(Organization supplier) {
      roles.supplier(supplier);
      organizations.add(supplier.id());
      return this;
    }

    /**
     * Adds a candidate supplier with a capacity for this problem.
     *
     * @param supplier the supplier
     * @param capacity the units its roles may use in all, {@code >= 0} (checked by {@link #build()})
     * @return this builder
     */
    public Builder supplier(Organization supplier, int capacity) {
      roles.supplier(supplier, capacity);
      organizations.add(supplier.id());
      return this;
    }

    /**
     * Replaces the constraints every role must pass (besides its step's registration).
     *
     * @param constraints the constraints; not {@link Constraints#regulatoryRole()} (checked by
     *     {@link #build()})
     * @return this builder
     */
    public Builder constraints(Iterable<Constraint> constraints) {
      List<Constraint> list = new ArrayList<>();
      for (Constraint c : checkNotNull(constraints, "constraints")) {
        list.add(checkNotNull(c, "a constraint"));
      }
      this.constraints = list;
      return this;
    }

    /**
     * Adds a constraint after the others.
     *
     * @param constraint the constraint
     * @return this builder
     */
    public Builder constraint(Constraint constraint) {
      constraints.add(checkNotNull(constraint, "constraint"));
      return this;
    }

    /**
     * Sets the scorer of a role's need and a supplier.
     *
     * @param scorer the scorer
     * @return this builder
     */
    public Builder scorer(Scorer scorer) {
      roles.scorer(scorer);
      return this;
    }

    /**
     * Sets the regulatory profile; it must know every step of every chain.
     *
     * @param regulation the profile
     * @return this builder
     */
    public Builder regulation(RegulatoryProfile regulation) {
      this.regulation = checkNotNull(regulation, "regulation");
      roles.regulation(regulation);
      return this;
    }

    /**
     * Counts as prior only the ties that started in or before a year.
     *
     * @param year the year
     * @return this builder
     */
    public Builder year(int year) {
      roles.year(year);
      return this;
    }

    /**
     * Computes eligibility on several threads or one; results are equal either way.
     *
     * @param parallel whether to use the common fork-join pool
     * @return this builder
     */
    public Builder parallel(boolean parallel) {
      roles.parallel(parallel);
      return this;
    }

    /**
     * Checks everything and builds the problem.
     *
     * @return the problem
     * @throws ValidationException listing every problem: a role whose step the regulatory
     *     profile does not know (naming the need and the role), a chain need id used twice with
     *     different content, a requester not in the world, {@link Constraints#regulatoryRole()}
     *     among the constraints, and every problem {@link MatchingProblem.Builder#build()} finds
     *     with the suppliers (a negative capacity, conflicting ids)
     */
    public ChainProblem build() {
      List<Problem> problems = new ArrayList<>();
      ImmutableList.Builder<ChainNeed> list = ImmutableList.builder();
      ImmutableMap.Builder<NeedId, ManufacturingStep> stepOf = ImmutableMap.builder();
      chains.forEach((id, same) -> {
        ChainNeed c = same.get(0);
        if (same.size() > 1 && !same.stream().allMatch(c::equals)) {
          problems.add(Problem.of(ProblemKind.DUPLICATE_ID, List.of(id.value()),
              "chain need id '" + id + "' is used " + same.size() + " times with different content"));
        }
        if (!world.contains(c.requester()) && !organizations.contains(c.requester())) {
          problems.add(Problem.of(ProblemKind.UNKNOWN_ORGANIZATION, List.of(id.value(), c.requester().value()),
              "chain need '" + id + "': requester '" + c.requester() + "' is not in the world (add it with organization(...))"));
        }
        for (ChainRole r : c.roles()) {
          if (regulation.stepRequirement(r.step(), c.deviceClass()).isEmpty()) {
            problems.add(Problem.of(ProblemKind.INVALID_VALUE, List.of(id.value(), r.step().name()),
                "chain need '" + id + "', role " + r.step() + ": the regulatory profile " + regulation.name()
                    + " knows no such step, so no supplier's registration for it can be checked"));
          }
          stepOf.put(ChainNeed.roleNeedId(id, r.step()), r.step());
        }
        list.add(c);
      });
      for (Constraint c : constraints) {
        if (c == Constraints.regulatoryRole()) {
          problems.add(Problem.of(ProblemKind.INVALID_VALUE, List.of(c.name()),
              "constraint 'regulation' (Constraints.regulatoryRole()) judges a need's kind, not a chain role's step;"
                  + " every role is already held to its step's registration, so leave it out"));
        }
      }
      if (!problems.isEmpty()) {
        throw new ValidationException("chain problem", problems);
      }
      ImmutableList<ChainNeed> chainList = list.build();
      List<Constraint> all = new ArrayList<>();
      all.add(new Registration(stepOf.buildOrThrow()));
      all.addAll(constraints);
      List<Need> roleNeeds = new ArrayList<>();
      for (ChainNeed c : chainList) {
        for (ChainRole r : c.roles()) {
          roleNeeds.add(c.roleNeed(r.step()));
        }
      }
      MatchingProblem roleProblem;
      try {
        roleProblem = roles.needs(roleNeeds).constraints(all).build();
      } finally {
        for (Need n : roleNeeds) {
          roles.removeNeed(n.id());
        }
      }
      return new ChainProblem(chainList, ImmutableList.copyOf(constraints), roleProblem);
    }
  }

  /** The index of a supplier, or -1. */
  int supplierIndex(OrganizationId id) {
    OptionalInt i = context().supplierIndex(id);
    return i.isPresent() ? i.getAsInt() : -1;
  }

}
