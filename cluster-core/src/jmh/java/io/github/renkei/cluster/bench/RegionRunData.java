package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.catalog.FukushimaSample;
import io.github.renkei.cluster.dynamics.ClusterDynamics;
import io.github.renkei.cluster.dynamics.ClusterState;
import io.github.renkei.cluster.dynamics.ClusterWorld;
import io.github.renkei.cluster.dynamics.RegionProfile;
import io.github.renkei.cluster.model.Cluster;
import io.github.renkei.cluster.model.EntryStage;
import io.github.renkei.cluster.model.Organization;
import io.github.renkei.cluster.model.OrganizationId;
import io.github.renkei.cluster.model.OrganizationType;
import io.github.renkei.cluster.region.Prefecture;
import io.github.renkei.cluster.regulation.JapanPmdAct;
import io.github.renkei.cluster.regulation.ManufacturingStep;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Parameters;
import io.github.renkei.cluster.simulation.Scenario;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The two runs of issue 13's performance target, the same size and shape: the built-in Fukushima
 * scenario ({@link ClusterDynamics#fukushima()}: the catalog, the sample's 10 firms and 290
 * synthetic ones, 57/10/1/0 of which each replication draws onto the parts-supply, OEM, ODM and
 * own-product rungs) and a user's region as a user would write it: the sample plus 290 ordinary
 * firms {@code firm-0001 … firm-0290} (new {@link Organization} instances, no synthetic marker,
 * each with the two capabilities the synthetic firm of the same number has), 57/10/1 of them given
 * their stage in the file with the registrations the stage needs, run through a
 * {@link RegionProfile} built with {@link RegionProfile#builder} that carries Fukushima's events,
 * programs, values and free parameters but no initial-rung top-ups and no synthetic firms.
 */
final class RegionRunData {

  /** Firms the user's file adds to the sample: as many as the built-in run's synthetic firms. */
  static final int USER_FIRMS = 290;
  /** Of the user's firms, how many the file puts at parts supply, OEM, ODM and own product. */
  static final int[] USER_STAGES = {57, 10, 1, 0};
  /** Seed of the choice of which user firms are in the field; fixed so the file is always the same. */
  private static final long STAGE_SEED = 13L;

  private static final List<Parameter<Integer>> TOP_UPS = List.of(ClusterDynamics.INITIAL_PARTS,
      ClusterDynamics.INITIAL_OEM, ClusterDynamics.INITIAL_ODM, ClusterDynamics.INITIAL_OWN_PRODUCT);

  private RegionRunData() {}

  /** The built-in run's world, {@link ClusterWorld#fukushima()}. */
  static ClusterWorld builtInWorld() {
    return ClusterWorld.fukushima();
  }

  /** The built-in scenario, exactly as a user of the library gets it. */
  static Scenario<ClusterState> builtInScenario() {
    return ClusterDynamics.fukushima();
  }

  /**
   * The user's cluster: the sample and {@value #USER_FIRMS} ordinary firms. Their capabilities are
   * written out from the synthetic firm of the same number, so both worlds offer the matcher the
   * same supply.
   */
  static Cluster userCluster() {
    Cluster sample = FukushimaSample.cluster();
    Cluster builtIn = builtInWorld().cluster();
    EntryStage[] stage = new EntryStage[USER_FIRMS];
    Arrays.fill(stage, EntryStage.NONE);
    int[] order = shuffled(USER_FIRMS, new SplittableRandom(STAGE_SEED));
    int next = 0;
    for (int rung = 0; rung < USER_STAGES.length; rung++) {
      for (int k = 0; k < USER_STAGES[rung]; k++) {
        stage[order[next++]] = EntryStage.values()[rung + 1];
      }
    }
    Cluster.Builder b = sample.toBuilder();
    for (int i = 1; i <= USER_FIRMS; i++) {
      Organization synthetic = builtIn.require(OrganizationId.of(String.format("sim-firm-%04d", i)));
      Organization.Builder firm = Organization.builder(OrganizationId.of(String.format("firm-%04d", i)),
              String.format("Firm %d", i), OrganizationType.SME_MANUFACTURER, Prefecture.FUKUSHIMA)
          .capabilities(synthetic.capabilities())
          .capacity(synthetic.capacity())
          .entryStage(stage[i - 1]);
      // what ClusterWorld demands of a firm at the stage: main assembly for OEM, design too for ODM
      switch (stage[i - 1]) {
        case OEM -> firm.licences(JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY));
        case ODM -> firm.licences(JapanPmdAct.registration(ManufacturingStep.DESIGN),
            JapanPmdAct.registration(ManufacturingStep.MAIN_ASSEMBLY));
        case NONE, PARTS_SUPPLY -> { }
        default -> throw new AssertionError(stage[i - 1]);
      }
      b.add(firm);
    }
    return b.build();
  }

  /**
   * The user's profile: Fukushima's years, lead, events, program terms, stated values and free
   * parameters, written with {@link RegionProfile#builder}, without the initial-rung top-ups (the
   * file gives every firm's stage) and without synthetic firms.
   */
  static RegionProfile userProfile() {
    RegionProfile f = RegionProfile.fukushima();
    RegionProfile.Builder b = RegionProfile.builder("fukushima-user", f.region(), f.lead(), f.firstYear(),
        f.lastYear()).syntheticFirms(0);
    for (RegionProfile.Event e : f.events()) {
      if (e.organization().isPresent()) {
        b.event(e.name(), e.year(), e.organization().get());
      } else {
        b.event(e.name(), e.year());
      }
    }
    f.programs().forEach(b::program);
    f.values().forEach((name, v) -> {
      if (TOP_UPS.stream().noneMatch(p -> p.name().equals(name))) {
        b.value(name, v.value(), v.basis(), v.source());
      }
    });
    f.free().forEach(free -> b.free(free.parameter(), free.lower(), free.upper()));
    return b.build();
  }

  /**
   * Fails unless the two worlds have the same numbers of organizations, firms, requesters, care
   * organizations, support organizations and council members, and the two scenarios start with
   * the same number of firms on each rung (the built-in one by its top-ups, the user's by its
   * file) and state the same registered plants outside the ladder.
   */
  static void checkSameShape(ClusterWorld builtIn, Scenario<ClusterState> builtInScenario, ClusterWorld user,
      Scenario<ClusterState> userScenario) {
    int[][] shape = {
      {builtIn.cluster().organizationCount(), user.cluster().organizationCount()},
      {builtIn.firms().size(), user.firms().size()},
      {builtIn.requesters().size(), user.requesters().size()},
      {builtIn.careOrganizations().size(), user.careOrganizations().size()},
      {builtIn.supportOrganizations().size(), user.supportOrganizations().size()},
      {builtIn.councilMembers().size(), user.councilMembers().size()},
    };
    for (int[] pair : shape) {
      if (pair[0] != pair[1]) {
        throw new AssertionError("the worlds differ in shape:\n  built-in " + builtIn + "\n  user     " + user);
      }
    }
    int[] a = initialRungs(builtIn, builtInScenario.defaults());
    int[] b = initialRungs(user, userScenario.defaults());
    if (!Arrays.equals(a, b)) {
      throw new AssertionError("the runs start with different rungs (none/parts/OEM/ODM/own product): built-in "
          + Arrays.toString(a) + ", user " + Arrays.toString(b));
    }
    Parameters pa = builtInScenario.defaults();
    Parameters pb = userScenario.defaults();
    if (!pa.get(ClusterDynamics.REGISTERED_OUTSIDE).equals(pb.get(ClusterDynamics.REGISTERED_OUTSIDE))) {
      throw new AssertionError("registered plants outside the ladder differ: " + pa + " vs " + pb);
    }
    for (Parameter<Integer> p : TOP_UPS) {
      if (pb.get(p) != 0) {
        throw new AssertionError("the user's run draws firms onto rungs: " + p.name() + " = " + pb.get(p));
      }
    }
  }

  /** Firms on each rung in the first year: the file's stages plus the drawn top-ups. */
  private static int[] initialRungs(ClusterWorld world, Parameters p) {
    int[] rungs = new int[EntryStage.values().length];
    for (Organization o : world.firms()) {
      rungs[o.entryStage().ordinal()]++;
    }
    for (int r = 0; r < TOP_UPS.size(); r++) {
      int drawn = p.get(TOP_UPS.get(r));
      rungs[r + 1] += drawn;
      rungs[0] -= drawn;
    }
    return rungs;
  }

  private static int[] shuffled(int n, SplittableRandom random) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }
}
