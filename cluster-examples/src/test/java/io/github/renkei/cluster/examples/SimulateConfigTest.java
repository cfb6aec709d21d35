package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The strict reading of {@code simulate}'s config: every error is one line that names the file,
 * the field and the value, and nothing is written. {@link SimulateIT} runs {@link #ISSUE_19} as a
 * process; the other cases run here, in the same JVM, to keep the build short.
 */
class SimulateConfigTest {

  /** A config and what its message must contain: the lenient readings issue 19 found. */
  static final List<String[]> ISSUE_19 = List.of(
      new String[] {"{\"seed\": 1,\n \"seed\": 2}", "'seed'", "line 2", "twice"},
      new String[] {"{\"seed\": 1.5}", "seed", "1.5"},
      new String[] {"{\"parameters\": [1, 2]}", "parameters", "[1,2]"},
      new String[] {"{\"organizations\": 5}", "organizations", "5"},
      new String[] {"{\"replications\": 0}", "replications", "0"});

  private static final List<String[]> MORE = List.of(
      new String[] {"{\"parameters\": {\"council\": true, \"council\": false}}", "'council'", "twice"},
      new String[] {"{\"seed\": \"7\"}", "seed", "\"7\""},
      new String[] {"{\"seed\": 99999999999999999999}", "seed", "99999999999999999999"},
      new String[] {"{\"grid\": [0.1, 0.7]}", "grid", "[0.1,0.7]"},
      new String[] {"{\"grid\": {\"council\": true}}", "grid.council", "non-empty array", "true"},
      new String[] {"{\"grid\": {\"council\": [{\"x\": 1}]}}", "grid.council", "{\"x\":1}"},
      new String[] {"{\"lastYear\": 2010}", "lastYear", "2010"},
      new String[] {"{\"lastYear\": 2030.5}", "lastYear", "2030.5"},
      new String[] {"{\"threads\": -1}", "threads", "-1"},
      new String[] {"{\"scenario\": 3}", "scenario", "3"},
      new String[] {"[1, 2]", "JSON object", "ARRAY"},
      new String[] {"", "JSON object", "empty"});

  @Test
  void everyConfigErrorNamesTheFileTheFieldAndTheValue(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("sim");
    for (String[] c : Stream.concat(ISSUE_19.stream(), MORE.stream()).toList()) {
      Path config = Files.writeString(dir.resolve("config-" + Integer.toHexString(c[0].hashCode()) + ".json"), c[0]);
      StringWriter err = new StringWriter();
      int code = Renkei.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "simulate",
          "--config", config.toString(), "--out", out.toString());
      assertEquals(Renkei.BAD_INPUT, code, c[0] + "\n" + err);
      assertEquals(1, err.toString().lines().count(), c[0] + "\n" + err);
      assertTrue(err.toString().startsWith("renkei simulate: " + config + ": "), c[0] + "\n" + err);
      for (int i = 1; i < c.length; i++) {
        assertTrue(err.toString().contains(c[i]), "'" + c[i] + "' not in the message of " + c[0] + "\n" + err);
      }
      assertFalse(Files.exists(out), c[0]);
    }
  }
}
