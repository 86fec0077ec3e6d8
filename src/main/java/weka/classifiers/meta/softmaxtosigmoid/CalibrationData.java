/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import java.util.ArrayList;
import java.util.List;

/**
 * Calibration set: one row of K logits per instance, one 0/1 target per
 * (instance, class) pair and one weight per instance.
 *
 * <p>A target is 1 when the class is among the instance's labels. Single-label
 * data has exactly one 1 per row; multi-label data may have several or none.
 * Every logit must be finite, because a logit of {@code +-inf} makes the
 * likelihood of a disagreeing target infinite.
 */
public final class CalibrationData {

  private final int m_numClasses;

  private final List<double[]> m_logits = new ArrayList<double[]>();

  private final List<double[]> m_targets = new ArrayList<double[]>();

  private final List<Double> m_weights = new ArrayList<Double>();

  /**
   * Creates an empty calibration set.
   *
   * @param numClasses the number of classes K, at least 2
   */
  public CalibrationData(int numClasses) {
    if (numClasses < 2) {
      throw new IllegalArgumentException("Calibration needs at least 2 classes, found "
        + numClasses + ".");
    }
    m_numClasses = numClasses;
  }

  /**
   * Adds a single-label row.
   *
   * @param logits the K logits, all finite
   * @param classIndex the 0-based true class
   * @param weight the instance weight, finite and at least 0
   */
  public void addSingleLabel(double[] logits, int classIndex, double weight) {
    double[] targets = new double[m_numClasses];
    targets[classIndex] = 1;
    add(logits, targets, weight);
  }

  /**
   * Adds a row with one target per class.
   *
   * @param logits the K logits, all finite
   * @param targets the K targets in [0, 1]
   * @param weight the instance weight, finite and at least 0
   * @throws IllegalArgumentException naming the row and class of the first invalid value
   */
  public void add(double[] logits, double[] targets, double weight) {
    int row = m_logits.size() + 1;
    if (logits.length != m_numClasses || targets.length != m_numClasses) {
      throw new IllegalArgumentException("Calibration row " + row + " has "
        + logits.length + " logits and " + targets.length + " targets, expected "
        + m_numClasses + " of each.");
    }
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("Calibration row " + row + " has weight "
        + weight + "; weights must be finite and at least 0.");
    }
    for (int k = 0; k < m_numClasses; k++) {
      if (Double.isNaN(logits[k]) || Double.isInfinite(logits[k])) {
        throw new IllegalArgumentException("Calibration row " + row + ", class "
          + (k + 1) + " has logit " + logits[k]
          + "; set the smoothing above 0 so that zero probabilities get finite logits.");
      }
      if (!(targets[k] >= 0 && targets[k] <= 1)) {
        throw new IllegalArgumentException("Calibration row " + row + ", class "
          + (k + 1) + " has target " + targets[k] + "; targets must lie in [0, 1].");
      }
    }
    m_logits.add(logits.clone());
    m_targets.add(targets.clone());
    m_weights.add(weight);
  }

  /** @return the number of classes K */
  public int numClasses() {
    return m_numClasses;
  }

  /** @return the number of rows */
  public int numRows() {
    return m_logits.size();
  }

  /**
   * @param row the 0-based row
   * @param classIndex the 0-based class
   * @return the logit of that pair
   */
  public double logit(int row, int classIndex) {
    return m_logits.get(row)[classIndex];
  }

  /**
   * @param row the 0-based row
   * @param classIndex the 0-based class
   * @return the target of that pair
   */
  public double target(int row, int classIndex) {
    return m_targets.get(row)[classIndex];
  }

  /**
   * @param row the 0-based row
   * @return the weight of that row
   */
  public double weight(int row) {
    return m_weights.get(row);
  }

  /** @return the sum of the row weights */
  public double totalWeight() {
    double sum = 0;
    for (double weight : m_weights) {
      sum += weight;
    }
    return sum;
  }

  /**
   * Returns the weighted number of positive targets of each class.
   *
   * @return K sums of {@code weight * target}
   */
  public double[] positiveWeights() {
    double[] result = new double[m_numClasses];
    for (int i = 0; i < numRows(); i++) {
      for (int k = 0; k < m_numClasses; k++) {
        result[k] += weight(i) * target(i, k);
      }
    }
    return result;
  }

  /**
   * Returns Platt's smoothed targets: per class k, a positive target becomes
   * {@code (P_k + 1) / (P_k + 2)} and a negative one {@code 1 / (N_k + 2)}, where
   * P_k and N_k are the weighted numbers of positive and negative targets of the class.
   * Fractional targets are mixed linearly between the two values.
   *
   * @return per row and class, the smoothed targets
   */
  public double[][] plattTargets() {
    double[] positives = positiveWeights();
    double total = totalWeight();
    double[][] result = new double[numRows()][m_numClasses];
    for (int k = 0; k < m_numClasses; k++) {
      double high = (positives[k] + 1) / (positives[k] + 2);
      double low = 1 / (total - positives[k] + 2);
      for (int i = 0; i < numRows(); i++) {
        double t = target(i, k);
        result[i][k] = t * high + (1 - t) * low;
      }
    }
    return result;
  }

  /**
   * Returns a copy whose targets are replaced.
   *
   * @param targets per row and class, the new targets in [0, 1]
   * @return the copy
   */
  public CalibrationData withTargets(double[][] targets) {
    CalibrationData result = new CalibrationData(m_numClasses);
    for (int i = 0; i < numRows(); i++) {
      result.add(m_logits.get(i), targets[i], m_weights.get(i));
    }
    return result;
  }

  /**
   * Returns the rows as a matrix of targets.
   *
   * @return per row, a copy of the K targets
   */
  public double[][] targets() {
    double[][] result = new double[numRows()][];
    for (int i = 0; i < numRows(); i++) {
      result[i] = m_targets.get(i).clone();
    }
    return result;
  }

  /**
   * Returns the rows as a matrix of logits.
   *
   * @return per row, a copy of the K logits
   */
  public double[][] logits() {
    double[][] result = new double[numRows()][];
    for (int i = 0; i < numRows(); i++) {
      result[i] = m_logits.get(i).clone();
    }
    return result;
  }

  /** @return the row weights */
  public double[] weights() {
    double[] result = new double[numRows()];
    for (int i = 0; i < numRows(); i++) {
      result[i] = m_weights.get(i);
    }
    return result;
  }

  /**
   * Returns the subset of rows whose indices are given, in that order.
   *
   * @param rows the 0-based rows
   * @return a new calibration set
   */
  public CalibrationData subset(int[] rows) {
    CalibrationData result = new CalibrationData(m_numClasses);
    for (int i : rows) {
      result.add(m_logits.get(i), m_targets.get(i), m_weights.get(i));
    }
    return result;
  }

  /**
   * Flattens one class's pairs.
   *
   * @param classIndex the 0-based class
   * @return three arrays of length {@code numRows()}: logits, targets, weights
   */
  public double[][] classPairs(int classIndex) {
    int n = numRows();
    double[] x = new double[n];
    double[] t = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = m_logits.get(i)[classIndex];
      t[i] = m_targets.get(i)[classIndex];
      w[i] = m_weights.get(i);
    }
    return new double[][] {x, t, w};
  }

  /**
   * Flattens the set into (logit, target, weight) pairs, class-major within each row.
   *
   * @return three arrays of length {@code numRows() * K}: logits, targets, weights
   */
  public double[][] pairs() {
    int n = numRows() * m_numClasses;
    double[] x = new double[n];
    double[] t = new double[n];
    double[] w = new double[n];
    int p = 0;
    for (int i = 0; i < numRows(); i++) {
      double[] rowLogits = m_logits.get(i);
      double[] rowTargets = m_targets.get(i);
      double weight = m_weights.get(i);
      for (int k = 0; k < m_numClasses; k++) {
        x[p] = rowLogits[k];
        t[p] = rowTargets[k];
        w[p] = weight;
        p++;
      }
    }
    return new double[][] {x, t, w};
  }
}
