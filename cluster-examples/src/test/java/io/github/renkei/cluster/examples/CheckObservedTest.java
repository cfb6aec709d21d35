package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.dynamics.Observation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The out-of-sample check prints one line per figure. */
class CheckObservedTest {

  @Test
  void printsObservedAgainstSimulated() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CheckObserved.run(Observation.fukushima(), 20, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(1 + 16, out.lines().count(), out);
    assertTrue(out.lines().skip(1).allMatch(l -> l.endsWith("%")), out);
    assertTrue(out.lines().anyMatch(l -> l.startsWith("production-value") && l.contains("2012") && l.contains("1088.58")),
        out);
  }
}
