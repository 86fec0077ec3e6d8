/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

/** Source of the base distributions used for calibration. */
public enum CalibrationSource {

  /** Out-of-fold predictions of a stratified, seeded internal cross-validation. */
  CROSS_VALIDATION("cv", "out-of-fold predictions of stratified internal cross-validation"),

  /** Predictions for a stratified held-out part, from a base model trained on the rest. */
  HOLDOUT("holdout", "a stratified hold-out part, predicted by a base model trained on the rest"),

  /** Predictions for the rows of a separate file, single-label or MEKA multi-label. */
  FILE("file", "a separate file, single-label or MEKA multi-label, predicted by a base model "
    + "trained on all training data"),

  /** Predictions for the training data itself (resubstitution, biased). */
  TRAINING("training", "the training data itself (resubstitution, optimistic)");

  private final String m_spelling;

  private final String m_description;

  CalibrationSource(String spelling, String description) {
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

  /**
   * Finds a source by its command-line spelling.
   *
   * @param spelling the spelling, case-insensitive
   * @return the source
   * @throws IllegalArgumentException naming the valid spellings if none matches
   */
  public static CalibrationSource forSpelling(String spelling) {
    for (CalibrationSource source : values()) {
      if (source.m_spelling.equalsIgnoreCase(spelling.trim())) {
        return source;
      }
    }
    throw new IllegalArgumentException("Unknown calibration source '" + spelling
      + "'; use one of " + Gauge.spellings(values()) + ".");
  }

  @Override
  public String toString() {
    return m_spelling;
  }
}
