package io.github.renkei.cluster.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.renkei.cluster.model.Cluster;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of CLUSTER-FORMAT.md are valid, describe the same cluster, and are what the writers write. */
class DocumentedExamplesTest {

  @TempDir
  Path dir;

  /** The fenced blocks whose info string names a file: {@code ```csv organizations.csv}. */
  private static Map<String, String> examples() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("CLUSTER-FORMAT.md"));
    Map<String, String> blocks = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String[] fence = lines.get(i).split(" ");
      if (fence.length == 2 && fence[0].startsWith("```")) {
        StringBuilder text = new StringBuilder();
        for (i++; !lines.get(i).equals("```"); i++) {
          text.append(lines.get(i)).append('\n');
        }
        blocks.put(fence[1], text.toString());
      }
    }
    return blocks;
  }

  @Test
  void theJsonAndCsvExamplesAreTheSameClusterAndWhatTheWritersWrite() throws IOException {
    Map<String, String> examples = examples();
    assertEquals(List.of("cluster.json", "organizations.csv", "relationships.csv", "needs.csv", "programs.csv"),
        List.copyOf(examples.keySet()));
    Cluster fromJson = ClusterJson.fromJson("cluster.json", new StringReader(examples.get("cluster.json")));
    for (Map.Entry<String, String> e : examples.entrySet()) {
      if (e.getKey().endsWith(".csv")) {
        Files.writeString(dir.resolve(e.getKey()), e.getValue());
      }
    }
    assertEquals(fromJson, ClusterCsv.read(dir));
    assertEquals(examples.get("cluster.json"), ClusterJson.toJson(fromJson));
    ClusterCsv.write(fromJson, dir);
    for (Map.Entry<String, String> e : examples.entrySet()) {
      if (e.getKey().endsWith(".csv")) {
        assertEquals(e.getValue(), Files.readString(dir.resolve(e.getKey())).replace("\r\n", "\n"), e.getKey());
      }
    }
  }
}
