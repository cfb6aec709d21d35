package io.github.renkei.cluster.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.simulation.Experiment;
import io.github.renkei.cluster.simulation.Grid;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.ResultRow;
import io.github.renkei.cluster.simulation.RunInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSinkTest {

  @TempDir
  Path dir;

  static RunInfo info(ImmutableList<ImmutableMap<String, Object>> grid) {
    return new RunInfo("run-1", 7, ImmutableList.of("s"), ImmutableMap.of(), grid, 1, 1, 0, 1, Instant.EPOCH);
  }

  static ResultRow row(ImmutableMap<String, Object> parameters, double value) {
    return new ResultRow("run-1", "s", 0, parameters, 0, 0, "2020", "m", value);
  }

  @Test
  void aSinkIsForOneRun() {
    CsvSink sink = CsvSink.to(dir.resolve("a.csv"));
    RunInfo run = info(ImmutableList.of(ImmutableMap.of()));
    sink.begin(run);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> sink.begin(run));
    assertTrue(e.getMessage().contains("a.csv"), e.getMessage());
    sink.end(run, true);
    sink.end(run, true); // again: nothing
    assertThrows(IllegalStateException.class, () -> sink.begin(run));
    assertThrows(IllegalStateException.class, () -> sink.accept(row(ImmutableMap.of(), 1)));
  }

  @Test
  void rowsBeforeBeginAndAnEndWithoutBeginAreRefused() {
    CsvSink sink = CsvSink.to(dir.resolve("a.csv"));
    assertThrows(IllegalStateException.class, () -> sink.accept(row(ImmutableMap.of(), 1)));
    assertThrows(IllegalStateException.class, () -> sink.end(info(ImmutableList.of()), true));
    assertEquals(List.of(), Toy.temporaryFiles(dir));
  }

  @Test
  void aNullFileIsNamed() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> CsvSink.to(null));
    assertEquals("file", e.getMessage());
    assertThrows(NullPointerException.class, () -> CsvSink.read(null));
  }

  @Test
  void aGridParameterNamedLikeAColumnIsRefusedAtBegin() {
    CsvSink sink = CsvSink.to(dir.resolve("a.csv"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sink.begin(info(ImmutableList.of(ImmutableMap.of("time", 1.0)))));
    assertTrue(e.getMessage().contains("'time'"), e.getMessage());
    assertEquals(List.of(), Toy.temporaryFiles(dir));
  }

  @Test
  void beginOpensOnlyATemporaryFile() {
    Path file = dir.resolve("a.csv");
    CsvSink sink = CsvSink.to(file);
    RunInfo run = info(ImmutableList.of(ImmutableMap.of()));
    sink.begin(run);
    sink.accept(row(ImmutableMap.of(), 1.5));
    assertFalse(Files.exists(file));
    assertEquals(1, Toy.temporaryFiles(dir).size());
    assertTrue(Toy.temporaryFiles(dir).get(0).getFileName().toString().startsWith(".a.csv."));
    sink.end(run, false);
    assertFalse(Files.exists(file));
    assertEquals(List.of(), Toy.temporaryFiles(dir));
  }

  @Test
  void withoutAGridThereAreOnlyTheFixedColumns() throws IOException {
    Path file = dir.resolve("single.csv");
    Experiment.of(Toy.scenario("solo")).replications(2).seed(1).threads(1).sink(CsvSink.to(file)).run();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals("run,scenario,point,replication,step,time,metric,value", lines.get(0));
    assertEquals(1 + 2 * 5 * 2, lines.size());
    List<ResultRow> rows = CsvSink.read(file, List.of());
    assertEquals(Map.of(), rows.get(0).parameters());
    assertEquals("2020", rows.get(0).time());
    assertEquals("mean", rows.get(0).metric());
  }

  @Test
  void enumAndIntegerParametersAreWrittenByNameAndReadBackTyped() throws IOException {
    Path file = dir.resolve("typed.csv");
    Grid grid = Grid.of(Toy.MODE, Toy.Mode.FAST, Toy.Mode.SLOW).and(Toy.AGENTS, 3, 12);
    Toy.ListSink list = new Toy.ListSink();
    Experiment.of(Toy.scenario("s")).grid(grid).replications(2).seed(9).threads(2)
        .sink(CsvSink.to(file)).sink(list).run();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals("run,scenario,point,replication,step,time,metric,value,mode,agents", lines.get(0));
    assertTrue(lines.get(1).endsWith(",FAST,3"), lines.get(1));

    // the scenario's parameters are more than the grid's: fine
    List<ResultRow> rows = CsvSink.read(file, Toy.scenario("s").parameters());
    assertEquals(list.rows.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(list.rows.get(i).parameters().get("mode"), rows.get(i).parameters().get("mode"));
      assertEquals(list.rows.get(i).parameters().get("agents"), rows.get(i).parameters().get("agents"));
    }
    assertEquals(Toy.Mode.FAST, rows.get(0).parameters().get("mode"));
    assertEquals(3, rows.get(0).parameters().get("agents"));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CsvSink.read(file, List.of(Toy.MODE)));
    assertTrue(e.getMessage().contains("'agents'"), e.getMessage());
    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> CsvSink.read(file, List.of(Toy.MODE, Parameter.integer("agents", 1, 1, 5))));
    assertTrue(range.getMessage().contains("record"), range.getMessage());
    assertTrue(range.getMessage().contains("12"), range.getMessage());
  }

  @Test
  void fieldsWithCommasQuotesAndLineBreaksAreQuoted() throws IOException {
    Path file = dir.resolve("quoted.csv");
    CsvSink sink = CsvSink.to(file);
    RunInfo run = info(ImmutableList.of(ImmutableMap.of("label", "x")));
    sink.begin(run);
    ResultRow row = new ResultRow("run,1", "say \"hi\"", 0, ImmutableMap.of("label", "two\r\nlines"), 1, 2,
        "2020-Q1", "連携", -0.0);
    sink.accept(row);
    sink.end(run, true);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertEquals("run,scenario,point,replication,step,time,metric,value,label\r\n"
        + "\"run,1\",\"say \"\"hi\"\"\",0,1,2,2020-Q1,連携,-0.0,\"two\r\nlines\"\r\n", text);
    ResultRow back = CsvSink.read(file).get(0);
    assertEquals(row.run(), back.run());
    assertEquals(row.scenario(), back.scenario());
    assertEquals(row.metric(), back.metric());
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.value()));
    assertEquals(Map.of("label", "two\r\nlines"), back.parameters());
  }

  @Test
  void aFileThatIsNotOursIsRefusedNamingTheFileAndTheRecord() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.csv"), "");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CsvSink.read(empty)).getMessage()
        .contains(empty.toString()));

    Path other = Files.writeString(dir.resolve("other.csv"), "a,b\r\n1,2\r\n");
    IllegalArgumentException header = assertThrows(IllegalArgumentException.class, () -> CsvSink.read(other));
    assertTrue(header.getMessage().contains(other.toString()) && header.getMessage().contains("[a, b]"),
        header.getMessage());

    String head = "run,scenario,point,replication,step,time,metric,value\r\n";
    Path badNumber = Files.writeString(dir.resolve("bad.csv"), head + "r,s,0,0,0,2020,m,1.0\r\nr,s,x,0,0,2020,m,1\r\n");
    IllegalArgumentException number = assertThrows(IllegalArgumentException.class, () -> CsvSink.read(badNumber));
    assertTrue(number.getMessage().contains("record 3") && number.getMessage().contains("'x'"), number.getMessage());

    Path shortRow = Files.writeString(dir.resolve("short.csv"), head + "r,s,0\r\n");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CsvSink.read(shortRow)).getMessage()
        .contains("3 fields"));

    Path quote = Files.writeString(dir.resolve("quote.csv"), head + "r,\"s,0,0,0,2020,m,1\r\n");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CsvSink.read(quote)).getMessage()
        .contains(quote.toString()));

    Path missing = dir.resolve("missing.csv");
    assertTrue(assertThrows(UncheckedIOException.class, () -> CsvSink.read(missing)).getMessage()
        .contains(missing.toString()));
  }
}
