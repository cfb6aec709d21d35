package io.github.renkei.cluster.dynamics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.PairedComparison;
import io.github.renkei.cluster.simulation.Parameters;
import io.github.renkei.cluster.simulation.ProgressListener;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Statistics;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The seed's question for a region — "製品開発支援" or "部材供給・OEM生産支援", or municipal
 * health-longevity projects with local care organizations — answered by simulation: each
 * {@link Strategy} runs as a scenario of the region's profile on its world, all of them paired
 * with common random numbers, and for each outcome the strategy with the highest mean in the
 * chosen year wins if its paired difference to the runner-up has a 95 % confidence interval
 * above 0; otherwise there is no clear winner. The region's {@link Assets} say why: each
 * strategy aims the support effort at the needs of one kind of partner (device makers,
 * hospitals and universities, care organizations), and a region has more or fewer of each.
 *
 * <pre>{@code
 * RegionProfile profile = RegionProfile.fukushima();
 * Advice advice = Advice.of(profile, profile.world(FukushimaSample.cluster()))
 *     .replications(100).seed(2005).run();
 * for (Advice.Outcome o : advice.outcomes()) {
 *   System.out.println(o.metric() + ": " + o.winner().map(Advice.Strategy::label).orElse("no clear winner"));
 * }
 * }</pre>
 */
public final class Advice {

  /** The strategies the seed names for a municipality. */
  public enum Strategy {
    /**
     * 製品開発支援: support aimed at product development — ODM, own products, co-development
     * with hospitals and universities ({@link Policies#DEVELOPMENT_SHARE} 0.8).
     */
    PRODUCT_DEVELOPMENT("product-development", "製品開発支援", 0.8, 0.0),
    /**
     * 部材供給・OEM生産支援: support aimed at parts supply and OEM production for device makers'
     * plants ({@link Policies#DEVELOPMENT_SHARE} 0.1).
     */
    PARTS_AND_OEM("parts-and-oem", "部材供給・OEM生産支援", 0.1, 0.0),
    /**
     * 自治体主導の健康寿命延伸・未病対策PJ: half the effort on municipal health-longevity projects
     * with the region's health centres and community care centres ({@link Policies#CARE_SHARE}
     * 0.5), the rest split as the profile's development share says.
     */
    CARE_PROJECTS("care-projects", "健康寿命延伸PJ", -1, 0.5);

    private final String id;
    private final String label;
    private final double developmentShare;
    private final double careShare;

    Strategy(String id, String label, double developmentShare, double careShare) {
      this.id = id;
      this.label = label;
      this.developmentShare = developmentShare;
      this.careShare = careShare;
    }

    /**
     * Returns the strategy's id, which names its scenario.
     *
     * @return for example {@code parts-and-oem}
     */
    public String id() {
      return id;
    }

    /**
     * Returns the seed's name of the strategy.
     *
     * @return for example {@code 部材供給・OEM生産支援}
     */
    public String label() {
      return label;
    }
  }

  /** The outcomes compared by default. */
  public static final ImmutableList<String> OUTCOMES = ImmutableList.of(ClusterDynamics.REGISTERED,
      ClusterDynamics.FIRMS_OWN_PRODUCT, ClusterDynamics.PARTS_SHIPMENTS, ClusterDynamics.PRODUCTION_VALUE,
      ClusterDynamics.TIES_VERTICAL, ClusterDynamics.TIES_HORIZONTAL);

  /**
   * What the region has that the strategies work with.
   *
   * @param firms the firms that climb the ladder
   * @param firmsInField those at parts supply or above in the first year: the cluster file's and
   *     the profile's top-ups ({@link ClusterDynamics#INITIAL_PARTS} …)
   * @param deviceMakers device makers (they raise parts, OEM and ODM needs)
   * @param hospitalsAndUniversities the region's hospitals and universities (co-development needs)
   * @param careOrganizations the region's health centres and community care centres
   * @param supportOrganizations the region's support organizations
   * @param registeredPlants registered manufacturing sites outside the ladder
   *     ({@link ClusterDynamics#REGISTERED_OUTSIDE})
   * @param makerNeeds needs the makers raise a year at normal demand
   * @param partnerNeeds co-development needs the hospitals and universities raise a year
   * @param careNeeds needs the care organizations raise a year while their projects run fully
   */
  public record Assets(int firms, int firmsInField, int deviceMakers, int hospitalsAndUniversities,
      int careOrganizations, int supportOrganizations, int registeredPlants, double makerNeeds, double partnerNeeds,
      double careNeeds) {

    /**
     * Returns the assets in one line.
     *
     * @return for example {@code 300 firms (75 in the field), 2 device makers (34.0 needs a year), …}
     */
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d firms (%d in the field), %d device makers (%.1f needs a year), %d hospitals"
              + " and universities (%.1f), %d care organizations (%.1f with projects), %d support organizations,"
              + " %d registered plants outside the ladder", firms, firmsInField, deviceMakers, makerNeeds,
          hospitalsAndUniversities, partnerNeeds, careOrganizations, careNeeds, supportOrganizations, registeredPlants);
    }
  }

  /**
   * One outcome compared across the strategies.
   *
   * @param metric the metric
   * @param year the year compared
   * @param byStrategy each strategy's values in that year
   * @param winner the strategy whose paired lead over every other has a 95 % CI above 0, if any
   * @param lead the best strategy's paired comparison with the runner-up ({@code best − runner-up})
   * @param reason why, in words, from the region's assets
   */
  public record Outcome(String metric, int year, ImmutableMap<Strategy, Statistics> byStrategy,
      Optional<Strategy> winner, PairedComparison lead, String reason) {

    /**
     * Returns the best strategy by mean, clear winner or not.
     *
     * @return the strategy with the highest mean
     */
    public Strategy best() {
      return byStrategy.entrySet().stream().max(Map.Entry.comparingByValue(
          (a, b) -> Double.compare(a.mean(), b.mean()))).orElseThrow().getKey();
    }
  }

  private final RegionProfile profile;
  private final Assets assets;
  private final ImmutableList<Outcome> outcomes;
  private final int replications;
  private final long seed;

  private Advice(RegionProfile profile, Assets assets, ImmutableList<Outcome> outcomes, int replications, long seed) {
    this.profile = profile;
    this.assets = assets;
    this.outcomes = outcomes;
    this.replications = replications;
    this.seed = seed;
  }

  /**
   * Starts the advice for a region.
   *
   * @param profile the region's profile
   * @param world its world, usually {@code profile.world(cluster)}
   * @return the builder
   * @throws IllegalArgumentException naming the field if the profile does not fit the world
   */
  public static Builder of(RegionProfile profile, ClusterWorld world) {
    return new Builder(checkNotNull(profile, "profile"), checkNotNull(world, "world"));
  }

  /**
   * The scenario of one strategy: the profile's, with the strategy's shares as defaults.
   *
   * @param profile the profile
   * @param world the world
   * @param strategy the strategy
   * @return the scenario, named after the strategy
   */
  public static Scenario<ClusterState> scenario(RegionProfile profile, ClusterWorld world, Strategy strategy) {
    ClusterDynamics.Builder b = profile.builder(world).name(strategy.id());
    if (strategy.developmentShare >= 0) {
      b.value(Policies.DEVELOPMENT_SHARE, strategy.developmentShare);
    }
    return b.value(Policies.CARE_SHARE, strategy.careShare).build();
  }

  /**
   * Returns the profile advised.
   *
   * @return the profile
   */
  public RegionProfile profile() {
    return profile;
  }

  /**
   * Returns the region's assets.
   *
   * @return the assets
   */
  public Assets assets() {
    return assets;
  }

  /**
   * Returns the outcomes, in the order asked for.
   *
   * @return the outcomes
   */
  public ImmutableList<Outcome> outcomes() {
    return outcomes;
  }

  /**
   * Returns the replications per strategy.
   *
   * @return the count
   */
  public int replications() {
    return replications;
  }

  /**
   * Returns the seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the outcome of a metric.
   *
   * @param metric one of the outcomes compared
   * @return the outcome
   * @throws IllegalArgumentException naming the metric if it was not compared
   */
  public Outcome outcome(String metric) {
    return outcomes.stream().filter(o -> o.metric().equals(metric)).findFirst().orElseThrow(
        () -> new IllegalArgumentException("'" + metric + "' was not compared; compared: "
            + outcomes.stream().map(Outcome::metric).toList()));
  }

  static Assets assets(ClusterWorld world, Parameters p) {
    int inField = p.get(ClusterDynamics.INITIAL_PARTS) + p.get(ClusterDynamics.INITIAL_OEM)
        + p.get(ClusterDynamics.INITIAL_ODM) + p.get(ClusterDynamics.INITIAL_OWN_PRODUCT);
    for (var o : world.firms()) {
      inField += o.entryStage() == EntryStage.NONE ? 0 : 1;
    }
    return new Assets(world.firms().size(), inField, world.makers.length, world.partners.length,
        world.careOrganizations().size(), world.supportOrganizations().size(), p.get(ClusterDynamics.REGISTERED_OUTSIDE),
        p.get(MatchingRounds.NEEDS_PER_MAKER) * world.makers.length,
        p.get(MatchingRounds.NEEDS_PER_PARTNER) * world.partners.length,
        p.get(MatchingRounds.NEEDS_PER_CARE_ORGANIZATION) * world.careOrganizations().size());
  }

  /** Why a strategy leads on an outcome, from what it aims at and what the region has. */
  private static String reason(Strategy s, Assets a, boolean clear) {
    String aim = switch (s) {
      case PARTS_AND_OEM -> String.format(Locale.ROOT, "aims the support at parts and OEM work for the %d device"
          + " makers (%.1f needs a year) and at firms entering the field", a.deviceMakers(), a.makerNeeds());
      case PRODUCT_DEVELOPMENT -> String.format(Locale.ROOT, "aims the support at ODM, own products and"
          + " co-development with the %d hospitals and universities (%.1f needs a year) and at firms climbing past"
          + " OEM", a.hospitalsAndUniversities(), a.partnerNeeds());
      case CARE_PROJECTS -> String.format(Locale.ROOT, "brings in the %d care organizations' projects (%.1f needs a"
          + " year at full intensity) on top of the usual support", a.careOrganizations(), a.careNeeds());
    };
    return s.id() + (clear ? " leads: it " : " is ahead but not clearly: it ") + aim;
  }

  /** Builds and runs the advice. */
  public static final class Builder {

    private final RegionProfile profile;
    private final ClusterWorld world;
    private int replications = 100;
    private long seed = 2005;
    private int threads = Runtime.getRuntime().availableProcessors();
    private ProgressListener progress;
    private List<String> metrics = OUTCOMES;
    private int year;

    private Builder(RegionProfile profile, ClusterWorld world) {
      this.profile = profile;
      this.world = world;
      this.year = profile.lastYear();
      profile.check(world);
    }

    /**
     * Sets the replications per strategy.
     *
     * @param n at least 2, for confidence intervals
     * @return this builder
     * @throws IllegalArgumentException naming the count if below 2
     */
    public Builder replications(int n) {
      checkArgument(n >= 2, "replications must be >= 2 (for confidence intervals) but was %s", n);
      this.replications = n;
      return this;
    }

    /**
     * Sets the seed.
     *
     * @param s the seed
     * @return this builder
     */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /**
     * Sets the threads.
     *
     * @param n at least 1
     * @return this builder
     * @throws IllegalArgumentException naming the count if below 1
     */
    public Builder threads(int n) {
      checkArgument(n >= 1, "threads must be >= 1 but was %s", n);
      this.threads = n;
      return this;
    }

    /**
     * Reports progress, one unit per replication of a strategy.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder progress(ProgressListener listener) {
      this.progress = checkNotNull(listener, "listener");
      return this;
    }

    /**
     * Sets the year compared.
     *
     * @param y a year of the profile
     * @return this builder
     * @throws IllegalArgumentException naming the year if outside the profile's years
     */
    public Builder year(int y) {
      checkArgument(y >= profile.firstYear() && y <= profile.lastYear(), "year %s is outside the profile's years"
          + " %s..%s", y, profile.firstYear(), profile.lastYear());
      this.year = y;
      return this;
    }

    /**
     * Sets the outcomes compared.
     *
     * @param metricNames metrics of the cluster dynamics, at least one
     * @return this builder
     * @throws IllegalArgumentException naming a metric the model does not have
     */
    public Builder outcomes(List<String> metricNames) {
      checkArgument(!metricNames.isEmpty(), "outcomes must not be empty");
      List<String> known = scenario(profile, world, Strategy.PARTS_AND_OEM).metricNames();
      for (String m : metricNames) {
        checkArgument(known.contains(m), "outcome '%s' is not a metric of the cluster dynamics%s", m,
            io.github.renkei.cluster.internal.Suggestions.suggestion(m, known));
      }
      this.metrics = ImmutableList.copyOf(metricNames);
      return this;
    }

    /**
     * Runs every strategy and compares them.
     *
     * @return the advice
     */
    public Advice run() {
      List<Scenario<ClusterState>> scenarios = new ArrayList<>();
      for (Strategy s : Strategy.values()) {
        scenarios.add(scenario(profile, world, s));
      }
      Experiment.Builder e = Experiment.of(scenarios).replications(replications).seed(seed).threads(threads);
      if (progress != null) {
        e.progress(progress);
      }
      ExperimentResult r = e.run();
      String time = Integer.toString(year);
      Assets assets = assets(world, scenarios.get(0).defaults());
      ImmutableList.Builder<Outcome> out = ImmutableList.builder();
      for (String metric : metrics) {
        Map<Strategy, Statistics> by = new EnumMap<>(Strategy.class);
        for (Strategy s : Strategy.values()) {
          by.put(s, r.summary(s.id(), 0, metric, time));
        }
        List<Strategy> ranked = new ArrayList<>(by.keySet());
        ranked.sort((a, b) -> Double.compare(by.get(b).mean(), by.get(a).mean()));
        Strategy best = ranked.get(0);
        int step = scenarios.get(0).schedule().indexOf(time).orElseThrow();
        PairedComparison lead = null;
        boolean clear = true;
        for (Strategy other : ranked.subList(1, ranked.size())) {
          PairedComparison d = r.compare(other.id(), 0, best.id(), 0, metric, step);
          lead = lead == null ? d : lead; // the runner-up comes first
          clear &= d.confidenceInterval95().map(ci -> ci.lower() > 0).orElse(false);
        }
        out.add(new Outcome(metric, year, ImmutableMap.copyOf(by), clear ? Optional.of(best) : Optional.empty(),
            lead, reason(best, assets, clear)));
      }
      return new Advice(profile, assets, out.build(), replications, seed);
    }
  }
}
