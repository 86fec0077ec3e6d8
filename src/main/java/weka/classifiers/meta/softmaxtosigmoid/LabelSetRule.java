/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Fitted label-set rule: per-class thresholds, or the k highest scores, and
 * optionally the top class in every set.
 *
 * <p>A class is a label when its score is at or above its threshold, as in MEKA.
 * A row with a NaN score has a missing label set (all NaN). Instances are
 * immutable and safe to share between threads.
 */
public final class LabelSetRule implements Serializable {

  private static final long serialVersionUID = 5276283185373290342L;

  private final ThresholdRule m_rule;

  private final double[] m_thresholds;

  private final int m_topK;

  private final boolean m_keepTop;

  private LabelSetRule(ThresholdRule rule, double[] thresholds, int topK, boolean keepTop) {
    m_rule = rule;
    m_thresholds = thresholds;
    m_topK = topK;
    m_keepTop = keepTop;
  }

  /**
   * Creates a rule with one threshold for every class.
   *
   * @param rule the rule that chose the threshold
   * @param numClasses the number of classes
   * @param threshold the threshold
   * @param keepTop whether the top class is always a label
   * @return the rule
   */
  public static LabelSetRule uniform(ThresholdRule rule, int numClasses, double threshold,
    boolean keepTop) {
    double[] thresholds = new double[numClasses];
    Arrays.fill(thresholds, threshold);
    return new LabelSetRule(rule, thresholds, 0, keepTop);
  }

  /**
   * Creates a rule with a threshold per class.
   *
   * @param thresholds one threshold per class
   * @param keepTop whether the top class is always a label
   * @return the rule
   */
  public static LabelSetRule perClass(double[] thresholds, boolean keepTop) {
    return new LabelSetRule(ThresholdRule.PER_CLASS_F1, thresholds.clone(), 0, keepTop);
  }

  /**
   * Creates a rule that labels the k highest scores.
   *
   * @param numClasses the number of classes
   * @param k the number of labels, from 1 to numClasses
   * @param keepTop whether the top class is always a label (always true for k at least 1)
   * @return the rule
   */
  public static LabelSetRule topK(int numClasses, int k, boolean keepTop) {
    if (k < 1 || k > numClasses) {
      throw new IllegalArgumentException("Option -top-k must lie between 1 and the number of "
        + "classes, " + numClasses + ", found " + k + ".");
    }
    return new LabelSetRule(ThresholdRule.TOP_K, null, k, keepTop);
  }

  /**
   * Fits per-class F1 thresholds; a class without positives keeps the fallback
   * threshold, with a warning.
   *
   * @param scores per instance, the K calibrated scores
   * @param targets per instance, the K 0/1 targets
   * @param weights the instance weights
   * @param fallback the threshold for classes without positives
   * @param keepTop whether the top class is always a label
   * @param classNames the class names, for warnings
   * @param warnings receives one sentence per problem found
   * @return the rule
   */
  public static LabelSetRule fitPerClassF1(double[][] scores, double[][] targets,
    double[] weights, double fallback, boolean keepTop, String[] classNames,
    List<String> warnings) {
    int numClasses = classNames.length;
    double[] thresholds = new double[numClasses];
    StringBuilder withoutPositives = new StringBuilder();
    for (int k = 0; k < numClasses; k++) {
      double[] classScores = column(scores, k);
      double[] classTargets = column(targets, k);
      double threshold = Thresholds.maximizeF1(classScores, classTargets, weights);
      if (Double.isNaN(threshold)) {
        threshold = fallback;
        withoutPositives.append(withoutPositives.length() == 0 ? "" : ", ").append('\'')
          .append(classNames[k]).append('\'');
      }
      thresholds[k] = threshold;
    }
    if (withoutPositives.length() > 0) {
      warnings.add("No calibration instance has class " + withoutPositives + ", so its F1 "
        + "threshold cannot be fitted; it keeps the fixed threshold " + fallback + ".");
    }
    return perClass(thresholds, keepTop);
  }

  /**
   * Fits one threshold so that the mean set size matches a cardinality.
   *
   * @param scores per instance, the K calibrated scores
   * @param targets per instance, the K 0/1 targets
   * @param weights the instance weights
   * @param cardinality the mean number of labels; NaN uses the weighted mean of the targets
   * @param keepTop whether the top class is always a label
   * @return the rule
   */
  public static LabelSetRule fitCardinality(double[][] scores, double[][] targets,
    double[] weights, double cardinality, boolean keepTop) {
    double target = cardinality;
    if (Double.isNaN(target)) {
      double labels = 0;
      double total = 0;
      for (int i = 0; i < targets.length; i++) {
        for (double t : targets[i]) {
          labels += weights[i] * t;
        }
        total += weights[i];
      }
      target = total > 0 ? labels / total : 1;
    }
    int numClasses = scores.length == 0 ? 1 : scores[0].length;
    return uniform(ThresholdRule.CARDINALITY, numClasses,
      Thresholds.cardinality(scores, weights, target), keepTop);
  }

  /**
   * Fits the split-conformal threshold on calibration data that the calibrator
   * was not fitted on.
   *
   * @param scores per instance, the K calibrated scores
   * @param targets per instance, the K 0/1 targets
   * @param weights the instance weights
   * @param alpha the miscoverage level, in (0, 1)
   * @param keepTop whether the top class is always a label
   * @param warnings receives one sentence per problem found
   * @return the rule
   */
  public static LabelSetRule fitConformal(double[][] scores, double[][] targets,
    double[] weights, double alpha, boolean keepTop, List<String> warnings) {
    int numClasses = scores.length == 0 ? 1 : scores[0].length;
    double[] best = new double[scores.length];
    double[] bestWeights = new double[scores.length];
    int used = 0;
    for (int i = 0; i < scores.length; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < scores[i].length; k++) {
        if (targets[i][k] > 0.5) {
          max = Math.max(max, scores[i][k]);
        }
      }
      if (max > Double.NEGATIVE_INFINITY) {
        best[used] = max;
        bestWeights[used] = weights[i];
        used++;
      }
    }
    double threshold = Thresholds.conformal(Arrays.copyOf(best, used),
      Arrays.copyOf(bestWeights, used), alpha);
    if (threshold == Double.NEGATIVE_INFINITY) {
      warnings.add(String.format(Locale.ROOT, "%d conformal calibration instances are too few "
        + "for alpha = %s: (n + 1)(1 - alpha) exceeds n, so every class is a label; use more "
        + "calibration data or a larger alpha.", used, alpha));
    }
    return uniform(ThresholdRule.CONFORMAL, numClasses, threshold, keepTop);
  }

  /**
   * Applies the rule to one row.
   *
   * @param scores the K scores; a NaN makes the whole set missing
   * @return 1 for a label, 0 otherwise, or all NaN
   */
  public double[] apply(double[] scores) {
    if (m_rule != ThresholdRule.TOP_K) {
      return LabelSets.threshold(scores, m_thresholds, m_keepTop);
    }
    double[] result = new double[scores.length];
    if (LabelSets.hasNaN(scores)) {
      Arrays.fill(result, Double.NaN);
      return result;
    }
    Integer[] order = new Integer[scores.length];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    // Stable sort: on equal scores the lower class index ranks first.
    Arrays.sort(order, (first, second) -> Double.compare(scores[second], scores[first]));
    for (int position = 0; position < m_topK; position++) {
      result[order[position]] = 1;
    }
    return result;
  }

  /** @return the rule that produced this label-set rule */
  public ThresholdRule rule() {
    return m_rule;
  }

  /**
   * @param classIndex the 0-based class
   * @return that class's threshold, or NaN for top-k
   */
  public double threshold(int classIndex) {
    return m_thresholds == null ? Double.NaN : m_thresholds[classIndex];
  }

  /**
   * Describes the rule for the model output.
   *
   * @param classNames the class names
   * @return one or more lines of text
   */
  public String describe(String[] classNames) {
    String keepTop = m_keepTop ? ", plus the top class" : "";
    if (m_rule == ThresholdRule.TOP_K) {
      return "the " + m_topK + " highest scores";
    }
    if (m_rule != ThresholdRule.PER_CLASS_F1) {
      return m_rule + ": classes with score >= " + format(m_thresholds[0]) + keepTop;
    }
    StringBuilder result = new StringBuilder(m_rule + ": classes with score >= their "
      + "threshold" + keepTop);
    for (int k = 0; k < m_thresholds.length; k++) {
      result.append(String.format(Locale.ROOT, "%n  %s: %s", classNames[k],
        format(m_thresholds[k])));
    }
    return result.toString();
  }

  private static String format(double value) {
    if (value == Double.NEGATIVE_INFINITY) {
      return "0 (every class)";
    }
    return String.format(Locale.ROOT, "%.6f", value);
  }

  private static double[] column(double[][] matrix, int k) {
    double[] result = new double[matrix.length];
    for (int i = 0; i < matrix.length; i++) {
      result[i] = matrix[i][k];
    }
    return result;
  }
}
