package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input of {@link RegionBadInputs} in this JVM ({@link RegionCommandsIT} runs some as
 * processes): exit code 2, one line on standard error naming the file, the field and the value,
 * nothing written.
 */
class RegionBadInputsTest {

  private static int run(StringWriter out, StringWriter err, String... args) {
    return Renkei.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void everyBadInputIsOneLineNamingFileFieldAndValueAndNothingIsWritten(@TempDir Path dir) throws IOException {
    Path cluster = dir.resolve("my-region.json");
    Path profile = dir.resolve("my-profile.json");
    Path observed = dir.resolve("my-observed.tsv");
    StringWriter sampleErr = new StringWriter();
    assertEquals(0, run(new StringWriter(), sampleErr, "sample", "fukushima", "--out", cluster.toString(),
        "--profile", profile.toString(), "--observed", observed.toString()), sampleErr.toString());
    Path out = dir.resolve("never");
    for (String[] k : RegionBadInputs.cases(dir, cluster, profile, observed)) {
      StringWriter err = new StringWriter();
      assertEquals(Renkei.BAD_INPUT, run(new StringWriter(), err, RegionBadInputs.simulate(k, out)),
          String.join(" ", k) + "\n" + err);
      assertEquals(1, err.toString().lines().count(), err.toString());
      RegionBadInputs.assertNames(k, err.toString());
      assertFalse(Files.exists(out), String.join(" ", k));
    }
  }
}
