/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Matches probability columns to class values by name, never by position.
 *
 * <p>A column belongs to class value {@code v} when its name is {@code v} or
 * {@code prefix + v}; the default prefix {@code distribution_} is the one Weka's
 * AddClassification writes. The only positional mapping is an explicit list of
 * column classes given by the user ({@code -class-values}), and even then a
 * column named after another class is rejected. Every method returns, for each
 * class in class order, the 0-based index of its column among all attributes.
 *
 * <p>Error messages name the options {@code -R}, {@code -prefix} and
 * {@code -class-values}, which ProbabilitiesToSigmoid and PrecomputedDistribution share.
 */
public final class ProbabilityColumns {

  /** Prefix of Weka's AddClassification distribution attributes. */
  public static final String DEFAULT_PREFIX = "distribution_";

  private static final String RANGE_PART = "(first|last|\\d+)(-(first|last|\\d+))?";

  private ProbabilityColumns() {
  }

  /**
   * Finds the attribute named {@code prefix + v} for every class value v.
   *
   * @param attributeNames the names of all attributes, in header order
   * @param classNames the class values, in class order
   * @param prefix the column name prefix, possibly empty
   * @return per class, the 0-based attribute index
   * @throws IllegalArgumentException if there are fewer than 2 classes or a column is missing
   */
  public static int[] byPrefix(String[] attributeNames, String[] classNames, String prefix) {
    checkAtLeastTwo(classNames.length, quoteAll(prefixed(classNames, prefix)));
    int[] result = new int[classNames.length];
    for (int k = 0; k < classNames.length; k++) {
      String expected = prefix + classNames[k];
      result[k] = Arrays.asList(attributeNames).indexOf(expected);
      if (result[k] < 0) {
        throw new IllegalArgumentException("No probability column for class value '"
          + classNames[k] + "': expected an attribute named '" + expected + "'. Rename the "
          + "columns to " + quoteAll(prefixed(classNames, prefix)) + ", set -prefix to their "
          + "common prefix, or select them with -R.");
      }
    }
    return result;
  }

  /**
   * Matches each selected column to the class value it is named after.
   *
   * @param attributeNames the names of all attributes, in header order
   * @param selected the 0-based indices of the probability columns
   * @param classNames the class values, in class order
   * @param prefix a prefix the column names may carry, possibly empty
   * @return per class, the 0-based attribute index
   * @throws IllegalArgumentException if fewer than 2 columns are selected, a column matches
   *           no class or the same class as another column, or a class has no column
   */
  public static int[] byName(String[] attributeNames, int[] selected, String[] classNames,
    String prefix) {
    checkAtLeastTwo(selected.length, quoteAll(names(attributeNames, selected)));
    int[] result = new int[classNames.length];
    Arrays.fill(result, -1);
    for (int column : selected) {
      String name = attributeNames[column];
      int k = classOfName(name, classNames, prefix);
      if (k < 0) {
        throw new IllegalArgumentException("Probability column " + (column + 1) + " '" + name
          + "' (option -R) is not named after a class value " + quoteAll(classNames)
          + (prefix.isEmpty() ? "" : " with or without the prefix '" + prefix + "'")
          + ". " + fewerClassesHint(selected.length, classNames.length) + "Name the columns "
          + "after the class values, or give each column's class with -class-values.");
      }
      if (result[k] >= 0) {
        throw new IllegalArgumentException("Probability columns " + (result[k] + 1) + " '"
          + attributeNames[result[k]] + "' and " + (column + 1) + " '" + name + "' (option "
          + "-R) are both named after class value '" + classNames[k] + "'. Select one "
          + "column per class value.");
      }
      result[k] = column;
    }
    checkEveryClassHasColumn(result, classNames);
    return result;
  }

  /**
   * Explains the usual cause when more columns are selected than the class has values:
   * Weka's CSV loader declares only the class values that occur in the file.
   *
   * @return the explanation followed by a space, or "" when columns do not exceed classes
   */
  private static String fewerClassesHint(int columns, int classes) {
    if (columns <= classes) {
      return "";
    }
    return "Option -R selects " + columns + " columns but the class has only " + classes
      + " values. A nominal class read from a CSV file has only the values that occur in "
      + "it, so declare every class value, in an ARFF header or with Weka's filter "
      + "weka.filters.unsupervised.attribute.AddValues. ";
  }

  /**
   * Maps the selected columns to the classes the user listed for them, in order.
   * A column whose own name matches a different class value is rejected, so a
   * list in the wrong order cannot pass silently.
   *
   * @param attributeNames the names of all attributes, in header order
   * @param selected the 0-based indices of the probability columns
   * @param columnClasses the class value of each selected column, in the same order
   * @param classNames the class values, in class order
   * @param prefix a prefix the column names may carry, possibly empty
   * @return per class, the 0-based attribute index
   * @throws IllegalArgumentException if the lists differ in length, a listed value is
   *           not a class value or is listed twice, a class is not listed, or a column
   *           is named after another class
   */
  public static int[] byListedClasses(String[] attributeNames, int[] selected,
    String[] columnClasses, String[] classNames, String prefix) {
    checkAtLeastTwo(selected.length, quoteAll(names(attributeNames, selected)));
    if (columnClasses.length != selected.length) {
      throw new IllegalArgumentException("Option -class-values lists " + columnClasses.length
        + " class values " + quoteAll(columnClasses) + " for " + selected.length
        + " probability columns " + quoteAll(names(attributeNames, selected)) + " (option -R); "
        + "give one class value per column, in column order.");
    }
    checkNotDataAsNames(attributeNames, selected, classNames);
    int[] result = new int[classNames.length];
    Arrays.fill(result, -1);
    for (int j = 0; j < selected.length; j++) {
      int column = selected[j];
      int k = Arrays.asList(classNames).indexOf(columnClasses[j]);
      if (k < 0) {
        throw new IllegalArgumentException("Option -class-values: '" + columnClasses[j]
          + "' is not a class value " + quoteAll(classNames) + ". "
          + fewerClassesHint(selected.length, classNames.length).trim());
      }
      if (result[k] >= 0) {
        throw new IllegalArgumentException("Option -class-values lists class value '"
          + columnClasses[j] + "' twice; give each column's own class value.");
      }
      int named = classOfName(attributeNames[column], classNames, prefix);
      if (named >= 0 && named != k) {
        throw new IllegalArgumentException("Option -class-values maps column " + (column + 1)
          + " '" + attributeNames[column] + "' to class value '" + classNames[k] + "', but the "
          + "column is named after class value '" + classNames[named] + "'. Correct the order "
          + "of -class-values, or leave it out to match the columns by name.");
      }
      result[k] = column;
    }
    checkEveryClassHasColumn(result, classNames);
    return result;
  }

  /**
   * Rejects probability columns whose names are all numbers and no class value. Weka's
   * CSV loader takes the first row of a file as the column names, so a file without a
   * header row would otherwise lose its first row of probabilities without a word.
   */
  private static void checkNotDataAsNames(String[] attributeNames, int[] selected,
    String[] classNames) {
    for (int column : selected) {
      String name = attributeNames[column];
      if (Arrays.asList(classNames).contains(name) || !isNumber(name)) {
        return;
      }
    }
    throw new IllegalArgumentException("The probability columns " + quoteAll(names(
      attributeNames, selected)) + " (option -R) are named with numbers, so the file "
      + "probably has no header row and its first row of values became the column names. "
      + "Add a header row, or convert the file first with "
      + "'java weka.core.converters.CSVLoader file.csv -H > file.arff', which names the "
      + "columns att1, att2 and so on.");
  }

  private static boolean isNumber(String text) {
    try {
      Double.parseDouble(text.trim());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Checks the syntax of a 1-based attribute range such as {@code 2-4,7} or
   * {@code first-last}, as Weka writes ranges.
   *
   * @param range the range
   * @throws IllegalArgumentException naming option -R if the syntax is invalid
   */
  public static void checkRange(String range) {
    for (String part : range.split(",", -1)) {
      if (!part.trim().toLowerCase(java.util.Locale.ROOT).matches(RANGE_PART)) {
        throw invalidRange(range, "use 1-based indices such as 2-4,7 or first-last");
      }
    }
  }

  /**
   * Selects the attributes of a 1-based range.
   *
   * @param range the range, for example {@code 2-4,7} or {@code first-last}
   * @param numAttributes the number of attributes
   * @return the 0-based indices in ascending order, each once
   * @throws IllegalArgumentException naming option -R if the syntax is invalid or an index
   *           lies beyond the attributes
   */
  public static int[] selectRange(String range, int numAttributes) {
    checkRange(range);
    boolean[] selected = new boolean[numAttributes];
    for (String part : range.split(",", -1)) {
      String[] ends = part.trim().toLowerCase(java.util.Locale.ROOT).split("-", -1);
      int from = rangeIndex(ends[0], range, numAttributes);
      int to = ends.length == 1 ? from : rangeIndex(ends[1], range, numAttributes);
      for (int j = Math.min(from, to); j <= Math.max(from, to); j++) {
        selected[j] = true;
      }
    }
    int count = 0;
    for (boolean value : selected) {
      count += value ? 1 : 0;
    }
    int[] result = new int[count];
    int position = 0;
    for (int j = 0; j < numAttributes; j++) {
      if (selected[j]) {
        result[position++] = j;
      }
    }
    return result;
  }

  /**
   * Rejects a range that includes the class attribute, which contains labels, not a
   * probability.
   *
   * @param selected the 0-based indices that -R selects
   * @param classIndex the 0-based class index, or -1 when no class is set
   * @param className the class attribute's name, for the message
   * @throws IllegalArgumentException naming option -R and the class column
   */
  public static void checkClassNotSelected(int[] selected, int classIndex, String className) {
    for (int column : selected) {
      if (column == classIndex) {
        throw new IllegalArgumentException("Option -R selects column " + (column + 1) + " '"
          + className + "', which is the class attribute. Select only the probability "
          + "columns.");
      }
    }
  }

  private static int rangeIndex(String text, String range, int numAttributes) {
    int index = text.equals("first") ? 1 : text.equals("last") ? numAttributes
      : Integer.parseInt(text);
    if (index < 1 || index > numAttributes) {
      throw invalidRange(range, "index " + index + " lies outside the " + numAttributes
        + " attributes");
    }
    return index - 1;
  }

  private static IllegalArgumentException invalidRange(String range, String reason) {
    return new IllegalArgumentException("Option -R: '" + range + "' is not a valid range: "
      + reason + ".");
  }

  /**
   * Splits a comma-separated list of class values; blanks around each value are removed.
   *
   * @param list the list, for example {@code won,nowin}
   * @return the values, empty for an empty list
   */
  public static String[] splitList(String list) {
    if (list.trim().isEmpty()) {
      return new String[0];
    }
    String[] result = list.split(",", -1);
    for (int j = 0; j < result.length; j++) {
      result[j] = result[j].trim();
    }
    return result;
  }

  /** Returns the class whose value is the name, with or without the prefix, or -1. */
  private static int classOfName(String name, String[] classNames, String prefix) {
    int k = Arrays.asList(classNames).indexOf(name);
    if (k < 0 && !prefix.isEmpty() && name.startsWith(prefix)) {
      k = Arrays.asList(classNames).indexOf(name.substring(prefix.length()));
    }
    return k;
  }

  private static void checkEveryClassHasColumn(int[] columns, String[] classNames) {
    List<String> missing = new ArrayList<String>();
    for (int k = 0; k < columns.length; k++) {
      if (columns[k] < 0) {
        missing.add(classNames[k]);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("No probability column for class value"
        + (missing.size() == 1 ? " " : "s ") + quoteAll(missing.toArray(new String[0]))
        + " among the columns selected with -R. Select one column per class value "
        + quoteAll(classNames) + ".");
    }
  }

  private static void checkAtLeastTwo(int count, String columns) {
    if (count < 2) {
      throw new IllegalArgumentException("Need at least 2 probability columns, one per class "
        + "value, found " + count + (count == 0 ? "" : ": " + columns) + ". A single "
        + "probability describes a binary problem: add the column of the other class, "
        + "for example 1 - p.");
    }
  }

  private static String[] prefixed(String[] classNames, String prefix) {
    String[] result = new String[classNames.length];
    for (int k = 0; k < classNames.length; k++) {
      result[k] = prefix + classNames[k];
    }
    return result;
  }

  private static String[] names(String[] attributeNames, int[] indices) {
    String[] result = new String[indices.length];
    for (int j = 0; j < indices.length; j++) {
      result[j] = attributeNames[indices[j]];
    }
    return result;
  }

  private static String quoteAll(String[] values) {
    StringBuilder result = new StringBuilder("{");
    for (int j = 0; j < values.length; j++) {
      result.append(j == 0 ? "'" : ", '").append(values[j]).append('\'');
    }
    return result.append('}').toString();
  }
}
