package io.github.renkei.cluster.bench;

import static io.github.renkei.cluster.bench.PairedTiming.max;
import static io.github.renkei.cluster.bench.PairedTiming.median;
import static io.github.renkei.cluster.bench.PairedTiming.min;

import io.github.renkei.cluster.matching.MatchChecks;
import io.github.renkei.cluster.matching.Matcher;
import io.github.renkei.cluster.matching.Matchers;
import io.github.renkei.cluster.matching.MatchingProblem;
import io.github.renkei.cluster.matching.RollingMatcher;
import io.github.renkei.cluster.matching.RollingResult;
import io.github.renkei.cluster.matching.TimedNeed;
import io.github.renkei.cluster.matching.TimedQueue;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Issue 18's realistic year, timed in paired rounds: the needs and suppliers of
 * {@link EligibilityData} (standard constraints and scorer; by default 2,000 needs and 500
 * suppliers of capacity 1–5), each need arriving on a uniformly drawn day of the 52 weeks from
 * Monday 6 April 2026, 70 % with a deadline 14–84 days after arrival, half with their own contract
 * of 30–180 days (the others 90), matched in weekly rounds by the greedy and by the optimal
 * matcher. In one JVM each round runs both, the order alternating, so that the machine's drifting
 * speed hits both alike; the figures are the medians of wall and process CPU time. Before timing,
 * each result is checked with {@link MatchChecks#rollingProblems}.
 *
 * <p>Arguments, all optional: rounds (7), warm-up rounds (2), needs (2000), suppliers (500).
 */
public final class RollingYear {

  private RollingYear() {}

  static TimedQueue queue(int needs, int suppliers, long seed) {
    EligibilityData d = EligibilityData.generate(suppliers, needs, seed);
    MatchingProblem.Builder b = MatchingProblem.builder();
    d.suppliers.forEach(b::supplier);
    MatchingProblem base = b.build();
    LocalDate start = LocalDate.of(2026, 4, 6);
    SplittableRandom rnd = new SplittableRandom(seed + 18);
    List<TimedNeed> timed = new ArrayList<>();
    for (var n : d.needs) {
      TimedNeed t = TimedNeed.of(n, start.plusDays(rnd.nextInt(364)));
      if (rnd.nextInt(100) < 70) {
        t = t.withDeadline(t.arrival().plusDays(14 + rnd.nextInt(71)));
      }
      if (rnd.nextInt(100) < 50) {
        t = t.withContractDays(30 + rnd.nextInt(151));
      }
      timed.add(t);
    }
    return TimedQueue.builder(base, start, start.plusDays(363)).needs(timed).build();
  }

  /**
   * Runs the rounds.
   *
   * @param args rounds, warm-up rounds, needs, suppliers
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int needs = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    int suppliers = args.length > 3 ? Integer.parseInt(args[3]) : 500;
    if (rounds < 1 || warmUp < 0 || needs < 1 || suppliers < 1) {
      throw new IllegalArgumentException("rounds, needs and suppliers must be >= 1 and warm-up >= 0 but were "
          + Arrays.toString(args));
    }
    long t0 = System.nanoTime();
    TimedQueue queue = queue(needs, suppliers, EligibilityData.SEED);
    System.out.printf(Locale.ROOT, "%s, built and checked in %.3f s%n", queue, (System.nanoTime() - t0) / 1e9);
    Matcher[] matchers = {Matchers.greedy(), Matchers.optimal()};
    for (Matcher m : matchers) {
      RollingResult r = RollingMatcher.weekly(m).run(queue);
      List<String> problems = MatchChecks.rollingProblems(r);
      if (!problems.isEmpty()) {
        throw new IllegalStateException(m.name() + ": " + problems.subList(0, Math.min(5, problems.size())));
      }
      double meanUse = r.utilisation().values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
      double meanWaiting = r.rounds().stream().mapToInt(x -> x.waiting()).average().orElse(0);
      long expiredIneligible = r.expired().stream()
          .filter(u -> u.lastReason().map(e -> e.eligible() == 0).orElse(false)).count();
      long expiredUnseen = r.expired().stream().filter(u -> u.rounds() == 0).count();
      long waitingIneligible = r.waitingAtEnd().stream()
          .filter(u -> u.lastReason().map(e -> e.eligible() == 0).orElse(false)).count();
      System.out.printf(Locale.ROOT, "%s%n  waiting times: %s%n  mean utilisation %.1f %%, total score %.1f,"
              + " mean needs per round %.1f%n  expired: %d with no eligible supplier in their last round, %d in no"
              + " round; waiting at the end: %d with no eligible supplier%n", r,
          r.waitingTimes().map(Object::toString).orElse("none"), 100 * meanUse,
          r.commitments().stream().mapToDouble(c -> c.score().total()).sum(), meanWaiting, expiredIneligible,
          expiredUnseen, waitingIneligible);
    }
    double[][] wall = new double[2][rounds];
    double[][] cpu = new double[2][rounds];
    for (int r = -warmUp; r < rounds; r++) {
      int first = Math.floorMod(r, 2);
      StringBuilder line = new StringBuilder(r < 0 ? "warm-up " + (r + warmUp + 1) : "round " + (r + 1));
      for (int k = 0; k < 2; k++) {
        int i = (first + k) % 2;
        System.gc();
        long c0 = processCpuNanos();
        long w0 = System.nanoTime();
        RollingResult res = RollingMatcher.weekly(matchers[i]).run(queue);
        double w = (System.nanoTime() - w0) / 1e9;
        double c = (processCpuNanos() - c0) / 1e9;
        if (res.rounds().size() != 52) {
          throw new IllegalStateException("expected 52 rounds but got " + res.rounds().size());
        }
        if (r >= 0) {
          wall[i][r] = w;
          cpu[i][r] = c;
        }
        line.append(String.format(Locale.ROOT, "  %s %.3f s (cpu %.3f s)", matchers[i].name(), w, c));
      }
      System.out.println(line);
    }
    for (int i = 0; i < 2; i++) {
      System.out.printf(Locale.ROOT, "%-8s wall median %.3f s (%.3f–%.3f), cpu median %.3f s (%.3f–%.3f)%n",
          matchers[i].name(), median(wall[i]), min(wall[i]), max(wall[i]), median(cpu[i]), min(cpu[i]), max(cpu[i]));
    }
    double[] ratio = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      ratio[r] = wall[1][r] / wall[0][r];
    }
    System.out.printf(Locale.ROOT, "optimal/greedy wall ratio median %.2f (%.2f–%.2f)%n", median(ratio), min(ratio),
        max(ratio));
  }

  private static long processCpuNanos() {
    try {
      return (Long) ManagementFactory.getPlatformMBeanServer()
          .getAttribute(new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME), "ProcessCpuTime");
    } catch (JMException e) {
      throw new IllegalStateException("this JVM does not report the process's CPU time", e);
    }
  }

}
