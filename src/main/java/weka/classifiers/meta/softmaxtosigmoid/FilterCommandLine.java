/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import weka.core.Utils;
import weka.filters.Filter;

/**
 * Weka's filter command line with clearer failures.
 *
 * <p>It does what Weka 3.8's {@code Filter.runFilter} does, with three differences:
 * <ul>
 * <li>A missing {@code -i} file is named with its option. Weka prints only "No
 * source has been specified".</li>
 * <li>An error during filtering prints one line, "Error: " and the message, where
 * Weka prints the stack trace. The trace goes to java.util.logging at FINE.</li>
 * <li>An output file that the failed run created is removed, because it is empty or
 * incomplete. Weka leaves it behind.</li>
 * </ul>
 */
public final class FilterCommandLine {

  private static final Logger LOGGER = Logger.getLogger(FilterCommandLine.class.getName());

  private FilterCommandLine() {
  }

  /**
   * Runs a filter from the command line with Weka's {@code Filter.filterFile}, or
   * {@code Filter.batchFilterFile} with {@code -b}, and reports a failure on
   * standard error.
   *
   * @param filter the filter to run
   * @param options the command-line options, not modified
   */
  public static void run(Filter filter, String[] options) {
    String problem = missingInput(options);
    if (problem != null) {
      System.err.println(problem);
      return;
    }
    List<File> created = outputsNotYetPresent(options);
    String[] remaining = options.clone();
    try {
      filter.preExecution();
      if (Utils.getFlag('b', remaining)) {
        Filter.batchFilterFile(filter, remaining);
      } else {
        Filter.filterFile(filter, remaining);
      }
    } catch (Exception e) {
      String text = e.toString();
      if (text.contains("Help requested") || text.contains("Filter options")) {
        // Weka's own help text, or an option error followed by the option list.
        System.err.println(e.getMessage());
      } else {
        LOGGER.log(Level.FINE, "The filter run failed.", e);
        System.err.println("Error: " + (e.getMessage() == null ? text : e.getMessage())
          + removeOutputs(created));
      }
    }
    try {
      filter.postExecution();
    } catch (Exception e) {
      LOGGER.log(Level.FINE, "The filter's clean-up failed.", e);
      System.err.println("Error after the run: " + e.getMessage());
    }
  }

  /** Returns the output files (-o, and -s with -b) that do not exist yet. */
  private static List<File> outputsNotYetPresent(String[] options) {
    String[] copy = options.clone();
    List<File> result = new ArrayList<File>();
    try {
      boolean batch = Utils.getFlag('b', copy);
      addIfAbsent(result, Utils.getOption('o', copy));
      if (batch) {
        addIfAbsent(result, Utils.getOption('s', copy));
      }
    } catch (Exception e) {
      // Malformed options: Weka's own parsing reports them.
      LOGGER.log(Level.FINE, "Could not read the output options.", e);
    }
    return result;
  }

  private static void addIfAbsent(List<File> files, String path) {
    if (!path.isEmpty() && !new File(path).exists()) {
      files.add(new File(path));
    }
  }

  /** Deletes the given files where they now exist and returns a sentence naming them. */
  private static String removeOutputs(List<File> files) {
    StringBuilder removed = new StringBuilder();
    int count = 0;
    for (File file : files) {
      if (file.isFile() && file.delete()) {
        removed.append(count == 0 ? "" : ", ").append('\'').append(file.getPath()).append('\'');
        count++;
      }
    }
    if (count == 0) {
      return "";
    }
    return count == 1 ? " The incomplete output file " + removed + " was removed."
      : " The incomplete output files " + removed + " were removed.";
  }

  /**
   * Runs a filter for weka.Run, which passes the object to run as an Object.
   *
   * @param toRun the filter to run
   * @param options the command-line options, not modified
   * @throws IllegalArgumentException if toRun is not a Weka filter
   */
  public static void run(Object toRun, String[] options) {
    if (!(toRun instanceof Filter)) {
      throw new IllegalArgumentException("The object to run is a "
        + toRun.getClass().getName() + ", not a Weka filter.");
    }
    run((Filter) toRun, options);
  }

  /**
   * Describes the first input file that does not exist: {@code -i}, and in batch mode
   * ({@code -b}) also {@code -r}. URLs are left for Weka to open.
   *
   * @param options the command-line options, not modified
   * @return the message, or null when every named input file exists
   * @throws IllegalArgumentException if an option is malformed, as Utils.getOption reports it
   */
  public static String missingInput(String[] options) {
    String[] copy = options.clone();
    try {
      boolean batch = Utils.getFlag('b', copy);
      String problem = missingFile('i', Utils.getOption('i', copy));
      if (problem == null && batch) {
        problem = missingFile('r', Utils.getOption('r', copy));
      }
      return problem;
    } catch (Exception e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static String missingFile(char option, String path) {
    if (path.isEmpty() || path.contains("://") || new File(path).exists()) {
      return null;
    }
    return "Option -" + option + ": input file '" + path + "' not found (looked for "
      + new File(path).getAbsolutePath() + "). Give the path of an existing ARFF or CSV "
      + "file.";
  }
}
