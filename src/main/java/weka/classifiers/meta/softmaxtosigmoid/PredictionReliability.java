/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import weka.classifiers.evaluation.NominalPrediction;
import weka.classifiers.evaluation.Prediction;
import weka.core.Attribute;
import weka.core.Utils;

/**
 * Reliability curves of the class distributions in a list of Weka predictions, for any
 * classifier.
 *
 * <p>A prediction whose actual class is missing, or whose distribution is all zero or
 * contains a NaN or infinite value, is left out and counted. The others give, in
 * {@link Mode#PER_CLASS} mode, one curve per class k of the pairs (probability of k,
 * actual class is k), and in {@link Mode#TOP_CLASS} mode one curve of the pairs
 * (largest probability, predicted class is the actual class). Each pair carries the
 * prediction's weight.
 */
public final class PredictionReliability {

  /** Selection of the (probability, outcome) pairs that a diagram shows. */
  public enum Mode {
    /** One-vs-rest: one curve per class. */
    PER_CLASS("One curve per class (one-vs-rest)"),
    /** Confidence of the predicted class against correctness. */
    TOP_CLASS("Predicted class only (confidence vs. correct)");

    private final String m_description;

    Mode(String description) {
      m_description = description;
    }

    @Override
    public String toString() {
      return m_description;
    }
  }

  /**
   * Probabilities this far above 1 are clipped to 1, because normalised Weka
   * distributions can exceed 1 by a rounding error.
   */
  private static final double ROUNDING_TOLERANCE = 1e-9;

  private final String[] m_classNames;

  private final double[][] m_distributions;

  private final int[] m_actual;

  private final double[] m_weights;

  private final int m_numMissingActual;

  private final int m_numWithoutDistribution;

  private final int m_numPredictions;

  /**
   * Collects the usable predictions.
   *
   * @param predictions predictions of a nominal class, each a {@link NominalPrediction}
   * @param classAttribute the nominal class attribute
   * @throws IllegalArgumentException if the class is not nominal, a prediction is not
   *           nominal, a distribution has the wrong length or a value outside [0, 1], or a
   *           weight is negative or not finite. The message names the 1-based prediction.
   */
  public PredictionReliability(List<Prediction> predictions, Attribute classAttribute) {
    if (!classAttribute.isNominal()) {
      throw new IllegalArgumentException("Class attribute '" + classAttribute.name()
        + "' is not nominal; a reliability diagram needs class probabilities.");
    }
    int numClasses = classAttribute.numValues();
    m_classNames = new String[numClasses];
    for (int k = 0; k < numClasses; k++) {
      m_classNames[k] = classAttribute.value(k);
    }

    List<double[]> distributions = new ArrayList<double[]>();
    List<Integer> actual = new ArrayList<Integer>();
    List<Double> weights = new ArrayList<Double>();
    int missingActual = 0;
    int withoutDistribution = 0;
    for (int i = 0; i < predictions.size(); i++) {
      Prediction prediction = predictions.get(i);
      int number = i + 1;
      if (!(prediction instanceof NominalPrediction)) {
        throw new IllegalArgumentException("Prediction " + number + " is a "
          + prediction.getClass().getSimpleName() + ", not a NominalPrediction with a class "
          + "distribution.");
      }
      double weight = prediction.weight();
      if (!(weight >= 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("Prediction " + number + " has weight " + weight
          + "; weights must be finite and at least 0.");
      }
      if (Utils.isMissingValue(prediction.actual())) {
        missingActual++;
        continue;
      }
      double[] distribution = validDistribution(number,
        ((NominalPrediction) prediction).distribution(), numClasses);
      if (distribution == null) {
        withoutDistribution++;
        continue;
      }
      distributions.add(distribution);
      actual.add((int) prediction.actual());
      weights.add(weight);
    }

    m_numPredictions = predictions.size();
    m_numMissingActual = missingActual;
    m_numWithoutDistribution = withoutDistribution;
    m_distributions = distributions.toArray(new double[0][]);
    m_actual = new int[actual.size()];
    m_weights = new double[weights.size()];
    for (int r = 0; r < m_actual.length; r++) {
      m_actual[r] = actual.get(r);
      m_weights[r] = weights.get(r);
    }
  }

  /**
   * Copies a distribution and clips rounding errors above 1.
   *
   * @return the copy, or null if it is all zero or has a NaN or infinite value
   */
  private static double[] validDistribution(int number, double[] distribution,
    int numClasses) {
    if (distribution.length != numClasses) {
      throw new IllegalArgumentException("Prediction " + number + " has a distribution of "
        + distribution.length + " values; the class has " + numClasses + " values.");
    }
    double[] copy = new double[numClasses];
    double sum = 0;
    for (int k = 0; k < numClasses; k++) {
      double p = distribution[k];
      if (Double.isNaN(p) || Double.isInfinite(p)) {
        return null;
      }
      if (p < 0 || p > 1 + ROUNDING_TOLERANCE) {
        throw new IllegalArgumentException("Prediction " + number + " gives class "
          + (k + 1) + " probability " + p + "; probabilities must lie in [0, 1].");
      }
      copy[k] = Math.min(p, 1);
      sum += copy[k];
    }
    return sum > 0 ? copy : null;
  }

  /** @return the number of predictions given, used or not */
  public int numPredictions() {
    return m_numPredictions;
  }

  /** @return the number of predictions used in the curves */
  public int numUsed() {
    return m_actual.length;
  }

  /** @return the number of predictions left out because the actual class is missing */
  public int numMissingActual() {
    return m_numMissingActual;
  }

  /**
   * @return the number of predictions left out because the distribution is all zero or
   *         has a NaN or infinite value
   */
  public int numWithoutDistribution() {
    return m_numWithoutDistribution;
  }

  /** @return the total weight of the predictions used */
  public double totalWeight() {
    double total = 0;
    for (double weight : m_weights) {
      total += weight;
    }
    return total;
  }

  /**
   * Returns the one-vs-rest pairs of one class.
   *
   * @param classIndex the 0-based class
   * @return {probabilities of the class, 1 where the actual class is it else 0, weights},
   *         one entry per used prediction in the given order
   */
  public double[][] classPairs(int classIndex) {
    int n = m_actual.length;
    double[][] pairs = new double[3][n];
    for (int i = 0; i < n; i++) {
      pairs[0][i] = m_distributions[i][classIndex];
      pairs[1][i] = m_actual[i] == classIndex ? 1 : 0;
      pairs[2][i] = m_weights[i];
    }
    return pairs;
  }

  /**
   * Returns the top-class pairs. The predicted class is the first class with the largest
   * probability, as in {@link Utils#maxIndex(double[])}.
   *
   * @return {largest probabilities, 1 where the predicted class is the actual class else 0,
   *         weights}, one entry per used prediction in the given order
   */
  public double[][] topClassPairs() {
    int n = m_actual.length;
    double[][] pairs = new double[3][n];
    for (int i = 0; i < n; i++) {
      int predicted = Utils.maxIndex(m_distributions[i]);
      pairs[0][i] = m_distributions[i][predicted];
      pairs[1][i] = predicted == m_actual[i] ? 1 : 0;
      pairs[2][i] = m_weights[i];
    }
    return pairs;
  }

  /**
   * Builds the curves of one mode.
   *
   * @param mode per class or top class
   * @return one curve per class, or one curve, named after what they show
   * @throws IllegalArgumentException if no used prediction has a weight above 0
   */
  public List<ReliabilityDiagram.Curve> curves(Mode mode) {
    checkDrawable();
    List<ReliabilityDiagram.Curve> curves = new ArrayList<ReliabilityDiagram.Curve>();
    if (mode == Mode.TOP_CLASS) {
      double[][] pairs = topClassPairs();
      curves.add(ReliabilityDiagram.Curve.of("predicted class", pairs[0], pairs[1], pairs[2]));
      return curves;
    }
    for (int k = 0; k < m_classNames.length; k++) {
      double[][] pairs = classPairs(k);
      curves.add(ReliabilityDiagram.Curve.of(m_classNames[k], pairs[0], pairs[1], pairs[2]));
    }
    return curves;
  }

  private void checkDrawable() {
    if (!(totalWeight() > 0)) {
      throw new IllegalArgumentException("None of the " + m_numPredictions + " predictions "
        + "can be drawn: " + describeLeftOut() + ", and the other " + numUsed()
        + " weigh 0 in total.");
    }
  }

  /** @return the counts of left-out predictions, for example "2 with a missing actual ..." */
  public String describeLeftOut() {
    return m_numMissingActual + " with a missing actual class and " + m_numWithoutDistribution
      + " with an all-zero or non-finite distribution left out";
  }

  /**
   * Writes a summary of the curves: the counts and the error of each curve.
   *
   * @param curves the curves of {@link #curves(Mode)}
   * @param mode the mode they were built in
   * @return lines of text, the first two short enough for the diagram's captions
   */
  public List<String> summary(List<ReliabilityDiagram.Curve> curves, Mode mode) {
    List<String> lines = new ArrayList<String>();
    lines.add(String.format(Locale.ROOT, "%d of %d predictions used (total weight %s); %s.",
      numUsed(), m_numPredictions, Utils.doubleToString(totalWeight(), 6), describeLeftOut()));
    if (mode == Mode.TOP_CLASS) {
      lines.add(String.format(Locale.ROOT, "ECE of the predicted class: %.4f (%d bins).",
        curves.get(0).expectedCalibrationError, MultiLabelMetrics.NUM_BINS));
      return lines;
    }
    double sum = 0;
    for (ReliabilityDiagram.Curve curve : curves) {
      sum += curve.expectedCalibrationError;
    }
    lines.add(String.format(Locale.ROOT, "One-vs-rest ECE (%d bins), mean over %d classes: "
      + "%.4f.", MultiLabelMetrics.NUM_BINS, curves.size(), sum / curves.size()));
    for (ReliabilityDiagram.Curve curve : curves) {
      lines.add(String.format(Locale.ROOT, "  ECE of class %s: %.4f", curve.name,
        curve.expectedCalibrationError));
    }
    return lines;
  }

  /**
   * Draws the diagram of one mode.
   *
   * @param mode per class or top class
   * @param title the first line of the title, for example the classifier and data set
   * @return an image of {@link ReliabilityDiagram#WIDTH} by
   *         {@link ReliabilityDiagram#HEIGHT} pixels
   * @throws IllegalArgumentException if no used prediction has a weight above 0
   */
  public BufferedImage draw(Mode mode, String title) {
    List<ReliabilityDiagram.Curve> curves = curves(mode);
    List<String> summary = summary(curves, mode);
    String yLabel = mode == Mode.TOP_CLASS ? "share correct" : "share of actual class";
    String xLabel = mode == Mode.TOP_CLASS ? "probability of the predicted class"
      : "predicted probability of the class";
    List<String> captions = new ArrayList<String>();
    captions.add(String.format(Locale.ROOT, "Used %d of %d predictions (weight %s); left out: "
      + "%d missing class, %d no distribution.", numUsed(), m_numPredictions,
      Utils.doubleToString(totalWeight(), 6), m_numMissingActual, m_numWithoutDistribution));
    captions.add(summary.get(1));
    return ReliabilityDiagram.draw(curves, title, captions, xLabel, yLabel);
  }
}
