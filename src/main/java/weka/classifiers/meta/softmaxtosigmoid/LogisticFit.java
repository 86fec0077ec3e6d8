/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

/**
 * Weighted maximum-likelihood fit of {@code P(t = 1 | x) = sigmoid(a x + b)}
 * by Newton's method with a small Gaussian prior centred on the identity map.
 *
 * <p>The minimised objective, over pairs {@code (x_i, t_i, w_i)}, is
 * <pre>
 * L(a, b) = sum_i w_i [ln(1 + exp(z_i)) - t_i z_i] + (lambda / 2) ((a - 1)^2 + b^2),
 * z_i = a x_i + b,
 * </pre>
 * the negative Bernoulli log-likelihood plus the prior. L is convex. With
 * {@code lambda > 0} it is strictly convex and has a finite minimum even when
 * the data are separable; with {@code lambda = 0} the fit is plain maximum
 * likelihood, which diverges on separable data and is then reported as not
 * converged. Each Newton iteration evaluates L, its gradient and its Hessian in
 * one pass over the pairs, limits the step so that no logit {@code a x + b} moves
 * by more than 10, and halves the step until L decreases (Armijo rule). Once the
 * decrease that the Newton step predicts is below the rounding error of L, the
 * step is taken in full and ends the fit, because the line search could then only
 * compare rounding errors. Starting at the identity {@code a = 1, b = 0}, a fit
 * typically takes fewer than ten passes.
 */
public final class LogisticFit {

  /** Newton iterations allowed before a fit counts as not converged. */
  public static final int MAX_ITERATIONS = 100;

  /** Parameters beyond this magnitude count as diverging (separable data without a prior). */
  static final double DIVERGENCE_BOUND = 1e6;

  private static final double STEP_TOLERANCE = 1e-10;

  /**
   * Squared Newton decrement {@code g' H^-1 g}, relative to {@code |L|}, below which the
   * next Newton step is taken in full and ends the fit. It lies between the typical
   * (about 1e-13) and the worst-case (about 1e-10) relative rounding error of a sum of
   * 10^6 terms in double precision.
   */
  private static final double DECREMENT_TOLERANCE = 1e-12;

  /** Largest change of any calibrated logit {@code a x + b} in one Newton step. */
  private static final double MAX_LOGIT_CHANGE = 10;

  /**
   * Curvature {@code sum_i w_i s_i (1 - s_i)}, relative to the total weight, below which a
   * fit without prior counts as diverging: every prediction is then within about 1e-8 of
   * 0 or 1.
   */
  private static final double SEPARATION_CURVATURE = 1e-8;

  private LogisticFit() {
  }

  /** Outcome of a fit. */
  public static final class Result {

    /** Fitted scale a (1 for an offset-only fit). */
    public final double scale;

    /** Fitted offset b. */
    public final double offset;

    /** True if the Newton steps became negligible before the iteration limit. */
    public final boolean converged;

    /** Newton iterations taken. */
    public final int iterations;

    /** Value of the objective L at the result. */
    public final double objective;

    Result(double scale, double offset, boolean converged, int iterations, double objective) {
      this.scale = scale;
      this.offset = offset;
      this.converged = converged;
      this.iterations = iterations;
      this.objective = objective;
    }
  }

  /**
   * Fits the scale a and the offset b.
   *
   * @param x the logits, all finite
   * @param t the targets in [0, 1]
   * @param w the weights, at least 0
   * @param ridge the prior strength lambda, at least 0
   * @return the fit; check {@link Result#converged}
   */
  public static Result fitScaleAndOffset(double[] x, double[] t, double[] w, double ridge) {
    return fit(x, t, w, ridge, true);
  }

  /**
   * Fits the offset b with the scale fixed at {@code a = 1}.
   *
   * @param x the logits, all finite
   * @param t the targets in [0, 1]
   * @param w the weights, at least 0
   * @param ridge the prior strength lambda, at least 0 (only {@code b^2} is penalised)
   * @return the fit; check {@link Result#converged}
   */
  public static Result fitOffset(double[] x, double[] t, double[] w, double ridge) {
    return fit(x, t, w, ridge, false);
  }

  /**
   * Computes the weighted negative log-likelihood
   * {@code sum_i w_i [ln(1 + exp(z_i)) - t_i z_i]} with {@code z_i = a x_i + b}.
   *
   * @param x the logits
   * @param t the targets
   * @param w the weights
   * @param scale a
   * @param offset b
   * @return the negative log-likelihood, at least 0
   */
  public static double negativeLogLikelihood(double[] x, double[] t, double[] w,
    double scale, double offset) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double z = scale * x[i] + offset;
      sum += w[i] * (LogisticMath.log1pExp(z) - t[i] * z);
    }
    return sum;
  }

  private static Result fit(double[] x, double[] t, double[] w, double ridge,
    boolean fitScale) {
    if (!(ridge >= 0) || Double.isInfinite(ridge)) {
      throw new IllegalArgumentException("The ridge (prior strength) must be finite and"
        + " at least 0, found " + ridge + ".");
    }
    if (x.length != t.length || x.length != w.length) {
      throw new IllegalArgumentException("Got " + x.length + " logits, " + t.length
        + " targets and " + w.length + " weights; expected equal lengths.");
    }

    double a = 1;
    double b = 0;
    double[] state = evaluate(x, t, w, ridge, a, b, fitScale);
    double maxAbsLogit = 0;
    for (double value : x) {
      maxAbsLogit = Math.max(maxAbsLogit, Math.abs(value));
    }
    int iteration = 0;
    boolean converged = false;

    while (!converged && iteration < MAX_ITERATIONS) {
      iteration++;
      double[] direction = newtonDirection(state, fitScale);
      // Saturated sigmoids have tiny curvature, so a Newton step can be huge. The step is
      // scaled down until no calibrated logit moves by more than MAX_LOGIT_CHANGE.
      double logitChange = Math.abs(direction[0]) * maxAbsLogit + Math.abs(direction[1]);
      if (logitChange > MAX_LOGIT_CHANGE) {
        direction[0] *= MAX_LOGIT_CHANGE / logitChange;
        direction[1] *= MAX_LOGIT_CHANGE / logitChange;
      }
      double slope = state[1] * direction[0] + state[2] * direction[1];
      if (slope <= 0 && -slope <= DECREMENT_TOLERANCE * Math.abs(state[0])) {
        // The predicted decrease -slope / 2 is at the rounding error of L, so comparing
        // objectives cannot accept a step any more. The full Newton step ends the fit.
        a += direction[0];
        b += direction[1];
        state = evaluate(x, t, w, ridge, a, b, fitScale);
        converged = !Double.isNaN(state[0]) && maxAbs(a, b) <= DIVERGENCE_BOUND;
        break;
      }

      double step = 1;
      double[] candidate = null;
      while (step > 1e-12) {
        candidate = evaluate(x, t, w, ridge, a + step * direction[0],
          b + step * direction[1], fitScale);
        if (candidate[0] <= state[0] + 1e-4 * step * slope) {
          break;
        }
        candidate = null;
        step /= 2;
      }
      if (candidate == null) {
        // No decrease is possible along the Newton direction: the minimum is reached
        // to machine precision.
        converged = !Double.isNaN(state[0]);
        break;
      }
      double deltaA = step * direction[0];
      double deltaB = step * direction[1];
      a += deltaA;
      b += deltaB;
      state = candidate;
      if (Double.isNaN(state[0]) || maxAbs(a, b) > DIVERGENCE_BOUND) {
        converged = false;
        break;
      }
      converged = maxAbs(deltaA, deltaB) <= STEP_TOLERANCE * (1 + maxAbs(a, b));
    }
    if (converged && ridge == 0 && state[6] <= SEPARATION_CURVATURE * sum(w)) {
      // Without a prior, separable data drive every prediction to 0 or 1: the curvature
      // vanishes and the Newton steps stall although the optimum lies at infinity.
      converged = false;
    }
    return new Result(a, b, converged, iteration, state[0]);
  }

  /**
   * Evaluates the objective, gradient and Hessian at (a, b) in one pass.
   *
   * @return {L, dL/da, dL/db, d2L/da2, d2L/dadb, d2L/db2, curvature without prior}; the
   *         a-entries are 0 when the scale is not fitted
   */
  private static double[] evaluate(double[] x, double[] t, double[] w, double ridge,
    double a, double b, boolean fitScale) {
    double objective = 0;
    double gradA = 0;
    double gradB = 0;
    double hessAA = 0;
    double hessAB = 0;
    double hessBB = 0;
    for (int i = 0; i < x.length; i++) {
      double weight = w[i];
      if (weight == 0) {
        continue;
      }
      double z = a * x[i] + b;
      // One exponential gives both softplus(z) and sigmoid(z).
      double e = Math.exp(-Math.abs(z));
      double softplus = Math.max(z, 0) + Math.log1p(e);
      double sigma = z >= 0 ? 1 / (1 + e) : e / (1 + e);
      objective += weight * (softplus - t[i] * z);
      double residual = weight * (sigma - t[i]);
      double curvature = weight * sigma * (1 - sigma);
      gradB += residual;
      hessBB += curvature;
      if (fitScale) {
        gradA += residual * x[i];
        hessAB += curvature * x[i];
        hessAA += curvature * x[i] * x[i];
      }
    }
    double curvatureWithoutPrior = hessBB;
    objective += 0.5 * ridge * ((fitScale ? (a - 1) * (a - 1) : 0) + b * b);
    gradB += ridge * b;
    hessBB += ridge;
    if (fitScale) {
      gradA += ridge * (a - 1);
      hessAA += ridge;
    }
    return new double[] {objective, gradA, gradB, hessAA, hessAB, hessBB, curvatureWithoutPrior};
  }

  /**
   * Solves {@code H d = -g}. A singular Hessian (for example all logits equal,
   * which leaves the scale undetermined) gets a small multiple of its trace added
   * to the diagonal, so the step stays finite.
   */
  private static double[] newtonDirection(double[] state, boolean fitScale) {
    double gradA = state[1];
    double gradB = state[2];
    double hessAA = state[3];
    double hessAB = state[4];
    double hessBB = state[5];
    double damping = 1e-10 * (hessAA + hessBB) + 1e-300;
    if (!fitScale) {
      return new double[] {0, -gradB / (hessBB + damping)};
    }
    double determinant = hessAA * hessBB - hessAB * hessAB;
    if (!(determinant > 1e-12 * hessAA * hessBB)) {
      hessAA += damping * 1e2;
      hessBB += damping * 1e2;
      determinant = hessAA * hessBB - hessAB * hessAB;
    }
    double deltaA = -(hessBB * gradA - hessAB * gradB) / determinant;
    double deltaB = -(hessAA * gradB - hessAB * gradA) / determinant;
    return new double[] {deltaA, deltaB};
  }

  private static double maxAbs(double first, double second) {
    return Math.max(Math.abs(first), Math.abs(second));
  }

  private static double sum(double[] values) {
    double result = 0;
    for (double value : values) {
      result += value;
    }
    return result;
  }
}
