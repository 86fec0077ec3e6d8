package weka.classifiers.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.meta.softmaxtosigmoid.LinearCalibration;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Runs the default pipeline on real data: glass (a declared class without
 * instances), segment (separate test file) and soybean (19 classes, missing
 * values), each with RandomForest and NaiveBayes as base.
 */
class RealDataTest {

  private static Instances[] trainAndTest(String dataset) throws Exception {
    File uci = new File(TestData.sharedDataDirectory(), "uci");
    if (dataset.equals("segment")) {
      return new Instances[] {TestData.load(new File(uci, "segment-challenge.arff")),
        TestData.load(new File(uci, "segment-test.arff"))};
    }
    Instances all = TestData.load(new File(uci, dataset + ".arff"));
    all.randomize(new Random(1));
    int trainSize = (int) Math.round(all.numInstances() * 0.66);
    return new Instances[] {new Instances(all, 0, trainSize),
      new Instances(all, trainSize, all.numInstances() - trainSize)};
  }

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource({
    "glass, weka.classifiers.trees.RandomForest",
    "glass, weka.classifiers.bayes.NaiveBayes",
    "segment, weka.classifiers.trees.RandomForest",
    "segment, weka.classifiers.bayes.NaiveBayes",
    "soybean, weka.classifiers.trees.RandomForest",
    "soybean, weka.classifiers.bayes.NaiveBayes",
  })
  void defaultPipelineFitsFiniteParameters(String dataset, String base) throws Exception {
    Instances[] parts = trainAndTest(dataset);
    SoftmaxToSigmoid classifier = new SoftmaxToSigmoid();
    classifier.setClassifier(AbstractClassifier.forName(base, new String[0]));
    classifier.buildClassifier(parts[0]);

    LinearCalibration map = (LinearCalibration) classifier.getCalibrationMap();
    assertTrue(Double.isFinite(map.scale(0)), "finite scale " + map.scale(0));
    assertTrue(map.scale(0) > 0, "positive scale " + map.scale(0));
    assertTrue(Double.isFinite(map.offset(0)), "offset " + map.offset(0));
    String text = classifier.toString();
    assertFalse(text.contains("NaN"), text);
    assertFalse(text.contains("Infinity"), text);

    Evaluation evaluation = new Evaluation(parts[0]);
    evaluation.evaluateModel((Classifier) classifier, parts[1]);
    assertEquals(parts[1].numInstances(), (int) Math.round(evaluation.numInstances()));
    for (Instance instance : parts[1]) {
      double[] scores = classifier.sigmoidScores(instance);
      assertEquals(parts[1].numClasses(), scores.length);
      for (double score : scores) {
        assertTrue(score >= 0, "score " + score + " at least 0");
        assertTrue(score <= 1, "score " + score + " at most 1");
      }
    }
  }
}
