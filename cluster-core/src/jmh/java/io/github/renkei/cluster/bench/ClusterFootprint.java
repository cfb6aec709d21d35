package io.github.renkei.cluster.bench;

import io.github.renkei.cluster.model.Cluster;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.util.Multiset;
import org.openjdk.jol.vm.VM;

/**
 * Retained heap of the cluster of 100,000 organizations and 1,000,000 relationships
 * ({@link BenchData}), measured two ways:
 *
 * <ol>
 *   <li>JOL: {@code GraphLayout.parseInstance(cluster).totalSize()}, the shallow sizes of every
 *       object reachable from the cluster (the enum constants and standard capabilities it
 *       points to included, classes and static fields not), with the largest classes;
 *   <li>used heap after {@code System.gc()} (a full, stop-the-world collection with G1 unless
 *       {@code -XX:+ExplicitGCInvokesConcurrent}), once before the content is generated and
 *       once after the cluster was built, when the generated input is unreachable and only
 *       the cluster is held.
 * </ol>
 *
 * <p>Run with {@code -Xmx8g -Djdk.attach.allowAttachSelf=true}: {@code mvn -pl cluster-core
 * -Pbenchmarks test-compile exec:exec@footprint}. Not a JMH benchmark.
 */
public final class ClusterFootprint {

  private static final double MIB = 1024.0 * 1024.0;

  private ClusterFootprint() {}

  /**
   * Measures and prints.
   *
   * @param args ignored
   * @throws InterruptedException if interrupted between collections
   */
  public static void main(String[] args) throws InterruptedException {
    System.out.println("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version")
        + ", max heap " + mib(Runtime.getRuntime().maxMemory()) + " MiB, GC "
        + ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", ")));

    // load and initialize every class involved before the baseline
    Reference.reachabilityFence(build(100, 1_000));

    long before = usedAfterGc();
    Cluster cluster = build(BenchData.ORGANIZATIONS, BenchData.RELATIONSHIPS);
    long after = usedAfterGc();
    System.out.println(cluster);
    System.out.printf(Locale.ROOT, "%nUsed heap after System.gc(): before %.1f MiB, after %.1f MiB,"
        + " difference (the cluster) %.1f MiB%n", mibD(before), mibD(after), mibD(after - before));

    System.out.println();
    System.out.println(VM.current().details().lines().limit(4).collect(Collectors.joining("\n")));
    GraphLayout layout = GraphLayout.parseInstance(cluster);
    System.out.printf(Locale.ROOT, "%nJOL GraphLayout.parseInstance(cluster): %,d objects, totalSize %,d bytes"
        + " = %.1f MiB%n%n", layout.totalCount(), layout.totalSize(), mibD(layout.totalSize()));
    printTop(layout, 15);

    // the same graph split in parts; ids and names are reachable from both the organizations
    // and the relationships, so they are counted with the organizations
    GraphLayout organizations = GraphLayout.parseInstance(cluster.organizations());
    GraphLayout ties = GraphLayout.parseInstance(cluster.relationships()).subtract(organizations);
    System.out.printf(Locale.ROOT, "%norganizations() and all they reach (ids, names, sets): %.1f MiB%n",
        mibD(organizations.totalSize()));
    System.out.printf(Locale.ROOT, "relationships() without the above (Relationship objects, canonical list): %.1f MiB%n",
        mibD(ties.totalSize()));
    System.out.printf(Locale.ROOT, "the rest (indexes: by id, by prefecture..., ties by target and type): %.1f MiB%n",
        mibD(layout.totalSize() - organizations.totalSize() - ties.totalSize()));
    Reference.reachabilityFence(cluster);
  }

  /** Prints the classes with the largest total size, as {@link GraphLayout#toFootprint()} does. */
  private static void printTop(GraphLayout layout, int n) {
    Multiset<Class<?>> counts = layout.getClassCounts();
    Multiset<Class<?>> sizes = layout.getClassSizes();
    List<Class<?>> classes = new ArrayList<>(layout.getClasses());
    classes.sort(Comparator.comparingLong((Class<?> c) -> sizes.count(c)).reversed());
    System.out.printf(Locale.ROOT, "%10s %10s %12s %8s   %s%n", "COUNT", "AVG", "SUM", "MiB", "DESCRIPTION (top " + n + " by SUM)");
    for (Class<?> c : classes.subList(0, Math.min(n, classes.size()))) {
      long count = counts.count(c);
      long size = sizes.count(c);
      System.out.printf(Locale.ROOT, "%10d %10d %12d %8.1f   %s%n", count, size / count, size, mibD(size), c.getName());
    }
    System.out.printf(Locale.ROOT, "%10d %10s %12d %8.1f   (total)%n", layout.totalCount(), "", layout.totalSize(),
        mibD(layout.totalSize()));
  }

  /** Generates content and builds it; only the cluster outlives the call. */
  private static Cluster build(int organizations, int relationships) {
    return BenchData.build(
        BenchData.organizations(organizations, BenchData.SEED),
        BenchData.relationships(organizations, relationships, BenchData.SEED + 1));
  }

  /** Used heap after full collections, repeated until it no longer shrinks. */
  private static long usedAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int k = 0; k < 10; k++) {
      System.gc();
      Thread.sleep(50);
      long u = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      if (u >= used && k >= 2) {
        return Math.min(u, used);
      }
      used = Math.min(u, used);
    }
    return used;
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.0f", bytes / MIB);
  }

  private static double mibD(long bytes) {
    return bytes / MIB;
  }
}
