package io.github.renkei.cluster.model;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Multimaps;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import io.github.renkei.cluster.region.StandardRegion;
import io.github.renkei.cluster.regulation.Licence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A regional industry cluster: its organizations, the relationships between them, their needs
 * for suppliers and the funding programs that pay for the work. Immutable and thread-safe.
 *
 * <pre>{@code
 * Cluster cluster = Cluster.builder()
 *     .add(university)
 *     .add(firm)
 *     .add(Relationship.of(firm.id(), RelationshipType.JOINT_RESEARCH, university.id(), 2009))
 *     .add(need)
 *     .build();                                   // throws ClusterValidationException, listing every problem
 *
 * cluster.organizationsIn(RegionBlock.HOKKAIDO_TOHOKU);
 * cluster.organizationsWith(Capability.PRECISION_CUTTING);
 * cluster.tiesFrom(firm.id());
 * Cluster grown = cluster.withRelationship(Relationship.of(firm.id(), RelationshipType.OEM, makerId, 2016));
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Valid.</b> {@link Builder#build()} and every {@code with…}/{@code without…} method
 *       check everything and throw one {@link ClusterValidationException} that lists every
 *       problem with the ids involved: problems of single elements (blank names, negative
 *       capacity or budget, years out of range, self-ties, an end before the start, a need
 *       addressed to its own requester) and between elements (duplicate ids, duplicate
 *       relationships, references to unknown organizations), and codes of capabilities,
       certifications and licences that look like typos of built-in codes (see {@link Vocabulary}).
 *   <li><b>Deterministic.</b> Organizations, needs and programs iterate in id order;
 *       relationships in order of (from, to, type, start year, end year). The order does not
 *       depend on the order of insertion, so equal content gives equal clusters with equal hash
 *       codes.
 *   <li><b>Indexed.</b> Lookups by id, sector, type, prefecture, region block, standard region,
 *       entry stage, capability, certification and licence, and the ties out of and into an
 *       organization, are hash or array lookups returning immutable lists: no scan.
 *   <li><b>Persistent.</b> {@code with…} and {@code without…} return new clusters that share
 *       the unchanged parts: a new need or program shares all organizations and ties; a new tie
 *       shares the organizations and their indexes.
 * </ul>
 */
public final class Cluster {

  private static final Cluster EMPTY = new Cluster(
      OrganizationIndex.EMPTY, TieIndex.EMPTY, ImmutableSortedMap.of(), ImmutableSortedMap.of(), Vocabulary.standard());

  private final OrganizationIndex orgs;
  private final TieIndex ties;
  private final ImmutableSortedMap<NeedId, Need> needs;
  private final ImmutableListMultimap<OrganizationId, Need> needsByRequester;
  private final ImmutableSortedMap<ProgramId, FundingProgram> programs;
  private final Vocabulary vocabulary;
  private int hash;

  private Cluster(
      OrganizationIndex orgs,
      TieIndex ties,
      ImmutableSortedMap<NeedId, Need> needs,
      ImmutableSortedMap<ProgramId, FundingProgram> programs,
      Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
    this.orgs = orgs;
    this.ties = ties;
    this.needs = needs;
    this.needsByRequester = Multimaps.index(needs.values(), Need::requester);
    this.programs = programs;
  }

  /**
   * Returns the cluster with nothing in it.
   *
   * @return the empty cluster
   */
  public static Cluster empty() {
    return EMPTY;
  }

  /**
   * Starts an empty builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this cluster's content, to build a changed cluster in one step.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    return new Builder().addAll(this).vocabulary(vocabulary);
  }

  // ---------------------------------------------------------------- organizations

  /**
   * Returns every organization in id order.
   *
   * @return the organizations
   */
  public ImmutableList<Organization> organizations() {
    return orgs.list;
  }

  /**
   * Returns the organization with an id.
   *
   * @param id the id
   * @return the organization, or empty if the cluster has none with that id
   */
  public Optional<Organization> organization(OrganizationId id) {
    int p = orgs.positionOf(checkNotNull(id, "id"));
    return p < 0 ? Optional.empty() : Optional.of(orgs.list.get(p));
  }

  /**
   * Returns the organization with an id, which must exist.
   *
   * @param id the id
   * @return the organization
   * @throws IllegalArgumentException naming the id if the cluster has no such organization
   */
  public Organization require(OrganizationId id) {
    return orgs.list.get(position(id));
  }

  /**
   * Whether the cluster has an organization with an id.
   *
   * @param id the id
   * @return {@code true} if it has
   */
  public boolean contains(OrganizationId id) {
    return orgs.positionOf(checkNotNull(id, "id")) >= 0;
  }

  /**
   * Returns the organizations of a sector, in id order.
   *
   * @param sector the sector
   * @return the organizations
   */
  public ImmutableList<Organization> organizationsOf(Sector sector) {
    return orgs.of(checkNotNull(sector, "sector"));
  }

  /**
   * Returns the organizations of a type, in id order.
   *
   * @param type the type
   * @return the organizations
   */
  public ImmutableList<Organization> organizationsOf(OrganizationType type) {
    return orgs.of(checkNotNull(type, "type"));
  }

  /**
   * Returns the organizations in a prefecture, in id order.
   *
   * @param prefecture the prefecture
   * @return the organizations
   */
  public ImmutableList<Organization> organizationsIn(Prefecture prefecture) {
    return orgs.in(checkNotNull(prefecture, "prefecture"));
  }

  /**
   * Returns the organizations in a region block of the support network, in id order.
   *
   * @param block the block
   * @return the organizations
   */
  public ImmutableList<Organization> organizationsIn(RegionBlock block) {
    return orgs.in(checkNotNull(block, "block"));
  }

  /**
   * Returns the organizations in a region of the standard eight-region division, in id order.
   *
   * @param region the region
   * @return the organizations
   */
  public ImmutableList<Organization> organizationsIn(StandardRegion region) {
    return orgs.in(checkNotNull(region, "region"));
  }

  /**
   * Returns the organizations at an entry stage, in id order.
   *
   * @param stage the stage
   * @return the organizations
   */
  public ImmutableList<Organization> organizationsAt(EntryStage stage) {
    return orgs.at(checkNotNull(stage, "stage"));
  }

  /**
   * Returns the organizations that have a capability, in id order.
   *
   * @param capability the capability
   * @return the organizations
   */
  public ImmutableList<Organization> organizationsWith(Capability capability) {
    return orgs.with(checkNotNull(capability, "capability"));
  }

  /**
   * Returns the organizations that hold a certification, in id order.
   *
   * @param certification the certification
   * @return the organizations
   */
  public ImmutableList<Organization> organizationsHolding(Certification certification) {
    return orgs.holding(checkNotNull(certification, "certification"));
  }

  /**
   * Returns the organizations that hold a licence or registration, in id order.
   *
   * @param licence the licence
   * @return the organizations
   */
  public ImmutableList<Organization> organizationsHolding(Licence licence) {
    return orgs.holding(checkNotNull(licence, "licence"));
  }

  /**
   * Returns the hubs of the support network, in id order.
   *
   * @return the organizations marked as hubs
   */
  public ImmutableList<Organization> hubs() {
    return orgs.hubs();
  }

  // ---------------------------------------------------------------- relationships

  /**
   * Returns every relationship in canonical order (from, to, type, start year, end year).
   *
   * @return the relationships
   */
  public ImmutableList<Relationship> relationships() {
    return ties.byFrom;
  }

  /**
   * Returns the relationships of a type, in canonical order.
   *
   * @param type the type
   * @return the relationships
   */
  public ImmutableList<Relationship> relationshipsOf(RelationshipType type) {
    return ties.ofType(checkNotNull(type, "type"));
  }

  /**
   * Returns the relationships that start at an organization, ordered by (to, type, start, end).
   *
   * @param id the organization
   * @return its outgoing ties
   * @throws IllegalArgumentException naming the id if the cluster has no such organization
   */
  public ImmutableList<Relationship> tiesFrom(OrganizationId id) {
    return ties.from(position(id));
  }

  /**
   * Returns the relationships that point to an organization, ordered by (from, type, start,
   * end).
   *
   * @param id the organization
   * @return its incoming ties
   * @throws IllegalArgumentException naming the id if the cluster has no such organization
   */
  public ImmutableList<Relationship> tiesTo(OrganizationId id) {
    return ties.to(position(id));
  }

  // ---------------------------------------------------------------- needs and programs

  /**
   * Returns every need in id order.
   *
   * @return the needs
   */
  public ImmutableList<Need> needs() {
    return needs.values().asList();
  }

  /**
   * Returns the need with an id.
   *
   * @param id the id
   * @return the need, or empty
   */
  public Optional<Need> need(NeedId id) {
    return Optional.ofNullable(needs.get(checkNotNull(id, "id")));
  }

  /**
   * Returns the needs an organization raised, in id order.
   *
   * @param requester the organization
   * @return its needs
   * @throws IllegalArgumentException naming the id if the cluster has no such organization
   */
  public ImmutableList<Need> needsOf(OrganizationId requester) {
    position(requester);
    return needsByRequester.get(requester);
  }

  /**
   * Returns every funding program in id order.
   *
   * @return the programs
   */
  public ImmutableList<FundingProgram> programs() {
    return programs.values().asList();
  }

  /**
   * Returns the program with an id.
   *
   * @param id the id
   * @return the program, or empty
   */
  public Optional<FundingProgram> program(ProgramId id) {
    return Optional.ofNullable(programs.get(checkNotNull(id, "id")));
  }

  // ---------------------------------------------------------------- persistent updates

  /**
   * Returns a cluster with an organization added, or replacing the one with its id. Ties,
   * needs and programs are kept.
   *
   * @param organization the organization
   * @return the new cluster
   * @throws ClusterValidationException if a code of the organization is undeclared in the
   *     cluster's {@link #vocabulary()} and close to a built-in one
   */
  public Cluster withOrganization(Organization organization) {
    checkNotNull(organization, "organization");
    Problems problems = new Problems();
    checkCodes(organization, vocabulary, problems);
    throwIfAny(problems);
    int p = orgs.positionOf(organization.id());
    List<Organization> list = new ArrayList<>(orgs.list);
    if (p >= 0) {
      list.set(p, organization);
      return new Cluster(new OrganizationIndex(ImmutableList.copyOf(list)), ties, needs, programs, vocabulary);
    }
    int insertAt = -(Collections.binarySearch(list, organization, BY_ID) + 1);
    list.add(insertAt, organization);
    OrganizationIndex next = new OrganizationIndex(ImmutableList.copyOf(list));
    return new Cluster(next, ties.reindex(next), needs, programs, vocabulary);
  }

  /**
   * Returns a cluster without an organization and without everything that refers to it: its
   * ties in both directions, the needs it raised or that were addressed to it, and the
   * programs it sponsors.
   *
   * @param id the organization
   * @return the new cluster
   * @throws IllegalArgumentException naming the id if the cluster has no such organization
   */
  public Cluster withoutOrganization(OrganizationId id) {
    int p = position(id);
    List<Organization> list = new ArrayList<>(orgs.list);
    list.remove(p);
    OrganizationIndex next = new OrganizationIndex(ImmutableList.copyOf(list));
    Relationship[] kept = ties.byFrom.stream().filter(r -> !r.involves(id)).toArray(Relationship[]::new);
    return new Cluster(
        next,
        TieIndex.build(next, kept),
        filter(needs, n -> !n.requester().equals(id) && !n.addressedTo().equals(Optional.of(id))),
        filter(programs, g -> !g.sponsor().equals(id)),
        vocabulary);
  }

  /**
   * Returns a cluster with a relationship added.
   *
   * @param relationship the relationship; both ends must be in the cluster
   * @return the new cluster
   * @throws ClusterValidationException if an end is unknown or the cluster already has an
   *     equal relationship
   */
  public Cluster withRelationship(Relationship relationship) {
    checkNotNull(relationship, "relationship");
    Problems p = new Problems();
    checkEnds(relationship, orgs, p);
    if (p.isEmpty() && ties.from(orgs.positionOf(relationship.from())).contains(relationship)) {
      p.add(ProblemKind.DUPLICATE_RELATIONSHIP, relationship + " is already in the cluster",
          relationship.from().value(), relationship.to().value());
    }
    throwIfAny(p);
    Relationship[] all = ties.byFrom.toArray(new Relationship[ties.size() + 1]);
    all[ties.size()] = relationship;
    return new Cluster(orgs, TieIndex.build(orgs, all), needs, programs, vocabulary);
  }

  /**
   * Returns a cluster without a relationship.
   *
   * @param relationship the relationship, which must be in the cluster
   * @return the new cluster
   * @throws IllegalArgumentException naming the relationship if the cluster does not have it
   */
  public Cluster withoutRelationship(Relationship relationship) {
    checkNotNull(relationship, "relationship");
    int p = orgs.positionOf(relationship.from());
    if (p < 0 || !ties.from(p).contains(relationship)) {
      throw new IllegalArgumentException("the cluster has no relationship " + relationship);
    }
    Relationship[] kept = ties.byFrom.stream().filter(r -> !r.equals(relationship)).toArray(Relationship[]::new);
    return new Cluster(orgs, TieIndex.build(orgs, kept), needs, programs, vocabulary);
  }

  /**
   * Returns a cluster with a need added, or replacing the one with its id.
   *
   * @param need the need; its requester and addressee must be in the cluster
   * @return the new cluster
   * @throws ClusterValidationException if the requester or addressee is unknown, or a required
   *     code is undeclared in the cluster's {@link #vocabulary()} and close to a built-in one
   */
  public Cluster withNeed(Need need) {
    checkNotNull(need, "need");
    Problems p = new Problems();
    checkReferences(need, orgs, p);
    checkCodes(need, vocabulary, p);
    throwIfAny(p);
    return new Cluster(orgs, ties, put(needs, need.id(), need), programs, vocabulary);
  }

  /**
   * Returns a cluster without a need.
   *
   * @param id the need's id, which must be in the cluster
   * @return the new cluster
   * @throws IllegalArgumentException naming the id if the cluster has no such need
   */
  public Cluster withoutNeed(NeedId id) {
    checkNotNull(id, "id");
    if (!needs.containsKey(id)) {
      throw new IllegalArgumentException("unknown need '" + id + "'");
    }
    return new Cluster(orgs, ties, filter(needs, n -> !n.id().equals(id)), programs, vocabulary);
  }

  /**
   * Returns a cluster with a program added, or replacing the one with its id.
   *
   * @param program the program; its sponsor must be in the cluster
   * @return the new cluster
   * @throws ClusterValidationException if the sponsor is unknown
   */
  public Cluster withProgram(FundingProgram program) {
    checkNotNull(program, "program");
    Problems p = new Problems();
    checkReferences(program, orgs, p);
    throwIfAny(p);
    return new Cluster(orgs, ties, needs, put(programs, program.id(), program), vocabulary);
  }

  /**
   * Returns a cluster without a program.
   *
   * @param id the program's id, which must be in the cluster
   * @return the new cluster
   * @throws IllegalArgumentException naming the id if the cluster has no such program
   */
  public Cluster withoutProgram(ProgramId id) {
    checkNotNull(id, "id");
    if (!programs.containsKey(id)) {
      throw new IllegalArgumentException("unknown program '" + id + "'");
    }
    return new Cluster(orgs, ties, needs, filter(programs, g -> !g.id().equals(id)), vocabulary);
  }

  // ---------------------------------------------------------------- helpers

  private static final Comparator<Organization> BY_ID = Comparator.comparing(Organization::id);

  private int position(OrganizationId id) {
    int p = orgs.positionOf(checkNotNull(id, "id"));
    if (p < 0) {
      throw new IllegalArgumentException("unknown organization '" + id + "'");
    }
    return p;
  }

  private static <K extends Comparable<K>, V> ImmutableSortedMap<K, V> put(
      ImmutableSortedMap<K, V> map, K key, V value) {
    ImmutableSortedMap.Builder<K, V> b = ImmutableSortedMap.naturalOrder();
    map.forEach((k, v) -> {
      if (!k.equals(key)) {
        b.put(k, v);
      }
    });
    return b.put(key, value).buildOrThrow();
  }

  private static <K extends Comparable<K>, V> ImmutableSortedMap<K, V> filter(
      ImmutableSortedMap<K, V> map, Predicate<V> keep) {
    ImmutableSortedMap.Builder<K, V> b = ImmutableSortedMap.naturalOrder();
    map.forEach((k, v) -> {
      if (keep.test(v)) {
        b.put(k, v);
      }
    });
    return b.buildOrThrow();
  }

  private static void checkCodes(Organization o, Vocabulary v, Problems p) {
    String what = "organization '" + o.id() + "': ";
    o.capabilities().forEach(c -> checkCode(what, Vocabulary.Kind.CAPABILITY, c.code(), v, p, o.id().value()));
    o.certifications().forEach(c -> checkCode(what, Vocabulary.Kind.CERTIFICATION, c.code(), v, p, o.id().value()));
    o.licences().forEach(c -> checkCode(what, Vocabulary.Kind.LICENCE, c.code(), v, p, o.id().value()));
  }

  private static void checkCodes(Need n, Vocabulary v, Problems p) {
    String what = "need '" + n.id() + "': ";
    n.requiredCapabilities().forEach(
        c -> checkCode(what, Vocabulary.Kind.CAPABILITY, c.code(), v, p, n.id().value()));
    n.requiredCertifications().forEach(
        c -> checkCode(what, Vocabulary.Kind.CERTIFICATION, c.code(), v, p, n.id().value()));
  }

  private static void checkCode(String what, Vocabulary.Kind kind, String code, Vocabulary v, Problems p, String id) {
    v.problem(kind, code).ifPresent(m -> p.add(ProblemKind.UNDECLARED_CODE, what + m, id));
  }

  private static void throwIfAny(Problems p) {
    if (!p.isEmpty()) {
      throw new ClusterValidationException(sorted(p.list()));
    }
  }

  private static List<Problem> sorted(List<Problem> problems) {
    List<Problem> s = new ArrayList<>(problems);
    s.sort(Comparator.comparing(Problem::kind)
        .thenComparing(q -> String.join("\u0000", q.ids()))
        .thenComparing(Problem::message));
    return s;
  }

  private static void checkEnds(Relationship r, OrganizationIndex orgs, Problems p) {
    checkEnds("relationship " + r, r.from(), r.to(), orgs, p);
  }

  private static void checkEnds(
      String element, OrganizationId from, OrganizationId to, OrganizationIndex orgs, Problems p) {
    if (orgs.positionOf(from) < 0) {
      p.add(ProblemKind.UNKNOWN_ORGANIZATION,
          element + ": unknown organization '" + from + "' at its start", from.value(), to.value());
    }
    if (orgs.positionOf(to) < 0 && !to.equals(from)) {
      p.add(ProblemKind.UNKNOWN_ORGANIZATION,
          element + ": unknown organization '" + to + "' at its end", from.value(), to.value());
    }
  }

  private static void checkReferences(Need n, OrganizationIndex orgs, Problems p) {
    checkNeedReferences(n.id(), n.requester(), n.addressedTo().orElse(null), orgs, p);
  }

  private static void checkNeedReferences(
      NeedId id, OrganizationId requester, OrganizationId addressee, OrganizationIndex orgs, Problems p) {
    if (orgs.positionOf(requester) < 0) {
      p.add(ProblemKind.UNKNOWN_ORGANIZATION,
          "need '" + id + "': unknown requester '" + requester + "'", id.value(), requester.value());
    }
    if (addressee != null && orgs.positionOf(addressee) < 0) {
      p.add(ProblemKind.UNKNOWN_ORGANIZATION,
          "need '" + id + "': addressed to unknown organization '" + addressee + "'", id.value(), addressee.value());
    }
  }

  private static void checkReferences(FundingProgram g, OrganizationIndex orgs, Problems p) {
    checkSponsor(g.id(), g.sponsor(), orgs, p);
  }

  private static void checkSponsor(ProgramId id, OrganizationId sponsor, OrganizationIndex orgs, Problems p) {
    if (orgs.positionOf(sponsor) < 0) {
      p.add(ProblemKind.UNKNOWN_ORGANIZATION,
          "program '" + id + "': unknown sponsor '" + sponsor + "'", id.value(), sponsor.value());
    }
  }

  // ---------------------------------------------------------------- value semantics

  /**
   * Returns the number of organizations.
   *
   * @return the count
   */
  public int organizationCount() {
    return orgs.size();
  }

  /**
   * Returns the number of relationships.
   *
   * @return the count
   */
  public int relationshipCount() {
    return ties.size();
  }

  /**
   * Returns the vocabulary the cluster's codes were checked against. It says how the content was
   * checked, not what the content is: it is not part of equality, and {@link #toBuilder()} and
   * the {@code with…} methods keep it.
   *
   * @return the vocabulary; {@link Vocabulary#standard()} unless the builder was given another
   */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Cluster)) {
      return false;
    }
    Cluster c = (Cluster) o;
    return hashCode() == c.hashCode()
        && orgs.list.equals(c.orgs.list)
        && ties.byFrom.equals(c.ties.byFrom)
        && needs.equals(c.needs)
        && programs.equals(c.programs);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Objects.hash(orgs.list, ties.byFrom, needs, programs);
      hash = h;
    }
    return h;
  }

  /** Returns the counts, for example {@code Cluster[organizations=64, relationships=120, needs=5, programs=7]}. */
  @Override
  public String toString() {
    return "Cluster[organizations=" + orgs.size() + ", relationships=" + ties.size()
        + ", needs=" + needs.size() + ", programs=" + programs.size() + "]";
  }

  /**
   * Collects the content of a cluster; {@link #build()} validates all of it at once. Elements
   * can be added built, or as unbuilt builders whose own problems (a negative capacity, a
   * self-tie) are then reported together with the cluster's. The order of adding does not
   * matter. Not thread-safe.
   */
  public static final class Builder {
    private final List<Organization> organizations = new ArrayList<>();
    private final List<Organization.Builder> organizationBuilders = new ArrayList<>();
    private final List<Relationship> relationships = new ArrayList<>();
    private final List<Relationship.Builder> relationshipBuilders = new ArrayList<>();
    private final List<Need> needList = new ArrayList<>();
    private final List<Need.Builder> needBuilders = new ArrayList<>();
    private final List<FundingProgram> programList = new ArrayList<>();
    private final List<FundingProgram.Builder> programBuilders = new ArrayList<>();
    private Vocabulary vocabulary = Vocabulary.standard();

    private Builder() {}

    /**
     * Sets the vocabulary the codes of organizations and needs are checked against: a code that
     * is neither built in nor declared and is close to a built-in code is a problem
     * ({@link ProblemKind#UNDECLARED_CODE}), as is a code in a reserved namespace that does not
     * exist. The check is here, not only in the file readers, so that a cluster built in code is
     * protected from typos as much as one read from a file.
     *
     * @param vocabulary the vocabulary; {@link Vocabulary#standard()} by default
     * @return this builder
     */
    public Builder vocabulary(Vocabulary vocabulary) {
      this.vocabulary = checkNotNull(vocabulary, "vocabulary");
      return this;
    }

    /**
     * Adds an organization.
     *
     * @param organization the organization
     * @return this builder
     */
    public Builder add(Organization organization) {
      organizations.add(checkNotNull(organization, "organization"));
      return this;
    }

    /**
     * Adds an organization still to be built; its problems are reported by {@link #build()}.
     *
     * @param organization the organization's builder
     * @return this builder
     */
    public Builder add(Organization.Builder organization) {
      organizationBuilders.add(checkNotNull(organization, "organization"));
      return this;
    }

    /**
     * Adds a relationship.
     *
     * @param relationship the relationship
     * @return this builder
     */
    public Builder add(Relationship relationship) {
      relationships.add(checkNotNull(relationship, "relationship"));
      return this;
    }

    /**
     * Adds a relationship still to be built; its problems are reported by {@link #build()}.
     *
     * @param relationship the relationship's builder
     * @return this builder
     */
    public Builder add(Relationship.Builder relationship) {
      relationshipBuilders.add(checkNotNull(relationship, "relationship"));
      return this;
    }

    /**
     * Adds a need.
     *
     * @param need the need
     * @return this builder
     */
    public Builder add(Need need) {
      needList.add(checkNotNull(need, "need"));
      return this;
    }

    /**
     * Adds a need still to be built; its problems are reported by {@link #build()}.
     *
     * @param need the need's builder
     * @return this builder
     */
    public Builder add(Need.Builder need) {
      needBuilders.add(checkNotNull(need, "need"));
      return this;
    }

    /**
     * Adds a funding program.
     *
     * @param program the program
     * @return this builder
     */
    public Builder add(FundingProgram program) {
      programList.add(checkNotNull(program, "program"));
      return this;
    }

    /**
     * Adds a funding program still to be built; its problems are reported by {@link #build()}.
     *
     * @param program the program's builder
     * @return this builder
     */
    public Builder add(FundingProgram.Builder program) {
      programBuilders.add(checkNotNull(program, "program"));
      return this;
    }

    /**
     * Adds organizations.
     *
     * @param organizations the organizations
     * @return this builder
     */
    public Builder addOrganizations(Iterable<Organization> organizations) {
      checkNotNull(organizations, "organizations").forEach(this::add);
      return this;
    }

    /**
     * Adds relationships.
     *
     * @param relationships the relationships
     * @return this builder
     */
    public Builder addRelationships(Iterable<Relationship> relationships) {
      checkNotNull(relationships, "relationships").forEach(this::add);
      return this;
    }

    /**
     * Adds needs.
     *
     * @param needs the needs
     * @return this builder
     */
    public Builder addNeeds(Iterable<Need> needs) {
      checkNotNull(needs, "needs").forEach(this::add);
      return this;
    }

    /**
     * Adds funding programs.
     *
     * @param programs the programs
     * @return this builder
     */
    public Builder addPrograms(Iterable<FundingProgram> programs) {
      checkNotNull(programs, "programs").forEach(this::add);
      return this;
    }

    /**
     * Adds everything in a cluster: its organizations, relationships, needs and programs.
     *
     * @param cluster the cluster
     * @return this builder
     */
    public Builder addAll(Cluster cluster) {
      checkNotNull(cluster, "cluster");
      organizations.addAll(cluster.organizations());
      relationships.addAll(cluster.relationships());
      needList.addAll(cluster.needs());
      programList.addAll(cluster.programs());
      return this;
    }

    /**
     * Validates everything and builds the cluster.
     *
     * @return the cluster
     * @throws ClusterValidationException listing every problem found, with the ids involved
     */
    public Cluster build() {
      Problems p = new Problems();

      List<Organization> orgList = new ArrayList<>(organizations);
      for (Organization.Builder b : organizationBuilders) {
        List<Problem> own = b.problems();
        if (own.isEmpty()) {
          orgList.add(b.build());
        } else {
          p.addAll(own);
        }
      }
      for (Organization o : orgList) {
        checkCodes(o, vocabulary, p);
      }
      OrganizationIndex index = new OrganizationIndex(distinctById(orgList, p));
      // ids of builders that failed still count as known, so their ties are not reported twice
      Set<OrganizationId> failedIds = new HashSet<>();
      for (Organization.Builder b : organizationBuilders) {
        if (index.positionOf(b.id()) < 0) {
          failedIds.add(b.id());
        }
      }

      List<Relationship> tieList = new ArrayList<>(relationships);
      for (Relationship.Builder b : relationshipBuilders) {
        List<Problem> own = b.problems();
        if (own.isEmpty()) {
          tieList.add(b.build());
        } else {
          p.addAll(own);
          if (!failedIds.contains(b.from()) && !failedIds.contains(b.to())) {
            checkEnds(b.describe(), b.from(), b.to(), index, p);
          }
        }
      }
      // each end is looked up once: the positions found here index the ties
      Relationship[] known = new Relationship[tieList.size()];
      int[] fromPositions = new int[known.length];
      int[] toPositions = new int[known.length];
      int k = 0;
      for (Relationship r : tieList) {
        int f = index.positionOf(r.from());
        int t = index.positionOf(r.to());
        if (f >= 0 && t >= 0) {
          known[k] = r;
          fromPositions[k] = f;
          toPositions[k] = t;
          k++;
        } else if (!failedIds.contains(r.from()) && !failedIds.contains(r.to())) {
          checkEnds(r, index, p);
        }
      }
      TieIndex tieIndex = TieIndex.build(index, Arrays.copyOf(known, k),
          Arrays.copyOf(fromPositions, k), Arrays.copyOf(toPositions, k));
      for (Relationship d : tieIndex.duplicates()) {
        p.add(ProblemKind.DUPLICATE_RELATIONSHIP, "relationship " + d + " is listed more than once",
            d.from().value(), d.to().value());
      }

      List<Need> needValues = new ArrayList<>(needList);
      for (Need.Builder b : needBuilders) {
        List<Problem> own = b.problems();
        if (own.isEmpty()) {
          needValues.add(b.build());
        } else {
          p.addAll(own);
          if (!failedIds.contains(b.requester())) {
            checkNeedReferences(b.id(), b.requester(), b.addressee(), index, p);
          }
        }
      }
      ImmutableSortedMap.Builder<NeedId, Need> needMap = ImmutableSortedMap.naturalOrder();
      for (Need n : distinct(needValues, Need::id, "need", p)) {
        checkCodes(n, vocabulary, p);
        if (!failedIds.contains(n.requester())) {
          checkReferences(n, index, p);
        }
        needMap.put(n.id(), n);
      }

      List<FundingProgram> programValues = new ArrayList<>(programList);
      for (FundingProgram.Builder b : programBuilders) {
        List<Problem> own = b.problems();
        if (own.isEmpty()) {
          programValues.add(b.build());
        } else {
          p.addAll(own);
          if (!failedIds.contains(b.sponsor())) {
            checkSponsor(b.id(), b.sponsor(), index, p);
          }
        }
      }
      ImmutableSortedMap.Builder<ProgramId, FundingProgram> programMap = ImmutableSortedMap.naturalOrder();
      for (FundingProgram g : distinct(programValues, FundingProgram::id, "program", p)) {
        if (!failedIds.contains(g.sponsor())) {
          checkReferences(g, index, p);
        }
        programMap.put(g.id(), g);
      }

      throwIfAny(p);
      return new Cluster(index, tieIndex, needMap.buildOrThrow(), programMap.buildOrThrow(), vocabulary);
    }

    private static ImmutableList<Organization> distinctById(List<Organization> list, Problems p) {
      return ImmutableList.copyOf(distinct(list, Organization::id, "organization", p));
    }

    /** Sorts by id; reports ids that occur more than once and keeps their first occurrence. */
    private static <T, K extends Comparable<K>> List<T> distinct(
        List<T> values, Function<T, K> id, String what, Problems p) {
      @SuppressWarnings("unchecked")
      T[] sorted = (T[]) values.toArray();
      Arrays.sort(sorted, Comparator.comparing(id));
      List<T> out = new ArrayList<>(sorted.length);
      int i = 0;
      while (i < sorted.length) {
        int j = i + 1;
        while (j < sorted.length && id.apply(sorted[j]).equals(id.apply(sorted[i]))) {
          j++;
        }
        if (j - i > 1) {
          String idText = id.apply(sorted[i]).toString();
          p.add(ProblemKind.DUPLICATE_ID,
              what + " id '" + idText + "' is used " + (j - i) + " times", idText);
        }
        out.add(sorted[i]);
        i = j;
      }
      return out;
    }
  }
}
