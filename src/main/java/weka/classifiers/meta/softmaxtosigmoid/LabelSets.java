/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

/**
 * Label-set rules applied to one row of sigmoid scores.
 *
 * <p>A class is a label when its score is at or above its threshold
 * ({@code s_k >= t_k}), the convention MEKA uses. A row whose scores are
 * missing (NaN) has a missing label set: every entry is NaN, so that no label
 * comes from a comparison with NaN.
 */
public final class LabelSets {

  private LabelSets() {
  }

  /**
   * Applies one threshold to every class.
   *
   * @param scores the scores; NaN entries make the whole set missing
   * @param threshold the threshold t
   * @param keepTop if true, the class with the highest score is always a label,
   *          so no set is empty
   * @return 1 for a label, 0 otherwise, or all NaN when a score is NaN
   */
  public static double[] threshold(double[] scores, double threshold, boolean keepTop) {
    double[] thresholds = new double[scores.length];
    java.util.Arrays.fill(thresholds, threshold);
    return threshold(scores, thresholds, keepTop);
  }

  /**
   * Applies a threshold per class.
   *
   * @param scores the scores; NaN entries make the whole set missing
   * @param thresholds one threshold per class
   * @param keepTop if true, the class with the highest score is always a label
   * @return 1 for a label, 0 otherwise, or all NaN when a score is NaN
   */
  public static double[] threshold(double[] scores, double[] thresholds, boolean keepTop) {
    double[] result = new double[scores.length];
    if (hasNaN(scores)) {
      java.util.Arrays.fill(result, Double.NaN);
      return result;
    }
    for (int k = 0; k < scores.length; k++) {
      result[k] = scores[k] >= thresholds[k] ? 1 : 0;
    }
    if (keepTop) {
      result[argMax(scores)] = 1;
    }
    return result;
  }

  /**
   * Returns the index of the highest score; the first one on ties.
   *
   * @param scores the scores, none NaN
   * @return the 0-based index
   */
  public static int argMax(double[] scores) {
    int best = 0;
    for (int k = 1; k < scores.length; k++) {
      if (scores[k] > scores[best]) {
        best = k;
      }
    }
    return best;
  }

  static boolean hasNaN(double[] values) {
    for (double value : values) {
      if (Double.isNaN(value)) {
        return true;
      }
    }
    return false;
  }
}
