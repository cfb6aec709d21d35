package io.github.renkei.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pins the JPMS contract: the API packages are exported, nothing else; jqwik is optional. */
class ModuleDescriptorTest {

  private static ModuleDescriptor descriptor() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("target", "classes", "module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }

  @Test
  void exportsTheApiPackagesOnly() throws IOException {
    ModuleDescriptor d = descriptor();
    assertEquals("io.github.renkei.cluster", d.name());
    Set<String> exported = d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    assertEquals(Set.of(
        "io.github.renkei.cluster.model",
        "io.github.renkei.cluster.region",
        "io.github.renkei.cluster.regulation",
        "io.github.renkei.cluster.catalog",
        "io.github.renkei.cluster.matching",
        "io.github.renkei.cluster.network",
        "io.github.renkei.cluster.funding",
        "io.github.renkei.cluster.simulation",
        "io.github.renkei.cluster.inference",
        "io.github.renkei.cluster.dynamics",
        "io.github.renkei.cluster.testing"), exported);
    assertTrue(d.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
    // the internal package exists but stays hidden
    assertTrue(Files.isDirectory(Path.of("target", "classes", "io", "github", "renkei", "cluster", "internal")));
  }

  @Test
  void requiresGuavaAndSlf4jAndJqwikOnlyStatically() throws IOException {
    Set<String> requires = descriptor().requires().stream()
        .filter(r -> !r.name().equals("java.base"))
        .map(r -> r.name() + (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC) ? " static" : "")
            + (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE) ? " transitive" : ""))
        .collect(Collectors.toSet());
    assertEquals(Set.of("com.google.common transitive", "org.slf4j", "net.jqwik.api static"), requires);
  }
}
