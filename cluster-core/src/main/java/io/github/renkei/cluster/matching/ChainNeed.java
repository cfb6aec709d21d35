package io.github.renkei.cluster.matching;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.model.Need;
import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.NeedKind;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.Problem;
import io.github.renkei.cluster.model.ProblemKind;
import io.github.renkei.cluster.model.ValidationException;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import io.github.renkei.cluster.regulation.DeviceClass;
import io.github.renkei.cluster.regulation.ManufacturingStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A need that takes several registered sites to meet: a device maker (or a hospital with a
 * marketing partner) needs, for one device, a design site, a main-assembly site, a sterilizer
 * and a final-storage site, each under its own PMD Act registration (医療機器製造業登録). A chain
 * is matched as a team: every {@link ChainRole} filled or none. Immutable; built with a
 * {@link Builder}.
 *
 * <pre>{@code
 * ChainNeed catheter = ChainNeed.builder(NeedId.of("chain-01"), OrganizationId.of("syn-maker-tokyo"))
 *     .description("single-use catheter, class II")
 *     .deviceClass(DeviceClass.II)
 *     .role(ChainRole.of(ManufacturingStep.DESIGN).withCapabilities(Capability.DESIGN_DEVELOPMENT))
 *     .role(ChainRole.of(ManufacturingStep.MAIN_ASSEMBLY).withCapabilities(Capability.CLEANROOM_ASSEMBLY))
 *     .role(ChainRole.of(ManufacturingStep.STERILIZATION).withCapabilities(Capability.STERILIZATION_EO))
 *     .build();
 * }</pre>
 *
 * <p><b>Roles as needs.</b> The constraints and scorers of single needs judge each role: a role
 * is seen as the {@linkplain #roleNeed(ManufacturingStep) need} {@code <chain id>/<STEP>} of
 * the same requester, with the role's capabilities and certifications and the chain's device
 * class, lot size and preferred region. Its kind is {@link NeedKind#ODM} for design (horizontal
 * work, which the horizontal-partnership scorer rewards) and {@link NeedKind#OEM} for the other
 * steps (contract work to the requester's design). The law is applied by the
 * {@link ChainProblem}, from the step, not from the kind.
 */
public final class ChainNeed {

  private final NeedId id;
  private final OrganizationId requester;
  private final String description;
  private final DeviceClass deviceClass;
  private final int lotSize;
  private final Prefecture preferredPrefecture;
  private final RegionBlock preferredBlock;
  private final ImmutableList<ChainRole> roles;
  private final ImmutableMap<ManufacturingStep, Need> roleNeeds;

  private ChainNeed(Builder b, ImmutableMap<ManufacturingStep, Need> roleNeeds) {
    this.id = b.id;
    this.requester = b.requester;
    this.description = b.description;
    this.deviceClass = b.deviceClass;
    this.lotSize = b.lotSize;
    this.preferredPrefecture = b.preferredPrefecture;
    this.preferredBlock = b.preferredBlock;
    this.roles = ImmutableList.copyOf(b.roles);
    this.roleNeeds = roleNeeds;
  }

  /**
   * Starts a builder.
   *
   * @param id the chain need's id; ids of chain needs and of needs share one space in results
   * @param requester the organization that raises it
   * @return a builder
   */
  public static Builder builder(NeedId id, OrganizationId requester) {
    return new Builder(id, requester);
  }

  /**
   * Returns the id.
   *
   * @return the id
   */
  public NeedId id() {
    return id;
  }

  /**
   * Returns the organization that raised the need.
   *
   * @return the requester's id
   */
  public OrganizationId requester() {
    return requester;
  }

  /**
   * Returns a free-text description.
   *
   * @return the description, or empty
   */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /**
   * Returns the class of the device; the regulatory profile's requirement of every role depends
   * on it.
   *
   * @return the class, or empty if unknown (the PMD Act profile then assumes class IV)
   */
  public Optional<DeviceClass> deviceClass() {
    return Optional.ofNullable(deviceClass);
  }

  /**
   * Returns the lot size every site of the chain must take.
   *
   * @return the lot size, or empty
   */
  public OptionalInt lotSize() {
    return lotSize < 0 ? OptionalInt.empty() : OptionalInt.of(lotSize);
  }

  /**
   * Returns the roles, in the order of the chain (for example design, main assembly,
   * sterilization).
   *
   * @return the roles, at least one, each step once
   */
  public ImmutableList<ChainRole> roles() {
    return roles;
  }

  /**
   * Returns the role for a step.
   *
   * @param step the step
   * @return the role, or empty if the chain has no such step
   */
  public Optional<ChainRole> role(ManufacturingStep step) {
    checkNotNull(step, "step");
    for (ChainRole r : roles) {
      if (r.step() == step) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the need that constraints and scorers see for one role (see the class comment).
   *
   * @param step one of the chain's steps
   * @return the role's need, with the id {@code <chain id>/<STEP>}
   * @throws IllegalArgumentException naming the need and the step if the chain has no such step
   */
  public Need roleNeed(ManufacturingStep step) {
    Need n = roleNeeds.get(checkNotNull(step, "step"));
    checkArgument(n != null, "chain need '%s' has no role %s (its roles: %s)", id, step, roleNeeds.keySet());
    return n;
  }

  /**
   * Returns the id of a role's need: the chain's id, a slash and the step.
   *
   * @param chain the chain need's id
   * @param step the step
   * @return for example {@code chain-01/STERILIZATION}
   */
  public static NeedId roleNeedId(NeedId chain, ManufacturingStep step) {
    return NeedId.of(checkNotNull(chain, "chain").value() + "/" + checkNotNull(step, "step").name());
  }

  /**
   * Returns the kind of a role's need: ODM for design, OEM for the other steps.
   *
   * @param step the step
   * @return the kind
   */
  public static NeedKind roleKind(ManufacturingStep step) {
    return step == ManufacturingStep.DESIGN ? NeedKind.ODM : NeedKind.OEM;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ChainNeed)) {
      return false;
    }
    ChainNeed c = (ChainNeed) o;
    return id.equals(c.id) && requester.equals(c.requester) && Objects.equals(description, c.description)
        && deviceClass == c.deviceClass && lotSize == c.lotSize && preferredPrefecture == c.preferredPrefecture
        && preferredBlock == c.preferredBlock && roles.equals(c.roles);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, requester, description, deviceClass, lotSize, preferredPrefecture, preferredBlock, roles);
  }

  /** Returns for example {@code chain-01 (class II): design -> main assembly -> sterilization}. */
  @Override
  public String toString() {
    return id + " (" + (deviceClass == null ? "class unknown" : "class " + deviceClass) + "): "
        + String.join(" -> ", roles.stream().map(ChainRole::toString).toList());
  }

  /** Builds a {@link ChainNeed}; {@link #build()} reports every problem together. Not thread-safe. */
  public static final class Builder {
    private final NeedId id;
    private final OrganizationId requester;
    private String description;
    private DeviceClass deviceClass;
    private int lotSize = -1;
    private boolean lotSizeSet;
    private Prefecture preferredPrefecture;
    private RegionBlock preferredBlock;
    private final List<ChainRole> roles = new ArrayList<>();

    private Builder(NeedId id, OrganizationId requester) {
      this.id = checkNotNull(id, "id");
      this.requester = checkNotNull(requester, "requester (chain need '%s')", id);
    }

    /**
     * Sets a free-text description.
     *
     * @param description the text, not blank (checked by {@link #build()})
     * @return this builder
     */
    public Builder description(String description) {
      this.description = checkNotNull(description, "description (chain need '%s')", id);
      return this;
    }

    /**
     * Sets the device class.
     *
     * @param deviceClass the class
     * @return this builder
     */
    public Builder deviceClass(DeviceClass deviceClass) {
      this.deviceClass = checkNotNull(deviceClass, "deviceClass (chain need '%s')", id);
      return this;
    }

    /**
     * Sets the lot size every site must take.
     *
     * @param lotSize units per order, {@code >= 1} (checked by {@link #build()})
     * @return this builder
     */
    public Builder lotSize(int lotSize) {
      this.lotSize = lotSize;
      this.lotSizeSet = true;
      return this;
    }

    /**
     * Sets the prefecture every site should be in.
     *
     * @param prefecture the prefecture
     * @return this builder
     */
    public Builder preferredPrefecture(Prefecture prefecture) {
      this.preferredPrefecture = checkNotNull(prefecture, "preferredPrefecture (chain need '%s')", id);
      return this;
    }

    /**
     * Sets the region block every site should be in.
     *
     * @param block the block
     * @return this builder
     */
    public Builder preferredBlock(RegionBlock block) {
      this.preferredBlock = checkNotNull(block, "preferredBlock (chain need '%s')", id);
      return this;
    }

    /**
     * Adds a role after the others.
     *
     * @param role the role
     * @return this builder
     */
    public Builder role(ChainRole role) {
      roles.add(checkNotNull(role, "role (chain need '%s')", id));
      return this;
    }

    /**
     * Adds roles after the others.
     *
     * @param roles the roles, in chain order
     * @return this builder
     */
    public Builder roles(ChainRole... roles) {
      checkNotNull(roles, "roles (chain need '%s')", id);
      Arrays.stream(roles).forEach(this::role);
      return this;
    }

    /**
     * Checks everything and builds the chain need.
     *
     * @return the chain need
     * @throws ValidationException listing every problem, each naming the need and, where it
     *     concerns one, the role: no roles, a step twice, a negative capacity use, a lot size
     *     below 1, a blank description
     */
    public ChainNeed build() {
      List<Problem> problems = new ArrayList<>();
      String me = "chain need '" + id + "'";
      if (roles.isEmpty()) {
        problems.add(Problem.of(ProblemKind.INVALID_VALUE, List.of(id.value()),
            me + " has no roles; a chain needs at least one (design, main assembly, sterilization, final storage)"));
      }
      Map<ManufacturingStep, Integer> seen = new EnumMap<>(ManufacturingStep.class);
      for (ChainRole r : roles) {
        if (seen.merge(r.step(), 1, Integer::sum) == 2) {
          problems.add(Problem.of(ProblemKind.DUPLICATE_ID, List.of(id.value(), r.step().name()),
              me + ", role " + r.step() + ": the step appears more than once; a chain fills each step with one site"));
        }
        if (r.capacityUse() < 0) {
          problems.add(Problem.of(ProblemKind.NEGATIVE_CAPACITY, List.of(id.value(), r.step().name()),
              me + ", role " + r.step() + ": capacity use must be >= 0 but was " + r.capacityUse()));
        }
      }
      if (lotSizeSet && lotSize < 1) {
        problems.add(Problem.of(ProblemKind.INVALID_VALUE, List.of(id.value()),
            me + ": lot size must be >= 1 but was " + lotSize));
      }
      if (description != null && description.isBlank()) {
        problems.add(Problem.of(ProblemKind.INVALID_VALUE, List.of(id.value()),
            me + ": description must not be blank but was '" + description + "'"));
      }
      if (!problems.isEmpty()) {
        throw new ValidationException(me, problems);
      }
      Map<ManufacturingStep, Need> needs = new EnumMap<>(ManufacturingStep.class);
      for (ChainRole r : roles) {
        Need.Builder n = Need.builder(roleNeedId(id, r.step()), requester, roleKind(r.step()))
            .description(ChainRole.nameOf(r.step()) + " for " + id)
            .requiredCapabilities(r.capabilities())
            .requiredCertifications(r.certifications());
        if (deviceClass != null) {
          n.deviceClass(deviceClass);
        }
        if (lotSizeSet) {
          n.lotSize(lotSize);
        }
        if (preferredPrefecture != null) {
          n.preferredPrefecture(preferredPrefecture);
        }
        if (preferredBlock != null) {
          n.preferredBlock(preferredBlock);
        }
        needs.put(r.step(), n.build());
      }
      return new ChainNeed(this, ImmutableMap.copyOf(needs));
    }
  }
}
