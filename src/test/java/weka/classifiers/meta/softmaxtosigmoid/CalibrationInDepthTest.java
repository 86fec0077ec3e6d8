package weka.classifiers.meta.softmaxtosigmoid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CalibrationInDepthTest {

  private static final String[] BINARY = {"c1", "c2"};

  private static CalibrationData caseA4(SoftmaxInversion inversion) {
    CalibrationData data = new CalibrationData(2);
    double[] high = inversion.logits(new double[] {0.8, 0.2});
    double[] low = inversion.logits(new double[] {0.2, 0.8});
    for (int i = 0; i < 10; i++) {
      data.addSingleLabel(high, i < 8 ? 0 : 1, 1);
      data.addSingleLabel(low, i < 2 ? 0 : 1, 1);
    }
    return data;
  }

  @Test
  void perClassPlattFitsCaseA4() {
    // Each class has two distinct logits with frequencies 0.8 and 0.2, so the per-class
    // maximum-likelihood fit equals the shared one: reference (1, 0), centered (2, 0),
    // maximum (2, ln 4) for class c1.
    Object[][] cases = {
      {Gauge.REFERENCE, 1.0, 0.0},
      {Gauge.CENTERED, 2.0, 0.0},
      {Gauge.MAXIMUM, 2.0, Math.log(4)},
    };
    for (Object[] c : cases) {
      SoftmaxInversion inversion = new SoftmaxInversion((Gauge) c[0], 1, 0, 0, BINARY);
      LinearCalibration map = (LinearCalibration) Calibrator.PER_CLASS.fit(caseA4(inversion),
        new Calibrator.Settings(0, false, 5), BINARY, new ArrayList<>());
      assertEquals((double) c[1], map.scale(0), 1e-8, "scale for " + c[0]);
      assertEquals((double) c[2], map.offset(0), 1e-8, "offset for " + c[0]);
    }
  }

  @Test
  void plattTargetsGiveStatedScaleOnCaseA4() {
    // 10 positives and 10 negatives per class: targets 11/12 and 1/12, so the class-c1
    // frequencies become 0.75 and 0.25 and the reference-gauge scale ln 3 / ln 4 = 0.792481.
    SoftmaxInversion inversion = new SoftmaxInversion(Gauge.REFERENCE, 1, 0, 0, BINARY);
    LinearCalibration map = (LinearCalibration) Calibrator.PER_CLASS.fit(caseA4(inversion),
      new Calibrator.Settings(0, true, 5), BINARY, new ArrayList<>());
    assertEquals(Math.log(3) / Math.log(4), map.scale(0), 1e-8);
    assertEquals(0.75, LogisticMath.sigmoid(map.calibratedLogit(0, Math.log(4))), 1e-8);
  }

  @Test
  void plattTargetsKeepCaseA2Finite() {
    // Case A2: columns (no, yes) = (0,1), (0,1), (1,0), (1,0), classes yes, no, no, no;
    // reference class 'no', eps = 1e-15. Class 'yes' has one positive and three negatives,
    // so its targets are 2/3 and 1/5, and the plain per-class fit gives a = 0.016185,
    // b = -0.827279.
    String[] names = {"no", "yes"};
    SoftmaxInversion inversion = new SoftmaxInversion(Gauge.REFERENCE, 0, 0, 1e-15, names);
    CalibrationData data = new CalibrationData(2);
    data.addSingleLabel(inversion.logits(new double[] {0, 1}), 1, 1);
    data.addSingleLabel(inversion.logits(new double[] {0, 1}), 0, 1);
    data.addSingleLabel(inversion.logits(new double[] {1, 0}), 0, 1);
    data.addSingleLabel(inversion.logits(new double[] {1, 0}), 0, 1);
    LinearCalibration map = (LinearCalibration) Calibrator.PER_CLASS.fit(data,
      new Calibrator.Settings(0, true, 0), names, new ArrayList<>());
    assertEquals(0.016185, map.scale(1), 1e-6);
    assertEquals(-0.827279, map.offset(1), 1e-6);
  }

  @Test
  void perClassFallsBackForRareClasses() {
    // Class c3 has 2 positives, below the minimum of 5: it keeps the shared map.
    String[] names = {"c1", "c2", "c3"};
    SoftmaxInversion inversion = new SoftmaxInversion(Gauge.CENTERED, 0, 0, 1e-4, names);
    CalibrationData data = new CalibrationData(3);
    for (int i = 0; i < 20; i++) {
      data.addSingleLabel(inversion.logits(new double[] {0.6, 0.3, 0.1}), i % 3 == 0 ? 1 : 0, 1);
      data.addSingleLabel(inversion.logits(new double[] {0.2, 0.7, 0.1}), i % 4 == 0 ? 0 : 1, 1);
    }
    data.addSingleLabel(inversion.logits(new double[] {0.2, 0.2, 0.6}), 2, 1);
    data.addSingleLabel(inversion.logits(new double[] {0.3, 0.2, 0.5}), 2, 1);
    List<String> warnings = new ArrayList<>();
    LinearCalibration perClass = (LinearCalibration) Calibrator.PER_CLASS.fit(data,
      new Calibrator.Settings(0.01, false, 5), names, warnings);
    LinearCalibration shared = (LinearCalibration) Calibrator.SHARED.fit(data,
      new Calibrator.Settings(0.01, false, 5), names, new ArrayList<>());
    assertEquals(shared.scale(2), perClass.scale(2), 0.0);
    assertEquals(shared.offset(2), perClass.offset(2), 0.0);
    assertTrue(perClass.scale(0) != shared.scale(0), "class c1 has its own fit");
    assertTrue(warnings.stream().anyMatch(w -> w.startsWith("Class 'c3' has fewer than 5")),
      warnings.toString());
  }

  @Test
  void rareClassesWarningUsesPlural() {
    // c2 and c3 have 1 positive each, below the minimum of 5, while c1 and c4 have
    // 20 positives and 22 negatives each. One warning names c2 and c3.
    String[] names = {"c1", "c2", "c3", "c4"};
    SoftmaxInversion inversion = new SoftmaxInversion(Gauge.CENTERED, 0, 0, 1e-4, names);
    CalibrationData data = new CalibrationData(4);
    for (int i = 0; i < 20; i++) {
      data.addSingleLabel(inversion.logits(new double[] {0.6, 0.2, 0.1, 0.1}), 0, 1);
      data.addSingleLabel(inversion.logits(new double[] {0.1, 0.2, 0.1, 0.6}), 3, 1);
    }
    data.addSingleLabel(inversion.logits(new double[] {0.2, 0.5, 0.2, 0.1}), 1, 1);
    data.addSingleLabel(inversion.logits(new double[] {0.2, 0.1, 0.6, 0.1}), 2, 1);
    List<String> warnings = new ArrayList<>();
    Calibrator.PER_CLASS.fit(data, new Calibrator.Settings(0.01, false, 5), names, warnings);
    assertTrue(warnings.contains("Classes 'c2', 'c3' have fewer than 5 positive or negative "
      + "calibration examples (by weight), so they use the shared scale and offset."),
      warnings.toString());
  }

  @Test
  void isotonicPoolsAdjacentViolators() {
    // Sorted targets 0, 1, 0, 1, 1 with weights 1, 3, 1, 1, 1: the pair (1 at x=2, w=3) and
    // (0 at x=3, w=1) violate monotonicity and pool to 3/4; the blocks are then
    // {x=1: 0}, {x=2..3: 0.75}, {x=4: 1}, {x=5: 1}.
    double[][] blocks = IsotonicCalibration.poolAdjacentViolators(
      new double[] {3, 1, 5, 2, 4}, new double[] {0, 0, 1, 1, 1}, new double[] {1, 1, 1, 3, 1});
    assertArrayEquals(new double[] {1, 2, 4, 5}, blocks[0], 0.0);
    assertArrayEquals(new double[] {0, 0.75, 1, 1}, blocks[1], 1e-15);
  }

  @Test
  void isotonicMergesTiesAndSteps() {
    // Equal logits share one value: x = 1 twice with targets 1 and 0 gives 0.5 there,
    // x = 2 with target 1 stays 1.
    CalibrationData data = new CalibrationData(2);
    data.add(new double[] {1, -1}, new double[] {1, 0}, 1);
    data.add(new double[] {1, -1}, new double[] {0, 1}, 1);
    data.add(new double[] {2, -2}, new double[] {1, 0}, 1);
    IsotonicCalibration map = IsotonicCalibration.fit(data, data.targets());
    assertEquals(0.5, map.score(0, 1), 1e-15);
    assertEquals(0.5, map.score(0, 0.5), 1e-15, "below the first block");
    assertEquals(0.5, map.score(0, 1.7), 1e-15, "between blocks, the lower step");
    assertEquals(1.0, map.score(0, 2), 0.0);
    assertEquals(Double.POSITIVE_INFINITY, map.calibratedLogit(0, 3));
    assertTrue(Double.isNaN(map.calibratedLogit(0, Double.NaN)));
  }

  @Test
  void isotonicIgnoresZeroWeights() {
    double[][] blocks = IsotonicCalibration.poolAdjacentViolators(
      new double[] {1, 2, 3}, new double[] {0, 0, 1}, new double[] {1, 0, 1});
    assertArrayEquals(new double[] {1, 3}, blocks[0], 0.0);
  }

  @Test
  void cardinalityThresholdPassesRoundedCount() {
    // 3 instances x 2 classes, distinct scores; cardinality 1 requests round(1 * 3) = 3 pairs,
    // cardinality 0.5 for round(1.5) = 2 pairs (Java rounds half up).
    double[][] scores = {{0.9, 0.2}, {0.6, 0.55}, {0.3, 0.1}};
    double[] weights = {1, 1, 1};
    assertEquals(3, countAtOrAbove(scores, Thresholds.cardinality(scores, weights, 1)));
    assertEquals(2, countAtOrAbove(scores, Thresholds.cardinality(scores, weights, 0.5)));
    assertEquals(0, countAtOrAbove(scores, Thresholds.cardinality(scores, weights, 0)));
    assertEquals(6, countAtOrAbove(scores, Thresholds.cardinality(scores, weights, 2)));
  }

  private static int countAtOrAbove(double[][] scores, double threshold) {
    int count = 0;
    for (double[] row : scores) {
      for (double score : row) {
        count += score >= threshold ? 1 : 0;
      }
    }
    return count;
  }

  @Test
  void conformalIndexRoundsUp() {
    assertEquals(9, Thresholds.conformalIndex(9, 0.1), "ceil(10 * 0.9)");
    assertEquals(18, Thresholds.conformalIndex(19, 0.1), "ceil(20 * 0.9)");
    assertEquals(6, Thresholds.conformalIndex(5, 0.1), "ceil(5.4), above n");
    assertEquals(91, Thresholds.conformalIndex(100, 0.1), "ceil(90.9)");
  }

  @Test
  void conformalThresholdIsQthLargest() {
    // m = 0.1 .. 0.9; n = 9, alpha = 0.1: q = 9, the 9th largest is 0.1.
    double[] m = {0.5, 0.1, 0.9, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6};
    double[] w = new double[9];
    java.util.Arrays.fill(w, 1);
    assertEquals(0.1, Thresholds.conformal(m, w, 0.1), 0.0);
    // alpha = 0.3: q = ceil(10 * 0.7) = 7, the 7th largest is 0.3.
    assertEquals(0.3, Thresholds.conformal(m, w, 0.3), 0.0);
    // n = 5 with alpha = 0.1: q = 6 > 5, so every class must be a label.
    assertEquals(Double.NEGATIVE_INFINITY,
      Thresholds.conformal(new double[] {0.5, 0.4, 0.3, 0.2, 0.1}, new double[] {1, 1, 1, 1, 1}, 0.1));
  }

  @Test
  void conformalRuleUsesBestTrueLabel() {
    // Instance 1 has labels {c1, c2}: its best true score is 0.7. Instance 3 has no label
    // and is left out. With n = 2 and alpha = 0.5, q = ceil(3 * 0.5) = 2: the 2nd largest
    // of {0.7, 0.4} is 0.4.
    double[][] scores = {{0.2, 0.7}, {0.4, 0.9}, {0.8, 0.8}};
    double[][] targets = {{1, 1}, {1, 0}, {0, 0}};
    LabelSetRule rule = LabelSetRule.fitConformal(scores, targets, new double[] {1, 1, 1}, 0.5,
      false, new ArrayList<>());
    assertEquals(0.4, rule.threshold(0), 0.0);
    assertArrayEquals(new double[] {1, 1}, rule.apply(new double[] {0.4, 0.5}), 0.0);
  }

  @Test
  void perClassF1ChoosesMidpointThreshold() {
    // Scores 0.9 (pos), 0.8 (pos), 0.6 (neg), 0.3 (pos), 0.1 (neg): F1 at >= 0.8 is
    // 2*2/(2*2+0+1) = 0.8; at >= 0.3 it is 2*3/(2*3+1+0) = 0.857, the best; the threshold
    // lies midway between 0.3 and 0.1.
    double threshold = Thresholds.maximizeF1(new double[] {0.9, 0.8, 0.6, 0.3, 0.1},
      new double[] {1, 1, 0, 1, 0}, new double[] {1, 1, 1, 1, 1});
    assertEquals(0.2, threshold, 1e-15);
    assertTrue(Double.isNaN(Thresholds.maximizeF1(new double[] {0.5}, new double[] {0},
      new double[] {1})));
  }

  @Test
  void topKLabelsTheKHighestScores() {
    // Case G1: y = (0.4, 0.3, 0.2, 0.1); within a row the gauge keeps the order, so k = 2
    // labels the first two classes under every gauge.
    LabelSetRule rule = LabelSetRule.topK(4, 2, false);
    for (Gauge gauge : new Gauge[] {Gauge.CENTERED, Gauge.MAXIMUM, Gauge.UNIT}) {
      SoftmaxInversion inversion = new SoftmaxInversion(gauge, 3, 0, 0,
        new String[] {"a", "b", "c", "d"});
      double[] logits = inversion.logits(new double[] {0.4, 0.3, 0.2, 0.1});
      double[] scores = new double[4];
      for (int k = 0; k < 4; k++) {
        scores[k] = LogisticMath.sigmoid(logits[k]);
      }
      assertArrayEquals(new double[] {1, 1, 0, 0}, rule.apply(scores), 0.0, gauge.toString());
    }
  }
}
