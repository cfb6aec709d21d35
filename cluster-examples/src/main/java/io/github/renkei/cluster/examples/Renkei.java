package io.github.renkei.cluster.examples;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code renkei} command line, the main class of {@code renkei.jar}:
 *
 * <pre>
 * java -jar cluster-examples/target/renkei.jar fukushima            # the main job
 * java -jar cluster-examples/target/renkei.jar match --cluster my-cluster.json
 * java -jar cluster-examples/target/renkei.jar catalog
 * java -jar cluster-examples/target/renkei.jar simulate --config experiment.json
 * java -jar cluster-examples/target/renkei.jar &lt;command&gt; --help
 * </pre>
 *
 * <p>Exit codes: 0 on success; 2 on bad input — an unknown flag or command, a missing or
 * malformed file, a configuration naming an unknown parameter or value — with one line on
 * standard error that names the problem; 3 if the output cannot be written (a full disk), with
 * one line naming the file and saying that the output folder still holds the previous run; 1 on
 * an unexpected failure. An output folder is replaced as a whole when the run is complete (see
 * cluster-io's {@code RunFolder}): after a kill or a full disk it holds the previous complete run
 * or the new complete one, never a mix.
 */
@Command(name = "renkei", mixinStandardHelpOptions = true, versionProvider = Renkei.Version.class,
    description = "Renkei: the medical-device cluster (医工連携) as a library — the main job and tools.",
    subcommands = {FukushimaCommand.class, MatchCommand.class, CatalogCommand.class, SimulateCommand.class,
        CommandLine.HelpCommand.class})
public final class Renkei implements Runnable {

  /** Exit code of bad input. */
  public static final int BAD_INPUT = 2;

  /** Exit code of output that cannot be written (a full disk); the output is as it was. */
  public static final int CANNOT_WRITE = 3;

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
    System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
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
      if (isBadInput(e)) {
        c.getErr().printf("%s: %s%n", c.getCommandSpec().qualifiedName(), message(e));
        return BAD_INPUT;
      }
      throw e;
    });
    return cli.execute(args);
  }

  /** Bad input: the user's files, flags or configuration, not a bug. */
  static boolean isBadInput(Throwable e) {
    return e instanceof IllegalArgumentException || e instanceof UncheckedIOException || e instanceof IOException
        || e instanceof BadInputException;
  }

  private static String message(Throwable e) {
    if (e instanceof UncheckedIOException u && u.getCause() != null) {
      return describe(u.getCause());
    }
    return describe(e);
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file: " + m;
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "access denied: " + m;
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

  /** The library version, from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Renkei.class.getPackage().getImplementationVersion();
      return new String[] {"renkei " + (v == null ? "(development build)" : v) + ", Java "
          + System.getProperty("java.version")};
    }
  }
}
