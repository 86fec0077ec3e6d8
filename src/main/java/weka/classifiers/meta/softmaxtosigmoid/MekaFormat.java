/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import weka.core.Attribute;
import weka.core.Instances;

/**
 * Reads MEKA's multi-label ARFF convention: the relation name contains
 * {@code -C L}; L labels are the first L attributes when L is positive and the
 * last -L attributes when L is negative; each label is a nominal attribute with
 * the values 0 and 1.
 */
public final class MekaFormat {

  private static final Pattern LABEL_COUNT = Pattern.compile("(?:^|[\\s:'\"])-C\\s+(-?\\d+)");

  private MekaFormat() {
  }

  /**
   * Reads L from a relation name.
   *
   * @param relationName the relation name
   * @return L as written (negative for labels at the end), or 0 if the name has no {@code -C}
   */
  public static int declaredLabelCount(String relationName) {
    Matcher matcher = LABEL_COUNT.matcher(relationName);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
  }

  /**
   * Tells whether data follow MEKA's multi-label convention.
   *
   * @param data the data
   * @return true if the relation name declares a non-zero {@code -C L}
   */
  public static boolean isMultiLabel(Instances data) {
    return declaredLabelCount(data.relationName()) != 0;
  }

  /**
   * Returns the indices of the label attributes, checking that each is a 0/1 attribute.
   *
   * @param data MEKA data
   * @return the 0-based attribute indices of the labels, in header order
   * @throws IllegalArgumentException if L is 0, exceeds the number of attributes, or a
   *           label attribute is not nominal with values 0 and 1
   */
  public static int[] labelIndices(Instances data) {
    int declared = declaredLabelCount(data.relationName());
    int count = Math.abs(declared);
    if (count == 0 || count > data.numAttributes()) {
      throw new IllegalArgumentException("Relation '" + data.relationName() + "' declares "
        + (declared == 0 ? "no -C L" : "-C " + declared) + " for " + data.numAttributes()
        + " attributes; a MEKA file names its number of labels as '<name>: -C L'.");
    }
    int first = declared > 0 ? 0 : data.numAttributes() - count;
    int[] result = new int[count];
    for (int j = 0; j < count; j++) {
      result[j] = first + j;
      Attribute label = data.attribute(first + j);
      if (!label.isNominal() || label.numValues() != 2 || label.indexOfValue("0") < 0
        || label.indexOfValue("1") < 0) {
        throw new IllegalArgumentException("Label attribute '" + label.name() + "' of "
          + "relation '" + data.relationName() + "' must be nominal {0,1}, because -C "
          + declared + " makes the " + (declared > 0 ? "first " : "last ") + count
          + " attributes labels.");
      }
    }
    return result;
  }

  /**
   * Reads a label value as 0 or 1.
   *
   * @param data the data
   * @param row the 0-based row
   * @param attributeIndex the label attribute
   * @return 1 if the label is set, 0 if not, NaN if missing
   */
  public static double labelValue(Instances data, int row, int attributeIndex) {
    if (data.instance(row).isMissing(attributeIndex)) {
      return Double.NaN;
    }
    Attribute label = data.attribute(attributeIndex);
    return label.value((int) data.instance(row).value(attributeIndex)).equals("1") ? 1 : 0;
  }
}
