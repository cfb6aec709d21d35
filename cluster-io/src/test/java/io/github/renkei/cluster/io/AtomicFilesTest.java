package io.github.renkei.cluster.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir
  Path dir;

  @Test
  void writesAndReplaces() throws IOException {
    Path file = dir.resolve("a.txt");
    AtomicFiles.write(file, out -> out.write("first"));
    assertEquals("first", Files.readString(file));
    AtomicFiles.write(file, out -> out.write("second, 連携"));
    assertEquals("second, 連携", Files.readString(file, StandardCharsets.UTF_8));
    assertEquals(List.of(), Toy.temporaryFiles(dir));
  }

  @Test
  void writesBinaryBytesUnchangedAndReplaces() throws IOException {
    Path file = dir.resolve("a.png");
    byte[] bytes = new byte[256];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    AtomicFiles.writeBytes(file, new byte[] {1, 2, 3});
    AtomicFiles.writeBytes(file, bytes);
    assertArrayEquals(bytes, Files.readAllBytes(file));
    assertEquals(List.of(), Toy.temporaryFiles(dir));
    assertEquals("bytes", assertThrows(NullPointerException.class,
        () -> AtomicFiles.writeBytes(file, null)).getMessage());
    assertThrows(UncheckedIOException.class, () -> AtomicFiles.writeBytes(dir.resolve("missing/a.png"), bytes));
  }

  @Test
  void aBodyThatThrowsLeavesTheTargetUnchangedAndNoTemporaryFile() throws IOException {
    Path file = Files.writeString(dir.resolve("a.txt"), "before");
    UncheckedIOException io = assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(file, out -> {
      out.write("half");
      throw new IOException("disk on fire");
    }));
    assertTrue(io.getMessage().contains(file.toString()) && io.getMessage().contains("disk on fire"),
        io.getMessage());
    IllegalStateException bug = new IllegalStateException("bug");
    assertSame(bug, assertThrows(IllegalStateException.class, () -> AtomicFiles.write(file, out -> {
      out.write("half");
      out.flush();
      throw bug;
    })));
    assertEquals("before", Files.readString(file));
    assertEquals(List.of(), Toy.temporaryFiles(dir));

    Path fresh = dir.resolve("fresh.txt");
    assertThrows(IllegalStateException.class, () -> AtomicFiles.write(fresh, out -> {
      throw bug;
    }));
    assertFalse(Files.exists(fresh));
    assertEquals(List.of(), Toy.temporaryFiles(dir));
  }

  @Test
  void aBodyMayCloseTheWriter() throws IOException {
    Path file = dir.resolve("a.txt");
    AtomicFiles.write(file, out -> {
      out.write("closed");
      out.close();
    });
    assertEquals("closed", Files.readString(file));
  }

  @Test
  void textThatUtf8CannotEncodeFailsRatherThanTurningIntoQuestionMarks() throws IOException {
    Path file = Files.writeString(dir.resolve("a.txt"), "before");
    assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(file, out -> out.write("lone \ud800")));
    assertEquals("before", Files.readString(file));
    assertEquals(List.of(), Toy.temporaryFiles(dir));
  }

  @Test
  void badTargetsAreNamed() throws IOException {
    assertEquals("target", assertThrows(NullPointerException.class,
        () -> AtomicFiles.write(null, out -> {})).getMessage());
    assertEquals("body", assertThrows(NullPointerException.class,
        () -> AtomicFiles.write(dir.resolve("a"), null)).getMessage());

    Path missing = dir.resolve("missing");
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> AtomicFiles.write(missing.resolve("a.txt"), out -> {}));
    assertTrue(e.getMessage().contains(missing + " does not exist"), e.getMessage());

    Path plain = Files.writeString(dir.resolve("plain"), "x");
    UncheckedIOException notDir = assertThrows(UncheckedIOException.class,
        () -> AtomicFiles.write(plain.resolve("a.txt"), out -> {}));
    assertTrue(notDir.getMessage().contains(plain + " is not a directory"), notDir.getMessage());

    Path sub = Files.createDirectory(dir.resolve("sub"));
    UncheckedIOException isDir = assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(sub, out -> {}));
    assertTrue(isDir.getMessage().contains("is a directory"), isDir.getMessage());
  }

  @Test
  void aRelativePathIsWrittenWhereItPoints() throws IOException {
    Path relative = Path.of("target", "atomic-relative.txt");
    Files.createDirectories(relative.getParent());
    AtomicFiles.write(relative, out -> out.write("here"));
    assertEquals("here", Files.readString(relative));
    Files.delete(relative);
  }

  @Test
  void theFileGetsTheUsualPermissionsOfANewFileNotTheOwnerOnlyOnesOfATemporaryFile() throws IOException {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path usual = Files.createFile(dir.resolve("usual"));
    Path atomic = dir.resolve("atomic");
    AtomicFiles.write(atomic, out -> out.write("x"));
    assertEquals(Files.getPosixFilePermissions(usual), Files.getPosixFilePermissions(atomic));
  }

  @Test
  void anAtomicFileIsCommittedOnceOrAbortedOnce() throws IOException {
    Path file = Files.writeString(dir.resolve("a.txt"), "before");
    try (AtomicFile f = AtomicFile.open(file)) {
      Writer w = f.writer();
      w.write("during");
      w.flush();
      assertEquals("before", Files.readString(file));
      assertEquals(1, Toy.temporaryFiles(dir).size());
      f.commit();
      f.commit(); // again: nothing
      f.abort(); // after a commit: nothing
      assertThrows(IllegalStateException.class, f::writer);
      assertEquals(file.toAbsolutePath(), f.target());
    }
    assertEquals("during", Files.readString(file));

    AtomicFile aborted = AtomicFile.open(file);
    aborted.writer().write("never");
    aborted.abort();
    aborted.abort();
    aborted.close();
    assertThrows(IllegalStateException.class, aborted::commit);
    assertTrue(aborted.toString().contains("aborted"), aborted.toString());

    try (AtomicFile unclosed = AtomicFile.open(file)) {
      unclosed.writer().write("never either");
    }
    assertEquals("during", Files.readString(file));
    assertEquals(List.of(), Toy.temporaryFiles(dir));
  }
}
