package io.github.renkei.cluster.model;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.MoreObjects;
import com.google.common.collect.ImmutableSortedSet;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import io.github.renkei.cluster.regulation.DeviceClass;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A demand for a supplier, raised by a hospital, a university or a device maker and brokered
 * by a support organization: what kind of work, which capabilities and certifications it
 * requires (all of them), the device class, the lot size, where the requester would like the
 * supplier to be, and by when. Immutable; built with a {@link Builder}.
 *
 * <pre>{@code
 * Need need = Need.builder(NeedId.of("n-001"), hospitalId, NeedKind.OEM)
 *     .description("single-use forceps, OEM")
 *     .requiredCapabilities(Capability.PRECISION_CUTTING, Capability.CLEANROOM_ASSEMBLY)
 *     .requiredCertifications(Certification.ISO_13485)
 *     .deviceClass(DeviceClass.II)
 *     .lotSize(5_000)
 *     .preferredBlock(RegionBlock.HOKKAIDO_TOHOKU)
 *     .build();
 * }</pre>
 */
public final class Need {

  private static final int ABSENT = -1;

  private final NeedId id;
  private final OrganizationId requester;
  private final NeedKind kind;
  private final String description;
  private final ImmutableSortedSet<Capability> requiredCapabilities;
  private final ImmutableSortedSet<Certification> requiredCertifications;
  private final DeviceClass deviceClass;
  private final int lotSize;
  private final Prefecture preferredPrefecture;
  private final RegionBlock preferredBlock;
  private final LocalDate deadline;
  private final OrganizationId addressedTo;

  private Need(Builder b) {
    this.id = b.id;
    this.requester = b.requester;
    this.kind = b.kind;
    this.description = b.description;
    this.requiredCapabilities = b.requiredCapabilities;
    this.requiredCertifications = b.requiredCertifications;
    this.deviceClass = b.deviceClass;
    this.lotSize = b.lotSize;
    this.preferredPrefecture = b.preferredPrefecture;
    this.preferredBlock = b.preferredBlock;
    this.deadline = b.deadline;
    this.addressedTo = b.addressedTo;
  }

  /**
   * Starts a builder.
   *
   * @param id the need's id
   * @param requester the organization that raises the need
   * @param kind what it asks for
   * @return a builder
   */
  public static Builder builder(NeedId id, OrganizationId requester, NeedKind kind) {
    return new Builder(id, requester, kind);
  }

  /**
   * Returns a builder holding this need's fields.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(id, requester, kind);
    b.description = description;
    b.requiredCapabilities = requiredCapabilities;
    b.requiredCertifications = requiredCertifications;
    b.deviceClass = deviceClass;
    b.lotSize = lotSize;
    b.preferredPrefecture = preferredPrefecture;
    b.preferredBlock = preferredBlock;
    b.deadline = deadline;
    b.addressedTo = addressedTo;
    return b;
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
   * Returns what the need asks for.
   *
   * @return the kind
   */
  public NeedKind kind() {
    return kind;
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
   * Returns the capabilities a supplier must all have.
   *
   * @return the capabilities, ordered by code
   */
  public ImmutableSortedSet<Capability> requiredCapabilities() {
    return requiredCapabilities;
  }

  /**
   * Returns the certifications a supplier must all hold.
   *
   * @return the certifications, ordered by code
   */
  public ImmutableSortedSet<Certification> requiredCertifications() {
    return requiredCertifications;
  }

  /**
   * Returns the class of the device concerned.
   *
   * @return the class, or empty if unknown or not a device
   */
  public Optional<DeviceClass> deviceClass() {
    return Optional.ofNullable(deviceClass);
  }

  /**
   * Returns the lot size (units per order).
   *
   * @return the lot size, {@code >= 1}, or empty if unspecified
   */
  public OptionalInt lotSize() {
    return lotSize == ABSENT ? OptionalInt.empty() : OptionalInt.of(lotSize);
  }

  /**
   * Returns the prefecture the requester would like the supplier to be in.
   *
   * @return the prefecture, or empty
   */
  public Optional<Prefecture> preferredPrefecture() {
    return Optional.ofNullable(preferredPrefecture);
  }

  /**
   * Returns the region block the requester would like the supplier to be in.
   *
   * @return the block, or empty
   */
  public Optional<RegionBlock> preferredBlock() {
    return Optional.ofNullable(preferredBlock);
  }

  /**
   * Returns the date by which the need should be met.
   *
   * @return the deadline, or empty
   */
  public Optional<LocalDate> deadline() {
    return Optional.ofNullable(deadline);
  }

  /**
   * Returns the organization the need is addressed to, if it was sent to one supplier rather
   * than brokered openly.
   *
   * @return the addressee, or empty for an open need
   */
  public Optional<OrganizationId> addressedTo() {
    return Optional.ofNullable(addressedTo);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Need)) {
      return false;
    }
    Need n = (Need) o;
    return id.equals(n.id)
        && requester.equals(n.requester)
        && kind == n.kind
        && Objects.equals(description, n.description)
        && requiredCapabilities.equals(n.requiredCapabilities)
        && requiredCertifications.equals(n.requiredCertifications)
        && deviceClass == n.deviceClass
        && lotSize == n.lotSize
        && preferredPrefecture == n.preferredPrefecture
        && preferredBlock == n.preferredBlock
        && Objects.equals(deadline, n.deadline)
        && Objects.equals(addressedTo, n.addressedTo);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, requester, kind, description, requiredCapabilities,
        requiredCertifications, deviceClass, lotSize, preferredPrefecture, preferredBlock,
        deadline, addressedTo);
  }

  @Override
  public String toString() {
    MoreObjects.ToStringHelper s = MoreObjects.toStringHelper("Need").omitNullValues()
        .add("id", id)
        .add("requester", requester)
        .add("kind", kind)
        .add("description", description);
    if (!requiredCapabilities.isEmpty()) {
      s.add("capabilities", requiredCapabilities);
    }
    if (!requiredCertifications.isEmpty()) {
      s.add("certifications", requiredCertifications);
    }
    s.add("class", deviceClass);
    if (lotSize != ABSENT) {
      s.add("lotSize", lotSize);
    }
    return s.add("prefecture", preferredPrefecture)
        .add("block", preferredBlock)
        .add("deadline", deadline)
        .add("addressedTo", addressedTo)
        .toString();
  }

  /**
   * Builds a {@link Need}; {@link #build()} reports every problem together, and the builder
   * can be handed unbuilt to {@link Cluster.Builder#add(Builder)}.
   */
  public static final class Builder {
    private final NeedId id;
    private final OrganizationId requester;
    private final NeedKind kind;
    private String description;
    private ImmutableSortedSet<Capability> requiredCapabilities = ImmutableSortedSet.of();
    private ImmutableSortedSet<Certification> requiredCertifications = ImmutableSortedSet.of();
    private DeviceClass deviceClass;
    private int lotSize = ABSENT;
    private boolean lotSizeSet;
    private Prefecture preferredPrefecture;
    private RegionBlock preferredBlock;
    private LocalDate deadline;
    private OrganizationId addressedTo;

    private Builder(NeedId id, OrganizationId requester, NeedKind kind) {
      this.id = checkNotNull(id, "id");
      this.requester = checkNotNull(requester, "requester (need '%s')", id);
      this.kind = checkNotNull(kind, "kind (need '%s')", id);
    }

    /**
     * Returns the id this builder builds.
     *
     * @return the id
     */
    public NeedId id() {
      return id;
    }

    /**
     * Sets a free-text description.
     *
     * @param description the text, not blank
     * @return this builder
     */
    public Builder description(String description) {
      this.description = checkNotNull(description, "description (need '%s')", id);
      return this;
    }

    /**
     * Sets the required capabilities, replacing earlier ones.
     *
     * @param capabilities the capabilities
     * @return this builder
     */
    public Builder requiredCapabilities(Capability... capabilities) {
      return requiredCapabilities(Arrays.asList(checkNotNull(capabilities, "capabilities")));
    }

    /**
     * Sets the required capabilities, replacing earlier ones.
     *
     * @param capabilities the capabilities
     * @return this builder
     */
    public Builder requiredCapabilities(Iterable<Capability> capabilities) {
      this.requiredCapabilities = ImmutableSortedSet.copyOf(noNulls(capabilities, "capabilities"));
      return this;
    }

    /**
     * Sets the required certifications, replacing earlier ones.
     *
     * @param certifications the certifications
     * @return this builder
     */
    public Builder requiredCertifications(Certification... certifications) {
      return requiredCertifications(Arrays.asList(checkNotNull(certifications, "certifications")));
    }

    /**
     * Sets the required certifications, replacing earlier ones.
     *
     * @param certifications the certifications
     * @return this builder
     */
    public Builder requiredCertifications(Iterable<Certification> certifications) {
      this.requiredCertifications =
          ImmutableSortedSet.copyOf(noNulls(certifications, "certifications"));
      return this;
    }

    /**
     * Sets the device class.
     *
     * @param deviceClass the class
     * @return this builder
     */
    public Builder deviceClass(DeviceClass deviceClass) {
      this.deviceClass = checkNotNull(deviceClass, "deviceClass (need '%s')", id);
      return this;
    }

    /**
     * Sets the lot size.
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
     * Sets the preferred prefecture of the supplier.
     *
     * @param prefecture the prefecture
     * @return this builder
     */
    public Builder preferredPrefecture(Prefecture prefecture) {
      this.preferredPrefecture = checkNotNull(prefecture, "preferredPrefecture (need '%s')", id);
      return this;
    }

    /**
     * Sets the preferred region block of the supplier.
     *
     * @param block the block
     * @return this builder
     */
    public Builder preferredBlock(RegionBlock block) {
      this.preferredBlock = checkNotNull(block, "preferredBlock (need '%s')", id);
      return this;
    }

    /**
     * Sets the deadline.
     *
     * @param deadline the date
     * @return this builder
     */
    public Builder deadline(LocalDate deadline) {
      this.deadline = checkNotNull(deadline, "deadline (need '%s')", id);
      return this;
    }

    /**
     * Addresses the need to one organization.
     *
     * @param organization the addressee; not the requester (checked by {@link #build()})
     * @return this builder
     */
    public Builder addressedTo(OrganizationId organization) {
      this.addressedTo = checkNotNull(organization, "addressedTo (need '%s')", id);
      return this;
    }

    OrganizationId requester() {
      return requester;
    }

    /** The addressee or null. */
    OrganizationId addressee() {
      return addressedTo;
    }

    private <T> Iterable<T> noNulls(Iterable<T> values, String field) {
      checkNotNull(values, "%s (need '%s')", field, id);
      for (T v : values) {
        checkNotNull(v, "an element of %s (need '%s')", field, id);
      }
      return values;
    }

    List<Problem> problems() {
      Problems p = new Problems();
      String me = "need '" + id + "'";
      if (description != null && description.isBlank()) {
        p.add(ProblemKind.INVALID_VALUE,
            me + ": description must not be blank but was '" + description + "'", id.value());
      }
      if (lotSizeSet && lotSize < 1) {
        p.add(ProblemKind.INVALID_VALUE, me + ": lot size must be >= 1 but was " + lotSize, id.value());
      }
      if (addressedTo != null && addressedTo.equals(requester)) {
        p.add(ProblemKind.NEED_ADDRESSED_TO_REQUESTER,
            me + ": addressed to its own requester '" + requester + "'", id.value(), requester.value());
      }
      return p.list();
    }

    /**
     * Builds the need.
     *
     * @return the need
     * @throws ValidationException listing every problem (blank description, lot size below 1,
     *     addressed to its own requester)
     */
    public Need build() {
      Problems.throwIfAny("need '" + id + "'", problems());
      return new Need(this);
    }
  }
}
