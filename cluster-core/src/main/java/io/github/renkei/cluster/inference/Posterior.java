package io.github.renkei.cluster.inference;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.simulation.RandomStreams;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A weighted sample from a posterior distribution: particles (a value per parameter), their
 * normalized weights, the effective sample size, per-parameter weighted summaries and, when an
 * {@link AbcSmc} run made it, that run's diagnostics per generation (tolerances, proposals,
 * acceptance rates). Immutable; the same run gives an equal posterior.
 *
 * <pre>{@code
 * Posterior posterior = AbcSmc.of(scenario)....run();
 * posterior.mean("entry-rate");
 * posterior.quantile("entry-rate", 0.05);       // the 90 % credible interval's lower end
 * posterior.effectiveSampleSize();
 * posterior.epsilons();                          // the tolerance schedule
 * List<Particle> draws = posterior.sample(200, 7); // for posterior predictive runs
 * }</pre>
 *
 * <h2>Summaries</h2>
 * With normalized weights {@code wᵢ}, the mean is {@code Σ wᵢ xᵢ}, the standard deviation
 * {@code √(Σ wᵢ (xᵢ − mean)²)} (the weighted variance without a small-sample correction), and the
 * quantile of probability {@code p} the smallest value whose cumulative weight reaches {@code p}
 * (the inverse of the weighted empirical distribution function; type 1 of Hyndman and Fan, The
 * American Statistician 50, 1996). The effective sample size is Kish's
 * {@code (Σ wᵢ)² / Σ wᵢ²} (Kish, "Survey Sampling", 1965): {@code n} for equal weights, 1 when one
 * particle holds all the weight.
 */
public final class Posterior {

  private static final String SAMPLE_STREAM = "posterior-sample";

  private final ImmutableList<String> parameters;
  private final ImmutableList<Particle> particles;
  private final double effectiveSampleSize;
  private final ImmutableList<AbcSmcGeneration> generations;
  private final AbcSmc.Stop stop;
  private final long abandoned;

  private Posterior(ImmutableList<String> parameters, ImmutableList<Particle> particles,
      ImmutableList<AbcSmcGeneration> generations, AbcSmc.Stop stop, long abandoned) {
    this.parameters = parameters;
    this.particles = particles;
    this.effectiveSampleSize = effectiveSampleSize(particles.stream().mapToDouble(Particle::weight).toArray());
    this.generations = generations;
    this.stop = stop;
    this.abandoned = abandoned;
  }

  /**
   * A posterior from a weighted sample of any sampler; the weights are normalized to sum to 1.
   *
   * @param parameters the parameters' names, in order, distinct
   * @param particles the particles, each with a value of every parameter and no other, in the
   *     parameters' order
   * @return the posterior, without sampler diagnostics
   * @throws IllegalArgumentException naming the parameter or particle if a particle's parameters
   *     differ, or if the effective sample size is zero (no particles, or every weight 0)
   */
  public static Posterior of(List<String> parameters, List<Particle> particles) {
    return of(parameters, particles, ImmutableList.of(), null, 0);
  }

  /**
   * The posterior of an ABC-SMC run, with its diagnostics and the simulations of a last
   * generation the budget cut short, which no generation shows.
   */
  static Posterior of(List<String> parameters, List<Particle> particles, List<AbcSmcGeneration> generations,
      AbcSmc.Stop stop, long abandoned) {
    checkNotNull(parameters, "parameters");
    checkNotNull(particles, "particles");
    ImmutableList<String> names = ImmutableList.copyOf(parameters);
    checkArgument(!names.isEmpty(), "a posterior needs at least one parameter");
    checkArgument(new HashSet<>(names).size() == names.size(), "parameter names must be distinct but were %s", names);
    double[] w = new double[particles.size()];
    for (int i = 0; i < w.length; i++) {
      Particle p = checkNotNull(particles.get(i), "particle %s", i);
      checkArgument(p.values().keySet().asList().equals(names),
          "particle %s has values of %s but the posterior's parameters are %s", i, p.values().keySet(), names);
      w[i] = p.weight();
    }
    double total = sum(w);
    checkArgument(total > 0, "the posterior has zero effective sample size: the %s particles' weights sum to %s",
        (Object) w.length, total);
    ImmutableList.Builder<Particle> normalized = ImmutableList.builder();
    for (Particle p : particles) {
      normalized.add(new Particle(p.values(), p.weight() / total, p.distance()));
    }
    return new Posterior(names, normalized.build(), ImmutableList.copyOf(generations), stop, abandoned);
  }

  /**
   * Returns Kish's effective sample size of weights, {@code (Σ wᵢ)² / Σ wᵢ²}.
   *
   * @param weights the weights, finite and {@code >= 0}, not all 0
   * @return the effective sample size, from 1 to the number of weights
   * @throws IllegalArgumentException naming the weight if one is negative or not finite, or if
   *     the effective sample size is zero (no weights, or all 0)
   */
  public static double effectiveSampleSize(double... weights) {
    checkNotNull(weights, "weights");
    double max = 0;
    for (int i = 0; i < weights.length; i++) {
      checkArgument(Double.isFinite(weights[i]) && weights[i] >= 0, "weight %s must be finite and >= 0 but was %s",
          (Object) i, weights[i]);
      max = Math.max(max, weights[i]);
    }
    checkArgument(max > 0, "zero effective sample size: all %s weights are 0", weights.length);
    // scaled by the largest weight, so that neither sum overflows nor underflows
    double s = 0;
    double s2 = 0;
    for (double w : weights) {
      double v = w / max;
      s += v;
      s2 += v * v;
    }
    return s * s / s2;
  }

  private static double sum(double[] w) {
    double s = 0;
    for (double v : w) {
      s += v;
    }
    return s;
  }

  /**
   * Returns the parameters' names, in order.
   *
   * @return the names
   */
  public ImmutableList<String> parameters() {
    return parameters;
  }

  /**
   * Returns the particles, with weights that sum to 1.
   *
   * @return the particles
   */
  public ImmutableList<Particle> particles() {
    return particles;
  }

  /**
   * Returns the number of particles.
   *
   * @return the size of the sample
   */
  public int size() {
    return particles.size();
  }

  /**
   * Returns Kish's effective sample size of the weights.
   *
   * @return {@code 1 / Σ wᵢ²} for the normalized weights
   */
  public double effectiveSampleSize() {
    return effectiveSampleSize;
  }

  /**
   * Returns the weighted mean of a parameter.
   *
   * @param parameter the parameter's name
   * @return {@code Σ wᵢ xᵢ}
   * @throws IllegalArgumentException naming the parameter if the posterior has no such parameter
   */
  public double mean(String parameter) {
    String p = known(parameter);
    double m = 0;
    for (Particle x : particles) {
      m += x.weight() * x.value(p);
    }
    return m;
  }

  /**
   * Returns the weighted standard deviation of a parameter.
   *
   * @param parameter the parameter's name
   * @return {@code √(Σ wᵢ (xᵢ − mean)²)}
   * @throws IllegalArgumentException naming the parameter if the posterior has no such parameter
   */
  public double standardDeviation(String parameter) {
    double m = mean(parameter);
    double v = 0;
    for (Particle x : particles) {
      double d = x.value(parameter) - m;
      v += x.weight() * d * d;
    }
    return Math.sqrt(v);
  }

  /**
   * Returns a weighted quantile of a parameter: the smallest value whose cumulative weight is at
   * least {@code p}.
   *
   * @param parameter the parameter's name
   * @param p the probability in [0, 1]
   * @return the quantile
   * @throws IllegalArgumentException naming the parameter or probability if the posterior has no
   *     such parameter or {@code p} is outside [0, 1]
   */
  public double quantile(String parameter, double p) {
    String name = known(parameter);
    checkArgument(p >= 0 && p <= 1, "quantile probability must be in [0, 1] but was %s", p);
    Integer[] order = IntStream.range(0, particles.size()).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> particles.get(i).value(name)));
    double cumulative = 0;
    double last = Double.NaN;
    for (int i : order) {
      Particle x = particles.get(i);
      if (x.weight() == 0) {
        continue;
      }
      cumulative += x.weight();
      last = x.value(name);
      // the normalized weights' sum may miss 1 in the last bit
      if (cumulative >= p || cumulative >= 1 - 1e-12) {
        return last;
      }
    }
    return last;
  }

  private String known(String parameter) {
    checkNotNull(parameter, "parameter");
    checkArgument(parameters.contains(parameter), "the posterior has no parameter '%s' (parameters: %s)", parameter,
        parameters);
    return parameter;
  }

  /**
   * Draws particles with replacement, each with probability equal to its weight (multinomial
   * resampling), for posterior predictive runs: treat the draws as equally weighted. The draws
   * depend only on the posterior and the seed.
   *
   * @param n the number of draws, {@code >= 1}
   * @param seed the seed of the draws
   * @return the particles drawn, in the order drawn, with their posterior weights
   * @throws IllegalArgumentException naming the value if {@code n < 1}
   */
  public ImmutableList<Particle> sample(int n, long seed) {
    checkArgument(n >= 1, "the number of draws must be >= 1 but was %s", n);
    double[] cumulative = new double[particles.size()];
    double c = 0;
    for (int i = 0; i < cumulative.length; i++) {
      c += particles.get(i).weight();
      cumulative[i] = c;
    }
    SplittableRandom random = RandomStreams.stream(seed, 0, SAMPLE_STREAM);
    ImmutableList.Builder<Particle> draws = ImmutableList.builderWithExpectedSize(n);
    for (int k = 0; k < n; k++) {
      draws.add(particles.get(draw(cumulative, random.nextDouble() * c)));
    }
    return draws.build();
  }

  /** The first index whose cumulative weight exceeds {@code u}, skipping particles of weight 0. */
  static int draw(double[] cumulative, double u) {
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /**
   * Returns the diagnostics of each generation of the ABC-SMC run that made this posterior, the
   * last one being the posterior's.
   *
   * @return the generations; empty for a posterior {@linkplain #of(List, List) from elsewhere}
   */
  public ImmutableList<AbcSmcGeneration> generations() {
    return generations;
  }

  /**
   * Returns the tolerance schedule: each generation's ε, +∞ for generation 0.
   *
   * @return the tolerances, in order
   */
  public ImmutableList<Double> epsilons() {
    return generations.stream().map(AbcSmcGeneration::epsilon).collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the model runs of the ABC-SMC run, including those of a last generation it abandoned
   * when its simulation budget ran out.
   *
   * @return the simulations; 0 for a posterior from elsewhere
   */
  public long simulations() {
    return abandoned + generations.stream().mapToLong(AbcSmcGeneration::simulations).sum();
  }

  /**
   * Returns why the ABC-SMC run stopped.
   *
   * @return the reason; empty for a posterior from elsewhere
   */
  public Optional<AbcSmc.Stop> stopReason() {
    return Optional.ofNullable(stop);
  }

  /**
   * Writes the particles as tab-separated text: comment lines starting with {@code #} (the
   * header comment given, then the run's diagnostics when it has them), a header line {@code
   * weight, distance} and the parameter names, then one line per particle. Numbers are written so
   * that {@link #readTsv} gives back equal particles.
   *
   * @param out where to write
   * @param comment lines to put first as comments (each gets a leading {@code "# "}), such as
   *     the command that made the posterior
   * @throws IOException if {@code out} fails
   */
  public void writeTsv(Appendable out, List<String> comment) throws IOException {
    checkNotNull(out, "out");
    for (String line : checkNotNull(comment, "comment")) {
      checkArgument(line.indexOf('\n') < 0 && line.indexOf('\r') < 0, "a comment line must not contain a line"
          + " break but was '%s'", line);
      out.append("# ").append(line).append('\n');
    }
    if (stop != null) {
      out.append(String.format(Locale.ROOT, "# %d generations, %d simulations, stopped: %s, epsilons %s%n",
          generations.size(), simulations(), stop, epsilons()));
    }
    out.append("weight\tdistance");
    for (String p : parameters) {
      out.append('\t').append(p);
    }
    out.append('\n');
    for (Particle particle : particles) {
      out.append(Double.toString(particle.weight())).append('\t').append(Double.toString(particle.distance()));
      for (String p : parameters) {
        out.append('\t').append(Double.toString(particle.value(p)));
      }
      out.append('\n');
    }
  }

  /**
   * Reads particles written by {@link #writeTsv}. The posterior read has no generations'
   * diagnostics.
   *
   * @param in the text
   * @param source the file's name, for messages
   * @return the posterior, its weights normalized
   * @throws IOException if reading fails
   * @throws IllegalArgumentException naming the source, line and value if the header is not
   *     {@code weight, distance, names…}, a line has another number of fields, a field is not a
   *     finite number, a weight or distance is negative, or there is no particle
   */
  public static Posterior readTsv(Reader in, String source) throws IOException {
    checkNotNull(in, "in");
    checkNotNull(source, "source");
    BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
    List<String> names = null;
    List<Particle> read = new ArrayList<>();
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (names == null) {
        checkArgument(fields.length >= 3 && fields[0].equals("weight") && fields[1].equals("distance"),
            "%s:%s: the header must be 'weight, distance' and the parameters, tab-separated, but was '%s'", source,
            number, line);
        names = List.of(fields).subList(2, fields.length);
        continue;
      }
      checkArgument(fields.length == names.size() + 2, "%s:%s: %s fields but the header has %s", source, number,
          fields.length, names.size() + 2);
      double[] x = new double[fields.length];
      for (int i = 0; i < fields.length; i++) {
        String column = i == 0 ? "weight" : i == 1 ? "distance" : names.get(i - 2);
        try {
          x[i] = Double.parseDouble(fields[i]);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(String.format(Locale.ROOT, "%s:%d: %s must be a number but was '%s'",
              source, number, column, fields[i]), e);
        }
        checkArgument(Double.isFinite(x[i]), "%s:%s: %s must be finite but was %s", source, number, column, fields[i]);
      }
      checkArgument(x[0] >= 0 && x[1] >= 0, "%s:%s: weight and distance must be >= 0 but were %s and %s", source,
          number, fields[0], fields[1]);
      ImmutableMap.Builder<String, Double> values = ImmutableMap.builder();
      for (int i = 0; i < names.size(); i++) {
        values.put(names.get(i), x[i + 2]);
      }
      read.add(new Particle(values.buildOrThrow(), x[0], x[1]));
    }
    checkArgument(names != null && !read.isEmpty(), "%s: no particles (a header line and one line per particle"
        + " expected)", source);
    return of(names, read);
  }

  /** Returns a table: per parameter the mean, standard deviation and 5 %, 50 % and 95 % quantiles. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "Posterior[%d particles, ESS %.1f%s]%n",
        particles.size(), effectiveSampleSize, stop == null ? "" : ", " + generations.size()
            + " generations, " + simulations() + " simulations, stopped: " + stop));
    s.append(String.format(Locale.ROOT, "%-24s %12s %12s %12s %12s %12s%n", "parameter", "mean", "sd", "5%", "50%",
        "95%"));
    for (String p : parameters) {
      s.append(String.format(Locale.ROOT, "%-24s %12.5g %12.5g %12.5g %12.5g %12.5g%n", p, mean(p),
          standardDeviation(p), quantile(p, 0.05), quantile(p, 0.5), quantile(p, 0.95)));
    }
    return s.toString();
  }
}
