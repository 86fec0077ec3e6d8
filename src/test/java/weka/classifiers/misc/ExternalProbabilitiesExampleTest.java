package weka.classifiers.misc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.bayes.NaiveBayes;
import weka.classifiers.meta.SoftmaxToSigmoid;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.converters.ConverterUtils.DataSource;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.ProbabilitiesToSigmoid;

/**
 * Worked example for the README: predicted probabilities exported to CSV, with a
 * label column and the classes in another order than the ARFF header, are
 * calibrated by SoftmaxToSigmoid over PrecomputedDistribution and turned into
 * scores and label sets by ProbabilitiesToSigmoid, each with one command line.
 * The commands run through Weka's own command-line entry points.
 */
class ExternalProbabilitiesExampleTest {

  @TempDir
  File directory;

  private static Instances iris() throws Exception {
    String shared = System.getProperty("softmaxtosigmoid.shared.dir", "../shared");
    File file = new File(shared, "data/uci/iris.arff");
    assertTrue(file.isFile(), "Shared data file " + file.getAbsolutePath() + " not found.");
    Instances data = DataSource.read(file.getPath());
    data.setClassIndex(data.numAttributes() - 1);
    return data;
  }

  /**
   * Writes the label and the model's probabilities with the class columns in reversed
   * header order, named by class value, printed with 6 decimals.
   */
  private static File writeCsv(File file, Classifier model, Instances data) throws Exception {
    Attribute classAttribute = data.classAttribute();
    int numClasses = classAttribute.numValues();
    try (PrintWriter out = new PrintWriter(file, "UTF-8")) {
      StringBuilder header = new StringBuilder("species");
      for (int k = numClasses - 1; k >= 0; k--) {
        header.append(',').append(classAttribute.value(k));
      }
      out.println(header);
      for (Instance instance : data) {
        double[] y = model.distributionForInstance(instance);
        StringBuilder line = new StringBuilder(instance.stringValue(instance.classIndex()));
        for (int k = numClasses - 1; k >= 0; k--) {
          line.append(',').append(String.format(Locale.ROOT, "%.6f", y[k]));
        }
        out.println(line);
      }
    }
    return file;
  }

  @Test
  void csvProbabilitiesBecomeCalibratedLabelSets() throws Exception {
    Instances data = iris();
    data.randomize(new Random(1));
    data.stratify(4);
    Instances train = data.testCV(4, 0);
    train.addAll(data.testCV(4, 1));
    Instances calibration = data.testCV(4, 2);
    Instances test = data.testCV(4, 3);
    NaiveBayes base = new NaiveBayes();
    base.buildClassifier(train);
    File calibrationCsv = writeCsv(new File(directory, "calibration.csv"), base, calibration);
    File testCsv = writeCsv(new File(directory, "test.csv"), base, test);
    File modelFile = new File(directory, "sigmoid.model");
    File scoresFile = new File(directory, "scores.arff");

    // Command 1: fit the calibration on the exported probabilities and save the model.
    String report = Evaluation.evaluateModel(new SoftmaxToSigmoid(), new String[] {
      "-t", calibrationCsv.getPath(), "-c", "1", "-no-cv", "-d", modelFile.getPath(),
      "-calibrator", "per-class", "-threshold-rule", "per-class-f1",
      "-W", PrecomputedDistribution.class.getName(), "--", "-R", "2-4"});
    assertTrue(report.contains("SoftmaxToSigmoid"), report);

    // Command 2: turn new exported probabilities into scores and label sets.
    Filter.filterFile(new ProbabilitiesToSigmoid(), new String[] {
      "-i", testCsv.getPath(), "-o", scoresFile.getPath(), "-c", "1", "-R", "2-4",
      "-model", modelFile.getPath(), "-replace", "-labels"});

    SoftmaxToSigmoid model = (SoftmaxToSigmoid) SerializationHelper.read(modelFile.getPath());
    Instances csv = DataSource.read(testCsv.getPath());
    Instances scores = DataSource.read(scoresFile.getPath());
    Attribute modelClass = model.getTrainedClassAttribute();
    assertNotEquals(data.classAttribute().value(0), csv.attribute(1).name(),
      "the example needs columns in another order than the ARFF header");
    assertEquals(test.numInstances(), scores.numInstances());
    for (int i = 0; i < csv.numInstances(); i++) {
      double[] y = new double[modelClass.numValues()];
      for (int k = 0; k < y.length; k++) {
        y[k] = csv.instance(i).value(csv.attribute(modelClass.value(k)));
      }
      double[] expectedScores = SoftmaxToSigmoid.scoresFromLogits(
        model.logitsForDistribution(y));
      double[] expectedLabels = model.labelSetFromScores(expectedScores);
      for (int k = 0; k < y.length; k++) {
        String name = modelClass.value(k);
        assertEquals(expectedScores[k],
          scores.instance(i).value(scores.attribute("score_" + name)), 1e-6,
          "row " + (i + 1) + ", class " + name);
        assertEquals(expectedLabels[k],
          scores.instance(i).value(scores.attribute("label_" + name)), 0.0,
          "row " + (i + 1) + ", class " + name);
      }
    }
    assertEquals("species", scores.attribute(0).name());
  }
}
