/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * Per-class isotonic calibration: a non-decreasing step function from a class's
 * logit to its score, fitted by weighted pool adjacent violators (PAV).
 *
 * <p>For one class, PAV sorts the pairs {@code (x_i, t_i, w_i)} by logit, merges
 * equal logits into one block, and merges adjacent blocks while a block's mean
 * target {@code sum w t / sum w} exceeds the next one's. The result minimises
 * {@code sum_i w_i (t_i - f(x_i))^2} over non-decreasing f (Zadrozny and Elkan,
 * 2002). A logit x gets the value of the last block whose smallest logit is at
 * most x, or the first block's value below every block. Scores may be exactly 0
 * or 1, so calibrated logits may be infinite.
 */
public final class IsotonicCalibration implements CalibrationMap {

  private static final long serialVersionUID = -1843051640383398724L;

  /** Per class: the smallest logit of each block, ascending. */
  private final double[][] m_blockStarts;

  /** Per class: the fitted score of each block, non-decreasing. */
  private final double[][] m_blockValues;

  private IsotonicCalibration(double[][] blockStarts, double[][] blockValues) {
    m_blockStarts = blockStarts;
    m_blockValues = blockValues;
  }

  /**
   * Fits one step function per class.
   *
   * @param data the calibration set
   * @param targets per row and class, the targets to fit (the data's own, or smoothed ones)
   * @return the map
   */
  public static IsotonicCalibration fit(CalibrationData data, double[][] targets) {
    int numClasses = data.numClasses();
    double[][] starts = new double[numClasses][];
    double[][] values = new double[numClasses][];
    int n = data.numRows();
    for (int k = 0; k < numClasses; k++) {
      double[] x = new double[n];
      double[] t = new double[n];
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = data.logit(i, k);
        t[i] = targets[i][k];
        w[i] = data.weight(i);
      }
      double[][] blocks = poolAdjacentViolators(x, t, w);
      starts[k] = blocks[0];
      values[k] = blocks[1];
    }
    return new IsotonicCalibration(starts, values);
  }

  /**
   * Runs weighted PAV on one class's pairs. Pairs of weight 0 are ignored; with no
   * positive weight at all the result is one block of value 0.5.
   *
   * @param x the logits
   * @param t the targets
   * @param w the weights
   * @return {block starts, block values}, both ascending
   */
  public static double[][] poolAdjacentViolators(double[] x, double[] t, double[] w) {
    Integer[] order = new Integer[x.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));

    double[] start = new double[x.length];
    double[] weightedSum = new double[x.length];
    double[] weight = new double[x.length];
    int blocks = 0;
    double previousLogit = Double.NaN;
    for (int position = 0; position < order.length; position++) {
      int i = order[position];
      if (w[i] == 0) {
        continue;
      }
      // Equal logits must share one value, so a tie joins the block of the previous
      // pair, which is always the last block because the pairs are sorted.
      boolean tie = blocks > 0 && x[i] == previousLogit;
      previousLogit = x[i];
      if (tie) {
        weightedSum[blocks - 1] += w[i] * t[i];
        weight[blocks - 1] += w[i];
      } else {
        start[blocks] = x[i];
        weightedSum[blocks] = w[i] * t[i];
        weight[blocks] = w[i];
        blocks++;
      }
      while (blocks > 1 && weightedSum[blocks - 2] / weight[blocks - 2]
        > weightedSum[blocks - 1] / weight[blocks - 1]) {
        weightedSum[blocks - 2] += weightedSum[blocks - 1];
        weight[blocks - 2] += weight[blocks - 1];
        blocks--;
      }
    }
    if (blocks == 0) {
      return new double[][] {{Double.NEGATIVE_INFINITY}, {0.5}};
    }
    double[] starts = Arrays.copyOf(start, blocks);
    double[] values = new double[blocks];
    for (int b = 0; b < blocks; b++) {
      values[b] = weightedSum[b] / weight[b];
    }
    return new double[][] {starts, values};
  }

  /**
   * Returns the fitted score of a logit.
   *
   * @param classIndex the 0-based class
   * @param logit the gauge logit
   * @return the score in [0, 1]
   */
  public double score(int classIndex, double logit) {
    double[] starts = m_blockStarts[classIndex];
    int position = Arrays.binarySearch(starts, logit);
    int block = position >= 0 ? position : Math.max(0, -position - 2);
    return m_blockValues[classIndex][block];
  }

  @Override
  public double calibratedLogit(int classIndex, double logit) {
    if (Double.isNaN(logit)) {
      return Double.NaN;
    }
    double p = score(classIndex, logit);
    return Math.log(p) - Math.log1p(-p);
  }

  /**
   * @param classIndex the 0-based class
   * @return the number of steps of that class's function
   */
  public int numBlocks(int classIndex) {
    return m_blockStarts[classIndex].length;
  }

  @Override
  public String describe(String[] classNames) {
    StringBuilder result = new StringBuilder("isotonic step functions:");
    for (int k = 0; k < m_blockStarts.length; k++) {
      double[] values = m_blockValues[k];
      result.append(String.format(Locale.ROOT, "%n  %s: %d steps, scores from %.4f to %.4f",
        classNames[k], values.length, values[0], values[values.length - 1]));
    }
    return result.toString();
  }
}
