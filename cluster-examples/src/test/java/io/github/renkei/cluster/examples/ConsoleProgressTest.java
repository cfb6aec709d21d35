package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress for a log: a plain line every few seconds and one at the end, never a carriage return. */
class ConsoleProgressTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void printsAtMostOneLinePerIntervalAndOneAtTheEnd() {
    StringWriter log = new StringWriter();
    AtomicLong clock = new AtomicLong(0);
    try (ConsoleProgress p = ConsoleProgress.lines("replications", 1000, new PrintWriter(log), clock::get,
        Duration.ofSeconds(5))) {
      for (int done = 1; done <= 1000; done++) {
        clock.addAndGet(SECOND / 50);        // 20 s in all, one update every 20 ms
        p.stepTo(done);
      }
    }
    List<String> lines = log.toString().lines().toList();
    assertEquals(List.of(
        "replications 250/1000 (25%), 5 s elapsed, about 15 s left",
        "replications 500/1000 (50%), 10 s elapsed, about 10 s left",
        "replications 750/1000 (75%), 15 s elapsed, about 5 s left",
        "replications 1000/1000 (100%), 20 s elapsed, about 0 s left",
        "replications 1000/1000 (100%) in 20.0 s"), lines);
    assertFalse(log.toString().contains("\r"));
  }

  @Test
  void aRunShorterThanTheIntervalPrintsOnlyTheLastLine() {
    StringWriter log = new StringWriter();
    AtomicLong clock = new AtomicLong(0);
    try (ConsoleProgress p = ConsoleProgress.lines("replications", 8, new PrintWriter(log), clock::get,
        Duration.ofSeconds(5))) {
      p.listener(4).onProgress(
          new io.github.renkei.cluster.simulation.Progress(4, 4, 0, Duration.ofMillis(300)));
      clock.set(SECOND / 2);
    }
    assertEquals(List.of("replications 8/8 (100%) in 0.5 s"), log.toString().lines().toList());
  }

  @Test
  void aRunThatStopsEarlyPrintsNoLastLineSoItsErrorStandsAlone() {
    StringWriter log = new StringWriter();
    AtomicLong clock = new AtomicLong(0);
    try (ConsoleProgress p = ConsoleProgress.lines("replications", 8, new PrintWriter(log), clock::get,
        Duration.ofSeconds(5))) {
      p.stepTo(3);
      clock.set(SECOND);
    }
    assertEquals("", log.toString());
  }
}
