/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;

/**
 * Command-line handling shared by {@link MultiLabelEvaluation} and
 * {@link ReliabilityDiagramTool}: both print their output, or a short error without a
 * stack trace, whether they run from their own {@code main} or through weka.Run. Output
 * files are checked before any training, and write errors name the option and the file.
 *
 * <p>{@link #classifierNotFound} is public because {@code SoftmaxToSigmoid.setOptions}
 * reports its own {@code -W} with the same message.
 */
public final class ToolCommandLine {

  /** Second line of every error, after "Error: " and the message. */
  static final String HELP_HINT = "Run with -h for the list of options.";

  /** The work of a tool: turns its command-line options into the text to print. */
  interface Tool {

    /**
     * Runs the tool.
     *
     * @param options the command-line options
     * @return the text to print to standard output
     * @throws Exception if the tool fails, with a message for the user
     */
    String run(String[] options) throws Exception;
  }

  private ToolCommandLine() {
  }

  /**
   * Runs a tool and prints its output to standard output. If the tool throws, prints
   * "Error: " with the message and a hint to run with -h to standard error instead.
   * Never calls System.exit, so weka.Run keeps control of the JVM.
   *
   * @param tool the tool to run
   * @param options the command-line options
   * @return true if the tool succeeded, false if it printed an error
   */
  static boolean run(Tool tool, String[] options) {
    String output;
    try {
      output = tool.run(options);
    } catch (Exception e) {
      // An exception without a message is named by its class instead.
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      System.err.println("Error: " + message);
      System.err.println(HELP_HINT);
      return false;
    }
    System.out.print(output);
    return true;
  }

  /**
   * Runs a tool as {@link #run} does and exits with status 1 after an error. Only for a
   * tool's own {@code main}.
   *
   * @param tool the tool to run
   * @param options the command-line options
   */
  static void runAsMain(Tool tool, String[] options) {
    if (!run(tool, options)) {
      System.exit(1);
    }
  }

  /**
   * Creates the error for a {@code -W} classifier class that is not on the class path.
   *
   * @param className the class name that was not found
   * @param cause the exception from loading the class
   * @return the error, naming the option, the class and the fix
   */
  public static IllegalArgumentException classifierNotFound(String className,
    ClassNotFoundException cause) {
    return new IllegalArgumentException("Option -W: classifier class '" + className
      + "' not found. Give the full class name, for example "
      + "weka.classifiers.trees.RandomForest, and install the package that provides it.",
      cause);
  }

  /**
   * Checks before any long work that an output file can be created: the path must not
   * be a folder, and its folder must exist and be writable.
   *
   * @param option the option that names the file, for example "-png"
   * @param path the path given with the option
   * @return the output file
   * @throws IllegalArgumentException naming the option, the path and the fix
   */
  static File outputFile(String option, String path) {
    File file = new File(path);
    if (file.isDirectory()) {
      throw new IllegalArgumentException("Option " + option + ": '" + path + "' is a folder; "
        + "give a file name in it, for example " + new File(file, "diagram.png").getPath()
        + ".");
    }

    // A bare file name has no parent and is written to the working folder.
    File folder = file.getAbsoluteFile().getParentFile();
    String folderName = file.getParent() == null ? folder.getPath() : file.getParent();
    if (!folder.exists()) {
      throw new IllegalArgumentException("Option " + option + ": folder '" + folderName
        + "' not found; create it or give a path in an existing folder.");
    }
    if (!folder.isDirectory()) {
      throw new IllegalArgumentException("Option " + option + ": '" + folderName + "' is a "
        + "file, not a folder; give a path in an existing folder.");
    }
    if (!folder.canWrite()) {
      throw new IllegalArgumentException("Option " + option + ": folder '" + folderName
        + "' is not writable; give a path in a folder you can write to.");
    }
    return file;
  }

  /**
   * Writes an image as a PNG file named by an option.
   *
   * @param option the option that names the file, for example "-png"
   * @param image the image
   * @param file the PNG file, replaced if it exists
   * @throws IOException naming the option, the file and the cause if writing fails
   */
  static void writePng(String option, BufferedImage image, File file) throws IOException {
    try {
      ReliabilityDiagram.writePng(image, file);
    } catch (IOException e) {
      throw new IOException("Option " + option + ": writing PNG file '" + file.getPath()
        + "' failed (" + e.getMessage() + "); check that its folder exists, is writable and "
        + "has free space.", e);
    }
  }
}
