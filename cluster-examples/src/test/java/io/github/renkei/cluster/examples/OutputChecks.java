package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.io.RunFolder;
import io.github.renkei.cluster.io.RunManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a command left in its output, for the kill and full-disk tests: every file with its bytes,
 * the names beside it, and whether two outputs are the same run.
 */
final class OutputChecks {

  private OutputChecks() {}

  /** Every file under a folder (or the file itself) with its bytes, by relative path; empty if absent. */
  static Map<String, byte[]> snapshot(Path target) {
    Map<String, byte[]> m = new TreeMap<>();
    try {
      if (Files.isRegularFile(target)) {
        m.put(target.getFileName().toString(), Files.readAllBytes(target));
      } else if (Files.isDirectory(target)) {
        try (Stream<Path> s = Files.walk(target)) {
          for (Path p : s.filter(Files::isRegularFile).toList()) {
            m.put(target.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }

  /** The names in a directory, hidden ones included, sorted. */
  static List<String> names(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether two snapshots hold the same files with the same bytes. */
  static boolean identical(Map<String, byte[]> a, Map<String, byte[]> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (String k : a.keySet()) {
      if (!Arrays.equals(a.get(k), b.get(k))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a snapshot is the complete run of a reference made by the same command with the same
   * arguments: the same files, the same bytes of every data file, and manifests of a complete run
   * with the reference's run id, seed, rows and metrics (their times differ). Charts are compared
   * by presence, a report by the manifests it embeds. Returns why not, or null if it is.
   */
  static String sameRun(Map<String, byte[]> actual, Map<String, byte[]> reference) {
    if (!actual.keySet().equals(reference.keySet())) {
      return "files " + actual.keySet() + " but the complete run has " + reference.keySet();
    }
    for (String k : reference.keySet()) {
      if (k.endsWith(RunFolder.MARKER) || k.endsWith(".png")) {
        if (actual.get(k).length == 0) {
          return k + " is empty";
        }
      } else if (k.endsWith("manifest.json")) {
        RunManifest a = manifest(actual.get(k));
        RunManifest r = manifest(reference.get(k));
        if (!a.completed() || !a.run().equals(r.run()) || a.seed() != r.seed() || a.rows() != r.rows()
            || !Objects.equals(a.metrics(), r.metrics())) {
          return k + " is " + a + " but the complete run's is " + r;
        }
      } else if (k.endsWith(".html")) {
        // The report embeds the run's manifests, whose times differ from run to run: it must
        // embed exactly this folder's manifests, so a report of another run is caught.
        String html = new String(actual.get(k), StandardCharsets.UTF_8);
        for (String m : actual.keySet()) {
          if (m.endsWith("manifest.json") && !html.contains(manifest(actual.get(m)).started().toString())) {
            return k + " does not embed the manifest " + m + " of this folder";
          }
        }
      } else if (!Arrays.equals(actual.get(k), reference.get(k))) {
        return k + " differs from the complete run's";
      }
    }
    return null;
  }

  private static RunManifest manifest(byte[] json) {
    try {
      Path tmp = Files.createTempFile("manifest", ".json");
      try {
        Files.write(tmp, json);
        return RunManifest.read(tmp);
      } finally {
        Files.delete(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The temporary files under a folder or beside a file. */
  static List<String> temporaryFiles(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.map(p -> dir.relativize(p).toString()).filter(n -> n.endsWith(".tmp")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
