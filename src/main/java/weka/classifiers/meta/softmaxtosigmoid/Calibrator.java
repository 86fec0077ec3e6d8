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
 * <p>The parametric maps are {@code s_k = sigmoid(a_k x_k + b_k)}, fitted by
 * {@link LogisticFit} against one target per (instance, class) pair. A fitted
 * scale {@code a <= 0} would invert the base model's ranking, so it is never
 * applied: the shared fit then keeps {@code a = 1} and fits only the offset, and
 * a per-class fit falls back to the shared map; each case records a warning. The
 * isotonic map is a monotone step function per class ({@link IsotonicCalibration}).
 */
public enum Calibrator {

  /** {@code a = 1, b = 0}: the gauge alone. */
  NONE("none", "no calibration (a = 1, b = 0)"),

  /** Shared offset b with {@code a = 1}; estimates ln Z itself. */
  OFFSET("offset", "shared offset b with a = 1, which estimates ln Z"),

  /** Shared scale (inverse temperature) a and offset b for all classes. */
  SHARED("shared", "shared scale a and offset b for all classes"),

  /** Platt scaling per class, with the shared map for classes with too few examples. */
  PER_CLASS("per-class", "scale a_k and offset b_k per class (Platt scaling)"),

  /** Isotonic regression per class, monotone in the logit. */
  ISOTONIC("isotonic", "isotonic step function per class (pool adjacent violators)");

  private final String m_spelling;

  private final String m_description;

  Calibrator(String spelling, String description) {
    m_spelling = spelling;
    m_description = description;
  }

  /** Settings shared by every fit. */
  public static final class Settings {

    /** Prior strength lambda of {@link LogisticFit}. */
    public final double ridge;

    /** Whether targets are replaced by Platt's smoothed targets. */
    public final boolean plattTargets;

    /**
     * Weighted number of positive and of negative targets that a class needs for its
     * own per-class fit.
     */
    public final double minimumPerClass;

    /**
     * Creates settings.
     *
     * @param ridge the prior strength, at least 0
     * @param plattTargets whether to use Platt's smoothed targets
     * @param minimumPerClass the minimum weighted positives and negatives per class
     */
    public Settings(double ridge, boolean plattTargets, double minimumPerClass) {
      this.ridge = ridge;
      this.plattTargets = plattTargets;
      this.minimumPerClass = minimumPerClass;
    }
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
   * Fits the map with plain targets and no per-class minimum.
   *
   * @param data the calibration set
   * @param ridge the prior strength of {@link LogisticFit}
   * @param classNames the class names, for warnings
   * @param warnings receives one sentence per problem found
   * @return the fitted map
   */
  public CalibrationMap fit(CalibrationData data, double ridge, String[] classNames,
    List<String> warnings) {
    return fit(data, new Settings(ridge, false, 0), classNames, warnings);
  }

  /**
   * Fits the map on a calibration set.
   *
   * <p>An empty set, or one of zero total weight, gives the identity map. A fit
   * that does not converge (plain maximum likelihood on separable data) gives the
   * identity map. Each fallback adds a warning.
   *
   * @param data the calibration set
   * @param settings the ridge, target smoothing and per-class minimum
   * @param classNames the class names, for warnings
   * @param warnings receives one sentence per problem found
   * @return the fitted map
   */
  public CalibrationMap fit(CalibrationData data, Settings settings, String[] classNames,
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
    CalibrationData fitted = settings.plattTargets ? data.withTargets(data.plattTargets()) : data;

    switch (this) {
      case OFFSET:
        return fitOffset(fitted, settings.ridge, warnings);
      case SHARED:
        return fitShared(fitted, settings.ridge, warnings);
      case PER_CLASS:
        return fitPerClass(data, fitted, settings, classNames, warnings);
      default:
        return IsotonicCalibration.fit(fitted, fitted.targets());
    }
  }

  private static LinearCalibration fitOffset(CalibrationData data, double ridge,
    List<String> warnings) {
    double[][] pairs = data.pairs();
    LogisticFit.Result result = LogisticFit.fitOffset(pairs[0], pairs[1], pairs[2], ridge);
    if (!result.converged) {
      warnings.add(notConverged(result, "the offset fit"));
      return LinearCalibration.identity(data.numClasses());
    }
    return LinearCalibration.shared(data.numClasses(), 1, result.offset);
  }

  private static LinearCalibration fitShared(CalibrationData data, double ridge,
    List<String> warnings) {
    double[][] pairs = data.pairs();
    LogisticFit.Result result =
      LogisticFit.fitScaleAndOffset(pairs[0], pairs[1], pairs[2], ridge);
    if (!result.converged) {
      warnings.add(notConverged(result, "the shared fit"));
      return LinearCalibration.identity(data.numClasses());
    }
    if (result.scale > 0) {
      return LinearCalibration.shared(data.numClasses(), result.scale, result.offset);
    }
    warnings.add(String.format(Locale.ROOT, "The fitted scale would be %.4f: the "
      + "calibration data disagree with the base model's ranking, so the scale was "
      + "kept at 1 and only the offset was fitted.", result.scale));
    return fitOffset(data, ridge, warnings);
  }

  /**
   * Fits (a_k, b_k) per class on that class's pairs. A class with fewer than the
   * minimum weighted positives or negatives, or whose fit fails, uses the shared map.
   */
  private static LinearCalibration fitPerClass(CalibrationData original, CalibrationData fitted,
    Settings settings, String[] classNames, List<String> warnings) {
    int numClasses = original.numClasses();
    LinearCalibration shared = fitShared(fitted, settings.ridge, warnings);
    double[] positives = original.positiveWeights();
    double total = original.totalWeight();
    double[] scales = new double[numClasses];
    double[] offsets = new double[numClasses];
    StringBuilder tooFew = new StringBuilder();
    int tooFewCount = 0;
    StringBuilder failed = new StringBuilder();
    int failedCount = 0;
    for (int k = 0; k < numClasses; k++) {
      scales[k] = shared.scale(k);
      offsets[k] = shared.offset(k);
      double negatives = total - positives[k];
      if (positives[k] < settings.minimumPerClass || negatives < settings.minimumPerClass
        || positives[k] == 0 || negatives == 0) {
        appendName(tooFew, classNames[k]);
        tooFewCount++;
        continue;
      }
      double[][] pairs = fitted.classPairs(k);
      LogisticFit.Result result =
        LogisticFit.fitScaleAndOffset(pairs[0], pairs[1], pairs[2], settings.ridge);
      if (!result.converged || !(result.scale > 0)) {
        appendName(failed, classNames[k]);
        failedCount++;
        continue;
      }
      scales[k] = result.scale;
      offsets[k] = result.offset;
    }
    if (tooFew.length() > 0) {
      String subject = tooFewCount == 1 ? "Class " + tooFew + " has"
        : "Classes " + tooFew + " have";
      warnings.add(subject + " fewer than " + formatCount(settings.minimumPerClass)
        + " positive or negative calibration examples (by weight), so "
        + (tooFewCount == 1 ? "it uses" : "they use") + " the shared scale and offset.");
    }
    if (failed.length() > 0) {
      String subject = failedCount == 1 ? "The per-class fit of class " + failed
        : "The per-class fits of classes " + failed;
      warnings.add(subject + " did not converge or gave a scale of 0 or below, so "
        + (failedCount == 1 ? "it uses" : "they use") + " the shared scale and offset.");
    }
    return LinearCalibration.perClass(scales, offsets);
  }

  /** Formats a weighted count without a trailing ".0" when it is a whole number. */
  private static String formatCount(double count) {
    return count == Math.rint(count) && Math.abs(count) < 1e15
      ? Long.toString((long) count) : Double.toString(count);
  }

  private static void appendName(StringBuilder names, String name) {
    names.append(names.length() == 0 ? "" : ", ").append('\'').append(name).append('\'');
  }

  private static String notConverged(LogisticFit.Result result, String what) {
    return String.format(Locale.ROOT, "The calibration fit (%s) did not converge after %d "
      + "Newton steps (last a = %.4g, b = %.4g; the calibration data are probably "
      + "separable), so no calibration was applied (a = 1, b = 0); set the ridge above 0.",
      what, result.iterations, result.scale, result.offset);
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
        appendName(absent, classNames[k]);
      }
    }
    if (present == 1) {
      warnings.add("The calibration data contain only class '" + classNames[lastPresent]
        + "', so the fit learns that every instance has that label; calibrate on data"
        + " with several classes.");
    } else if (absent.length() > 0) {
      warnings.add("The calibration data have no instance of class " + absent + ".");
    }
  }

  @Override
  public String toString() {
    return m_spelling;
  }
}
