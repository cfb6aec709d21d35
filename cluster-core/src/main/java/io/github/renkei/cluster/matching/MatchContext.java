package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.model.RelationshipType;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.regulation.RegulatoryProfile;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;
import java.util.function.Predicate;

/**
 * What constraints and scorers may consult besides the pair itself: the problem's world (the
 * cluster with every organization and tie), the candidate suppliers in id order, the regulatory
 * profile and the year in which prior ties count. Immutable apart from internal caches;
 * thread-safe.
 */
public final class MatchContext {

  private static final double[][] DISTANCE_KM = distances();


  private final Cluster world;
  private final ImmutableList<Organization> suppliers;
  private final ImmutableMap<OrganizationId, Integer> supplierIndex;
  /** Candidate objects by identity: scorers get the candidates themselves, so no id hashing. */
  private final IdentityHashMap<Organization, Integer> candidateIndex;
  private final RegulatoryProfile regulation;
  private final OptionalInt year;
  private final ConcurrentHashMap<Object, BitSet> cache = new ConcurrentHashMap<>();
  // per-supplier properties read for every scored pair; racy single-check caches (the values
  // are computed the same by every thread, and a BitSet is fully built before it is published)
  private volatile BitSet hubBackedSet;
  private volatile BitSet horizontalSet;
  private volatile BitSet untiedSet;

  MatchContext(Cluster world, ImmutableList<Organization> suppliers, RegulatoryProfile regulation,
      OptionalInt year) {
    this.world = world;
    this.suppliers = suppliers;
    ImmutableMap.Builder<OrganizationId, Integer> index = ImmutableMap.builderWithExpectedSize(suppliers.size());
    for (int i = 0; i < suppliers.size(); i++) {
      index.put(suppliers.get(i).id(), i);
    }
    this.supplierIndex = index.buildOrThrow();
    this.candidateIndex = new IdentityHashMap<>(suppliers.size() * 2);
    for (int i = 0; i < suppliers.size(); i++) {
      candidateIndex.put(suppliers.get(i), i);
    }
    this.regulation = regulation;
    this.year = year;
  }

  private static double[][] distances() {
    Prefecture[] all = Prefecture.values();
    double[][] d = new double[all.length][all.length];
    for (Prefecture a : all) {
      for (Prefecture b : all) {
        d[a.ordinal()][b.ordinal()] = a.distanceKm(b);
      }
    }
    return d;
  }

  /**
   * Returns the world: every organization and tie the problem knows.
   *
   * @return the cluster
   */
  public Cluster world() {
    return world;
  }

  /**
   * Returns the candidate suppliers in id order; constraints' bit sets index this list.
   *
   * @return the suppliers
   */
  public ImmutableList<Organization> suppliers() {
    return suppliers;
  }

  /**
   * Returns the position of a supplier in {@link #suppliers()}.
   *
   * @param id the supplier's id
   * @return the position, or empty if it is not a candidate
   */
  public OptionalInt supplierIndex(OrganizationId id) {
    Integer i = supplierIndex.get(checkNotNull(id, "id"));
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
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
   * Returns the year in which ties count as prior relationships: those that started in or
   * before it.
   *
   * @return the year, or empty if every tie of the world counts
   */
  public OptionalInt year() {
    return year;
  }

  /**
   * Returns the organization that raised a need.
   *
   * @param need the need
   * @return the requester; the problem guarantees it is in the world
   */
  public Organization requester(Need need) {
    return world.require(need.requester());
  }

  /**
   * Great-circle distance between the prefectural offices of two organizations' prefectures.
   *
   * @param a one organization
   * @param b the other
   * @return kilometres, 0 within a prefecture
   */
  public double distanceKm(Organization a, Organization b) {
    return DISTANCE_KM[a.prefecture().ordinal()][b.prefecture().ordinal()];
  }

  /** The distance table of {@link #distanceKm(Organization, Organization)} by prefecture ordinals. */
  static double distanceKm(int prefectureA, int prefectureB) {
    return DISTANCE_KM[prefectureA][prefectureB];
  }

  /**
   * Returns the ties between two organizations in either direction that count as prior: all of
   * them, or those that started in or before {@link #year()}.
   *
   * @param a one organization
   * @param b the other
   * @return the ties, from {@code a}'s then to {@code a}'s, in canonical order
   */
  public ImmutableList<Relationship> priorTies(OrganizationId a, OrganizationId b) {
    checkNotNull(a, "a");
    checkNotNull(b, "b");
    if (!world.contains(a) || !world.contains(b)) {
      return ImmutableList.of();
    }
    return tiesBetween(a, b);
  }

  /**
   * Like {@link #priorTies(OrganizationId, OrganizationId)} for a candidate supplier and a
   * need's requester; answers at once for the many suppliers without ties.
   *
   * @param supplier a supplier
   * @param need a need
   * @return the ties between the supplier and the need's requester that count as prior
   */
  public ImmutableList<Relationship> priorTies(Organization supplier, Need need) {
    OptionalInt i = candidate(supplier);
    if (i.isPresent()) {
      BitSet untied = untiedSet;
      if (untied == null) {
        untied = allWhere(s -> world.tiesFrom(s.id()).isEmpty() && world.tiesTo(s.id()).isEmpty());
        untiedSet = untied;
      }
      if (untied.get(i.getAsInt())) {
        return ImmutableList.of();
      }
    }
    return priorTies(supplier.id(), need.requester());
  }

  /**
   * Visits the ties of a requester that count as prior and whose other end is a candidate, with
   * that candidate's index: together, for every candidate, exactly the ties
   * {@link #priorTies(Organization, Need)} returns for it and a need of that requester.
   */
  void forEachPriorTie(OrganizationId requester, ObjIntConsumer<Relationship> visitor) {
    forEachPriorTie(requester, r -> {
      Integer j = supplierIndex.get(r.from().equals(requester) ? r.to() : r.from());
      if (j != null) {
        visitor.accept(r, j);
      }
    });
  }

  /**
   * Visits every tie of an organization, in either direction, that counts as prior, whoever is
   * at its other end.
   */
  void forEachPriorTie(OrganizationId organization, Consumer<Relationship> visitor) {
    if (!world.contains(organization)) {
      return;
    }
    for (Relationship r : world.tiesFrom(organization)) {
      if (counts(r)) {
        visitor.accept(r);
      }
    }
    for (Relationship r : world.tiesTo(organization)) {
      if (counts(r)) {
        visitor.accept(r);
      }
    }
  }

  private ImmutableList<Relationship> tiesBetween(OrganizationId a, OrganizationId b) {
    ImmutableList.Builder<Relationship> ties = ImmutableList.builder();
    for (Relationship r : world.tiesFrom(a)) {
      if (r.to().equals(b) && counts(r)) {
        ties.add(r);
      }
    }
    for (Relationship r : world.tiesTo(a)) {
      if (r.from().equals(b) && counts(r)) {
        ties.add(r);
      }
    }
    return ties.build();
  }

  private boolean counts(Relationship r) {
    return year.isEmpty() || r.startYear() <= year.getAsInt();
  }

  /**
   * Whether a supplier is recommended by a hub of the support network: it is a hub itself or a
   * hub supports it (a SUPPORT tie from a hub that counts as prior).
   *
   * @param supplier the supplier
   * @return {@code true} if a hub stands behind it
   */
  public boolean hubBacked(Organization supplier) {
    OptionalInt i = candidate(supplier);
    return i.isPresent() ? hubBackedSuppliers().get(i.getAsInt()) : computeHubBacked(supplier);
  }

  /** The candidates a hub stands behind, by index; shared, callers must not change it. */
  BitSet hubBackedSuppliers() {
    BitSet b = hubBackedSet;
    if (b == null) {
      b = allWhere(this::computeHubBacked);
      hubBackedSet = b;
    }
    return b;
  }

  /** The supplier's index if it is this candidate (not just one with its id), for the caches. */
  private OptionalInt candidate(Organization supplier) {
    Integer i = candidateIndex.get(supplier);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  private boolean computeHubBacked(Organization supplier) {
    if (supplier.isHub()) {
      return true;
    }
    if (!world.contains(supplier.id())) {
      return false;
    }
    for (Relationship r : world.tiesTo(supplier.id())) {
      if (r.type() == RelationshipType.SUPPORT && counts(r) && world.require(r.from()).isHub()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a supplier has worked as a designer: it has reached the ODM stage or has a
   * horizontal supply tie (ODM, co-development) that counts as prior.
   *
   * @param supplier the supplier
   * @return {@code true} if it has horizontal experience
   */
  public boolean horizontallyExperienced(Organization supplier) {
    OptionalInt i = candidate(supplier);
    return i.isPresent() ? horizontalSuppliers().get(i.getAsInt()) : computeHorizontallyExperienced(supplier);
  }

  /** The candidates with horizontal experience, by index; shared, callers must not change it. */
  BitSet horizontalSuppliers() {
    BitSet b = horizontalSet;
    if (b == null) {
      b = allWhere(this::computeHorizontallyExperienced);
      horizontalSet = b;
    }
    return b;
  }

  private boolean computeHorizontallyExperienced(Organization supplier) {
    if (supplier.entryStage().isAtLeast(EntryStage.ODM)) {
      return true;
    }
    if (!world.contains(supplier.id())) {
      return false;
    }
    for (Relationship r : world.tiesFrom(supplier.id())) {
      if (r.type().isHorizontal() && counts(r)) {
        return true;
      }
    }
    return false;
  }

  private BitSet allWhere(Predicate<Organization> property) {
    BitSet set = new BitSet(suppliers.size());
    for (int i = 0; i < suppliers.size(); i++) {
      if (property.test(suppliers.get(i))) {
        set.set(i);
      }
    }
    return set;
  }

  /** All suppliers; a fresh set the caller may change. */
  BitSet allSuppliers() {
    BitSet all = new BitSet(suppliers.size());
    all.set(0, suppliers.size());
    return all;
  }

  /**
   * The suppliers with a property, computed once per key and shared: callers must not change
   * the returned set.
   */
  BitSet suppliersWhere(Object key, Predicate<Organization> property) {
    return cache.computeIfAbsent(key, k -> allWhere(property));
  }
}
