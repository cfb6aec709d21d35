package io.github.renkei.cluster.funding;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Maps;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.FundingLevel;
import io.github.renkei.cluster.model.FundingProgram;
import io.github.renkei.cluster.model.FundingPurpose;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.ProgramId;
import io.github.renkei.cluster.model.Relationship;
import io.github.renkei.cluster.model.RelationshipType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A funding portfolio over fiscal years: which {@link FundingProgram}s run in each year, by
 * level of government and by purpose; the balance of national and prefectural money; the gaps
 * and cliffs where funding for a purpose stops; how much a year depends on one program; and
 * which programs overlap. Immutable and thread-safe; every result is an immutable value.
 *
 * <pre>{@code
 * FundingPortfolio catalog = FundingPortfolio.of(Catalog.nationwide().programs());
 * System.out.println(catalog.table());
 *
 * FundingPortfolio fukushima = FundingPortfolio.of(FukushimaSample.cluster());
 * fukushima.balance(2013);          // NATIONAL 75% (3), PREFECTURAL 25% (1), ...
 * fukushima.gaps();                 // [PARTS_SUPPLY_OEM 2002–2004 (BEFORE_FIRST), ...]
 *
 * FundingPortfolio prefecture = FundingPortfolio.reaching(FukushimaSample.cluster(), FukushimaSample.PREFECTURE)
 *     .over(2010, 2016);
 * prefecture.cliffs();              // MEXT's money, reaching the prefecture 2010–2012, stops in 2012
 * }</pre>
 *
 * <h2>Why</h2>
 * The seed's cluster plan is subtitled 「国費と県費をバランスよく獲得し、戦略的に拠点づくりを展開」
 * ("obtain national and prefectural money in good balance, and build hubs strategically"; seed
 * document 000_773182affb2d818d.txt, line 15), and among the support system's problems it lists
 * 「予算を継続して確保しにくい」 ("budgets are hard to secure continuously", line 109) before
 * asking for 「持続可能な支援ネットワークの構築」 ("a sustainable support network", line 211).
 * {@link #balance} measures the first; {@link #gaps}, {@link #cliffs} and {@link #dependence}
 * the second: support that must outlast single budgets.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Years.</b> Years are Japanese fiscal years, as in {@link FundingProgram}. The
 *       portfolio's {@link #years()} run from the earliest known first year to the latest
 *       known year of any program (first, last or budget year), or are set with
 *       {@link #over}. Programs without a last year are ongoing: active to the end of the
 *       years, never a cliff. Every year must lie in {@value #EARLIEST_YEAR}–{@value #LATEST_YEAR}
 *       (from the Meiji government's first budgets to well beyond any plan), so a typo such
 *       as 20015 fails fast instead of producing a table of eighteen thousand rows.
 *   <li><b>Unknown years.</b> A program whose first year is not known is never counted as
 *       active (as in {@link FundingProgram#isActiveIn}); it is listed by
 *       {@link #yearsUnknown()} and in {@link #table()}, never silently dropped.
 *   <li><b>Unknown budgets.</b> A budget that no source states is unknown, never zero:
 *       every {@link Tally} counts the programs whose budget is unknown, and budget shares
 *       say whether they are complete.
 *   <li><b>Bad input.</b> Unknown program or organization ids, years outside the portfolio's
 *       years or outside {@value #EARLIEST_YEAR}–{@value #LATEST_YEAR}, inverted ranges and
 *       duplicate ids throw {@link IllegalArgumentException} naming the value.
 *   <li><b>Deterministic.</b> Programs are kept in id order, so the order they are given in
 *       never changes a result.
 * </ul>
 */
public final class FundingPortfolio {

  /** The earliest fiscal year a portfolio accepts: 1868, the first year of Meiji. */
  public static final int EARLIEST_YEAR = 1868;

  /** The latest fiscal year a portfolio accepts. */
  public static final int LATEST_YEAR = 2200;

  /** The default share above which a year {@linkplain Dependence#dependsOnOneProgram() depends on one program}: more than half. */
  public static final double DEFAULT_DEPENDENCE_THRESHOLD = 0.5;

  private final ImmutableSortedMap<ProgramId, FundingProgram> programs;
  private final ImmutableList<FundingProgram> dated;
  private final ImmutableList<FundingProgram> yearsUnknown;
  /** The portfolio's years; null when no program has a known first year and none were set. */
  private final YearRange years;
  private final boolean yearsSet;
  private final ImmutableList<YearRow> rows;

  private FundingPortfolio(ImmutableSortedMap<ProgramId, FundingProgram> programs, YearRange set) {
    for (FundingProgram p : programs.values()) {
      p.firstYear().ifPresent(y -> checkProgramYear(p, "first year", y));
      p.lastYear().ifPresent(y -> checkProgramYear(p, "last year", y));
      p.budgets().keySet().forEach(y -> checkProgramYear(p, "budget year", y));
    }
    this.programs = programs;
    this.dated = programs.values().stream().filter(p -> p.firstYear().isPresent())
        .collect(ImmutableList.toImmutableList());
    this.yearsUnknown = programs.values().stream().filter(p -> p.firstYear().isEmpty())
        .collect(ImmutableList.toImmutableList());
    this.yearsSet = set != null;
    this.years = set != null ? set : knownYears(dated);
    this.rows = years == null ? ImmutableList.of() : rows(years, dated);
  }

  private static void checkProgramYear(FundingProgram p, String what, int year) {
    checkArgument(year >= EARLIEST_YEAR && year <= LATEST_YEAR,
        "program '%s': %s %s is outside the years a portfolio accepts, %s–%s", p.id(), what, year,
        EARLIEST_YEAR, LATEST_YEAR);
  }

  private static YearRange knownYears(List<FundingProgram> dated) {
    if (dated.isEmpty()) {
      return null;
    }
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    for (FundingProgram p : dated) {
      int f = p.firstYear().getAsInt();
      first = Math.min(first, f);
      last = Math.max(last, f);
      if (p.lastYear().isPresent()) {
        last = Math.max(last, p.lastYear().getAsInt());
      }
      if (!p.budgets().isEmpty()) {
        last = Math.max(last, p.budgets().lastKey());
      }
    }
    return YearRange.of(first, last);
  }

  private static ImmutableList<YearRow> rows(YearRange years, List<FundingProgram> dated) {
    ImmutableList.Builder<YearRow> rows = ImmutableList.builderWithExpectedSize(years.length());
    for (int y = years.first(); y <= years.last(); y++) {
      EnumMap<FundingLevel, Tally> byLevel = new EnumMap<>(FundingLevel.class);
      EnumMap<FundingPurpose, Tally> byPurpose = new EnumMap<>(FundingPurpose.class);
      for (FundingLevel l : FundingLevel.values()) {
        byLevel.put(l, Tally.ZERO);
      }
      for (FundingPurpose p : FundingPurpose.values()) {
        byPurpose.put(p, Tally.ZERO);
      }
      ImmutableList.Builder<FundingProgram> active = ImmutableList.builder();
      for (FundingProgram p : dated) {
        if (p.isActiveIn(y)) {
          active.add(p);
          Tally t = Tally.of(p.budgetIn(y));
          try {
            byLevel.merge(p.level(), t, Tally::plus);
            byPurpose.merge(p.purpose(), t, Tally::plus);
          } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the known budgets of " + y + " sum to more than "
                + Long.MAX_VALUE + " yen (at program '" + p.id() + "')", e);
          }
        }
      }
      YearRow row = new YearRow(y, active.build(), Maps.immutableEnumMap(byLevel), Maps.immutableEnumMap(byPurpose));
      try {
        row.total();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("the known budgets of " + y + " sum to more than " + Long.MAX_VALUE + " yen", e);
      }
      rows.add(row);
    }
    return rows.build();
  }

  // ---------------------------------------------------------------- factories

  /**
   * Returns the portfolio of some programs.
   *
   * @param programs the programs, with distinct ids, in any order
   * @return the portfolio
   * @throws IllegalArgumentException naming the id of a duplicate, or the program and year of a
   *     year outside {@value #EARLIEST_YEAR}–{@value #LATEST_YEAR}
   */
  public static FundingPortfolio of(Iterable<FundingProgram> programs) {
    checkNotNull(programs, "programs");
    TreeMap<ProgramId, FundingProgram> map = new TreeMap<>();
    for (FundingProgram p : programs) {
      checkNotNull(p, "programs must not contain null");
      checkArgument(map.putIfAbsent(p.id(), p) == null, "duplicate program id '%s'", p.id());
    }
    return new FundingPortfolio(ImmutableSortedMap.copyOfSorted(map), null);
  }

  /**
   * Returns the portfolio of every program of a cluster.
   *
   * @param cluster the cluster
   * @return the portfolio
   * @throws IllegalArgumentException naming the program and year of a year outside
   *     {@value #EARLIEST_YEAR}–{@value #LATEST_YEAR}
   */
  public static FundingPortfolio of(Cluster cluster) {
    return of(checkNotNull(cluster, "cluster").programs());
  }

  /**
   * Returns the portfolio of the programs an organization of a cluster sponsors (pays for),
   * for example what a prefecture funds from its own budget.
   *
   * @param cluster the cluster
   * @param sponsor the organization
   * @return the portfolio, empty if the organization sponsors nothing
   * @throws IllegalArgumentException naming the id if the cluster has no such organization
   */
  public static FundingPortfolio sponsoredBy(Cluster cluster, OrganizationId sponsor) {
    checkKnown(cluster, sponsor);
    return of(cluster.programs().stream().filter(p -> p.sponsor().equals(sponsor)).collect(Collectors.toList()));
  }

  /**
   * Returns the portfolio of the programs that reach an organization of a cluster: the money
   * coming in, as opposed to {@link #sponsoredBy} going out.
   *
   * <p>The model records who pays whom as {@link RelationshipType#FUNDING} ties from a funder
   * to a funded organization, and who pays for a program as its
   * {@link FundingProgram#sponsor() sponsor}; a tie does not name the program. So a program
   * reaches the organization when its sponsor has a FUNDING tie to it, and only in the years
   * both are active: each program appears with its years cut to the tie's years, and with its
   * budgets of those years. Consequences, all deliberate:
   * <ul>
   *   <li>A sponsor with several programs is assumed to fund the organization through each of
   *       them that is active while the tie is: an upper bound of what reached it.
   *   <li>Budgets remain the programs' budgets, not the amounts the organization received,
   *       which the model does not know.
   *   <li>A program whose years are cut where the tie ends ends there for the organization, so
   *       a tie that ends makes a {@link #cliffs() cliff} even if the program went on elsewhere.
   *   <li>If the sponsor's ties reach the organization in disjoint runs of years, the program
   *       appears once per run, the ids suffixed with {@code @} and the run's first year
   *       ({@code mext-regional-innovation-cluster@2015}).
   *   <li>A program whose first year is not known appears unchanged, among the
   *       {@link #yearsUnknown()}, unless it is known to have ended before every tie started.
   *   <li>Ties from organizations that sponsor no program contribute nothing: the model knows
   *       no level or purpose for that money.
   * </ul>
   *
   * <pre>{@code
   * FundingPortfolio.reaching(FukushimaSample.cluster(), FukushimaSample.PROMOTION_ORGANIZATION);
   *   // the prefecture's project from 2013 (the organization's founding) and AMED's hub programme from 2021
   * }</pre>
   *
   * @param cluster the cluster
   * @param recipient the organization the money reaches
   * @return the portfolio, empty if no FUNDING tie from a sponsor reaches the organization
   * @throws IllegalArgumentException naming the id if the cluster has no such organization
   */
  public static FundingPortfolio reaching(Cluster cluster, OrganizationId recipient) {
    checkKnown(cluster, recipient);
    Map<OrganizationId, List<Relationship>> tiesBySponsor = new LinkedHashMap<>();
    for (Relationship r : cluster.tiesTo(recipient)) {
      if (r.type() == RelationshipType.FUNDING) {
        tiesBySponsor.computeIfAbsent(r.from(), k -> new ArrayList<>()).add(r);
      }
    }
    List<FundingProgram> reached = new ArrayList<>();
    for (FundingProgram p : cluster.programs()) {
      List<Relationship> ties = tiesBySponsor.get(p.sponsor());
      if (ties != null) {
        reached.addAll(cut(p, ties));
      }
    }
    return of(reached);
  }

  private static final int OPEN = Integer.MAX_VALUE;

  /** The program as it reaches a recipient through ties: once per disjoint run of years. */
  private static List<FundingProgram> cut(FundingProgram p, List<Relationship> ties) {
    if (p.firstYear().isEmpty()) {
      boolean mayReach = ties.stream().anyMatch(t -> p.lastYear().isEmpty() || p.lastYear().getAsInt() >= t.startYear());
      return mayReach ? List.of(p) : List.of();
    }
    int programFirst = p.firstYear().getAsInt();
    int programLast = p.lastYear().orElse(OPEN);
    List<int[]> runs = new ArrayList<>();
    for (Relationship t : ties) {
      int from = Math.max(programFirst, t.startYear());
      int to = Math.min(programLast, t.endYear().orElse(OPEN));
      if (from <= to) {
        runs.add(new int[] {from, to});
      }
    }
    runs.sort(Comparator.comparingInt((int[] r) -> r[0]));
    List<int[]> merged = new ArrayList<>();
    for (int[] r : runs) {
      int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && (last[1] == OPEN || r[0] <= last[1] + 1)) {
        last[1] = Math.max(last[1], r[1]);
      } else {
        merged.add(r);
      }
    }
    List<FundingProgram> out = new ArrayList<>();
    for (int[] r : merged) {
      ProgramId id = merged.size() == 1 ? p.id() : ProgramId.of(p.id().value() + "@" + r[0]);
      FundingProgram.Builder b = FundingProgram.builder(id, p.name(), p.sponsor(), p.level(), p.purpose())
          .eligibility(p.eligibility())
          .firstYear(r[0]);
      if (r[1] != OPEN) {
        b.lastYear(r[1]);
      }
      p.nativeName().ifPresent(b::nativeName);
      p.source().ifPresent(b::source);
      p.budgets().forEach((year, yen) -> {
        if (year >= r[0] && year <= r[1]) {
          b.budget(year, yen);
        }
      });
      out.add(b.build());
    }
    return out;
  }

  private static void checkKnown(Cluster cluster, OrganizationId id) {
    checkNotNull(cluster, "cluster");
    checkNotNull(id, "organization id");
    checkArgument(cluster.contains(id), "unknown organization '%s': the cluster has no organization with that id", id);
  }

  // ---------------------------------------------------------------- derived portfolios

  /**
   * Returns the same programs over set years, for example to look beyond the latest known year
   * or to compare two portfolios over the same years.
   *
   * @param first the first fiscal year
   * @param last the last fiscal year, not before the first
   * @return the portfolio over those years
   * @throws IllegalArgumentException naming the years if they are inverted or outside
   *     {@value #EARLIEST_YEAR}–{@value #LATEST_YEAR}
   */
  public FundingPortfolio over(int first, int last) {
    checkSane(first, "first year");
    checkSane(last, "last year");
    checkArgument(first <= last, "the first year %s is after the last year %s", first, last);
    return new FundingPortfolio(programs, YearRange.of(first, last));
  }

  private static void checkSane(int year, String what) {
    checkArgument(year >= EARLIEST_YEAR && year <= LATEST_YEAR,
        "%s %s is outside the years a portfolio accepts, %s–%s", what, year, EARLIEST_YEAR, LATEST_YEAR);
  }

  /**
   * Returns the portfolio with a program added, or replacing the one with its id — for
   * what-if questions such as "what if this program ended in 2015?". Years set with
   * {@link #over} are kept.
   *
   * @param program the program
   * @return the new portfolio
   * @throws IllegalArgumentException naming the program and year of a year outside
   *     {@value #EARLIEST_YEAR}–{@value #LATEST_YEAR}
   */
  public FundingPortfolio withProgram(FundingProgram program) {
    checkNotNull(program, "program");
    TreeMap<ProgramId, FundingProgram> map = new TreeMap<>(programs);
    map.put(program.id(), program);
    return new FundingPortfolio(ImmutableSortedMap.copyOfSorted(map), yearsSet ? years : null);
  }

  /**
   * Returns the portfolio without a program. Years set with {@link #over} are kept.
   *
   * @param id the program's id
   * @return the new portfolio
   * @throws IllegalArgumentException naming the id if the portfolio has no such program
   */
  public FundingPortfolio withoutProgram(ProgramId id) {
    require(id);
    return filter(p -> !p.id().equals(id));
  }

  /**
   * Returns the portfolio of the programs that pass a test, for example one level of
   * government. Years set with {@link #over} are kept.
   *
   * @param test the test
   * @return the new portfolio
   */
  public FundingPortfolio filter(Predicate<? super FundingProgram> test) {
    checkNotNull(test, "test");
    return new FundingPortfolio(ImmutableSortedMap.copyOfSorted(Maps.filterValues(programs, test::test)),
        yearsSet ? years : null);
  }

  // ---------------------------------------------------------------- programs and years

  /**
   * Returns every program in id order, those with unknown years included.
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

  /**
   * Returns the program with an id, which must exist.
   *
   * @param id the id
   * @return the program
   * @throws IllegalArgumentException naming the id if the portfolio has no such program
   */
  public FundingProgram require(ProgramId id) {
    FundingProgram p = programs.get(checkNotNull(id, "id"));
    checkArgument(p != null, "unknown program '%s': the portfolio has no program with that id", id);
    return p;
  }

  /**
   * Returns the programs whose first year is not known. They are in no {@link YearRow} and
   * take part in no balance, dependence or overlap; each {@link Gap} and {@link Cliff} counts
   * those that might change it, and {@link #table()} lists them.
   *
   * @return the programs in id order
   */
  public ImmutableList<FundingProgram> yearsUnknown() {
    return yearsUnknown;
  }

  /**
   * Returns the portfolio's fiscal years: set with {@link #over}, or from the earliest known
   * first year to the latest known year of any program.
   *
   * @return the years, or empty if none were set and no program has a known first year
   */
  public Optional<YearRange> years() {
    return Optional.ofNullable(years);
  }

  /**
   * Returns one row per year of the portfolio.
   *
   * @return the rows in year order, empty if the portfolio has no years
   */
  public ImmutableList<YearRow> rows() {
    return rows;
  }

  /**
   * Returns the row of a year.
   *
   * @param year a year of the portfolio
   * @return the row
   * @throws IllegalArgumentException naming the year if it is outside the portfolio's years
   */
  public YearRow row(int year) {
    return rows.get(index(year));
  }

  /**
   * Returns the programs active in a year.
   *
   * @param year a year of the portfolio
   * @return the programs in id order
   * @throws IllegalArgumentException naming the year if it is outside the portfolio's years
   */
  public ImmutableList<FundingProgram> activeIn(int year) {
    return row(year).active();
  }

  private int index(int year) {
    if (years == null) {
      throw noYears("year " + year + " is outside the portfolio's years");
    }
    if (!years.contains(year)) {
      throw new IllegalArgumentException("year " + year + " is outside the portfolio's years " + years
          + "; widen them with over(first, last)");
    }
    return year - years.first();
  }

  private IllegalArgumentException noYears(String what) {
    return new IllegalArgumentException(what + ": no program has a known first year (" + yearsUnknown.size()
        + " with years unknown); set the years with over(first, last)");
  }

  // ---------------------------------------------------------------- balance

  /**
   * Returns the balance of the levels of government in a year.
   *
   * @param year a year of the portfolio
   * @return the balance
   * @throws IllegalArgumentException naming the year if it is outside the portfolio's years
   */
  public Balance balance(int year) {
    return balance(year, year);
  }

  /**
   * Returns the balance of the levels of government over a run of years, counting
   * program-years.
   *
   * @param first the first year, a year of the portfolio
   * @param last the last year, a year of the portfolio not before the first
   * @return the balance
   * @throws IllegalArgumentException naming the years if they are inverted or outside the
   *     portfolio's years
   */
  public Balance balance(int first, int last) {
    checkArgument(first <= last, "the first year %s is after the last year %s", first, last);
    int from = index(first);
    int to = index(last);
    EnumMap<FundingLevel, Tally> byLevel = new EnumMap<>(FundingLevel.class);
    for (FundingLevel l : FundingLevel.values()) {
      Tally t = Tally.ZERO;
      for (int i = from; i <= to; i++) {
        t = plus(t, rows.get(i).level(l), first, last);
      }
      byLevel.put(l, t);
    }
    Tally all = Tally.ZERO;
    for (Tally t : byLevel.values()) {
      all = plus(all, t, first, last);
    }
    return new Balance(YearRange.of(first, last), Maps.immutableEnumMap(byLevel));
  }

  /**
   * Returns the balance over all the portfolio's years.
   *
   * @return the balance
   * @throws IllegalArgumentException if the portfolio has no years
   */
  public Balance balance() {
    if (years == null) {
      throw noYears("the portfolio has no years");
    }
    return balance(years.first(), years.last());
  }

  private static Tally plus(Tally a, Tally b, int first, int last) {
    try {
      return a.plus(b);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("the known budgets of " + first + "–" + last + " sum to more than "
          + Long.MAX_VALUE + " yen", e);
    }
  }

  // ---------------------------------------------------------------- continuity

  /**
   * Returns, for each purpose, the runs of the portfolio's years in which no program of that
   * purpose is active, with where each run lies relative to the purpose's programs.
   *
   * @return the gaps by purpose (in declaration order), then by year; empty if the portfolio
   *     has no years
   */
  public ImmutableList<Gap> gaps() {
    if (years == null) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<Gap> gaps = ImmutableList.builder();
    for (FundingPurpose purpose : FundingPurpose.values()) {
      int start = 0;
      boolean open = false;
      for (int y = years.first(); y <= years.last(); y++) {
        boolean covered = rows.get(y - years.first()).purpose(purpose).programs() > 0;
        if (!covered && !open) {
          start = y;
          open = true;
        } else if (covered && open) {
          gaps.add(gap(purpose, YearRange.of(start, y - 1)));
          open = false;
        }
      }
      if (open) {
        gaps.add(gap(purpose, YearRange.of(start, years.last())));
      }
    }
    return gaps.build();
  }

  private Gap gap(FundingPurpose purpose, YearRange run) {
    boolean before = false;
    boolean after = false;
    for (FundingProgram p : dated) {
      if (p.purpose() == purpose) {
        // the run is uncovered, so a program of the purpose lies wholly before or wholly after it
        before |= p.firstYear().getAsInt() < run.first();
        after |= p.lastYear().isEmpty() || p.lastYear().getAsInt() > run.last();
      }
    }
    Gap.Kind kind = before
        ? (after ? Gap.Kind.BETWEEN : Gap.Kind.AFTER_LAST)
        : (after ? Gap.Kind.BEFORE_FIRST : Gap.Kind.NEVER_FUNDED);
    int unknown = (int) yearsUnknown.stream().filter(p -> p.purpose() == purpose && mayRunIn(p, run.first())).count();
    return new Gap(purpose, run, kind, unknown);
  }

  /**
   * Returns the cliffs: programs whose last year lies in the portfolio's years and after which
   * no other program of the same purpose, of any level, is active the next year. A program of
   * another level that takes over counts as continuity: a prefecture picking up a national
   * program's task is what the seed's balance is for.
   *
   * @return the cliffs by year, purpose and program id
   */
  public ImmutableList<Cliff> cliffs() {
    return cliffs(false);
  }

  /**
   * Returns the cliffs where only a program of the same level of government counts as
   * continuing: for example national money for a purpose that stops, even if the prefecture
   * takes over.
   *
   * @return the cliffs by year, purpose and program id
   */
  public ImmutableList<Cliff> cliffsWithinLevel() {
    return cliffs(true);
  }

  private ImmutableList<Cliff> cliffs(boolean sameLevel) {
    if (years == null) {
      return ImmutableList.of();
    }
    List<Cliff> cliffs = new ArrayList<>();
    for (FundingProgram p : dated) {
      if (p.lastYear().isEmpty() || !years.contains(p.lastYear().getAsInt())) {
        continue;
      }
      int next = p.lastYear().getAsInt() + 1;
      Predicate<FundingProgram> kin = q -> q != p && q.purpose() == p.purpose() && (!sameLevel || q.level() == p.level());
      if (dated.stream().anyMatch(q -> kin.test(q) && q.isActiveIn(next))) {
        continue;
      }
      Optional<FundingProgram> successor = dated.stream()
          .filter(q -> kin.test(q) && q.firstYear().getAsInt() > next)
          .min(Comparator.comparingInt((FundingProgram q) -> q.firstYear().getAsInt()).thenComparing(FundingProgram::id));
      int unknown = (int) yearsUnknown.stream().filter(q -> kin.test(q) && mayRunIn(q, next)).count();
      cliffs.add(new Cliff(p, successor, unknown));
    }
    cliffs.sort(Comparator.comparingInt(Cliff::year).thenComparing(Cliff::purpose)
        .thenComparing(c -> c.program().id()));
    return ImmutableList.copyOf(cliffs);
  }

  /** Whether a program with unknown first year may run in a year: it is not known to have ended before it. */
  private static boolean mayRunIn(FundingProgram undated, int year) {
    return undated.lastYear().isEmpty() || undated.lastYear().getAsInt() >= year;
  }

  // ---------------------------------------------------------------- dependence

  /**
   * Returns how much a year depends on single programs, with the
   * {@linkplain #DEFAULT_DEPENDENCE_THRESHOLD default threshold} of more than half.
   *
   * @param year a year of the portfolio
   * @return the dependence
   * @throws IllegalArgumentException naming the year if it is outside the portfolio's years
   */
  public Dependence dependence(int year) {
    return dependence(year, DEFAULT_DEPENDENCE_THRESHOLD);
  }

  /**
   * Returns how much a year depends on single programs.
   *
   * @param year a year of the portfolio
   * @param threshold the share above which the year depends on one program, above 0 and at
   *     most 1
   * @return the dependence
   * @throws IllegalArgumentException naming the value if the year is outside the portfolio's
   *     years or the threshold out of range
   */
  public Dependence dependence(int year, double threshold) {
    Dependence.checkThreshold(threshold);
    YearRow row = row(year);
    List<FundingProgram> active = row.active();
    Tally total = row.total();
    boolean byBudget = !active.isEmpty() && total.isBudgetComplete() && total.knownBudget() > 0;
    List<Map.Entry<ProgramId, Double>> shares = new ArrayList<>();
    for (FundingProgram p : active) {
      double share = byBudget
          ? (double) p.budgetIn(year).getAsLong() / total.knownBudget()
          : 1.0 / active.size();
      shares.add(Map.entry(p.id(), share));
    }
    shares.sort(Map.Entry.<ProgramId, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    ImmutableMap.Builder<ProgramId, Double> map = ImmutableMap.builderWithExpectedSize(shares.size());
    shares.forEach(map::put);
    return new Dependence(year, map.build(), byBudget ? Dependence.Basis.BUDGET : Dependence.Basis.COUNT, threshold);
  }

  /**
   * Returns the dependence of every year of the portfolio, with the default threshold.
   *
   * @return one dependence per year, in year order; empty if the portfolio has no years
   */
  public ImmutableList<Dependence> dependence() {
    return rows.stream().map(r -> dependence(r.year())).collect(ImmutableList.toImmutableList());
  }

  // ---------------------------------------------------------------- overlaps

  /**
   * Returns the pairs of programs of the same purpose active in common years within the
   * portfolio's years, of the same level or not (see {@link Overlap#sameLevel()}).
   *
   * @return the overlaps by purpose, first common year and ids
   */
  public ImmutableList<Overlap> overlaps() {
    if (years == null) {
      return ImmutableList.of();
    }
    List<Overlap> overlaps = new ArrayList<>();
    for (int i = 0; i < dated.size(); i++) {
      FundingProgram a = dated.get(i);
      for (int j = i + 1; j < dated.size(); j++) {
        FundingProgram b = dated.get(j);
        if (a.purpose() != b.purpose()) {
          continue;
        }
        int from = Math.max(a.firstYear().getAsInt(), b.firstYear().getAsInt());
        int to = Math.min(a.lastYear().orElse(OPEN), b.lastYear().orElse(OPEN));
        int shownFrom = Math.max(from, years.first());
        int shownTo = Math.min(to, years.last());
        if (from <= to && shownFrom <= shownTo) {
          overlaps.add(new Overlap(a, b, YearRange.of(shownFrom, shownTo), to > years.last()));
        }
      }
    }
    overlaps.sort(Comparator.comparing(Overlap::purpose)
        .thenComparingInt(o -> o.years().first())
        .thenComparing(o -> o.first().id())
        .thenComparing(o -> o.second().id()));
    return ImmutableList.copyOf(overlaps);
  }

  // ---------------------------------------------------------------- text

  /**
   * Returns the portfolio as a fixed-width table: one line per year with the active programs
   * by level and purpose, the known budget, the number of budgets unknown and the largest
   * share; then the balance over all years, the gaps, cliffs and overlaps, and the programs
   * whose years are unknown.
   *
   * <pre>
   * year  progs  nat pref  mun   dev supply network people  known budget unknown  largest share
   * 2013      4    3    1    0     2      1       1      0      ¥13,400M       3  0.25 count
   * </pre>
   *
   * @return the table, lines separated by {@code \n}
   */
  public String table() {
    StringBuilder s = new StringBuilder(toString()).append('\n');
    if (years == null) {
      s.append("no known years\n");
    } else {
      s.append(String.format(Locale.ROOT, "%-4s  %5s %4s %4s %4s  %4s %6s %7s %6s  %12s %7s  %s%n",
          "year", "progs", "nat", "pref", "mun", "dev", "supply", "network", "people", "known budget", "unknown",
          "largest share"));
      for (YearRow r : rows) {
        Tally total = r.total();
        Dependence d = dependence(r.year());
        s.append(String.format(Locale.ROOT, "%-4d  %5d %4d %4d %4d  %4d %6d %7d %6d  %12s %7d  %s%n",
            r.year(), total.programs(),
            r.level(FundingLevel.NATIONAL).programs(), r.level(FundingLevel.PREFECTURAL).programs(),
            r.level(FundingLevel.MUNICIPAL).programs(),
            r.purpose(FundingPurpose.PRODUCT_DEVELOPMENT).programs(),
            r.purpose(FundingPurpose.PARTS_SUPPLY_OEM).programs(),
            r.purpose(FundingPurpose.NETWORK_BUILDING).programs(),
            r.purpose(FundingPurpose.HUMAN_RESOURCES).programs(),
            total.budgetsKnown() == 0 ? "—" : Text.yen(total.knownBudget()),
            total.budgetsUnknown(),
            d.largest().isEmpty() ? "—"
                : Text.share(d.largestShare()) + " " + d.basis().name().toLowerCase(Locale.ROOT)
                    + (d.dependsOnOneProgram() ? " !" : "")));
      }
      s.append("! one program carries more than half (by budget where every budget is known, else by count)\n");
      s.append("balance: ").append(balance()).append('\n');
      section(s, "gaps (years without a program of a purpose)", gaps());
      section(s, "cliffs (a program ends and nothing of its purpose runs the next year)", cliffs());
      section(s, "overlaps (programs of one purpose in the same years)", overlaps());
    }
    if (!yearsUnknown.isEmpty()) {
      s.append("years unknown, in no row: ")
          .append(yearsUnknown.stream().map(p -> p.id().value()).collect(Collectors.joining(", ")))
          .append('\n');
    }
    return s.toString();
  }

  private static void section(StringBuilder s, String title, List<?> items) {
    s.append(title).append(':');
    if (items.isEmpty()) {
      s.append(" none\n");
      return;
    }
    s.append('\n');
    for (Object o : items) {
      s.append("  ").append(o).append('\n');
    }
  }

  /**
   * Whether another portfolio has the same programs over the same years, both set with
   * {@link #over} or both derived from the programs (which matters to {@link #withProgram}).
   *
   * @param o the other object
   * @return {@code true} if equal
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof FundingPortfolio)) {
      return false;
    }
    FundingPortfolio p = (FundingPortfolio) o;
    return programs.equals(p.programs) && Objects.equals(years, p.years) && yearsSet == p.yearsSet;
  }

  @Override
  public int hashCode() {
    return Objects.hash(programs, years, yearsSet);
  }

  /** Returns for example {@code FundingPortfolio[8 programs, years 2002–2021, 2 with years unknown]}. */
  @Override
  public String toString() {
    return "FundingPortfolio[" + programs.size() + " program" + (programs.size() == 1 ? "" : "s") + ", "
        + (years == null ? "no known years" : "years " + years)
        + (yearsUnknown.isEmpty() ? "" : ", " + yearsUnknown.size() + " with years unknown") + "]";
  }
}
