package io.github.renkei.cluster.examples;

/**
 * What the example programs' {@code main} methods share with the {@code renkei} command line: a
 * wrong argument or a missing file is one line on standard error that names it, with exit code
 * {@link Renkei#BAD_INPUT}; an input too large for the heap is one line with the remedy, exit code
 * {@link Renkei#FAILURE}; only a bug prints a stack trace.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   ExampleMain.run("CheckObserved", () -> { ... });
 * }
 * }</pre>
 */
final class ExampleMain {

  /** A program's body. */
  @FunctionalInterface
  interface Body {
    /**
     * Runs the program.
     *
     * @throws Exception whatever it throws; bad input is reported in one line
     */
    void run() throws Exception;
  }

  private ExampleMain() {}

  /**
   * Runs a program's body and exits with a non-zero code after one line on standard error if the
   * input was bad; returns normally after a success.
   *
   * @param program the program's name, the first word of the message
   * @param body the program
   */
  static void run(String program, Body body) {
    int code = 0;
    try {
      body.run();
    } catch (Renkei.TooLargeException e) {
      System.err.println(program + ": " + e.getMessage());
      code = Renkei.FAILURE;
    } catch (OutOfMemoryError e) {
      System.err.printf("%s: out of memory with %d MB of heap; give Java more, e.g. java -Xmx4g -cp renkei.jar ...%n",
          program, Runtime.getRuntime().maxMemory() / (1024 * 1024));
      code = Renkei.FAILURE;
    } catch (Exception e) {
      if (!Renkei.isBadInput(e) && !(e instanceof java.io.UncheckedIOException)) {
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
      System.err.println(program + ": " + Renkei.message(e));
      code = Renkei.BAD_INPUT;
    } finally {
      System.out.flush();
      System.err.flush();
    }
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * A positive whole number given as the i-th argument, or a default when there are fewer.
   *
   * @param args the program's arguments
   * @param i the argument's index
   * @param name what it is, for the message
   * @param otherwise the default
   * @return the number
   * @throws Renkei.BadInputException naming the argument and the value if it is not a positive
   *     whole number
   */
  static int positive(String[] args, int i, String name, int otherwise) {
    if (args.length <= i) {
      return otherwise;
    }
    try {
      int n = Integer.parseInt(args[i].strip());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the argument's name
    }
    throw new Renkei.BadInputException("argument " + (i + 1) + " (" + name + ") must be a whole number >= 1 but was '"
        + args[i] + "'");
  }
}
