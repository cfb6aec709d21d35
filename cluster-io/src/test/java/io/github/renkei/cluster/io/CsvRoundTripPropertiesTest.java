package io.github.renkei.cluster.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.renkei.cluster.simulation.Parameter;
import io.github.renkei.cluster.simulation.ResultRow;
import io.github.renkei.cluster.simulation.RunInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Whatever rows the sink writes, reading the file gives them back exactly. */
class CsvRoundTripPropertiesTest {

  private static final Parameter<Double> X = Parameter.real("x", 0, -Double.MAX_VALUE, Double.MAX_VALUE);

  /** Text with the characters CSV must quote, and some that UTF-8 encodes in several bytes. */
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withCharRange(' ', '~').withChars(',', '"', '\r', '\n', 'é', '連', '携')
        .withCharRange('\u3040', '\u30ff').ofMaxLength(12);
  }

  @Provide
  Arbitrary<ResultRow> rows() {
    Arbitrary<Double> finite = Arbitraries.doubles().filter(Double::isFinite);
    Arbitrary<Integer> index = Arbitraries.integers().between(0, Integer.MAX_VALUE);
    return Combinators.combine(texts(), texts(), index, finite, index, texts(), texts(), finite)
        .as((run, scenario, point, x, replication, time, metric, value) -> new ResultRow(run, scenario, point,
            ImmutableMap.of("x", x), replication, point % 7, time, metric, value));
  }

  @Property
  void rowsComeBackBitForBit(@ForAll @Size(max = 20) List<@From("rows") ResultRow> rows) throws IOException {
    Path dir = Files.createTempDirectory("csv-property");
    try {
      Path file = dir.resolve("rows.csv");
      RunInfo run = new RunInfo("run", 1, ImmutableList.of("s"), ImmutableMap.of(),
          ImmutableList.of(ImmutableMap.of("x", 0.0)), 1, 1, 0, 1, Instant.EPOCH);
      CsvSink sink = CsvSink.to(file);
      sink.begin(run);
      rows.forEach(sink::accept);
      sink.end(run, true);

      List<ResultRow> back = CsvSink.read(file, List.of(X));
      assertEquals(rows.size(), back.size());
      for (int i = 0; i < rows.size(); i++) {
        ResultRow a = rows.get(i);
        ResultRow b = back.get(i);
        assertEquals(List.of(a.run(), a.scenario(), a.point(), a.replication(), a.step(), a.time(), a.metric()),
            List.of(b.run(), b.scenario(), b.point(), b.replication(), b.step(), b.time(), b.metric()));
        assertEquals(Double.doubleToRawLongBits(a.value()), Double.doubleToRawLongBits(b.value()));
        assertEquals(Double.doubleToRawLongBits((Double) a.parameters().get("x")),
            Double.doubleToRawLongBits((Double) b.parameters().get("x")));
      }
    } finally {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }
}
