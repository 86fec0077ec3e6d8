/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Threshold choices for label sets, computed from calibrated scores and
 * targets. A class is a label when its score is at or above the threshold.
 */
public final class Thresholds {

  private Thresholds() {
  }

  /**
   * Finds the threshold that maximises one class's weighted F1,
   * {@code F1 = 2 TP / (2 TP + FP + FN)}.
   *
   * <p>Candidates are the distinct scores. The chosen threshold lies midway between
   * the lowest score still labelled and the next lower score, so exactly the same
   * calibration instances pass it and new scores between the two are split evenly.
   * On ties in F1 the higher threshold wins.
   *
   * @param scores the class's scores
   * @param targets the 0/1 targets
   * @param weights the weights
   * @return the threshold, or NaN if the class has no positive target of positive weight
   */
  public static double maximizeF1(double[] scores, double[] targets, double[] weights) {
    Integer[] order = descending(scores);
    double positives = 0;
    for (int i = 0; i < scores.length; i++) {
      positives += weights[i] * targets[i];
    }
    if (!(positives > 0)) {
      return Double.NaN;
    }
    double truePositives = 0;
    double falsePositives = 0;
    double bestF1 = -1;
    double bestThreshold = Double.NaN;
    for (int position = 0; position < order.length; position++) {
      int i = order[position];
      truePositives += weights[i] * targets[i];
      falsePositives += weights[i] * (1 - targets[i]);
      boolean lastOfTie = position + 1 == order.length
        || scores[order[position + 1]] < scores[i];
      if (!lastOfTie) {
        continue;
      }
      double f1 = 2 * truePositives / (truePositives + falsePositives + positives);
      if (f1 > bestF1) {
        bestF1 = f1;
        double next = position + 1 < order.length ? scores[order[position + 1]] : scores[i];
        bestThreshold = (scores[i] + next) / 2;
      }
    }
    return bestThreshold;
  }

  /**
   * Finds one threshold for all classes so that the weight of (instance, class)
   * pairs at or above it is as close as possible to {@code cardinality * W},
   * W being the total instance weight. With unit weights and distinct scores,
   * exactly {@code round(cardinality * N)} pairs pass.
   *
   * @param scores per instance, the K scores
   * @param weights the instance weights
   * @param cardinality the target mean number of labels per instance, at least 0
   * @return the threshold; above every score when no pair should pass
   */
  public static double cardinality(double[][] scores, double[] weights, double cardinality) {
    int numClasses = scores.length == 0 ? 0 : scores[0].length;
    double[] flat = new double[scores.length * numClasses];
    double[] flatWeights = new double[flat.length];
    double totalWeight = 0;
    for (int i = 0; i < scores.length; i++) {
      totalWeight += weights[i];
      for (int k = 0; k < numClasses; k++) {
        flat[i * numClasses + k] = scores[i][k];
        flatWeights[i * numClasses + k] = weights[i];
      }
    }
    if (flat.length == 0) {
      return 0.5;
    }
    Integer[] order = descending(flat);
    double target = cardinality * totalWeight;
    double bestDistance = Math.abs(target);
    int bestCount = 0;
    double cumulative = 0;
    for (int position = 0; position < order.length; position++) {
      cumulative += flatWeights[order[position]];
      boolean lastOfTie = position + 1 == order.length
        || flat[order[position + 1]] < flat[order[position]];
      if (lastOfTie && Math.abs(cumulative - target) <= bestDistance) {
        bestDistance = Math.abs(cumulative - target);
        bestCount = position + 1;
      }
    }
    if (bestCount == 0) {
      return Math.nextUp(flat[order[0]]);
    }
    double lowest = flat[order[bestCount - 1]];
    double next = bestCount < order.length ? flat[order[bestCount]] : lowest;
    return (lowest + next) / 2;
  }

  /**
   * Computes the split-conformal threshold for label sets that contain at least
   * one true label with probability at least {@code 1 - alpha}.
   *
   * <p>Each calibration instance contributes {@code m_i}, the highest score among
   * its true labels; a set {@code {k : s_k >= t}} then contains a true label exactly
   * when {@code m_i >= t}. Sorting the m_i in descending order, the threshold is
   * the q-th largest with {@code q = ceil((n + 1)(1 - alpha))}, which guarantees
   * coverage of at least {@code 1 - alpha} for an exchangeable new instance. With
   * weights, q is the first position whose cumulative weight reaches
   * {@code (1 - alpha)(W + 1)}. When q exceeds n every class is a label.
   *
   * @param bestTrueScores the m_i of instances with at least one true label
   * @param weights their weights
   * @param alpha the miscoverage level, in (0, 1)
   * @return the threshold, {@code -inf} when every class must be a label
   */
  public static double conformal(double[] bestTrueScores, double[] weights, double alpha) {
    Integer[] order = descending(bestTrueScores);
    double totalWeight = 0;
    for (double weight : weights) {
      totalWeight += weight;
    }
    double target = (1 - alpha) * (totalWeight + 1);
    double cumulative = 0;
    for (int position = 0; position < order.length; position++) {
      cumulative += weights[order[position]];
      // A small tolerance keeps exact integer targets exact despite rounding of (1 - alpha).
      if (cumulative >= target - 1e-9) {
        return bestTrueScores[order[position]];
      }
    }
    return Double.NEGATIVE_INFINITY;
  }

  /**
   * Returns the 1-based conformal quantile index {@code ceil((n + 1)(1 - alpha))}.
   *
   * @param n the number of calibration instances
   * @param alpha the miscoverage level
   * @return the index, possibly above n
   */
  public static int conformalIndex(int n, double alpha) {
    return (int) Math.ceil((n + 1) * (1 - alpha) - 1e-9);
  }

  private static Integer[] descending(double[] values) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> values[i]).reversed());
    return order;
  }
}
