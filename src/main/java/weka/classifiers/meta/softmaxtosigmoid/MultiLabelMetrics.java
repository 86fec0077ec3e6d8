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
 * Multi-label metrics of per-class scores and label sets against true label sets.
 *
 * <p>Notation: instance i has weight {@code w_i}, true labels {@code y_ik} in {0, 1},
 * predicted labels {@code p_ik} in {0, 1} and scores {@code s_ik} in [0, 1], for K
 * classes. {@code Y_i} and {@code P_i} are the true and predicted sets, and W is the
 * total weight of the instances used. An instance whose scores or label set contain a
 * NaN has no prediction: it is left out of every metric and counted by
 * {@link #numWithoutPrediction()}, the way Weka reports unclassified instances.
 *
 * <p>Ratios with an empty denominator are defined, never NaN: a set that is empty
 * and has an empty truth counts as a perfect prediction (F1 = 1, Jaccard = 1), and so
 * does a class that is neither a true nor a predicted label of any instance. The only
 * exception is {@link #coverage()}, which is NaN when no instance has a true label.
 *
 * <p>Instances are immutable. The arrays given to the constructor are copied.
 */
public final class MultiLabelMetrics {

  /** Number of equal-width score bins of the calibration error and the reliability diagram. */
  public static final int NUM_BINS = 10;

  /**
   * Probabilities are clipped to {@code [LOG_LOSS_CLIP, 1 - LOG_LOSS_CLIP]} in the log
   * loss, so one pair contributes at most {@code -ln(1e-15) = 34.54} nats.
   */
  public static final double LOG_LOSS_CLIP = 1e-15;

  private final int m_numClasses;

  private final double[][] m_scores;

  private final double[][] m_predicted;

  private final double[][] m_truth;

  private final double[] m_weights;

  private final double m_totalWeight;

  private final int m_numWithoutPrediction;

  /**
   * One bin of a reliability diagram: the pairs whose score falls in
   * {@code [lower, upper)}, the last bin including 1.
   */
  public static final class Bin {

    /** Smallest score of the bin. */
    public final double lower;

    /** Score at which the next bin starts. */
    public final double upper;

    /** Total weight of the pairs in the bin. */
    public final double weight;

    /** Weighted mean score of the pairs, NaN for an empty bin. */
    public final double meanScore;

    /** Weighted share of the pairs whose class is a true label, NaN for an empty bin. */
    public final double observedRate;

    Bin(double lower, double upper, double weight, double meanScore, double observedRate) {
      this.lower = lower;
      this.upper = upper;
      this.weight = weight;
      this.meanScore = meanScore;
      this.observedRate = observedRate;
    }
  }

  /**
   * Creates the metrics of one evaluation.
   *
   * @param scores per instance, K scores in [0, 1], or NaN for no prediction
   * @param predicted per instance, K entries of 0 or 1, or NaN for no prediction
   * @param truth per instance, K true labels of 0 or 1
   * @param weights the instance weights, finite and at least 0, or null for weight 1 each
   * @throws IllegalArgumentException if the arrays disagree in size, a value is out of
   *           range, or no instance has a prediction and a positive weight. The message
   *           names the instance and class.
   */
  public MultiLabelMetrics(double[][] scores, double[][] predicted, double[][] truth,
    double[] weights) {
    int n = truth.length;
    if (scores.length != n || predicted.length != n || (weights != null && weights.length != n)) {
      throw new IllegalArgumentException("Got " + scores.length + " rows of scores, "
        + predicted.length + " label sets, " + n + " rows of true labels and "
        + (weights == null ? n : weights.length) + " weights; expected one of each per instance.");
    }
    if (n == 0) {
      throw new IllegalArgumentException("No instances to evaluate; give at least one.");
    }
    m_numClasses = truth[0].length;
    if (m_numClasses == 0) {
      throw new IllegalArgumentException("The true label sets have no classes; give at least "
        + "one class.");
    }
    List<Integer> used = new ArrayList<Integer>();
    for (int i = 0; i < n; i++) {
      double weight = weights == null ? 1 : weights[i];
      if (validateRow(i, scores[i], predicted[i], truth[i], weight)) {
        used.add(i);
      }
    }
    m_numWithoutPrediction = n - used.size();
    m_scores = new double[used.size()][];
    m_predicted = new double[used.size()][];
    m_truth = new double[used.size()][];
    m_weights = new double[used.size()];
    double total = 0;
    for (int r = 0; r < used.size(); r++) {
      int i = used.get(r);
      m_scores[r] = scores[i].clone();
      m_predicted[r] = predicted[i].clone();
      m_truth[r] = truth[i].clone();
      m_weights[r] = weights == null ? 1 : weights[i];
      total += m_weights[r];
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("None of the " + n + " instances has a prediction "
        + "and a weight above 0, so no metric can be computed.");
    }
    m_totalWeight = total;
  }

  /**
   * Checks one row.
   *
   * @return false if the row has no prediction (a NaN score or label-set entry)
   */
  private boolean validateRow(int i, double[] scores, double[] predicted, double[] truth,
    double weight) {
    int row = i + 1;
    if (scores.length != m_numClasses || predicted.length != m_numClasses
      || truth.length != m_numClasses) {
      throw new IllegalArgumentException("Instance " + row + " has " + scores.length
        + " scores, " + predicted.length + " label-set entries and " + truth.length
        + " true labels; expected " + m_numClasses + " of each.");
    }
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("Instance " + row + " has weight " + weight
        + "; weights must be finite and at least 0.");
    }
    boolean hasPrediction = true;
    for (int k = 0; k < m_numClasses; k++) {
      if (truth[k] != 0 && truth[k] != 1) {
        throw new IllegalArgumentException("Instance " + row + ", class " + (k + 1)
          + " has true label " + truth[k] + "; true labels must be 0 or 1, so leave out "
          + "instances with a missing label.");
      }
      if (Double.isNaN(scores[k]) || Double.isNaN(predicted[k])) {
        hasPrediction = false;
        continue;
      }
      if (!(scores[k] >= 0 && scores[k] <= 1)) {
        throw new IllegalArgumentException("Instance " + row + ", class " + (k + 1)
          + " has score " + scores[k] + "; scores must lie in [0, 1].");
      }
      if (predicted[k] != 0 && predicted[k] != 1) {
        throw new IllegalArgumentException("Instance " + row + ", class " + (k + 1)
          + " has label-set entry " + predicted[k] + "; entries must be 0, 1 or NaN.");
      }
    }
    return hasPrediction;
  }

  /** @return the number of classes K */
  public int numClasses() {
    return m_numClasses;
  }

  /** @return the number of instances with a prediction, which every metric uses */
  public int numInstances() {
    return m_truth.length;
  }

  /** @return the number of instances without a prediction, left out of every metric */
  public int numWithoutPrediction() {
    return m_numWithoutPrediction;
  }

  /** @return the total weight W of the instances with a prediction */
  public double totalWeight() {
    return m_totalWeight;
  }

  /**
   * Computes the Hamming loss, the weighted share of (instance, class) pairs whose
   * predicted and true labels differ: {@code (1 / (W K)) sum_i w_i |P_i xor Y_i|}.
   *
   * @return the loss in [0, 1], 0 when every pair is right
   */
  public double hammingLoss() {
    double sum = 0;
    for (int i = 0; i < m_truth.length; i++) {
      double errors = 0;
      for (int k = 0; k < m_numClasses; k++) {
        errors += m_predicted[i][k] != m_truth[i][k] ? 1 : 0;
      }
      sum += m_weights[i] * errors;
    }
    return sum / (m_totalWeight * m_numClasses);
  }

  /**
   * Computes the example-based F1, the weighted mean over instances of
   * {@code 2 |P_i and Y_i| / (|P_i| + |Y_i|)}. An instance whose predicted and true
   * sets are both empty scores 1.
   *
   * @return the F1 in [0, 1]
   */
  public double exampleF1() {
    double sum = 0;
    for (int i = 0; i < m_truth.length; i++) {
      int[] counts = setCounts(i);
      int sizes = counts[1] + counts[2];
      double f1 = sizes == 0 ? 1 : 2.0 * counts[0] / sizes;
      sum += m_weights[i] * f1;
    }
    return sum / m_totalWeight;
  }

  /**
   * Computes the Jaccard index, the weighted mean over instances of
   * {@code |P_i and Y_i| / |P_i or Y_i|}. An instance whose predicted and true sets are
   * both empty scores 1.
   *
   * @return the index in [0, 1]
   */
  public double jaccardIndex() {
    double sum = 0;
    for (int i = 0; i < m_truth.length; i++) {
      int[] counts = setCounts(i);
      int union = counts[1] + counts[2] - counts[0];
      double jaccard = union == 0 ? 1 : (double) counts[0] / union;
      sum += m_weights[i] * jaccard;
    }
    return sum / m_totalWeight;
  }

  /**
   * Computes the subset accuracy, the weighted share of instances whose predicted set
   * equals the true set: {@code (1 / W) sum_i w_i [P_i = Y_i]}.
   *
   * @return the accuracy in [0, 1]
   */
  public double subsetAccuracy() {
    double sum = 0;
    for (int i = 0; i < m_truth.length; i++) {
      int[] counts = setCounts(i);
      boolean equal = counts[0] == counts[1] && counts[0] == counts[2];
      sum += equal ? m_weights[i] : 0;
    }
    return sum / m_totalWeight;
  }

  /**
   * Computes the micro-averaged F1 over all pairs:
   * {@code 2 TP / (2 TP + FP + FN)}, with TP, FP and FN the weighted counts of true
   * positive, false positive and false negative pairs. It is 1 when no pair is a true
   * or predicted label.
   *
   * @return the F1 in [0, 1]
   */
  public double microF1() {
    double truePositives = 0;
    double falsePositives = 0;
    double falseNegatives = 0;
    for (int k = 0; k < m_numClasses; k++) {
      double[] counts = classCounts(k);
      truePositives += counts[0];
      falsePositives += counts[1];
      falseNegatives += counts[2];
    }
    return f1(truePositives, falsePositives, falseNegatives);
  }

  /**
   * Computes the F1 of one class over instances: {@code 2 TP_k / (2 TP_k + FP_k + FN_k)}
   * with weighted counts. It is 1 when the class is neither a true nor a predicted label
   * of any instance.
   *
   * @param classIndex the 0-based class
   * @return the F1 in [0, 1]
   */
  public double classF1(int classIndex) {
    double[] counts = classCounts(classIndex);
    return f1(counts[0], counts[1], counts[2]);
  }

  /**
   * Computes the macro-averaged F1, the unweighted mean of the class F1s:
   * {@code (1 / K) sum_k classF1(k)}.
   *
   * @return the F1 in [0, 1]
   */
  public double macroF1() {
    double sum = 0;
    for (int k = 0; k < m_numClasses; k++) {
      sum += classF1(k);
    }
    return sum / m_numClasses;
  }

  /**
   * Computes the mean predicted set size {@code (1 / W) sum_i w_i |P_i|}. For conformal
   * label sets this is the mean set size reported beside the coverage.
   *
   * @return the mean number of predicted labels per instance, from 0 to K
   */
  public double meanSetSize() {
    double sum = 0;
    for (int i = 0; i < m_truth.length; i++) {
      sum += m_weights[i] * setCounts(i)[1];
    }
    return sum / m_totalWeight;
  }

  /**
   * Computes the true label cardinality {@code (1 / W) sum_i w_i |Y_i|}.
   *
   * @return the mean number of true labels per instance, from 0 to K
   */
  public double trueCardinality() {
    double sum = 0;
    for (int i = 0; i < m_truth.length; i++) {
      sum += m_weights[i] * setCounts(i)[2];
    }
    return sum / m_totalWeight;
  }

  /**
   * Computes the weighted number of instances whose true labels contain a class:
   * {@code sum_i w_i y_ik}.
   *
   * @param classIndex the 0-based class
   * @return the weight, from 0 to W
   */
  public double positiveWeight(int classIndex) {
    double sum = 0;
    for (int i = 0; i < m_truth.length; i++) {
      sum += m_weights[i] * m_truth[i][classIndex];
    }
    return sum;
  }

  /**
   * Computes the coverage, the weighted share of instances with at least one true label
   * whose predicted set contains at least one of them:
   * {@code sum_{i : Y_i nonempty} w_i [P_i and Y_i nonempty] / sum_{i : Y_i nonempty} w_i}.
   * Instances without a true label are left out, because no set can cover them. The
   * split-conformal guarantee of {@link Thresholds#conformal} is about this share.
   *
   * @return the coverage in [0, 1], or NaN if no instance has a true label
   */
  public double coverage() {
    double covered = 0;
    double labelled = 0;
    for (int i = 0; i < m_truth.length; i++) {
      int[] counts = setCounts(i);
      if (counts[2] == 0) {
        continue;
      }
      labelled += m_weights[i];
      covered += counts[0] > 0 ? m_weights[i] : 0;
    }
    return labelled > 0 ? covered / labelled : Double.NaN;
  }

  /**
   * Computes the Brier score of one class: {@code (1 / W) sum_i w_i (s_ik - y_ik)^2}.
   *
   * @param classIndex the 0-based class
   * @return the score in [0, 1], 0 for perfect scores
   */
  public double brierScore(int classIndex) {
    double sum = 0;
    for (int i = 0; i < m_truth.length; i++) {
      double error = m_scores[i][classIndex] - m_truth[i][classIndex];
      sum += m_weights[i] * error * error;
    }
    return sum / m_totalWeight;
  }

  /**
   * Computes the Brier score per label, the mean of the class Brier scores, which is the
   * weighted mean squared error over all pairs: {@code (1 / (W K)) sum_i sum_k w_i
   * (s_ik - y_ik)^2}.
   *
   * @return the score in [0, 1]
   */
  public double brierScore() {
    double sum = 0;
    for (int k = 0; k < m_numClasses; k++) {
      sum += brierScore(k);
    }
    return sum / m_numClasses;
  }

  /**
   * Computes the log loss of one class in nats:
   * {@code -(1 / W) sum_i w_i [y_ik ln p_ik + (1 - y_ik) ln(1 - p_ik)]}, where
   * {@code p_ik} is the score clipped to {@code [LOG_LOSS_CLIP, 1 - LOG_LOSS_CLIP]}. The
   * clip keeps a score of exactly 0 or 1 on the wrong side finite (34.54 nats).
   *
   * @param classIndex the 0-based class
   * @return the loss, at least 0
   */
  public double logLoss(int classIndex) {
    double sum = 0;
    for (int i = 0; i < m_truth.length; i++) {
      double p = Math.min(Math.max(m_scores[i][classIndex], LOG_LOSS_CLIP), 1 - LOG_LOSS_CLIP);
      double loss = m_truth[i][classIndex] == 1 ? -Math.log(p) : -Math.log1p(-p);
      sum += m_weights[i] * loss;
    }
    return sum / m_totalWeight;
  }

  /**
   * Computes the log loss per label in nats, the mean of the class log losses, which is
   * the weighted mean over all pairs (see {@link #logLoss(int)} for the clip).
   *
   * @return the loss, at least 0
   */
  public double logLoss() {
    double sum = 0;
    for (int k = 0; k < m_numClasses; k++) {
      sum += logLoss(k);
    }
    return sum / m_numClasses;
  }

  /**
   * Computes the expected calibration error over all (instance, class) pairs with
   * {@link #NUM_BINS} equal-width bins: {@code sum_b (W_b / (W K)) |mean_b(s) -
   * mean_b(y)|}, where bin b contains the pairs with {@code floor(10 s) = b} (a score of 1
   * goes to the last bin), W_b is their weight, and the means are weighted.
   *
   * @return the error in [0, 1]
   */
  public double expectedCalibrationError() {
    return calibrationError(reliabilityBins());
  }

  /**
   * Computes the expected calibration error of one class, binned as in
   * {@link #expectedCalibrationError()} over that class's scores only.
   *
   * @param classIndex the 0-based class
   * @return the error in [0, 1]
   */
  public double expectedCalibrationError(int classIndex) {
    return calibrationError(reliabilityBins(classIndex));
  }

  /**
   * Computes the classwise expected calibration error, the unweighted mean of the class
   * errors: {@code (1 / K) sum_k expectedCalibrationError(k)}.
   *
   * @return the error in [0, 1]
   */
  public double classwiseCalibrationError() {
    double sum = 0;
    for (int k = 0; k < m_numClasses; k++) {
      sum += expectedCalibrationError(k);
    }
    return sum / m_numClasses;
  }

  /**
   * Bins all (instance, class) pairs by score for a reliability diagram.
   *
   * @return {@link #NUM_BINS} bins in ascending order of score
   */
  public Bin[] reliabilityBins() {
    return bins(-1);
  }

  /**
   * Bins one class's scores for a reliability diagram.
   *
   * @param classIndex the 0-based class
   * @return {@link #NUM_BINS} bins in ascending order of score
   */
  public Bin[] reliabilityBins(int classIndex) {
    return bins(classIndex);
  }

  /** Bins the scores of one class, or of every class when classIndex is -1. */
  private Bin[] bins(int classIndex) {
    double[] weight = new double[NUM_BINS];
    double[] scoreSum = new double[NUM_BINS];
    double[] labelSum = new double[NUM_BINS];
    int from = classIndex < 0 ? 0 : classIndex;
    int to = classIndex < 0 ? m_numClasses : classIndex + 1;
    for (int i = 0; i < m_truth.length; i++) {
      for (int k = from; k < to; k++) {
        int b = Math.min((int) Math.floor(m_scores[i][k] * NUM_BINS), NUM_BINS - 1);
        weight[b] += m_weights[i];
        scoreSum[b] += m_weights[i] * m_scores[i][k];
        labelSum[b] += m_weights[i] * m_truth[i][k];
      }
    }
    Bin[] result = new Bin[NUM_BINS];
    for (int b = 0; b < NUM_BINS; b++) {
      boolean empty = !(weight[b] > 0);
      result[b] = new Bin((double) b / NUM_BINS, (double) (b + 1) / NUM_BINS, weight[b],
        empty ? Double.NaN : scoreSum[b] / weight[b], empty ? Double.NaN : labelSum[b] / weight[b]);
    }
    return result;
  }

  private static double calibrationError(Bin[] bins) {
    double total = 0;
    double sum = 0;
    for (Bin bin : bins) {
      total += bin.weight;
      if (bin.weight > 0) {
        sum += bin.weight * Math.abs(bin.meanScore - bin.observedRate);
      }
    }
    return sum / total;
  }

  /**
   * Counts one instance's set sizes.
   *
   * @return {|P_i and Y_i|, |P_i|, |Y_i|}
   */
  private int[] setCounts(int i) {
    int[] counts = new int[3];
    for (int k = 0; k < m_numClasses; k++) {
      boolean isPredicted = m_predicted[i][k] == 1;
      boolean isTrue = m_truth[i][k] == 1;
      counts[0] += isPredicted && isTrue ? 1 : 0;
      counts[1] += isPredicted ? 1 : 0;
      counts[2] += isTrue ? 1 : 0;
    }
    return counts;
  }

  /**
   * Counts one class's weighted outcomes over the instances.
   *
   * @return {TP, FP, FN}
   */
  private double[] classCounts(int k) {
    double[] counts = new double[3];
    for (int i = 0; i < m_truth.length; i++) {
      boolean isPredicted = m_predicted[i][k] == 1;
      boolean isTrue = m_truth[i][k] == 1;
      if (isPredicted && isTrue) {
        counts[0] += m_weights[i];
      } else if (isPredicted) {
        counts[1] += m_weights[i];
      } else if (isTrue) {
        counts[2] += m_weights[i];
      }
    }
    return counts;
  }

  private static double f1(double truePositives, double falsePositives, double falseNegatives) {
    double denominator = 2 * truePositives + falsePositives + falseNegatives;
    return denominator > 0 ? 2 * truePositives / denominator : 1;
  }
}
