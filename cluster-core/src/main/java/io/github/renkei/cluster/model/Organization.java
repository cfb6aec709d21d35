package io.github.renkei.cluster.model;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.MoreObjects;
import com.google.common.collect.ImmutableSortedSet;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.RegionBlock;
import io.github.renkei.cluster.regulation.Licence;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An organization of the cluster: a firm, a university, a hospital, a government, a support
 * organization. Immutable and thread-safe; built with a {@link Builder}.
 *
 * <pre>{@code
 * Organization firm = Organization.builder(
 *         OrganizationId.of("aizu-precision"), "Aizu Precision",
 *         OrganizationType.SME_MANUFACTURER, Prefecture.FUKUSHIMA)
 *     .nativeName("会津精密")
 *     .capabilities(Capability.PRECISION_CUTTING, Capability.SURFACE_TREATMENT)
 *     .certifications(Certification.ISO_13485)
 *     .licences(JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY))
 *     .entryStage(EntryStage.OEM)
 *     .capacity(3)
 *     .employees(48)
 *     .foundedYear(1972)
 *     .build();
 * }</pre>
 *
 * <p>Two organizations are equal when every field is equal. The {@linkplain #sector() sector}
 * follows from the {@linkplain #type() type}.
 */
public final class Organization {

  private static final int ABSENT = -1;

  private final OrganizationId id;
  private final String name;
  private final String nativeName;
  private final OrganizationType type;
  private final Prefecture prefecture;
  private final ImmutableSortedSet<Capability> capabilities;
  private final ImmutableSortedSet<Certification> certifications;
  private final ImmutableSortedSet<Licence> licences;
  private final int capacity;
  private final int minLotSize;
  private final int maxLotSize;
  private final int employees;
  private final int foundedYear;
  private final EntryStage entryStage;
  private final boolean hub;
  private final Attributes attributes;
  private final int hash;

  private Organization(Builder b) {
    this.id = b.id;
    this.name = b.name;
    this.nativeName = b.nativeName;
    this.type = b.type;
    this.prefecture = b.prefecture;
    this.capabilities = b.capabilities;
    this.certifications = b.certifications;
    this.licences = b.licences;
    this.capacity = b.capacity;
    this.minLotSize = b.minLotSize;
    this.maxLotSize = b.maxLotSize;
    this.employees = b.employees;
    this.foundedYear = b.foundedYear;
    this.entryStage = b.entryStage;
    this.hub = b.hub;
    this.attributes = b.attributes;
    this.hash = Objects.hash(id, name, nativeName, type, prefecture, capabilities, certifications,
        licences, capacity, minLotSize, maxLotSize, employees, foundedYear, entryStage, hub, attributes);
  }

  /**
   * Starts a builder with the four fields every organization has.
   *
   * @param id the id
   * @param name the name in Latin script (English or romanized), not blank
   * @param type the type, which also gives the sector
   * @param prefecture where the organization is (its head office, or the site that matters)
   * @return a builder
   * @throws NullPointerException naming the parameter if one is null
   */
  public static Builder builder(
      OrganizationId id, String name, OrganizationType type, Prefecture prefecture) {
    return new Builder(id, name, type, prefecture);
  }

  /**
   * Returns a builder holding this organization's fields, to derive a changed copy.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(id, name, type, prefecture);
    b.nativeName = nativeName;
    b.capabilities = capabilities;
    b.certifications = certifications;
    b.licences = licences;
    b.capacity = capacity;
    b.minLotSize = minLotSize;
    b.maxLotSize = maxLotSize;
    b.lotSizesSet = minLotSize != ABSENT;
    b.employees = employees;
    b.foundedYear = foundedYear;
    b.entryStage = entryStage;
    b.hub = hub;
    b.attributes = attributes;
    return b;
  }

  /**
   * Returns the id.
   *
   * @return the id
   */
  public OrganizationId id() {
    return id;
  }

  /**
   * Returns the name in Latin script.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the name in its native script, for example {@code ふくしま医療機器産業推進機構}.
   *
   * @return the native name, or empty
   */
  public Optional<String> nativeName() {
    return Optional.ofNullable(nativeName);
  }

  /**
   * Returns the sector, given by the type.
   *
   * @return the sector
   */
  public Sector sector() {
    return type.sector();
  }

  /**
   * Returns the type.
   *
   * @return the type
   */
  public OrganizationType type() {
    return type;
  }

  /**
   * Returns the prefecture.
   *
   * @return the prefecture
   */
  public Prefecture prefecture() {
    return prefecture;
  }

  /**
   * Returns the region block of the prefecture, in the support network's convention.
   *
   * @return the block
   */
  public RegionBlock block() {
    return prefecture.block();
  }

  /**
   * Returns the capabilities, ordered by code.
   *
   * @return the capabilities
   */
  public ImmutableSortedSet<Capability> capabilities() {
    return capabilities;
  }

  /**
   * Returns the certifications, ordered by code.
   *
   * @return the certifications
   */
  public ImmutableSortedSet<Certification> certifications() {
    return certifications;
  }

  /**
   * Returns the licences and registrations a regulator granted, ordered by code.
   *
   * @return the licences
   */
  public ImmutableSortedSet<Licence> licences() {
    return licences;
  }

  /**
   * Returns how many contracts (matched needs) the organization can take at a time.
   *
   * @return the capacity, {@code >= 0}; 0 unless set
   */
  public int capacity() {
    return capacity;
  }

  /**
   * Returns the smallest lot (units per order) the organization takes.
   *
   * @return the smallest lot, {@code >= 1}, or empty if it takes any
   */
  public OptionalInt minLotSize() {
    return minLotSize == ABSENT ? OptionalInt.empty() : OptionalInt.of(minLotSize);
  }

  /**
   * Returns the largest lot (units per order) the organization takes.
   *
   * @return the largest lot, or empty if it takes any
   */
  public OptionalInt maxLotSize() {
    return maxLotSize == ABSENT ? OptionalInt.empty() : OptionalInt.of(maxLotSize);
  }

  /**
   * Whether the organization takes orders of a lot size.
   *
   * @param lotSize units per order
   * @return {@code true} if no range was set or the size lies in it
   */
  public boolean takesLotSize(int lotSize) {
    return minLotSize == ABSENT || (minLotSize <= lotSize && lotSize <= maxLotSize);
  }

  /**
   * Returns the number of employees.
   *
   * @return the number, or empty if unknown
   */
  public OptionalInt employees() {
    return employees == ABSENT ? OptionalInt.empty() : OptionalInt.of(employees);
  }

  /**
   * Returns the year the organization was founded.
   *
   * @return the year, or empty if unknown
   */
  public OptionalInt foundedYear() {
    return foundedYear == ABSENT ? OptionalInt.empty() : OptionalInt.of(foundedYear);
  }

  /**
   * Returns how far the organization has entered the medical-device field.
   *
   * @return the stage; {@link EntryStage#NONE} unless set
   */
  public EntryStage entryStage() {
    return entryStage;
  }

  /**
   * Whether the organization is a hub of the support network (★ in the seed's list: a
   * 地域連携拠点 of AMED's regional hub programme).
   *
   * @return {@code true} for a hub
   */
  public boolean isHub() {
    return hub;
  }

  /**
   * Returns the extension attributes.
   *
   * @return the attributes
   */
  public Attributes attributes() {
    return attributes;
  }

  /**
   * Returns one extension attribute.
   *
   * @param key the key
   * @param <T> the value type
   * @return the value, or empty if absent
   */
  public <T> Optional<T> attribute(AttributeKey<T> key) {
    return attributes.get(key);
  }

  /**
   * Whether the organization has a capability.
   *
   * @param capability the capability
   * @return {@code true} if it has it
   */
  public boolean has(Capability capability) {
    return capabilities.contains(capability);
  }

  /**
   * Whether the organization holds a certification.
   *
   * @param certification the certification
   * @return {@code true} if it holds it
   */
  public boolean holds(Certification certification) {
    return certifications.contains(certification);
  }

  /**
   * Whether the organization holds a licence or registration.
   *
   * @param licence the licence
   * @return {@code true} if it holds it
   */
  public boolean holds(Licence licence) {
    return licences.contains(licence);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Organization)) {
      return false;
    }
    Organization other = (Organization) o;
    return hash == other.hash
        && id.equals(other.id)
        && name.equals(other.name)
        && Objects.equals(nativeName, other.nativeName)
        && type == other.type
        && prefecture == other.prefecture
        && capabilities.equals(other.capabilities)
        && certifications.equals(other.certifications)
        && licences.equals(other.licences)
        && capacity == other.capacity
        && minLotSize == other.minLotSize
        && maxLotSize == other.maxLotSize
        && employees == other.employees
        && foundedYear == other.foundedYear
        && entryStage == other.entryStage
        && hub == other.hub
        && attributes.equals(other.attributes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    MoreObjects.ToStringHelper s = MoreObjects.toStringHelper("Organization").omitNullValues()
        .add("id", id)
        .add("name", name)
        .add("nativeName", nativeName)
        .add("type", type)
        .add("prefecture", prefecture);
    if (!capabilities.isEmpty()) {
      s.add("capabilities", capabilities);
    }
    if (!certifications.isEmpty()) {
      s.add("certifications", certifications);
    }
    if (!licences.isEmpty()) {
      s.add("licences", licences);
    }
    s.add("capacity", capacity);
    if (minLotSize != ABSENT) {
      s.add("lots", minLotSize + "–" + maxLotSize);
    }
    if (employees != ABSENT) {
      s.add("employees", employees);
    }
    if (foundedYear != ABSENT) {
      s.add("founded", foundedYear);
    }
    if (entryStage != EntryStage.NONE) {
      s.add("entryStage", entryStage);
    }
    if (hub) {
      s.add("hub", true);
    }
    if (!attributes.isEmpty()) {
      s.add("attributes", attributes);
    }
    return s.toString();
  }

  /**
   * Builds an {@link Organization}. Setters reject nulls at once; {@link #build()} checks the
   * values and reports every problem together. A builder can also be handed unbuilt to
   * {@link Cluster.Builder#add(Builder)}, so that a cluster lists its problems with all others.
   */
  public static final class Builder {
    private final OrganizationId id;
    private final String name;
    private final OrganizationType type;
    private final Prefecture prefecture;
    private String nativeName;
    private ImmutableSortedSet<Capability> capabilities = ImmutableSortedSet.of();
    private ImmutableSortedSet<Certification> certifications = ImmutableSortedSet.of();
    private ImmutableSortedSet<Licence> licences = ImmutableSortedSet.of();
    private int capacity;
    private int minLotSize = ABSENT;
    private int maxLotSize = ABSENT;
    private boolean lotSizesSet;
    private int employees = ABSENT;
    private int foundedYear = ABSENT;
    private boolean employeesSet;
    private boolean foundedYearSet;
    private EntryStage entryStage = EntryStage.NONE;
    private boolean hub;
    private Attributes attributes = Attributes.empty();

    private Builder(OrganizationId id, String name, OrganizationType type, Prefecture prefecture) {
      this.id = checkNotNull(id, "id");
      this.name = checkNotNull(name, "name (organization '%s')", id);
      this.type = checkNotNull(type, "type (organization '%s')", id);
      this.prefecture = checkNotNull(prefecture, "prefecture (organization '%s')", id);
    }

    /**
     * Returns the id this builder builds.
     *
     * @return the id
     */
    public OrganizationId id() {
      return id;
    }

    /**
     * Sets the name in native script.
     *
     * @param nativeName the name, not blank
     * @return this builder
     */
    public Builder nativeName(String nativeName) {
      this.nativeName = checkNotNull(nativeName, "nativeName (organization '%s')", id);
      return this;
    }

    /**
     * Sets the capabilities, replacing earlier ones.
     *
     * @param capabilities the capabilities
     * @return this builder
     */
    public Builder capabilities(Capability... capabilities) {
      return capabilities(Arrays.asList(checkNotNull(capabilities, "capabilities")));
    }

    /**
     * Sets the capabilities, replacing earlier ones.
     *
     * @param capabilities the capabilities
     * @return this builder
     */
    public Builder capabilities(Iterable<Capability> capabilities) {
      this.capabilities = ImmutableSortedSet.copyOf(
          noNulls(capabilities, "capabilities"));
      return this;
    }

    /**
     * Sets the certifications, replacing earlier ones.
     *
     * @param certifications the certifications
     * @return this builder
     */
    public Builder certifications(Certification... certifications) {
      return certifications(Arrays.asList(checkNotNull(certifications, "certifications")));
    }

    /**
     * Sets the certifications, replacing earlier ones.
     *
     * @param certifications the certifications
     * @return this builder
     */
    public Builder certifications(Iterable<Certification> certifications) {
      this.certifications = ImmutableSortedSet.copyOf(noNulls(certifications, "certifications"));
      return this;
    }

    /**
     * Sets the licences and registrations, replacing earlier ones.
     *
     * @param licences the licences
     * @return this builder
     */
    public Builder licences(Licence... licences) {
      return licences(Arrays.asList(checkNotNull(licences, "licences")));
    }

    /**
     * Sets the licences and registrations, replacing earlier ones.
     *
     * @param licences the licences
     * @return this builder
     */
    public Builder licences(Iterable<Licence> licences) {
      this.licences = ImmutableSortedSet.copyOf(noNulls(licences, "licences"));
      return this;
    }

    /**
     * Sets the capacity: how many contracts the organization can take at a time.
     *
     * @param capacity the capacity, {@code >= 0} (checked by {@link #build()})
     * @return this builder
     */
    public Builder capacity(int capacity) {
      this.capacity = capacity;
      return this;
    }

    /**
     * Sets the range of lot sizes (units per order) the organization takes; without it, it
     * takes any.
     *
     * @param min the smallest lot, {@code >= 1} (checked by {@link #build()})
     * @param max the largest lot, {@code >= min}
     * @return this builder
     */
    public Builder lotSizes(int min, int max) {
      this.minLotSize = min;
      this.maxLotSize = max;
      this.lotSizesSet = true;
      return this;
    }

    /**
     * Sets the number of employees.
     *
     * @param employees the number, {@code >= 0} (checked by {@link #build()})
     * @return this builder
     */
    public Builder employees(int employees) {
      this.employees = employees;
      this.employeesSet = true;
      return this;
    }

    /**
     * Sets the founding year.
     *
     * @param year the year, 1 to 9999 (checked by {@link #build()})
     * @return this builder
     */
    public Builder foundedYear(int year) {
      this.foundedYear = year;
      this.foundedYearSet = true;
      return this;
    }

    /**
     * Sets the entry stage in the medical-device field.
     *
     * @param entryStage the stage
     * @return this builder
     */
    public Builder entryStage(EntryStage entryStage) {
      this.entryStage = checkNotNull(entryStage, "entryStage (organization '%s')", id);
      return this;
    }

    /**
     * Marks the organization as a hub of the support network, or not.
     *
     * @param hub whether it is a hub
     * @return this builder
     */
    public Builder hub(boolean hub) {
      this.hub = hub;
      return this;
    }

    /**
     * Sets an extension attribute.
     *
     * @param key the key
     * @param value the value, of the key's type
     * @param <T> the value type
     * @return this builder
     */
    public <T> Builder attribute(AttributeKey<T> key, T value) {
      this.attributes = attributes.with(key, value);
      return this;
    }

    /**
     * Sets all extension attributes, replacing earlier ones.
     *
     * @param attributes the attributes
     * @return this builder
     */
    public Builder attributes(Attributes attributes) {
      this.attributes = checkNotNull(attributes, "attributes (organization '%s')", id);
      return this;
    }

    private <T> Iterable<T> noNulls(Iterable<T> values, String field) {
      checkNotNull(values, "%s (organization '%s')", field, id);
      for (T v : values) {
        checkNotNull(v, "an element of %s (organization '%s')", field, id);
      }
      return values;
    }

    List<Problem> problems() {
      Problems p = new Problems();
      String me = "organization '" + id + "'";
      String idText = id.value();
      if (name.isBlank()) {
        p.add(ProblemKind.INVALID_VALUE, me + ": name must not be blank but was '" + name + "'", idText);
      }
      if (nativeName != null && nativeName.isBlank()) {
        p.add(ProblemKind.INVALID_VALUE,
            me + ": native name must not be blank but was '" + nativeName + "'", idText);
      }
      if (capacity < 0) {
        p.add(ProblemKind.NEGATIVE_CAPACITY, me + ": capacity must be >= 0 but was " + capacity, idText);
      }
      if (lotSizesSet && (minLotSize < 1 || maxLotSize < minLotSize)) {
        p.add(ProblemKind.INVALID_VALUE, me + ": lot sizes must satisfy 1 <= min <= max but were ["
            + minLotSize + ", " + maxLotSize + "]", idText);
      }
      if (employeesSet && employees < 0) {
        p.add(ProblemKind.NEGATIVE_COUNT, me + ": employees must be >= 0 but was " + employees, idText);
      }
      if (foundedYearSet) {
        p.year(foundedYear, "founded year", me, idText);
      }
      return p.list();
    }

    /**
     * Builds the organization.
     *
     * @return the organization
     * @throws ValidationException listing every problem (blank name, negative capacity or
     *     employees, a lot-size range that is empty or starts below 1, founded year outside 1 to
     *     9999)
     */
    public Organization build() {
      Problems.throwIfAny("organization '" + id + "'", problems());
      return new Organization(this);
    }
  }
}
