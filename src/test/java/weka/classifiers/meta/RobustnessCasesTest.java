package weka.classifiers.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.meta.softmaxtosigmoid.AttributeDistributionClassifier;
import weka.classifiers.meta.softmaxtosigmoid.Gauge;
import weka.classifiers.meta.softmaxtosigmoid.LabelSets;
import weka.classifiers.meta.softmaxtosigmoid.LinearCalibration;
import weka.classifiers.meta.softmaxtosigmoid.LogisticMath;
import weka.classifiers.meta.softmaxtosigmoid.SoftmaxInversion;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Zero probabilities, floating-point range and rows without a prediction, run through
 * the meta-classifier for every gauge, calibrator and label-set rule. The stub base
 * returns the first K attributes of a row as its distribution, so each row carries its
 * own base output.
 */
class RobustnessCasesTest {

  @TempDir
  Path folder;

  private static final String[] CALIBRATORS = {"none", "offset", "shared", "per-class", "isotonic"};

  /** Gauge options: every gauge, the reference gauge once with class 1 and once with class 3. */
  private static final String[] GAUGES = {"-gauge centered", "-gauge reference -reference-class 1",
    "-gauge reference -reference-class 3", "-gauge maximum", "-gauge unit",
    "-gauge fixed -log-z 2.5", "-gauge one-vs-rest"};

  private static final String HEADER = "@relation a1\n@attribute p1 numeric\n"
    + "@attribute p2 numeric\n@attribute p3 numeric\n@attribute cls {a,b,c}\n@data\n";

  /** Calibration rows without a zero probability. */
  private static final String ROWS_WITHOUT_ZEROS = "0.2,0.7,0.1,b\n0.1,0.2,0.7,c\n"
    + "0.6,0.3,0.1,a\n0.1,0.1,0.8,c\n0.3,0.6,0.1,b\n0.05,0.15,0.8,c\n0.7,0.2,0.1,b\n"
    + "0.2,0.5,0.3,a\n";

  /**
   * The row (0.5, 0.5, 0) with class a, a row whose zero is on its true class c, and the
   * rows above: 2 rows with a zero, 1 of them on the true class.
   */
  private static final String ROWS_WITH_ZEROS = "0.5,0.5,0,a\n0.9,0.1,0,c\n" + ROWS_WITHOUT_ZEROS;

  private static SoftmaxToSigmoid trained(String options, Instances data) throws Exception {
    SoftmaxToSigmoid classifier = new SoftmaxToSigmoid();
    classifier.setOptions(Utils.splitOptions(options));
    classifier.setClassifier(new AttributeDistributionClassifier());
    classifier.buildClassifier(data);
    return classifier;
  }

  /** Returns the model text without the warning's literal "(NaN, ...)" description. */
  private static String textWithoutNaNWording(SoftmaxToSigmoid classifier) {
    return classifier.toString().replace("(NaN, negative or all zero)", "");
  }

  /**
   * Uncalibrated score of the smoothed y' under a gauge option: sigmoid(ln y'_k + c) =
   * y'_k / (y'_k + R) with R the geometric mean of y' (centered), y'_r (reference r),
   * max y' (maximum), 1 (unit) or exp(-ln Z) (fixed); one-vs-rest gives y'_k itself.
   */
  private static double[] expectedUncalibrated(String gauge, double[] smoothed) {
    double r;
    if (gauge.contains("one-vs-rest")) {
      return smoothed.clone();
    } else if (gauge.contains("centered")) {
      double logSum = 0;
      for (double value : smoothed) {
        logSum += Math.log(value);
      }
      r = Math.exp(logSum / smoothed.length);
    } else if (gauge.contains("reference-class 1")) {
      r = smoothed[0];
    } else if (gauge.contains("reference-class 3")) {
      r = smoothed[2];
    } else if (gauge.contains("maximum")) {
      r = Math.max(smoothed[0], Math.max(smoothed[1], smoothed[2]));
    } else if (gauge.contains("unit")) {
      r = 1;
    } else {
      r = Math.exp(-2.5);
    }
    double[] result = new double[smoothed.length];
    for (int k = 0; k < result.length; k++) {
      result[k] = smoothed[k] / (smoothed[k] + r);
    }
    return result;
  }

  private static void assertValidScores(double[] scores, String where) {
    for (double score : scores) {
      assertTrue(score >= 0, where + ": score " + score + " at least 0");
      assertTrue(score <= 1, where + ": score " + score + " at most 1");
    }
  }

  @Test
  void zeroProbabilityScoredUnderEveryCombination() throws Exception {
    // The row (0.5, 0.5, 0) with smoothing 1e-6 and 1e-4: every gauge and calibrator gives
    // scores in [0, 1]. The model text states eps and counts the 2 floored calibration
    // rows, 1 of them with the zero on the true class.
    Instances data = TestData.arff(HEADER + ROWS_WITH_ZEROS);
    Instance a1 = data.instance(0);
    for (double eps : new double[] {1e-6, 1e-4}) {
      for (String gauge : GAUGES) {
        for (String calibrator : CALIBRATORS) {
          String options = gauge + " -calibrator " + calibrator + " -smoothing " + eps
            + " -calibration-source training";
          SoftmaxToSigmoid classifier = trained(options, data);
          double[] scores = classifier.sigmoidScores(a1);
          assertValidScores(scores, options);
          for (double label : classifier.labelSet(a1)) {
            assertTrue(label == 0 || label == 1, options + ": label " + label);
          }
          String text = textWithoutNaNWording(classifier);
          assertFalse(text.contains("NaN"), options + ": " + text);
          assertFalse(text.contains("Infinity"), options + ": " + text);
          assertTrue(text.contains("eps = " + (eps == 1e-6 ? "0.000001" : "0.0001")), text);
          if (!calibrator.equals("none")) {
            assertTrue(text.contains("2 calibration rows had a probability of 0 raised to the "
              + "floor, 1 of them on the true class"), text);
          }
          if (calibrator.equals("none")) {
            double[] smoothed = classifier.getInversion().smooth(new double[] {0.5, 0.5, 0});
            assertArrayEquals(expectedUncalibrated(gauge, smoothed), scores, 1e-12, options);
          }
          if (calibrator.equals("offset") || calibrator.equals("shared")) {
            // A shared map with a > 0 keeps the order within the row: equal entries get
            // equal scores and the zero class scores lowest.
            assertEquals(scores[0], scores[1], 0.0, options);
            assertTrue(scores[2] < scores[0], options + ": zero class scores lowest");
          }
        }
      }
    }
  }

  @Test
  void floorOfOneInMillionGivesStatedScores() throws Exception {
    // y = (0.5, 0.5, 0) with eps = 1e-6: the centered gauge gives (0.987558, 0.987558,
    // 0.000159), y'/(y' + R) with R the geometric mean of y', and the maximum gauge
    // (0.5, 0.5, 0.000002), each to 6 decimals.
    Instances data = TestData.arff(HEADER + ROWS_WITH_ZEROS);
    SoftmaxToSigmoid centered = trained("-gauge centered -calibrator none -smoothing 1e-6", data);
    assertArrayEquals(new double[] {0.987558, 0.987558, 0.000159},
      centered.sigmoidScores(data.instance(0)), 1e-6);
    SoftmaxToSigmoid maximum = trained("-gauge maximum -calibrator none -smoothing 1e-6", data);
    assertArrayEquals(new double[] {0.5, 0.5, 0.000002}, maximum.sigmoidScores(data.instance(0)),
      1e-6);
  }

  @Test
  void zeroWithoutSmoothingComputesOrNamesProblem() throws Exception {
    // y = (0.5, 0.5, 0) with eps = 0 and no calibration: unit (1/3, 1/3, 0), maximum and
    // reference class 1 (0.5, 0.5, 0), fixed ln Z = 2.5 (0.5 / (0.5 + e^-2.5), same, 0),
    // one-vs-rest (0.5, 0.5, 0), because sigmoid(-inf) = 0 exactly. Centered and
    // reference class 3 need ln 0, so they stop with an error naming the instance, the
    // class and the gauge.
    Instances data = TestData.arff(HEADER + ROWS_WITH_ZEROS);
    Instance a1 = data.instance(0);
    double fixed = 0.5 / (0.5 + Math.exp(-2.5));

    // Labels at score >= 0.5: only the unit gauge, whose scores stay below 0.5, has none.
    Object[][] computed = {
      {"-gauge unit", new double[] {1.0 / 3, 1.0 / 3, 0}, new double[] {0, 0, 0}},
      {"-gauge maximum", new double[] {0.5, 0.5, 0}, new double[] {1, 1, 0}},
      {"-gauge reference -reference-class 1", new double[] {0.5, 0.5, 0}, new double[] {1, 1, 0}},
      {"-gauge fixed -log-z 2.5", new double[] {fixed, fixed, 0}, new double[] {1, 1, 0}},
      {"-gauge one-vs-rest", new double[] {0.5, 0.5, 0}, new double[] {1, 1, 0}},
    };
    for (Object[] c : computed) {
      SoftmaxToSigmoid classifier = trained(c[0] + " -calibrator none -smoothing 0", data);
      assertArrayEquals((double[]) c[1], classifier.sigmoidScores(a1), 1e-15, (String) c[0]);
      assertArrayEquals((double[]) c[2], classifier.labelSet(a1), 0.0, (String) c[0]);
    }

    String[][] rejected = {{"-gauge centered", "centered"},
      {"-gauge reference -reference-class 3", "reference"}};
    for (String[] c : rejected) {
      SoftmaxToSigmoid classifier = trained(c[0] + " -calibrator none -smoothing 0", data);
      Exception error = assertThrows(Exception.class, () -> classifier.sigmoidScores(a1));
      assertTrue(error.getMessage().startsWith("Instance 0.5,0.5,0,a: "), error.getMessage());
      assertTrue(error.getMessage().contains("Class 'c' has probability 0"), error.getMessage());
      assertTrue(error.getMessage().contains("the " + c[1] + " gauge"), error.getMessage());
      assertTrue(error.getMessage().contains("set the smoothing above 0"), error.getMessage());
      Exception viaDistribution = assertThrows(Exception.class,
        () -> classifier.distributionForInstance(a1));
      assertEquals(error.getMessage(), viaDistribution.getMessage());
    }
  }

  @Test
  void zeroCalibrationRowWithoutSmoothingIsRejected() throws Exception {
    // With eps = 0 a zero probability has logit -inf, which no likelihood fit can use: every
    // gauge and calibrator stops, naming the calibration instance and the fix.
    Instances data = TestData.arff(HEADER + ROWS_WITH_ZEROS);
    for (String gauge : GAUGES) {
      for (int c = 1; c < CALIBRATORS.length; c++) {
        String options = gauge + " -calibrator " + CALIBRATORS[c]
          + " -smoothing 0 -calibration-source training";
        Exception error = assertThrows(Exception.class, () -> trained(options, data), options);
        assertTrue(error.getMessage().startsWith("Calibration instance 1: "),
          options + ": " + error.getMessage());
        assertTrue(error.getMessage().contains("set the smoothing above 0"),
          options + ": " + error.getMessage());
      }
    }
  }

  @Test
  void zeroTestRowWithoutSmoothingAfterCleanCalibration() throws Exception {
    // Calibration rows without zeros, eps = 0: the fit succeeds, and the zero class of
    // (0.5, 0.5, 0) gets logit -inf, which a linear map keeps (score 0) and an isotonic
    // map sends to its lowest step. Centered and reference class 3 reject the row.
    Instances calibration = TestData.arff(HEADER + ROWS_WITHOUT_ZEROS);
    Instance a1 = TestData.arff(HEADER + "0.5,0.5,0,a\n").instance(0);
    for (String gauge : GAUGES) {
      for (int c = 1; c < CALIBRATORS.length; c++) {
        String options = gauge + " -calibrator " + CALIBRATORS[c]
          + " -smoothing 0 -calibration-source training";
        SoftmaxToSigmoid classifier = trained(options, calibration);
        boolean rejects = gauge.contains("centered") || gauge.contains("reference-class 3");
        if (rejects) {
          Exception error = assertThrows(Exception.class, () -> classifier.sigmoidScores(a1));
          assertTrue(error.getMessage().contains("Class 'c' has probability 0"),
            options + ": " + error.getMessage());
          continue;
        }
        double[] scores = classifier.sigmoidScores(a1);
        assertValidScores(scores, options);
        if (!CALIBRATORS[c].equals("isotonic")) {
          assertEquals(0.0, scores[2], 0.0, options + ": sigmoid(-inf) = 0");
        }
      }
    }
  }

  private File writeFile(String name, String text) throws Exception {
    Path file = folder.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file.toFile();
  }

  /**
   * Clipping data: columns (no, yes) = (0,1), (0,1), (1,0), (1,0) with true classes yes,
   * no, no, no, so every row has a zero and row 1 has it on its true class.
   */
  private static final String CLIPPING_DATA = "@relation a2\n@attribute pno numeric\n"
    + "@attribute pyes numeric\n@attribute cls {no,yes}\n@data\n0,1,yes\n0,1,no\n1,0,no\n1,0,no\n";

  @Test
  void hiddenFloorIsStatedInDescription() throws Exception {
    // The clipping data as a calibration file, with the reference gauge on 'no'. Each
    // calibrator, with and without the prior, fits finite parameters. The description
    // states eps (even 1e-15, which 6 decimals would show as 0) and the floored rows: 4
    // with a zero, 1 of them on the true class.
    File file = writeFile("dir with space/a2.arff", CLIPPING_DATA);
    Instances data = TestData.arff(CLIPPING_DATA);
    String[][] smoothings = {{"1e-15", "1.0E-15"}, {"1e-4", "0.0001"}, {"0.01", "0.01"}};
    for (String[] eps : smoothings) {
      for (String calibrator : CALIBRATORS) {
        for (String ridge : new String[] {"0", "0.01"}) {
          SoftmaxToSigmoid classifier = new SoftmaxToSigmoid();
          classifier.setOptions(Utils.splitOptions("-gauge reference -reference-class no "
            + "-calibration-source file -calibrator " + calibrator + " -smoothing " + eps[0]
            + " -ridge " + ridge));
          classifier.setCalibrationFile(file);
          classifier.setClassifier(new AttributeDistributionClassifier());
          classifier.buildClassifier(data);
          String where = calibrator + ", eps " + eps[0] + ", ridge " + ridge;
          String text = textWithoutNaNWording(classifier);
          assertTrue(text.contains("eps = " + eps[1] + ","), where + ": " + text);
          assertFalse(text.contains("NaN"), where + ": " + text);
          assertFalse(text.contains("Infinity"), where + ": " + text);
          if (!calibrator.equals("none")) {
            assertTrue(text.contains("4 calibration rows had a probability of 0 raised to the "
              + "floor, 1 of them on the true class"), where + ": " + text);
          }
          for (Instance instance : data) {
            assertValidScores(classifier.sigmoidScores(instance), where);
          }
          if (classifier.getCalibrationMap() instanceof LinearCalibration) {
            LinearCalibration map = (LinearCalibration) classifier.getCalibrationMap();
            for (int k = 0; k < 2; k++) {
              assertTrue(Double.isFinite(map.scale(k)), where + ": finite scale");
              assertTrue(Double.isFinite(map.offset(k)), where + ": finite offset");
            }
          }
        }
      }
    }
  }

  @Test
  void plattTargetsThroughFileGiveStatedFit() throws Exception {
    // On the clipping data, Platt's targets for class 'yes' (1 positive, 3 negatives) are
    // 2/3 and 1/5. The plain per-class fit for eps = 1e-15 is a = 0.016185, b = -0.827279.
    File file = writeFile("a2.arff", CLIPPING_DATA);
    SoftmaxToSigmoid classifier = new SoftmaxToSigmoid();
    classifier.setOptions(Utils.splitOptions("-gauge reference -reference-class no "
      + "-calibration-source file -calibrator per-class -platt-targets -ridge 0 "
      + "-per-class-minimum 0 -smoothing 1e-15"));
    classifier.setCalibrationFile(file);
    classifier.setClassifier(new AttributeDistributionClassifier());
    classifier.buildClassifier(TestData.arff(CLIPPING_DATA));
    LinearCalibration map = (LinearCalibration) classifier.getCalibrationMap();
    assertEquals(0.016185, map.scale(1), 1e-6);
    assertEquals(-0.827279, map.offset(1), 1e-6);
  }

  @Test
  void zeroOnTrueClassWithoutSmoothingIsRejected() throws Exception {
    // The clipping data with eps = 0: the reference class 'no' has probability 0 in row 1.
    File file = writeFile("a2.arff", CLIPPING_DATA);
    SoftmaxToSigmoid classifier = new SoftmaxToSigmoid();
    classifier.setOptions(Utils.splitOptions("-gauge reference -reference-class no "
      + "-calibration-source file -smoothing 0"));
    classifier.setCalibrationFile(file);
    classifier.setClassifier(new AttributeDistributionClassifier());
    Exception error = assertThrows(Exception.class,
      () -> classifier.buildClassifier(TestData.arff(CLIPPING_DATA)));
    assertEquals("Calibration instance 1: Class 'no' has probability 0, and the reference "
      + "gauge needs its logarithm; set the smoothing above 0 (for example 1e-6) or choose the "
      + "maximum or unit gauge.", error.getMessage());
  }

  @Test
  void largeScaleSaturatesAtCoreLevel() {
    // y = (1 - 1e-10, 1e-10), centered gauge, a = 100, b = 0: z = +-100 * 11.512925 =
    // +-1151.29, where exp(x) / (1 + exp(x)) is NaN on IEEE doubles.
    SoftmaxInversion inversion = new SoftmaxInversion(Gauge.CENTERED, 1, 0, 0,
      new String[] {"c1", "c2"});
    LinearCalibration map = LinearCalibration.shared(2, 100, 0);
    double[] x = inversion.logits(new double[] {1 - 1e-10, 1e-10});
    double[] scores = new double[2];
    for (int k = 0; k < 2; k++) {
      scores[k] = LogisticMath.sigmoid(map.calibratedLogit(k, x[k]));
    }
    assertEquals(1151.29, map.calibratedLogit(0, x[0]), 0.01);
    assertEquals(1.0, scores[0], 0.0);
    assertEquals(0.0, scores[1], 0.0);
    assertArrayEquals(new double[] {1, 0}, LabelSets.threshold(scores, 0.5, false), 0.0);
  }

  @Test
  void largeFittedScaleSaturatesThroughClassifier() throws Exception {
    // The same saturation through the meta-classifier. The calibration file puts class c1
    // at frequency 3/4 where the centered logit is x = ln 3 / 100 (y1 = sigmoid(2x)) and
    // 1/4 at -x, so plain maximum likelihood gives a x = ln 3, that is a = 100, and b = 0
    // by symmetry.
    double p = 1 / (1 + Math.exp(-2 * Math.log(3) / 100));
    String high = p + "," + (1 - p);
    String low = (1 - p) + "," + p;
    String text = "@relation b1\n@attribute p1 numeric\n@attribute p2 numeric\n"
      + "@attribute cls {c1,c2}\n@data\n" + high + ",c1\n" + high + ",c1\n" + high + ",c1\n"
      + high + ",c2\n" + low + ",c1\n" + low + ",c2\n" + low + ",c2\n" + low + ",c2\n";
    File file = writeFile("b1.arff", text);
    SoftmaxToSigmoid classifier = new SoftmaxToSigmoid();
    classifier.setOptions(Utils.splitOptions("-gauge centered -calibrator shared -ridge 0 "
      + "-smoothing 0 -calibration-source file"));
    classifier.setCalibrationFile(file);
    classifier.setClassifier(new AttributeDistributionClassifier());
    classifier.buildClassifier(TestData.arff(text));
    LinearCalibration map = (LinearCalibration) classifier.getCalibrationMap();
    assertEquals(100, map.scale(0), 1e-6);
    assertEquals(0, map.offset(0), 1e-9);

    Instance extreme = TestData.arff("@relation b1\n@attribute p1 numeric\n@attribute p2 numeric\n"
      + "@attribute cls {c1,c2}\n@data\n" + (1 - 1e-10) + ",1e-10,c1\n").instance(0);
    double[] scores = classifier.sigmoidScores(extreme);
    assertEquals(1.0, scores[0], 0.0);
    assertEquals(0.0, scores[1], 0.0);
    assertArrayEquals(new double[] {1, 0}, classifier.labelSet(extreme), 0.0);
    assertArrayEquals(new double[] {1, 0}, classifier.distributionForInstance(extreme), 0.0);
  }

  @Test
  void tinyProbabilitiesThroughClassifier() throws Exception {
    // y = (1, 1e-300, 1e-300): the product of y underflows, but the geometric mean 1e-200
    // gives centered scores (1, 1e-100, 1e-100), and Z = 1 gives (0.5, 1e-300, 1e-300).
    Instances data = TestData.arff(HEADER + "1,1e-300,1e-300,a\n");
    SoftmaxToSigmoid centered = trained("-gauge centered -calibrator none -smoothing 0", data);
    double[] scores = centered.sigmoidScores(data.instance(0));
    assertEquals(1.0, scores[0], 0.0);
    assertEquals(1e-100, scores[1], 1e-112);
    assertEquals(1e-100, scores[2], 1e-112);
    SoftmaxToSigmoid unit = trained("-gauge unit -calibrator none -smoothing 0", data);
    double[] unitScores = unit.sigmoidScores(data.instance(0));
    assertEquals(0.5, unitScores[0], 1e-15);
    assertEquals(1e-300, unitScores[1], 1e-312);
  }

  /** Rows without a prediction, (0,0,0), (NaN,NaN,NaN), (0.2,NaN,0.8), after 12 valid rows. */
  private static final String INVALID_ROWS = HEADER + "0.7,0.2,0.1,a\n0.6,0.3,0.1,a\n"
    + "0.5,0.3,0.2,b\n0.2,0.7,0.1,b\n0.1,0.6,0.3,b\n0.2,0.2,0.6,c\n0.1,0.3,0.6,c\n"
    + "0.3,0.3,0.4,a\n0.4,0.4,0.2,c\n0.1,0.1,0.8,c\n0.8,0.1,0.1,a\n0.3,0.5,0.2,b\n"
    + "0,0,0,a\n?,?,?,b\n0.2,?,0.8,c\n";

  @Test
  void invalidRowsMissingForEveryCalibratorAndRule() throws Exception {
    // For every calibrator and label-set rule, with and without keep-top, the three rows
    // have no scores, no labels (never label 0 from a NaN comparison) and an all-zero
    // distribution. They are left out of calibration, and Weka's evaluation counts them as
    // unclassified instead of failing in Utils.normalize.
    Instances data = TestData.arff(INVALID_ROWS);
    String[] rules = {"fixed", "per-class-f1", "cardinality", "top-k -top-k 2",
      "conformal -alpha 0.2"};
    for (String calibrator : CALIBRATORS) {
      for (String rule : rules) {
        for (String keepTop : new String[] {"", " -keep-top"}) {
          String options = "-calibrator " + calibrator + " -threshold-rule " + rule + keepTop
            + " -calibration-source training";
          SoftmaxToSigmoid classifier = trained(options, data);
          for (int i = 12; i < 15; i++) {
            Instance instance = data.instance(i);
            String where = options + ", instance " + (i + 1);
            assertArrayEquals(new double[3], classifier.distributionForInstance(instance), 0.0,
              where);
            assertTrue(Utils.isMissingValue(classifier.classifyInstance(instance)), where);
            for (double value : classifier.sigmoidScores(instance)) {
              assertTrue(Double.isNaN(value), where + ": score " + value);
            }
            for (double value : classifier.labelSet(instance)) {
              assertTrue(Double.isNaN(value), where + ": label " + value);
            }
            for (double value : classifier.logits(instance)) {
              assertTrue(Double.isNaN(value), where + ": logit " + value);
            }
          }
          if (!calibrator.equals("none") || !rule.equals("fixed") && !rule.startsWith("top-k")) {
            assertTrue(classifier.toString().contains("3 of 15 calibration instances got no "
              + "valid base distribution"), options + ": " + classifier);
          }
          Evaluation evaluation = new Evaluation(data);
          evaluation.evaluateModel((Classifier) classifier, data);
          assertEquals(3, evaluation.unclassified(), 0.0, options);
          assertEquals(15, evaluation.numInstances(), 0.0, options);
        }
      }
    }
  }

  @Test
  void allZeroScoresKeepSmoothedBaseDistribution() throws Exception {
    // Isotonic steps fitted on three peaked rows are 0 below each class's peak, so the
    // uniform row (1/3, 1/3, 1/3) scores 0 for every class. The normalised scores 0/0 have
    // no value, so distributionForInstance returns the smoothed base distribution, here
    // uniform, never NaN.
    Instances data = TestData.arff(HEADER + "0.8,0.1,0.1,a\n0.1,0.8,0.1,b\n0.1,0.1,0.8,c\n"
      + "0.7,0.2,0.1,a\n0.2,0.7,0.1,b\n0.1,0.2,0.7,c\n");
    SoftmaxToSigmoid classifier = trained("-calibrator isotonic -calibration-source training",
      data);
    Instance uniform = TestData.arff(HEADER + "1,1,1,a\n").instance(0);
    assertArrayEquals(new double[] {0, 0, 0}, classifier.sigmoidScores(uniform), 0.0);
    assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3},
      classifier.distributionForInstance(uniform), 1e-15);
  }

  @Test
  void overflowingRowSumIsNormalised() throws Exception {
    // (1e308, 1e308, 1) is a valid unnormalised row whose sum overflows: it must score as
    // (1, 1, 1e-308) / 2, not as a row without a prediction.
    Instances data = TestData.arff(HEADER + "1e308,1e308,1,a\n0.5,0.5,5e-309,a\n");
    for (String gauge : GAUGES) {
      SoftmaxToSigmoid classifier = trained(gauge + " -calibrator none", data);
      assertArrayEquals(classifier.sigmoidScores(data.instance(1)),
        classifier.sigmoidScores(data.instance(0)), 0.0, gauge);
    }
  }

  @Test
  void shiftedLogitsScoreIdentically() throws Exception {
    // softmax(2, 1, 0) and softmax(12, 11, 10) are the same distribution (0.665241,
    // 0.244728, 0.090031), so every gauge and calibrator must score both rows alike, up to
    // the rounding of the two softmax computations. Without calibration the centered gauge
    // recovers the logits (1, 0, -1), whose sigmoids are (0.731059, 0.5, 0.268941).
    double[] first = LogisticMath.softmax(new double[] {2, 1, 0});
    double[] second = LogisticMath.softmax(new double[] {12, 11, 10});
    Instances data = TestData.arff(HEADER + first[0] + "," + first[1] + "," + first[2] + ",a\n"
      + second[0] + "," + second[1] + "," + second[2] + ",b\n" + ROWS_WITHOUT_ZEROS);
    for (String gauge : GAUGES) {
      for (String calibrator : CALIBRATORS) {
        String options = gauge + " -calibrator " + calibrator + " -calibration-source training";
        SoftmaxToSigmoid classifier = trained(options, data);
        assertArrayEquals(classifier.sigmoidScores(data.instance(0)),
          classifier.sigmoidScores(data.instance(1)), 1e-12, options);
      }
    }
    SoftmaxToSigmoid centered = trained("-gauge centered -calibrator none -smoothing 0", data);
    assertArrayEquals(new double[] {1, 0, -1}, centered.logits(data.instance(1)), 1e-12);
    assertArrayEquals(new double[] {0.731059, 0.5, 0.268941},
      centered.sigmoidScores(data.instance(1)), 1e-6);
  }

  @Test
  void thresholdLabelsFollowTheGaugeTable() throws Exception {
    // y = (0.4, 0.3, 0.2, 0.1), no calibration or smoothing, threshold 0.5 and ">=":
    // centered scores (0.643774, 0.575444, 0.474680, 0.311200) label (1,1,0,0), maximum
    // scores (0.5, 0.428571, 0.333333, 0.2) label (1,0,0,0), and unit scores y/(1+y) =
    // (0.285714, 0.230769, 0.166667, 0.090909) label nothing. The empty set is a row of
    // zeros, and the unit gauge's model text warns that 0.5 cannot be reached.
    Instances data = TestData.arff("@relation g\n@attribute p1 numeric\n@attribute p2 numeric\n"
      + "@attribute p3 numeric\n@attribute p4 numeric\n@attribute cls {a,b,c,d}\n@data\n"
      + "0.4,0.3,0.2,0.1,a\n");
    Object[][] cases = {
      {"centered", new double[] {0.643774, 0.575444, 0.474680, 0.311200}, new double[] {1, 1, 0, 0}},
      {"maximum", new double[] {0.5, 0.428571, 0.333333, 0.2}, new double[] {1, 0, 0, 0}},
      {"unit", new double[] {0.285714, 0.230769, 0.166667, 0.090909}, new double[] {0, 0, 0, 0}},
    };
    for (Object[] c : cases) {
      SoftmaxToSigmoid classifier = trained("-calibrator none -smoothing 0 -gauge " + c[0], data);
      assertArrayEquals((double[]) c[1], classifier.sigmoidScores(data.instance(0)), 1e-6,
        (String) c[0]);
      assertArrayEquals((double[]) c[2], classifier.labelSet(data.instance(0)), 0.0,
        (String) c[0]);
      assertFalse(classifier.toString().contains("NaN"), classifier.toString());
    }
    SoftmaxToSigmoid unit = trained("-calibrator none -smoothing 0 -gauge unit", data);
    assertTrue(unit.toString().contains("at most 0.5"), unit.toString());
  }

  @Test
  void zeroWeightRowEqualsDeletedRow() throws Exception {
    // A calibration row of weight 0 contributes nothing to the weighted likelihood, so the
    // fit equals the fit without it, for every calibrator and for resubstitution and
    // cross-validation. The stub base ignores its training data, so the folds pool the
    // same rows, in another order: sums round differently and Newton's steps stop below
    // 1e-10 relative change, so the scores agree to about 1e-9, checked at 1e-8.
    Instances without = TestData.arff(HEADER + ROWS_WITHOUT_ZEROS);
    Instances with = TestData.arff(HEADER + ROWS_WITHOUT_ZEROS + "0.9,0.05,0.05,c,{0}\n");
    for (String source : new String[] {"training", "cv -folds 3"}) {
      for (int c = 1; c < CALIBRATORS.length; c++) {
        String options = "-calibrator " + CALIBRATORS[c] + " -calibration-source " + source;
        SoftmaxToSigmoid expected = trained(options, without);
        SoftmaxToSigmoid actual = trained(options, with);
        for (Instance instance : with) {
          assertArrayEquals(expected.sigmoidScores(instance), actual.sigmoidScores(instance),
            1e-8, options);
        }
      }
    }
  }

  @Test
  void failedBuildLeavesModelUntrained() throws Exception {
    // A rebuild that fails, here because the calibration file is missing, must not leave
    // the previous model half in place.
    Instances data = TestData.arff(INVALID_ROWS);
    SoftmaxToSigmoid classifier = trained("-calibration-source training", data);
    classifier.setOptions(Utils.splitOptions("-calibration-source file -calibration-file "
      + new File(folder.toFile(), "absent.arff").getPath()));
    classifier.setClassifier(new AttributeDistributionClassifier());
    assertThrows(Exception.class, () -> classifier.buildClassifier(data));
    Exception error = assertThrows(Exception.class,
      () -> classifier.distributionForInstance(data.instance(0)));
    assertTrue(error.getMessage().contains("has not been trained"), error.getMessage());
  }

  @Test
  void unusableWeightsAreRejectedByName() throws Exception {
    // All weights 0 made RandomForest fail inside Instances.resampleWithWeights ("Can't
    // normalize array. Sum is zero.") and J48 return no prediction for every instance.
    String header = "@relation w\n@attribute x numeric\n@attribute cls {a,b}\n@data\n";
    Instances zero = TestData.arff(header + "1,a,{0}\n2,b,{0}\n1.5,a,{0}\n2.5,b,{0}\n3,?,{1}\n");
    Instances negative = TestData.arff(header + "1,a,{1}\n2,b,{-2}\n1.5,a,{1}\n2.5,b,{1}\n");
    for (String base : new String[] {"weka.classifiers.trees.RandomForest",
      "weka.classifiers.trees.J48", "weka.classifiers.bayes.NaiveBayes",
      "weka.classifiers.rules.ZeroR"}) {
      SoftmaxToSigmoid classifier = new SoftmaxToSigmoid();
      classifier.setClassifier(AbstractClassifier.forName(base, new String[0]));
      Exception error = assertThrows(Exception.class, () -> classifier.buildClassifier(zero));
      assertEquals("All 4 training instances with a class have weight 0, so there is nothing "
        + "to learn from; give at least one instance a positive weight.", error.getMessage(),
        base);
      Exception negativeError = assertThrows(Exception.class,
        () -> classifier.buildClassifier(negative));
      assertEquals("Training instance 2 (counting instances with a class) has weight -2.0; "
        + "instance weights must be finite and at least 0.", negativeError.getMessage(), base);
    }
  }

  @Test
  void zeroWeightFoldIsRejectedByName() throws Exception {
    // Only one of six instances has a positive weight, so the fold that tests it trains on
    // weight 0, where RandomForest failed inside Utils.normalize ("Sum is zero").
    Instances data = TestData.arff("@relation w\n@attribute x numeric\n@attribute cls {a,b}\n"
      + "@data\n1,a,{1}\n2,b,{0}\n1.1,a,{0}\n2.1,b,{0}\n1.2,a,{0}\n2.2,b,{0}\n");
    SoftmaxToSigmoid classifier = new SoftmaxToSigmoid();
    classifier.setOptions(Utils.splitOptions("-folds 3"));
    Exception error = assertThrows(Exception.class, () -> classifier.buildClassifier(data));
    assertTrue(error.getMessage().matches("The training part of fold [123] of 3 has total "
      + "weight 0, because only 1 of 6 training instances have a positive weight; use fewer "
      + "folds or -calibration-source training, or give more instances a positive weight."),
      error.getMessage());
  }
}
