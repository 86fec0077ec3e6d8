/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

/** Rule that turns a row of scores into a label set. */
public enum ThresholdRule {

  /** One given threshold t for every class. */
  FIXED("fixed", "one given threshold for every class"),

  /** Per class, the threshold that maximises F1 on the calibration data. */
  PER_CLASS_F1("per-class-f1", "per class, the threshold that maximises F1 on the calibration data"),

  /** One threshold so that the mean set size matches the mean number of labels. */
  CARDINALITY("cardinality", "one threshold so that the mean set size on the calibration data "
    + "equals the mean number of labels, or a given cardinality"),

  /** The k classes with the highest scores. */
  TOP_K("top-k", "the k classes with the highest scores"),

  /** Split-conformal threshold for sets that hold a true label with probability 1 - alpha. */
  CONFORMAL("conformal", "split-conformal threshold: the set holds a true label with "
    + "probability at least 1 - alpha");

  private final String m_spelling;

  private final String m_description;

  ThresholdRule(String spelling, String description) {
    m_spelling = spelling;
    m_description = description;
  }

  /** @return the command-line spelling */
  public String spelling() {
    return m_spelling;
  }

  /** @return a short description for help texts and model output */
  public String description() {
    return m_description;
  }

  /** @return true if the rule fits its thresholds on calibrated scores */
  public boolean needsCalibrationScores() {
    return this == PER_CLASS_F1 || this == CARDINALITY || this == CONFORMAL;
  }

  /**
   * Finds a rule by its command-line spelling.
   *
   * @param spelling the spelling, case-insensitive
   * @return the rule
   * @throws IllegalArgumentException naming the valid spellings if none matches
   */
  public static ThresholdRule forSpelling(String spelling) {
    for (ThresholdRule rule : values()) {
      if (rule.m_spelling.equalsIgnoreCase(spelling.trim())) {
        return rule;
      }
    }
    throw new IllegalArgumentException("Unknown threshold rule '" + spelling
      + "'; use one of " + Gauge.spellings(values()) + ".");
  }

  @Override
  public String toString() {
    return m_spelling;
  }
}
