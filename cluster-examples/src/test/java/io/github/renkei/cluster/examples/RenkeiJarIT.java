package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The jar as a process: the command line as its user runs it. */
class RenkeiJarIT {

  @Test
  void helpListsTheCommandsOnStandardOutput() {
    RenkeiProcess.Result r = RenkeiProcess.renkei("--help").run();
    assertEquals(0, r.code(), r.toString());
    for (String c : new String[] {"fukushima", "match", "catalog", "simulate"}) {
      assertTrue(r.out().contains(c), r.toString());
    }
  }

  @Test
  void anUnknownCommandIsBadInputWithOneLineOnStandardError() {
    RenkeiProcess.Result r = RenkeiProcess.renkei("no-such-command").run();
    assertEquals(Renkei.BAD_INPUT, r.code(), r.toString());
    assertTrue(r.err().contains("no-such-command"), r.toString());
  }
}
