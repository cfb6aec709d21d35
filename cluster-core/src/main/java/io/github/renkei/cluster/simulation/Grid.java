package io.github.renkei.cluster.simulation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;

/**
 * A parameter grid: the cartesian product of values for some parameters. Point 0 takes every
 * parameter's first value; the last parameter varies fastest. Parameters not in the grid keep
 * their scenario defaults. Immutable.
 *
 * <p>{@link #points} makes a grid of explicit points rather than a product, as a
 * {@link Calibration} does for the points its search chooses.
 *
 * <pre>{@code
 * Grid grid = Grid.of(ROTATION, 2, 3, 5).and(COUNCIL, false, true);   // 6 points
 * }</pre>
 */
public final class Grid {

  private static final Grid SINGLE = new Grid(ImmutableList.of(), ImmutableList.of(), ImmutableList.of());

  private final ImmutableList<Parameter<?>> axes;
  /** Per axis, its values; empty for a grid of explicit points. */
  private final ImmutableList<ImmutableList<Object>> values;
  /** Per point, the value of each axis; empty for a product. */
  private final ImmutableList<ImmutableList<Object>> points;

  private Grid(ImmutableList<Parameter<?>> axes, ImmutableList<ImmutableList<Object>> values,
      ImmutableList<ImmutableList<Object>> points) {
    this.axes = axes;
    this.values = values;
    this.points = points;
  }

  /**
   * The grid of one point: every parameter at its default.
   *
   * @return the single-point grid
   */
  public static Grid single() {
    return SINGLE;
  }

  /**
   * A grid of explicit points rather than a product: point {@code i} takes the values of row
   * {@code i}, in axis order. Extending it with {@link #and(Parameter, List)} pairs every point
   * with every value of the new axis. For paired comparisons against one baseline, this runs only
   * the points compared, where a product would run every combination:
   *
   * <pre>{@code
   * Grid levers = Grid.points(List.of(COUNCIL, HUB_PLAN), List.of(
   *     List.of(false, HubPlan.CATALOG),     // 0: the baseline
   *     List.of(true, HubPlan.CATALOG),      // 1: a council
   *     List.of(false, HubPlan.TWELVE)));    // 2: twelve hubs
   * }</pre>
   *
   * @param axes the parameters, at least one, distinct
   * @param rows the points, at least one, each with a value admitted by every axis
   * @return the grid
   * @throws IllegalArgumentException naming the parameter or the row that is wrong
   */
  public static Grid points(List<Parameter<?>> axes, List<? extends List<?>> rows) {
    checkNotNull(axes, "axes");
    checkNotNull(rows, "rows");
    checkArgument(!axes.isEmpty(), "a grid of points needs at least one parameter");
    checkArgument(!rows.isEmpty(), "empty grid: no points for parameters %s", axes);
    checkArgument(ImmutableSet.copyOf(axes).size() == axes.size(), "a parameter appears twice in %s", axes);
    ImmutableList.Builder<ImmutableList<Object>> checked = ImmutableList.builder();
    for (List<?> row : rows) {
      checkNotNull(row, "row");
      checkArgument(row.size() == axes.size(), "point %s has %s values for the %s parameters %s", row, row.size(),
          axes.size(), axes);
      ImmutableList.Builder<Object> r = ImmutableList.builder();
      for (int a = 0; a < axes.size(); a++) {
        r.add(axes.get(a).checkValue(row.get(a)));
      }
      checked.add(r.build());
    }
    return new Grid(ImmutableList.copyOf(axes), ImmutableList.of(), checked.build());
  }

  /**
   * A grid over one parameter.
   *
   * @param parameter the parameter
   * @param values its values, at least one, each admitted by the parameter
   * @param <T> its type
   * @return the grid
   */
  @SafeVarargs
  public static <T> Grid of(Parameter<T> parameter, T... values) {
    List<T> list = new ArrayList<>(values.length);
    for (T v : values) {
      list.add(v);
    }
    return SINGLE.and(parameter, list);
  }

  /**
   * Returns the grid with one more parameter.
   *
   * @param parameter the parameter, not yet in the grid
   * @param values its values, at least one
   * @param <T> its type
   * @return the larger grid
   */
  @SafeVarargs
  public final <T> Grid and(Parameter<T> parameter, T... values) {
    // element by element: the varargs array itself never escapes
    List<T> list = new ArrayList<>(values.length);
    for (T v : values) {
      list.add(v);
    }
    return and(parameter, list);
  }

  /**
   * Returns the grid with one more parameter.
   *
   * @param parameter the parameter, not yet in the grid
   * @param values its values, at least one
   * @param <T> its type
   * @return the larger grid
   * @throws IllegalArgumentException naming the parameter if there are no values, a value is
   *     not admitted, or the parameter is already in the grid
   */
  public <T> Grid and(Parameter<T> parameter, List<T> values) {
    checkNotNull(parameter, "parameter");
    checkNotNull(values, "values of '%s'", parameter.name());
    checkArgument(!values.isEmpty(), "empty grid: no values for parameter '%s'", parameter.name());
    checkArgument(!axes.contains(parameter), "parameter '%s' is already in the grid", parameter.name());
    ImmutableList.Builder<Object> b = ImmutableList.builder();
    for (T v : values) {
      b.add(parameter.checkValue(v));
    }
    ImmutableList<Object> checked = b.build();
    ImmutableList<Parameter<?>> larger = ImmutableList.<Parameter<?>>builder().addAll(axes).add(parameter).build();
    if (!points.isEmpty()) {
      ImmutableList.Builder<ImmutableList<Object>> rows = ImmutableList.builder();
      for (ImmutableList<Object> row : points) {
        for (Object v : checked) {
          rows.add(ImmutableList.<Object>builder().addAll(row).add(v).build());
        }
      }
      return new Grid(larger, ImmutableList.of(), rows.build());
    }
    return new Grid(larger, ImmutableList.<ImmutableList<Object>>builder().addAll(this.values).add(checked).build(),
        points);
  }

  /**
   * Returns the parameters the grid varies.
   *
   * @return the axes, in the order they were added
   */
  public ImmutableList<Parameter<?>> axes() {
    return axes;
  }

  /**
   * Returns the number of points.
   *
   * @return the product of the axes' sizes, 1 for {@link #single()}
   */
  public int size() {
    if (!points.isEmpty()) {
      return points.size();
    }
    int n = 1;
    for (List<Object> v : values) {
      n = Math.multiplyExact(n, v.size());
    }
    return n;
  }

  /**
   * Returns the values of a point.
   *
   * @param point the point's index
   * @return the value of each axis, by parameter name, in axis order
   */
  public ImmutableMap<String, Object> point(int point) {
    checkArgument(point >= 0 && point < size(), "point %s is outside the grid's 0 to %s", point, size() - 1);
    Object[] chosen = coordinates(point);
    ImmutableMap.Builder<String, Object> m = ImmutableMap.builder();
    for (int a = 0; a < axes.size(); a++) {
      m.put(axes.get(a).name(), chosen[a]);
    }
    return m.buildOrThrow();
  }

  private Object[] coordinates(int point) {
    if (!points.isEmpty()) {
      return points.get(point).toArray();
    }
    Object[] chosen = new Object[axes.size()];
    int rest = point;
    for (int a = axes.size() - 1; a >= 0; a--) {
      List<Object> v = values.get(a);
      chosen[a] = v.get(rest % v.size());
      rest /= v.size();
    }
    return chosen;
  }

  /**
   * Applies a point to a scenario's defaults.
   *
   * @param scenario the scenario
   * @param point the point's index
   * @return the scenario's parameters at that point
   * @throws IllegalArgumentException naming the parameter if the scenario does not declare an
   *     axis of the grid
   */
  public Parameters apply(Scenario<?> scenario, int point) {
    Object[] chosen = coordinates(point);
    Parameters p = scenario.defaults();
    for (int a = 0; a < axes.size(); a++) {
      if (!scenario.parameters().contains(axes.get(a))) {
        throw new IllegalArgumentException("scenario '" + scenario.name() + "' does not declare the grid's parameter '"
            + axes.get(a).name() + "'");
      }
      p = p.withValue(axes.get(a).name(), chosen[a]);
    }
    return p;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Grid && ((Grid) o).axes.equals(axes) && ((Grid) o).values.equals(values)
        && ((Grid) o).points.equals(points);
  }

  @Override
  public int hashCode() {
    return (axes.hashCode() * 31 + values.hashCode()) * 31 + points.hashCode();
  }

  /**
   * Returns for example {@code Grid[rotation-years=[2, 3, 5], council=[false, true]]}, or for
   * explicit points {@code Grid[(rate, rotation-years): [0.3, 2], [0.1, 5]]}.
   */
  @Override
  public String toString() {
    if (!points.isEmpty()) {
      StringBuilder s = new StringBuilder("Grid[(");
      for (int a = 0; a < axes.size(); a++) {
        s.append(a > 0 ? ", " : "").append(axes.get(a).name());
      }
      s.append("):");
      for (int p = 0; p < points.size(); p++) {
        s.append(p > 0 ? ", " : " ").append(points.get(p));
      }
      return s.append(']').toString();
    }
    StringBuilder s = new StringBuilder("Grid[");
    for (int a = 0; a < axes.size(); a++) {
      s.append(a > 0 ? ", " : "").append(axes.get(a).name()).append('=').append(values.get(a));
    }
    return s.append(']').toString();
  }
}
