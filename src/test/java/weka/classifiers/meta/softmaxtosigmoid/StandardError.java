package weka.classifiers.meta.softmaxtosigmoid;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Capture of what command-line code prints to standard error, for tests.
 */
public final class StandardError {

  private StandardError() {
  }

  /**
   * Runs code with standard error redirected and returns the lines it printed, each
   * ending in '\n'. Empty lines are dropped. So are the two-line warnings that Weka's
   * linear-algebra library (com.github.fommil.netlib) logs when it is first loaded,
   * because whichever test loads it first would otherwise see them.
   *
   * @param code the code to run
   * @return the printed lines
   */
  public static String of(Runnable code) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      code.run();
    } finally {
      System.setErr(original);
    }
    StringBuilder printed = new StringBuilder();
    String[] lines = captured.toString(StandardCharsets.UTF_8).split("\\R");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("com.github.fommil.netlib")) {
        // The logger's header line; the WARNING line follows it.
        i++;
      } else if (!lines[i].isEmpty()) {
        printed.append(lines[i]).append('\n');
      }
    }
    return printed.toString();
  }
}
