package io.github.renkei.cluster.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code renkei} command line, the main class of {@code renkei.jar}:
 *
 * <pre>
 * java -jar cluster-examples/target/renkei.jar fukushima            # the main job
 * java -jar cluster-examples/target/renkei.jar match --cluster my-cluster.json
 * java -jar cluster-examples/target/renkei.jar shortlist --cluster my-cluster.json --need n-100 -k 5
 * java -jar cluster-examples/target/renkei.jar catalog
 * java -jar cluster-examples/target/renkei.jar simulate --config experiment.json
 * java -jar cluster-examples/target/renkei.jar simulate --config experiment.json --shard 3/10 --out shards
 * java -jar cluster-examples/target/renkei.jar merge shards --out results
 * java -jar cluster-examples/target/renkei.jar sample fukushima --out my-region.json --profile my-profile.json
 * java -jar cluster-examples/target/renkei.jar simulate --cluster my-region.json --profile my-profile.json
 * java -jar cluster-examples/target/renkei.jar calibrate --cluster my-region.json --profile my-profile.json \
 *     --observed my-observed.tsv --out fitted.json
 * java -jar cluster-examples/target/renkei.jar nationwide --replications 200 --out renkei-nationwide
 * java -jar cluster-examples/target/renkei.jar &lt;command&gt; --help
 * </pre>
 *
 * <p>Exit codes: 0 on success; 2 on bad input — an unknown flag or command, a missing or
 * malformed file, a configuration naming an unknown parameter or value, a number out of range —
 * with one line on standard error that names the problem; 3 if the output cannot be written (a
 * full disk), with one line naming the file and saying that the output folder still holds the
 * previous run; 1 when an input file does not fit in the heap (one line naming the file and how
 * to give Java more memory) or on an unexpected failure (a stack trace). An output folder is
 * replaced as a whole when the run is complete (see cluster-io's {@code RunFolder}): after a kill
 * or a full disk it holds the previous complete run or the new complete one, never a mix. Every
 * command has {@code --help} and {@code -V}/{@code --version}; enum values (a matcher, a region
 * block) are accepted in any case. Everything a command prints reaches standard output and
 * standard error before the process exits.
 */
@Command(name = "renkei", mixinStandardHelpOptions = true, versionProvider = Renkei.Version.class,
    description = "Renkei: the medical-device cluster (医工連携) as a library — the main job and tools.",
    subcommands = {FukushimaCommand.class, MatchCommand.class, ShortlistCommand.class, CatalogCommand.class,
        SimulateCommand.class, MergeCommand.class, SampleCommand.class, CalibrateCommand.class, AdviseCommand.class,
        NationwideCommand.class, CommandLine.HelpCommand.class})
public final class Renkei implements Runnable {

  /** Exit code of bad input. */
  public static final int BAD_INPUT = 2;

  /** Exit code of output that cannot be written (a full disk); the output is as it was. */
  public static final int CANNOT_WRITE = 3;

  /** Exit code of a failure that is not the input's fault: an input too large for the heap, or a bug. */
  public static final int FAILURE = 1;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Creates the top command. */
  public Renkei() {}

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code;
    try {
      code = execute(out, err, args);
    } finally {
      // autoflush only acts on println/printf: a table written with print() would be lost by exit
      out.flush();
      err.flush();
    }
    System.exit(code);
  }

  /**
   * Runs the command line without exiting, for tests and embedding.
   *
   * @param out standard output
   * @param err standard error
   * @param args the arguments
   * @return the exit code
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Renkei());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    everyCommand(cli);
    cli.setParameterExceptionHandler((e, arguments) -> {
      CommandLine c = e.getCommandLine();
      c.getErr().printf("%s: %s (see '%s --help')%n", c.getCommandSpec().qualifiedName(), e.getMessage(),
          c.getCommandSpec().qualifiedName());
      return BAD_INPUT;
    });
    cli.setExecutionExceptionHandler((e, c, parsed) -> {
      if (e instanceof Outputs.CannotWriteException) {
        c.getErr().printf("%s: %s%n", c.getCommandSpec().qualifiedName(), e.getMessage());
        return CANNOT_WRITE;
      }
      if (e instanceof TooLargeException) {
        c.getErr().printf("%s: %s%n", c.getCommandSpec().qualifiedName(), e.getMessage());
        return FAILURE;
      }
      if (isBadInput(e)) {
        c.getErr().printf("%s: %s%n", c.getCommandSpec().qualifiedName(), message(e));
        return BAD_INPUT;
      }
      throw e;
    });
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      // not while reading an input (that is TooLargeException): the run itself needs more
      err.printf("renkei: out of memory with %d MB of heap; give Java more, e.g. java -Xmx4g -jar renkei.jar ...%n",
          Runtime.getRuntime().maxMemory() / (1024 * 1024));
      return FAILURE;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * Runs a step that checks the value of a flag, naming the flag in its message if it fails.
   *
   * @param flag the flag, e.g. {@code --until}
   * @param step builds something from the flag's value
   * @param <T> what is built
   * @return what was built
   * @throws BadInputException naming the flag and the library's reason
   */
  static <T> T flag(String flag, Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw new BadInputException(flag + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks that an output folder can be one: missing (it will be created) or a folder, not a file.
   *
   * @param flag the flag that named it
   * @param folder the folder
   * @throws BadInputException saying what is in the way
   */
  static void checkOutputFolder(String flag, Path folder) {
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new BadInputException(flag + " " + folder + " is a file, not a folder: name a folder for the output"
          + " files (it is created if missing)");
    }
    for (Path p = folder.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p) && !Files.isDirectory(p)) {
        throw new BadInputException(flag + " " + folder + " cannot be created: " + p + " is a file, not a folder");
      }
    }
  }

  /** The version option on every subcommand too, not only on {@code renkei} itself. */
  private static void everyCommand(CommandLine command) {
    CommandLine.Model.CommandSpec s = command.getCommandSpec();
    if (s.mixinStandardHelpOptions() || s.findOption("--version") != null) {
      s.versionProvider(new Version());
    }
    command.getSubcommands().values().forEach(Renkei::everyCommand);
  }

  /**
   * Reads an input, turning a heap too small for it into one message naming the file and the
   * remedy instead of an {@link OutOfMemoryError} with a stack trace. What the reading allocated
   * is unreachable once the error is thrown, so the process can still print and exit.
   *
   * @param file the input, for the message
   * @param read reads it
   * @param <T> what is read
   * @return what was read
   * @throws TooLargeException if the heap ran out while reading
   */
  static <T> T reading(Path file, Supplier<T> read) {
    try {
      return read.get();
    } catch (OutOfMemoryError e) {
      long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
      String size;
      try {
        size = Files.isRegularFile(file)
            ? String.format(Locale.ROOT, " (%.1f MB)", Files.size(file) / 1e6) : "";
      } catch (IOException sizeUnknown) {
        size = "";
      }
      throw new TooLargeException(file + size + " does not fit in the " + maxMb + " MB of heap this Java"
          + " process may use; give it more, e.g. java -Xmx4g -jar renkei.jar ...");
    }
  }

  /** Bad input: the user's files, flags or configuration, not a bug. */
  static boolean isBadInput(Throwable e) {
    return e instanceof IllegalArgumentException || e instanceof UncheckedIOException || e instanceof IOException
        || e instanceof BadInputException;
  }

  /** One line for a bad input's exception: the message's first line, or what a file error means. */
  static String message(Throwable e) {
    if (e instanceof UncheckedIOException u && u.getCause() != null) {
      return describe(u.getCause());
    }
    return describe(e);
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    if (e instanceof NoSuchFileException) {
      return "no such file: " + m;
    }
    if (e instanceof AccessDeniedException) {
      return "access denied: " + m;
    }
    if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
      return "a file is in the way where a folder is needed: " + m;
    }
    return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A user's input that cannot be used, with a message naming the problem. */
  static final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
      super(message);
    }

    BadInputException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** An input too large for the heap: a failure (exit code 1) with one line, not bad input. */
  static final class TooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLargeException(String message) {
      super(message);
    }
  }

  /** The library version, from the jar's manifest (Implementation-Version, set by the build). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Renkei.class.getPackage().getImplementationVersion();
      // only when run from classes, not from renkei.jar, is there no manifest to read
      return new String[] {"renkei " + (v == null ? "(classes, not a built jar)" : v) + ", Java "
          + System.getProperty("java.version")};
    }
  }
}
