package io.github.renkei.cluster.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a killed process of ours leaves beside its files, and how to know it is ours and dead.
 * Every such name carries {@code .renkei-PID-} — the id of the process that made it — so a later
 * run removes it only when that process no longer runs on this machine, and never touches a name
 * without that tag.
 */
final class Leftovers {

  /** The tag in the name of every temporary file or folder of ours, before the owner's pid. */
  static final String TAG = ".renkei-";

  private static final long SELF = ProcessHandle.current().pid();

  private Leftovers() {}

  /** The prefix of the temporary names of a file or folder {@code name} made by this process. */
  static String prefix(String name) {
    return "." + name + TAG + SELF + "-";
  }

  /** A pattern of the temporary names of {@code name} with a suffix: group 1 is the owner's pid. */
  static Pattern pattern(String name, String suffix) {
    return Pattern.compile(Pattern.quote("." + name + TAG) + "(\\d{1,18})-([0-9a-z]+)" + Pattern.quote(suffix));
  }

  /** The owner's pid if the file name matches the pattern. */
  static OptionalLong owner(Pattern pattern, String fileName) {
    Matcher m = pattern.matcher(fileName);
    return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  /**
   * Whether the process is gone. This process is never gone, and a pid that some other process
   * now uses counts as alive: a leftover then stays until that process ends, which is safe.
   */
  static boolean gone(long pid) {
    return pid != SELF && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
  }

  /** The entries of a directory whose names match the pattern and whose owner is gone. */
  static List<Path> orphans(Path directory, Pattern pattern) {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path p : entries) {
        OptionalLong pid = owner(pattern, p.getFileName().toString());
        if (pid.isPresent() && gone(pid.getAsLong())) {
          found.add(p);
        }
      }
    } catch (IOException e) {
      // Cleaning is a courtesy: an unreadable directory fails the write that follows, with its own message.
    }
    found.sort(null);
    return found;
  }

  /** Deletes the temporary files of {@code name} in a directory whose writers are gone. */
  static void removeTemporaryFiles(Path directory, String name) {
    for (Path p : orphans(directory, pattern(name, ".tmp"))) {
      if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // left for a later run; the write that follows does not depend on it
        }
      }
    }
  }
}
