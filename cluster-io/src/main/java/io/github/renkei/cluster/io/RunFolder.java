package io.github.renkei.cluster.io;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A folder that a run replaces as a whole: the run writes its files into a hidden staging folder
 * beside it, and {@link #commit()} switches the staging folder in — so the folder holds the
 * previous complete run until the new one is complete, and then the new one, never a mix and
 * never a part. A run that fails, or is {@link #abort() aborted}, leaves the folder as it was.
 *
 * <pre>{@code
 * try (RunFolder run = RunFolder.begin(Path.of("results"))) {
 *   Experiment.of(baseline).replications(200).seed(42)
 *       .sink(CsvSink.to(run.resolve("rows.csv")))
 *       .sink(RunManifest.sink(run.resolve("manifest.json")))   // after the data's sinks
 *       .run();
 *   AtomicFiles.write(run.resolve("notes.txt"), out -> out.write("baseline\n"));
 *   run.commit();
 * } // an exception before commit() leaves results/ as it was, and no staging folder
 * }</pre>
 *
 * <h2>The steps, and what a kill at each leaves</h2>
 * For a folder {@code out} in a directory {@code P}, a process with id {@code PID} and a random
 * {@code R}:
 * <ol>
 *   <li>{@link #begin(Path)} first {@link #recover recovers} what killed runs left (below), then
 *       creates {@code P/.out.renkei-PID-R.staging} holding the {@linkplain #MARKER marker}
 *       {@code .renkei-run.json} in state {@code staging}, and the run writes its files there.
 *       A kill leaves {@code out} as it was, and the staging folder.</li>
 *   <li>{@link #commit()} forces every file to disk and rewrites the marker in state
 *       {@code complete}, listing every file and folder of the run. A kill leaves {@code out} as
 *       it was, and the staging folder.</li>
 *   <li>It renames {@code out} aside to {@code P/.out.renkei-PID-R.old} (if there is one). A
 *       kill between this rename and the next leaves <em>no</em> {@code out} — the old run
 *       aside and the new complete one in staging; the next {@code begin} or {@link #recover}
 *       puts the new one in place. Both renames are single system calls, microseconds apart.</li>
 *   <li>It renames the staging folder to {@code out}. From here {@code out} holds the new run.
 *       A kill leaves the old run aside.</li>
 *   <li>It deletes the old run aside: the files its marker lists, the marker, then the folders
 *       left empty.</li>
 * </ol>
 * {@link #recover(Path)} — which every {@code begin} runs first — finds the staging and aside
 * folders of {@code out} whose process no longer runs on this machine: an aside folder is
 * renamed back to {@code out} if {@code out} is missing and no complete staging folder of the
 * same run exists, the complete staging folder is renamed to {@code out} if it does, and
 * otherwise the aside folder is deleted as in step 5; a staging folder is deleted with
 * everything in it if it holds the marker (or holds nothing but the marker's temporary file).
 * So after any kill, once the next run has begun, {@code out} holds exactly the old complete run
 * or the new complete run, and no leftover remains. Temporary files of {@link AtomicFile} live
 * inside the staging folder and go with it.
 *
 * <h2>Whose files</h2>
 * A run replaces the whole folder, so {@code begin} and {@code commit} refuse to replace a
 * folder that holds anything a run did not write — a file of yours, or the output of a Renkei
 * version without run folders — naming it; an empty folder is fine. Recovery touches only names
 * of the patterns above, whose process is gone, and of them only folders that carry the marker.
 * A folder written from several machines at once (a network share) is not supported: a run on
 * another machine looks gone.
 *
 * <p>Two runs into the same folder at the same time are not supported: each stages its own
 * files, so the folder still never mixes them, but one of the two commits may fail, leaving its
 * old run aside for the next recovery.
 */
public final class RunFolder implements Closeable {

  /** The name of the marker file in a run's folder, listing what the run wrote. */
  public static final String MARKER = ".renkei-run.json";

  private static final String STAGING = ".staging";
  private static final String ASIDE = ".old";
  private static final String FORMAT = "renkei-run-folder/1";
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final SecureRandom RANDOM = new SecureRandom();

  private enum State {
    OPEN,
    COMMITTED,
    ABORTED
  }

  private final Path folder;
  private final Path staging;
  private final Path aside;
  private final Instant started;
  private State state = State.OPEN;

  private RunFolder(Path folder, Path staging, Path aside, Instant started) {
    this.folder = folder;
    this.staging = staging;
    this.aside = aside;
    this.started = started;
  }

  /**
   * Begins a run of a folder: recovers what killed runs left beside it, checks that the folder
   * (if it exists) holds nothing but a previous run, and creates the staging folder.
   *
   * @param folder the folder; it and its parent are created as needed (the folder itself only
   *     at {@link #commit()})
   * @return the run; write its files under {@link #path()}
   * @throws NullPointerException if the folder is null
   * @throws IllegalArgumentException if the path names no folder (a root)
   * @throws UncheckedIOException naming the folder if it is a file, holds files no run wrote, or
   *     the staging folder cannot be created
   */
  public static RunFolder begin(Path folder) {
    requireNonNull(folder, "folder");
    Path target = folder.toAbsolutePath().normalize();
    Path parent = target.getParent();
    if (parent == null || target.getFileName() == null) {
      throw new IllegalArgumentException("cannot write a run to " + folder + ": it names no folder");
    }
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new UncheckedIOException("cannot write a run to " + folder + ": it is a file, not a folder",
          new NotDirectoryException(target + " is a file, not a folder"));
    }
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the folder " + parent + " (" + e + ")", e);
    }
    recover(target);
    checkReplaceable(target);
    String name = target.getFileName().toString();
    String token = Leftovers.prefix(name) + Long.toUnsignedString(RANDOM.nextLong(), 36);
    Path staging = parent.resolve(token + STAGING);
    try {
      Files.createDirectory(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a run to " + folder + ": cannot create " + staging + " (" + e
          + ")", e);
    }
    RunFolder run = new RunFolder(target, staging, parent.resolve(token + ASIDE), Instant.now());
    try {
      run.writeMarker("staging", List.of());
    } catch (RuntimeException e) {
      run.abortAfter(e);
      throw e;
    }
    return run;
  }

  /**
   * Returns the folder this run replaces.
   *
   * @return the folder, as an absolute path
   */
  public Path folder() {
    return folder;
  }

  /**
   * Returns where the run writes its files until the commit: the staging folder.
   *
   * @return the staging folder, as an absolute path
   */
  public Path path() {
    return staging;
  }

  /**
   * Returns the path of a file or folder of the run, in the staging folder.
   *
   * <pre>{@code
   * Path csv = run.resolve("council/results.csv");   // create the folder "council" first
   * }</pre>
   *
   * @param relative a relative path ({@code "results.csv"}, {@code "council/results.csv"})
   * @return the path in the staging folder
   * @throws NullPointerException if the path is null
   * @throws IllegalArgumentException if the path is absolute, leaves the folder, or names the
   *     marker
   */
  public Path resolve(String relative) {
    requireNonNull(relative, "relative");
    Path p = staging.resolve(relative).normalize();
    if (Path.of(relative).isAbsolute() || !p.startsWith(staging) || p.equals(staging)) {
      throw new IllegalArgumentException("the path '" + relative + "' is not a file inside the run folder "
          + folder);
    }
    if (staging.relativize(p).toString().equals(MARKER)) {
      throw new IllegalArgumentException("the path '" + relative + "' is the run folder's marker; choose another"
          + " name");
    }
    return p;
  }

  /**
   * Switches the staging folder in: forces the files to disk, marks the run complete, renames the
   * previous folder aside, renames the staging folder onto the folder and deletes the previous
   * run. Calling it again does nothing.
   *
   * @throws IllegalStateException if the run was aborted, or a file is still being written (an
   *     {@link AtomicFile} neither committed nor aborted); the run is then aborted
   * @throws UncheckedIOException naming the folder if any step fails; the folder then holds the
   *     previous run and the staging folder is deleted
   */
  public void commit() {
    if (state == State.COMMITTED) {
      return;
    }
    if (state == State.ABORTED) {
      throw new IllegalStateException("the run of " + folder + " was aborted; it cannot be committed");
    }
    try {
      List<String> entries = entries(staging);
      for (String e : entries) {
        String file = e.substring(e.lastIndexOf('/', e.length() - 2) + 1);
        if (file.contains(Leftovers.TAG) && file.endsWith(".tmp")) {
          throw new IllegalStateException("cannot commit the run of " + folder + ": " + e + " is still being"
              + " written (an AtomicFile neither committed nor aborted)");
        }
      }
      entries.remove(MARKER);
      forceAll(entries);
      writeMarker("complete", entries);
      boolean replacing = Files.exists(folder, LinkOption.NOFOLLOW_LINKS);
      if (replacing) {
        checkReplaceable(folder);
        move(folder, aside);
      }
      try {
        move(staging, folder);
      } catch (IOException e) {
        if (replacing) {
          try {
            move(aside, folder);
          } catch (IOException suppressed) {
            e.addSuppressed(suppressed);
          }
        }
        throw e;
      }
      state = State.COMMITTED;
    } catch (IOException e) {
      UncheckedIOException failure = new UncheckedIOException("cannot write the run to " + folder + " (" + e + ")",
          e);
      abortAfter(failure);
      throw failure;
    } catch (RuntimeException | Error e) {
      abortAfter(e);
      throw e;
    }
    AtomicFile.syncDirectory(folder.getParent());
    removeRun(aside);
  }

  /**
   * Gives up: deletes the staging folder and everything in it; the folder stays as it was. Does
   * nothing if the run was already committed or aborted.
   *
   * @throws UncheckedIOException naming the staging folder if it cannot be deleted (the next run
   *     deletes it)
   */
  public void abort() {
    if (state != State.OPEN) {
      return;
    }
    state = State.ABORTED;
    try {
      deleteTree(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the staging folder " + staging + " of " + folder + " (" + e
          + ")", e);
    }
  }

  /**
   * Aborts unless the run was committed.
   *
   * @throws UncheckedIOException naming the staging folder if it cannot be deleted
   */
  @Override
  public void close() {
    abort();
  }

  /**
   * Puts right what killed runs of a folder left beside it (see the class comment): restores the
   * folder if a kill fell between the two renames of a commit, and deletes the staging and aside
   * folders and temporary files whose process no longer runs. Names of other patterns, and
   * folders without the marker, are never touched. {@link #begin(Path)} calls it; call it to
   * repair a folder without starting a run.
   *
   * <pre>{@code
   * RunFolder.recover(Path.of("results"));
   * RunManifest m = RunManifest.read(Path.of("results", "manifest.json"));
   * }</pre>
   *
   * @param folder the folder
   * @return the leftovers removed or moved into place, in the order handled
   * @throws NullPointerException if the folder is null
   * @throws UncheckedIOException naming the folder if it is missing and cannot be restored
   */
  public static List<Path> recover(Path folder) {
    requireNonNull(folder, "folder");
    Path target = folder.toAbsolutePath().normalize();
    Path parent = target.getParent();
    if (parent == null || target.getFileName() == null || !Files.isDirectory(parent)) {
      return List.of();
    }
    String name = target.getFileName().toString();
    List<Path> handled = new ArrayList<>();
    Pattern stagingPattern = Leftovers.pattern(name, STAGING);
    for (Path old : Leftovers.orphans(parent, Leftovers.pattern(name, ASIDE))) {
      if (!Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      String oldName = old.getFileName().toString();
      Path newer = parent.resolve(oldName.substring(0, oldName.length() - ASIDE.length()) + STAGING);
      try {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          if (Files.isDirectory(newer) && readMarker(newer).filter(m -> m.complete).isPresent()) {
            move(newer, target);
            handled.add(newer);
          } else {
            move(old, target);
            handled.add(old);
            continue;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot restore the run folder " + target + " from " + old + " (" + e + ")",
            e);
      }
      removeRun(old);
      handled.add(old);
    }
    for (Path staged : Leftovers.orphans(parent, stagingPattern)) {
      if (Files.isDirectory(staged, LinkOption.NOFOLLOW_LINKS) && isOurs(staged)) {
        try {
          deleteTree(staged);
          handled.add(staged);
        } catch (IOException e) {
          // left for a later run; nothing depends on it
        }
      }
    }
    return Collections.unmodifiableList(handled);
  }

  /** Whether a staging folder is ours: it has the marker, or holds only our temporary files. */
  private static boolean isOurs(Path staged) {
    if (Files.isRegularFile(staged.resolve(MARKER))) {
      return readMarker(staged).isPresent();
    }
    Pattern markerTemporary = Leftovers.pattern(MARKER, ".tmp");
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(staged)) {
      for (Path p : entries) {
        if (Leftovers.owner(markerTemporary, p.getFileName().toString()).isEmpty()) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Returns the run's folder and whether the run is open, committed or aborted. */
  @Override
  public String toString() {
    return "RunFolder[" + folder + ", " + state.name().toLowerCase(Locale.ROOT) + "]";
  }

  // ---------------------------------------------------------------------------------------------

  /** A marker's content. */
  private record Marker(boolean complete, Set<String> entries) {}

  private void writeMarker(String markerState, List<String> entries) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("state", markerState);
    root.put("pid", ProcessHandle.current().pid());
    root.put("started", started.toString());
    entries.forEach(root.putArray("entries")::add);
    AtomicFiles.write(staging.resolve(MARKER), out -> {
      MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, root);
      out.write(System.lineSeparator());
    });
  }

  /** The marker of a folder, if it has one that reads as ours. */
  private static Optional<Marker> readMarker(Path dir) {
    Path file = dir.resolve(MARKER);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      JsonNode root = MAPPER.readTree(file.toFile());
      if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.path("entries").isArray()) {
        return Optional.empty();
      }
      Set<String> entries = new TreeSet<>();
      root.path("entries").forEach(e -> entries.add(e.asText()));
      return Optional.of(new Marker("complete".equals(root.path("state").asText()), entries));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Refuses a folder that holds anything its marker does not list. */
  private static void checkReplaceable(Path target) {
    if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<String> entries;
    try {
      entries = entries(target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the folder " + target + " (" + e + ")", e);
    }
    Optional<Marker> marker = readMarker(target);
    List<String> foreign = new ArrayList<>();
    for (String e : entries) {
      if (marker.isEmpty() || !(e.equals(MARKER) || marker.get().entries().contains(e))) {
        foreign.add(e);
      }
    }
    if (!foreign.isEmpty()) {
      String shown = String.join(", ", foreign.subList(0, Math.min(3, foreign.size())))
          + (foreign.size() > 3 ? " and " + (foreign.size() - 3) + " more" : "");
      String reason = "holds files that no renkei run wrote (" + shown + "); a run replaces the whole folder, so"
          + " move them away or choose another folder";
      throw new UncheckedIOException("cannot replace " + target + ": " + reason,
          new FileSystemException(target.toString(), null, reason));
    }
  }

  /**
   * Every file and folder under a folder, as relative paths with '/' (folders end in '/'),
   * sorted; links are listed, not followed.
   */
  private static List<String> entries(Path root) throws IOException {
    List<String> found = new ArrayList<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (!dir.equals(root)) {
          found.add(relative(root, dir) + "/");
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        found.add(relative(root, file));
        return FileVisitResult.CONTINUE;
      }
    });
    Collections.sort(found);
    return found;
  }

  private static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
  }

  /** Forces every regular file of the run and its folders to the storage device. */
  private void forceAll(List<String> entries) throws IOException {
    for (String e : entries) {
      Path p = staging.resolve(e);
      if (e.endsWith("/")) {
        AtomicFile.syncDirectory(p);
      } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.READ)) {
          c.force(true);
        }
      }
    }
    AtomicFile.syncDirectory(staging);
  }

  /** Deletes a previous run: what its marker lists, the marker, then the folders left empty. */
  private static void removeRun(Path run) {
    if (!Files.isDirectory(run, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Optional<Marker> marker = readMarker(run);
    try {
      if (marker.isPresent()) {
        List<String> listed = new ArrayList<>(marker.get().entries());
        Collections.reverse(listed); // files before the folders that hold them
        for (String e : listed) {
          Path p = run.resolve(e);
          if (!e.endsWith("/")) {
            Files.deleteIfExists(p);
          }
        }
        Files.deleteIfExists(run.resolve(MARKER));
      }
      List<String> left = entries(run);
      Collections.reverse(left);
      for (String e : left) {
        Path p = run.resolve(e);
        if (e.endsWith("/") && isEmpty(p)) {
          Files.delete(p);
        }
      }
      if (isEmpty(run)) {
        Files.delete(run);
      }
    } catch (IOException e) {
      // what is left is ours or the user's: the next recovery deletes ours, and never the user's
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      return !s.iterator().hasNext();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private void abortAfter(Throwable failure) {
    try {
      abort();
    } catch (RuntimeException suppressed) {
      failure.addSuppressed(suppressed);
    }
  }
}
