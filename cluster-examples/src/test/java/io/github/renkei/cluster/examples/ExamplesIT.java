package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example programs run from the jar ({@code java -cp renkei.jar <class>}): bad arguments and
 * missing files are one line and a non-zero exit code, and nothing prints SLF4J's warnings about
 * a missing logging provider (issue 15).
 */
class ExamplesIT {

  private static void assertOneLine(RenkeiProcess.Result r, String... fragments) {
    assertEquals(Renkei.BAD_INPUT, r.code(), r.toString());
    assertEquals(1, r.errLines().size(), "one line:\n" + r);
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace:\n" + r);
    for (String f : fragments) {
      assertTrue(r.err().contains(f), "'" + f + "' not in:\n" + r);
    }
  }

  @Test
  void checkObservedNamesAMissingOrMalformedFileInOneLine(@TempDir Path dir) throws IOException {
    assertOneLine(RenkeiProcess.main(CheckObserved.class, "nope.tsv").in(dir).run(),
        "CheckObserved: no such file: nope.tsv");
    Path bad = Files.writeString(dir.resolve("bad.tsv"), "not a header\n");
    assertOneLine(RenkeiProcess.main(CheckObserved.class, bad.toString()).run(), "CheckObserved: ", "bad.tsv",
        "line 1");
    assertOneLine(RenkeiProcess.main(CheckObserved.class, bad.toString(), "many").run(), "replications", "'many'");
  }

  @Test
  void theOtherProgramsNameTheirBadArgumentsInOneLine(@TempDir Path dir) throws IOException {
    assertOneLine(RenkeiProcess.main(PolicyExperiments.class, "lots").run(), "PolicyExperiments: ", "replications",
        "'lots'");
    assertOneLine(RenkeiProcess.main(PolicyExperiments.class, "0").run(), "replications", "'0'");
    Path file = Files.writeString(dir.resolve("ladder"), "a file");
    assertOneLine(RenkeiProcess.main(LadderExperiment.class, file.toString(), "2").run(), "LadderExperiment: ",
        file + " is a file, not a folder");
    assertOneLine(RenkeiProcess.main(LadderExperiment.class, dir.resolve("out").toString(), "-3").run(),
        "replications", "'-3'");
    assertOneLine(RenkeiProcess.main(FukushimaBacktest.class, "many").run(), "FukushimaBacktest: ", "particles",
        "'many'");
    assertOneLine(RenkeiProcess.main(FukushimaBacktest.class, "300", "0").run(), "draws", "'0'");
    assertOneLine(RenkeiProcess.main(FukushimaPosterior.class, dir.toString()).run(), "FukushimaPosterior: ",
        dir + " is a folder, not a file");
    assertOneLine(RenkeiProcess.main(FukushimaPosterior.class, dir.resolve("no/such/p.tsv").toString()).run(),
        "no such folder");
  }

  @Test
  void noProgramWarnsAboutAMissingLoggingProvider(@TempDir Path dir) throws IOException {
    // each of these logs through SLF4J (the catalog when it loads, the experiment when it runs)
    for (RenkeiProcess p : new RenkeiProcess[] {
        RenkeiProcess.main(FukushimaSummary.class),
        RenkeiProcess.main(EmbedModel.class),
        RenkeiProcess.main(LadderExperiment.class, dir.resolve("ladder").toString(), "2"),
        RenkeiProcess.renkei("catalog"),
        RenkeiProcess.renkei("simulate", "--config", "-", "--out", dir.resolve("sim").toString(), "--no-progress")
            .stdin("{\"lastYear\": 2016, \"replications\": 2}")}) {
      RenkeiProcess.Result r = p.run();
      assertFalse(r.err().contains("SLF4J"), p.command() + "\n" + r);
    }
  }
}
