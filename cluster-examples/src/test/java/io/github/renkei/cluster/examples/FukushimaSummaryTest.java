package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the README's main job and checks what it prints. */
class FukushimaSummaryTest {

  private static String run() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    FukushimaSummary.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsTheSupportNetworkTheSampleAMatchingRoundAndTheValidationReport() {
    String out = run();
    assertTrue(out.contains("Nationwide support network (seed list): 64 organizations, 6 hubs"), out);
    assertTrue(out.matches("(?s).*Shikoku\\s+四国\\s+4.*"), out);
    assertTrue(out.contains("(valid)"), out);
    assertTrue(out.matches("(?s).*syn-need-03\\s+ODM.*requires jp.pmd.mfg.design and jp.pmd.mfg.main-assembly\\R"
        + "\\s+-> syn-sme-soma-devices .*"), out);
    assertTrue(out.contains("unmatched: no supplier has PACKAGING and STERILIZATION_EO, in 北海道・東北"), out);
    assertTrue(out.matches("(?s).*optimal\\s+matched 4, total score 20\\.625, blocking pairs 0.*"), out);
    assertTrue(out.contains("SELF_TIE"), out);
    assertTrue(out.contains("unknown organization 'unknown-firm'"), out);
    assertTrue(out.contains("DUPLICATE_ID"), out);
  }

  @Test
  void theMainMethodRuns() {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      FukushimaSummary.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    assertTrue(bytes.toString(StandardCharsets.UTF_8).startsWith("Renkei"));
  }
}
