/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import java.util.List;
import java.util.Locale;

/**
 * Kind of calibration map fitted on the calibration set, and its fitting rule.
 *
 * <p>Each map is {@code s_k = sigmoid(a x_k + b)}, fitted by
 * {@link LogisticFit} against one target per (instance, class) pair. A fitted
 * scale {@code a <= 0} would invert the base model's ranking, so it is never
 * applied: the fit then keeps {@code a = 1}, fits only the offset, and records a
 * warning.
 */
public enum Calibrator {

  /** {@code a = 1, b = 0}: the gauge alone. */
  NONE("none", "no calibration (a = 1, b = 0)"),

  /** Shared offset b with {@code a = 1}; estimates ln Z itself. */
  OFFSET("offset", "shared offset b with a = 1 (estimates ln Z)"),

  /** Shared scale (inverse temperature) a and offset b for all classes. */
  SHARED("shared", "shared scale a and offset b for all classes");

  private final String m_spelling;

  private final String m_description;

  Calibrator(String spelling, String description) {
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
   * Finds a calibrator by its command-line spelling.
   *
   * @param spelling the spelling, case-insensitive
   * @return the calibrator
   * @throws IllegalArgumentException naming the valid spellings if none matches
   */
  public static Calibrator forSpelling(String spelling) {
    for (Calibrator calibrator : values()) {
      if (calibrator.m_spelling.equalsIgnoreCase(spelling.trim())) {
        return calibrator;
      }
    }
    throw new IllegalArgumentException("Unknown calibrator '" + spelling
      + "'; use one of " + Gauge.spellings(values()) + ".");
  }

  /**
   * Fits the map on a calibration set.
   *
   * <p>An empty set, or one of zero total weight, gives the identity map. A fit
   * that does not converge (plain maximum likelihood on separable data) gives the
   * identity map. Each fallback adds a warning.
   *
   * @param data the calibration set
   * @param ridge the prior strength of {@link LogisticFit}
   * @param classNames the class names, for warnings
   * @param warnings receives one sentence per problem found
   * @return the fitted map
   */
  public CalibrationMap fit(CalibrationData data, double ridge, String[] classNames,
    List<String> warnings) {
    int numClasses = data.numClasses();
    if (this == NONE) {
      return LinearCalibration.identity(numClasses);
    }
    if (data.numRows() == 0 || !(data.totalWeight() > 0)) {
      warnings.add("The calibration set is empty or has zero total weight, so no "
        + "calibration was fitted (a = 1, b = 0).");
      return LinearCalibration.identity(numClasses);
    }
    warnAboutClassCoverage(data, classNames, warnings);

    double[][] pairs = data.pairs();
    if (this == SHARED) {
      LogisticFit.Result result =
        LogisticFit.fitScaleAndOffset(pairs[0], pairs[1], pairs[2], ridge);
      if (!result.converged) {
        warnings.add(notConverged(result));
        return LinearCalibration.identity(numClasses);
      }
      if (result.scale > 0) {
        return LinearCalibration.shared(numClasses, result.scale, result.offset);
      }
      warnings.add(String.format(Locale.ROOT, "The fitted scale would be %.4f: the "
        + "calibration data disagree with the base model's ranking, so the scale was "
        + "kept at 1 and only the offset was fitted.", result.scale));
    }

    LogisticFit.Result result = LogisticFit.fitOffset(pairs[0], pairs[1], pairs[2], ridge);
    if (!result.converged) {
      warnings.add(notConverged(result));
      return LinearCalibration.identity(numClasses);
    }
    return LinearCalibration.shared(numClasses, 1, result.offset);
  }

  private static String notConverged(LogisticFit.Result result) {
    return String.format(Locale.ROOT, "The calibration fit did not converge after %d "
      + "Newton steps (last a = %.4g, b = %.4g; the calibration data are probably "
      + "separable), so no calibration was applied (a = 1, b = 0); set the ridge above 0.",
      result.iterations, result.scale, result.offset);
  }

  private static void warnAboutClassCoverage(CalibrationData data, String[] classNames,
    List<String> warnings) {
    double[] positives = data.positiveWeights();
    int present = 0;
    int lastPresent = -1;
    StringBuilder absent = new StringBuilder();
    for (int k = 0; k < positives.length; k++) {
      if (positives[k] > 0) {
        present++;
        lastPresent = k;
      } else {
        absent.append(absent.length() == 0 ? "" : ", ").append('\'')
          .append(classNames[k]).append('\'');
      }
    }
    if (present == 1) {
      warnings.add("The calibration data contain only class '" + classNames[lastPresent]
        + "', so the fit learns that every instance has that label; calibrate on data"
        + " with several classes.");
    } else if (absent.length() > 0) {
      warnings.add("The calibration data have no instance of class " + absent
        + "; the shared fit still applies to it.");
    }
  }

  @Override
  public String toString() {
    return m_spelling;
  }
}
