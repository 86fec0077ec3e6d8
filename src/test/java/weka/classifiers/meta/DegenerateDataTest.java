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
import weka.classifiers.meta.softmaxtosigmoid.AttributeDistributionClassifier;
import weka.classifiers.meta.softmaxtosigmoid.LinearCalibration;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Degenerate training and calibration data. Each case either trains and lists in
 * toString() what it could not do, or fails with a message that names the problem.
 */
class DegenerateDataTest {

  @TempDir
  Path folder;

  private static final String[] BASES = {"weka.classifiers.trees.RandomForest",
    "weka.classifiers.trees.J48", "weka.classifiers.bayes.NaiveBayes",
    "weka.classifiers.rules.ZeroR"};

  private static final String[] CALIBRATORS = {"none", "offset", "shared", "per-class",
    "isotonic"};

  private static SoftmaxToSigmoid configured(String base, String options) throws Exception {
    String[] baseOptions = Utils.splitOptions(base);
    String name = baseOptions[0];
    baseOptions[0] = "";
    SoftmaxToSigmoid classifier = new SoftmaxToSigmoid();
    classifier.setOptions(Utils.splitOptions(options));
    classifier.setClassifier(AbstractClassifier.forName(name, baseOptions));
    return classifier;
  }

  /** Returns the model text without the warning's literal "(NaN, ...)" description. */
  private static String text(SoftmaxToSigmoid classifier) {
    return classifier.toString().replace("(NaN, negative or all zero)", "");
  }

  private static void assertFiniteText(SoftmaxToSigmoid classifier, String where) {
    assertFalse(text(classifier).contains("NaN"), where + ": " + classifier);
    assertFalse(text(classifier).contains("Infinity"), where + ": " + classifier);
  }

  private static void assertScoresInUnitInterval(SoftmaxToSigmoid classifier,
    Instance instance, String where) throws Exception {
    for (double score : classifier.sigmoidScores(instance)) {
      assertTrue(score >= 0, where + ": score " + score + " at least 0");
      assertTrue(score <= 1, where + ": score " + score + " at most 1");
    }
  }

  private static final String NUMERIC_HEADER = "@relation d\n@attribute x numeric\n"
    + "@attribute cls {a,b,c}\n@data\n";

  @Test
  void unaryClassIsRejectedForEveryBase() throws Exception {
    // Weka's capabilities reject a one-value class before any training.
    Instances data = TestData.arff("@relation g\n@attribute x numeric\n@attribute cls {only}\n"
      + "@data\n1,only\n2,only\n");
    for (String base : BASES) {
      Exception error = assertThrows(Exception.class,
        () -> configured(base, "").buildClassifier(data), base);
      assertEquals("weka.classifiers.meta.SoftmaxToSigmoid: Cannot handle unary class!",
        error.getMessage(), base);
    }
  }

  @Test
  void numericClassIsRejectedForEveryBase() throws Exception {
    Instances data = TestData.arff("@relation g\n@attribute x numeric\n@attribute y numeric\n"
      + "@data\n1,1\n2,2\n");
    for (String base : BASES) {
      Exception error = assertThrows(Exception.class,
        () -> configured(base, "").buildClassifier(data), base);
      assertEquals("weka.classifiers.meta.SoftmaxToSigmoid: Cannot handle numeric class!",
        error.getMessage(), base);
    }
  }

  @Test
  void twoClassesGiveTwoScores() throws Exception {
    Instances data = TestData.arff("@relation g\n@attribute x numeric\n@attribute cls {a,b}\n"
      + "@data\n1,a\n1.2,a\n1.4,a\n1.6,b\n2,b\n2.2,b\n1.5,a\n1.3,b\n");
    for (String base : BASES) {
      for (String calibrator : CALIBRATORS) {
        String where = base + ", " + calibrator;
        SoftmaxToSigmoid classifier = configured(base, "-folds 2 -calibrator " + calibrator);
        classifier.buildClassifier(data);
        assertEquals(2, classifier.sigmoidScores(data.instance(0)).length, where);
        assertEquals(2, classifier.labelSet(data.instance(0)).length, where);
        assertScoresInUnitInterval(classifier, data.instance(0), where);
        assertFiniteText(classifier, where);
      }
    }
  }

  @Test
  void declaredClassWithoutInstancesIsNamed() throws Exception {
    // Class c is declared but never occurs: the model still scores it and warns about it.
    Instances data = TestData.arff(NUMERIC_HEADER + "1,a\n1.1,a\n1.2,a\n1.3,a\n2,b\n2.1,b\n"
      + "2.2,b\n2.3,b\n1.5,a\n1.8,b\n");
    for (String base : BASES) {
      for (int c = 1; c < CALIBRATORS.length; c++) {
        String where = base + ", " + CALIBRATORS[c];
        SoftmaxToSigmoid classifier = configured(base, "-folds 2 -calibrator " + CALIBRATORS[c]);
        classifier.buildClassifier(data);
        assertTrue(classifier.toString().contains("The calibration data have no instance of "
          + "class 'c'."), where + ": " + classifier);
        assertEquals(3, classifier.sigmoidScores(data.instance(0)).length, where);
        assertScoresInUnitInterval(classifier, data.instance(0), where);
        assertFiniteText(classifier, where);
      }
    }
  }

  @Test
  void classRarerThanFoldsIsNamed() throws Exception {
    // Class c has 2 instances and there are 5 folds, so three fold models never see it.
    Instances data = TestData.arff(NUMERIC_HEADER + "1,a\n1.1,a\n1.2,a\n1.3,a\n2,b\n2.1,b\n"
      + "2.2,b\n2.3,b\n3,c\n3.1,c\n");
    for (String base : BASES) {
      SoftmaxToSigmoid classifier = configured(base, "-folds 5");
      classifier.buildClassifier(data);
      assertTrue(classifier.toString().contains("Class 'c' has 2 instances, fewer than the 5 "
        + "folds"), base + ": " + classifier);
      assertScoresInUnitInterval(classifier, data.instance(9), base);
      assertFiniteText(classifier, base);
    }
  }

  private File write(String name, String text) throws Exception {
    Path file = folder.resolve(name);
    Files.writeString(file, text);
    return file.toFile();
  }

  private static final String STUB_HEADER = "@relation s\n@attribute p1 numeric\n"
    + "@attribute p2 numeric\n@attribute p3 numeric\n@attribute cls {a,b,c}\n@data\n";

  private static final String STUB_ROWS = "0.7,0.2,0.1,a\n0.2,0.7,0.1,b\n0.1,0.2,0.7,c\n"
    + "0.5,0.3,0.2,a\n0.3,0.5,0.2,b\n0.2,0.3,0.5,c\n";

  private SoftmaxToSigmoid withCalibrationFile(String calibrationRows, String options)
    throws Exception {
    File file = write("cal.arff", STUB_HEADER + calibrationRows);
    SoftmaxToSigmoid classifier = new SoftmaxToSigmoid();
    classifier.setOptions(Utils.splitOptions("-calibration-source file " + options));
    classifier.setCalibrationFile(file);
    classifier.setClassifier(new AttributeDistributionClassifier());
    classifier.buildClassifier(TestData.arff(STUB_HEADER + STUB_ROWS));
    return classifier;
  }

  @Test
  void singleClassCalibrationFileWarnsForEveryCalibrator() throws Exception {
    // Every calibration row is class a: each calibrator fits finite parameters, and the
    // model text warns that the fit only learned "always a".
    String rows = "0.7,0.2,0.1,a\n0.4,0.4,0.2,a\n0.2,0.3,0.5,a\n0.6,0.1,0.3,a\n";
    for (int c = 1; c < CALIBRATORS.length; c++) {
      for (String ridge : new String[] {"0", "0.01"}) {
        String where = CALIBRATORS[c] + ", ridge " + ridge;
        SoftmaxToSigmoid classifier = withCalibrationFile(rows, "-calibrator " + CALIBRATORS[c]
          + " -ridge " + ridge);
        assertTrue(classifier.toString().contains("The calibration data contain only class "
          + "'a'"), where + ": " + classifier);
        assertFiniteText(classifier, where);
        Instance instance = TestData.arff(STUB_HEADER + STUB_ROWS).instance(1);
        assertScoresInUnitInterval(classifier, instance, where);
      }
    }
  }

  @Test
  void calibrationFileWithoutAClassIsNamed() throws Exception {
    String rows = "0.7,0.2,0.1,a\n0.4,0.4,0.2,b\n0.2,0.6,0.2,b\n0.6,0.1,0.3,a\n";
    SoftmaxToSigmoid classifier = withCalibrationFile(rows, "");
    assertTrue(classifier.toString().contains("The calibration data have no instance of class "
      + "'c'."), classifier.toString());
    assertFiniteText(classifier, "no class c");
  }

  @Test
  void calibrationRowsWithoutClassAreLeftOut() throws Exception {
    // Two rows with a missing class would pull the fit if they were read as class a (index
    // 0). They are counted and left out: the fit equals the one without them.
    String clean = "0.7,0.2,0.1,a\n0.4,0.4,0.2,b\n0.2,0.3,0.5,c\n0.6,0.1,0.3,a\n"
      + "0.3,0.5,0.2,c\n0.2,0.2,0.6,b\n";
    SoftmaxToSigmoid without = withCalibrationFile(clean, "-ridge 0");
    SoftmaxToSigmoid with = withCalibrationFile(clean + "0.05,0.05,0.9,?\n0.1,0.1,0.8,?\n",
      "-ridge 0");
    LinearCalibration expected = (LinearCalibration) without.getCalibrationMap();
    LinearCalibration actual = (LinearCalibration) with.getCalibrationMap();
    assertEquals(expected.scale(0), actual.scale(0), 0.0);
    assertEquals(expected.offset(0), actual.offset(0), 0.0);
    assertTrue(with.toString().contains("2 rows of calibration file"), with.toString());
  }

  @Test
  void missingTrainingClassesAreNeverClassA() throws Exception {
    // Rows with a missing class are left out of training and calibration, with a warning,
    // so the fit equals the fit without them. They are still scored like any instance.
    String clean = "0.7,0.2,0.1,a\n0.4,0.4,0.2,b\n0.2,0.3,0.5,c\n0.6,0.1,0.3,a\n"
      + "0.3,0.5,0.2,c\n0.2,0.2,0.6,b\n";
    Instances withMissing = TestData.arff(STUB_HEADER + clean + "0.1,0.1,0.8,?\n"
      + "0.05,0.05,0.9,?\n");
    for (String source : new String[] {"training", "cv -folds 2", "holdout"}) {
      SoftmaxToSigmoid expected = new SoftmaxToSigmoid();
      expected.setOptions(Utils.splitOptions("-ridge 0 -calibration-source " + source));
      expected.setClassifier(new AttributeDistributionClassifier());
      expected.buildClassifier(TestData.arff(STUB_HEADER + clean));
      SoftmaxToSigmoid actual = new SoftmaxToSigmoid();
      actual.setOptions(Utils.splitOptions("-ridge 0 -calibration-source " + source));
      actual.setClassifier(new AttributeDistributionClassifier());
      actual.buildClassifier(withMissing);
      LinearCalibration expectedMap = (LinearCalibration) expected.getCalibrationMap();
      LinearCalibration actualMap = (LinearCalibration) actual.getCalibrationMap();
      assertEquals(expectedMap.scale(0), actualMap.scale(0), 0.0, source);
      assertEquals(expectedMap.offset(0), actualMap.offset(0), 0.0, source);
      assertTrue(actual.toString().contains("2 training instances with a missing class were "
        + "left out of training and calibration."), source + ": " + actual);
      assertScoresInUnitInterval(actual, withMissing.instance(6), source);
    }
  }

  @Test
  void allEqualDistributionsFitFiniteMaps() throws Exception {
    // ZeroR gives every instance the same distribution, so within a class every calibration
    // logit is equal and the per-class scale is not determined by the data. Balanced
    // classes make the distribution uniform as well, so every logit is 0.
    Instances skewed = TestData.arff(NUMERIC_HEADER + "1,a\n2,b\n3,c\n1.1,a\n2.1,b\n3.1,a\n");
    Instances balanced = TestData.arff(NUMERIC_HEADER + "1,a\n2,b\n3,c\n1.1,a\n2.1,b\n3.1,c\n");
    for (Instances data : new Instances[] {skewed, balanced}) {
      for (String calibrator : CALIBRATORS) {
        for (String ridge : new String[] {"0", "0.01"}) {
          String where = data.numInstances() + " rows, " + calibrator + ", ridge " + ridge;
          SoftmaxToSigmoid classifier = configured("weka.classifiers.rules.ZeroR",
            "-calibration-source training -per-class-minimum 0 -calibrator " + calibrator
              + " -ridge " + ridge);
          classifier.buildClassifier(data);
          assertFiniteText(classifier, where);
          assertScoresInUnitInterval(classifier, data.instance(0), where);
          if (data == balanced) {
            // Each class has 2 of 6 rows at logit 0; the per-class fits solve sigmoid(b) =
            // 1/3 one by one and stop within 1e-10 relative steps, hence the 1e-8.
            double[] scores = classifier.sigmoidScores(data.instance(0));
            assertEquals(scores[0], scores[1], 1e-8, where + ": uniform row, equal scores");
            assertEquals(scores[0], scores[2], 1e-8, where + ": uniform row, equal scores");
          }
        }
      }
    }
  }

  @Test
  void equalWeightsActAsCopies() throws Exception {
    // Weka's weights count like copies: every weight 2 gives the fit of the data written
    // twice, and NaiveBayes's estimates do not change either way.
    String rows = "1,a\n1.2,a\n1.9,a\n2,b\n2.2,b\n1.1,b\n3,c\n3.3,c\n2.1,c\n1.4,a\n";
    Instances weighted = TestData.arff(NUMERIC_HEADER + rows.replace("\n", ",{2}\n"));
    Instances copies = TestData.arff(NUMERIC_HEADER + rows + rows);
    for (int c = 1; c < CALIBRATORS.length; c++) {
      String options = "-calibration-source training -calibrator " + CALIBRATORS[c];
      SoftmaxToSigmoid fromWeights = configured("weka.classifiers.bayes.NaiveBayes", options);
      fromWeights.buildClassifier(weighted);
      SoftmaxToSigmoid fromCopies = configured("weka.classifiers.bayes.NaiveBayes", options);
      fromCopies.buildClassifier(copies);
      for (Instance instance : copies) {
        assertArrayEquals(fromCopies.sigmoidScores(instance), fromWeights.sigmoidScores(instance),
          1e-9, CALIBRATORS[c]);
      }
    }
  }

  @Test
  void tinyEqualWeightsKeepTheFitFinite() throws Exception {
    // Weights of 1e-300 leave the likelihood about 1e-300 against the prior, so the fit
    // stays at the prior's centre a = 1, b = 0 instead of failing.
    String rows = "1,a\n1.2,a\n1.9,a\n2,b\n2.2,b\n1.1,b\n3,c\n3.3,c\n2.1,c\n1.4,a\n";
    Instances data = TestData.arff(NUMERIC_HEADER + rows.replace("\n", ",{1e-300}\n"));
    SoftmaxToSigmoid classifier = configured("weka.classifiers.bayes.NaiveBayes",
      "-calibration-source training");
    classifier.buildClassifier(data);
    LinearCalibration map = (LinearCalibration) classifier.getCalibrationMap();
    assertEquals(1, map.scale(0), 1e-9);
    assertEquals(0, map.offset(0), 1e-9);
    assertFiniteText(classifier, "weights 1e-300");
  }

  @Test
  void emptyTrainingDataWarnsOrIsRejected() throws Exception {
    // Without instances, ZeroR, J48 and NaiveBayes train and the model text says that no
    // calibration was possible; RandomForest's capabilities ask for at least one instance.
    Instances empty = TestData.arff(NUMERIC_HEADER);
    Instance probe = TestData.arff(NUMERIC_HEADER + "1.5,a\n").instance(0);
    for (String base : new String[] {"weka.classifiers.trees.J48",
      "weka.classifiers.bayes.NaiveBayes", "weka.classifiers.rules.ZeroR"}) {
      for (String source : new String[] {"cv", "holdout", "training"}) {
        String where = base + ", " + source;
        SoftmaxToSigmoid classifier = configured(base, "-calibration-source " + source);
        classifier.buildClassifier(empty);
        assertTrue(classifier.toString().contains("The calibration set is empty or has zero "
          + "total weight, so no calibration was fitted (a = 1, b = 0)."), where);
        assertFiniteText(classifier, where);
        double[] distribution = classifier.distributionForInstance(probe);
        for (double value : distribution) {
          assertTrue(value >= 0, where + ": " + value);
        }
      }
    }
    Exception error = assertThrows(Exception.class,
      () -> configured("weka.classifiers.trees.RandomForest", "").buildClassifier(empty));
    assertEquals("weka.classifiers.meta.SoftmaxToSigmoid: Not enough training instances with "
      + "class labels (required: 1, provided: 0)!", error.getMessage());
  }

  @Test
  void singleInstanceTrainsWithWarning() throws Exception {
    Instances one = TestData.arff(NUMERIC_HEADER + "1,a\n");
    for (String base : BASES) {
      SoftmaxToSigmoid classifier = configured(base, "");
      classifier.buildClassifier(one);
      assertTrue(classifier.toString().contains("Cross-validation needs at least 2 instances, "
        + "found 1"), base + ": " + classifier);
      assertTrue(classifier.toString().contains("The calibration data contain only class 'a'"),
        base + ": " + classifier);
      assertScoresInUnitInterval(classifier, one.instance(0), base);
      assertFiniteText(classifier, base);
    }
  }

  @Test
  void onlyMissingClassesWarn() throws Exception {
    // Every class is missing: RandomForest's capabilities reject the data, the other bases
    // train on nothing and the text lists the dropped rows and the empty calibration set.
    Instances data = TestData.arff(NUMERIC_HEADER + "1,?\n2,?\n");
    for (String base : BASES) {
      SoftmaxToSigmoid classifier = configured(base, "");
      if (base.endsWith("RandomForest")) {
        Exception error = assertThrows(Exception.class, () -> classifier.buildClassifier(data));
        assertTrue(error.getMessage().contains("Not enough training instances with class labels"),
          error.getMessage());
        continue;
      }
      classifier.buildClassifier(data);
      assertTrue(classifier.toString().contains("2 training instances with a missing class "
        + "were left out"), base + ": " + classifier);
      assertTrue(classifier.toString().contains("The calibration set is empty"),
        base + ": " + classifier);
      assertFiniteText(classifier, base);
    }
  }

  private static final String STRING_DATA = "@relation s\n@attribute text string\n"
    + "@attribute cls {a,b}\n@data\n'good fine',a\n'bad awful',b\n'good ok',a\n'awful bad',b\n"
    + "'fine good',a\n'bad bad',b\n";

  @Test
  void stringAttributesNeedCapableBase() throws Exception {
    // J48 cannot read strings and says so through the capabilities; a FilteredClassifier
    // with StringToWordVector can, and so can ZeroR, which ignores the attributes.
    Instances data = TestData.arff(STRING_DATA);
    Exception error = assertThrows(Exception.class,
      () -> configured("weka.classifiers.trees.J48", "-folds 2").buildClassifier(data));
    assertEquals("weka.classifiers.meta.SoftmaxToSigmoid: Cannot handle string attributes!",
      error.getMessage());
    for (String base : new String[] {"weka.classifiers.rules.ZeroR",
      "weka.classifiers.meta.FilteredClassifier -F "
        + "weka.filters.unsupervised.attribute.StringToWordVector -W "
        + "weka.classifiers.bayes.NaiveBayes"}) {
      SoftmaxToSigmoid classifier = configured(base, "-folds 2");
      classifier.buildClassifier(data);
      assertScoresInUnitInterval(classifier, data.instance(0), base);
      assertFiniteText(classifier, base);
    }
  }

  @Test
  void stringAttributesInCalibrationFile() throws Exception {
    // A calibration file with string values unknown to the training data: they are added
    // to the training header's string attribute, not mapped by index.
    File file = write("strings.arff", "@relation s\n@attribute text string\n"
      + "@attribute cls {a,b}\n@data\n'fine new words',a\n'bad unseen',b\n'good',a\n'awful',b\n");
    SoftmaxToSigmoid classifier = configured("weka.classifiers.meta.FilteredClassifier -F "
      + "weka.filters.unsupervised.attribute.StringToWordVector -W "
      + "weka.classifiers.bayes.NaiveBayes", "-calibration-source file");
    classifier.setCalibrationFile(file);
    classifier.buildClassifier(TestData.arff(STRING_DATA));
    assertTrue(classifier.toString().contains("4 instances"), classifier.toString());
    assertFiniteText(classifier, "string calibration file");
  }

  @Test
  void relationalAttributesNeedCapableBase() throws Exception {
    Instances data = TestData.arff("@relation m\n@attribute bag relational\n"
      + "@attribute v numeric\n@end bag\n@attribute cls {a,b}\n@data\n'1\\n2',a\n'5\\n6',b\n"
      + "'1\\n3',a\n'6\\n7',b\n");
    Exception error = assertThrows(Exception.class,
      () -> configured("weka.classifiers.trees.J48", "-folds 2").buildClassifier(data));
    assertEquals("weka.classifiers.meta.SoftmaxToSigmoid: Cannot handle relational attributes!",
      error.getMessage());
    SoftmaxToSigmoid classifier = configured("weka.classifiers.rules.ZeroR", "-folds 2");
    classifier.buildClassifier(data);
    assertScoresInUnitInterval(classifier, data.instance(0), "ZeroR");
    assertFiniteText(classifier, "ZeroR");
  }

  @Test
  void missingAttributeValuesAreScored() throws Exception {
    // The base handles missing predictor values at prediction time. Every base here does,
    // so every score is in [0, 1].
    Instances data = TestData.arff(NUMERIC_HEADER + "1,a\n1.1,a\n2,b\n2.1,b\n3,c\n3.1,c\n"
      + "1.2,a\n2.2,b\n3.2,c\n?,a\n");
    for (String base : BASES) {
      Classifier classifier = configured(base, "-folds 3");
      classifier.buildClassifier(data);
      assertScoresInUnitInterval((SoftmaxToSigmoid) classifier, data.instance(9), base);
    }
  }
}
