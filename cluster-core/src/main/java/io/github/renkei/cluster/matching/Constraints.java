package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSetMultimap;
import com.google.common.collect.Sets;
import com.google.common.collect.SetMultimap;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Certification;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.RelationshipType;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.regulation.DeviceClass;
import io.github.renkei.cluster.regulation.Requirement;
import io.github.renkei.cluster.regulation.Role;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The built-in {@link Constraint}s and a factory for one-line custom ones.
 *
 * <pre>{@code
 * List<Constraint> rules = ImmutableList.<Constraint>builder()
 *     .addAll(Constraints.standard())            // requester, addressee, capabilities, certifications,
 *                                                // regulation, lot size, preferred region
 *     .add(Constraints.withinKm(300))
 *     .add(Constraints.excludedPairs(conflictsOfInterest))
 *     .build();
 * }</pre>
 *
 * Every built-in constraint narrows candidates with precomputed supplier sets, so checking a
 * need against thousands of suppliers costs a few word operations per constraint.
 */
public final class Constraints {

  private Constraints() {}

  /**
   * A predicate on a pair, for {@link #of}.
   */
  @FunctionalInterface
  public interface PairPredicate {
    /**
     * Whether the supplier may take the need.
     *
     * @param need the need
     * @param supplier the supplier
     * @param context the context
     * @return {@code true} to admit the pair
     */
    boolean admits(Need need, Organization supplier, MatchContext context);
  }

  /**
   * The constraints a broker applies by default: the supplier is not the requester, is the
   * addressee if the need names one, has every required capability, holds every required
   * certification, holds what the regulatory profile demands for the role and class, takes the
   * lot size, and lies in the need's preferred prefecture or block (treated as a restriction).
   *
   * @return the standard constraints, in that order
   */
  public static ImmutableList<Constraint> standard() {
    return ImmutableList.of(notRequester(), addressee(), capabilitiesCovered(), certificationsHeld(),
        regulatoryRole(), lotSize(), preferredRegion());
  }

  /**
   * Returns a custom constraint.
   *
   * @param name its name
   * @param requirement what a supplier must be, completing "no supplier …"
   * @param predicate whether a pair is admitted
   * @return the constraint
   */
  public static Constraint of(String name, String requirement, PairPredicate predicate) {
    checkNotNull(name, "name");
    checkNotNull(requirement, "requirement");
    checkNotNull(predicate, "predicate");
    return new Named(name) {
      @Override
      public Optional<Violation> check(Need need, Organization supplier, MatchContext context) {
        return predicate.admits(need, supplier, context)
            ? Optional.empty()
            : violation("is not one that " + requirement);
      }

      @Override
      public String requirement(Need need, MatchContext context) {
        return requirement;
      }
    };
  }

  /**
   * The supplier is not the organization that raised the need.
   *
   * @return the constraint {@code not-requester}
   */
  public static Constraint notRequester() {
    return NotRequester.INSTANCE;
  }

  /**
   * If a need is addressed to one organization, only that organization may take it.
   *
   * @return the constraint {@code addressee}
   */
  public static Constraint addressee() {
    return Addressee.INSTANCE;
  }

  /**
   * The supplier has every capability the need requires.
   *
   * @return the constraint {@code capabilities}
   */
  public static Constraint capabilitiesCovered() {
    return CapabilitiesCovered.INSTANCE;
  }

  /**
   * The supplier holds every certification the need requires.
   *
   * @return the constraint {@code certifications}
   */
  public static Constraint certificationsHeld() {
    return CertificationsHeld.INSTANCE;
  }

  /**
   * The supplier holds what the context's regulatory profile demands for the role the need's
   * kind implies and the need's device class (for example, under the PMD Act, OEM of a class II
   * device demands a main-assembly manufacturer registration).
   *
   * @return the constraint {@code regulation}
   */
  public static Constraint regulatoryRole() {
    return RegulatoryRole.INSTANCE;
  }

  /**
   * The supplier takes the need's lot size (see {@link Organization#takesLotSize(int)}); needs
   * without a lot size pass.
   *
   * @return the constraint {@code lot-size}
   */
  public static Constraint lotSize() {
    return LotSize.INSTANCE;
  }

  /**
   * The supplier lies in the need's preferred prefecture and preferred block, where the need
   * names them.
   *
   * @return the constraint {@code preferred-region}
   */
  public static Constraint preferredRegion() {
    return PreferredRegion.INSTANCE;
  }

  /**
   * The supplier lies in the requester's prefecture.
   *
   * @return the constraint {@code same-prefecture}
   */
  public static Constraint samePrefecture() {
    return SamePrefecture.INSTANCE;
  }

  /**
   * The supplier lies in the requester's region block.
   *
   * @return the constraint {@code same-block}
   */
  public static Constraint sameBlock() {
    return SameBlock.INSTANCE;
  }

  /**
   * The supplier's prefectural office lies within a distance of the requester's.
   *
   * @param km the distance, finite and {@code >= 0}
   * @return the constraint {@code within-<km>-km}
   */
  public static Constraint withinKm(double km) {
    checkArgument(Double.isFinite(km) && km >= 0, "distance must be finite and >= 0 but was %s", km);
    return new WithinKm(km);
  }

  /**
   * Pairs that must not be matched, such as conflicts of interest: for each requester, the
   * suppliers it may not be matched with.
   *
   * @param requesterToSuppliers forbidden suppliers by requester
   * @return the constraint {@code excluded-pairs}
   */
  public static Constraint excludedPairs(SetMultimap<OrganizationId, OrganizationId> requesterToSuppliers) {
    return new ExcludedPairs(ImmutableSetMultimap.copyOf(checkNotNull(requesterToSuppliers, "requesterToSuppliers")));
  }

  /**
   * The supplier has a prior tie with the requester (in either direction, started in or before
   * the context's year) of one of the given types, or of any type if none are given.
   *
   * @param types the tie types that count
   * @return the constraint {@code prior-relationship-required}
   */
  public static Constraint priorRelationshipRequired(RelationshipType... types) {
    return new PriorRelationship(true, typeSet(types));
  }

  /**
   * The supplier has no prior tie with the requester of the given types (any type if none are
   * given): for example to bring new firms into the field.
   *
   * @param types the tie types that count
   * @return the constraint {@code prior-relationship-forbidden}
   */
  public static Constraint priorRelationshipForbidden(RelationshipType... types) {
    return new PriorRelationship(false, typeSet(types));
  }

  private static Set<RelationshipType> typeSet(RelationshipType... types) {
    checkNotNull(types, "types");
    return types.length == 0
        ? Sets.immutableEnumSet(EnumSet.allOf(RelationshipType.class))
        : Sets.immutableEnumSet(Arrays.asList(types));
  }

  /**
   * Whether a constraint's {@code restrict} is known to agree with its {@code check}: the
   * built-in ones (a property test checks every pair) and those made by {@link #of}, which
   * restrict by calling check.
   */
  static boolean restrictAgreesWithCheck(Constraint c) {
    return c instanceof Named;
  }

  // ------------------------------------------------------------------ implementations

  private abstract static class Named implements Constraint {
    private final String name;

    Named(String name) {
      this.name = name;
    }

    @Override
    public final String name() {
      return name;
    }

    Optional<Violation> violation(String reason) {
      return Optional.of(new Violation(name, reason));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final class NotRequester extends Named {
    static final NotRequester INSTANCE = new NotRequester();

    NotRequester() {
      super("not-requester");
    }

    @Override
    public Optional<Violation> check(Need need, Organization supplier, MatchContext context) {
      return supplier.id().equals(need.requester()) ? violation("is the requester") : Optional.empty();
    }

    @Override
    public void restrict(Need need, MatchContext context, BitSet candidates) {
      context.supplierIndex(need.requester()).ifPresent(candidates::clear);
    }

    @Override
    public String requirement(Need need, MatchContext context) {
      return "other than the requester " + need.requester();
    }
  }

  private static final class Addressee extends Named {
    static final Addressee INSTANCE = new Addressee();

    Addressee() {
      super("addressee");
    }

    @Override
    public Optional<Violation> check(Need need, Organization supplier, MatchContext context) {
      return need.addressedTo().isPresent() && !need.addressedTo().get().equals(supplier.id())
          ? violation("is not the addressee " + need.addressedTo().get())
          : Optional.empty();
    }

    @Override
    public void restrict(Need need, MatchContext context, BitSet candidates) {
      if (need.addressedTo().isEmpty()) {
        return;
      }
      OptionalInt i = context.supplierIndex(need.addressedTo().get());
      boolean keep = i.isPresent() && candidates.get(i.getAsInt());
      candidates.clear();
      if (keep) {
        candidates.set(i.getAsInt());
      }
    }

    @Override
    public String requirement(Need need, MatchContext context) {
      return need.addressedTo().map(a -> "is the addressee " + a).orElse("is any supplier");
    }
  }

  private static final class CapabilitiesCovered extends Named {
    static final CapabilitiesCovered INSTANCE = new CapabilitiesCovered();

    CapabilitiesCovered() {
      super("capabilities");
    }

    @Override
    public Optional<Violation> check(Need need, Organization supplier, MatchContext context) {
      List<Capability> missing = need.requiredCapabilities().stream()
          .filter(c -> !supplier.has(c)).collect(Collectors.toList());
      return missing.isEmpty() ? Optional.empty() : violation("lacks " + codes(missing));
    }

    @Override
    public void restrict(Need need, MatchContext context, BitSet candidates) {
      for (Capability c : need.requiredCapabilities()) {
        candidates.and(context.suppliersWhere(c, o -> o.has(c)));
      }
    }

    @Override
    public String requirement(Need need, MatchContext context) {
      return "has " + codes(need.requiredCapabilities());
    }
  }

  private static final class CertificationsHeld extends Named {
    static final CertificationsHeld INSTANCE = new CertificationsHeld();

    CertificationsHeld() {
      super("certifications");
    }

    @Override
    public Optional<Violation> check(Need need, Organization supplier, MatchContext context) {
      List<Certification> missing = need.requiredCertifications().stream()
          .filter(c -> !supplier.holds(c)).collect(Collectors.toList());
      return missing.isEmpty() ? Optional.empty() : violation("lacks " + codes(missing));
    }

    @Override
    public void restrict(Need need, MatchContext context, BitSet candidates) {
      for (Certification c : need.requiredCertifications()) {
        candidates.and(context.suppliersWhere(c, o -> o.holds(c)));
      }
    }

    @Override
    public String requirement(Need need, MatchContext context) {
      return "holds " + codes(need.requiredCertifications());
    }
  }

  private static final class RegulatoryRole extends Named {
    static final RegulatoryRole INSTANCE = new RegulatoryRole();

    RegulatoryRole() {
      super("regulation");
    }

    private static Requirement requirementOf(Need need, MatchContext context) {
      return context.regulation().requirement(need.kind().supplierRole(), need.deviceClass());
    }

    @Override
    public Optional<Violation> check(Need need, Organization supplier, MatchContext context) {
      Requirement r = requirementOf(need, context);
      return r.isSatisfiedBy(supplier.licences())
          ? Optional.empty()
          : violation("lacks " + r.unmet(supplier.licences()).stream()
              .map(c -> c.stream().map(l -> l.code()).collect(Collectors.joining(" or ")))
              .collect(Collectors.joining(" and ")) + " (" + roleText(need) + ")");
    }

    @Override
    public void restrict(Need need, MatchContext context, BitSet candidates) {
      Requirement r = requirementOf(need, context);
      if (!r.isNone()) {
        candidates.and(context.suppliersWhere(new RoleKey(need.kind().supplierRole(), need.deviceClass()),
            o -> r.isSatisfiedBy(o.licences())));
      }
    }

    @Override
    public String requirement(Need need, MatchContext context) {
      return "holds " + requirementOf(need, context) + " (" + roleText(need) + ")";
    }

    private static String roleText(Need need) {
      return need.kind() + need.deviceClass().map(c -> ", class " + c).orElse(", class unknown");
    }
  }

  /** Cache key of the suppliers allowed a role for a class. */
  private record RoleKey(Role role, Optional<DeviceClass> deviceClass) {}

  private static final class LotSize extends Named {
    static final LotSize INSTANCE = new LotSize();

    LotSize() {
      super("lot-size");
    }

    @Override
    public Optional<Violation> check(Need need, Organization supplier, MatchContext context) {
      OptionalInt lot = need.lotSize();
      return lot.isPresent() && !supplier.takesLotSize(lot.getAsInt())
          ? violation("takes lots of " + supplier.minLotSize().getAsInt() + "–" + supplier.maxLotSize().getAsInt()
              + ", not " + lot.getAsInt())
          : Optional.empty();
    }

    @Override
    public void restrict(Need need, MatchContext context, BitSet candidates) {
      if (need.lotSize().isEmpty()) {
        return;
      }
      int lot = need.lotSize().getAsInt();
      for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
        if (!context.suppliers().get(i).takesLotSize(lot)) {
          candidates.clear(i);
        }
      }
    }

    @Override
    public String requirement(Need need, MatchContext context) {
      return need.lotSize().isPresent() ? "takes lots of " + need.lotSize().getAsInt() : "takes any lot";
    }
  }

  private static final class PreferredRegion extends Named {
    static final PreferredRegion INSTANCE = new PreferredRegion();

    PreferredRegion() {
      super("preferred-region");
    }

    @Override
    public Optional<Violation> check(Need need, Organization supplier, MatchContext context) {
      if (need.preferredPrefecture().isPresent() && need.preferredPrefecture().get() != supplier.prefecture()) {
        return violation("is in " + supplier.prefecture().nameJa() + ", not " + need.preferredPrefecture().get().nameJa());
      }
      if (need.preferredBlock().isPresent() && need.preferredBlock().get() != supplier.block()) {
        return violation("is in " + supplier.block().nameJa() + ", not " + need.preferredBlock().get().nameJa());
      }
      return Optional.empty();
    }

    @Override
    public void restrict(Need need, MatchContext context, BitSet candidates) {
      need.preferredPrefecture().ifPresent(p -> candidates.and(context.suppliersWhere(p, o -> o.prefecture() == p)));
      need.preferredBlock().ifPresent(b -> candidates.and(context.suppliersWhere(b, o -> o.block() == b)));
    }

    @Override
    public String requirement(Need need, MatchContext context) {
      StringBuilder s = new StringBuilder();
      need.preferredPrefecture().ifPresent(p -> s.append("in ").append(p.nameJa()));
      need.preferredBlock().ifPresent(b -> s.append(s.length() > 0 ? " and " : "").append("in ").append(b.nameJa()));
      return s.length() > 0 ? s.toString() : "anywhere";
    }
  }

  private static final class SamePrefecture extends Named {
    static final SamePrefecture INSTANCE = new SamePrefecture();

    SamePrefecture() {
      super("same-prefecture");
    }

    @Override
    public Optional<Violation> check(Need need, Organization supplier, MatchContext context) {
      Prefecture p = context.requester(need).prefecture();
      return supplier.prefecture() == p
          ? Optional.empty()
          : violation("is in " + supplier.prefecture().nameJa() + ", not " + p.nameJa());
    }

    @Override
    public void restrict(Need need, MatchContext context, BitSet candidates) {
      Prefecture p = context.requester(need).prefecture();
      candidates.and(context.suppliersWhere(p, o -> o.prefecture() == p));
    }

    @Override
    public String requirement(Need need, MatchContext context) {
      return "in " + context.requester(need).prefecture().nameJa();
    }
  }

  private static final class SameBlock extends Named {
    static final SameBlock INSTANCE = new SameBlock();

    SameBlock() {
      super("same-block");
    }

    @Override
    public Optional<Violation> check(Need need, Organization supplier, MatchContext context) {
      var b = context.requester(need).block();
      return supplier.block() == b
          ? Optional.empty()
          : violation("is in " + supplier.block().nameJa() + ", not " + b.nameJa());
    }

    @Override
    public void restrict(Need need, MatchContext context, BitSet candidates) {
      var b = context.requester(need).block();
      candidates.and(context.suppliersWhere(b, o -> o.block() == b));
    }

    @Override
    public String requirement(Need need, MatchContext context) {
      return "in " + context.requester(need).block().nameJa();
    }
  }

  private static final class WithinKm extends Named {
    private final double km;

    WithinKm(double km) {
      super("within-" + (km == Math.rint(km) ? Long.toString((long) km) : Double.toString(km)) + "-km");
      this.km = km;
    }

    @Override
    public Optional<Violation> check(Need need, Organization supplier, MatchContext context) {
      double d = context.distanceKm(context.requester(need), supplier);
      return d <= km ? Optional.empty() : violation(String.format("is %.0f km away", d));
    }

    @Override
    public void restrict(Need need, MatchContext context, BitSet candidates) {
      Organization requester = context.requester(need);
      Prefecture home = requester.prefecture();
      candidates.and(context.suppliersWhere(new WithinKey(km, home),
          o -> context.distanceKm(requester, o) <= km));
    }

    @Override
    public String requirement(Need need, MatchContext context) {
      return "within " + name().replace("within-", "").replace("-km", "") + " km of "
          + context.requester(need).prefecture().nameJa();
    }
  }

  /** Cache key of the suppliers within a distance of a prefecture. */
  private record WithinKey(double km, Prefecture from) {}

  private static final class ExcludedPairs extends Named {
    private final ImmutableSetMultimap<OrganizationId, OrganizationId> excluded;

    ExcludedPairs(ImmutableSetMultimap<OrganizationId, OrganizationId> excluded) {
      super("excluded-pairs");
      this.excluded = excluded;
    }

    @Override
    public Optional<Violation> check(Need need, Organization supplier, MatchContext context) {
      return excluded.containsEntry(need.requester(), supplier.id())
          ? violation("is excluded for requester " + need.requester())
          : Optional.empty();
    }

    @Override
    public void restrict(Need need, MatchContext context, BitSet candidates) {
      for (OrganizationId s : excluded.get(need.requester())) {
        context.supplierIndex(s).ifPresent(candidates::clear);
      }
    }

    @Override
    public String requirement(Need need, MatchContext context) {
      return "is not excluded for " + need.requester();
    }
  }

  private static final class PriorRelationship extends Named {
    private final boolean required;
    private final Set<RelationshipType> types;

    PriorRelationship(boolean required, Set<RelationshipType> types) {
      super(required ? "prior-relationship-required" : "prior-relationship-forbidden");
      this.required = required;
      this.types = types;
    }

    private boolean tied(Need need, Organization supplier, MatchContext context) {
      return context.priorTies(supplier, need).stream().anyMatch(r -> types.contains(r.type()));
    }

    @Override
    public Optional<Violation> check(Need need, Organization supplier, MatchContext context) {
      boolean tied = tied(need, supplier, context);
      if (tied == required) {
        return Optional.empty();
      }
      return violation((required ? "has no prior tie with " : "already has a tie with ") + need.requester());
    }

    @Override
    public String requirement(Need need, MatchContext context) {
      return (required ? "has worked with " : "has not worked with ") + need.requester();
    }
  }

  private static String codes(java.util.Collection<?> values) {
    return values.stream().map(Object::toString).collect(Collectors.joining(" and "));
  }
}
