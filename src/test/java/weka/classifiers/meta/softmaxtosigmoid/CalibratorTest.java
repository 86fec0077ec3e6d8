package weka.classifiers.meta.softmaxtosigmoid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CalibratorTest {

  private static final String[] BINARY = {"c1", "c2"};

  /** Adds {@code count} rows with distribution y and class classIndex, each of the given weight. */
  private static void addRows(CalibrationData data, SoftmaxInversion inversion, double[] y,
    int classIndex, int count, double weight) {
    for (int i = 0; i < count; i++) {
      data.addSingleLabel(inversion.logits(y), classIndex, weight);
    }
  }

  /** Case A4: 10 rows at y = (0.8, 0.2), 8 of class 1; 10 rows at (0.2, 0.8), 2 of class 1. */
  private static CalibrationData caseA4(SoftmaxInversion inversion) {
    CalibrationData data = new CalibrationData(2);
    addRows(data, inversion, new double[] {0.8, 0.2}, 0, 8, 1);
    addRows(data, inversion, new double[] {0.8, 0.2}, 1, 2, 1);
    addRows(data, inversion, new double[] {0.2, 0.8}, 0, 2, 1);
    addRows(data, inversion, new double[] {0.2, 0.8}, 1, 8, 1);
    return data;
  }

  private static LinearCalibration fitShared(CalibrationData data, double ridge, List<String> warnings) {
    return (LinearCalibration) Calibrator.SHARED.fit(data, ridge, BINARY, warnings);
  }

  @Test
  void sharedFitReproducesCaseA4InEveryGauge() {
    // With two distinct inputs per class, maximum likelihood reproduces the observed
    // frequencies 0.8 and 0.2. Expected (a, b): reference (1, 0); centered (2, 0);
    // maximum (2, ln 4); unit (2, ln 4 - 2 ln 0.8 = 1.832581). Newton converges to 1e-10.
    Object[][] cases = {
      {Gauge.REFERENCE, 1.0, 0.0},
      {Gauge.CENTERED, 2.0, 0.0},
      {Gauge.MAXIMUM, 2.0, Math.log(4)},
      {Gauge.UNIT, 2.0, Math.log(4) - 2 * Math.log(0.8)},
    };
    for (Object[] c : cases) {
      SoftmaxInversion inversion = new SoftmaxInversion((Gauge) c[0], 1, 0, 0, BINARY);
      List<String> warnings = new ArrayList<>();
      LinearCalibration map = fitShared(caseA4(inversion), 0, warnings);
      assertEquals((double) c[1], map.scale(0), 1e-8, "scale for " + c[0]);
      assertEquals((double) c[2], map.offset(0), 1e-8, "offset for " + c[0]);
      assertTrue(warnings.isEmpty(), warnings.toString());
      double high = LogisticMath.sigmoid(map.calibratedLogit(0, inversion.logits(new double[] {0.8, 0.2})[0]));
      double low = LogisticMath.sigmoid(map.calibratedLogit(0, inversion.logits(new double[] {0.2, 0.8})[0]));
      assertEquals(0.8, high, 1e-8, "class-1 score at y = (0.8, 0.2) for " + c[0]);
      assertEquals(0.2, low, 1e-8, "class-1 score at y = (0.2, 0.8) for " + c[0]);
    }
  }

  @Test
  void defaultRidgeMovesCaseA4Slightly() {
    // The prior (lambda/2)((a-1)^2 + b^2) with lambda = 0.01 against a Fisher information
    // of about 40 * 0.16 * ln(4)^2 / 4 = 3 in a moves the centered a = 2 by about
    // lambda * (a - 1) / 3 = 0.003, so 0.01 is a safe bound.
    SoftmaxInversion inversion = new SoftmaxInversion(Gauge.CENTERED, 1, 0, 0, BINARY);
    LinearCalibration map = fitShared(caseA4(inversion), 0.01, new ArrayList<>());
    assertEquals(2.0, map.scale(0), 0.01);
    assertTrue(map.scale(0) < 2.0, "the prior pulls the scale towards 1");
    assertEquals(0.0, map.offset(0), 1e-9);
  }

  @Test
  void offsetFitEstimatesLogZ() {
    // Unit gauge with a = 1: class-1 pairs at ln 0.8 and ln 0.2 and class-2 pairs mirror
    // them, so b solves sum(t - sigmoid(ln y + b)) = 0; check that the gradient vanishes.
    SoftmaxInversion inversion = new SoftmaxInversion(Gauge.UNIT, 1, 0, 0, BINARY);
    CalibrationData data = caseA4(inversion);
    LinearCalibration map = (LinearCalibration) Calibrator.OFFSET.fit(data, 0, BINARY, new ArrayList<>());
    assertEquals(1.0, map.scale(0), 0.0);
    double gradient = 0;
    double[][] pairs = data.pairs();
    for (int i = 0; i < pairs[0].length; i++) {
      gradient += pairs[1][i] - LogisticMath.sigmoid(pairs[0][i] + map.offset(0));
    }
    assertEquals(0.0, gradient, 1e-9);
    assertTrue(map.offset(0) > 0, "Z = 1 underestimates every score, so ln Z must grow");
  }

  @Test
  void negativeScaleIsNeverApplied() {
    // Case E1: 10 rows at (0.9, 0.1) with 3 of class 1, 10 at (0.1, 0.9) with 7 of class 1.
    // Unconstrained a = ln(3/7) / ln 9 = -0.385622, b = 0; the product keeps a = 1 and fits
    // only b, which is 0 by symmetry.
    SoftmaxInversion inversion = new SoftmaxInversion(Gauge.REFERENCE, 1, 0, 0, BINARY);
    CalibrationData data = new CalibrationData(2);
    addRows(data, inversion, new double[] {0.9, 0.1}, 0, 3, 1);
    addRows(data, inversion, new double[] {0.9, 0.1}, 1, 7, 1);
    addRows(data, inversion, new double[] {0.1, 0.9}, 0, 7, 1);
    addRows(data, inversion, new double[] {0.1, 0.9}, 1, 3, 1);
    double[][] pairs = data.pairs();
    LogisticFit.Result unconstrained = LogisticFit.fitScaleAndOffset(pairs[0], pairs[1], pairs[2], 0);
    assertEquals(Math.log(3.0 / 7) / Math.log(9), unconstrained.scale, 1e-8);

    List<String> warnings = new ArrayList<>();
    LinearCalibration map = fitShared(data, 0, warnings);
    assertEquals(1.0, map.scale(0), 0.0);
    assertEquals(0.0, map.offset(0), 1e-9);
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("-0.3856"), warnings.get(0));
  }

  @Test
  void weightsCountAsRepeatedRows() {
    // Case F1(b): weighted class-1 fractions are 0.8 at y = (0.8, 0.2) and 0.2 at (0.2, 0.8),
    // so weighted maximum likelihood gives a = 1, b = 0 under the reference gauge.
    SoftmaxInversion inversion = new SoftmaxInversion(Gauge.REFERENCE, 1, 0, 0, BINARY);
    double[] high = {0.8, 0.2};
    double[] low = {0.2, 0.8};
    CalibrationData weighted = new CalibrationData(2);
    int[] highClasses = {0, 0, 0, 1};
    double[] highWeights = {1, 1, 2, 1};
    int[] lowClasses = {1, 1, 1, 0};
    double[] lowWeights = {1, 2, 1, 1};
    for (int i = 0; i < 4; i++) {
      weighted.addSingleLabel(inversion.logits(high), highClasses[i], highWeights[i]);
      weighted.addSingleLabel(inversion.logits(low), lowClasses[i], lowWeights[i]);
    }
    LinearCalibration map = fitShared(weighted, 0, new ArrayList<>());
    assertEquals(1.0, map.scale(0), 1e-8);
    assertEquals(0.0, map.offset(0), 1e-8);

    // Ignoring the weights would give a = ln 3 / ln 4 = 0.792481: check the unweighted fit.
    CalibrationData unweighted = new CalibrationData(2);
    for (int i = 0; i < 4; i++) {
      unweighted.addSingleLabel(inversion.logits(high), highClasses[i], 1);
      unweighted.addSingleLabel(inversion.logits(low), lowClasses[i], 1);
    }
    assertEquals(Math.log(3) / Math.log(4), fitShared(unweighted, 0, new ArrayList<>()).scale(0), 1e-8);

    // Each weight-2 row replaced by two copies, plus a weight-0 row: the same fit.
    CalibrationData copies = new CalibrationData(2);
    for (int i = 0; i < 4; i++) {
      for (int copy = 0; copy < highWeights[i]; copy++) {
        copies.addSingleLabel(inversion.logits(high), highClasses[i], 1);
      }
      for (int copy = 0; copy < lowWeights[i]; copy++) {
        copies.addSingleLabel(inversion.logits(low), lowClasses[i], 1);
      }
    }
    copies.addSingleLabel(inversion.logits(new double[] {0.99, 0.01}), 1, 0);
    LinearCalibration copiesMap = fitShared(copies, 0, new ArrayList<>());
    assertEquals(1.0, copiesMap.scale(0), 1e-8);
    assertEquals(0.0, copiesMap.offset(0), 1e-8);
  }

  @Test
  void separableDataWithoutPriorFallsBackToIdentity() {
    // x = -1 always negative, x = +1 always positive: the likelihood grows without bound in a.
    CalibrationData data = new CalibrationData(2);
    data.addSingleLabel(new double[] {1, -1}, 0, 1);
    data.addSingleLabel(new double[] {-1, 1}, 1, 1);
    List<String> warnings = new ArrayList<>();
    LinearCalibration map = fitShared(data, 0, warnings);
    assertEquals(1.0, map.scale(0), 0.0);
    assertEquals(0.0, map.offset(0), 0.0);
    assertTrue(warnings.get(0).contains("did not converge"), warnings.toString());

    List<String> ridgeWarnings = new ArrayList<>();
    LinearCalibration ridgeMap = fitShared(data, 0.01, ridgeWarnings);
    assertTrue(Double.isFinite(ridgeMap.scale(0)), "finite scale with a prior");
    assertTrue(ridgeMap.scale(0) > 1, "the prior still lets the scale grow");
    assertTrue(ridgeWarnings.isEmpty(), ridgeWarnings.toString());
  }

  @Test
  void extremeLogitsKeepObjectiveFinite() {
    // Case B1, scenario 3: logits of +-800 with disagreeing targets.
    double[] x = {800, -800, 800, -800};
    double[] t = {1, 0, 0, 1};
    double[] w = {1, 1, 1, 1};
    LogisticFit.Result result = LogisticFit.fitScaleAndOffset(x, t, w, 0.01);
    assertTrue(Double.isFinite(result.objective));
    assertTrue(Double.isFinite(result.scale));
    assertTrue(Double.isFinite(result.offset));
    assertTrue(result.converged);
  }

  @Test
  void largeFitEndsAtStationaryPoint() {
    // 10^6 pairs: near the optimum the predicted decrease falls below the rounding error
    // of L (about 2.5e5 here), where the fit takes the last Newton step in full.
    // Central differences with h = 1e-4 gave gradients of about 1e-4 at the result and
    // 3140 at a + 0.01, so 0.005 fails any scale more than about 2e-8 off the minimum.
    java.util.Random random = new java.util.Random(11L);
    int n = 1_000_000;
    double[] x = new double[n];
    double[] t = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      boolean positive = random.nextInt(10) == 0;
      x[i] = 1.5 * random.nextGaussian() + (positive ? 2 : 0);
      t[i] = positive ? 1 : 0;
      w[i] = 1;
    }
    LogisticFit.Result result = LogisticFit.fitScaleAndOffset(x, t, w, 0.01);
    assertTrue(result.converged);
    assertTrue(result.iterations <= 10, "iterations: " + result.iterations);

    double h = 1e-4;
    double a = result.scale;
    double b = result.offset;
    double gradientA = (objective(x, t, w, a + h, b) - objective(x, t, w, a - h, b)) / (2 * h);
    double gradientB = (objective(x, t, w, a, b + h) - objective(x, t, w, a, b - h)) / (2 * h);
    assertEquals(0, gradientA, 0.005);
    assertEquals(0, gradientB, 0.005);
    assertEquals(objective(x, t, w, a, b), result.objective, 1e-9 * result.objective);
  }

  private static double objective(double[] x, double[] t, double[] w, double a, double b) {
    return LogisticFit.negativeLogLikelihood(x, t, w, a, b)
      + 0.5 * 0.01 * ((a - 1) * (a - 1) + b * b);
  }

  @Test
  void singleClassCalibrationIsWarnedAbout() {
    // Case D3, scenario 2: all calibration rows are class c1.
    SoftmaxInversion inversion = new SoftmaxInversion(Gauge.CENTERED, 1, 0, 1e-4, BINARY);
    CalibrationData data = new CalibrationData(2);
    addRows(data, inversion, new double[] {0.7, 0.3}, 0, 5, 1);
    List<String> warnings = new ArrayList<>();
    LinearCalibration map = fitShared(data, 0.01, warnings);
    assertTrue(Double.isFinite(map.scale(0)), "finite scale");
    assertTrue(Double.isFinite(map.offset(0)), "finite offset");
    assertTrue(warnings.stream().anyMatch(w -> w.contains("only class 'c1'")), warnings.toString());
  }

  @Test
  void emptyCalibrationGivesIdentityWithWarning() {
    List<String> warnings = new ArrayList<>();
    LinearCalibration map = fitShared(new CalibrationData(2), 0.01, warnings);
    assertEquals(1.0, map.scale(0), 0.0);
    assertEquals(0.0, map.offset(0), 0.0);
    assertFalse(warnings.isEmpty());
  }
}
