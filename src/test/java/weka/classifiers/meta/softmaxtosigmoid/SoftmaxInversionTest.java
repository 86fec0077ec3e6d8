package weka.classifiers.meta.softmaxtosigmoid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SoftmaxInversionTest {

  static String[] names(int numClasses) {
    String[] result = new String[numClasses];
    for (int k = 0; k < numClasses; k++) {
      result[k] = "c" + (k + 1);
    }
    return result;
  }

  static SoftmaxInversion inversion(Gauge gauge, int numClasses, double smoothing) {
    return new SoftmaxInversion(gauge, numClasses - 1, 0, smoothing, names(numClasses));
  }

  static double[] scores(SoftmaxInversion inversion, double[] y) {
    double[] logits = inversion.logits(y);
    double[] result = new double[logits.length];
    for (int k = 0; k < logits.length; k++) {
      result[k] = LogisticMath.sigmoid(logits[k]);
    }
    return result;
  }

  @Test
  void centeredLogitsSumToZero() {
    double[] y = {0.5, 0.3, 0.15, 0.05};
    double[] logits = inversion(Gauge.CENTERED, 4, 1e-4).logits(y);
    assertEquals(0.0, Arrays.stream(logits).sum(), 1e-12);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 7, 26})
  void uniformDistributionGivesHalfUnderCenteredGauge(int numClasses) {
    // Uniform y: ln y_k equals its mean, so every centered logit is 0 and sigmoid(0) = 0.5.
    double[] y = new double[numClasses];
    Arrays.fill(y, 1.0 / numClasses);
    for (double score : scores(inversion(Gauge.CENTERED, numClasses, 1e-4), y)) {
      assertEquals(0.5, score, 0.0);
    }
  }

  @Test
  void unitGaugeScoresAreYOverOnePlusY() {
    // Z = 1: x = ln y, so sigmoid(x) = y / (1 + y).
    double[] y = {0.6, 0.3, 0.1};
    double[] exact = scores(inversion(Gauge.UNIT, 3, 0), y);
    for (int k = 0; k < 3; k++) {
      assertEquals(y[k] / (1 + y[k]), exact[k], 1e-15);
    }
    SoftmaxInversion smoothed = inversion(Gauge.UNIT, 3, 1e-3);
    double[] ySmoothed = smoothed.smooth(y);
    double[] withSmoothing = scores(smoothed, y);
    for (int k = 0; k < 3; k++) {
      assertEquals(ySmoothed[k] / (1 + ySmoothed[k]), withSmoothing[k], 1e-15);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Gauge.class, names = {"CENTERED", "REFERENCE", "MAXIMUM", "UNIT", "FIXED"})
  void softmaxOfLogitsReturnsSmoothedInput(Gauge gauge) {
    double[] y = {0.7, 0.2, 0.1, 0.0};
    SoftmaxInversion inversion = new SoftmaxInversion(gauge, 1, 2.5, 1e-3, names(4));
    double[] recovered = LogisticMath.softmax(inversion.logits(y));
    assertArrayEquals(inversion.smooth(y), recovered, 1e-14);
  }

  @Test
  void smoothingFloorIsEpsOverOnePlusKEps() {
    SoftmaxInversion inversion = inversion(Gauge.CENTERED, 3, 1e-6);
    assertEquals(1e-6 / (1 + 3e-6), inversion.floor(), 1e-22);
    assertEquals(inversion.floor(), inversion.smooth(new double[] {1, 0, 0})[1], 1e-22);
  }

  @Test
  void exactZeroWithoutSmoothingKeepsWellDefinedGauges() {
    // Case A1, y = (0.5, 0.5, 0): the unit, maximum and reference-1 gauges need no
    // logarithm of the zero, and sigmoid(-inf) = 0.
    double[] y = {0.5, 0.5, 0.0};
    assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 0}, scores(inversion(Gauge.UNIT, 3, 0), y), 1e-15);
    assertArrayEquals(new double[] {0.5, 0.5, 0}, scores(inversion(Gauge.MAXIMUM, 3, 0), y), 1e-15);
    SoftmaxInversion referenceFirst = new SoftmaxInversion(Gauge.REFERENCE, 0, 0, 0, names(3));
    assertArrayEquals(new double[] {0.5, 0.5, 0}, scores(referenceFirst, y), 1e-15);
  }

  @Test
  void centeredGaugeRejectsExactZero() {
    // Case A1: the centered constant would be -inf and the logit of c3 NaN.
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
      () -> inversion(Gauge.CENTERED, 3, 0).logits(new double[] {0.5, 0.5, 0}));
    assertTrue(error.getMessage().contains("'c3'"), error.getMessage());
    assertTrue(error.getMessage().contains("centered"), error.getMessage());
    assertThrows(IllegalArgumentException.class,
      () -> inversion(Gauge.REFERENCE, 3, 0).logits(new double[] {0.5, 0.5, 0}));
  }

  @Test
  void exactZeroWithFloorGivesStatedScores() {
    // Case A1 with eps = 1e-6 (values given there without renormalisation; the centered
    // and maximum gauges do not change under the renormalisation 1/(1+K eps)).
    double[] y = {0.5, 0.5, 0.0};
    assertArrayEquals(new double[] {0.987558, 0.987558, 0.000159},
      scores(inversion(Gauge.CENTERED, 3, 1e-6), y), 1e-6);
    assertArrayEquals(new double[] {0.5, 0.5, 0.000002},
      scores(inversion(Gauge.MAXIMUM, 3, 1e-6), y), 1e-6);
    // Weka-native variant, OneR's y = (1, 0, 0).
    double[] oneHot = {1, 0, 0};
    assertArrayEquals(new double[] {0.999900, 0.009901, 0.009901},
      scores(inversion(Gauge.CENTERED, 3, 1e-6), oneHot), 1e-6);
    assertArrayEquals(new double[] {0.5, 0.000001, 0.000001},
      scores(inversion(Gauge.MAXIMUM, 3, 1e-6), oneHot), 1e-6);
    assertArrayEquals(new double[] {0.5, 0.000001, 0.000001},
      scores(inversion(Gauge.UNIT, 3, 1e-6), oneHot), 1e-6);
  }

  @Test
  void tinyProbabilitiesUseMeanOfLogs() {
    // Case B1, scenario 2: the product of y underflows, the mean of ln y is -460.5;
    // centered logits are (460.5, -230.3, -230.3), so scores are (1, 1e-100, 1e-100).
    double[] y = {1, 1e-300, 1e-300};
    double[] centered = scores(inversion(Gauge.CENTERED, 3, 0), y);
    assertEquals(1.0, centered[0], 0.0);
    assertEquals(1e-100, centered[1], 1e-112);
    assertEquals(1e-100, centered[2], 1e-112);
    double[] unit = scores(inversion(Gauge.UNIT, 3, 0), y);
    assertEquals(0.5, unit[0], 1e-15);
    assertEquals(1e-300, unit[1], 1e-312);
  }

  @ParameterizedTest
  @EnumSource(Gauge.class)
  void shiftedLogitsGiveIdenticalScores(Gauge gauge) {
    // Case E3: logits (2, 1, 0) and (12, 11, 10) give one distribution, so every gauge
    // must give the same scores for both.
    double[] first = LogisticMath.softmax(new double[] {2, 1, 0});
    double[] second = LogisticMath.softmax(new double[] {12, 11, 10});
    SoftmaxInversion inversion = new SoftmaxInversion(gauge, 1, 0.7, 0, names(3));
    assertArrayEquals(scores(inversion, first), scores(inversion, second), 1e-12);
  }

  @Test
  void centeredGaugeRecoversCenteredLogits() {
    // Case E3: the centered logits of softmax(2, 1, 0) are (1, 0, -1), scores
    // sigmoid(1) = 0.731059, 0.5 and 0.268941.
    double[] y = LogisticMath.softmax(new double[] {12, 11, 10});
    SoftmaxInversion inversion = inversion(Gauge.CENTERED, 3, 0);
    assertArrayEquals(new double[] {1, 0, -1}, inversion.logits(y), 1e-12);
    assertArrayEquals(new double[] {0.731059, 0.5, 0.268941}, scores(inversion, y), 1e-6);
  }

  @Test
  void oneVsRestReproducesProbabilities() {
    // x = ln y - ln(1 - y), so sigmoid(x) = y when smoothing is 0.
    double[] y = {0.6, 0.3, 0.1};
    assertArrayEquals(y, scores(inversion(Gauge.ONE_VS_REST, 3, 0), y), 1e-15);
  }

  @Test
  void oneVsRestLogitsAccurateOverWholeRange() {
    // Binary rows (p, 1 - p) for p from 1e-300 to 0.5 and their mirror images. The logit
    // ln p - ln(1 - p) uses Math.log(1 - p): 1 - p is exact for p >= 0.5 and has a
    // relative error of at most 2^-53 below, so the logit is within 2.2e-16 of
    // ln p - log1p(-p), plus one unit in the last place of the logit for the subtraction.
    SoftmaxInversion inversion = inversion(Gauge.ONE_VS_REST, 2, 0);
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      double p = Math.pow(10, -300 * random.nextDouble()) / 2;
      double[] row = random.nextBoolean() ? new double[] {p, 1 - p} : new double[] {1 - p, p};
      double[] logits = inversion.logits(row);
      // The inversion first divides the row by its sum, which may differ from 1 by rounding.
      double[] normalized = inversion.normalize(row);
      for (int k = 0; k < 2; k++) {
        double q = normalized[k];
        double expected = Math.log(q) - Math.log1p(-q);
        assertEquals(expected, logits[k], 2.3e-16 + Math.ulp(expected), "p = " + q);
      }
    }
  }

  @Test
  void invalidDistributionsHaveNoLogits() {
    // Case B2: all zero, NaN anywhere, negative or infinite entries mean "no prediction".
    SoftmaxInversion inversion = inversion(Gauge.CENTERED, 3, 1e-4);
    assertNull(inversion.logits(new double[] {0, 0, 0}));
    assertNull(inversion.logits(new double[] {Double.NaN, Double.NaN, Double.NaN}));
    assertNull(inversion.logits(new double[] {0.2, Double.NaN, 0.8}));
    assertNull(inversion.logits(new double[] {0.2, -0.1, 0.9}));
    assertNull(inversion.logits(new double[] {0.2, Double.POSITIVE_INFINITY, 0.8}));
    assertNull(inversion.logits(new double[] {0.5, 0.5}));
  }

  @Test
  void unnormalisedRowIsDividedByItsSum() {
    SoftmaxInversion inversion = inversion(Gauge.MAXIMUM, 3, 0);
    assertArrayEquals(inversion.logits(new double[] {0.5, 0.25, 0.25}),
      inversion.logits(new double[] {2, 1, 1}), 1e-15);
  }

  @Test
  void invalidSettingsAreRejected() {
    assertThrows(IllegalArgumentException.class,
      () -> new SoftmaxInversion(Gauge.CENTERED, 0, 0, -1e-3, names(3)));
    assertThrows(IllegalArgumentException.class,
      () -> new SoftmaxInversion(Gauge.REFERENCE, 3, 0, 0, names(3)));
    assertThrows(IllegalArgumentException.class,
      () -> new SoftmaxInversion(Gauge.FIXED, 0, Double.NaN, 0, names(3)));
    assertThrows(IllegalArgumentException.class,
      () -> new SoftmaxInversion(Gauge.CENTERED, 0, 0, 0, names(1)));
  }
}
