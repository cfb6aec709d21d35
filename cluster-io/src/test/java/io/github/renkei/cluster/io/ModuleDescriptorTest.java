package io.github.renkei.cluster.io;

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

/** Pins the JPMS contract: one exported package, nothing opened, cluster-core read transitively. */
class ModuleDescriptorTest {

  private static ModuleDescriptor descriptor() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("target", "classes", "module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }

  @Test
  void exportsTheIoPackageAndOpensNothing() throws IOException {
    ModuleDescriptor d = descriptor();
    assertEquals("io.github.renkei.cluster.io", d.name());
    assertEquals(Set.of("io.github.renkei.cluster.io"),
        d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
    assertTrue(d.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
    assertTrue(d.opens().isEmpty());
    assertTrue(!d.isOpen());
  }

  @Test
  void requiresCoreTransitivelyAndCommonsCsvAndJackson() throws IOException {
    Set<String> requires = descriptor().requires().stream()
        .filter(r -> !r.name().equals("java.base"))
        .map(r -> r.name() + (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE) ? " transitive" : ""))
        .collect(Collectors.toSet());
    assertEquals(Set.of("io.github.renkei.cluster transitive", "org.apache.commons.csv",
        "com.fasterxml.jackson.databind"), requires);
  }
}
