package weka.classifiers.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import weka.classifiers.Classifier;
import weka.classifiers.functions.Logistic;
import weka.classifiers.meta.softmaxtosigmoid.AttributeDistributionClassifier;
import weka.classifiers.meta.softmaxtosigmoid.LinearCalibration;
import weka.classifiers.meta.softmaxtosigmoid.LogisticMath;
import weka.classifiers.rules.OneR;
import weka.classifiers.rules.ZeroR;
import weka.classifiers.trees.J48;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

class SoftmaxToSigmoidBehaviourTest {

  private static SoftmaxToSigmoid configured(Classifier base, String options) throws Exception {
    SoftmaxToSigmoid classifier = new SoftmaxToSigmoid();
    classifier.setOptions(Utils.splitOptions(options));
    classifier.setClassifier(base);
    return classifier;
  }

  /** Binary data whose rows carry their own base distribution (p1, p2) and class. */
  private static String binaryRows(double[][] rows, String[] classes, double[] weights) {
    StringBuilder text = new StringBuilder("@relation rows\n@attribute p1 numeric\n"
      + "@attribute p2 numeric\n@attribute cls {c1,c2}\n@data\n");
    for (int i = 0; i < rows.length; i++) {
      text.append(rows[i][0]).append(',').append(rows[i][1]).append(',').append(classes[i]);
      if (weights != null) {
        text.append(",{").append(weights[i]).append('}');
      }
      text.append('\n');
    }
    return text.toString();
  }

  private static LinearCalibration linear(SoftmaxToSigmoid classifier) {
    return (LinearCalibration) classifier.getCalibrationMap();
  }

  @Test
  void referenceGaugeRecoversLogisticLinearPredictors() throws Exception {
    // Weka's Logistic computes p_j = exp(v_j) / sum_m exp(v_m) with v = 0 for the last class,
    // so ln p_j - ln p_last = v_j. Iris has only numeric attributes and no missing values,
    // so v_j = par[0][j] + sum_i par[i + 1][j] x_i on the raw values.
    Instances iris = TestData.load(new File(TestData.sharedDataDirectory(), "uci/iris.arff"));
    Logistic logistic = new Logistic();
    logistic.setRidge(1e-2);
    SoftmaxToSigmoid classifier = configured(logistic,
      "-gauge reference -calibrator none -smoothing 0");
    classifier.buildClassifier(iris);
    double[][] par = ((Logistic) classifier.getClassifier()).coefficients();
    for (Instance instance : iris) {
      double[] logits = classifier.logits(instance);
      for (int j = 0; j < iris.numClasses() - 1; j++) {
        double v = par[0][j];
        for (int i = 0; i < iris.numAttributes() - 1; i++) {
          v += par[i + 1][j] * instance.value(i);
        }
        assertEquals(v, logits[j], 1e-8, "linear predictor of class " + j);
      }
      assertEquals(0.0, logits[iris.numClasses() - 1], 0.0);
    }
  }

  @Test
  void invalidBaseDistributionGivesNoScores() throws Exception {
    // Case B2: (0,0,0), (NaN,NaN,NaN) and (0.2,NaN,0.8) are "no prediction".
    Instances data = TestData.arff("@relation b2\n@attribute p1 numeric\n@attribute p2 numeric\n"
      + "@attribute p3 numeric\n@attribute cls {a,b,c}\n@data\n0,0,0,a\n?,?,?,b\n0.2,?,0.8,c\n");
    SoftmaxToSigmoid classifier = configured(new AttributeDistributionClassifier(),
      "-calibrator none");
    classifier.buildClassifier(data);
    for (Instance instance : data) {
      assertArrayEquals(new double[3], classifier.distributionForInstance(instance), 0.0);
      assertTrue(Utils.isMissingValue(classifier.classifyInstance(instance)));
      for (double value : classifier.sigmoidScores(instance)) {
        assertTrue(Double.isNaN(value), "score must be missing, not " + value);
      }
      for (double value : classifier.labelSet(instance)) {
        assertTrue(Double.isNaN(value), "label must be missing, not " + value);
      }
      for (double value : classifier.logits(instance)) {
        assertTrue(Double.isNaN(value), "logit must be missing, not " + value);
      }
    }
  }

  @Test
  void invalidCalibrationRowsAreCountedAndLeftOut() throws Exception {
    Instances data = TestData.arff("@relation b2\n@attribute p1 numeric\n@attribute p2 numeric\n"
      + "@attribute cls {a,b}\n@data\n0,0,a\n0.7,0.3,a\n0.2,0.8,b\n0.6,0.4,b\n");
    SoftmaxToSigmoid classifier = configured(new AttributeDistributionClassifier(),
      "-calibration-source training");
    classifier.buildClassifier(data);
    assertTrue(classifier.getWarnings().stream().anyMatch(w -> w.startsWith("1 of 4")),
      classifier.getWarnings().toString());
    assertTrue(classifier.toString().contains("1 of 4 calibration instances"));
  }

  @Test
  void oneRDistributionIsFlooredBeforeTheCenteredGauge() throws Exception {
    // Case A1, Weka-native: OneR -B 1 on t1 gives y = (1, 0, 0) for red.
    Instance red = TestData.t1().instance(0);
    double[][] expected = {
      {0.999900, 0.009901, 0.009901},
      {0.5, 0.000001, 0.000001},
      {0.5, 0.000001, 0.000001},
    };
    String[] gauges = {"centered", "maximum", "unit"};
    for (int g = 0; g < gauges.length; g++) {
      OneR oneR = new OneR();
      oneR.setMinBucketSize(1);
      SoftmaxToSigmoid classifier = configured(oneR,
        "-calibrator none -smoothing 1e-6 -gauge " + gauges[g]);
      classifier.buildClassifier(TestData.t1());
      assertArrayEquals(expected[g], classifier.sigmoidScores(red), 1e-6, gauges[g]);
    }
  }

  @Test
  void zeroRWeightsEqualRepeatedRows() throws Exception {
    // Case F1(a): ZeroR gives (0.5, 1/3, 1/6) on t2 (weights) and on t3 (copies).
    // Centered: y / (y + R) with R the geometric mean (1/36)^(1/3); maximum: y / (y + 0.5);
    // unit: y / (1 + y).
    double[][] expected = {
      {0.622779, 0.523955, 0.354972},
      {0.5, 0.4, 0.25},
      {1.0 / 3, 0.25, 1.0 / 7},
    };
    String[] gauges = {"centered", "maximum", "unit"};
    for (int g = 0; g < gauges.length; g++) {
      String options = "-calibrator none -smoothing 0 -gauge " + gauges[g];
      SoftmaxToSigmoid weighted = configured(new ZeroR(), options);
      weighted.buildClassifier(TestData.t2());
      SoftmaxToSigmoid copies = configured(new ZeroR(), options);
      copies.buildClassifier(TestData.t3());
      Instance any = TestData.t3().instance(0);
      assertArrayEquals(expected[g], weighted.sigmoidScores(any), 1e-6, gauges[g]);
      assertArrayEquals(weighted.sigmoidScores(any), copies.sigmoidScores(any), 0.0, gauges[g]);
    }
  }

  @Test
  void weightsReachTheCalibratorOnEverySource() throws Exception {
    // Case F1(b): weighted class-1 fractions 0.8 and 0.2 give a = 1, b = 0 under the
    // reference gauge; ignoring weights would give a = ln 3 / ln 4 = 0.792481. The stub base
    // ignores its training data, so cross-validation pools the same predictions.
    double[][] rows = {{0.8, 0.2}, {0.8, 0.2}, {0.8, 0.2}, {0.8, 0.2},
      {0.2, 0.8}, {0.2, 0.8}, {0.2, 0.8}, {0.2, 0.8}};
    String[] classes = {"c1", "c1", "c1", "c2", "c2", "c2", "c2", "c1"};
    double[] weights = {1, 1, 2, 1, 1, 2, 1, 1};
    Instances data = TestData.arff(binaryRows(rows, classes, weights));
    for (String source : new String[] {"training", "cv -folds 2"}) {
      SoftmaxToSigmoid classifier = configured(new AttributeDistributionClassifier(),
        "-gauge reference -smoothing 0 -ridge 0 -calibration-source " + source);
      classifier.buildClassifier(data);
      assertEquals(1.0, linear(classifier).scale(0), 1e-8, source);
      assertEquals(0.0, linear(classifier).offset(0), 1e-8, source);
    }
  }

  @Test
  void caseA4ParametersThroughTheClassifier() throws Exception {
    // 10 rows at (0.8, 0.2) with 8 of c1, 10 at (0.2, 0.8) with 2 of c1; centered gauge:
    // a = 2, b = 0, and the calibrated c1 scores are 0.8 and 0.2.
    double[][] rows = new double[20][];
    String[] classes = new String[20];
    for (int i = 0; i < 20; i++) {
      rows[i] = i < 10 ? new double[] {0.8, 0.2} : new double[] {0.2, 0.8};
      classes[i] = (i < 8 || (i >= 10 && i < 12)) ? "c1" : "c2";
    }
    Instances data = TestData.arff(binaryRows(rows, classes, null));
    SoftmaxToSigmoid classifier = configured(new AttributeDistributionClassifier(),
      "-gauge centered -smoothing 0 -ridge 0 -calibration-source training");
    classifier.buildClassifier(data);
    assertEquals(2.0, linear(classifier).scale(0), 1e-8);
    assertEquals(0.0, linear(classifier).offset(0), 1e-8);
    assertEquals(0.8, classifier.sigmoidScores(data.instance(0))[0], 1e-8);
    assertEquals(0.2, classifier.sigmoidScores(data.instance(10))[0], 1e-8);
  }

  @Test
  void antiInformativeCalibrationKeepsTheRanking() throws Exception {
    // Case E1: the unconstrained scale is -0.3856; the model keeps a = 1 and warns in its text.
    double[][] rows = new double[20][];
    String[] classes = new String[20];
    for (int i = 0; i < 20; i++) {
      rows[i] = i < 10 ? new double[] {0.9, 0.1} : new double[] {0.1, 0.9};
      classes[i] = (i < 3 || (i >= 10 && i < 17)) ? "c1" : "c2";
    }
    Instances data = TestData.arff(binaryRows(rows, classes, null));
    SoftmaxToSigmoid classifier = configured(new AttributeDistributionClassifier(),
      "-gauge reference -smoothing 0 -ridge 0 -calibration-source training");
    classifier.buildClassifier(data);
    assertEquals(1.0, linear(classifier).scale(0), 0.0);
    assertEquals(0.0, linear(classifier).offset(0), 1e-9);
    assertTrue(classifier.toString().contains("-0.3856"), classifier.toString());
    double[] high = classifier.sigmoidScores(data.instance(0));
    double[] low = classifier.sigmoidScores(data.instance(10));
    assertTrue(high[0] > low[0], "the ranking of class c1 is kept");
  }

  @Test
  void rareClassInCrossValidationIsNamed() throws Exception {
    // Case D1: class c has 1 instance and there are 3 folds.
    Instances data = TestData.arff("@relation rare-class\n@attribute x numeric\n"
      + "@attribute cls {a,b,c}\n@data\n1.0,a\n1.1,a\n1.2,a\n2.0,b\n2.1,b\n2.2,b\n3.0,c\n");
    OneR oneR = new OneR();
    oneR.setMinBucketSize(1);
    SoftmaxToSigmoid classifier = configured(oneR, "-folds 3");
    classifier.buildClassifier(data);
    assertTrue(classifier.getWarnings().stream()
      .anyMatch(w -> w.contains("Class 'c' has 1 instance, fewer than the 3 folds")),
      classifier.getWarnings().toString());
    double[] scores = classifier.sigmoidScores(data.instance(6));
    assertEquals(3, scores.length);
    for (double score : scores) {
      assertTrue(Double.isFinite(score));
    }
    assertFalse(classifier.toString().contains("NaN"));
    assertFalse(classifier.toString().contains("Infinity"));
  }

  @Test
  void foldsMissingAClassKeepAllClasses() throws Exception {
    // Case D2: every training fold contains two of the three classes.
    Instances data = TestData.arff("@relation d2\n@attribute x numeric\n@attribute cls {a,b,c}\n"
      + "@data\n1.0,a\n1.1,a\n2.0,b\n2.1,b\n3.0,c\n3.1,c\n");
    SoftmaxToSigmoid classifier = configured(new J48(), "-folds 3");
    classifier.buildClassifier(data);
    for (Instance instance : data) {
      assertEquals(3, classifier.sigmoidScores(instance).length);
      assertEquals(3, classifier.labelSet(instance).length);
    }
  }

  @Test
  void singleClassFoldsStillFit() throws Exception {
    // Case D3, scenario 1: 4 rows, 2 per class, 4 folds; the pooled out-of-fold
    // predictions contain both classes.
    Instances data = TestData.arff("@relation d3\n@attribute x numeric\n@attribute cls {a,b}\n"
      + "@data\n1.0,a\n1.1,a\n2.0,b\n2.1,b\n");
    SoftmaxToSigmoid classifier = configured(new J48(), "-folds 4");
    classifier.buildClassifier(data);
    assertTrue(Double.isFinite(linear(classifier).scale(0)));
    assertTrue(Double.isFinite(linear(classifier).offset(0)));
  }

  @Test
  void unaryClassIsRejectedThroughCapabilities() {
    // Case G2: a one-value class.
    Instances data = TestData.arff("@relation g2\n@attribute x numeric\n@attribute cls {only}\n"
      + "@data\n1,only\n2,only\n");
    Exception error = assertThrows(Exception.class,
      () -> configured(new J48(), "").buildClassifier(data));
    assertTrue(error.getMessage().toLowerCase().contains("unary"), error.getMessage());
  }

  @Test
  void missingClassValuesAreLeftOut() throws Exception {
    Instances data = TestData.arff("@relation missing\n@attribute x numeric\n"
      + "@attribute cls {a,b}\n@data\n1,a\n1.1,a\n2,b\n2.1,b\n3,?\n");
    SoftmaxToSigmoid classifier = configured(new J48(), "-folds 2");
    classifier.buildClassifier(data);
    assertTrue(classifier.getWarnings().get(0).startsWith("1 training instances with a "
      + "missing class"), classifier.getWarnings().toString());
  }

  @Test
  void distributionIsNormalisedScores() throws Exception {
    Instances data = TestData.t1();
    SoftmaxToSigmoid classifier = configured(new ZeroR(), "-calibrator none");
    classifier.buildClassifier(data);
    double[] scores = classifier.sigmoidScores(data.instance(0));
    double sum = Arrays.stream(scores).sum();
    double[] distribution = classifier.distributionForInstance(data.instance(0));
    for (int k = 0; k < scores.length; k++) {
      assertEquals(scores[k] / sum, distribution[k], 1e-15);
    }
    classifier.setOutputBaseDistribution(true);
    assertArrayEquals(new ZeroR() {{ buildClassifier(data); }}.distributionForInstance(
      data.instance(0)), classifier.distributionForInstance(data.instance(0)), 0.0);
  }

  @Test
  void distributionMatchesLogSpaceNormalisation() throws Exception {
    // s_k / sum_j s_j and exp(ln s_k - max) / sum_j exp(ln s_j - max) are the same number.
    // The direct division and the log-space softmax may therefore differ only by rounding,
    // a few units of 2^-53 on entries of at most 1, hence the tolerance 1e-15.
    Instances iris = TestData.load(new File(TestData.sharedDataDirectory(), "uci/iris.arff"));
    for (String calibrator : new String[] {"none", "shared", "per-class", "isotonic"}) {
      SoftmaxToSigmoid classifier = configured(new J48(), "-calibrator " + calibrator);
      classifier.buildClassifier(iris);
      for (Instance instance : iris) {
        double[] logits = classifier.logits(instance);
        double[] logScores = new double[logits.length];
        for (int k = 0; k < logits.length; k++) {
          logScores[k] = LogisticMath.logSigmoid(logits[k]);
        }
        double[] distribution = classifier.distributionForInstance(instance);
        assertArrayEquals(LogisticMath.softmax(logScores), distribution, 1e-15, calibrator);
        // The same steps on the base distribution give the same bits.
        double[] base = classifier.getClassifier().distributionForInstance(instance);
        assertArrayEquals(distribution, classifier.distributionForBaseDistribution(base), 0.0,
          calibrator);
      }
    }
  }

  @Test
  void labelCountAboveClassCountRejected() throws Exception {
    // Three classes: at most 3 labels per instance, so k = 4 and a cardinality of 3.5
    // cannot be met, and building must stop instead of labelling every class.
    Instances data = TestData.arff("@relation g\n@attribute p1 numeric\n@attribute p2 numeric\n"
      + "@attribute p3 numeric\n@attribute cls {a,b,c}\n@data\n0.6,0.3,0.1,a\n0.2,0.5,0.3,b\n");

    Exception topK = assertThrows(Exception.class, () -> configured(
      new AttributeDistributionClassifier(), "-threshold-rule top-k -top-k 4 -calibrator none")
      .buildClassifier(data));
    Exception cardinality = assertThrows(Exception.class, () -> configured(
      new AttributeDistributionClassifier(),
      "-threshold-rule cardinality -cardinality 3.5 -calibrator none").buildClassifier(data));

    assertEquals("Option -top-k is 4 but the class attribute 'cls' has only 3 values; use a k "
      + "from 1 to 3.", topK.getMessage());
    assertEquals("Option -cardinality is 3.5 but the class attribute 'cls' has only 3 values, "
      + "so no instance can have that many labels; use 0 to take the mean from the "
      + "calibration data, or a number up to 3.", cardinality.getMessage());
  }

  @Test
  void labelSetAtOrAboveThreshold() throws Exception {
    // Case G1, uniform K = 3 under the centered gauge: every score is exactly 0.5, so
    // ">=" labels all three classes.
    Instances data = TestData.arff("@relation g1\n@attribute p1 numeric\n@attribute p2 numeric\n"
      + "@attribute p3 numeric\n@attribute cls {a,b,c}\n@data\n1,1,1,a\n0.4,0.35,0.25,b\n");
    SoftmaxToSigmoid classifier = configured(new AttributeDistributionClassifier(),
      "-gauge centered -calibrator none");
    classifier.buildClassifier(data);
    assertArrayEquals(new double[] {1, 1, 1}, classifier.labelSet(data.instance(0)), 0.0);
    // The rule is part of the trained model, so changed options need a rebuild.
    classifier.setThreshold(0.9);
    classifier.buildClassifier(data);
    assertArrayEquals(new double[] {0, 0, 0}, classifier.labelSet(data.instance(1)), 0.0);
    classifier.setKeepTop(true);
    classifier.buildClassifier(data);
    assertArrayEquals(new double[] {1, 0, 0}, classifier.labelSet(data.instance(1)), 0.0);
  }

  @Test
  void allZeroIsotonicScoresKeepBaseRanking() throws Exception {
    // Class c is never a label, and y = (0.1, 0.1, 0.8) gives classes a and b the logits
    // that only negatives had: isotonic calibration scores every class exactly 0 there.
    // distributionForInstance must still sum to 1 and keep the base model's top class c.
    String header = "@relation iso\n@attribute p1 numeric\n@attribute p2 numeric\n"
      + "@attribute p3 numeric\n@attribute cls {a,b,c}\n@data\n";
    Instances data = TestData.arff(header + "0.8,0.1,0.1,a\n0.8,0.1,0.1,a\n"
      + "0.1,0.8,0.1,b\n0.1,0.8,0.1,b\n");
    SoftmaxToSigmoid classifier = configured(new AttributeDistributionClassifier(),
      "-calibrator isotonic -calibration-source training");
    classifier.buildClassifier(data);
    Instance probe = TestData.arff(header + "0.1,0.1,0.8,c\n").instance(0);
    assertArrayEquals(new double[] {0, 0, 0}, classifier.sigmoidScores(probe), 0.0);
    double[] distribution = classifier.distributionForInstance(probe);
    assertEquals(1.0, distribution[0] + distribution[1] + distribution[2], 1e-12);
    assertEquals(2, Utils.maxIndex(distribution));
  }

  @Test
  void unitGaugeWithoutCalibrationWarnsAboutThreshold() throws Exception {
    SoftmaxToSigmoid classifier = configured(new ZeroR(), "-gauge unit -calibrator none");
    classifier.buildClassifier(TestData.t1());
    assertTrue(classifier.getWarnings().stream().anyMatch(w -> w.contains("at most 0.5")));
  }

  @Test
  void modelDescriptionStatesTheFit() throws Exception {
    Instances glass = TestData.load(new File("data/glass.arff"));
    SoftmaxToSigmoid classifier = configured(new J48(), "-smoothing 1e-6");
    classifier.buildClassifier(glass);
    String text = classifier.toString();
    assertTrue(text.contains("Base classifier:    weka.classifiers.trees.J48"), text);
    assertTrue(text.contains("Gauge:              one-vs-rest"), text);
    assertTrue(text.contains("5-fold stratified cross-validation (seed 1), 214 instances"), text);
    assertTrue(text.contains("eps = 0.000001"), text);
    assertTrue(text.contains("Calibrator:         per-class"), text);
    assertTrue(text.contains("Fitted parameters:"), text);
    assertTrue(text.contains("no instance of class 'vehic wind non-float'"), text);
    assertFalse(text.contains("NaN"), text);
    assertFalse(text.contains("Infinity"), text);
  }

  @Test
  void trainedModelSurvivesSerialization() throws Exception {
    Instances glass = TestData.load(new File("data/glass.arff"));
    SoftmaxToSigmoid classifier = configured(new J48(), "");
    classifier.buildClassifier(glass);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(classifier);
    }
    SoftmaxToSigmoid copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (SoftmaxToSigmoid) in.readObject();
    }
    for (Instance instance : glass) {
      assertArrayEquals(classifier.sigmoidScores(instance), copy.sigmoidScores(instance), 0.0);
    }
  }

  @Test
  void untrainedModelRefusesToPredict() {
    SoftmaxToSigmoid classifier = new SoftmaxToSigmoid();
    Exception error = assertThrows(Exception.class,
      () -> classifier.sigmoidScores(TestData.t1().instance(0)));
    assertTrue(error.getMessage().contains("has not been trained"), error.getMessage());
  }
}
