package weka.classifiers.meta.softmaxtosigmoid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogisticMathTest {

  @Test
  void sigmoidSaturatesWithoutNaN() {
    // 1151.29 = 100 * ln(1e10 - 1) / 2: exp(x) overflows, so exp(x)/(1+exp(x)) is NaN there.
    assertEquals(1.0, LogisticMath.sigmoid(1151.29), 0.0);
    assertEquals(0.0, LogisticMath.sigmoid(-1151.29), 0.0);
    assertEquals(1.0, LogisticMath.sigmoid(Double.POSITIVE_INFINITY), 0.0);
    assertEquals(0.0, LogisticMath.sigmoid(Double.NEGATIVE_INFINITY), 0.0);
    assertTrue(Double.isNaN(LogisticMath.sigmoid(Double.NaN)));
  }

  @Test
  void sigmoidOfLogOddsReturnsProbability() {
    // sigmoid(ln 0.8 - ln 0.2) = 0.8 exactly in real arithmetic; 1e-15 covers rounding.
    assertEquals(0.8, LogisticMath.sigmoid(Math.log(0.8) - Math.log(0.2)), 1e-15);
    assertEquals(0.5, LogisticMath.sigmoid(0), 0.0);
  }

  @Test
  void log1pExpIsFiniteForLargeArguments() {
    // softplus(800) = 800 + ln(1 + e^-800) = 800 in doubles; softplus(-800) = e^-800 underflows to 0.
    assertEquals(800.0, LogisticMath.log1pExp(800), 0.0);
    assertEquals(0.0, LogisticMath.log1pExp(-800), 1e-300);
    assertEquals(Math.log(2), LogisticMath.log1pExp(0), 1e-15);
  }

  @Test
  void bernoulliLogLikelihoodSkipsZeroCoefficients() {
    // A certain, correct prediction has log-likelihood 0, not 0 * -inf = NaN.
    assertEquals(0.0, LogisticMath.bernoulliLogLikelihood(Double.POSITIVE_INFINITY, 1), 0.0);
    assertEquals(0.0, LogisticMath.bernoulliLogLikelihood(Double.NEGATIVE_INFINITY, 0), 0.0);
    // t = 0.5 at z = 0: 0.5 ln 0.5 + 0.5 ln 0.5 = ln 0.5.
    assertEquals(Math.log(0.5), LogisticMath.bernoulliLogLikelihood(0, 0.5), 1e-15);
    // Logits of +-800 stay finite: ln sigmoid(-800) = -800.
    assertEquals(-800.0, LogisticMath.bernoulliLogLikelihood(-800, 1), 1e-9);
  }

  @Test
  void softmaxHandlesLargeAndInfiniteLogits() {
    double[] p = LogisticMath.softmax(new double[] {1000, 1000, Double.NEGATIVE_INFINITY});
    assertEquals(0.5, p[0], 1e-15);
    assertEquals(0.5, p[1], 1e-15);
    assertEquals(0.0, p[2], 0.0);
  }
}
