package io.github.renkei.cluster.dynamics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.catalog.Catalog;
import io.github.renkei.cluster.model.Capability;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.FundingLevel;
import io.github.renkei.cluster.model.FundingProgram;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.model.ProgramId;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.region.PrefectureFigures;
import io.github.renkei.cluster.region.RegionBlock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * All 47 prefectures as one world: a {@link ClusterWorld} per prefecture, the nationwide catalog's
 * support organizations and hubs (地域連携自立化推進拠点) that link them, and the national programs
 * every prefecture shares. {@link NationwideDynamics} runs it, the seed's closing proposal — support
 * organizations layered around the hubs, crossing borders, "from points to a surface" (点から面へ).
 *
 * <pre>{@code
 * NationwideWorld japan = NationwideWorld.japan();                   // 15,000 synthetic firms
 * japan.region(Prefecture.FUKUSHIMA).firms().size();                 // its share of them
 * NationwideWorld mine = NationwideWorld.builder()
 *     .firms(5_000)
 *     .region(RegionProfile.fukushima(), FukushimaSample.cluster())   // a prefecture from its own files
 *     .region(Prefecture.SHIZUOKA, myCluster)                         // or from a cluster alone
 *     .build();
 * }</pre>
 *
 * <h2>Each prefecture</h2>
 * A prefecture given to {@link Builder#region} is its cluster as the file says (as
 * {@link ClusterWorld#of} reads it). Every other prefecture is synthetic, built the same way each
 * time:
 * <ul>
 *   <li><b>firms</b>: its share of {@link Builder#firms(int)} small manufacturers, split in
 *       proportion to the prefecture's medical-device production (MHLW, 2014) by
 *       {@link PrefectureFigures#allocate} (the source, and the default where a figure is missing,
 *       are there; assumption: potential entrants are where devices are made already — no
 *       47-prefecture count of small manufacturers up to 2016 could be read, and production is
 *       counted where finished devices are made, so parts-making prefectures are under-weighted);
 *       each has two manufacturing capabilities drawn with a seed fixed per prefecture
 *       and a capacity of 2, like {@link ClusterWorld#withSyntheticFirms}; the first
 *       {@link #INITIAL_FIELD_SHARE} of them (rounded down) start at parts supply, the rest outside
 *       the field (assumption: Fukushima's 60 of 300 in 2005);</li>
 *   <li><b>device makers</b> (the requesters of parts, OEM and ODM work): one per
 *       {@link #PRODUCTION_PER_MAKER} 億円 of the prefecture's medical-device production, at least
 *       one (assumption: Fukushima's sample has 2 makers for about 1,300 億円 in 2014);</li>
 *   <li><b>a university hospital</b> raising co-development needs (every prefecture has a medical
 *       school since the 一県一医大 policy of the 1970s);</li>
 *   <li><b>support organizations</b>: the catalog's organizations in the prefecture, plus its
 *       prefectural government ({@code pref-NN}) unless the catalog lists it already. The lead of
 *       the matching rounds is the prefecture's hub if it has one, otherwise its first catalog
 *       support organization (by id), otherwise the prefectural government;</li>
 *   <li><b>production base</b>: {@link Accounts#PRODUCTION_BASE}'s default (Fukushima's calibrated
 *       base) times the prefecture's medical-device production over Fukushima's (the median where
 *       the figure is missing).</li>
 * </ul>
 *
 * <h2>National programs</h2>
 * By default the catalog's national programs with a known first year (a term without a stated
 * last year runs {@link ClusterDynamics#DEFAULT_TERM} years), as {@link RegionProfile#fukushima()}
 * takes them; every prefecture's funding follows the same terms.
 *
 * <h2>Bad input</h2>
 * A prefecture given twice, a prefecture missing while synthetic prefectures are switched off, a
 * cluster without firms in its prefecture, a hub that is not a catalog support organization, a
 * block with no catalog support organization, a national program that is not the catalog's, not
 * national, or given twice with different terms, and fewer firms than prefectures all throw
 * {@link IllegalArgumentException} naming the prefecture, the id or the value.
 */
public final class NationwideWorld {

  /** Synthetic firms of {@link #japan()}: 15,000 potential entrants across the 47 prefectures. */
  public static final int DEFAULT_FIRMS = 15_000;

  /** Share of a synthetic prefecture's firms that start at parts supply (assumption: Fukushima's 60 of 300 in 2005). */
  public static final double INITIAL_FIELD_SHARE = 0.2;

  /**
   * Shares of a synthetic prefecture's firms drawn in each replication to start at OEM, ODM and
   * their own product (assumption: Fukushima's 12, 2 and 1 of 300 in 2005, {@link RegionProfile#fukushima()}).
   */
  public static final ImmutableList<Double> INITIAL_UPPER_SHARES = ImmutableList.of(12 / 300.0, 2 / 300.0, 1 / 300.0);

  /** Medical-device production, 億円, per synthetic device maker (assumption; see the class comment). */
  public static final double PRODUCTION_PER_MAKER = 650;

  /** What the synthetic firms are split by ({@link PrefectureFigures#allocate}). */
  private static final PrefectureFigures.Weight FIRM_WEIGHT = PrefectureFigures.Weight.DEVICE_PRODUCTION;

  private static final long SEED = 0x4A50_2005L;

  private final Catalog catalog;
  private final ImmutableList<ClusterWorld> regions;
  private final ImmutableList<OrganizationId> leads;
  private final double[] productionBase;
  private final int[] registeredOutside;
  private final int[][] topUps;
  private final ImmutableList<Organization> hubs;
  private final ImmutableList<ProgramTerm> programs;
  private final int firms;

  private NationwideWorld(Builder b, ImmutableList<ClusterWorld> regions, ImmutableList<OrganizationId> leads,
      double[] productionBase, int[] registeredOutside, int[][] topUps, ImmutableList<Organization> hubs,
      ImmutableList<ProgramTerm> programs) {
    this.topUps = topUps;
    this.catalog = b.catalog;
    this.regions = regions;
    this.leads = leads;
    this.productionBase = productionBase;
    this.registeredOutside = registeredOutside;
    this.hubs = hubs;
    this.programs = programs;
    this.firms = regions.stream().mapToInt(w -> w.firms().size()).sum();
  }

  /**
   * Returns the default world: {@link #DEFAULT_FIRMS} synthetic firms over the 47 prefectures, the
   * nationwide catalog and its national programs. Built once.
   *
   * @return the world
   */
  public static NationwideWorld japan() {
    return Default.INSTANCE;
  }

  private static final class Default {
    static final NationwideWorld INSTANCE = builder().build();
  }

  /**
   * Starts a world.
   *
   * @return a builder with {@link #DEFAULT_FIRMS} firms, the nationwide catalog and its programs
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the catalog whose support organizations and hubs link the prefectures.
   *
   * @return the catalog
   */
  public Catalog catalog() {
    return catalog;
  }

  /**
   * Returns the 47 prefectures' worlds, in JIS code order (index = code − 1).
   *
   * @return the worlds
   */
  public ImmutableList<ClusterWorld> regions() {
    return regions;
  }

  /**
   * Returns a prefecture's world.
   *
   * @param prefecture the prefecture
   * @return its world
   */
  public ClusterWorld region(Prefecture prefecture) {
    return regions.get(checkNotNull(prefecture, "prefecture").ordinal());
  }

  /**
   * Returns the support organization that leads a prefecture's matching rounds.
   *
   * @param prefecture the prefecture
   * @return the lead's id, one of the prefecture's support organizations
   */
  public OrganizationId lead(Prefecture prefecture) {
    return leads.get(checkNotNull(prefecture, "prefecture").ordinal());
  }

  /**
   * Returns a prefecture's production base, 億円 (see the class comment).
   *
   * @param prefecture the prefecture
   * @return the base output of its makers' plants in the first year
   */
  public double productionBase(Prefecture prefecture) {
    return productionBase[checkNotNull(prefecture, "prefecture").ordinal()];
  }

  /**
   * Returns the organizations of a prefecture outside the entry ladder that hold a manufacturing
   * registration ({@link ClusterDynamics#REGISTERED_OUTSIDE}): its profile's value if it was given
   * with one, otherwise what its cluster lists ({@link ClusterWorld#registeredPlantsOutsideLadder()}).
   *
   * @param prefecture the prefecture
   * @return the number of such organizations
   */
  public int registeredOutsideLadder(Prefecture prefecture) {
    return registeredOutside[checkNotNull(prefecture, "prefecture").ordinal()];
  }

  /**
   * Returns how many of a prefecture's firms listed outside the field each replication draws to
   * start at parts supply, OEM, ODM and their own product ({@link ClusterDynamics#INITIAL_PARTS}
   * and its siblings): for a synthetic prefecture {@link #INITIAL_UPPER_SHARES} of its firms
   * (rounded down) at the upper three, for one given with a profile the profile's values, else none.
   *
   * @param prefecture the prefecture
   * @return four counts
   */
  public ImmutableList<Integer> initialTopUps(Prefecture prefecture) {
    int[] t = topUps[checkNotNull(prefecture, "prefecture").ordinal()];
    return ImmutableList.of(t[0], t[1], t[2], t[3]);
  }

  int[] topUps(Prefecture prefecture) {
    return topUps[prefecture.ordinal()];
  }

  /**
   * Returns the hubs: the catalog's, or those given to {@link Builder#hubs}.
   *
   * @return the hubs, catalog support organizations
   */
  public ImmutableList<Organization> hubs() {
    return hubs;
  }

  /**
   * Returns the national programs' terms that every prefecture's funding follows.
   *
   * @return the terms
   */
  public ImmutableList<ProgramTerm> nationalPrograms() {
    return programs;
  }

  /**
   * Returns the number of small manufacturers and start-ups in all prefectures.
   *
   * @return the firms
   */
  public int firms() {
    return firms;
  }

  @Override
  public String toString() {
    return "NationwideWorld[" + firms + " firms in 47 prefectures, " + hubs.size() + " hubs, " + programs.size()
        + " national programs]";
  }

  /** Builds a {@link NationwideWorld}. */
  public static final class Builder {
    private Catalog catalog = Catalog.nationwide();
    private int firms = DEFAULT_FIRMS;
    private boolean synthetic = true;
    private final Map<Prefecture, Cluster> given = new EnumMap<>(Prefecture.class);
    private final Map<Prefecture, OrganizationId> givenLeads = new EnumMap<>(Prefecture.class);
    private final Map<Prefecture, RegionProfile> profiles = new EnumMap<>(Prefecture.class);
    private List<OrganizationId> hubIds;
    private final Map<ProgramId, ProgramTerm> programs = new LinkedHashMap<>();
    private boolean programsGiven;

    private Builder() {}

    /**
     * Sets the catalog of support organizations, hubs and national programs.
     *
     * @param catalog the catalog
     * @return this builder
     */
    public Builder catalog(Catalog catalog) {
      this.catalog = checkNotNull(catalog, "catalog");
      return this;
    }

    /**
     * Sets how many small manufacturers are split among the 47 prefectures; each synthetic
     * prefecture gets its share, and a prefecture given by {@link #region} has its own firms
     * instead of its share.
     *
     * @param count at least 47
     * @return this builder
     * @throws IllegalArgumentException naming the value if it is below 47
     */
    public Builder firms(int count) {
      checkArgument(count >= Prefecture.values().length,
          "firms: a nationwide world needs at least one firm per prefecture (47) but was %s", count);
      this.firms = count;
      return this;
    }

    /**
     * Gives a prefecture's own cluster, read as {@link ClusterWorld#of} reads it; its lead is chosen
     * as for a synthetic prefecture.
     *
     * @param prefecture the prefecture
     * @param cluster its cluster
     * @return this builder
     * @throws IllegalArgumentException naming the prefecture if it was given before
     */
    public Builder region(Prefecture prefecture, Cluster cluster) {
      checkNotNull(prefecture, "prefecture");
      checkNotNull(cluster, "cluster (prefecture %s)", prefecture);
      checkArgument(!given.containsKey(prefecture), "region %s (%s, code %02d) is given twice", prefecture.nameEn(),
          prefecture.nameJa(), prefecture.code());
      given.put(prefecture, cluster);
      return this;
    }

    /**
     * Gives a prefecture's own cluster and the support organization that leads its rounds.
     *
     * @param prefecture the prefecture
     * @param cluster its cluster
     * @param lead one of its support organizations
     * @return this builder
     * @throws IllegalArgumentException naming the prefecture if it was given before
     */
    public Builder region(Prefecture prefecture, Cluster cluster, OrganizationId lead) {
      region(prefecture, cluster);
      givenLeads.put(prefecture, checkNotNull(lead, "lead (prefecture %s)", prefecture));
      return this;
    }

    /**
     * Gives a prefecture as its {@link RegionProfile} and cluster, as a single region's run takes
     * them: the world is {@link RegionProfile#world(Cluster)} (with the profile's synthetic firms),
     * the lead is the profile's, and the profile's stated {@link Accounts#PRODUCTION_BASE} and
     * {@link ClusterDynamics#REGISTERED_OUTSIDE} replace the defaults. In a nationwide run every
     * prefecture shares the clock, the events, the national programs and the other coefficients,
     * so the profile's years, events, program terms and other values do not apply.
     *
     * @param profile the prefecture's profile
     * @param cluster its cluster
     * @return this builder
     * @throws IllegalArgumentException naming the prefecture if it was given before
     */
    public Builder region(RegionProfile profile, Cluster cluster) {
      checkNotNull(profile, "profile");
      region(profile.region(), cluster, profile.lead());
      profiles.put(profile.region(), profile);
      return this;
    }

    /**
     * Switches the synthetic prefectures off: every prefecture must then be given by
     * {@link #region}.
     *
     * @return this builder
     */
    public Builder withoutSyntheticRegions() {
      this.synthetic = false;
      return this;
    }

    /**
     * Replaces the catalog's hubs.
     *
     * @param ids support organizations of the catalog
     * @return this builder
     */
    public Builder hubs(List<OrganizationId> ids) {
      this.hubIds = List.copyOf(checkNotNull(ids, "hubs"));
      return this;
    }

    /**
     * Replaces the catalog's national programs by the terms given here (call once per program).
     *
     * @param term a national program of the catalog and its years
     * @return this builder
     */
    public Builder nationalProgram(ProgramTerm term) {
      checkNotNull(term, "term");
      ProgramTerm before = programs.get(term.program());
      checkArgument(before == null || before.equals(term),
          "national program '%s' is given twice with different terms: %s-%s and %s-%s", term.program().value(),
          before == null ? 0 : before.firstYear(), before == null ? 0 : before.lastYear(), term.firstYear(),
          term.lastYear());
      programs.put(term.program(), term);
      programsGiven = true;
      return this;
    }

    /**
     * Builds the world.
     *
     * @return the world
     * @throws IllegalArgumentException naming the prefecture, block or id (see the class comment)
     */
    public NationwideWorld build() {
      for (RegionBlock block : RegionBlock.values()) {
        checkArgument(!catalog.supportOrganizationsIn(block).isEmpty(),
            "block %s (%s) has no support organization in the catalog; cross-border work goes through them",
            block.nameEn(), block.nameJa());
      }
      ImmutableList<Organization> hubs = hubs();
      ImmutableList<ProgramTerm> terms = terms();
      if (!synthetic) {
        List<String> missing = new ArrayList<>();
        for (Prefecture p : Prefecture.values()) {
          if (!given.containsKey(p)) {
            missing.add(String.format("%s (%02d)", p.nameEn(), p.code()));
          }
        }
        checkArgument(missing.isEmpty(), "regions: %s prefecture(s) missing and synthetic regions are off: %s",
            missing.size(), missing);
      }
      PrefectureFigures figures = PrefectureFigures.standard();
      ImmutableMap<Prefecture, Integer> shares = figures.allocate(firms, FIRM_WEIGHT);
      double fukushima = production(figures, Prefecture.FUKUSHIMA);
      ImmutableList.Builder<ClusterWorld> worlds = ImmutableList.builder();
      ImmutableList.Builder<OrganizationId> leads = ImmutableList.builder();
      double[] base = new double[Prefecture.values().length];
      int[] outside = new int[Prefecture.values().length];
      int[][] topUps = new int[Prefecture.values().length][4];
      for (Prefecture p : Prefecture.values()) {
        Cluster c = given.containsKey(p) ? given.get(p) : synthetic(p, shares.get(p), production(figures, p));
        RegionProfile profile = profiles.get(p);
        ClusterWorld w;
        try {
          w = profile != null ? profile.world(c) : ClusterWorld.of(c, p);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(String.format("region %s (%02d): %s", p.nameEn(), p.code(),
              e.getMessage()), e);
        }
        OrganizationId lead = givenLeads.containsKey(p) ? givenLeads.get(p) : lead(w, hubs);
        try {
          w.requireSupport(lead, "lead");
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(String.format("region %s (%02d): %s", p.nameEn(), p.code(),
              e.getMessage()), e);
        }
        worlds.add(w);
        leads.add(lead);
        base[p.ordinal()] = Accounts.PRODUCTION_BASE.defaultValue() * production(figures, p) / fukushima;
        outside[p.ordinal()] = w.registeredPlantsOutsideLadder();
        if (!given.containsKey(p)) {
          int n = w.firms().size();
          for (int k = 0; k < 3; k++) {
            topUps[p.ordinal()][k + 1] = (int) Math.floor(n * INITIAL_UPPER_SHARES.get(k));
          }
        }
        if (profile != null) {
          List<io.github.renkei.cluster.simulation.Parameter<Integer>> rungs = List.of(ClusterDynamics.INITIAL_PARTS,
              ClusterDynamics.INITIAL_OEM, ClusterDynamics.INITIAL_ODM, ClusterDynamics.INITIAL_OWN_PRODUCT);
          for (int k = 0; k < 4; k++) {
            RegionProfile.Value v = profile.values().get(rungs.get(k).name());
            topUps[p.ordinal()][k] = v == null ? 0 : ((Number) v.value()).intValue();
          }
          RegionProfile.Value stated = profile.values().get(Accounts.PRODUCTION_BASE.name());
          if (stated != null) {
            base[p.ordinal()] = ((Number) stated.value()).doubleValue();
          }
          RegionProfile.Value plants = profile.values().get(ClusterDynamics.REGISTERED_OUTSIDE.name());
          if (plants != null) {
            outside[p.ordinal()] = ((Number) plants.value()).intValue();
          }
        }
      }
      return new NationwideWorld(this, worlds.build(), leads.build(), base, outside, topUps, hubs, terms);
    }

    private ImmutableList<Organization> hubs() {
      if (hubIds == null) {
        return catalog.hubs();
      }
      ImmutableList.Builder<Organization> b = ImmutableList.builder();
      List<OrganizationId> seen = new ArrayList<>();
      for (OrganizationId id : hubIds) {
        checkNotNull(id, "hubs: a null id");
        checkArgument(!seen.contains(id), "hubs: '%s' is given twice", id.value());
        seen.add(id);
        Optional<Organization> o = catalog.supportOrganizations().stream().filter(x -> x.id().equals(id)).findFirst();
        checkArgument(o.isPresent(), "hubs: '%s' is not a support organization of the catalog", id.value());
        b.add(o.get());
      }
      return b.build();
    }

    private ImmutableList<ProgramTerm> terms() {
      if (!programsGiven) {
        ImmutableList.Builder<ProgramTerm> b = ImmutableList.builder();
        for (FundingProgram p : catalog.programs()) {
          if (p.level() == FundingLevel.NATIONAL && p.firstYear().isPresent()) {
            int first = p.firstYear().getAsInt();
            b.add(new ProgramTerm(p.id(), first, p.lastYear().orElse(first + ClusterDynamics.DEFAULT_TERM - 1)));
          }
        }
        return b.build();
      }
      for (ProgramTerm t : programs.values()) {
        Optional<FundingProgram> p = catalog.programs().stream().filter(x -> x.id().equals(t.program())).findFirst();
        checkArgument(p.isPresent(), "nationalProgram: '%s' is not a program of the catalog", t.program().value());
        checkArgument(p.get().level() == FundingLevel.NATIONAL,
            "nationalProgram: '%s' is a %s program, not a national one", t.program().value(), p.get().level());
      }
      return ImmutableList.copyOf(programs.values());
    }

    private static double production(PrefectureFigures figures, Prefecture p) {
      return figures.weight(PrefectureFigures.Weight.DEVICE_PRODUCTION, p) / 100;
    }

    private Cluster synthetic(Prefecture p, int count, double production) {
      Cluster.Builder b = Cluster.builder();
      String code = String.format("%02d", p.code());
      boolean government = false;
      for (Organization o : catalog.organizations()) {
        if (o.prefecture() == p) {
          b.add(o);
          government |= o.type() == OrganizationType.PREFECTURE;
        }
      }
      if (!government) {
        b.add(Organization.builder(OrganizationId.of("pref-" + code), p.nameJa(), OrganizationType.PREFECTURE, p));
      }
      SplittableRandom random = new SplittableRandom(SEED + p.code());
      int inField = (int) Math.floor(count * INITIAL_FIELD_SHARE);
      for (int i = 1; i <= count; i++) {
        Capability first = ClusterWorld.MANUFACTURING.get(random.nextInt(ClusterWorld.MANUFACTURING.size()));
        Capability second = ClusterWorld.MANUFACTURING.get(random.nextInt(ClusterWorld.MANUFACTURING.size()));
        b.add(Organization.builder(OrganizationId.of(String.format("f%s-%05d", code, i)),
                String.format("Simulated firm %d of %s", i, p.nameEn()), OrganizationType.SME_MANUFACTURER, p)
            .capabilities(first, second)
            .capacity(2)
            .entryStage(i <= inField ? EntryStage.PARTS_SUPPLY : EntryStage.NONE));
      }
      int makers = Math.max(1, (int) Math.round(production / PRODUCTION_PER_MAKER));
      for (int i = 1; i <= makers; i++) {
        b.add(Organization.builder(OrganizationId.of(String.format("maker-%s-%02d", code, i)),
            String.format("Simulated device maker %d of %s", i, p.nameEn()), OrganizationType.DEVICE_MAKER, p));
      }
      b.add(Organization.builder(OrganizationId.of("hospital-" + code),
          "University hospital of " + p.nameEn(), OrganizationType.MEDICAL_UNIVERSITY, p));
      return b.build();
    }

    private OrganizationId lead(ClusterWorld w, List<Organization> hubs) {
      for (Organization h : hubs) {
        if (w.supportIndex(h.id()).isPresent()) {
          return h.id();
        }
      }
      return w.supportOrganizations().stream()
          .filter(o -> catalog.supportOrganizations().stream().anyMatch(c -> c.id().equals(o.id())))
          .min((a, b) -> a.id().value().compareTo(b.id().value()))
          .orElse(w.supportOrganizations().get(0)).id();
    }
  }
}
