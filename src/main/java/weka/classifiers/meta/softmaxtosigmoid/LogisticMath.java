/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

/**
 * Numerically stable logistic functions.
 *
 * <p>Every method here is finite for every finite argument and returns the
 * correct limit for the infinite ones, because each picks the form whose
 * exponential cannot overflow. The naive {@code exp(x) / (1 + exp(x))} is NaN at
 * {@code x = 1151.29} on IEEE doubles, which this class never computes.
 */
public final class LogisticMath {

  private LogisticMath() {
  }

  /**
   * Computes the sigmoid {@code sigma(x) = 1 / (1 + exp(-x))}.
   *
   * <p>For {@code x >= 0} it evaluates {@code 1 / (1 + exp(-x))}, otherwise
   * {@code exp(x) / (1 + exp(x))}, so the exponential never exceeds 1.
   * {@code sigmoid(+inf) = 1}, {@code sigmoid(-inf) = 0}, and NaN stays NaN.
   *
   * @param x the logit
   * @return the probability in [0, 1]
   */
  public static double sigmoid(double x) {
    if (x >= 0) {
      return 1.0 / (1.0 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1.0 + e);
  }

  /**
   * Computes {@code ln(1 + exp(x))} (softplus) without overflow.
   *
   * <p>Uses {@code x + ln(1 + exp(-x))} for {@code x > 0} and
   * {@code ln(1 + exp(x))} otherwise, with {@link Math#log1p} for accuracy
   * near 0.
   *
   * @param x any number
   * @return softplus of x, at least 0
   */
  public static double log1pExp(double x) {
    if (x > 0) {
      return x + Math.log1p(Math.exp(-x));
    }
    return Math.log1p(Math.exp(x));
  }

  /**
   * Computes {@code ln sigma(x) = -ln(1 + exp(-x))}.
   *
   * @param x the logit
   * @return the log-probability, at most 0
   */
  public static double logSigmoid(double x) {
    return -log1pExp(-x);
  }

  /**
   * Computes the Bernoulli log-likelihood of a target under a logit:
   * {@code t ln sigma(z) + (1 - t) ln sigma(-z)}.
   *
   * <p>The target may be fractional (Platt's smoothed targets). A term whose
   * coefficient is 0 is skipped, so a certain prediction that agrees with its
   * target gives 0 rather than {@code 0 * -inf = NaN}.
   *
   * @param z the logit
   * @param target the target probability in [0, 1]
   * @return the log-likelihood, at most 0
   */
  public static double bernoulliLogLikelihood(double z, double target) {
    double result = 0;
    if (target > 0) {
      result += target * logSigmoid(z);
    }
    if (target < 1) {
      result += (1 - target) * logSigmoid(-z);
    }
    return result;
  }

  /**
   * Computes the softmax {@code exp(x_k) / sum_j exp(x_j)} after subtracting
   * the maximum, so no exponential overflows.
   *
   * <p>Entries equal to {@code -inf} get probability 0. At least one entry must
   * be finite.
   *
   * @param logits the logits, not modified
   * @return a new array that sums to 1
   */
  public static double[] softmax(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double x : logits) {
      max = Math.max(max, x);
    }
    double[] result = new double[logits.length];
    double sum = 0;
    for (int k = 0; k < logits.length; k++) {
      result[k] = Math.exp(logits[k] - max);
      sum += result[k];
    }
    for (int k = 0; k < logits.length; k++) {
      result[k] /= sum;
    }
    return result;
  }
}
