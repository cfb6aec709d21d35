package io.github.renkei.cluster.model;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.MoreObjects;
import com.google.common.collect.ImmutableSortedMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A funding program: who sponsors it, at which level of government, for what purpose, in which
 * fiscal years, with what budget per year, and who is eligible. Years and budgets are optional
 * because public sources often do not state them; an absent value means "not known", never
 * zero. Immutable; built with a {@link Builder}.
 *
 * <pre>{@code
 * FundingProgram p = FundingProgram.builder(ProgramId.of("amed-hub-autonomy"),
 *         "Regional hub autonomy programme", OrganizationId.of("amed"),
 *         FundingLevel.NATIONAL, FundingPurpose.NETWORK_BUILDING)
 *     .nativeName("地域連携拠点自立化推進事業")
 *     .firstYear(2021)
 *     .source("https://www.amed.go.jp/program/list/12/01/007_chiiki_r4_jigo.html")
 *     .build();
 * }</pre>
 *
 * <p>Years are Japanese fiscal years (April to March) named by the calendar year they start in.
 */
public final class FundingProgram {

  private static final int ABSENT = 0;

  private final ProgramId id;
  private final String name;
  private final String nativeName;
  private final OrganizationId sponsor;
  private final FundingLevel level;
  private final FundingPurpose purpose;
  private final int firstYear;
  private final int lastYear;
  private final ImmutableSortedMap<Integer, Long> budgets;
  private final Eligibility eligibility;
  private final String source;

  private FundingProgram(Builder b) {
    this.id = b.id;
    this.name = b.name;
    this.nativeName = b.nativeName;
    this.sponsor = b.sponsor;
    this.level = b.level;
    this.purpose = b.purpose;
    this.firstYear = b.firstYear;
    this.lastYear = b.lastYear;
    this.budgets = ImmutableSortedMap.copyOf(b.budgets);
    this.eligibility = b.eligibility;
    this.source = b.source;
  }

  /**
   * Starts a builder.
   *
   * @param id the program's id
   * @param name the name in Latin script
   * @param sponsor the organization that pays
   * @param level the level of government
   * @param purpose what it pays for
   * @return a builder
   */
  public static Builder builder(
      ProgramId id, String name, OrganizationId sponsor, FundingLevel level, FundingPurpose purpose) {
    return new Builder(id, name, sponsor, level, purpose);
  }

  /**
   * Returns a builder holding this program's fields.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(id, name, sponsor, level, purpose);
    b.nativeName = nativeName;
    b.firstYear = firstYear;
    b.lastYear = lastYear;
    b.budgets.putAll(budgets);
    b.eligibility = eligibility;
    b.source = source;
    return b;
  }

  /**
   * Returns the id.
   *
   * @return the id
   */
  public ProgramId id() {
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
   * Returns the name in native script, for example {@code 地域連携拠点自立化推進事業}.
   *
   * @return the native name, or empty
   */
  public Optional<String> nativeName() {
    return Optional.ofNullable(nativeName);
  }

  /**
   * Returns the sponsor.
   *
   * @return the id of the organization that pays
   */
  public OrganizationId sponsor() {
    return sponsor;
  }

  /**
   * Returns the level of government.
   *
   * @return the level
   */
  public FundingLevel level() {
    return level;
  }

  /**
   * Returns what the program pays for.
   *
   * @return the purpose
   */
  public FundingPurpose purpose() {
    return purpose;
  }

  /**
   * Returns the first fiscal year.
   *
   * @return the year, or empty if not known
   */
  public OptionalInt firstYear() {
    return firstYear == ABSENT ? OptionalInt.empty() : OptionalInt.of(firstYear);
  }

  /**
   * Returns the last fiscal year.
   *
   * @return the year, or empty if not known or still running
   */
  public OptionalInt lastYear() {
    return lastYear == ABSENT ? OptionalInt.empty() : OptionalInt.of(lastYear);
  }

  /**
   * Whether the program runs in a fiscal year. A program whose first year is not known is never
   * reported as running; one without a last year runs on.
   *
   * @param year the fiscal year
   * @return {@code true} if {@code firstYear <= year <= lastYear}
   */
  public boolean isActiveIn(int year) {
    return firstYear != ABSENT && firstYear <= year && (lastYear == ABSENT || year <= lastYear);
  }

  /**
   * Returns the known budgets by fiscal year, in yen.
   *
   * @return the budgets, ordered by year; years without a known budget are absent
   */
  public ImmutableSortedMap<Integer, Long> budgets() {
    return budgets;
  }

  /**
   * Returns the budget of a fiscal year.
   *
   * @param year the fiscal year
   * @return the budget in yen, or empty if not known
   */
  public OptionalLong budgetIn(int year) {
    Long b = budgets.get(year);
    return b == null ? OptionalLong.empty() : OptionalLong.of(b);
  }

  /**
   * Returns who may receive money.
   *
   * @return the eligibility
   */
  public Eligibility eligibility() {
    return eligibility;
  }

  /**
   * Returns where the program's facts come from (a URL or a citation).
   *
   * @return the source, or empty
   */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof FundingProgram)) {
      return false;
    }
    FundingProgram p = (FundingProgram) o;
    return id.equals(p.id)
        && name.equals(p.name)
        && Objects.equals(nativeName, p.nativeName)
        && sponsor.equals(p.sponsor)
        && level == p.level
        && purpose == p.purpose
        && firstYear == p.firstYear
        && lastYear == p.lastYear
        && budgets.equals(p.budgets)
        && eligibility.equals(p.eligibility)
        && Objects.equals(source, p.source);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, nativeName, sponsor, level, purpose, firstYear, lastYear,
        budgets, eligibility, source);
  }

  @Override
  public String toString() {
    MoreObjects.ToStringHelper s = MoreObjects.toStringHelper("FundingProgram").omitNullValues()
        .add("id", id)
        .add("name", name)
        .add("nativeName", nativeName)
        .add("sponsor", sponsor)
        .add("level", level)
        .add("purpose", purpose);
    if (firstYear != ABSENT || lastYear != ABSENT) {
      s.add("years", (firstYear == ABSENT ? "?" : firstYear) + "–" + (lastYear == ABSENT ? "" : lastYear));
    }
    if (!budgets.isEmpty()) {
      s.add("budgets", budgets);
    }
    if (!eligibility.equals(Eligibility.any())) {
      s.add("eligibility", eligibility);
    }
    return s.toString();
  }

  /**
   * Builds a {@link FundingProgram}; {@link #build()} reports every problem together, and the
   * builder can be handed unbuilt to {@link Cluster.Builder#add(Builder)}.
   */
  public static final class Builder {
    private final ProgramId id;
    private final String name;
    private final OrganizationId sponsor;
    private final FundingLevel level;
    private final FundingPurpose purpose;
    private String nativeName;
    private int firstYear = ABSENT;
    private int lastYear = ABSENT;
    private boolean firstSet;
    private boolean lastSet;
    private final TreeMap<Integer, Long> budgets = new TreeMap<>();
    private Eligibility eligibility = Eligibility.any();
    private String source;

    private Builder(
        ProgramId id, String name, OrganizationId sponsor, FundingLevel level, FundingPurpose purpose) {
      this.id = checkNotNull(id, "id");
      this.name = checkNotNull(name, "name (program '%s')", id);
      this.sponsor = checkNotNull(sponsor, "sponsor (program '%s')", id);
      this.level = checkNotNull(level, "level (program '%s')", id);
      this.purpose = checkNotNull(purpose, "purpose (program '%s')", id);
    }

    /**
     * Returns the id this builder builds.
     *
     * @return the id
     */
    public ProgramId id() {
      return id;
    }

    /**
     * Sets the name in native script.
     *
     * @param nativeName the name, not blank
     * @return this builder
     */
    public Builder nativeName(String nativeName) {
      this.nativeName = checkNotNull(nativeName, "nativeName (program '%s')", id);
      return this;
    }

    /**
     * Sets the first fiscal year.
     *
     * @param year the year, 1 to 9999
     * @return this builder
     */
    public Builder firstYear(int year) {
      this.firstYear = year;
      this.firstSet = true;
      return this;
    }

    /**
     * Sets the last fiscal year.
     *
     * @param year the year, not before the first year
     * @return this builder
     */
    public Builder lastYear(int year) {
      this.lastYear = year;
      this.lastSet = true;
      return this;
    }

    /**
     * Sets the budget of one fiscal year, replacing an earlier value for that year.
     *
     * @param year the fiscal year, within the active years if they are set
     * @param yen the budget in yen, {@code >= 0}
     * @return this builder
     */
    public Builder budget(int year, long yen) {
      budgets.put(year, yen);
      return this;
    }

    /**
     * Sets the budgets of several fiscal years, replacing earlier values for those years.
     *
     * @param yenByYear budgets in yen by fiscal year
     * @return this builder
     */
    public Builder budgets(Map<Integer, Long> yenByYear) {
      checkNotNull(yenByYear, "budgets (program '%s')", id);
      yenByYear.forEach((y, v) -> budget(
          checkNotNull(y, "a budget year (program '%s')", id),
          checkNotNull(v, "the budget of %s (program '%s')", y, id)));
      return this;
    }

    /**
     * Sets who may receive money.
     *
     * @param eligibility the eligibility
     * @return this builder
     */
    public Builder eligibility(Eligibility eligibility) {
      this.eligibility = checkNotNull(eligibility, "eligibility (program '%s')", id);
      return this;
    }

    /**
     * Sets where the program's facts come from.
     *
     * @param source a URL or citation, not blank
     * @return this builder
     */
    public Builder source(String source) {
      this.source = checkNotNull(source, "source (program '%s')", id);
      return this;
    }

    OrganizationId sponsor() {
      return sponsor;
    }

    List<Problem> problems() {
      Problems p = new Problems();
      String me = "program '" + id + "'";
      String idText = id.value();
      if (name.isBlank()) {
        p.add(ProblemKind.INVALID_VALUE, me + ": name must not be blank but was '" + name + "'", idText);
      }
      if (nativeName != null && nativeName.isBlank()) {
        p.add(ProblemKind.INVALID_VALUE, me + ": native name must not be blank", idText);
      }
      if (source != null && source.isBlank()) {
        p.add(ProblemKind.INVALID_VALUE, me + ": source must not be blank", idText);
      }
      if (firstSet) {
        p.year(firstYear, "first year", me, idText);
      }
      if (lastSet) {
        p.year(lastYear, "last year", me, idText);
      }
      boolean firstOk = firstSet && firstYear >= 1 && firstYear <= 9999;
      boolean lastOk = lastSet && lastYear >= 1 && lastYear <= 9999;
      if (firstOk && lastOk && lastYear < firstYear) {
        p.add(ProblemKind.END_BEFORE_START,
            me + ": last year " + lastYear + " is before first year " + firstYear, idText);
      }
      budgets.forEach((year, yen) -> {
        p.year(year, "budget year", me, idText);
        if (yen < 0) {
          p.add(ProblemKind.NEGATIVE_BUDGET,
              me + ": budget for " + year + " must be >= 0 but was " + yen, idText);
        }
        if ((firstOk && year < firstYear) || (lastOk && year > lastYear)) {
          p.add(ProblemKind.BUDGET_OUTSIDE_ACTIVE_YEARS,
              me + ": budget for " + year + " lies outside its active years "
                  + (firstOk ? firstYear : "?") + "–" + (lastOk ? lastYear : ""), idText);
        }
      });
      return p.list();
    }

    /**
     * Builds the program.
     *
     * @return the program
     * @throws ValidationException listing every problem (blank name, years out of range, last
     *     year before first, negative budget, budget outside the active years)
     */
    public FundingProgram build() {
      Problems.throwIfAny("program '" + id + "'", problems());
      return new FundingProgram(this);
    }
  }
}
