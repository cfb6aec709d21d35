package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.Problem;
import io.github.renkei.cluster.model.ProblemKind;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.model.ValidationException;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.regulation.RegulatoryProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A matching problem: needs, candidate suppliers with capacities (how many needs each can take),
 * hard {@link Constraint}s and a soft {@link Scorer}, in a world of organizations and ties that
 * constraints and scorers consult. A need is served by at most one supplier; a supplier serves
 * at most its capacity. Immutable and thread-safe.
 *
 * <pre>{@code
 * MatchingProblem problem = MatchingProblem.from(cluster)    // its needs; suppliers with capacity > 0
 *     .constraint(Constraints.withinKm(300))                 // on top of Constraints.standard()
 *     .year(2016)                                            // ties up to 2016 count as prior
 *     .build();
 * MatchResult result = Matchers.optimal().match(problem);
 * }</pre>
 *
 * <p>Needs and suppliers are kept in id order, so the order in which they are added never
 * changes a result. Which suppliers may take which needs (the eligibility graph) is computed
 * once, on first use, and shared by every matcher run on the problem.
 *
 * <p><b>Incremental use.</b> {@link #toBuilder()} gives a builder to add or remove needs and
 * suppliers and to {@linkplain Builder#lock lock} chosen assignments of an earlier result; a
 * matcher then keeps the locked assignments, counts them against their suppliers' capacity, and
 * matches the rest.
 *
 * <p><b>Requester capacities (two-sided).</b> By default a requester may have any number of its
 * needs matched. {@link Builder#requesterCapacity} limits a requester to {@code q} matched needs
 * (a hospital that can take only so many proposals): requesters and suppliers are then matched
 * many-to-many through the needs, each need still to at most one supplier. Every matcher
 * respects the limit, locked assignments count against it, and an unmatched need whose requester
 * is at its limit says so. A problem without requester capacities gives the same results as
 * before they existed.
 *
 * <p><b>Shortlists.</b> {@link Builder#shortlist(int) shortlist(k)} keeps, for each need, only
 * its {@code k} best eligible suppliers by score (ties: the smaller supplier id), the broker's
 * shortlist, so matching costs grow with needs × {@code k} instead of with the eligible pairs.
 * Constraints and scores are still evaluated for every pair; what shrinks is the graph the
 * matchers work on. Every matcher stays feasible on it (a shortlisted pair is an eligible pair).
 * The greedy matcher gives exactly the result of the full graph when {@code k} is at least the
 * number of unlocked needs plus the number of suppliers that have no capacity left after the
 * locks: a need that greedy skips past a supplier finds it full, and at most that many
 * suppliers can be full before the need's turn. Below that bound, and for the optimal and stable
 * matchers, a shortlist can lower the total score; BENCHMARKS.md measures how much on
 * realistic instances. With a shortlist, an unmatched need's {@linkplain Explanation explanation}
 * counts the suppliers of its shortlist as its eligible ones.
 */
public final class MatchingProblem {

  private final Cluster world;
  private final ImmutableList<Need> needs;
  private final ImmutableList<Organization> suppliers;
  private final int[] capacities;
  private final ImmutableList<Constraint> constraints;
  private final Scorer scorer;
  private final Scorer supplierScorer;
  private final RegulatoryProfile regulation;
  private final OptionalInt year;
  private final ImmutableSortedMap<NeedId, OrganizationId> locks;
  private final ImmutableSortedMap<OrganizationId, Integer> requesterCapacities;
  private final boolean parallel;
  /** Suppliers kept per need, 0 for all eligible ones. */
  private final int shortlist;
  private final MatchContext context;
  private volatile EligibilityGraph graph;

  private MatchingProblem(Builder b, Cluster world, ImmutableList<Need> needs,
      ImmutableList<Organization> suppliers, int[] capacities) {
    this.world = world;
    this.needs = needs;
    this.suppliers = suppliers;
    this.capacities = capacities;
    this.constraints = ImmutableList.copyOf(b.constraints);
    this.scorer = b.scorer;
    this.supplierScorer = b.supplierScorer == null ? b.scorer : b.supplierScorer;
    this.regulation = b.regulation;
    this.year = b.year;
    this.locks = ImmutableSortedMap.copyOf(b.locks);
    this.requesterCapacities = ImmutableSortedMap.copyOf(b.requesterCapacities);
    this.parallel = b.parallel;
    this.shortlist = b.shortlist;
    this.context = new MatchContext(world, suppliers, regulation, year);
  }

  /**
   * Starts a problem over a cluster: the cluster is the world; its needs are the needs; every
   * organization with a capacity above zero is a candidate supplier; the constraints are
   * {@link Constraints#standard()}, the scorer {@link Scorers#standard()}, the regulation
   * {@link JapanPmdAct}.
   *
   * @param cluster the cluster
   * @return a builder to adjust and build the problem
   */
  public static Builder from(Cluster cluster) {
    checkNotNull(cluster, "cluster");
    Builder b = new Builder().world(cluster);
    b.needs(cluster.needs());
    for (Organization o : cluster.organizations()) {
      if (o.capacity() > 0) {
        b.supplier(o);
      }
    }
    return b;
  }

  /**
   * Starts an empty problem, to be filled with needs, suppliers and the organizations and ties
   * they refer to.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this problem, for incremental changes.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder().world(world);
    b.needs(needs);
    for (int i = 0; i < suppliers.size(); i++) {
      b.supplier(suppliers.get(i), capacities[i]);
    }
    b.constraints(constraints).scorer(scorer).regulation(regulation).parallel(parallel);
    if (shortlist > 0) {
      b.shortlist(shortlist);
    }
    if (supplierScorer != scorer) {
      b.supplierScorer(supplierScorer);
    }
    year.ifPresent(b::year);
    locks.forEach(b::lock);
    requesterCapacities.forEach(b::requesterCapacity);
    return b;
  }

  /**
   * Returns the world: every organization and tie constraints and scorers may consult.
   *
   * @return the cluster
   */
  public Cluster world() {
    return world;
  }

  /**
   * Returns the needs in id order, locked ones included.
   *
   * @return the needs
   */
  public ImmutableList<Need> needs() {
    return needs;
  }

  /**
   * Returns the candidate suppliers in id order.
   *
   * @return the suppliers
   */
  public ImmutableList<Organization> suppliers() {
    return suppliers;
  }

  /**
   * Returns a supplier's capacity in this problem.
   *
   * @param supplier the supplier's id
   * @return how many needs it can take
   * @throws IllegalArgumentException naming the id if it is not a candidate supplier
   */
  public int capacity(OrganizationId supplier) {
    OptionalInt i = context.supplierIndex(supplier);
    checkArgument(i.isPresent(), "'%s' is not a candidate supplier of this problem", supplier);
    return capacities[i.getAsInt()];
  }

  int capacityAt(int supplierIndex) {
    return capacities[supplierIndex];
  }

  /**
   * Returns the constraints, in order.
   *
   * @return the constraints
   */
  public ImmutableList<Constraint> constraints() {
    return constraints;
  }

  /**
   * Returns the scorer: how good a supplier is for a need, and how needs rank suppliers.
   *
   * @return the scorer
   */
  public Scorer scorer() {
    return scorer;
  }

  /**
   * Returns how suppliers rank needs in a stable matching; the {@link #scorer()} unless set.
   *
   * @return the suppliers' scorer
   */
  public Scorer supplierScorer() {
    return supplierScorer;
  }

  /**
   * Returns the regulatory profile.
   *
   * @return the profile
   */
  public RegulatoryProfile regulation() {
    return regulation;
  }

  /**
   * Returns the year in which ties count as prior.
   *
   * @return the year, or empty if all ties count
   */
  public OptionalInt year() {
    return year;
  }

  /**
   * Returns the locked assignments: need to supplier.
   *
   * @return the locks, in need id order
   */
  public ImmutableSortedMap<NeedId, OrganizationId> locks() {
    return locks;
  }

  /**
   * Returns the requesters whose number of matched needs is limited, with their limits.
   *
   * @return requester to capacity, in id order; empty if no requester is limited
   */
  public ImmutableSortedMap<OrganizationId, Integer> requesterCapacities() {
    return requesterCapacities;
  }

  /**
   * Returns how many of a requester's needs may be matched.
   *
   * @param requester the requester's id
   * @return its capacity, or empty if it is unlimited (the default)
   */
  public OptionalInt requesterCapacity(OrganizationId requester) {
    Integer q = requesterCapacities.get(checkNotNull(requester, "requester"));
    return q == null ? OptionalInt.empty() : OptionalInt.of(q);
  }

  /**
   * Whether eligibility is computed on several threads (the result is the same either way).
   *
   * @return {@code true} if parallel
   */
  public boolean isParallel() {
    return parallel;
  }

  /**
   * Returns the shortlist size: how many of its best eligible suppliers each need keeps in the
   * eligibility graph.
   *
   * @return {@code k}, or empty if every eligible supplier is kept
   */
  public OptionalInt shortlist() {
    return shortlist > 0 ? OptionalInt.of(shortlist) : OptionalInt.empty();
  }

  /** The shortlist size, 0 for none. */
  int shortlistSize() {
    return shortlist;
  }

  /**
   * Returns the context constraints and scorers see.
   *
   * @return the context
   */
  public MatchContext context() {
    return context;
  }

  /**
   * Returns the need with an id.
   *
   * @param id the id
   * @return the need, or empty
   */
  public Optional<Need> need(NeedId id) {
    int i = needIndex(id);
    return i < 0 ? Optional.empty() : Optional.of(needs.get(i));
  }

  int needIndex(NeedId id) {
    int lo = 0;
    int hi = needs.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = needs.get(mid).id().compareTo(id);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** The eligibility graph, computed once. */
  EligibilityGraph graph() {
    EligibilityGraph g = graph;
    if (g == null) {
      synchronized (this) {
        g = graph;
        if (g == null) {
          g = EligibilityGraph.build(this);
          graph = g;
        }
      }
    }
    return g;
  }

  /**
   * Returns the number of (need, supplier) pairs that pass every constraint, computing the
   * eligibility graph if it has not been; with a {@linkplain #shortlist() shortlist}, the pairs
   * it keeps.
   *
   * @return the number of eligible (or shortlisted) pairs among the unlocked needs
   */
  public long eligiblePairs() {
    return graph().pairCount();
  }

  @Override
  public String toString() {
    return "MatchingProblem[needs=" + needs.size() + ", suppliers=" + suppliers.size() + ", constraints="
        + constraints.stream().map(Constraint::name).toList() + ", scorer=" + scorer.name()
        + (locks.isEmpty() ? "" : ", locks=" + locks.size())
        + (requesterCapacities.isEmpty() ? "" : ", requesterCapacities=" + requesterCapacities)
        + (shortlist > 0 ? ", shortlist=" + shortlist : "") + "]";
  }

  /**
   * Builds a {@link MatchingProblem}; {@link #build()} checks everything and reports every
   * problem together. Not thread-safe.
   */
  public static final class Builder {
    private Cluster world = Cluster.empty();
    private final Map<NeedId, List<Need>> needs = new TreeMap<>();
    private final Map<OrganizationId, List<Organization>> suppliers = new TreeMap<>();
    private final Map<OrganizationId, Integer> capacityOverrides = new LinkedHashMap<>();
    private final List<Organization> organizations = new ArrayList<>();
    private final List<Relationship> relationships = new ArrayList<>();
    private List<Constraint> constraints = new ArrayList<>(Constraints.standard());
    private Scorer scorer = Scorers.standard();
    private Scorer supplierScorer;
    private RegulatoryProfile regulation = JapanPmdAct.get();
    private OptionalInt year = OptionalInt.empty();
    private final Map<NeedId, OrganizationId> locks = new TreeMap<>();
    private final Map<OrganizationId, Integer> requesterCapacities = new TreeMap<>();
    private boolean parallel = true;
    private int shortlist;

    private Builder() {}

    /**
     * Sets the world: the organizations and ties constraints and scorers consult. Requesters
     * must be in it; suppliers not in it are added to it.
     *
     * @param world the cluster
     * @return this builder
     */
    public Builder world(Cluster world) {
      this.world = checkNotNull(world, "world");
      return this;
    }

    /**
     * Adds an organization to the world (a requester, a hub) without making it a supplier.
     *
     * @param organization the organization
     * @return this builder
     */
    public Builder organization(Organization organization) {
      organizations.add(checkNotNull(organization, "organization"));
      return this;
    }

    /**
     * Adds a tie to the world, for prior-relationship constraints and scorers.
     *
     * @param relationship the tie
     * @return this builder
     */
    public Builder relationship(Relationship relationship) {
      relationships.add(checkNotNull(relationship, "relationship"));
      return this;
    }

    /**
     * Adds a need.
     *
     * @param need the need; its requester must be in the world
     * @return this builder
     */
    public Builder need(Need need) {
      checkNotNull(need, "need");
      needs.computeIfAbsent(need.id(), k -> new ArrayList<>()).add(need);
      return this;
    }

    /**
     * Adds needs.
     *
     * @param needs the needs
     * @return this builder
     */
    public Builder needs(Iterable<Need> needs) {
      checkNotNull(needs, "needs").forEach(this::need);
      return this;
    }

    /**
     * Removes a need (and its lock, if any).
     *
     * @param id the need's id
     * @return this builder
     * @throws IllegalArgumentException naming the id if there is no such need
     */
    public Builder removeNeed(NeedId id) {
      checkNotNull(id, "id");
      checkArgument(needs.remove(id) != null, "unknown need '%s'", id);
      locks.remove(id);
      return this;
    }

    /**
     * Removes every need and every lock, leaving the suppliers and the rules (for a
     * {@link TimedQueue}'s base problem, for example).
     *
     * @return this builder
     */
    public Builder withoutNeeds() {
      needs.clear();
      locks.clear();
      return this;
    }

    /**
     * Adds a candidate supplier with its own {@linkplain Organization#capacity() capacity}.
     *
     * @param supplier the supplier
     * @return this builder
     */
    public Builder supplier(Organization supplier) {
      checkNotNull(supplier, "supplier");
      suppliers.computeIfAbsent(supplier.id(), k -> new ArrayList<>()).add(supplier);
      return this;
    }

    /**
     * Adds a candidate supplier with a capacity for this problem.
     *
     * @param supplier the supplier
     * @param capacity how many needs it can take, {@code >= 0} (checked by {@link #build()})
     * @return this builder
     */
    public Builder supplier(Organization supplier, int capacity) {
      supplier(supplier);
      capacityOverrides.put(supplier.id(), capacity);
      return this;
    }

    /**
     * Removes a candidate supplier and every lock on it.
     *
     * @param id the supplier's id
     * @return this builder
     * @throws IllegalArgumentException naming the id if there is no such supplier
     */
    public Builder removeSupplier(OrganizationId id) {
      checkNotNull(id, "id");
      checkArgument(suppliers.remove(id) != null, "unknown supplier '%s'", id);
      capacityOverrides.remove(id);
      locks.values().removeIf(id::equals);
      return this;
    }

    /**
     * Replaces the constraints.
     *
     * @param constraints the constraints, in the order they are applied and reported
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
     * Sets the scorer.
     *
     * @param scorer the scorer
     * @return this builder
     */
    public Builder scorer(Scorer scorer) {
      this.scorer = checkNotNull(scorer, "scorer");
      return this;
    }

    /**
     * Sets how suppliers rank needs in stable matching (by default, the {@link #scorer}).
     *
     * @param supplierScorer the suppliers' scorer
     * @return this builder
     */
    public Builder supplierScorer(Scorer supplierScorer) {
      this.supplierScorer = checkNotNull(supplierScorer, "supplierScorer");
      return this;
    }

    /**
     * Sets the regulatory profile.
     *
     * @param regulation the profile
     * @return this builder
     */
    public Builder regulation(RegulatoryProfile regulation) {
      this.regulation = checkNotNull(regulation, "regulation");
      return this;
    }

    /**
     * Counts as prior only the ties that started in or before a year.
     *
     * @param year the year
     * @return this builder
     */
    public Builder year(int year) {
      this.year = OptionalInt.of(year);
      return this;
    }

    /**
     * Locks an assignment: the need goes to the supplier, counted against its capacity.
     *
     * @param need the need's id
     * @param supplier the supplier's id
     * @return this builder
     */
    public Builder lock(NeedId need, OrganizationId supplier) {
      locks.put(checkNotNull(need, "need"), checkNotNull(supplier, "supplier"));
      return this;
    }

    /**
     * Locks an assignment of an earlier result.
     *
     * @param assignment the assignment
     * @return this builder
     */
    public Builder lock(Assignment assignment) {
      checkNotNull(assignment, "assignment");
      return lock(assignment.need(), assignment.supplier());
    }

    /**
     * Removes every lock.
     *
     * @return this builder
     */
    public Builder unlockAll() {
      locks.clear();
      return this;
    }

    /**
     * Limits how many of a requester's needs may be matched (replacing an earlier limit); a
     * requester without a limit is unlimited. Locked assignments of its needs count against
     * the limit. Zero is allowed: none of its unlocked needs is matched. The requester must be
     * an organization of the world; it need not raise a need in the problem (the limit then
     * has no effect, and stays for needs added later through {@link #toBuilder()}).
     *
     * @param requester the requester's id
     * @param capacity how many of its needs may be matched, {@code >= 0} (checked by
     *     {@link #build()})
     * @return this builder
     */
    public Builder requesterCapacity(OrganizationId requester, int capacity) {
      requesterCapacities.put(checkNotNull(requester, "requester"), capacity);
      return this;
    }

    /**
     * Removes a requester's limit: it becomes unlimited again.
     *
     * @param requester the requester's id
     * @return this builder
     * @throws IllegalArgumentException naming the id if it has no limit
     */
    public Builder removeRequesterCapacity(OrganizationId requester) {
      checkNotNull(requester, "requester");
      checkArgument(requesterCapacities.remove(requester) != null, "requester '%s' has no capacity to remove",
          requester);
      return this;
    }

    /**
     * Computes eligibility on several threads or one; results are equal either way.
     *
     * @param parallel whether to use the common fork-join pool
     * @return this builder
     */
    public Builder parallel(boolean parallel) {
      this.parallel = parallel;
      return this;
    }

    /**
     * Keeps, for each need, only its {@code k} best eligible suppliers by score (ties: the
     * smaller supplier id) in the eligibility graph: the broker's shortlist. See the class
     * comment for when the greedy matcher's result is unchanged.
     *
     * @param k how many suppliers each need keeps, {@code >= 1}
     * @return this builder
     * @throws IllegalArgumentException naming {@code k} if it is below 1
     */
    public Builder shortlist(int k) {
      checkArgument(k >= 1, "shortlist k must be >= 1 but was %s", k);
      this.shortlist = k;
      return this;
    }

    /**
     * Keeps every eligible supplier of every need (the default): undoes {@link #shortlist(int)}.
     *
     * @return this builder
     */
    public Builder noShortlist() {
      this.shortlist = 0;
      return this;
    }

    /**
     * Checks everything and builds the problem.
     *
     * @return the problem
     * @throws ValidationException listing every problem: duplicate need or supplier ids, a
     *     negative capacity, a supplier or an added organization that differs from another
     *     organization of its id,
     *     a requester not in the world, a requester capacity that is negative or names an
     *     organization not in the world, a lock on an unknown need or supplier, a lock that
     *     violates a constraint, locks beyond a supplier's or a requester's capacity
     */
    public MatchingProblem build() {
      List<Problem> problems = new ArrayList<>();
      ImmutableList.Builder<Need> needList = ImmutableList.builder();
      needs.forEach((id, list) -> {
        if (list.size() > 1 && !list.stream().allMatch(list.get(0)::equals)) {
          problems.add(Problem.of(ProblemKind.DUPLICATE_ID, List.of(id.value()),
              "need id '" + id + "' is used " + list.size() + " times with different content"));
        }
        needList.add(list.get(0));
      });
      ImmutableList<Need> needValues = needList.build();

      Cluster.Builder worldBuilder = world.toBuilder();
      Map<OrganizationId, Organization> added = new TreeMap<>();
      for (Organization o : organizations) {
        Optional<Organization> known = world.organization(o.id());
        Organization earlier = added.putIfAbsent(o.id(), o);
        if (known.isPresent() && !known.get().equals(o)) {
          problems.add(Problem.of(ProblemKind.INVALID_VALUE, List.of(o.id().value()),
              "organization '" + o.id() + "' differs from the world's organization with that id"));
        } else if (earlier != null && !earlier.equals(o)) {
          problems.add(Problem.of(ProblemKind.DUPLICATE_ID, List.of(o.id().value()),
              "organization id '" + o.id() + "' is added twice with different content"));
        } else if (known.isEmpty() && earlier == null) {
          worldBuilder.add(o);
        }
      }
      ImmutableList.Builder<Organization> supplierList = ImmutableList.builder();
      List<Integer> caps = new ArrayList<>();
      suppliers.forEach((id, list) -> {
        Organization s = list.get(0);
        if (list.size() > 1 && !list.stream().allMatch(s::equals)) {
          problems.add(Problem.of(ProblemKind.DUPLICATE_ID, List.of(id.value()),
              "supplier id '" + id + "' is used " + list.size() + " times with different content"));
        }
        Optional<Organization> known = world.organization(id).or(() -> Optional.ofNullable(added.get(id)));
        if (known.isPresent() && !known.get().equals(s)) {
          problems.add(Problem.of(ProblemKind.INVALID_VALUE, List.of(id.value()),
              "supplier '" + id + "' differs from the world's organization with that id"));
        } else if (known.isEmpty()) {
          worldBuilder.add(s);
        }
        int capacity = capacityOverrides.getOrDefault(id, s.capacity());
        if (capacity < 0) {
          problems.add(Problem.of(ProblemKind.NEGATIVE_CAPACITY, List.of(id.value()),
              "supplier '" + id + "': capacity must be >= 0 but was " + capacity));
        }
        supplierList.add(s);
        caps.add(capacity);
      });
      relationships.forEach(worldBuilder::add);
      Cluster fullWorld;
      try {
        fullWorld = organizations.isEmpty() && relationships.isEmpty() && worldMatches(supplierList.build())
            ? world : worldBuilder.build();
      } catch (ValidationException e) {
        problems.addAll(e.problems());
        throw new ValidationException("matching problem", problems);
      }
      for (Need n : needValues) {
        if (!fullWorld.contains(n.requester())) {
          problems.add(Problem.of(ProblemKind.UNKNOWN_ORGANIZATION, List.of(n.id().value(), n.requester().value()),
              "need '" + n.id() + "': requester '" + n.requester() + "' is not in the world (add it with organization(...))"));
        }
      }
      for (Map.Entry<OrganizationId, Integer> q : requesterCapacities.entrySet()) {
        OrganizationId id = q.getKey();
        if (q.getValue() < 0) {
          problems.add(Problem.of(ProblemKind.NEGATIVE_CAPACITY, List.of(id.value()),
              "requester '" + id + "': requester capacity must be >= 0 but was " + q.getValue()));
        }
        if (!fullWorld.contains(id)) {
          problems.add(Problem.of(ProblemKind.UNKNOWN_ORGANIZATION, List.of(id.value()),
              "requester capacity " + q.getValue() + " names '" + id + "', which is not in the world"));
        }
      }
      if (!problems.isEmpty()) {
        throw new ValidationException("matching problem", problems);
      }
      int[] capacities = caps.stream().mapToInt(Integer::intValue).toArray();
      MatchingProblem p = new MatchingProblem(this, fullWorld, needValues, supplierList.build(), capacities);
      checkLocks(p, problems);
      if (!problems.isEmpty()) {
        throw new ValidationException("matching problem", problems);
      }
      return p;
    }

    private boolean worldMatches(List<Organization> supplierValues) {
      return supplierValues.stream().allMatch(s -> world.contains(s.id()));
    }

    private void checkLocks(MatchingProblem p, List<Problem> problems) {
      int[] used = new int[p.suppliers.size()];
      Map<OrganizationId, Integer> usedByRequester = new TreeMap<>();
      locks.forEach((needId, supplierId) -> {
        int n = p.needIndex(needId);
        OptionalInt s = p.context.supplierIndex(supplierId);
        String what = "locked assignment " + needId + " -> " + supplierId;
        if (n < 0) {
          problems.add(Problem.of(ProblemKind.UNKNOWN_ORGANIZATION, List.of(needId.value(), supplierId.value()),
              what + ": unknown need '" + needId + "'"));
          return;
        }
        if (s.isEmpty()) {
          problems.add(Problem.of(ProblemKind.UNKNOWN_ORGANIZATION, List.of(needId.value(), supplierId.value()),
              what + ": '" + supplierId + "' is not a candidate supplier"));
          return;
        }
        used[s.getAsInt()]++;
        Need need = p.needs.get(n);
        usedByRequester.merge(need.requester(), 1, Integer::sum);
        Organization supplier = p.suppliers.get(s.getAsInt());
        for (Constraint c : p.constraints) {
          c.check(need, supplier, p.context).ifPresent(v -> problems.add(Problem.of(ProblemKind.INVALID_VALUE,
              List.of(needId.value(), supplierId.value()), what + " violates " + v)));
        }
      });
      for (int i = 0; i < used.length; i++) {
        if (used[i] > p.capacities[i]) {
          String id = p.suppliers.get(i).id().value();
          problems.add(Problem.of(ProblemKind.NEGATIVE_CAPACITY, List.of(id),
              "supplier '" + id + "' has " + used[i] + " locked assignments but capacity " + p.capacities[i]));
        }
      }
      usedByRequester.forEach((id, count) -> {
        Integer q = p.requesterCapacities.get(id);
        if (q != null && count > q) {
          problems.add(Problem.of(ProblemKind.NEGATIVE_CAPACITY, List.of(id.value()),
              "requester '" + id + "' has " + count + " locked needs but requester capacity " + q));
        }
      });
    }
  }
}
