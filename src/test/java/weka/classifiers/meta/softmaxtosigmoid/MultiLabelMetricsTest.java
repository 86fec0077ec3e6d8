package weka.classifiers.meta.softmaxtosigmoid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Checks every metric on a 3-instance, 3-class example worked out by hand.
 * Tolerance 1e-12: each expected value is a short sum of exact decimals.
 *
 * <p>The example (label sets are given, not derived from the scores):
 * <pre>
 *            truth     predicted   scores
 * instance 1 {1,0,0}   {1,1,0}     0.9  0.6  0.1
 * instance 2 {0,1,1}   {1,0,0}     0.2  0.7  0.4
 * instance 3 {0,0,0}   {0,0,0}     0.1  0.3  0.45
 * </pre>
 * Per instance: |P and Y| = 1, 0, 0; |P| = 2, 1, 0; |Y| = 1, 2, 0.
 */
class MultiLabelMetricsTest {

  private static final double TOLERANCE = 1e-12;

  private static final double[][] TRUTH = {{1, 0, 0}, {0, 1, 1}, {0, 0, 0}};

  private static final double[][] PREDICTED = {{1, 1, 0}, {1, 0, 0}, {0, 0, 0}};

  private static final double[][] SCORES = {{0.9, 0.6, 0.1}, {0.2, 0.7, 0.4}, {0.1, 0.3, 0.45}};

  private static MultiLabelMetrics example() {
    return new MultiLabelMetrics(SCORES, PREDICTED, TRUTH, null);
  }

  @Test
  void setMetricsOfExample() {
    MultiLabelMetrics metrics = example();
    assertEquals(3, metrics.numInstances());
    assertEquals(0, metrics.numWithoutPrediction());

    // Wrong pairs: instance 1 class 2; instance 2 classes 1, 2, 3; none in instance 3.
    assertEquals(4.0 / 9, metrics.hammingLoss(), TOLERANCE);
    // F1 per instance: 2*1/(2+1) = 2/3, 2*0/(1+2) = 0, empty and empty = 1; mean 5/9.
    assertEquals(5.0 / 9, metrics.exampleF1(), TOLERANCE);
    // Jaccard per instance: 1/2, 0/3, empty and empty = 1; mean 1/2.
    assertEquals(0.5, metrics.jaccardIndex(), TOLERANCE);
    // Only instance 3 is exactly right.
    assertEquals(1.0 / 3, metrics.subsetAccuracy(), TOLERANCE);
    // Set sizes 2, 1, 0 and true sizes 1, 2, 0: both mean 1.
    assertEquals(1.0, metrics.meanSetSize(), TOLERANCE);
    assertEquals(1.0, metrics.trueCardinality(), TOLERANCE);
    // Instance 3 has no true label and is left out; instance 1 is covered, 2 is not.
    assertEquals(0.5, metrics.coverage(), TOLERANCE);
    // Class 1 is a true label of instance 1; classes 2 and 3 of instance 2.
    assertEquals(1.0, metrics.positiveWeight(0), TOLERANCE);
    assertEquals(1.0, metrics.positiveWeight(1), TOLERANCE);
    assertEquals(1.0, metrics.positiveWeight(2), TOLERANCE);
  }

  @Test
  void f1AveragesOfExample() {
    MultiLabelMetrics metrics = example();
    // Class 1: TP 1 (inst. 1), FP 1 (inst. 2), FN 0 -> 2/3.
    assertEquals(2.0 / 3, metrics.classF1(0), TOLERANCE);
    // Class 2: TP 0, FP 1 (inst. 1), FN 1 (inst. 2) -> 0.
    assertEquals(0.0, metrics.classF1(1), TOLERANCE);
    // Class 3: TP 0, FP 0, FN 1 (inst. 2) -> 0.
    assertEquals(0.0, metrics.classF1(2), TOLERANCE);
    // Macro: (2/3 + 0 + 0) / 3 = 2/9.
    assertEquals(2.0 / 9, metrics.macroF1(), TOLERANCE);
    // Micro: TP 1, FP 2, FN 2 -> 2 / (2 + 2 + 2) = 1/3.
    assertEquals(1.0 / 3, metrics.microF1(), TOLERANCE);
  }

  @Test
  void brierScoreOfExample() {
    MultiLabelMetrics metrics = example();
    // Class 1: 0.1^2 + 0.2^2 + 0.1^2 = 0.06; class 2: 0.6^2 + 0.3^2 + 0.3^2 = 0.54;
    // class 3: 0.1^2 + 0.6^2 + 0.45^2 = 0.5725; each divided by 3 instances.
    assertEquals(0.06 / 3, metrics.brierScore(0), TOLERANCE);
    assertEquals(0.54 / 3, metrics.brierScore(1), TOLERANCE);
    assertEquals(0.5725 / 3, metrics.brierScore(2), TOLERANCE);
    // Per label: (0.06 + 0.54 + 0.5725) / 9 = 1.1725 / 9.
    assertEquals(1.1725 / 9, metrics.brierScore(), TOLERANCE);
  }

  @Test
  void logLossOfExample() {
    MultiLabelMetrics metrics = example();
    // The probability given to the true value of each pair, by class:
    // class 1: 0.9, 0.8, 0.9; class 2: 0.4, 0.7, 0.7; class 3: 0.9, 0.4, 0.55.
    double class1 = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.9)) / 3;
    double class2 = -(Math.log(0.4) + Math.log(0.7) + Math.log(0.7)) / 3;
    double class3 = -(Math.log(0.9) + Math.log(0.4) + Math.log(0.55)) / 3;
    assertEquals(class1, metrics.logLoss(0), TOLERANCE);
    assertEquals(class2, metrics.logLoss(1), TOLERANCE);
    assertEquals(class3, metrics.logLoss(2), TOLERANCE);
    assertEquals((class1 + class2 + class3) / 3, metrics.logLoss(), TOLERANCE);
    // Numerically 0.144622, 0.543214, 0.539829; the mean is about 0.409221.
    assertEquals(0.409221, metrics.logLoss(), 1e-6);
  }

  @Test
  void calibrationErrorOfExample() {
    MultiLabelMetrics metrics = example();
    // All 9 pairs (score, truth) by bin floor(10 s):
    // bin 1: (0.1,0) (0.1,0) -> |0.1 - 0| = 0.1, weight 2
    // bin 2: (0.2,0) -> 0.2; bin 3: (0.3,0) -> 0.3
    // bin 4: (0.4,1) (0.45,0) -> mean score 0.425, rate 0.5 -> 0.075, weight 2
    // bin 6: (0.6,0) -> 0.6; bin 7: (0.7,1) -> 0.3; bin 9: (0.9,1) -> 0.1
    // ECE = (0.2 + 0.2 + 0.3 + 0.15 + 0.6 + 0.3 + 0.1) / 9 = 1.85 / 9.
    assertEquals(1.85 / 9, metrics.expectedCalibrationError(), TOLERANCE);
    // Class 1: (0.9,1) (0.2,0) (0.1,0) in separate bins -> (0.1 + 0.2 + 0.1) / 3.
    assertEquals(0.4 / 3, metrics.expectedCalibrationError(0), TOLERANCE);
    // Class 2: (0.6,0) (0.7,1) (0.3,0) -> (0.6 + 0.3 + 0.3) / 3.
    assertEquals(1.2 / 3, metrics.expectedCalibrationError(1), TOLERANCE);
    // Class 3: (0.1,0) alone -> 0.1; (0.4,1) (0.45,0) share bin 4 -> 2 * 0.075.
    assertEquals(0.25 / 3, metrics.expectedCalibrationError(2), TOLERANCE);
    assertEquals((0.4 + 1.2 + 0.25) / 9, metrics.classwiseCalibrationError(), TOLERANCE);
  }

  @Test
  void reliabilityBinsOfExample() {
    MultiLabelMetrics.Bin[] bins = example().reliabilityBins();
    assertEquals(MultiLabelMetrics.NUM_BINS, bins.length);
    assertEquals(2.0, bins[4].weight, TOLERANCE);
    assertEquals(0.425, bins[4].meanScore, TOLERANCE);
    assertEquals(0.5, bins[4].observedRate, TOLERANCE);
    assertEquals(0.4, bins[4].lower, TOLERANCE);
    assertEquals(0.5, bins[4].upper, TOLERANCE);
    assertEquals(0.0, bins[5].weight, TOLERANCE);
    assertTrue(Double.isNaN(bins[5].meanScore), "empty bin mean " + bins[5].meanScore);
  }

  @Test
  void scoreOfOneGoesToLastBin() {
    double[][] scores = {{1.0, 0.0}};
    double[][] truth = {{1, 0}};
    MultiLabelMetrics metrics = new MultiLabelMetrics(scores, truth, truth, null);
    MultiLabelMetrics.Bin[] bins = metrics.reliabilityBins();
    assertEquals(1.0, bins[9].weight, TOLERANCE);
    assertEquals(1.0, bins[0].weight, TOLERANCE);
    assertEquals(0.0, metrics.expectedCalibrationError(), TOLERANCE);
  }

  @Test
  void weightTwoEqualsDuplicate() {
    double[] weights = {2, 1, 1};
    MultiLabelMetrics weighted = new MultiLabelMetrics(SCORES, PREDICTED, TRUTH, weights);
    double[][] scores = {SCORES[0], SCORES[0], SCORES[1], SCORES[2]};
    double[][] predicted = {PREDICTED[0], PREDICTED[0], PREDICTED[1], PREDICTED[2]};
    double[][] truth = {TRUTH[0], TRUTH[0], TRUTH[1], TRUTH[2]};
    MultiLabelMetrics duplicated = new MultiLabelMetrics(scores, predicted, truth, null);

    assertEquals(duplicated.hammingLoss(), weighted.hammingLoss(), TOLERANCE);
    assertEquals(duplicated.exampleF1(), weighted.exampleF1(), TOLERANCE);
    assertEquals(duplicated.microF1(), weighted.microF1(), TOLERANCE);
    assertEquals(duplicated.macroF1(), weighted.macroF1(), TOLERANCE);
    assertEquals(duplicated.jaccardIndex(), weighted.jaccardIndex(), TOLERANCE);
    assertEquals(duplicated.subsetAccuracy(), weighted.subsetAccuracy(), TOLERANCE);
    assertEquals(duplicated.meanSetSize(), weighted.meanSetSize(), TOLERANCE);
    assertEquals(duplicated.trueCardinality(), weighted.trueCardinality(), TOLERANCE);
    assertEquals(duplicated.coverage(), weighted.coverage(), TOLERANCE);
    assertEquals(duplicated.brierScore(), weighted.brierScore(), TOLERANCE);
    assertEquals(duplicated.logLoss(), weighted.logLoss(), TOLERANCE);
    assertEquals(duplicated.expectedCalibrationError(), weighted.expectedCalibrationError(),
      TOLERANCE);
    assertEquals(duplicated.classwiseCalibrationError(), weighted.classwiseCalibrationError(),
      TOLERANCE);
    assertEquals(4.0, weighted.totalWeight(), TOLERANCE);
  }

  @Test
  void missingPredictionIsLeftOutAndCounted() {
    double[][] scores = {SCORES[0], {Double.NaN, Double.NaN, Double.NaN}, SCORES[1], SCORES[2]};
    double[][] predicted = {PREDICTED[0], {Double.NaN, Double.NaN, Double.NaN}, PREDICTED[1],
      PREDICTED[2]};
    double[][] truth = {TRUTH[0], {1, 1, 1}, TRUTH[1], TRUTH[2]};
    MultiLabelMetrics metrics = new MultiLabelMetrics(scores, predicted, truth, null);
    assertEquals(1, metrics.numWithoutPrediction());
    assertEquals(3, metrics.numInstances());
    assertEquals(example().hammingLoss(), metrics.hammingLoss(), TOLERANCE);
    assertEquals(example().brierScore(), metrics.brierScore(), TOLERANCE);
  }

  @Test
  void emptySetsAndClassesScoreOne() {
    // No true and no predicted label anywhere: every F1 and the Jaccard index are 1 by
    // definition, and the coverage is undefined.
    double[][] none = {{0, 0}, {0, 0}};
    double[][] scores = {{0.2, 0.1}, {0.3, 0.4}};
    MultiLabelMetrics metrics = new MultiLabelMetrics(scores, none, none, null);
    assertEquals(1.0, metrics.exampleF1(), TOLERANCE);
    assertEquals(1.0, metrics.microF1(), TOLERANCE);
    assertEquals(1.0, metrics.macroF1(), TOLERANCE);
    assertEquals(1.0, metrics.jaccardIndex(), TOLERANCE);
    assertEquals(1.0, metrics.subsetAccuracy(), TOLERANCE);
    assertTrue(Double.isNaN(metrics.coverage()), "coverage " + metrics.coverage());
  }

  @Test
  void logLossClipsCertainScores() {
    // A score of exactly 0 on a true label costs -ln(1e-15) = 34.5388 nats, not infinity;
    // a score of exactly 1 on a true label costs -ln(1 - 1e-15), about 1e-15.
    double[][] scores = {{0.0, 1.0}};
    double[][] truth = {{1, 1}};
    MultiLabelMetrics metrics = new MultiLabelMetrics(scores, truth, truth, null);
    assertEquals(-Math.log(1e-15), metrics.logLoss(0), TOLERANCE);
    assertEquals(34.538776, metrics.logLoss(0), 1e-6);
    assertEquals(0.0, metrics.logLoss(1), 1e-14);
  }

  @Test
  void invalidInputIsRejected() {
    Object[][] cases = {
      {new double[][] {{1.2, 0.1}}, new double[][] {{1, 0}}, new double[][] {{1, 0}},
        "Instance 1, class 1 has score 1.2; scores must lie in [0, 1]."},
      {new double[][] {{0.2, 0.1}}, new double[][] {{1, 0}}, new double[][] {{1, 0.5}},
        "Instance 1, class 2 has true label 0.5; true labels must be 0 or 1, so leave out "
          + "instances with a missing label."},
      {new double[][] {{0.2, 0.1}}, new double[][] {{2, 0}}, new double[][] {{1, 0}},
        "Instance 1, class 1 has label-set entry 2.0; entries must be 0, 1 or NaN."},
      {new double[][] {{0.2, 0.1, 0.3}}, new double[][] {{1, 0}}, new double[][] {{1, 0}},
        "Instance 1 has 3 scores, 2 label-set entries and 2 true labels; expected 2 of each."},
      {new double[][] {{Double.NaN, 0.1}}, new double[][] {{1, 0}}, new double[][] {{1, 0}},
        "None of the 1 instances has a prediction and a weight above 0, so no metric can be "
          + "computed."},
    };
    for (Object[] c : cases) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new MultiLabelMetrics((double[][]) c[0], (double[][]) c[1], (double[][]) c[2],
          null));
      assertEquals(c[3], error.getMessage());
    }
  }

  @Test
  void invalidWeightIsRejected() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
      () -> new MultiLabelMetrics(SCORES, PREDICTED, TRUTH, new double[] {1, -1, 1}));
    assertEquals("Instance 2 has weight -1.0; weights must be finite and at least 0.",
      error.getMessage());
    IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
      () -> new MultiLabelMetrics(SCORES, PREDICTED, TRUTH, new double[] {1, 1}));
    assertEquals("Got 3 rows of scores, 3 label sets, 3 rows of true labels and 2 weights; "
      + "expected one of each per instance.", count.getMessage());
  }
}
