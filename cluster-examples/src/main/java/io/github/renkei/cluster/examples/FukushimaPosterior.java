package io.github.renkei.cluster.examples;

import io.github.renkei.cluster.dynamics.FukushimaCalibration;
import io.github.renkei.cluster.inference.AbcSmcGeneration;
import io.github.renkei.cluster.inference.Posterior;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reruns the shipped Bayesian calibration of the Fukushima scenario ({@link
 * FukushimaCalibration#abc(int)}: ABC-SMC, 1,000 particles) on every core, prints the posterior
 * and each generation's tolerance and acceptance, and writes the particles as the library ships
 * them ({@code cluster-core/src/main/resources/io/github/renkei/cluster/dynamics/fukushima-posterior.tsv}).
 *
 * <pre>
 * java -cp cluster-examples/target/renkei.jar io.github.renkei.cluster.examples.FukushimaPosterior [OUT.tsv]
 * </pre>
 */
public final class FukushimaPosterior {

  private FukushimaPosterior() {}

  /**
   * Runs the calibration.
   *
   * @param args the file to write (default {@code fukushima-posterior.tsv})
   */
  public static void main(String[] args) {
    ExampleMain.run("FukushimaPosterior", () -> {
      Path out = Path.of(args.length > 0 ? args[0] : "fukushima-posterior.tsv");
      // checked before the minutes of the run, not after
      if (Files.isDirectory(out)) {
        throw new Renkei.BadInputException(out + " is a folder, not a file to write the posterior to");
      }
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new Renkei.BadInputException("no such folder: " + parent + " (to write " + out.getFileName() + ")");
      }
      int threads = Runtime.getRuntime().availableProcessors();
      long start = System.nanoTime();
      long[] last = {System.nanoTime()};
      Posterior posterior = FukushimaCalibration.abc(threads).progress(p -> {
        long now = System.nanoTime();
        if (now - last[0] > 5_000_000_000L) {
          last[0] = now;
          System.err.printf(Locale.ROOT, "%d simulations, %.0f s%n", p.done(), p.elapsed().toMillis() / 1e3);
        }
      }).run();
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.print(posterior);
      for (AbcSmcGeneration g : posterior.generations()) {
        System.out.println("  " + g);
      }
      System.out.printf(Locale.ROOT, "%.0f s on %d threads%n", seconds, threads);
      try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        posterior.writeTsv(w, List.of("Posterior of the Fukushima scenario's free parameters given"
            + " Observation.fukushima() (FY2009-FY2016), by FukushimaCalibration.abc(threads): seed "
            + FukushimaCalibration.ABC_SEED + ", " + FukushimaCalibration.ABC_PARTICLES + " particles.",
            "Rewrite with: java -cp cluster-examples/target/renkei.jar"
                + " io.github.renkei.cluster.examples.FukushimaPosterior FILE"));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot write " + out + " (" + e + ")", e);
      }
      System.out.println("Wrote " + out.toAbsolutePath());
    });
  }
}
