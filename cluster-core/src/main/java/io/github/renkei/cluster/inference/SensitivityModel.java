package io.github.renkei.cluster.inference;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.Parameters;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Simulation;
import io.github.renkei.cluster.simulation.SimulationResult;
import io.github.renkei.cluster.simulation.TimeSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * What a sensitivity analysis ({@link Sobol}, {@link Morris}) studies: named {@link Factor}s and
 * one number computed from their values. Either a plain function of the factors, or one metric
 * of a {@link Scenario} at one time of its schedule, averaged over replications, with the
 * factors being the scenario's numeric parameters. Immutable.
 *
 * <pre>{@code
 * SensitivityModel ishigami = SensitivityModel.of(
 *     x -> Math.sin(x[0]) + 7 * Math.pow(Math.sin(x[1]), 2) + 0.1 * Math.pow(x[2], 4) * Math.sin(x[0]),
 *     new Factor("x1", -Math.PI, Math.PI), new Factor("x2", -Math.PI, Math.PI),
 *     new Factor("x3", -Math.PI, Math.PI));
 *
 * SensitivityModel registrations = SensitivityModel.of(scenario, "registered", "2030")
 *     .factor("entry-rate", 0.01, 0.5)
 *     .factor("rotation-years", 1, 6)        // an integer parameter: each value an equal share
 *     .replications(10)
 *     .seed(2005)
 *     .build();
 * }</pre>
 *
 * <h2>A scenario as a model</h2>
 * A design point sets the factors' parameters (the others keep the values of
 * {@link Builder#fixed(Parameters)}, by default the scenario's defaults) and runs replications
 * {@code 0 … R−1} with {@link Simulation#run(Scenario, Parameters, long, int)} and the model's
 * seed; the model's value is the mean of the metric at the time over them. Replication
 * {@code r} draws the same random numbers at every point (common random numbers), so the value
 * is a deterministic function of the factors and the differences a sensitivity design takes are
 * not drowned in independent noise. A real parameter takes {@code lower + u · (upper − lower)};
 * an integer parameter with bounds {@code a … b} takes {@code a + ⌊u · (b − a + 1)⌋} (at most
 * {@code b}), so each of its values takes an equal share of the unit interval.
 *
 * <p>A function is called with a fresh array of the factors' values, in factor order; when an
 * analysis runs on more than one thread it is called from several threads at once and must be
 * safe for that (a pure function is).
 */
public final class SensitivityModel {

  /** What computes the value at the factors' values. */
  private interface Evaluation {
    double value(double[] values);
  }

  private final String description;
  private final ImmutableList<Factor> factors;
  /** Per factor, whether it takes integer values. */
  private final boolean[] integer;
  private final Evaluation evaluation;

  private SensitivityModel(String description, List<Factor> factors, boolean[] integer, Evaluation evaluation) {
    this.description = description;
    this.factors = ImmutableList.copyOf(factors);
    this.integer = integer;
    this.evaluation = evaluation;
  }

  /**
   * A model that is a function of real factors.
   *
   * @param function the value at the factors' values, given in factor order; must return a
   *     finite number
   * @param factors at least two factors with distinct names
   * @return the model
   * @throws IllegalArgumentException naming the factor if there are fewer than two factors or two
   *     share a name
   */
  public static SensitivityModel of(ToDoubleFunction<double[]> function, Factor... factors) {
    return of(function, Arrays.asList(checkNotNull(factors, "factors")));
  }

  /**
   * A model that is a function of real factors.
   *
   * @param function the value at the factors' values, given in factor order; must return a
   *     finite number
   * @param factors at least two factors with distinct names
   * @return the model
   * @throws IllegalArgumentException naming the factor if there are fewer than two factors or two
   *     share a name
   */
  public static SensitivityModel of(ToDoubleFunction<double[]> function, List<Factor> factors) {
    checkNotNull(function, "function");
    checkFactors(factors);
    return new SensitivityModel("function", factors, new boolean[factors.size()], function::applyAsDouble);
  }

  /**
   * Starts a model of a scenario's metric at a time.
   *
   * @param scenario the scenario
   * @param metric one of its metrics
   * @param time a label of its schedule, such as {@code "2030"}
   * @return a builder, to add the factors
   * @throws IllegalArgumentException naming the metric or time if the scenario has no such metric
   *     or its schedule no such time
   */
  public static Builder of(Scenario<?> scenario, String metric, String time) {
    return new Builder(scenario, metric, time);
  }

  private static void checkFactors(List<Factor> factors) {
    checkNotNull(factors, "factors");
    factors.forEach(f -> checkNotNull(f, "factor"));
    checkArgument(factors.size() >= 2, "a sensitivity analysis needs at least 2 factors but had %s: %s",
        factors.size(), factors);
    Set<String> names = new HashSet<>();
    for (Factor f : factors) {
      checkArgument(names.add(f.name()), "factor '%s' appears twice in %s", f.name(), factors);
    }
  }

  /**
   * Returns the factors, in order.
   *
   * @return the factors
   */
  public ImmutableList<Factor> factors() {
    return factors;
  }

  /**
   * Returns the factors' names, in order.
   *
   * @return the names
   */
  public ImmutableList<String> factorNames() {
    return factors.stream().map(Factor::name).collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the factors' values at a point of the unit cube.
   *
   * @param unit one coordinate in {@code [0, 1]} per factor
   * @return the values, an integer factor's rounded down to its share
   * @throws IllegalArgumentException if the point has the wrong number of coordinates
   */
  public double[] values(double[] unit) {
    checkNotNull(unit, "unit");
    checkArgument(unit.length == factors.size(), "a point of this model has %s coordinates but had %s",
        factors.size(), unit.length);
    double[] x = new double[unit.length];
    for (int i = 0; i < x.length; i++) {
      Factor f = factors.get(i);
      if (integer[i]) {
        int count = (int) (f.upper() - f.lower()) + 1;
        x[i] = f.lower() + Math.min((int) Math.floor(unit[i] * count), count - 1);
      } else {
        x[i] = f.at(unit[i]);
      }
    }
    return x;
  }

  /**
   * Returns the value at a point of the unit cube.
   *
   * @param unit one coordinate in {@code [0, 1]} per factor
   * @return the model's value there
   * @throws IllegalArgumentException naming the factors' values if the value is not finite
   */
  double value(double[] unit) {
    double[] x = values(unit);
    double y = evaluation.value(x.clone());
    if (!Double.isFinite(y)) {
      throw new IllegalArgumentException("the " + description + " returned " + y + " at " + describe(x)
          + "; a sensitivity analysis needs a finite value at every point");
    }
    return y;
  }

  /** The factors' values by name, as messages show a point. */
  String describe(double[] values) {
    StringBuilder s = new StringBuilder("{");
    for (int i = 0; i < values.length; i++) {
      s.append(i == 0 ? "" : ", ").append(factors.get(i).name()).append('=');
      s.append(integer[i] ? Long.toString((long) values[i]) : Double.toString(values[i]));
    }
    return s.append('}').toString();
  }

  /** Returns what the model is and its factors. */
  @Override
  public String toString() {
    return "SensitivityModel[" + description + ", factors=" + factors + "]";
  }

  /**
   * Builds a {@link SensitivityModel} of a scenario; every setter checks its values at once.
   */
  public static final class Builder {

    private final Scenario<?> scenario;
    private final String metric;
    private final String time;
    private final int step;
    private final List<Factor> factors = new ArrayList<>();
    private final List<Parameter<?>> parameters = new ArrayList<>();
    private Parameters base;
    private int replications = 1;
    private long seed;

    private Builder(Scenario<?> scenario, String metric, String time) {
      this.scenario = checkNotNull(scenario, "scenario");
      this.metric = checkNotNull(metric, "metric");
      this.time = checkNotNull(time, "time");
      checkArgument(scenario.metricNames().contains(metric), "metric '%s' is not a metric of scenario '%s' (metrics: %s)",
          metric, scenario.name(), scenario.metricNames());
      this.step = scenario.schedule().indexOf(time).orElseThrow(() -> new IllegalArgumentException("time '" + time
          + "' of metric '" + metric + "' is not in the schedule of scenario '" + scenario.name() + "' ("
          + scenario.schedule() + ")"));
      this.base = scenario.defaults();
    }

    /**
     * Adds a factor: a real or integer parameter of the scenario and the range of its values.
     *
     * @param parameter the name of a parameter the scenario declares, of type {@code Double} or
     *     {@code Integer}, not yet a factor
     * @param lower the lower bound, admitted by the parameter (a whole number for an integer one)
     * @param upper the upper bound, admitted by the parameter, above the lower
     * @return this builder
     * @throws IllegalArgumentException naming the parameter or bound if the scenario does not
     *     declare it, it is not numeric, it is already a factor, or a bound is not finite, not
     *     admitted, not whole for an integer parameter, or not in order
     */
    public Builder factor(String parameter, double lower, double upper) {
      checkNotNull(parameter, "parameter");
      Parameter<?> p = declared(parameter);
      checkArgument(p.type() == Double.class || p.type() == Integer.class,
          "factor '%s' must be a real or integer parameter of scenario '%s' but its values are %s", parameter,
          scenario.name(), p.type().getSimpleName());
      checkArgument(!parameters.contains(p), "parameter '%s' is already a factor", parameter);
      Factor f = new Factor(parameter, lower, upper);
      if (p.type() == Integer.class) {
        checkArgument(lower == Math.rint(lower) && upper == Math.rint(upper),
            "bounds of integer factor '%s' must be whole numbers but were [%s, %s]", parameter, lower, upper);
        admitted(p, (int) lower, "lower");
        admitted(p, (int) upper, "upper");
      } else {
        admitted(p, lower, "lower");
        admitted(p, upper, "upper");
      }
      factors.add(f);
      parameters.add(p);
      return this;
    }

    private static void admitted(Parameter<?> p, Object bound, String which) {
      try {
        p.checkValue(bound);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(which + " bound " + bound + " of factor '" + p.name()
            + "' is outside the parameter's admitted range: it must be " + p.rule(), e);
      }
    }

    private Parameter<?> declared(String name) {
      for (Parameter<?> p : scenario.parameters()) {
        if (p.name().equals(name)) {
          return p;
        }
      }
      throw new IllegalArgumentException("factor '" + name + "' is not a parameter of scenario '" + scenario.name()
          + "' (parameters: " + scenario.parameters().stream().map(Parameter::name).collect(Collectors.joining(", "))
          + ")");
    }

    /**
     * Holds the parameters that are not factors at given values; by default the scenario's
     * defaults.
     *
     * @param parameters values for the scenario's parameters, as from {@link Scenario#defaults()}
     * @return this builder
     * @throws IllegalArgumentException if the parameters are not those the scenario declares
     */
    public Builder fixed(Parameters parameters) {
      checkNotNull(parameters, "parameters");
      checkArgument(parameters.declared().equals(scenario.parameters()),
          "the fixed parameters %s are not those scenario '%s' declares (%s)", parameters.declared(),
          scenario.name(), scenario.parameters());
      base = parameters;
      return this;
    }

    /**
     * Sets the replications averaged at each design point; default 1.
     *
     * @param replications {@code >= 1}
     * @return this builder
     * @throws IllegalArgumentException naming the value if it is less than 1
     */
    public Builder replications(int replications) {
      checkArgument(replications >= 1, "replications must be >= 1 but was %s", replications);
      this.replications = replications;
      return this;
    }

    /**
     * Sets the root seed of the simulations; default 0. Every design point runs with it.
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Builds the model.
     *
     * @return the model
     * @throws IllegalArgumentException if there are fewer than two factors
     */
    public SensitivityModel build() {
      checkFactors(factors);
      boolean[] integer = new boolean[factors.size()];
      for (int i = 0; i < integer.length; i++) {
        integer[i] = parameters.get(i).type() == Integer.class;
      }
      ImmutableList<Parameter<?>> ps = ImmutableList.copyOf(parameters);
      Scenario<?> s = scenario;
      Parameters fixed = base;
      String m = metric;
      int at = step;
      int reps = replications;
      long root = seed;
      String description = "scenario '" + s.name() + "' (metric '" + m + "' at " + time + ", mean of " + reps
          + " replication" + (reps == 1 ? "" : "s") + ", seed " + root + ")";
      return new SensitivityModel(description, factors, integer, x -> {
        Parameters p = fixed;
        for (int i = 0; i < x.length; i++) {
          p = p.withValue(ps.get(i).name(), integer[i] ? (Object) (int) x[i] : (Object) x[i]);
        }
        double sum = 0;
        for (int r = 0; r < reps; r++) {
          SimulationResult result = Simulation.run(s, p, root, r);
          TimeSeries series = result.series(m);
          if (series.size() <= at) {
            throw new IllegalStateException("replication " + r + " of scenario '" + s.name() + "' stopped after "
                + series.size() + " steps, before " + time + ", at " + p);
          }
          sum += series.get(at);
        }
        return sum / reps;
      });
    }
  }
}
