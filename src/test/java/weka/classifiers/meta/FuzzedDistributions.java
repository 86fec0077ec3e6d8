package weka.classifiers.meta;

import java.util.Arrays;
import java.util.Random;

/**
 * Seeded generator of base distributions of the kinds that classifiers and exported
 * probability files produce, valid or not. The rows have exact zeros and ones, values
 * near 1e-300, subnormal numbers, ties, any scale, NaN, infinite and negative entries, or
 * a sum of 0.
 */
final class FuzzedDistributions {

  /** The kinds of rows, each drawn with equal probability. */
  enum Kind {
    DIRICHLET, ONE_HOT, SPARSE_ZEROS, TINY, SUBNORMAL, TIES, UNNORMALISED, INVALID, NEAR_ONE,
    PEAKED_SOFTMAX, NEGATIVE_ZEROS
  }

  private static final Kind[] KINDS = Kind.values();

  private final Random m_random;

  private Kind m_lastKind;

  FuzzedDistributions(long seed) {
    m_random = new Random(seed);
  }

  /** @return the kind of the row last returned by {@link #next} */
  Kind lastKind() {
    return m_lastKind;
  }

  /**
   * Draws a number of classes from 2 to 200, mostly small: 55 % from 2 to 5, 41 % from 6
   * to 20 and 4 % from 21 to 200. A million rows then stay fast, and each K above 20
   * still has probability 0.04 / 180, about 1 in 4500.
   */
  int nextNumClasses() {
    double u = m_random.nextDouble();
    if (u < 0.55) {
      return 2 + m_random.nextInt(4);
    }
    if (u < 0.96) {
      return 6 + m_random.nextInt(15);
    }
    return 21 + m_random.nextInt(180);
  }

  /** @return a uniform index in [0, bound) from the generator's own stream */
  int nextIndex(int bound) {
    return m_random.nextInt(bound);
  }

  /** Returns a new row of the given length, of a kind chosen at random. */
  double[] next(int numClasses) {
    m_lastKind = KINDS[m_random.nextInt(KINDS.length)];
    switch (m_lastKind) {
      case DIRICHLET:
        return dirichlet(numClasses, m_random.nextBoolean());
      case ONE_HOT:
        return oneHot(numClasses);
      case SPARSE_ZEROS:
        return sparseZeros(numClasses);
      case TINY:
        return tiny(numClasses);
      case SUBNORMAL:
        return subnormal(numClasses);
      case TIES:
        return ties(numClasses);
      case UNNORMALISED:
        return unnormalised(numClasses);
      case INVALID:
        return invalid(numClasses);
      case NEAR_ONE:
        return nearOne(numClasses);
      case PEAKED_SOFTMAX:
        return peakedSoftmax(numClasses);
      default:
        return negativeZeros(numClasses);
    }
  }

  /**
   * Tells whether a row is a valid prediction: every entry finite and at least 0
   * (-0.0 included) and at least one entry above 0. This is the contract of the
   * meta-classifier, written independently of its code.
   */
  static boolean isValid(double[] y) {
    boolean positive = false;
    for (double value : y) {
      if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
        return false;
      }
      positive |= value > 0;
    }
    return positive;
  }

  private double[] dirichlet(int numClasses, boolean normalise) {
    double[] y = new double[numClasses];
    double sum = 0;
    for (int k = 0; k < numClasses; k++) {
      y[k] = -Math.log(1 - m_random.nextDouble());
      sum += y[k];
    }
    if (normalise && sum > 0) {
      for (int k = 0; k < numClasses; k++) {
        y[k] /= sum;
      }
    }
    return y;
  }

  private double[] oneHot(int numClasses) {
    double[] y = new double[numClasses];
    y[m_random.nextInt(numClasses)] = 1;
    return y;
  }

  private double[] sparseZeros(int numClasses) {
    double[] y = dirichlet(numClasses, true);
    int kept = m_random.nextInt(numClasses);
    for (int k = 0; k < numClasses; k++) {
      if (k != kept && m_random.nextBoolean()) {
        y[k] = 0;
      }
    }
    return y;
  }

  private double[] tiny(int numClasses) {
    double[] y = new double[numClasses];
    boolean oneLarge = m_random.nextBoolean();
    for (int k = 0; k < numClasses; k++) {
      y[k] = 1e-300 * (0.5 + m_random.nextDouble());
    }
    if (oneLarge) {
      y[m_random.nextInt(numClasses)] = 1;
    }
    return y;
  }

  private double[] subnormal(int numClasses) {
    double[] y = new double[numClasses];
    boolean allSubnormal = m_random.nextBoolean();
    for (int k = 0; k < numClasses; k++) {
      switch (m_random.nextInt(3)) {
        case 0:
          y[k] = Double.MIN_VALUE * (1 + m_random.nextInt(5));
          break;
        case 1:
          y[k] = 1e-310 * m_random.nextDouble();
          break;
        default:
          y[k] = allSubnormal ? Double.MIN_VALUE : m_random.nextDouble();
      }
    }
    return y;
  }

  private double[] ties(int numClasses) {
    double[] y = new double[numClasses];
    if (m_random.nextBoolean()) {
      Arrays.fill(y, 1.0 / numClasses);
      return y;
    }
    double[] levels = {0.0, 0.1, 0.2, 0.2, 0.5};
    for (int k = 0; k < numClasses; k++) {
      y[k] = levels[m_random.nextInt(levels.length)];
    }
    y[m_random.nextInt(numClasses)] = 0.2;
    return y;
  }

  private double[] unnormalised(int numClasses) {
    double[] y = dirichlet(numClasses, true);
    if (m_random.nextInt(4) == 0) {
      // Finite entries whose sum overflows: a valid row at the top of the double range.
      for (int k = 0; k < numClasses; k++) {
        y[k] = Double.MAX_VALUE * (0.5 + 0.5 * m_random.nextDouble());
      }
      return y;
    }
    double scale = Math.pow(10, -300 + 600 * m_random.nextDouble());
    for (int k = 0; k < numClasses; k++) {
      y[k] *= scale;
    }
    return y;
  }

  private double[] invalid(int numClasses) {
    double[] y = dirichlet(numClasses, true);
    int position = m_random.nextInt(numClasses);
    switch (m_random.nextInt(7)) {
      case 0:
        y[position] = Double.NaN;
        break;
      case 1:
        y[position] = Double.POSITIVE_INFINITY;
        break;
      case 2:
        y[position] = Double.NEGATIVE_INFINITY;
        break;
      case 3:
        y[position] = -1e-3 * (1 + m_random.nextDouble());
        break;
      case 4:
        Arrays.fill(y, 0);
        break;
      case 5:
        Arrays.fill(y, Double.NaN);
        break;
      default:
        Arrays.fill(y, -0.0);
    }
    return y;
  }

  private double[] nearOne(int numClasses) {
    double[] deltas = {1e-10, 1e-16, 1e-300};
    double delta = deltas[m_random.nextInt(deltas.length)];
    double[] y = new double[numClasses];
    Arrays.fill(y, delta / (numClasses - 1));
    y[m_random.nextInt(numClasses)] = 1 - delta;
    return y;
  }

  private double[] peakedSoftmax(int numClasses) {
    double[] spreads = {1, 30, 300};
    double spread = spreads[m_random.nextInt(spreads.length)];
    double[] logits = new double[numClasses];
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < numClasses; k++) {
      logits[k] = spread * m_random.nextGaussian();
      max = Math.max(max, logits[k]);
    }
    double[] y = new double[numClasses];
    double sum = 0;
    for (int k = 0; k < numClasses; k++) {
      y[k] = Math.exp(logits[k] - max);
      sum += y[k];
    }
    for (int k = 0; k < numClasses; k++) {
      y[k] /= sum;
    }
    return y;
  }

  private double[] negativeZeros(int numClasses) {
    double[] y = dirichlet(numClasses, true);
    for (int k = 0; k < numClasses; k++) {
      if (m_random.nextInt(3) == 0) {
        y[k] = -0.0;
      }
    }
    y[m_random.nextInt(numClasses)] = 0.5;
    return y;
  }
}
