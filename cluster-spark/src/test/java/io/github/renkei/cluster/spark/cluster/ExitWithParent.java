package io.github.renkei.cluster.spark.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Runs another main class in a child JVM of a test and ends that JVM when its standard input
 * ends, which is when the test JVM that started it dies, however it dies: a Spark master, worker
 * or driver of a killed test run never outlives it. The exit runs the shutdown hooks, so a worker
 * still stops its executors. The JVM exits when the main method returns (status 0) or throws
 * (status 1, the exception on standard error), as {@code spark-submit} does. Arguments: the main
 * class, then its arguments.
 */
public final class ExitWithParent {

  private ExitWithParent() {}

  /**
   * Watches standard input and runs the main class.
   *
   * @param args the main class and its arguments
     */
  public static void main(String[] args) throws ReflectiveOperationException {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: ExitWithParent MAIN-CLASS [ARGS...]");
    }
    Thread watch = new Thread(() -> {
      InputStream in = System.in;
      try {
        while (in.read() >= 0) {
          // the parent writes nothing; only the end of the stream counts
        }
      } catch (IOException e) {
        // a broken pipe is an end too
      }
      System.exit(143);
    }, "exit-with-parent");
    watch.setDaemon(true);
    watch.start();
    try {
      Class.forName(args[0]).getMethod("main", String[].class)
          .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (java.lang.reflect.InvocationTargetException e) {
      // as an uncaught exception in main would, but without waiting for non-daemon threads
      System.err.print("Exception in thread \"main\" ");
      e.getCause().printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }
}
