package io.github.renkei.cluster.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.renkei.cluster.catalog.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The support network map is a PNG file, written atomically. */
class ChartsTest {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir
  Path dir;

  private void assertIsAPngAloneInItsDirectory(Path written, Path expected) throws IOException {
    assertSame(expected, written);
    byte[] bytes = Files.readAllBytes(written);
    assertTrue(bytes.length > 4_000, "only " + bytes.length + " bytes");
    assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(expected.getFileName()), files.map(Path::getFileName).toList(),
          "no temporary file is left beside the chart");
    }
  }

  @Test
  void supportNetworkMapDrawsTheCatalogAsAPng() throws IOException {
    Path png = dir.resolve("network.png");
    assertIsAPngAloneInItsDirectory(Charts.supportNetworkMap(Catalog.nationwide(), png), png);
  }

  @Test
  void aPathWithoutThePngSuffixIsFine() throws IOException {
    Path chart = dir.resolve("chart.image");
    assertIsAPngAloneInItsDirectory(Charts.supportNetworkMap(Catalog.nationwide(), chart), chart);
  }

  @Test
  void hubLabelsDropATrailingParenthesis() {
    assertEquals("Kurashiki Chuo Promotion Organization",
        Charts.shortName("Kurashiki Chuo Promotion Organization (as named in the seed)"));
    assertEquals("Iwate Industry Promotion Center", Charts.shortName("Iwate Industry Promotion Center"));
  }
}
