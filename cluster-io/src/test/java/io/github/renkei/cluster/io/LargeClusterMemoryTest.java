package io.github.renkei.cluster.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading {@code organizations.csv} streams its rows: the heap holds the cluster, not the file's
 * text nor a copy of every row. A process with a heap limit reads a generated file.
 *
 * <p>By default 100,000 rows (15.6 MB) in a 128 MiB heap, which the reader that held the whole
 * text and every row could not do (it needed 160 MiB); with {@code -Plarge-files}, 1,000,000
 * rows (156 MB, the size of the file) in a 1 GiB heap. Set {@code renkei.large.rows}
 * and {@code renkei.large.heap} to try others.
 */
class LargeClusterMemoryTest {

  @TempDir
  Path dir;

  private static final List<String> CAPABILITIES =
      List.of("MACHINING", "PRECISION_CUTTING", "INJECTION_MOULDING", "PRESS_WORKING", "WELDING", "SURFACE_TREATMENT");

  @Test
  void aLargeOrganizationsFileIsReadWithinTheHeapLimit() throws IOException, InterruptedException {
    int rows = Integer.getInteger("renkei.large.rows", 100_000);
    String heap = System.getProperty("renkei.large.heap", "128m");
    try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(ClusterCsv.ORGANIZATIONS), StandardCharsets.UTF_8)) {
      out.write("id,name,type,prefecture,capabilities,certifications,capacity,employees,founded_year,entry_stage,hub\r\n");
      for (int i = 0; i < rows; i++) {
        out.write("org-" + String.format("%07d", i) + ",Organization number " + i + " of the large cluster,"
            + "SME_MANUFACTURER,FUKUSHIMA," + CAPABILITIES.get(i % 6) + ";" + CAPABILITIES.get((i / 6) % 6)
            + ",ISO_13485;ISO_9001," + (i % 7) + "," + (i % 300) + "," + (1950 + i % 70) + ",OEM,false\r\n");
      }
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
        ReadClusterFolder.class.getName(), dir.toString())
        .redirectErrorStream(true)
        .start();
    String output;
    try (var in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
    assertEquals(0, p.exitValue(), () -> "reading " + rows + " rows in -Xmx" + heap + " failed: " + output);
    String[] counts = output.lines().reduce((a, b) -> b).orElse("").split(" ");
    assertEquals(Integer.toString(rows), counts[0], output);
    System.out.println("read " + rows + " organizations in -Xmx" + heap + "; heap after a full collection: "
        + counts[1] + " MiB");
  }
}
