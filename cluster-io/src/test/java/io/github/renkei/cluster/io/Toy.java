package io.github.renkei.cluster.io;

import io.github.renkei.cluster.simulation.Grid;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.ResultRow;
import io.github.renkei.cluster.simulation.ResultSink;
import io.github.renkei.cluster.simulation.RunInfo;
import io.github.renkei.cluster.simulation.Scenario;
import io.github.renkei.cluster.simulation.Schedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** A toy scenario: ten agents whose wealth grows by random amounts, and a sink that keeps rows. */
final class Toy {

  enum Mode {
    SLOW,
    FAST
  }

  static final Parameter<Double> GROWTH = Parameter.real("growth", 1.0, 0.0, 10.0);
  static final Parameter<Boolean> COUNCIL = Parameter.flag("council", false);
  static final Parameter<Integer> AGENTS = Parameter.integer("agents", 10, 1, 100);
  static final Parameter<Mode> MODE = Parameter.choice("mode", Mode.class, Mode.SLOW);

  /** growth 0.5 and 1/3 (not a short decimal) × council true and false: four points. */
  static final Grid GRID = Grid.of(GROWTH, 0.5, 1.0 / 3).and(COUNCIL, true, false);

  private Toy() {}

  static Scenario<double[]> scenario(String name) {
    return scenario(name, new AtomicInteger(), -1);
  }

  /**
   * The scenario; {@code created} counts the initial states made, and the mechanism throws in
   * replication {@code failAt} (none if negative).
   */
  static Scenario<double[]> scenario(String name, AtomicInteger created, int failAt) {
    return Scenario.<double[]>builder(name, Schedule.years(2020, 2024), (parameters, random) -> {
      created.incrementAndGet();
      return new double[parameters.get(AGENTS)];
    })
        .parameters(GROWTH, COUNCIL, AGENTS, MODE)
        .mechanism("grow", (state, ctx) -> {
          if (ctx.replication() == failAt) {
            throw new IllegalStateException("boom in replication " + failAt);
          }
          double growth = ctx.parameter(GROWTH) * (ctx.parameter(COUNCIL) ? 1.5 : 1.0);
          for (int i = 0; i < state.length; i++) {
            state[i] += growth * ctx.random().nextDouble();
          }
        })
        .metric("mean", state -> Arrays.stream(state).average().orElse(0))
        .metric("max", state -> Arrays.stream(state).max().orElse(0))
        .build();
  }

  /** Keeps every row in memory, and the run info. */
  static final class ListSink implements ResultSink {
    final List<ResultRow> rows = new ArrayList<>();
    RunInfo info;
    Boolean completed;

    @Override
    public void begin(RunInfo run) {
      info = run;
    }

    @Override
    public void accept(ResultRow row) {
      rows.add(row);
    }

    @Override
    public void end(RunInfo run, boolean completed) {
      this.completed = completed;
    }
  }

  /** The temporary files in a directory. */
  static List<Path> temporaryFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
