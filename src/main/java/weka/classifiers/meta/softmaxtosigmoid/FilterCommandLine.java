/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import java.io.File;

import weka.core.Utils;
import weka.filters.Filter;

/**
 * Weka's filter command line with a check of the input files first.
 *
 * <p>For a missing {@code -i} file, Weka 3.8's {@code Filter.runFilter} prints
 * only "No source has been specified", which names neither the option nor the
 * file. {@link #run} prints which option names which missing file instead, and
 * otherwise hands the options to {@code Filter.runFilter} unchanged.
 */
public final class FilterCommandLine {

  private FilterCommandLine() {
  }

  /**
   * Runs a filter from the command line, as {@code Filter.runFilter} does, unless an
   * input file is missing: then prints the problem to standard error and returns.
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
    Filter.runFilter(filter, options);
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
