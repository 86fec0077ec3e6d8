/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import java.util.Arrays;
import java.util.Locale;

/**
 * Affine calibration {@code z_k = a_k x_k + b_k} with a positive scale for each class.
 *
 * <p>The score is {@code s_k = sigmoid(a_k x_k + b_k)}. Because every
 * {@code a_k > 0}, the map keeps the order of the logits within each class and
 * turns {@code x = -inf} into {@code -inf}, never into NaN.
 */
public final class LinearCalibration implements CalibrationMap {

  private static final long serialVersionUID = 4418532120190937447L;

  private final double[] m_scales;

  private final double[] m_offsets;

  private LinearCalibration(double[] scales, double[] offsets) {
    for (int k = 0; k < scales.length; k++) {
      if (!(scales[k] > 0) || Double.isInfinite(scales[k])) {
        throw new IllegalArgumentException("Calibration scale of class " + (k + 1)
          + " is " + scales[k] + "; a scale must be finite and above 0.");
      }
      if (Double.isNaN(offsets[k]) || Double.isInfinite(offsets[k])) {
        throw new IllegalArgumentException("Calibration offset of class " + (k + 1)
          + " is " + offsets[k] + "; an offset must be finite.");
      }
    }
    m_scales = scales;
    m_offsets = offsets;
  }

  /**
   * Creates the identity map {@code a = 1, b = 0}.
   *
   * @param numClasses the number of classes
   * @return the map
   */
  public static LinearCalibration identity(int numClasses) {
    return shared(numClasses, 1, 0);
  }

  /**
   * Creates a map with one scale and one offset for every class.
   *
   * @param numClasses the number of classes
   * @param scale the scale a, finite and above 0
   * @param offset the offset b, finite
   * @return the map
   */
  public static LinearCalibration shared(int numClasses, double scale, double offset) {
    double[] scales = new double[numClasses];
    double[] offsets = new double[numClasses];
    Arrays.fill(scales, scale);
    Arrays.fill(offsets, offset);
    return new LinearCalibration(scales, offsets);
  }

  /**
   * Creates a map with a scale and an offset per class.
   *
   * @param scales the scales, each finite and above 0
   * @param offsets the offsets, each finite
   * @return the map
   */
  public static LinearCalibration perClass(double[] scales, double[] offsets) {
    if (scales.length != offsets.length) {
      throw new IllegalArgumentException("Got " + scales.length + " scales and "
        + offsets.length + " offsets; expected one of each per class.");
    }
    return new LinearCalibration(scales.clone(), offsets.clone());
  }

  @Override
  public double calibratedLogit(int classIndex, double logit) {
    return m_scales[classIndex] * logit + m_offsets[classIndex];
  }

  /**
   * @param classIndex the 0-based class
   * @return the scale a of that class
   */
  public double scale(int classIndex) {
    return m_scales[classIndex];
  }

  /**
   * @param classIndex the 0-based class
   * @return the offset b of that class
   */
  public double offset(int classIndex) {
    return m_offsets[classIndex];
  }

  /** @return true if all classes share one scale and one offset */
  public boolean isShared() {
    for (int k = 1; k < m_scales.length; k++) {
      if (m_scales[k] != m_scales[0] || m_offsets[k] != m_offsets[0]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String describe(String[] classNames) {
    if (isShared()) {
      return String.format(Locale.ROOT, "scale a = %.6f, offset b = %.6f (all classes)",
        m_scales[0], m_offsets[0]);
    }
    StringBuilder result = new StringBuilder("scale a_k and offset b_k per class:");
    for (int k = 0; k < m_scales.length; k++) {
      result.append(String.format(Locale.ROOT, "%n  %s: a = %.6f, b = %.6f",
        classNames[k], m_scales[k], m_offsets[k]));
    }
    return result.toString();
  }
}
