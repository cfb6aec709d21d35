package io.github.renkei.cluster.io;

import io.github.renkei.cluster.model.Cluster;
import java.nio.file.Path;

/**
 * Reads a cluster folder and prints its organization count and the heap used after a full
 * collection, in MiB; run in its own process, with a heap limit, by {@link LargeClusterMemoryTest}.
 */
final class ReadClusterFolder {

  private ReadClusterFolder() {}

  public static void main(String[] args) {
    Cluster cluster = ClusterCsv.read(Path.of(args[0]));
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long used = (rt.totalMemory() - rt.freeMemory()) >> 20;
    System.out.println(cluster.organizations().size() + " " + used);
  }
}
