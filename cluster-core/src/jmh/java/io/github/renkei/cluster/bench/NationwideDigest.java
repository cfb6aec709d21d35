package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.dynamics.NationalState;
import io.github.renkei.cluster.dynamics.NationwideDynamics;
import io.github.renkei.cluster.dynamics.NationwideWorld;
import io.github.renkei.cluster.dynamics.Policies;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Grid;
import io.github.renkei.cluster.simulation.Scenario;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Issue 20: a fingerprint of a nationwide experiment's every value, to show that a change to the
 * code leaves the results as they were. Runs the nationwide scenario (2005–2030) on a world of the
 * given number of firms ({@code NationwideWorld.builder().firms(n).build()}, or
 * {@code NationwideWorld.japan()} for 15,000) over the grid council off/on × every hub plan, and
 * prints the SHA-256 of every replication's value of every metric in every year of every grid
 * point, as raw IEEE bits in a fixed order (grid point, metric in the scenario's order, year,
 * replication). Two builds whose digests are equal have results that {@link ExperimentResult#equals}
 * would find equal in their values. Run it on both builds' class paths and compare the lines.
 *
 * <p>Arguments, all optional: firms (2000), replications (4), threads (2).
 */
public final class NationwideDigest {

  private NationwideDigest() {}

  /**
   * Prints the digest.
   *
   * @param args firms, replications, threads
   * @throws NoSuchAlgorithmException never: every JVM has SHA-256
   */
  public static void main(String[] args) throws NoSuchAlgorithmException {
    int firms = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int replications = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    if (firms < 47 || replications < 1 || threads < 1) {
      throw new IllegalArgumentException("firms must be >= 47, replications and threads >= 1 but were "
          + Arrays.toString(args));
    }
    NationwideWorld world = firms == NationwideWorld.DEFAULT_FIRMS ? NationwideWorld.japan()
        : NationwideWorld.builder().firms(firms).build();
    Scenario<NationalState> scenario = NationwideDynamics.scenario(world);
    Grid grid = Grid.of(Policies.COUNCIL, false, true).and(NationwideDynamics.HUB_PLAN,
        NationwideDynamics.HubPlan.values());
    long t0 = System.nanoTime();
    ExperimentResult result = Experiment.of(scenario).grid(grid).replications(replications).seed(2005)
        .threads(threads).run();
    long t1 = System.nanoTime();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    ByteBuffer bits = ByteBuffer.allocate(Long.BYTES);
    long values = 0;
    int steps = scenario.schedule().size();
    for (int point = 0; point < grid.size(); point++) {
      for (String metric : scenario.metricNames()) {
        for (int step = 0; step < steps; step++) {
          for (double v : result.values(scenario.name(), point, metric, step)) {
            bits.clear();
            bits.putLong(Double.doubleToRawLongBits(v));
            sha.update(bits.array());
            values++;
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "%s; grid %d points, %d replications, %d threads, seed 2005: %,d values in "
        + "%.1f s%nsha256 %s%n", world, grid.size(), replications, threads, values, (t1 - t0) / 1e9,
        HexFormat.of().formatHex(sha.digest()));
  }
}
