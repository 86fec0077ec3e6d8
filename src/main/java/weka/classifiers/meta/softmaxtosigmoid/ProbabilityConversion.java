/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Converts one row of given class probabilities into calibrated logits, sigmoid
 * scores and a label set, checking the row first.
 *
 * <p>Two modes:
 * <ul>
 * <li>Distribution: the row must be a class distribution. Every entry must be
 * finite and at least 0, and the sum must lie within the tolerance of 1. The row
 * is then divided by its sum, smoothed and inverted under the gauge of a
 * {@link SoftmaxInversion}.</li>
 * <li>Independent: each entry is a probability of its own (one-vs-rest, for
 * example from a multi-label model), in [0, 1], and the sum is not checked.
 * Each entry is clamped to {@code [f, 1 - f]} with the floor
 * {@code f = eps / (1 + 2 eps)} and turned into {@code x = ln y - ln(1 - y)}, so
 * every entry inside that range is reproduced exactly by the uncalibrated score.</li>
 * </ul>
 * The calibrated logit of class k is {@code calibration.calibratedLogit(k, x_k)},
 * its score the sigmoid of that, and the label set comes from the
 * {@link LabelSetRule}.
 *
 * <p>A row with a NaN entry (Weka's missing value) has no output. A row that
 * fails a check raises an IllegalArgumentException naming the row, the column
 * and the value. With renormalisation on, a distribution that does not sum to 1
 * is divided by its sum instead, and a row that cannot be a distribution at all
 * (a negative or infinite entry, or sum 0) has no output. Instances are
 * immutable and safe to share between threads.
 */
public final class ProbabilityConversion implements Serializable {

  private static final long serialVersionUID = -6270963184318536104L;

  /**
   * Default tolerance on the sum of a distribution row. It accepts rows printed
   * with 4 decimals for up to 20 classes (error at most K * 0.00005) and with 6
   * decimals for up to 2000 classes, and still rejects a row that lacks a class
   * with probability above 0.001.
   */
  public static final double DEFAULT_TOLERANCE = 1e-3;

  /** Outcome of the checks on one row. */
  public enum Status {
    /** The row was converted. */
    CONVERTED,
    /** The row has a missing value, so it has no output. */
    MISSING,
    /** The row is not a valid distribution and renormalisation is on, so it has no output. */
    INVALID
  }

  private final SoftmaxInversion m_inversion;

  private final double m_floor;

  private final CalibrationMap m_calibration;

  private final LabelSetRule m_labelSetRule;

  private final String[] m_columnNames;

  private final double m_tolerance;

  private final boolean m_renormalize;

  /** Whether the gauge and calibration come from a model file, which -gauge cannot change. */
  private final boolean m_fromModel;

  private ProbabilityConversion(SoftmaxInversion inversion, double floor,
    CalibrationMap calibration, LabelSetRule labelSetRule, String[] columnNames,
    double tolerance, boolean renormalize, boolean fromModel) {
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("Option -tolerance must be a finite number >= 0, "
        + "found " + tolerance + "; use for example " + DEFAULT_TOLERANCE + ".");
    }
    m_inversion = inversion;
    m_floor = floor;
    m_calibration = calibration;
    m_labelSetRule = labelSetRule;
    m_columnNames = columnNames.clone();
    m_tolerance = tolerance;
    m_renormalize = renormalize;
    m_fromModel = fromModel;
  }

  /**
   * Creates a conversion for rows that are class distributions.
   *
   * @param inversion the smoothing and gauge
   * @param calibration the calibration map
   * @param labelSetRule the label-set rule
   * @param columnNames the column name of each class, for error messages
   * @param tolerance the largest accepted distance of a row sum from 1
   * @param renormalize whether rows are divided by their sum instead of rejected
   * @return the conversion
   */
  public static ProbabilityConversion forDistributions(SoftmaxInversion inversion,
    CalibrationMap calibration, LabelSetRule labelSetRule, String[] columnNames,
    double tolerance, boolean renormalize) {
    return new ProbabilityConversion(inversion, 0, calibration, labelSetRule, columnNames,
      tolerance, renormalize, false);
  }

  /**
   * Creates a conversion for rows that are class distributions, with the smoothing,
   * gauge, calibration and label-set rule of a trained model. It differs from
   * {@link #forDistributions} only in its advice for rows that do not sum to 1,
   * because the model's calibration was fitted to distributions and -gauge cannot
   * replace the model's gauge.
   *
   * @param inversion the model's smoothing and gauge
   * @param calibration the model's calibration map
   * @param labelSetRule the model's label-set rule
   * @param columnNames the column name of each class, for error messages
   * @param tolerance the largest accepted distance of a row sum from 1
   * @param renormalize whether rows are divided by their sum instead of rejected
   * @return the conversion
   */
  public static ProbabilityConversion forModel(SoftmaxInversion inversion,
    CalibrationMap calibration, LabelSetRule labelSetRule, String[] columnNames,
    double tolerance, boolean renormalize) {
    return new ProbabilityConversion(inversion, 0, calibration, labelSetRule, columnNames,
      tolerance, renormalize, true);
  }

  /**
   * Creates a conversion for rows of independent per-class probabilities.
   *
   * @param smoothing eps of the floor {@code eps / (1 + 2 eps)}, finite and at least 0
   * @param calibration the calibration map
   * @param labelSetRule the label-set rule
   * @param columnNames the column name of each class, for error messages
   * @param tolerance the amount by which an entry may exceed 1 and is then read as 1
   * @param renormalize whether an entry outside [0, 1] gives no output instead of an error
   * @return the conversion
   */
  public static ProbabilityConversion forIndependentProbabilities(double smoothing,
    CalibrationMap calibration, LabelSetRule labelSetRule, String[] columnNames,
    double tolerance, boolean renormalize) {
    if (!(smoothing >= 0) || Double.isInfinite(smoothing)) {
      throw new IllegalArgumentException("Option -smoothing must be a finite number >= 0, "
        + "found " + smoothing + "; use for example 1e-4.");
    }
    return new ProbabilityConversion(null, smoothing / (1 + 2 * smoothing), calibration,
      labelSetRule, columnNames, tolerance, renormalize, false);
  }

  /** @return the number of classes */
  public int numClasses() {
    return m_columnNames.length;
  }

  /** @return true if rows are read as independent per-class probabilities */
  public boolean isIndependent() {
    return m_inversion == null;
  }

  /**
   * Converts one row.
   *
   * @param probabilities the K probabilities in class order, not modified
   * @param row the 1-based row number, for error messages
   * @param logits receives the K calibrated logits
   * @param scores receives the K sigmoid scores
   * @param labels receives the K labels, 1 or 0
   * @return CONVERTED when the outputs were written; otherwise they are left unchanged
   * @throws IllegalArgumentException if the row fails a check and renormalisation is off
   */
  public Status convert(double[] probabilities, long row, double[] logits, double[] scores,
    double[] labels) {
    for (double value : probabilities) {
      if (Double.isNaN(value)) {
        return Status.MISSING;
      }
    }
    double[] gaugeLogits = m_inversion == null ? independentLogits(probabilities, row)
      : distributionLogits(probabilities, row);
    if (gaugeLogits == null) {
      return Status.INVALID;
    }
    for (int k = 0; k < gaugeLogits.length; k++) {
      logits[k] = m_calibration.calibratedLogit(k, gaugeLogits[k]);
      scores[k] = LogisticMath.sigmoid(logits[k]);
    }
    double[] set = m_labelSetRule.apply(scores);
    System.arraycopy(set, 0, labels, 0, set.length);
    return Status.CONVERTED;
  }

  private double[] distributionLogits(double[] p, long row) {
    double sum = 0;
    for (int k = 0; k < p.length; k++) {
      if (p[k] < 0 || Double.isInfinite(p[k])) {
        if (m_renormalize) {
          return null;
        }
        throw new IllegalArgumentException("Row " + row + ", column '" + m_columnNames[k]
          + "': probability " + format(p[k]) + " is " + (p[k] < 0 ? "negative" : "not finite")
          + "; a class probability must be finite and at least 0. Correct the data, or set "
          + "-renormalize to give such rows missing scores.");
      }
      sum += p[k];
    }
    if (Math.abs(sum - 1) > m_tolerance) {
      if (!m_renormalize) {
        throw new IllegalArgumentException(sumMessage(p, sum, row));
      }
      if (!(sum > 0) || Double.isInfinite(sum)) {
        return null;
      }
    }
    try {
      return m_inversion.logits(p);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Row " + row + ": " + e.getMessage(), e);
    }
  }

  private String sumMessage(double[] p, double sum, long row) {
    StringBuilder values = new StringBuilder();
    for (int k = 0; k < p.length; k++) {
      values.append(k == 0 ? "" : ", ").append(m_columnNames[k]).append(" = ")
        .append(format(p[k]));
    }
    if (sum > 1 && m_fromModel) {
      return "Row " + row + " sums to " + format(sum) + "; these look like independent "
        + "per-label probabilities, but the calibration of the -model file was fitted to "
        + "class distributions, which sum to 1. Set -renormalize to divide each row by its "
        + "sum, or leave out -model and convert with -gauge one-vs-rest and -scale, -offset "
        + "of your own. Values: " + values + ".";
    }
    if (sum > 1) {
      return "Row " + row + " sums to " + format(sum) + "; these look like independent "
        + "per-label probabilities; use -gauge one-vs-rest, or -renormalize to divide each "
        + "row by its sum. Values: " + values + ".";
    }
    return "Row " + row + " sums to " + format(sum) + ", not 1 within the tolerance "
      + format(m_tolerance) + " (-tolerance); check that -R selects every class's column, "
      + "or set -renormalize to divide each row by its sum. Values: " + values + ".";
  }

  private double[] independentLogits(double[] p, long row) {
    double[] result = new double[p.length];
    for (int k = 0; k < p.length; k++) {
      double y = p[k];
      if (!(y >= 0 && y <= 1 + m_tolerance)) {
        if (m_renormalize) {
          return null;
        }
        throw new IllegalArgumentException("Row " + row + ", column '" + m_columnNames[k]
          + "': probability " + format(y) + " lies outside [0, 1]; an independent "
          + "per-label probability must lie in [0, 1]. Correct the data, or set -renormalize "
          + "to give such rows missing scores.");
      }
      y = Math.min(Math.max(y, m_floor), 1 - m_floor);
      result[k] = Math.log(y) - Math.log1p(-y);
    }
    return result;
  }

  /**
   * Formats a number with at most 6 significant digits and no trailing zeros,
   * for example 1.8000000000000003 as {@code 1.8}.
   *
   * @param value the number
   * @return the text
   */
  public static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros();
    double magnitude = Math.abs(value);
    return magnitude >= 1e-4 && magnitude < 1e7 ? rounded.toPlainString() : rounded.toString();
  }
}
