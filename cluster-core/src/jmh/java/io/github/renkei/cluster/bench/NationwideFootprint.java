package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.dynamics.NationalState;
import io.github.renkei.cluster.dynamics.NationwideDynamics;
import io.github.renkei.cluster.dynamics.NationwideWorld;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.ExperimentResult;
import io.github.renkei.cluster.simulation.Scenario;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import org.openjdk.jol.info.GraphLayout;

/**
 * Issue 20's memory claim, in a plain main: builds {@code NationwideWorld.japan()} and its scenario
 * (each timed), runs the experiment once (200 replications on 2 threads, seed 2005,
 * default parameters; timed) and prints the heap pools' peak usage, the collectors' counts and
 * times, and JOL's retained sizes ({@link GraphLayout#totalSize}) of the world and of the
 * {@link ExperimentResult}. The pools' peaks include garbage; the live heap's peak is read from
 * the collector's log: run with {@code -Xlog:gc:file=...} and take the largest size after a
 * collection, or run with a smaller {@code -Xmx} to show that the experiment fits.
 *
 * <p>Arguments, all optional: replications (200), threads (2). Needs
 * {@code -Djdk.attach.allowAttachSelf=true} for JOL.
 */
public final class NationwideFootprint {

  private NationwideFootprint() {}

  /**
   * Runs the experiment once and prints its footprint.
   *
   * @param args replications, threads
   */
  public static void main(String[] args) {
    int replications = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    if (replications < 1 || threads < 1) {
      throw new IllegalArgumentException("replications and threads must be >= 1 but were " + Arrays.toString(args));
    }
    long t0 = System.nanoTime();
    NationwideWorld world = NationwideWorld.japan();
    long t1 = System.nanoTime();
    Scenario<NationalState> scenario = NationwideDynamics.scenario(world);
    long t2 = System.nanoTime();
    ExperimentResult result = Experiment.of(scenario).replications(replications).seed(2005).threads(threads).run();
    long t3 = System.nanoTime();
    System.out.printf(Locale.ROOT, "%s%nworld %.3f s, scenario %.3f s, experiment (%d replications, %d threads) "
        + "%.3f s: %.1f ns/firm-year%n", world, (t1 - t0) / 1e9, (t2 - t1) / 1e9, replications, threads,
        (t3 - t2) / 1e9, (t3 - t2) / ((double) replications * 26 * world.firms()));
    NationwideBenchmark.printPeakHeap();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      System.out.printf(Locale.ROOT, "[gc] %s: %d collections, %.3f s%n", gc.getName(), gc.getCollectionCount(),
          gc.getCollectionTime() / 1e3);
    }
    GraphLayout r = GraphLayout.parseInstance(result);
    System.out.printf(Locale.ROOT, "JOL ExperimentResult: %,d objects, totalSize %,d bytes (%.1f MiB)%n",
        r.totalCount(), r.totalSize(), r.totalSize() / 1048576.0);
    GraphLayout w = GraphLayout.parseInstance(world);
    System.out.printf(Locale.ROOT, "JOL NationwideWorld: %,d objects, totalSize %,d bytes (%.1f MiB)%n",
        w.totalCount(), w.totalSize(), w.totalSize() / 1048576.0);
    System.out.printf(Locale.ROOT, "2030 mean %s %.2f, %s %.3f%n", NationwideDynamics.REGISTERED,
        result.summary(scenario.name(), 0, NationwideDynamics.REGISTERED, "2030").mean(), NationwideDynamics.COVERAGE,
        result.summary(scenario.name(), 0, NationwideDynamics.COVERAGE, "2030").mean());
  }
}
